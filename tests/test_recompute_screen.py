"""The float screen in front of relation discovery must never disagree with exact interval
arithmetic: where it answers, its answer is the exact one; close calls it leaves open."""

from __future__ import annotations

import random
from decimal import Decimal
from fractions import Fraction

from pcfaudit.model import Number
from pcfaudit.quantities import Interval, interval_sum, truncation_interval
from pcfaudit.recompute.screen import expected_bounds, screen_holds


def _num(text: str) -> Number:
    decimals = len(text.split(".")[1]) if "." in text else 0
    return Number(text=text, value=Decimal(text), decimals=decimals)


def _exact(kind: str, k: Fraction | None, reported: Number, nums: list[Number]) -> bool | None:
    ivs = [Interval.of(n) for n in nums]
    if kind == "constant":
        assert k is not None
        exp = ivs[0].scale(k)
    elif kind == "product":
        exp = ivs[0]
        for iv in ivs[1:]:
            exp = exp * iv
    elif kind == "sum":
        exp = interval_sum(ivs)
    else:
        q = ivs[0] / ivs[1]
        if q is None:
            return None
        exp = q.scale(100)
    return Interval.of(reported).meets(exp) or truncation_interval(reported).meets(exp)


def _screened(kind: str, k: Fraction | None, reported: Number, nums: list[Number]) -> bool | None:
    bounds = expected_bounds(kind, k, nums)
    if bounds is None or bounds is False:
        return None
    return screen_holds(reported, bounds)


def _printed(value: Fraction, decimals: int, nudge: int = 0) -> Number:
    """``value`` printed with ``decimals`` places, ``nudge`` units in the last place off."""
    q = Decimal(value.numerator) / Decimal(value.denominator)
    d = q.quantize(Decimal(1).scaleb(-decimals)) + Decimal(nudge).scaleb(-decimals)
    return _num(format(d, "f"))


def test_the_screen_agrees_with_exact_arithmetic_on_close_and_clear_rows() -> None:
    rng = random.Random(20261202)
    answered = 0
    for _ in range(4000):
        kind = rng.choice(["constant", "product", "sum", "share"])
        width = {"constant": 1, "product": rng.choice([2, 3]), "sum": rng.randint(2, 8), "share": 2}
        nums = [
            _num(f"{rng.choice([-1, 1, 1, 1]) * rng.uniform(0.001, 5000):.{rng.randint(0, 4)}f}")
            for _ in range(width[kind])
        ]
        nums = [n if n.value else _num("1.5") for n in nums]
        k = Fraction(rng.choice([44, 12, 28, 1000, 265, 7])) / rng.choice([12, 44, 1, 10, 3])
        values = [Fraction(n.value) for n in nums]
        if kind == "constant":
            point = values[0] * k
        elif kind == "product":
            point = values[0]
            for v in values[1:]:
                point *= v
        elif kind == "sum":
            point = sum(values, Fraction(0))
        else:
            point = values[0] * 100 / values[1]
        # Printed at the boundary of rounding (nudged one unit either way) or far off.
        reported = _printed(point, rng.randint(0, 4), rng.choice([0, 1, -1, 2, -2, 50]))
        if not reported.value:
            continue
        screened = _screened(kind, k if kind == "constant" else None, reported, nums)
        if screened is not None:
            answered += 1
            assert screened == _exact(kind, k, reported, nums), (kind, reported, nums, k)
    assert answered > 3000  # the screen does settle the clear rows


def test_a_row_exactly_on_the_boundary_is_left_to_exact_arithmetic() -> None:
    # 1.25 × 2: the expected interval is [1.245 × 2, 1.255 × 2] = [2.49, 2.51].
    bounds = expected_bounds("constant", Fraction(2), [_num("1.25")])
    assert bounds is not None and bounds is not False
    assert screen_holds(_num("2.505"), bounds) is True  # well inside
    assert screen_holds(_num("2.52"), bounds) is False  # [2.515, 2.53]: clear of 2.51
    assert screen_holds(_num("2.47"), bounds) is False  # cut off [2.47, 2.48]: below 2.49
    # 2.48 cut off is [2.48, 2.49]: it touches 2.49 exactly, a call for exact arithmetic.
    assert screen_holds(_num("2.48"), bounds) is None
    assert _exact("constant", Fraction(2), _num("2.48"), [_num("1.25")]) is True


def test_numbers_beyond_float_range_go_to_exact_arithmetic() -> None:
    huge = Number(text="1E+400", value=Decimal("1E+400"), decimals=-400)
    assert expected_bounds("sum", None, [huge, _num("1")]) is False
    assert screen_holds(huge, ((0.0, 1.0), 1.0)) is None


def test_a_share_of_a_whole_holding_zero_is_undefined_as_in_exact_arithmetic() -> None:
    # A whole printed "0.4" cannot hold zero; the screen only reports None where the exact
    # quotient is undefined, which needs a whole whose interval straddles zero.
    assert expected_bounds("share", None, [_num("1"), _num("0.4")]) not in (None, False)


def test_percentage_change_screen_agrees_with_the_exact_change() -> None:
    # changes._PairChanges decides most fits in floats; every answer must be the exact one,
    # on values near the printed change (close calls) and far from it, rising and falling.
    from pcfaudit.model import Cell, Location
    from pcfaudit.recompute.changes import _change, _fits, _PairChanges
    from pcfaudit.recompute.grids import Grid

    rng = random.Random(16)
    for _ in range(600):
        row_a = [
            _num(f"{rng.choice([-1, 1, 1]) * rng.uniform(0.01, 900):.{rng.randint(0, 3)}f}")
            for _ in range(3)
        ]
        row_b = [
            _num(f"{rng.choice([-1, 1, 1]) * rng.uniform(0.01, 900):.{rng.randint(0, 3)}f}")
            for _ in range(3)
        ]
        cells = [[Cell(n.text, Location()) for n in row] for row in (row_a, row_b)]
        grid = Grid(
            0, "", ["a", "b"], ["x", "y", "z"], [row_a, row_b], cells, numeric_cols=[0, 1, 2]
        )  # type: ignore[arg-type]
        pair = _PairChanges(grid, 0, 1)
        for j in range(3):
            exact = _change(grid, 0, 1, j)
            centre = exact[1] if exact is not None else Fraction(rng.randint(1, 90))
            sign = -1 if exact is not None and exact[0].hi < 0 else 1
            for nudge in (-2, -1, 0, 1, 2, 50):
                value = _printed(sign * centre, rng.randint(0, 2), nudge)
                printed = (Interval.of(value), truncation_interval(value))
                assert pair.fits(value, printed, j) == _fits(printed, exact), (
                    row_a,
                    row_b,
                    j,
                    value,
                )
