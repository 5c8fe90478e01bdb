"""A table labelled in per cent whose rows of shares add up to 1, not 100: "贡献率／%" over
rows such as 0.24, 0.25, 0.27, 0.24. The values are fractions; read as the label says, each
is a hundred times too small ("0.45 %" for 45 %).

A table is labelled in per cent when its caption, or the header of every numeric column,
carries a per-cent sign. A row counts when it has at least three numeric cells, all between
0 and 1; it sums to one when the interval sum of its cells holds 1 (or that of all but the
last cell holds the last, a total of about 1). At least ``MIN_ROWS`` rows and two thirds of
those that count must sum to one; a row with a cell above 1 means the table holds no
fractions at all.
"""

from __future__ import annotations

from collections.abc import Iterator

from pcfaudit.model import Number
from pcfaudit.quantities import Interval, interval_sum
from pcfaudit.recompute.core import Check
from pcfaudit.recompute.grids import Grid

MIN_ROWS = 3
MIN_CELLS = 3
_PERCENT = ("%", "％", "百分比")
_ONE = Interval.exact(1)


def _in_percent(grid: Grid) -> bool:
    if any(p in grid.caption for p in _PERCENT):
        return True
    headers = [grid.headers[c] for c in grid.numeric_cols]
    return bool(headers) and all(any(p in h for p in _PERCENT) for h in headers)


def _sum_to_one(cells: list[Number]) -> str | None:
    """The row written as a sum that makes 1 ('0.24 + 0.25 + 0.51 ≈ 1', or with a total
    cell, '0.52 + 0.48 = 1.00'); None when it does not add up to 1."""
    if interval_sum(Interval.of(n) for n in cells).meets(_ONE):
        return " + ".join(n.text for n in cells) + " ≈ 1"
    *parts, last = cells
    total = Interval.of(last)
    if total.meets(_ONE) and interval_sum(Interval.of(n) for n in parts).meets(total):
        return " + ".join(n.text for n in parts) + f" = {last.text}"
    return None


def percent_fraction_checks(grids: list[Grid]) -> Iterator[Check]:
    for base in grids:
        for grid in (base, base.transpose()):
            if not _in_percent(grid):
                continue
            check = _judge(grid)
            if check is not None:
                yield check
                break  # one finding per table, in whichever orientation reads it


def _judge(grid: Grid) -> Check | None:
    rows: list[tuple[int, list[Number]]] = []
    for r, values in enumerate(grid.values):
        cells = [n for c in grid.numeric_cols if (n := values[c]) is not None]
        if any(n.value > 1 or n.value < 0 for n in cells):
            return None  # a share above 1: these are not fractions
        if len(cells) >= MIN_CELLS and any(n.value for n in cells):
            rows.append((r, cells))
    ones = [(r, cells, sum_) for r, cells in rows if (sum_ := _sum_to_one(cells))]
    if len(ones) < MIN_ROWS or 3 * len(ones) < 2 * len(rows):
        return None
    r, cells, terms = ones[0]
    caption = grid.caption.strip()[:60] or f"table {grid.table_index + 1}"
    return Check(
        id=f"percent-fraction:table[{grid.table_index}]",
        relation="percent-as-fraction",
        status="fail",
        label=caption,
        reported=f"{grid.labels[r].strip()}: {terms} (labelled %)",
        expected="shares adding up to 100 %",
        unit="%",
        locations=[grid.location(r, c) for c in grid.numeric_cols if grid.values[r][c]][:4],
        inputs=[f"table[{grid.table_index}]"],
        note=(
            f"{len(ones)} of {len(rows)} rows add up to 1, not 100: the values are fractions "
            f"printed under a per-cent label; read as labelled, {cells[0].text} % is a hundred "
            f"times smaller than the {format((cells[0].value * 100).normalize(), 'f')} % meant"
        ),
    )
