"""A figure printed twice with two values (CN007), and printed formulas the report's own
numbers or units do not follow (UN006, AR014).

All read :class:`~pcfaudit.recompute.Check` objects by relation: the recompute stage matched
the two places (:mod:`pcfaudit.recompute.same_figure`) or read the formula
(:mod:`pcfaudit.recompute.formulas`) and judged them.
"""

from __future__ import annotations

from collections.abc import Iterator

from pcfaudit.model import Finding
from pcfaudit.rules.engine import RuleContext, rule, with_likely_cause
from pcfaudit.rules.relations import failing_checks

_CAUSE_ZH = {
    "figure-scale": "两处相差 10 的整数次幂（小数点错位或单位错误）",
    "carbon-co2": "两处相差 44/12：一处以碳（C）计，一处以 CO2 计",
    "other-cell": "与同表另一单元格（另一年份、情景或行）相同",
    "transposition": "两位相邻数字疑似颠倒",
    "typo": "一位数字疑似录入错误",
    "shift": "疑似漏写或重复一位数字",
}


@rule("CN007")
def figure_stated_differently(ctx: RuleContext) -> Iterator[Finding]:
    """One labelled figure is printed with two values: in the text and in a table, in two
    tables that agree on the other figures they share, or as the end of a series the text
    quotes from a table (the start of which it quotes correctly). Units are converted first
    (万t, t, kg; t C and t CO2 by 44/12), and printed rounding is allowed for.

    Example: Table 2 gives the 2000 and 2015 totals as 734.13 and 1 785.68 (10⁴ t); the
    conclusion says the total "grew from 734.13 × 10⁴ t to 1 357.62 × 10⁴ t"."""
    for check in failing_checks(ctx, "CN007"):
        diag = check.diagnosis
        cause = diag.detail if diag is not None else None
        cause_zh = _CAUSE_ZH.get(diag.code, cause) if diag is not None else None
        if diag is not None and diag.exponent:
            cause = f"a {10 ** abs(diag.exponent)}× gap: {cause}"
            cause_zh = f"相差 {10 ** abs(diag.exponent)} 倍：{cause_zh}"
        strong = (check.note or "").endswith("evidence strong")
        message = (
            f"{check.label}: {check.note}. Printed {check.reported}, the other place gives "
            f"{check.expected} (interval [{check.expected_low}, {check.expected_high}])."
        )
        message_zh = (
            f"{check.label}：同一数值两处不一致，此处为 {check.reported}，另一处为 {check.expected}"
            f"（区间 [{check.expected_low}, {check.expected_high}]）。"
        )
        if not strong:
            message += " The two places were matched by their labels and units; check they mean the same figure."
            message_zh += "两处系按名称与单位匹配，请核实其所指为同一数值。"
        message, message_zh = with_likely_cause(message, message_zh, cause, cause_zh)
        yield ctx.check_finding(
            "CN007",
            check,
            message=message,
            message_zh=message_zh,
            likely_cause=cause,
            likely_cause_zh=cause_zh,
            severity=None if strong else "warning",
        )


@rule("UN006")
def formula_basis_contradicted(ctx: RuleContext) -> Iterator[Finding]:
    """A printed formula converts between carbon and CO2 (× 44/12 gives CO2, × 12/44 gives
    carbon), and the result it defines is printed in the other basis: in its own definition,
    in a table column named by its symbol, or as a result figure in the text (per area, money
    or person) whose sentence names the same emission. Either the unit is wrong or the
    conversion was not applied; the two differ by 3.67×.

    Example: "E = Σ Rᵢ × NCVᵢ × EFᵢ × θ, θ 为转换系数 (44/12)" and later "碳排放强度由 1.07 t C·
    (10⁴元)⁻¹ 下降到 0.41 t C·(10⁴元)⁻¹"."""
    for check in failing_checks(ctx, "UN006"):
        yield ctx.check_finding(
            "UN006",
            check,
            message=f"{check.label}: {check.note}. One of the two is wrong: the results differ by 44/12 (3.67×).",
            message_zh=(
                f"{check.label}：{check.note}。公式给出的是 {check.expected}，结果却以另一碳基准"
                "标注，二者相差 44/12（3.67 倍），单位或换算必有一处有误。"
            ),
        )


@rule("AR014")
def table_departs_from_formula(ctx: RuleContext) -> Iterator[Finding]:
    """A table does not follow the formula the report prints for it: evaluated exactly on
    every row from the columns its symbols name, the formula gives values that differ from
    the printed column by one and the same ratio on every row (12/44, 44/12, a power of ten):
    a conversion applied in the table but not in the formula, or the reverse.

    Example: "E = AD × EF" with AD and EF columns, and an E column that is AD × EF × 12/44
    on every row."""
    for check in failing_checks(ctx, "AR014"):
        yield ctx.check_finding(
            "AR014",
            check,
            message=f"{check.label}: {check.note}. The table does not follow its own formula.",
            message_zh=f"{check.label}：{check.note}。表中数值与报告所列公式不符。",
            severity="warning",
        )
