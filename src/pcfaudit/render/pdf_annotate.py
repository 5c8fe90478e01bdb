"""The report's own PDF with the findings as annotations, for reviewing in a PDF reader.

Each open finding gets one highlight per place, on the printed number it disputes: the
location's row or sentence gives the band to look in, :mod:`pcfaudit.render.marks` the
figure, and pypdfium2's text search on that page the exact character boxes. When the figure
cannot be found there, the location's box is highlighted instead; a location with only a
page becomes a note in the page's margin. Findings that land on the same box share one
annotation (their comments one after the other), so highlights never stack. Waived findings
are left out: the annotated copy is for what still needs an answer.
"""

from __future__ import annotations

import io
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field

import pypdfium2 as pdfium
from pypdf import PdfReader, PdfWriter
from pypdf.annotations import Highlight, MarkupAnnotation, Text
from pypdf.generic import ArrayObject, FloatObject, NameObject, TextStringObject

from pcfaudit.model import SEVERITY_RANK, AuditResult, Finding, Location
from pcfaudit.render.common import (
    active,
    cause_of,
    expected_of,
    label,
    message_of,
    reported_of,
    title_of,
)
from pcfaudit.render.marks import NUMBER, figures, prefers_first, stands_alone
from pcfaudit.render.places import Places, places_of

COLOUR = {"error": "ff9999", "warning": "ffd966", "info": "9fc5e8"}
NOTE_SIZE = 18.0
Rect = tuple[float, float, float, float]  # PDF user space: x0, y0, x1, y1 (y upwards)


def comment(f: Finding, lang: str = "en", places: Places | None = None) -> str:
    lines = [f"{f.rule} · {title_of(f, lang)}", message_of(f, lang, places)]
    if f.reported is not None or f.expected is not None:
        lines.append(
            f"{label(lang, 'label.reported')} {reported_of(f, lang) or '—'} → "
            f"{label(lang, 'label.expected')} {expected_of(f, lang) or '—'}"
        )
    cause = cause_of(f, lang, places)
    if cause:
        lines.append(label(lang, "label.cause") + label(lang, "colon") + cause)
    return "\n".join(line for line in lines if line)


def _pdf_rect(loc: Location, left: float, top: float) -> Rect | None:
    """pdfplumber's (x0, top, x1, bottom), measured from the page's top edge, in PDF user
    space, whose y axis grows upwards from the bottom."""
    if loc.bbox is None:
        return None
    x0, t, x1, b = loc.bbox
    return (left + x0, top - b, left + x1, top - t)


def _hits(textpage: pdfium.PdfTextPage, text: str) -> Iterator[Rect]:
    """Boxes of ``text`` printed as a whole number (not inside a longer one)."""
    n_chars = textpage.count_chars()
    searcher = textpage.search(text, match_case=False, match_whole_word=False)
    try:
        while (found := searcher.get_next()) is not None:
            index, count = found
            before = textpage.get_text_range(index - 1, 1) if index > 0 else ""
            after = textpage.get_text_range(index + count, 2) if index + count < n_chars else ""
            if not stands_alone(before, after):
                continue
            boxes = [textpage.get_charbox(i) for i in range(index, index + count)]
            boxes = [b for b in boxes if b[2] > b[0]] or boxes
            yield (
                min(b[0] for b in boxes),
                min(b[1] for b in boxes),
                max(b[2] for b in boxes),
                max(b[3] for b in boxes),
            )
    finally:
        searcher.close()


def _within(hit: Rect, band: Rect, vertical_only: bool) -> bool:
    middle = (hit[1] + hit[3]) / 2
    if not band[1] - 2 <= middle <= band[3] + 2:
        return False
    return vertical_only or (hit[2] >= band[0] - 2 and hit[0] <= band[2] + 2)


def _row_band(textpage: pdfium.PdfTextPage, loc: Location, band: Rect) -> Rect | None:
    """Narrow a band covering several rows (a merged first cell) to the row the quote
    names by a word of its own ("HFC-125"); None when that word is not in the band."""
    words = [c.strip() for c in (loc.quote or "").split("|")[1:]]
    for word in words:
        if len(word) < 3 or NUMBER.fullmatch(word):
            continue
        inside = [h for h in _hits_text(textpage, word) if _within(h, band, True)]
        if len(inside) == 1:
            h = inside[0]
            return (band[0], h[1], band[2], h[3])
    return None


def _hits_text(textpage: pdfium.PdfTextPage, text: str) -> list[Rect]:
    out = []
    searcher = textpage.search(text, match_case=False)
    try:
        while (found := searcher.get_next()) is not None:
            index, count = found
            boxes = [textpage.get_charbox(i) for i in range(index, index + count)]
            out.append(
                (
                    min(b[0] for b in boxes),
                    min(b[1] for b in boxes),
                    max(b[2] for b in boxes),
                    max(b[3] for b in boxes),
                )
            )
    finally:
        searcher.close()
    return out


def _lines(hits: list[Rect]) -> int:
    return len({round((h[1] + h[3]) / 2) for h in hits})


def figure_rect(
    textpage: pdfium.PdfTextPage, f: Finding, loc: Location, band: Rect
) -> Rect | None:
    """The box of the disputed number at ``loc`` inside ``band``, or None when it is not
    there or the band holds it on several rows and the quote does not say which."""
    row = loc.table is not None and loc.row is not None
    narrowed = _row_band(textpage, loc, band) if row else None
    for figure in figures(f, loc):
        hits = sorted(
            (h for h in _hits(textpage, figure) if _within(h, narrowed or band, vertical_only=row)),
            key=lambda h: (-h[3], h[0]),
        )
        if not hits or (row and narrowed is None and _lines(hits) > 1):
            continue
        return hits[0] if prefers_first(f) or not row else hits[-1]
    return None


@dataclass
class _Mark:
    rect: Rect | None
    page: int
    severity: str
    texts: list[str] = field(default_factory=list)
    names: list[str] = field(default_factory=list)


@contextmanager
def _pdfium(pdf_bytes: bytes) -> Iterator[pdfium.PdfDocument | None]:
    try:
        document = pdfium.PdfDocument(pdf_bytes)
    except pdfium.PdfiumError:
        yield None
        return
    try:
        yield document
    finally:
        document.close()


def marks(pdf_bytes: bytes, result: AuditResult, lang: str = "en") -> list[_Mark]:
    """Every annotation to write: one per distinct box, with all its findings' comments."""
    places = places_of(result)
    by_key: dict[tuple[int, tuple[float, ...] | None, int], _Mark] = {}
    reader = PdfReader(io.BytesIO(pdf_bytes))
    with _pdfium(pdf_bytes) as document:
        textpages: dict[int, pdfium.PdfTextPage] = {}
        for f in active(result):
            text = comment(f, lang, places)
            for n, loc in enumerate(f.locations):
                if loc.page is None or not 1 <= loc.page <= len(reader.pages):
                    continue
                index = loc.page - 1
                box = reader.pages[index].mediabox
                band = _pdf_rect(loc, float(box.left), float(box.top))
                rect = band
                if band is not None and document is not None:
                    if index not in textpages:
                        textpages[index] = document[index].get_textpage()
                    rect = figure_rect(textpages[index], f, loc, band) or band
                key = (
                    index,
                    tuple(round(v, 1) for v in rect) if rect else None,
                    0 if rect else id(f) + n,  # page notes stay one per finding and place
                )
                mark = by_key.setdefault(key, _Mark(rect, index, f.severity))
                if text not in mark.texts:
                    mark.texts.append(text)
                    mark.names.append(f"{f.rule}-{f.fingerprint}")
                if SEVERITY_RANK.get(f.severity, 0) > SEVERITY_RANK.get(mark.severity, 0):
                    mark.severity = f.severity
        for textpage in textpages.values():
            textpage.close()
    return list(by_key.values())


def annotate_pdf(pdf_bytes: bytes, result: AuditResult, lang: str = "en") -> bytes:
    """A copy of ``pdf_bytes`` with the open findings as highlights and notes."""
    writer = PdfWriter(clone_from=PdfReader(io.BytesIO(pdf_bytes)))
    notes_on_page: dict[int, int] = {}
    for mark in marks(pdf_bytes, result, lang):
        text = "\n\n".join(mark.texts)
        box = writer.pages[mark.page].mediabox
        left, top = float(box.left), float(box.top)
        annot: MarkupAnnotation
        if mark.rect is not None:
            x0, y0, x1, y1 = mark.rect
            quad = ArrayObject(FloatObject(v) for v in (x0, y1, x1, y1, x0, y0, x1, y0))
            annot = Highlight(
                rect=mark.rect,
                quad_points=quad,
                highlight_color=COLOUR.get(mark.severity, "ffd966"),
            )
        else:
            # Stack page-level notes down the margin so they do not cover each other.
            n = notes_on_page.get(mark.page, 0)
            notes_on_page[mark.page] = n + 1
            y = top - 8 - n * (NOTE_SIZE + 4)
            annot = Text(rect=(left + 4, y - NOTE_SIZE, left + 4 + NOTE_SIZE, y), text=text)
        annot[NameObject("/Contents")] = TextStringObject(text)
        annot[NameObject("/T")] = TextStringObject("pcfaudit " + " ".join(
            n.split("-")[0] for n in mark.names
        ))
        annot[NameObject("/NM")] = TextStringObject(f"pcfaudit-{mark.names[0]}-{mark.page}")
        writer.add_annotation(page_number=mark.page, annotation=annot)
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()
