"""IPCC GWP tables by report, refrigerant blends, and the words tables use for text subjects."""

from __future__ import annotations

import unicodedata
from fractions import Fraction
from functools import cache

import regex

# --------------------------------------------------------------------------- GWP data


@cache
def gwp_tables() -> dict[str, dict[str, Fraction]]:
    """IPCC 100-year GWPs by report, from the ``globalwarmingpotentials`` package (CC0,
    openclimatedata; SAR/TAR/AR4/AR5/AR6 tables), keyed by a normalised gas name."""
    import globalwarmingpotentials as gwps

    out: dict[str, dict[str, Fraction]] = {}
    for report in ("SAR", "TAR", "AR4", "AR5", "AR6"):
        table = gwps.data.get(f"{report}GWP100", {})
        out[report] = {gas_key(k): Fraction(str(v)) for k, v in table.items()}
        out[report].setdefault("CO2", Fraction(1))
    return out


def gas_key(name: str) -> str:
    return regex.sub(r"[\s\-_]", "", unicodedata.normalize("NFKC", name)).upper()


def other_gwps(gas: str | None, used: Fraction) -> list[tuple[str, Fraction]]:
    """(report, value) for each IPCC report whose GWP for ``gas`` differs from ``used``."""
    if not gas:
        return []
    key, seen = gas_key(gas), {used}
    out = []
    for report, table in gwp_tables().items():
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
