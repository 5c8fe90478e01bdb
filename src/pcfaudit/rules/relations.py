"""Relations the report's numbers obey, beyond the inventory: growth rates stated in the text
(AR011) and cells that break a relation the rest of their table obeys (AR012).

Both read :class:`~pcfaudit.recompute.Check` objects (``ctx.checks``) by relation; the
recompute stage found the relation and judged each cell.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from pcfaudit.model import Finding
from pcfaudit.rules.arithmetic import owner
from pcfaudit.rules.engine import RuleContext, rule


def _owned(ctx: RuleContext, code: str) -> Iterator[Any]:
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
    6.34 %, the simple mean 10.45 %."""
    for check in _owned(ctx, "AR011"):
        diag = check.diagnosis
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
        else:
            message = (
                f"The text states an average annual growth rate of {check.reported} for "
                f"{check.label}; recomputed from these values: {check.note} (expected "
                f"{check.expected}%, any reading in [{check.expected_low}, "
                f"{check.expected_high}] %)."
            )
            message_zh = (
                f"正文给出 {check.label} 的年均增长率为 {check.reported}；按所列两端数值重新计算："
                f"{check.note}（应约为 {check.expected}%）。"
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
            key=check.label,
        )
