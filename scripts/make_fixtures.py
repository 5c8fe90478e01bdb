"""Regenerate the DOCX and PDF fixtures (committed; CI does not run this).

    .venv/bin/python scripts/make_fixtures.py [--no-libreoffice]

* fixtures/seeds/<stem>.docx  from the seed .txt (via the text extractor): headings as
  Heading styles, tables as real Word tables (merged header and group cells), a running
  header and a page-number footer.
* fixtures/seeds/<stem>.pdf   that DOCX exported by LibreOffice (needs
  libreoffice-writer-nogui and fonts-noto-cjk).
* fixtures/synthetic/pdf_*    reportlab PDFs: a Chinese report set in the STSong-Light CID
  font, an English report with a table over three pages, a borderless table, a scanned
  page (image only), an encrypted and a damaged file.
* fixtures/synthetic/docx_*   a DOCX with merged cells, a nested table, a text box, a TOC
  field and auto-numbered headings.
"""

from __future__ import annotations

import io
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

import docx
from docx.oxml import parse_xml
from docx.oxml.ns import nsdecls, qn
from docx.shared import Pt

from pcfaudit.extract.text import extract_text
from pcfaudit.model import Table

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT / "fixtures" / "seeds"
SYN = ROOT / "fixtures" / "synthetic"
CJK_FONT = "Noto Serif CJK SC"
WPS = 'xmlns:wps="http://schemas.microsoft.com/office/word/2010/wordprocessingShape"'
MCNS = 'xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006"'


# --------------------------------------------------------------------------- docx


def _base_document(header: str) -> docx.document.Document:
    d = docx.Document()
    for name in ("Normal", "Heading 1", "Heading 2", "Heading 3"):
        st = d.styles[name]
        rpr = st.element.get_or_add_rPr()
        fonts = rpr.find(qn("w:rFonts"))
        if fonts is None:
            fonts = parse_xml(f"<w:rFonts {nsdecls('w')}/>")
            rpr.append(fonts)
        fonts.set(qn("w:eastAsia"), CJK_FONT)
    d.styles["Normal"].font.size = Pt(10.5)
    section = d.sections[0]
    section.header.paragraphs[0].text = header
    footer = section.footer.paragraphs[0]
    footer._p.append(
        parse_xml(
            f'<w:fldSimple {nsdecls("w")} w:instr="PAGE"><w:r><w:t>1</w:t></w:r></w:fldSimple>'
        )
    )
    return d


def _add_table(d: docx.document.Document, table: Table) -> None:
    n_cols = max(len(r) for r in table.rows)
    texts = [[c.text for c in r] + [""] * (n_cols - len(r)) for r in table.rows]
    t = d.add_table(rows=len(texts), cols=n_cols)
    t.style = "Table Grid"
    for r, row in enumerate(texts):
        for c, text in enumerate(row):
            t.cell(r, c).text = text
    # Merge what a Word author would have merged: an empty header cell right of a filled
    # one (a group header such as 排放因子 over two columns), and an empty cell in the first
    # column, or under a header, below a filled one (a group label over its gas rows).
    if len(texts) > 1:
        for c in range(1, n_cols):
            if not texts[0][c] and texts[0][c - 1] and texts[1][c] and texts[1][c - 1]:
                t.cell(0, c - 1).merge(t.cell(0, c))
                t.cell(0, c - 1).text = texts[0][c - 1]
    for c in range(n_cols):
        r = 1
        while r < len(texts):
            if not texts[r][c] and texts[r - 1][c] and (c == 0 or r == 1):
                start = r - 1
                while r < len(texts) and not texts[r][c]:
                    r += 1
                merged = t.cell(start, c).merge(t.cell(r - 1, c))
                merged.text = texts[start][c]
            r += 1


def seed_docx(txt: Path) -> Path:
    doc = extract_text(txt.read_bytes(), str(txt))
    source_lines = txt.read_text(encoding="utf-8").splitlines()
    d = _base_document(f"{txt.stem[:3]} 产品碳足迹报告")
    for b in doc.blocks:
        if b.kind == "heading":
            line = b.location.line
            text = source_lines[line - 1].strip() if line else b.text
            d.add_heading(text.lstrip("#").strip(), level=min(b.level or 1, 3))
        elif b.kind == "table" and b.table is not None:
            if b.table.caption:
                pass  # the caption was written as its own paragraph already
            _add_table(d, b.table)
        else:
            d.add_paragraph(b.text)
    out = txt.with_suffix(".docx")
    d.save(str(out))
    return out


def docx_features() -> Path:
    """English + Chinese DOCX exercising merges, nesting, text boxes, a TOC field and
    auto-numbered headings."""
    d = _base_document("Synthetic report")
    toc = d.add_paragraph()
    toc._p.append(parse_xml(f'<w:r {nsdecls("w")}><w:fldChar w:fldCharType="begin"/></w:r>'))
    toc._p.append(
        parse_xml(
            f'<w:r {nsdecls("w")}><w:instrText xml:space="preserve"> TOC \\o "1-3" </w:instrText></w:r>'
        )
    )
    toc._p.append(parse_xml(f'<w:r {nsdecls("w")}><w:fldChar w:fldCharType="separate"/></w:r>'))
    toc.add_run("1 Scope\t2")
    d.add_paragraph("2 Inventory results\t3")
    end = d.add_paragraph("3 Conclusion\t4")
    end._p.append(parse_xml(f'<w:r {nsdecls("w")}><w:fldChar w:fldCharType="end"/></w:r>'))
    d.add_heading("1 Scope", level=1)
    d.add_paragraph("The functional unit is 1 t of cement.")
    d.add_heading("2.1 Inventory results", level=2)
    t = d.add_table(rows=5, cols=4)
    t.style = "Table Grid"
    rows = [
        ["Source", "Gas", "Emission factor", ""],
        ["", "", "kg/unit", "GWP"],
        ["Diesel (t)", "CO2", "3.1", "1"],
        ["", "CH4", "0.0001", "25"],
        ["Total", "", "", "1234.5"],
    ]
    for r, row in enumerate(rows):
        for c, text in enumerate(row):
            t.cell(r, c).text = text
    t.cell(0, 2).merge(t.cell(0, 3)).text = "Emission factor"
    t.cell(0, 0).merge(t.cell(1, 0)).text = "Source"
    t.cell(0, 1).merge(t.cell(1, 1)).text = "Gas"
    t.cell(2, 0).merge(t.cell(3, 0)).text = "Diesel (t)"
    inner = t.cell(4, 1).add_table(rows=1, cols=2)
    inner.cell(0, 0).text = "scope 1"
    inner.cell(0, 1).text = "scope 2"
    p = d.add_paragraph("See the note in the box.")
    box = (
        f"<w:r {nsdecls('w', 'wp', 'a')} {WPS} {MCNS}><mc:AlternateContent>"
        '<mc:Choice Requires="wps"><w:drawing><wp:anchor distT="0" distB="0" distL="0" '
        'distR="0" simplePos="0" relativeHeight="1" behindDoc="0" locked="0" layoutInCell="1" '
        'allowOverlap="1"><wp:simplePos x="0" y="0"/><wp:positionH relativeFrom="column">'
        '<wp:posOffset>0</wp:posOffset></wp:positionH><wp:positionV relativeFrom="paragraph">'
        '<wp:posOffset>0</wp:posOffset></wp:positionV><wp:extent cx="2000000" cy="500000"/>'
        '<wp:wrapNone/><wp:docPr id="1" name="Text Box 1"/><a:graphic><a:graphicData '
        'uri="http://schemas.microsoft.com/office/word/2010/wordprocessingShape"><wps:wsp>'
        '<wps:spPr><a:xfrm><a:off x="0" y="0"/><a:ext cx="2000000" cy="500000"/></a:xfrm>'
        '<a:prstGeom prst="rect"><a:avLst/></a:prstGeom></wps:spPr><wps:txbx><w:txbxContent>'
        "<w:p><w:r><w:t>盒内说明：柴油因子取 IPCC 缺省值</w:t></w:r></w:p></w:txbxContent>"
        "</wps:txbx><wps:bodyPr/></wps:wsp></a:graphicData></a:graphic></wp:anchor></w:drawing>"
        "</mc:Choice><mc:Fallback><w:pict><w:t>fallback copy</w:t></w:pict></mc:Fallback>"
        "</mc:AlternateContent></w:r>"
    )
    p._p.append(parse_xml(box))
    d.add_paragraph("第三章 结论")
    d.add_paragraph("产品碳足迹为 1234.5 kgCO₂e/t。")
    out = SYN / "docx_features.docx"
    d.save(str(out))
    return out


def docx_autonumber() -> Path:
    """Headings numbered by Word list numbering (the number is not in the text):
    chapter "一、" (chineseCounting) and sections "1.1", "1.2", restarting per chapter."""
    d = _base_document("自动编号")
    numbering = d.part.numbering_part.element
    numbering.insert(
        0,
        parse_xml(
            f'<w:abstractNum {nsdecls("w")} w:abstractNumId="90">'
            '<w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="chineseCounting"/>'
            '<w:pStyle w:val="Heading1"/><w:lvlText w:val="%1、"/></w:lvl>'
            '<w:lvl w:ilvl="1"><w:start w:val="1"/><w:numFmt w:val="decimal"/>'
            '<w:pStyle w:val="Heading2"/><w:isLgl/><w:lvlText w:val="%1.%2"/></w:lvl>'
            "</w:abstractNum>"
        ),
    )
    numbering.append(
        parse_xml(f'<w:num {nsdecls("w")} w:numId="90"><w:abstractNumId w:val="90"/></w:num>')
    )
    for style_name, ilvl in (("Heading 1", 0), ("Heading 2", 1)):
        ppr = d.styles[style_name].element.get_or_add_pPr()
        ppr.insert(
            0,
            parse_xml(
                f'<w:numPr {nsdecls("w")}><w:ilvl w:val="{ilvl}"/><w:numId w:val="90"/></w:numPr>'
            ),
        )
    d.add_heading("目标与范围", level=1)
    d.add_heading("功能单位", level=2)
    d.add_paragraph("功能单位为 1 台空调。")
    d.add_heading("系统边界", level=2)
    d.add_heading("结果", level=1)
    d.add_heading("影响类型", level=2)
    d.add_paragraph("采用 AR5 的 GWP。")
    out = SYN / "docx_autonumber.docx"
    d.save(str(out))
    return out


# --------------------------------------------------------------------------- pdf


def libreoffice_pdf(src: Path) -> Path | None:
    exe = shutil.which("soffice") or shutil.which("libreoffice")
    if exe is None:
        print("LibreOffice not found: skipping", src.name, file=sys.stderr)
        return None
    with tempfile.TemporaryDirectory() as tmp:
        subprocess.run(
            [
                exe,
                "--headless",
                f"-env:UserInstallation=file://{tmp}/profile",
                "--convert-to",
                "pdf",
                "--outdir",
                tmp,
                str(src),
            ],
            check=True,
            capture_output=True,
            timeout=300,
        )
        out = src.with_suffix(".pdf")
        shutil.copyfile(Path(tmp) / (src.stem + ".pdf"), out)
    return out


def reportlab_pdfs() -> None:
    from reportlab.lib import colors
    from reportlab.lib.pagesizes import A4
    from reportlab.lib.styles import getSampleStyleSheet
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.cidfonts import UnicodeCIDFont
    from reportlab.platypus import Paragraph, SimpleDocTemplate, Spacer, Table, TableStyle

    pdfmetrics.registerFont(UnicodeCIDFont("STSong-Light"))
    ss = getSampleStyleSheet()
    cn = ss["Normal"].clone("cn", fontName="STSong-Light", fontSize=10.5, leading=16)
    cnh = ss["Heading2"].clone("cnh", fontName="STSong-Light")
    grid = TableStyle(
        [
            ("GRID", (0, 0), (-1, -1), 0.5, colors.black),
            ("FONTNAME", (0, 0), (-1, -1), "STSong-Light"),
        ]
    )

    def frame(header: str, font: str) -> object:
        def on_page(canvas: object, doc: object) -> None:
            canvas.saveState()  # type: ignore[attr-defined]
            canvas.setFont(font, 9)  # type: ignore[attr-defined]
            canvas.drawString(72, A4[1] - 40, header)  # type: ignore[attr-defined]
            canvas.drawCentredString(A4[0] / 2, 30, str(doc.page))  # type: ignore[attr-defined]
            canvas.restoreState()  # type: ignore[attr-defined]

        return on_page

    # Chinese report, STSong-Light (a CID font with no embedded glyphs)
    story = [
        Paragraph("空调压缩机产品碳足迹报告", cnh),
        Paragraph("2.3 影响类型和评价方法", cnh),
        Paragraph(
            "本研究采用 IPCC 第五次评估报告（AR5）的 100 年全球变暖潜值，甲烷取 28，"
            "氧化亚氮取 265。功能单位为 1 台压缩机。",
            cn,
        ),
        Paragraph("表 3.1 碳足迹计算", cn),
    ]
    rows = [
        ["排放源", "活动数据", "排放因子", "CO₂ 当量 (t)"],
        ["外购电力 (MWh)", "820", "0.5366", "440.012"],
        ["天然气 (万 m³)", "12.5", "21.62", "270.250"],
        ["合计", "", "", "710.262"],
    ]
    t = Table(rows)
    t.setStyle(grid)
    t.setStyle(TableStyle([("SPAN", (0, 3), (2, 3))]))
    story += [
        t,
        Spacer(1, 12),
        Paragraph("3.2 结果分析", cnh),
        Paragraph("外购电力占总排放的 61.95%，是最大的排放源。" * 3, cn),
    ]
    on = frame("某某公司 碳足迹报告 2024", "STSong-Light")
    SimpleDocTemplate(str(SYN / "pdf_cn_reportlab.pdf"), pagesize=A4).build(
        story, onFirstPage=on, onLaterPages=on
    )

    # English report with a table running over three pages, header row repeated
    en = ss["Normal"]
    story = [
        Paragraph("Product Carbon Footprint of Steel Racks", ss["Heading1"]),
        Paragraph("4.2 Inventory of purchased materials", ss["Heading2"]),
        Paragraph("Table 4.2 Purchased materials and their emissions", en),
    ]
    rows = [["No.", "Material", "Quantity (kg)", "Factor (kgCO2e/kg)", "Emissions (kgCO2e)"]]
    for i in range(1, 121):
        q, f = 10 + i, f"{1 + i / 100:.2f}"
        rows.append([str(i), f"Material {i:03d}", str(q), f, f"{q * (1 + i / 100):.2f}"])
    t = Table(rows, repeatRows=1)
    t.setStyle(TableStyle([("GRID", (0, 0), (-1, -1), 0.5, colors.black)]))
    story += [
        t,
        Paragraph("5 Interpretation", ss["Heading2"]),
        Paragraph("Material 120 contributes the most.", en),
    ]
    on = frame("ACME Racks - PCF study 2024", "Helvetica")
    SimpleDocTemplate(str(SYN / "pdf_en_multipage_table.pdf"), pagesize=A4).build(
        story, onFirstPage=on, onLaterPages=on
    )

    # Borderless table (only a rule under the header), English and Chinese
    story = [Paragraph("Table 2 Energy use (borderless)", en)]
    rows = [
        ["Carrier", "Amount", "Unit", "Emissions (t)"],
        ["Electricity", "2410", "MWh", "1432.022"],
        ["Natural gas", "12.5", "10^4 m3", "270.250"],
        ["Diesel", "60", "t", "95.58"],
        ["柴油叉车", "3.2", "t", "10.19"],
    ]
    t = Table(rows, colWidths=[110, 70, 70, 90])
    t.setStyle(
        TableStyle(
            [
                ("LINEBELOW", (0, 0), (-1, 0), 0.5, colors.black),
                ("FONTNAME", (0, 0), (-1, -1), "STSong-Light"),
            ]
        )
    )
    story += [t, Spacer(1, 12), Paragraph("The total is 1808.042 t CO2e.", en)]
    SimpleDocTemplate(str(SYN / "pdf_borderless_table.pdf"), pagesize=A4).build(story)

    # Scanned: an image and shapes, no text layer
    from reportlab.pdfgen import canvas as rl_canvas

    c = rl_canvas.Canvas(str(SYN / "pdf_scanned.pdf"), pagesize=A4)
    c.setFillColor(colors.lightgrey)
    c.rect(72, 400, 400, 300, fill=1)
    c.showPage()
    c.rect(72, 400, 400, 300, fill=1)
    c.save()


def bad_pdfs() -> None:
    from pypdf import PdfReader, PdfWriter

    bad = ROOT / "fixtures" / "bad"
    bad.mkdir(exist_ok=True)
    src = SYN / "pdf_cn_reportlab.pdf"
    w = PdfWriter()
    for page in PdfReader(str(src)).pages:
        w.add_page(page)
    w.encrypt(user_password="secret", owner_password="owner")
    buf = io.BytesIO()
    w.write(buf)
    (bad / "pdf_encrypted.pdf").write_bytes(buf.getvalue())
    data = src.read_bytes()
    (bad / "pdf_truncated.pdf").write_bytes(data[: len(data) // 3])
    (bad / "empty.txt").write_bytes(b"")
    (bad / "binary.bin").write_bytes(bytes(range(256)) * 8)
    (bad / "legacy.doc").write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 504)
    z = io.BytesIO()
    import zipfile

    with zipfile.ZipFile(z, "w") as zf:
        zf.writestr("xl/workbook.xml", "<workbook/>")
    (bad / "workbook.xlsx").write_bytes(z.getvalue())


def main() -> None:
    use_lo = "--no-libreoffice" not in sys.argv
    SYN.mkdir(parents=True, exist_ok=True)
    for txt in sorted(SEEDS.glob("*.txt")):
        out = seed_docx(txt)
        print("wrote", out.relative_to(ROOT))
        if use_lo and (pdf := libreoffice_pdf(out)):
            print("wrote", pdf.relative_to(ROOT))
    # An EPD in text, DOCX and PDF for the parity test (issue 11).
    for txt in (SYN / "epd_zh_defects.txt", SYN / "epd_en_defects.md"):
        out = seed_docx(txt)
        print("wrote", out.relative_to(ROOT))
        if use_lo and (pdf := libreoffice_pdf(out)):
            print("wrote", pdf.relative_to(ROOT))
    for feat in (docx_features(), docx_autonumber()):
        print("wrote", feat.relative_to(ROOT))
    reportlab_pdfs()
    bad_pdfs()


if __name__ == "__main__":
    main()
