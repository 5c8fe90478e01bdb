"""Numbers that remember their rounding: intervals, and printing numbers as reports do.

``Interval`` holds exact ``Fraction`` bounds: a printed ``4.833`` is [4.8325, 4.8335].
Units (normalising, conversion, slips) live in :mod:`pcfaudit.vocab.units`.
"""

from __future__ import annotations

import decimal
from collections.abc import Iterable
from dataclasses import dataclass
from decimal import Decimal
from fractions import Fraction
from typing import Any

import regex

__all__ = [
    "Interval",
    "digit_slip",
    "fmt_fixed",
    "fmt_sig",
    "interval_sum",
    "to_decimal",
    "truncation_interval",
]


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
        if self.lo >= 0 and other.lo >= 0:  # the common case: two products, not four
            return Interval(self.lo * other.lo, self.hi * other.hi)
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


_NOT_DIGIT_OR_POINT = regex.compile(r"[^\d.]")


def digit_slip(reported: str, expected: str) -> str | None:
    """How a printed number differs from the expected one printed alike, if by one slip of
    the pen: 'transposition' (two adjacent digits swapped), 'typo' (one digit wrong) or
    'shift' (one digit dropped or doubled). Both strings are plain digits with a point."""
    a = _NOT_DIGIT_OR_POINT.sub("", reported)
    b = _NOT_DIGIT_OR_POINT.sub("", expected)
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
