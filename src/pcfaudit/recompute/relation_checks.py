"""Checks from discovered relations: each cell that breaks the relation its column obeys (a
defect, with the expected value, its interval and a likely cause), and conversions a relation
uses that the report prints nowhere. See :mod:`.discover` for how relations are found."""

from __future__ import annotations

from collections.abc import Iterator
from decimal import Decimal
from fractions import Fraction

from pcfaudit.model import Number
from pcfaudit.quantities import Interval, digit_slip, fmt_fixed
from pcfaudit.recompute.constants import MOLAR, unstated_conversions
from pcfaudit.recompute.core import Candidate, Check, make_check
from pcfaudit.recompute.discover import _expected, _informative, _Relation
from pcfaudit.recompute.grids import Grid


def relation_checks(
    relations: list[_Relation], explained: frozenset[tuple[int, str, int]] = frozenset()
) -> Iterator[Check]:
    """A check per cell that breaks the best relation of its column. ``explained``: the
    rows ("r", row) and columns ("c", column) of a table whose line result a line check
    already recomputed with the printed units: a product found from the bare numbers
    (blind to kg against per-t factors) is not the charitable reading there."""
    by_target: dict[tuple[int, bool, int], list[_Relation]] = {}
    for rel in relations:
        if not _informative(rel):
            continue
        grid, col = rel.target
        by_target.setdefault((grid.table_index, grid.transposed, col), []).append(rel)
    for rels in by_target.values():
        rels.sort(key=_preference)
        best = rels[0]
        if len(rels) > 1 and rels[1].support == best.support and rels[1].kind != best.kind:
            continue  # two different explanations equally good: no charitable reading wins
        for (r_t, r_i), holds in zip(best.rows, best.holds, strict=True):
            if holds is not False or any(_holds_at(o, r_t) for o in rels[1:]):
                continue
            if best.kind in {"product", "constant"} and _explained(best, r_t, explained):
                continue
            check = _cell_check(best, r_t, r_i)
            if check is not None:
                yield check


def _explained(rel: _Relation, r_t: int, explained: frozenset[tuple[int, str, int]]) -> bool:
    grid, col = rel.target
    cell = grid.cells[r_t][col]
    if cell is None:
        return False
    loc = cell.location
    key = (
        (grid.table_index, "c", loc.column) if grid.transposed else (grid.table_index, "r", loc.row)
    )
    return key in explained


def _preference(rel: _Relation) -> tuple[int, int, bool, int, int]:
    """Most rows held first; among equals the simpler explanation (fewer inputs, a shorter
    constant: 12/44 before 0.273 = GWP × 10^-3)."""
    name = rel.constant[0] if rel.constant else ""
    return (-rel.support, rel.evaluated, rel.rational, len(rel.inputs), len(name))


def hidden_conversion_checks(relations: list[_Relation], text: str) -> Iterator[Check]:
    """A column that is another column times a molar conversion (12/44, 44/28 …) on every
    row, where the report never prints that conversion: the reader cannot reproduce it."""
    best: dict[tuple[int, bool, int], _Relation] = {}
    for rel in relations:
        grid, col = rel.target
        if rel.kind != "constant" or rel.rational or rel.support != rel.evaluated:
            continue
        if not _informative(rel):
            continue
        key = (grid.table_index, grid.transposed, col)
        if key not in best or _preference(rel) < _preference(best[key]):
            best[key] = rel
    for rel in best.values():
        assert rel.constant is not None
        missing = unstated_conversions(rel.constant[0], text)
        if not missing:
            continue
        grid, col = rel.target
        source, col_in = rel.inputs[0]
        r_t, r_i = next(rows for rows, h in zip(rel.rows, rel.holds, strict=True) if h)
        target_v, source_v = grid.values[r_t][col], source.values[r_i][col_in]
        assert target_v is not None and source_v is not None
        without = Fraction(source_v.value) * rel.constant[1]
        for conversion in missing:
            without /= MOLAR[conversion]
        yield Check(
            id=f"hidden:t{grid.table_index}c{col}",
            relation="hidden-conversion",
            status="fail",
            label=f"table {grid.table_index + 1} {grid.headers[col]}".strip(),
            reported=target_v.text,
            expected=fmt_fixed(without, max(source_v.decimals, 1)),
            locations=[grid.location(r_t, col), source.location(r_i, col_in)],
            inputs=[f"table[{source.table_index}] column {col_in}"],
            note=(
                f"every row ({rel.support} of {rel.evaluated}) equals table "
                f"{source.table_index + 1} {source.headers[col_in]} × {rel.constant[0]}; "
                f"the conversion {' and '.join(missing)} is printed nowhere in the report "
                f"(e.g. {source.name(r_i, col_in)} {source_v.text} → {target_v.text}; "
                f"without {' and '.join(missing)}: {fmt_fixed(without, max(source_v.decimals, 1))})"
            ),
        )


def _holds_at(rel: _Relation, r_t: int) -> bool:
    return any(h for (r, _), h in zip(rel.rows, rel.holds, strict=True) if r == r_t)


_WHAT = {
    "product": "product of two columns",
    "sum": "sum of columns",
    "share": "share of a column in a total (%)",
}


def _describe(rel: _Relation) -> str:
    if rel.rational and rel.constant is not None:
        (grid, col), (source, col_in) = rel.target, rel.inputs[0]
        return (
            f"column {grid.headers[col] or col + 1} = column "
            f"{source.headers[col_in] or col_in + 1} × {rel.constant[0]} "
            "(a constant outside the catalog: weak evidence)"
        )
    if rel.kind == "constant" and rel.constant is not None:
        return f"a column × {rel.constant[0]}"
    return _WHAT[rel.kind]


def _cell_check(rel: _Relation, r_t: int, r_i: int) -> Check | None:
    grid, col = rel.target
    if rel.constant is not None and rel.constant[1] == 1 and not _strong(rel):
        return None  # "the same figure in two tables" on few rows may be two different things
    reported = grid.values[r_t][col]
    exp = _expected(rel, r_t, r_i)
    if reported is None or exp is None:
        return None
    interval, point = exp
    inputs = [(g, r_i if g is not grid else r_t, c) for g, c in rel.inputs]
    if grid.transposed and rel.kind == "constant" and _same_as_input(reported, inputs):
        # Two inventory lines read as columns are proportional in amount and emissions when
        # they share a factor; the factor itself is then equal in both, not a broken cell.
        return None
    alternatives = list(_input_slips(rel, reported, inputs))
    what = _describe(rel)
    printed_inputs = ", ".join(
        f"{g.name(r, c)} = {v.text}" for g, r, c in inputs if (v := g.values[r][c]) is not None
    )
    check = make_check(
        id=f"relation:t{grid.table_index}{'T' if grid.transposed else ''}:r{r_t}c{col}",
        relation="table-relation",
        label=grid.name(r_t, col),
        reported=reported,
        expected=interval,
        point=point,
        unit=None,
        locations=[grid.location(r_t, col), *(g.location(r, c) for g, r, c in inputs)],
        inputs=[f"table[{g.table_index}][{r}][{c}]" for g, r, c in inputs],
        alternatives=alternatives,
        note=(
            f"{what}: holds on {rel.support} of {rel.evaluated} rows"
            + (
                f" (table {rel.inputs[0][0].table_index + 1} → table {grid.table_index + 1})"
                if rel.inputs[0][0] is not grid
                else ""
            )
            + f"; inputs {printed_inputs}"
        ),
    )
    if check.status in {"pass", "truncated"}:
        return None
    named = check.diagnosis is not None and check.diagnosis.exponent is not None
    if not named and abs(Fraction(reported.value) - point) < abs(point) / 100:
        # Within 1 %: most likely computed from unrounded values, not a defect worth a query.
        return None
    check.note = (check.note or "") + f"; evidence {'strong' if _strong(rel) else 'weak'}"
    return check


def _same_as_input(reported: Number, inputs: list[tuple[Grid, int, int]]) -> bool:
    return any(
        (v := g.values[r][c]) is not None and v.value == reported.value for g, r, c in inputs
    )


def _strong(rel: _Relation) -> bool:
    return not rel.rational and rel.support >= 4 and 5 * rel.support >= 4 * rel.evaluated


def _input_slips(
    rel: _Relation, reported: Number, inputs: list[tuple[Grid, int, int]]
) -> Iterator[Candidate]:
    """The reported value follows from an input printed with one digit slipped: the input
    (not the result) is then likely mistyped, or the result was computed from a mistyped copy."""
    if rel.kind != "constant" or rel.constant is None:
        return
    g, r, c = inputs[0]
    source = g.values[r][c]
    if source is None:
        return
    implied = Fraction(reported.value) / rel.constant[1]
    text = fmt_fixed(implied, source.decimals)
    slip = digit_slip(text, source.text.replace(",", ""))
    if slip and text != source.text:
        point = Fraction(text) * rel.constant[1]
        yield Candidate(
            f"input-{slip}",
            Interval.of(Number(text=text, value=Decimal(text), decimals=source.decimals)).scale(
                rel.constant[1]
            ),
            point,
            f"the printed value equals {text} × {rel.constant[0]}: computed from {text} "
            f"where the table prints {source.text} (one digit differs)",
        )
