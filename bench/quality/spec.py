"""The structured form of a synthetic PCF report: what the generator builds, what a mutation
operator edits, and what every renderer (text, markdown, DOCX, PDF) prints.

Every number is kept as its printed plain string (``"1234.560"``): the generator computes it
exactly with Decimal and rounds once; a mutation edits the string; a renderer only formats it
(thousands separators). So the same mutant exists in every format.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from decimal import ROUND_HALF_UP, Decimal

STAGES = ("raw", "production", "distribution", "use", "eol")
STAGE_NAMES = {
    "zh": {
        "raw": "原材料获取阶段",
        "production": "产品生产阶段",
        "distribution": "产品分销阶段",
        "use": "产品使用阶段",
        "eol": "废弃处置阶段",
    },
    "en": {
        "raw": "Raw material acquisition",
        "production": "Production",
        "distribution": "Distribution",
        "use": "Use stage",
        "eol": "End-of-life",
    },
}


@dataclass
class Row:
    """One inventory row: quantity × factor × GWP = result (tCO2e)."""

    key: str  # steel, electricity, diesel, natural-gas, steam, refrigerant, ...
    label: str  # printed label
    stage: str  # one of STAGES
    gas: str  # CO2, CH4, N2O, HFC-134a
    quantity: str
    qty_unit: str
    factor: str
    factor_unit: str
    gwp: str
    result: str
    group: str = ""  # the fuel a CO2/CH4/N2O row group belongs to ("" = single row)
    share: str = ""  # the row's share of the total, % (filled by the generator)
    blank: bool = False  # quantity and result printed as '/'
    scale: str = "1"  # quantity unit → factor's denominator unit (kg → t: 0.001; 万kWh → MWh: 10)


@dataclass
class Spec:
    seed: int
    template: str
    lang: str  # zh | en
    company: str
    product: str
    fu_kind: str  # mass | count | length | energy
    fu_amount: str  # "1"
    fu_units: list[str]  # the unit as printed at each mention (definition, summary, conclusion)
    production: list[str]  # production volume at each mention (overview, result section)
    production_unit: str
    period_year: int
    collection: tuple[int, int]  # (year, month) data collected
    report_date: tuple[int, int, int]
    standards: list[str]
    boundary: str  # gate | grave
    purpose_full_life_cycle: bool
    gwp_declared: str  # AR4 | AR5 | AR6 as declared in the method section
    gwp_stated: dict[str, str]  # gas -> GWP value printed in the method section
    rows: list[Row]
    total: str = ""
    per_unit: str = ""  # kgCO2e per functional unit
    stage_results: dict[str, str] = field(default_factory=dict)
    stage_shares: dict[str, str] = field(default_factory=dict)
    hotspot: str = ""  # stage named as the largest contributor
    sources_text: list[str] = field(default_factory=list)  # row keys named in the text
    extra_sources_text: list[str] = field(default_factory=list)  # named but not quantified
    grid_label: tuple[int, str] = (2022, "全国")  # year, region of the quoted grid factor
    grid_quote: str = ""  # grid factor as quoted in the method section
    equipment: tuple[str, int, int, str] = ("空压机", 3, 3, "45")  # name, count 1, count 2, kW
    toc_extra: str = ""  # a TOC entry with no section in the body
    garble: bool = False
    notes: list[str] = field(default_factory=list)  # what a mutation did


def q(value: Decimal, decimals: int) -> str:
    """Round half-up to ``decimals`` and return the plain string (no exponent)."""
    quantum = Decimal(1).scaleb(-decimals)
    return format(value.quantize(quantum, rounding=ROUND_HALF_UP), "f")


def decimals_of(text: str) -> int:
    return len(text.split(".")[1]) if "." in text else 0


def fmt_number(text: str, style: str) -> str:
    """Print a plain decimal string as ``1,234.5`` (comma), ``1 234.5`` (space), ``1.2345E+03``
    (sci), ``1.234,5`` (eu: decimal comma, dots group thousands) or plain."""
    if style == "plain" or not text or not (text[0].isdigit() or text[0] == "-"):
        return text
    if style == "eu":
        grouped = fmt_number(text, "comma")
        return grouped.translate(str.maketrans(",.", ".,"))
    if style == "sci":  # E-notation from 1000 up, every printed digit kept: 1.234567E+03
        sign = "-" if text.startswith("-") else ""
        whole, _, frac = text.lstrip("-").partition(".")
        if len(whole) <= 3 or not whole.isdigit():
            return text
        exp = len(whole) - 1
        return f"{sign}{whole[0]}.{whole[1:]}{frac}E+{exp:02d}"
    sign = "-" if text.startswith("-") else ""
    body = text.lstrip("-")
    whole, _, frac = body.partition(".")
    if len(whole) <= 3:
        return text
    sep = "," if style == "comma" else " "
    groups: list[str] = []
    while whole:
        groups.insert(0, whole[-3:])
        whole = whole[:-3]
    return sign + sep.join(groups) + ("." + frac if frac else "")
