"""Numeric grids: a table's cells read as numbers, with row labels and column headers, for
relation discovery. Header words are kept for messages only; nothing here depends on them.

A cell is a number when it is one printed number, optionally followed by what converters and
papers attach to it: ``± SE``, significance letters (``623.06±19.01a``), a footnote mark
(``12.5*``, ``3.1ᵃ``). A first-column cell that merges a row label with the first value
("E+Si1 26.45±3.60ab", a header lost in conversion) gives both. Columns of years or small
integers (row numbers) are labels, not quantities.
"""

from __future__ import annotations

from dataclasses import dataclass, field

import regex

from pcfaudit.model import Cell, Location, Number, Table
from pcfaudit.vocab.numbers import parse_number

# What may follow the number in a numeric cell: ± error, significance letters, marks.
_TAIL = regex.compile(
    r"^\s*(?:(?:±|\+/-|\+-)\s*[\d.]+)?\s*(?:[a-zA-Z]{1,3}|[*†‡§ᵃᵇᶜᵈ¹²³]{1,3}|\[\d+\])?\s*$"
)
# A label then a number: "E+Si1 26.45±3.60ab", "(mg/m²) 48.16±4.72a".
_LABEL_NUMBER = regex.compile(
    r"^(?P<label>.*?\S)\s+(?P<num>[-−]?\d[\d,]*(?:\.\d+)?(?:\s*%)?)(?P<tail>.*)$"
)
_YEAR = regex.compile(r"^(?:19|20)\d{2}$")


def cell_number(text: str) -> tuple[Number | None, str]:
    """(number, label prefix) of a cell; (None, "") when it is not a numeric cell."""
    t = text.strip()
    n = parse_number(t)
    if n is not None and t.startswith(n.text[:1]):
        rest = t[t.find(n.text) + len(n.text) :] if n.text in t else None
        if rest is not None and _TAIL.match(rest):
            return n, ""
        return None, ""
    m = _LABEL_NUMBER.match(t)
    if m and _TAIL.match(m.group("tail")) and parse_number(m.group("label").split()[-1]) is None:
        num = parse_number(m.group("num"))
        if num is not None and "." in m.group("num"):
            return num, m.group("label").strip()
    return None, ""


@dataclass
class Grid:
    """A table's numbers: ``values[r][c]`` (None where the cell is not a number)."""

    table_index: int
    caption: str
    labels: list[str]  # per body row
    headers: list[str]  # per column
    values: list[list[Number | None]]
    cells: list[list[Cell | None]]
    transposed: bool = False
    numeric_cols: list[int] = field(default_factory=list)
    joinable: list[bool] = field(default_factory=list)  # rows whose label may join tables

    def location(self, r: int, c: int) -> Location:
        cell = self.cells[r][c]
        if cell is None:
            return Location(table=self.table_index)
        return cell.location.with_quote(cell.text.strip()[:80])

    def name(self, r: int, c: int) -> str:
        row, col = self.labels[r], self.headers[c]
        if self.transposed:
            row, col = col, row
        return f"{row} / {col}".strip(" /")

    def transpose(self) -> Grid:
        rows, cols = len(self.values), len(self.headers)
        return Grid(
            self.table_index,
            self.caption,
            labels=list(self.headers),
            headers=list(self.labels),
            values=[[self.values[r][c] for r in range(rows)] for c in range(cols)],
            cells=[[self.cells[r][c] for r in range(rows)] for c in range(cols)],
            transposed=not self.transposed,
        ).with_numeric_cols()

    def with_numeric_cols(self) -> Grid:
        self.numeric_cols = [
            c
            for c in range(len(self.headers))
            if _is_quantity_column([row[c] for row in self.values])
        ]
        return self


def _is_quantity_column(column: list[Number | None]) -> bool:
    present = [n for n in column if n is not None]
    if len(present) < 3:
        return False
    if all(_YEAR.match(n.text) for n in present):
        return False
    # Row numbers and ranks (1, 2, 3 …) are labels; other whole numbers are quantities.
    ints = sorted({int(n.value) for n in present if n.decimals <= 0 and n.value == int(n.value)})
    is_index = len(ints) == len(present) and ints == list(range(ints[0], ints[0] + len(ints)))
    return not is_index


def grid_of(table: Table, index: int) -> Grid | None:
    """The numeric grid of ``table``: header rows are those before the first row with two
    or more numbers; the row label is the first non-numeric cell of a row (or the label a
    merged first cell carries)."""
    parsed: list[list[tuple[Number | None, str]]] = [
        [cell_number(cell.text) for cell in row] for row in table.rows
    ]
    body = [i for i, row in enumerate(parsed) if sum(n is not None for n, _ in row) >= 2]
    if len(body) < 3:
        return None
    first = body[0]
    width = max(len(row) for row in table.rows)
    # A title spanning most of a header row (a caption inside the table) names no column.
    spanning = set()
    for r in range(first):
        texts = [cell.text.strip() for cell in table.rows[r]]
        spanning |= {t for t in set(texts) if t and 2 * texts.count(t) > width}
    headers = []
    for c in range(width):
        words = []
        for r in range(first):
            row = table.rows[r]
            text = row[c].text.strip() if c < len(row) else ""
            if text and text not in words and text not in spanning:
                words.append(text)
        headers.append(" ".join(words))
    labels, values, cells = [], [], []
    label_cols: list[int] = []
    for r in body:
        row = table.rows[r]
        label, label_col = "", -1
        vals: list[Number | None] = []
        cs: list[Cell | None] = []
        for c in range(width):
            n, prefix = parsed[r][c] if c < len(parsed[r]) else (None, "")
            text = row[c].text.strip() if c < len(row) else ""
            if not label and (prefix or (n is None and text)):
                label, label_col = prefix or text, c
            vals.append(n)
            cs.append(row[c] if c < len(row) else None)
        if not label and vals and vals[0] is not None and _YEAR.match(vals[0].text):
            label = vals[0].text
        labels.append(label)
        label_cols.append(label_col)
        values.append(vals)
        cells.append(cs)
    grid = Grid(index, table.caption or "", labels, headers, values, cells).with_numeric_cols()
    # Rows labelled from another column than most rows (a stage name heading a block of
    # lines labelled in the next column) name a block, not a row: no join on them.
    usual = max(set(label_cols), key=label_cols.count)
    grid.joinable = [
        col == usual and bool(lbl) for col, lbl in zip(label_cols, labels, strict=True)
    ]
    return grid


_LABEL_NOISE = regex.compile(r"[\s\p{P}&&[^+\-]]+")


def norm_row_label(text: str) -> str:
    return _LABEL_NOISE.sub("", text).lower()
