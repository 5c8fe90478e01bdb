"""Percentage changes stated in a row ("分别低于对照10.68%、25.74%、37.74%和10.54%，全生育期低于对照
48.32%"), matched to a table by arithmetic alone.

For a sentence of k ≥ 3 percentages, every ordered pair of rows of every table (and of its
transpose) and both bases ((a − b)/b and (a − b)/a) are tried; the percentages are aligned in
order with the table's columns so that as many as possible reproduce within rounding. The
reading is accepted when all but one reproduce (at least 3) on columns evenly spaced (every
stage, or every second column between share columns); the one left is then compared with the
column the spacing puts it on. Two sentences whose misfits are each other's values are said to
be swapped.
"""

from __future__ import annotations

import itertools
from collections.abc import Iterator
from dataclasses import dataclass
from fractions import Fraction
from typing import Literal

from pcfaudit.model import Number, Statement
from pcfaudit.quantities import Interval, fmt_fixed, truncation_interval
from pcfaudit.recompute.core import Check, make_check
from pcfaudit.recompute.grids import Grid
from pcfaudit.recompute.screen import point_of, screen_holds

MIN_MATCHES = 3


@dataclass
class _Reading:
    grid: Grid
    rows: tuple[int, int]  # (changed row, base row)
    matched: dict[int, int]  # percentage index → column
    misfit: int | None  # percentage index left, or None
    column: int | None  # the column the misfit belongs to


def _change(grid: Grid, r_a: int, r_b: int, col: int) -> tuple[Interval, Fraction] | None:
    a, b = grid.values[r_a][col], grid.values[r_b][col]
    if a is None or b is None or not b.value:
        return None
    ia, ib = Interval.of(a), Interval.of(b)
    q = (ia - ib) / ib
    if q is None:
        return None
    q = q.scale(100)
    point = (Fraction(a.value) - Fraction(b.value)) * 100 / Fraction(b.value)
    return (q if point >= 0 else Interval(-q.hi, -q.lo)), abs(point)


def _fits(printed: tuple[Interval, Interval], d: tuple[Interval, Fraction] | None) -> bool:
    """A percentage (its rounding and truncation intervals) reproduces the change ``d``."""
    if d is None:
        return False
    return printed[0].meets(d[0]) or printed[1].meets(d[0])


class _PairChanges:
    """The change of every numeric column between two rows, for all the sentences tried
    on them: a float screen first (:mod:`.screen`), the exact interval only for a close call."""

    def __init__(self, grid: Grid, r_a: int, r_b: int) -> None:
        self.grid, self.r_a, self.r_b = grid, r_a, r_b
        self.bounds = [_change_bounds(grid, r_a, r_b, c) for c in grid.numeric_cols]
        self.exact: dict[int, tuple[Interval, Fraction] | None] = {}

    def fits(self, value: Number, printed: tuple[Interval, Interval], j: int) -> bool:
        """Whether the percentage ``value`` reproduces the change in numeric column ``j``."""
        bounds = self.bounds[j]
        if bounds is None:
            return False
        verdict = screen_holds(value, bounds)
        if verdict is not None:
            return verdict
        if j not in self.exact:
            self.exact[j] = _change(self.grid, self.r_a, self.r_b, self.grid.numeric_cols[j])
        return _fits(printed, self.exact[j])


def _change_bounds(
    grid: Grid, r_a: int, r_b: int, col: int
) -> tuple[tuple[float, float], float] | Literal[False] | None:
    """:func:`_change`'s interval in floats with the magnitude its error is relative to;
    None where _change gives None, False where floats cannot say."""
    a, b = grid.values[r_a][col], grid.values[r_b][col]
    if a is None or b is None or not b.value:
        return None
    pa, pb = point_of(a), point_of(b)
    if pa is None or pb is None:
        return False
    a_lo, a_hi, b_lo, b_hi = pa[0] - pa[1], pa[0] + pa[1], pb[0] - pb[1], pb[0] + pb[1]
    if b_lo <= 0 <= b_hi or min(abs(b_lo), abs(b_hi)) <= 1e-6 * max(abs(b_lo), abs(b_hi)):
        return False  # the base's interval holds (or nearly touches) zero: exact arithmetic
    d_lo, d_hi = a_lo - b_hi, a_hi - b_lo
    corners = (d_lo / b_lo, d_lo / b_hi, d_hi / b_lo, d_hi / b_hi)
    lo, hi = 100 * min(corners), 100 * max(corners)
    if (a.value < b.value) if b.value > 0 else (a.value > b.value):  # a falling change
        lo, hi = -hi, -lo
    scale = 100 * (abs(a_lo) + abs(a_hi) + abs(b_lo) + abs(b_hi)) / min(abs(b_lo), abs(b_hi))
    return (lo, hi), scale


def _fit_table(
    values: list[Number], printed: list[tuple[Interval, Interval]], changes: _PairChanges
) -> list[list[bool]]:
    """fit[i][j]: percentage i reproduces the change in numeric column j."""
    columns = range(len(changes.bounds))
    return [[changes.fits(v, iv, j) for j in columns] for v, iv in zip(values, printed, strict=True)]


def _align(fit: list[list[bool]], cols: list[int]) -> dict[int, int]:
    """The order-preserving assignment of percentages to columns with most fits (DP)."""
    k, n = len(fit), len(cols)
    best = [[0] * (n + 1) for _ in range(k + 1)]
    for i in range(k - 1, -1, -1):
        for j in range(n - 1, -1, -1):
            best[i][j] = max(best[i + 1][j], best[i][j + 1], best[i + 1][j + 1] + fit[i][j])
    out, i, j = {}, 0, 0
    while i < k and j < n:
        if fit[i][j] and best[i][j] == best[i + 1][j + 1] + 1:
            out[i] = cols[j]
            i, j = i + 1, j + 1
        elif best[i][j] == best[i + 1][j]:
            i += 1
        else:
            j += 1
    return out


def _unordered(fit: list[list[bool]], cols: list[int]) -> dict[int, int]:
    """The largest assignment of percentages to distinct columns, in any order (a sentence
    may name the stages out of the table's order): bipartite matching."""
    fits = {i: [c for c, ok in zip(cols, row, strict=True) if ok] for i, row in enumerate(fit)}
    owner: dict[int, int] = {}

    def augment(i: int, seen: set[int]) -> bool:
        for c in fits[i]:
            if c in seen:
                continue
            seen.add(c)
            if c not in owner or augment(owner[c], seen):
                owner[c] = i
                return True
        return False

    for i in fits:
        augment(i, set())
    return {i: c for c, i in owner.items()}


def _spaced_column(matched: dict[int, int], numeric: list[int]) -> int | None:
    """The one column that completes the evenly spaced columns the matches sit on (the
    next stage, or the whole period after the stages)."""
    cols = sorted(matched.values())
    steps = {b - a for a, b in itertools.pairwise(cols)}
    if len(steps) != 1:
        return None
    step = steps.pop()
    if step < 1:
        return None
    candidates = [c for c in (cols[0] - step, cols[-1] + step) if c in numeric]
    return candidates[0] if len(candidates) == 1 else None


def _readings(
    values: list[Number], grids: list[Grid], memo: dict[tuple[int, int, int], _PairChanges]
) -> Iterator[_Reading]:
    """``memo`` keeps each row pair's column changes (grid index, rows) for the next
    sentence: every sentence is tried against every pair."""
    k = len(values)
    printed = [(Interval.of(v), truncation_interval(v)) for v in values]
    for g_i, grid in enumerate(grids):
        n_rows = len(grid.values)
        for r_a in range(n_rows):
            for r_b in range(n_rows):
                if r_a == r_b:
                    continue
                changes = memo.get((g_i, r_a, r_b))
                if changes is None:
                    changes = memo[g_i, r_a, r_b] = _PairChanges(grid, r_a, r_b)
                fit = _fit_table(values, printed, changes)
                matched = _align(fit, grid.numeric_cols)
                if len(matched) < max(MIN_MATCHES, k - 1):
                    matched = _unordered(fit, grid.numeric_cols)
                if len(matched) < max(MIN_MATCHES, k - 1):
                    continue
                misfit = next((i for i in range(k) if i not in matched), None)
                column = _spaced_column(matched, grid.numeric_cols) if misfit is not None else None
                yield _Reading(grid, (r_a, r_b), matched, misfit, column)


def change_checks(statements: list[Statement], grids: list[Grid]) -> Iterator[Check]:
    found: list[tuple[int, Statement, _Reading, Check]] = []
    memo: dict[tuple[int, int, int], _PairChanges] = {}
    for s_i, st in enumerate(statements):
        if st.kind != "percent-changes" or len(st.values) < MIN_MATCHES:
            continue
        readings = list(_readings(st.values, grids, memo))
        if not readings:
            continue
        if any(r.misfit is None for r in readings):
            continue  # every percentage reproduces under some reading
        targets = {(id(r.grid), r.rows, r.misfit, r.column) for r in readings}
        if len(readings) != 1 or len(targets) != 1:
            continue  # several readings: which cells the sentence means is unclear
        reading = readings[0]
        if reading.misfit is None or reading.column is None:
            continue
        check = _misfit_check(s_i, st, reading)
        if check is not None:
            found.append((s_i, st, reading, check))
    _name_swaps(found)
    for *_, check in found:
        yield check


def _misfit_check(s_i: int, st: Statement, reading: _Reading) -> Check | None:
    assert reading.misfit is not None and reading.column is not None
    grid, (r_a, r_b), col = reading.grid, reading.rows, reading.column
    d = _change(grid, r_a, r_b, col)
    if d is None or col not in grid.numeric_cols:
        return None
    reported = st.values[reading.misfit]
    if abs(Fraction(reported.value) - d[1]) < d[1] / 100:
        return None  # within 1 %: computed from unrounded values
    r_val, b_val = grid.values[r_a][col], grid.values[r_b][col]
    assert r_val is not None and b_val is not None  # _change read both
    others = ", ".join(st.values[i].text for i in sorted(reading.matched))
    return make_check(
        id=f"changes:statements[{s_i}]",
        relation="percent-change",
        label=f"{grid.labels[r_a]} vs {grid.labels[r_b]}, {grid.headers[col]}".strip(),
        reported=reported,
        expected=d[0],
        point=d[1],
        unit="%",
        locations=[st.location, grid.location(r_a, col), grid.location(r_b, col)],
        inputs=[f"statements[{s_i}]", f"table[{grid.table_index}]"],
        note=(
            f"the sentence's other figures ({others}) reproduce as the change from "
            f"{grid.labels[r_b]} to {grid.labels[r_a]} in table {grid.table_index + 1}; "
            f"for {grid.headers[col]} the table gives "
            f"{r_val.text} vs {b_val.text} = "
            f"{fmt_fixed(d[1], 2)}%"
        ),
    )


def _name_swaps(found: list[tuple[int, Statement, _Reading, Check]]) -> None:
    """Two misfits that are each other's expected values: the figures were swapped."""
    for i, (_, _, _, a) in enumerate(found):
        for _, _, _, b in found[i + 1 :]:
            if _same(a.reported, b.expected) and _same(b.reported, a.expected):
                for x, y in ((a, b), (b, a)):
                    x.note = (x.note or "") + (
                        f"; the value is swapped with the one stated for {y.label} "
                        f"({y.reported}, which should be {y.expected})"
                    )


def _same(printed: str | None, expected: str | None) -> bool:
    return bool(printed and expected) and (printed or "").rstrip("%％ ") == (expected or "").strip()
