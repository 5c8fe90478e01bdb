"""A share the text states for a label that is a *column* of a table whose last column is the
sum of the others ("fertiliser, machinery and film account for 28 %, 26 % and 19 %" over a
table with one column per source and a total column): the share is the column's sum over the
total column's sum (all rows), or one row's share. When the printed share matches another
column's share instead, that is said as the likely cause (two labels swapped).
"""

from __future__ import annotations

from fractions import Fraction

from pcfaudit.model import Location, Number
from pcfaudit.quantities import Interval, fmt_fixed, interval_sum
from pcfaudit.recompute.context import norm_label
from pcfaudit.recompute.core import Candidate, Check, make_check
from pcfaudit.recompute.grids import Grid


def _column_sum(grid: Grid, col: int) -> tuple[Interval, Fraction] | None:
    cells = [row[col] for row in grid.values]
    if any(n is None for n in cells):
        return None
    nums = [n for n in cells if n is not None]
    return interval_sum(Interval.of(n) for n in nums), sum(
        (Fraction(n.value) for n in nums), Fraction(0)
    )


def _share(
    part: tuple[Interval, Fraction], whole: tuple[Interval, Fraction]
) -> tuple[Interval, Fraction] | None:
    q = part[0] / whole[0]
    if q is None or not whole[1]:
        return None
    return q.scale(100), part[1] * 100 / whole[1]


def _names(header: str) -> list[str]:
    return [n for n in (norm_label(w) for w in header.split()) if len(n) >= 2]


def _match(grid: Grid, key: str) -> int | None:
    """The one column whose header names ``key`` (a header word equal to it, or the label
    starting with a header word: '农膜产生' → 农膜)."""
    if not key:
        return None
    hits = [
        c
        for c in grid.numeric_cols
        if any(n == key or key.startswith(n) for n in _names(grid.headers[c]))
    ]
    return hits[0] if len(hits) == 1 else None


def column_share_check(
    grids: list[Grid],
    sum_columns: dict[int, tuple[int, list[int]]],
    label: str,
    number: Number,
    loc: Location,
    ref: str,
) -> Check | None:
    """``sum_columns``: table index → (total column, summed columns) accepted by discovery."""
    key = norm_label(label)
    for grid in grids:
        if grid.transposed or grid.table_index not in sum_columns:
            continue
        total_col, parts = sum_columns[grid.table_index]
        col = _match(grid, key)
        if col is None or col not in parts:
            continue
        whole = _column_sum(grid, total_col)
        part = _column_sum(grid, col)
        if whole is None or part is None:
            continue
        overall = _share(part, whole)
        if overall is None:
            continue
        printed = Interval.of(number)
        # One row's share (a year, a site) is an honest reading too.
        for row in grid.values:
            p, w = row[col], row[total_col]
            if p is not None and w is not None and w.value:
                one = _share(
                    (Interval.of(p), Fraction(p.value)), (Interval.of(w), Fraction(w.value))
                )
                if one is not None and printed.meets(one[0]):
                    overall = one
                    break
        alternatives = []
        for other in parts:
            if other == col:
                continue
            o = _column_sum(grid, other)
            s = _share(o, whole) if o is not None else None
            if s is not None:
                alternatives.append(
                    Candidate(
                        "swapped-label",
                        s[0],
                        s[1],
                        f"the printed share is that of {grid.headers[other]} "
                        f"({fmt_fixed(s[1], 1)}%), not of {grid.headers[col]} "
                        f"({fmt_fixed(overall[1], 1)}%): labels swapped",
                    )
                )
        return make_check(
            id=f"prose-share:{ref}",
            relation="prose-share",
            label=label,
            reported=number,
            expected=overall[0],
            point=overall[1],
            unit="%",
            locations=[loc, grid.location(0, col)],
            inputs=[ref, f"table[{grid.table_index}] column {col} / column {total_col}"],
            alternatives=alternatives,
            units=("%",),
            note=f"{grid.headers[col]} over {grid.headers[total_col]}, summed over "
            f"{len(grid.values)} rows of table {grid.table_index + 1}",
        )
    return None
