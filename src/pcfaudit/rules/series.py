"""PL004: one value of a yearly series ten times (or a tenth of) both its neighbours, where
moving its decimal point one place puts it in line: a slipped decimal point."""

from __future__ import annotations

from collections.abc import Iterator

from pcfaudit.model import Finding
from pcfaudit.rules.engine import RuleContext, rule
from pcfaudit.rules.relations import failing_checks


@rule("PL004")
def decimal_slip_in_series(ctx: RuleContext) -> Iterator[Finding]:
    """A value in a yearly series is about ten times (or a tenth of) both neighbouring years,
    which agree with each other, and moved one decimal place it fits between them.

    A consumption, production or emission series moves by tens of per cent a year, not by
    a factor of ten and back. A tenfold spike whose tenth sits in line with the years around
    it is the signature of a decimal point typed one place off (8.78 for 0.878), and every
    total, share and growth rate computed from the series carries it. Judged on tables whose
    rows (or columns) are five or more consecutive years; a column with two or more such
    values is a volatile series and is left alone. A warning: a one-year event (a plant
    started and stopped) can be real, and the report should then say so.

    Example: 天然气 2003 0.59, 2004 8.78, 2005 0.81 (×10⁴ t CO2): 0.878 would fit.
    """
    for check in failing_checks(ctx, "PL004"):
        yield ctx.check_finding(
            "PL004",
            check,
            message=(
                f"{check.label}: {check.note}. A slipped decimal point is likelier than a "
                "one-year tenfold swing; every total and growth rate using the value carries it."
            ),
            message_zh=(
                f"{check.label}：{check.reported} 约为前后两年数值的十倍（或十分之一），而前后两年彼此接近；"
                f"小数点移动一位后为 {check.expected}，与序列相符。疑似小数点错位，"
                "使用该值的合计与增长率均受影响；若确为当年实际波动，报告应予说明。"
            ),
            likely_cause="decimal point moved one place",
            likely_cause_zh="小数点错位一位",
        )
