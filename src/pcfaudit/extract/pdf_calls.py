"""pdfium calls made per character, per page object and per path segment, typed to take
and return plain addresses: no ctypes wrapper object is built per call (pypdfium2's own
bindings convert every handle argument, a third of the reading time otherwise)."""

from __future__ import annotations

import ctypes
from collections.abc import Iterator

import pypdfium2 as pdfium
import pypdfium2.raw as pdfium_c

_VP, _INT = ctypes.c_void_p, ctypes.c_int

# Per character.
TEXT_OBJECT = ctypes.cast(
    pdfium_c.FPDFText_GetTextObject, ctypes.CFUNCTYPE(ctypes.c_void_p, ctypes.c_void_p, ctypes.c_int)
)
RENDER_MODE = ctypes.cast(
    pdfium_c.FPDFTextObj_GetTextRenderMode, ctypes.CFUNCTYPE(ctypes.c_int, ctypes.c_void_p)
)
FONT = ctypes.cast(pdfium_c.FPDFTextObj_GetFont, ctypes.CFUNCTYPE(ctypes.c_void_p, ctypes.c_void_p))
FILL_COLOR = ctypes.cast(
    pdfium_c.FPDFPageObj_GetFillColor,
    ctypes.CFUNCTYPE(ctypes.c_int, ctypes.c_void_p, *[ctypes.POINTER(ctypes.c_uint)] * 4),
)

UNICODE = ctypes.cast(pdfium_c.FPDFText_GetUnicode, ctypes.CFUNCTYPE(ctypes.c_uint, _VP, _INT))
MAP_ERROR = ctypes.cast(pdfium_c.FPDFText_HasUnicodeMapError, ctypes.CFUNCTYPE(_INT, _VP, _INT))
ANGLE = ctypes.cast(pdfium_c.FPDFText_GetCharAngle, ctypes.CFUNCTYPE(ctypes.c_float, _VP, _INT))
LOOSE_BOX = ctypes.cast(
    pdfium_c.FPDFText_GetLooseCharBox,
    ctypes.CFUNCTYPE(_INT, _VP, _INT, ctypes.POINTER(pdfium_c.FS_RECTF)),
)
CHAR_BOX = ctypes.cast(
    pdfium_c.FPDFText_GetCharBox,
    ctypes.CFUNCTYPE(_INT, _VP, _INT, *[ctypes.POINTER(ctypes.c_double)] * 4),
)


# Page objects and path segments (a hundred thousand segments on the realdocs).
C_FLOAT_P = ctypes.POINTER(ctypes.c_float)
COUNT_OBJECTS = ctypes.cast(pdfium_c.FPDFPage_CountObjects, ctypes.CFUNCTYPE(_INT, _VP))
GET_OBJECT = ctypes.cast(pdfium_c.FPDFPage_GetObject, ctypes.CFUNCTYPE(_VP, _VP, _INT))
FORM_COUNT = ctypes.cast(pdfium_c.FPDFFormObj_CountObjects, ctypes.CFUNCTYPE(_INT, _VP))
FORM_OBJECT = ctypes.cast(
    pdfium_c.FPDFFormObj_GetObject, ctypes.CFUNCTYPE(_VP, _VP, ctypes.c_ulong)
)
OBJECT_TYPE = ctypes.cast(pdfium_c.FPDFPageObj_GetType, ctypes.CFUNCTYPE(_INT, _VP))
BOUNDS = ctypes.cast(
    pdfium_c.FPDFPageObj_GetBounds, ctypes.CFUNCTYPE(_INT, _VP, *[C_FLOAT_P] * 4)
)
MATRIX = ctypes.cast(
    pdfium_c.FPDFPageObj_GetMatrix,
    ctypes.CFUNCTYPE(_INT, _VP, ctypes.POINTER(pdfium_c.FS_MATRIX)),
)
DRAW_MODE = ctypes.cast(
    pdfium_c.FPDFPath_GetDrawMode,
    ctypes.CFUNCTYPE(_INT, _VP, ctypes.POINTER(ctypes.c_int), ctypes.POINTER(ctypes.c_int)),
)
COUNT_SEGMENTS = ctypes.cast(pdfium_c.FPDFPath_CountSegments, ctypes.CFUNCTYPE(_INT, _VP))
SEGMENT = ctypes.cast(pdfium_c.FPDFPath_GetPathSegment, ctypes.CFUNCTYPE(_VP, _VP, _INT))
SEGMENT_POINT = ctypes.cast(
    pdfium_c.FPDFPathSegment_GetPoint, ctypes.CFUNCTYPE(_INT, _VP, C_FLOAT_P, C_FLOAT_P)
)
SEGMENT_TYPE = ctypes.cast(pdfium_c.FPDFPathSegment_GetType, ctypes.CFUNCTYPE(_INT, _VP))
SEGMENT_CLOSE = ctypes.cast(pdfium_c.FPDFPathSegment_GetClose, ctypes.CFUNCTYPE(_INT, _VP))
PATH, IMAGE, FORM = pdfium_c.FPDF_PAGEOBJ_PATH, pdfium_c.FPDF_PAGEOBJ_IMAGE, pdfium_c.FPDF_PAGEOBJ_FORM
MOVETO = pdfium_c.FPDF_SEGMENT_MOVETO


def page_objects(page: int) -> Iterator[tuple[int, int]]:
    """(address, type) of the page's path and image objects, and those of the forms placed
    directly on the page (one level down, as pdfium's object walk with max_depth=2)."""
    n = COUNT_OBJECTS(page)
    if n < 0:
        raise pdfium.PdfiumError("Failed to get number of pageobjects.")
    for i in range(n):
        obj = GET_OBJECT(page, i)
        kind = object_type(obj)
        if kind in (PATH, IMAGE):
            yield obj, kind
        elif kind == FORM:
            m = FORM_COUNT(obj)
            if m < 0:
                raise pdfium.PdfiumError("Failed to get number of pageobjects.")
            for k in range(m):
                inner = FORM_OBJECT(obj, k)
                inner_kind = object_type(inner)
                if inner_kind in (PATH, IMAGE):
                    yield inner, inner_kind


def object_type(obj: int | None) -> int:
    if not obj:
        raise pdfium.PdfiumError("Failed to get pageobject.")
    kind = OBJECT_TYPE(obj)
    if kind == pdfium_c.FPDF_PAGEOBJ_UNKNOWN:
        raise pdfium.PdfiumError("Failed to determine pageobject type.")
    return int(kind)


_LBRT = tuple(ctypes.c_float() for _ in range(4))


def bounds(obj: int) -> tuple[float, float, float, float]:
    left, bottom, right, top = _LBRT
    if not BOUNDS(obj, left, bottom, right, top):
        raise pdfium.PdfiumError("Failed to get bounds.")
    return left.value, bottom.value, right.value, top.value
