"""Document blocks → text / markdown, DOCX (python-docx) and PDF (reportlab, STSong-Light)."""

from __future__ import annotations

import html
import io
from pathlib import Path

from bench.quality.spec import Spec
from bench.quality.templates import STYLES, Block, build


def render_text(blocks: list[Block], spec: Spec) -> str:
    style = STYLES[spec.template]
    out: list[str] = []
    last_toc = next((b for b in reversed(blocks) if b.kind == "toc"), None)
    for blk in blocks:
        if blk.kind == "title":
            out.append(f"# {blk.text}" if style.numbering == "md" else blk.text)
        elif blk.kind == "h":
            out.append(("#" * (blk.level + 1) + " " if style.numbering == "md" else "") + blk.text)
        elif blk.kind == "toc":
            out.append(blk.text)
            if blk.level == 0 or blk is last_toc:
                out.append("")
            continue
        elif blk.kind == "p":
            out.append(blk.text)
        else:
            out.append(_table_text(blk.rows, style.layout))
        out.append("")
    return "\n".join(out).rstrip() + "\n"


def _table_text(rows: list[list[str]], layout: str) -> str:
    if layout == "tab":
        return "\n".join("\t".join(row) for row in rows)
    if layout == "pipe":
        lines = ["| " + " | ".join(rows[0]) + " |", "|" + "---|" * len(rows[0])]
        lines += ["| " + " | ".join(row) + " |" for row in rows[1:]]
        return "\n".join(lines)
    body = ["<table>"]
    for i, row in enumerate(rows):
        tag = "th" if i == 0 else "td"
        body.append("<tr>" + "".join(f"<{tag}>{html.escape(c)}</{tag}>" for c in row) + "</tr>")
    body.append("</table>")
    return "\n".join(body)


def render_docx(blocks: list[Block]) -> bytes:
    import docx
    from docx.shared import Pt

    doc = docx.Document()
    for blk in blocks:
        if blk.kind == "title":
            doc.add_heading(blk.text, 0)
        elif blk.kind == "h":
            doc.add_heading(blk.text, blk.level)
        elif blk.kind in ("p", "toc"):
            doc.add_paragraph(blk.text)
        else:
            table = doc.add_table(rows=len(blk.rows), cols=len(blk.rows[0]))
            table.style = "Table Grid"
            # row.cells once per row: table.cell(i, j) re-walks the grid each call (slow)
            for i, (row, texts) in enumerate(zip(table.rows, blk.rows, strict=True)):
                for cell, text in zip(row.cells, texts, strict=True):
                    run = cell.paragraphs[0].add_run(text)
                    run.font.size = Pt(8)
                    run.bold = i == 0
    buf = io.BytesIO()
    doc.save(buf)
    return buf.getvalue()


_FONTS_READY = False


def _pdf_plain(text: str) -> str:
    # STSong-Light has no subscript/superscript glyphs; print them as plain digits.
    return text.translate(str.maketrans("₂₄³⁴", "2434"))


def render_pdf(blocks: list[Block], spec: Spec) -> bytes:
    from reportlab.lib import colors
    from reportlab.lib.pagesizes import A4
    from reportlab.lib.styles import ParagraphStyle
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.cidfonts import UnicodeCIDFont
    from reportlab.platypus import Paragraph, SimpleDocTemplate, Spacer, Table, TableStyle

    global _FONTS_READY
    if not _FONTS_READY:
        pdfmetrics.registerFont(UnicodeCIDFont("STSong-Light"))
        _FONTS_READY = True
    zh = spec.lang == "zh"
    font = "STSong-Light" if zh else "Helvetica"
    bold = "STSong-Light" if zh else "Helvetica-Bold"
    body = ParagraphStyle(
        "body", fontName=font, fontSize=10, leading=15, wordWrap="CJK" if zh else None
    )
    cell = ParagraphStyle(
        "cell", fontName=font, fontSize=7, leading=9, wordWrap="CJK" if zh else None
    )
    narrow = ParagraphStyle(
        "narrow", fontName=font, fontSize=5, leading=7, wordWrap="CJK" if zh else None
    )
    heads = {
        0: ParagraphStyle("t", fontName=bold, fontSize=18, leading=26, alignment=1),
        1: ParagraphStyle("h1", fontName=bold, fontSize=15, leading=22, spaceBefore=8),
        2: ParagraphStyle("h2", fontName=bold, fontSize=12, leading=18, spaceBefore=4),
    }

    def para(text: str, style: ParagraphStyle) -> Paragraph:
        return Paragraph(html.escape(_pdf_plain(text)).replace("\t", " ...... "), style)

    story: list[object] = []
    for blk in blocks:
        if blk.kind == "title":
            story.append(para(blk.text, heads[0]))
        elif blk.kind == "h":
            story.append(para(blk.text, heads[min(blk.level, 2)]))
        elif blk.kind in ("p", "toc"):
            story.append(para(blk.text, body))
        else:
            # An inventory without a header row or with one column per line is set small
            # enough that its cells do not wrap (a wrapped cell's tail is lost on reading).
            style = cell if blk.headed else narrow
            data = [[para(c, style) for c in row] for row in blk.rows]
            table = Table(data, repeatRows=1 if blk.headed else 0)
            table.setStyle(TableStyle([("GRID", (0, 0), (-1, -1), 0.5, colors.black),
                                       ("VALIGN", (0, 0), (-1, -1), "MIDDLE")]))  # fmt: skip
            story.append(table)
            story.append(Spacer(1, 6))
    buf = io.BytesIO()
    doc = SimpleDocTemplate(buf, pagesize=A4, leftMargin=40, rightMargin=40, topMargin=50,
                            bottomMargin=50, invariant=1)  # fmt: skip
    doc.build(story)
    return buf.getvalue()


def write(spec: Spec, stem: Path, formats: list[str]) -> list[Path]:
    """Write ``stem.<ext>`` for each of txt (text or markdown per template), docx, pdf."""
    blocks = build(spec)
    out = []
    for fmt in formats:
        if fmt == "txt":
            path = stem.with_suffix("." + STYLES[spec.template].ext)
            path.write_text(render_text(blocks, spec), encoding="utf-8")
        elif fmt == "docx":
            path = stem.with_suffix(".docx")
            path.write_bytes(render_docx(blocks))
        elif fmt == "pdf":
            path = stem.with_suffix(".pdf")
            path.write_bytes(render_pdf(blocks, spec))
        else:
            raise ValueError(f"unknown format {fmt!r}")
        out.append(path)
    return out
