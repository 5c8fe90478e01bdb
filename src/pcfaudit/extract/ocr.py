"""Optional OCR: page images → words with boxes (extra ``pcfaudit[ocr]``).

The engine is RapidOCR on onnxruntime: its wheel ships the Chinese and English models and
runs offline on the CPU. Its words go through the same words → table path as a PDF's
text layer (:mod:`.table_from_words`), marked ``source="ocr"`` so that a finding resting
on one is at most a warning. ``PCFAUDIT_OCR=0`` turns it off (a fast screening run);
``PCFAUDIT_OCR_MEGAPIXELS`` bounds the work it may do per document, in pixels recognised,
not in seconds: the same file gives the same audit on an idle and on a busy machine (the
per-file time limit, ``check --timeout``, stays the safety net).
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


DEFAULT_MEGAPIXELS = 8.0  # five table images, or one scanned page and a few tables


def budget_pixels() -> float:
    """How many pixels OCR may recognise in one document (``PCFAUDIT_OCR_MEGAPIXELS``,
    default 8): a table image of half a page is about 1.5 million pixels and takes several
    CPU seconds; pictures past the budget are left unread and named, with their pages."""
    try:
        megapixels = float(os.environ.get("PCFAUDIT_OCR_MEGAPIXELS", str(DEFAULT_MEGAPIXELS)))
    except ValueError:
        megapixels = DEFAULT_MEGAPIXELS
    return max(megapixels, 0.0) * 1e6


def _get_engine() -> Any:
    global _engine
    if _engine is None:
        from rapidocr_onnxruntime import RapidOCR

        # One thread: onnxruntime's worker threads spin while they wait, which doubles the
        # CPU an image costs on a busy machine (and batch runs one process per core).
        _engine = RapidOCR(intra_op_num_threads=1, inter_op_num_threads=1)
    return _engine


Box = tuple[float, float, float, float]
Recognition = tuple[Box, str, float, list[tuple[str, Box]]]


def recognise(image: Any) -> list[Recognition]:
    """Text boxes in an image (an RGB array): (x0, top, x1, bottom) in pixels, the text,
    the engine's score, and each character with its own box (spaces included)."""
    # pages are turned upright before OCR, so the text-angle classifier is not needed
    result, _ = _get_engine()(image, use_cls=False, return_word_box=True)
    out: list[Recognition] = []
    for item in result or []:
        box, text, score = item[0], str(item[1]), float(item[2])
        chars: list[tuple[str, Box]] = []
        if len(item) >= 5 and item[3] and len(item[3]) == len(item[4]):
            chars = [(str(ch), _box(pts)) for pts, ch in zip(item[3], item[4], strict=True)]
        out.append((_box(box), text, score, chars))
    return out


def _box(points: Any) -> Box:
    xs = [float(p[0]) for p in points]
    ys = [float(p[1]) for p in points]
    return (min(xs), min(ys), max(xs), max(ys))


def to_words(
    boxes: list[Recognition], origin: tuple[float, float], scale: float, page: int
) -> list[Word]:
    """OCR boxes (pixels of an image rendered at ``scale`` px/pt with its top-left corner
    at ``origin`` on the page) as words in page points. A box may hold several words (a
    label and its unit): they are split at spaces, at the characters' own positions, so
    that a gutter between them can still be found."""
    x, y = origin
    words: list[Word] = []
    for (x0, top, x1, bottom), text, score, chars in boxes:
        text = text.strip()
        if not text or score < _MIN_SCORE:
            continue
        size = (bottom - top) / scale / 1.5  # a box spans the ascent, descent and a margin
        pieces = _pieces(text, chars, x0, x1)
        for piece, left, right in pieces:
            words.append(
                Word(
                    piece,
                    x + left / scale,
                    x + right / scale,
                    y + top / scale,
                    y + bottom / scale,
                    page,
                    source="ocr",
                    size=size,
                )
            )
    return words


def _pieces(
    text: str, chars: list[tuple[str, Box]], x0: float, x1: float
) -> list[tuple[str, float, float]]:
    """The words of a box with their x extents: from the characters' boxes when the
    engine gave them, else each word gets its share of the box by its characters."""
    out: list[tuple[str, float, float]] = []
    if chars:
        run: list[tuple[str, Box]] = []
        for ch, box in [*chars, (" ", (x1, 0.0, x1, 0.0))]:
            if ch.strip():
                run.append((ch, box))
            elif run:
                out.append(("".join(c for c, _ in run), run[0][1][0], run[-1][1][2]))
                run = []
        return out
    step = (x1 - x0) / len(text)
    start = 0
    for piece in text.split(" "):
        if piece:
            out.append((piece, x0 + step * start, x0 + step * (start + len(piece))))
        start += len(piece) + 1
    return out
