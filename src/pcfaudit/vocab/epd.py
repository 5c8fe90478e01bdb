"""EN 15804 vocabulary: life-cycle modules, the GWP parts, and what unit each indicator is
declared in. Shared by interpret (reading matrices), recompute (module sums) and rules."""

from __future__ import annotations

from pcfaudit.model import Statement, StatementKind

GWP_PARTS = ("GWP-fossil", "GWP-biogenic", "GWP-luluc")

ALL_MODULES = (
    "A1", "A2", "A3", "A4", "A5", "B1", "B2", "B3", "B4", "B5", "B6", "B7",
    "C1", "C2", "C3", "C4", "D",
)  # fmt: skip


def parts_of(module: str) -> list[str]:
    """The single modules an aggregated module spans: 'A1-A3' → ['A1', 'A2', 'A3']."""
    if "-" not in module:
        return [module] if module in ALL_MODULES else []
    first, last = module.split("-")
    i, j = ALL_MODULES.index(first), ALL_MODULES.index(last)
    return list(ALL_MODULES[i : j + 1])


# Expected unit family of each indicator (see unit_family); indicators not listed are free.
EXPECTED_FAMILY: dict[str, str] = {
    "GWP-total": "co2e",
    "GWP-fossil": "co2e",
    "GWP-biogenic": "co2e",
    "GWP-luluc": "co2e",
    "GWP-GHG": "co2e",
    "GWP": "co2e",
    "ADPF": "energy",
    "PERE": "energy",
    "PERM": "energy",
    "PERT": "energy",
    "PENRE": "energy",
    "PENRM": "energy",
    "PENRT": "energy",
    "RSF": "energy",
    "NRSF": "energy",
    "EEE": "energy",
    "EET": "energy",
    "HWD": "mass",
    "NHWD": "mass",
    "RWD": "mass",
    "CRU": "mass",
    "MFR": "mass",
    "MER": "mass",
    "SM": "mass",
    "biogenic-carbon": "carbon",
}

# Reference substance of each indicator's unit (see normalise_unit): a row labelled AP in
# kg CFC-11 eq. carries another indicator's values (or its label is swapped).
EXPECTED_REFERENCE: dict[str, frozenset[str]] = {
    "ODP": frozenset({"kgCFC11e"}),
    "AP": frozenset({"molH+e", "kgSO2e"}),
    "EP-freshwater": frozenset({"kgPe", "kgPO4e"}),
    "EP-marine": frozenset({"kgNe"}),
    "EP-terrestrial": frozenset({"molNe"}),
    "EP": frozenset({"kgPO4e", "kgPe", "kgNe"}),
    "POCP": frozenset({"kgNMVOCe", "kgC2H4e"}),
    "ADPE": frozenset({"kgSbe"}),
}


def indicator_unit_family(unit: str | None) -> str | None:
    """'co2e' (a CO2 mass is counted too: 'kg CO2' for GWP), 'energy', 'mass', 'volume',
    'carbon', 'other' (another reference substance), or None when unknown."""
    if unit is None:
        return None
    if unit.endswith("CO2e") or unit.endswith("CO2"):
        return "co2e"
    if unit in {"MJ", "GJ", "kWh", "MWh", "kJ"}:
        return "energy"
    if unit in {"kg", "t", "g"}:
        return "mass"
    if unit == "m3":
        return "volume"
    if unit == "kgC":
        return "carbon"
    return "other"


def declared_unit_key(st: Statement) -> tuple[str, str] | None:
    """(amount as printed without trailing zeros, unit) of an epd-declared-unit statement."""
    if st.kind is not StatementKind.EPD_DECLARED_UNIT or not st.values or not st.subject:
        return None
    return (format(st.values[0].value.normalize(), "f"), st.subject)


# Packaging materials that hold biogenic carbon (paper, board, wood), as packaging tables
# name them; a material named with one of these words is fibre-based.
FIBRE_PACKAGING = (
    "cardboard", "carton", "paper", "board", "corrugated", "kraft", "wood", "pallet", "timber",
    "纸", "木",
)  # fmt: skip
