"""A constant outside the catalog: a column that is another column times the same simple
rational p/q (× 10^k) on most rows, named exactly ("× 7/3"): the closest fraction with a
small denominator (what ``sympy.nsimplify`` gives with a tolerance).

Noise must not become a constant. The ratio target / source of each row is an interval
(printed rounding of both cells); the rows must agree on one point (at least ``MIN_ROWS``
rows and two thirds of those with two non-zero cells), and the rational must lie in the
intersection of the agreeing rows' intervals. The rows must be precise enough that a rational
with that denominator falling inside by chance is unlikely: width × q² ≤ 1/50 (fractions
with denominator ≤ q lie about 1/q² apart), where width is that of the narrowest agreeing
row's interval — not of the intersection, which can shrink to one point where two rows'
intervals barely touch, and such a point (a ratio of rounding bounds) is itself a fraction. Such a relation is weak evidence (an
unexplained constant): a cell breaking it is at most a warning.
"""

from __future__ import annotations

from fractions import Fraction
from math import floor, isqrt

from pcfaudit.model import Number
from pcfaudit.quantities import Interval
from pcfaudit.recompute.constants import constant_catalog
from pcfaudit.recompute.grids import Grid

MIN_ROWS = 3
MAX_TERM = 100  # numerator and denominator of the identified p/q
_CHANCE = Fraction(1, 50)  # width × q² above this: a rational inside could be chance
_EXPONENTS = (0, 1, -1, 2, -2, 3, -3)


def _ratio_bounds(t: Number, a: Number) -> tuple[float, float] | None:
    """Float bounds of t / a from both cells' rounding (a screen; judged exactly later)."""
    t_half, a_half = 0.5 * 10.0**-t.decimals, 0.5 * 10.0**-a.decimals
    tf, af = float(t.value), float(a.value)
    if abs(af) <= a_half:
        return None
    bounds = [(tf + dt) / (af + da) for dt in (-t_half, t_half) for da in (-a_half, a_half)]
    return min(bounds), max(bounds)


def _deepest_point(bounds: list[tuple[float, float]]) -> tuple[float, int]:
    """The point covered by most intervals, and how many cover it."""
    events = sorted([(lo, 0) for lo, _ in bounds] + [(hi, 1) for _, hi in bounds])
    depth = best = 0
    point = 0.0
    for x, kind in events:
        depth += 1 if kind == 0 else -1
        if depth > best:
            best, point = depth, x
    return point, best


def _consistent_interval(
    target: Grid, t: int, source: Grid, a: int, rows: list[tuple[int, int]]
) -> tuple[Interval, Fraction] | None:
    """The intersection of the ratio intervals of the rows that agree on one value and the
    width of the narrowest of those intervals, when enough rows agree; None otherwise."""
    pairs: list[tuple[Number, Number]] = []
    bounds: list[tuple[float, float]] = []
    for r_t, r_i in rows:
        tv, av = target.values[r_t][t], source.values[r_i][a]
        if tv is None or av is None or not tv.value or not av.value:
            continue
        b = _ratio_bounds(tv, av)
        if b is None:
            continue
        pairs.append((tv, av))
        bounds.append(b)
    if len(pairs) < MIN_ROWS:
        return None
    point, depth = _deepest_point(bounds)
    if depth < MIN_ROWS or 3 * depth < 2 * len(pairs):
        return None
    lo: Fraction | None = None
    hi: Fraction | None = None
    narrowest: Fraction | None = None
    for (tv, av), (b_lo, b_hi) in zip(pairs, bounds, strict=True):
        if not b_lo * (1 - 1e-9) <= point <= b_hi * (1 + 1e-9):
            continue
        q = Interval.of(tv) / Interval.of(av)
        if q is None:
            continue
        lo = q.lo if lo is None else max(lo, q.lo)
        hi = q.hi if hi is None else min(hi, q.hi)
        narrowest = q.hi - q.lo if narrowest is None else min(narrowest, q.hi - q.lo)
    if lo is None or hi is None or narrowest is None or lo > hi:
        return None
    return Interval(lo, hi), narrowest


def identify(ratio: Interval, precision: Fraction | None = None) -> tuple[str, Fraction] | None:
    """The simple rational p/q (× 10^k, p and q ≤ 100) inside ``ratio``: the closest
    fraction with a denominator bounded by ``precision`` (the width of the rows' ratio
    intervals; by default that of ``ratio``); None when no such rational is there, or when
    one could be there by chance, or when it is a catalog constant (or a power of ten: named
    by the catalog)."""
    precision = ratio.hi - ratio.lo if precision is None else precision
    negative = ratio.hi < 0
    if negative:
        ratio = Interval(-ratio.hi, -ratio.lo)
    if ratio.lo <= 0:
        return None
    # (no power of ten?, q, |k|, p/q, k): p/q alone first, then the smallest denominator.
    found: list[tuple[bool, int, int, Fraction, int]] = []
    for k in _EXPONENTS:
        scaled = ratio.scale(Fraction(10) ** -k)
        width = abs(precision) * Fraction(10) ** -k
        # The largest denominator q with width × q² ≤ 1/50.
        max_den = MAX_TERM if width == 0 else min(MAX_TERM, isqrt(floor(_CHANCE / width)))
        if max_den < 1 or not _any_fraction_in(scaled, max_den):
            continue  # a cheap screen first: most consistent ratios have no such p/q
        # What sympy.nsimplify(x, rational=True, tolerance=1/max_den) computes (its
        # _real_to_rational: the float's exact value, limit_denominator(max_den)), without
        # sympy's import and expression machinery.
        value = Fraction(float(scaled.mid)).limit_denominator(max_den)
        small = 0 < value.numerator <= MAX_TERM and value.denominator <= max_den
        if small and scaled.contains(value):
            found.append((k != 0, value.denominator, abs(k), value, k))
    sign = -1 if negative else 1
    if not found or any(_named_elsewhere(v * Fraction(10) ** k * sign) for *_, v, k in found):
        return None  # nothing simple inside, or a catalog constant fits as well
    *_, value, k = min(found, key=lambda f: f[:3])
    constant = value * Fraction(10) ** k * sign
    name = str(value) + (f" × 10^{k}" if k else "")
    return ("−" if negative else "") + name, constant


def _any_fraction_in(interval: Interval, max_den: int) -> bool:
    """Whether some p/q with q ≤ ``max_den`` and 0 < p ≤ ``MAX_TERM`` lies in ``interval``."""
    lo_n, lo_d = interval.lo.numerator, interval.lo.denominator
    hi_n, hi_d = interval.hi.numerator, interval.hi.denominator
    for q in range(1, max_den + 1):
        p = -((-lo_n * q) // lo_d)  # ceil(lo × q), in integers
        if 0 < p <= MAX_TERM and p * hi_d <= hi_n * q:
            return True
    return False


def _named_elsewhere(value: Fraction) -> bool:
    """A power of ten (1 included) or a catalog constant: the catalog path names it."""
    if value in {v for _, v in constant_catalog()}:
        return True
    v = abs(value)
    while v >= 10 and v.denominator == 1 and v.numerator % 10 == 0:
        v /= 10
    while v < 1 and (v * 10).denominator < v.denominator:
        v *= 10
    return v == 1


def rational_constant(
    target: Grid, t: int, source: Grid, a: int, rows: list[tuple[int, int]]
) -> list[tuple[str, Fraction]]:
    """[(name, value)] of the one simple rational that column ``t`` of ``target`` is column
    ``a`` of ``source`` times on most rows, when it is outside the catalog; else []."""
    consistent = _consistent_interval(target, t, source, a, rows)
    if consistent is None:
        return []
    found = identify(*consistent)
    return [found] if found else []
