"""Regenerate ``data/gwp.csv`` from the ``globalwarmingpotentials`` package (CC0).

Run ``python -m pcfaudit.reference.build_gwp`` after upgrading the package; review the diff.
The package is the source of every SAR/TAR/AR4/AR5/AR5-CCF/AR6 value it has; the few values it
lacks (CO2 itself, fossil / non-fossil methane, HFOs) are listed in ``EXTRA`` below, each with
its own source and a verified flag.
"""

from __future__ import annotations

import csv
import io
from pathlib import Path

import globalwarmingpotentials as gwp_package

# report key used by pcfaudit -> (package metric, upstream table the package cites)
REPORTS: dict[str, tuple[str, str]] = {
    "SAR": ("SARGWP100", "IPCC SAR (1995) via GHG Protocol GWP table (2016-02-16)"),
    "TAR": ("TARGWP100", "IPCC TAR WG1 Table 6.7 (2001)"),
    "AR4": ("AR4GWP100", "IPCC AR4 WG1 Table 2.14 (2007) via GHG Protocol GWP table (2016-02-16)"),
    "AR5": ("AR5GWP100", "IPCC AR5 WG1 Table 8.A.1 (2013), no climate-carbon feedback"),
    "AR5-CCF": (
        "AR5CCFGWP100",
        "IPCC AR5 WG1 Table 8.7 / 8.SM.16 (2013), with climate-carbon feedback",
    ),
    "AR6": ("AR6GWP100", "IPCC AR6 WG1 Table 7.SM.7 (2021)"),
}

# The document each report's values come from, as a reader would cite it (the package and
# the maintainers' notes stay in ``source``).
_GHG_TABLE = "; as tabulated in GHG Protocol, Global Warming Potential Values, 2016-02-16"


def _wg1(title: str, report: str, year: int, where: str = "") -> str:
    """An IPCC Working Group I report as a reader cites it, with the table when known."""
    at = f", {where}" if where else ""
    return f"IPCC, {title} (Contribution of Working Group I to the {report}){at}, {year}"


_AR5_TITLE = "Climate Change 2013: The Physical Science Basis"
CITATIONS: dict[str, str] = {
    "SAR": _wg1("Climate Change 1995: The Science of Climate Change", "Second Assessment Report",
                1995) + _GHG_TABLE,
    "TAR": _wg1("Climate Change 2001: The Scientific Basis", "Third Assessment Report", 2001,
                "Table 6.7"),
    "AR4": _wg1("Climate Change 2007: The Physical Science Basis", "Fourth Assessment Report",
                2007, "Table 2.14") + _GHG_TABLE,
    "AR5": _wg1(_AR5_TITLE, "Fifth Assessment Report", 2013, "Table 8.A.1"),
    "AR5-CCF": _wg1(_AR5_TITLE, "Fifth Assessment Report", 2013, "Table 8.7 and Table 8.SM.16"),
    "AR6": _wg1("Climate Change 2021: The Physical Science Basis", "Sixth Assessment Report", 2021,
                "Table 7.SM.7"),
}  # fmt: skip
_AR6_T715 = CITATIONS["AR6"].replace("Table 7.SM.7", "Table 7.15")
_F_GAS = (
    "Regulation (EU) No 517/2014 of the European Parliament and of the Council on fluorinated "
    "greenhouse gases, Annex IV, 2014"
)

# pcfaudit canonical gas key -> package key
GASES: dict[str, str] = {
    "CH4": "CH4",
    "N2O": "N2O",
    "SF6": "SF6",
    "NF3": "NF3",
    "CF4": "CF4",
    "C2F6": "C2F6",
    "C3F8": "C3F8",
    "c-C4F8": "cC4F8",
    "HFC-23": "HFC23",
    "HFC-32": "HFC32",
    "HFC-125": "HFC125",
    "HFC-134a": "HFC134a",
    "HFC-143a": "HFC143a",
    "HFC-152a": "HFC152a",
    "HFC-227ea": "HFC227ea",
    "HFC-236fa": "HFC236fa",
    "HFC-245fa": "HFC245fa",
    "HFC-365mfc": "HFC365mfc",
    "HFC-43-10mee": "HFC4310mee",
    "HCFC-22": "HCFC22",
    "HCFC-141b": "HCFC141b",
    "HCFC-142b": "HCFC142b",
    "CFC-11": "CFC11",
    "CFC-12": "CFC12",
}

_DEF = "definition: CO2 is the reference gas (GWP = 1)"
_T715 = "IPCC AR6 WG1 Table 7.15 (quoted in FLCAC-admin/LCIAformatter#106; GHG Protocol GWP table v2.0 2024)"
_AR5F = "IPCC AR5 WG1 Table 8.A.1 fossil methane (incl. CO2 from oxidation); seen in ORNL-AMO/VERIFI#2190"
_HFO = "not in globalwarmingpotentials; value from notes (reference-data.md 2)"

# (report, gas, value, source, verified, how); the citation follows from the source
# (_extra_citation)
EXTRA: list[tuple[str, str, str, str, str, str]] = [
    *[(r, "CO2", "1", _DEF, "yes", "definition") for r in REPORTS],
    ("AR6", "CH4-fossil", "29.8", _T715, "yes", "two independent quotations of Table 7.15"),
    ("AR6", "CH4-non-fossil", "27.0", _T715, "yes", "two independent quotations of Table 7.15"),
    ("AR5", "CH4-fossil", "30", _AR5F, "no", "single secondary source"),
    (
        "AR5",
        "CH4-non-fossil",
        "28",
        "IPCC AR5 WG1 Table 8.A.1 (same as CH4)",
        "yes",
        "equals AR5 CH4",
    ),
    ("AR5-CCF", "CH4-fossil", "36", "IPCC AR5 WG1 Table 8.A.1 with feedback", "no", "memory only"),
    (
        "AR4",
        "HFO-1234yf",
        "4",
        "EU F-gas Regulation 517/2014 Annex IV (AR4 itself has no HFOs); " + _HFO,
        "no",
        "not read in a primary source",
    ),
    (
        "AR4",
        "HFO-1234ze(E)",
        "7",
        "EU F-gas Regulation 517/2014 Annex IV (AR4 itself has no HFOs); " + _HFO,
        "no",
        "not read in a primary source",
    ),
    (
        "AR5",
        "HFO-1234yf",
        "0",
        "IPCC AR5 WG1 Table 8.A.1 gives '<1', taken as 0; " + _HFO,
        "no",
        "wording not re-read",
    ),
    (
        "AR5",
        "HFO-1234ze(E)",
        "0",
        "IPCC AR5 WG1 Table 8.A.1 gives '<1', taken as 0; " + _HFO,
        "no",
        "wording not re-read",
    ),
    ("AR6", "HFO-1234yf", "0.501", "IPCC AR6 WG1 Table 7.SM.7; " + _HFO, "no", "not re-read"),
    ("AR6", "HFO-1234ze(E)", "1.37", "IPCC AR6 WG1 Table 7.SM.7; " + _HFO, "no", "not re-read"),
]

HEADER = ["report", "gas", "gwp100", "source", "verified", "how", "citation"]


def _extra_citation(report: str, source: str) -> str:
    """The document an EXTRA row's source names; empty for the definition of CO2."""
    if source == _DEF:
        return ""
    if source.startswith("EU F-gas Regulation"):
        return _F_GAS
    if "Table 7.15" in source:
        return _AR6_T715
    if source.startswith("IPCC AR5 WG1 Table 8.A.1"):
        return CITATIONS["AR5"]
    if source.startswith("IPCC AR6 WG1 Table 7.SM.7"):
        return CITATIONS["AR6"]
    raise ValueError(f"no citation for the source of an extra {report} row: {source}")


def _fmt(value: float) -> str:
    """Shortest decimal text of a package float (the package stores e.g. 27.9, 1300.0)."""
    text = repr(value)
    return text[:-2] if text.endswith(".0") else text


def build_rows() -> list[list[str]]:
    version = gwp_package.__version__
    rows: list[list[str]] = []
    for report, (metric, table) in REPORTS.items():
        for gas, key in GASES.items():
            value = gwp_package.data[metric].get(key)
            if value is None:
                continue  # e.g. NF3 and HFC-245fa are absent from SAR: no row, not a zero
            source = f"globalwarmingpotentials {version} (CC0) {metric}[{key}] <- {table}"
            how = "package data; spot-checked against independent tables (reference-data.md 1.4)"
            rows.append([report, gas, _fmt(value), source, "yes", how, CITATIONS[report]])
    rows.extend([*extra, _extra_citation(extra[0], extra[3])] for extra in EXTRA)
    order = list(REPORTS)
    rows.sort(key=lambda r: (order.index(r[0]), r[1]))
    return rows


def render() -> str:
    out = io.StringIO()
    out.write("# generated by python -m pcfaudit.reference.build_gwp; do not edit by hand\n")
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(HEADER)
    writer.writerows(build_rows())
    return out.getvalue()


def main() -> None:
    target = Path(__file__).with_name("data") / "gwp.csv"
    target.write_text(render(), encoding="utf-8")
    print(f"wrote {target}")


if __name__ == "__main__":
    main()
