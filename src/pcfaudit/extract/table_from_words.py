"""Words → tables, from geometry alone (no ruling lines).

One mechanism for every source of words (a PDF's text layer, OCR boxes, layout text):

1. phrases: words on a line closer than :data:`~.words.PHRASE_GAP` em form one phrase;
2. runs: consecutive, closely spaced lines of which several hold two or more phrases;
3. columns: the x ranges covered by the phrases of the body rows (the rows from the first
   one holding a number), separated by gutters that (almost) no body row crosses;
4. rows: a line without a complete number is joined to its neighbour when it continues a
   cell (a wrapped label, a mantissa "2.67E" over its exponent "+03", a minus sign over
   its number); the header lines above the first number are joined column by column, and
   a header phrase that spans several columns becomes one cell with a colspan.
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cached_property

from pcfaudit.extract.pdf_layout import CellRec, PageTable
from pcfaudit.extract.table_rows import (
    Row,
    cell_text,
    is_number,
    join_bands,
    join_body,
    join_header,
    join_words,
    tight,
)
from pcfaudit.extract.words import PHRASE_GAP, Word

Line = Sequence[Word]

_RUN_GAP = 1.5  # a gap of more line heights than this ends a run of table lines
_NOTE_LENGTH = 60  # characters: a phrase this long under a table's numbers is a note
_MAX_SANDWICH = 6  # single-phrase lines a run may hold in a row
_CAPTION_RE = re.compile(r"^\s*(?:续?表|table)\s*[A-Z]?\d", re.I)


def count_numbers(table: PageTable) -> int:
    """The numbers in the distinct cells of ``table``."""
    cells = {id(rec): rec for row in table.grid for rec in row}
    return sum(1 for rec in cells.values() for tok in rec.text.split() if is_number(tok))


@dataclass
class _Phrase:
    words: list[Word]

    @property
    def x0(self) -> float:
        return self.words[0].x0

    @property
    def x1(self) -> float:
        return self.words[-1].x1

    @cached_property
    def text(self) -> str:
        return join_words(self.words)


def phrases(line: Line) -> list[_Phrase]:
    out: list[_Phrase] = []
    for w in line:
        if out and w.x0 - out[-1].x1 <= PHRASE_GAP * max(w.em, out[-1].words[-1].em):
            out[-1].words.append(w)
        else:
            out.append(_Phrase([w]))
    return out


def _top(line: Line) -> float:
    return min(w.top for w in line)


def _bottom(line: Line) -> float:
    return max(w.bottom for w in line)


def _height(line: Line) -> float:
    return max(w.em for w in line)


# --------------------------------------------------------------------------- runs


def find_tables(
    page: int, lines: Sequence[Line], ruled: bool = False
) -> tuple[list[PageTable], list[int]]:
    """Tables among ``lines`` (sorted top to bottom) and the indices of the lines that
    are not in any table. ``ruled``: the lines are a region that rulings already call a
    table, so a header and one row are enough."""
    min_lines, min_body = (2, 1) if ruled else (3, 2)
    split = _split_at_gutters(lines, [phrases(ln) for ln in lines])
    tables: list[PageTable] = []
    rest: list[int] = []
    i = 0
    while i < len(lines):
        j = _trim_notes(split, i, _run_end(lines, split, i))
        start = _trim_prose_head(split, i, j)
        if start > i:
            rest.extend(range(i, start))
            i = start
            continue
        head = _header_lines_above(lines, split, i, rest) if j - i >= min_lines else 0
        table = _table(page, lines[i - head : j], split[i - head : j], min_body) if j - i >= min_lines else None
        if table is not None:
            del rest[len(rest) - head :]
            tables.append(table)
            i = j
            continue
        rest.append(i)
        i += 1
    return tables, rest


_GUTTER = 0.45  # em: a gap this wide that no line of a block crosses parts two columns
_MIN_BLOCK = 3  # lines


def _split_at_gutters(lines: Sequence[Line], split: list[list[_Phrase]]) -> list[list[_Phrase]]:
    """A table set tight (columns as wide as their widest cell, gutters narrower than a
    phrase gap) reads as one phrase a line. In a block of close lines of several words
    holding numbers, a vertical gap wider than a word space that (almost) no word of the
    block crosses parts columns: the lines' phrases are split there."""
    out = list(split)
    i = 0
    while i < len(lines):
        j = i + 1
        while (
            j < len(lines)
            and len(lines[j]) >= 2
            and _top(lines[j]) - _bottom(lines[j - 1]) < _RUN_GAP * _height(lines[j - 1])
        ):
            j += 1
        if len(lines[i]) >= 2 and j - i >= _MIN_BLOCK:
            _split_block(lines, out, i, j)
        i = j
    return out


def _split_block(lines: Sequence[Line], out: list[list[_Phrase]], i: int, j: int) -> None:
    block = range(i, j)
    if sum(1 for k in block if any(is_number(w.text) for w in lines[k])) * 2 < j - i:
        return  # not a block of values
    words = [[_Phrase([w]) for w in lines[k]] for k in block]
    cols = _columns(words)
    ems = sorted(w.em for k in block for w in lines[k])
    em = ems[len(ems) // 2]
    cuts = [b[0] for a, b in itertools.pairwise(cols) if b[0] - a[1] >= _GUTTER * em]
    if len(cuts) < 2 or all(len(out[k]) > len(cuts) for k in block):
        return
    for k in block:
        pieces: list[_Phrase] = []
        for p in out[k]:
            for w in p.words:
                # a phrase break stays one; a gutter between two words makes one
                if not pieces or w is p.words[0] or any(pieces[-1].x1 < x <= w.x0 for x in cuts):
                    pieces.append(_Phrase([w]))
                else:
                    pieces[-1].words.append(w)
        out[k] = pieces


def _header_lines_above(
    lines: Sequence[Line], split: list[list[_Phrase]], i: int, rest: list[int]
) -> int:
    """How many lines above line ``i`` (a run's first line) are the upper lines of its
    header cells (a header wrapped over lines, set to the bottom or middle of its row):
    short single phrases set tight above it, each right of the first phrase of the line
    below. None when the topmost of them touches a line above (prose)."""
    n = 0
    while (
        n < 3
        and i - n - 1 >= 0
        and rest[-1 - n : len(rest) - n] == [i - n - 1]
        and len(split[i - n - 1]) == 1
        and len(split[i - n - 1][0].text) <= 30
        and not _CAPTION_RE.match(split[i - n - 1][0].text)
        and tight(_top(lines[i - n]) - _bottom(lines[i - n - 1]), _height(lines[i - n - 1]))
        and _over_inner_phrase(split[i - n - 1][0], split[i])
    ):
        n += 1
    top = i - n
    if n and top > 0 and tight(_top(lines[top]) - _bottom(lines[top - 1]), _height(lines[top - 1])):
        return 0
    return n


def _over_inner_phrase(p: _Phrase, below: list[_Phrase]) -> bool:
    """``p`` is set right of the first phrase of the line below (not over its labels)."""
    return len(below) >= 2 and p.x0 >= below[0].x1


def _trim_notes(split: list[list[_Phrase]], i: int, j: int) -> int:
    """Notes under the last row of numbers (acronyms, a legend set in the table's frame)
    are prose, not rows: a run ends at its last line of numbers when a long phrase follows."""
    last = max((k for k in range(i, j) if _numbers_line(split[k])), default=None)
    if last is None:
        return j
    tail = [p for k in range(last + 1, j) for p in split[k]]
    return last + 1 if any(len(p.text) > _NOTE_LENGTH for p in tail) else j


def _header_over_values(split: list[list[_Phrase]], i: int, j: int) -> bool:
    """A header line set in a tall box (a wider gap below it) still heads the values
    under it: the run's only line so far names three or more columns, has no numbers,
    and the next line is a line of values, or the first line or two of a label wrapped
    beside its values."""
    if j != i + 1 or len(split[i]) < 3 or _numbers_line(split[i]):
        return False
    below = next((k for k in range(j, min(j + 3, len(split))) if len(split[k]) >= 2), None)
    return below is not None and _numbers_line(split[below])


def _trim_prose_head(split: list[list[_Phrase]], i: int, j: int) -> int:
    """Prose set beside or above a table (a two-column page) is not its header: the run
    starts after the last line with a long phrase above its first line of numbers."""
    first = next((k for k in range(i, j) if _numbers_line(split[k])), None)
    if first is None:
        return i
    prose = [k for k in range(i, first) if any(len(p.text) > _NOTE_LENGTH for p in split[k])]
    return prose[-1] + 1 if prose else i


def _run_end(lines: Sequence[Line], split: list[list[_Phrase]], i: int) -> int:
    """The end of the run of table-like lines starting at ``i`` (``i`` itself when line
    ``i`` has a single phrase). A single-phrase line inside the run (a wrapped label)
    stays in it when a multi-phrase line follows closely."""
    if len(split[i]) < 2:
        return i
    j = i + 1
    while j < len(lines):
        gap = _top(lines[j]) - _bottom(lines[j - 1])
        if gap >= _RUN_GAP * _height(lines[j - 1]) and not _header_over_values(split, i, j):
            break
        if len(split[j]) < 2:
            # single-phrase lines (a header's stacked lines, a wrapped label) stay in the
            # run when a line of several phrases follows closely
            nxt = j
            while (
                nxt + 1 < len(lines)
                and nxt - j < _MAX_SANDWICH
                and len(split[nxt]) < 2
                and _top(lines[nxt + 1]) - _bottom(lines[nxt]) < _RUN_GAP * _height(lines[nxt])
            ):
                nxt += 1
            if len(split[nxt]) >= 2 and nxt > j:
                j = nxt + 1
                continue
            if gap < 0 or gap < 0.3 * _height(lines[j - 1]):
                j += 1  # a tight last line: the second line of the last row's label
            break
        j += 1
    return j


# --------------------------------------------------------------------------- columns


def _columns(lines: list[list[_Phrase]]) -> list[tuple[float, float]]:
    """X ranges covered by the phrases of ``lines`` separated by gutters that at most a
    tenth of the lines cross (a long label may overflow into the next column)."""
    tolerance = len(lines) // 10
    events: list[tuple[float, int]] = []
    for phs in lines:
        for p in phs:
            events += [(p.x0, 1), (p.x1, -1)]
    events.sort()
    cols: list[tuple[float, float]] = []
    depth = 0
    start: float | None = None
    for x, d in events:
        before = depth
        depth += d
        if before <= tolerance < depth:
            start = x
        elif depth <= tolerance < before and start is not None:
            if cols and x - cols[-1][1] < 0.5 and start - cols[-1][1] < 0.5:
                cols[-1] = (cols[-1][0], x)
            else:
                cols.append((start, x))
            start = None
    return [c for c in cols if c[1] > c[0]]


def _overlaps(p0: float, p1: float, cols: list[tuple[float, float]]) -> list[int]:
    out = []
    for k, (a, b) in enumerate(cols):
        ov = min(p1, b) - max(p0, a)
        if ov > 0 and ov >= 0.2 * min(b - a, p1 - p0):
            out.append(k)
    return out


def _nearest(x0: float, x1: float, cols: list[tuple[float, float]]) -> int:
    mid = (x0 + x1) / 2
    return min(
        range(len(cols)),
        key=lambda k: 0.0 if cols[k][0] <= mid <= cols[k][1] else min(
            abs(cols[k][0] - mid), abs(cols[k][1] - mid)
        ),
    )


def _place(phs: list[_Phrase], cols: list[tuple[float, float]], header: bool) -> Row:
    row = Row()
    values = any(is_number(p.text) or any(is_number(w.text) for w in p.words) for p in phs)
    for p in phs:
        hit = _overlaps(p.x0, p.x1, cols)
        if len(hit) > 1 and header:
            row.cells.setdefault(hit[0], []).extend(p.words)
            row.spans[hit[0]] = hit[-1] - hit[0] + 1
            continue
        if len(hit) > 1 and not values:
            row.cells.setdefault(hit[0], []).extend(p.words)  # a section title row
            row.spans[hit[0]] = hit[-1] - hit[0] + 1
            continue
        if len(hit) > 1:  # a label overflowing into a number's column: split at words
            for w in p.words:
                k = _nearest(w.x0, w.x1, cols)
                row.cells.setdefault(k, []).append(w)
            continue
        k = hit[0] if hit else _nearest(p.x0, p.x1, cols)
        row.cells.setdefault(k, []).extend(p.words)
    return row


# --------------------------------------------------------------------------- table


def _table(
    page: int, lines: Sequence[Line], split: list[list[_Phrase]], min_body: int = 2
) -> PageTable | None:
    rows0 = [
        Row(top=_top(ln), bottom=_bottom(ln), height=_height(ln)) for ln in lines
    ]
    # numbers decide where the body starts; before columns are known, whole phrases count
    first = next((k for k, phs in enumerate(split) if _numbers_line(phs)), None)
    body_from = first if first is not None else 0
    while body_from >= 2 and _label_starts_row(lines, split, body_from - 1):
        body_from -= 1
    while body_from >= 1 and _same_cell_above(lines, split, body_from):
        body_from -= 1  # the first row's cells wrap above its first number
    value_lines = [phs for phs in split[body_from:] if _numbers_line(phs)]
    cols = _columns(value_lines if len(value_lines) >= 2 else split[body_from:])
    if len(cols) < 2:
        return None
    placed = [
        _place(phs, cols, header=k < body_from) for k, phs in enumerate(split)
    ]
    for r, r0 in zip(placed, rows0, strict=True):
        r.top, r.bottom, r.height = r0.top, r0.bottom, r0.height
    header = join_header(placed[:body_from])
    body = join_body(join_bands(placed[body_from:]))
    if not _plausible(body, min_body):
        return None
    return _grid(page, header + body, cols)


def _label_starts_row(lines: Sequence[Line], split: list[list[_Phrase]], k: int) -> bool:
    """Line ``k`` (one phrase, under the header) is the first line of the next row's label,
    wrapped above the row's numbers: it touches the line below and stands clear of the
    line above."""
    if len(split[k]) != 1:
        return False
    below = _top(lines[k + 1]) - _bottom(lines[k])
    above = _top(lines[k]) - _bottom(lines[k - 1])
    height = _height(lines[k])
    return below < 0.3 * height and above > below + 0.5 * height


def _same_cell_above(lines: Sequence[Line], split: list[list[_Phrase]], k: int) -> bool:
    """Line ``k - 1`` holds one phrase set tight above line ``k``: the upper line of a
    cell of the row that line ``k`` starts (a row whose cells wrap, aligned to its bottom
    or middle), when a wider gap sets that row apart from the lines above it."""
    if len(split[k - 1]) != 1 or not tight(_top(lines[k]) - _bottom(lines[k - 1]), _height(lines[k - 1])):
        return False
    top = k - 1
    while top > 0 and tight(_top(lines[top]) - _bottom(lines[top - 1]), _height(lines[top - 1])):
        if len(split[top - 1]) != 1:
            return False  # the band reaches a header line: not a row of its own
        top -= 1
    return top > 0


def _numbers_line(phs: list[_Phrase]) -> bool:
    """A line of values: two numbers after its label, or a label and its one number (a
    lone number among header words is a footnote mark or a group number)."""
    n = sum(1 for p in phs[1:] if is_number(p.text))
    return n >= 2 or (len(phs) == 2 and n == 1)


def _plausible(body: list[Row], min_body: int) -> bool:
    filled = [len(r.cells) for r in body]
    if len(body) < min_body or sum(1 for f in filled if f >= 2) < min_body:
        return False
    if sum(filled) < 2 * len(body):
        return False
    texts = [r.text(c) for r in body for c in r.cells]
    numbers = sum(1 for t in texts if is_number(t))
    long_text = sum(len(t) for t in texts) / max(len(texts), 1) > 30
    # prose set in two columns (or a two-column page) is not a table
    return not (long_text and numbers < 0.1 * len(texts))


def _grid(page: int, rows: list[Row], cols: list[tuple[float, float]]) -> PageTable:
    grid: list[list[CellRec]] = []
    for r, row in enumerate(rows):
        recs: list[CellRec | None] = [None] * len(cols)
        for c in sorted(row.cells):
            words = row.cells[c]
            span = min(row.spans.get(c, 1), len(cols) - c)
            box = (
                min(w.x0 for w in words),
                min(w.top for w in words),
                max(w.x1 for w in words),
                max(w.bottom for w in words),
            )
            rec = CellRec(cell_text(words, set()), page, box, r, c, 1, span)
            rec.source = "ocr" if any(w.source == "ocr" for w in words) else "text"
            for k in range(c, c + span):
                if recs[k] is None:
                    recs[k] = rec
        grid.append(
            [
                rec
                if rec is not None
                else CellRec("", page, (cols[c][0], row.top, cols[c][1], row.bottom), r, c)
                for c, rec in enumerate(recs)
            ]
        )
    bbox = (cols[0][0], min(r.top for r in rows), cols[-1][1], max(r.bottom for r in rows))
    edges = [cols[0][0]] + [(a[1] + b[0]) / 2 for a, b in itertools.pairwise(cols)]
    return PageTable(page, bbox, grid, [*edges, cols[-1][1]])


