"""plausibility rules: numbers that are internally consistent but physically unlikely.

Reference windows come from the pack (``ctx.reference``); most are unverified estimates,
so these rules never raise an error on their own and say "typical range (unverified
estimate)" when the window is not verified.
"""

from __future__ import annotations

from collections.abc import Iterator
from decimal import Decimal
from typing import Any

import regex

from pcfaudit.model import (
    Confidence,
    Finding,
    InventoryLine,
    Location,
    Number,
    Statement,
    StatementKind,
)
from pcfaudit.quantities import fmt_sig
from pcfaudit.rules.consistency import Equipment, equipment_of
from pcfaudit.rules.engine import RuleContext, rule
from pcfaudit.rules.evidence import line_evidence
from pcfaudit.vocab.rates import convert, parse_rate_unit

_I = regex.IGNORECASE
_PAREN = regex.compile(r"[(（]\s*([^()（）]+?)\s*[)）]")
_GASLESS = {None, "CO2", "CO2e", "CO2-eq", "CO2eq"}
# Denominators tried when a factor fits another unit of the same kind.
_ALTERNATIVES = {
    "volume": ["m3", "1000m3", "万m3", "L"],
    "mass": ["kg", "t"],
    "energy": ["MJ", "GJ", "TJ", "kWh", "MWh"],
}


def _window_words(verified: bool) -> tuple[str, str]:
    if verified:
        return "typical range", "典型范围"
    return "typical range (unverified estimate)", "典型范围（未经核实的估计）"


def _zh(aliases: tuple[str, ...], default: str) -> str:
    """The first Chinese name among a reference entry's aliases."""
    return next((a for a in aliases if not a.isascii()), default)


def _unit(q: Any) -> str | None:
    return (q.unit or q.unit_text or None) if q is not None else None


def _label_unit(label: str) -> str | None:
    """'天然气 (万 m³) (生产、食堂)' → '万 m³' (the first parenthesis that is an amount unit)."""
    for m in _PAREN.finditer(label):
        if parse_rate_unit(f"t/{m.group(1)}") is not None:
            return m.group(1)
    return None


def _table_result_unit(ctx: RuleContext, line: InventoryLine) -> str | None:
    units = [_unit(x.result) for x in ctx.report.inventory if x.table == line.table and x.result]
    units = [u for u in units if u]
    return max(set(units), key=units.count) if units else None


def factor_of(ctx: RuleContext, line: InventoryLine) -> tuple[Decimal, str, str, bool] | None:
    """(value, printed value, rate unit, implied) for a CO2 line: the printed factor in its
    printed unit, or in <result unit>/<quantity unit> when the column header leaves the
    unit open; without a printed factor, result ÷ quantity."""
    if line.gas not in _GASLESS:
        return None
    den = _unit(line.quantity) or _label_unit(line.label) or _label_unit(line.group or "")
    num = _unit(line.result) or _table_result_unit(ctx, line)
    if line.factor is not None:
        printed = line.factor.unit_text or line.factor.unit or ""
        if printed and parse_rate_unit(printed) is not None:
            return line.factor.number.value, line.factor.number.text, printed, False
        if num and den and parse_rate_unit(f"{num}/{den}") is not None:
            return line.factor.number.value, line.factor.number.text, f"{num}/{den}", False
        return None
    if line.quantity is None or line.result is None or line.quantity.number.value == 0:
        return None
    if num and den and parse_rate_unit(f"{num}/{den}") is not None:
        value = line.result.number.value / line.quantity.number.value
        return value, fmt_sig(value, 4), f"{num}/{den}", True
    return None


def _alternatives(fuel: Any, value: Decimal, unit: str) -> list[str]:
    """Other units of the same kind in which ``value`` would fall inside the fuel's window."""
    rate = parse_rate_unit(unit)
    if rate is None:
        return []
    num = unit.split("/", 1)[0]
    mass = regex.match(r"(?i)(kg|t|g)", num)
    nums = [num] + ([f"{'kg' if mass.group(1).lower() == 't' else 't'}CO2"] if mass else [])
    out = []
    for n in nums:
        for den in _ALTERNATIVES.get(rate.dimension, []):
            cand = f"{n}/{den}"
            p = parse_rate_unit(cand)
            if p is None or (p.numerator_kg / p.size == rate.numerator_kg / rate.size):
                continue
            window = fuel.window_for(cand)
            if window is not None and window.contains(value):
                out.append(cand)
    return out[:2]


# ----------------------------------------------------------------------------- PL001


@rule("PL001")
def fuel_factor_outside_window(ctx: RuleContext) -> Iterator[Finding]:
    """A fuel's CO2 emission factor outside the physically plausible window for its unit.

    A fuel's CO2 factor is fixed by its carbon content: diesel about 3.1–3.2 tCO2/t, natural
    gas about 21.6 tCO2 per 10^4 m³. For every inventory line of a known fuel (CO2 row), the
    printed factor — in its printed unit, or result unit / quantity unit when the header
    leaves it open ('tCO2/MWh 或 tCO2/GJ') — or, without one, result ÷ quantity is compared
    with the reference window. When the value fits the window of another unit of the same
    kind (per 1000 m³ instead of per 10^4 m³), the finding says so: a unit slip is the
    likely cause. Always a warning (the windows are warning thresholds).

    Example: "原材料运输 耗费柴油量 (t) | CO2 | 60 | 1.593" (IPCC default ≈ 3.19 tCO2/t);
    "天然气 (万 m³) | CO2 | / | 2.089" (≈ 21.6 tCO2/万m³; 2.089 fits per 1000 m³).
    """
    pack = ctx.reference
    lines = [x for x in ctx.report.inventory if x.gas in _GASLESS]
    if pack is None:
        if lines:
            ctx.count(None)
        return
    seen: set[tuple[str, str]] = set()
    for line in lines:
        fuel = pack.fuel(f"{line.group or ''} {line.label}")
        if fuel is None:
            continue
        found = factor_of(ctx, line)
        if found is None:
            ctx.count(None)
            continue
        value, printed, unit, implied = found
        window = fuel.window_for(unit)
        if window is None:
            ctx.count(None)
            continue
        ok = window.contains(value)
        ctx.count(ok)
        if ok or (fuel.name, printed) in seen:
            continue
        seen.add((fuel.name, printed))
        alts = _alternatives(fuel, value, unit)
        words, words_zh = _window_words(window.verified)
        ipcc = fuel.default("IPCC2006")
        ipcc_text = ""
        if ipcc is not None:
            in_unit = convert(ipcc.co2_per_unit, ipcc.unit, unit)
            if in_unit is not None:
                ipcc_text = f"; IPCC 2006 default {fmt_sig(in_unit, 4)} {unit}"
        what = "implied factor (result ÷ quantity)" if implied else "emission factor"
        what_zh = "隐含排放因子（结果 ÷ 数量）" if implied else "排放因子"
        alt_text = (
            f" {printed} does fall in the window for {' or '.join(alts)}: the unit is likely mislabelled."
            if alts
            else ""
        )
        alt_zh = f"{printed} 落在以 {' 或 '.join(alts)} 计的范围内，单位可能标错。" if alts else ""
        locs = [x for x in ctx.report.inventory if x.gas in _GASLESS and x.factor is not None
                and x.factor.number.text == printed and pack.fuel(f"{x.group or ''} {x.label}") is fuel]  # fmt: skip
        yield ctx.finding(
            "PL001",
            message=f"{line.label}: the {what} is {printed} {unit}, outside the {words} for "
            f"{fuel.name} of {fmt_sig(window.low, 4)}–{fmt_sig(window.high, 4)} {unit} (expected "
            f"{window.typical}{ipcc_text}; source: {window.source}).{alt_text} A CO2 factor is fixed by "
            "the fuel's carbon content, so every emission computed with it is off by the same ratio.",
            message_zh=f"{line.label}：{what_zh}为 {printed} {unit}，超出{_zh(fuel.aliases, fuel.name)}的{words_zh} "
            f"{fmt_sig(window.low, 4)}–{fmt_sig(window.high, 4)} {unit}（预期 {window.typical}{ipcc_text}）。{alt_zh}"
            "燃料的 CO2 排放因子由其含碳量决定，用它算出的各项排放都会按同一比例偏差。",
            locations=[line_evidence(x) for x in (locs or [line])][:3],
            reported=f"{printed} {unit}",
            expected=f"{fmt_sig(window.low, 4)}–{fmt_sig(window.high, 4)} {unit}",
            likely_cause=f"unit slip: the value fits {alts[0]}" if alts else None,
            key=f"{fuel.name}:{printed}",
            confidence=Confidence(
                "high" if window.verified else "medium",
                f"{'implied' if implied else 'printed'} factor against the "
                f"{'verified' if window.verified else 'unverified'} window for {fuel.name}",
            ),
        )


# ----------------------------------------------------------------------------- PL002


def _identical_twins(line: InventoryLine, lines: list[InventoryLine]) -> list[InventoryLine]:
    """Other lines of the same table with the same quantity and result but another label."""
    if line.quantity is None or line.result is None:
        return []
    return [
        x
        for x in lines
        if x is not line
        and x.table == line.table
        and x.label != line.label
        and x.quantity is not None
        and x.result is not None
        and x.quantity.number.text == line.quantity.number.text
        and x.result.number.text == line.result.number.text
    ]


_GWP_REPORTS = ("SAR", "TAR", "AR4", "AR5", "AR6")


def _gwp_values(pack: Any) -> set[Decimal]:
    """Every GWP-100 of a non-CO2 gas in the pack (21, 25, 28, 27.9, 298, 265, 1430 …)."""
    out: set[Decimal] = set()
    for report in _GWP_REPORTS:
        for gas, entry in pack.gwp_table(report).items():
            if gas != "CO2" and entry.value > 1:
                out.add(entry.value)
    return out


def _is_gas_mass_times_gwp(line: InventoryLine, gwps: set[Decimal]) -> bool:
    """result ÷ quantity is a GWP value within the printed rounding: the row converts a
    mass of CH4, N2O or a refrigerant to CO2e ("甲烷逸散 | 1.2 kg | 33.6" = 1.2 × 28). Its
    ratio is a characterisation factor, which no material intensity range describes."""
    assert line.quantity is not None and line.result is not None
    if line.gwp is not None and line.gwp.value != 1:
        return True  # the row prints the GWP it multiplies by
    q, r = line.quantity.number, line.result.number
    dq, dr = _half_ulp(q), _half_ulp(r)
    if q.value - dq <= 0:
        return False
    lo = (r.value - dr) / (q.value + dq)
    hi = (r.value + dr) / (q.value - dq)
    if hi - lo > (hi + lo) / 10:  # too coarse a printing to tell a GWP from any other ratio
        return False
    return any(lo <= g <= hi for g in gwps)


def _half_ulp(n: Number) -> Decimal:
    exponent = n.value.as_tuple().exponent
    step = Decimal(1).scaleb(exponent) if isinstance(exponent, int) else Decimal(0)
    return step / 2


@rule("PL002")
def implied_intensity_outside_range(ctx: RuleContext) -> Iterator[Finding]:
    """An inventory line whose result ÷ quantity is outside the typical range for the
    material or service it names.

    For each line with a quantity and a result (CO2 or CO2e, not a fuel: PL001 covers
    fuels), the implied intensity in <result unit>/<quantity unit> is compared with the
    reference range for the label (steel, water, paint, motors per unit, electricity …),
    converted to that unit. Far outside (more than ``warn_ratio`` × beyond a bound) is a
    warning; just outside is info, unless another item of the same table has the identical
    quantity and result (copied data), which makes it a warning.

    Example: "水 | 2.33 吨 | 28.73 kgCO2e" = 12.3 kgCO2e/t (typical 0.2–0.5, warning at
    1.5); "电机 | 0.21 台 | 3.53" and "减速机 | 0.21 台 | 3.53" = 16.8 per unit, identical.
    Silent: "钢材 | 1.2 吨 | 3156.00" = 2630 kgCO2e/t (within 1000–4000).
    """
    pack = ctx.reference
    lines = [
        x
        for x in ctx.report.inventory
        if x.gas in _GASLESS and x.quantity is not None and x.result is not None
        and x.quantity.number.value != 0 and x.result.number.value != 0
    ]  # fmt: skip
    if pack is None:
        if lines:
            ctx.count(None)
        return
    warn_ratio = Decimal(str(ctx.params("PL002").get("warn_ratio", "2")))
    gwps = _gwp_values(pack)
    for line in lines:
        text = f"{line.group or ''} {line.label}"
        if pack.fuel(text) is not None:
            continue
        if _is_gas_mass_times_gwp(line, gwps):
            ctx.count(None)  # a gas mass characterised by its GWP, not a material's intensity
            continue
        unit = f"{_unit(line.result)}/{_unit(line.quantity)}"
        if parse_rate_unit(unit) is None:
            ctx.count(None)
            continue
        rng = pack.range_for(line.label, unit)
        if rng is None:
            ctx.count(None)
            continue
        value = line.result.number.value / line.quantity.number.value  # type: ignore[union-attr]
        ok = rng.contains(value)
        ctx.count(ok)
        if ok:
            continue
        far = value > rng.high * warn_ratio or (rng.low > 0 and value * warn_ratio < rng.low)
        twins = _identical_twins(line, ctx.report.inventory)
        severity = "warning" if far or twins else "info"
        side, side_zh = ("high", "偏高") if value > rng.high else ("low", "偏低")
        words, words_zh = _window_words(rng.verified)
        twin_text = (
            f" {', '.join(t.label for t in twins)} has the identical quantity and result, which "
            "suggests copied data."
            if twins
            else ""
        )
        twin_zh = (
            f"{'、'.join(t.label for t in twins)} 的数量和结果与之完全相同，疑似数据复制。"
            if twins
            else ""
        )
        yield ctx.finding(
            "PL002",
            message=f"{line.label}: {line.result} ÷ {line.quantity} = {fmt_sig(value, 3)} {unit}, {side} "
            f"against the {words} for {rng.key} of {fmt_sig(rng.low, 3)}–{fmt_sig(rng.high, 3)} {unit} "
            f"(typical {rng.typical}; source: {rng.source}).{twin_text} Check the quantity, its unit "
            "and the dataset used.",
            message_zh=f"{line.label}：{line.result} ÷ {line.quantity} = {fmt_sig(value, 3)} {unit}，相对{_zh(rng.aliases, rng.key)}"
            f"的{words_zh} {fmt_sig(rng.low, 3)}–{fmt_sig(rng.high, 3)} {unit}{side_zh}（典型 {rng.typical}）。{twin_zh}"
            "请核对数量、单位及所用数据集。",
            locations=[line_evidence(line), *(line_evidence(t) for t in twins)],
            reported=f"{fmt_sig(value, 3)} {unit}",
            expected=f"{fmt_sig(rng.low, 3)}–{fmt_sig(rng.high, 3)} {unit}",
            severity=severity,  # type: ignore[arg-type]
            key=line.label,
            confidence=Confidence(
                "medium" if rng.verified else "low",
                f"result ÷ quantity against the {'verified' if rng.verified else 'unverified'} "
                f"range for {rng.key}; rows that print a GWP or equal one are left out",
            ),
        )


# ----------------------------------------------------------------------------- PL003

_KWH = {"kwh": Decimal(1), "千瓦时": Decimal(1), "度": Decimal(1), "mwh": Decimal(1000),
        "兆瓦时": Decimal(1000), "gwh": Decimal(1_000_000), "万kwh": Decimal(10_000),
        "万千瓦时": Decimal(10_000), "万度": Decimal(10_000)}  # fmt: skip


def _kwh(unit: str | None) -> Decimal | None:
    return _KWH.get(regex.sub(r"\s+", "", unit or "").lower())


def electricity_total(ctx: RuleContext) -> tuple[Decimal, list[InventoryLine]] | None:
    """Total electricity in kWh from the inventory's electricity lines (quantity in an
    energy unit, from the quantity or the label's parenthesis)."""
    total, used = Decimal(0), []
    for line in ctx.report.inventory:
        if line.carrier != "electricity" or line.quantity is None or line.gas not in _GASLESS:
            continue
        scale = _kwh(_unit(line.quantity)) or _kwh(_label_unit(line.label))
        if scale is None:
            continue
        total += line.quantity.number.value * scale
        used.append(line)
    return (total, used) if used else None


def _names(subject: str) -> list[str]:
    parts = regex.split(r"[、,，;；/和及与]|\band\b", subject)
    return [regex.sub(r"\s+", "", p).lower() for p in parts if p.strip()]


def _pick(threshold: Statement, items: list[Equipment]) -> Equipment | None:
    """The statement of one device nearest the threshold: same section first, then the one
    whose table is closest; among equals the smallest total (a conservative bound)."""
    if not items:
        return None
    sec = threshold.location.section
    same = [e for e in items if e.statement.location.section == sec and e.total is not None]
    pool = same or [e for e in items if e.total is not None]
    return min(pool, key=lambda e: e.total) if pool else None  # type: ignore[arg-type,return-value]


@rule("PL003")
def energy_below_installed_load(ctx: RuleContext) -> Iterator[Finding]:
    """Stated operating thresholds that imply more electricity than the report's total.

    A source classification such as 'total installed power ≥ 100 kW and running ≥ 1 000 h/a
    (CT机、高压测试系统、CES系统), > 80 % of site electricity' gives a lower bound: the listed
    devices' total power × the minimum hours. If that bound exceeds the electricity in the
    inventory, the power figures, the hours or the consumption cannot all be right.

    Example: 455 + 504 + 1 536 = 2 495 kW × 1 000 h = 2 495 MWh > 2 410 MWh total.
    """
    thresholds = [
        s
        for s in ctx.report.statements
        if s.kind is StatementKind.OPERATING_THRESHOLD and len(s.values) >= 2
    ]
    if not thresholds:
        return
    elec = electricity_total(ctx)
    if elec is None:
        ctx.count(None)
        return
    total_kwh, elec_lines = elec
    by_subject: dict[str, list[Equipment]] = {}
    for s in ctx.report.statements:
        eq = equipment_of(s)
        if eq is not None and s.subject:
            by_subject.setdefault(s.subject, []).append(eq)
    for th in thresholds:
        p_min, hours = th.values[0].value, th.values[1].value
        if th.subject:
            chosen = [_pick(th, by_subject.get(n, [])) for n in _names(th.subject)]
        else:
            chosen = [_pick(th, items) for items in by_subject.values()]
            chosen = [
                e for e in chosen if e is not None and e.total is not None and e.total >= p_min
            ]
        if not chosen or any(e is None for e in chosen):
            ctx.count(None)
            continue
        devices = [e for e in chosen if e is not None]
        power = sum((e.total for e in devices if e.total is not None), Decimal(0))
        bound = power * hours
        ok = bound <= total_kwh
        ctx.count(ok)
        if ok:
            continue
        share = th.values[2] if len(th.values) >= 3 else None
        parts = " + ".join(fmt_sig(e.total, 6) for e in devices if e.total is not None)
        mwh = fmt_sig(bound / 1000, 6)
        total_mwh = fmt_sig(total_kwh / 1000, 6)
        claim = (
            f", yet they are said to use > {share.text} % of it"
            if isinstance(share, Number)
            else ""
        )
        claim_zh = (
            f"，而报告称其仅占全厂用电量 > {share.text}%" if isinstance(share, Number) else ""
        )
        locs: list[Location] = [th.location.with_quote(th.location.quote or th.text)]
        locs += [e.statement.location.with_quote(e.statement.location.quote or "") for e in devices]
        locs += [line_evidence(x) for x in elec_lines[:1]]
        yield ctx.finding(
            "PL003",
            message=f"The sources classed as ≥ {th.values[0].text} kW running ≥ {th.values[1].text} h "
            f"({th.subject or 'listed equipment'}) total {parts} = {fmt_sig(power, 6)} kW, so they use at "
            f"least {mwh} MWh a year — more than the {total_mwh} MWh of electricity in the inventory"
            f"{claim}. The installed power, the operating hours or the consumption is wrong.",
            message_zh=f"按“≥ {th.values[0].text} kW 且运行 ≥ {th.values[1].text} h”分级的排放源（{th.subject or '所列设备'}）"
            f"总功率 {parts} = {fmt_sig(power, 6)} kW，年耗电至少 {mwh} MWh，超过清单中的全部用电 {total_mwh} MWh{claim_zh}。"
            "装机功率、运行时间或用电量必有一项有误。",
            locations=locs,
            reported=f"{total_mwh} MWh",
            expected=f"≥ {mwh} MWh",
            key=th.text,
        )
