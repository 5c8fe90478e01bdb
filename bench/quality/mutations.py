"""Mutation operators: each injects exactly one defect into a clean :class:`Spec`.

An operator edits the structured form before rendering, so one mutant exists identically in
text, DOCX and PDF. ``category`` is the finding category a correct audit must raise for it.
Operators that must keep the rest of the report consistent (a changed GWP, a blanked stage,
an implausible factor) recompute the dependent rows, totals and shares with ``finish``.
"""

from __future__ import annotations

import copy
import random
from collections.abc import Callable
from dataclasses import dataclass
from decimal import Decimal

from bench.quality.generate import finish, recompute_row
from bench.quality.spec import Row, Spec, q
from pcfaudit.reference import load_pack


@dataclass(frozen=True)
class Operator:
    name: str
    category: str
    description: str
    apply: Callable[[Spec, random.Random], bool]  # edits in place; False = not applicable


def _largest(spec: Spec, pred: Callable[[Row], bool]) -> Row | None:
    rows = [r for r in spec.rows if pred(r) and not r.blank]
    return max(rows, key=lambda r: Decimal(r.result)) if rows else None


def arith_digit(spec: Spec, rng: random.Random) -> bool:
    row = _largest(spec, lambda r: True)
    if row is None:
        return False
    digits = [i for i, c in enumerate(row.result) if c.isdigit()]
    pos = digits[min(2, len(digits) - 1)]  # third significant digit: ~1-5 % off, not a ×10 shift
    new = str((int(row.result[pos]) + rng.choice((2, 3, 4, 6))) % 10)
    row.result = row.result[:pos] + new + row.result[pos + 1 :]
    spec.notes.append(f"{row.label} result -> {row.result}")
    return True


def unit_x1000(spec: Spec, rng: random.Random) -> bool:
    row = _largest(spec, lambda r: r.stage == "raw")
    if row is None:
        return False
    row.quantity = q(
        Decimal(row.quantity) * 1000, len(row.quantity.split(".")[-1]) if "." in row.quantity else 0
    )
    spec.notes.append(f"{row.label} quantity ×1000 -> {row.quantity} {row.qty_unit}")
    return True


def unit_kwh(spec: Spec, rng: random.Random) -> bool:
    row = _largest(spec, lambda r: r.key == "electricity")
    if row is None:
        return False
    old = row.qty_unit
    row.qty_unit = {"MWh": "kWh", "万kWh": "kWh", "kWh": "MWh"}[old]
    spec.notes.append(f"{row.label} unit {old} -> {row.qty_unit}")
    return True


def gwp_not_applied(spec: Spec, rng: random.Random) -> bool:
    row = _largest(spec, lambda r: r.gas != "CO2")
    if row is None:
        return False
    dec = len(row.result.split(".")[1]) if "." in row.result else 0
    row.result = q(Decimal(row.quantity) * Decimal(row.scale) * Decimal(row.factor), dec)
    finish(spec)
    spec.notes.append(f"{row.label} {row.gas} result without GWP -> {row.result}")
    return True


OTHER_FU = {"台": "t", "个": "t", "t": "台", "km": "t", "kWh": "台", "unit": "t", "piece": "t"}
# English reports name other units (and the PDF font of the English templates has no CJK glyph).
OTHER_FU_EN = {**OTHER_FU, "t": "unit", "kWh": "t"}


def fu_changed(spec: Spec, rng: random.Random) -> bool:
    i = rng.randrange(3)
    spec.fu_units[i] = (OTHER_FU_EN if spec.lang == "en" else OTHER_FU)[spec.fu_units[i]]
    spec.notes.append(f"functional unit mention {i} -> {spec.fu_units[i]}")
    return True


def boundary_full_lc(spec: Spec, rng: random.Random) -> bool:
    if spec.boundary != "gate":
        return False
    spec.purpose_full_life_cycle = True
    return True


def boundary_stage_blank(spec: Spec, rng: random.Random) -> bool:
    stage = "distribution" if spec.boundary == "grave" else "raw"
    for row in spec.rows:
        if row.stage == stage:
            row.blank = True
    finish(spec)
    spec.notes.append(f"stage {stage} entered as '/'")
    return True


def gwp_table_other(spec: Spec, rng: random.Random) -> bool:
    other = "AR4" if spec.gwp_declared != "AR4" else "AR5"
    pack = load_pack()
    rows = [r for r in spec.rows if r.gas != "CO2"]
    if not rows:
        return False
    for row in rows:
        row.gwp = format(pack.gwp(other, row.gas), "f")
        recompute_row(row)
    finish(spec)
    spec.notes.append(f"declares {spec.gwp_declared}, table uses {other}")
    return True


def gwp_ch4_21(spec: Spec, rng: random.Random) -> bool:
    spec.gwp_stated["CH4"] = "21"
    return True


def factor_twice(spec: Spec, rng: random.Random) -> bool:
    spec.grid_quote = q(Decimal(spec.grid_quote) + Decimal("0.0337"), 4)
    spec.notes.append(f"grid factor quoted as {spec.grid_quote}")
    return True


def source_blank(spec: Spec, rng: random.Random) -> bool:
    rows = [r for r in spec.rows if r.key == "natural-gas"]
    if not rows:
        return False
    for row in rows:
        row.blank = True
    finish(spec)
    return True


def source_missing(spec: Spec, rng: random.Random) -> bool:
    spec.extra_sources_text.append("steam")
    return True


def date_collect_early(spec: Spec, rng: random.Random) -> bool:
    spec.collection = (spec.period_year, rng.randint(2, 8))
    return True


def date_report_early(spec: Spec, rng: random.Random) -> bool:
    y, m = spec.collection
    spec.report_date = (y - 1, 10, 15) if m == 1 else (y, m - 1, 10)
    spec.notes.append(f"report dated {spec.report_date}, data collected {spec.collection}")
    return True


def standard_superseded(spec: Spec, rng: random.Random) -> bool:
    spec.standards = ["ISO/TS 14067:2013" if s == "ISO 14067:2018" else s for s in spec.standards]
    return True


def hotspot_wrong(spec: Spec, rng: random.Random) -> bool:
    order = sorted(spec.stage_results, key=lambda s: -Decimal(spec.stage_results[s]))
    if len(order) < 2:
        return False
    spec.hotspot = order[1]
    spec.notes.append(f"hotspot named: {order[1]} (true: {order[0]})")
    return True


def factor_implausible(spec: Spec, rng: random.Random) -> bool:
    rows = [r for r in spec.rows if r.key == "diesel" and r.gas == "CO2"]
    for row in rows:
        row.factor = "1.593"
        recompute_row(row)
    finish(spec)
    return bool(rows)


def production_twice(spec: Spec, rng: random.Random) -> bool:
    first = Decimal(spec.production[0])
    step = max(Decimal(1), (first * Decimal("0.0004")).to_integral_value()) * 100  # ~4 %
    spec.production[0] = format(first + step, "f")
    spec.notes.append(f"production {spec.production[0]} vs {spec.production[1]}")
    return True


def equipment_twice(spec: Spec, rng: random.Random) -> bool:
    name, n1, _, kw = spec.equipment
    spec.equipment = (name, n1, n1 + 2, kw)
    return True


def toc_missing(spec: Spec, rng: random.Random) -> bool:
    spec.toc_extra = (
        "3.4 天然气燃烧排放因子" if spec.lang == "zh" else "3.4 Natural gas combustion factor"
    )
    return True


def garbled(spec: Spec, rng: random.Random) -> bool:
    spec.garble = True
    return True


OPERATORS: list[Operator] = [
    Operator("arith_digit", "arithmetic", "one digit of the largest line result changed", arith_digit),
    Operator("gwp_not_applied", "arithmetic", "a CH4/N2O/HFC row result = quantity × factor", gwp_not_applied),
    Operator("unit_x1000", "units", "a material quantity ×1000, unit and result unchanged", unit_x1000),
    Operator("unit_kwh", "units", "electricity quantity unit MWh -> kWh (万kWh -> kWh, kWh -> MWh), number unchanged", unit_kwh),
    Operator("fu_changed", "functional-unit", "functional unit changed in one of three places", fu_changed),
    Operator("boundary_full_lc", "boundary", "cradle-to-gate declared, purpose claims full life cycle", boundary_full_lc),
    Operator("boundary_stage_blank", "boundary", "a stage inside the boundary entered as '/'", boundary_stage_blank),
    Operator("gwp_table_other", "gwp", "declares one IPCC report, table uses another's GWPs", gwp_table_other),
    Operator("gwp_ch4_21", "gwp", "method section states CH4 GWP = 21 (SAR)", gwp_ch4_21),
    Operator("factor_twice", "emission-factor", "grid factor quoted in the text differs from the table", factor_twice),
    Operator("source_blank", "omission", "natural gas named in the text, its rows '/'", source_blank),
    Operator("source_missing", "omission", "steam named as used in the text, absent from the inventory", source_missing),
    Operator("date_collect_early", "temporal", "data collected before the reporting year ended", date_collect_early),
    Operator("date_report_early", "temporal", "report dated before its data were collected", date_report_early),
    Operator("standard_superseded", "standard", "ISO/TS 14067:2013 cited instead of ISO 14067:2018", standard_superseded),
    Operator("hotspot_wrong", "narrative", "hotspot sentence names the second-largest stage", hotspot_wrong),
    Operator("factor_implausible", "plausibility", "diesel 1.593 tCO2/t with consistent arithmetic", factor_implausible),
    Operator("production_twice", "consistency", "production volume stated twice with different values", production_twice),
    Operator("equipment_twice", "consistency", "equipment count stated twice with different values", equipment_twice),
    Operator("toc_missing", "structure", "TOC announces a section the body lacks", toc_missing),
    Operator("garbled", "extraction", "most text replaced by (cid:NNN) tokens", garbled),
]  # fmt: skip
BY_NAME = {op.name: op for op in OPERATORS}


def mutate(spec: Spec, op: Operator, seed: int) -> Spec | None:
    """A mutated deep copy of ``spec``, or None when ``op`` does not apply to it."""
    mutant = copy.deepcopy(spec)
    if not op.apply(mutant, random.Random(seed)):
        return None
    return mutant
