"""Units: one normaliser, one exact conversion, for every stage.

``normalise_unit`` maps a printed unit ("吨", "万m³", "tCO₂/MWh", "kg CO2e/kWh", "度",
"kg Sb eq") to a canonical string ("t", "万m3", "tCO2/MWh", "kgCO2e/kWh", "kWh", "kgSbe").
``conversion_factor`` gives the exact factor between two canonical units, or None when they
do not convert. A stage that accepts only some units (a functional unit is not "h"; an EPD
matrix has no "件") filters the canonical unit by its class, never with its own spellings.

Design choices, so that a unit slip is never hidden by a silent conversion:

* CO2-equivalent mass is its own dimension (base unit ``kgCO2e``). A mass of a gas (``t``,
  ``tCO2``, ``tCH4``) is plain mass, and only a GWP turns it into CO2e (see
  :func:`co2e_per_mass`). So ``conversion_factor("t", "tCO2e")`` is None.
* Counts (件, 台, 套, unit …) convert only to themselves and never into a mass.
* ``Nm3`` converts 1:1 to ``m3``: Chinese reports use the two interchangeably for natural gas,
  and a difference there is not an arithmetic error this tool should report.
* Conversions are exact ``Fraction``s from a table of the units reports use (``_SIZES``):
  each unit's size in SI base units and its dimension. No unit library is loaded at run time
  (pint's registry cost a second of start-up for these thirty units).
"""

from __future__ import annotations

import unicodedata
from collections.abc import Iterable
from fractions import Fraction
from functools import lru_cache

import regex

from pcfaudit.vocab.unit_spellings import (
    EPD_SUBSTANCES,
    FUNCTIONAL_UNIT_SPELLINGS,
    MASS_PREFIX,
    SPELLINGS,
)

# --------------------------------------------------------------------------- normalising


def _fold(text: str) -> str:
    t = unicodedata.normalize("NFKC", text).strip().lower()
    t = regex.sub(r"[\s\u00a0\u2009\u202f()（）\[\]【】×]", "", t)
    t = t.replace("m^2", "m2").replace("m^3", "m3")
    return t.replace("・", "·").replace("⋅", "·").replace("•", "·")


_LOOKUP: dict[str, str] = {regex.sub(r"\s", "", k.lower()): v for k, v in SPELLINGS.items()}
_MASS = "|".join(sorted(map(regex.escape, MASS_PREFIX), key=len, reverse=True))
_CO2E_WORDS = r"co2[-_]?(?:e|eq|equivalent)|co2当量|二氧化碳当量|当量"
_EMISSION_RE = regex.compile(
    rf"^(?P<mass>{_MASS})(?:(?P<co2e>{_CO2E_WORDS})|(?P<gas>co2|二氧化碳|ch4|n2o))$"
)
_EMISSION_AFTER_RE = regex.compile(
    rf"^(?:co2e|co2eq|co2-eq|co2当量|二氧化碳当量|碳排放量?|温室气体排放量?)(?P<mass>{_MASS})$"
)
_LABEL_AFTER_UNIT = regex.compile(r"^(t|kg|g|kwh|mwh|gj|mj|tj|m3|万m3|nm3|l|toe|tce)(?=\p{Han})")
_EPD_SUBSTANCE_RE = regex.compile(
    r"(kg|t|g|千克|公斤|吨|克)(co2|cfc11|cfc-11|h\+|p|n|nmvoc|sb|so2|po4|po43|c2h4)(e)?"
)
_EPD_SIMPLE = {"kgc": "kgC", "kg碳": "kgC", "mjncv": "MJ", "mj,ncv": "MJ"}


def _token(part: str) -> str | None:
    if part in _LOOKUP:
        return _LOOKUP[part]
    if "·" in part and part.replace("·", "") in _LOOKUP:
        return _LOOKUP[part.replace("·", "")]
    m = _EMISSION_RE.match(part)
    if m:
        mass = MASS_PREFIX[m.group("mass")]
        if m.group("co2e"):
            return f"{mass}CO2e"
        # Gas mass: CH4/N2O amounts are plain mass too (a GWP turns them into CO2e).
        return f"{mass}CO2" if m.group("gas") in {"co2", "二氧化碳"} else mass
    m = _EMISSION_AFTER_RE.match(part)
    if m:  # "CO₂当量 (t)", "CO2e(kg)"
        return f"{MASS_PREFIX[m.group('mass')]}CO2e"
    return None


def _reference_substance(text: str) -> str | None:
    """EPD impact units: 'kg Sb eq' → 'kgSbe', 'mol H+ eq' → 'molH+e', 'm³ world eq.
    deprived' → 'm3', 'MJ, NCV' → 'MJ', 'kg C' → 'kgC'."""
    t = unicodedata.normalize("NFKC", text).lower()
    t = regex.sub(r"[‐‑‒–—―−﹣－]", "-", t)
    t = regex.sub(r"^[\[(（【]|[\])）】]$", "", regex.sub(r"\s+", " ", t).strip()).strip()
    t = t.replace("₂", "2").replace("³", "3").replace("²", "2")
    c = regex.sub(r"[\s.\-_]", "", t)
    c = c.split(",")[0].replace("äq", "eq").replace("当量", "e")
    c = regex.sub(
        r"(?:eqv|equiv|eq)$", "e", c.replace("equivalents", "e").replace("equivalent", "e")
    )
    m = _EPD_SUBSTANCE_RE.fullmatch(c)
    if m:
        mass = MASS_PREFIX[m.group(1)]
        gas = EPD_SUBSTANCES[m.group(2)]
        return f"{mass}{gas}e" if m.group(3) or gas != "CO2" else f"{mass}CO2"
    m = regex.fullmatch(r"mol(h\+|n)(e)?", c)
    if m:
        return "molH+e" if m.group(1) == "h+" else "molNe"
    if c in _EPD_SIMPLE:
        return _EPD_SIMPLE[c]
    if unit := _token(c):
        return unit
    if c.startswith("m3"):
        return "m3"  # "m³ world eq. deprived" (WDP), "m³ H2O"
    return None


@lru_cache(maxsize=8192)
def normalise_unit(text: str) -> str | None:
    """The canonical unit for a printed unit, or None when it is not recognised.

    >>> normalise_unit("tCO₂/MWh"), normalise_unit("万立方米"), normalise_unit("kg Sb eq")
    ('tCO2/MWh', '万m3', 'kgSbe')
    """
    t = _fold(text)
    if not t:
        return None
    t = t.replace("每", "/")
    if t.count("/") > 1:
        return None
    if "/" in t:
        num, den = t.split("/")
        # "tCO2e/t制冷剂": trailing words after a unit on the denominator are a label.
        n = _token(num)
        d = _token(den) or _token(_strip_label(den))
        return None if n is None or d is None else f"{n}/{d}"
    return _token(t) or _reference_substance(text)


def _strip_label(part: str) -> str:
    m = _LABEL_AFTER_UNIT.match(part)
    return m.group(1) if m else part


def unit_regex(spellings: Iterable[str] = FUNCTIONAL_UNIT_SPELLINGS) -> str:
    """Alternation of unit spellings, longest first; latin spellings must not run on into a
    longer word ("t" in "tCO2e", "m" in "mm")."""
    parts: list[str] = []
    for spelling in sorted(spellings, key=len, reverse=True):
        esc = spelling.replace(" ", r"\s+")
        parts.append(rf"{esc}(?![A-Za-z0-9²³/])" if spelling.isascii() else esc)
    return "(?:" + "|".join(parts) + ")"


# --------------------------------------------------------------------------- classes

COUNT_UNITS = frozenset("台件套个只块把卷辆支根片组张瓶袋箱盒双") | {"unit"}

# What a functional or declared unit can be measured in.
UNIT_CLASS: dict[str, str] = {
    "t": "mass", "kg": "mass", "g": "mass", "km": "length", "m": "length", "m2": "area",
    "m3": "volume", "L": "volume", "kWh": "energy", "MWh": "energy", "MJ": "energy",
    "GJ": "energy", **{u: "count" for u in COUNT_UNITS},
}  # fmt: skip


def unit_class(unit: str | None) -> str | None:
    """'mass', 'length', 'area', 'volume', 'energy', 'count' or None (not a functional unit)."""
    return UNIT_CLASS.get(unit) if unit else None


def normalise_amount_unit(text: str) -> str | None:
    """The canonical unit of a functional or declared unit's amount ("1 台", "1000 kg",
    "1 m²"): :func:`normalise_unit` restricted to the units a product is counted in."""
    unit = normalise_unit(text)
    return unit if unit_class(unit) else None


_INDICATOR_UNIT = regex.compile(
    r"(?:kg|t|g)(?:CO2e?|CFC11e|NMVOCe|Sbe|SO2e|PO4e|C2H4e|Pe|Ne|H\+e)|molH\+e|molNe"
    r"|MJ|GJ|kWh|MWh|kJ|kg|t|g|m3|kgC"
)


def normalise_indicator_unit(text: str) -> str | None:
    """The canonical unit of an EPD indicator ('kgCO2e', 'MJ', 'kgSbe', 'molH+e', 'm3',
    'kgC' …): :func:`normalise_unit` restricted to the units an impact matrix declares."""
    unit = normalise_unit(text)
    return unit if unit is not None and _INDICATOR_UNIT.fullmatch(unit) else None


def is_count(unit: str | None) -> bool:
    return unit in COUNT_UNITS


def split_unit(unit: str) -> tuple[str, str | None]:
    """('tCO2', 'MWh') for 'tCO2/MWh'; ('t', None) for 't'."""
    if "/" in unit:
        num, den = unit.split("/", 1)
        return num, den
    return unit, None


def is_co2e(unit: str | None) -> bool:
    return unit is not None and split_unit(unit)[0].endswith("CO2e")


def emission_mass_unit(unit: str | None) -> str | None:
    """The mass part of an emission unit: 'tCO2e', 't CO2e', 't CO₂' and a column's bare 't'
    are one unit for a sum of emissions (the gas is the column's, not the number's)."""
    if not unit:
        return None
    folded = unit.replace(" ", "").replace("₂", "2")
    return folded.replace("CO2e", "").replace("CO2", "").lower()


def is_mass(unit: str | None) -> bool:
    return unit in {"t", "kg", "g", "tCO2", "kgCO2", "gCO2"}


# --------------------------------------------------------------------------- conversion

# Dimension exponents: (mass, length, time, CO2e).
_M, _L3, _L, _E, _EQ = (1, 0, 0, 0), (0, 3, 0, 0), (0, 1, 0, 0), (1, 2, -2, 0), (0, 0, 0, 1)
_KWH = Fraction(3_600_000)
# Canonical unit → (size in SI base units, dimension).
_SIZES: dict[str, tuple[Fraction, tuple[int, int, int, int]]] = {
    "t": (Fraction(1000), _M), "kg": (Fraction(1), _M), "g": (Fraction(1, 1000), _M),
    "万t": (Fraction(10_000_000), _M),
    "tCO2": (Fraction(1000), _M), "kgCO2": (Fraction(1), _M), "gCO2": (Fraction(1, 1000), _M),
    "tCO2e": (Fraction(1000), _EQ), "kgCO2e": (Fraction(1), _EQ),
    "gCO2e": (Fraction(1, 1000), _EQ),
    "kWh": (_KWH, _E), "MWh": (_KWH * 1000, _E), "GWh": (_KWH * 10**6, _E),
    "万kWh": (_KWH * 10_000, _E), "kJ": (Fraction(10**3), _E), "MJ": (Fraction(10**6), _E),
    "GJ": (Fraction(10**9), _E), "TJ": (Fraction(10**12), _E),
    # 1 toe = 41.868 GJ (IEA/OECD convention); 1 tce = 29.3076 GJ (GB/T 2589-2020: 7000 kcal/kg).
    "toe": (Fraction(41_868_000_000), _E), "tce": (Fraction(29_307_600_000), _E),
    "kgce": (Fraction(29_307_600), _E),
    "m3": (Fraction(1), _L3), "Nm3": (Fraction(1), _L3), "千m3": (Fraction(1000), _L3),
    "万m3": (Fraction(10_000), _L3), "万Nm3": (Fraction(10_000), _L3),
    "L": (Fraction(1, 1000), _L3),
    "km": (Fraction(1000), _L), "m": (Fraction(1), _L),
    "t·km": (Fraction(10**6), (1, 1, 0, 0)),
    "kW": (Fraction(1000), (1, 2, -3, 0)), "h": (Fraction(3600), (0, 0, 1, 0)),
    "%": (Fraction(1, 100), (0, 0, 0, 0)), "‰": (Fraction(1, 1000), (0, 0, 0, 0)),
}  # fmt: skip


def _size(unit: str) -> tuple[Fraction, tuple[int, ...]] | None:
    num, den = split_unit(unit)
    n = _SIZES.get(num)
    if den is None or n is None:
        return n
    d = _SIZES.get(den)
    if d is None:
        return None
    return n[0] / d[0], tuple(a - b for a, b in zip(n[1], d[1], strict=True))


@lru_cache(maxsize=4096)
def conversion_factor(from_unit: str | None, to_unit: str | None) -> Fraction | None:
    """Exact x such that 1 ``from_unit`` = x ``to_unit``; None when they do not convert.

    >>> conversion_factor("t", "kg"), conversion_factor("kgCO2e/kWh", "tCO2e/MWh")
    (Fraction(1000, 1), Fraction(1, 1))
    """
    if from_unit is None or to_unit is None:
        return None
    if from_unit == to_unit:
        return Fraction(1)
    if from_unit in COUNT_UNITS or to_unit in COUNT_UNITS:
        return None
    a, b = _size(from_unit), _size(to_unit)
    if a is None or b is None or a[1] != b[1]:
        return None
    return a[0] / b[0]


@lru_cache(maxsize=1024)
def co2e_per_mass(mass_unit: str, co2e_unit: str) -> Fraction | None:
    """Numbers of ``co2e_unit`` per ``mass_unit`` of gas at GWP 1: ('t', 'kgCO2e') → 1000."""
    to_kg = conversion_factor(mass_unit, "kg")
    kg_e = conversion_factor("kgCO2e", co2e_unit)
    if to_kg is None or kg_e is None:
        return None
    return to_kg * kg_e


# --------------------------------------------------------------------------- slips


def unit_family(unit: str | None) -> str | None:
    """The slip family a unit belongs to: 'mass', 'energy-wh', 'energy-j', 'wan', 'percent'."""
    if unit is None:
        return None
    num = split_unit(unit)[0]
    if num.startswith("万"):
        return "wan"
    if num in {"t", "kg", "g", "tCO2", "kgCO2", "gCO2", "tCO2e", "kgCO2e", "gCO2e"}:
        return "mass"
    if num in {"kWh", "MWh", "GWh"}:
        return "energy-wh"
    if num in {"kJ", "MJ", "GJ", "TJ"}:
        return "energy-j"
    if num in {"%", "‰"}:
        return "percent"
    return None


SLIP_NAMES = {
    ("mass", 3): "kg↔t",
    ("mass", 6): "g↔t",
    ("energy-wh", 3): "kWh↔MWh",
    ("energy-wh", 6): "kWh↔GWh",
    ("energy-j", 3): "MJ↔GJ",
    ("energy-j", 6): "MJ↔TJ",
    ("wan", 4): "万 (×10 000)",
    ("percent", 2): "%↔fraction",
}


def slip_name(exponent: int, units: Iterable[str | None]) -> str | None:
    """The unit slip a factor 10^exponent stands for given the units involved, if any."""
    for unit in units:
        name = SLIP_NAMES.get((unit_family(unit) or "", abs(exponent)))
        if name:
            return name
    return None
