"""Units as reports print them, and numbers that remember their rounding.

Units
-----
``normalise_unit`` maps a printed unit ("吨", "万m³", "tCO₂/MWh", "kg CO2e/kWh", "度") to a
canonical string ("t", "万m3", "tCO2/MWh", "kgCO2e/kWh", "kWh"). ``conversion_factor`` gives
the exact factor between two canonical units, or None when they do not convert.

Design choices, so that a unit slip is never hidden by a silent conversion:

* CO2-equivalent mass is its own dimension ``[co2e]`` (base unit ``kgCO2e``). A mass of a gas
  (``t``, ``tCO2``, ``tCH4``) is plain mass, and only a GWP turns it into CO2e (see
  :func:`co2e_per_mass`). So ``conversion_factor("t", "tCO2e")`` is None.
* Counts (件, 台, 套, 块, 个, 把, piece) are not pint units: a count converts only to itself
  and never into a mass.
* ``Nm3`` converts 1:1 to ``m3``: Chinese reports use the two interchangeably for natural gas,
  and a difference there is not an arithmetic error this tool should report.
* Conversions are exact: the registry uses ``Fraction`` magnitudes.

pint is slow to set up (~0.2 s), so the registry is built lazily once and every lookup is
cached; the recomputation never touches pint outside these caches.

Intervals
---------
``Interval`` holds exact ``Fraction`` bounds: a printed ``4.833`` is [4.8325, 4.8335].
"""

from __future__ import annotations

import decimal
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass
from decimal import Decimal
from fractions import Fraction
from functools import cache, lru_cache
from typing import Any

import regex

# --------------------------------------------------------------------------- units

# Canonical unit → pint expression (None: not a pint unit; handled here).
_PINT: dict[str, str] = {
    "t": "t",
    "kg": "kg",
    "g": "g",
    "tCO2": "t",
    "kgCO2": "kg",
    "gCO2": "g",
    "tCO2e": "tCO2e",
    "kgCO2e": "kgCO2e",
    "gCO2e": "gCO2e",
    "kWh": "kWh",
    "MWh": "MWh",
    "GWh": "GWh",
    "万kWh": "wan_kWh",
    "kJ": "kJ",
    "MJ": "MJ",
    "GJ": "GJ",
    "TJ": "TJ",
    "toe": "toe",
    "tce": "tce",
    "kgce": "kgce",
    "m3": "m**3",
    "万m3": "wan_m3",
    "Nm3": "m**3",
    "万Nm3": "wan_m3",
    "L": "L",
    "km": "km",
    "m": "m",
    "t·km": "t*km",
    "kW": "kW",
    "h": "h",
    "%": "percent",
    "‰": "permille",
}

COUNT_UNITS = frozenset({"件", "台", "套", "块", "个", "把", "只", "支", "piece"})

_DEFINITIONS = (
    "kgCO2e = [co2e]",
    "tCO2e = 1000 * kgCO2e",
    "gCO2e = kgCO2e / 1000",
    "wan_kWh = 10000 * kWh",
    "wan_m3 = 10000 * m ** 3",
    # 1 toe = 41.868 GJ (IEA/OECD convention); 1 tce = 29.3076 GJ (GB/T 2589-2020: 7000 kcal/kg).
    "toe = 41868000000 * J",
    "tce = 29307600000 * J",
    "kgce = tce / 1000",
    "permille = 1 / 1000",
)

# Printed words → canonical token. Keys are compared after _clean() (NFKC, no spaces, lower).
_TOKENS: dict[str, str] = {
    "t": "t",
    "吨": "t",
    "tonne": "t",
    "tonnes": "t",
    "ton": "t",
    "tons": "t",
    "kg": "kg",
    "千克": "kg",
    "公斤": "kg",
    "g": "g",
    "克": "g",
    "kwh": "kWh",
    "千瓦时": "kWh",
    "千瓦·时": "kWh",
    "度": "kWh",
    "mwh": "MWh",
    "兆瓦时": "MWh",
    "gwh": "GWh",
    "万kwh": "万kWh",
    "万千瓦时": "万kWh",
    "万度": "万kWh",
    "kj": "kJ",
    "mj": "MJ",
    "兆焦": "MJ",
    "gj": "GJ",
    "吉焦": "GJ",
    "tj": "TJ",
    "太焦": "TJ",
    "toe": "toe",
    "吨油当量": "toe",
    "tce": "tce",
    "吨标煤": "tce",
    "吨标准煤": "tce",
    "kgce": "kgce",
    "千克标准煤": "kgce",
    "m3": "m3",
    "立方米": "m3",
    "方": "m3",
    "万m3": "万m3",
    "万立方米": "万m3",
    "104m3": "万m3",  # "10⁴ m³" after NFKC
    "10^4m3": "万m3",
    "10^4nm3": "万Nm3",
    "104nm3": "万Nm3",
    "10^4kwh": "万kWh",
    "104kwh": "万kWh",
    "nm3": "Nm3",
    "标方": "Nm3",
    "标准立方米": "Nm3",
    "万nm3": "万Nm3",
    "l": "L",
    "升": "L",
    "km": "km",
    "公里": "km",
    "千米": "km",
    "m": "m",
    "米": "m",
    "t·km": "t·km",
    "t*km": "t·km",
    "tkm": "t·km",
    "t.km": "t·km",
    "吨公里": "t·km",
    "吨·公里": "t·km",
    "kw": "kW",
    "千瓦": "kW",
    "h": "h",
    "小时": "h",
    "%": "%",
    "‰": "‰",
    "件": "件",
    "台": "台",
    "套": "套",
    "块": "块",
    "个": "个",
    "把": "把",
    "只": "只",
    "支": "支",
    "piece": "piece",
    "pieces": "piece",
    "pcs": "piece",
    "pc": "piece",
    "unit": "piece",
    "units": "piece",
}

# Mass prefix of an emission unit ("kg" in "kgCO2e") and the gas suffix.
_EMISSION_RE = regex.compile(
    r"^(?P<mass>t|kg|g|吨|千克|公斤|克)(?P<gas>co2e|co2eq|co2-eq|co2当量|二氧化碳当量|co2|ch4|n2o)$"
)
_EMISSION_AFTER_RE = regex.compile(
    r"^(?:co2e|co2eq|co2-eq|co2当量|二氧化碳当量|碳排放量?|温室气体排放量?)(?P<mass>t|kg|g|吨|千克|公斤|克)$"
)
_MASS_PREFIX = {"t": "t", "吨": "t", "kg": "kg", "千克": "kg", "公斤": "kg", "g": "g", "克": "g"}


def _clean(text: str) -> str:
    t = unicodedata.normalize("NFKC", text).strip().lower()
    t = regex.sub(r"[\s\u00a0\u2009\u202f()（）\[\]【】]", "", t)
    return t.replace("・", "·").replace("⋅", "·").replace("•", "·")


def _token(part: str) -> str | None:
    if part in _TOKENS:
        return _TOKENS[part]
    m = _EMISSION_RE.match(part)
    if m:
        mass = _MASS_PREFIX[m.group("mass")]
        gas = m.group("gas")
        if gas in {"co2", "ch4", "n2o"}:
            # Gas mass: CH4/N2O factors are plain mass too (a GWP turns them into CO2e).
            return f"{mass}CO2" if gas == "co2" else mass
        return f"{mass}CO2e"
    m = _EMISSION_AFTER_RE.match(part)
    if m:  # "CO₂当量 (t)", "CO2e(kg)"
        return f"{_MASS_PREFIX[m.group('mass')]}CO2e"
    return None


@lru_cache(maxsize=4096)
def normalise_unit(text: str) -> str | None:
    """The canonical unit for a printed unit, or None when it is not recognised.

    >>> normalise_unit("tCO₂/MWh"), normalise_unit("万立方米"), normalise_unit("公斤")
    ('tCO2/MWh', '万m3', 'kg')
    """
    t = _clean(text)
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
        if n is None or d is None:
            return None
        return f"{n}/{d}"
    return _token(t)


def _strip_label(part: str) -> str:
    m = regex.match(r"^(t|kg|g|kwh|mwh|gj|mj|tj|m3|万m3|nm3|l|toe|tce)(?=\p{Han})", part)
    return m.group(1) if m else part


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


def is_mass(unit: str | None) -> bool:
    return unit in {"t", "kg", "g", "tCO2", "kgCO2", "gCO2"}


@cache
def _registry() -> Any:
    import pint  # imported lazily: building the registry costs ~0.2 s

    ureg: Any = pint.UnitRegistry(non_int_type=Fraction)
    for line in _DEFINITIONS:
        ureg.define(line)
    return ureg


def _pint_expr(unit: str) -> str | None:
    num, den = split_unit(unit)
    n = _PINT.get(num)
    if n is None:
        return None
    if den is None:
        return n
    d = _PINT.get(den)
    return None if d is None else f"({n}) / ({d})"


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
    a, b = _pint_expr(from_unit), _pint_expr(to_unit)
    if a is None or b is None:
        return None
    import pint

    ureg = _registry()
    try:
        mag = ureg.Quantity(Fraction(1), a).to(b).magnitude
    except pint.errors.DimensionalityError:
        return None
    return Fraction(mag)


@lru_cache(maxsize=1024)
def co2e_per_mass(mass_unit: str, co2e_unit: str) -> Fraction | None:
    """Numbers of ``co2e_unit`` per ``mass_unit`` of gas at GWP 1: ('t', 'kgCO2e') → 1000."""
    to_kg = conversion_factor(mass_unit, "kg")
    kg_e = conversion_factor("kgCO2e", co2e_unit)
    if to_kg is None or kg_e is None:
        return None
    return to_kg * kg_e


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


# --------------------------------------------------------------------------- intervals


@dataclass(frozen=True, slots=True)
class Interval:
    """A closed interval [lo, hi] with exact bounds."""

    lo: Fraction
    hi: Fraction

    @staticmethod
    def exact(value: Fraction | int) -> Interval:
        v = Fraction(value)
        return Interval(v, v)

    @staticmethod
    def of(number: Any) -> Interval:
        """The rounding interval of a printed :class:`~pcfaudit.model.Number`."""
        lo, hi = number.interval
        return Interval(lo, hi)

    @property
    def mid(self) -> Fraction:
        return (self.lo + self.hi) / 2

    def __add__(self, other: Interval) -> Interval:
        return Interval(self.lo + other.lo, self.hi + other.hi)

    def __sub__(self, other: Interval) -> Interval:
        return Interval(self.lo - other.hi, self.hi - other.lo)

    def __mul__(self, other: Interval) -> Interval:
        p = (self.lo * other.lo, self.lo * other.hi, self.hi * other.lo, self.hi * other.hi)
        return Interval(min(p), max(p))

    def scale(self, k: Fraction | int) -> Interval:
        a, b = self.lo * k, self.hi * k
        return Interval(min(a, b), max(a, b))

    def __truediv__(self, other: Interval) -> Interval | None:
        """None when the divisor interval contains zero (the quotient is unbounded)."""
        if other.lo <= 0 <= other.hi:
            return None
        return self * Interval(1 / other.hi, 1 / other.lo)

    def meets(self, other: Interval) -> bool:
        return self.lo <= other.hi and other.lo <= self.hi

    def contains(self, value: Fraction) -> bool:
        return self.lo <= value <= self.hi

    def widen(self, amount: Fraction) -> Interval:
        return Interval(self.lo - amount, self.hi + amount)


def interval_sum(items: Iterable[Interval]) -> Interval:
    lo = hi = Fraction(0)
    for item in items:
        lo += item.lo
        hi += item.hi
    return Interval(lo, hi)


def truncation_interval(number: Any) -> Interval:
    """Where the true value lies if ``number`` was truncated (cut) rather than rounded:
    4.833 → [4.833, 4.834] (mirrored for negatives)."""
    v = Fraction(number.value)
    ulp = 2 * number.half_ulp
    return Interval(v, v + ulp) if v >= 0 else Interval(v - ulp, v)


# --------------------------------------------------------------------------- printing

_DEC_CTX = decimal.Context(prec=60, rounding=decimal.ROUND_HALF_UP)


def to_decimal(x: Fraction) -> Decimal:
    return _DEC_CTX.divide(Decimal(x.numerator), Decimal(x.denominator))


def fmt_fixed(x: Fraction, decimals: int) -> str:
    """``x`` rounded half-up to ``decimals`` places, as a report would print it."""
    q = Decimal(1).scaleb(-decimals) if decimals > 0 else Decimal(1)
    d = to_decimal(x)
    # Enough digits for a huge value at many places (the default 60 would raise).
    ctx = decimal.Context(prec=max(60, d.adjusted() + abs(decimals) + 3), rounding=decimal.ROUND_HALF_UP)
    d = d.quantize(q, context=ctx)
    if decimals < 0:
        d = d.quantize(Decimal(1).scaleb(-decimals), context=ctx)
    return format(d, "f")


def fmt_sig(x: Fraction | Decimal, digits: int = 10) -> str:
    """``x`` with at most ``digits`` significant digits, plain notation, no trailing zeros."""
    if x == 0:
        return "0"
    x = Fraction(x)
    ctx = decimal.Context(prec=digits, rounding=decimal.ROUND_HALF_EVEN)
    d = ctx.divide(Decimal(x.numerator), Decimal(x.denominator))
    s = format(d, "f")
    if "." in s:
        s = s.rstrip("0").rstrip(".")
    return s


def digit_slip(reported: str, expected: str) -> str | None:
    """How a printed number differs from the expected one printed alike, if by one slip of
    the pen: 'transposition' (two adjacent digits swapped), 'typo' (one digit wrong) or
    'shift' (one digit dropped or doubled). Both strings are plain digits with a point."""
    a = regex.sub(r"[^\d.]", "", reported)
    b = regex.sub(r"[^\d.]", "", expected)
    if not a or not b or a == b:
        return None
    if len(a) == len(b):
        diff = [i for i in range(len(a)) if a[i] != b[i]]
        if "." in (a[i] for i in diff) or "." in (b[i] for i in diff):
            return None
        if len(diff) == 1:
            return "typo"
        if len(diff) == 2 and diff[1] == diff[0] + 1 and a[diff[0]] == b[diff[1]]:
            return "transposition" if a[diff[1]] == b[diff[0]] else None
        return None
    long_, short = (a, b) if len(a) > len(b) else (b, a)
    if len(long_) - len(short) != 1:
        return None
    for i in range(len(long_)):
        if long_[i] != "." and long_[:i] + long_[i + 1 :] == short:
            return "shift"
    return None
