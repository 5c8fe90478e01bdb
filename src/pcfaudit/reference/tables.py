"""Printable tables of a pack for ``pcfaudit reference --show …`` (headers, rows of strings).

Each value is shown with the document it comes from (``citation``). The maintainers' notes
on where a value was read and how far it was checked (``source``/``document``, ``how``) are
columns only when asked for (``notes``: ``--notes`` and the JSON output)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from pcfaudit.reference.records import REPORTS

if TYPE_CHECKING:  # the pack renders itself through this module: no import at run time
    from pcfaudit.reference.pack import ReferencePack

SHOWS = ("gwp", "blends", "grid", "fuels", "ranges", "standards")


def _v(flag: bool) -> str:
    return "yes" if flag else "no"


Table = tuple[list[str], list[list[str]]]


def _gwp(pack: ReferencePack, notes: bool) -> Table:
    if notes:  # one row per value: each has its own source note
        rows = [[v.report, v.gas, str(v.value), _v(v.verified), v.citation, v.source, v.how]
                for report in REPORTS for v in pack.gwp_table(report).values()]  # fmt: skip
        return ["report", "gas", "gwp100", "verified", "citation", "source", "how"], rows
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


def gwp_citations(pack: ReferencePack) -> list[tuple[str, str]]:
    """(report, document) for each document the GWP values of a report come from: the wide
    GWP table has one value per report and gas, so its citations are listed under it."""
    out: list[tuple[str, str]] = []
    for report in REPORTS:
        gases: dict[str, list[str]] = {}
        for v in pack.gwp_table(report).values():
            if v.citation:
                gases.setdefault(v.citation, []).append(v.gas)
        main = max(gases, key=lambda c: len(gases[c]), default=None)
        for citation, named in gases.items():
            # A document that gives only a few of the report's values names them.
            label = report if citation == main else f"{report} ({', '.join(named)})"
            out.append((label, citation))
    return out


def _blends(pack: ReferencePack, notes: bool) -> Table:
    reports = ("AR4", "AR5", "AR6")
    rows = []
    for name in pack.blend_names():
        blend = pack.blend(name)
        assert blend is not None
        comp = " / ".join(f"{c.gas} {c.mass_pct}%" for c in blend.components)
        values = [pack.blend_gwp_value(name, r) for r in reports]
        cells = [f"{v.value.normalize():f}" + ("" if v.verified else "*") if v else "—"
                 for v in values]  # fmt: skip
        rows.append([blend.name, comp, *cells, _v(blend.verified), blend.citation,
                     *([blend.source, blend.how] if notes else [])])  # fmt: skip
    headers = ["blend", "composition (mass %)", *(f"GWP {r}" for r in reports), "verified"]
    return [*headers, "citation", *(["source", "how"] if notes else [])], rows


def _grid(pack: ReferencePack, notes: bool) -> Table:
    rows = [[str(g.year), g.region, g.kind, str(g.value), g.unit, _v(g.verified), g.citation,
             *([g.document, g.how, g.note] if notes else [])]
            for g in pack.grid_factors()]  # fmt: skip
    headers = ["year", "region", "kind", "value", "unit", "verified", "citation"]
    return [*headers, *(["document", "how", "note"] if notes else [])], rows


def _fuels(pack: ReferencePack, notes: bool) -> Table:
    rows = []
    for fuel in pack.fuels():
        for d in fuel.defaults:
            windows = "; ".join(f"{w.low}–{w.high} {w.unit}" for w in fuel.windows)
            rows.append([fuel.name, d.basis, f"{d.ncv} {d.ncv_unit}",
                         f"{d.co2_per_unit:.4f}",
                         d.unit, windows, _v(d.verified), d.citation,
                         *([d.source, d.how] if notes else [])])  # fmt: skip
    headers = ["fuel", "basis", "NCV", "CO2 factor", "unit", "plausible windows", "verified"]
    return [*headers, "citation", *(["source", "how"] if notes else [])], rows


def _ranges(pack: ReferencePack, notes: bool) -> Table:
    rows = [[r.key, str(r.low), str(r.high), r.unit, r.typical, r.covers, _v(r.verified),
             r.citation, *([r.source, r.how] if notes else [])]
            for r in pack.ranges()]  # fmt: skip
    headers = ["item", "low", "high", "unit", "typical", "covers", "verified", "citation"]
    return [*headers, *(["source", "how"] if notes else [])], rows


def _standards(pack: ReferencePack, notes: bool) -> Table:
    rows = []
    for code in dict.fromkeys(e.code for e in pack.standards()):
        for e in pack.editions(code):
            rows.append([e.designation, e.status, e.superseded_by, e.scope, e.effective or e.published,
                         e.title, _v(e.verified), e.citation,
                         *([e.source, e.how] if notes else [])])  # fmt: skip
    headers = ["edition", "status", "superseded by", "scope", "effective", "title", "verified"]
    return [*headers, "citation", *(["source", "how"] if notes else [])], rows


def render(pack: ReferencePack, show: str, notes: bool = False) -> Table:
    makers = {"gwp": _gwp, "blends": _blends, "grid": _grid, "fuels": _fuels,
              "ranges": _ranges, "standards": _standards}  # fmt: skip
    if show not in makers:
        raise ValueError(f"unknown table {show!r}; choose one of {', '.join(SHOWS)}")
    return makers[show](pack, notes)
