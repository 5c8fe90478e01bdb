"""Recompute what a report prints, with honest rounding: ``Report`` → ``list[Check]``.

Every printed number stands for its rounding interval (``4.833`` is [4.8325, 4.8335]).
Expected values are computed with exact interval arithmetic over the printed inputs, and a
reported value is consistent when its interval meets the expected one. This is what keeps
software-made reports silent: a share computed from *unrounded* results (110.5156 / 3334.37
= 3.3144 %) still meets the interval of 110.52 / 3334.37. GWP values are taken exactly as
printed (they are defined constants, not measurements).

A value that does not meet is classified: truncated instead of rounded → status
"truncated"; otherwise a :class:`Diagnosis` names the single most likely cause among: a power
of ten (named as a unit slip when the units involved explain it), GWP not applied, another
IPCC report's GWP, a digit transposition, a typo, a dropped or doubled digit. When several
causes fit, the one whose value lies closest to the reported number wins (0.001 reported for
0.001 t × GWP 1430 is "GWP not applied", not "×1000").

Relations: ``line`` (result = quantity × factor × GWP), ``subtotal``, ``total``,
``per-unit``, ``share``, ``group-share``, ``share-sum``, ``prose-share``,
``text-computation``.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from decimal import Decimal
from fractions import Fraction
from functools import cache

import regex

from pcfaudit.model import InventoryLine, Location, Number, Report, ReportedValue, Statement
from pcfaudit.quantities import (
    Interval,
    co2e_per_mass,
    conversion_factor,
    digit_slip,
    fmt_fixed,
    fmt_sig,
    interval_sum,
    is_co2e,
    is_count,
    normalise_unit,
    slip_name,
    split_unit,
    truncation_interval,
)

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
    significant = len(regex.sub(r"^[0.\-]+|\D", "", printed))
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
        note = _join(note, "a unit is unknown and the values differ by a power of ten")
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
        note = _join(note, "a unit is unknown, so the power of ten may be an unprinted conversion")
    rep = Fraction(reported.value)
    check = Check(
        id=id,
        relation=relation,
        status=status,
        label=label,
        reported=reported.text,
        expected=_printed(point, reported.decimals),
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


def _printed(x: Fraction, decimals: int) -> str:
    """``x`` at the reported decimals, or at 4 significant digits when those show nothing."""
    text = fmt_fixed(x, decimals)
    if x != 0 and not regex.search(r"[1-9]", text):
        return fmt_sig(x, 4)
    return text


def _cannot(
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


def _join(a: str | None, b: str) -> str:
    return f"{a}; {b}" if a else b


# --------------------------------------------------------------------------- GWP data


@cache
def _gwp_tables() -> dict[str, dict[str, Fraction]]:
    """IPCC 100-year GWPs by report, from the ``globalwarmingpotentials`` package (CC0,
    openclimatedata; SAR/TAR/AR4/AR5/AR6 tables), keyed by a normalised gas name."""
    import globalwarmingpotentials as gwps

    out: dict[str, dict[str, Fraction]] = {}
    for report in ("SAR", "TAR", "AR4", "AR5", "AR6"):
        table = gwps.data.get(f"{report}GWP100", {})
        out[report] = {_gas_key(k): Fraction(str(v)) for k, v in table.items()}
        out[report].setdefault("CO2", Fraction(1))
    return out


def _gas_key(name: str) -> str:
    return regex.sub(r"[\s\-_]", "", unicodedata.normalize("NFKC", name)).upper()


def other_gwps(gas: str | None, used: Fraction) -> list[tuple[str, Fraction]]:
    """(report, value) for each IPCC report whose GWP for ``gas`` differs from ``used``."""
    if not gas:
        return []
    key, seen = _gas_key(gas), {used}
    out = []
    for report, table in _gwp_tables().items():
        v = table.get(key)
        if v is not None and v not in seen:
            seen.add(v)
            out.append((report, v))
    return out


# Nominal blend compositions (mass %), ASHRAE Standard 34 designations.
BLENDS: dict[str, dict[str, Fraction]] = {
    "R404A": {"HFC125": Fraction(44), "HFC134A": Fraction(4), "HFC143A": Fraction(52)},
    "R407C": {"HFC32": Fraction(23), "HFC125": Fraction(25), "HFC134A": Fraction(52)},
    "R410A": {"HFC32": Fraction(50), "HFC125": Fraction(50)},
    "R507A": {"HFC125": Fraction(50), "HFC143A": Fraction(50)},
}
# Subject keys the interpreter gives → words a table label uses for them.
SUBJECT_WORDS: dict[str, tuple[str, ...]] = {
    "CO2-extinguisher": ("灭火器", "extinguisher"),
    "natural-gas": ("天然气", "natural gas"),
    "diesel": ("柴油", "diesel"),
    "gasoline": ("汽油", "gasoline", "petrol"),
    "electricity": ("电力", "electricity", "电"),
    "steam": ("蒸汽", "steam"),
}


# --------------------------------------------------------------------------- the report


def norm_label(text: str | None) -> str:
    t = unicodedata.normalize("NFKC", text or "")
    t = regex.sub(r"[(（][^()（）]*[)）]", "", t)
    return regex.sub(r"[\s\p{P}\p{S}]+", "", t).lower()


def _loose(key: str) -> str:
    """A prose label reduced to its noun: '原材料的获取过程' → '原料', '电的获取' → '电'."""
    key = key.replace("原材料", "原料").replace("的", "")
    return regex.sub(r"(获取|过程|阶段|acquisition|production|process)+$", "", key)


def _is_grand_total(value: ReportedValue, groups: set[str]) -> bool:
    return value.kind != "subtotal" and norm_label(value.label) not in groups


@dataclass
class _Ctx:
    report: Report
    lines: list[tuple[int, InventoryLine]]  # (index in report.inventory, line)
    total: ReportedValue | None  # the first grand total
    total_value: Fraction | None  # in ``total_unit``
    total_unit: str | None
    groups: dict[str, list[tuple[int, InventoryLine]]]

    def total_in(self, unit: str | None) -> Fraction | None:
        if self.total_value is None:
            return None
        k = conversion_factor(self.total_unit, unit) if self.total_unit and unit else Fraction(1)
        return self.total_value * k if k is not None else None


def _totals(report: Report) -> tuple[list[ReportedValue], str]:
    """The totals and how to cite them. Without a production volume, a report's result
    per functional unit *is* its total (the inventory is per functional unit)."""
    if report.totals or report.production:
        return report.totals, "totals"
    return report.per_unit, "per_unit"


def _context(report: Report) -> _Ctx:
    lines = list(enumerate(report.inventory))
    groups: dict[str, list[tuple[int, InventoryLine]]] = {}
    for i, line in lines:
        for name in {norm_label(line.group), norm_label(line.category)} - {""}:
            groups.setdefault(name, []).append((i, line))
    grand = [t for t in _totals(report)[0] if _is_grand_total(t, set(groups))]
    total = grand[0] if grand else None
    return _Ctx(
        report,
        lines,
        total,
        Fraction(total.quantity.number.value) if total else None,
        total.quantity.unit if total else None,
        groups,
    )


def recompute(report: Report) -> list[Check]:
    """Every arithmetic relation the report lets us recompute, one Check each."""
    ctx = _context(report)
    return [
        *_line_checks(ctx),
        *_total_checks(ctx),
        *_per_unit_checks(ctx),
        *_share_checks(ctx),
        *_text_checks(ctx),
    ]


# --------------------------------------------------------------------------- lines


def _group_quantity(ctx: _Ctx, line: InventoryLine) -> Number | None:
    """A row group prints its quantity in one of its rows (CO2/CH4/N2O): use it."""
    if line.group is None:
        return None
    found = [
        other.quantity
        for _, other in ctx.lines
        if other.group == line.group and other.table == line.table and other.quantity
    ]
    return found[0].number if len(found) == 1 else None


def _factor_interval(number: Number) -> Interval:
    """A factor printed as a whole number ("1" for a refrigerant's own mass) is a stated
    constant, not a rounded measurement; a factor with decimals stands for its interval."""
    if number.decimals <= 0:
        return Interval.exact(Fraction(number.value))
    return Interval.of(number)


def _gwp_of(line: InventoryLine) -> Fraction | None:
    if line.gwp is not None:
        return Fraction(line.gwp.value)
    gas = _gas_key(line.gas or "")
    if gas in {"", "CO2", "CO2E"}:
        return Fraction(1)
    if line.factor is not None and is_co2e(line.factor.unit):
        return Fraction(1)  # a CO2e factor already includes the GWP
    return None


def _line_conversion(
    q_unit: str | None, f_unit: str | None, r_unit: str | None
) -> tuple[Fraction, bool]:
    """Factor turning quantity × factor (× GWP) into the result unit, and whether a unit
    was unknown (then the numbers are taken in the table's own units: factor 1)."""
    if f_unit is None or r_unit is None:
        return Fraction(1), True
    num, den = split_unit(f_unit)
    k_q: Fraction | None = Fraction(1)
    if den is not None:
        k_q = conversion_factor(q_unit, den) if q_unit else None
    if is_co2e(num) or not is_co2e(r_unit):
        k_n = conversion_factor(num, r_unit)
    else:
        k_n = co2e_per_mass(num, r_unit)
    if k_q is None or k_n is None:
        return Fraction(1), True
    return k_q * k_n, False


def _line_checks(ctx: _Ctx) -> Iterator[Check]:
    for i, line in ctx.lines:
        if line.result is None or line.factor is None:
            continue
        note = None
        q_unit = line.quantity.unit if line.quantity else None
        quantity = line.quantity.number if line.quantity else _group_quantity(ctx, line)
        if quantity is None:
            continue
        if line.quantity is None:
            note = "quantity taken from the row group"
            grp = [o for _, o in ctx.lines if o.group == line.group and o.quantity]
            q_unit = grp[0].quantity.unit if grp and grp[0].quantity else None
        reported, r_unit = line.result.number, line.result.unit
        id_, inputs, locs = f"line:{i}", [f"inventory[{i}]"], [line.location]
        gwp = _gwp_of(line)
        if gwp is None:
            yield _cannot(id_, "line", reported, locs, inputs, "no GWP for this gas", line.label)
            continue
        k, doubt = _line_conversion(q_unit, line.factor.unit, r_unit)
        qf = Interval.of(quantity) * _factor_interval(line.factor.number)
        qf_point = Fraction(quantity.value) * Fraction(line.factor.number.value)
        alts: list[Candidate] = []
        if gwp != 1:
            alts.append(
                Candidate(
                    "gwp-not-applied",
                    qf.scale(k),
                    qf_point * k,
                    "the result equals quantity × factor without the GWP",
                )
            )
        for source, value in other_gwps(line.gas, gwp):
            alts.append(
                Candidate(
                    "other-gwp",
                    qf.scale(k * value),
                    qf_point * k * value,
                    f"the result matches the {source} GWP of {line.gas} ({value})",
                    gwp=f"{source}: {line.gas} = {value}",
                )
            )
        yield make_check(
            id=id_,
            relation="line",
            label=line.label if not line.gas else f"{line.label} {line.gas}",
            reported=reported,
            expected=qf.scale(gwp * k),
            point=qf_point * gwp * k,
            unit=r_unit,
            locations=locs,
            inputs=inputs,
            alternatives=alts,
            units=(q_unit, r_unit),
            total=ctx.total_in(r_unit),
            note=note,
            unit_doubt=doubt,
        )


# --------------------------------------------------------------------------- totals


def _sum_results(
    members: list[tuple[int, InventoryLine]], unit: str | None
) -> tuple[Interval, Fraction, list[str], int, bool]:
    """Σ results converted to ``unit``: (interval, point, inputs, blanks, unit_doubt)."""
    parts: list[Interval] = []
    point, inputs, blanks, doubt = Fraction(0), [], 0, False
    for i, line in members:
        if line.result is None:
            blanks += 1 if line.marks.get("result") is not None or line.quantity else 0
            continue
        k: Fraction | None = Fraction(1)
        if unit and line.result.unit:
            k = conversion_factor(line.result.unit, unit)
        else:
            doubt = doubt or unit != line.result.unit
        k = k if k is not None else Fraction(1)
        parts.append(Interval.of(line.result.number).scale(k))
        point += Fraction(line.result.number.value) * k
        inputs.append(f"inventory[{i}]")
    return interval_sum(parts), point, inputs, blanks, doubt


def _total_checks(ctx: _Ctx) -> Iterator[Check]:
    totals, ref = _totals(ctx.report)
    for t_i, value in enumerate(totals):
        if ref == "totals" and _is_per_unit(ctx, value):
            if not any(p.location == value.location for p in ctx.report.per_unit):
                yield _per_unit_check(ctx, value, f"per-unit:totals[{t_i}]", f"totals[{t_i}]")
            continue
        key = norm_label(value.label)
        sub = key in ctx.groups or value.kind == "subtotal"
        members = ctx.groups.get(key, ctx.lines)
        if value.kind == "subtotal" and key not in ctx.groups:
            # A stage/category subtotal whose stage no line names: match loosely, or say so.
            members = _find(ctx, value.label)
            if not members:
                yield _cannot(
                    f"subtotal:{t_i}",
                    "subtotal",
                    value.quantity.number,
                    [value.location],
                    [f"{ref}[{t_i}]"],
                    "no inventory line belongs to this group",
                    value.label,
                )
                continue
        if not any(line.result for _, line in members):
            continue
        unit = value.quantity.unit
        exp, point, inputs, blanks, doubt = _sum_results(members, unit)
        note = f"{blanks} line(s) printed without a result counted as 0" if blanks else None
        yield make_check(
            id=f"{'subtotal' if sub else 'total'}:{t_i}",
            relation="subtotal" if sub else "total",
            label=value.label,
            reported=value.quantity.number,
            expected=exp,
            point=point,
            unit=unit,
            locations=[value.location],
            inputs=[f"{ref}[{t_i}]", *inputs],
            units=(unit,),
            total=ctx.total_in(unit),
            note=note,
            unit_doubt=doubt,
        )


def _per_unit_checks(ctx: _Ctx) -> Iterator[Check]:
    if _totals(ctx.report)[1] == "per_unit":
        return  # checked as totals
    for p_i, value in enumerate(ctx.report.per_unit):
        yield _per_unit_check(ctx, value, f"per-unit:{p_i}", f"per_unit[{p_i}]")


def _per_unit_expected(ctx: _Ctx, unit: str | None) -> tuple[Interval, Fraction, bool] | None:
    """total / production in ``unit``: (interval, point, unit_doubt); None without both."""
    if ctx.total is None or not ctx.report.production:
        return None
    prod = ctx.report.production[0].quantity
    # A count of products is exact; a measured production amount is rounded.
    p_iv = (
        Interval.exact(Fraction(prod.number.value))
        if is_count(prod.unit) or prod.number.decimals == 0
        else Interval.of(prod.number)
    )
    k: Fraction | None = Fraction(1)
    if unit and ctx.total_unit:
        k = conversion_factor(ctx.total_unit, unit)
    doubt = k is None or not (unit and ctx.total_unit)
    k = k or Fraction(1)
    quotient = Interval.of(ctx.total.quantity.number).scale(k) / p_iv
    if quotient is None or not prod.number.value:
        return None
    point = Fraction(ctx.total.quantity.number.value) * k / Fraction(prod.number.value)
    return quotient, point, doubt


def _per_unit_check(ctx: _Ctx, value: ReportedValue, id_: str, ref: str) -> Check:
    rep = value.quantity.number
    locs, inputs = [value.location], [ref]
    unit = split_unit(value.quantity.unit)[0] if value.quantity.unit else None
    exp = _per_unit_expected(ctx, unit)
    if exp is None or ctx.total is None:
        return _cannot(id_, "per-unit", rep, locs, inputs, "no total or production volume")
    quotient, point, doubt = exp
    return make_check(
        id=id_,
        relation="per-unit",
        label=value.basis or value.label,
        reported=rep,
        expected=quotient,
        point=point,
        unit=unit,
        locations=[value.location, ctx.total.location, ctx.report.production[0].location],
        inputs=[*inputs, "totals[0]", "production[0]"],
        units=(unit,),
        total=point,
        unit_doubt=doubt,
    )


def _is_per_unit(ctx: _Ctx, value: ReportedValue) -> bool:
    """A value the text states as a total that is the result per functional unit: it has a
    per-unit basis, repeats a per-unit value the report prints, or is total / production
    ("the carbon footprint of 1 kWh … is 69.09 kgCO2e" read without its basis)."""
    if value.kind != "total" or value.location.table is not None or value is ctx.total:
        return False
    if value.basis:
        return True
    q = value.quantity
    if any(
        p.quantity.number.value == q.number.value and p.quantity.unit == q.unit
        for p in ctx.report.per_unit
    ):
        return True
    unit = split_unit(q.unit)[0] if q.unit else None
    exp = _per_unit_expected(ctx, unit)
    return exp is not None and not exp[2] and Interval.of(q.number).meets(exp[0])


# --------------------------------------------------------------------------- shares


def _denominators(ctx: _Ctx, unit: str | None) -> list[Interval]:
    """The totals a share may be computed over: the reported total and Σ line results."""
    out = []
    if ctx.total is not None:
        k = conversion_factor(ctx.total_unit, unit) if ctx.total_unit and unit else Fraction(1)
        if k is not None:
            out.append(Interval.of(ctx.total.quantity.number).scale(k))
    summed, _, _, _, _ = _sum_results(ctx.lines, unit)
    if summed.hi > 0:
        out.append(summed)
    return out


def _share_expected(
    ctx: _Ctx, members: list[tuple[int, InventoryLine]]
) -> tuple[Interval, Fraction, list[Interval]] | None:
    with_result = [(i, ln) for i, ln in members if ln.result is not None]
    if not with_result:
        return None
    unit = with_result[0][1].result.unit if with_result[0][1].result else None
    num, point, _, _, _ = _sum_results(members, unit)
    dens = _denominators(ctx, unit)
    quotients = [q for d in dens if (q := num / d) is not None]
    if not quotients:
        return None
    total_point = ctx.total_in(unit) or _sum_results(ctx.lines, unit)[1]
    pct = [q.scale(100) for q in quotients]
    # The author may have divided by the reported total or by the unrounded sum: accept both.
    hull = Interval(min(q.lo for q in pct), max(q.hi for q in pct))
    return hull, point * 100 / total_point, pct


def _find(ctx: _Ctx, label: str | None) -> list[tuple[int, InventoryLine]]:
    key = norm_label(label)
    if not key:
        return []
    exact = [(i, ln) for i, ln in ctx.lines if norm_label(ln.label) == key and ln.gas is None]
    if not exact:
        exact = [(i, ln) for i, ln in ctx.lines if norm_label(ln.label) == key]
    if exact:
        return exact
    if key in ctx.groups:
        return ctx.groups[key]
    loose = _loose(key)
    if not loose:
        return []
    hits = [(i, ln) for i, ln in ctx.lines if _loose(norm_label(ln.label)) == loose]
    if hits:
        return hits
    names = [g for g in ctx.groups if _loose(g) == loose]
    return ctx.groups[names[0]] if len(names) == 1 else []


def _share_checks(ctx: _Ctx) -> Iterator[Check]:
    line_shares: list[tuple[str, Number, Location, list[tuple[int, InventoryLine]], str]] = []
    for i, line in ctx.lines:
        if line.share is not None:
            line_shares.append(
                (line.label, line.share, line.location, [(i, line)], f"inventory[{i}]")
            )
    group_shares = []
    prose = []
    for s_i, value in enumerate(ctx.report.shares):
        if value.kind == "share-total":
            continue  # the "Total | … | 100 %" row is not one more share to add up
        # A share printed in an inventory row belongs to that row (one gas of a CO2/CH4/N2O
        # group), not to every line that carries its label.
        same_row = [(i, ln) for i, ln in ctx.lines if ln.location == value.location]
        if same_row and any(
            ln.share is not None and ln.share.value == value.quantity.number.value
            for _, ln in same_row
        ):
            continue  # already checked as the line's own share
        members = same_row or _find(ctx, value.label)
        item = (value.label or "", value.quantity.number, value.location, members, f"shares[{s_i}]")
        if value.kind == "prose-share":
            prose.append(item)
        elif value.kind == "group-share" or (
            members
            and norm_label(value.label) in ctx.groups
            and not any(norm_label(m.label) == norm_label(value.label) for _, m in members)
        ):
            group_shares.append(item)
        elif not (
            len(members) == 1
            and members[0][1].share is not None
            and members[0][1].share.value == value.quantity.number.value
        ):  # the interpreter may list a table share both on the line and here
            line_shares.append(item)
    table_share: dict[str, Number] = {}
    by_members: dict[frozenset[int], Number] = {}
    for kind, items in (("share", line_shares), ("group-share", group_shares)):
        for label, number, loc, members, ref in items:
            table_share.setdefault(norm_label(label), number)
            if members:
                by_members.setdefault(frozenset(i for i, _ in members), number)
            if not members:
                yield _cannot(
                    f"{kind}:{ref}", kind, number, [loc], [ref], "no line with this label", label
                )
                continue
            exp = _share_expected(ctx, members)
            if exp is None:
                continue
            hull, point, _ = exp
            yield make_check(
                id=f"{kind}:{ref}",
                relation=kind,
                label=label,
                reported=number,
                expected=hull,
                point=point,
                unit="%",
                locations=[loc],
                inputs=[ref, *(f"inventory[{i}]" for i, _ in members)],
                units=("%",),
            )
    yield from _share_sums(ctx, line_shares, "share-sum")
    if len(group_shares) >= 2:
        yield from _share_sums(ctx, group_shares, "group-share-sum")
    for label, number, loc, members, ref in prose:
        table = table_share.get(norm_label(label)) or by_members.get(
            frozenset(i for i, _ in members)
        )
        if table is not None:
            yield make_check(
                id=f"prose-share:{ref}",
                relation="prose-share",
                label=label,
                reported=number,
                expected=Interval.of(table),
                point=Fraction(table.value),
                unit="%",
                locations=[loc],
                inputs=[ref],
                note=f"compared with the table's {table.text}",
                units=("%",),
            )
            continue
        exp = _share_expected(ctx, members) if members else None
        if exp is None:
            yield _cannot(
                f"prose-share:{ref}",
                "prose-share",
                number,
                [loc],
                [ref],
                "no table value for this label",
                label,
            )
            continue
        yield make_check(
            id=f"prose-share:{ref}",
            relation="prose-share",
            label=label,
            reported=number,
            expected=exp[0],
            point=exp[1],
            unit="%",
            locations=[loc],
            inputs=[ref, *(f"inventory[{i}]" for i, _ in members)],
            units=("%",),
        )


def _share_sums(ctx: _Ctx, items: list, relation: str) -> Iterator[Check]:
    if len(items) < 2:
        return
    numbers: list[Number] = [n for _, n, _, _, _ in items]
    s = interval_sum(Interval.of(n) for n in numbers)
    point = sum((Fraction(n.value) for n in numbers), Fraction(0))
    decimals = max(n.decimals for n in numbers)
    printed = Number(
        text=fmt_fixed(point, decimals), value=_dec(point, decimals), decimals=decimals
    )
    locs = [loc for _, _, loc, _, _ in items]
    refs = [ref for _, _, _, _, ref in items]
    covered = {i for _, _, _, members, _ in items for i, _ in members}
    all_lines = {i for i, ln in ctx.lines if ln.result is not None}
    if s.hi < 100 and relation == "share-sum" and not all_lines <= covered:
        yield _cannot(relation, relation, None, locs, refs, "shares listed for only some lines")
        return
    check = make_check(
        id=relation,
        relation=relation,
        reported=printed,
        expected=HUNDRED,
        point=Fraction(100),
        unit="%",
        locations=locs,
        inputs=refs,
        note=f"Σ of {len(numbers)} shares; rounding allows ±{fmt_sig(s.hi - point)}",
    )
    # The sum's own tolerance is n half-ulps, not the printed sum's half-ulp.
    if s.meets(HUNDRED):
        check.status, check.diagnosis, check.impact = "pass", None, None
    elif check.status == "truncated":
        check.status = "fail"
    yield check


def _dec(x: Fraction, decimals: int) -> Decimal:
    return Decimal(fmt_fixed(x, decimals))


# --------------------------------------------------------------------------- prose


_UNIT_AFTER = regex.compile(r"\s*([A-Za-z][A-Za-z0-9₂³·/]*|[吨千克公斤升方立米]+)")


def unit_after(text: str, number: Number) -> str | None:
    """The unit printed right after ``number`` in ``text`` ('100kg' → 'kg')."""
    # The number itself, not digits inside a name ("40" in "R404A").
    hit = regex.search(rf"(?<![\w.]){regex.escape(number.text)}(?![\d.])", text)
    if hit is None:
        return None
    m = _UNIT_AFTER.match(text, hit.end())
    return normalise_unit(m.group(1)) if m else None


def _text_checks(ctx: _Ctx) -> Iterator[Check]:
    for s_i, st in enumerate(ctx.report.statements):
        if st.kind != "text-computation" or not st.values:
            continue
        yield from _text_check(ctx, s_i, st)


def _text_check(ctx: _Ctx, s_i: int, st: Statement) -> Iterator[Check]:
    amount, *rest = st.values
    a_unit = unit_after(st.text, amount)
    # Prose states assumptions ("约 100kg", "以 1%计"), which the author multiplies as
    # written: taken exactly, not as rounding intervals.
    point = Fraction(amount.value)
    for v in rest:
        f = Fraction(1, 100) if v.text.rstrip().endswith(("%", "％")) else Fraction(1)
        point *= Fraction(v.value) * f
    iv = Interval.exact(point)
    ref, locs = f"statements[{s_i}]", [st.location]
    subject = st.subject or ""
    blend = BLENDS.get(_gas_key(subject))
    if blend:
        targets = [
            (i, ln, blend[_gas_key(ln.gas)] / 100)
            for i, ln in ctx.lines
            if ln.gas and _gas_key(ln.gas) in blend and ln.quantity is not None
        ]
    else:
        words = SUBJECT_WORDS.get(subject, (subject,))
        targets = [
            (i, ln, Fraction(1))
            for i, ln in ctx.lines
            if ln.quantity is not None and any(w and w.lower() in ln.label.lower() for w in words)
        ][:1]
    if not targets:
        yield _cannot(
            f"text:{ref}",
            "text-computation",
            None,
            locs,
            [ref],
            f"no table line for {subject}",
            subject,
        )
        return
    for i, line, frac in targets:
        assert line.quantity is not None
        q_unit = line.quantity.unit
        r_mass = (
            split_unit(line.result.unit)[0][: -len("CO2e")]
            if line.result and line.result.unit and is_co2e(line.result.unit)
            else None
        )
        if q_unit is None and r_mass and line.factor and line.factor.number.value == 1:
            # "q × 1 × GWP 1 = result in tCO2e": the quantity is in t.
            q_unit = r_mass
        k = conversion_factor(a_unit, q_unit) if a_unit and q_unit else Fraction(1)
        doubt = k is None or not (a_unit and q_unit)
        k = (k or Fraction(1)) * frac
        impact_total = None
        if line.factor is not None and (g := _gwp_of(line)) is not None:
            kk, _ = _line_conversion(
                q_unit, line.factor.unit, line.result.unit if line.result else None
            )
            per_q = Fraction(line.factor.number.value) * g * kk
            r_unit = line.result.unit if line.result else None
            impact_total = (per_q, r_unit)
        check = make_check(
            id=f"text:{ref}:{i}",
            relation="text-computation",
            label=f"{subject} {line.gas or line.label}".strip(),
            reported=line.quantity.number,
            expected=iv.scale(k),
            point=point * k,
            unit=q_unit,
            locations=[line.location, *locs],
            inputs=[ref, f"inventory[{i}]"],
            units=(a_unit, q_unit),
            note=f"{st.text.strip()[:80]}"
            + (f" × {frac * 100}% of the blend" if frac != 1 else ""),
            unit_doubt=doubt,
        )
        if check.impact is not None and impact_total is not None:
            per_q, r_unit = impact_total
            diff = abs(Fraction(line.quantity.number.value) - point * k) * per_q
            total = ctx.total_in(r_unit)
            check.impact = CheckImpact(
                fmt_sig(diff), r_unit, fmt_sig(diff / total, 4) if total else None
            )
        yield check
