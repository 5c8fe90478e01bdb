"""EPD result-matrix rules (EP001-EP007): the arithmetic and consistency of indicator ×
module tables (EN 15804+A2 / ISO 14025 EPDs, LCA result tables by stage).

Every printed number stands for its rounding interval (``2.67E+03`` is [2665, 2675]); a
relation holds when the reported interval meets the interval recomputed from the printed
parts (see :mod:`pcfaudit.quantities`). Claims rules (EP008-EP013) live in
:mod:`.epd_claims`.
"""

from __future__ import annotations

from collections.abc import Iterator
from fractions import Fraction

from pcfaudit.interpret.epd_lexicon import (
    ALL_MODULES,
    EXPECTED_FAMILY,
    GWP_PARTS,
    parts_of,
    unit_family,
)
from pcfaudit.model import Finding, Impact, Location, MatrixValue, Report, ResultMatrix
from pcfaudit.quantities import Interval, fmt_sig, interval_sum
from pcfaudit.recompute import judge
from pcfaudit.rules import epd_claims  # noqa: F401  (registers EP008-EP013)
from pcfaudit.rules.engine import RuleContext, rule

Cells = dict[tuple[str, str], MatrixValue]


def cells(matrix: ResultMatrix) -> Cells:
    """(indicator, module) → value; the first printed wins when a table repeats a row."""
    out: Cells = {}
    for v in matrix.values:
        out.setdefault((v.indicator, v.module), v)
    return out


def where(matrix: ResultMatrix) -> str:
    return matrix.caption or matrix.location.describe()


def _sum(values: list[MatrixValue]) -> tuple[Interval, Fraction]:
    return (
        interval_sum(Interval.of(v.number) for v in values),
        sum((Fraction(v.number.value) for v in values), Fraction(0)),
    )


def _quoted(v: MatrixValue) -> Location:
    return v.location if v.location.quote else v.location.with_quote(v.number.text)


def _compare(reported: MatrixValue, parts: list[MatrixValue]) -> tuple[bool, str, str | None]:
    """(holds, expected as printed, likely cause) for reported = Σ parts."""
    iv, point = _sum(parts)
    status, diag = judge(reported.number, iv, point, units=(reported.unit,))
    expected = fmt_sig(point, 4)
    return status in {"pass", "truncated"}, expected, diag.detail if diag else None


def _deviation(reported: MatrixValue, expected: str) -> Impact:
    diff = abs(Fraction(reported.number.value) - Fraction(expected))
    return Impact(value=fmt_sig(diff, 4), unit=reported.unit)


# --------------------------------------------------------------------------- EP001 / EP002


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
    for matrix in ctx.report.matrices:
        grid = cells(matrix)
        for module in matrix.modules:
            total = grid.get(("GWP-total", module))
            if total is None:
                continue
            parts = [grid.get((p, module)) for p in GWP_PARTS]
            present = [p for p in parts if p is not None]
            if len(present) < len(GWP_PARTS):
                ctx.count(None)
                continue
            ok, expected, cause = _compare(total, present)
            ctx.count(ok)
            if ok:
                continue
            sums = " + ".join(p.number.text for p in present)
            yield ctx.finding(
                "EP001",
                message=(
                    f"In {where(matrix)}, module {module}: GWP-total is printed as {total.number.text} "
                    f"but GWP-fossil + GWP-biogenic + GWP-luluc = {sums} = {expected} {total.unit or ''}. "
                    "EN 15804+A2 defines GWP-total as the sum of the three; a total or a part is wrong."
                ),
                message_zh=(
                    f"{where(matrix)} 模块 {module}：GWP-total 为 {total.number.text}，而 GWP-fossil + "
                    f"GWP-biogenic + GWP-luluc = {sums} = {expected}。EN 15804+A2 规定 GWP-total 为三者之和，"
                    "总量或分项有误。"
                ),
                locations=[_quoted(total), *(_quoted(p) for p in present)],
                reported=total.number.text,
                expected=expected,
                likely_cause=cause,
                impact=_deviation(total, expected),
                key=f"{matrix.table}:{module}",
            )


@rule("EP002")
def gwp_ghg_not_fossil_luluc(ctx: RuleContext) -> Iterator[Finding]:
    """GWP-GHG differs from GWP-fossil + GWP-luluc.

    Programmes such as the International EPD System define GWP-GHG (GWP-IOBC) as climate
    change excluding biogenic uptake, emissions and storage: in practice GWP-fossil +
    GWP-luluc (plus biogenic methane, which can only add). A GWP-GHG below that sum is
    checked always; one above it only when the EPD itself defines GWP-GHG so (a sentence
    saying it excludes biogenic carbon or equals fossil + luluc). Warning: programmes
    differ in the definition.

    Example: A1 prints GWP-fossil 2.51E+02, GWP-luluc 3.46E-01 and GWP-GHG 2.41E+02.
    """
    defined = any(s.kind == "epd-gwp-ghg-definition" for s in ctx.report.statements)
    for matrix in ctx.report.matrices:
        grid = cells(matrix)
        for module in matrix.modules:
            ghg = grid.get(("GWP-GHG", module))
            fossil = grid.get(("GWP-fossil", module))
            luluc = grid.get(("GWP-luluc", module))
            if ghg is None:
                continue
            if fossil is None or luluc is None:
                ctx.count(None)
                continue
            ok, expected, cause = _compare(ghg, [fossil, luluc])
            below = Interval.of(ghg.number).hi < _sum([fossil, luluc])[0].lo
            if not ok and not below and not defined:
                ctx.count(None)
                continue
            ctx.count(ok)
            if ok:
                continue
            yield ctx.finding(
                "EP002",
                message=(
                    f"In {where(matrix)}, module {module}: GWP-GHG is printed as {ghg.number.text} but "
                    f"GWP-fossil + GWP-luluc = {fossil.number.text} + {luluc.number.text} = {expected}. "
                    + (
                        "It is lower than the sum, which no definition of GWP-GHG allows. "
                        if below
                        else "The EPD defines GWP-GHG as excluding biogenic carbon. "
                    )
                    + "Query the value or the definition used."
                ),
                message_zh=(
                    f"{where(matrix)} 模块 {module}：GWP-GHG 为 {ghg.number.text}，而 GWP-fossil + GWP-luluc = "
                    f"{fossil.number.text} + {luluc.number.text} = {expected}。"
                    + (
                        "其数值低于两者之和，任何 GWP-GHG 定义下都不应如此。"
                        if below
                        else "该 EPD 声明 GWP-GHG 不含生物成因碳。"
                    )
                    + "请核实数值或所用定义。"
                ),
                locations=[_quoted(ghg), _quoted(fossil), _quoted(luluc)],
                reported=ghg.number.text,
                expected=expected,
                likely_cause=cause,
                impact=_deviation(ghg, expected),
                key=f"{matrix.table}:{module}",
            )


# --------------------------------------------------------------------------- EP003


def basis_key(matrix: ResultMatrix, report: Report) -> str:
    """'DU' for results per declared unit (or unsaid), else the unit of the basis ('kg')."""
    basis = matrix.basis
    if basis is None or basis == "declared unit":
        return "DU"
    unit = basis.split()[-1]
    du = {s.subject for s in report.statements if s.kind == "epd-declared-unit"}
    return "DU" if du == {unit} else unit


def _parts_from(
    ctx: RuleContext, matrix: ResultMatrix, indicator: str, parts: list[str]
) -> list[MatrixValue] | None:
    """The parts of an aggregate from the same table, else from one table on the same basis
    that does not print the aggregate itself (that one is compared by EP004)."""
    key = basis_key(matrix, ctx.report)
    aggregate = f"{parts[0]}-{parts[-1]}"
    same = [m for m in ctx.report.matrices if m is matrix]
    others = [
        m
        for m in ctx.report.matrices
        if m is not matrix
        and basis_key(m, ctx.report) == key
        and (indicator, aggregate) not in cells(m)
    ]
    for m in [*same, *others]:
        grid = cells(m)
        found = [grid.get((indicator, p)) for p in parts]
        if all(f is not None for f in found):
            return [f for f in found if f is not None]
    return None


def _total_parts(modules: list[str], with_d: bool) -> list[str]:
    """A partition of the printed modules into what a total sums: aggregates first, then
    single modules they do not cover; D only when asked."""
    chosen: list[str] = []
    covered: set[str] = set()
    for m in sorted((m for m in modules if "-" in m), key=lambda m: -len(parts_of(m))):
        if not covered & set(parts_of(m)):
            chosen.append(m)
            covered |= set(parts_of(m))
    for m in modules:
        if m in ALL_MODULES and m not in covered and (m != "D" or with_d):
            chosen.append(m)
            covered.add(m)
    return chosen


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
    for matrix in ctx.report.matrices:
        grid = cells(matrix)
        for (indicator, module), value in grid.items():
            if "-" in module:
                parts = _parts_from(ctx, matrix, indicator, parts_of(module))
                if parts is None:
                    ctx.count(None)
                    continue
                ok, expected, cause = _compare(value, parts)
            elif module == "total":
                mods = [m for m in matrix.modules if m != "total"]
                parts = [
                    grid[(indicator, m)]
                    for m in _total_parts(mods, False)
                    if (indicator, m) in grid
                ]
                with_d = [
                    grid[(indicator, m)] for m in _total_parts(mods, True) if (indicator, m) in grid
                ]
                if len(parts) < 2:
                    ctx.count(None)
                    continue
                ok, expected, cause = _compare(value, parts)
                if not ok and len(with_d) > len(parts) and _compare(value, with_d)[0]:
                    ok = True
            else:
                continue
            ctx.count(ok)
            if ok:
                continue
            listed = " + ".join(f"{p.module} {p.number.text}" for p in parts)
            yield ctx.finding(
                "EP003",
                message=(
                    f"In {where(matrix)}, {indicator} {module} is printed as {value.number.text} but "
                    f"{listed} = {expected} {value.unit or ''}. An aggregated module or total must equal "
                    "the sum of the modules it covers; one of the values is wrong."
                ),
                message_zh=(
                    f"{where(matrix)} 中 {indicator} 的 {module} 为 {value.number.text}，而 {listed} = {expected}。"
                    "合并模块或合计应等于其所含模块之和，其中某一数值有误。"
                ),
                locations=[_quoted(value), *(_quoted(p) for p in parts)],
                reported=value.number.text,
                expected=expected,
                likely_cause=cause,
                impact=_deviation(value, expected),
                key=f"{matrix.table}:{indicator}:{module}",
            )


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
                locations=[_quoted(v)],
                reported=v.unit,
                expected=names[expected],
                key=f"{matrix.table}:{v.indicator}",
            )


from pcfaudit.rules import epd_matrix  # noqa: E402,F401  (registers EP004, EP005, EP007)
