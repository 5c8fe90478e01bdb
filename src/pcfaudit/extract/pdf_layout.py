"""Geometry for the PDF extractor: characters → lines → segments, and tables as grids.

Plain functions over small value classes, so each step can be tested without a PDF.
Coordinates are (x0, top, x1, bottom) in points from the page's top-left corner.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import cached_property
from operator import attrgetter

from pcfaudit.extract.common import normalise_text
from pcfaudit.model import Block, Cell, Location, Table

BBox = tuple[float, float, float, float]

# A gap wider than this many character heights separates table columns (or a TOC title
# from its page number); anything narrower is at most a space.
_COLUMN_GAP = 1.2
_SPACE_GAP = 0.3
_CJK_SPACE_GAP = 0.6


@dataclass(slots=True, unsafe_hash=True)
class Char:
    """One glyph and its box; never changed once made. Not frozen: a page holds thousands,
    and a frozen dataclass costs six times as much to build (slots also make reading the
    coordinates, which line grouping does millions of times, faster)."""

    text: str
    x0: float
    top: float
    x1: float
    bottom: float
    em: float = 0.0  # font size estimated from the glyph's ink (digits, capitals); 0: unknown


@dataclass
class Segment:
    x0: float
    x1: float
    top: float
    bottom: float
    text: str


@dataclass
class Line:
    chars: list[Char]
    segments: list[Segment] = field(default_factory=list)
    trailing_space: bool = False  # the producer wrote a space at the line end (a word break)

    @cached_property
    def x0(self) -> float:
        return self.chars[0].x0

    @cached_property
    def x1(self) -> float:
        return self.chars[-1].x1

    @cached_property
    def top(self) -> float:
        return min([c.top for c in self.chars])

    @cached_property
    def bottom(self) -> float:
        return max([c.bottom for c in self.chars])

    @property
    def bbox(self) -> BBox:
        return (self.x0, self.top, self.x1, self.bottom)

    @property
    def text(self) -> str:
        """Segments joined by a tab, as PDF-to-text converters print table rows."""
        return "\t".join(s.text for s in self.segments)


def is_cjk(ch: str) -> bool:
    """Whether ``ch`` starts with a CJK character: ideographs, kana, CJK punctuation, full
    width forms (compared, not matched by a regex: line joining asks it of every glyph)."""
    if not ch:
        return False
    c = ch[0]
    return (
        "\u3400" <= c <= "\u9fff"
        or "\u3000" <= c <= "\u30ff"
        or "\uf900" <= c <= "\ufaff"
        or "\uff00" <= c <= "\uffef"
    )


def join_chars(left: str, right: str, space: bool | None = None) -> str:
    """Join two pieces of text across a line break: no space between CJK characters,
    a hyphenated English word is rejoined (not an acronym's hyphen: "GWP-" + "biogenic"). ``space`` says whether the producer marked the
    break as a word break (None: unknown, assume it is)."""
    right = right.replace("\t", " ")
    if not left:
        return right
    if not right:
        return left
    if is_cjk(left[-1]) or is_cjk(right[0]):
        return left + right
    if space is False:
        return left + right
    if left.endswith("-") and left[-2:-1].islower() and right[0].islower():
        return left[:-1] + right
    if left.endswith("-") and (left[-2:-1].isupper() or left[-2:-1].isdigit()) and right[0].isalnum():
        return left + right  # "GWP-" + "biogenic", "CO2-" + "eq": the hyphen is part of it
    return left + " " + right


# Characters this many times the body size are display type (a title set beside a table).
# Headings (1.2-2x) stay out: their letters' sizes, measured from ink, vary around that ratio.
_DISPLAY = 2.5


def make_lines(chars: list[Char]) -> list[Line]:
    """Group characters into lines (vertical overlap) and lines into segments (gaps).
    Space characters only mark word breaks; they never start a line or a segment.

    Display type is grouped apart from body text: a title's loose boxes span several body
    lines, and one line grown to its height would swallow them (the body lines beside it
    read interleaved, "RVaelviidsiitoyn D Daatete")."""
    # Sizes measured from ink below 1 pt are failed measurements (glyphs drawn as paths).
    sizes = sorted([c.em for c in chars if c.em >= 1.0 and c.text != " "])
    if sizes:
        limit = _DISPLAY * sizes[len(sizes) // 2]  # the body size's multiple
        display = [c for c in chars if c.em > limit]
        if display:
            # A space has no ink to measure: it goes with the display glyphs whose box it
            # shares (same band, about as tall), else with the body text.
            spaces = [c for c in chars if c.text == " " and _in_display(c, display)]
            taken = {id(c) for c in spaces}
            rest = [c for c in chars if c.em <= limit and id(c) not in taken]
            lines = _make_lines(display + spaces) + _make_lines(rest)
            lines.sort(key=_line_order)
            return lines
    return _make_lines(chars)


def _line_order(ln: Line) -> tuple[float, float]:
    return (ln.top, ln.x0)


def _in_display(space: Char, display: list[Char]) -> bool:
    mid, height = (space.top + space.bottom) / 2, space.bottom - space.top
    return any(
        d.top <= mid <= d.bottom and height >= 0.8 * (d.bottom - d.top) for d in display
    )


def _make_lines(chars: list[Char]) -> list[Line]:
    # Runs for every page and every table cell: the loops below avoid a Python call per
    # glyph (sort keys from lists, not lambdas).
    mids = [c.top + c.bottom for c in chars]
    ordered = [chars[i] for i in sorted(range(len(chars)), key=mids.__getitem__)]
    groups: list[list[Char]] = []
    group: list[Char] = []
    # the line's middle and height; a glyph whose middle is within ``near`` (0.45 of the
    # taller of the line and the glyph) joins it (-near <= d <= near: abs without a call)
    mid = height = near = 0.0
    for c in ordered:
        top, bottom = c.top, c.bottom
        cmid = (top + bottom) / 2
        d = cmid - mid
        if c.text == " ":
            # A space has no ink and may carry a title's box: it joins a line, never widens it.
            if groups and -near <= d <= near:
                group.append(c)
            continue
        ch = bottom - top
        reach = 0.45 * ch if ch > height else near
        if groups and -reach <= d <= reach:
            group.append(c)
            if ch > height:
                height, near = ch, reach
            continue
        group = [c]
        groups.append(group)
        mid, height, near = cmid, ch, 0.45 * ch
    lines = []
    for g in groups:
        _sort_by_x(g)
        trailing = g[-1].text == " "
        while g and g[-1].text == " ":
            g.pop()
        while g and g[0].text == " ":
            g.pop(0)
        if g:
            lines.append(Line(chars=g, segments=_segments(g), trailing_space=trailing))
    lines.sort(key=_line_order)
    return lines


_X0 = attrgetter("x0")


def _sort_by_x(chars: list[Char]) -> None:
    """Left to right; at the same x a space before a glyph. Sorting by x alone is the same
    order when no two x are equal (the usual case, and several times cheaper)."""
    xs = [c.x0 for c in chars]
    if len(set(xs)) == len(xs):
        chars.sort(key=_X0)
    else:
        chars.sort(key=lambda c: (c.x0, c.text != " "))


def _segments(chars: list[Char]) -> list[Segment]:
    visible = [c for c in chars if c.text != " "]
    size = text_size(visible)
    column_gap, space_gap, cjk_gap = _COLUMN_GAP * size, _SPACE_GAP * size, _CJK_SPACE_GAP * size
    out: list[Segment] = []
    prev = visible[0]
    run = [prev]
    text = [prev.text]
    space = False
    # whether the previous glyph is CJK, carried along; is_cjk is only asked of characters
    # at or past U+3000, where its ranges begin (one test per glyph, rarely a call)
    prev_cjk = prev.text >= "\u3000" and is_cjk(prev.text)
    for c in chars[1:]:
        t = c.text
        if t == " ":
            space = True
            continue
        gap = c.x0 - prev.x1
        this_cjk = t >= "\u3000" and is_cjk(t)
        if gap > column_gap:
            out.append(_segment(run, text))
            run, text = [c], [t]
        else:
            cjk = prev_cjk and this_cjk
            if (space and not cjk) or gap > (cjk_gap if cjk else space_gap):
                text.append(" ")
            run.append(c)
            text.append(t)
        prev, prev_cjk = c, this_cjk
        space = False
    out.append(_segment(run, text))
    return out


segments_of = _segments  # public for lines built elsewhere (turned labels)


def text_size(chars: list[Char]) -> float:
    """The font size of a run of characters. Loose boxes span the font's whole ascent and
    descent (1.5 em in some fonts), so a gutter between table columns would look like a
    word space; the ink of digits and capitals measures the size itself."""
    heights = sorted([c.bottom - c.top for c in chars])
    size = heights[len(heights) // 2] if heights else 0.0
    ems = sorted([c.em for c in chars if c.em > 0])
    return min(size, ems[len(ems) // 2]) if ems else size


def _segment(run: list[Char], text: list[str]) -> Segment:
    return Segment(
        run[0].x0,
        run[-1].x1,
        min([c.top for c in run]),
        max([c.bottom for c in run]),
        normalise_text("".join(text)).strip(),
    )


_NUMBER_PIECE = frozenset("0123456789.,Ee+-−")


def cell_text(chars: list[Char], trust_trailing: bool = False) -> str:
    """A cell's lines joined. A narrow column wraps a number mid-token ('2.5' / '0E' /
    '+02'): pieces that are all number characters on both sides of a break are one token."""
    text = ""
    space: bool | None = None
    for ln in make_lines(chars):
        piece = " ".join(s.text for s in ln.segments)
        if text and piece and _numeric_break(text, piece):
            text += piece
        else:
            text = join_chars(text, piece, space)
        space = ln.trailing_space if trust_trailing else None
    return text.strip()


def _numeric_break(left: str, right: str) -> bool:
    tail = left.rsplit(" ", 1)[-1]
    head = right.split(" ", 1)[0]
    return (
        bool(tail)
        and bool(head)
        and set(tail) <= _NUMBER_PIECE
        and set(head) <= _NUMBER_PIECE
        and any(ch.isdigit() for ch in tail + head)
        and ("E" in tail + head or "e" in tail + head or tail[-1] in ".,-−+" or head[0] in ".,")
    )


# --------------------------------------------------------------------------- tables


@dataclass
class CellRec:
    """One printed cell: its text, box and place in the grid (origin slot and spans)."""

    text: str
    page: int
    bbox: BBox
    row: int
    col: int
    rowspan: int = 1
    colspan: int = 1
    source: str = "text"  # "ocr" when any of its words was read by OCR


@dataclass
class PageTable:
    page: int
    bbox: BBox
    grid: list[list[CellRec]]
    col_edges: list[float]

    @property
    def n_cols(self) -> int:
        return len(self.grid[0]) if self.grid else 0

    def row_texts(self, r: int) -> list[str]:
        return [c.text for c in self.grid[r]]

    def to_block(self, index: int, caption: str | None) -> Block:
        cells: dict[int, Cell] = {}
        rows: list[list[Cell]] = []
        for row in self.grid:
            out: list[Cell] = []
            for rec in row:
                if id(rec) not in cells:
                    loc = Location(
                        page=rec.page,
                        bbox=_round(rec.bbox),
                        table=index,
                        row=rec.row,
                        column=rec.col,
                    )
                    cells[id(rec)] = Cell(
                        rec.text, loc, colspan=rec.colspan, rowspan=rec.rowspan, source=rec.source
                    )
                out.append(cells[id(rec)])
            rows.append(out)
        text = "\n".join(
            "\t".join(rec.text if (rec.row, rec.col) == (r, c) else "" for c, rec in enumerate(row))
            for r, row in enumerate(self.grid)
        )
        loc = Location(page=self.page, bbox=_round(self.bbox), table=index)
        return Block(kind="table", text=text, location=loc, table=Table(rows, loc, caption))


def _round(b: BBox) -> BBox:
    return (round(b[0], 2), round(b[1], 2), round(b[2], 2), round(b[3], 2))
