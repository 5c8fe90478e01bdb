"""EX007: numbers the report prints that pcfaudit cannot use, so did not audit.

A number with more significant digits, or a larger or smaller magnitude, than any report can
mean (see :func:`pcfaudit.vocab.numbers.within_meaning`) stays text: no check computes with
it. Saying so keeps "no findings" from reading as "checked" (DESIGN.md, "Coverage").
"""

from __future__ import annotations

from collections.abc import Iterator

from pcfaudit.model import Confidence, Finding, UnusableNumber
from pcfaudit.rules.engine import RuleContext, rule

# Several such numbers are one finding (one cause, one action); past this many, the rest
# are counted rather than named.
_NAMED = 10
# The finding rests on the printed string alone, not on a reading of the table.
_SURE = Confidence("high", "the printed number itself is past what pcfaudit computes with")


@rule("EX007")
def unusable_numbers(ctx: RuleContext) -> Iterator[Finding]:
    """The report prints numbers pcfaudit cannot use: more than 30 significant digits, or a
    magnitude beyond 10^±100 (an overflowed spreadsheet cell, ``1E+999``, a pasted hash in
    a results column). They are kept as text and left out of every check; the rest of the
    report is audited as usual. The finding names each printed number and its place.

    Example: a table cell "1E+999" under "Emissions (kgCO2e)".
    """
    found = ctx.report.unusable_numbers
    ctx.count(not found)
    if len(found) == 1:
        number = found[0]
        place = number.location.describe()
        yield ctx.finding(
            "EX007",
            message=f"A number pcfaudit cannot use ({number.reason}) at {place} was not "
            f"audited: '{number.text}'. No check used it; verify it by hand.",
            message_zh=f"{place} 处的数字“{number.text}”超出 pcfaudit 可处理的范围"
            f"（{_reason_zh(number)}），未被审核，也未参与任何检查；请人工核对。",
            locations=[number.location],
            reported=number.text,
            confidence=_SURE,
            likely_cause="a spreadsheet overflow, a mistyped exponent or an identifier in a "
            "number column",
        )
    elif found:
        yield _together(ctx, found)


def _together(ctx: RuleContext, found: list[UnusableNumber]) -> Finding:
    named = found[:_NAMED]
    more = len(found) - len(named)
    listed = "; ".join(f"'{n.text}' ({n.reason}) at {n.location.describe()}" for n in named)
    listed_zh = "；".join(
        f"{n.location.describe()} 处的“{n.text}”（{_reason_zh(n)}）" for n in named
    )
    return ctx.finding(
        "EX007",
        message=f"{len(found)} numbers pcfaudit cannot use were not audited: {listed}"
        + (f"; and {more} more" if more else "")
        + ". No check used them; verify them by hand.",
        message_zh=f"{len(found)} 个数字超出 pcfaudit 可处理的范围，未被审核：{listed_zh}"
        + (f"；另有 {more} 个" if more else "")
        + "。这些数字未参与任何检查；请人工核对。",
        locations=[n.location for n in named],
        reported=", ".join(n.text for n in named),
        confidence=_SURE,
        likely_cause="spreadsheet overflows, mistyped exponents or identifiers in number columns",
    )


def _reason_zh(number: UnusableNumber) -> str:
    if number.reason.endswith(" digits"):
        return f"{number.reason.split()[0]} 位有效数字"
    return number.reason.replace("magnitude ", "数量级 ")
