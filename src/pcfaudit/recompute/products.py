"""Products: a line result = quantity × factor × GWP (× a unit conversion)."""

from __future__ import annotations

from collections.abc import Iterator
from fractions import Fraction

from pcfaudit.model import InventoryLine, Number
from pcfaudit.quantities import Interval
from pcfaudit.recompute.context import Ctx
from pcfaudit.recompute.core import Candidate, Check, cannot_tell, make_check
from pcfaudit.recompute.gwp import gas_key, other_gwps
from pcfaudit.vocab.units import co2e_per_mass, conversion_factor, is_co2e, split_unit

# --------------------------------------------------------------------------- lines


def _group_quantity(ctx: Ctx, line: InventoryLine) -> Number | None:
    """A row group prints its quantity in one of its rows (CO2/CH4/N2O): use it."""
    if line.group is None:
        return None
    found = [
        other.quantity
        for _, other in ctx.lines
        if other.group == line.group and other.table == line.table and other.quantity
    ]
    return found[0].number if len(found) == 1 else None


def factor_interval(number: Number) -> Interval:
    """A factor printed as a whole number ("1" for a refrigerant's own mass) is a stated
    constant, not a rounded measurement; a factor with decimals stands for its interval."""
    if number.decimals <= 0:
        return Interval.exact(Fraction(number.value))
    return Interval.of(number)


def gwp_of(line: InventoryLine) -> Fraction | None:
    if line.gwp is not None:
        return Fraction(line.gwp.value)
    gas = gas_key(line.gas or "")
    if gas in {"", "CO2", "CO2E"}:
        return Fraction(1)
    if line.factor is not None and is_co2e(line.factor.unit):
        return Fraction(1)  # a CO2e factor already includes the GWP
    return None


def line_conversion(
    q_unit: str | None, f_unit: str | None, r_unit: str | None
) -> tuple[Fraction, bool]:
    """Factor turning quantity × factor (× GWP) into the result unit, and whether a unit
    was unknown (then the numbers are taken in the table's own units: factor 1)."""
    if f_unit is None or r_unit is None:
        return Fraction(1), True
    num, den = split_unit(f_unit)
    k_q: Fraction | None = Fraction(1)
    if den is not None:
        k_q = conversion_factor(q_unit, den) if q_unit else None
    if is_co2e(num) or not is_co2e(r_unit):
        k_n = conversion_factor(num, r_unit)
    else:
        k_n = co2e_per_mass(num, r_unit)
    if k_q is None or k_n is None:
        return Fraction(1), True
    return k_q * k_n, False


def line_checks(ctx: Ctx) -> Iterator[Check]:
    for i, line in ctx.lines:
        if line.result is None or line.factor is None:
            continue
        note = None
        q_unit = line.quantity.unit if line.quantity else None
        quantity = line.quantity.number if line.quantity else _group_quantity(ctx, line)
        if quantity is None:
            continue
        if line.quantity is None:
            note = "quantity taken from the row group"
            grp = [o for _, o in ctx.lines if o.group == line.group and o.quantity]
            q_unit = grp[0].quantity.unit if grp and grp[0].quantity else None
        reported, r_unit = line.result.number, line.result.unit
        id_, inputs, locs = f"line:{i}", [f"inventory[{i}]"], [line.location]
        gwp = gwp_of(line)
        if gwp is None:
            yield cannot_tell(
                id_, "line", reported, locs, inputs, "no GWP for this gas", line.label
            )
            continue
        k, doubt = line_conversion(q_unit, line.factor.unit, r_unit)
        qf = Interval.of(quantity) * factor_interval(line.factor.number)
        qf_point = Fraction(quantity.value) * Fraction(line.factor.number.value)
        alts: list[Candidate] = []
        if gwp != 1:
            alts.append(
                Candidate(
                    "gwp-not-applied",
                    qf.scale(k),
                    qf_point * k,
                    "the result equals quantity × factor without the GWP",
                )
            )
        for source, value in other_gwps(line.gas, gwp):
            alts.append(
                Candidate(
                    "other-gwp",
                    qf.scale(k * value),
                    qf_point * k * value,
                    f"the result matches the {source} GWP of {line.gas} ({value})",
                    gwp=f"{source}: {line.gas} = {value}",
                )
            )
        yield make_check(
            id=id_,
            relation="line",
            label=line.label if not line.gas else f"{line.label} {line.gas}",
            reported=reported,
            expected=qf.scale(gwp * k),
            point=qf_point * gwp * k,
            unit=r_unit,
            locations=locs,
            inputs=inputs,
            alternatives=alts,
            units=(q_unit, r_unit),
            total=ctx.total_in(r_unit),
            note=note,
            unit_doubt=doubt,
        )
