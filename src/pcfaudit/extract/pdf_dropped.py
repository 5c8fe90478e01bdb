"""Glyphs that pdfium's text page leaves out, read back with pdfminer.

pdfium skips a text object whose box has no width. A font that is neither embedded nor
installed (the Adobe CJK fonts "STSong-Light", "MSung-Light"... that reportlab and many
Chinese producers reference without embedding, on a machine with no CJK font) gives its
glyphs empty boxes, so an object of ONE glyph has no width and vanishes: the last
character of a wrapped cell ("产品生产阶" / "段"), a one-character unit ("吨"), every
glyph of a producer that sets each one apart. On a page with Chinese, Japanese or Korean
text, such objects are found by walking the page's objects (a few C calls each), and only
on a page that has them is the page read again by pdfminer, whose characters at those
objects' origins are put back.
"""

from __future__ import annotations

import ctypes
import io
import logging
from collections.abc import Callable, Iterator

import pypdfium2 as pdfium
import pypdfium2.raw as pdfium_c

from pcfaudit.extract.pdf_calls import (
    BOUNDS,
    COUNT_OBJECTS,
    FONT,
    FORM,
    FORM_COUNT,
    FORM_OBJECT,
    GET_OBJECT,
    OBJECT_TYPE,
)
from pcfaudit.extract.pdf_glyphs import paint_state
from pcfaudit.extract.pdf_layout import BBox, Char

_EMPTY = 0.01  # points: a box narrower than this is empty to pdfium's text page
_NEAR = 0.5  # points: a pdfminer glyph at this distance from an origin is that object's

Origin = tuple[float, float]  # pdfium's page coordinates (y up)


_TEXT = pdfium_c.FPDF_PAGEOBJ_TEXT


def _text_objects(parent: int, form: bool, depth: int = 0) -> Iterator[int]:
    count, get = (FORM_COUNT, FORM_OBJECT) if form else (COUNT_OBJECTS, GET_OBJECT)
    for i in range(max(count(parent), 0)):
        obj = get(parent, i) or 0
        kind = OBJECT_TYPE(obj)
        if kind == _TEXT:
            yield obj
        elif kind == FORM and depth < 2:
            yield from _text_objects(obj, True, depth + 1)


def dropped_origins(page: pdfium.PdfPage, seen: set[int]) -> list[Origin]:
    """The origins of the text objects that the text page left out (``seen``: the
    objects it holds characters of) for want of the font's glyphs: an empty box in a font
    that is not embedded and either gives other objects no height (pdfium has no glyph
    for it) or is not a standard Latin font (which pdfium always has; an empty object in
    one is a space)."""
    page_address = ctypes.cast(page.raw, ctypes.c_void_p).value or 0
    objects = list(_text_objects(page_address, False))
    unseen = [a for a in objects if a not in seen]
    if not unseen:
        return []
    empty = [(o, FONT(a) or 0) for a in unseen if (o := _empty_box(a)) and paint_state(a) == "paint"]
    names: dict[int, bool] = {}
    blind: set[int] | None = None
    out = []
    for origin, font in empty:
        if font not in names:
            names[font] = _needs_glyphs(font)
        if not names[font] and blind is None:
            blind = _blind_fonts([a for a in objects if a in seen])
        if names[font] or (blind is not None and font in blind):
            out.append(origin)
    return out


_BOX = tuple(ctypes.c_float() for _ in range(4))
_REFS = tuple(ctypes.byref(v) for v in _BOX)


def _empty_box(address: int) -> Origin | None:
    """The origin of a text object whose box has no width (None for any other)."""
    left, bottom, right, _ = _BOX
    if BOUNDS(address, *_REFS) and right.value - left.value < _EMPTY:
        return (left.value, bottom.value)
    return None


def _blind_fonts(objects: list[int]) -> set[int]:
    """Fonts of which pdfium has no glyphs: their objects have width but no height."""
    left, bottom, right, top = _BOX
    out = set()
    for address in objects:
        if BOUNDS(address, *_REFS) and top.value - bottom.value < _EMPTY <= right.value - left.value:
            out.add(FONT(address) or 0)
    return out


_STANDARD = ("helvetica", "arial", "times", "courier", "symbol", "zapfdingbats")


def _needs_glyphs(font: int) -> bool:
    """A font that is not embedded and not one pdfium always has (the standard 14)."""
    handle = ctypes.cast(font, pdfium_c.FPDF_FONT)
    if not font or pdfium_c.FPDFFont_GetIsEmbedded(handle):
        return False
    n = pdfium_c.FPDFFont_GetBaseFontName(handle, None, 0)
    buf = ctypes.create_string_buffer(max(n, 1))
    pdfium_c.FPDFFont_GetBaseFontName(handle, buf, n)
    name = buf.value.decode("latin-1").lower().split("+")[-1]
    return not name.startswith(_STANDARD)


def glyphs_at(
    data: bytes, index: int, origins: list[Origin], turn: Callable[[float, float, float, float], BBox]
) -> list[Char]:
    """pdfminer's characters of page ``index`` whose origin is one of ``origins``, with
    boxes turned as the text page's are (``turn``: left, right, bottom, top → box)."""
    import pdfplumber  # only for the rare page that needs it

    found = []
    quiet = logging.getLogger("pdfminer")
    level = quiet.level
    quiet.setLevel(logging.CRITICAL)  # its warnings on a damaged font are not the user's
    try:
        with pdfplumber.open(io.BytesIO(data), pages=[index + 1]) as pdf:
            chars = pdf.pages[0].chars
    except Exception:  # pdfminer fails on streams pdfium reads: the glyphs stay dropped
        return []
    finally:
        quiet.setLevel(level)
    for ch in chars:
        x, y = ch["matrix"][4], ch["matrix"][5]
        if ch["text"].strip() and any(abs(o[0] - x) < _NEAR and abs(o[1] - y) < _NEAR for o in origins):
            x0, top, x1, bottom = turn(ch["x0"], ch["x1"], ch["y0"], ch["y1"])
            found.append(Char(ch["text"], x0, top, x1, bottom))
    return found


def missing(glyphs: list[Char], chars: list[Char]) -> list[Char]:
    """The glyphs read back that the text page does not already hold (the second strike
    of a fake-bold glyph is an object of its own that the text page skips)."""
    out = []
    for g in glyphs:
        width = max(g.x1 - g.x0, 0.5)
        if not any(
            c.text == g.text and abs(c.x0 - g.x0) < width / 2 and abs(c.top - g.top) < width
            for c in chars
        ):
            out.append(g)
    return out
