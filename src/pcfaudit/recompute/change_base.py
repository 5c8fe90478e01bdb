"""Percentage changes taken on the wrong base: "UV-B 增强使地上部和地下部干重分别减少了 1.47% 和
34.49%" where the table gives 6.69 against 8.99, a 25.6 % reduction; 34.49 % is (8.99 − 6.69) /
6.69, the reduction divided by the reduced value.

A decrease is relative to the larger value, (big − small) / big, and can never reach 100 %; an
increase is relative to the smaller one, (big − small) / small. A sentence that states only one
direction (interpret puts "decrease" or "increase" in the statement's subject) and whose every
figure reproduces, on one pair of table rows and columns in the sentence's order, only on the
other base, was computed on the wrong base. The figures are matched loosely (2 % of the value +
0.06 points: papers compute from unrounded means), so the reading must also be unique, no
reading may explain the sentence on the right base, and at least two figures must tell the
two bases apart.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from fractions import Fraction

from pcfaudit.model import Number, Statement
from pcfaudit.quantities import fmt_fixed, fmt_sig
from pcfaudit.recompute.core import Check
from pcfaudit.recompute.grids import Grid

_REL_TOL = Fraction(2, 100)
_ABS_TOL = Fraction(6, 100)
MIN_TELLING = 2  # figures that fit the wrong base and not the right one
MAX_ROWS = 60


@dataclass(frozen=True)
class _Fit:
    grid: Grid
    rows: tuple[int, int]  # (from row, to row)
    cols: tuple[int, ...]  # one per figure, in order
    wrong: tuple[Fraction, ...]  # the change on the base the figures used
    right: tuple[Fraction, ...]  # the change on the base the direction calls for


def _loose(p: Fraction, v: Fraction) -> bool:
    return abs(p - v) <= _REL_TOL * v + _ABS_TOL


def _changes(
    grid: Grid, r_from: int, r_to: int, col: int, up: bool
) -> tuple[Fraction, Fraction] | None:
    """(on the right base, on the wrong base) in %, when the two cells move in direction ``up``."""
    a, b = grid.values[r_from][col], grid.values[r_to][col]
    if a is None or b is None or a.value <= 0 or b.value <= 0:
        return None
    if (b.value > a.value) != up or a.value == b.value:  # exact on the Decimals already
        return None
    fa, fb = Fraction(a.value), Fraction(b.value)
    big, small = max(fa, fb), min(fa, fb)
    on_small, on_big = (big - small) * 100 / small, (big - small) * 100 / big
    return (on_small, on_big) if up else (on_big, on_small)


def _aligned(
    values: list[Fraction], grid: Grid, rows: tuple[int, int], up: bool, wrong: bool
) -> tuple[int, ...] | None:
    """Columns, in order, on which every figure fits the chosen base; None if there are none."""
    cols = grid.numeric_cols
    # Greedy leftmost assignment is optimal for "every figure, in order"; a column's change
    # is computed only when the scan reaches it.
    out, j = [], 0
    for p in values:
        while j < len(cols):
            ch = _changes(grid, *rows, cols[j], up)
            j += 1
            if ch is not None and _loose(p, ch[1] if wrong else ch[0]):
                out.append(cols[j - 1])
                break
        else:
            return None
    return tuple(out)


def _fits(values: list[Fraction], grids: list[Grid], up: bool, wrong: bool) -> list[_Fit]:
    found = []
    for base in grids:
        for grid in (base, base.transpose()):
            n = len(grid.values)
            if n > MAX_ROWS:
                continue  # row pairs grow as n²: a long table is not where such sentences point
            for r_from in range(n):
                for r_to in range(n):
                    if r_from == r_to:
                        continue
                    cols = _aligned(values, grid, (r_from, r_to), up, wrong)
                    if cols is None:
                        continue
                    pairs = [_changes(grid, r_from, r_to, c, up) for c in cols]
                    right = tuple(p[0] for p in pairs if p is not None)
                    bad = tuple(p[1] for p in pairs if p is not None)
                    found.append(_Fit(grid, (r_from, r_to), cols, bad, right))
    return found


def change_base_checks(statements: list[Statement], grids: list[Grid]) -> Iterator[Check]:
    """One failing check per reading; a sentence repeated (an abstract, a translation) adds
    its location to the first."""
    seen: dict[tuple[object, ...], Check] = {}
    for s_i, st in enumerate(statements):
        if st.kind != "percent-changes" or st.subject not in {"increase", "decrease"}:
            continue
        values = [abs(Fraction(v.value)) for v in st.values]
        if not values or any(v == 0 for v in values):
            continue
        up = st.subject == "increase"
        if _fits(values, grids, up, wrong=False):
            continue  # some reading gives every figure on the right base
        readings = _fits(values, grids, up, wrong=True)
        if len({(r.grid.table_index, r.rows, r.cols, r.grid.transposed) for r in readings}) != 1:
            continue  # none, or several: which cells the sentence means is unclear
        reading = readings[0]
        telling = [
            i
            for i, (p, r) in enumerate(zip(values, reading.right, strict=True))
            if not _loose(p, r)
        ]
        if len(telling) < MIN_TELLING:
            continue
        key = (reading.grid.table_index, reading.grid.transposed, reading.rows, reading.cols)
        if key in seen:
            seen[key].locations.append(st.location)
            continue
        seen[key] = _check(s_i, st, reading, telling, up)
    yield from seen.values()


def _check(s_i: int, st: Statement, fit: _Fit, telling: list[int], up: bool) -> Check:
    grid, (r_from, r_to) = fit.grid, fit.rows
    worst = max(telling, key=lambda i: abs(fit.right[i] - fit.wrong[i]))
    reported: Number = st.values[worst]
    decimals = max(reported.decimals, 2)
    used = "the larger (original) value" if up else "the smaller (reduced) value"
    should = "the smaller (original) value" if up else "the larger (original) value"
    pairs = ", ".join(
        f"{grid.headers[c]}: {grid.values[r_from][c].text} → {grid.values[r_to][c].text}"  # type: ignore[union-attr]
        for c in fit.cols
    )
    printed = ", ".join(v.text for v in st.values)
    right = ", ".join(f"{fmt_fixed(r, decimals)}%" for r in fit.right)
    wrong = ", ".join(f"{fmt_fixed(w, decimals)}%" for w in fit.wrong)
    kind = "increase" if up else "decrease"
    return Check(
        id=f"change-base:statements[{s_i}]",
        relation="percent-change-base",
        status="fail",
        label=f"{grid.labels[r_from]} → {grid.labels[r_to]}".strip(),
        reported=reported.text,
        expected=fmt_fixed(fit.right[worst], decimals),
        expected_low=fmt_sig(fit.right[worst]),
        expected_high=fmt_sig(fit.right[worst]),
        unit="%",
        deviation=fmt_sig((Fraction(reported.value) - fit.right[worst]) / fit.right[worst], 4),
        locations=[st.location, *(grid.location(r_to, c) for c in fit.cols[:1])],
        inputs=[f"statements[{s_i}]", f"table[{grid.table_index}]"],
        note=(
            f"the {kind}s stated ({printed}) reproduce only on the wrong base, divided by "
            f"{used} ({wrong}) in table {grid.table_index + 1} ({pairs}); divided by {should}, "
            f"as a {kind} is, they are {right}"
        ),
    )
