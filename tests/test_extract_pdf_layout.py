"""PDF layout features on PDFs drawn here with reportlab: a ruled table whose producer
boxed only some cells of a row, column headers set vertically, and two-column prose."""

from __future__ import annotations

import io

import pytest
from reportlab.lib.pagesizes import A4
from reportlab.pdfgen import canvas

from pcfaudit.extract.pdf import extract_pdf
from pcfaudit.model import Document, Table

MODULES = ["A1-A3", "A4", "C2", "C4", "D"]
ROWS = [
    ("GWP-fossil", "kg CO2 eq", ["1.63E+03", "1.53E+02", "1.41E+01", "1.73E+01", "-4.20E+01"]),
    ("GWP-biogenic", "kg CO2 eq", ["3.76E+00", "3.57E-01", "2.70E-02", "1.07E+02", "-9.80E-02"]),
    ("GWP-luluc", "kg CO2 eq", ["5.86E+00", "7.80E-02", "7.68E-03", "1.00E-02", "-8.10E-02"]),
]


def _pdf(draw, pagesize=A4) -> bytes:
    buf = io.BytesIO()
    c = canvas.Canvas(buf, pagesize=pagesize)
    draw(c)
    c.showPage()
    c.save()
    return buf.getvalue()


def _doc(data: bytes) -> Document:
    return extract_pdf(data, "t.pdf")


def _grid(t: Table) -> list[list[str]]:
    return [[c.text for c in row] for row in t.rows]


def test_text_in_a_ruled_row_where_only_some_cells_are_boxed_is_read_by_the_grid() -> None:
    """The header row boxes every cell; the body rows box only the last three modules,
    the label, unit and first modules sit on one undivided panel."""
    xs = [40, 130, 200, 260, 320, 380, 440, 500]
    height = 18

    def draw(c: canvas.Canvas) -> None:
        c.setFont("Helvetica", 8)
        top = 760
        for k in range(len(xs) - 1):
            c.rect(xs[k], top - height, xs[k + 1] - xs[k], height)
        for x, text in zip(xs, ["Indicator", "Unit", *MODULES], strict=False):
            c.drawString(x + 3, top - height + 6, text)
        for r, (label, unit, values) in enumerate(ROWS):
            y = top - height * (r + 2)
            for k in range(4, len(xs) - 1):
                c.rect(xs[k], y, xs[k + 1] - xs[k], height)
            for x, text in zip(xs, [label, unit, *values], strict=False):
                c.drawString(x + 3, y + 6, text)

    (t,) = _doc(_pdf(draw)).tables
    assert _grid(t) == [["Indicator", "Unit", *MODULES], *[[a, b, *v] for a, b, v in ROWS]]
    cell = t.rows[1][2]
    assert cell.location.row == 1 and cell.location.column == 2
    assert cell.location.bbox is not None and cell.location.bbox[0] == 200


def _vertical_header_table(c: canvas.Canvas, ruled: bool, angle: int = 90) -> None:
    """Module headers set vertically (reading up the page, or down at -90) over narrow
    columns, the first wrapped over two turned lines, and a long note along the page's
    edge, set the same way."""
    xs = [40, 130, 200, 260, 320, 380, 440, 500]
    top, head = 760, 50
    c.setFont("Helvetica", 8)
    c.drawString(xs[0] + 3, top - head + 6, "Indicator")
    c.drawString(xs[1] + 3, top - head + 6, "Unit")
    for k, module in enumerate(MODULES):
        lines = ["Module", module] if k == 0 else [f"Module {module}"]
        for n, text in enumerate(lines):
            c.saveState()
            if angle == 90:  # reads up; the next line stands to its right
                c.translate(xs[k + 2] + 20 + 10 * n, top - head + 6)
            else:  # reads down from the top; the next line stands to its left
                c.translate(xs[k + 2] + 30 - 10 * n, top - 4)
            c.rotate(angle)
            c.drawString(0, 0, text)
            c.restoreState()
    if ruled:
        for k in range(len(xs) - 1):
            c.rect(xs[k], top - head, xs[k + 1] - xs[k], head)
    for r, (label, unit, values) in enumerate(ROWS):
        y = top - head - 18 * (r + 1)
        if ruled:
            for k in range(len(xs) - 1):
                c.rect(xs[k], y, xs[k + 1] - xs[k], 18)
        for x, text in zip(xs, [label, unit, *values], strict=False):
            c.drawString(x + 3, y + 6, text)
    c.saveState()  # an invisible turned label over the last column: not a reader's text
    c.translate(xs[-2] + 40, top - head + 6)
    c.rotate(90)
    hidden = c.beginText(0, 0)
    hidden.setTextRenderMode(3)
    hidden.setFont("Helvetica", 8)
    hidden.textOut("Hidden")
    c.drawText(hidden)
    c.restoreState()
    c.setFont("Helvetica", 7)
    c.saveState()
    c.translate(580, 100)
    c.rotate(90)
    c.drawString(0, 0, "Registration S-P-00875: a printed copy is valid only with its entry in the register")
    c.restoreState()


@pytest.mark.parametrize(("ruled", "angle"), [(False, 90), (True, 90), (False, -90), (True, -90)])
def test_vertical_column_headers_head_their_columns(ruled: bool, angle: int) -> None:
    doc = _doc(_pdf(lambda c: _vertical_header_table(c, ruled, angle)))
    (t,) = doc.tables
    grid = _grid(t)
    assert grid[0] == ["Indicator", "Unit", *[f"Module {m}" for m in MODULES]]
    assert grid[1:] == [[a, b, *v] for a, b, v in ROWS]
    # the note along the edge is not a header, and is not read into the text either
    assert not any("Registration" in b.text for b in doc.blocks)


LEFT = (
    "The declared unit is one square metre of installed ceramic tile with its adhesive "
    "and packaging. The reference service life is fifty years for indoor floors. Raw "
    "materials are clay, kaolin, feldspar and quartz from quarries near the plant, and "
    "the glaze is bought from a supplier in the same region of the country."
)
RIGHT = (
    "Electricity is taken from the national grid mix of the year of production, with a "
    "factor of 0.578 kg CO2 eq per kWh. Natural gas fires the kilns; its combustion is "
    "the largest single source of the product's emissions. Transport to the site is by "
    "lorry over an average distance of four hundred kilometres."
)


def _wrap(text: str, width: int) -> list[str]:
    lines, line = [], ""
    for word in text.split():
        if line and len(line) + 1 + len(word) > width:
            lines.append(line)
            line = word
        else:
            line = f"{line} {word}".strip()
    return [*lines, line]


def _two_columns(c: canvas.Canvas, offset: float = 0.0) -> None:
    """A full-width title, two columns of prose (the right one's baselines shifted by
    ``offset``), then a full-width closing line."""
    c.setFont("Helvetica-Bold", 12)
    c.drawString(40, 790, "Life cycle assessment: scope and data of the declaration")
    c.setFont("Helvetica", 9)
    left, right = _wrap(LEFT, 52), _wrap(RIGHT, 52)
    for k, text in enumerate(left):
        c.drawString(40, 760 - 12 * k, text)
    for k, text in enumerate(right):
        c.drawString(310, 760 - offset - 12 * k, text)
    c.drawString(40, 760 - 12 * (max(len(left), len(right)) + 2), "Both columns are read before this closing line, which runs across the whole width of the page.")


@pytest.mark.parametrize("offset", [0.0, 5.0])
def test_two_column_prose_is_read_column_by_column(offset: float) -> None:
    doc = _doc(_pdf(lambda c: _two_columns(c, offset)))
    texts = [b.text for b in doc.blocks]
    assert texts == [
        "Life cycle assessment: scope and data of the declaration",
        LEFT,
        RIGHT,
        "Both columns are read before this closing line, which runs across the whole width of the page.",
    ]


def test_labels_and_values_beside_a_gutter_stay_paired() -> None:
    """A list of labels and values has a white strip down the page too; it is not two
    columns of prose, and each label stays with its value."""
    pairs = [
        ("Declared unit", "1 m2 of tile"),
        ("Reference service life", "50 years"),
        ("Production site", "Can, Canakkale, Turkey"),
        ("Validity", "2023-12-27"),
        ("Programme operator", "EPD International AB"),
    ]

    def draw(c: canvas.Canvas) -> None:
        c.setFont("Helvetica", 9)
        for k, (label, value) in enumerate(pairs):
            c.drawString(40, 760 - 14 * k, label)
            c.drawString(320, 760 - 14 * k, value)

    text = "\n".join(b.text for b in _doc(_pdf(draw)).blocks)
    for label, value in pairs:
        assert text.index(label) < text.index(value) < text.index(label) + len(label) + 40


def test_table_inside_the_left_column_is_read_before_the_right_column() -> None:
    def draw(c: canvas.Canvas) -> None:
        c.setFont("Helvetica", 9)
        left, right = _wrap(LEFT, 52), _wrap(RIGHT, 52)
        y = 760
        for text in left[:3]:
            c.drawString(40, y, text)
            y -= 12
        y -= 6
        for row in (("Indicator", "A1-A3", "A4"), ("GWP-fossil", "1.63E+03", "1.53E+02"), ("GWP-luluc", "5.86E+00", "7.80E-02")):
            for x, text in zip((40, 150, 220), row, strict=True):
                c.drawString(x, y, text)
            y -= 12
        y -= 6
        for text in left[3:]:
            c.drawString(40, y, text)
            y -= 12
        for k, text in enumerate(right):
            c.drawString(310, 760 - 12 * k, text)

    doc = _doc(_pdf(draw))
    kinds = [b.kind for b in doc.blocks]
    assert kinds == ["paragraph", "table", "paragraph", "paragraph"]
    (t,) = doc.tables
    assert _grid(t)[1] == ["GWP-fossil", "1.63E+03", "1.53E+02"]
    assert doc.blocks[-1].text == RIGHT


def test_labels_wrapped_over_three_lines_beside_their_numbers_stay_whole() -> None:
    """Waste indicators named in full, each label wrapped over three lines with its
    numbers beside the middle one, under a header set apart by a wider gap."""
    rows = [
        (["Hazardous", "waste", "disposed"], ["5.40E-01", "1.78E-03", "-3.66E-01"]),
        (["Non-hazardous", "waste", "disposed"], ["1.20E+00", "1.06E-01", "-4.05E-01"]),
        (["Radioactive", "waste", "disposed"], ["7.09E-04", "6.06E-07", "-6.75E-04"]),
    ]
    xs = [40, 110, 160, 220, 280]

    def draw(c: canvas.Canvas) -> None:
        c.setFont("Helvetica", 6)
        for x, text in zip(xs, ["Indicator", "Unit", "A1-A3", "A4", "D"], strict=True):
            c.drawString(x, 760, text)
        y = 745.0
        for label, values in rows:
            for n, part in enumerate(label):
                c.drawString(40, y - 6.5 * n, part)
            for x, text in zip(xs[1:], ["kg", *values], strict=True):
                c.drawString(x, y - 6.5, text)
            y -= 21

    (t,) = _doc(_pdf(draw)).tables
    assert _grid(t) == [
        ["Indicator", "Unit", "A1-A3", "A4", "D"],
        ["Hazardous waste disposed", "kg", "5.40E-01", "1.78E-03", "-3.66E-01"],
        ["Non-hazardous waste disposed", "kg", "1.20E+00", "1.06E-01", "-4.05E-01"],
        ["Radioactive waste disposed", "kg", "7.09E-04", "6.06E-07", "-6.75E-04"],
    ]
