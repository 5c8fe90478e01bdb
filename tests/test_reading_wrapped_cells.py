"""Cells that wrap in narrow PDF table columns keep every line, ruled or not, whatever
the vertical alignment: Chinese labels whose last glyph wraps alone ("产品生产阶" / "段"),
English labels over three lines, numbers wrapped as "2.67" / "E+03", "1.23E" / "+02" and
"-" / "6.08E+01", header cells wrapped above the header line. PDFs drawn here with
reportlab; the Chinese font is the unembedded Adobe "STSong-Light", whose one-glyph
lines pdfium's text page leaves out on a machine without a CJK font."""

from __future__ import annotations

import io

import pytest
from reportlab.lib.pagesizes import A4
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.cidfonts import UnicodeCIDFont
from reportlab.pdfgen import canvas

from pcfaudit.extract.pdf import extract_pdf
from pcfaudit.extract.table_rows import cell_text
from pcfaudit.extract.words import Word

pdfmetrics.registerFont(UnicodeCIDFont("STSong-Light"))

Cell = list[str]  # the printed lines of one cell


def _font(text: str) -> str:
    return "STSong-Light" if any(ord(ch) > 0x2E80 for ch in text) else "Helvetica"


def _draw_table(
    c: canvas.Canvas,
    top: float,
    widths: list[float],
    rows: list[list[Cell]],
    valign: str,
    ruled: bool,
    size: float = 9,
    leading: float = 11,
    pad: float = 4,
) -> None:
    """Rows as a word processor sets them: each row as tall as its tallest cell, the
    other cells aligned to its top, middle or bottom, ``pad`` above and below."""
    y = A4[1] - top
    xs = [40 + sum(widths[:k]) for k in range(len(widths) + 1)]
    ys = [y]
    for row in rows:
        n = max(len(cell) for cell in row)
        for k, cell in enumerate(row):
            free = (n - len(cell)) * leading
            shift = {"top": 0.0, "middle": free / 2, "bottom": free}[valign]
            for j, line in enumerate(cell):
                c.setFont(_font(line), size)
                c.drawString(xs[k] + pad, y - pad - shift - (j + 1) * leading + 2, line)
        y -= n * leading + 2 * pad
        ys.append(y)
    if ruled:
        c.setLineWidth(0.5)
        for x in xs:
            c.line(x, ys[0], x, ys[-1])
        for yy in ys:
            c.line(xs[0], yy, xs[-1], yy)


def _pdf(rows: list[list[Cell]], widths: list[float], valign: str, ruled: bool) -> bytes:
    buf = io.BytesIO()
    c = canvas.Canvas(buf, pagesize=A4)
    c.setFont("Helvetica", 11)
    c.drawString(40, 800, "Table 1 Results by stage")
    _draw_table(c, 60, widths, rows, valign, ruled)
    c.showPage()
    c.save()
    return buf.getvalue()


def _grid(data: bytes) -> list[list[str]]:
    doc = extract_pdf(data, "t.pdf")
    assert len(doc.tables) == 1, [b.text for b in doc.blocks]
    return [["".join(cell.text.split()) for cell in row] for row in doc.tables[0].rows]


ZH = [
    [["阶段"], ["排放量", "kgCO2e"], ["占比", "%"]],
    [["原材料获", "取阶段"], ["1234.5"], ["45.2"]],
    [["产品生产阶", "段"], ["987.6"], ["36.1"]],
    [["产品运输", "阶段"], ["512.3"], ["18.7"]],
    [["合计"], ["2734.4"], ["100.0"]],
]
ZH_READ = [
    ["阶段", "排放量kgCO2e", "占比%"],
    ["原材料获取阶段", "1234.5", "45.2"],
    ["产品生产阶段", "987.6", "36.1"],
    ["产品运输阶段", "512.3", "18.7"],
    ["合计", "2734.4", "100.0"],
]
EN = [
    [["Stage"], ["GWP", "total"], ["Share"]],
    [["Raw", "material", "supply"], ["2.67", "E+03"], ["45.2"]],
    [["Manufacturing"], ["1.23E", "+02"], ["36.1"]],
    [["Transport", "to site"], ["-", "6.08E+01"], ["18.7"]],
    [["End of life"], ["4.10E+01"], ["0.1"]],
]
EN_READ = [
    ["Stage", "GWPtotal", "Share"],
    ["Rawmaterialsupply", "2.67E+03", "45.2"],
    ["Manufacturing", "1.23E+02", "36.1"],
    ["Transporttosite", "-6.08E+01", "18.7"],
    ["Endoflife", "4.10E+01", "0.1"],
]


@pytest.mark.parametrize("ruled", [True, False], ids=["ruled", "borderless"])
@pytest.mark.parametrize("valign", ["top", "middle", "bottom"])
def test_chinese_labels_wrapped_in_a_narrow_column_keep_their_last_glyph(valign: str, ruled: bool) -> None:
    assert _grid(_pdf(ZH, [60, 60, 40], valign, ruled)) == ZH_READ


@pytest.mark.parametrize("ruled", [True, False], ids=["ruled", "borderless"])
@pytest.mark.parametrize("valign", ["top", "middle", "bottom"])
def test_wrapped_labels_numbers_and_header_cells_stay_in_their_row(valign: str, ruled: bool) -> None:
    assert _grid(_pdf(EN, [75, 50, 40], valign, ruled)) == EN_READ


def test_a_glyph_set_alone_in_an_unembedded_cjk_font_is_read() -> None:
    buf = io.BytesIO()
    c = canvas.Canvas(buf, pagesize=A4)
    c.setFont("STSong-Light", 10)
    c.drawString(40, 800, "单位")
    c.drawString(120, 800, "吨")  # a one-character unit cell, its own text object
    c.drawString(40, 780, "产品生产阶")
    c.drawString(40, 768, "段")
    c.showPage()
    c.save()
    text = " ".join(b.text for b in extract_pdf(buf.getvalue(), "t.pdf").blocks)
    assert "吨" in text and "段" in text


def test_a_mantissa_and_its_exponent_on_two_lines_are_one_number() -> None:
    words = [Word("2.67", 0, 20, 0, 9), Word("E+03", 0, 22, 11, 20)]
    assert cell_text(words, set()) == "2.67E+03"
    label = [Word("Scope", 0, 20, 0, 9), Word("E+03", 0, 22, 11, 20)]
    assert cell_text(label, set()) == "Scope E+03"  # only a number takes an exponent


def test_rows_of_a_dense_table_stay_apart_when_a_gap_sets_off_the_total() -> None:
    """Single-line rows set tight (no padding) are not one band: each holds numbers in
    the same columns, so each stays a row of its own."""
    rows = [
        [["Stage"], ["GWP"], ["Share"]],
        [["A1"], ["1.0"], ["10"]],
        [["A2"], ["2.0"], ["20"]],
        [["A3"], ["7.0"], ["70"]],
    ]
    buf = io.BytesIO()
    c = canvas.Canvas(buf, pagesize=A4)
    _draw_table(c, 60, [60, 50, 40], rows, "top", False, pad=0.2)
    _draw_table(c, 60 + 4 * 11.4 + 5, [60, 50, 40], [[["Total"], ["10.0"], ["100"]]], "top", False, pad=0.2)
    c.showPage()
    c.save()
    grid = _grid(buf.getvalue())
    assert grid == [["Stage", "GWP", "Share"], ["A1", "1.0", "10"], ["A2", "2.0", "20"], ["A3", "7.0", "70"], ["Total", "10.0", "100"]]


def test_prose_and_a_caption_set_tight_above_a_table_are_not_its_header() -> None:
    buf = io.BytesIO()
    c = canvas.Canvas(buf, pagesize=A4)
    c.setFont("Helvetica", 9)
    c.drawString(40, A4[1] - 28, "The results by stage are as follows.")
    c.drawString(40, A4[1] - 49, "Table 2 GWP by stage")
    _draw_table(c, 51, [75, 50, 40], EN, "bottom", False)
    c.showPage()
    c.save()
    doc = extract_pdf(buf.getvalue(), "t.pdf")
    (table,) = doc.tables
    assert [cell.text for cell in table.rows[0]] == ["Stage", "GWP total", "Share"]
    assert table.caption == "Table 2 GWP by stage"
