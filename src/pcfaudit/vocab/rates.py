"""Rate units that emission factors are printed in: "<mass of CO2(e)> / <amount>".

``kgCO2e/kg``, ``tCO2/万Nm³``, ``kgCO2/kWh``, ``kgCO2e/t·km``, ``kgCO2e/台``. A factor compared
with a reference value is read through the same :func:`~pcfaudit.vocab.units.normalise_unit`
and the same exact sizes as every other unit; what is particular here is that a CO2 mass and
a CO2e mass count alike on the numerator (a factor table lists one or the other), that all
counts are one dimension (``kgCO2e/台`` is ``kgCO2e/unit``), and that mass and volume
denominators convert through a density when one is given.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal
from fractions import Fraction

import regex

from pcfaudit.vocab.units import COUNT_UNITS, conversion_factor, normalise_unit, split_unit

# A factor of another gas ("kgCH4/TJ") is not a CO2 factor, though its amount is a plain mass.
_OTHER_GAS = regex.compile(r"ch4|n2o|甲烷|氧化亚氮", regex.IGNORECASE)

# Dimension of a rate's denominator → its base unit.
_BASE = {"mass": "kg", "volume": "m3", "energy": "GJ", "freight": "t·km"}


@dataclass(frozen=True)
class RateUnit:
    """``numerator_kg`` kg of CO2(e) per ``size`` base units of ``dimension``."""

    text: str
    numerator_kg: Fraction
    dimension: str  # mass | volume | energy | freight | count
    size: Fraction


def _numerator_kg(unit: str) -> Fraction | None:
    mass = unit.removesuffix("CO2e").removesuffix("CO2")
    return conversion_factor(mass, "kg")


def _denominator(unit: str) -> tuple[str, Fraction] | None:
    if unit in COUNT_UNITS:
        return "count", Fraction(1)
    for dimension, base in _BASE.items():
        size = conversion_factor(unit, base)
        if size is not None:
            return dimension, size
    return None


def parse_rate_unit(text: str) -> RateUnit | None:
    """``kgCO2e/t`` style units; None when not a CO2-mass-per-amount unit."""
    unit = normalise_unit(text)
    if unit is None or _OTHER_GAS.search(text):
        return None
    num, den = split_unit(unit)
    if den is None:
        return None
    num_kg, entry = _numerator_kg(num), _denominator(den)
    if num_kg is None or entry is None:
        return None
    return RateUnit(text, num_kg, entry[0], entry[1])


def rate_factor(
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
    """``value`` in ``source`` rate units expressed in ``target`` rate units."""
    factor = rate_factor(source, target, density_kg_per_m3)
    if factor is None:
        return None
    if factor == 1:
        return value
    return to_decimal(Fraction(value) * factor)
