"""Plain text and markdown reports, as PDF-to-text converters produce them.

``extract_text(data, path)`` is a pure function of the bytes. It decodes (UTF-8 with or
without BOM, UTF-16 with BOM or by its NUL pattern, GB18030/GBK, cp1252 as a last resort),
normalises every line with :func:`normalise_text` and cuts the text into ordered blocks:

* ``heading``: numbered headings found by :func:`detect_heading`; ``Block.text`` is the
  title without its number, ``Block.number`` the number ("3.6"; None when unnumbered). A
  short body line equal to an unnumbered TOC title ("执行摘要") is a level-1 heading too.
* ``paragraph``: consecutive lines, joined with "" between two CJK characters and " "
  otherwise; a blank line, a line ending in 。！？ or a list marker starts a new one.
  ``$$ … $$`` display maths is one paragraph with TeX reduced.
* ``table``: tab-separated lines (parts split by up to two blank lines are re-joined when
  their width fits; a header row repeated after a page break is dropped), markdown pipe
  tables and HTML ``<table>`` (rowspan/colspan filled into the grid: a merged cell is
  repeated in every slot it covers, each copy located at its slot). Short rows are padded
  with empty cells on the right so ``rows[r][c]`` is a grid. ``Table.caption`` is the
  preceding "表 …"/"Table …" line, which also stays a paragraph of its own.

Table of contents: the "目录"/"Contents" line and every TOC entry after it (and any line
with dot leaders anywhere) is a ``paragraph`` block whose ``location.section`` is "toc";
use :func:`parse_toc_line` on its text to get (number, title, page). All other blocks get
the section of the nearest preceding heading (:func:`assign_sections`).

Markdown emphasis (``**x**``), autolinks and links are reduced to their text; footnote
marks ``^[3]`` become ``[3]``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from html.parser import HTMLParser

from pcfaudit.extract.common import (
    TOC_TITLE_RE,
    assign_sections,
    detect_heading,
    garbled_count,
    normalise_text,
    parse_toc_line,
    sha256_hex,
)
from pcfaudit.extract.text_decode import decode_text
from pcfaudit.extract.text_tables import repair_grid
from pcfaudit.limits import check_text_size
from pcfaudit.model import Block, Cell, Document, ExtractionStats, Location, SourceInfo, Table

# --------------------------------------------------------------------------- line cleaning

_MD_INLINE = (
    (re.compile(r"\*\*(.+?)\*\*"), r"\1"),
    (re.compile(r"(?<!\w)__(.+?)__(?!\w)"), r"\1"),
    (re.compile(r"!\[[^\]]*\]\([^)]*\)"), ""),
    (re.compile(r"\[([^\]]+)\]\((?:https?://|/|#)[^)]*\)"), r"\1"),
    (re.compile(r"<((?:https?|ftp)://[^>\s]+)>"), r"\1"),
    (re.compile(r"\^\[(\w{1,4})\]"), r"[\1]"),
)
_TAG_RE = re.compile(r"</?[A-Za-z][^<>]*>")
_BREAK_RE = re.compile(r"<br\s*/?>|</p>\s*<p[^>]*>|</?(?:p|div|li)\b[^>]*>", re.I)


def clean_line(raw: str) -> str:
    if "\\$" in raw and (raw.count("$") - raw.count("\\$")) % 2:
        # An OCR converter closed a formula with "\$": with it, the dollars pair up again.
        raw = raw.replace("\\$", "$")
    s = normalise_text(raw)
    for rx, repl in _MD_INLINE:
        s = rx.sub(repl, s)
    return s.strip()


def html_fragment_text(s: str) -> str:
    """``<p>a</p> <p>b</p>`` / ``a<br>b`` → "a\\nb"; other tags dropped, entities unescaped."""
    import html

    if "<" not in s:
        return s.strip()
    s = _BREAK_RE.sub("\n", s)
    s = html.unescape(_TAG_RE.sub("", s))
    return "\n".join(p.strip() for p in s.split("\n") if p.strip())


_CJK_CHAR = re.compile(r"[\u3000-\u303f\u3400-\u9fff\uf900-\ufaff\uff00-\uffef]")
_LIST_START = re.compile(
    r"^(?:[-*+•◆◇■□●○▪►✓✔√→]\s*|[①-⑳⑴-⒇]|(?:I{1,3}|IV|VI{0,3}|IX|X)\s|[a-h][\s.)、]\s*"
    r"|\(\d{1,2}\)|\d{1,2}\)|\[\d{1,3}\])"
)
_CAPTION_YEAR_RE = re.compile(
    r"^((?:续?表|Table|Tab\.)\s*)(\d{1,2})((?:19|20)\d\d)(?=\s*(?:年|—|–|-|~|～|至))"
)
_CAPTION_RE = re.compile(r"^(?:续?表|Table|TABLE|Tab\.)\s*[\dA-Z一二三四五六七八九十IVX]")


def _join(lines: list[str]) -> str:
    out = ""
    for line in lines:
        if out and not (_CJK_CHAR.match(out[-1]) and _CJK_CHAR.match(line[0])):
            out += " "
        out += line
    return out


# --------------------------------------------------------------------------- tables


@dataclass
class _Grid:
    """Rows of (text, line, rowspan, colspan) before Cells are made."""

    rows: list[list[tuple[str, int, int, int]]] = field(default_factory=list)


def _tab_cells(raw: str) -> list[str]:
    return [html_fragment_text(normalise_text(c)).strip() for c in raw.rstrip("\n").split("\t")]


def _trimmed_len(cells: list[str]) -> int:
    n = len(cells)
    while n > 1 and not cells[n - 1]:
        n -= 1
    return n


def _row_key(cells: list[str]) -> str:
    return "\x1f".join(re.sub(r"\s+", "", c) for c in cells[: _trimmed_len(cells)])


def _collect_tab_table(lines: list[str], i: int) -> tuple[_Grid, int]:
    grid = _Grid()
    width = 0
    header_key: str | None = None
    j = i
    while True:
        while j < len(lines) and "\t" in lines[j] and lines[j].strip():
            cells = _tab_cells(lines[j])
            key = _row_key(cells)
            if header_key is None:
                header_key = key
            elif key == header_key:  # header repeated after a page break
                j += 1
                continue
            grid.rows.append([(c, j + 1, 1, 1) for c in cells])
            width = max(width, _trimmed_len(cells))
            j += 1
        # a blank line (page break) inside a table: look up to two blank lines ahead
        k = j
        while k < len(lines) and k - j < 2 and not lines[k].strip():
            k += 1
        if k == j or k >= len(lines) or "\t" not in lines[k]:
            break
        nxt = _tab_cells(lines[k])
        if _row_key(nxt) != header_key and not (width - 1 <= len(nxt) <= width + 1):
            break
        j = k
    for row in grid.rows:
        del row[max(width, 1) :]
        row.extend(("", row[0][1], 1, 1) for _ in range(width - len(row)))
    return grid, j


_PIPE_SEP_RE = re.compile(r"^\|?\s*:?-{2,}:?\s*(?:\|\s*:?-{2,}:?\s*)*\|?\s*$")


def _pipe_cells(line: str) -> list[str]:
    s = line.strip()
    s = s[1:] if s.startswith("|") else s
    s = s[:-1] if s.endswith("|") and not s.endswith("\\|") else s
    parts = re.split(r"(?<!\\)\|", s)
    return [html_fragment_text(normalise_text(p.replace("\\|", "|"))).strip() for p in parts]


def _is_pipe_start(lines: list[str], i: int) -> bool:
    s = lines[i].strip()
    if not s.startswith("|") or s.count("|") < 2:
        return False
    nxt = lines[i + 1].strip() if i + 1 < len(lines) else ""
    return bool(_PIPE_SEP_RE.match(nxt)) or (s.endswith("|") and nxt.startswith("|"))


def _collect_pipe_table(lines: list[str], i: int) -> tuple[_Grid, int]:
    grid = _Grid()
    j = i
    while j < len(lines) and lines[j].strip().startswith("|"):
        if not _PIPE_SEP_RE.match(lines[j].strip()):
            grid.rows.append([(c, j + 1, 1, 1) for c in _pipe_cells(lines[j])])
        j += 1
    width = max((len(r) for r in grid.rows), default=0)  # only rule lines: no rows
    for row in grid.rows:
        row.extend(("", row[0][1], 1, 1) for _ in range(width - len(row)))
    return grid, j


class _HTMLTable(HTMLParser):
    def __init__(self, first_line: int) -> None:
        super().__init__(convert_charrefs=True)
        self.first_line = first_line
        self.rows: list[list[tuple[str, int, int, int]]] = []
        self._row: list[tuple[str, int, int, int]] | None = None
        self._cell: list[str] | None = None
        self._span = (1, 1, 0)

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag == "tr":
            self._close_cell()
            self._row = []
            self.rows.append(self._row)
        elif tag in ("td", "th"):
            self._close_cell()
            if self._row is None:
                self._row = []
                self.rows.append(self._row)
            a = dict(attrs)
            self._span = (_span(a.get("rowspan")), _span(a.get("colspan")), self.getpos()[0])
            self._cell = [""]
        elif tag in ("p", "br", "div", "li") and self._cell is not None:
            self._cell.append("")

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag == "br" and self._cell is not None:
            self._cell.append("")

    def handle_endtag(self, tag: str) -> None:
        if tag in ("td", "th"):
            self._close_cell()
        elif tag == "tr":
            self._close_cell()
            self._row = None
        elif tag in ("p", "div", "li") and self._cell is not None:
            self._cell.append("")

    def handle_data(self, data: str) -> None:
        if self._cell is not None:
            self._cell[-1] += data

    def _close_cell(self) -> None:
        if self._cell is None or self._row is None:
            return
        parts = [normalise_text(p).strip() for p in self._cell]
        text = "\n".join(p for p in parts if p)
        rowspan, colspan, line = self._span
        self._row.append((text, self.first_line + line - 1, rowspan, colspan))
        self._cell = None

    def close(self) -> None:
        super().close()
        self._close_cell()


def _span(value: str | None) -> int:
    try:
        return max(1, min(int(value or 1), 1000))
    except ValueError:
        return 1


def _fill_html_grid(rows: list[list[tuple[str, int, int, int]]]) -> _Grid:
    slots: dict[tuple[int, int], tuple[str, int, int, int]] = {}
    for r, row in enumerate(rows):
        c = 0
        for cell in row:
            while (r, c) in slots:
                c += 1
            _, _, rowspan, colspan = cell
            for dr in range(min(rowspan, len(rows) - r)):
                for dc in range(colspan):
                    slots[(r + dr, c + dc)] = cell
            c += colspan
    width = max((c for _, c in slots), default=-1) + 1
    grid = _Grid()
    for r in range(len(rows)):
        line = next((cell[1] for cell in rows[r]), rows[0][0][1] if rows[0] else 0)
        grid.rows.append([slots.get((r, c), ("", line, 1, 1)) for c in range(width)])
    return grid


def _collect_html_table(lines: list[str], i: int) -> tuple[_Grid, int, str, str]:
    """The grid, the next line index, and any text before/after the table on its lines."""
    j = i
    chunk = lines[i]
    while "</table>" not in chunk.lower() and j + 1 < len(lines):
        j += 1
        chunk += "\n" + lines[j]
    start = chunk.lower().index("<table")
    end_at = chunk.lower().find("</table>")
    end = len(chunk) if end_at < 0 else end_at + len("</table>")
    parser = _HTMLTable(first_line=i + 1 + chunk.count("\n", 0, start))
    parser.feed(chunk[start:end])
    parser.close()
    rows = [r for r in parser.rows if r]
    return _fill_html_grid(rows), j + 1, chunk[:start], chunk[end:]


def _make_table(grid: _Grid, index: int, caption: str | None) -> Table:
    rows = [
        [
            Cell(
                text=text,
                location=Location(line=line, table=index, row=r, column=c),
                rowspan=rowspan,
                colspan=colspan,
            )
            for c, (text, line, rowspan, colspan) in enumerate(row)
        ]
        for r, row in enumerate(grid.rows)
    ]
    first_line = grid.rows[0][0][1] if grid.rows and grid.rows[0] else None
    return Table(rows=rows, location=Location(line=first_line, table=index), caption=caption)


# --------------------------------------------------------------------------- blocks


def _caption_number(line: str) -> str:
    m = re.match(r"^\D*?(\d+)", line)
    return m.group(1) if m else ""


def _ends_right_above(lines: list[str], first_line: int, table_index: int) -> bool:
    """The paragraph starting at ``first_line`` (1-based) runs on, line after line, until
    only blank lines separate it from the table at ``table_index`` (0-based)."""
    k = table_index
    while k > first_line and not lines[k - 1].strip():
        k -= 1
    return all(line.strip() for line in lines[first_line - 1 : k]) and k - first_line < 3


class _Builder:
    def __init__(self, lines: list[str]) -> None:
        self.lines = lines
        self.blocks: list[Block] = []
        self.para: list[tuple[int, str]] = []
        self.tables = 0
        self.toc_titles: set[str] = set()
        self.last_blank = True

    def flush(self) -> None:
        if self.para:
            text = html_fragment_text(_join([t for _, t in self.para])).replace("\n", " ")
            self.blocks.append(Block("paragraph", text, Location(line=self.para[0][0])))
            self.para = []

    def add_table(self, grid: _Grid, first_index: int) -> None:
        if not grid.rows:
            return
        self.flush()
        caption = None
        prev = self.blocks[-1] if self.blocks else None
        if (
            prev is not None
            and prev.kind == "paragraph"
            and prev.location.line is not None
            and _CAPTION_RE.match(prev.text)
            and _ends_right_above(self.lines, prev.location.line, first_index)
        ):
            caption = prev.text if len(prev.text) <= 80 else self._caption_line(prev, first_index)
        if caption:  # "表22001—2017年…": table 2 about 2001—2017, the space lost
            caption = _CAPTION_YEAR_RE.sub(r"\1\2 \3", caption)
        grid = _Grid(repair_grid(grid.rows))
        table = _make_table(grid, self.tables, caption)
        self.tables += 1
        text = "\n".join("\t".join(c.text.replace("\n", " ") for c in row) for row in table.rows)
        self.blocks.append(Block("table", text, table.location, table=table))

    def _caption_line(self, prev: Block, table_index: int) -> str | None:
        """The caption among the lines of a long paragraph above a table: the last caption
        line, or the first of a bilingual pair with one number ("表2 …" over "Table 2 …");
        captions of other tables may come first when the converter moved them."""
        assert prev.location.line is not None
        lines = [
            _CAPTION_YEAR_RE.sub(r"\1\2 \3", clean_line(x))
            for x in self.lines[prev.location.line - 1 : table_index]
        ]
        found = [i for i, x in enumerate(lines) if x and _CAPTION_RE.match(x)]
        if not found:
            return None
        i = found[-1]
        while i - 1 in found and _caption_number(lines[i - 1]) == _caption_number(lines[i]):
            i -= 1
        return lines[i] if len(lines[i]) <= 160 else None

    def toc(self, lineno: int, text: str) -> None:
        self.flush()
        self.blocks.append(Block("paragraph", text, Location(line=lineno, section="toc")))

    def text_line(self, lineno: int, s: str) -> None:
        if self.para:
            last = self.para[-1][1]
            if last.endswith(("。", "！", "？", "!", "?")) or _LIST_START.match(s):
                self.flush()
        self.para.append((lineno, s))


def _blocks(lines: list[str]) -> list[Block]:
    b = _Builder(lines)
    in_toc = False
    i = 0
    while i < len(lines):
        raw = lines[i]
        s = clean_line(raw)
        lineno = i + 1
        if not s:
            b.flush()
            i += 1
            continue
        if TOC_TITLE_RE.match(s):
            in_toc = True
            b.toc(lineno, s)
            i += 1
            continue
        toc = parse_toc_line(s, in_toc=in_toc)
        if toc is not None:
            b.toc(lineno, s)
            if toc[0] is None:
                b.toc_titles.add(re.sub(r"\s+", "", toc[1]))
            i += 1
            continue
        in_toc = False
        if raw.lstrip().startswith("$$"):
            b.flush()
            j = i
            chunk = raw.strip()
            while (len(chunk) < 4 or not chunk.endswith("$$")) and j + 1 < len(lines):
                j += 1
                chunk += "\n" + lines[j].strip()
            b.blocks.append(
                Block(
                    "paragraph",
                    _join([ln.strip() for ln in normalise_text(chunk).split("\n") if ln.strip()]),
                    Location(line=lineno),
                )
            )
            i = j + 1
            continue
        if "<table" in raw.lower():
            b.flush()
            grid, i, before, after = _collect_html_table(lines, i)
            if html_fragment_text(clean_line(before)):  # not "<html><body>" alone
                b.text_line(lineno, clean_line(before))
                b.flush()
            b.add_table(grid, lineno - 1)
            if html_fragment_text(clean_line(after)):
                b.text_line(i, clean_line(after))
                b.flush()
            continue
        if _is_pipe_start(lines, i):
            grid, i = _collect_pipe_table(lines, i)
            b.add_table(grid, lineno - 1)
            continue
        if "\t" in raw.strip("\r\n") and raw.replace("\t", "").strip():
            grid, i = _collect_tab_table(lines, i)
            b.add_table(grid, lineno - 1)
            continue
        heading = detect_heading(s)
        if heading is None and len(s) <= 30 and re.sub(r"\s+", "", s) in b.toc_titles:
            heading = (1, "", s)
        if heading is not None:
            b.flush()
            level, number, title = heading
            b.blocks.append(
                Block("heading", title, Location(line=lineno), level=level, number=number or None)
            )
            i += 1
            continue
        b.text_line(lineno, s)
        i += 1
    b.flush()
    return b.blocks


def extract_text(data: bytes, path: str) -> Document:
    """Read a plain-text or markdown report into a :class:`Document` (pure function)."""
    check_text_size(len(data))  # a hostile 50 MB file: refuse at once rather than crawl
    text, encoding = decode_text(data)
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    blocks = assign_sections(_blocks(text.split("\n")))
    stats = ExtractionStats(
        characters=sum(1 for ch in text if not ch.isspace()),
        garbled_characters=garbled_count(text),
    )
    fmt = "markdown" if path.lower().endswith((".md", ".markdown")) else "text"
    source = SourceInfo(
        path=path, sha256=sha256_hex(data), format=fmt, encoding=encoding, size=len(data)
    )
    return Document(source=source, blocks=blocks, stats=stats)
