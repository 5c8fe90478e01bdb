"""Pictures where a reader sees a table, scanned pages and hidden text (EX005, EX006), and
the optional OCR path: PDFs drawn here with reportlab and Pillow."""

from __future__ import annotations

import io
import random

import pytest
from PIL import Image, ImageDraw, ImageFont
from reportlab.lib.pagesizes import A4
from reportlab.lib.utils import ImageReader
from reportlab.pdfgen import canvas

from pcfaudit.config import Config
from pcfaudit.extract import ocr
from pcfaudit.extract.common import ExtractionError
from pcfaudit.extract.pdf import extract_pdf
from pcfaudit.pipeline import audit

PROSE = (
    "This environmental product declaration follows EN 15804 and ISO 14025. The declared "
    "unit is one square metre of carpet tile. Results are given per declared unit."
)
TABLE = [
    ["Indicator", "Unit", "A1-A3", "A4", "C4", "D"],
    ["GWP-total", "kg CO2 eq", "3.92E+00", "1.35E-01", "8.07E-01", "-5.55E+00"],
    ["GWP-fossil", "kg CO2 eq", "4.42E+00", "1.35E-01", "8.07E-01", "-5.57E+00"],
    ["ODP", "kg CFC11 eq", "1.25E-06", "2.86E-09", "1.10E-08", "-2.38E-08"],
    ["AP", "mol H+ eq", "2.08E-02", "4.23E-04", "1.31E-03", "-1.15E-02"],
]


def _table_image(rows: list[list[str]] = TABLE) -> Image.Image:
    font = ImageFont.load_default(size=26)
    img = Image.new("RGB", (1500, 60 * len(rows) + 20), "white")
    draw = ImageDraw.Draw(img)
    xs = [20, 260, 520, 760, 1000, 1240]
    for r, row in enumerate(rows):
        for x, text in zip(xs, row, strict=True):
            draw.text((x, 20 + 60 * r), text, fill="black", font=font)
    return img


def _photo() -> Image.Image:
    rnd = random.Random(7)
    img = Image.new("RGB", (600, 300))
    img.putdata([(rnd.randrange(40, 160), rnd.randrange(60, 140), rnd.randrange(30, 90)) for _ in range(600 * 300)])
    return img


def _pdf(heading: str, picture: Image.Image | None = None, caption: str = "", extra=None) -> bytes:
    buf = io.BytesIO()
    c = canvas.Canvas(buf, pagesize=A4)
    c.setFont("Helvetica", 10)
    for k in range(3):
        c.drawString(60, 780 - 14 * k, PROSE[k * 60 : (k + 1) * 60])
    c.setFont("Helvetica-Bold", 12)
    c.drawString(60, 720, heading)
    if picture is not None:
        c.drawImage(ImageReader(picture), 60, 560, width=470, height=470 * picture.height / picture.width)
    if caption:
        c.setFont("Helvetica", 9)
        c.drawString(60, 540, caption)
    if extra is not None:
        extra(c)
    c.showPage()
    c.save()
    return buf.getvalue()


@pytest.fixture()
def no_ocr(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("PCFAUDIT_OCR", "0")


def test_table_image_is_named_with_its_page_and_heading(no_ocr: None) -> None:
    doc = extract_pdf(_pdf("Potential environmental impact", _table_image()), "t.pdf")
    (region,) = doc.stats.unread
    assert (region.kind, region.page, region.ocr) == ("image", 1, False)
    assert region.context == "Potential environmental impact"
    result = audit(_pdf("Potential environmental impact", _table_image()), Config(), name="t.pdf")
    (finding,) = [f for f in result.findings if f.rule == "EX005"]
    assert finding.severity == "warning"
    assert "p. 1" in finding.message and "not audited" in finding.message
    assert finding.locations[0].page == 1
    assert any("p. 1" in line for line in result.coverage.not_read)


def test_photograph_and_figure_are_not_taken_for_tables(no_ocr: None) -> None:
    photo = extract_pdf(_pdf("Our factory", _photo()), "t.pdf")
    assert photo.stats.unread == []
    figure = extract_pdf(
        _pdf("Production process", _table_image(), caption="Figure 2: process diagram"), "t.pdf"
    )
    assert figure.stats.unread == []


def test_text_table_gives_no_image_finding(no_ocr: None) -> None:
    def text_table(c: canvas.Canvas) -> None:
        c.setFont("Helvetica", 8)
        for r, row in enumerate(TABLE):
            for x, text in zip([60, 140, 220, 290, 360, 430], row, strict=True):
                c.drawString(x, 690 - 14 * r, text)

    result = audit(_pdf("Potential environmental impact", extra=text_table), Config(), name="t.pdf")
    assert not [f for f in result.findings if f.rule in ("EX005", "EX006")]
    assert result.coverage.not_read == []


def test_scanned_report_without_ocr_says_which_pages_are_images(no_ocr: None) -> None:
    buf = io.BytesIO()
    c = canvas.Canvas(buf, pagesize=A4)
    for _ in range(2):
        c.drawImage(ImageReader(_table_image()), 0, 0, width=A4[0], height=A4[1])
        c.showPage()
    c.save()
    with pytest.raises(ExtractionError) as err:
        extract_pdf(buf.getvalue(), "scan.pdf")
    assert str(err.value).startswith("no text layer: OCR needed")
    assert "2 of 2 pages are scanned images" in str(err.value)


def _hidden_row(mode: str):
    def draw(c: canvas.Canvas) -> None:
        c.setFont("Helvetica", 9)
        c.drawString(60, 690, "Electricity 2410 MWh 1432.022 t CO2e")
        if mode == "white":
            c.setFillColorRGB(1, 1, 1)
            c.drawString(60, 676, "Offset credit -1432.022 t CO2e")
        elif mode == "invisible":
            t = c.beginText(60, 676)
            t.setTextRenderMode(3)
            t.setFont("Helvetica", 9)
            t.textLine("Offset credit -1432.022 t CO2e")
            c.drawText(t)
        elif mode == "white-on-colour":
            c.setFillColorRGB(0.7, 0.1, 0.1)
            c.rect(55, 672, 200, 12, fill=1, stroke=0)
            c.setFillColorRGB(1, 1, 1)
            c.drawString(60, 676, "Offset credit -1432.022 t CO2e")
        c.setFillColorRGB(0, 0, 0)

    return draw


@pytest.mark.parametrize("mode", ["white", "invisible"])
def test_text_a_reader_cannot_see_is_kept_out_and_flagged(mode: str, no_ocr: None) -> None:
    data = _pdf("Inventory", extra=_hidden_row(mode))
    doc = extract_pdf(data, "t.pdf")
    assert not any("Offset credit" in b.text for b in doc.blocks)
    (region,) = doc.stats.unread
    assert region.kind == "hidden-text" and "-1432.022" in region.context
    result = audit(data, Config(), name="t.pdf")
    (finding,) = [f for f in result.findings if f.rule == "EX006"]
    assert "p. 1" in finding.message and "-1432.022" in finding.message
    assert finding.locations[0].page == 1


def test_white_text_on_a_coloured_box_is_read(no_ocr: None) -> None:
    data = _pdf("Inventory", extra=_hidden_row("white-on-colour"))
    doc = extract_pdf(data, "t.pdf")
    assert any("Offset credit -1432.022" in b.text for b in doc.blocks)
    assert doc.stats.unread == []
    assert not [f for f in audit(data, Config(), name="t.pdf").findings if f.rule == "EX006"]


@pytest.mark.skipif(not ocr.available(), reason="the OCR extra (pcfaudit[ocr]) is not installed")
def test_ocr_reads_a_table_image_through_the_words_to_table_path() -> None:
    doc = extract_pdf(_pdf("Potential environmental impact", _table_image()), "t.pdf")
    (region,) = doc.stats.unread
    assert region.ocr
    (t,) = doc.tables
    grid = [[c.text for c in row] for row in t.rows]
    header = grid[0]
    assert header[:3] == ["Indicator", "Unit", "A1-A3"]
    odp = next(r for r in grid if r[0] == "ODP")
    assert odp[header.index("A4")] == "2.86E-09"
    assert all(c.source == "ocr" for row in t.rows for c in row if c.text)
    result = audit(_pdf("Potential environmental impact", _table_image()), Config(), name="t.pdf")
    assert not [f for f in result.findings if f.rule == "EX005"]
    assert any("read by OCR" in line for line in result.coverage.not_read)


def test_invisible_text_over_a_scan_is_its_ocr_layer_and_is_read(no_ocr: None) -> None:
    """A 'searchable' scan: the page is a picture with an invisible text layer over it."""
    buf = io.BytesIO()
    c = canvas.Canvas(buf, pagesize=A4)
    c.drawImage(ImageReader(_photo()), 0, 0, width=A4[0], height=A4[1])
    t = c.beginText(60, 700)
    t.setTextRenderMode(3)
    t.setFont("Helvetica", 10)
    for line in (PROSE[:60], PROSE[60:120], "Electricity 2410 MWh 1432.022 t CO2e"):
        t.textLine(line)
    c.drawText(t)
    c.showPage()
    c.save()
    doc = extract_pdf(buf.getvalue(), "scan.pdf")
    assert any("1432.022" in b.text for b in doc.blocks)
    assert [r.kind for r in doc.stats.unread] == []


def test_ocr_work_is_bounded_in_pixels_not_seconds(monkeypatch: pytest.MonkeyPatch) -> None:
    """Two table images on pages 1 and 2, an OCR budget that holds one of them: the first
    is read, the second is named with its page (the clock plays no part)."""
    calls: list[tuple[int, int]] = []

    def engine(image) -> list:
        calls.append(image.shape[:2])
        return [((10.0, 10.0, 300.0, 40.0), "GWP-total 3.92E+00", 0.9, [])]

    monkeypatch.setattr(ocr, "available", lambda: True)
    monkeypatch.setattr(ocr, "recognise", engine)
    # each picture is 470 x 100 pt, rendered at 4 px/pt: 0.75 million pixels
    monkeypatch.setenv("PCFAUDIT_OCR_MEGAPIXELS", "1.2")
    buf = io.BytesIO()
    c = canvas.Canvas(buf, pagesize=A4)
    for heading in ("Potential environmental impact", "Use of resources"):
        c.setFont("Helvetica", 10)
        for k in range(3):
            c.drawString(60, 780 - 14 * k, PROSE[k * 60 : (k + 1) * 60])
        c.drawString(60, 720, heading)
        picture = _table_image()
        c.drawImage(ImageReader(picture), 60, 560, width=470, height=470 * picture.height / picture.width)
        c.showPage()
    c.save()
    doc = extract_pdf(buf.getvalue(), "t.pdf")
    assert [(r.page, r.kind, r.ocr) for r in doc.stats.unread] == [(1, "image", True), (2, "image", False)]
    assert len(calls) == 1
    monkeypatch.setenv("PCFAUDIT_OCR_MEGAPIXELS", "2")
    doc = extract_pdf(buf.getvalue(), "t.pdf")
    assert [r.ocr for r in doc.stats.unread] == [True, True]
