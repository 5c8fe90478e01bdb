"""EPD rules on where flows are declared and how impact rows compare (EP032-EP033): an output
flow that module D credits but no module exports, and terrestrial eutrophication printed
below marine eutrophication."""

from __future__ import annotations

from collections.abc import Iterator
from fractions import Fraction

from pcfaudit.model import Finding, MatrixValue, Report
from pcfaudit.quantities import fmt_sig
from pcfaudit.rules.engine import RuleContext, rule
from pcfaudit.rules.epd_common import basis_key, cells, quoted
from pcfaudit.rules.epd_swaps import ranges

# Output flows (EN 15804+A2, 7.2.4): they leave the system in the module where they arise.
OUTPUT_FLOWS = {
    "EEE": "exported energy, electricity",
    "EET": "exported energy, thermal",
    "MFR": "materials for recycling",
    "MER": "materials for energy recovery",
    "CRU": "components for re-use",
}
# Where such flows leave a product system: installation waste (A5), replacement and
# refurbishment (B2-B5), waste processing and disposal (C1-C4).
_LEAVING = ("A5", "B2", "B3", "B4", "B5", "C1", "C3", "C4")
_ENERGY = ("EEE", "EET")
_PRODUCTION = ("A1-A3", "A1-A4", "A1-A5", "A1")  # the product stage, as printed


def _rows(report: Report, indicators: set[str]) -> dict[tuple[str, str], dict[str, MatrixValue]]:
    """(basis, indicator) → module → value, over every matrix on that basis (a table may
    print module D apart from the others); the first printed value wins."""
    out: dict[tuple[str, str], dict[str, MatrixValue]] = {}
    for matrix in report.matrices:
        basis = basis_key(matrix, report)
        for (indicator, module), value in cells(matrix).items():
            if indicator in indicators:
                out.setdefault((basis, indicator), {}).setdefault(module, value)
    return out


@rule("EP032")
def output_flow_only_in_d(ctx: RuleContext) -> Iterator[Finding]:
    """An output flow (exported energy, materials for recycling or energy recovery,
    components for re-use) is non-zero in module D and zero in every other declared module.

    Module D credits the net flows of secondary material and energy that leave the product
    system in modules A-C (EN 15804+A2, 6.3.5). A flow leaves where it arises: exported
    energy where packaging or the product is incinerated (A5, C3, C4), materials for
    recycling where waste is processed (A5, C3). When every module that could export the
    flow prints 0 while D credits it, either the output-flow row misses the modules where
    the flow arises or D credits a flow the system never exports. Judged only when the row
    prints a number (zero) in D's source modules, A5, C3 or C4: a module not declared is
    not a zero. Exported electricity and heat are one family: tools split one
    incineration's energy between them differently, so either exported outside D covers
    both.

    Example: EEE A1-A3 … C4 all 0.00E+00, D 3.59E+00 MJ.
    """
    rows = _rows(ctx.report, set(OUTPUT_FLOWS))
    by_basis: dict[str, list[tuple[str, MatrixValue, list[str]]]] = {}
    for (basis, indicator), row in rows.items():
        d = row.get("D")
        if d is None:
            continue
        others = {m: v for m, v in row.items() if m != "D"}
        sources = [m for m in others if any(p in _LEAVING for p in m.split("-"))]
        if not sources:
            continue  # the modules where the flow would leave are not declared
        # Electrical and thermal energy come from the same incineration and tools split them
        # differently: exported energy of either kind outside D is an export.
        family = _ENERGY if indicator in _ENERGY else (indicator,)
        exported = any(
            v.number.value != 0
            for i in family
            for m, v in rows.get((basis, i), {}).items()
            if m != "D"
        )
        only_d = d.number.value != 0 and not exported
        ctx.count(not only_d)
        if only_d:
            by_basis.setdefault(basis, []).append((indicator, d, sources))
    for flows in by_basis.values():
        shown = "; ".join(f"{i} D {d.number.text}" for i, d, _ in flows)
        names = ", ".join(f"{i} ({OUTPUT_FLOWS[i]})" for i, _, _ in flows)
        modules = ", ".join(dict.fromkeys(m for _, _, sources in flows for m in sources))
        yield ctx.finding(
            "EP032",
            message=(
                f"{names} {'is' if len(flows) == 1 else 'are'} declared only in module D "
                f"({shown}), while {modules} and every other module print 0. Module D credits "
                "flows that leave the system in modules A-C; a flow credited in D must appear "
                "in the module where it is exported (incineration or recycling in A5, C3, C4)."
            ),
            message_zh=(
                f"{names} 仅在模块 D 中申报（{shown}），而 {modules} 及其他模块均为 0。模块 D "
                "计入的是在 A-C 模块离开系统的流；D 中计入的流必须出现在其输出的模块（A5、C3、C4 的焚烧或回收）。"
            ),
            locations=[quoted(d) for _, d, _ in flows],
            reported=shown,
            expected=f"the same flows in the modules where they leave the system ({modules})",
        )


_TERRESTRIAL, _MARINE = "EP-terrestrial", "EP-marine"


def _world_ratio() -> Fraction:
    """EP-terrestrial over EP-marine of the whole world economy (EF 3.0 normalisation
    factors, shipped with their source in epd_indicator_ranges.csv): about 9."""
    typical = ranges()
    return typical[_TERRESTRIAL][0] / typical[_MARINE][0]


@rule("EP033")
def terrestrial_below_marine(ctx: RuleContext) -> Iterator[Finding]:
    """EP-terrestrial (mol N eq.) is printed smaller than EP-marine (kg N eq.) in the
    production stage.

    The EF 3.0 global normalisation factors put the whole world economy, farming and
    sewage included, at 177 mol N eq. of terrestrial and 19.5 kg N eq. of marine
    eutrophication per person and year: terrestrial is about nine times marine. Nitrogen
    emitted to air (combustion, kilns, ammonia) counts in both, nitrogen emitted to water
    in marine only. A production stage whose terrestrial value is below its marine value
    would need its nitrogen to go mainly to water, which is rare for a manufactured product;
    rows swapped, a unit mistaken (kg N eq. for mol N eq.) or values typed in by hand are
    more likely. An info: wastewater or fertiliser leaching can make it true.

    Example: A1-A3 EP-terrestrial 7.00E-03 mol N eq., EP-marine 1.00E-02 kg N eq.
    """
    rows = _rows(ctx.report, {_TERRESTRIAL, _MARINE})
    for basis in dict.fromkeys(b for b, _ in rows):
        terrestrial, marine = rows.get((basis, _TERRESTRIAL)), rows.get((basis, _MARINE))
        if not terrestrial or not marine:
            continue
        production = next((m for m in _PRODUCTION if m in terrestrial and m in marine), None)
        if production is None:
            continue
        t, m = terrestrial[production], marine[production]
        if t.number.value <= 0 or m.number.value <= 0 or _unit_mismatch(t, m):
            continue
        below = t.number.value < m.number.value
        ctx.count(not below)
        if not below:
            continue
        also = [
            k
            for k in terrestrial
            if k != production and k in marine
            and 0 < terrestrial[k].number.value < marine[k].number.value
        ]  # fmt: skip
        world = fmt_sig(_world_ratio(), 2)
        yield ctx.finding(
            "EP033",
            message=(
                f"EP-terrestrial {t.number.text} mol N eq. is below EP-marine {m.number.text} "
                f"kg N eq. in {production}"
                + (f" (also in {', '.join(also)})" if also else "")
                + f". For the world economy terrestrial eutrophication is about {world} times "
                "marine (EF 3.0 normalisation factors), because nitrogen emitted to air counts "
                "in both; check for swapped rows, a unit slip or values typed in by hand "
                "(nitrogen emitted mainly to water could explain it)."
            ),
            message_zh=(
                f"{production} 的 EP-terrestrial {t.number.text} mol N eq. 小于 EP-marine "
                f"{m.number.text} kg N eq."
                + (f"（{', '.join(also)} 亦然）" if also else "")
                + f"。就全球经济而言，陆地富营养化约为海洋富营养化的 {world} 倍（EF 3.0 归一化因子），"
                "因为排入空气的氮同时计入两者；请核查行是否互换、单位是否有误或数值是否为手填"
                "（氮主要排入水体时可能成立）。"
            ),
            locations=[quoted(t), quoted(m)],
            reported=f"EP-terrestrial {t.number.text} < EP-marine {m.number.text} ({production})",
            expected=f"EP-terrestrial above EP-marine (about {world} times for the world economy)",
        )


def _unit_mismatch(terrestrial: MatrixValue, marine: MatrixValue) -> bool:
    """Units other than EF 3.0's (mol N eq. and kg N eq.): another method, not comparable."""
    return (terrestrial.unit not in (None, "molNe")) or (marine.unit not in (None, "kgNe"))
