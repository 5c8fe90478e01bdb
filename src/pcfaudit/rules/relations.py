"""Relations the report's numbers obey, beyond the inventory: growth rates stated in the text
(AR011) and cells that break a relation the rest of their table obeys (AR012).

Both read :class:`~pcfaudit.recompute.Check` objects (``ctx.checks``) by relation; the
recompute stage found the relation and judged each cell.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from pcfaudit.model import Finding, Severity
from pcfaudit.rules.arithmetic import owner
from pcfaudit.rules.engine import RuleContext, rule, with_likely_cause


def failing_checks(ctx: RuleContext, code: str) -> Iterator[Any]:
    """The failing checks rule ``code`` owns (see ``arithmetic.owner``); every owned check
    is counted for coverage (a check that cannot tell counts as not evaluated)."""
    for check in ctx.checks:
        if owner(check) != code:
            continue
        ctx.count(
            True if check.status == "pass" else None if check.status == "cannot-tell" else False
        )
        if check.status == "fail":
            yield check


@rule("AR011")
def growth_rate_mismatch(ctx: RuleContext) -> Iterator[Finding]:
    """An average annual growth rate stated in the text does not follow from the two dated
    values it is stated for, under any honest reading (compound or simple mean, n or n + 1
    years), or is stated from a negative base, where no growth rate exists.

    Example: "from 39.94 in 2001 to 106.73 in 2017, 25.14 % a year": the compound rate is
    6.34 %, the simple mean 10.45 %. A rate between the readings that meets none of them
    (only a mean of year-on-year rates, not printed, could give it) is a note (info)."""
    for check in failing_checks(ctx, "AR011"):
        diag = check.diagnosis
        severity: Severity | None = None
        if diag is not None and diag.code == "undefined-base":
            message = (
                f"The text states an average annual growth rate of {check.reported} for "
                f"{check.label}; the series starts from a negative or zero value, where a "
                "growth rate is undefined."
            )
            message_zh = (
                f"正文给出 {check.label} 的年均增长率为 {check.reported}；起始值为负或为零，"
                "增长率无定义（negative base）。"
            )
            cause, cause_zh = diag.detail, "以负值或零为基数计算增长率"
        elif diag is not None and diag.code == "yearly-mean-only":
            message = (
                f"The text states an average annual rate of {check.reported} for "
                f"{check.label}; from these two values: {check.note}. {check.reported} is "
                "neither; only an average of year-on-year rates, which the report does not "
                "print, could give it: ask how it was computed."
            )
            message_zh = (
                f"正文给出 {check.label} 的年均变化率为 {check.reported}；按两端数值复算，复合年均变化率为 "
                f"{check.expected}%，各种算法（复合、算术平均，n 或 n+1 年）的区间为 "
                f"[{check.expected_low}, {check.expected_high}]%。{check.reported} 与其中任何一种均不符，"
                "仅可能是逐年变化率的平均（报告未列出），需核实其算法。"
            )
            cause, cause_zh = diag.detail, "仅逐年变化率的平均值可能得到该值"
            severity = "info"
        else:
            message = (
                f"The text states an average annual growth rate of {check.reported} for "
                f"{check.label}; recomputed from these values: {check.note} (expected "
                f"{check.expected}%, any reading in [{check.expected_low}, "
                f"{check.expected_high}] %)."
            )
            message_zh = (
                f"正文给出 {check.label} 的年均增长率为 {check.reported}；按所列两端数值重新计算，复合年均"
                f"增长率为 {check.expected}%，各种算法（复合、算术平均，n 或 n+1 年）的区间为 "
                f"[{check.expected_low}, {check.expected_high}]%。"
            )
            cause = cause_zh = None
        yield ctx.finding(
            "AR011",
            message=message,
            message_zh=message_zh,
            locations=list(check.locations),
            reported=check.reported,
            expected=f"{check.expected}%" if check.expected else None,
            likely_cause=cause,
            likely_cause_zh=cause_zh,
            severity=severity,
            key=check.label,
        )


@rule("AR012")
def cell_breaks_table_relation(ctx: RuleContext) -> Iterator[Finding]:
    """A cell breaks a relation that the other rows of its table obey: a column that is
    another column times a constant (a unit step, 44/12, 44/28, a GWP), the product of two
    columns, the sum of a block of columns, or a share of a total column — found from the
    numbers themselves, in the table, its transpose, or two tables joined on row labels.

    The relation must hold within printed rounding on at least 3 rows and two thirds of the
    rows; with fewer than 4 rows or 80 % the evidence is weak and the finding a warning. A
    constant outside the catalog, named exactly as a simple p/q (× 7/3), is always weak.
    Example: N2O GWP = cumulative N2O (mg/m²) × 310 / 100 holds for three treatments and
    gives 404.40 for the fourth, printed 373.41."""
    for check in failing_checks(ctx, "AR012"):
        strong = (check.note or "").endswith("evidence strong")
        cause = cause_zh = None
        if check.diagnosis is not None:
            cause = check.diagnosis.detail
            if check.diagnosis.alternative:
                cause += f" (would print {check.diagnosis.alternative})"
            cause_zh = cause
        rng = f"[{check.expected_low}, {check.expected_high}]"
        message = (
            f"{check.label}: printed {check.reported}; the relation the other rows obey "
            f"({check.note}) gives {check.expected} here (consistent interval {rng})."
        )
        message_zh = (
            f"{check.label}：表中为 {check.reported}；同表其余各行遵循的关系（{check.note}）"
            f"在此处应为 {check.expected}（相容区间 {rng}）。"
        )
        message, message_zh = with_likely_cause(message, message_zh, cause, cause_zh)
        yield ctx.check_finding(
            "AR012",
            check,
            message=message,
            message_zh=message_zh,
            likely_cause=cause,
            likely_cause_zh=cause_zh,
            severity=None if strong else "warning",
        )


@rule("UN004")
def unstated_conversion(ctx: RuleContext) -> Iterator[Finding]:
    """A table column is another column times a molar conversion (12/44 to carbon, 44/12
    to CO2, 44/28 from N2O-N, 16/12 from CH4-C) on every row, and the report prints that
    conversion nowhere: a reader who applies the stated method gets other numbers.

    Example: a formula printed in kg CO2, a table whose N2O column is the formula × 12/44."""
    for check in failing_checks(ctx, "UN004"):
        message = f"{check.label}: {check.note}."
        yield ctx.check_finding(
            "UN004",
            check,
            message=message,
            message_zh=f"{check.label}：{check.note}（报告未说明该换算）。",
        )


@rule("AR013")
def percent_change_mismatch(ctx: RuleContext) -> Iterator[Finding]:
    """One of several percentage changes a sentence states does not follow from the table
    cells the others reproduce from (the same two rows, evenly spaced columns).

    Example: "lower than the control by 10.68 %, 25.74 %, 37.74 % and 10.54 % in the four
    stages, and by 48.32 % over the whole period", where the table's whole-period values give
    14.44 %."""
    for check in failing_checks(ctx, "AR013"):
        rng = f"[{check.expected_low}, {check.expected_high}]"
        yield ctx.check_finding(
            "AR013",
            check,
            message=(
                f"{check.label}: the text states a change of {check.reported}; the table gives "
                f"{check.expected}% (interval {rng}): {check.note}."
            ),
            message_zh=(
                f"{check.label}：正文所述变化为 {check.reported}，按表中数据应为 {check.expected}%"
                f"（区间 {rng}）：{check.note}。"
            ),
            expected=f"{check.expected}%",
        )


@rule("AR021")
def percent_change_on_wrong_base(ctx: RuleContext) -> Iterator[Finding]:
    """The percentage changes a sentence states reproduce from a table only on the wrong
    base: a decrease divided by the reduced (smaller) value, or an increase divided by the
    larger one. A decrease is relative to where it started and cannot reach 100 %; taken on
    the reduced value it is overstated (a 35 % cut printed as 53 %).

    Example: "UV-B 增强使地上部和地下部干重分别减少了 1.47% 和 34.49%" with 8.99 → 6.69 in the
    table: (8.99 − 6.69)/6.69 = 34.4 %, while the reduction is (8.99 − 6.69)/8.99 = 25.6 %."""
    for check in failing_checks(ctx, "AR021"):
        yield ctx.check_finding(
            "AR021",
            check,
            message=(
                f"{check.label}: {check.note}. The stated {check.reported} is on the wrong "
                f"base; it should be {check.expected}%."
            ),
            message_zh=(
                f"{check.label}：正文所述变化百分比仅在以变化后数值为基数时才能由表中数据复算；"
                f"以变化前的数值为基数，{check.reported} 应为 {check.expected}%（计算基数错误）。"
            ),
            expected=f"{check.expected}%",
            likely_cause="the change was divided by the value it changed to, not the one it "
            "changed from (wrong base)",
            likely_cause_zh="变化量除以了变化后的数值而非变化前的数值（计算基数错误）",
        )


@rule("AR022")
def dose_restated_wrongly(ctx: RuleContext) -> Iterator[Finding]:
    """A fertiliser dose given per plot and restated per hectare does not follow from the
    plot area and the fertiliser grade: mass × nutrient content / area (1 g·m⁻² = 10
    kg·hm⁻²). The per-hectare rate is what readers compare and what N2O estimates rest on.

    Example: "小区面积 4 m² … 每小区施用复合肥料(15-15-15) 315 g，相当于 N、P2O5、K2O 均为 200
    kg/hm²": 315 × 15 % / 4 m² = 118 kg/hm²."""
    for check in failing_checks(ctx, "AR022"):
        yield ctx.check_finding(
            "AR022",
            check,
            message=f"{check.label}: {check.note}.",
            message_zh=(
                f"{check.label}：按小区面积和肥料养分含量折算为 {check.expected} kg·hm⁻²，"
                f"正文为 {check.reported} kg·hm⁻²。"
            ),
            reported=f"{check.reported} kg·hm⁻²",
            expected=f"{check.expected} kg·hm⁻²",
        )


@rule("CN006")
def figure_with_two_carbon_bases(ctx: RuleContext) -> Iterator[Finding]:
    """The same figure is printed in a table and in the text with units on different carbon
    bases (kg CO2 in one place, kg CO2-C or kg C in the other): they differ by 44/12, so one
    unit is wrong and the reader cannot tell which one the calculation used.

    Example: irrigation factor "1.29 kg(CO2)·cm⁻¹" in table 1, "1.29 kg(CO2-C)" in the text."""
    for check in failing_checks(ctx, "CN006"):
        yield ctx.check_finding(
            "CN006",
            check,
            message=f"{check.note}.",
            message_zh=(
                f"{check.label} 在表中为“{check.expected}”，在正文中为“{check.reported}”：二者的碳基准"
                f"不同（CO2 与碳相差 44/12 倍），其中一处单位有误。"
            ),
        )


@rule("UN005")
def intensity_in_absolute_unit(ctx: RuleContext) -> Iterator[Finding]:
    """An intensity — emissions per unit of area, per unit of GDP, per person — is printed in
    a bare mass unit (t, kg, 10⁴ t) with no "per": the figure is either a total mislabelled as
    an intensity, or an intensity with its unit wrong.

    Example: "阿克苏市 (1.66 × 10⁴ t) 单位播种面积碳排放量最大" where the regional intensities are
    about 1.1–1.2 t·hm⁻²."""
    for st in ctx.report.statements:
        if st.kind != "intensity-unit" or not st.values:
            continue
        ctx.count(False)
        value = st.values[0]
        yield ctx.finding(
            "UN005",
            message=(
                f"{value.text} {st.subject} is given for an intensity (per area, GDP or person) "
                f"but its unit is a bare mass with no 'per': \"{st.text}\". The unit or the "
                "figure is wrong."
            ),
            message_zh=(
                f"“{st.text}”：{value.text} {st.subject} 为强度指标（单位面积/产值/人均），单位却为绝对量"
                "（无“每”或“/”），单位或数值有误。"
            ),
            locations=[st.location],
            reported=f"{value.text} {st.subject}",
            key=value.text,
        )


@rule("AR023")
def ratio_factors_summed(ctx: RuleContext) -> Iterator[Finding]:
    """A decomposition's total effect is printed as the sum of factors that are ratios.

    In a multiplicative decomposition (GFI, multiplicative LMDI) each factor is a ratio near
    1 and the total effect is their product, which equals the ratio of the final to the base
    emissions. A column equal to the sum of three or more such factors on every row has no
    meaning, and shares of it (contribution rates) none either.

    Example: "总效应" 4.17 = 1.02 + 1.02 + 1.12 + 1.01, where the product is 1.18."""
    for check in failing_checks(ctx, "AR023"):
        yield ctx.check_finding(
            "AR023",
            check,
            message=(
                f"{check.label}: {check.note}. A total effect of multiplicative factors is their "
                f"product ({check.expected} on the first row), not their sum ({check.reported})."
            ),
            message_zh=(
                f"{check.label}：各行均等于 3 个以上接近 1 的比值因子之和；乘法分解的总效应应为各因子之积"
                f"（首行为 {check.expected}），而非其和（{check.reported}）。"
            ),
        )
