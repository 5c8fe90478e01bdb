"""EPD rules on rows that do not belong to their labels (EP025-EP027): one indicator's
values printed under another's label, values orders of magnitude away from what the
indicator can be, and units of another indicator's reference substance."""

from __future__ import annotations

from collections.abc import Iterator
from fractions import Fraction

from pcfaudit.model import Finding, MatrixValue, ResultMatrix
from pcfaudit.quantities import fmt_sig
from pcfaudit.rules.engine import RuleContext, rule
from pcfaudit.rules.epd_common import basis_key, cells, in_unit_of_another, quoted, where
from pcfaudit.rules.epd_swaps import ranges, swapped_pairs
from pcfaudit.vocab.epd import EXPECTED_REFERENCE

MIN_MODULES = 3  # identical rows: at least this many modules, and this many non-zero values


def _row(matrix: ResultMatrix, indicator: str) -> dict[str, MatrixValue]:
    return {m: v for (i, m), v in cells(matrix).items() if i == indicator}


@rule("EP025")
def identical_rows(ctx: RuleContext) -> Iterator[Finding]:
    """Two different indicators print identical values in every module they share (or in
    all but one).

    Two indicators measuring different things (water deprivation in m³ and non-renewable
    energy in MJ) cannot coincide in three or more non-zero values: one row carries the
    other's values, typically because a block of rows was shifted by one when the table
    was pasted. One differing module is tolerated when four or more distinct non-zero
    values coincide (a copied block where one cell was corrected). Compared within a table
    and across tables on the same basis; rows of zeros and totals that equal their only
    non-zero part (PERT = PERE when PERM = 0) are not counted.

    Example: WDP 1.39E+02, 1.07E+01, 6.78E+01 … equal to PENRE in the resource table.
    """
    rows = [(m, i, _row(m, i)) for m in ctx.report.matrices for i in m.indicators]
    done: set[frozenset[str]] = set()
    for n, (ma, ia, ra) in enumerate(rows):
        for mb, ib, rb in rows[n + 1 :]:
            pair = frozenset({ia, ib})
            if ia == ib or pair in done or _related(ia, ib):
                continue
            if basis_key(ma, ctx.report) != basis_key(mb, ctx.report):
                continue
            common = [m for m in ra if m in rb]
            same = [m for m in common if ra[m].number.value == rb[m].number.value]
            differ = [m for m in common if m not in same]
            distinct = {ra[m].number.value for m in same if ra[m].number.value != 0}
            # Identical everywhere (3+ distinct non-zero values), or everywhere but one
            # module (4+): a copied block where one cell was later corrected.
            if len(differ) > 1 or len(distinct) < MIN_MODULES + len(differ):
                continue
            done.add(pair)
            ctx.count(False)
            shown = ", ".join(f"{m} {ra[m].number.text}" for m in same[:6])
            but = (
                f"; only {differ[0]} differs: {ra[differ[0]].number.text} vs "
                f"{rb[differ[0]].number.text}"
                if differ
                else ""
            )
            yield ctx.finding(
                "EP025",
                message=(
                    f"{ia} ({where(ma)}) and {ib} ({where(mb)}) print identical values in "
                    f"{len(same)} of {len(common)} common modules ({shown}{but}). Two different "
                    "indicators cannot "
                    f"coincide: one row carries the other's values, likely a block of rows shifted "
                    f"by one (the {ia} row holds {ib}'s values or the other way round)."
                ),
                message_zh=(
                    f"{ia}（{where(ma)}）与 {ib}（{where(mb)}）在 {len(common)} 个共同模块中有 {len(same)} 个数值相同"
                    f"（{shown}）。两个不同指标不可能相同：其中一行是另一行的数值，可能是整块行错位（shift）。"
                ),
                locations=[quoted(ra[m]) for m in same[:3]] + [quoted(rb[m]) for m in same[:3]],
                reported=f"{ia} = {ib}",
                expected=f"{ia} values of its own",
                key=f"{ia}:{ib}",
            )


def _related(a: str, b: str) -> bool:
    """Totals and their parts, and editions of one indicator, may legitimately coincide."""
    groups = (
        {"PERE", "PERT", "PERM"},
        {"PENRE", "PENRT", "PENRM", "ADPF"},  # ADP-fossil ≈ PENRT by construction in EF 3.x
        {"GWP-total", "GWP-fossil", "GWP-GHG", "GWP"},
        {"EP", "EP-freshwater", "EP-marine", "EP-terrestrial"},
    )
    return any(a in g and b in g for g in groups)


# --------------------------------------------------------------------------- EP026


@rule("EP026")
def implausible_magnitude(ctx: RuleContext) -> Iterator[Finding]:
    """An indicator's value is orders of magnitude away from what it can be, relative to
    GWP-fossil (or GWP-total) in the same module.

    Every impact category has a typical size per kg CO2 eq. (the world economy emits
    8.10E+03 kg CO2 eq. and uses 6.50E+04 MJ of fossil resources per person and year: 8.0
    MJ per kg CO2 eq.). A ratio more than three orders of magnitude outside (window in the
    reference data, with its source) means the row carries another indicator's values or
    another unit. Checked in A1-A3 (or A1) against GWP-fossil (else GWP-total) where it
    is positive: biogenic uptake can bring GWP-total near zero.

    Example: ADPF 1.78E-04 MJ for GWP-total 10.4 kg CO2 eq. (expected about 83 MJ).
    """
    table = ranges()
    for matrix in ctx.report.matrices:
        grid = cells(matrix)
        # GWP-fossil is the reference where printed: biogenic uptake can bring GWP-total of
        # a wood-based product near zero without changing any other indicator.
        ref = next(
            (
                (m, grid[(i, m)])
                for m in ("A1-A3", "A1")
                for i in ("GWP-fossil", "GWP-total", "GWP")
                if (i, m) in grid and grid[(i, m)].number.value > 0
            ),
            None,
        )
        if ref is None:
            continue
        module, gwp = ref
        swapped = {i for swap in swapped_pairs(matrix) for i in (swap.first, swap.second)}
        for indicator, (typical, low, high, source) in table.items():
            if indicator in swapped:
                continue  # EP030 names the swap; the size is the same defect
            v = grid.get((indicator, module))
            if v is None or v.number.value == 0:
                continue
            if in_unit_of_another(indicator, v.unit):
                continue  # EP027 names the swapped label; its size is the same defect
            ratio = abs(Fraction(v.number.value)) / Fraction(gwp.number.value)
            ok = low <= ratio <= high
            ctx.count(ok)
            if ok:
                continue
            expected = fmt_sig(typical * Fraction(gwp.number.value), 2)
            yield ctx.finding(
                "EP026",
                message=(
                    f"In {where(matrix)}, {indicator} {module} is {v.number.text} {v.unit or ''} for "
                    f"{gwp.indicator} {gwp.number.text}: {fmt_sig(ratio, 2)} per kg CO2 eq., while any "
                    f"economy-wide mix gives about {fmt_sig(typical, 2)} (about {expected}; window "
                    f"{fmt_sig(low, 2)}-{fmt_sig(high, 2)}; {source}). The row likely carries another "
                    "indicator's values or unit (rows shifted or labels swapped)."
                ),
                message_zh=(
                    f"{where(matrix)} 中 {indicator} 的 {module} 为 {v.number.text}，{gwp.indicator} 为 {gwp.number.text}，"
                    f"比值 {fmt_sig(ratio, 2)}，与常见量级 {fmt_sig(typical, 2)} 相差三个数量级以上，"
                    "该行可能是其他指标的数值或单位（行错位或标签互换）。"
                ),
                locations=[quoted(v), quoted(gwp)],
                reported=v.number.text,
                expected=f"about {expected}",
                key=f"{matrix.table}:{indicator}",
            )


# --------------------------------------------------------------------------- EP027


@rule("EP027")
def reference_substance_of_another(ctx: RuleContext) -> Iterator[Finding]:
    """An impact indicator is expressed in the reference substance of another indicator
    (acidification in kg CFC-11 eq., ozone depletion in mol H+ eq.).

    Each EN 15804 impact category has its reference substance; a row whose unit is
    another category's means the labels (or the units) were swapped. When two rows hold
    each other's units, both are listed.

    Example: "AP | kg CFC11 eq | 1.25E-06" and "ODP | mol H+ eq | 2.08E-02".
    """
    owner = {u: i for i, units in EXPECTED_REFERENCE.items() for u in units if i != "EP"}
    for matrix in ctx.report.matrices:
        units = {v.indicator: v for v in matrix.values}
        for indicator, v in units.items():
            # A generic 'EP' (EN 15804+A1, or a label not read in full) may be any of the three.
            allowed = EXPECTED_REFERENCE.get(indicator) if indicator != "EP" else None
            if allowed is None or v.unit is None or v.unit not in owner:
                if allowed is not None:
                    ctx.count(None)
                continue
            ok = v.unit in allowed
            ctx.count(ok)
            if ok:
                continue
            other = owner[v.unit]
            partner = units.get(other)
            swapped = partner is not None and partner.unit in allowed
            yield ctx.finding(
                "EP027",
                message=(
                    f"In {where(matrix)}, {indicator} is given in {v.unit} ({v.number.text}), the "
                    f"reference substance of {other}"
                    + (
                        f", while {other} is given in {partner.unit} ({partner.number.text}), the unit of "
                        f"{indicator}: the labels of the two rows are swapped."
                        if swapped and partner
                        else ": the row's label or unit is wrong."
                    )
                ),
                message_zh=(
                    f"{where(matrix)} 中 {indicator} 的单位为 {v.unit}（{v.number.text}），这是 {other} 的基准物质"
                    + ("；两行标签互换。" if swapped else "，该行标签或单位有误。")
                ),
                locations=[quoted(v), *([quoted(partner)] if partner else [])],
                reported=f"{indicator} in {v.unit}",
                expected=f"{indicator} in {' or '.join(sorted(allowed))}",
                key=f"{matrix.table}:{indicator}",
            )
