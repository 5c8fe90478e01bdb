"""Relation discovery: which columns of a table (and of its transpose, and of two tables that
share row labels) are products, sums or shares of others — found from the numbers, never
from header words — and which cells break a relation the rest obey.

A relation is accepted on evidence: at least ``MIN_ROWS`` rows and two thirds of the rows
where it can be evaluated hold within printed rounding (exact interval arithmetic). Under
the most charitable reading a column is explained by the relation that holds on most rows;
a cell is a defect only when that relation fails on it and no other accepted relation for
the column holds there. Each defect is one ``table-relation`` Check with the expected value,
its interval and a likely cause (power of ten, digit slip, an input mistyped).

Constants a product may carry: powers of ten (unit steps, 万), the molar ratios 44/12,
12/44, 44/28, 28/44, 16/12, 12/16, and the CH4 / N2O GWPs of every IPCC report, each times a
power of ten (mg·m⁻² × GWP → kg·hm⁻² is × GWP / 100). Outside the catalog, a simple p/q
(``rational.py``), whose breaking cells are weak evidence.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections.abc import Iterator
from dataclasses import dataclass
from fractions import Fraction

from pcfaudit.model import Number, Table
from pcfaudit.quantities import (
    Interval,
    interval_sum,
    truncation_interval,
)
from pcfaudit.recompute.constants import (
    constant_catalog,
    sorted_catalog,
)
from pcfaudit.recompute.grids import Grid, grid_of, norm_row_label
from pcfaudit.recompute.rational import rational_constant
from pcfaudit.recompute.screen import expected_bounds, screen_holds

MIN_ROWS = 3
_MAX_PAIR_COLUMNS = 10
_MAX_COLUMNS = 40


@dataclass
class _Relation:
    kind: str  # product | constant | sum | share
    target: tuple[Grid, int]
    inputs: list[tuple[Grid, int]]
    constant: tuple[str, Fraction] | None
    rows: list[tuple[int, int]]  # (row in target grid, row in input grid)
    holds: list[bool | None]  # None: the row cannot be evaluated (a blank or a zero)
    evaluated: int
    rational: bool = False  # constant outside the catalog, named by nsimplify: weak evidence

    @property
    def support(self) -> int:
        return sum(1 for h in self.holds if h)


def _iv(n: Number) -> Interval:
    return Interval.of(n)


def _expected(rel: _Relation, r_t: int, r_i: int) -> tuple[Interval, Fraction] | None:
    vals = [g.values[r_i if g is not rel.target[0] else r_t][c] for g, c in rel.inputs]
    if any(v is None for v in vals):
        return None
    nums = [v for v in vals if v is not None]
    if rel.kind == "constant":
        assert rel.constant is not None
        k = rel.constant[1]
        return _iv(nums[0]).scale(k), Fraction(nums[0].value) * k
    if rel.kind == "product":
        iv, point = _iv(nums[0]), Fraction(nums[0].value)
        for n in nums[1:]:
            iv, point = iv * _iv(n), point * Fraction(n.value)
        return iv, point
    if rel.kind == "sum":
        return interval_sum(_iv(n) for n in nums), sum(
            (Fraction(n.value) for n in nums), Fraction(0)
        )
    if rel.kind == "share":
        part, whole = nums
        q = _iv(part) / _iv(whole)
        if q is None or not whole.value:
            return None
        return q.scale(100), Fraction(part.value) * 100 / Fraction(whole.value)
    return None


def _evaluate(rel: _Relation) -> _Relation:
    """Judge every row. A row with a zero or blank among its cells is not evidence either
    way (0 = 0 × k holds for every k)."""
    grid, col = rel.target
    holds: list[bool | None] = []
    evaluated = fails = 0
    # More than a third of all rows failing can never be accepted: stop judging early.
    give_up = len(rel.rows) // 3 + 1
    for r_t, r_i in rel.rows:
        if fails > give_up:
            holds += [None] * (len(rel.rows) - len(holds))
            break
        reported = grid.values[r_t][col]
        if reported is None or not reported.value:
            holds.append(None)
            continue
        cells = [g.values[r_i if g is not grid else r_t][c] for g, c in rel.inputs]
        if not all(n is not None and n.value for n in cells):
            holds.append(None)
            continue
        ok = _row_holds(rel, reported, cells, r_t, r_i)  # type: ignore[arg-type]
        if ok is None:
            holds.append(None)
            continue
        evaluated += 1
        fails += not ok
        holds.append(ok)
    rel.holds, rel.evaluated = holds, evaluated
    if fails > give_up:
        rel.evaluated = len(rel.rows) * 3  # rejected: never two thirds
    return rel


def _row_holds(
    rel: _Relation, reported: Number, cells: list[Number], r_t: int, r_i: int
) -> bool | None:
    """Whether the row obeys the relation (None: it cannot be evaluated); floats decide
    the clear cases (:mod:`.screen`), exact intervals the close ones."""
    constant = rel.constant[1] if rel.constant else None
    bounds = expected_bounds(rel.kind, constant, cells)
    if bounds is None:
        return None
    verdict = screen_holds(reported, bounds)
    if verdict is not None:
        return verdict
    exp = _expected(rel, r_t, r_i)
    if exp is None:
        return None
    # A value cut off instead of rounded still obeys the relation (at worst an info).
    return _iv(reported).meets(exp[0]) or truncation_interval(reported).meets(exp[0])


def _accepted(rel: _Relation) -> bool:
    return rel.support >= MIN_ROWS and 3 * rel.support >= 2 * rel.evaluated and rel.evaluated > 0


def _significant(n: Number | None) -> bool:
    return n is not None and n.value != 0 and len(n.text.strip("-−0.% ")) >= 2


def _same_rows(grid: Grid) -> list[tuple[int, int]]:
    return [(r, r) for r in range(len(grid.values))]


def _candidate_constants(
    target: Grid, t: int, source: Grid, a: int, rows: list[tuple[int, int]], extra: bool
) -> list[tuple[str, Fraction]]:
    """The catalog constants that the ratio target / source meets on at least MIN_ROWS rows
    (a screen in floats; the relation is then judged exactly)."""
    keys, items = sorted_catalog()
    if extra:
        keys, items = [1.0, *keys], (("1", Fraction(1)), *items)
        order = sorted(range(len(keys)), key=keys.__getitem__)
        keys, items = [keys[i] for i in order], tuple(items[i] for i in order)
    counts: dict[int, int] = {}
    for r_t, r_i in rows:
        tv, av = target.values[r_t][t], source.values[r_i][a]
        if tv is None or av is None or av.value == 0 or tv.value == 0:
            continue
        # Floats for the screen only (each cell's half unit in the last place).
        t_half, a_half = 0.5 * 10.0**-tv.decimals, 0.5 * 10.0**-av.decimals
        tf, af = float(tv.value), float(av.value)
        if abs(af) <= a_half:
            continue
        bounds = [(tf + dt) / (af + da) for dt in (-t_half, t_half) for da in (-a_half, a_half)]
        lo, hi = min(bounds), max(bounds)
        for i in range(bisect_left(keys, lo * (1 - 1e-9)), bisect_right(keys, hi * (1 + 1e-9))):
            counts[i] = counts.get(i, 0) + 1
    return [items[i] for i, n in counts.items() if n >= MIN_ROWS]


def _within(grid: Grid) -> Iterator[_Relation]:
    cols = grid.numeric_cols
    if len(cols) > _MAX_COLUMNS:
        return  # a long series laid out as columns (years): no column arithmetic to find
    rows = _same_rows(grid)
    for t in cols:
        others = [c for c in cols if c != t]
        for a in [c for c in others if c < t]:  # a table derives rightwards (and downwards)
            for name, k in _candidate_constants(grid, t, grid, a, rows, extra=False):
                yield _Relation("constant", (grid, t), [(grid, a)], (name, k), rows, [], 0)
            for name, k in rational_constant(grid, t, grid, a, rows):
                yield _Relation("constant", (grid, t), [(grid, a)], (name, k), rows, [], 0, True)
        # Products and shares of two columns: only in grids narrow enough that a chance
        # match among all pairs stays unlikely (and the search cheap).
        pairs = others if len(cols) <= _MAX_PAIR_COLUMNS else []
        for i, a in enumerate(pairs):
            for b in pairs[i + 1 :]:
                if a < t and b < t:
                    yield _Relation("product", (grid, t), [(grid, a), (grid, b)], None, rows, [], 0)
                if a < t and b < t:
                    for g in pairs:
                        if b < g < t:  # quantity × factor × GWP
                            yield _Relation(
                                "product",
                                (grid, t),
                                [(grid, a), (grid, b), (grid, g)],
                                None,
                                rows,
                                [],
                                0,
                            )
                if t < b and a != b:
                    yield _Relation("share", (grid, t), [(grid, a), (grid, b)], None, rows, [], 0)
        left = [c for c in others if c < t]
        blocks = [left, left[::-2][::-1], [c for c in left if c % 2 == (t - 1) % 2]]
        blocks += [left[i:] for i in range(len(left) - 1)]
        seen: set[tuple[int, ...]] = set()
        for block in blocks:
            key = tuple(block)
            if len(block) >= 2 and key not in seen:
                seen.add(key)
                yield _Relation("sum", (grid, t), [(grid, c) for c in block], None, rows, [], 0)


def _across(earlier: Grid, later: Grid) -> Iterator[_Relation]:
    """A column of ``later`` = a constant × a column of ``earlier``, rows joined by label."""
    index = {
        norm_row_label(lbl): r
        for r, lbl in enumerate(earlier.labels)
        if lbl and (not earlier.joinable or earlier.joinable[r])
    }
    rows = [
        (r, index[key])
        for r, lbl in enumerate(later.labels)
        if lbl
        and (not later.joinable or later.joinable[r])
        and (key := norm_row_label(lbl)) in index
    ]
    if len(rows) < MIN_ROWS:
        return
    for t in later.numeric_cols:
        for a in earlier.numeric_cols:
            for name, k in _candidate_constants(later, t, earlier, a, rows, extra=True):
                yield _Relation("constant", (later, t), [(earlier, a)], (name, k), rows, [], 0)


def _grids(tables: list[Table]) -> list[Grid]:
    out = []
    for i, table in enumerate(tables):
        grid = grid_of(table, i)
        if grid is not None:
            out.append(grid)
    return out


def grids_of(tables: list[Table]) -> list[Grid]:
    """The numeric grid of every table that has one."""
    return _grids(tables)


def discover(tables: list[Table], grids: list[Grid] | None = None) -> list[_Relation]:
    """Every accepted relation, the best one per target column first."""
    grids = _grids(tables) if grids is None else grids
    found: list[_Relation] = []
    for grid in grids:
        for g in (grid, grid.transpose()):
            found += [rel for rel in map(_evaluate, _within(g)) if _accepted(rel)]
    for i, later in enumerate(grids):
        for earlier in grids[:i]:
            found += [rel for rel in map(_evaluate, _across(earlier, later)) if _accepted(rel)]
    return found


def _informative(rel: _Relation) -> bool:
    """Holding is evidence, not chance: on at least MIN_ROWS rows with distinct target values
    of two or more digits, and (for a constant) distinct input values. A constant column,
    or zeros, fit any relation."""
    grid, col = rel.target
    targets, sources = set(), set()
    for (r_t, r_i), h in zip(rel.rows, rel.holds, strict=True):
        value = grid.values[r_t][col]
        if not h or value is None or not _significant(value):
            continue
        targets.add(value.value)
        source, col_in = rel.inputs[0]
        v_in = source.values[r_i if source is not grid else r_t][col_in]
        if v_in is not None:
            sources.add(v_in.value)
    if len(targets) < MIN_ROWS:
        return False
    return rel.kind != "constant" or len(sources) >= MIN_ROWS


def row_share_tables(relations: list[_Relation]) -> set[int]:
    """Tables with a column that is each row's share of that row's total."""
    return {
        rel.target[0].table_index
        for rel in relations
        if rel.kind == "share" and not rel.target[0].transposed and _informative(rel)
    }


def sum_columns(relations: list[_Relation]) -> tuple[list[Grid], dict[int, tuple[int, list[int]]]]:
    """The grids with a total column, and per table (total column, summed columns): the
    widest accepted column sum of each untransposed table."""
    best: dict[int, _Relation] = {}
    for rel in relations:
        grid = rel.target[0]
        if rel.kind != "sum" or grid.transposed or not _informative(rel):
            continue
        if rel.holds and rel.support * 10 < 9 * rel.evaluated:
            continue  # a total column that fails on more than a tenth of its rows
        old = best.get(grid.table_index)
        if old is None or len(rel.inputs) > len(old.inputs):
            best[grid.table_index] = rel
    grids = [rel.target[0] for rel in best.values()]
    cols = {t: (rel.target[1], [c for _, c in rel.inputs]) for t, rel in best.items()}
    return grids, cols


__all__ = [
    "constant_catalog",
    "discover",
    "grids_of",
    "row_share_tables",
    "sum_columns",
]
