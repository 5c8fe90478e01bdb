"""Exact conversions between the rate units that factors are printed in.

A rate unit is "<mass of CO2(e)> / <amount>", e.g. ``kgCO2e/kg``, ``tCO2/万Nm³``,
``kgCO2/kWh``, ``kgCO2e/t·km``, ``kgCO2e/台``. Only what factor checks need is covered: the
numerator is a mass (g, kg, t), the denominator one of five dimensions (mass, volume, energy,
freight tonne-km, count). Everything is exact (:class:`fractions.Fraction`), never float.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from decimal import Decimal
from fractions import Fraction

_MASS = {"g": Fraction(1, 1000), "克": Fraction(1, 1000), "kg": Fraction(1), "千克": Fraction(1),
         "公斤": Fraction(1), "t": Fraction(1000), "吨": Fraction(1000), "公吨": Fraction(1000),
         "tonne": Fraction(1000), "万吨": Fraction(10_000_000)}  # fmt: skip

# denominator token (lower-case, no spaces) -> (dimension, size in the dimension's base unit)
_DEN: dict[str, tuple[str, Fraction]] = {
    **{k: ("mass", v) for k, v in _MASS.items()},
    **{k: ("volume", Fraction(1)) for k in ("m3", "nm3", "立方米", "标立方米", "方", "标方", "sm3")},
    **{k: ("volume", Fraction(1, 1000)) for k in ("l", "升", "litre", "liter")},
    **{k: ("volume", Fraction(1000)) for k in ("1000m3", "1000nm3", "10^3m3", "10^3nm3",
                                               "103m3", "103nm3", "千立方米", "km3")},
    **{k: ("volume", Fraction(10_000)) for k in ("万m3", "万nm3", "万立方米", "万标立方米", "万方",
                                                 "10^4m3", "10^4nm3", "104m3", "104nm3")},
    **{k: ("energy", Fraction(1)) for k in ("gj", "吉焦")},
    **{k: ("energy", Fraction(1, 1000)) for k in ("mj", "兆焦")},
    **{k: ("energy", Fraction(1000)) for k in ("tj", "太焦")},
    **{k: ("energy", Fraction(36, 10_000)) for k in ("kwh", "千瓦时", "度")},
    **{k: ("energy", Fraction(36, 10)) for k in ("mwh", "兆瓦时", "千千瓦时")},
    **{k: ("energy", Fraction(36)) for k in ("万kwh", "万千瓦时", "万度")},
    **{k: ("freight", Fraction(1)) for k in ("tkm", "t·km", "t-km", "t.km", "吨公里", "吨·公里",
                                             "吨千米", "公吨公里")},
    **{k: ("count", Fraction(1)) for k in ("unit", "units", "pc", "pcs", "piece", "pieces", "台",
                                           "件", "个", "套", "只", "块", "each", "ea")},
}  # fmt: skip

_GAS_WORDS = re.compile(r"(co2[-_]?(e|eq|equivalent)?|二氧化碳当量|二氧化碳|当量)$")


@dataclass(frozen=True)
class RateUnit:
    """``numerator_kg`` kg of CO2(e) per ``size`` base units of ``dimension``."""

    text: str
    numerator_kg: Fraction
    dimension: str  # mass | volume | energy | freight | count
    size: Fraction


def _clean(text: str) -> str:
    text = unicodedata.normalize("NFKC", text).strip().lower()
    text = text.replace("×", "").replace("⁴", "^4").replace("³", "3")
    return re.sub(r"[\s（）()]", "", text)


def parse_rate_unit(text: str) -> RateUnit | None:
    """Parse ``kgCO2e/t`` style units; None when not a CO2-mass-per-amount unit."""
    cleaned = _clean(text)
    if "/" not in cleaned:
        return None
    num, den = cleaned.split("/", 1)
    num_kg = None
    for prefix in sorted(_MASS, key=len, reverse=True):
        rest = num[len(prefix) :]
        if num.startswith(prefix) and (rest == "" or _GAS_WORDS.fullmatch(rest)):
            num_kg = _MASS[prefix]
            break
    entry = _DEN.get(den)
    if num_kg is None or entry is None:
        return None
    return RateUnit(text, num_kg, entry[0], entry[1])


def conversion_factor(
    source: str, target: str, density_kg_per_m3: Decimal | None = None
) -> Fraction | None:
    """Multiply a value in ``source`` units by this to get ``target`` units (None: impossible).

    Mass <-> volume needs a density (water: 1000 kg/m3, so kg/t and kg/m3 agree)."""
    a, b = parse_rate_unit(source), parse_rate_unit(target)
    if a is None or b is None:
        return None
    num = a.numerator_kg / b.numerator_kg
    if a.dimension == b.dimension:
        return num * b.size / a.size
    if density_kg_per_m3 is None or {a.dimension, b.dimension} != {"mass", "volume"}:
        return None
    rho = Fraction(density_kg_per_m3)  # kg per m3
    # express both denominators in kg: a volume of `size` m3 weighs size*rho kg
    a_kg = a.size if a.dimension == "mass" else a.size * rho
    b_kg = b.size if b.dimension == "mass" else b.size * rho
    return num * b_kg / a_kg


def to_decimal(value: Fraction) -> Decimal:
    """Exact when the fraction terminates in base 10, else 28 significant digits."""
    result = Decimal(value.numerator) / Decimal(value.denominator)
    if result == result.to_integral_value():
        return Decimal(int(result))  # "1000", never "1E+3"
    return result.normalize()


def convert(
    value: Decimal, source: str, target: str, density_kg_per_m3: Decimal | None = None
) -> Decimal | None:
    factor = conversion_factor(source, target, density_kg_per_m3)
    if factor is None:
        return None
    if factor == 1:
        return value
    return to_decimal(Fraction(value) * factor)
