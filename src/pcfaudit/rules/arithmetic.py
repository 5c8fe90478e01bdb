"""arithmetic and units rules: the report's own numbers, recomputed with honest rounding.

Every rule reads the :class:`~pcfaudit.recompute.Check` list (``ctx.checks``). Each check is
owned by exactly one rule (see :func:`owner`): a failing line whose diagnosis is a named unit
slip is UN002's, not AR001's. Each rule counts the checks it owns for coverage, so passed +
failed + cannot-tell adds up to the checks recomputed.
"""

from __future__ import annotations

from collections.abc import Iterator
from fractions import Fraction
from typing import Any

from pcfaudit.model import Finding, Impact, Severity
from pcfaudit.rules.doubt import (
    alternative_holds,
    check_confidence,
    passing_readings,
    share_doubt,
    tables_with_row_shares,
)
from pcfaudit.rules.engine import RuleContext, rule, with_likely_cause
from pcfaudit.vocab.numbers import parse_number

_BY_RELATION = {
    "line": "AR001",
    "total": "AR003",
    "subtotal": "AR003",
    "per-unit": "AR004",
    "share": "AR006",
    "group-share": "AR006",
    "share-sum": "AR007",
    "group-share-sum": "AR007",
    "prose-share": "AR008",
    "text-computation": "UN003",
    "growth-rate": "AR011",
    "table-relation": "AR012",
    "hidden-conversion": "UN004",
    "percent-change": "AR013",
    "percent-change-base": "AR021",
    "carbon-content-shift": "EF011",
    "dose-conversion": "AR022",
    "input-factor-unit": "UN011",
    "repeated-figure-unit": "CN006",
    "same-figure": "CN007",
    "formula-basis": "UN006",
    "formula-table": "AR014",
    "ranking": "NA004",
    "summed-ratios": "AR023",
    "series-slip": "PL004",
    "percent-as-fraction": "UN012",
    "crude-double-count": "BD006",
}
_BY_DIAGNOSIS = {
    "unit-slip": "UN002",
    "power-of-ten": "UN001",
    "gwp-not-applied": "AR002",
    "other-gwp": "AR010",
}
_NOUN = {
    "line": ("line result", "清单行排放结果"),
    "total": ("total", "合计"),
    "subtotal": ("subtotal", "小计"),
    "per-unit": ("per-unit result", "单位产品碳足迹"),
    "share": ("share", "占比"),
    "group-share": ("group share", "分组占比"),
    "share-sum": ("sum of shares", "各项占比之和"),
    "group-share-sum": ("sum of group shares", "各分组占比之和"),
    "prose-share": ("share stated in the text", "正文所述占比"),
    "text-computation": ("table quantity for what the text computes", "表中对应正文计算的数量"),
}
_CAUSE_ZH = {
    "unit-slip": "疑似单位换算错误（{slip}）：报告值约为应有值的 10^{exp} 倍",
    "power-of-ten": "报告值约为应有值的 10^{exp} 倍（小数点错位或单位错误）",
    "gwp-not-applied": "报告值等于“活动数据 × 排放因子”，未乘以 GWP",
    "other-gwp": "报告值与另一版本 IPCC 报告的 GWP 相符（{gwp}）",
    "transposition": "两位相邻数字疑似颠倒",
    "typo": "一位数字疑似录入错误",
    "shift": "疑似漏写或重复一位数字",
}


def owner(check: Any) -> str:
    """The rule code that reports (and counts) ``check``."""
    if str(check.id).startswith("epd:"):
        return "EP"  # EPD matrix relations (recompute.epd) are reported by the EP rules
    if check.status == "truncated":
        return "AR005"
    if check.status == "fail" and check.diagnosis is not None:
        code = _BY_DIAGNOSIS.get(check.diagnosis.code)
        if code:
            return code
    return _BY_RELATION.get(check.relation, "AR001")


def _owned(ctx: RuleContext, code: str) -> Iterator[Any]:
    """The failing checks ``code`` owns; counts every owned check."""
    passing = passing_readings(ctx.checks)
    for check in ctx.checks:
        if owner(check) != code:
            continue
        if check.status == "pass":
            ctx.count(True)
        elif check.status == "cannot-tell" or alternative_holds(
            check, ctx.checks, ctx.report.inventory, passing
        ):
            ctx.count(None)  # another reading of the same evidence holds: read charitably
        else:
            ctx.count(False)
            yield check


def _frac(text: str | None) -> Fraction | None:
    try:
        return Fraction(text) if text else None
    except (ValueError, ZeroDivisionError):
        return None


def _impact(check: Any) -> Impact:
    imp = check.impact
    if imp is None:
        return Impact()
    if check.unit_doubt:
        # A power of ten where a unit is unknown may be a conversion the table does not
        # print: how much it moves the total is as uncertain as the unit (and so it never
        # crosses the materiality threshold into an error).
        return Impact(imp.value, imp.unit, None)
    share = _frac(imp.share_of_total)
    return Impact(imp.value, imp.unit, float(share) if share is not None else None)


def _pct(text: str | None) -> str:
    d = _frac(text)
    return f"{float(d) * 100:+.3g} %" if d is not None else "n/a"


def _finding(ctx: RuleContext, code: str, check: Any, severity: Severity | None = None) -> Finding:
    noun, noun_zh = _NOUN.get(check.relation, (check.relation, check.relation))
    unit = f" {check.unit}" if check.unit and check.unit != "%" else ""
    where = f"{check.label}: " if check.label else ""
    where_zh = f"{check.label}：" if check.label else ""
    rng = f"[{check.expected_low}, {check.expected_high}]"
    cause = cause_zh = None
    diag = check.diagnosis
    if check.status == "truncated":
        cause = "the value was truncated (cut off) instead of rounded"
        cause_zh = "数值被直接截断而非四舍五入"
    elif diag is not None:
        cause = diag.detail + (f" ({diag.unit_slip})" if diag.unit_slip else "")
        if diag.alternative:
            cause += f"; under this cause the value would be {diag.alternative}"
        cause_zh = _CAUSE_ZH.get(diag.code, diag.detail).format(
            slip=diag.unit_slip, exp=diag.exponent, gwp=diag.gwp
        )
    message = (
        f"{where}the {noun} is printed as {check.reported}{unit}; recomputed from the "
        f"report's own figures it is {check.expected}{unit} (any value in {rng} is "
        f"consistent with the printed inputs; relative deviation {_pct(check.deviation)})."
    )
    message_zh = (
        f"{where_zh}{noun_zh}报告值为 {check.reported}{unit}，按报告自身数据重新计算应为 "
        f"{check.expected}{unit}（与所印数据相容的区间为 {rng}，相对偏差 {_pct(check.deviation)}）。"
    )
    message, message_zh = with_likely_cause(message, message_zh, cause, cause_zh)
    if check.note:
        message += f" Note: {check.note}."
    return ctx.finding(
        code,
        message=message,
        message_zh=message_zh,
        locations=list(check.locations),
        reported=check.reported,
        expected=check.expected,
        likely_cause=cause,
        likely_cause_zh=cause_zh,
        impact=_impact(check),
        severity=severity,
        key=check.label or check.relation,
        confidence=check_confidence(check, ctx.checks),
    )


def _materiality(ctx: RuleContext, code: str) -> float:
    return float(ctx.params(code).get("materiality", 0.05))


@rule("AR001")
def line_result_mismatch(ctx: RuleContext) -> Iterator[Finding]:
    """A line's result is not quantity × emission factor × GWP.

    Every input is taken as the interval its printed digits stand for (GWPs exactly), with
    the units of the quantity, the factor and the result column converted. Example:
    2410 MWh × 0.5942 tCO2/MWh = 1432.022 t is consistent; 2410 × 0.5942 printed as 1423.022
    is not (two digits swapped)."""
    for check in _owned(ctx, "AR001"):
        yield _finding(ctx, "AR001", check)


@rule("AR002")
def gwp_not_applied(ctx: RuleContext) -> Iterator[Finding]:
    """A non-CO2 line's result equals quantity × factor: the GWP was never multiplied in.

    Example: 0.001 t HFC-125 × 1 × GWP 3500 reported as 0.001 tCO2e instead of 3.5."""
    for check in _owned(ctx, "AR002"):
        yield _finding(ctx, "AR002", check)


@rule("AR010")
def other_gwp_used(ctx: RuleContext) -> Iterator[Finding]:
    """A line's result matches the GWP of another IPCC report than the one printed.

    Example: 1 t CH4 with GWP 25 printed, result 21 tCO2e (the SAR value)."""
    for check in _owned(ctx, "AR010"):
        yield _finding(ctx, "AR010", check)


@rule("AR003")
def total_mismatch(ctx: RuleContext) -> Iterator[Finding]:
    """A total or subtotal is not the sum of its lines.

    Lines printed '/' or empty count as 0 (the check says so). Example: lines 1432.022 +
    95.58 + 159.3 + 0.01 + 0.003 = 1686.915 is consistent; a total of 1868.915 is not."""
    for check in _owned(ctx, "AR003"):
        yield _finding(ctx, "AR003", check)


@rule("AR004")
def per_unit_mismatch(ctx: RuleContext) -> Iterator[Finding]:
    """The per-unit result is not the total divided by the production volume.

    Example: 1686.915 tCO2e / 349 pieces = 4.834 t per piece; 48.34 or 4.934 is flagged."""
    for check in _owned(ctx, "AR004"):
        yield _finding(ctx, "AR004", check)


@rule("AR005")
def rounding_truncated(ctx: RuleContext) -> Iterator[Finding]:
    """A value was cut off rather than rounded: 1686.915 / 349 = 4.83357 printed 4.833.

    Harmless for the result, but a sign the figure was copied by hand."""
    for check in _owned(ctx, "AR005"):
        yield _finding(ctx, "AR005", check)


@rule("AR006")
def share_mismatch(ctx: RuleContext) -> Iterator[Finding]:
    """A line's (or a group's) share is not its result over the total.

    Shares from LCA software are computed from unrounded results, so the check uses the
    result's rounding interval over the total's: 110.52 / 3334.37 printed 3.314 % passes
    (110.5156 / 3334.37 = 3.3144 %). A miss within ``near_miss_ulps`` units of the last
    printed digit is a warning, raised to an error when it crosses the materiality threshold."""
    near = Fraction(str(ctx.params("AR006").get("near_miss_ulps", 1)))
    threshold = _materiality(ctx, "AR006")
    along_rows = tables_with_row_shares(ctx.checks)
    for check in _owned(ctx, "AR006"):
        if share_doubt(check.locations, along_rows):
            ctx.withdraw()
            continue
        sev: Severity | None = None
        rep = parse_number(check.reported or "")
        lo, hi = _frac(check.expected_low), _frac(check.expected_high)
        if rep is not None and lo is not None and hi is not None:
            v = Fraction(rep.value)
            gap = max(lo - v, v - hi) - rep.half_ulp
            if gap <= near * 2 * rep.half_ulp and abs(v - (lo + hi) / 2) / 100 < threshold:
                sev = "warning"
        yield _finding(ctx, "AR006", check, severity=sev)


@rule("AR007")
def shares_do_not_sum(ctx: RuleContext) -> Iterator[Finding]:
    """The shares of all lines do not add up to 100 % within rounding (n × half a unit in
    the last place: eight shares printed to 0.001 % may add to 100.004 %).

    A warning, raised to an error when the gap crosses the materiality threshold."""
    threshold = _materiality(ctx, "AR007")
    along_rows = tables_with_row_shares(ctx.checks)
    for check in _owned(ctx, "AR007"):
        if share_doubt(check.locations, along_rows):
            ctx.withdraw()  # the sum read across rows or tables is no composition
            continue
        printed = parse_number(check.reported or "")
        rep = Fraction(printed.value) if printed is not None else None
        sev: Severity | None = None
        if rep is not None and abs(rep - 100) / 100 >= threshold:
            sev = "error"
        yield _finding(ctx, "AR007", check, severity=sev)


@rule("AR008")
def prose_share_mismatch(ctx: RuleContext) -> Iterator[Finding]:
    """A share stated in the text differs from the table (or from the results).

    Example: summary says raw materials 95.2 %, table shares add to 95.082 %."""
    for check in _owned(ctx, "AR008"):
        yield _finding(ctx, "AR008", check)


@rule("UN003")
def activity_differs_from_text(ctx: RuleContext) -> Iterator[Finding]:
    """An activity amount the text derives (storage × leak rate, split by a blend's
    composition) differs from what the table enters for it.

    The rows one sentence feeds are reported together, as one finding: they share one cause
    (usually an amount entered in the wrong unit or rounded to the table's resolution).

    Example: "R404A 储存量约为 40kg … 以 1%计" gives 0.4 kg = 0.0004 t, of which HFC-125 44 %
    = 0.000176 t; the table enters 0.001 t for each of the three gases."""
    groups: dict[str, list[Any]] = {}
    for check in _owned(ctx, "UN003"):
        source = check.locations[-1].quote if check.locations else None
        groups.setdefault(source or check.label or check.id, []).append(check)
    for checks in groups.values():
        if len(checks) == 1:
            yield _finding(ctx, "UN003", checks[0])
            continue
        yield _combined(ctx, "UN003", checks)


def _combined(ctx: RuleContext, code: str, checks: list[Any]) -> Finding:
    """One finding for several rows that one statement feeds."""
    unit = checks[0].unit or ""
    rows = "; ".join(f"{c.label}: {c.reported} → {c.expected} {unit}".strip() for c in checks)
    values = [_frac(c.impact.value) for c in checks if c.impact is not None]
    shares = [_frac(c.impact.share_of_total) for c in checks if c.impact is not None]
    impact = Impact()
    if values and all(v is not None for v in values):
        total_share = sum(s for s in shares if s is not None) if shares else None
        impact = Impact(
            str(sum(v for v in values if v is not None)),
            checks[0].impact.unit,
            float(total_share) if total_share is not None else None,
        )
    locations = [c.locations[0] for c in checks if c.locations]
    if checks[0].locations:
        locations.append(checks[0].locations[-1])
    return ctx.finding(
        code,
        message=f"The text derives amounts that the table does not enter: {rows} "
        "(table value → value the text implies).",
        message_zh=f"正文推导的数量与表格所填不一致：{rows}（表中值 → 按正文应为）。",
        locations=locations,
        reported=" / ".join(c.reported for c in checks),
        expected=" / ".join(c.expected for c in checks),
        impact=impact,
        key="|".join(c.label or "" for c in checks),
        confidence=check_confidence(checks[0], ctx.checks),
    )


@rule("UN001")
def power_of_ten_slip(ctx: RuleContext) -> Iterator[Finding]:
    """A value is off from its recomputation by a clean power of ten (a decimal shift or
    a unit error the units printed do not name). Example: 100 kg × 1 % = 1 kg = 0.001 t,
    entered as 0.01 t. When a unit involved is not printed, the finding is a warning: the
    power of ten may be a conversion the report leaves implicit."""
    for check in _owned(ctx, "UN001"):
        # With a unit unknown the power of ten may be a conversion the table does not
        # print (kg quantities, tCO2e results): worth a question, not an error.
        yield _finding(ctx, "UN001", check, severity="warning" if check.unit_doubt else None)


@rule("UN002")
def unit_slip_named(ctx: RuleContext) -> Iterator[Finding]:
    """A value is off by exactly the factor between two units it involves: ×1000 for
    kg↔t or kWh↔MWh or MJ↔GJ, ×10 000 for 万, ×100 for % ↔ fraction.

    Example: 2410 MWh × 0.5942 tCO2/MWh reported as 1432022 (kg, under a t column)."""
    for check in _owned(ctx, "UN002"):
        yield _finding(ctx, "UN002", check)
