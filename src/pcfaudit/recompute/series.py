"""A yearly series with one value ten times (or a tenth of) both its neighbours while the
neighbours agree: "天然气 2003 0.59, 2004 8.78, 2005 0.81". Moved one decimal place (0.878)
the value would sit in line with the years around it, the signature of a decimal point typed
one place off; every total and growth rate computed from it carries the slip.

A series is a table (or its transpose) whose row labels are consecutive years, at least
``MIN_YEARS`` of them. A value is suspect when it is more than ``SPIKE`` times both
neighbours (or less than 1/``SPIKE``), the neighbours are within a factor of
``NEIGHBOURS_AGREE`` of each other, and the value moved one place lies within a factor of
``FITS`` of them. A column with more than one such value is a volatile series, not a slip.
"""

from __future__ import annotations

from collections.abc import Iterator
from decimal import Decimal
from itertools import pairwise

import regex

from pcfaudit.model import Number
from pcfaudit.recompute.core import Check
from pcfaudit.recompute.grids import Grid

MIN_YEARS = 5
SPIKE = Decimal(5)
NEIGHBOURS_AGREE = Decimal(2)
FITS = Decimal("1.5")
_YEAR = regex.compile(r"^\s*((?:19|20)\d{2})\s*年?\s*$")


def _years(grid: Grid) -> list[int | None]:
    """Each row's year, or None for a row not labelled by a year: from the row labels, else
    from a column of years (a header row of years read as a row of numbers, transposed)."""
    by_label = [_year(label) for label in grid.labels]
    if _is_series(by_label):
        return by_label
    for c in range(len(grid.headers)):
        column = [_year(n.text) if (n := row[c]) is not None else None for row in grid.values]
        if _is_series(column):
            return column
    return by_label


def _year(text: str) -> int | None:
    m = _YEAR.match(text)
    return int(m.group(1)) if m else None


def _is_series(years: list[int | None]) -> bool:
    known = [y for y in years if y is not None]
    return len(known) >= MIN_YEARS and all(b == a + 1 for a, b in pairwise(known))


def _slip(value: Number, before: Number, after: Number) -> int | None:
    """+1 when ``value`` reads as ten times its neighbours, -1 as a tenth; else None."""
    v, a, b = value.value, before.value, after.value
    if v <= 0 or a <= 0 or b <= 0:
        return None
    low, high = min(a, b), max(a, b)
    if high > NEIGHBOURS_AGREE * low:
        return None
    for step, spiked in ((1, v > SPIKE * high), (-1, v * SPIKE < low)):
        moved = v / Decimal(10) ** step
        if spiked and low / FITS <= moved <= high * FITS:
            return step
    return None


def series_slip_checks(grids: list[Grid]) -> Iterator[Check]:
    for base in grids:
        for grid in (base, base.transpose()):
            years = _years(grid)
            if not _is_series(years):
                continue
            for col in grid.numeric_cols:
                found = list(_column_slips(grid, col, years))
                if len(found) == 1:
                    yield _check(grid, col, years, *found[0])


def _column_slips(grid: Grid, col: int, years: list[int | None]) -> Iterator[tuple[int, int]]:
    for r in range(1, len(grid.values) - 1):
        year, before, after = years[r], years[r - 1], years[r + 1]
        if year is None or before != year - 1 or after != year + 1:
            continue
        value, prev, nxt = (grid.values[i][col] for i in (r, r - 1, r + 1))
        if value is None or prev is None or nxt is None:
            continue
        step = _slip(value, prev, nxt)
        if step is not None:
            yield r, step


def _check(grid: Grid, col: int, years: list[int | None], row: int, step: int) -> Check:
    value = grid.values[row][col]
    prev, nxt = grid.values[row - 1][col], grid.values[row + 1][col]
    assert value is not None and prev is not None and nxt is not None
    moved = format((value.value / Decimal(10) ** step).normalize(), "f")
    what = "ten times" if step == 1 else "a tenth of"
    header = grid.headers[col].strip() or f"column {col + 1}"
    return Check(
        id=f"series-slip:table[{grid.table_index}]:{row}:{col}",
        relation="series-slip",
        status="fail",
        label=f"{header}, {years[row]}",
        reported=value.text,
        expected=moved,
        locations=[
            grid.location(row, col),
            grid.location(row - 1, col),
            grid.location(row + 1, col),
        ],
        inputs=[f"table[{grid.table_index}]"],
        note=(
            f"{value.text} is about {what} both neighbours ({years[row - 1]} {prev.text}, "
            f"{years[row + 1]} {nxt.text}), which agree with each other; moved one decimal "
            f"place, {moved} would fit the series"
        ),
    )
