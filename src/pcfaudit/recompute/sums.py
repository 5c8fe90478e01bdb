"""Sums: a total or subtotal = Σ of the results of its lines."""

from __future__ import annotations

from collections.abc import Iterator
from fractions import Fraction

import regex

from pcfaudit.model import InventoryLine
from pcfaudit.quantities import Interval, interval_sum
from pcfaudit.recompute.context import Ctx, find_lines, norm_label, totals_of
from pcfaudit.recompute.core import Check, cannot_tell, make_check
from pcfaudit.recompute.per_unit import is_per_unit, per_unit_check
from pcfaudit.vocab.units import conversion_factor

# --------------------------------------------------------------------------- totals


def sum_results(
    members: list[tuple[int, InventoryLine]], unit: str | None
) -> tuple[Interval, Fraction, list[str], int, bool]:
    """Σ results converted to ``unit``: (interval, point, inputs, blanks, unit_doubt)."""
    parts: list[Interval] = []
    point, inputs, blanks, doubt = Fraction(0), [], 0, False
    for i, line in members:
        if line.result is None:
            blanks += 1 if line.marks.get("result") is not None or line.quantity else 0
            continue
        k: Fraction | None = Fraction(1)
        if unit and line.result.unit:
            k = conversion_factor(line.result.unit, unit)
        else:
            doubt = doubt or unit != line.result.unit
        k = k if k is not None else Fraction(1)
        parts.append(Interval.of(line.result.number).scale(k))
        point += Fraction(line.result.number.value) * k
        inputs.append(f"inventory[{i}]")
    return interval_sum(parts), point, inputs, blanks, doubt


def total_checks(ctx: Ctx) -> Iterator[Check]:
    totals, ref = totals_of(ctx.report)
    for t_i, value in enumerate(totals):
        if ref == "totals" and is_per_unit(ctx, value):
            if not any(p.location == value.location for p in ctx.report.per_unit):
                yield per_unit_check(ctx, value, f"per-unit:totals[{t_i}]", f"totals[{t_i}]")
            continue
        key = norm_label(value.label)
        if value.kind == "subtotal":  # "原材料获取阶段小计" / "Subtotal production" → its stage
            key = regex.sub(r"^subtotal|小计$|subtotal$", "", key)
        sub = key in ctx.groups or value.kind == "subtotal"
        members = ctx.groups.get(key, ctx.lines)
        if value.kind == "subtotal" and key not in ctx.groups:
            # A stage/category subtotal whose stage no line names: match loosely, or say so.
            members = find_lines(ctx, value.label)
            if not members:
                yield cannot_tell(
                    f"subtotal:{t_i}",
                    "subtotal",
                    value.quantity.number,
                    [value.location],
                    [f"{ref}[{t_i}]"],
                    "no inventory line belongs to this group",
                    value.label,
                )
                continue
        if not any(line.result for _, line in members):
            continue
        unit = value.quantity.unit
        exp, point, inputs, blanks, doubt = sum_results(members, unit)
        note = f"{blanks} line(s) printed without a result counted as 0" if blanks else None
        if not Interval.of(value.quantity.number).meets(exp):
            # The charitable reading first: rows that subtotal the rows above them, summed
            # with those rows, double the sum (the classic −50 % / +100 % "error").
            inner = subtotal_rows(members)
            if inner:
                kept = [m for m in members if m[0] not in inner]
                alt = sum_results(kept, unit)
                rep = Fraction(value.quantity.number.value)
                if Interval.of(value.quantity.number).meets(alt[0]) or abs(rep - alt[1]) < abs(
                    rep - point
                ):
                    exp, point, inputs, blanks, doubt = alt
                    note = f"{len(inner)} stage subtotal row(s) excluded from the sum"
        yield make_check(
            id=f"{'subtotal' if sub else 'total'}:{t_i}",
            relation="subtotal" if sub else "total",
            label=value.label,
            reported=value.quantity.number,
            expected=exp,
            point=point,
            unit=unit,
            locations=[value.location],
            inputs=[f"{ref}[{t_i}]", *inputs],
            units=(unit,),
            total=ctx.total_in(unit),
            note=note,
            unit_doubt=doubt,
        )


def subtotal_rows(members: list[tuple[int, InventoryLine]]) -> set[int]:
    """Lines whose result is the sum of the run of two or more result lines right above
    them (back to the previous such line): stage subtotals printed inside the inventory."""
    found: set[int] = set()
    run: list[tuple[int, InventoryLine]] = []
    for i, line in members:
        if line.result is None:
            continue
        if len(run) >= 2:
            block = interval_sum(Interval.of(ln.result.number) for _, ln in run if ln.result)
            if Interval.of(line.result.number).meets(block):
                found.add(i)
                run = []
                continue
        run.append((i, line))
    return found
