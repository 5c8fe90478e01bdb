"""EPD claim rules (EP008-EP013): declared unit, masses, biogenic carbon, editions cited and
validity dates, read from the ``epd-*`` statements of :mod:`pcfaudit.interpret.epd_claims`."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from fractions import Fraction

from pcfaudit.model import Finding, Location, Statement
from pcfaudit.quantities import Interval, fmt_sig, interval_sum
from pcfaudit.rules.engine import RuleContext, rule
from pcfaudit.vocab.epd import declared_unit_key
from pcfaudit.vocab.units import conversion_factor

CO2_PER_C = Fraction(44, 12)
A2_ONLY = {
    "GWP-fossil",
    "GWP-biogenic",
    "GWP-luluc",
    "EP-freshwater",
    "EP-marine",
    "EP-terrestrial",
    "WDP",
}


def _of(ctx: RuleContext, kind: str) -> list[Statement]:
    return [s for s in ctx.report.statements if s.kind == kind]


def _loc(s: Statement) -> Location:
    return s.location if s.location.quote else s.location.with_quote(s.text)


@rule("EP008")
def declared_unit_differs(ctx: RuleContext) -> Iterator[Finding]:
    """The declared (or functional) unit is stated differently in different sections.

    Every EPD result is per declared unit. When the product description says 1 m³ and the
    results section 1 t, the reader cannot tell what the numbers refer to (and a mass-based
    conversion would change them a thousandfold).

    Example: "Declared unit: 1 m³ of concrete" … "The declared unit is 1 t of concrete".
    """
    stated = [(k, s) for s in _of(ctx, "epd-declared-unit") if (k := declared_unit_key(s))]
    if not stated:
        ctx.count(None)
        return
    keys = list(dict.fromkeys(k for k, _ in stated))
    ctx.count(len(keys) == 1)
    if len(keys) == 1:
        return
    first = [next(s for k, s in stated if k == key) for key in keys]
    shown = "; ".join(
        f"{k[0]} {k[1]} ({s.location.describe()})" for k, s in zip(keys, first, strict=True)
    )
    yield ctx.finding(
        "EP008",
        message=(
            f"The declared unit is stated as {shown}. All results are per declared unit, so it "
            "must be one and the same throughout the EPD."
        ),
        message_zh=f"声明单位前后表述不一致：{shown}。全部结果均以声明单位为基准，全文应统一。",
        locations=[_loc(s) for s in first],
        reported=" vs ".join(f"{k[0]} {k[1]}" for k in keys),
        expected="one declared unit",
    )


def _kg(values: list[Interval], unit: str) -> Interval | None:
    k = conversion_factor(unit, "kg")
    return interval_sum(values).scale(k) if k is not None else None


@rule("EP009")
def mass_differs_from_content(ctx: RuleContext) -> Iterator[Finding]:
    """The mass per declared unit differs from the masses of the content declaration.

    The content table lists what one declared unit is made of; its total (printed, or the
    sum of its rows) must equal the stated mass per declared unit (or the declared unit
    itself when that is a mass). A printed total that differs is an error; a row sum that
    differs is a warning (the table may list packaging beside the product).

    Example: "Mass per declared unit: 2500 kg" but the content table totals 2400 kg.
    """
    mass = next(iter(_of(ctx, "epd-mass-per-du")), None) or next(
        (s for s in _of(ctx, "epd-declared-unit") if s.subject in {"kg", "t"}), None
    )
    totals = _of(ctx, "epd-content-total")
    rows = _of(ctx, "epd-content-mass")
    if mass is None or not mass.values or not mass.subject or not (totals or rows):
        if totals or rows:
            ctx.count(None)
        return
    m = _kg([Interval.of(mass.values[0])], mass.subject)
    candidates: list[tuple[str, list[Statement]]] = []
    if totals:
        candidates.append(("total", totals[:1]))
    if len(rows) >= 2:
        candidates.append(("rows", rows))
    for what, group in candidates:
        unit = (group[0].subject or "|kg").split("|")[-1]
        c = _kg([Interval.of(s.values[0]) for s in group], unit)
        if m is None or c is None:
            ctx.count(None)
            continue
        ok = m.meets(c)
        ctx.count(ok)
        if ok:
            if what == "total":
                return  # the printed total agrees: rows are EP-arithmetic of the table itself
            continue
        shown = fmt_sig(c.mid, 6)
        yield ctx.finding(
            "EP009",
            message=(
                f"The mass per declared unit is {mass.values[0].text} {mass.subject} ({mass.location.describe()}) "
                f"but the content declaration {'totals' if what == 'total' else 'rows sum to'} {shown} kg. "
                "The composition must describe the same declared unit as the results."
            ),
            message_zh=(
                f"每声明单位质量为 {mass.values[0].text} {mass.subject}（{mass.location.describe()}），"
                f"而成分表{'合计' if what == 'total' else '各行之和'}为 {shown} kg。成分表应与结果对应同一声明单位。"
            ),
            locations=[_loc(mass), *(_loc(s) for s in group[:6])],
            reported=f"{mass.values[0].text} {mass.subject}",
            expected=f"{shown} kg",
            severity="warning" if what == "rows" else None,
            key=what,
        )
        return


@rule("EP010")
def biogenic_carbon_conversion(ctx: RuleContext) -> Iterator[Finding]:
    """Biogenic carbon (kg C) × 44/12 differs from the biogenic CO2 printed beside it.

    EN 15804+A2 reports biogenic carbon content in kg C; where the EPD also prints the CO2
    it corresponds to, the two are related by the molar mass ratio 44/12 (1 kg C = 3.667 kg
    CO2). Only statements that print both are checked.

    Example: "0.50 kg C, corresponding to 1.50 kg CO2" (expected 1.83 kg CO2).
    """
    for s in _of(ctx, "epd-biogenic-carbon"):
        if len(s.values) < 2:
            ctx.count(None)
            continue
        c, co2 = s.values[0], s.values[1]
        expected = Interval.of(c).scale(CO2_PER_C)
        ok = Interval.of(co2).meets(expected)
        ctx.count(ok)
        if ok:
            continue
        point = fmt_sig(Fraction(c.value) * CO2_PER_C, 4)
        yield ctx.finding(
            "EP010",
            message=(
                f"{c.text} kg C of biogenic carbon corresponds to {point} kg CO2 (× 44/12), but "
                f"{co2.text} kg CO2 is printed ({s.location.describe()})."
            ),
            message_zh=f"生物成因碳 {c.text} kg C 对应 {point} kg CO2（× 44/12），但报告给出 {co2.text} kg CO2（{s.location.describe()}）。",
            locations=[_loc(s)],
            reported=co2.text,
            expected=point,
        )


@rule("EP011")
def editions_disagree(ctx: RuleContext) -> Iterator[Finding]:
    """The PCR or EN 15804 edition cited differs between places, or the indicators do not
    match the edition cited.

    An EPD follows one PCR version and one edition of EN 15804 (+A1 or +A2); citing two
    leaves the method unclear, and +A2 indicators (GWP-fossil, -biogenic, -luluc) in an
    EPD that cites only +A1 (or the other way round) mean the wrong edition is named.
    Sentences that compare with another edition ('not comparable with EPDs under
    EN 15804+A1') are not citations. Warning: a verifier should query, not reject.

    Example: "PCR 2019:14 version 1.3.4" on the cover, "PCR 2019:14 version 1.2.5" in §3.
    """
    yield from _pcr_citations(ctx)
    editions: dict[str, Statement] = {}
    for s in _of(ctx, "epd-standard"):
        editions.setdefault(s.subject or "", s)
    if editions:
        ctx.count(len(editions) == 1)
    if len(editions) > 1:
        shown = ", ".join(f"{e} ({s.location.describe()})" for e, s in editions.items())
        yield ctx.finding(
            "EP011",
            message=f"Different editions of EN 15804 are cited: {shown}. The EPD must follow one edition.",
            message_zh=f"引用了不同版本的 EN 15804：{shown}。EPD 应依据同一版本。",
            locations=[_loc(s) for s in editions.values()],
            reported=" vs ".join(editions),
            expected="one edition",
            key="en15804",
        )
    indicators = {i for m in ctx.report.matrices for i in m.indicators}
    if set(editions) == {"EN 15804+A1"} and indicators & A2_ONLY:
        ctx.count(False)
        s = editions["EN 15804+A1"]
        found = ", ".join(sorted(indicators & A2_ONLY))
        yield ctx.finding(
            "EP011",
            message=(
                f"Only EN 15804+A1 is cited ({s.location.describe()}) but the results report {found}, "
                "indicators defined by EN 15804+A2. The edition cited does not match the method used."
            ),
            message_zh=f"报告仅引用 EN 15804+A1（{s.location.describe()}），但结果中包含 EN 15804+A2 的指标（{found}），所引用版本与所用方法不符。",
            locations=[_loc(s)],
            reported="EN 15804+A1",
            expected="EN 15804+A2",
            key="a1-with-a2-indicators",
        )


def _pcr_citations(ctx: RuleContext) -> Iterator[Finding]:
    """One PCR cited with two versions or two dates."""
    cited: dict[str, list[tuple[str, str, Statement]]] = {}
    for s in _of(ctx, "epd-pcr"):
        ident, version, date = ((s.subject or "") + "||").split("|")[:3]
        if version or date:
            cited.setdefault(ident, []).append((version, date, s))
    for ident, items in cited.items():
        versions = list(dict.fromkeys(v for v, _, _ in items if v))
        dates = list(dict.fromkeys(d for _, d, _ in items if d))
        ok = len(versions) <= 1 and len(dates) <= 1
        ctx.count(ok)
        if ok:
            continue
        shown = "; ".join(
            " ".join(x for x in (f"version {v}" if v else "", d) if x)
            + f" ({s.location.describe()})"
            for v, d, s in {(v, d): (v, d, s) for v, d, s in items}.values()
        )
        what = "versions" if len(versions) > 1 else "dates"
        yield ctx.finding(
            "EP011",
            message=(
                f"{ident} is cited with different {what}: {shown}. An EPD follows one PCR version; "
                "the reader cannot tell which rules were applied."
            ),
            message_zh=f"{ident} 在不同位置以不同{'版本' if what == 'versions' else '日期'}引用：{shown}。EPD 应依据同一 PCR 版本。",
            locations=[_loc(s) for _, _, s in items],
            reported=" vs ".join(versions if len(versions) > 1 else dates),
            expected="one version",
            key=f"pcr:{ident}",
        )
    yield from _pcr_after_document(ctx, cited)


def _pcr_after_document(
    ctx: RuleContext, cited: dict[str, list[tuple[str, str, Statement]]]
) -> Iterator[Finding]:
    """A PCR version dated after the EPD's latest issue or revision date."""
    stamps = [
        (d, s) for s in _of(ctx, "epd-issued") + _of(ctx, "epd-revised") if (d := _date(s.subject))
    ]
    if not stamps:
        return
    latest, doc = max(stamps, key=lambda x: x[0])
    for ident, items in cited.items():
        for version, date, s in items:
            when = _date(date)
            if when is None or len(date.split("-")) < 3:
                continue
            ok = when <= latest
            ctx.count(ok)
            if ok:
                continue
            yield ctx.finding(
                "EP011",
                message=(
                    f"{ident}{' version ' + version if version else ''} is dated {date} "
                    f"({s.location.describe()}), after the EPD's own date {doc.subject} "
                    f"({doc.location.describe()}): a document cannot follow rules published after it."
                ),
                message_zh=f"{ident}{' ' + version if version else ''} 的日期为 {date}，晚于 EPD 本身的日期 {doc.subject}：文件不可能依据其发布后才出版的规则。",
                locations=[_loc(s), _loc(doc)],
                reported=date,
                expected=f"on or before {doc.subject}",
                key=f"pcr-date:{ident}:{date}",
            )


def _date(iso: str | None) -> dt.date | None:
    if not iso:
        return None
    parts = [int(p) for p in iso.split("-")]
    try:
        return dt.date(parts[0], parts[1], parts[2] if len(parts) > 2 else 1)
    except (ValueError, IndexError):
        return None


def _validity(
    ctx: RuleContext, from_revision: bool = False
) -> tuple[Statement, Statement] | None:
    """(start, until) statements. ``from_revision``: a revised EPD's validity runs from its
    latest revision, when the revision date is later than the issue."""
    start = next(iter(_of(ctx, "epd-issued") or _of(ctx, "epd-valid-from")), None)
    if from_revision and start is not None:
        dated = [(d, s) for s in [start, *_of(ctx, "epd-revised")] if (d := _date(s.subject))]
        start = max(dated, key=lambda x: x[0])[1] if dated else start
    until = next(iter(_of(ctx, "epd-valid-until")), None)
    return (start, until) if start and until else None


@rule("EP012")
def valid_until_before_issue(ctx: RuleContext) -> Iterator[Finding]:
    """The EPD's 'valid until' date is not after its date of issue.

    An EPD valid until a date before (or on) the day it was issued has a typo in one of
    the dates (often the year); the validity a customer relies on is unknown.

    Example: "发布日期：2024年3月1日 … 有效期至：2023年2月28日".
    """
    pair = _validity(ctx)
    if pair is None:
        if _of(ctx, "epd-valid-until"):
            ctx.count(None)
        return
    start, until = pair
    a, b = _date(start.subject), _date(until.subject)
    if a is None or b is None:
        ctx.count(None)
        return
    partial = len((start.subject or "").split("-")) < 3 or len((until.subject or "").split("-")) < 3
    ok = b > a or (partial and (b.year, b.month) >= (a.year, a.month))
    ctx.count(ok)
    if ok:
        return
    yield ctx.finding(
        "EP012",
        message=(
            f"The EPD is valid until {until.subject} ({until.location.describe()}) but was issued on "
            f"{start.subject} ({start.location.describe()}): the validity ends before it begins. One "
            "of the dates is wrong."
        ),
        message_zh=f"EPD 有效期至 {until.subject}（{until.location.describe()}），但发布日期为 {start.subject}（{start.location.describe()}），有效期在开始之前即已结束，其中一个日期有误。",
        locations=[_loc(start), _loc(until)],
        reported=until.subject,
        expected=f"after {start.subject}",
    )


@rule("EP013")
def validity_too_long(ctx: RuleContext) -> Iterator[Finding]:
    """The validity period is longer than the programme allows (5 years for EN 15804 EPDs).

    EN 15804 EPDs, and the programmes that publish them (International EPD System, IBU,
    EPD Norge, …), are valid for at most five years after issue, after which the data must
    be reviewed. A longer period usually means a wrong date. Warning: a programme may set
    its own period (parameter ``max_years``).

    A revised EPD's period runs from its latest revision ("Publication 2018-05-28, Revision
    2023-12-28, Validity 2028-12-27" is within five years).

    Example: "Date of issue: 2023-05-12 … Valid until: 2029-05-11".
    """
    pair = _validity(ctx, from_revision=True)
    if pair is None:
        return
    start, until = pair
    a, b = _date(start.subject), _date(until.subject)
    if a is None or b is None or b <= a:
        ctx.count(None)
        return
    years = int(ctx.params("EP013").get("max_years", 5))
    try:
        limit = a.replace(year=a.year + years)
    except ValueError:  # 29 February
        limit = a.replace(year=a.year + years, day=28)
    # A month-only date ends at the end of its month.
    ok = b <= limit or (
        len((until.subject or "").split("-")) < 3 and (b.year, b.month) <= (limit.year, limit.month)
    )
    ctx.count(ok)
    if ok:
        return
    yield ctx.finding(
        "EP013",
        message=(
            f"The EPD was {'revised' if start.kind == 'epd-revised' else 'issued'} on "
            f"{start.subject} and is stated valid until {until.subject}: "
            f"longer than the {years} years EN 15804 programmes allow. Check the dates."
        ),
        message_zh=(
            f"EPD {'修订' if start.kind == 'epd-revised' else '发布'}于 {start.subject}，有效期至 "
            f"{until.subject}，超过 EN 15804 体系允许的 {years} 年，请核实日期。"
        ),
        locations=[_loc(start), _loc(until)],
        reported=until.subject,
        expected=f"until {limit.isoformat()} at the latest",
    )
