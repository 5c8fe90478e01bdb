"""The characters of a PDF page's text layer, as a reader sees them.

Read through pdfium's text page, a few C calls per glyph; two things a reader sees and a
text layer does not say are recovered here:

* the page's reading direction: a landscape table set on a portrait page runs up or down
  the page; every box is turned so that lines run left to right (:class:`Turn`);
* text a reader cannot see (render mode "invisible", or white on a white page) is kept
  apart: it must not vouch for a number, yet an invisible layer over a scanned picture is
  the scan's OCR text and is read, and white text on a coloured box (:class:`Fills`) is
  seen.

Coordinates: (x0, top, x1, bottom) in points from the top-left corner of the page as read.
"""

from __future__ import annotations

import ctypes
import math
import struct
from collections import Counter
from typing import TYPE_CHECKING

import pypdfium2 as pdfium
import pypdfium2.raw as pdfium_c

from pcfaudit.extract.pdf_calls import (
    ANGLE,
    CHAR_BOX,
    DRAW_MODE,
    FILL_COLOR,
    LOOSE_BOX,
    MAP_ERROR,
    RENDER_MODE,
    TEXT_OBJECT,
    UNICODE,
    bounds,
)
from pcfaudit.extract.pdf_layout import BBox, Char
from pcfaudit.extract.pdf_rotated import SPACE

if TYPE_CHECKING:  # for annotations only: pdf_page imports this module
    from pcfaudit.extract.pdf_page import PdfPage, Picture

_CAP_HEIGHT = 0.7  # a digit's or capital's ink, in em, in common fonts
_LOOSE_LIMIT = 2.0  # loose boxes taller than this many em overlap the next line
_WHITE = 240  # each of R, G, B at least this: white text
_INVISIBLE_MODES = (3, 7)  # PDF text render modes that paint nothing


class Turn:
    """Maps pdfium's page coordinates (y up) to the page as read (y down, lines run +x)."""

    def __init__(self, quarter: int, width: float, height: float) -> None:
        self.q, self.w, self.h = quarter, width, height

    @property
    def size(self) -> tuple[float, float]:
        return (self.h, self.w) if self.q % 2 else (self.w, self.h)

    def point(self, x: float, y: float) -> tuple[float, float]:
        if self.q == 1:  # text runs down the page
            return self.h - y, self.w - x
        if self.q == 2:  # upside down
            return self.w - x, y
        if self.q == 3:  # text runs up the page
            return y, x
        return x, self.h - y

    def box(self, left: float, right: float, bottom: float, top: float) -> BBox:
        ax, ay = self.point(left, bottom)
        bx, by = self.point(right, top)
        return (min(ax, bx), min(ay, by), max(ax, bx), max(ay, by))


def reading_quarter(textpage: pdfium.PdfTextPage, n: int) -> int:
    """The most common text direction on the page, in quarter turns (0: normal)."""
    counts: Counter[int] = Counter()
    tp = ctypes.cast(textpage.raw, ctypes.c_void_p)
    for i in range(0, n, max(1, n // 400)):  # a sample is enough
        # (the code first: a space's angle is not asked)
        if UNICODE(tp, i) > 32 and (angle := ANGLE(tp, i)) >= 0:
            counts[round(angle / (math.pi / 2)) % 4] += 1
    return counts.most_common(1)[0][0] if counts else 0


_RECT = pdfium_c.FS_RECTF()
_RECT_FLOATS = struct.Struct("4f")  # FS_RECTF: left, top, right, bottom
_INK = tuple(ctypes.c_double() for _ in range(4))
_RGBA = tuple(ctypes.c_uint() for _ in range(4))



def read_chars(
    textpage: pdfium.PdfTextPage, n: int, turn: Turn, out: PdfPage, fills: Fills
) -> set[int]:
    """Read the text page's characters into ``out``; returns the text objects they belong
    to."""
    # Run once per character (a quarter of a million on the realdocs): everything the loop
    # reads is a local name, every pdfium call takes the plain address, and no call is
    # made whose answer is known (see _BREAKS and ``turned``).
    tp = ctypes.cast(textpage.raw, ctypes.c_void_p)
    rect = _RECT
    box_values = _RECT_FLOATS.unpack_from  # the box in one call, not four field reads
    get_unicode, map_error, loose_box = UNICODE, MAP_ERROR, LOOSE_BOX
    text_object, char_box = TEXT_OBJECT, CHAR_BOX
    ink_left, ink_right, ink_bottom, ink_top = _INK
    breaks, special = _BREAKS, _SPECIAL
    q, h, width = turn.q, turn.h, out.width
    chars, hidden, rotated, pictures = out.chars, out.hidden, out.rotated, out.pictures
    unmapped = 0
    prev: Char | None = None
    prev_hidden = False
    across = False  # the last glyph was set across the page's lines (see pdf_rotated)
    visibility: dict[int, str] = {}  # text object address → paint | white | none
    # text object address → whether its glyphs are set across the page's lines: a glyph's
    # angle is that of its text object's matrix, so it is asked once per object
    turned: dict[int, bool] = {}
    for i in range(n):
        code = get_unicode(tp, i)
        if code in special:  # one test for the common glyph, then which one
            if code in breaks:
                if code == 10 or code == 13:
                    continue
                # word breaks: real space glyphs and the spaces pdfium infers from positions
                if across:
                    rotated.append(SPACE)
                elif prev is not None:
                    (hidden if prev_hidden else chars).append(
                        Char(" ", prev.x1, prev.top, prev.x1, prev.bottom)
                    )
                continue
            if code == 0 or code == 0xFFFD:  # no character known for the glyph
                unmapped += 1
            else:
                # pdfium's mark for a hyphen at a line break: "1,23E-⏎02" keeps its minus
                code = 45  # "-"
                if prev is not None and not loose_box(tp, i, rect):
                    prev = Char("-", prev.x1, prev.top, prev.x1 + 1, prev.bottom)
                    chars.append(prev)
                    continue
                if map_error(tp, i) == 1:
                    unmapped += 1
        elif map_error(tp, i) == 1:
            unmapped += 1
        if not loose_box(tp, i, rect):
            continue
        obj = text_object(tp, i) or 0
        is_across = turned.get(obj)
        if is_across is None:
            is_across = _across(ANGLE(tp, i), q)
            if obj:  # no object (never seen): asked again for the next glyph
                turned[obj] = is_across
        text = chr(code) if 0 < code < 0x110000 else "\ufffd"
        left, top, right, bottom = box_values(rect)  # pdfium's, y up
        if q:
            x0, top, x1, bottom = turn.box(left, right, bottom, top)
        else:
            x0, top, x1, bottom = left, h - top, right, h - bottom
        if is_across:
            # a label set across the page's lines (a vertical column header): kept apart;
            # one a reader cannot see is left out
            if obj not in visibility:
                visibility[obj] = paint_state(obj)
            if x1 - x0 > 0.1 and bottom - top > 0.1 and visibility[obj] == "paint":
                rotated.append(Char(text, x0, top, x1, bottom))
                across = True
            continue
        if bottom - top <= 0.1 or x1 < 0 or x0 > width:
            continue
        across = False
        if (
            prev is not None
            and text == prev.text
            and abs(x0 - prev.x0) < 0.5 * (prev.x1 - prev.x0)
            and abs(top - prev.top) < 1.0
        ):
            continue  # the same glyph struck twice, a step apart: fake bold
        em = 0.0
        # the font size from a digit's or capital's ink (loose boxes span the font's whole
        # ascent and descent, up to 1.5 em in some fonts)
        if (text.isdigit() or "A" <= text <= "Z") and char_box(
            tp, i, ink_left, ink_right, ink_bottom, ink_top
        ):
            extent = ink_right.value - ink_left.value if q % 2 else ink_top.value - ink_bottom.value
            em = max(extent, 0.0) / _CAP_HEIGHT
        if not em and prev is not None and abs((bottom - top) - (prev.bottom - prev.top)) < 0.5:
            em = prev.em  # a lower-case letter: the size of its neighbour in the same font
        prev = Char(text, x0, top, x1, bottom, em)
        state = visibility.get(obj)
        if state is None:
            state = visibility[obj] = paint_state(obj)
        if state == "paint":
            prev_hidden = False
            chars.append(prev)
        else:
            prev_hidden = not _seen_anyway(state, prev, fills, pictures)
            (hidden if prev_hidden else chars).append(prev)
    out.unmapped += unmapped
    return set(visibility)


# Codes that break words rather than print: spaces, and the line breaks pdfium writes
# between lines. pdfium's generated characters (FPDFText_IsGenerated) are only ever spaces
# and line breaks (CPDF_TextPage generates ' ', '\r' and '\n'), so they are among these.
_BREAKS = frozenset((32, 9, 0xA0, 0x3000, 10, 13))
# and codes that are not a plain glyph: pdfium's hyphen marks, and no character at all
_SPECIAL = _BREAKS | {0xFFFE, 0x02, 0, 0xFFFD}


def _across(angle: float, quarter_turns: int) -> bool:
    """Whether a glyph at ``angle`` (radians; negative: unknown) runs across the lines of
    a page read at ``quarter_turns``."""
    return angle >= 0 and round(angle / (math.pi / 2)) % 4 != quarter_turns


def paint_state(obj: int) -> str:
    """How a text object is painted: 'paint', 'white' (fill colour white) or 'none'."""
    if not obj:
        return "paint"
    if RENDER_MODE(obj) in _INVISIBLE_MODES:
        return "none"
    r, g, b, a = _RGBA
    if FILL_COLOR(obj, r, g, b, a) and min(r.value, g.value, b.value) >= _WHITE:
        return "white"
    return "paint"


def _seen_anyway(state: str, ch: Char, fills: Fills, pictures: list[Picture]) -> bool:
    """White text is read on a coloured box or a picture; invisible text over a picture
    is a scan's OCR layer and says what the picture shows."""
    cx, cy = (ch.x0 + ch.x1) / 2, (ch.top + ch.bottom) / 2
    for p in pictures:  # (a loop, not a generator: asked of every such glyph)
        b = p.bbox
        if b[0] <= cx <= b[2] and b[1] <= cy <= b[3]:
            return True
    return state == "white" and fills.covers(cx, cy)


def tighten(chars: list[Char]) -> list[Char]:
    """Some fonts declare an ascent and descent of several em, so their loose boxes
    overlap the lines above and below and two lines would read as one: such boxes are
    scaled about their middles to 1.2 em (the size measured from the ink)."""
    return [
        _scaled(c) if c.em > 0 and c.bottom - c.top > _LOOSE_LIMIT * c.em else c for c in chars
    ]


def _scaled(c: Char) -> Char:
    mid, half = (c.top + c.bottom) / 2, 0.6 * c.em
    return Char(c.text, c.x0, mid - half, c.x1, mid + half, c.em)


_BAND = 20.0  # points: the height of one band of the filled-box index


class Fills:
    """Boxes filled in a colour other than white, measured only when a page has white
    text (whose visibility depends on them)."""

    def __init__(self, paths: list[int], turn: Turn) -> None:
        self._paths, self._turn = paths, turn
        self._boxes: list[BBox] | None = None
        self._bands: dict[int | None, list[BBox]] | None = None

    def covers(self, x: float, y: float) -> bool:
        """Whether a filled box contains the point; the boxes are indexed by bands of
        height so that a page of many boxes is not searched whole for every glyph."""
        if self._bands is None:
            self._bands = {None: []}  # None: boxes too tall (or odd) to index, always tried
            for b in self.boxes:
                if not (math.isfinite(b[1]) and math.isfinite(b[3]) and b[3] - b[1] < 50 * _BAND):
                    self._bands[None].append(b)
                    continue
                for k in range(math.floor(b[1] / _BAND), math.floor(b[3] / _BAND) + 1):
                    self._bands.setdefault(k, []).append(b)
        band = math.floor(y / _BAND) if math.isfinite(y) else None
        boxes = self._bands[None]
        if band is not None:
            boxes = boxes + self._bands.get(band, [])
        return any(b[0] <= x <= b[2] and b[1] <= y <= b[3] for b in boxes)

    @property
    def boxes(self) -> list[BBox]:
        if self._boxes is None:
            fill_mode, stroke = ctypes.c_int(), ctypes.c_int()
            r, g, b, a = _RGBA
            self._boxes = []
            for obj in self._paths:
                if (
                    DRAW_MODE(obj, fill_mode, stroke)
                    and fill_mode.value
                    and FILL_COLOR(obj, r, g, b, a)
                    and a.value > 0
                    and min(r.value, g.value, b.value) < _WHITE
                ):
                    left, bottom, right, top = bounds(obj)
                    self._boxes.append(self._turn.box(left, right, bottom, top))
        return self._boxes
