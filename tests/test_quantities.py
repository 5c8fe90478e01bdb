"""Units and intervals: printed units → canonical, exact conversions, interval arithmetic."""

from __future__ import annotations

from fractions import Fraction

import pytest

from pcfaudit.quantities import (
    Interval,
    digit_slip,
    fmt_fixed,
    fmt_sig,
    interval_sum,
    truncation_interval,
)
from pcfaudit.vocab.numbers import parse_number
from pcfaudit.vocab.units import co2e_per_mass, conversion_factor, normalise_unit, slip_name


@pytest.mark.parametrize(
    ("printed", "canonical"),
    [
        ("吨", "t"),
        ("千克", "kg"),
        ("公斤", "kg"),
        ("千瓦时", "kWh"),
        ("度", "kWh"),
        ("万千瓦时", "万kWh"),
        ("立方米", "m3"),
        ("万立方米", "万m3"),
        ("万m3", "万m3"),
        ("万 m ³", "万m3"),
        ("m3", "m3"),
        ("Nm3", "Nm3"),
        ("升", "L"),
        ("tCO₂/MWh", "tCO2/MWh"),
        ("kgCO2e/kWh", "kgCO2e/kWh"),
        ("tCO2/t", "tCO2/t"),
        ("tCO₂/GJ", "tCO2/GJ"),
        ("tCO2e/toe", "tCO2e/toe"),
        ("kg CO₂e", "kgCO2e"),
        ("CO₂当量 (t)", "tCO2e"),
        ("%", "%"),
        ("件", "件"),
        ("pcs", "unit"),
        ("t·km", "t·km"),
    ],
)
def test_normalise_unit(printed: str, canonical: str) -> None:
    assert normalise_unit(printed) == canonical


def test_unknown_units_are_none() -> None:
    assert normalise_unit("tCO₂/MWh 或 tCO₂/GJ") is None
    assert normalise_unit("furlongs") is None
    assert normalise_unit("") is None


@pytest.mark.parametrize(
    ("a", "b", "factor"),
    [
        ("t", "kg", Fraction(1000)),
        ("kWh", "MWh", Fraction(1, 1000)),
        ("万kWh", "MWh", Fraction(10)),
        ("GJ", "MJ", Fraction(1000)),
        ("万m3", "m3", Fraction(10000)),
        ("Nm3", "m3", Fraction(1)),
        ("L", "m3", Fraction(1, 1000)),
        ("toe", "GJ", Fraction("41.868")),
        ("tce", "GJ", Fraction("29.3076")),
        ("tCO2/MWh", "kgCO2/kWh", Fraction(1)),
        ("kgCO2e/kWh", "tCO2e/MWh", Fraction(1)),
        ("tCO2e", "kgCO2e", Fraction(1000)),
        ("%", "‰", Fraction(10)),
    ],
)
def test_conversion_factor_is_exact(a: str, b: str, factor: Fraction) -> None:
    assert conversion_factor(a, b) == factor


@pytest.mark.parametrize(
    ("a", "b"),
    [("t", "tCO2e"), ("件", "kg"), ("台", "件"), ("kWh", "t"), ("m3", "kg"), ("t", None)],
)
def test_incompatible_units_do_not_convert(a: str, b: str | None) -> None:
    assert conversion_factor(a, b) is None


def test_gas_mass_to_co2e_needs_a_gwp_step() -> None:
    assert co2e_per_mass("t", "kgCO2e") == 1000
    assert co2e_per_mass("kg", "tCO2e") == Fraction(1, 1000)


def test_slip_names() -> None:
    assert slip_name(-3, ("t",)) == "kg↔t"
    assert slip_name(3, ("MWh",)) == "kWh↔MWh"
    assert slip_name(3, ("GJ",)) == "MJ↔GJ"
    assert slip_name(4, ("万m3",)) == "万 (×10 000)"
    assert slip_name(1, ("t",)) is None


def test_interval_of_printed_number() -> None:
    number = parse_number("4.833")
    assert number is not None
    iv = Interval.of(number)
    assert (iv.lo, iv.hi) == (Fraction("4.8325"), Fraction("4.8335"))
    assert truncation_interval(number) == Interval(Fraction("4.833"), Fraction("4.834"))


def test_interval_arithmetic() -> None:
    a, b = Interval(Fraction(1), Fraction(2)), Interval(Fraction(-3), Fraction(4))
    assert a + b == Interval(Fraction(-2), Fraction(6))
    assert a - b == Interval(Fraction(-3), Fraction(5))
    assert a * b == Interval(Fraction(-6), Fraction(8))
    assert a / b is None  # divisor spans zero
    assert a / a == Interval(Fraction(1, 2), Fraction(2))
    assert interval_sum([a, a, a]) == Interval(Fraction(3), Fraction(6))
    assert a.meets(Interval(Fraction(2), Fraction(9)))
    assert not a.meets(Interval(Fraction(5, 2), Fraction(9)))


def test_printing() -> None:
    assert fmt_fixed(Fraction("4.83357"), 3) == "4.834"
    assert fmt_fixed(Fraction(5, 2), 0) == "3"  # half-up, as reports round
    assert fmt_sig(Fraction(1, 3), 4) == "0.3333"


@pytest.mark.parametrize(
    ("reported", "expected", "slip"),
    [
        ("1423.022", "1432.022", "transposition"),
        ("1432.922", "1432.022", "typo"),
        ("142.022", "1432.022", "shift"),
        ("14332.022", "1432.022", "shift"),
        ("1234.5", "5432.1", None),
    ],
)
def test_digit_slips(reported: str, expected: str, slip: str | None) -> None:
    assert digit_slip(reported, expected) == slip


def test_emission_units_fold_to_their_mass_for_a_sum_of_emissions() -> None:
    from pcfaudit.vocab.units import emission_mass_unit

    assert emission_mass_unit("t CO2e") == emission_mass_unit("tCO₂") == emission_mass_unit("t")
    assert emission_mass_unit("kgCO2e") == "kg"
    assert emission_mass_unit("kgCO2e") != emission_mass_unit("tCO2e")
    assert emission_mass_unit("") is None


def test_interval_products_match_the_four_corner_rule() -> None:
    # The non-negative shortcut gives what the general rule gives, and signs still work.
    from fractions import Fraction as F
    from itertools import product

    from pcfaudit.quantities import Interval

    bounds = [F(-3, 2), F(-1, 3), F(0), F(1, 7), F(5, 4), F(9)]
    pairs = [Interval(a, b) for a, b in product(bounds, bounds) if a <= b]
    for x, y in product(pairs, pairs):
        corners = (x.lo * y.lo, x.lo * y.hi, x.hi * y.lo, x.hi * y.hi)
        assert x * y == Interval(min(corners), max(corners)), (x, y)

