"""Per-unit values: the total divided by the production volume."""

from __future__ import annotations

from collections.abc import Iterator
from fractions import Fraction

from pcfaudit.model import ReportedValue
from pcfaudit.quantities import Interval
from pcfaudit.recompute.context import Ctx, totals_of
from pcfaudit.recompute.core import Check, cannot_tell, make_check
from pcfaudit.vocab.units import conversion_factor, is_count, split_unit


def per_unit_checks(ctx: Ctx) -> Iterator[Check]:
    if totals_of(ctx.report)[1] == "per_unit":
        return  # checked as totals
    for p_i, value in enumerate(ctx.report.per_unit):
        yield per_unit_check(ctx, value, f"per-unit:{p_i}", f"per_unit[{p_i}]")


def per_unit_expected(ctx: Ctx, unit: str | None) -> tuple[Interval, Fraction, bool] | None:
    """total / production in ``unit``: (interval, point, unit_doubt); None without both."""
    if ctx.total is None or not ctx.report.production:
        return None
    prod = ctx.report.production[0].quantity
    # A count of products is exact; a measured production amount is rounded.
    p_iv = (
        Interval.exact(Fraction(prod.number.value))
        if is_count(prod.unit) or prod.number.decimals == 0
        else Interval.of(prod.number)
    )
    k: Fraction | None = Fraction(1)
    if unit and ctx.total_unit:
        k = conversion_factor(ctx.total_unit, unit)
    doubt = k is None or not (unit and ctx.total_unit)
    k = k or Fraction(1)
    quotient = Interval.of(ctx.total.quantity.number).scale(k) / p_iv
    if quotient is None or not prod.number.value:
        return None
    point = Fraction(ctx.total.quantity.number.value) * k / Fraction(prod.number.value)
    return quotient, point, doubt


def per_unit_check(ctx: Ctx, value: ReportedValue, id_: str, ref: str) -> Check:
    rep = value.quantity.number
    locs, inputs = [value.location], [ref]
    unit = split_unit(value.quantity.unit)[0] if value.quantity.unit else None
    exp = per_unit_expected(ctx, unit)
    if exp is None or ctx.total is None:
        return cannot_tell(id_, "per-unit", rep, locs, inputs, "no total or production volume")
    quotient, point, doubt = exp
    return make_check(
        id=id_,
        relation="per-unit",
        label=value.basis or value.label,
        reported=rep,
        expected=quotient,
        point=point,
        unit=unit,
        locations=[value.location, ctx.total.location, ctx.report.production[0].location],
        inputs=[*inputs, "totals[0]", "production[0]"],
        units=(unit,),
        total=point,
        unit_doubt=doubt,
    )


def is_per_unit(ctx: Ctx, value: ReportedValue) -> bool:
    """A value the text states as a total that is the result per functional unit: it has a
    per-unit basis, repeats a per-unit value the report prints, or is total / production
    ("the carbon footprint of 1 kWh … is 69.09 kgCO2e" read without its basis)."""
    if value.kind != "total" or value.location.table is not None or value is ctx.total:
        return False
    if value.basis:
        return True
    q = value.quantity
    if any(
        p.quantity.number.value == q.number.value and p.quantity.unit == q.unit
        for p in ctx.report.per_unit
    ):
        return True
    unit = split_unit(q.unit)[0] if q.unit else None
    exp = per_unit_expected(ctx, unit)
    return exp is not None and not exp[2] and Interval.of(q.number).meets(exp[0])
