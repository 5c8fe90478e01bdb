"""temporal rules: the dates of a report against each other.

Dates come from the interpreter as DateClaims: report (cover / compilation date),
reporting-period, data-collection, data-year and base-year. Dates are compared as
(year, month) months; a date printed with the year only stands for the whole year, so a
comparison is made only when the answer holds for every month the date may mean.
"""

from __future__ import annotations

from collections.abc import Iterator

from pcfaudit.model import Confidence, DateClaim, Finding, Location
from pcfaudit.rules.engine import RuleContext, rule


def first_month(d: DateClaim) -> int:
    """Months since year 0 of the earliest month the date may mean."""
    return d.year * 12 + ((d.month or 1) - 1)


def last_month(d: DateClaim) -> int:
    return d.year * 12 + ((d.month or 12) - 1)


def show(d: DateClaim) -> str:
    if d.month and d.day:
        return f"{d.year}-{d.month:02d}-{d.day:02d}"
    if d.month:
        return f"{d.year}-{d.month:02d}"
    return str(d.year)


def _q(d: DateClaim) -> Location:
    return d.location if d.location.quote else d.location.with_quote(d.text)


def _of(ctx: RuleContext, *kinds: str) -> list[DateClaim]:
    return [d for d in ctx.report.dates if d.kind in kinds]


def _report_date(ctx: RuleContext) -> DateClaim | None:
    """The report's own date: the most precise one (a full date beats a bare year)."""
    dates = _of(ctx, "report")
    if not dates:
        return None
    return max(dates, key=lambda d: (d.month is not None, d.day is not None, first_month(d)))


@rule("TM001")
def data_collected_before_period_end(ctx: RuleContext) -> Iterator[Finding]:
    """Data said to be collected before the period they describe had ended.

    A footprint based on a year's production needs that year's data; data collected in
    January cannot cover February to December of the same year. Either the collection date,
    the reporting period or the claim that the data are actual annual data is wrong (or the
    data are partly forecast, which the report must say).

    Example: "报告年度：2024 年" … "本研究在 2024年1月进行数据的调查、收集和整理工作".
    """
    collections = _of(ctx, "data-collection")
    periods = _of(ctx, "reporting-period", "data-year")
    if not collections or not periods:
        ctx.count(None)
        return
    for c in collections:
        # The period the data describe: the latest one named (a period ends with its year).
        early = [p for p in periods if last_month(c) < last_month(p)]
        ctx.count(not early)
        if not early:
            continue
        p = max(early, key=last_month)
        yield ctx.finding(
            "TM001",
            message=f"The data were collected in {show(c)} ({c.location.describe()}: “{c.text}”) "
            f"but they describe {show(p)} ({p.location.describe()}: “{p.text}”), which had not "
            "ended then. Data collected before the period ends cannot be that period's actual "
            "data; either a date is wrong or part of the data is estimated, which the report "
            "must say.",
            message_zh=f"数据收集时间为 {show(c)}（{c.location.describe()}：“{c.text}”），而数据所代表的期间为 "
            f"{show(p)}（{p.location.describe()}：“{p.text}”），当时尚未结束。期间结束前收集的数据不可能是"
            "该期间的实际数据；要么日期有误，要么部分数据为估算，报告应予说明。",
            locations=[_q(c), _q(p)],
            reported=show(c),
            expected=f"after the end of {show(p)}",
            key=f"{show(c)}|{show(p)}",
        )


@rule("TM002")
def data_too_old(ctx: RuleContext) -> Iterator[Finding]:
    """Activity data much older than the report.

    A product footprint should represent current production. When the most recent year the
    data represent (data year, reporting period, or else the collection date) lies more than
    ``max_age_years`` (default 3) before the report date, the result describes a past
    production that may have changed (energy mix, suppliers, process). The finding names
    every data date found, so a verifier also sees when the collection date and the data
    year disagree.

    Example: cover "2024年3月"; "本研究在 2021 年 9 月进行企业现场数据的调查"; "代表企业2020年生产水平".
    """
    report = _report_date(ctx)
    data = _of(ctx, "data-year", "reporting-period")
    collections = _of(ctx, "data-collection")
    if report is None or not (data or collections):
        ctx.count(None)
        return
    limit = int(ctx.params("TM002").get("max_age_years", 3))
    basis = data or collections
    newest = max(basis, key=last_month)
    # Age in whole months between the end of the data period and the report date.
    age_months = first_month(report) - last_month(newest)
    ok = age_months <= limit * 12
    ctx.count(ok)
    if ok:
        return
    years = f"{age_months / 12:.1f}"
    others = [d for d in [*data, *collections] if d is not newest]
    extra_en = "; ".join(
        f"{d.kind} {show(d)} (“{d.text}”, {d.location.describe()})" for d in others
    )
    extra_zh = "；".join(
        f"{d.kind} {show(d)}（“{d.text}”，{d.location.describe()}）" for d in others
    )
    mixed_en = f" Other data dates in the report: {extra_en}." if others else ""
    mixed_zh = f"报告中的其他数据时间：{extra_zh}。" if others else ""
    yield ctx.finding(
        "TM002",
        message=f"The data represent {show(newest)} ({newest.location.describe()}: “{newest.text}”) "
        f"but the report is dated {show(report)} ({report.location.describe()}), about {years} "
        f"years later (limit {limit}).{mixed_en} The footprint describes past production; "
        "energy mix, suppliers and processes may have changed.",
        message_zh=f"数据代表 {show(newest)}（{newest.location.describe()}：“{newest.text}”），而报告日期为 "
        f"{show(report)}（{report.location.describe()}），相隔约 {years} 年（上限 {limit} 年）。{mixed_zh}"
        "碳足迹反映的是过去的生产情况，能源结构、供应商和工艺可能已经变化。",
        locations=[_q(newest), _q(report), *(_q(d) for d in others[:3])],
        reported=show(newest),
        expected=f"data from {report.year - limit} or later",
    )


@rule("TM003")
def impossible_dates(ctx: RuleContext) -> Iterator[Finding]:
    """Dates that cannot all be true: a report dated before its own data were collected or
    before the period it reports on began.

    A report cannot be compiled before its data exist. Usually one date is a typo (a year
    copied from a template); every date-based judgement in the report becomes unreliable.

    Example: cover "2023年5月"; "本研究在 2024 年 1 月进行数据收集".
    """
    report = _report_date(ctx)
    if report is None:
        ctx.count(None)
        return
    later = [
        d
        for d in _of(ctx, "data-collection", "reporting-period", "data-year")
        if first_month(d) > last_month(report)
    ]
    ctx.count(not later)
    for d in later:
        yield ctx.finding(
            "TM003",
            message=f"The report is dated {show(report)} ({report.location.describe()}) but the "
            f"{d.kind} is {show(d)} ({d.location.describe()}: “{d.text}”), after it. A report "
            "cannot precede its own data; one of the dates is wrong.",
            message_zh=f"报告日期为 {show(report)}（{report.location.describe()}），但 {d.kind} 为 {show(d)}"
            f"（{d.location.describe()}：“{d.text}”），晚于报告日期。报告不可能早于其数据，必有一处日期错误。",
            locations=[_q(report), _q(d)],
            reported=show(report),
            expected=f"on or after {show(d)}",
            key=f"{d.kind}|{show(d)}",
            confidence=Confidence(
                "high" if report.day is not None or report.month is not None else "medium",
                "the report date is introduced as one (a label or a cover line), the later date "
                f"as the {d.kind}",
            ),
        )


@rule("TM004")
def data_years_disagree(ctx: RuleContext) -> Iterator[Finding]:
    """The report names two different years as the year its data represent.

    'Reporting year 2024' and 'data represent 2022 production' cannot both describe the same
    data set. Data-collection dates are not compared (collecting last year's data this year
    is normal).

    Example: "核算年度：2023 年" … "代表企业 2021 年生产水平".
    """
    years = _of(ctx, "data-year", "reporting-period")
    if len(years) < 2:
        ctx.count(None)
        return
    distinct = sorted({d.year for d in years})
    ok = len(distinct) == 1
    ctx.count(ok)
    if ok:
        return
    firsts = [next(d for d in years if d.year == y) for y in distinct]
    places = "; ".join(f"{d.year} ({d.location.describe()}: “{d.text}”)" for d in firsts)
    yield ctx.finding(
        "TM004",
        message=f"The report gives different years for its data: {places}. A footprint "
        "represents one period; the reader cannot tell which one this is.",
        message_zh=f"报告对数据年份的表述不一致：{places}。碳足迹只能代表一个时期，读者无法判断具体是哪一个。",
        locations=[_q(d) for d in firsts],
        reported=", ".join(str(y) for y in distinct),
        expected="one data year",
    )
