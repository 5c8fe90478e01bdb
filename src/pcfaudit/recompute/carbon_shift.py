"""A column of fuel carbon contents shifted by one row against its labels: "原油 18.9, 汽油 19.6,
煤油 20.2, 柴油 21.1" where the defaults are crude 20.0, gasoline 18.9, kerosene 19.6, diesel
20.2 — each fuel carries its neighbour's value, as when a column is pasted one row off.

A column is read as carbon contents (t C/TJ, or t C/GJ × 1000) when it has at least four rows
whose label names a fuel (``reference/carbon_content.csv``) and at least two of them print one
of their own reference values: the column is then known to hold carbon contents. A row is
shifted when its value is none of its own fuel's values but is one of the values of the fuel on
the next (or, for the other direction, the previous) fuel row. Three or more consecutive rows
shifted the same way are reported; a single odd value is not (a country-specific factor).
"""

from __future__ import annotations

from collections.abc import Iterator
from decimal import Decimal

from pcfaudit.model import Number
from pcfaudit.recompute.core import Check
from pcfaudit.recompute.grids import Grid
from pcfaudit.reference.carbon_content import CarbonContent, fuel_of_label

MIN_FUEL_ROWS = 4
MIN_OWN = 2
MIN_RUN = 3
_LOW, _HIGH = Decimal(10), Decimal(35)  # t C/TJ: every fuel default lies inside


def _scaled(n: Number) -> Decimal:
    """t C/GJ (0.0202) read as t C/TJ (20.2)."""
    return n.value * 1000 if n.value < 1 else n.value


def _accepts(fuel: CarbonContent, n: Number) -> bool:
    value = _scaled(n)
    if n.value < 1:  # 0.0202 t C/GJ: compare at the printed precision, scaled
        return any(abs(v - value) <= Decimal(10) ** (3 - n.decimals) / 2 for v in fuel.values)
    return fuel.accepts(value)


def _column(grid: Grid, col: int) -> list[tuple[int, CarbonContent, Number]]:
    rows = []
    for r, label in enumerate(grid.labels):
        n = grid.values[r][col]
        fuel = fuel_of_label(label) if n is not None else None
        if fuel is not None and n is not None:
            rows.append((r, fuel, n))
    return rows


def _runs(flags: list[bool]) -> list[tuple[int, int]]:
    """[start, end) of every run of True at least MIN_RUN long."""
    out, start = [], None
    for i, f in enumerate([*flags, False]):
        if f and start is None:
            start = i
        elif not f and start is not None:
            if i - start >= MIN_RUN:
                out.append((start, i))
            start = None
    return out


def carbon_shift_checks(grids: list[Grid]) -> Iterator[Check]:
    for base in grids:
        for grid in (base, base.transpose()):
            for col in range(len(grid.headers)):
                yield from _shifted(grid, col)


def _shifted(grid: Grid, col: int) -> Iterator[Check]:
    rows = _column(grid, col)
    if len(rows) < MIN_FUEL_ROWS or len({f.fuel for _, f, _ in rows}) < len(rows):
        return
    if not all(_LOW <= _scaled(n) <= _HIGH for _, _, n in rows):
        return
    own = [_accepts(f, n) for _, f, n in rows]
    if sum(own) < MIN_OWN:
        return
    for step, direction in ((1, "next"), (-1, "previous")):
        flags = []
        for i, (_, _, n) in enumerate(rows):
            j = i + step
            flags.append(not own[i] and 0 <= j < len(rows) and _accepts(rows[j][1], n))
        for start, end in _runs(flags):
            yield _check(grid, col, rows, (start, end), step, direction, sum(own))


def _check(
    grid: Grid,
    col: int,
    rows: list[tuple[int, CarbonContent, Number]],
    span: tuple[int, int],
    step: int,
    direction: str,
    n_own: int,
) -> Check:
    start, end = span
    run = rows[start:end]
    name = [grid.labels[r].strip() for r, _, _ in rows]
    printed = ", ".join(
        f"{name[i]} {n.text}" for i, (_, _, n) in enumerate(rows) if start <= i < end
    )
    expected = ", ".join(
        f"{name[i]} {_fmt(f.values[0])}" for i, (_, f, _) in enumerate(rows) if start <= i < end
    )
    carried = "; ".join(
        f"{name[i]} {n.text} = the {name[i + step]} ({rows[i + step][1].fuel}) value"
        for i, (_, _, n) in enumerate(rows)
        if start <= i < end
    )
    sources = "; ".join(dict.fromkeys(f.source for _, f, _ in run))
    return Check(
        id=f"carbon-shift:table[{grid.table_index}]:{col}:{run[0][0]}",
        relation="carbon-content-shift",
        status="fail",
        label=f"{grid.headers[col]}".strip() or f"table {grid.table_index + 1}",
        reported=printed,
        expected=expected,
        unit="t C/TJ",
        locations=[grid.location(r, col) for r, _, _ in run],
        inputs=[f"table[{grid.table_index}]"],
        note=(
            f"{len(run)} consecutive fuels carry the carbon content of the {direction} fuel row "
            f"({carried}), shifted by one row; their own defaults are {expected} t C/TJ "
            f"({sources}), while {n_own} other rows of the column print their own"
        ),
    )


def _fmt(value: Decimal) -> str:
    return format(value, "f")
