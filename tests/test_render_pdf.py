"""Annotated PDF: each PDF location of an open finding becomes an annotation."""

from __future__ import annotations

import io
from typing import Any

import pytest
from pypdf import PdfReader

from pcfaudit.model import Location
from pcfaudit.render.pdf_annotate import annotate_pdf
from test_render_fixtures import realistic_result

canvas = pytest.importorskip("reportlab.pdfgen.canvas")


def two_page_pdf() -> bytes:
    buf = io.BytesIO()
    c = canvas.Canvas(buf, pagesize=(595.0, 842.0))
    c.drawString(72, 842 - 210, "Grid factor 0.5703 tCO2/MWh (2022 East China)")
    c.showPage()
    c.drawString(72, 700, "Table 6.3-1")
    c.showPage()
    c.save()
    return buf.getvalue()


def annots(pdf: bytes) -> list[list[Any]]:
    reader = PdfReader(io.BytesIO(pdf))
    return [[a.get_object() for a in (p.get("/Annots") or [])] for p in reader.pages]


def test_highlight_over_bbox_and_note_for_page_only() -> None:
    r = realistic_result()
    ef = next(f for f in r.findings if f.rule == "EF001")
    ef.locations[0] = Location(page=1, bbox=(72.0, 200.0, 320.0, 214.0), quote="0.5703 tCO2/MWh")
    gwp = next(f for f in r.findings if f.rule == "GWP001")
    gwp.locations.append(Location(page=2, section="6.3"))
    nar = next(f for f in r.findings if f.rule == "NAR001")
    nar.locations.append(Location(page=2))
    std = next(f for f in r.findings if f.rule == "STD001")  # waived: left out
    std.locations.append(Location(page=2))
    out = annotate_pdf(two_page_pdf(), r, "zh")

    page1, page2 = annots(out)
    assert len(page1) == 1
    hl = page1[0]
    assert hl["/Subtype"] == "/Highlight"
    # pdfplumber top 200 / bottom 214 from the top of an 842 pt page → y 628..642; inside
    # that line, the highlight covers the printed factor "0.5703" only.
    x0, y0, x1, y1 = (float(v) for v in hl["/Rect"])
    assert 120 < x0 < 140 and 160 < x1 < 175 and 628 <= y0 < y1 <= 642
    assert "数据来源列出 0.5703 tCO2/MWh" in hl["/Contents"]
    assert "报告值 0.5942 → 应为 0.5703" in hl["/Contents"]

    assert [a["/Subtype"] for a in page2] == ["/Text", "/Text"]
    assert page2[0]["/Contents"].startswith("GWP001 · GWP 取值混用不同 IPCC 报告")
    # Stacked, not on top of each other.
    assert float(page2[0]["/Rect"][1]) != float(page2[1]["/Rect"][1])
    assert not any("STD001" in str(a["/Contents"]) for a in page2)


def test_text_only_locations_leave_pdf_unannotated() -> None:
    r = realistic_result()
    for f in r.findings:
        f.locations = [loc for loc in f.locations if loc.page is None]
    out = annotate_pdf(two_page_pdf(), r)
    assert annots(out) == [[], []]
    assert len(PdfReader(io.BytesIO(out)).pages) == 2
