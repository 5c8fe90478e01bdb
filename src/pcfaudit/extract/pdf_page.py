"""One PDF page read through pdfium: characters with boxes, ruling lines, pictures.

pdfium's text page gives a few C calls per character, an order of magnitude faster than
pdfminer's layout analysis. Besides the characters (read in :mod:`.pdf_glyphs`, with the
page's reading direction and what a reader cannot see), a page holds:

* ruling segments from its path objects, for the ruled-table finder;
* pictures (image objects) with their boxes, so a table printed as an image is found.

Coordinates: (x0, top, x1, bottom) in points from the top-left corner of the page as read.
"""

from __future__ import annotations

import ctypes
import itertools
from collections.abc import Callable
from dataclasses import dataclass, field

import pypdfium2 as pdfium
import pypdfium2.raw as pdfium_c
from PIL import Image

from pcfaudit.extract.common import ExtractionError
from pcfaudit.extract.pdf_calls import (
    BOUNDS,
    COUNT_SEGMENTS,
    IMAGE,
    MATRIX,
    MOVETO,
    SEGMENT,
    SEGMENT_CLOSE,
    SEGMENT_POINT,
    SEGMENT_TYPE,
    bounds,
    page_objects,
)
from pcfaudit.extract.pdf_dropped import dropped_origins, glyphs_at, missing
from pcfaudit.extract.pdf_glyphs import Fills, Turn, read_chars, reading_quarter, tighten
from pcfaudit.extract.pdf_layout import BBox, Char, Line, PageTable, is_cjk, make_lines
from pcfaudit.extract.pdf_rotated import label_lines, rotated_labels


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
    turn = Turn(reading_quarter(textpage, n), width, height)
    out = PdfPage(index + 1, *turn.size, quarter_turns=turn.q)
    fills, wide, out.edges = _page_objects(page, turn, index + 1)
    out.pictures = [pic for pic, _ in wide]
    seen = read_chars(textpage, n, turn, out, fills)
    # only CJK fonts go without glyphs where pdfium has no system font for them
    cjk = any(t >= "\u3000" and is_cjk(t) for t in {c.text for c in out.chars})
    if data is not None and cjk and (origins := dropped_origins(page, seen)):
        out.chars += missing(glyphs_at(data, index, origins, turn.box), out.chars)
    out.chars = tighten(out.chars)
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


def _page_objects(
    page: pdfium.PdfPage, turn: Turn, number: int
) -> tuple[Fills, list[tuple[Picture, pdfium.PdfObject | None]], list[dict[str, float | str]]]:
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
    return Fills(paths, turn), pictures, edges


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
