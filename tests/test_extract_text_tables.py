"""Converter text: HTML tables as an OCR converter writes them (spanning two-level headers,
header text pushed into the first body row, the label column fused with the first values,
two value columns fused into one, LaTeX cells). Inputs written for these tests, zh + en;
each test asserts what a reader of the table would check: a cell's row label, its header
path (the distinct header cells above it, top to bottom) and its value."""

from __future__ import annotations

from pcfaudit.extract.text import extract_text
from pcfaudit.model import Table


def _table(markdown: str) -> Table:
    doc = extract_text(markdown.encode("utf-8"), "paper.md")
    [table] = doc.tables
    return table


def _header_rows(table: Table) -> int:
    for r, row in enumerate(table.rows):
        if any(c.text[:1].isdigit() or c.text[:1] == "-" for c in row[1:]):
            return r
    return len(table.rows)


def _cell(table: Table, label: str, column: int, head: int | None = None) -> tuple[list[str], str]:
    """(header path, value) of the cell in the row labelled ``label``, at ``column``;
    ``head`` header rows (by default: those before the first row with a number)."""
    head = _header_rows(table) if head is None else head
    path: list[str] = []
    for row in table.rows[:head]:
        text = row[column].text
        if text and (not path or path[-1] != text):
            path.append(text)
    [row] = [row for row in table.rows[head:] if row[0].text == label]
    return path, row[column].text


_ZH_UNIT_IN_BODY = """表2 不同处理各时期 CH4 排放量

<html><body><table><tr><td rowspan="2">处理</td><td colspan="2">春季</td><td colspan="2">秋季</td><td>全年</td></tr><tr><td>排放量</td><td>占比/%</td><td>排放量 (kg/hm²)</td><td>占比/%</td><td>排放量</td></tr><tr><td>T1</td><td>(kg/hm²) 12.40±0.31a</td><td>40.1</td><td>18.52</td><td>59.9</td><td>(kg/hm²) 30.92±0.40a</td></tr><tr><td>T2</td><td>10.05±0.20b</td><td>35.2</td><td>18.50</td><td>64.8</td><td>28.55±0.35b</td></tr><tr><td>T3</td><td>9.80±0.11b</td><td>33.0</td><td>19.90</td><td>67.0</td><td>29.70±0.21b</td></tr></table></body></html>
"""


def test_zh_two_level_header_with_the_unit_pushed_into_the_first_row():
    table = _table(_ZH_UNIT_IN_BODY)
    assert table.caption == "表2 不同处理各时期 CH4 排放量"
    assert _cell(table, "T1", 1) == (["春季", "排放量 (kg/hm²)"], "12.40±0.31a")
    assert _cell(table, "T1", 5) == (["全年", "排放量 (kg/hm²)"], "30.92±0.40a")
    assert _cell(table, "T3", 4) == (["秋季", "占比/%"], "67.0")
    assert _cell(table, "T2", 3) == (["秋季", "排放量 (kg/hm²)"], "18.50")


_EN_WORD_IN_BODY = """Table 3 Annual emissions by season

<table><tr><td rowspan="2">Treatment</td><td colspan="2">N2O [kg N ha-1]</td><td colspan="2">CH4 [kg C ha-1]</td></tr><tr><td>Wheat</td><td>Maize</td><td></td><td></td></tr><tr><td>NT</td><td>0.85±0.03</td><td>1.21±0.11</td><td>Wheat -2.20±0.14</td><td>Maize -0.30±0.04</td></tr><tr><td>RT</td><td>0.88±0.10</td><td>1.40±0.12</td><td>-1.45±0.08</td><td>-0.32±0.06</td></tr><tr><td>CT</td><td>1.25±0.15</td><td>1.28±0.10</td><td>-0.99±0.16</td><td>-0.34±0.06</td></tr></table>
"""


def test_en_sub_header_words_pushed_into_the_first_row_go_back_to_their_header():
    table = _table(_EN_WORD_IN_BODY)
    assert _cell(table, "NT", 3) == (["CH4 [kg C ha-1]", "Wheat"], "-2.20±0.14")
    assert _cell(table, "NT", 4) == (["CH4 [kg C ha-1]", "Maize"], "-0.30±0.04")
    assert _cell(table, "CT", 3) == (["CH4 [kg C ha-1]", "Wheat"], "-0.99±0.16")
    assert _cell(table, "NT", 1) == (["N2O [kg N ha-1]", "Wheat"], "0.85±0.03")


def test_a_first_row_with_text_in_a_column_of_text_is_left_alone():
    # Negative: "Coal 2.1" over other cells that are words too: no header text pushed down.
    table = _table(
        "<table><tr><td>Site</td><td>Fuel</td><td>Note</td></tr>"
        "<tr><td>A</td><td>Coal 2.1</td><td>1.5</td></tr>"
        "<tr><td>B</td><td>Gas</td><td>2.5</td></tr>"
        "<tr><td>C</td><td>Oil</td><td>3.5</td></tr></table>\n"
    )
    assert [c.text for c in table.rows[0]] == ["Site", "Fuel", "Note"]
    assert [c.text for c in table.rows[1]] == ["A", "Coal 2.1", "1.5"]


_EN_FUSED_LABELS = """<table><tr><td colspan="2">Spring</td><td colspan="2">Autumn</td></tr><tr><td>Treatment emission (kg/ha)</td><td>Share/%</td><td>Emission (kg/ha)</td><td>Share/%</td></tr><tr><td>Control 12.40±0.31</td><td>40.1</td><td>18.52</td><td>59.9</td></tr><tr><td>Straw 10.05±0.20</td><td>35.2</td><td>18.50</td><td>64.8</td></tr><tr><td>Biochar 9.80±0.11</td><td>33.0</td><td>19.90</td><td>67.0</td></tr></table>
"""


def test_en_label_column_fused_with_the_first_values_is_split_and_headers_shift():
    table = _table(_EN_FUSED_LABELS)
    assert [c.text for c in table.rows[3]] == ["Straw", "10.05±0.20", "35.2", "18.50", "64.8"]
    assert _cell(table, "Straw", 1) == (["Spring", "Treatment emission (kg/ha)"], "10.05±0.20")
    assert _cell(table, "Biochar", 4) == (["Autumn", "Share/%"], "67.0")
    assert _cell(table, "Control", 2) == (["Spring", "Share/%"], "40.1")


def test_zh_fused_labels_when_the_header_kept_its_label_column():
    table = _table(
        "<table><tr><td>处理</td><td>籽粒产量</td><td>秸秆产量</td></tr>"
        "<tr><td>免耕 13.17</td><td>14.18</td></tr>"
        "<tr><td>旋耕 14.29</td><td>15.52</td></tr>"
        "<tr><td>翻耕 13.91</td><td>15.03</td></tr></table>\n"
    )
    assert _cell(table, "旋耕", 1) == (["籽粒产量"], "14.29")
    assert _cell(table, "翻耕", 2) == (["秸秆产量"], "15.03")
    assert len(table.rows[1]) == 3


def test_numbered_names_are_not_split_into_label_and_value():
    # Negative: "Phase 1", "Phase 2" are names; "Kiln 3" has no decimal: nothing fused.
    table = _table(
        "<table><tr><td>Unit</td><td>Fuel (t)</td><td>CO2 (t)</td></tr>"
        "<tr><td>Kiln 1</td><td>12.5</td><td>30.1</td></tr>"
        "<tr><td>Kiln 2</td><td>10.5</td><td>25.3</td></tr>"
        "<tr><td>Kiln 3</td><td>11.0</td><td>26.5</td></tr></table>\n"
    )
    assert [c.text for c in table.rows[2]] == ["Kiln 2", "10.5", "25.3"]


_ZH_PAIRED = """表3 各因素的贡献

<table><tr><td rowspan="2">年份</td><td colspan="3">分解因素</td><td rowspan="2">总效应</td></tr><tr><td>结构</td><td>强度</td><td>规模</td></tr><tr><td>2019</td><td>1.02</td><td>0.95</td><td>1.12 1.01</td><td>4.10</td></tr><tr><td>2020</td><td>1.04</td><td>0.88</td><td>1.25 1.02</td><td>4.19</td></tr><tr><td>2021</td><td>1.05</td><td>0.90</td><td>1.40 1. 04</td><td>4.39</td></tr></table>
"""


def test_zh_a_column_of_paired_decimals_is_two_columns_under_the_group_header():
    table = _table(_ZH_PAIRED)
    assert [c.text for c in table.rows[2]] == ["2019", "1.02", "0.95", "1.12", "1.01", "4.10"]
    assert _cell(table, "2021", 3) == (["分解因素", "规模"], "1.40")
    assert _cell(table, "2021", 4) == (["分解因素"], "1.04")
    assert _cell(table, "2020", 5) == (["总效应"], "4.19")


def test_thousands_groups_and_a_lone_pair_are_not_split():
    # Negative: "2 908±423" is one number; one paired cell among single ones is a typo.
    table = _table(
        "<table><tr><td>Plot</td><td>CO2</td><td>Yield</td></tr>"
        "<tr><td>M1</td><td>2 908±423</td><td>1.1 2.2</td></tr>"
        "<tr><td>M2</td><td>2 835±210</td><td>1.3</td></tr>"
        "<tr><td>M3</td><td>3 932±472</td><td>1.4</td></tr></table>\n"
    )
    assert [c.text for c in table.rows[1]] == ["M1", "2 908±423", "1.1 2.2"]


_EN_LATEX = r"""Table 4 GWP of the treatments (mean ± SE) and the contribution of each gas
Table 4 continued caption line that makes this paragraph long enough to be more than a caption

<table><tr><td rowspan="2">Treatment</td><td colspan="2">$\mathrm{CH}_{4}$</td><td colspan="2">$\mathrm{N}_{2}\mathrm{O}$</td></tr><tr><td>GWP ($\mathrm{kg\,CO_2e/hm^2}$)</td><td>Share</td><td>GWP</td><td>Share</td></tr><tr><td>A</td><td>$581.07 \pm 4.83$</td><td>$4 8 . 2 6 \%$</td><td>$6.2306 \times 10^{2}$</td><td>$51.74\%$</td></tr><tr><td>B</td><td>$928.01 \pm 7.85$</td><td>$6 3 . 1 2 \%$</td><td>$5.4226 \times 10^{2}$</td><td>$36.88\%$</td></tr><tr><td>C</td><td>$419.17 \pm 5.56$</td><td>$5 2 . 8 8 \%$</td><td>$3.7341 \times 10^{2}$</td><td>$47.12\%$</td></tr></table>
"""


def test_en_latex_cells_under_a_two_level_header():
    table = _table(_EN_LATEX)
    assert table.caption is not None and table.caption.startswith("Table 4 GWP")
    assert _cell(table, "B", 2) == (["CH4", "Share"], "63.12%")
    assert _cell(table, "A", 1) == (["CH4", "GWP (kg CO2e/hm²)"], "581.07 ± 4.83")
    assert _cell(table, "C", 3) == (["N2O", "GWP"], "3.7341 × 10²")


def test_the_caption_is_the_last_caption_line_above_the_table():
    # The converter moved table 2's caption below table 2, above table 3's own bilingual
    # caption: the caption of the table is the nearest one, its first language kept.
    text = (
        "表2 各处理的排放总量\n"
        "表3 各处理的机械油耗与 CO2 当量投入量，按耕作方式和秸秆还田方式分列，单位为升每公顷\n"
        "Table 3 Fuel consumption and CO2 inputs of the treatments, by tillage and straw return\n"
        "\n"
        "<table><tr><td>处理</td><td>油耗 (L/hm²)</td><td>CO2 (kg/hm²)</td></tr>"
        "<tr><td>M1</td><td>61.05</td><td>158</td></tr>"
        "<tr><td>M2</td><td>108.30</td><td>280</td></tr></table>\n"
    )
    table = _table(text)
    assert table.caption is not None and table.caption.startswith("表3 各处理的机械油耗")


_ZH_LATEX_MARKS = r"""表5 不同处理 $\mathbf { C H _ { 4 } }$ 与 $\mathrm { N } _ { 2 } \mathrm { O }$ 排放

<table><tr><td rowspan="2">处理</td><td colspan="2">$\mathbf { C H _ { 4 } }$</td></tr><tr><td>排放量</td><td>占比</td></tr><tr><td>CK</td><td>$0.85^{\mathrm{b}}$</td><td>$4 0 . 1 \%$</td></tr><tr><td>NT</td><td>$1.21^{a}$</td><td>$3 5 . 2 \%$</td></tr><tr><td>RT</td><td>$2.06^{*}$</td><td>$3 3 . 0 \%$</td></tr></table>
"""


def test_zh_latex_cells_keep_footnote_marks_on_the_number_and_join_spaced_formulas():
    table = _table(_ZH_LATEX_MARKS)
    assert table.caption == "表5 不同处理 CH4 与 N2O 排放"
    assert _cell(table, "CK", 1) == (["CH4", "排放量"], "0.85b")
    assert _cell(table, "NT", 1) == (["CH4", "排放量"], "1.21a")
    assert _cell(table, "RT", 1) == (["CH4", "排放量"], "2.06*")
    assert _cell(table, "RT", 2) == (["CH4", "占比"], "33.0%")
    # a letter raised on a symbol stays a superscript: only numbers carry marks
    assert extract_text(b"$x^{a}$ and $e^{x}$\n", "f.md").blocks[0].text == "x^a and e^x"


def test_a_qualifier_on_the_first_value_stays_with_it():
    # Negative: "约 12.5" and "< 0.01" qualify their own value; the header keeps its words.
    table = _table(
        '<table><tr><td rowspan="2">工序</td><td colspan="2">排放量 (t)</td></tr>'
        "<tr><td>CO2</td><td>CH4</td></tr>"
        "<tr><td>焙烧</td><td>约 12.5</td><td>&lt; 0.01</td></tr>"
        "<tr><td>干燥</td><td>10.2</td><td>0.03</td></tr>"
        "<tr><td>运输</td><td>3.4</td><td>0.02</td></tr></table>\n"
    )
    assert _cell(table, "焙烧", 1, head=2) == (["排放量 (t)", "CO2"], "约 12.5")
    assert _cell(table, "焙烧", 2, head=2) == (["排放量 (t)", "CH4"], "< 0.01")


def test_a_caption_number_glued_to_a_year_is_split_from_it():
    text = (
        "表22001—2017年绿洲农田农业生产投入中产生的碳排放\n"
        "Tab.2 Carbon emissions from agricultural inputs of oasis farmland, 2001—2017, by input\n"
        "\n"
        "<table><tr><td>年份</td><td>化肥</td><td>合计</td></tr>"
        "<tr><td>2001</td><td>12.31</td><td>22.76</td></tr>"
        "<tr><td>2002</td><td>12.85</td><td>23.60</td></tr></table>\n"
    )
    assert _table(text).caption == "表2 2001—2017年绿洲农田农业生产投入中产生的碳排放"


_EN_FUSED_ROWS = """Table 5 Emissions by stage (t CO2e)

<table><tr><td>Stage</td><td>CO2</td><td>CH4</td><td>Total</td></tr><tr><td>A1</td><td>1.20</td><td>0.30</td><td>1.50</td></tr><tr><td>A2</td><td>2.10</td><td>0.40</td><td>2.50</td></tr><tr><td>A3 Sum</td><td>3.00 6.30</td><td>0.20 0.90</td><td>3.20</td></tr></table>
"""


def test_en_two_rows_fused_into_one_are_split_and_a_lone_value_stays_with_the_first():
    table = _table(_EN_FUSED_ROWS)
    assert [c.text for c in table.rows[3]] == ["A3", "3.00", "0.20", "3.20"]
    assert [c.text for c in table.rows[4]] == ["Sum", "6.30", "0.90", ""]
    assert _cell(table, "Sum", 2) == (["CH4"], "0.90")


def test_a_row_with_one_pair_or_a_column_of_pairs_is_not_split_into_rows():
    # Negative: a two-word label beside one paired cell is a typo, not two rows; a
    # column whose every cell is paired is two columns fused (split as columns).
    table = _table(
        "<table><tr><td>Item</td><td>Mass</td><td>Energy</td><td>GWP</td></tr>"
        "<tr><td>Raw material</td><td>1.10 2.20</td><td>3.00</td><td>4.00</td></tr>"
        "<tr><td>Transport</td><td>1.30</td><td>3.10</td><td>4.20</td></tr>"
        "<tr><td>Packaging</td><td>1.40</td><td>3.20</td><td>4.30</td></tr></table>\n"
    )
    assert [c.text for c in table.rows[1]] == ["Raw material", "1.10 2.20", "3.00", "4.00"]
    assert len(table.rows) == 4


_EN_FUSED_HEADER = """Table 6 Decomposition of the change in emissions

<table><tr><td>Year</td><td colspan="4">Decomposition factors</td></tr><tr><td></td><td>SE</td><td>IE</td><td>GE</td><td>Total PE</td></tr><tr><td>2019</td><td>1.02</td><td>0.95</td><td>1.12 1.01</td><td>4.10</td></tr><tr><td>2020</td><td>1.04</td><td>0.88</td><td>1.25 1.02</td><td>4.19</td></tr><tr><td>2021</td><td>1.05</td><td>0.90</td><td>1.40 1.04</td><td>4.39</td></tr></table>
"""


def test_a_label_fused_into_the_next_header_cell_goes_to_the_split_off_column():
    """The converter lost one column boundary in the body (GE and PE values fused) and
    the same boundary one cell over in the header ("Total PE"): the label shaped like
    its neighbours (SE, IE, GE) heads the split-off column, "Total" keeps its own."""
    table = _table(_EN_FUSED_HEADER)
    assert _cell(table, "2020", 4) == (["Decomposition factors", "PE"], "1.02")
    assert _cell(table, "2020", 5)[1] == "4.19" and table.rows[1][5].text == "Total"
    assert _cell(table, "2020", 3) == (["Decomposition factors", "GE"], "1.25")


def test_a_two_word_header_unlike_its_neighbours_is_not_split():
    # Negative: neither "Total" nor "effect" is shaped like SE/IE/GE: nothing moves.
    table = _table(_EN_FUSED_HEADER.replace("Total PE", "Total effect"))
    assert table.rows[1][4].text == "" and table.rows[1][5].text == "Total effect"
