"""PDF → Document, with a page and bounding box on every block and table cell.

Text and positions come from pypdfium2 (pdfium's text page: a few C calls per
character), which is an order of magnitude faster than pdfminer's layout analysis behind
pdfplumber. Ruled tables are found with pdfplumber's own cell-finding algorithm
(:mod:`pdfplumber.table`; its edge merging, cell search and table grouping
re-implemented in :mod:`.pdf_edges` and :mod:`.pdf_cells`, the same results, faster), fed with
ruling lines read from pdfium's path objects, so a ruled table comes out as pdfplumber
would find it. Borderless and partly ruled tables are found by whitespace gutters that
run down a block of lines (see :mod:`._pdflayout`).

Coordinates: ``bbox`` is (x0, top, x1, bottom) in points from the page's top-left corner,
as pdfplumber reports them.
"""

from __future__ import annotations

import itertools
import re
from collections import defaultdict

from pcfaudit.extract.common import (
    TOC_TITLE_RE,
    ExtractionError,
    assign_sections,
    detect_heading,
    garbled_count,
    parse_toc_line,
    sha256_hex,
)
from pcfaudit.extract.pdf_columns import Placed, order_lines, table_key
from pcfaudit.extract.pdf_continued import merge_continued
from pcfaudit.extract.pdf_grid import ruled_tables
from pcfaudit.extract.pdf_layout import (
    BBox,
    Char,
    Line,
    PageTable,
    join_chars,
    make_lines,
    text_size,
)
from pcfaudit.extract.pdf_page import PdfPage, open_pdf, read_page
from pcfaudit.extract.pdf_pictures import read_by_ocr, unread_regions, wants_thumbnail
from pcfaudit.extract.table_from_words import find_tables
from pcfaudit.extract.table_stack import stack_tables
from pcfaudit.extract.words import Word, words_from_chars
from pcfaudit.limits import check_pdf_pages, check_pdf_streams
from pcfaudit.model import Block, Document, ExtractionStats, Location, SourceInfo

_PAGE_NUMBER_RE = re.compile(
    r"^\s*(?:[-–—]\s*)?(?:\d{1,4}|[ivxlc]{1,6}|第\s*\d+\s*页(?:\s*[,，/]?\s*共\s*\d+\s*页)?"
    r"|\d+\s*/\s*\d+|page\s+\d+(?:\s+of\s+\d+)?)(?:\s*[-–—])?\s*$",
    re.I,
)
_CAPTION_RE = re.compile(r"^\s*(?:续?表|table)\s*[A-Z]?\d", re.I)
_MARGIN = 0.1  # top and bottom tenth of the page: where running headers and footers live


def extract_pdf(data: bytes, path: str) -> Document:
    """Extract headings, paragraphs and tables from a PDF in reading order."""
    check_pdf_streams(data)  # a FlateDecode bomb: refuse before pdfium inflates it
    pdf = open_pdf(data)
    try:
        check_pdf_pages(len(pdf))  # a page tree of 200,000 references to one page
        pages = [read_page(pdf, i, wants_thumbnail, data) for i in range(len(pdf))]
        unread = unread_regions(pdf, pages)
        read_by_ocr(pdf, pages, unread)
    finally:
        pdf.close()
    n_pages = len(pages)
    stats = ExtractionStats(unread=unread)
    for p in pages:
        n = len([c for c in p.chars if not c.text.isspace()])
        stats.characters += n
        stats.garbled_characters += p.unmapped
        if n == 0:
            stats.pages_without_text += 1
    ocr_read = any(r.ocr for r in unread)
    if n_pages and stats.pages_without_text == n_pages and not ocr_read:
        scans = sum(1 for r in unread if r.kind == "scanned-page")
        if scans:
            raise ExtractionError(
                f"no text layer: OCR needed ({scans} of {n_pages} pages are scanned images; "
                "install pcfaudit[ocr])"
            )
        # No picture either: the text is drawn as shapes, or hidden where the reader does
        # not reach it (forms nested past pdfium's limit); OCR is only a guess here.
        raise ExtractionError(
            "no text layer: no page holds text pcfaudit can read (text drawn as shapes, or "
            "nested too deep in form objects); nothing was audited"
        )
    running = _running_lines(pages)
    blocks = _blocks(pages, running)
    stats.garbled_characters += sum(garbled_count(b.text) for b in blocks if b.kind != "table")
    for t in (b.table for b in blocks if b.table is not None):
        stats.garbled_characters += sum(garbled_count(c.text) for row in t.rows for c in row)
    source = SourceInfo(
        path=path, sha256=sha256_hex(data), format="pdf", pages=n_pages, size=len(data)
    )
    return Document(source=source, blocks=assign_sections(blocks), stats=stats)


# --------------------------------------------------------------------------- layout


def _running_lines(pages: list[PdfPage]) -> set[tuple[int, int]]:
    """(page, line index) of running headers/footers and bare page numbers.

    A line in the top or bottom tenth of the page is running when the same text (digits
    ignored) sits at about the same height on at least half of the pages (and two)."""
    for p in pages:
        p.tables = [*ruled_tables(p), *p.extra_tables]
        taken = [t.bbox for t in p.tables]
        if taken:
            p.lines = _lines_outside(p.lines, taken)
    seen: dict[str, list[tuple[int, float]]] = defaultdict(list)
    for p in pages:
        for ln in p.lines:
            if _in_margin(ln, p):
                seen[re.sub(r"\d+", "#", ln.text.replace(" ", ""))].append((p.number, ln.top))
    texted = sum(1 for p in pages if p.chars)
    need = max(2, (texted + 1) // 2)
    out: set[tuple[int, int]] = set()
    for p in pages:
        for i, ln in enumerate(p.lines):
            if not _in_margin(ln, p):
                continue
            if _PAGE_NUMBER_RE.match(ln.text):
                out.add((p.number, i))
                continue
            key = re.sub(r"\d+", "#", ln.text.replace(" ", ""))
            same = {n for n, top in seen[key] if abs(top - ln.top) <= 3}
            if len(same) >= need and texted >= 2:
                out.add((p.number, i))
    return out


def _lines_outside(lines: list[Line], taken: list[BBox]) -> list[Line]:
    """The lines with the characters inside a table taken out: a line that runs from a
    table into the text beside it (two tables side by side) keeps only its outside part."""
    out: list[Line] = []
    for ln in lines:
        if not any(_overlap(ln.bbox, b) for b in taken):
            out.append(ln)
            continue
        outside = _chars_outside(ln.chars, taken)
        if len(outside) == len(ln.chars):
            out.append(ln)
        elif any(not c.text.isspace() for c in outside):
            out.extend(make_lines(outside))
    out.sort(key=lambda ln: (ln.top, ln.x0))
    return out


def _chars_outside(chars: list[Char], taken: list[BBox]) -> list[Char]:
    """The characters whose centre is in none of the boxes (a loop, not a generator per
    character: it runs for every character of a line that touches a table)."""
    out = []
    for c in chars:
        cx, cy = (c.x0 + c.x1) / 2, (c.top + c.bottom) / 2
        for b in taken:
            if b[0] <= cx <= b[2] and b[1] <= cy <= b[3]:
                break
        else:
            out.append(c)
    return out


def _overlap(a: BBox, b: BBox) -> bool:
    return a[0] < b[2] and b[0] < a[2] and a[1] < b[3] and b[1] < a[3]


def _in_margin(ln: Line, p: PdfPage) -> bool:
    return ln.bottom <= p.height * _MARGIN or ln.top >= p.height * (1 - _MARGIN)


def _blocks(pages: list[PdfPage], running: set[tuple[int, int]]) -> list[Block]:
    items: list[tuple[int, tuple[float, int, float], Line | PageTable]] = []
    columns: dict[int, tuple[float, float, float]] = {}  # id(line) → its column's metrics
    for p in pages:
        lines = [ln for i, ln in enumerate(p.lines) if (p.number, i) not in running]
        placed, gutter_tables = _columns_and_tables(p.number, lines)
        key_of = {id(t): key for t, key in gutter_tables}
        for t in stack_tables([*p.tables, *(t for t, _ in gutter_tables)]):
            items.append((p.number, key_of.get(id(t)) or table_key(t.bbox, placed), t))
        for pl in placed:
            items.append((p.number, pl.key, pl.line))
            if pl.column is not None:
                columns[id(pl.line)] = pl.column
    items.sort(key=lambda it: (it[0], it[1]))
    tables = merge_continued(
        [(n, obj) for n, _, obj in items if isinstance(obj, PageTable)],
        [(n, obj.top) for n, _, obj in items if isinstance(obj, Line)],
    )
    metrics = _page_metrics(pages)
    blocks: list[Block] = []
    para: list[Line] = []
    para_page = last_page = 0
    in_toc = False
    n_table = 0

    def flush() -> None:
        if para:
            blocks.append(_paragraph(para, para_page))
            para.clear()

    for page_no, _, obj in items:
        if isinstance(obj, PageTable):
            if obj not in tables:
                continue  # a continuation already merged into the table it continues
            flush()
            caption = None
            if blocks and blocks[-1].kind == "paragraph" and _CAPTION_RE.match(blocks[-1].text):
                caption = blocks[-1].text
            blocks.append(obj.to_block(n_table, caption))
            n_table += 1
            continue
        ln = obj
        text = ln.text
        if TOC_TITLE_RE.match(text.replace(" ", "")):
            flush()
            in_toc = True
            blocks.append(_line_block(ln, page_no, "paragraph", section="toc"))
            continue
        if parse_toc_line(text, in_toc=in_toc) is not None:
            flush()
            blocks.append(_line_block(ln, page_no, "paragraph", section="toc"))
            continue
        in_toc = False
        heading = detect_heading(text)
        if heading is not None:
            flush()
            level, number, _title = heading
            blk = _line_block(ln, page_no, "heading")
            blk.level, blk.number = level, number or None
            blocks.append(blk)
            continue
        if para and not _continues(para[-1], ln, last_page, page_no, metrics, columns):
            flush()
        if not para:
            para_page = page_no
        para.append(ln)
        last_page = page_no
    flush()
    return blocks


def _columns_and_tables(
    page: int, lines: list[Line]
) -> tuple[list[Placed], list[tuple[PageTable, tuple[float, int, float]]]]:
    """The page's lines in reading order (two columns of prose read one after the other)
    and the borderless tables among them, each column searched on its own: a left and a
    right line of prose side by side are not a table's row."""
    placed = order_lines(lines)
    groups: dict[tuple[float, int] | None, list[Placed]] = {}
    for pl in placed:
        groups.setdefault(pl.key[:2] if pl.column is not None else None, []).append(pl)
    kept: list[Placed] = []
    tables: list[tuple[PageTable, tuple[float, int, float]]] = []
    for where, group in groups.items():
        found, rest = _borderless_tables(page, [pl.line for pl in group])
        left = {id(ln) for ln in rest}
        kept.extend(pl for pl in group if id(pl.line) in left)
        for t in found:
            key = (t.bbox[1], 0, t.bbox[1]) if where is None else (*where, t.bbox[1])
            tables.append((t, key))
    return kept, tables


def _borderless_tables(page: int, lines: list[Line]) -> tuple[list[PageTable], list[Line]]:
    """Tables found from the words' geometry; a table of contents is not one."""
    words = [_line_words(ln, page) for ln in lines]
    tables, rest = find_tables(page, words)
    kept: list[PageTable] = []
    toc = False
    for t in tables:
        texts = ["\t".join(c.text for c in row if c.text) for row in t.grid]
        toc_title = any(
            TOC_TITLE_RE.match(ln.text.replace(" ", "")) and ln.bottom <= t.bbox[1] for ln in lines
        )
        toc = toc_title and all(parse_toc_line(tx, in_toc=True) for tx in texts if tx)
        if toc:
            inside = [i for i, ln in enumerate(lines) if t.bbox[1] <= ln.top and ln.bottom <= t.bbox[3] + 0.5]
            rest = sorted({*rest, *inside})
        else:
            kept.append(t)
    return kept, [lines[i] for i in rest]


def _line_words(ln: Line, page: int) -> list[Word]:
    """A line's words; a line of one phrase (most prose) is one word, which is all the
    table finder needs of it and much cheaper."""
    if len(ln.segments) > 1:
        return words_from_chars(ln.chars, page)
    seg = ln.segments[0]
    return [Word(seg.text, seg.x0, seg.x1, seg.top, seg.bottom, page, size=text_size(ln.chars))]


def _page_metrics(pages: list[PdfPage]) -> dict[int, tuple[float, float, float]]:
    """Per page: the text's left and right edges and the usual gap between lines."""
    out: dict[int, tuple[float, float, float]] = {}
    # A cover or TOC page has only short lines; its own right edge would make them look full.
    rights = sorted(max((ln.x1 for ln in p.lines), default=0.0) for p in pages if p.lines)
    usual_right = rights[len(rights) // 2] if rights else 0.0
    for p in pages:
        lines = p.lines
        gaps = sorted(
            b.top - a.bottom
            for a, b in itertools.pairwise(lines)
            if -5 < b.top - a.bottom < 2 * (a.bottom - a.top)
        )
        gap = gaps[len(gaps) // 2] if gaps else 0.0
        left = min((ln.x0 for ln in lines), default=0.0)
        right = max(max((ln.x1 for ln in lines), default=p.width), usual_right)
        out[p.number] = (left, right, gap)
    return out


def _continues(
    prev: Line,
    ln: Line,
    prev_page: int,
    page: int,
    metrics: dict[int, tuple[float, float, float]],
    columns: dict[int, tuple[float, float, float]] | None = None,
) -> bool:
    """A line continues the paragraph when it follows at the page's usual line spacing,
    starts where the previous line started and the previous line was not a short last
    line (ending well before the right edge of the page, or of its column)."""
    height = max(prev.bottom - prev.top, 1.0)
    left, right, gap = metrics.get(prev_page, (prev.x0, prev.x1, 0.0))
    if columns and id(prev) in columns:
        left, right, gap = columns[id(prev)]
    short = prev.x1 < right - max(0.3 * (right - left), 2 * height)
    if short or (prev.text.endswith(("。", ":", "：")) and prev.x1 < right - 2 * height):
        return False
    if ln.x0 > left + 2 * height and prev.x0 > left + 2 * height:
        return False  # centred lines (a cover page) or an indented block: one line each
    if page != prev_page:
        return page == prev_page + 1 and abs(ln.x0 - left) < 3 * height
    return ln.top - prev.bottom <= gap + 0.35 * height and abs(ln.x0 - prev.x0) < 2 * height


def _line_block(ln: Line, page: int, kind: str, section: str | None = None) -> Block:
    loc = Location(page=page, bbox=_round(ln.bbox), section=section)
    return Block(kind="heading" if kind == "heading" else "paragraph", text=ln.text, location=loc)


def _paragraph(lines: list[Line], page: int) -> Block:
    text = ""
    space: bool | None = None
    for ln in lines:
        text = join_chars(text, ln.text, space)
        space = True if ln.trailing_space else None
    same = [ln for ln in lines if ln is lines[0] or ln.top > lines[0].top]
    box = (
        min(ln.x0 for ln in same),
        same[0].top,
        max(ln.x1 for ln in same),
        max(ln.bottom for ln in same),
    )
    return Block(kind="paragraph", text=text, location=Location(page=page, bbox=_round(box)))


def _round(b: BBox) -> BBox:
    return (round(b[0], 2), round(b[1], 2), round(b[2], 2), round(b[3], 2))
