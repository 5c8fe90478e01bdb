"""UN011: coefficients per kg of an input that are 1000× off their plausible size."""

from __future__ import annotations

from collections.abc import Iterator

from pcfaudit.model import Finding
from pcfaudit.rules.engine import RuleContext, rule
from pcfaudit.rules.relations import failing_checks


@rule("UN011")
def input_coefficient_unit_slip(ctx: RuleContext) -> Iterator[Finding]:
    """An emission coefficient printed per kg of an input (fertiliser, pesticide, film,
    diesel) lies a factor 1000 outside any plausible size on either basis (kg C or kg CO2e
    per kg), and fits once the unit is read per tonne (or the gram as a kilogram): the
    printed unit is wrong, and whoever reuses the coefficient as printed is 1000× off.

    Example: "氮肥 1740.00 kg·kg⁻¹" (1.74 kg C per kg N, printed per kg for per t); "柴油
    0.5927 g·kg⁻¹" (0.5927 kg per kg)."""
    for check in failing_checks(ctx, "UN011"):
        yield ctx.check_finding(
            "UN011",
            check,
            message=(
                f"{check.label}: {check.reported}. {check.note}: {check.expected}. The printed "
                "units are wrong (kg/t or kg/kg meant)."
            ),
            message_zh=(
                f"表 {check.label.split()[-1]}：{check.reported}。单位投入的排放系数按所印单位偏离合理量级 "
                f"1000 倍，换算 10³ 后即落入合理范围：{check.expected}。单位有误（应为 kg·t⁻¹ 或 "
                "kg·kg⁻¹）。"
            ),
            likely_cause="unit slip by 10³ (kg/t printed as kg/kg, or kg/kg as g/kg)",
            likely_cause_zh="单位相差 10³（kg·t⁻¹ 误作 kg·kg⁻¹，或 kg·kg⁻¹ 误作 g·kg⁻¹）",
        )
