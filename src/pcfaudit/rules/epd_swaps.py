"""EPD indicator rows whose labels were swapped, told by size alone (EP030), and the
plausible size of each impact indicator that EP026 and EP030 share."""

from __future__ import annotations

import csv
import io
import math
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass
from decimal import Decimal
from fractions import Fraction
from functools import cache
from importlib import resources
from itertools import combinations

from pcfaudit.model import Finding, MatrixValue, ResultMatrix
from pcfaudit.quantities import fmt_sig
from pcfaudit.rules.engine import RuleContext, rule
from pcfaudit.rules.epd_common import cells, in_unit_of_another, quoted, where

# Swapping two rows must bring their values this many orders of magnitude (summed over the
# two rows) closer to their typical sizes, in every module compared: a swap that only
# nudges two values is no evidence. Only indicators whose typical sizes lie more than an
# order of magnitude apart can pass (AP and ODP: three orders; AP and POCP: never). The
# windows themselves are world averages and too wide-and-narrow for single modules
# (landfill emits much CO2 and almost no CFC-11), so they are required only in the module
# that fails as labelled.
MIN_GAIN_ORDERS = 2.0
REFERENCE_INDICATORS = ("GWP-fossil", "GWP-total", "GWP")


@cache
def ranges() -> dict[str, tuple[Fraction, Fraction, Fraction, str]]:
    """indicator → (typical, low, high, source) of its ratio to GWP in the same module."""
    text = (resources.files("pcfaudit.reference") / "data" / "epd_indicator_ranges.csv").read_text(
        encoding="utf-8"
    )
    lines = [line for line in text.splitlines() if line and not line.startswith("#")]
    out = {}
    for r in csv.DictReader(io.StringIO("\n".join(lines))):
        out[r["indicator"]] = (
            Fraction(Decimal(r["typical"])),
            Fraction(Decimal(r["low"])),
            Fraction(Decimal(r["high"])),
            r["source"],
        )
    return out


@dataclass(frozen=True)
class Swap:
    """Two indicator rows of one matrix whose values fit each other's label."""

    first: str
    second: str
    modules: tuple[str, ...]  # where both rows are non-zero and GWP is positive
    failing: str  # a module where, as labelled, at least one row is out of its window


def references(matrix: ResultMatrix) -> dict[str, MatrixValue]:
    """Module → the GWP value each indicator is compared with (GWP-fossil where printed:
    biogenic uptake can bring GWP-total near zero without changing any other indicator)."""
    grid = cells(matrix)
    out = {}
    for module in matrix.modules:
        for indicator in REFERENCE_INDICATORS:
            v = grid.get((indicator, module))
            if v is not None and v.number.value > 0:
                out[module] = v
                break
    return out


def _gap(ratio: Fraction, indicator: str) -> tuple[float, bool]:
    """Orders of magnitude between ``ratio`` and the indicator's typical ratio, and whether
    the ratio lies in the indicator's window."""
    typical, low, high, _ = ranges()[indicator]
    return abs(math.log10(ratio / typical)), low <= ratio <= high


def swapped_pairs(matrix: ResultMatrix) -> list[Swap]:
    """Pairs of impact indicators that fit each other's typical size far better than their
    own in every module where both are printed (non-zero) next to a positive GWP, and that
    are out of their windows as labelled and inside them swapped in at least one module."""
    grid, refs, table = cells(matrix), references(matrix), ranges()
    present = [i for i in matrix.indicators if i in table]
    found = []
    for a, b in combinations(present, 2):
        modules, failing, consistent = [], "", True
        for module, gwp in refs.items():
            va, vb = grid.get((a, module)), grid.get((b, module))
            if va is None or vb is None or va.number.value == 0 or vb.number.value == 0:
                continue
            ra = abs(Fraction(va.number.value)) / Fraction(gwp.number.value)
            rb = abs(Fraction(vb.number.value)) / Fraction(gwp.number.value)
            (ga, oka), (gb, okb) = _gap(ra, a), _gap(rb, b)
            (sa, swap_oka), (sb, swap_okb) = _gap(ra, b), _gap(rb, a)
            if (ga + gb) - (sa + sb) < MIN_GAIN_ORDERS:
                consistent = False
                break
            modules.append(module)
            if not failing and not (oka and okb) and swap_oka and swap_okb:
                failing = module
        if consistent and modules and failing:
            found.append(Swap(a, b, tuple(modules), failing))
    # A clean swap involves two rows only. Rows that pair with several others (ADPE with
    # ADPF and with IR, ADPF with PM …) are a block shifted by one row, which EP025/EP026
    # describe; calling it a swap would name the wrong repair.
    uses = Counter(i for swap in found for i in (swap.first, swap.second))
    return [s for s in found if uses[s.first] == uses[s.second] == 1]


@rule("EP030")
def labels_swapped_by_size(ctx: RuleContext) -> Iterator[Finding]:
    """Two impact indicators hold each other's values: each row is orders of magnitude off
    its own plausible size and right for the other's, in every module.

    Every impact category has a typical size per kg CO2 eq. (the EF 3.0 global normalisation
    factors); acidification is about 1,000 times ozone depletion. When the AP row is three
    orders of magnitude too small and the ODP row sits at acidification's size, and swapping
    the two labels puts both rows in their windows in every module (and brings them at
    least two orders of magnitude closer in total), the labels were swapped. A pair whose
    units already name the swap is EP027's.

    Example: "AP 1.34E-06; ODP 2.26E-02" for GWP-fossil 5.87 kg CO2 eq.
    """
    for matrix in ctx.report.matrices:
        grid, refs = cells(matrix), references(matrix)
        for swap in swapped_pairs(matrix):
            va, vb = grid[(swap.first, swap.failing)], grid[(swap.second, swap.failing)]
            if in_unit_of_another(va.indicator, va.unit) or in_unit_of_another(
                vb.indicator, vb.unit
            ):
                continue
            ctx.count(False)
            gwp = refs[swap.failing]
            ra = fmt_sig(abs(Fraction(va.number.value)) / Fraction(gwp.number.value), 2)
            rb = fmt_sig(abs(Fraction(vb.number.value)) / Fraction(gwp.number.value), 2)
            ta, tb = (fmt_sig(ranges()[i][0], 2) for i in (swap.first, swap.second))
            n = len(swap.modules)
            yield ctx.finding(
                "EP030",
                message=(
                    f"In {where(matrix)}, {swap.first} {swap.failing} is {va.number.text} and "
                    f"{swap.second} {swap.failing} is {vb.number.text} for {gwp.indicator} "
                    f"{gwp.number.text}: {ra} and {rb} per kg CO2 eq., where {swap.first} is "
                    f"typically about {ta} and {swap.second} about {tb}. Swapped, both rows are "
                    f"closer to their typical size in all {n} module(s) compared "
                    f"({', '.join(swap.modules[:6])}): the labels of the two rows are swapped."
                ),
                message_zh=(
                    f"{where(matrix)} 中 {swap.first} 的 {swap.failing} 为 {va.number.text}，"
                    f"{swap.second} 为 {vb.number.text}（{gwp.indicator} {gwp.number.text}）："
                    f"每 kg CO2 当量分别为 {ra} 与 {rb}，而 {swap.first} 的典型值约 {ta}、"
                    f"{swap.second} 约 {tb}。两行互换后，在比较的全部 {n} 个模块中均更接近典型量级："
                    "两行标签互换。"
                ),
                locations=[quoted(va), quoted(vb)],
                reported=f"{swap.first} {va.number.text}; {swap.second} {vb.number.text}",
                expected=f"{swap.first} and {swap.second} swapped",
                likely_cause="labels of two indicator rows swapped",
                likely_cause_zh="两个指标行的标签互换",
                key=f"{matrix.table}:{swap.first}:{swap.second}",
            )
