"""One PDF page read through pdfium: characters with boxes, ruling lines, pictures.

pdfium's text page gives one C call per character, an order of magnitude faster than
pdfminer's layout analysis. Three things a reader sees and a text layer does not say are
recovered here:

* the page's reading direction: a landscape table set on a portrait page runs up or down
  the page; every box is turned so that lines run left to right;
* text a reader cannot see (render mode "invisible", or white on a white page) is kept
  apart: it must not vouch for a number, yet an invisible layer over a scanned picture is
  the scan's OCR text and is read;
* pictures (image objects) with their boxes, so a table printed as an image is found.

Coordinates: (x0, top, x1, bottom) in points from the top-left corner of the page as read.
"""

from __future__ import annotations

import ctypes
import itertools
import math
import struct
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field

import pypdfium2 as pdfium
import pypdfium2.raw as pdfium_c
from PIL import Image

from pcfaudit.extract.common import ExtractionError
from pcfaudit.extract.pdf_calls import (
    ANGLE,
    BOUNDS,
    CHAR_BOX,
    COUNT_SEGMENTS,
    DRAW_MODE,
    FILL_COLOR,
    IMAGE,
    LOOSE_BOX,
    MAP_ERROR,
    MATRIX,
    MOVETO,
    RENDER_MODE,
    SEGMENT,
    SEGMENT_CLOSE,
    SEGMENT_POINT,
    SEGMENT_TYPE,
    TEXT_OBJECT,
    UNICODE,
    bounds,
    page_objects,
)
from pcfaudit.extract.pdf_dropped import dropped_origins, glyphs_at, missing
from pcfaudit.extract.pdf_layout import BBox, Char, Line, PageTable, is_cjk, make_lines
from pcfaudit.extract.pdf_rotated import SPACE, label_lines, rotated_labels

_CAP_HEIGHT = 0.7  # a digit's or capital's ink, in em, in common fonts
_LOOSE_LIMIT = 2.0  # loose boxes taller than this many em overlap the next line
_WHITE = 240  # each of R, G, B at least this: white text
_INVISIBLE_MODES = (3, 7)  # PDF text render modes that paint nothing


@dataclass
class Picture:
    bbox: BBox
    page: int
    thumbnail: Image.Image | None = None  # grey, 400 px wide: wide pictures only


_THUMB_WIDTH = 400
_WIDE = 0.35  # of the page width: a picture this wide may be a table

@dataclass
class PdfPage:
    number: int
    width: float
    height: float
    chars: list[Char] = field(default_factory=list)
    hidden: list[Char] = field(default_factory=list)  # text a reader cannot see
    edges: list[dict[str, float | str]] = field(default_factory=list)
    pictures: list[Picture] = field(default_factory=list)
    unmapped: int = 0
    quarter_turns: int = 0  # the page as read is turned this many quarter turns
    lines: list[Line] = field(default_factory=list)
    tables: list[PageTable] = field(default_factory=list)
    extra_tables: list[PageTable] = field(default_factory=list)  # read by OCR
    rotated: list[Char] = field(default_factory=list)  # glyphs set across the lines, in order
    trust_trailing: bool = False


def open_pdf(data: bytes) -> pdfium.PdfDocument:
    try:
        return pdfium.PdfDocument(data, password="")
    except pdfium.PdfiumError as exc:
        code = pdfium_c.FPDF_GetLastError()
        if code == pdfium_c.FPDF_ERR_PASSWORD or "password" in str(exc).lower():
            raise ExtractionError("encrypted PDF: a password is required") from None
        if code == pdfium_c.FPDF_ERR_SECURITY:
            raise ExtractionError("encrypted PDF: unsupported security handler") from None
        reason = "file is truncated or not a PDF" if code == pdfium_c.FPDF_ERR_FORMAT else str(exc)
        raise ExtractionError(f"damaged PDF: {reason}") from None


class _Turn:
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


def read_page(
    pdf: pdfium.PdfDocument,
    index: int,
    wants_thumbnail: Callable[[PdfPage, Picture], bool] | None = None,
    data: bytes | None = None,
) -> PdfPage:
    """The page's characters, lines, ruling segments and pictures. A wide picture's pixels
    are decoded (the costliest step of reading a page) only when ``wants_thumbnail`` says
    the page as read leaves it in question; by default, always. ``data`` (the file's
    bytes) lets glyphs that pdfium's text page leaves out be read back (:mod:`.pdf_dropped`)."""
    try:
        page = pdf[index]
    except pdfium.PdfiumError as exc:
        raise ExtractionError(f"damaged PDF: page {index + 1} cannot be read ({exc})") from None
    width, height = page.get_size()
    textpage = page.get_textpage()
    n = textpage.count_chars()
    turn = _Turn(_reading_quarter(textpage, n), width, height)
    out = PdfPage(index + 1, *turn.size, quarter_turns=turn.q)
    fills, wide, out.edges = _page_objects(page, turn, index + 1)
    out.pictures = [pic for pic, _ in wide]
    seen = _read_chars(textpage, n, turn, out, fills)
    # only CJK fonts go without glyphs where pdfium has no system font for them
    cjk = any(t >= "\u3000" and is_cjk(t) for t in {c.text for c in out.chars})
    if data is not None and cjk and (origins := dropped_origins(page, seen)):
        out.chars += missing(glyphs_at(data, index, origins, turn.box), out.chars)
    out.chars = _tighten(out.chars)
    textpage.close()
    out.lines = make_lines(out.chars)
    if out.rotated:
        out.rotated = rotated_labels(out.rotated)
        out.lines = sorted([*out.lines, *label_lines(out.rotated)], key=lambda ln: (ln.top, ln.x0))
    # Producers that write a space glyph before a wrapping line break (LibreOffice, Word)
    # let us tell "tCO2/M|Wh" (one word) from "Requirements |and" (two).
    out.trust_trailing = sum(ln.trailing_space for ln in out.lines) >= 2
    for pic, obj in wide:
        if obj is not None and (wants_thumbnail is None or wants_thumbnail(out, pic)):
            pic.thumbnail = _thumbnail(obj)
    page.close()
    return out


def _reading_quarter(textpage: pdfium.PdfTextPage, n: int) -> int:
    """The most common text direction on the page, in quarter turns (0: normal)."""
    counts: Counter[int] = Counter()
    tp = ctypes.cast(textpage.raw, ctypes.c_void_p)
    for i in range(0, n, max(1, n // 400)):  # a sample is enough
        angle = ANGLE(tp, i)
        if angle >= 0 and UNICODE(tp, i) > 32:
            counts[round(angle / (math.pi / 2)) % 4] += 1
    return counts.most_common(1)[0][0] if counts else 0


_RECT = pdfium_c.FS_RECTF()
_RECT_FLOATS = struct.Struct("4f")  # FS_RECTF: left, top, right, bottom
_INK = tuple(ctypes.c_double() for _ in range(4))
_RGBA = tuple(ctypes.c_uint() for _ in range(4))



def _read_chars(
    textpage: pdfium.PdfTextPage, n: int, turn: _Turn, out: PdfPage, fills: _Fills
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
                visibility[obj] = _paint_state(obj)
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
            state = visibility[obj] = _paint_state(obj)
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


def _paint_state(obj: int) -> str:
    """How a text object is painted: 'paint', 'white' (fill colour white) or 'none'."""
    if not obj:
        return "paint"
    if RENDER_MODE(obj) in _INVISIBLE_MODES:
        return "none"
    r, g, b, a = _RGBA
    if FILL_COLOR(obj, r, g, b, a) and min(r.value, g.value, b.value) >= _WHITE:
        return "white"
    return "paint"


def _seen_anyway(state: str, ch: Char, fills: _Fills, pictures: list[Picture]) -> bool:
    """White text is read on a coloured box or a picture; invisible text over a picture
    is a scan's OCR layer and says what the picture shows."""
    cx, cy = (ch.x0 + ch.x1) / 2, (ch.top + ch.bottom) / 2
    if any(_contains(p.bbox, cx, cy) for p in pictures):
        return True
    return state == "white" and fills.covers(cx, cy)


def _tighten(chars: list[Char]) -> list[Char]:
    """Some fonts declare an ascent and descent of several em, so their loose boxes
    overlap the lines above and below and two lines would read as one: such boxes are
    scaled about their middles to 1.2 em (the size measured from the ink)."""
    return [
        _scaled(c) if c.em > 0 and c.bottom - c.top > _LOOSE_LIMIT * c.em else c for c in chars
    ]


def _scaled(c: Char) -> Char:
    mid, half = (c.top + c.bottom) / 2, 0.6 * c.em
    return Char(c.text, c.x0, mid - half, c.x1, mid + half, c.em)


def _contains(b: BBox, x: float, y: float) -> bool:
    return b[0] <= x <= b[2] and b[1] <= y <= b[3]


_BAND = 20.0  # points: the height of one band of the filled-box index


class _Fills:
    """Boxes filled in a colour other than white, measured only when a page has white
    text (whose visibility depends on them)."""

    def __init__(self, paths: list[int], turn: _Turn) -> None:
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
        return any(_contains(b, x, y) for b in self._bands[None]) or any(
            _contains(b, x, y) for b in self._bands.get(band, ()) if band is not None
        )

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



def _page_objects(
    page: pdfium.PdfPage, turn: _Turn, number: int
) -> tuple[_Fills, list[tuple[Picture, pdfium.PdfObject | None]], list[dict[str, float | str]]]:
    """Filled boxes (lazily), pictures (each with its image object when it is wide enough
    to be a table, for its thumbnail), and ruling segments."""
    paths: list[int] = []
    pictures: list[tuple[Picture, pdfium.PdfObject | None]] = []
    edges: list[dict[str, float | str]] = []
    x, y = ctypes.c_float(), ctypes.c_float()
    matrix = pdfium_c.FS_MATRIX()
    point = turn.point
    q, h = turn.q, turn.h
    for obj, kind in page_objects(ctypes.cast(page.raw, ctypes.c_void_p).value or 0):
        if kind == IMAGE:
            left, bottom, right, top = bounds(obj)
            box = turn.box(left, right, bottom, top)
            wide = box[2] - box[0] >= _WIDE * turn.size[0] and box[3] - box[1] >= 10
            handle = ctypes.cast(obj, pdfium_c.FPDF_PAGEOBJECT)
            pictures.append((Picture(box, number), pdfium.PdfObject(handle, page=page) if wide else None))
            continue
        paths.append(obj)
        n = COUNT_SEGMENTS(obj)
        if n <= 0 or n > 400:
            continue
        if not MATRIX(obj, matrix):
            raise pdfium.PdfiumError("Failed to get matrix of pageobject.")
        if _smaller_than_an_edge(obj):
            continue  # a glyph drawn as a path, a bullet, a tick: no segment is a rule
        a, b, c, d, e, f = matrix.a, matrix.b, matrix.c, matrix.d, matrix.e, matrix.f
        points: list[tuple[float, float, bool]] = []
        for k in range(n):
            seg = SEGMENT(obj, k)
            SEGMENT_POINT(seg, x, y)
            xv, yv = x.value, y.value
            px = a * xv + c * yv + e
            py = b * xv + d * yv + f
            move = SEGMENT_TYPE(seg) == MOVETO
            points.append((px, h - py, move) if q == 0 else (*point(px, py), move))
            if SEGMENT_CLOSE(seg):
                start = next(p for p in reversed(points) if p[2])
                points.append((start[0], start[1], False))
        for (x0, y0, _), (x1, y1, move) in itertools.pairwise(points):
            if move:
                continue
            if abs(y0 - y1) < 1.0 and abs(x1 - x0) >= _MIN_EDGE:
                edges.append(_edge("h", min(x0, x1), y0, max(x0, x1), y0))
            elif abs(x0 - x1) < 1.0 and abs(y1 - y0) >= _MIN_EDGE:
                edges.append(_edge("v", x0, min(y0, y1), x0, max(y0, y1)))
    return _Fills(paths, turn), pictures, edges


_MIN_EDGE = 3.0  # points: a shorter segment is not a ruling line
_LBRT = tuple(ctypes.c_float() for _ in range(4))


def _smaller_than_an_edge(obj: int) -> bool:
    """Whether the path's box (pdfium's, which holds every point of the path, control
    points too, in page space) is too small in both directions to hold a segment as long
    as an edge: its segments need not be read. A margin covers the box's float rounding."""
    left, bottom, right, top = _LBRT
    if not BOUNDS(obj, left, bottom, right, top):
        return False
    margin = 0.1
    return right.value - left.value < _MIN_EDGE - margin and top.value - bottom.value < _MIN_EDGE - margin


def _thumbnail(obj: pdfium.PdfObject) -> Image.Image | None:
    """The picture's own pixels, grey and small (decoding it is far cheaper than
    rendering the page around it)."""
    try:
        image = obj.get_bitmap(render=False).to_pil().convert("L")
    except Exception:  # an image pdfium cannot decode: it is not looked at
        return None
    if image.width > _THUMB_WIDTH:
        height = max(1, round(image.height * _THUMB_WIDTH / image.width))
        image = image.resize((_THUMB_WIDTH, height), Image.Resampling.BOX)
    return image


def _edge(
    orientation: str, x0: float, top: float, x1: float, bottom: float
) -> dict[str, float | str]:
    return {
        "orientation": orientation,
        "x0": x0,
        "x1": x1,
        "top": top,
        "bottom": bottom,
        "doctop": top,
        "width": x1 - x0,
        "height": bottom - top,
        "object_type": "line",
    }
