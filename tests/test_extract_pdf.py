"""PDF extraction: what a verifier would check on the page (values, places, order)."""

from __future__ import annotations

from pathlib import Path

import pytest

from pcfaudit.extract.common import ExtractionError
from pcfaudit.extract.pdf import extract_pdf
from pcfaudit.model import Document, Table

FIX = Path(__file__).resolve().parent.parent / "fixtures"
SEED0 = FIX / "seeds" / "000_e5f01d6d6220347d.pdf"
SEED2 = FIX / "seeds" / "002_37b7dd170cf4d869.pdf"


def _load(path: Path) -> Document:
    return extract_pdf(path.read_bytes(), str(path))


@pytest.fixture(scope="module")
def seed0() -> Document:
    return _load(SEED0)


@pytest.fixture(scope="module")
def seed2() -> Document:
    return _load(SEED2)


def _row(table: Table, first: str) -> list[str]:
    for row in table.rows:
        if row and row[0].text.startswith(first):
            return [c.text for c in row]
    raise AssertionError(f"no row starting {first!r}")


def _table_with(doc: Document, text: str) -> Table:
    for t in doc.tables:
        if any(c.text == text for row in t.rows for c in row):
            return t
    raise AssertionError(f"no table with a cell {text!r}")


def test_seed0_electricity_row_and_total(seed0: Document) -> None:
    t = _table_with(seed0, "1432.022")
    assert _row(t, "电力")[2:] == ["2410", "0.5942", "1", "1432.022"]
    assert _row(t, "合计")[-1] == "1686.915"
    assert t.caption is not None and "6.3" in t.caption


def test_seed0_cells_carry_page_and_bbox(seed0: Document) -> None:
    t = _table_with(seed0, "1432.022")
    cell = next(c for row in t.rows for c in row if c.text == "1432.022")
    assert cell.location.page == 10
    assert cell.location.bbox is not None
    x0, top, x1, bottom = cell.location.bbox
    assert 0 < x0 < x1 < 600 and 0 < top < bottom < 850
    assert cell.location.table is not None and cell.location.row == 2
    assert cell.location.section == "6.3"


def test_seed0_table_continued_on_next_page_is_one_table(seed0: Document) -> None:
    t = _table_with(seed0, "1432.022")
    pages = {c.location.page for row in t.rows for c in row}
    assert pages == {10, 11}
    assert _row(t, "合计")[-1] == "1686.915"
    # the refrigerant label's merged cell spans the gas rows after the page break
    gases = [row[1].text for row in t.rows]
    assert gases.count("HFC-125") == 1 and "HFC-143A" in gases


def test_seed0_merged_cells(seed0: Document) -> None:
    t = _table_with(seed0, "1432.022")
    header = t.rows[0]
    assert header[3].text == "排放因子" and header[3].colspan == 2 and header[4] == header[3]
    gas_rows = [r for r in t.rows if r[0].text.startswith("天然气")]
    assert [r[1].text for r in gas_rows] == ["CO2", "CH4", "N2O"]
    assert gas_rows[0][0].rowspan == 3


def test_seed0_headings_and_toc(seed0: Document) -> None:
    headings = {b.number: b for b in seed0.blocks if b.kind == "heading"}
    assert headings["3.6"].text == "3.6 影响类型和评价方法"
    assert headings["3.6"].level == 2 and headings["3.6"].location.page == 5
    toc = [b for b in seed0.blocks if b.location.section == "toc"]
    assert any(b.text.startswith("3.6 影响类型") for b in toc)
    assert all(b.kind == "paragraph" for b in toc)


def test_seed0_running_header_and_page_numbers_dropped(seed0: Document) -> None:
    texts = [b.text for b in seed0.blocks if b.kind != "table"]
    assert not any(t == "000 产品碳足迹报告" for t in texts)
    assert not any(t.strip().isdigit() for t in texts)


def test_seed0_cjk_text_is_clean(seed0: Document) -> None:
    gwp = next(b for b in seed0.blocks if "特征化因子就是" in b.text)
    assert "甲烷的特征化因子就是 21" in gwp.text
    assert gwp.location.section == "3.6"
    assert seed0.stats.garbled_characters == 0
    assert seed0.stats.characters > 5000


def test_seed2_table_4_1_has_eight_rows(seed2: Document) -> None:
    t = _table_with(seed2, "3156.00")
    body = [[c.text for c in row] for row in t.rows[1:]]
    assert len(body) == 8
    assert body[0] == ["1", "电", "110.52"] and body[-1] == ["8", "直接排放", "5.02"]
    assert all(c.location.page for row in t.rows for c in row)


def test_seed2_heading_2_3_1(seed2: Document) -> None:
    h = next(b for b in seed2.blocks if b.kind == "heading" and b.number == "2.3.1")
    assert h.level == 3 and "功能单位" in h.text


def test_reportlab_cid_font_chinese() -> None:
    doc = _load(FIX / "synthetic" / "pdf_cn_reportlab.pdf")
    t = doc.tables[0]
    assert [c.text for c in t.rows[1]] == ["外购电力 (MWh)", "820", "0.5366", "440.012"]
    total = t.rows[3]
    assert total[0].text == "合计" and total[0].colspan == 3 and total[3].text == "710.262"
    assert any(b.kind == "heading" and b.number == "2.3" for b in doc.blocks)
    assert any("甲烷取 28" in b.text for b in doc.blocks)


def test_english_table_over_three_pages_is_one_table() -> None:
    doc = _load(FIX / "synthetic" / "pdf_en_multipage_table.pdf")
    assert len(doc.tables) == 1
    t = doc.tables[0]
    assert len(t.rows) == 121  # one header + 120 materials, repeated headers dropped
    assert sum(1 for r in t.rows if r[0].text == "No.") == 1
    assert [c.text for c in t.rows[120]] == ["120", "Material 120", "130", "2.20", "286.00"]
    assert {r[0].location.page for r in t.rows} >= {1, 2, 3}
    assert [r[0].location.row for r in t.rows] == list(range(121))
    texts = [b.text for b in doc.blocks if b.kind != "table"]
    assert not any("ACME Racks" in x for x in texts)  # running header
    assert any(b.kind == "heading" and b.number == "5" for b in doc.blocks)


def test_borderless_table_found_by_column_gutters() -> None:
    doc = _load(FIX / "synthetic" / "pdf_borderless_table.pdf")
    t = doc.tables[0]
    assert [c.text for c in t.rows[1]] == ["Electricity", "2410", "MWh", "1432.022"]
    assert [c.text for c in t.rows[4]] == ["柴油叉车", "3.2", "t", "10.19"]
    assert t.caption == "Table 2 Energy use (borderless)"
    assert any(b.text == "The total is 1808.042 t CO2e." for b in doc.blocks)


@pytest.mark.parametrize(
    ("path", "message"),
    [
        (FIX / "synthetic" / "pdf_scanned.pdf", "no text layer: no page holds text"),
        (FIX / "bad" / "pdf_encrypted.pdf", "encrypted PDF: a password is required"),
        (FIX / "bad" / "pdf_truncated.pdf", "damaged PDF:"),
    ],
)
def test_unreadable_pdfs_raise_one_line_errors(path: Path, message: str) -> None:
    with pytest.raises(ExtractionError) as err:
        _load(path)
    assert str(err.value).startswith(message)
    assert "\n" not in str(err.value)


def test_not_a_pdf_at_all() -> None:
    with pytest.raises(ExtractionError, match="damaged PDF"):
        extract_pdf(b"%PDF-1.4\n garbage", "x.pdf")
