"""consistency rules: one fact stated twice with different values, or classed where it does
not belong."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from decimal import Decimal
from fractions import Fraction
from typing import Any

import regex

from pcfaudit.model import (
    EquipmentStatement,
    Finding,
    InventoryLine,
    Location,
    Number,
    Statement,
)
from pcfaudit.rules.engine import RuleContext, rule
from pcfaudit.rules.evidence import line_evidence
from pcfaudit.rules.omission import in_scope, inventory_tables
from pcfaudit.vocab.gases import REFRIGERANT_CODE
from pcfaudit.vocab.rates import rate_factor

_I = regex.IGNORECASE

# ----------------------------------------------------------------------------- CN001


@dataclass(frozen=True)
class Equipment:
    """One statement of an equipment item: count, power per unit and/or total power."""

    statement: Statement
    count: Number | None
    power: Number
    basis: str  # each | total

    @property
    def total(self) -> Decimal | None:
        if self.basis == "total":
            return self.power.value
        return self.power.value * self.count.value if self.count else None

    @property
    def each(self) -> Decimal | None:
        if self.basis == "each":
            return self.power.value
        if self.count and self.count.value:
            return self.power.value / self.count.value
        return None

    @property
    def approximate(self) -> bool:
        return self.power.approximate or "≈" in self.power.text or "约" in self.power.text

    def describe(self) -> str:
        count = self.count.text if self.count else "?"
        if self.basis == "each":
            total = _num(self.total) if self.total is not None else "?"
            return f"{count} × {self.power.text} kW = {total} kW"
        return f"{count} units, {self.power.text} kW in total"


def _num(value: Decimal) -> str:
    text = f"{value.normalize():f}"
    return text


def equipment_of(statement: Statement) -> Equipment | None:
    """The interpreter's equipment statement, as the rules compare it."""
    if not isinstance(statement, EquipmentStatement) or statement.power is None:
        return None
    return Equipment(statement, statement.count, statement.power, statement.power_basis)


def _close(a: Decimal, b: Decimal, rel: Decimal) -> bool:
    return abs(a - b) <= rel * max(abs(a), abs(b))


@rule("CN001")
def equipment_stated_differently(ctx: RuleContext) -> Iterator[Finding]:
    """The same equipment listed twice (a device table and an emission-source list) with a
    different number of units or a different installed power.

    A device table usually gives the power per unit and the count; a source list the total
    power. The rule compares counts, and total power (per-unit power × count) where both are
    known; approximate figures ('≈ 300') are compared within 10 %. When the per-unit power
    agrees but the counts differ, it says so — the likely cause.

    Example: table 4.3-1 "CES 系统 | 96 | 4" (4 × 96 = 384 kW) vs the source list
    "CES 系统 (4 套 ×4=16 套) | 1 536" (16 units, 1 536 kW).
    """
    by_subject: dict[str, list[Equipment]] = {}
    for s in ctx.report.statements:
        eq = equipment_of(s)
        if eq is not None and s.subject:
            by_subject.setdefault(s.subject, []).append(eq)
    compared = False
    for subject, items in by_subject.items():
        if len(items) < 2:
            continue
        first = items[0]
        for other in items[1:]:
            if other.statement.location.table == first.statement.location.table:
                continue
            compared = True
            rel = Decimal("0.1") if first.approximate or other.approximate else Decimal("0.005")
            count_differs = (
                first.count is not None
                and other.count is not None
                and first.count.value != other.count.value
            )
            totals = (first.total, other.total)
            power_differs = (
                totals[0] is not None
                and totals[1] is not None
                and not _close(totals[0], totals[1], rel)
            )
            ctx.count(not (count_differs or power_differs))
            if not (count_differs or power_differs):
                continue
            each = (first.each, other.each)
            same_each = (
                each[0] is not None and each[1] is not None and _close(each[0], each[1], rel)
            )
            cause = (
                f"the power per unit agrees ({_num(each[0])} kW); the number of units differs"  # type: ignore[arg-type]
                if same_each and count_differs
                else None
            )
            a, b = first.statement.location, other.statement.location
            yield ctx.finding(
                "CN001",
                message=f"Equipment '{subject}' is stated as {first.describe()} ({a.describe()}) and as "
                f"{other.describe()} ({b.describe()}). Installed power feeds the energy estimate and "
                "the source classification, so one of the two is wrong."
                + (f" Likely: {cause}." if cause else ""),
                message_zh=f"设备“{subject}”在 {a.describe()} 记为 {first.describe()}，在 {b.describe()} 记为 "
                f"{other.describe()}。装机功率用于能耗估算和排放源分级，两处必有一处有误。"
                + ("单台功率一致，台数不同。" if cause else ""),
                locations=[a.with_quote(a.quote or subject), b.with_quote(b.quote or subject)],
                reported=other.describe(),
                expected=first.describe(),
                likely_cause=cause,
                key=subject,
            )
    if not compared:
        ctx.count(None)


# ----------------------------------------------------------------------------- CN002

_CODE = regex.compile(REFRIGERANT_CODE)


def _components(pack: Any, name: str) -> frozenset[str]:
    blend = pack.blend(name)
    if blend is not None:
        return frozenset(pack.canonical_gas(c.gas) or c.gas for c in blend.components)
    return frozenset({pack.canonical_gas(name) or name})


def _inventory_refrigerants(
    pack: Any, lines: list[InventoryLine]
) -> tuple[frozenset[str], list[InventoryLine]]:
    comps: set[str] = set()
    used: list[InventoryLine] = []
    for line in lines:
        codes = [m.group(0) for text in (line.gas or "", line.label) for m in _CODE.finditer(text)]
        for code in codes:
            comps |= _components(pack, code)
        if codes:
            used.append(line)
    return frozenset(comps), used


@rule("CN002")
def refrigerant_type_differs(ctx: RuleContext) -> Iterator[Finding]:
    """A refrigerant named in the text whose gases are not the ones the inventory accounts
    for.

    Each refrigerant named as used (R410A, R134a, R404A …) is resolved to its component
    gases (reference blend compositions); the inventory's refrigerant rows likewise. A
    named refrigerant whose components do not all appear in the inventory is a different
    refrigerant from the one quantified: its GWP (and so the leak emissions) differ.

    Example: source list "制冷剂 (空调、冷水机) | R410A 、 R134a | 1 430-2 088 tCO2e/t" while
    §6.3 and table 6.3-1 account for R404A (HFC-125 / HFC-134a / HFC-143a): R410A's HFC-32
    appears nowhere in the inventory.
    """
    pack = ctx.reference
    report = ctx.report
    tables = inventory_tables(report)
    named = [
        m
        for m in report.mentions
        if m.kind == "refrigerant" and m.name != "refrigerant" and in_scope(m, report, tables)
    ]
    if not named:
        return
    if pack is None:
        ctx.count(None)
        return
    inv, inv_lines = _inventory_refrigerants(pack, report.inventory)
    if not inv:
        ctx.count(None)  # nothing quantified: OM001/OM002 report the absence
        return
    missing: dict[str, list[Location]] = {}
    matching: dict[str, Location] = {}
    for m in named:
        comps = _components(pack, m.name)
        if comps <= inv:
            matching.setdefault(m.name, m.location)
        else:
            missing.setdefault(m.name, []).append(m.location)
    ctx.count(not missing)
    if not missing:
        return
    inv_text = ", ".join(sorted(inv))
    agree = [n for n in matching if pack.blend(n) is not None and _components(pack, n) == inv]
    agree_text = (
        f" (that is {', '.join(agree)}, as named at {matching[agree[0]].describe()})"
        if agree
        else ""
    )
    if not agree:
        # the inventory's own label may name the blend ("空调制冷剂 R410A (t)")
        labelled = {
            m.group(0)
            for x in inv_lines
            for m in _CODE.finditer(x.label)
            if pack.blend(m.group(0)) is not None
        }
        agree = sorted(n for n in labelled if _components(pack, n) == inv)
        agree_text = f" (that is {', '.join(agree)}, as its rows are labelled)" if agree else ""
    names = ", ".join(missing)
    locs = [loc.with_quote(loc.quote or n) for n, ls in missing.items() for loc in ls[:2]]
    gases = {n: ", ".join(sorted(_components(pack, n) - inv)) for n in missing}
    lacking = "; ".join(f"{n} contains {g}" for n, g in gases.items())
    yield ctx.finding(
        "CN002",
        message=f"The text names {names} as used ({'; '.join(x.describe() for x in locs)}), but the "
        f"inventory accounts for {inv_text}{agree_text}; {lacking}, which no inventory row carries. "
        "Refrigerants differ in GWP, so the leak emissions depend on which one is right.",
        message_zh=f"正文称使用 {names}（{'；'.join(x.describe() for x in locs)}），而清单核算的是 {inv_text}"
        f"{('（即 ' + '、'.join(agree) + '）') if agree else ''}；{lacking.replace(' contains ', ' 含 ')}，清单中无对应行。"
        "不同制冷剂的 GWP 不同，逸散排放取决于哪一种正确。",
        locations=[*locs, *(line_evidence(x) for x in inv_lines[:1])],
        reported=names,
        expected=", ".join(agree) if agree else inv_text,
    )


# ----------------------------------------------------------------------------- CN003


@rule("CN003")
def production_volume_differs(ctx: RuleContext) -> Iterator[Finding]:
    """The production volume (the divisor of a per-unit result) stated twice with different
    values in the same unit.

    Example: §2 "年产 349 件" and §6.4 "全年共生产 394 件".
    """
    by_unit: dict[str, list[Any]] = {}
    for p in ctx.report.production:
        by_unit.setdefault(p.quantity.unit or p.quantity.unit_text, []).append(p)
    checked = False
    for unit, items in by_unit.items():
        values = {p.quantity.number.value for p in items}
        if len(items) < 2:
            continue
        checked = True
        ctx.count(len(values) == 1)
        if len(values) == 1:
            continue
        stated = "; ".join(f"{p.quantity} ({p.location.describe()})" for p in items)
        yield ctx.finding(
            "CN003",
            message=f"The production volume is stated as {stated}. A per-unit footprint divides by "
            "this number, so the report must use one value.",
            message_zh=f"产量前后不一致：{stated}。单位产品碳足迹以产量为除数，报告应统一。",
            locations=[p.location.with_quote(p.location.quote or str(p.quantity)) for p in items],
            reported=" / ".join(str(p.quantity) for p in items),
            expected="one production volume",
            key=unit,
        )
    if not checked:
        ctx.count(None)


# ----------------------------------------------------------------------------- CN004

_ENERGY_CLASS = regex.compile(r"能源|能耗|energy|燃料|fuel", _I)
_RESOURCE_CLASS = regex.compile(r"资源|resource|公用|utilit|水", _I)
_MATERIAL_CLASS = regex.compile(r"原料|原材料|材料|物料|原辅料|raw\s*material|material", _I)
_ENERGY_ITEM = regex.compile(
    r"压缩空气|compressed\s*air|冷量|cooling|热水|hot\s*water|燃料|fuel|能源|energy|焦炭|coke|生物质|biomass",
    _I,
)


def _is_energy(pack: Any, line: InventoryLine) -> bool:
    if line.carrier is not None or _ENERGY_ITEM.search(line.label):
        return True
    return pack is not None and pack.fuel(line.label) is not None


@rule("CN004")
def item_misclassified(ctx: RuleContext) -> Iterator[Finding]:
    """Inventory items classed under a heading they do not belong to: water or a process gas
    under 'energy acquisition', an energy carrier under 'raw materials'.

    Group shares by class ('能源获取 4.768 %') are then mislabelled, and a reader comparing
    energy use across reports is misled. Info only: the total is unaffected.

    Example: table 4.2 "能源获取 | 水 | 0.862%" and "能源获取 | 二氧化碳 | 0.592%".
    """
    pack = ctx.reference
    classed = [x for x in ctx.report.inventory if x.category]
    if not classed:
        ctx.count(None)
        return
    wrong: dict[tuple[str, str], list[InventoryLine]] = {}
    for line in classed:
        cat = line.category or ""
        energy = _is_energy(pack, line)
        if _ENERGY_CLASS.search(cat) and not _RESOURCE_CLASS.search(cat) and not energy:
            wrong.setdefault((cat, "not-energy"), []).append(line)
        elif _MATERIAL_CLASS.search(cat) and line.carrier is not None:
            wrong.setdefault((cat, "energy"), []).append(line)
        else:
            ctx.count(True)
    for (cat, kind), lines in wrong.items():
        ctx.count(False)
        labels = ", ".join(x.label for x in lines)
        if kind == "not-energy":
            en = f"{labels} {'is' if len(lines) == 1 else 'are'} classed as '{cat}' but {'is' if len(lines) == 1 else 'are'} not an energy carrier"
            zh = f"{labels} 被归入“{cat}”，但不属于能源"
        else:
            en = f"the energy carrier(s) {labels} {'is' if len(lines) == 1 else 'are'} classed as '{cat}'"
            zh = f"能源 {labels} 被归入“{cat}”"
        yield ctx.finding(
            "CN004",
            message=f"In the inventory, {en}. The shares reported per class are then mislabelled; "
            "the total is unaffected.",
            message_zh=f"清单中{zh}，按类别汇总的占比因此标注有误（合计不受影响）。",
            locations=[line_evidence(x) for x in lines],
            reported=cat,
            key=f"{cat}:{kind}",
        )


# ----------------------------------------------------------------------------- CN005

_CO2_INPUT = regex.compile(r"二氧化碳|\bCO\s*2\b|carbon\s+dioxide|干冰|dry\s+ice|保护气", _I)
_NOT_INPUT = regex.compile(r"灭火|extinguish|逸散|泄漏|leak|排放|emission|当量|CO2e|CO2-?eq", _I)
_DIRECT = regex.compile(
    r"直接排放|现场排放|工艺排放|过程排放|direct\s+emissions?|process\s+emissions?|on-?site\s+emissions?",
    _I,
)


def _ratio(line: InventoryLine, target: str) -> Fraction | None:
    """result / quantity expressed in ``target`` (kgCO2e/m3 or kgCO2e/kg)."""
    if line.result is None or line.quantity is None or line.quantity.number.value == 0:
        return None
    q_unit = line.quantity.unit or line.quantity.unit_text
    r_unit = line.result.unit or line.result.unit_text
    factor = rate_factor(f"{r_unit}/{q_unit}", target)
    if factor is None:
        return None
    return Fraction(line.result.number.value) / Fraction(line.quantity.number.value) * factor


@rule("CN005")
def input_gas_double_count(ctx: RuleContext) -> Iterator[Finding]:
    """A CO2 input (welding shielding gas, dry ice) whose result equals the mass of the CO2
    itself, next to a separate 'direct emissions' line: the same CO2 may be counted twice.

    The result of the CO2 line is divided by its quantity; a value within the density of
    CO2 gas (about 1.84 kg/m³ at 20 °C, 1.98 kg/m³ at 0 °C; parameter ``density_kg_per_m3``
    with a margin for rounding) per m³ — or 1 kg per kg — means the line counts the CO2
    released, not the production of the gas. If the report also has a direct-emission line,
    the verifier must check that it does not contain the same CO2. Info only.

    Example: "二氧化碳 | 9.88 m³ → 19.73 kgCO2e" (2.00 kg/m³) and "直接排放 | 5.02 kgCO2e".
    """
    params = ctx.params("CN005")
    lo_v, hi_v = (Fraction(str(x)) for x in params.get("density_kg_per_m3", ["1.80", "2.05"]))
    lo_m, hi_m = (Fraction(str(x)) for x in params.get("mass_ratio", ["0.97", "1.03"]))
    lines = ctx.report.inventory
    direct = [x for x in lines if _DIRECT.search(x.label)]
    inputs = [x for x in lines if _CO2_INPUT.search(x.label) and not _NOT_INPUT.search(x.label)]
    if not inputs:
        ctx.count(None)
        return
    for line in inputs:
        per_m3 = _ratio(line, "kgCO2e/m3")
        per_kg = _ratio(line, "kgCO2e/kg")
        equals_mass = (per_m3 is not None and lo_v <= per_m3 <= hi_v) or (
            per_kg is not None and lo_m <= per_kg <= hi_m
        )
        if not equals_mass or not direct:
            ctx.count(True if per_m3 is not None or per_kg is not None else None)
            continue
        ctx.count(False)
        ratio = per_m3 if per_m3 is not None else per_kg
        unit = "kg/m³" if per_m3 is not None else "kg/kg"
        shown = f"{float(ratio):.2f} {unit}"  # type: ignore[arg-type]
        d = direct[0]
        yield ctx.finding(
            "CN005",
            message=f"'{line.label}' ({line.quantity} → {line.result}) gives {shown}, the mass of the "
            f"CO2 itself (CO2 gas weighs about 1.84–1.98 kg/m³), so the line counts the CO2 released; "
            f"the inventory also has '{d.label}' ({d.result}). If the direct emissions include this CO2 "
            "it is counted twice; the report should say what each line covers.",
            message_zh=f"“{line.label}”（{line.quantity} → {line.result}）折合 {shown}，即二氧化碳自身的质量"
            f"（CO2 气体密度约 1.84–1.98 kg/m³），说明该行计的是释放的 CO2；清单另有“{d.label}”（{d.result}）。"
            "若直接排放已包含这部分 CO2，则重复计算；报告应说明两行各自的范围。",
            locations=[line_evidence(line), line_evidence(d)],
            reported=str(line.result),
            likely_cause="CO2 consumed as an input and released on site, possibly also in direct emissions",
            key=line.label,
        )
