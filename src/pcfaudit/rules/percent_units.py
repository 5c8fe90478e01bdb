"""UN012: a table labelled in per cent whose rows of shares add up to 1: fractions printed
as percentages."""

from __future__ import annotations

from collections.abc import Iterator

from pcfaudit.model import Finding
from pcfaudit.rules.engine import RuleContext, rule
from pcfaudit.rules.relations import failing_checks


@rule("UN012")
def fractions_labelled_percent(ctx: RuleContext) -> Iterator[Finding]:
    """A table whose caption (or every numeric column) says per cent, while its rows of
    shares add up to 1, not 100: the values are fractions under a per-cent label.

    Read as labelled, every value is a hundred times too small: a contribution of 0.45
    under "／%" reads as 0.45 % where 45 % is meant, and any text quoting "45 %" seems to
    contradict the table. Judged only when three or more rows (and two thirds of the rows
    with three or more shares) add up to 1 within rounding, and no cell exceeds 1.

    Example: "表 4 各分解要素贡献率／%": 2000—2001 0.24, 0.25, 0.27, 0.24.
    """
    for check in failing_checks(ctx, "UN012"):
        yield ctx.check_finding(
            "UN012",
            check,
            message=(
                f"{check.label}: {check.reported}; {check.note}. Either the label should not "
                "say % or the values should be multiplied by 100."
            ),
            message_zh=(
                f"{check.label}：{check.reported}。表头标为 %，但各行之和为 1 而非 100，数值实为比例（小数）；"
                "按所标单位读取，每个数值都小了 100 倍。应删去 % 或将数值乘以 100。"
            ),
            likely_cause="fractions printed under a per-cent label",
            likely_cause_zh="以小数表示的比例误标为百分数",
        )
