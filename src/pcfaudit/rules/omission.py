"""omission rules: sources the report says are used but does not quantify.

The evidence is the prose (``Report.mentions`` with ``used=True``, negations already
resolved by the interpreter) against the inventory lines. A source is *present* when some
inventory line names it (by its carrier or its wording: 电力 / 电 / electricity are one
carrier), *entered as nothing* when every such line has '/' or 0 for both quantity and
result, and *absent* when no line names it.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from decimal import Decimal

import regex

from pcfaudit.model import (
    Confidence,
    Finding,
    InventoryLine,
    Location,
    Mention,
    Report,
)
from pcfaudit.rules.engine import RuleContext, rule
from pcfaudit.rules.evidence import line_evidence
from pcfaudit.vocab.carriers import carrier_of
from pcfaudit.vocab.cues import SOURCE_WORDS

_I = regex.IGNORECASE
_WORDS = {name: regex.compile(pattern, _I) for name, _, pattern in SOURCE_WORDS}

# Mention name -> the carrier key carrier_of() gives an inventory label. Heat and steam are
# one carrier: a table row "外购蒸汽" accounts for a text's "热力".
_CARRIER = {
    "natural-gas": "natural-gas",
    "diesel": "diesel",
    "gasoline": "gasoline",
    "LPG": "lpg",
    "coal": "coal",
    "steam": "steam",
    "heat": "steam",
    "electricity": "electricity",
}
_NAMES = {
    "natural-gas": ("natural gas", "天然气"),
    "diesel": ("diesel", "柴油"),
    "gasoline": ("gasoline", "汽油"),
    "lpg": ("LPG", "液化石油气"),
    "LPG": ("LPG", "液化石油气"),
    "coal": ("coal", "煤"),
    "steam": ("steam / purchased heat", "蒸汽/热力"),
    "electricity": ("electricity", "电力"),
    "kerosene": ("kerosene", "煤油"),
    "fuel-oil": ("fuel oil", "燃料油"),
    "cooling": ("purchased cooling", "外购冷量"),
    "refrigerant": ("refrigerant", "制冷剂"),
    "CO2-extinguisher": ("CO2 fire extinguishers", "二氧化碳灭火器"),
}
_REFRIGERANT_LINE = regex.compile(
    r"制冷剂|冷媒|refrigerant|\bR-?\d{2,4}[A-Za-z]{0,2}\b|\bH?C?FC-?\d{2,4}|\bPFC", _I
)
_TRANSPORT = regex.compile(r"运输|运送|物流|配送|transport|freight|shipping|delivery|logistic", _I)
# On-site combustion equipment: the fuel it burns when the sentence does not say.
_EQUIPMENT_FUEL = {"diesel-generator": "diesel", "forklift": None, "boiler": None}
_EQUIPMENT_WORDS = {
    "diesel-generator": regex.compile(r"发电机|generator|genset", _I),
    "forklift": regex.compile(r"叉车|forklift", _I),
    "boiler": regex.compile(r"锅炉|boiler", _I),
}
_EQUIPMENT_NAMES = {
    "diesel-generator": ("generator", "发电机"),
    "forklift": ("forklifts", "叉车"),
    "boiler": ("boiler", "锅炉"),
}
_FUEL_IN_TEXT = [(key, _WORDS[name]) for name, key in (("diesel", "diesel"), ("gasoline", "gasoline"),
                 ("LPG", "lpg"), ("natural-gas", "natural-gas"), ("coal", "coal"))]  # fmt: skip
_GAS_LINE = {
    "CH4": regex.compile(r"^CH4", _I),
    "N2O": regex.compile(r"^N2O", _I),
    "HFCs": regex.compile(r"^(HFC|R-?\d)", _I),
    "PFCs": regex.compile(r"^(PFC|CF4|C2F6|C3F8)", _I),
    "SF6": regex.compile(r"^SF6", _I),
    "NF3": regex.compile(r"^NF3", _I),
}
_MAX_QUOTES = 4
_USE_ROLES = ("use", "quantified")
_NAMED_INPUT = regex.compile(r"\p{Han}{2}|[A-Za-z]{4}")
_ELECTRIC_UNIT = regex.compile(r"^(?:万|10\^?4)?(?:kWh|MWh|GWh|千瓦时|兆瓦时|度)", _I)


# ----------------------------------------------------------------------------- helpers


def _zero(value: Decimal | None) -> bool:
    return value is None or value == 0


def _entered_as_nothing(line: InventoryLine) -> bool:
    """'/' or 0 for the quantity and no result other than 0."""
    quantity = line.quantity.number.value if line.quantity else None
    result = line.result.number.value if line.result else None
    return _zero(quantity) and _zero(result)


def inventory_tables(report: Report) -> set[int]:
    return {line.table for line in report.inventory if line.table is not None}


def in_scope(mention: Mention, report: Report, inventory_tables: set[int]) -> bool:
    """A used mention in the body text, not the table of contents, not a heading and not the
    inventory table itself (whose rows are the thing compared against)."""
    loc = mention.location
    if not mention.used or (loc.section or "").lower() == "toc":
        return False
    if loc.table is not None and loc.table in inventory_tables:
        return False
    return not any(h.location.line == loc.line and loc.line is not None for h in report.headings)


def _label_of(line: InventoryLine) -> str:
    return f"{line.group or ''} {line.label}"


def _carrier(line: InventoryLine) -> str | None:
    """The carrier interpret typed for the line, else the one its label names."""
    return line.carrier or carrier_of(_label_of(line))


def described_as_used(mention: Mention) -> bool:
    """The text says the studied system uses the source: not a share of a supply mix, a
    dataset or factor name, literature, a comparison or an example (Mention.role)."""
    return mention.used and mention.role in _USE_ROLES


def itemises_sources(report: Report) -> bool:
    """The inventory lists inputs one by one (a line with an activity amount, or a line
    named after a fuel or carrier). Results per treatment, per module or per indicator are
    no list of sources: nothing can be 'absent' from them."""
    if any(
        line.quantity is not None or _carrier(line) is not None
        for line in report.inventory
    ):
        return True
    # Results per named input ("钢材 | 3156") list sources too; results per treatment code
    # ("CK", "M1", "E+Si1") or lines without a result do not.
    named = [x for x in report.inventory if x.result is not None and _NAMED_INPUT.search(x.label)]
    return len(named) >= 2


def _unit_carrier(line: InventoryLine) -> str | None:
    """The carrier a line's activity unit implies when its label names an activity instead
    ("灌溉 | 120 kWh"): only electricity has units of its own."""
    if line.quantity is None:
        return None
    unit = (line.quantity.unit_text or line.quantity.unit or "").replace(" ", "")
    return "electricity" if _ELECTRIC_UNIT.search(unit) else None


def _lines_for_source(name: str, report: Report) -> list[InventoryLine]:
    carrier = _CARRIER.get(name)
    words = _WORDS.get(name)
    out = []
    for line in report.inventory:
        text = _label_of(line)
        named = _carrier(line)
        by_carrier = carrier is not None and (named or _unit_carrier(line)) == carrier
        by_words = words is not None and words.search(text) is not None
        if by_carrier or by_words or (name == "heat" and _WORDS["steam"].search(text)):
            out.append(line)
    return out


def _activity_lines(mentions: list[Mention], report: Report) -> list[InventoryLine]:
    """Inventory lines whose label names the activity the mention's sentence says uses the
    source ("灌溉时用水泵…消耗电能" and a line "灌溉"; "fuel for tillage" and "Tillage"): the
    source is counted under the activity's name. A line named after another carrier does
    not count."""
    out = []
    for line in report.inventory:
        label = regex.sub(r"[\s(（].*$", "", line.label.strip())
        if len(label) < (2 if regex.search(r"\p{Han}", label) else 4):
            continue
        if _carrier(line) is not None:
            continue
        pattern = regex.compile(regex.escape(label), _I)
        if any(pattern.search(m.location.quote or "") for m in mentions):
            out.append(line)
    return out


def _quantified_in_table(mentions: list[Mention]) -> bool:
    """A table row outside the inventory names the source with its amount ("Electricity
    consumption | 4.42E-01 kWh"): the report accounts for it there."""
    return any(m.role == "quantified" and m.location.table is not None for m in mentions)


def _refrigerant_lines(report: Report) -> list[InventoryLine]:
    return [
        line
        for line in report.inventory
        if _REFRIGERANT_LINE.search(_label_of(line)) or _REFRIGERANT_LINE.search(line.gas or "")
    ]


def _quotes(mentions: Iterable[Mention]) -> list[Location]:
    seen: dict[str, Location] = {}
    for m in mentions:
        quote = m.location.quote or m.text
        seen.setdefault(quote, m.location.with_quote(quote))
    return list(seen.values())[:_MAX_QUOTES]


def _where(locations: list[Location]) -> str:
    return "; ".join(loc.describe() for loc in locations)


def source_status(report: Report) -> list[tuple[str, list[Mention], list[InventoryLine]]]:
    """(source key, the used mentions in the text, the inventory lines that name it) for every
    fuel, energy carrier, refrigerant and extinguisher the text says is used. Sources whose
    mentions map to one carrier (steam and heat) are merged."""
    tables = inventory_tables(report)
    groups: dict[str, list[Mention]] = {}
    for m in report.mentions:
        if not in_scope(m, report, tables) or not described_as_used(m):
            continue
        if m.kind in {"fuel", "energy"} and (m.name in _CARRIER or m.name in _WORDS):
            groups.setdefault(_CARRIER.get(m.name, m.name), []).append(m)
        elif m.kind == "refrigerant":
            groups.setdefault("refrigerant", []).append(m)
        elif m.name == "CO2-extinguisher":
            groups.setdefault(m.name, []).append(m)
    out = []
    for key, mentions in groups.items():
        if key == "refrigerant":
            lines = _refrigerant_lines(report)
        else:
            lines = []
            for name in {m.name for m in mentions}:
                lines += [x for x in _lines_for_source(name, report) if x not in lines]
        out.append((key, mentions, lines))
    return out


def _name(key: str) -> tuple[str, str]:
    return _NAMES.get(key, (key, key))


# ----------------------------------------------------------------------------- OM001


@rule("OM001")
def used_source_entered_as_zero(ctx: RuleContext) -> Iterator[Finding]:
    """A fuel, energy carrier or refrigerant the text says is used, entered in the inventory
    as '/' or 0.

    The text is the report's own account of what the site consumes ("厂区内设有食堂，使用天然气
    作为燃料"). When the inventory has a row for that source but leaves its quantity as '/'
    (or 0) and its result 0, an emission the report itself describes is set to nothing: the
    footprint is understated by the whole source. Negated mentions ("无外购冷量", "no
    steam is used") and mentions inside the inventory table itself are not evidence of use.

    Example: §6.3 "生产和废气治理过程使用天然气、蒸汽和电作为能源" while table 6.3-1 has
    "外购蒸汽(GJ) | CO2 | / | 0.11 | 0".
    """
    report = ctx.report
    if not report.inventory:
        ctx.count(None)
        return
    for key, mentions, lines in source_status(report):
        if not lines:
            continue  # absent: OM002
        empty = all(_entered_as_nothing(line) for line in lines)
        ctx.count(not empty)
        if not empty:
            continue
        en, zh = _name(key)
        text_locs = _quotes(mentions)
        row_locs = [line_evidence(x) for x in lines[:_MAX_QUOTES]]
        rows = "; ".join(x.location.quote or x.label for x in lines[:2])
        yield ctx.finding(
            "OM001",
            message=f"The text says {en} is used ({_where(text_locs)}), but the inventory enters it "
            f"with no quantity and zero emissions ({rows}). An emission source the report itself "
            "describes is set to nothing, so the footprint is understated by that whole source; "
            "enter the consumption or state why it is excluded.",
            message_zh=f"正文称使用了{zh}（{_where(text_locs)}），但清单中该项消耗量为“/”或 0、排放量为 0"
            f"（{rows}）。报告自述的排放源被计为零，碳足迹因此少计该源的全部排放；应填报消耗量或说明排除理由。",
            locations=[*text_locs, *row_locs],
            reported="/ (0)",
            expected=f"a quantity of {en} consumed",
            likely_cause="activity data not collected or not entered",
            key=key,
            confidence=Confidence(
                "high",
                f"the text says {en} is used in {len(mentions)} place(s) (not a mix share, dataset "
                f"or citation); every inventory line for it is '/' or 0",
            ),
        )


# ----------------------------------------------------------------------------- OM002


def _equipment_fuel(mention: Mention) -> str | None:
    quote = mention.location.quote or ""
    for key, pattern in _FUEL_IN_TEXT:
        if pattern.search(quote):
            return key
    return _EQUIPMENT_FUEL.get(mention.name)


def _equipment_covered(name: str, fuel: str, report: Report) -> bool:
    """An inventory line names the equipment, or accounts for the fuel outside transport."""
    for line in report.inventory:
        text = _label_of(line)
        if _EQUIPMENT_WORDS[name].search(text):
            return True
        if carrier_of(text) == fuel and not _TRANSPORT.search(text):
            return True
    return False


@rule("OM002")
def used_source_missing(ctx: RuleContext) -> Iterator[Finding]:
    """A source the text says is used that no inventory line accounts for.

    Covers fuels, energy carriers, refrigerants, CO2 extinguishers and greenhouse gases the
    text says are involved, and on-site combustion equipment (generators, fuel forklifts,
    boilers): a generator's diesel is not accounted for by diesel rows that are all
    transport. A warning, not an error: the emission may be folded into another line under a
    wording the tool does not recognise, which the verifier can confirm quickly.

    Doubt first: only a source the text says the studied system uses counts (a share of a
    grid mix, a dataset or factor name, a citation, a comparison or an example does not);
    only an inventory that lists sources can lack one (results per treatment or per module
    cannot); and a source counted under its activity's label ("灌溉" for irrigation power),
    its unit (kWh) or quantified in a table row of its own is present.

    Example: §6.3 "厂区发电使用柴油发电机和叉车" while the only diesel rows are "原材料运输 耗费
    柴油量" and "产品运输 耗费柴油量".
    """
    report = ctx.report
    if not report.inventory or not itemises_sources(report):
        ctx.count(None)
        return
    for key, mentions, lines in source_status(report):
        lines = lines or _activity_lines(mentions, report)
        covered = bool(lines) or _quantified_in_table(mentions)
        ctx.count(covered)
        if covered:
            continue
        en, zh = _name(key)
        locs = _quotes(mentions)
        yield ctx.finding(
            "OM002",
            message=f"The text names {en} as used ({_where(locs)}), but no inventory line accounts "
            "for it. Either its emissions are missing from the footprint or they sit in a line "
            "whose label does not say so; the report should show where they are counted.",
            message_zh=f"正文称使用了{zh}（{_where(locs)}），但清单中没有任何一行与之对应。其排放要么未计入碳足迹，"
            "要么计入了名称未体现的其他行；报告应说明其计入位置。",
            locations=locs,
            expected=f"an inventory line for {en}",
            key=key,
            confidence=Confidence(
                "medium",
                f"the text says {en} is used in {len(mentions)} place(s); no inventory line names "
                "it, its activity or its unit, but it may sit under a label the tool cannot tie "
                "to it",
            ),
        )
    yield from _equipment(ctx)
    yield from _gases(ctx)


def _equipment(ctx: RuleContext) -> Iterator[Finding]:
    report = ctx.report
    tables = inventory_tables(report)
    by_fuel: dict[str, list[Mention]] = {}
    for m in report.mentions:
        if m.name not in _EQUIPMENT_WORDS or not in_scope(m, report, tables):
            continue
        if not described_as_used(m):
            continue
        fuel = _equipment_fuel(m)
        if fuel is None:
            continue  # an electric forklift or a boiler on an unnamed fuel: nothing to compare
        if _equipment_covered(m.name, fuel, report):
            ctx.count(True)
            continue
        by_fuel.setdefault(fuel, []).append(m)
    for fuel, mentions in by_fuel.items():
        ctx.count(False)
        fuel_lines = [x for x in report.inventory if carrier_of(_label_of(x)) == fuel]
        names = sorted({m.name for m in mentions})
        eq_en = " and ".join(_EQUIPMENT_NAMES[n][0] for n in names)
        eq_zh = "和".join(_EQUIPMENT_NAMES[n][1] for n in names)
        en, zh = _name(fuel)
        if fuel_lines:
            has = f"the inventory's {en} rows are all transport ({fuel_lines[0].label})"
            has_zh = f"清单中的{zh}行均为运输（{fuel_lines[0].label}）"
        else:
            has, has_zh = f"the inventory has no {en} row", f"清单中没有{zh}行"
        locs = _quotes(mentions)
        yield ctx.finding(
            "OM002",
            message=f"The text names {en}-fired {eq_en} as emission sources ({_where(locs)}), but "
            f"{has}. On-site combustion is then missing from the footprint.",
            message_zh=f"正文称使用{zh}{eq_zh}（{_where(locs)}），但{has_zh}，厂内燃烧排放未计入碳足迹。",
            locations=[*locs, *(line_evidence(x) for x in fuel_lines[:1])],
            expected=f"an inventory line for {en} burnt on site",
            key=f"equipment:{fuel}",
            confidence=Confidence(
                "medium",
                f"the text names {eq_en} burning {en} on site; no inventory line outside "
                "transport names the equipment or the fuel",
            ),
        )


def _gases(ctx: RuleContext) -> Iterator[Finding]:
    """Gases the text says are involved but that no inventory row carries. Only when the
    inventory has a gas column at all (otherwise results are CO2e per material)."""
    report = ctx.report
    gases = [line.gas for line in report.inventory if line.gas]
    if not gases:
        return
    tables = inventory_tables(report)
    wanted: dict[str, list[Mention]] = {}
    for m in report.mentions:
        if (
            m.kind == "gas"
            and m.name in _GAS_LINE
            and in_scope(m, report, tables)
            and described_as_used(m)
        ):
            wanted.setdefault(m.name, []).append(m)
    for gas, mentions in wanted.items():
        found = any(_GAS_LINE[gas].search(g) for g in gases)
        ctx.count(found)
        if found:
            continue
        locs = _quotes(mentions)
        yield ctx.finding(
            "OM002",
            message=f"The text says {gas} is emitted ({_where(locs)}), but no inventory row carries "
            f"{gas}; its emissions are either missing or not shown.",
            message_zh=f"正文称涉及 {gas} 排放（{_where(locs)}），但清单中没有 {gas} 行，其排放要么缺失，要么未列示。",
            locations=locs,
            expected=f"an inventory row for {gas}",
            key=f"gas:{gas}",
            confidence=Confidence(
                "medium",
                f"the text says {gas} is involved; the inventory's gas column has no {gas}",
            ),
        )


__all__ = [
    "described_as_used",
    "in_scope",
    "inventory_tables",
    "itemises_sources",
    "source_status",
    "used_source_entered_as_zero",
    "used_source_missing",
]
