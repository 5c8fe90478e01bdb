"""Text / markdown extractor: seeds and synthetic inputs."""

from __future__ import annotations

from pathlib import Path

import pytest

from pcfaudit.extract.common import ExtractionError, parse_toc_line
from pcfaudit.extract.text import extract_text
from pcfaudit.model import Block, Document, Table

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT / "fixtures" / "seeds"
SYN = ROOT / "fixtures" / "synthetic"


def load(path: Path) -> Document:
    return extract_text(path.read_bytes(), str(path))


def heading(doc: Document, number: str) -> Block:
    return next(b for b in doc.blocks if b.kind == "heading" and b.number == number)


def table_captioned(doc: Document, prefix: str) -> Table:
    return next(t for t in doc.tables if t.caption and t.caption.startswith(prefix))


def row_texts(table: Table) -> list[list[str]]:
    return [[c.text for c in row] for row in table.rows]


@pytest.fixture(scope="module")
def seed000() -> Document:
    return load(SEEDS / "000_e5f01d6d6220347d.txt")


@pytest.fixture(scope="module")
def seed002() -> Document:
    return load(SEEDS / "002_37b7dd170cf4d869.txt")


# --------------------------------------------------------------------------- seed 000


def test_seed000_heading_36(seed000: Document) -> None:
    h = heading(seed000, "3.6")
    assert h.text == "影响类型和评价方法"
    assert h.level == 2
    assert h.location.line == 139
    assert h.location.section == "3.6"
    # the functional-unit sentence under 3.3 is a paragraph in section 3.3
    fu = next(b for b in seed000.blocks if b.text.startswith("1 件 150 kV"))
    assert fu.kind == "paragraph"
    assert fu.location.line == 116
    assert fu.location.section == "3.3"


def test_seed000_table_63_is_one_table(seed000: Document) -> None:
    t = table_captioned(seed000, "表 6.3- 1")
    rows = row_texts(t)
    assert rows[0] == ["项目", "分类", "消耗数据", "排放因子", "", "CO2 当量 (t)"]
    assert rows[1][3:5] == ["tCO2/MWh 或 tCO2/GJ", "GWP"]  # second header row, first cells empty
    power = next(r for r in t.rows if r[0].text.startswith("电力"))
    assert [c.text for c in power[2:]] == ["2410", "0.5942", "1", "1432.022"]
    assert power[2].location.line == 279
    assert power[2].location.section == "6.3"
    # the N2O row after the blank line (line 289) belongs to the same table
    n2o = next(r for r in t.rows if r[0].location.line == 289)
    assert [c.text for c in n2o] == ["", "N2O", "", "0.0000137", "298", ""]
    assert rows[-1][0] == "合计 (tCO2e)" and rows[-1][5] == "1686.915"
    assert all(len(r) == 6 for r in rows)
    assert len(rows) == 21
    # table/row/column indexes are consistent
    for r, row in enumerate(t.rows):
        for c, cell in enumerate(row):
            assert (cell.location.row, cell.location.column) == (r, c)
            assert cell.location.table == t.location.table


def test_seed000_repeated_header_dropped(seed000: Document) -> None:
    t = next(t for t in seed000.tables if t.rows[0][1].text == "设备/系统")
    numbers = [row[0].text for row in t.rows[1:]]
    assert numbers == [str(i) for i in range(1, 10)]
    assert sum(1 for row in t.rows if row[0].text == "序号") == 1
    roadmap = next(t for t in seed000.tables if t.rows[0][0].text == "措施")
    assert len(roadmap.rows) == 5


def test_seed000_html_cells_inside_tab_table(seed000: Document) -> None:
    t = table_captioned(seed000, "表3.4- 1")
    assert t.rows[1][1].text == "a 设备的生产及维修\nb 次要辅料的运输"


def test_seed000_toc_and_latex(seed000: Document) -> None:
    toc = [b for b in seed000.blocks if b.location.section == "toc"]
    assert toc[0].text == "目 录"
    entries = [parse_toc_line(b.text) for b in toc[1:]]
    assert ("3.6", "影响类型和评价方法", 6) in entries
    assert all(b.kind == "paragraph" for b in toc)
    assert not any(
        b.kind == "heading" and b.location.line and b.location.line < 63 for b in seed000.blocks
    )
    assert any("1686.915 / 349=4.833tCO2e" in b.text for b in seed000.blocks)
    formula = next(b for b in seed000.blocks if b.location.line == 265)
    assert formula.kind == "paragraph" and formula.text == "1. CF = ∑ Pi × Qij × GWPj"
    assert any("≥ 1 000 h/a" in c.text for t in seed000.tables for row in t.rows for c in row)


def test_seed000_source_and_stats(seed000: Document) -> None:
    assert seed000.source.encoding == "utf-8"
    assert seed000.source.format == "text"
    assert len(seed000.source.sha256) == 64
    assert seed000.stats.characters > 5000
    assert seed000.stats.garbled_characters == 0


# --------------------------------------------------------------------------- seed 002


def test_seed002_table_41(seed002: Document) -> None:
    t = table_captioned(seed002, "表 4.1")
    assert len(t.rows) == 9  # header + 8 data rows
    assert row_texts(t)[0] == ["序号", "物质", "GWP (kgCO2e)"]
    assert row_texts(t)[3] == ["3", "钢材", "3156.00"]
    assert t.location.section == "3.3"


def test_seed002_toc(seed002: Document) -> None:
    toc = [b for b in seed002.blocks if b.location.section == "toc"]
    texts = [b.text for b in toc]
    assert "执行摘要\t1" in texts and "5. 结论\t10" in texts
    assert len(toc) == 22  # "目 录" + 21 entries
    # the tab-separated TOC entries did not become a table
    assert all("执行摘要" not in row[0].text for t in seed002.tables for row in t.rows)
    # the body "执行摘要" matches an unnumbered TOC title and becomes a heading
    exec_summary = next(b for b in seed002.blocks if b.kind == "heading" and b.text == "执行摘要")
    assert exec_summary.location.line == 43 and exec_summary.number is None


def test_seed002_empty_first_cell_and_markdown_bits(seed002: Document) -> None:
    t = table_captioned(seed002, "表 1.2")
    assert [c.text for c in t.rows[3]] == ["", "✓ 产品回收、处置和废弃阶段"]
    assert any("生产 1t 散料输送设备 的碳足迹为 3334.37 kgCO2e" in b.text for b in seed002.blocks)
    assert heading(seed002, "2.3.1").text == "功能单位"
    assert heading(seed002, "2.3.1").level == 3


# --------------------------------------------------------------------------- synthetic


def test_english_markdown_report() -> None:
    doc = load(SYN / "text_en_report.md")
    assert doc.source.format == "markdown"
    assert heading(doc, "2.1").text == "System boundary"
    assert heading(doc, "2.1").level == 3
    para = next(b for b in doc.blocks if b.text.startswith("This study"))
    assert para.text.endswith("ISO 14067:2018. The functional unit is 1 valve of 12 kg.")
    assert para.location.line == 5
    t = table_captioned(doc, "Table 3")
    assert row_texts(t)[0] == ["Input", "Amount", "Unit", "Factor (kgCO2e/unit)", "Result"]
    assert row_texts(t)[3] == ["Total", "", "", "", "42.309"]
    assert t.rows[2][3].location.line == 25 and t.rows[2][3].location.section == "3"
    assert any(b.text == "The total footprint is 42.309 kg CO2e per valve." for b in doc.blocks)
    bullets = [b.text for b in doc.blocks if b.text.startswith("- ")]
    assert bullets == ["- Raw material extraction", "- Manufacturing"]


@pytest.mark.parametrize(
    ("name", "encoding"),
    [
        ("text_zh_gbk.txt", "gb18030"),
        ("text_zh_utf16le.txt", "utf-16-le"),
        ("text_zh_utf16be_nobom.txt", "utf-16-be"),
        ("text_zh_utf8bom.txt", "utf-8-sig"),
    ],
)
def test_encodings_give_identical_blocks(name: str, encoding: str) -> None:
    reference = load(SYN / "text_zh_source.txt")
    doc = load(SYN / name)
    assert doc.source.encoding == encoding
    assert doc.blocks == reference.blocks
    assert doc.stats.garbled_characters == 0


def test_chinese_sample_content() -> None:
    doc = load(SYN / "text_zh_source.txt")
    para = next(b for b in doc.blocks if b.text.startswith("本研究"))
    # CJK-CJK line break joined without a space; full-width digits and parens normalised
    assert para.text == "本研究核算 1 吨钢材的碳足迹(从摇篮到大门)，结果为 1.85 tCO2e。"
    assert para.location.section == "1.1"
    t = table_captioned(doc, "表 1")
    assert row_texts(t)[1:] == [["电力", "120", "kWh"], ["天然气", "3.5", "万 m³"]]


def test_html_table_spans() -> None:
    doc = load(SYN / "text_html_table.md")
    t = table_captioned(doc, "表 2")
    rows = row_texts(t)
    assert rows[0] == ["项目", "排放因子", "排放因子", "结果"]
    assert rows[1] == ["项目", "值", "单位", "t"]
    assert rows[2] == ["电力", "0.5942", "tCO2/MWh", "1432.022"]
    assert rows[3] == ["柴油", "1.593\n(CO2)", "t/t", "95.58"]
    assert rows[4] == ["柴油", "0.0000683\n(CH4)", "t/t", "<0.01 & n/a"]
    assert t.rows[0][0].rowspan == 2 and t.rows[0][1].colspan == 2
    # a spanned slot repeats the origin cell: its row is the slot, its line where it is printed
    assert t.rows[4][0].location.row == 4 and t.rows[4][0].location.line == 8
    assert t.rows[2][1].location.line == 7 and t.rows[4][1].location.line == 9
    assert doc.blocks[-1].text == "After the table."


def test_latex_fragments() -> None:
    doc = load(SYN / "text_latex.md")
    texts = [b.text for b in doc.blocks]
    assert "Operating time ≥ 1 000 h/a and share > 80% of the electricity." in texts
    assert "The per-unit value is e=1686.915 / 349=4.833tCO2e per tube." in texts
    display = next(b for b in doc.blocks if b.location.line == 7)
    assert display.kind == "paragraph" and display.text == "CF = ∑ Pi × Qij × GWPj"
    assert "It costs $5 and $6 per unit." in texts


def test_heading_styles_and_negatives() -> None:
    doc = load(SYN / "text_headings.txt")
    got = {b.location.line: (b.level, b.number, b.text) for b in doc.blocks if b.kind == "heading"}
    assert got[1] == (1, "第三章", "研究方法")
    assert got[5] == (2, "第一节", "数据收集")
    assert got[7] == (2, "(一)", "活动数据")
    assert got[11] == (1, "一", "总则")
    assert got[13] == (1, "2", "Methods")
    assert got[15] == (2, "3.1", "Scope")
    assert got[17] == (1, "1", "执行摘要")
    assert got[23] == (3, "2.3.1", "功能单位")
    assert got[25] == (1, None, "Markdown title")
    assert got[27] == (2, "4.2", "Markdown numbered")
    negatives = [b for b in doc.blocks if b.location.line and b.location.line >= 29]
    assert negatives and all(b.kind == "paragraph" for b in negatives)
    assert all(b.location.section == "4.2" for b in negatives)


def test_paragraph_splitting() -> None:
    text = "第一行没有句号\n接着写完。\n新的一句\n- 列表项一\n- 列表项二\nEnglish line\ncontinues here\n"
    doc = extract_text(text.encode(), "p.txt")
    assert [b.text for b in doc.blocks] == [
        "第一行没有句号接着写完。",
        "新的一句",
        "- 列表项一",
        "- 列表项二 English line continues here",
    ]
    assert [b.location.line for b in doc.blocks] == [1, 3, 4, 5]


def test_tab_table_page_break_and_width() -> None:
    text = "表 1 数据\n项目\t数量\t单位\n电\t1\tkWh\n\n\n水\t2\tt\n\n正文\n\na\tb\n"
    doc = extract_text(text.encode(), "t.txt")
    assert len(doc.tables) == 2
    assert row_texts(doc.tables[0]) == [
        ["项目", "数量", "单位"],
        ["电", "1", "kWh"],
        ["水", "2", "t"],
    ]
    assert doc.tables[0].caption == "表 1 数据"
    assert doc.tables[1].caption is None
    # a table of another width after one blank line stays separate
    doc2 = extract_text(b"a\tb\tc\n\nx\ty\tz\tw\tv\n", "t.txt")
    assert len(doc2.tables) == 2


def test_garbled_input_is_counted() -> None:
    mojibake = "碳足迹报告的结果".encode().decode("latin-1")
    doc = extract_text(f"1. 结果\n\n{mojibake} (cid:12)\n".encode(), "g.txt")
    assert doc.stats.garbled_characters >= len(mojibake) - 2
    assert 0 < doc.stats.garbled_ratio < 1


@pytest.mark.parametrize("data", [b"", b"   \n\n", "\ufeff".encode()])
def test_empty_input(data: bytes) -> None:
    with pytest.raises(ExtractionError, match="empty file"):
        extract_text(data, "empty.txt")


@pytest.mark.parametrize(
    "data",
    [
        bytes(range(256)) * 4,
        b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(200),
        b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n",
        b"PK\x03\x04" + bytes(50),
        b"text\x01\x02\x03\x04\x05\x06\x07\x08 more",
    ],
)
def test_binary_input(data: bytes) -> None:
    with pytest.raises(ExtractionError) as info:
        extract_text(data, "bin.txt")
    assert "\n" not in str(info.value) and str(info.value)


def test_pure_function() -> None:
    data = (SYN / "text_en_report.md").read_bytes()
    assert extract_text(data, "a.md") == extract_text(data, "a.md")


def test_ocr_spaced_latex_numbers_are_joined() -> None:
    from pcfaudit.extract.text import extract_text

    raw = (
        "排放量从2001年的 $3 9 . 9 4 \\times 1 0 ^ { 4 } ~ \\mathrm { t }$ 增长至 "
        "$1 . 2 1 \\mathrm { t } \\cdot \\mathrm { h m } ^ { - 2 }$，净汇 $- 2 . 5 1 \\times 1 0 ^ { 4 } \\$ 。\n"
    )
    (block,) = [b for b in extract_text(raw.encode(), "r.md").blocks if "排放量" in b.text]
    assert "39.94 × 10⁴ t" in block.text
    assert "1.21t ·hm⁻²" in block.text
    assert "-2.51 × 10⁴" in block.text  # the formula closed with "\$" by the converter
