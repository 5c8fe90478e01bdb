"""Optional OCR: page images → words with boxes (extra ``pcfaudit[ocr]``).

The engine is RapidOCR on onnxruntime: its wheel ships the Chinese and English models and
runs offline on the CPU. Its words go through the same words → table path as a PDF's
text layer (:mod:`.table_from_words`), marked ``source="ocr"`` so that a finding resting
on one is at most a warning. ``PCFAUDIT_OCR=0`` turns it off (a fast screening run).
"""

from __future__ import annotations

import importlib.util
import os
from typing import Any

from pcfaudit.extract.words import Word

_MIN_SCORE = 0.5  # recognitions the engine itself doubts are left out
_engine: Any = None


def available() -> bool:
    """True when the OCR extra is installed and not turned off."""
    if os.environ.get("PCFAUDIT_OCR", "").strip().lower() in {"0", "off", "no", "false"}:
        return False
    return importlib.util.find_spec("rapidocr_onnxruntime") is not None


def _get_engine() -> Any:
    global _engine
    if _engine is None:
        from rapidocr_onnxruntime import RapidOCR

        _engine = RapidOCR()
    return _engine


def recognise(image: Any) -> list[tuple[tuple[float, float, float, float], str, float]]:
    """Text boxes in an image (an RGB array): (x0, top, x1, bottom) in pixels, text, score."""
    result, _ = _get_engine()(image)
    out = []
    for box, text, score in result or []:
        xs = [float(p[0]) for p in box]
        ys = [float(p[1]) for p in box]
        out.append(((min(xs), min(ys), max(xs), max(ys)), str(text), float(score)))
    return out


def to_words(
    boxes: list[tuple[tuple[float, float, float, float], str, float]],
    origin: tuple[float, float],
    scale: float,
    page: int,
) -> list[Word]:
    """OCR boxes (pixels of an image rendered at ``scale`` px/pt with its top-left corner
    at ``origin`` on the page) as words in page points."""
    x, y = origin
    words = []
    for (x0, top, x1, bottom), text, score in boxes:
        text = text.strip()
        if not text or score < _MIN_SCORE:
            continue
        words.append(
            Word(
                text,
                x + x0 / scale,
                x + x1 / scale,
                y + top / scale,
                y + bottom / scale,
                page,
                source="ocr",
                # a box spans the ascent and descent: about 1.3 em
                size=(bottom - top) / scale / 1.3,
            )
        )
    return words
