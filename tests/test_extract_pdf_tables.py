"""Tables read from word geometry: PDFs drawn here with reportlab, each with one feature a
real report has (borderless columns, wrapped E-notation cells, a header over several
columns, a table continued on the next page, a landscape page, a two-column page)."""

from __future__ import annotations

import io

from reportlab.lib.pagesizes import A4, landscape
from reportlab.pdfgen import canvas

from pcfaudit.extract.pdf import extract_pdf
from pcfaudit.extract.table_from_words import find_tables
from pcfaudit.extract.words import words_from_layout_text
from pcfaudit.model import Document, Table

MODULES = ["A1-A3", "A4", "A5", "C1", "C2", "C4", "D"]
ROWS = [
    ("GWP-fossil", "kg CO2 eq", ["1.03E+01", "8.23E-01", "4.74E+00", "0.00E+00", "2.00E-01", "2.64E-01", "-5.88E-01"]),
    ("GWP-biogenic", "kg CO2 eq", ["1.20E-01", "2.20E-04", "-7.14E-02", "0.00E+00", "5.68E-05", "4.90E-02", "-1.00E-03"]),
    ("GWP-luluc", "kg CO2 eq", ["2.30E-02", "1.00E-03", "5.00E-03", "0.00E+00", "9.89E-05", "1.86E-04", "-1.14E-03"]),
    ("GWP-total", "kg CO2 eq", ["1.04E+01", "8.25E-01", "4.84E+00", "0.00E+00", "2.01E-01", "3.42E-01", "-5.91E-01"]),
]
COLS_X = [40, 130, 200, 255, 310, 365, 420, 475, 530]


def _pdf(draw, pagesize=A4, pages: int = 1) -> bytes:
    buf = io.BytesIO()
    c = canvas.Canvas(buf, pagesize=pagesize)
    for k in range(pages):
        draw(c, k)
        c.showPage()
    c.save()
    return buf.getvalue()


def _doc(data: bytes) -> Document:
    return extract_pdf(data, "t.pdf")


def _grid(t: Table) -> list[list[str]]:
    return [[c.text for c in row] for row in t.rows]


def _cell(t: Table, row_label: str, col_label: str) -> str:
    grid = _grid(t)
    header = next(r for r in grid if col_label in r)
    col = header.index(col_label)
    row = next(r for r in grid if r[0] == row_label)
    return row[col]


def _matrix_page(c: canvas.Canvas, top: float, rows=ROWS, header=True) -> None:
    h = c._pagesize[1]
    c.setFont("Helvetica", 8)
    y = h - top
    if header:
        for x, text in zip(COLS_X, ["Indicator", "Unit", *MODULES], strict=True):
            c.drawString(x, y, text)
        y -= 14
    for label, unit, values in rows:
        for x, text in zip(COLS_X, [label, unit, *values], strict=True):
            c.drawString(x, y, text)
        y -= 14


def test_borderless_matrix_reads_every_value_into_its_row_and_column() -> None:
    def draw(c: canvas.Canvas, _: int) -> None:
        c.setFont("Helvetica", 11)
        c.drawString(40, 800, "Table 3 Environmental impacts per m2")
        _matrix_page(c, 60)

    doc = _doc(_pdf(draw))
    (t,) = doc.tables
    assert _grid(t)[0] == ["Indicator", "Unit", *MODULES]
    assert _cell(t, "GWP-total", "A5") == "4.84E+00"
    assert _cell(t, "GWP-biogenic", "D") == "-1.00E-03"
    assert _cell(t, "GWP-luluc", "Unit") == "kg CO2 eq"
    assert t.caption == "Table 3 Environmental impacts per m2"


def test_wrapped_e_notation_cells_and_wrapped_labels_are_joined() -> None:
    def draw(c: canvas.Canvas, _: int) -> None:
        h = A4[1]
        c.setFont("Helvetica", 8)
        y = h - 60
        for x, text in zip(COLS_X, ["Indicator", "Unit", *MODULES], strict=True):
            c.drawString(x, y, text)
        # row 1: the A4 value wraps after its mantissa, D's minus sits on the line above
        y -= 14
        row1 = ["Acidification", "mol H+ eq", "3.80E-02", "2.67E", "3.00E-02", "0.00E+00", "6.74E-04", "2.00E-03", "-"]
        for x, text in zip(COLS_X, row1, strict=True):
            c.drawString(x, y, text)
        c.drawString(COLS_X[3], y - 9, "+03")
        c.drawString(COLS_X[8], y - 9, "6.08E+01")
        # row 2: the label wraps over two lines
        y -= 26
        row2 = ["Eutrophication", "kg P eq", "3.00E-03", "4.42E-05", "2.00E-03", "0.00E+00", "1.57E-05", "6.63E-05", "-6.27E-05"]
        for x, text in zip(COLS_X, row2, strict=True):
            c.drawString(x, y, text)
        c.drawString(COLS_X[0], y - 9, "freshwater")
        y -= 26
        row3 = ["POCP", "kg NMVOC", "7.50E-02", "3.40E-02", "5.10E-02", "0.00E+00", "2.30E-03", "7.00E-03", "-1.60E-02"]
        for x, text in zip(COLS_X, row3, strict=True):
            c.drawString(x, y, text)

    (t,) = _doc(_pdf(draw)).tables
    assert len(t.rows) == 4, _grid(t)
    assert _cell(t, "Acidification", "A4") == "2.67E+03"
    assert _cell(t, "Acidification", "D") == "-6.08E+01"
    assert _cell(t, "Eutrophication freshwater", "D") == "-6.27E-05"
    assert _cell(t, "POCP", "A1-A3") == "7.50E-02"


def test_header_over_several_columns_spans_them_and_header_lines_join() -> None:
    def draw(c: canvas.Canvas, _: int) -> None:
        h = A4[1]
        c.setFont("Helvetica", 8)
        c.drawString(40, h - 60, "Impact")
        c.drawString(130, h - 60, "Unit")
        c.drawString(205, h - 60, "Production stage, modules A1 to A3")  # over A1, A2, A3
        c.drawString(40, h - 70, "category")
        for x, text in zip([200, 255, 310, 365], ["A1", "A2", "A3", "A4"], strict=True):
            c.drawString(x, h - 70, text)
        y = h - 84
        for label, values in [("GWP-total", ["1.0", "2.0", "3.0", "4.0"]), ("ODP", ["5.0E-07", "6.0E-07", "7.0E-07", "8.0E-07"])]:
            for x, text in zip([40, 130, 200, 255, 310, 365], [label, "kg", *values], strict=True):
                c.drawString(x, y, text)
            y -= 14

    (t,) = _doc(_pdf(draw)).tables
    grid = _grid(t)
    span = t.rows[0][2]
    assert span.text == "Production stage, modules A1 to A3" and span.colspan == 3
    assert grid[1][:6] == ["Impact category", "Unit", "A1", "A2", "A3", "A4"]
    assert _cell(t, "ODP", "A3") == "7.0E-07"


def test_table_continued_on_the_next_page_with_its_header_repeated_is_one_table() -> None:
    def draw(c: canvas.Canvas, k: int) -> None:
        if k == 0:
            c.setFont("Helvetica", 11)
            c.drawString(40, 200, "Table 4 Results")
            _matrix_page(c, A4[1] - 180, ROWS[:2])
        else:
            _matrix_page(c, 60, ROWS[2:])

    doc = _doc(_pdf(draw, pages=2))
    (t,) = doc.tables
    grid = _grid(t)
    assert [r[0] for r in grid] == ["Indicator", "GWP-fossil", "GWP-biogenic", "GWP-luluc", "GWP-total"]
    assert t.rows[-1][0].location.page == 2
    assert _cell(t, "GWP-total", "C2") == "2.01E-01"


def test_landscape_page_turned_for_display_is_read_left_to_right() -> None:
    def draw(c: canvas.Canvas, _: int) -> None:
        # a portrait page shown turned: the content runs up the page
        c.setPageRotation(90)
        c.translate(A4[0], 0)
        c.rotate(90)
        c.setFont("Helvetica", 11)
        c.drawString(40, 500, "Table 5 Landscape results")
        c.setFont("Helvetica", 8)
        y = 470
        for x, text in zip(COLS_X, ["Indicator", "Unit", *MODULES], strict=True):
            c.drawString(x + 100, y, text)
        for label, unit, values in ROWS:
            y -= 14
            for x, text in zip(COLS_X, [label, unit, *values], strict=True):
                c.drawString(x + 100, y, text)

    (t,) = _doc(_pdf(draw)).tables
    assert _grid(t)[0] == ["Indicator", "Unit", *MODULES]
    assert _cell(t, "GWP-fossil", "A5") == "4.74E+00"


def test_landscape_media_box_reads_a_wide_matrix() -> None:
    wide = [*COLS_X, 585, 640, 695, 750]
    modules = [*MODULES, "B1", "B2", "B3", "B4"]

    def draw(c: canvas.Canvas, _: int) -> None:
        c.setFont("Helvetica", 8)
        y = landscape(A4)[1] - 60
        for x, text in zip(wide, ["Indicator", "Unit", *modules], strict=True):
            c.drawString(x, y, text)
        for label, unit, values in ROWS:
            y -= 14
            for x, text in zip(wide, [label, unit, *values, "0", "1.5", "0", "0"], strict=True):
                c.drawString(x, y, text)

    (t,) = _doc(_pdf(draw, pagesize=landscape(A4))).tables
    assert _cell(t, "GWP-luluc", "B2") == "1.5"


def test_two_column_prose_is_not_a_table() -> None:
    left = "The declared unit is one square metre of tile, with its packaging and adhesive."
    right = "Electricity comes from the national grid; the factor is taken from the database."

    def draw(c: canvas.Canvas, _: int) -> None:
        c.setFont("Helvetica", 9)
        for k in range(8):
            c.drawString(40, 780 - 12 * k, left[: 40 + k])
            c.drawString(310, 780 - 12 * k, right[: 40 + k])

    assert _doc(_pdf(draw)).tables == []


def test_layout_text_goes_through_the_same_words_to_table_path() -> None:
    text = (
        "Indicator     Unit        A1-A3      A4        D\n"
        "GWP-total     kg CO2 eq   1.04E+01   8.25E-01  -5.91E-01\n"
        "ODP           kg CFC-11   8.63E-07   1.49E-08  -9.23E-09\n"
        "AP            mol H+ eq   3.80E-02   1.20E-02  -5.00E-03\n"
    )
    tables, rest = find_tables(1, words_from_layout_text(text))
    assert rest == []
    (t,) = tables
    assert [c.text for c in t.grid[0]] == ["Indicator", "Unit", "A1-A3", "A4", "D"]
    assert [c.text for c in t.grid[2]] == ["ODP", "kg CFC-11", "8.63E-07", "1.49E-08", "-9.23E-09"]


def _matrix_pdf(tmp_path) -> object:
    def draw(c: canvas.Canvas, _: int) -> None:
        c.setFont("Helvetica", 11)
        c.drawString(40, 800, "Table 3 Environmental impacts per m2")
        _matrix_page(c, 60)

    path = tmp_path / "matrix.pdf"
    path.write_bytes(_pdf(draw))
    return path


def test_extract_tables_prints_each_grid_with_its_page_and_caption(tmp_path) -> None:
    import json
    import subprocess
    import sys

    path = _matrix_pdf(tmp_path)
    run = subprocess.run(
        [sys.executable, "-m", "pcfaudit", "extract", "--tables", str(path), "-f", "json"],
        capture_output=True, text=True, timeout=120,
    )
    assert run.returncode == 0, run.stderr
    (table,) = json.loads(run.stdout)["tables"]
    assert table["page"] == 1 and table["caption"] == "Table 3 Environmental impacts per m2"
    assert table["rows"][4] == ["GWP-total", "kg CO2 eq", "1.04E+01", "8.25E-01", "4.84E+00", "0.00E+00", "2.01E-01", "3.42E-01", "-5.91E-01"]
    text = subprocess.run(
        [sys.executable, "-m", "pcfaudit", "extract", "--tables", str(path)],
        capture_output=True, text=True, timeout=120, env={"COLUMNS": "200", "PATH": ""},
    )
    assert text.returncode == 0, text.stderr
    assert "Table 1 — p. 1 — Table 3 Environmental impacts per m2" in text.stdout
    assert "-5.91E-01" in text.stdout


def test_table_bench_scores_cells_by_row_and_column_labels(tmp_path) -> None:
    import json

    from bench import tables as bench

    case = tmp_path / "docs" / "m1"
    case.mkdir(parents=True)
    (case / "m1.pdf").write_bytes(_matrix_pdf(tmp_path).read_bytes())
    truth = [
        {"page": 1, "row": "gwp-TOTAL", "col": "a5", "value": "4.84E+00"},  # case and spaces
        {"page": 1, "row": "GWP-luluc", "col": "D", "value": "\u22121.14E-03"},  # a real minus
        {"page": 1, "row": "GWP-luluc", "col": "D", "value": "-1.14E-02"},  # wrong value
    ]
    doc = bench.extract((case / "m1.pdf").read_bytes(), "m1.pdf")
    hits, misses = bench.score(doc, truth)
    assert hits == 2 and [m["value"] for m in misses] == ["-1.14E-02"]
    assert bench.find_document(tmp_path / "docs", "m1") == case / "m1.pdf"
    assert json.loads(json.dumps(misses))[0]["read"] == ["-1.14e-03"]
