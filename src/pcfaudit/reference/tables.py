"""Printable tables of a pack for ``pcfaudit reference --show …`` (headers, rows of strings)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from pcfaudit.reference.records import REPORTS

if TYPE_CHECKING:  # the pack renders itself through this module: no import at run time
    from pcfaudit.reference.pack import ReferencePack

SHOWS = ("gwp", "blends", "grid", "fuels", "ranges", "standards")


def _v(flag: bool) -> str:
    return "yes" if flag else "no"


def _gwp(pack: ReferencePack) -> tuple[list[str], list[list[str]]]:
    gases: list[str] = []
    for report in REPORTS:
        gases.extend(g for g in pack.gwp_table(report) if g not in gases)
    rows = []
    for gas in gases:
        cells = [pack.gwp_value(r, gas) for r in REPORTS]
        unverified = [r for r, c in zip(REPORTS, cells, strict=True) if c and not c.verified]
        rows.append([gas, *[str(c.value) if c else "—" for c in cells],
                     "no: " + ", ".join(unverified) if unverified else "yes"])  # fmt: skip
    return ["gas", *REPORTS, "verified"], rows


def _blends(pack: ReferencePack) -> tuple[list[str], list[list[str]]]:
    reports = ("AR4", "AR5", "AR6")
    rows = []
    for name in pack.blend_names():
        blend = pack.blend(name)
        assert blend is not None
        comp = " / ".join(f"{c.gas} {c.mass_pct}%" for c in blend.components)
        values = [pack.blend_gwp_value(name, r) for r in reports]
        cells = [f"{v.value.normalize():f}" + ("" if v.verified else "*") if v else "—"
                 for v in values]  # fmt: skip
        rows.append([blend.name, comp, *cells, _v(blend.verified)])
    return ["blend", "composition (mass %)", *(f"GWP {r}" for r in reports), "verified"], rows


def _grid(pack: ReferencePack) -> tuple[list[str], list[list[str]]]:
    rows = [[str(g.year), g.region, g.kind, str(g.value), g.unit, g.document, _v(g.verified)]
            for g in pack.grid_factors()]  # fmt: skip
    return ["year", "region", "kind", "value", "unit", "document", "verified"], rows


def _fuels(pack: ReferencePack) -> tuple[list[str], list[list[str]]]:
    rows = []
    for fuel in pack.fuels():
        for d in fuel.defaults:
            windows = "; ".join(f"{w.low}–{w.high} {w.unit}" for w in fuel.windows)
            rows.append([fuel.name, d.basis, f"{d.ncv} {d.ncv_unit}",
                         f"{d.co2_per_unit:.4f}",
                         d.unit, windows, _v(d.verified)])  # fmt: skip
    return ["fuel", "basis", "NCV", "CO2 factor", "unit", "plausible windows", "verified"], rows


def _ranges(pack: ReferencePack) -> tuple[list[str], list[list[str]]]:
    rows = [[r.key, str(r.low), str(r.high), r.unit, r.typical, r.covers, _v(r.verified)]
            for r in pack.ranges()]  # fmt: skip
    return ["item", "low", "high", "unit", "typical", "covers", "verified"], rows


def _standards(pack: ReferencePack) -> tuple[list[str], list[list[str]]]:
    rows = []
    for code in dict.fromkeys(e.code for e in pack.standards()):
        for e in pack.editions(code):
            rows.append([e.citation, e.status, e.superseded_by, e.scope, e.effective or e.published,
                         e.title, _v(e.verified)])  # fmt: skip
    return ["edition", "status", "superseded by", "scope", "effective", "title", "verified"], rows


def render(pack: ReferencePack, show: str) -> tuple[list[str], list[list[str]]]:
    makers = {"gwp": _gwp, "blends": _blends, "grid": _grid, "fuels": _fuels,
              "ranges": _ranges, "standards": _standards}  # fmt: skip
    if show not in makers:
        raise ValueError(f"unknown table {show!r}; choose one of {', '.join(SHOWS)}")
    return makers[show](pack)
