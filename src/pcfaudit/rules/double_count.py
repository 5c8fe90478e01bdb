"""BD006: crude oil summed with the products refined from it."""

from __future__ import annotations

from collections.abc import Iterator

from pcfaudit.model import Finding
from pcfaudit.rules.engine import RuleContext, rule
from pcfaudit.rules.relations import failing_checks


@rule("BD006")
def crude_with_refined_products(ctx: RuleContext) -> Iterator[Finding]:
    """A total that the table's numbers show to be a sum of fuels adds crude oil to two or
    more products refined from it (gasoline, kerosene, diesel, fuel oil, LPG, naphtha).

    Crude oil is refinery feedstock: in an energy balance its consumption is what refineries
    take in, and the fuels burnt are their output. Adding the crude's carbon to the products'
    counts the same carbon twice, unless the crude itself is burnt, which the report should
    then say. A warning: the table cannot tell what the crude row stands for.

    Example: 合计 = 原煤 + 焦炭 + 原油 + 汽油 + 煤油 + 柴油 + 燃料油 + 天然气.
    """
    for check in failing_checks(ctx, "BD006"):
        yield ctx.check_finding(
            "BD006",
            check,
            message=(
                f"{check.reported}: {check.note}. Unless the crude oil is burnt as such, the "
                "total double counts it; count the crude or its products, not both."
            ),
            message_zh=(
                f"{check.reported}：合计把原油与其炼制产品相加。原油是炼厂原料，其碳在燃烧的成品油中已被计入；"
                "除非原油本身被直接燃烧"
                "（报告应予说明），合计存在重复计算，应只计原油或只计其产品。"
            ),
            likely_cause="refinery feedstock counted beside its products",
            likely_cause_zh="炼厂原料与其产品重复计入",
        )
