"""Pictures where a reader sees a table, scanned pages, and text nobody can see.

A table printed as a raster image, or a page that is one scanned picture, has no text
layer: without a word about it the audit would look like a pass. Each such region is named
with its page (:class:`~pcfaudit.model.UnreadRegion`); with the OCR extra installed it is
read, and its words go through the same words → table path as a text layer.

A picture counts as a table when it is wide and its ink lies in thin horizontal bands (rows
of text, not a photograph or a drawing), unless its caption calls it a figure.
"""

from __future__ import annotations

import re

import pypdfium2 as pdfium
from PIL import Image

from pcfaudit.extract import ocr
from pcfaudit.extract.pdf_layout import BBox, Char, make_lines
from pcfaudit.extract.pdf_page import PdfPage, Picture
from pcfaudit.extract.table_from_words import find_tables
from pcfaudit.extract.words import Word, group_lines
from pcfaudit.model import UnreadRegion

_FIGURE_RE = re.compile(
    r"\b(?:fig(?:ure|\.)|photo\w*|diagram|illustration|schem\w*|chart|map|flow\s*chart)\b"
    r"|图|照片|示意|流程",
    re.I,
)
_SCAN_COVER = 0.5  # a picture over half a text-less page makes it a scanned page
_ROW_SPAN = 0.6  # a row of a table spreads its ink over most of the picture's width
_ROW_PIECES = 8  # in at least this many separate pieces (words, numbers)
_MAX_OCR_PAGES = 40  # a longer scan is named, not read (minutes per page on a CPU)


def unread_regions(pdf: pdfium.PdfDocument, pages: list[PdfPage]) -> list[UnreadRegion]:
    """Every picture-table, scanned page and run of hidden text, page by page."""
    out: list[UnreadRegion] = []
    for p in pages:
        if p.hidden and sum(1 for c in p.hidden if not c.text.isspace()) >= 3:
            out.append(_hidden(p))
        visible = [c for c in p.chars if not c.text.isspace()]
        area = p.width * p.height
        if not visible:
            if any(_area(pic.bbox) >= _SCAN_COVER * area for pic in p.pictures):
                out.append(UnreadRegion(p.number, "scanned-page", _round((0, 0, p.width, p.height))))
            continue
        for pic in p.pictures:
            if _is_table_picture(p, pic, visible):
                out.append(UnreadRegion(p.number, "image", _round(pic.bbox), _heading(p, pic.bbox)))
    return out


def read_by_ocr(pdf: pdfium.PdfDocument, pages: list[PdfPage], regions: list[UnreadRegion]) -> None:
    """OCR each picture region (when the extra is installed): its tables join the page's
    tables, its other lines the page's lines; the region is marked as read by OCR."""
    if not ocr.available():
        return
    todo = [r for r in regions if r.kind in ("image", "scanned-page") and r.bbox is not None]
    if sum(1 for r in todo if r.kind == "scanned-page") > _MAX_OCR_PAGES:
        for region in todo:
            region.ocr_skipped = "scanned-pages"
        return
    by_number = {p.number: p for p in pages}
    budget = ocr.budget_pixels()
    for region in todo:
        page = by_number[region.page]
        if page.quarter_turns or region.bbox is None:
            region.ocr_skipped = "turned"
            continue  # a turned page's pixels do not map onto its boxes as read
        scale = _scale(page, region.bbox)
        cost = _area(region.bbox) * scale * scale
        if cost > budget:
            region.ocr_skipped = "budget"
            continue  # stays named as unread: OCR work per document is bounded in pixels
        budget -= cost
        words = _ocr_words(pdf, page, region.bbox, scale)
        if not words:
            region.ocr_skipped = "no-words"
            continue
        lines = group_lines(words)
        tables, rest = find_tables(page.number, lines)
        page.extra_tables.extend(tables)
        chars = [_char(w) for k in rest for w in lines[k]]
        page.lines = sorted([*page.lines, *make_lines(chars)], key=lambda ln: (ln.top, ln.x0))
        region.ocr = True


def _scale(page: PdfPage, bbox: BBox) -> float:
    """Pixels per point to render a picture for OCR: small print needs 4, a whole page 3."""
    return 3.0 if _area(bbox) > 0.5 * page.width * page.height else 4.0


def _ocr_words(pdf: pdfium.PdfDocument, page: PdfPage, bbox: BBox, scale: float) -> list[Word]:
    x0, top, x1, bottom = bbox
    handle = pdf[page.number - 1]
    try:
        bitmap = handle.render(
            scale=scale, crop=(x0, page.height - bottom, page.width - x1, top)
        )
        image = bitmap.to_numpy()
    finally:
        handle.close()
    return ocr.to_words(ocr.recognise(image), (x0, top), scale, page.number)


def _char(w: Word) -> Char:
    return Char(w.text, w.x0, w.top, w.x1, w.bottom, w.em)


# --------------------------------------------------------------------------- tests


def wants_thumbnail(page: PdfPage, pic: Picture) -> bool:
    """Whether a wide picture's pixels can tell whether it is a table: not on a page without
    text (a scan: its size says so), not under text or captioned as a figure."""
    visible = [c for c in page.chars if not c.text.isspace()]
    return bool(visible) and _may_be_table_picture(page, pic, visible)


def _is_table_picture(page: PdfPage, pic: Picture, visible: list[Char]) -> bool:
    if pic.thumbnail is None:
        return False  # narrow (a logo, an icon, a photo in the margin) or undecodable
    return _may_be_table_picture(page, pic, visible) and _ink_in_rows(pic.thumbnail)


def _may_be_table_picture(page: PdfPage, pic: Picture, visible: list[Char]) -> bool:
    x0, top, x1, bottom = pic.bbox
    if sum(1 for c in visible if x0 <= c.x0 and c.x1 <= x1 and top <= c.top and c.bottom <= bottom) > 20:
        return False  # text over the picture: it is read (a background, an OCR layer)
    return not any(_FIGURE_RE.search(text) for text in _captions(page, pic.bbox))


def _ink_in_rows(image: Image.Image | None) -> bool:
    """Is the picture mostly light with its dark ink in several thin horizontal bands
    spread across its width (rows of text), like a table, not a photograph or a drawing?"""
    if image is None:
        return False
    width, height = image.size
    if width < 20 or height < 4:
        return False
    histogram = image.histogram()
    if sum(histogram[180:]) < 0.5 * width * height:
        return False  # mostly dark or mid-tone: a photograph
    ink = image.point(lambda v: 255 if v < 128 else 0)
    rows = _runs([v > 2 for v in _flat(ink.resize((1, height), Image.Resampling.BOX))])
    text_rows = 0
    for start, end in rows:
        if not 2 <= end - start <= 0.05 * width:
            continue  # a rule, or a block of drawing: not a line of text
        strip = ink.crop((0, start, width, end)).resize((width, 1), Image.Resampling.BOX)
        values = _flat(strip)
        pieces = _runs([v > 0 for v in values])
        if not pieces:
            continue
        a, b = pieces[0][0], pieces[-1][1]
        density = sum(values[a:b]) / 255 / (b - a)
        # a row of a table: words and numbers spread across the picture, thin strokes
        # (filled boxes of a diagram are dense)
        if (b - a) / width >= _ROW_SPAN and len(pieces) >= _ROW_PIECES and density <= 0.45:
            text_rows += 1
    return text_rows >= 2


def _flat(image: Image.Image) -> list[int]:
    return list(image.tobytes())


def _runs(flags: list[bool]) -> list[tuple[int, int]]:
    out: list[tuple[int, int]] = []
    start = None
    for k, flag in enumerate([*flags, False]):
        if flag and start is None:
            start = k
        elif not flag and start is not None:
            out.append((start, k))
            start = None
    return out


def _hidden(p: PdfPage) -> UnreadRegion:
    text = " ".join(ln.text.replace("\t", " ") for ln in make_lines(p.hidden))
    box = (
        min(c.x0 for c in p.hidden),
        min(c.top for c in p.hidden),
        max(c.x1 for c in p.hidden),
        max(c.bottom for c in p.hidden),
    )
    return UnreadRegion(p.number, "hidden-text", _round(box), text[:200])


def _heading(page: PdfPage, bbox: BBox) -> str:
    """The nearest line above the picture (its heading or caption), if close."""
    above = [ln for ln in page.lines if ln.bottom <= bbox[1] + 2 and bbox[1] - ln.bottom < 80]
    return above[-1].text.replace("\t", " ") if above else ""


def _captions(page: PdfPage, bbox: BBox) -> list[str]:
    return [
        ln.text
        for ln in page.lines
        if -2 < bbox[1] - ln.bottom < 40 or -2 < ln.top - bbox[3] < 30
    ]


def _area(b: BBox) -> float:
    return max(b[2] - b[0], 0.0) * max(b[3] - b[1], 0.0)


def _round(b: BBox) -> BBox:
    return (round(b[0], 2), round(b[1], 2), round(b[2], 2), round(b[3], 2))
