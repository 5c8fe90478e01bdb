"""EPD rules on citations and dates (EP020-EP022): withdrawn standards cited as a basis,
placeholder dates left in the document, a production volume of zero."""

from __future__ import annotations

from collections.abc import Iterator

from pcfaudit.model import Finding, Location, Statement
from pcfaudit.rules.engine import RuleContext, rule

# Why each standard no longer is a basis (kept with the rule that reports it).
WITHDRAWN = {
    "ISO 14041": "withdrawn in 2006 and replaced by ISO 14044; EN 14041 (resilient, textile and laminate floor coverings) may be meant",
    "ISO 14042": "withdrawn in 2006 and replaced by ISO 14044",
    "ISO 14043": "withdrawn in 2006 and replaced by ISO 14044",
    "ISO 14040:1997": "replaced by ISO 14040:2006",
    "ISO/TR 14025:2000": "replaced by ISO 14025:2006",
    "PAS 2050:2008": "replaced by PAS 2050:2011",
}


def _of(ctx: RuleContext, kind: str) -> list[Statement]:
    return [s for s in ctx.report.statements if s.kind == kind]


def _loc(s: Statement) -> Location:
    return s.location if s.location.quote else s.location.with_quote(s.text[:200])


@rule("EP020")
def withdrawn_standard(ctx: RuleContext) -> Iterator[Finding]:
    """A withdrawn standard is cited (ISO 14041/14042/14043, ISO 14040:1997, …).

    ISO 14041-14043 were merged into ISO 14044 in 2006; an EPD written since cannot follow
    them. A citation of one is a wrong number (ISO 14041 for the floor-covering standard
    EN 14041 is a common slip) or an outdated method; either way the reference is wrong.
    Sentences that say the standard was replaced are not citations.

    Example: "classified according to ISO 14041 and ISO 10874".
    """
    seen: set[str] = set()
    for s in _of(ctx, "epd-withdrawn-standard"):
        name = s.subject or ""
        if name in seen or name not in WITHDRAWN:
            continue
        seen.add(name)
        ctx.count(False)
        yield ctx.finding(
            "EP020",
            message=(
                f"{name} is cited ({s.location.describe()}: '{s.text[:120]}'), but it was "
                f"{WITHDRAWN[name]}. The reference is wrong or outdated."
            ),
            message_zh=f"文中引用了 {name}（{s.location.describe()}），该标准已废止（{WITHDRAWN[name]}），引用有误或已过时。",
            locations=[_loc(s)],
            reported=name,
            expected="a standard in force",
            key=name,
        )


@rule("EP021")
def placeholder_date(ctx: RuleContext) -> Iterator[Finding]:
    """A date field still holds a template placeholder ('XX/XX/XXXX', 'DD.MM.YYYY').

    The date of issue, validity or revision tells a customer whether the EPD can be used;
    a placeholder means the document was published unfinished.

    Example: "Valid until: XX/XX/XXXX".
    """
    for s in _of(ctx, "epd-placeholder-date"):
        ctx.count(False)
        yield ctx.finding(
            "EP021",
            message=(
                f"A date is left as the placeholder '{s.subject}' ({s.location.describe()}: "
                f"'{s.text[:120]}'). The EPD's dates must be filled in before publication."
            ),
            message_zh=f"日期仍为占位符“{s.subject}”（{s.location.describe()}），发布前须填写实际日期。",
            locations=[_loc(s)],
            reported=s.subject,
            expected="a date",
            key=s.text[:60],
        )


@rule("EP022")
def production_volume_zero(ctx: RuleContext) -> Iterator[Finding]:
    """The production volume of the reference year is stated as zero.

    Specific (plant) data are averaged over the reference year's production; a volume of 0
    means nothing was produced to average over, so the per-unit results cannot come from
    that year's data (or the volume was not filled in).

    Example: "Annual production in the reference year 2022: 0 t".
    """
    for s in _of(ctx, "epd-production-volume"):
        if not s.values:
            continue
        ok = s.values[0].value != 0
        ctx.count(ok)
        if ok:
            continue
        yield ctx.finding(
            "EP022",
            message=(
                f"The production volume is stated as {s.values[0].text} {s.subject} ({s.location.describe()}: "
                f"'{s.location.quote}'). Results averaged over a year's production need a production."
            ),
            message_zh=f"产量为 {s.values[0].text} {s.subject}（{s.location.describe()}），以年产量平均的结果须有实际产量。",
            locations=[_loc(s)],
            reported=f"{s.values[0].text} {s.subject}",
            expected="> 0",
        )
