"""A float screen in front of exact interval arithmetic.

Relation discovery judges thousands of candidate relations row by row, nearly all of them
far from holding (or plainly holding). Floats settle those rows; a row whose answer lies
within a wide error margin of the boundary (or whose numbers floats cannot carry safely)
is left to the exact ``Fraction`` arithmetic, so every verdict equals the exact one.

Why the margin is safe: each endpoint computed here is a handful of correctly rounded
float operations on inputs whose own relative error is one rounding, so its absolute error
is below ``40 × 2⁻⁵³`` times the magnitudes involved (a sum of up to 40 columns); the margin
is ``10⁻⁹`` times the largest of them.
"""

from __future__ import annotations

from fractions import Fraction
from typing import Literal

from pcfaudit.model import Number

_MARGIN = 1e-9
_TINY, _HUGE = 1e-60, 1e60  # magnitudes whose products of four stay normal floats


def point_of(n: Number) -> tuple[float, float] | None:
    """(value, half unit in the last place) as floats, or None when out of the safe range."""
    point = n.floats
    if point is None or not _TINY <= abs(point[0]) <= _HUGE:
        return None
    return point


def _bounds(n: Number) -> tuple[float, float] | None:
    p = point_of(n)
    return None if p is None else (p[0] - p[1], p[0] + p[1])


def _times(a: tuple[float, float], b: tuple[float, float]) -> tuple[float, float]:
    p = (a[0] * b[0], a[0] * b[1], a[1] * b[0], a[1] * b[1])
    return min(p), max(p)


def expected_bounds(
    kind: str, constant: Fraction | None, nums: list[Number]
) -> tuple[tuple[float, float], float] | Literal[False] | None:
    """The expected interval of a relation's row in floats, with the magnitude its error is
    relative to; None when the exact interval is undefined (a share of a whole whose
    interval holds zero); False when floats cannot say (go exact)."""
    bounds = [_bounds(n) for n in nums]
    if any(b is None for b in bounds):
        return False
    ivs = [b for b in bounds if b is not None]
    scale = 0.0
    if kind == "constant":
        assert constant is not None
        k = float(constant)
        if not _TINY <= abs(k) <= _HUGE:
            return False
        lo, hi = ivs[0][0] * k, ivs[0][1] * k
        out = (min(lo, hi), max(lo, hi))
    elif kind == "product":
        out = ivs[0]
        for iv in ivs[1:]:
            out = _times(out, iv)
    elif kind == "sum":
        out = (sum(iv[0] for iv in ivs), sum(iv[1] for iv in ivs))
        scale = sum(abs(iv[0]) + abs(iv[1]) for iv in ivs)
    elif kind == "share":
        part, whole = ivs
        if whole[0] <= 0 <= whole[1]:
            return None
        q = _times(part, (1 / whole[1], 1 / whole[0]))
        out = (q[0] * 100, q[1] * 100)
    else:
        return False
    return out, max(scale, abs(out[0]), abs(out[1]))


def screen_holds(
    reported: Number, expected: tuple[tuple[float, float], float] | Literal[False]
) -> bool | None:
    """Whether ``reported`` (rounded, or cut off) meets the expected interval, when floats
    say so by a wide margin; None for a close call (or when floats cannot say: False)."""
    p = point_of(reported)
    if p is None or expected is False:
        return None
    v, h = p
    # Rounded [v − h, v + h] and cut off [v, v + 2h] (mirrored below zero) overlap at v, so
    # meeting either is meeting their union.
    lo, hi = (v - h, v + 2 * h) if v >= 0 else (v - 2 * h, v + h)
    (e_lo, e_hi), scale = expected
    margin = _MARGIN * max(scale, abs(lo), abs(hi))
    if lo > e_hi + margin or hi < e_lo - margin:
        return False
    if lo <= e_hi - margin and e_lo <= hi - margin:
        return True
    return None
