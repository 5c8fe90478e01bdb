"""Checks and their judging: a reported number against an expected interval, with the likely
cause of a miss (power of ten, unit slip, GWP not applied, another GWP, a digit slip)."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from fractions import Fraction

import regex

from pcfaudit.model import Location, Number
from pcfaudit.quantities import Interval, digit_slip, fmt_fixed, fmt_sig, truncation_interval
from pcfaudit.vocab.numbers import significant_digits
from pcfaudit.vocab.units import slip_name

HUNDRED = Interval.exact(100)


@dataclass
class Diagnosis:
    """The single likely cause of a mismatch (said, never asserted)."""

    code: (
        str  # power-of-ten | unit-slip | gwp-not-applied | other-gwp | transposition | typo | shift
    )
    detail: str  # one English sentence
    exponent: int | None = None  # reported ≈ expected × 10^exponent
    unit_slip: str | None = None  # "kg↔t", "kWh↔MWh", "MJ↔GJ", "万 (×10 000)", "%↔fraction"
    gwp: str | None = None  # other-gwp: "SAR: CH4 = 21"
    alternative: str | None = None  # the value the reported number matches under this cause


@dataclass
class CheckImpact:
    value: str | None = None  # |reported − expected| in ``unit``
    unit: str | None = None
    share_of_total: str | None = None  # decimal fraction of the reported total, "0.0021"


@dataclass
class Check:
    """One recomputed relation. Plain data; ``model.to_jsonable`` dumps it."""

    id: str  # "line:3", "total:0", "share:电", ...
    relation: str
    status: str  # pass | fail | cannot-tell | truncated
    label: str | None = None
    reported: str | None = None
    expected: str | None = None  # rounded to the reported decimals
    expected_low: str | None = None  # exact interval bounds (10 significant digits)
    expected_high: str | None = None
    unit: str | None = None
    deviation: str | None = None  # (reported − expected) / expected
    diagnosis: Diagnosis | None = None
    locations: list[Location] = field(default_factory=list)
    impact: CheckImpact | None = None
    inputs: list[str] = field(default_factory=list)  # "inventory[3]", "totals[0]", ...
    note: str | None = None
    unit_doubt: bool = False  # a power-of-ten miss where a unit was unknown


@dataclass(frozen=True)
class Candidate:
    """An alternative explanation: the reported value would be ``point`` (within
    ``interval``) if ``code`` had happened."""

    code: str
    interval: Interval
    point: Fraction
    detail: str
    gwp: str | None = None
    exponent: int | None = None


# --------------------------------------------------------------------------- judging


_NONZERO_DIGIT = regex.compile(r"[1-9]")


def judge(
    reported: Number,
    expected: Interval,
    point: Fraction,
    alternatives: Iterable[Candidate] = (),
    units: tuple[str | None, ...] = (),
) -> tuple[str, Diagnosis | None]:
    """(status, diagnosis) of ``reported`` against the expected interval."""
    r = Interval.of(reported)
    if r.meets(expected):
        return "pass", None
    if truncation_interval(reported).meets(expected):
        return "truncated", None
    rep = Fraction(reported.value)
    cands = [*_powers_of_ten(expected, point, units), *alternatives]
    fits = [c for c in cands if r.meets(c.interval)]
    if rep == 0 and any(c.code not in {"power-of-ten", "unit-slip"} for c in fits):
        # A printed zero meets every small enough power of ten: it cannot tell a slip of
        # scale apart, so a named cause that also rounds to zero (GWP not applied) wins.
        fits = [c for c in fits if c.code not in {"power-of-ten", "unit-slip"}]
    if fits:
        # Closest point wins; on a tie, the earlier (brief's order) cause.
        best = min(
            enumerate(fits),
            key=lambda ic: (abs(rep - ic[1].point) / (abs(ic[1].point) or Fraction(1)), ic[0]),
        )[1]
        exp = best.exponent
        return "fail", Diagnosis(
            code=best.code,
            detail=best.detail,
            exponent=exp,
            unit_slip=slip_name(exp, units) if exp is not None else None,
            gwp=best.gwp,
            alternative=fmt_fixed(best.point, reported.decimals),
        )
    printed = fmt_fixed(point, reported.decimals)
    # A one-digit slip is only a meaningful claim when the expected value has digits to slip.
    significant = significant_digits(printed)
    slip = digit_slip(reported.text, printed) if significant >= 3 else None
    if slip:
        what = {
            "typo": "one digit differs from the expected value",
            "transposition": "two adjacent digits are swapped",
            "shift": "one digit is dropped or doubled",
        }[slip]
        return "fail", Diagnosis(slip, what, alternative=fmt_fixed(point, reported.decimals))
    return "fail", None


def _powers_of_ten(
    expected: Interval, point: Fraction, units: tuple[str | None, ...]
) -> Iterator[Candidate]:
    for k in (1, -1, 2, -2, 3, -3, 4, -4, 5, -5, 6, -6):
        m = Fraction(10) ** k
        name = slip_name(k, units)
        what = f"the printed value is 10^{k} times the recomputed one"
        if name:
            yield Candidate(
                "unit-slip", expected.scale(m), point * m, f"{what}: a {name} slip", exponent=k
            )
        else:
            what += " (a decimal shift or a unit error)"
            yield Candidate("power-of-ten", expected.scale(m), point * m, what, exponent=k)


def make_check(
    *,
    id: str,
    relation: str,
    reported: Number,
    expected: Interval,
    point: Fraction,
    unit: str | None,
    locations: list[Location],
    inputs: list[str],
    label: str | None = None,
    alternatives: Iterable[Candidate] = (),
    units: tuple[str | None, ...] = (),
    total: Fraction | None = None,
    note: str | None = None,
    unit_doubt: bool = False,
) -> Check:
    """Judge ``reported`` and fill a Check. ``unit_doubt``: a unit was unknown, so a
    mismatch by a power of ten may be a conversion we cannot see: "cannot-tell" when a
    printed unit has a sibling that far away (kg ~ t), else a failing check marked
    ``unit_doubt`` (reported as a warning)."""
    status, diag = judge(reported, expected, point, alternatives, units)
    doubted = False
    hidden = diag is not None and diag.exponent is not None and slip_name(diag.exponent, units)
    if unit_doubt and diag is not None and diag.code in {"power-of-ten", "unit-slip"} and hidden:
        # A printed unit has a sibling this power of ten away (kg ~ t, kWh ~ MWh) and
        # another unit is not printed: most likely a conversion the table leaves implicit.
        status, diag = "cannot-tell", None
        note = join_note(note, "a unit is unknown and the values differ by a power of ten")
    elif unit_doubt and diag is not None and diag.code in {"power-of-ten", "unit-slip"}:
        # No printed unit explains this power of ten: still worth a question, reported as
        # a power of ten (never as a named slip) and flagged so the rule lowers its
        # severity - the report may rely on a conversion it does not print.
        diag.code, diag.unit_slip = "power-of-ten", None
        diag.detail = (
            f"the printed value is 10^{diag.exponent} times the recomputed one "
            "(a decimal shift, or a unit conversion the table does not print)"
        )
        doubted = True
        note = join_note(
            note, "a unit is unknown, so the power of ten may be an unprinted conversion"
        )
    rep = Fraction(reported.value)
    check = Check(
        id=id,
        relation=relation,
        status=status,
        label=label,
        reported=reported.text,
        expected=printed_at(point, reported.decimals),
        expected_low=fmt_sig(expected.lo),
        expected_high=fmt_sig(expected.hi),
        unit=unit,
        deviation=fmt_sig((rep - point) / point, 4) if point else None,
        diagnosis=diag,
        locations=locations,
        inputs=inputs,
        note=note,
        unit_doubt=doubted,
    )
    if status in {"fail", "truncated"}:
        diff = abs(rep - point)
        share = fmt_sig(diff / total, 4) if total else None
        check.impact = CheckImpact(fmt_sig(diff), unit, share)
    return check


def printed_at(x: Fraction, decimals: int) -> str:
    """``x`` at the reported decimals, or at 4 significant digits when those show nothing."""
    text = fmt_fixed(x, decimals)
    if x != 0 and not _NONZERO_DIGIT.search(text):
        return fmt_sig(x, 4)
    return text


def cannot_tell(
    id: str,
    relation: str,
    reported: Number | None,
    locs: list[Location],
    inputs: list[str],
    why: str,
    label: str | None = None,
) -> Check:
    return Check(
        id=id,
        relation=relation,
        status="cannot-tell",
        label=label,
        reported=reported.text if reported else None,
        locations=locs,
        inputs=inputs,
        note=why,
    )


def join_note(a: str | None, b: str) -> str:
    return f"{a}; {b}" if a else b
