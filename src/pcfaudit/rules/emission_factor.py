"""emission-factor rules: one factor, one value; a factor's label matches the official value
it claims to be."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from decimal import Decimal

import regex

from pcfaudit.model import Confidence, FactorQuote, Finding, Impact, InventoryLine, Location, Report
from pcfaudit.reference import GridFactor, matches_printed
from pcfaudit.rules.engine import RuleContext, rule
from pcfaudit.vocab.rates import convert, parse_rate_unit

# Gases whose factor is the carrier's CO2(e) factor; CH4/N2O rows carry per-gas factors.
_CO2_GASES = {None, "CO2", "CO2e", "CO2E"}
_ALTERNATIVES = regex.compile(r"\s*(?:或|or|、|\|)\s*", regex.I)
_KIND_EN = {
    "average": "average grid CO2 factor",
    "residual": "average factor excluding market-traded non-fossil power",
    "fossil": "fossil-power CO2 factor",
    "footprint": "electricity carbon-footprint factor (life cycle)",
    "carbon-market": "grid average factor of the carbon-market reporting notice",
    "om-baseline": "CDM/CCER operating-margin baseline factor",
}
_KIND_ZH = {
    "average": "电力平均二氧化碳排放因子",
    "residual": "不包括市场化交易的非化石能源电量的全国电力平均二氧化碳排放因子",
    "fossil": "化石能源电力二氧化碳排放因子",
    "footprint": "电力碳足迹因子（全生命周期）",
    "carbon-market": "碳市场排放报告通知中的全国电网平均排放因子",
    "om-baseline": "CDM/CCER 电量边际（OM）基准线排放因子",
}
_REGION_EN = {"全国": "national", "华北": "North China", "东北": "Northeast China", "华东": "East China",
              "华中": "Central China", "西北": "Northwest China", "南方": "South China grid",
              "西南": "Southwest China"}  # fmt: skip
_CARRIER_ZH = {
    "electricity": "电力",
    "natural-gas": "天然气",
    "diesel": "柴油",
    "gasoline": "汽油",
    "lpg": "液化石油气",
    "coal": "煤",
    "steam": "蒸汽/热力",
    "refrigerant": "制冷剂",
}
# words in a label that name the kind of grid factor it claims to be
_KIND_WORDS = [
    ("om-baseline", regex.compile(r"\bOM\b|基准线|边际|baseline|operating\s*margin", regex.I)),
    ("footprint", regex.compile(r"碳足迹因子|carbon\s*footprint", regex.I)),
    ("residual", regex.compile(r"市场化|residual|非化石", regex.I)),
    ("fossil", regex.compile(r"化石能源电力|fossil", regex.I)),
]


@dataclass(frozen=True)
class Rate:
    """A factor value with its unit resolved: kg CO2(e) per base unit of ``dimension``."""

    quote: FactorQuote
    unit: str  # the alternative of unit_text that parsed
    dimension: str


def rate_of(quote: FactorQuote, line: InventoryLine | None = None) -> Rate | None:
    """The unit of a factor; a table header such as 'tCO2/MWh 或 tCO2/GJ' is resolved by the
    row's quantity unit (MWh) when it gives alternatives."""
    options = [u for u in _ALTERNATIVES.split(quote.unit_text or "") if parse_rate_unit(u)]
    if len(options) > 1 and line is not None and line.quantity is not None:
        den = (line.quantity.unit or line.quantity.unit_text or "").lower()
        options = [u for u in options if u.lower().endswith("/" + den)] or options[:0]
    if len(options) != 1:
        return None
    parsed = parse_rate_unit(options[0])
    return Rate(quote, options[0], parsed.dimension) if parsed else None


def _line_at(report: Report, location: Location) -> InventoryLine | None:
    return next((ln for ln in report.inventory if ln.location == location), None)


def same_value(a: Rate, b: Rate) -> bool:
    """Equal after unit conversion, allowing the printed rounding of either value."""
    b_in_a = convert(b.quote.value.value, b.unit, a.unit)
    if b_in_a is None:
        return False
    a_val = a.quote.value.value
    return (
        a_val == b_in_a
        or matches_printed(b_in_a, a_val)
        or matches_printed(a_val, b_in_a.normalize())
    )


def _in_range(value: Rate, bounds: list[Rate]) -> bool:
    converted = [convert(b.quote.value.value, b.unit, value.unit) for b in bounds]
    nums = [c for c in converted if c is not None]
    return len(nums) >= 2 and min(nums) <= value.quote.value.value <= max(nums)


def calc_and_listed(report: Report) -> tuple[list[tuple[Rate, InventoryLine | None]], list[Rate]]:
    """Factors the inventory computes with (CO2 rows only) and factors listed elsewhere,
    both with a carrier and a resolved unit."""
    calc: list[tuple[Rate, InventoryLine | None]] = []
    listed: list[Rate] = []
    for q in report.factors:
        if not q.carrier:
            continue
        line = _line_at(report, q.location) if q.used_in_calculation else None
        if line is not None and line.gas not in _CO2_GASES:
            continue
        rate = rate_of(q, line)
        if rate is None:
            continue
        if q.used_in_calculation:
            calc.append((rate, line))
        else:
            listed.append(rate)
    return calc, listed


def identify(ctx: RuleContext, rate: Rate) -> list[GridFactor]:
    """Official grid factors a printed electricity value is exactly (not merely rounds to):
    only for values printed with at least three decimals, so 0.53 identifies nothing."""
    pack = ctx.reference
    value = rate.quote.value
    if pack is None or rate.quote.carrier != "electricity" or value.decimals < 3:
        return []
    found: list[GridFactor] = []
    for g in pack.grid_factors_matching(value.value, rate.unit):
        official = convert(g.value, g.unit, rate.unit)
        if official is not None and official == value.value:
            found.append(g)
    return found


def describe(g: GridFactor, zh: bool = False) -> str:
    verified = "" if g.verified else (" (unverified)" if not zh else "（未核实）")
    if zh:
        return f"{g.year}年{g.region}{_KIND_ZH.get(g.kind, g.kind)}（{g.document}）{verified}"
    region = _REGION_EN.get(g.region, g.region)
    return f"the {g.year} {region} {_KIND_EN.get(g.kind, g.kind)} ({g.document}){verified}"


def conflicts(report: Report) -> list[tuple[Rate, InventoryLine | None, list[Rate]]]:
    """(factor used, its line, the listed factors of the same carrier and dimension that it
    contradicts) for every used factor whose carrier has listed values and matches none."""
    calc, listed = calc_and_listed(report)
    out = []
    seen: set[tuple[str, Decimal, str]] = set()
    for rate, line in calc:
        peers = [
            p
            for p in listed
            if p.quote.carrier == rate.quote.carrier and p.dimension == rate.dimension
        ]
        if not peers:
            continue
        by_place: dict[Location, list[Rate]] = {}
        for p in peers:
            by_place.setdefault(p.quote.location, []).append(p)
        ok = any(same_value(rate, p) for p in peers) or any(
            _in_range(rate, group) for group in by_place.values() if len(group) > 1
        )
        key = (rate.quote.carrier or "", rate.quote.value.value, rate.unit)
        if not ok and key not in seen:
            seen.add(key)
            out.append((rate, line, peers))
    return out


def _impact(report: Report, rate: Rate, line: InventoryLine | None, expected: Rate) -> Impact:
    """The change of the line's result if it used the listed value instead."""
    if line is None or line.result is None:
        return Impact()
    other = convert(expected.quote.value.value, expected.unit, rate.unit)
    used = rate.quote.value.value
    if other is None or used == 0:
        return Impact()
    delta = line.result.number.value * (other - used) / used
    total = next((t for t in report.totals if t.kind == "total"), None)
    share = None
    if (
        total is not None
        and total.quantity.number.value
        and total.quantity.unit == line.result.unit
    ):
        share = float(abs(delta) / total.quantity.number.value)
    return Impact(value=format(delta.quantize(Decimal("0.001")), "f"), unit=line.result.unit_text or line.result.unit,
                  share_of_total=share)  # fmt: skip


@rule("EF001")
def factor_value_conflict(ctx: RuleContext) -> Iterator[Finding]:
    """The same emission factor (same carrier, same unit) quoted with different values.

    A report lists its factors (a source list, a data section) and computes with them in the
    inventory table. When the table computes electricity with 0.5942 tCO2/MWh while the list
    gives 0.5703 tCO2/MWh, at most one is right and the result depends on which; the report
    contradicts itself. Units are converted first (kgCO2/kWh = tCO2/MWh), printed rounding is
    allowed and a listed range ("1 430-2 088") is satisfied by any value inside it. Where the
    values are official grid factors, the message says which ones. Two listed values of one
    carrier with the same (or no) year and region are a warning: they may be two factors the
    report failed to label.

    Example: source list "0.5703 tCO₂/MWh (2022 华东电网)"; table "电力(MWh) | CO2 | 2410 |
    0.5942 | 1 | 1432.022".
    """
    report = ctx.report
    found = conflicts(report)
    calc, listed = calc_and_listed(report)
    checked = [r for r, _ in calc if any(p.quote.carrier == r.quote.carrier for p in listed)]
    for _ in range(max(0, len(checked) - len(found))):
        ctx.count(True)
    for rate, line, peers in found:
        ctx.count(False)
        q = rate.quote
        listed_text = ", ".join(dict.fromkeys(f"{p.quote.value.text} {p.unit}" for p in peers))
        ids, ids_zh = [], []
        for r in (rate, *peers):
            for g in identify(ctx, r)[:2]:
                ids.append(f"{r.quote.value.text} is {describe(g)}")
                ids_zh.append(f"{r.quote.value.text} 为{describe(g, zh=True)}")
        ident = (" " + "; ".join(dict.fromkeys(ids)) + ".") if ids else ""
        ident_zh = ("其中" + "；".join(dict.fromkeys(ids_zh)) + "。") if ids_zh else ""
        impact = _impact(report, rate, line, peers[0])
        locs = [p.quote.location.with_quote(p.quote.location.quote or p.quote.label) for p in peers]
        locs.append(q.location.with_quote(q.location.quote or q.label))
        yield ctx.finding(
            "EF001",
            message=(
                f"The {q.carrier} factor is listed as {listed_text} "
                f"({'; '.join(dict.fromkeys(p.quote.location.describe() for p in peers))}) but the "
                f"calculation uses {q.value.text} {rate.unit} ({q.location.describe()}).{ident} "
                "The report contradicts itself and the result depends on which value is right."
            ),
            message_zh=(
                f"{_CARRIER_ZH.get(q.carrier or '', q.carrier)}排放因子在{'；'.join(dict.fromkeys(p.quote.location.describe() for p in peers))}列为 "
                f"{listed_text}，而计算中采用 {q.value.text} {rate.unit}（{q.location.describe()}）。{ident_zh}"
                "报告前后矛盾，结果取决于哪个数值正确。"
            ),
            locations=locs,
            reported=q.value.text,
            expected=peers[0].quote.value.text,
            impact=impact,
            key=f"{q.carrier}:{q.value.value}",
        )
    yield from _listed_twice(ctx, listed)


def _listed_twice(ctx: RuleContext, listed: list[Rate]) -> Iterator[Finding]:
    """Pairs of listed factors for one carrier (and year/region) with different values.

    A factor repeated a thousand times is compared once: quotes are grouped by what they
    are a factor of, and only the first quote of each printed value enters the pairing."""
    groups: dict[tuple[object, ...], dict[tuple[str, str], Rate]] = {}
    for rate in listed:
        q = rate.quote
        key = (q.carrier, rate.dimension, q.year, q.region)
        groups.setdefault(key, {}).setdefault((q.value.text, str(rate.unit)), rate)
    distinct = [list(g.values()) for g in groups.values()]
    pairs = ((a, b) for rates in distinct for i, a in enumerate(rates) for b in rates[i + 1 :])
    for a, b in pairs:
        qa, qb = a.quote, b.quote
        if qa.location == qb.location:
            continue
        ok = same_value(a, b)
        ctx.count(ok)
        if ok:
            continue
        yield ctx.finding(
            "EF001",
            message=(
                f"The {qa.carrier} factor is given as {qa.value.text} {a.unit} "
                f"({qa.location.describe()}) and as {qb.value.text} {b.unit} "
                f"({qb.location.describe()}) with no year or region telling them apart; "
                "the reader cannot tell which one the study uses."
            ),
            message_zh=(
                f"{_CARRIER_ZH.get(qa.carrier or '', qa.carrier)}排放因子一处为 {qa.value.text} {a.unit}（{qa.location.describe()}），"
                f"另一处为 {qb.value.text} {b.unit}（{qb.location.describe()}），且未注明年份或区域加以区分，"
                "读者无法判断研究实际采用哪一个。"
            ),
            locations=[
                qa.location.with_quote(qa.location.quote or qa.label),
                qb.location.with_quote(qb.location.quote or qb.label),
            ],
            reported=f"{qa.value.text} / {qb.value.text}",
            expected="one value",
            severity="warning",
            key=f"listed:{qa.carrier}:{qa.value.value}:{qb.value.value}",
        )


def _label_kind(label: str) -> str | None:
    return next((kind for kind, pattern in _KIND_WORDS if pattern.search(label)), None)


@rule("EF002")
def factor_label_mismatch(ctx: RuleContext) -> Iterator[Finding]:
    """An electricity factor whose label (year, region, type) disagrees with the official
    value, or that is the official value of another year, region or type.

    Official Chinese grid factors are published per data year, region and kind (average,
    excluding market-traded non-fossil power, fossil, carbon footprint, carbon-market notice,
    CDM baseline). A factor labelled "2022 华东电网" must be the 2022 East China value; when it
    is instead exactly the national carbon-market value, the label misleads the reader about
    the factor's scope. Only values printed with three or more decimals are identified, and
    only labels that name a region are checked; a database value such as 0.53 kgCO2e/kWh is
    never taken for an official factor.

    Example: "0.5703 tCO₂/MWh (2022 华东电网)": 0.5703 is the 2022 national grid average of
    the carbon-market notice; the 2022 East China average is 0.5617.
    """
    pack = ctx.reference
    if pack is None:
        ctx.count(None)
        return
    seen: set[tuple[Decimal, int | None, str]] = set()
    for q in ctx.report.factors:
        if q.carrier != "electricity" or not q.region or q.used_in_calculation:
            continue
        rate = rate_of(q)
        if rate is None or rate.dimension != "energy":
            continue
        region = pack.canonical_region(q.region)
        key = (q.value.value, q.year, region)
        if key in seen:
            continue
        seen.add(key)
        kind = _label_kind(q.label)
        claimed = [g for g in pack.grid_factors()
                   if g.region == region and (q.year is None or q.year in _years_of(g, q.label))
                   and (kind is None or g.kind == kind)]  # fmt: skip
        if any(_factor_matches(g, rate) for g in claimed):
            ctx.count(True)
            continue
        others = [g for g in identify(ctx, rate) if g not in claimed]
        label_value = next((g for g in claimed if g.kind == (kind or "average")), None)
        if not others and (label_value is None or q.value.decimals < 3):
            ctx.count(None)
            continue
        ctx.count(False)
        parts, parts_zh = [], []
        if others:
            parts.append(f"{q.value.text} is {describe(others[0])}")
            parts_zh.append(f"{q.value.text} 实为{describe(others[0], zh=True)}")
        if label_value is not None:
            parts.append(
                f"the official value for the label is {label_value.value}: {describe(label_value)}"
            )
            parts_zh.append(
                f"标注所指的官方数值为 {label_value.value}（{describe(label_value, zh=True)}）"
            )
        unverified = any(
            not g.verified for g in [*others[:1], *([label_value] if label_value else [])]
        )
        caveat = " Part of the reference data is unverified." if unverified else ""
        caveat_zh = "部分参考数据未经核实。" if unverified else ""
        yield ctx.finding(
            "EF002",
            message=(
                f"The electricity factor {q.value.text} {rate.unit} is labelled "
                f'"{q.label}" ({q.location.describe()}), but {"; ".join(parts)}. The label '
                f"misstates which factor the study uses (year, region or type).{caveat}"
            ),
            message_zh=(
                f"电力排放因子 {q.value.text} {rate.unit} 标注为“{q.label}”（{q.location.describe()}），但"
                f"{'；'.join(parts_zh)}。标注与实际因子的年份、区域或类型不符。{caveat_zh}"
            ),
            locations=[q.location.with_quote(q.location.quote or q.label)],
            reported=q.value.text,
            expected=str(label_value.value) if label_value is not None else None,
            likely_cause=f"value of {describe(others[0])}" if others else None,
            key=f"{q.value.value}:{q.year}:{region}",
            confidence=Confidence(
                "medium" if unverified else "high",
                "value printed with three or more decimals and identified exactly in the reference "
                "pack; the label's year counts as a notice's year only when the label says so",
            ),
        )


_YEAR = regex.compile(r"(?<!\d)(?:19|20)\d{2}(?!\d)")
_PUBLISHED = regex.compile(r"公告|发布|印发|通知|published|notice|issued|released", regex.I)


def _years_of(g: GridFactor, label: str) -> set[int]:
    """The years a label may rightly give a factor: its data year, and when the label says
    its year is a publication's, the years of the document that published it (the 2021
    factor of 公告2024年第12号 is rightly "2024 年公告", not "2024 全国电网")."""
    if not _PUBLISHED.search(label):
        return {g.year}
    return {g.year, *(int(y) for y in _YEAR.findall(g.document))}


def _factor_matches(g: GridFactor, rate: Rate) -> bool:
    official = convert(g.value, g.unit, rate.unit)
    printed = rate.quote.value.value
    return official is not None and (official == printed or matches_printed(official, printed))


@rule("EF003")
def electricity_factor_kind(ctx: RuleContext) -> Iterator[Finding]:
    """An electricity factor used in the calculation that is exactly an official factor of a
    kind a product footprint does not normally use.

    The average grid factor (or the electricity carbon-footprint factor) is the usual choice
    for a product footprint. A factor that is exactly the CDM/CCER operating-margin baseline
    (a marginal factor for emission-reduction projects) is a warning; the national factor
    excluding market-traded non-fossil power, the fossil-power factor or the carbon-market
    notice value are reported as info so the verifier knows what was used. Factors already
    reported by EF001 are left out (its message names them).

    Example: "电力(MWh) | CO2 | 2410 | 0.5942": 0.5942 is the 2021 national factor excluding
    market-traded non-fossil power.
    """
    report = ctx.report
    calc, _ = calc_and_listed(report)
    conflicted = {id(rate.quote) for rate, _, _ in conflicts(report)}
    seen: set[Decimal] = set()
    for rate, _line in calc:
        q = rate.quote
        if q.carrier != "electricity" or id(q) in conflicted or q.value.value in seen:
            continue
        seen.add(q.value.value)
        matches = identify(ctx, rate)
        if not matches:
            ctx.count(None)
            continue
        usual = any(g.kind in {"average", "footprint"} for g in matches)
        ctx.count(usual)
        if usual:
            continue
        g = matches[0]
        warn = g.kind == "om-baseline"
        yield ctx.finding(
            "EF003",
            message=(
                f"The electricity factor used, {q.value.text} {rate.unit} ({q.location.describe()}), "
                f"is {describe(g)}, not an average grid or electricity carbon-footprint factor. "
                + (
                    "A marginal baseline factor overstates the emissions of grid electricity in a product footprint."
                    if warn
                    else "The report should say which factor it uses and why."
                )
            ),
            message_zh=(
                f"计算采用的电力排放因子 {q.value.text} {rate.unit}（{q.location.describe()}）为"
                f"{describe(g, zh=True)}，而非电网平均排放因子或电力碳足迹因子。"
                + (
                    "边际基准线因子会高估产品碳足迹中电网电力的排放。"
                    if warn
                    else "报告应说明所用因子及其理由。"
                )
            ),
            locations=[q.location.with_quote(q.location.quote or q.label)],
            reported=q.value.text,
            severity="warning" if warn else None,
            key=str(q.value.value),
        )
