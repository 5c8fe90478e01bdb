"""Word comments (批注) in a copy of a DOCX report: anchored on the disputed number, one
comment per place, read back with python-docx."""

from __future__ import annotations

import io
from collections import defaultdict
from pathlib import Path

import docx
from docx.oxml.ns import qn

from pcfaudit.model import Finding, Location
from pcfaudit.pipeline import audit
from pcfaudit.render.docx_comments import comment_docx
from test_render_fixtures import realistic_result

SEED_DOCX = Path(__file__).resolve().parents[1] / "fixtures/seeds/000_e5f01d6d6220347d.docx"


def anchored(data: bytes) -> list[tuple[str, str]]:
    """(anchored text, comment text) of every comment."""
    document = docx.Document(io.BytesIO(data))
    texts: dict[str, str] = defaultdict(str)
    open_ids: set[str] = set()
    for el in document.element.body.iter():
        if el.tag == qn("w:commentRangeStart"):
            open_ids.add(el.get(qn("w:id")))
        elif el.tag == qn("w:commentRangeEnd"):
            open_ids.discard(el.get(qn("w:id")))
        elif el.tag == qn("w:t"):
            for i in open_ids:
                texts[i] += el.text or ""
    return [(texts[str(c.comment_id)], c.text) for c in document.comments]


def small_report() -> bytes:
    document = docx.Document()
    document.add_paragraph("Results")
    document.add_paragraph("The plant drew 28.73 m3 of water per unit in 2023 (meter 2).")
    table = document.add_table(rows=2, cols=4)
    for c, text in enumerate(["Source", "Amount", "Factor", "Emissions"]):
        table.cell(0, c).text = text
    for c, text in enumerate(["Diesel", "12", "3.16", "12"]):
        table.cell(1, c).text = text
    buf = io.BytesIO()
    document.save(buf)
    return buf.getvalue()


def test_comments_sit_on_the_number_and_share_a_place() -> None:
    result = realistic_result()
    water = Location(paragraph=1, quote="The plant drew 28.73 m3 of water per unit in 2023 (meter 2).")
    row = Location(paragraph=2, table=0, row=1, quote="Diesel | 12 | 3.16 | 12")
    result.findings = [
        Finding(rule="PL002", category="plausibility", severity="warning", title="Water",
                message="28.73 m3 of water per unit is implausible", locations=[water],
                reported="28.73", expected="0.2873", fingerprint="a"),
        Finding(rule="AR001", category="arithmetic", severity="error", title="Product",
                message="12 × 3.16 = 37.92, reported 12", locations=[row],
                reported="12", expected="37.92", fingerprint="b"),
        Finding(rule="UN001", category="units", severity="warning", title="Unit",
                message="28.73 looks like litres, not m3", locations=[water],
                reported="28.73", expected="0.02873", fingerprint="c"),
    ]  # fmt: skip
    comments = anchored(comment_docx(small_report(), result, "en"))
    on_water = [c for a, c in comments if a == "28.73"]
    assert len(on_water) == 1 and "PL002" in on_water[0] and "UN001" in on_water[0]
    # The arithmetic finding on the row: the emissions cell (the last 12), not the amount.
    assert [a for a, c in comments if c.startswith("AR001")] == ["12"]
    document = docx.Document(io.BytesIO(comment_docx(small_report(), result, "en")))
    last_cell = document.tables[0].cell(1, 3)._tc
    assert last_cell.find(f".//{qn('w:commentRangeStart')}") is not None
    assert "28.73 m3 of water" in document.paragraphs[1].text  # the text is unchanged


def test_seed_docx_comments_on_its_figures() -> None:
    result = audit(SEED_DOCX)
    comments = anchored(comment_docx(SEED_DOCX.read_bytes(), result, "zh"))
    ef = {a for a, c in comments if c.startswith("EF001")}
    assert {"0.5703", "0.5942"} <= ef
    assert not any(a in {"404", "410", "125", "-125"} for a, _ in comments)  # not inside names
    anchors = [a for a, _ in comments]
    assert all(anchors) and len(comments) <= sum(len(f.locations) for f in result.findings)
