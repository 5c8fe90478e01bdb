"""Property and example tests of vocab.numbers: printed numbers round-trip exactly."""

from __future__ import annotations

from decimal import Decimal
from fractions import Fraction

import pytest
from hypothesis import given
from hypothesis import strategies as st

from pcfaudit.vocab.numbers import is_blank_mark, is_percent, iter_numbers, parse_number


@given(st.decimals(min_value=Decimal("0.0001"), max_value=Decimal("99999999"), places=4))
def test_plain_decimal_round_trips(d: Decimal) -> None:
    text = format(d, "f")
    n = parse_number(text)
    assert n is not None and n.value == d
    assert n.decimals == (len(text.split(".")[1]) if "." in text else 0)
    lo, hi = n.interval
    assert lo <= Fraction(d) <= hi


@given(st.integers(min_value=1000, max_value=999_999_999))
def test_thousands_separators(i: int) -> None:
    for text in (f"{i:,}", f"{i:,}".replace(",", " ")):
        n = parse_number(text)
        assert n is not None and n.value == i, text


@pytest.mark.parametrize(
    ("text", "value", "decimals"),
    [
        ("1 536", Decimal(1536), 0),
        ("1,536.5", Decimal("1536.5"), 1),
        ("4.833tCO₂e", Decimal("4.833"), 3),
        ("1.2万", Decimal(12000), 1),
        ("2.67E+03", Decimal(2670), -1),
        ("3.314%", Decimal("3.314"), 3),
        ("０.５９４２", Decimal("0.5942"), 4),
    ],
)
def test_examples(text: str, value: Decimal, decimals: int) -> None:
    n = parse_number(text)
    assert n is not None and n.value == value and n.decimals == decimals


def test_wan_interval_scales() -> None:
    n = parse_number("1.2万")
    assert n is not None and n.interval == (Fraction(11500), Fraction(12500))


def test_two_numbers_not_joined() -> None:
    values = [m.number.value for m in iter_numbers("2410 0.5942 1432.022")]
    assert values == [Decimal(2410), Decimal("0.5942"), Decimal("1432.022")]


def test_percent_and_marks() -> None:
    n = parse_number("12%")
    assert n is not None and is_percent(n)
    assert is_blank_mark("/") == "/" and is_blank_mark("") == "empty" and is_blank_mark("3") is None


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("生产1件", ["1"]),
        ("全年共生产球管349件", ["349"]),
        ("约300", ["300"]),
        ("为1.2万吨", ["12000.0"]),
        ("18 750.5 kWh", ["18750.5"]),
        ("2410\t0.5942", ["2410", "0.5942"]),
        ("tCO2e", []),
    ],
)
def test_numbers_touching_cjk_and_space_grouped_decimals(text: str, expected: list[str]) -> None:
    assert [str(m.number.value) for m in iter_numbers(text)] == expected


def test_power_of_ten_suffix_is_part_of_the_number() -> None:
    from pcfaudit.vocab.numbers import parse_number

    n = parse_number("39.94 × 10⁴ t")
    assert n is not None and n.value == 399400 and n.decimals == -2
    m = parse_number("2.5×10^-3")
    assert m is not None and str(m.value) == "0.0025" and m.decimals == 4
    plain = parse_number("2 × 10 kg")  # no exponent: a product, not a power of ten
    assert plain is not None and plain.value == 2


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("total 1E+999 t", ["1E+999"]),
        ("总量 1,23E-999", ["1,23E-999"]),
        ("125.5 × 10^99 kg", ["125.5 × 10^99"]),
        ("0.01×10⁻⁹⁹", ["0.01×10⁻⁹⁹"]),
        ("3" * 31 + " kg", ["3" * 31]),
        ("1 234 567 890 123 456 789 012 345 678 901", ["1 234 567 890 123 456 789 012 345 678 901"]),
        ("0." + "0" * 100 + "1", ["0." + "0" * 100 + "1"]),
        ("0." + "0" * 30 + "1", []),  # one significant digit, at 10^-31
        ("１" * 31, ["1" * 31]),  # full-width digits read as digits
        ("3" * 30 + " kg", []),  # 30 digits: the most a report can mean
        ("1E+99 t", []),
        ("2.5 × 10^-3, 1 536, 4.833tCO₂e", []),
    ],
)
def test_numbers_beyond_meaning_in_every_notation(text: str, expected: list[str]) -> None:
    from pcfaudit.vocab.numbers import iter_numbers_beyond_meaning

    assert [hit.text for hit in iter_numbers_beyond_meaning(text)] == expected


def test_significant_digits_of_printed_numbers() -> None:
    from pcfaudit.vocab.numbers import significant_digits

    cases = {"0.0450": 3, "-1,234": 4, "−0.59": 2, "2.67E+03": 5, "100": 3, "0": 0}
    assert {text: significant_digits(text) for text in cases} == cases
