"""The annotated copy of a PDF report, read back with pdfplumber: each highlight sits on the
disputed printed number, and highlights never stack."""

from __future__ import annotations

import io
from collections import Counter
from pathlib import Path

import pdfplumber
from reportlab.lib.pagesizes import A4
from reportlab.pdfgen import canvas

from pcfaudit.model import Finding, Location
from pcfaudit.pipeline import audit
from pcfaudit.render import annotate_pdf
from test_render_fixtures import realistic_result

SEED_PDF = Path(__file__).resolve().parents[1] / "fixtures/seeds/000_e5f01d6d6220347d.pdf"


def _annotations(pdf_bytes: bytes) -> list[tuple[int, str, str, tuple[float, ...]]]:
    """(page, highlighted text, contents, box) of every annotation."""
    out = []
    with pdfplumber.open(io.BytesIO(pdf_bytes)) as pdf:
        for number, page in enumerate(pdf.pages, start=1):
            for a in page.annots:
                box = (a["x0"], a["top"], a["x1"], a["bottom"])
                crop = (max(box[0] - 0.5, 0), max(box[1] - 0.5, 0),
                        min(box[2] + 0.5, page.width), min(box[3] + 0.5, page.height))  # fmt: skip
                text = page.crop(crop).extract_text() or ""
                out.append((number, text, a.get("contents") or "", tuple(round(v) for v in box)))
    return out


def test_seed_highlights_sit_on_the_disputed_numbers_and_never_stack() -> None:
    result = audit(SEED_PDF)
    annots = _annotations(annotate_pdf(SEED_PDF.read_bytes(), result, "zh"))
    stacked = Counter((page, box) for page, _, _, box in annots)
    assert max(stacked.values()) == 1
    # Every open finding is on every page its locations name.
    for f in result.findings:
        for loc in f.locations:
            if loc.page is not None:
                assert any(p == loc.page and f.rule in c for p, _, c, _ in annots), (f.rule, loc)
    # The factor listed on p. 9 and the one used on p. 10: each highlight is the number.
    ef = [(p, text) for p, text, c, _ in annots if c.startswith("EF001")]
    assert (9, "0.5703") in ef and (10, "0.5942") in ef


def _water_pdf() -> tuple[bytes, tuple[float, float, float, float]]:
    """A one-row table whose row number (2) is also a digit of the disputed value."""
    buf = io.BytesIO()
    c = canvas.Canvas(buf, pagesize=A4)
    y = 700
    for x, text in ((60, "2"), (100, "Water"), (220, "m3"), (300, "2 200"), (420, "28.73")):
        c.drawString(x, y, text)
    c.save()
    data = buf.getvalue()
    with pdfplumber.open(io.BytesIO(data)) as pdf:
        words = pdf.pages[0].extract_words()
    first = words[0]
    return data, (first["x0"], first["top"], first["x1"], first["bottom"])


def test_highlight_on_the_reported_figure_not_the_row_number() -> None:
    data, first_cell = _water_pdf()
    result = realistic_result()
    loc = Location(page=1, bbox=first_cell, table=0, row=1, quote="2 | Water | m3 | 2 200 | 28.73")
    result.findings = [
        Finding(rule="PL002", category="plausibility", severity="warning", title="Water use",
                message="Water 28.73 m3 per unit is implausible", locations=[loc],
                reported="28.73", expected="0.2873", fingerprint="aa"),
        Finding(rule="AR001", category="arithmetic", severity="error", title="Sum",
                message="28.73 is not the sum", locations=[loc], reported="28.73",
                expected="28.80", fingerprint="bb"),
    ]  # fmt: skip
    (annot,) = _annotations(annotate_pdf(data, result, "en"))  # one box, both comments
    _, text, contents, _ = annot
    assert text == "28.73"
    assert contents.startswith("AR001") or contents.startswith("PL002")
    assert "PL002" in contents and "AR001" in contents
