"""GW004: GWP values from an IPCC report that had long been superseded when the study was
made (SAR 1995 or TAR 2001 values in a study after AR4 was published)."""

from __future__ import annotations

from collections.abc import Iterator
from decimal import Decimal

from pcfaudit.model import Finding, Report
from pcfaudit.rules.engine import RuleContext, rule
from pcfaudit.rules.gwp import (
    _NAMES,
    _NAMES_ZH,
    Use,
    declared_reports,
    family,
    gwp_uses,
    non_default_horizon,
)

# Publication years. Only the reports superseded by AR4 (2007) are judged outdated: AR4
# values stayed prescribed by UNFCCC reporting until 2024, so using them is a choice.
_YEAR = {"SAR": 1995, "TAR": 2001, "AR4": 2007, "AR5": 2013, "AR5-CCF": 2013, "AR6": 2021}
_OUTDATED = {"SAR", "TAR"}
# A study dated before AR4 was out (plus two years to take it up) used what was current.
_ADOPTION_YEARS = 2
_NEWER = ("AR5", "AR6")  # the values the message quotes instead


def study_year(report: Report) -> int | None:
    """The latest year the report dates itself or its data by, if it says."""
    years = [d.year for d in report.dates]
    return max(years) if years else None


@rule("GW004")
def outdated_gwp_report(ctx: RuleContext) -> Iterator[Finding]:
    """The GWP values a report states or uses all come from IPCC SAR (1995) or TAR (2001),
    reports that AR4 (2007), AR5 (2013) and AR6 (2021) replaced. Current practice (ISO 14067,
    the GHG Protocol) expects the most recent IPCC values, so the CO2e results rest on an outdated
    basis unless a programme prescribes the old set (UNFCCC inventories before 2015, some
    national guidelines) — the finding says so, as a warning.

    Silent when the study dates itself before AR4 was taken up, when the values fit a newer
    report too, or when the report declares another report than the values' (GW001 reports
    that). Example: "CH4 和 N2O 的 GWP 分别是 CO2 的 21 倍和 310 倍" in a 2015 field study."""
    report, pack = ctx.report, ctx.reference
    if pack is None or non_default_horizon(report):
        ctx.count(None)
        return
    uses = gwp_uses(report, pack)
    values: dict[str, Decimal] = {}
    for use in uses:
        if values.setdefault(use.gas, use.value.value) != use.value.value:
            ctx.count(None)  # two values for one gas: GW002's case
            return
    if not values:
        ctx.count(None)
        return
    consistent = pack.reports_consistent(values)
    declared = declared_reports(report)
    if not consistent or any(family(d) not in {family(r) for r in consistent} for d in declared):
        ctx.count(None)  # no single report, or another one declared: GW001/GW002
        return
    if any(r not in _OUTDATED for r in consistent):
        ctx.count(True)
        return
    newest = max(consistent, key=lambda r: _YEAR[r])
    year = study_year(report)
    if year is not None and year < _YEAR["AR4"] + _ADOPTION_YEARS:
        ctx.count(True)  # the values were current when the study was made
        return
    ctx.count(False)
    used = ", ".join(f"{gas} {use.value.text}" for gas, use in _first_uses(uses).items())
    newer = []
    for r in _NEWER:
        vals = [(g, pack.gwp(r, g)) for g in values]
        if all(v is not None for _, v in vals):
            newer.append(f"{r}: " + ", ".join(f"{g} {v.normalize():f}" for g, v in vals if v))
    newer_text = "; ".join(newer)
    when = f"the study is dated {year}" if year else "no date of the study was read"
    when_zh = f"研究年份为 {year}" if year else "未读取到研究年份"
    declared_note = " (the report names this report as its source)" if declared else ""
    yield ctx.finding(
        "GW004",
        message=(
            f"The GWP values used ({used}) are those of {_NAMES[newest]}{declared_note}; IPCC "
            f"has since published AR4 (2007), AR5 (2013) and AR6 (2021) and {when}. Current "
            f"practice (ISO 14067, the GHG Protocol) expects the latest values ({newer_text}); unless a "
            "programme prescribes the old set (UNFCCC inventories before 2015, some national "
            "guidelines), the CO2e results rest on an outdated basis."
        ),
        message_zh=(
            f"报告采用的 GWP 值（{used}）为{_NAMES_ZH[newest]}的数值；此后 IPCC 已发布第四、五、六次"
            f"评估报告（2007、2013、2021 年），{when_zh}。现行做法（ISO 14067、GHG Protocol）要求采用最新数值"
            f"（{newer_text}）；除非所依据的规则明确规定使用旧值（如 2015 年前的 UNFCCC 清单或部分国家指南），"
            "CO2 当量结果所依据的 GWP 已过时。"
        ),
        locations=[u.location for u in uses],
        reported=used,
        expected=newer_text,
        likely_cause=f"GWP values of {_NAMES[newest]} (outdated)",
        likely_cause_zh=f"采用了{_NAMES_ZH[newest]}的 GWP 值（已过时）",
        key=used,
    )


def _first_uses(uses: list[Use]) -> dict[str, Use]:
    out: dict[str, Use] = {}
    for use in uses:
        out.setdefault(use.gas, use)
    return out
