"""EPD result-matrix rules (EP001-EP007): the arithmetic and consistency of indicator ×
module tables (EN 15804+A2 / ISO 14025 EPDs, LCA result tables by stage).

Every printed number stands for its rounding interval (``2.67E+03`` is [2665, 2675]); a
relation holds when the reported interval meets the interval recomputed from the printed
parts (see :mod:`pcfaudit.quantities`). Claims rules (EP008-EP013) live in
:mod:`.epd_claims`.
"""

from __future__ import annotations

from collections.abc import Iterator
from decimal import Decimal, InvalidOperation
from typing import Any

from pcfaudit.model import Finding, Impact, Location
from pcfaudit.rules import (  # noqa: F401  (importing registers the rules)
    epd_claims,
    epd_flows,
    epd_matrix,
    epd_product,
    epd_rows,
    epd_scope,
    epd_sources,
    epd_swaps,
)
from pcfaudit.rules.engine import RuleContext, rule
from pcfaudit.rules.epd_common import checks, quoted, where
from pcfaudit.vocab.epd import EXPECTED_FAMILY
from pcfaudit.vocab.epd import indicator_unit_family as unit_family

# --------------------------------------------------------------------------- EP001 / EP002


def _judged(ctx: RuleContext, relation: str) -> Iterator[Any]:
    """The failing checks of ``relation``; every check is counted for coverage."""
    for check in checks(ctx, relation):
        if check.status == "cannot-tell":
            ctx.count(None)
            continue
        ok = check.status in {"pass", "truncated"}
        ctx.count(ok)
        if not ok:
            yield check


def _where(check: Any) -> str:
    loc: Location = check.locations[0]
    return loc.describe()


def _impact(check: Any) -> Impact:
    return Impact(value=check.impact.value if check.impact else None, unit=check.unit)


def _sum_text(check: Any) -> str:
    return " + ".join(i.rsplit(" ", 1)[1] for i in check.inputs)


@rule("EP001")
def gwp_total_not_sum(ctx: RuleContext) -> Iterator[Finding]:
    """GWP-total differs from GWP-fossil + GWP-biogenic + GWP-luluc in a module.

    EN 15804+A2 splits climate change into three sub-indicators whose sum is GWP-total. A
    module where the printed total does not meet the sum of the printed parts (each taken
    with its rounding interval) has a wrong total or a wrong part, and every comparison
    made with it is wrong. Modules where a part is missing (ND, not printed) are counted
    as 'could not tell'.

    Example: A3 prints GWP-fossil 1.23E+01, GWP-biogenic 1.83E+00, GWP-luluc 2.34E-02 and
    GWP-total 1.85E+01 (the parts sum to 14.2).
    """
    for check in _judged(ctx, "gwp-total"):
        module = check.label
        parts = " + ".join(check.inputs)
        yield ctx.finding(
            "EP001",
            message=(
                f"At {_where(check)}, module {module}: GWP-total is printed as {check.reported} "
                f"but GWP-fossil + GWP-biogenic + GWP-luluc = {_sum_text(check)} = {check.expected} "
                f"{check.unit or ''}. EN 15804+A2 defines GWP-total as the sum of the three; a total "
                f"or a part is wrong ({parts})."
            ),
            message_zh=(
                f"{_where(check)} 模块 {module}：GWP-total 为 {check.reported}，而 GWP-fossil + "
                f"GWP-biogenic + GWP-luluc = {_sum_text(check)} = {check.expected}。EN 15804+A2 规定 "
                "GWP-total 为三者之和，总量或分项有误。"
            ),
            locations=check.locations,
            reported=check.reported,
            expected=check.expected,
            likely_cause=check.diagnosis.detail if check.diagnosis else None,
            impact=_impact(check),
            key=f"{check.id}",
        )


@rule("EP002")
def gwp_ghg_not_fossil_luluc(ctx: RuleContext) -> Iterator[Finding]:
    """GWP-GHG differs from GWP-fossil + GWP-luluc.

    Programmes such as the International EPD System define GWP-GHG (GWP-IOBC) as climate
    change excluding biogenic uptake, emissions and storage: in practice GWP-fossil +
    GWP-luluc (plus biogenic methane, which can only add). A GWP-GHG below that sum is a
    finding; one above it is not (biogenic methane). Warning: programmes differ in the
    definition and the characterisation (IPCC AR5 or the EF method).

    Example: A1 prints GWP-fossil 2.51E+02, GWP-luluc 3.46E-01 and GWP-GHG 2.41E+02.
    """
    for check in checks(ctx, "gwp-ghg"):
        below = check.note == "below"
        if check.status == "cannot-tell" or (check.status == "fail" and not below):
            # Above the sum: biogenic methane counts in GWP-GHG under every definition.
            ctx.count(None)
            continue
        ok = check.status in {"pass", "truncated"}
        ctx.count(ok)
        if ok:
            continue
        fossil, luluc = (i.split(" ", 2)[2] for i in check.inputs)
        alone = _below_fossil(check)
        # Below GWP-fossil alone needs no luluc value to show it (nor its location).
        relation = (
            f"below GWP-fossil alone ({fossil}; with GWP-luluc the sum is {check.expected})"
            if alone
            else f"below GWP-fossil + GWP-luluc = {fossil} + {luluc} = {check.expected}"
        )
        yield ctx.finding(
            "EP002",
            message=(
                f"At {_where(check)}, module {check.label}: GWP-GHG is printed as {check.reported}, "
                f"{relation}. GWP-GHG counts every greenhouse gas of GWP-fossil and GWP-luluc (plus "
                "biogenic methane), so it cannot be lower. Query the value or the characterisation "
                "(IPCC AR5 vs the EF method) used."
            ),
            message_zh=(
                f"{_where(check)} 模块 {check.label}：GWP-GHG 为 {check.reported}，低于 "
                + (f"GWP-fossil（{fossil}）" if alone else f"GWP-fossil + GWP-luluc = {check.expected}")
                + "。GWP-GHG 包含 GWP-fossil 与 GWP-luluc 的全部温室气体，不可能更低。请核实数值或所用特征化方法。"
            ),
            locations=check.locations[:2] if alone else check.locations,
            reported=check.reported,
            expected=check.expected,
            likely_cause=check.diagnosis.detail if check.diagnosis else None,
            impact=_impact(check),
            key=f"{check.id}",
        )


def _below_fossil(check: Any) -> bool:
    try:
        return Decimal(check.reported) < Decimal(check.inputs[0].split(" ", 2)[2])
    except (InvalidOperation, IndexError):
        return False


# --------------------------------------------------------------------------- EP003


@rule("EP003")
def aggregate_not_sum(ctx: RuleContext) -> Iterator[Finding]:
    """An aggregated module (A1-A3, C1-C4, B1-B7) or a printed total differs from the sum
    of its modules.

    EPDs print A1-A3 beside A1, A2 and A3, or only the aggregate in a summary table; a
    'Total' column sums the life cycle (A-C, with or without D). An aggregate that does not
    meet the sum of its printed parts (honest rounding) is a wrong value or a wrong part.
    The parts may come from another table on the same basis. A total is accepted when it
    matches the sum with or without module D.

    Example: PENRT A1 2.10E+03, A2 1.50E+02, A3 3.20E+02 but A1-A3 2.87E+03 (sum 2.57E+03).
    """
    for check in _judged(ctx, "aggregate"):
        indicator = check.id.split(":")[3]
        listed = " + ".join(f"{i.split(' ')[1]} {i.split(' ')[2]}" for i in check.inputs)
        yield ctx.check_finding(
            "EP003",
            check,
            message=(
                f"At {_where(check)}, {indicator} {check.label} is printed as {check.reported} but "
                f"{listed} = {check.expected} {check.unit or ''}. An aggregated module or total must "
                "equal the sum of the modules it covers; one of the values is wrong."
            ),
            message_zh=(
                f"{_where(check)} 中 {indicator} 的 {check.label} 为 {check.reported}，而 {listed} = "
                f"{check.expected}。合并模块或合计应等于其所含模块之和，其中某一数值有误。"
            ),
            likely_cause=check.diagnosis.detail if check.diagnosis else None,
            impact=_impact(check),
        )


# --------------------------------------------------------------------------- EP023 / EP024


@rule("EP023")
def energy_total_not_sum(ctx: RuleContext) -> Iterator[Finding]:
    """PERT differs from PERE + PERM, or PENRT from PENRE + PENRM, in a module.

    EN 15804 defines the total use of renewable (PERT) and non-renewable (PENRT) primary
    energy as the sum of the energy used as an energy carrier (PERE, PENRE) and as raw
    material (PERM, PENRM). Each printed value is taken with its rounding interval. A total
    printed as 0 while its parts are not is EP024.

    Example: B2 prints PERE 6.87E-01, PERM 4.50E-03 and PERT 6.87E-01 (sum 0.6915).
    """
    for relation, name in (("pert", "PERT = PERE + PERM"), ("penrt", "PENRT = PENRE + PENRM")):
        for check in _judged(ctx, relation):
            if check.reported and float(check.reported) == 0:
                continue  # EP024 says it
            total = name.split(" ")[0]
            yield ctx.check_finding(
                "EP023",
                check,
                message=(
                    f"At {_where(check)}, module {check.label}: {total} is printed as {check.reported} "
                    f"but {name.split('= ')[1]} = {_sum_text(check)} = {check.expected} {check.unit or ''}. "
                    "EN 15804 defines the total as the sum of energy used as carrier and as material."
                ),
                message_zh=(
                    f"{_where(check)} 模块 {check.label}：{total} 为 {check.reported}，而 "
                    f"{name.split('= ')[1]} = {_sum_text(check)} = {check.expected}。总量应为两者之和。"
                ),
                likely_cause=check.diagnosis.detail if check.diagnosis else None,
                impact=_impact(check),
            )


@rule("EP024")
def zero_total_nonzero_parts(ctx: RuleContext) -> Iterator[Finding]:
    """A total indicator (GWP-total, PERT, PENRT) printed as 0 while its parts are not.

    A row of zeros under a total whose parts carry values is a row that was not filled
    (or filled from the wrong column), not a result: every module where the parts sum to a
    non-zero value is listed.

    Example: PENRT 0.00E+00 in A1-A3 while PENRE 8.85E+01 and PENRM 0.00E+00.
    """
    for relation in ("gwp-total", "pert", "penrt"):
        bad = [
            c for c in checks(ctx, relation)
            if c.status == "fail" and c.reported and float(c.reported) == 0
        ]  # fmt: skip
        if not bad:
            continue
        first = bad[0]
        total = first.relation.split(" ")[0]
        listed = "; ".join(f"{c.label}: 0 vs {c.expected}" for c in bad)
        yield ctx.finding(
            "EP024",
            message=(
                f"{total} is printed as {first.reported} in {len(bad)} module(s) where its parts are "
                f"not zero ({first.relation}): {listed}. The row was not filled or is shifted."
            ),
            message_zh=f"{total} 在 {len(bad)} 个模块中为 {first.reported}，而其分项不为零（{first.relation}）：{listed}。该行未填写或错位。",
            locations=[loc for c in bad[:4] for loc in c.locations[:2]],
            reported=first.reported,
            expected=first.expected,
            key=f"{relation}:{table_of_check(first)}",
        )


def table_of_check(check: Any) -> str:
    return str(check.id).split(":")[2]


# --------------------------------------------------------------------------- EP006


@rule("EP006")
def impossible_unit(ctx: RuleContext) -> Iterator[Finding]:
    """An indicator reported in a unit it cannot have (GWP in MJ, PENRT in kg CO2 eq.).

    Each EN 15804 indicator has a fixed kind of unit: climate change in kg CO2 eq., primary
    energy and ADP-fossil in MJ, waste and output flows in kg, biogenic carbon in kg C. A
    unit of another kind means the row's label or its unit is wrong, and the values cannot
    be read. Rows whose unit is not printed or not recognised are not judged.

    Example: "PERT | kg CO2 eq. | 1.23E+03 …".
    """
    for matrix in ctx.report.matrices:
        seen: set[str] = set()
        for v in matrix.values:
            if v.indicator in seen:
                continue
            seen.add(v.indicator)
            expected = EXPECTED_FAMILY.get(v.indicator)
            family = unit_family(v.unit)
            if expected is None or family is None:
                ctx.count(None)
                continue
            ok = family == expected
            ctx.count(ok)
            if ok:
                continue
            names = {"co2e": "kg CO2 eq.", "energy": "MJ", "mass": "kg", "carbon": "kg C"}
            yield ctx.finding(
                "EP006",
                message=(
                    f"In {where(matrix)}, {v.indicator} is reported in {v.unit}, a unit of another kind "
                    f"than the indicator's ({names[expected]}). The row's label or unit is wrong, so its "
                    "values cannot be interpreted."
                ),
                message_zh=(
                    f"{where(matrix)} 中 {v.indicator} 的单位为 {v.unit}，与该指标应有的单位类型（{names[expected]}）"
                    "不符。该行的指标名称或单位有误，数值无法解读。"
                ),
                locations=[quoted(v)],
                reported=v.unit,
                expected=names[expected],
                key=f"{matrix.table}:{v.indicator}",
            )
