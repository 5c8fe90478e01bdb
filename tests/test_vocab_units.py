"""One unit vocabulary for every stage: the same spelling gives the same canonical unit
whether it comes from an inventory table, a functional unit, an EPD matrix or a factor."""

from __future__ import annotations

from decimal import Decimal as D
from fractions import Fraction

import pytest

from pcfaudit.vocab.rates import convert, parse_rate_unit, rate_factor
from pcfaudit.vocab.units import (
    conversion_factor,
    normalise_amount_unit,
    normalise_indicator_unit,
    normalise_unit,
    unit_regex,
)


@pytest.mark.parametrize(
    ("printed", "canonical"),
    [
        ("kg Sb eq", "kgSbe"),  # an EPD reference substance
        ("mol H+ eq.", "molH+e"),
        ("kg CO2-Äq.", "kgCO2e"),
        ("MJ, NCV", "MJ"),
        ("m³ world eq. deprived", "m3"),
        ("千克二氧化碳当量", "kgCO2e"),
        ("metric tons", "t"),  # spelled out, as functional units are
        ("平方米", "m2"),
        ("10^3 m³", "千m3"),
        ("吨千米", "t·km"),
        ("kg CH₄", "kg"),  # a gas mass is plain mass until a GWP makes it CO2e
    ],
)
def test_one_normaliser_reads_every_stages_spellings(printed: str, canonical: str) -> None:
    assert normalise_unit(printed) == canonical


def test_stages_filter_the_canonical_unit_by_class_not_by_their_own_spellings() -> None:
    # a functional unit is counted in mass, length, area, volume, energy or pieces
    assert normalise_amount_unit("台") == "台"
    assert normalise_amount_unit("pieces") == normalise_unit("pcs") == "unit"
    assert normalise_amount_unit("h") is None and normalise_unit("h") == "h"
    assert normalise_amount_unit("kgCO2e/kWh") is None
    # an EPD matrix declares impact units, never a count or a rate
    assert normalise_indicator_unit("kg PO4 eq") == "kgPO4e"
    assert normalise_indicator_unit("件") is None and normalise_unit("件") == "件"
    assert normalise_indicator_unit("kgCO2e/kWh") is None


def test_the_functional_unit_regex_does_not_match_inside_longer_words() -> None:
    import regex

    pattern = regex.compile(unit_regex(), regex.IGNORECASE)
    assert pattern.fullmatch("square metre")
    assert pattern.match("tCO2e") is None  # "t" of an emission unit is no functional unit
    assert pattern.match("mm") is None
    assert pattern.match("kg/a") is None
    assert pattern.match("台套").group(0) == "台"


def test_gj_and_mj_convert_exactly_everywhere() -> None:
    # the "1 GJ vs 1000 MJ" false error came from a second unit table that lacked GJ
    assert conversion_factor(normalise_unit("吉焦"), normalise_unit("兆焦")) == 1000
    assert rate_factor("kgCO2/GJ", "kgCO2/MJ") == Fraction(1, 1000)
    assert convert(D("56100"), "kgCO2/TJ", "tCO2/GJ") == D("0.0561")


def test_rates_keep_co2_and_co2e_alike_and_other_gases_apart() -> None:
    assert rate_factor("kgCO2/kWh", "tCO2e/MWh") == 1
    assert parse_rate_unit("kgCH4/TJ") is None  # a CH4 factor is not comparable to a CO2 one
    assert rate_factor("kgCO2e/t", "kgCO2e/m3") is None  # needs a density
    assert rate_factor("kgCO2e/t", "kgCO2e/m3", D(1000)) == 1
    assert rate_factor("kgCO2e/台", "kgCO2e/unit") == 1
