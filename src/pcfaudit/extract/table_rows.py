"""Rows of a table read from word geometry: a line without a complete number joins its
neighbour when it continues a cell (a wrapped label, a mantissa "2.67E" over its exponent
"+03", a minus sign over its number); header lines join column by column, a group label
(a phrase over several columns) keeping a row of its own. Used by :mod:`.table_from_words`.
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Sequence
from dataclasses import dataclass, field

from pcfaudit.extract.pdf_layout import join_chars
from pcfaudit.extract.words import Word

_NUMBER_RE = re.compile(
    r"^[<>≤≥~±]?\s*[-−–+]?\s*(?:\d[\d,.\u2009\u202f ]*\d|\d)(?:[Ee][-−+]?\d{1,3})?"
    r"\s*(?:%|‰)?(?:\s*[-–~]\s*[-−]?\d[\d,.]*(?:[Ee][-−+]?\d{1,3})?)?\s*[*a-d†‡¹²³]?$"
)
_MANTISSA_RE = re.compile(r"^[-−+]?\d[\d.,]*[Ee]$")  # "2.67E" wrapped before its exponent
_EXPONENT_RE = re.compile(r"^(?:[Ee]|[×x]\s*10)?[-−+]\d{1,3}$")  # "+03", "E-05"
_SIGN_RE = re.compile(r"^[-−–]$")  # a minus wrapped above its number
_PLAIN_RE = re.compile(r"^[-−+]?\d[\d.,]*$")  # "2.67" wrapped before "E+03"
_JOIN_GAP = 0.6  # a text-only line this close (line heights) to a row continues it
_CELL_GAP = 0.3  # line heights: lines closer than this are one cell's lines (a band)


def is_number(text: str) -> bool:
    return bool(_NUMBER_RE.match(text.strip()))


def join_words(words: Sequence[Word]) -> str:
    text = ""
    for w in words:
        text = join_chars(text, w.text) if text else w.text
    return text


@dataclass
class Row:
    cells: dict[int, list[Word]] = field(default_factory=dict)
    spans: dict[int, int] = field(default_factory=dict)  # start column → colspan
    top: float = 0.0
    bottom: float = 0.0
    height: float = 0.0

    _texts: dict[int, str] = field(default_factory=dict)

    def text(self, c: int) -> str:
        if c not in self._texts:
            self._texts[c] = cell_text(self.cells.get(c, []), set())
        return self._texts[c]


def is_anchor(row: Row) -> bool:
    return any(c > 0 and is_number(row.text(c)) for c in row.cells)


def _kind(row: Row) -> str:
    """'anchor' (a complete number), 'up' (an exponent continuing the line above),
    'down' (a mantissa or sign continuing the line below) or 'text'."""
    if is_anchor(row):
        return "anchor"
    texts = [row.text(c) for c in row.cells if c > 0]
    if any(_EXPONENT_RE.match(t) for t in texts):
        return "up"
    if texts and any(_MANTISSA_RE.match(t) or _SIGN_RE.match(t) for t in texts):
        return "down"
    return "text"


def _merge(into: Row, other: Row, above: bool) -> None:
    """Join ``other`` (the line above or below) into ``into``, cell by cell."""
    for c, words in other.cells.items():
        mine = into.cells.get(c, [])
        first, second = (words, mine) if above else (mine, words)
        joined = list(first) + list(second)
        into.cells[c] = joined
        if c in other.spans:
            into.spans[c] = max(into.spans.get(c, 1), other.spans[c])
    into._texts.clear()
    into.top = min(into.top, other.top)
    into.bottom = max(into.bottom, other.bottom)


def cell_text(words: list[Word], glue: set[int]) -> str:
    """Words of a cell in reading order; a numeric break ("2.67E" + "+03") is glued."""
    text = ""
    for k, w in enumerate(words):
        if not text:
            text = w.text
        elif k in glue or _numeric_glue(text, w.text):
            text += w.text
        else:
            text = join_chars(text, w.text)
    return text


def _numeric_glue(left: str, right: str) -> bool:
    tail = left.rsplit(" ", 1)[-1]
    return bool(
        (_MANTISSA_RE.match(tail) and re.match(r"^[-−+]\d", right))
        or (_SIGN_RE.match(tail) and re.match(r"^\d", right))
        or (_PLAIN_RE.match(tail) and _EXPONENT_RE.match(right) and right[0] in "Ee×x")
    )


def tight(gap: float, height: float) -> bool:
    """Two lines this far apart are set as one cell's lines, not as two rows."""
    return gap < _CELL_GAP * height


def join_bands(rows: list[Row]) -> list[Row]:
    """Rows set apart by padding while each cell's lines touch (a table whose cells wrap,
    aligned to the top, middle or bottom of the row): the lines of a band are one row
    when the table has such gaps at all, the band holds a number and no column of it
    holds two."""
    if len(rows) < 2:
        return rows
    cuts = [not tight(b.top - a.bottom, a.height) for a, b in itertools.pairwise(rows)]
    if not any(cuts) or all(cuts):
        return rows
    out: list[Row] = []
    band = [rows[0]]
    for row, cut in zip(rows[1:], cuts, strict=True):
        if cut:
            out += _one_row(band)
            band = [row]
        else:
            band.append(row)
    return out + _one_row(band)


def _one_row(band: list[Row]) -> list[Row]:
    columns = {c for r in band for c in r.cells if c > 0}
    numbers = [sum(1 for r in band if is_number(r.text(c))) for c in columns]
    if len(band) < 2 or not any(numbers) or max(numbers) > 1:
        return band  # lines of text alone are left to join_body (a title, a header)
    row = Row(top=band[0].top, bottom=band[0].bottom, height=band[0].height)
    for other in band:
        _merge(row, other, above=False)
    return [row]


def join_body(rows: list[Row]) -> list[Row]:
    kinds = [_kind(r) for r in rows]
    out: list[Row] = []
    pending: list[Row] = []  # lines that continue the line below them
    for k, (row, kind) in enumerate(zip(rows, kinds, strict=True)):
        if kind == "down":
            pending.append(row)
            continue
        if kind == "text":
            target = _label_target(row, out[-1] if out else None, _next_anchor(rows, kinds, k))
            if target == "up":
                _merge(out[-1], row, above=False)
                continue
            if target == "down":
                pending.append(row)
                continue
        for p in pending:
            _merge(row, p, above=True)
        pending = []
        if out and (kind == "up" or _completes(out[-1], row)):
            _merge(out[-1], row, above=False)
            continue
        out.append(row)
    out.extend(pending)
    return out


def _next_anchor(rows: list[Row], kinds: list[str], k: int) -> Row | None:
    for j in range(k + 1, min(k + 3, len(rows))):
        if kinds[j] == "anchor":
            return rows[j]
        if kinds[j] != "text":
            return None
    return None


def _label_target(row: Row, above: Row | None, below: Row | None) -> str:
    """Where a line without numbers belongs: 'up' (the second line of the row above's
    label or unit), 'down' (the first line of the next row's label, or a line above
    numbers set in the middle of a two-line label) or '' (a row of its own)."""
    mid = (row.top + row.bottom) / 2
    reach = _JOIN_GAP * row.height
    choices = []
    for name, other in (("up", above), ("down", below)):
        if other is None or not is_anchor(other) or row.cells.keys() - _label_cols(other):
            continue
        gap = row.top - other.bottom if name == "up" else other.top - row.bottom
        if gap < reach:
            choices.append((abs(mid - _numbers_middle(other)), name))
    return min(choices)[1] if choices else ""


def _numbers_middle(row: Row) -> float:
    """The height of a row's numbers: its label lines already joined above or below do
    not move it (a label wrapped over three lines, its numbers beside the middle one)."""
    words = [w for c in row.cells if c > 0 and is_number(row.text(c)) for w in row.cells[c]]
    if not words:
        return (row.top + row.bottom) / 2
    return (min(w.top for w in words) + max(w.bottom for w in words)) / 2


def _completes(above: Row, row: Row) -> bool:
    """``row`` only finishes cells that ``above`` left as a sign or a mantissa."""
    fragments = {
        c for c in above.cells if _SIGN_RE.match(above.text(c)) or _MANTISSA_RE.match(above.text(c))
    }
    numbers = {c for c in row.cells if is_number(row.text(c))}
    return bool(numbers) and numbers <= fragments and row.top - above.bottom < _JOIN_GAP * row.height


def _label_cols(row: Row) -> set[int]:
    """The columns of ``row`` that hold no number (its label and unit cells)."""
    return {c for c in range(max(row.cells, default=-1) + 2) if not is_number(row.text(c))}


def join_header(rows: list[Row]) -> list[Row]:
    """Header lines: a line of group labels (a phrase spanning columns, or a lone label over
    the value columns such as a group number) stays a row of its own; the other lines are
    joined column by column into one header row."""
    if not rows:
        return []
    named = max(len([c for c in r.cells if c > 1]) for r in rows)
    groups = [r for r in rows if r.spans or (named >= 2 and _lone_group_label(r))]
    flat = Row(top=rows[0].top, bottom=rows[-1].bottom, height=rows[0].height)
    out = []
    for r in rows:
        if r in groups:
            only = Row(top=r.top, bottom=r.bottom, height=r.height)
            keep = set(r.spans) or {c for c in r.cells if c > 1}
            only.cells = {c: w for c, w in r.cells.items() if c in keep}
            only.spans = dict(r.spans)
            out.append(only)
            rest = {c: w for c, w in r.cells.items() if c not in keep}
        else:
            rest = r.cells
        for c, words in rest.items():
            flat.cells.setdefault(c, []).extend(words)
    if flat.cells:
        out.append(flat)
    return out


def _lone_group_label(row: Row) -> bool:
    """One label over the value columns (another header line names each column)."""
    return len([c for c in row.cells if c > 1]) == 1 and max(row.cells) > 1
