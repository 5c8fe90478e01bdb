"""The report's own PDF with the findings as annotations, for reviewing in a PDF reader.

A location with a page and a bbox becomes a highlight over the evidence; a location with
only a page becomes a note in the page's top-left margin. The comment is the finding's
message with reported → expected. Waived findings are left out: the annotated copy is for
what still needs an answer.
"""

from __future__ import annotations

import io

from pypdf import PdfReader, PdfWriter
from pypdf.annotations import Highlight, MarkupAnnotation, Text
from pypdf.generic import ArrayObject, FloatObject, NameObject, TextStringObject

from pcfaudit.model import AuditResult, Finding, Location
from pcfaudit.render.common import active, cause_of, label, message_of, title_of
from pcfaudit.render.places import Places, places_of

COLOUR = {"error": "ff9999", "warning": "ffd966", "info": "9fc5e8"}
NOTE_SIZE = 18.0


def comment(f: Finding, lang: str = "en", places: Places | None = None) -> str:
    lines = [f"{f.rule} · {title_of(f, lang)}", message_of(f, lang, places)]
    if f.reported is not None or f.expected is not None:
        lines.append(
            f"{label(lang, 'label.reported')} {f.reported or '—'} → "
            f"{label(lang, 'label.expected')} {f.expected or '—'}"
        )
    cause = cause_of(f, lang, places)
    if cause:
        lines.append(label(lang, "label.cause") + label(lang, "colon") + cause)
    return "\n".join(line for line in lines if line)


def _pdf_rect(loc: Location, left: float, top: float) -> tuple[float, float, float, float] | None:
    """pdfplumber's (x0, top, x1, bottom), measured from the page's top edge, in PDF user
    space, whose y axis grows upwards from the bottom."""
    if loc.bbox is None:
        return None
    x0, t, x1, b = loc.bbox
    return (left + x0, top - b, left + x1, top - t)


def annotate_pdf(pdf_bytes: bytes, result: AuditResult, lang: str = "en") -> bytes:
    """A copy of ``pdf_bytes`` with one annotation per PDF location of each open finding."""
    writer = PdfWriter(clone_from=PdfReader(io.BytesIO(pdf_bytes)))
    notes_on_page: dict[int, int] = {}
    places = places_of(result)
    for f in active(result):
        text = comment(f, lang, places)
        for loc in f.locations:
            if loc.page is None or not 1 <= loc.page <= len(writer.pages):
                continue
            index = loc.page - 1
            box = writer.pages[index].mediabox
            left, top = float(box.left), float(box.top)
            rect = _pdf_rect(loc, left, top)
            annot: MarkupAnnotation
            if rect is not None:
                x0, y0, x1, y1 = rect
                quad = ArrayObject(FloatObject(v) for v in (x0, y1, x1, y1, x0, y0, x1, y0))
                annot = Highlight(
                    rect=rect, quad_points=quad, highlight_color=COLOUR.get(f.severity, "ffd966")
                )
            else:
                # Stack page-level notes down the margin so they do not cover each other.
                n = notes_on_page.get(index, 0)
                notes_on_page[index] = n + 1
                y = top - 8 - n * (NOTE_SIZE + 4)
                annot = Text(rect=(left + 4, y - NOTE_SIZE, left + 4 + NOTE_SIZE, y), text=text)
            annot[NameObject("/Contents")] = TextStringObject(text)
            annot[NameObject("/T")] = TextStringObject(f"pcfaudit {f.rule}")
            annot[NameObject("/NM")] = TextStringObject(f"pcfaudit-{f.fingerprint}-{index}")
            writer.add_annotation(page_number=index, annotation=annot)
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()
