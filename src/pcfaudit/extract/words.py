"""Words with boxes: the one input of the words → table path.

A PDF's text layer, an OCR engine's output and plain layout text (``pdftotext -layout``,
character columns as x) all become :class:`Word` lists, so every source goes through the
same geometry (:mod:`.table_from_words`).
Coordinates: (x0, top, x1, bottom) in points from the page's top-left corner (layout text:
character columns and line numbers).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Literal

from pcfaudit.extract.pdf_layout import Char, is_cjk, text_size

WordSource = Literal["text", "ocr"]

# A gap wider than this many em between two words on a line starts a new phrase (a
# table column, a TOC page number); anything narrower is a word space.
PHRASE_GAP = 1.2
_SPACE_GAP = 0.3
_CJK_SPACE_GAP = 0.6


@dataclass(frozen=True)
class Word:
    text: str
    x0: float
    x1: float
    top: float
    bottom: float
    page: int = 0
    source: WordSource = "text"
    size: float = 0.0  # the font size in points (0: take the box height)

    @property
    def height(self) -> float:
        return self.bottom - self.top

    @property
    def em(self) -> float:
        return self.size or self.height


def words_from_chars(
    chars: list[Char], page: int = 0, size: float | None = None
) -> list[Word]:
    """The words of one printed line (characters sorted left to right): runs of
    characters without a space glyph or a gap of more than a third of an em."""
    if size is None:
        size = text_size([c for c in chars if c.text != " "])
    out: list[Word] = []
    run: list[Char] = []
    space = False

    def flush() -> None:
        if run:
            out.append(
                Word(
                    "".join(c.text for c in run),
                    run[0].x0,
                    run[-1].x1,
                    min(c.top for c in run),
                    max(c.bottom for c in run),
                    page,
                    size=size or 0.0,
                )
            )
            run.clear()

    for c in chars:
        if c.text == " ":
            space = True
            continue
        if run:
            prev = run[-1]
            cjk = is_cjk(prev.text) and is_cjk(c.text)
            limit = (_CJK_SPACE_GAP if cjk else _SPACE_GAP) * (size or 1.0)
            if (space and not cjk) or c.x0 - prev.x1 > limit:
                flush()
        run.append(c)
        space = False
    flush()
    return out


_LAYOUT_WORD_RE = re.compile(r"\S+")


def words_from_layout_text(text: str, page_height: int = 0) -> list[list[Word]]:
    """Lines of words from plain layout text (``pdftotext -layout``): a character column
    is one unit of x, a line one unit of y, and a single space separates words (two or
    more spaces are wider than :data:`PHRASE_GAP` em and so separate columns)."""
    lines: list[list[Word]] = []
    page = 1
    for y, raw in enumerate(text.split("\n")):
        if "\f" in raw:
            page += raw.count("\f")
            raw = raw.replace("\f", "")
        words = [
            Word(m.group(), float(m.start()), float(m.end()), float(y), y + 1.0, page, size=1.0)
            for m in _LAYOUT_WORD_RE.finditer(raw.expandtabs())
        ]
        if words:
            lines.append(words)
    return lines


def group_lines(words: list[Word]) -> list[list[Word]]:
    """Words (OCR boxes, say) grouped into printed lines by vertical overlap, each line
    sorted left to right, lines top to bottom."""
    lines: list[list[Word]] = []
    for w in sorted(words, key=lambda w: (w.top + w.bottom) / 2):
        mid = (w.top + w.bottom) / 2
        if lines:
            last = lines[-1]
            top = min(v.top for v in last)
            bottom = max(v.bottom for v in last)
            lmid = (top + bottom) / 2
            if abs(mid - lmid) <= 0.45 * max(bottom - top, w.height):
                last.append(w)
                continue
        lines.append([w])
    for line in lines:
        line.sort(key=lambda w: w.x0)
    return lines
