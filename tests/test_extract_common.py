"""Shared extractor helpers: normalisation, headings, TOC lines, sections, garbling."""

from __future__ import annotations

import pytest

from pcfaudit.extract.common import (
    ExtractionError,
    assign_sections,
    detect_heading,
    garbled_count,
    normalise_text,
    parse_toc_line,
    sha256_hex,
)
from pcfaudit.extract.tex import tex_to_text
from pcfaudit.model import Block, Cell, Location, Table


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("CO ₂", "CO2"),
        ("0.5703 tCO ₂ /MWh (2022 华东电网)", "0.5703 tCO2/MWh (2022 华东电网)"),
        ("1 430-2 088 tCO ₂ e/t", "1 430-2 088 tCO2e/t"),
        ("CH ₄ 和 N ₂ O", "CH4 和 N2O"),
        ("二氧化碳(CO₂)，甲烷(CH₄)", "二氧化碳(CO2)，甲烷(CH4)"),
        ("CO ₂ emissions", "CO2 emissions"),  # no gluing into the next word
        ("天然气 (万 m ³)", "天然气 (万 m³)"),
        ("（１２０）ｋＷｈ：５％", "(120)kWh:5%"),
        ("数据，结果；是否？好！", "数据，结果；是否？好！"),  # Chinese punctuation kept
        ("原料、辅料。", "原料、辅料。"),
        ("a\u00a0b\u2009c\u3000d", "a b c d"),
        ("zero\u200bwidth\ufeff", "zerowidth"),
        ("ctrl\x07char\x1b", "ctrlchar"),
        ("tab\tkept", "tab\tkept"),
        ("$\\geq 1\\ 000$ h/a", "≥ 1 000 h/a"),
        ("占 $> 80\\%$", "占 > 80%"),
        ("$e=1686.915 / 349=4.833tCO_2e$", "e=1686.915 / 349=4.833tCO2e"),
        ("costs $5 and $6 each", "costs $5 and $6 each"),  # money, not maths
        ("many   spaces", "many spaces"),
        ("crlf\r\nline", "crlf\nline"),
    ],
)
def test_normalise_text(raw: str, expected: str) -> None:
    assert normalise_text(raw) == expected


def test_display_tex_is_reduced() -> None:
    tex = "$$1. \\quad CF = \\sum_{i=1}^n P_i \\times Q_{ij} \\times GWP_j$$"
    assert normalise_text(tex) == "1. CF = ∑ Pi × Qij × GWPj"
    assert tex_to_text("\\frac{a}{b} \\leq 10^{3}") == "(a)/(b) ≤ 10³"


def test_normalise_is_idempotent() -> None:
    s = "（１）tCO ₂ e/t，$> 80\\%$ m ³"
    once = normalise_text(s)
    assert normalise_text(once) == once


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("1、执行摘要", (1, "1", "执行摘要")),
        ("1. 产品碳足迹介绍", (1, "1", "产品碳足迹介绍")),
        ("3.1 研究目的", (2, "3.1", "研究目的")),
        ("3.1研究目的", (2, "3.1", "研究目的")),
        ("2.3.1 功能单位", (3, "2.3.1", "功能单位")),
        ("第三章 产品碳足迹", (1, "第三章", "产品碳足迹")),
        ("第3章", (1, "第3章", "")),
        ("第一节 数据收集", (2, "第一节", "数据收集")),
        ("(一)活动数据", (2, "(一)", "活动数据")),
        ("一、总则", (1, "一", "总则")),
        ("Chapter 2 Methods", (1, "2", "Methods")),
        ("Section 3.1 Scope", (2, "3.1", "Scope")),
        ("1 Introduction", (1, "1", "Introduction")),
        ("## 3.1 Goal", (2, "3.1", "Goal")),
        ("# Summary", (1, "", "Summary")),
        ("**4. 结论**", (1, "4", "结论")),
    ],
)
def test_detect_heading_styles(line: str, expected: tuple[int, str, str]) -> None:
    assert detect_heading(line) == expected


@pytest.mark.parametrize(
    "line",
    [
        "1 件 150 kV 旋转阳极 CT 球管。",  # the functional unit sentence of seed 000
        "1 件 150 kV 旋转阳极 CT 球管",
        "2024 年公司共生产 349 件产品",
        "2025-2027 减排路线图",
        "1. 使用准确率较高的初级数据，提高数据准确性，减少测量误差。",
        "2. Replace the diesel forklifts with electric ones, which cuts emissions by a third.",
        "3 kg of steel per unit",
        "12.5 吨钢材",
        "2 台电机",
        "0.5942 t",
        "35.1 Invalid number",
        "1.2.3.4 Too deep",
        "1\tCT 机\t91",
        "3.1 研究目的.....\t4",
        "I 普通物料重量<1%产品重量时",
        "(1) 排放源快速分级 (Top-Down)",
        "一、二级重大源的判定规则如下：",
        "第三章中的数据表明，排放主要来自电力。",
        "12 %",
        "10 kV 配电柜两台",
        "1.5 kV 电缆",
    ],
)
def test_sentences_are_not_headings(line: str) -> None:
    assert detect_heading(line) is None


def test_parse_toc_line() -> None:
    assert parse_toc_line("3.1 研究目的.....\t4") == ("3.1", "研究目的", 4)
    assert parse_toc_line("1、执行摘要.....\t2") == ("1", "执行摘要", 2)
    assert parse_toc_line("2.3.1 功能单位……5") == ("2.3.1", "功能单位", 5)
    assert parse_toc_line("1 Introduction .......... 3") == ("1", "Introduction", 3)
    # tab + page only counts inside a TOC region (elsewhere it is a 2-column table row)
    assert parse_toc_line("执行摘要\t1") is None
    assert parse_toc_line("执行摘要\t1", in_toc=True) == (None, "执行摘要", 1)
    assert parse_toc_line("1. 产品碳足迹介绍 (CFP) 介绍\t2", in_toc=True) == (
        "1",
        "产品碳足迹介绍 (CFP) 介绍",
        2,
    )
    assert parse_toc_line("电力\t2410\t0.5942") is None
    assert parse_toc_line("本研究的目的是核算碳足迹。") is None


def test_assign_sections_is_pure_and_reaches_cells() -> None:
    cell = Cell("1432.022", Location(line=9, table=0, row=0, column=0))
    blocks = [
        Block("paragraph", "封面", Location(line=1)),
        Block("paragraph", "3.6 影响类型.....\t6", Location(line=2, section="toc")),
        Block("heading", "影响类型", Location(line=5), level=2, number="3.6"),
        Block("paragraph", "正文", Location(line=6)),
        Block("heading", "Summary", Location(line=7), level=1),
        Block("table", "", Location(line=9), table=Table([[cell]], Location(line=9, table=0))),
    ]
    out = assign_sections(blocks)
    assert [b.location.section for b in out] == [None, "toc", "3.6", "3.6", "Summary", "Summary"]
    table = out[5].table
    assert table is not None
    assert table.rows[0][0].location.section == "Summary"
    assert blocks[3].location.section is None  # input untouched
    assert cell.location.section is None


def test_garbled_count() -> None:
    assert garbled_count("正常文本 normal text café") == 0
    assert garbled_count("(cid:123)(cid:7)") == len("(cid:123)(cid:7)")
    assert garbled_count("a\ufffdb") == 1
    mojibake = "碳足迹".encode().decode("latin-1")
    assert garbled_count(f"result {mojibake} ok") >= 6
    gbk_as_latin = "碳足迹报告".encode("gbk").decode("latin-1")
    assert garbled_count(gbk_as_latin) >= 8


def test_extraction_error_and_sha() -> None:
    e = ExtractionError("bad\nfile  here")
    assert str(e) == "bad file here"
    assert sha256_hex(b"abc").startswith("ba7816bf")


def test_numbered_formula_is_not_a_heading() -> None:
    from pcfaudit.extract.common import detect_heading

    assert detect_heading("1. CF = ∑ Pi × Qij × GWPj") is None
    assert detect_heading("(2) E = AD × EF") is None
    assert detect_heading("3.6 影响类型和评价方法") == (2, "3.6", "影响类型和评价方法")
