"""gwp rules: the GWP values a report states and uses belong to the IPCC report it declares,
to one report at all, and refrigerant blends carry the GWP of their composition."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation

import regex

from pcfaudit.model import Finding, Location, Number, Report
from pcfaudit.rules.engine import RuleContext, rule

# The pack's reports, oldest first; "AR5-CCF" is the AR5 variant with climate-carbon feedback.
_ORDER = ("SAR", "TAR", "AR4", "AR5", "AR5-CCF", "AR6")
_FAMILY = {"AR5-CCF": "AR5"}
_NAMES = {"SAR": "IPCC SAR (1995)", "TAR": "IPCC TAR (2001)", "AR4": "IPCC AR4 (2007)",
          "AR5": "IPCC AR5 (2013)", "AR5-CCF": "IPCC AR5 with climate-carbon feedback",
          "AR6": "IPCC AR6 (2021)"}  # fmt: skip
_NAMES_ZH = {"SAR": "IPCC 第二次评估报告(1995)", "TAR": "IPCC 第三次评估报告(2001)",
             "AR4": "IPCC 第四次评估报告(2007)", "AR5": "IPCC 第五次评估报告(2013)",
             "AR5-CCF": "IPCC 第五次评估报告(含气候-碳循环反馈)", "AR6": "IPCC 第六次评估报告(2021)"}  # fmt: skip
# CO2 is 1 in every report: it tells nothing about the version and is skipped.
_NEUTRAL = {"CO2"}
_REFRIGERANT = regex.compile(
    r"(?<![A-Za-z0-9])(?:R|HFC|HFO)\s*-?\s*(\d{2,4}[A-Za-z]{0,2})(?![0-9])", regex.I
)


@dataclass(frozen=True)
class Use:
    """One GWP value the report states (prose) or computes with (inventory table)."""

    gas: str  # canonical key of the pack
    value: Number
    location: Location
    where: str  # "text" | "table"


def family(report: str) -> str:
    return _FAMILY.get(report, report)


def declared_reports(report: Report) -> list[str]:
    """The IPCC reports the text names as its GWP source, in pack keys, oldest first."""
    found = {d.report.upper() for d in report.gwp_declarations if d.report}
    return [r for r in _ORDER if r in found]


def allowed_reports(declared: list[str]) -> set[str]:
    """A report saying "AR5" may use the AR5 values with or without carbon feedback."""
    return {r for r in _ORDER if family(r) in {family(d) for d in declared}}


def non_default_horizon(report: Report) -> bool:
    """GWP20/GWP500 declared without GWP100: the pack holds 100-year values only."""
    horizons = {d.horizon for d in report.gwp_declarations if d.horizon}
    return bool(horizons) and 100 not in horizons


def gwp_uses(report: Report, pack: object) -> list[Use]:
    """Every GWP value stated for a gas in the prose and every GWP in the inventory table,
    for gases the pack knows (CO2 excluded)."""
    uses: list[Use] = []
    for d in report.gwp_declarations:
        if d.gas and d.value is not None:
            gas = pack.canonical_gas(d.gas)  # type: ignore[attr-defined]
            if gas and gas not in _NEUTRAL:
                uses.append(
                    Use(gas, d.value, _quoted(d.location, f"{d.gas} {d.value.text}"), "text")
                )
    for line in report.inventory:
        if line.gas and line.gwp is not None:
            gas = pack.canonical_gas(line.gas)  # type: ignore[attr-defined]
            if gas and gas not in _NEUTRAL:
                uses.append(Use(gas, line.gwp, _quoted(line.location, line.label), "table"))
    return uses


def _quoted(location: Location, fallback: str) -> Location:
    return location if location.quote else location.with_quote(fallback)


def _places(uses: list[Use] | list[Location]) -> str:
    locs = [u.location if isinstance(u, Use) else u for u in uses]
    return "; ".join(dict.fromkeys(loc.describe() for loc in locs))


def _reports_text(reports: list[str], zh: bool = False) -> str:
    names = _NAMES_ZH if zh else _NAMES
    return (" / " if not zh else "、").join(names.get(r, r) for r in reports)


def _group(uses: list[Use]) -> dict[tuple[str, Decimal], list[Use]]:
    groups: dict[tuple[str, Decimal], list[Use]] = {}
    for use in uses:
        groups.setdefault((use.gas, use.value.value), []).append(use)
    return groups


def _declaration_locations(report: Report) -> list[Location]:
    return [_quoted(d.location, d.report or "") for d in report.gwp_declarations if d.report]


@rule("GW001")
def gwp_version_mismatch(ctx: RuleContext) -> Iterator[Finding]:
    """A GWP value stated in the text or used in the inventory table that is not the value of
    the IPCC report the study declares.

    The report names its GWP source ("IPCC 第四次评估报告(2007年)", "IPCC AR5"); every GWP it
    states or computes with must come from that report. A value from another report (CH4 = 21
    is SAR, 25 is AR4, 28 is AR5) means two versions are mixed: results computed with it are
    not those the declaration promises. Gases are compared one by one (the value must match
    the declared report, allowing the printed rounding, e.g. 27.9 printed as 28); a report
    declaring AR5 may use the AR5 values with or without climate-carbon feedback. One finding
    per gas and value, listing the declaration and every place the value is printed. Error
    when the reference value is verified, warning otherwise.

    Example: "采用了IPCC第四次评估报告(2007年)提出的方法 … 甲烷的特征化因子就是 21" while the
    inventory uses CH4 25: reported 21, expected 25 (AR4); 21 is the SAR value.
    """
    report, pack = ctx.report, ctx.reference
    declared = declared_reports(report)
    if pack is None or not declared or non_default_horizon(report):
        ctx.count(None)
        return
    allowed = allowed_reports(declared)
    uses = gwp_uses(report, pack)
    if not uses:
        ctx.count(None)
        return
    table_by_gas: dict[str, list[Use]] = {}
    for use in uses:
        if use.where == "table":
            table_by_gas.setdefault(use.gas, []).append(use)
    for (gas, _), group in _group(uses).items():
        value = group[0].value
        matching = pack.reports_matching(gas, value.value)
        expected = [(r, pack.gwp_value(r, gas)) for r in declared]
        known = [(r, e) for r, e in expected if e is not None]
        if not known:
            ctx.count(None)
            continue
        ok = bool(set(matching) & allowed)
        ctx.count(ok)
        if ok:
            continue
        verified = all(e.verified for _, e in known)
        exp_text = " / ".join(f"{_fmt(e.value)} ({r})" for r, e in known)
        exp_plain = " / ".join(_fmt(e.value) for _, e in known)
        is_from = (
            f"{value.text} is the {_reports_text(matching)} value"
            if matching
            else f"{value.text} matches no IPCC report in the reference data"
        )
        is_from_zh = (
            f"{value.text} 是{_reports_text(matching, zh=True)}的数值"
            if matching
            else f"{value.text} 与参考数据中任何一版 IPCC 报告均不符"
        )
        others = [u for u in table_by_gas.get(gas, []) if u.value.value != value.value]
        other_text = other_zh = ""
        if others:
            vals = ", ".join(dict.fromkeys(u.value.text for u in others))
            other_text = f" The inventory table computes {gas} with {vals} ({_places(others)}), so the report mixes versions."
            other_zh = f"而清单表中 {gas} 采用 {vals}（{_places(others)}），报告混用了不同版本。"
        where = (
            "stated in the text"
            if all(u.where == "text" for u in group)
            else "used in the inventory table"
        )
        where_zh = "正文中给出" if all(u.where == "text" for u in group) else "清单表中采用"
        caveat = caveat_zh = ""
        if not verified:
            caveat = " (The reference value is not verified, so this is a warning only.)"
            caveat_zh = "（参考值未经核实，因此仅作警告。）"
        locations = [
            *_declaration_locations(report),
            *(u.location for u in group),
            *(u.location for u in others),
        ]
        yield ctx.finding(
            "GW001",
            message=(
                f"The report declares {_reports_text(declared)} as its GWP source "
                f"({_places(_declaration_locations(report))}) but the GWP of {gas} {where} is "
                f"{value.text} ({_places(group)}); {_reports_text(declared)} gives {exp_text}. "
                f"{is_from}.{other_text} Emissions of {gas} converted with this value are not "
                f"those the declared method gives.{caveat}"
            ),
            message_zh=(
                f"报告声明采用{_reports_text(declared, zh=True)}的 GWP 值（{_places(_declaration_locations(report))}），"
                f"但{where_zh}的 {gas} GWP 为 {value.text}（{_places(group)}），所声明版本的数值为 {exp_text}。"
                f"{is_from_zh}。{other_zh}用该值换算的 {gas} 排放与所声明的方法不一致。{caveat_zh}"
            ),
            locations=locations,
            reported=value.text,
            expected=exp_plain,
            likely_cause=(f"GWP copied from {_reports_text(matching)}" if matching else None),
            severity=None if verified else "warning",
            key=f"{gas}={value.value}",
        )


def _fmt(value: Decimal) -> str:
    text = format(value.normalize(), "f")
    return text


@rule("GW002")
def gwp_values_mixed(ctx: RuleContext) -> Iterator[Finding]:
    """GWP values that, taken together, match no single IPCC report.

    Each gas's GWP differs between IPCC reports, and some values are shared (N2O 298 is AR4
    and AR5 with feedback; HFC-134a 1300 is SAR, TAR and AR5). Taken together, the values a
    report states and uses must fit one report; CH4 28 (AR5) next to N2O 298 (AR4) fits none,
    so some emissions were converted with another version than the others, undisclosed. The
    same gas with two different GWP values is the plainest case. Values already reported by
    GW001 (contradicting the declared report) are left out here.

    Example: inventory rows "CH4 | … | 28" and "N2O | … | 298" with no declared report.
    """
    report, pack = ctx.report, ctx.reference
    if pack is None or non_default_horizon(report):
        ctx.count(None)
        return
    uses = gwp_uses(report, pack)
    declared = declared_reports(report)
    if declared:
        allowed = allowed_reports(declared)
        uses = [u for u in uses if set(pack.reports_matching(u.gas, u.value.value)) & allowed]
    groups = _group(uses)
    gases = {gas for gas, _ in groups}
    if len(groups) < 2:
        ctx.count(None if not groups else True)
        return
    by_gas: dict[str, list[Decimal]] = {}
    for gas, value in groups:
        by_gas.setdefault(gas, []).append(value)
    doubled = {g for g, vals in by_gas.items() if len(vals) > 1 and not _rounding_pair(vals)}
    single = {g: vals[0] for g, vals in by_gas.items()}
    consistent = pack.reports_consistent(single) if not doubled else []
    if declared and consistent:
        consistent = [r for r in consistent if r in allowed_reports(declared)] or consistent
    ok = bool(consistent) and not doubled
    ctx.count(ok if len(gases) > 1 or doubled else None)
    if ok or (len(gases) < 2 and not doubled):
        return
    parts, parts_zh = [], []
    for (gas, _), group in groups.items():
        matching = pack.reports_matching(gas, group[0].value.value)
        src = _reports_text(matching) if matching else "no IPCC report"
        src_zh = _reports_text(matching, zh=True) if matching else "无对应 IPCC 报告"
        parts.append(f"{gas} {group[0].value.text} ({src}; {_places(group)})")
        parts_zh.append(f"{gas} {group[0].value.text}（{src_zh}；{_places(group)}）")
    why = (
        f"{', '.join(sorted(doubled))} is given two different values"
        if doubled
        else "no single IPCC report has all of them"
    )
    why_zh = (
        f"{'、'.join(sorted(doubled))} 出现两个不同的数值"
        if doubled
        else "没有任何一版 IPCC 报告同时给出这些数值"
    )
    locations = [u.location for group in groups.values() for u in group]
    reported = ", ".join(f"{gas} {g[0].value.text}" for (gas, _), g in groups.items())
    yield ctx.finding(
        "GW002",
        message=(
            f"The GWP values used are {'; '.join(parts)}: {why}. Some gases were converted "
            "with one IPCC version and others with another, and the report does not say so; "
            "the CO2e total mixes two bases."
        ),
        message_zh=f"报告使用的 GWP 值为：{'；'.join(parts_zh)}。{why_zh}，即不同气体按不同版本的 IPCC 报告换算且未予说明，CO2e 合计混用了两种基准。",
        locations=locations,
        reported=reported,
        expected="GWP values from one IPCC report",
        key=reported,
    )


def _rounding_pair(values: list[Decimal]) -> bool:
    """27.9 and 28 printed for the same gas are one value at two precisions."""
    from pcfaudit.reference import matches_printed

    vals = sorted(values, key=lambda v: -_decimals(v))
    return all(matches_printed(vals[0], v) for v in vals[1:])


def _decimals(value: Decimal) -> int:
    exp = value.as_tuple().exponent
    return -exp if isinstance(exp, int) else 0


# ----------------------------------------------------------------------------- blends


def parse_composition(text: str) -> dict[str, Decimal]:
    """'HFC-125:44;HFC-134a:4;HFC-143a:52' -> {gas: mass %}."""
    out: dict[str, Decimal] = {}
    for part in regex.split(r"[;；,，]", text):
        if ":" not in part:
            continue
        gas, _, pct = part.rpartition(":")
        try:
            out[gas.strip()] = Decimal(pct.strip().rstrip("%"))
        except InvalidOperation:
            continue
    return out


def blend_in(text: str, pack: object) -> str | None:
    """The multi-component refrigerant blend a gas cell or label names, if the pack knows it."""
    for m in _REFRIGERANT.finditer(text):
        blend = pack.blend(m.group(0))  # type: ignore[attr-defined]
        if blend is not None and len(blend.components) > 1:
            return str(blend.name)
    return None


@rule("GW003")
def refrigerant_blend(ctx: RuleContext) -> Iterator[Finding]:
    """A refrigerant blend whose stated composition does not add up to 100 %, differs from
    the blend's standard composition, or whose GWP does not match its composition.

    A blend such as R404A (HFC-125 44 %, HFC-134a 4 %, HFC-143a 52 % by mass, ASHRAE 34) has
    the mass-weighted GWP of its components (AR4: 3921.6). A split that does not add to 100 %
    or differs from the designation, or a blend GWP that no IPCC report gives for that
    composition, means the refrigerant emissions are wrong. A blend GWP from another report
    than the declared one is reported too.

    Example: "R404A（44% 的 HFC-125 + 4% 的 HFC-134A + 52% 的 HFC-143A）"; a table row
    "R404A | 0.0004 | 3922" under AR4 is consistent, "R404A | … | 3260" is not.
    """
    report, pack = ctx.report, ctx.reference
    for st in report.statements:
        if st.kind != "blend-composition" or not st.subject:
            continue
        yield from _composition(ctx, st.subject, st.text, _quoted(st.location, st.text))
    if pack is None:
        return
    declared = declared_reports(report)
    for line in report.inventory:
        if line.gwp is None:
            continue
        name = blend_in(line.gas or "", pack) or blend_in(line.label, pack)
        if name is None:
            continue
        yield from _blend_gwp(ctx, name, line.gwp, _quoted(line.location, line.label), declared)


def _composition(
    ctx: RuleContext, subject: str, text: str, location: Location
) -> Iterator[Finding]:
    stated = parse_composition(text)
    if not stated:
        ctx.count(None)
        return
    total = sum(stated.values(), Decimal(0))
    listed = ", ".join(f"{g} {p} %" for g, p in stated.items())
    ctx.count(total == 100)
    if total != 100:
        yield ctx.finding(
            "GW003",
            message=f"The composition of {subject} is stated as {listed}, which adds up to "
            f"{_fmt(total)} %, not 100 %; the emissions of its components cannot be right.",
            message_zh=f"{subject} 的组成写为 {listed}，合计 {_fmt(total)} %，不等于 100 %，各组分排放量无法正确计算。",
            locations=[location],
            reported=f"{_fmt(total)} %",
            expected="100 %",
            key="sum",
        )
        return
    pack = ctx.reference
    blend = pack.blend(subject) if pack is not None else None
    if blend is None:
        ctx.count(None)
        return
    reference = {pack.canonical_gas(c.gas) or c.gas: c.mass_pct for c in blend.components}
    given = {pack.canonical_gas(g) or g: p for g, p in stated.items()}
    ok = given == reference
    ctx.count(ok)
    if ok:
        return
    ref_text = ", ".join(f"{g} {_fmt(p)} %" for g, p in reference.items())
    yield ctx.finding(
        "GW003",
        message=f"The composition of {subject} is stated as {listed}; the standard composition "
        f"of {blend.name} is {ref_text} ({blend.source}). Its GWP and the split of its leak "
        "into gases follow from the composition.",
        message_zh=f"{subject} 的组成写为 {listed}；{blend.name} 的标准组成为 {ref_text}（{blend.source}）。混合制冷剂的 GWP 和泄漏量的分配均取决于组成。",
        locations=[location],
        reported=listed,
        expected=ref_text,
        severity=None if blend.verified else "warning",
        key="composition",
    )


def _blend_gwp(
    ctx: RuleContext, name: str, printed: Number, location: Location, declared: list[str]
) -> Iterator[Finding]:
    from pcfaudit.reference import matches_printed

    pack = ctx.reference
    values = {r: pack.blend_gwp_value(name, r) for r in _ORDER}
    values = {r: v for r, v in values.items() if v is not None}
    if not values:
        ctx.count(None)
        return
    matching = [r for r, v in values.items() if matches_printed(v.value, printed.value)]
    targets = sorted(allowed_reports(declared), key=_ORDER.index) if declared else list(values)
    ok = bool(set(matching) & set(targets))
    ctx.count(ok)
    if ok:
        return
    expected = [(r, values[r]) for r in (declared or list(values)) if r in values]
    exp_text = " / ".join(f"{_round(v.value)} ({r})" for r, v in expected)
    verified = all(v.verified for _, v in expected)
    if matching:
        why = f"{printed.text} is the {_reports_text(matching)} GWP of {name}, not that of the declared report"
        why_zh = f"{printed.text} 是 {name} 按{_reports_text(matching, zh=True)}计算的 GWP，而非所声明版本的数值"
    else:
        why = f"{printed.text} is not the mass-weighted GWP of {name}'s composition under any IPCC report"
        why_zh = f"{printed.text} 与 {name} 按组成加权计算的任何版本 GWP 均不符"
    yield ctx.finding(
        "GW003",
        message=f"The GWP of {name} is given as {printed.text} ({location.describe()}); {why}. "
        f"Expected {exp_text}.",
        message_zh=f"{name} 的 GWP 写为 {printed.text}（{location.describe()}）；{why_zh}。应为 {exp_text}。",
        locations=[location],
        reported=printed.text,
        expected=exp_text,
        severity=None if verified and not matching else "warning",
        key=f"gwp:{name}",
    )


def _round(value: Decimal) -> str:
    return _fmt(value.quantize(Decimal("0.1")))
