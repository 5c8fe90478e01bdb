"""DOCX extraction: body order, merged cells, nesting, text boxes, TOC, safety limits."""

from __future__ import annotations

import io
import zipfile
from pathlib import Path

import pytest

from pcfaudit.extract.common import ExtractionError
from pcfaudit.extract.docx import extract_docx
from pcfaudit.model import Document, Table

FIX = Path(__file__).resolve().parent.parent / "fixtures"


def _load(path: Path) -> Document:
    return extract_docx(path.read_bytes(), str(path))


@pytest.fixture(scope="module")
def seed0() -> Document:
    return _load(FIX / "seeds" / "000_e5f01d6d6220347d.docx")


@pytest.fixture(scope="module")
def seed2() -> Document:
    return _load(FIX / "seeds" / "002_37b7dd170cf4d869.docx")


@pytest.fixture(scope="module")
def features() -> Document:
    return _load(FIX / "synthetic" / "docx_features.docx")


def _table_with(doc: Document, text: str) -> Table:
    for t in doc.tables:
        if any(c.text == text for row in t.rows for c in row):
            return t
    raise AssertionError(f"no table with a cell {text!r}")


def test_seed0_table_6_3_1(seed0: Document) -> None:
    t = _table_with(seed0, "1432.022")
    elec = next(r for r in t.rows if r[0].text.startswith("电力"))
    assert [c.text for c in elec[2:]] == ["2410", "0.5942", "1", "1432.022"]
    total = next(r for r in t.rows if r[0].text.startswith("合计"))
    assert total[-1].text == "1686.915"
    cell = elec[5]
    assert (cell.location.row, cell.location.column) == (2, 5)
    assert cell.location.section == "6.3"


def test_seed0_vertical_and_horizontal_merges(seed0: Document) -> None:
    t = _table_with(seed0, "1432.022")
    assert t.rows[0][3].text == "排放因子" and t.rows[0][3].colspan == 2
    assert t.rows[0][4].text == "排放因子"
    assert t.rows[1][3].text.startswith("tCO2/MWh")
    diesel = [r for r in t.rows if r[0].text.startswith("原材料运输")]
    assert [r[1].text for r in diesel] == ["CO2", "CH4", "N2O"]
    assert diesel[0][0].rowspan == 3 and diesel[0][2].text == "60"
    assert all(len(r) == 6 for r in t.rows)


def test_seed0_headings_and_gwp_paragraph(seed0: Document) -> None:
    h = next(b for b in seed0.blocks if b.kind == "heading" and b.number == "3.6")
    assert h.level == 2 and h.location.paragraph is not None
    gwp = next(b for b in seed0.blocks if "特征化因子就是 21" in b.text)
    assert gwp.location.section == "3.6"
    toc = [b for b in seed0.blocks if b.location.section == "toc"]
    assert len(toc) > 20


def test_seed2_table_4_1_eight_rows_and_heading_2_3_1(seed2: Document) -> None:
    t = _table_with(seed2, "3156.00")
    assert len(t.rows) == 9
    assert [c.text for c in t.rows[8]] == ["8", "直接排放", "5.02"]
    h = next(b for b in seed2.blocks if b.kind == "heading" and b.number == "2.3.1")
    assert h.level == 3


def test_body_order_paragraphs_then_table_then_paragraph(features: Document) -> None:
    kinds = [(b.kind, b.text[:12]) for b in features.blocks]
    i = kinds.index(("heading", "2.1 Inventor"))
    assert kinds[i + 1][0] == "table"
    assert kinds[-1] == ("paragraph", "产品碳足迹为 1234.")


def test_toc_field_paragraphs_are_marked_toc(features: Document) -> None:
    toc = [b for b in features.blocks if b.location.section == "toc"]
    assert [b.text.split("\t")[0] for b in toc] == [
        "1 Scope",
        "2 Inventory results",
        "3 Conclusion",
    ]
    assert all(b.kind == "paragraph" for b in toc)


def test_english_merges_and_nested_table(features: Document) -> None:
    t = features.tables[0]
    assert [c.text for c in t.rows[2]] == ["Diesel (t)", "CO2", "3.1", "1"]
    assert t.rows[3][0].text == "Diesel (t)" and t.rows[2][0].rowspan == 2
    assert t.rows[0][2].colspan == 2
    assert t.rows[4][1].text == "scope 1 scope 2"  # nested table flattened into the cell
    nested = features.tables[1]
    assert [c.text for c in nested.rows[0]] == ["scope 1", "scope 2"]
    assert nested.rows[0][0].location.table == 1


def test_text_box_is_extracted_once(features: Document) -> None:
    boxes = [b for b in features.blocks if "盒内说明" in b.text]
    assert len(boxes) == 1
    assert not any("fallback copy" in b.text for b in features.blocks)
    note = next(b for b in features.blocks if b.text == "See the note in the box.")
    assert boxes[0].location.paragraph == note.location.paragraph


def test_chinese_chapter_heading(features: Document) -> None:
    h = next(b for b in features.blocks if b.kind == "heading" and b.text == "第三章 结论")
    assert h.number == "第三章" and h.level == 1


def _zip(entries: dict[str, bytes]) -> bytes:
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as zf:
        for name, data in entries.items():
            zf.writestr(name, data)
    return buf.getvalue()


def test_zip_bomb_is_refused_before_decompression() -> None:
    data = _zip({"word/document.xml": b"<w:document/>", "big.bin": b"\0" * (201 * 2**20)})
    with pytest.raises(ExtractionError, match="zip bomb"):
        extract_docx(data, "bomb.docx")


def test_xxe_doctype_is_refused() -> None:
    src = (FIX / "synthetic" / "docx_features.docx").read_bytes()
    with zipfile.ZipFile(io.BytesIO(src)) as zf:
        entries = {n: zf.read(n) for n in zf.namelist()}
    xml = entries["word/document.xml"]
    entries["word/document.xml"] = xml.replace(
        b"?>", b'?><!DOCTYPE d [<!ENTITY x SYSTEM "file:///etc/passwd">]>', 1
    )
    with pytest.raises(ExtractionError, match="DTD"):
        extract_docx(_zip(entries), "xxe.docx")


def test_damaged_docx() -> None:
    with pytest.raises(ExtractionError, match="damaged DOCX"):
        extract_docx(_zip({"word/document.xml": b"<not xml"}), "bad.docx")


def test_word_list_numbering_gives_heading_numbers() -> None:
    doc = _load(FIX / "synthetic" / "docx_autonumber.docx")
    heads = [(b.number, b.level, b.text) for b in doc.blocks if b.kind == "heading"]
    assert heads == [
        ("一", 1, "一、目标与范围"),
        ("1.1", 2, "1.1 功能单位"),
        ("1.2", 2, "1.2 系统边界"),
        ("二", 1, "二、结果"),
        ("2.1", 2, "2.1 影响类型"),  # restarts under the new chapter
    ]
    para = next(b for b in doc.blocks if b.text.startswith("采用 AR5"))
    assert para.location.section == "2.1"
