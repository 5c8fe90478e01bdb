"""EF011: a column of fuel carbon contents shifted by one row against its fuel labels."""

from __future__ import annotations

from collections.abc import Iterator

from pcfaudit.model import Finding
from pcfaudit.rules.engine import RuleContext, rule
from pcfaudit.rules.relations import failing_checks


@rule("EF011")
def carbon_content_shifted(ctx: RuleContext) -> Iterator[Finding]:
    """Three or more consecutive fuels in a carbon-content column each print the default of
    the fuel on the next (or previous) row and not their own, while other rows of the same
    column print their own defaults: the column was pasted one row off, and every emission
    computed from those rows uses another fuel's factor.

    Example: "原油 18.9 / 汽油 19.6 / 煤油 20.2 / 柴油 21.1 t C/TJ" where the IPCC defaults are
    crude oil 20.0, gasoline 18.9, kerosene 19.6, diesel 20.2."""
    for check in failing_checks(ctx, "EF011"):
        yield ctx.check_finding(
            "EF011",
            check,
            message=(
                f"{check.label}: {check.note}. Printed: {check.reported}; expected: "
                f"{check.expected} t C/TJ."
            ),
            message_zh=(
                f"{check.label}：连续 {len(check.locations)} 种燃料的单位热值含碳量均为相邻一行燃料的缺省值"
                f"（表中：{check.reported}；应为：{check.expected} t C/TJ），疑似整列错位一行；"
                "据此计算的排放均采用了另一种燃料的因子。"
            ),
            likely_cause="column shifted by one row against its fuel labels",
            likely_cause_zh="数值列与燃料名称错位一行",
        )
