"""Small reports in layouts the seeds and realdocs do not have, written here: each table's
cells must be read into the right row and column, the clean version must give no error or
warning, and a defect planted in it must be found with the numbers read from those cells.

* Markdown pipe table whose numbers use thin spaces, full-width digits and ``±``;
* DOCX with merged header cells (two rows, a span), a stage label merged down two rows,
  a total merged across, a table nested in a cell, and its caption in the paragraph above;
* landscape PDF, inventory table with a header over two rows and a row of units;
* PDF (Chinese) whose table runs on to the next page without repeating its header.
"""

from __future__ import annotations

import io
from pathlib import Path

import pytest
from docx import Document as DocxDocument
from reportlab.lib.pagesizes import A4, landscape
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.cidfonts import UnicodeCIDFont
from reportlab.pdfgen import canvas

from pcfaudit.extract.detect import extract
from pcfaudit.model import Finding, Table
from pcfaudit.pipeline import audit

pdfmetrics.registerFont(UnicodeCIDFont("STSong-Light"))

THIN = "\u2009"


def _value(table: Table, row_label: str, col_label: str) -> str:
    """The cell in the row whose first cell is ``row_label``, under the column one of
    whose header cells (above the first body row) contains ``col_label``."""
    grid = [[c.text for c in row] for row in table.rows]
    body = next(r for r, row in enumerate(grid) if row[0] == row_label)
    cols = [c for c in range(len(grid[0])) if any(col_label in grid[r][c] for r in range(body))]
    assert cols, (col_label, grid)
    return grid[body][cols[0]]


def _serious(findings: list[Finding]) -> list[str]:
    return [f"{f.rule} {f.message}" for f in findings if f.severity in ("error", "warning")]


def _audit(tmp_path: Path, name: str, data: bytes) -> list[Finding]:
    path = tmp_path / name
    path.write_bytes(data)
    return audit(path).findings


# --------------------------------------------------------------------------- Markdown


def _markdown(clay: str = "258.0", electricity: str = "６４３．９") -> bytes:
    return f"""# Product Carbon Footprint Report: Ceramic Floor Tile

Report date: 12 March 2025

## 1 Summary

This study quantifies the carbon footprint of 1 m2 of ceramic floor tile according to ISO 14067:2018. The functional unit is 1 m2 of tile. The system boundary is cradle-to-gate.

## 2 Inventory

Table 2: Inventory per 1{THIN}000 m2 of tile (mean ± standard deviation of three plants)

| Input | Amount | Unit | Emission factor (kgCO2e/unit) | Emissions (kgCO2e) |
|:------|-------:|:----:|------------------------------:|-------------------:|
| Clay | 21{THIN}500 | kg | 0.0120 | {clay} ± 4.1 |
| Natural gas | 1{THIN}850.0 | m3 | 2.1620 | 3{THIN}999.7 ± 51.0 |
| Electricity | １２００ | kWh | ０．５３６６ | {electricity} |
| Diesel | 95.5 ± 2.0 | L | 2.6800 | 255.9 |
| Total | | | | 5{THIN}157.5 |

## 3 Conclusions

The carbon footprint of 1{THIN}000 m2 of tile is 5{THIN}157.5 kgCO2e, that is 5.158 kgCO2e/m2.
""".encode()


def test_markdown_thin_spaces_full_width_digits_and_plus_minus_are_read_into_their_cells() -> None:
    (table,) = extract(_markdown(), "tile.md").tables
    assert _value(table, "Natural gas", "Amount") == "1 850.0"  # a thin space read as a space
    assert _value(table, "Electricity", "Emission factor") == "0.5366"  # full-width, normalised
    assert _value(table, "Diesel", "Amount") == "95.5 ± 2.0"
    assert _value(table, "Total", "Emissions") == "5 157.5"


def test_markdown_clean_report_has_no_finding_and_planted_errors_are_found(tmp_path: Path) -> None:
    assert _serious(_audit(tmp_path, "clean.md", _markdown())) == []
    bad = _audit(tmp_path, "bad.md", _markdown(clay="268.0", electricity="６５３．９"))
    lines = {f.locations[0].quote.split("|")[0].strip(): f for f in bad if f.rule == "AR001" and f.locations[0].quote}
    assert set(lines) == {"Clay", "Electricity"}, _serious(bad)
    assert lines["Clay"].expected.startswith("258.0")  # 21 500 kg × 0.0120
    assert lines["Electricity"].expected.startswith("643.9")  # １２００ kWh × ０．５３６６


# --------------------------------------------------------------------------- DOCX


def _docx(share: str = "88.6%") -> bytes:
    d = DocxDocument()
    d.add_heading("产品碳足迹报告：办公椅", 0)
    d.add_paragraph("本报告依据 ISO 14067:2018 核算。功能单位为 1 把办公椅，系统边界为从摇篮到大门。")
    d.add_heading("3 清单分析", 1)
    d.add_paragraph("表 3 办公椅碳足迹清单")
    t = d.add_table(rows=6, cols=6)
    t.style = "Table Grid"
    rows = [
        ["生命周期阶段", "排放源", "活动数据", "", "排放因子\n(kgCO2e/单位)", "排放量\n(kgCO2e)"],
        ["", "", "数量", "单位", "", ""],
        ["原材料获取", "钢材", "10", "kg", "2.10", "21.00"],
        ["", "塑料", "5", "kg", "2.50", "12.50"],
        ["生产制造", "天然气", "2", "m3", "2.16", "4.32"],
        ["合计", "", "", "", "", "37.82"],
    ]
    for r, row in enumerate(rows):
        for c, text in enumerate(row):
            if text:
                t.cell(r, c).text = text
    t.cell(0, 2).merge(t.cell(0, 3))  # 活动数据 over 数量 and 单位
    for c in (0, 1, 4, 5):
        t.cell(0, c).merge(t.cell(1, c))  # header cells over both header rows
    t.cell(2, 0).merge(t.cell(3, 0))  # one stage over two rows
    t.cell(5, 0).merge(t.cell(5, 4))  # the total's label across
    inner = t.cell(4, 0).add_table(rows=1, cols=2)  # a note table nested in a label cell
    inner.cell(0, 0).text = "数据来源"
    inner.cell(0, 1).text = "企业台账"
    d.add_paragraph(f"产品碳足迹为 37.82 kgCO2e/把，其中原材料获取阶段占 {share}。")
    buf = io.BytesIO()
    d.save(buf)
    return buf.getvalue()


def test_docx_merged_and_nested_cells_are_read_into_their_rows_and_columns() -> None:
    doc = extract(_docx(), "chair.docx")
    table, nested = doc.tables
    assert table.caption == "表 3 办公椅碳足迹清单"
    assert _value(table, "原材料获取", "数量") == "10"
    assert [c.text for c in table.rows[3][:3]] == ["原材料获取", "塑料", "5"]  # merged down
    assert [c.text for c in table.rows[4][:2]] == ["生产制造", "天然气"]  # not the note table's text
    assert _value(table, "合计", "排放量") == "37.82"
    assert [c.text for c in nested.rows[0]] == ["数据来源", "企业台账"]


def test_docx_clean_report_has_no_finding_and_a_wrong_share_is_found(tmp_path: Path) -> None:
    assert _serious(_audit(tmp_path, "clean.docx", _docx())) == []
    bad = [f for f in _audit(tmp_path, "bad.docx", _docx(share="87.8%")) if f.rule == "AR008"]
    assert len(bad) == 1 and bad[0].reported == "87.8%" and bad[0].expected.startswith("88.6")


# --------------------------------------------------------------------------- PDF


def _landscape_pdf(steel: str = "25.20") -> bytes:
    buf = io.BytesIO()
    c = canvas.Canvas(buf, pagesize=landscape(A4))
    _, h = landscape(A4)
    c.setFont("Helvetica", 10)
    c.drawString(50, h - 50, "Product Carbon Footprint Report: Office Desk")
    c.drawString(50, h - 75, "This study follows ISO 14067:2018. The functional unit is 1 desk. The system boundary is cradle-to-gate.")
    c.setFont("Helvetica", 11)
    c.drawString(50, h - 110, "Table 2 Inventory of one desk")
    xs = [50, 190, 260, 320, 400, 500, 600]
    top = h - 135
    c.setFont("Helvetica", 9)
    c.drawString(xs[0], top - 10, "Emission source")  # set between the two header lines
    for x, text in zip(xs[1:], ["Activity data", "", "Emission factor", "", "GHG emissions", "Share"], strict=True):
        c.drawString(x, top, text)
    for x, text in zip(xs[1:5], ["Amount", "Unit", "Value", "Unit"], strict=True):
        c.drawString(x, top - 12, text)
    c.drawString(xs[5], top - 24, "(kgCO2e)")  # the unit row
    c.drawString(xs[6], top - 24, "(%)")
    rows = [
        ("Steel", "12.0", "kg", "2.10", "kgCO2e/kg", steel, "33.1"),
        ("Aluminium", "2.5", "kg", "8.60", "kgCO2e/kg", "21.50", "28.2"),
        ("Electricity", "35.0", "kWh", "0.5366", "kgCO2e/kWh", "18.78", "24.6"),
        ("Diesel", "4.0", "L", "2.68", "kgCO2e/L", "10.72", "14.1"),
        ("Total", "", "", "", "", "76.20", "100.0"),
    ]
    y = top - 42
    for row in rows:
        for x, text in zip(xs, row, strict=True):
            c.drawString(x, y, text)
        y -= 14
    c.setFont("Helvetica", 10)
    c.drawString(50, y - 20, "The carbon footprint of one desk is 76.20 kgCO2e.")
    c.showPage()
    c.save()
    return buf.getvalue()


def test_landscape_inventory_with_a_two_line_header_and_a_unit_row() -> None:
    (table,) = extract(_landscape_pdf(), "desk.pdf").tables
    assert table.caption == "Table 2 Inventory of one desk"
    assert _value(table, "Steel", "GHG emissions") == "25.20"
    assert _value(table, "Steel", "(kgCO2e)") == "25.20"
    assert _value(table, "Electricity", "Emission factor") == "0.5366"
    assert _value(table, "Diesel", "Share") == "14.1"
    assert _value(table, "Total", "GHG emissions") == "76.20"


def test_landscape_clean_report_has_no_finding_and_a_wrong_line_is_found(tmp_path: Path) -> None:
    assert _serious(_audit(tmp_path, "clean.pdf", _landscape_pdf())) == []
    bad = [f for f in _audit(tmp_path, "bad.pdf", _landscape_pdf(steel="23.20")) if f.rule == "AR001"]
    assert [f.expected[:5] for f in bad] == ["25.20"], [f.message for f in bad]


def _zh_font(text: str) -> str:
    return "STSong-Light" if any(ord(ch) > 0x2E80 for ch in text) else "Helvetica"


_CARTON = [
    ("瓦楞原纸", "1050", "kg", "0.92", "966.0"),
    ("淀粉胶", "25", "kg", "1.20", "30.0"),
    ("电力", "180", "kWh", "0.5366", "96.6"),
    ("天然气", "40", "m3", "2.16", "86.4"),
    ("柴油", "12", "L", "2.68", "32.2"),
    ("油墨", "3", "kg", "3.50", "10.5"),
    ("包装膜", "8", "kg", "2.40", "19.2"),
    ("合计", "", "", "", "1240.9"),
]


def _continued_pdf(rows: list[tuple[str, ...]] = _CARTON) -> bytes:
    buf = io.BytesIO()
    c = canvas.Canvas(buf, pagesize=A4)
    w, h = A4
    xs = [50, 170, 240, 300, 400]

    def line(y: float, cells: tuple[str, ...]) -> None:
        for x, text in zip(xs, cells, strict=True):
            if text:
                c.setFont(_zh_font(text), 9)
                c.drawString(x, y, text)

    c.setFont("STSong-Light", 10)
    c.drawString(50, h - 60, "本报告依据 ISO 14067:2018 核算。功能单位为 1 吨瓦楞纸箱，系统边界为从摇篮到大门。")
    for k in range(28):  # prose, so that the table starts at the foot of the page
        c.drawString(50, h - 90 - 15 * k, "本段介绍纸箱生产的各个工序与数据来源，数据来自企业生产记录。"[: 24 + k % 8])
    c.setFont("STSong-Light", 11)
    c.drawString(50, 250, "表 4 纸箱生产碳排放清单")
    y = 230.0
    line(y, ("排放源", "活动数据", "单位", "排放因子", "排放量(kgCO2e)"))
    for row in rows[:4]:
        y -= 14
        line(y, row)
    c.setFont("Helvetica", 8)
    c.drawString(w / 2, 30, "5")
    c.showPage()
    y = h - 60
    for row in rows[4:]:  # the table goes on, its header not repeated
        line(y, row)
        y -= 14
    c.setFont("STSong-Light", 10)
    c.drawString(50, y - 20, "产品碳足迹为 1240.9 kgCO2e/吨纸箱。")
    c.setFont("Helvetica", 8)
    c.drawString(w / 2, 30, "6")
    c.showPage()
    c.save()
    return buf.getvalue()


def test_a_table_continued_without_its_header_is_one_table_over_two_pages() -> None:
    (table,) = extract(_continued_pdf(), "carton.pdf").tables
    assert [row[0].text for row in table.rows] == ["排放源", *(r[0] for r in _CARTON)]
    assert _value(table, "柴油", "排放因子") == "2.68"
    assert table.rows[5][0].location.page == 2
    assert _value(table, "合计", "排放量") == "1240.9"


@pytest.mark.parametrize("wrong", [None, "40.2"])
def test_continued_table_clean_and_a_wrong_line_on_the_second_page(tmp_path: Path, wrong: str | None) -> None:
    rows = list(_CARTON)
    if wrong:
        rows[4] = ("柴油", "12", "L", "2.68", wrong)
        rows[7] = ("合计", "", "", "", "1248.9")  # the total adds the printed lines up
    findings = _audit(tmp_path, "carton.pdf", _continued_pdf(rows))
    if wrong is None:
        assert _serious(findings) == []
    else:
        bad = [f for f in findings if f.rule == "AR001"]
        assert len(bad) == 1 and bad[0].locations[0].page == 2 and bad[0].expected.startswith("32.2")


def test_an_emission_factor_per_litre_in_words_is_no_result() -> None:
    from pcfaudit.interpret import interpret

    report = interpret(extract(b"# Report\n\nThe total uses diesel with 2.68 kgCO2e per L of fuel.\n", "r.md"))
    assert [v for v in [*report.totals, *report.per_unit] if v.quantity.number.text == "2.68"] == []


def _tight_pdf(gap: float, lines: list[tuple[str, ...]]) -> bytes:
    """Columns as wide as their widest cell, ``gap`` points apart (under a phrase gap)."""
    from reportlab.pdfbase.pdfmetrics import stringWidth

    widths = [max(stringWidth(r[k], "Helvetica", 8) for r in lines) for k in range(len(lines[0]))]
    xs = [40.0]
    for w in widths[:-1]:
        xs.append(xs[-1] + w + gap)
    buf = io.BytesIO()
    c = canvas.Canvas(buf, pagesize=A4)
    c.setFont("Helvetica", 8)
    for k, row in enumerate(lines):
        for x, text in zip(xs, row, strict=True):
            c.drawString(x, 780 - 11 * k, text)
    c.showPage()
    c.save()
    return buf.getvalue()


_TIGHT = [
    ("Indicator", "Unit", "A1-A3", "A4", "C4"),
    ("GWP-total", "kg CO2 eq", "1.04E+01", "8.25E-01", "3.42E-01"),
    ("GWP-fossil", "kg CO2 eq", "1.03E+01", "8.23E-01", "2.64E-01"),
    ("Depletion of abiotic resources", "kg Sb eq", "2.30E-02", "1.00E-03", "1.86E-04"),
    ("ODP", "kg CFC11 eq", "8.63E-07", "1.49E-08", "1.00E-09"),
]


@pytest.mark.parametrize("gap", [5.0, 7.0])
def test_a_table_set_tight_is_split_at_the_gutters_no_line_crosses(gap: float) -> None:
    (table,) = extract(_tight_pdf(gap, _TIGHT), "tight.pdf").tables
    assert [c.text for c in table.rows[0]] == ["Indicator", "Unit", "A1-A3", "A4", "C4"]
    assert _value(table, "Depletion of abiotic resources", "Unit") == "kg Sb eq"
    assert _value(table, "ODP", "A4") == "1.49E-08"


def test_lines_of_prose_with_numbers_are_not_split_into_columns() -> None:
    prose = [
        ("In 2023 the plant made 12 500 t of tiles and used 3.2 GWh of electricity.",),
        ("The grid factor of 0.5366 kgCO2e/kWh was taken from the 2023 national notice.",),
        ("Natural gas use was 1 850 000 m3, with a factor of 2.162 kgCO2e/m3 applied.",),
        ("Transport distances of 120 km and 85 km were reported by the two suppliers.",),
    ]
    doc = extract(_tight_pdf(5.0, prose), "prose.pdf")
    assert doc.tables == []


def _basis_report(sentence: str) -> bytes:
    return (
        "# Product Carbon Footprint Report: Tile\n\n"
        "This study follows ISO 14067:2018. The functional unit is 1 m2 of tile.\n\n"
        f"{sentence}\n"
    ).encode()


def test_a_result_per_a_larger_batch_converted_in_the_same_sentence_is_no_fu002(tmp_path: Path) -> None:
    ok = "The carbon footprint of 1 000 m2 of tile is 5 198.0 kgCO2e, that is 5.198 kgCO2e/m2."
    assert [f for f in _audit(tmp_path, "ok.md", _basis_report(ok)) if f.rule == "FU002"] == []
    # The per-m2 figure in words ("per m2") is its own basis too, not the sentence's 1 000 m2.
    words = ok.replace("kgCO2e/m2", "kgCO2e per m2")
    assert [f for f in _audit(tmp_path, "words.md", _basis_report(words)) if f.rule == "FU002"] == []
    # Negative: the batch result alone (the per-m2 figure in another paragraph) still is one.
    alone = "The carbon footprint of 1 000 m2 of tile is 5 198.0 kgCO2e.\n\nThe tile emits 5.198 kgCO2e/m2."
    (f,) = [f for f in _audit(tmp_path, "alone.md", _basis_report(alone)) if f.rule == "FU002"]
    assert f.reported == "1 000 m2" and f.expected == "1 m2"
