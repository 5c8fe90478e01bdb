"""Growth rates the text states between two dated values ("从2001年的A增长至2017年的B，年均增长
率为R%"), recomputed from those values.

An average annual rate has several honest readings: the compound rate (B/A)^(1/n) − 1, the
simple mean (B/A − 1)/n, either with n = years between the values or n + 1 (years counted
inclusively), and the mean of the year-on-year rates, which is at least the compound rate and
cannot be recomputed from two values. A printed rate passes when it meets any reading, or lies
between the smallest reading and 1.15 × the largest (room for the mean of yearly rates);
such a rate fails with the diagnosis ``yearly-mean-only``, which the rule reports as a note.
A rate from a negative or zero base is undefined under every reading.
"""

from __future__ import annotations

from collections.abc import Iterator
from fractions import Fraction

from pcfaudit.model import Number, Statement
from pcfaudit.quantities import Interval, fmt_fixed, fmt_sig
from pcfaudit.recompute.core import Check, Diagnosis

# Year-on-year rates average above the compound rate; this much above it is still honest.
_YEARLY_MEAN_ROOM = Fraction(115, 100)


def _root(x: Fraction, n: int) -> Fraction:
    """x^(1/n) as a Fraction (float root: the bound is widened by the caller's slack)."""
    return Fraction(float(x) ** (1.0 / n))


def readings(a: Number, b: Number, years: int) -> dict[str, Interval]:
    """Each honest reading of the average annual rate (in %) from ``a`` to ``b``."""
    ia, ib = Interval.of(a), Interval.of(b)
    out: dict[str, Interval] = {}
    slack = Fraction(1, 10**9)
    for n in (years, years + 1):
        lo_ratio, hi_ratio = ib.lo / ia.hi, ib.hi / ia.lo
        out[f"compound over {n} years"] = Interval(
            (_root(lo_ratio, n) - 1) * 100 - slack, (_root(hi_ratio, n) - 1) * 100 + slack
        )
        out[f"simple mean over {n} years"] = Interval(
            (lo_ratio - 1) * 100 / n, (hi_ratio - 1) * 100 / n
        )
    return out


def growth_checks(statements: list[Statement]) -> Iterator[Check]:
    for s_i, st in enumerate(statements):
        if st.kind != "growth-rate" or len(st.values) != 3 or not st.subject:
            continue
        yield growth_check(s_i, st)


def growth_check(s_i: int, st: Statement) -> Check:
    a, b, rate = st.values
    period, direction = (st.subject or "").split(" ", 1)
    y0, y1 = (int(y) for y in period.split("-"))
    years = y1 - y0
    ref = f"statements[{s_i}]"
    base = Check(
        id=f"growth:{ref}",
        relation="growth-rate",
        status="pass",
        label=f"{a.text} ({y0}) → {b.text} ({y1})",
        reported=rate.text,
        unit="%",
        locations=[st.location],
        inputs=[ref],
    )
    if a.value <= 0 or b.value * a.value <= 0:
        base.status = "fail"
        base.diagnosis = Diagnosis(
            "undefined-base",
            f"a growth rate from a negative or zero base ({a.text}) is undefined",
        )
        base.note = (
            f"the series starts at {a.text}, a negative or zero value: no annual growth "
            f"rate (compound or simple) exists between {a.text} and {b.text}"
        )
        return base
    printed = Interval.of(rate)
    sign = -1 if direction == "decline" and rate.value > 0 else 1
    found = {
        k: iv if sign > 0 else Interval(-iv.hi, -iv.lo) for k, iv in readings(a, b, years).items()
    }
    compound = Fraction(Fraction(b.value) / Fraction(a.value))
    point = (_root(compound, years) - 1) * 100 * sign
    simple = (compound - 1) * 100 / years * sign
    base.expected = fmt_fixed(point, max(rate.decimals, 2))
    base.expected_low = fmt_sig(min(iv.lo for iv in found.values()))
    base.expected_high = fmt_sig(max(iv.hi for iv in found.values()))
    if any(printed.meets(iv) for iv in found.values()):
        return base
    low = min(iv.lo for iv in found.values())
    high = max(iv.hi for iv in found.values())
    base.status = "fail"
    base.deviation = fmt_sig((Fraction(rate.value) - point) / point, 4) if point else None
    base.note = (
        f"from {a.text} ({y0}) to {b.text} ({y1}), {years} years: compound "
        f"{fmt_fixed(point, 2)}%, simple mean {fmt_fixed(simple, 2)}%, total change "
        f"{fmt_fixed((compound - 1) * 100 * sign, 1)}%"
    )
    if low <= printed.hi and printed.lo <= high * _YEARLY_MEAN_ROOM and high > 0:
        # Between the readings: only the mean of year-on-year rates (which the two values
        # cannot give) may explain it. Not an error; the rule says so as a note.
        base.diagnosis = Diagnosis(
            "yearly-mean-only",
            "the rate matches no reading that two values give; only a mean of year-on-year "
            "rates (not printed) could explain it",
        )
    return base
