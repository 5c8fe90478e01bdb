"""IPCC GWP tables by report and refrigerant blends (both read from the reference pack), and
the words tables use for text subjects."""

from __future__ import annotations

import unicodedata
from fractions import Fraction
from functools import cache

import regex

from pcfaudit.reference import load_pack

# --------------------------------------------------------------------------- GWP data

_REPORTS = ("SAR", "TAR", "AR4", "AR5", "AR6")


@cache
def gwp_tables() -> dict[str, dict[str, Fraction]]:
    """IPCC 100-year GWPs by report, keyed by a normalised gas name: the reference pack's
    ``gwp.csv`` (each value with its source), the one table every stage reads."""
    pack = load_pack()
    out: dict[str, dict[str, Fraction]] = {}
    for report in _REPORTS:
        table = {gas_key(gas): Fraction(str(v.value)) for gas, v in pack.gwp_table(report).items()}
        table.setdefault("CO2", Fraction(1))
        out[report] = table
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


def blend_fractions(name: str) -> dict[str, Fraction] | None:
    """Mass % by component gas (normalised key) of a refrigerant blend named ``name``, from
    the reference pack's ``blends.csv``; None for a pure substance or an unknown name."""
    blend = load_pack().blend(name)
    if blend is None or len(blend.components) < 2:
        return None
    return {gas_key(c.gas): Fraction(str(c.mass_pct)) for c in blend.components}


# Subject keys the interpreter gives → words a table label uses for them.
SUBJECT_WORDS: dict[str, tuple[str, ...]] = {
    "CO2-extinguisher": ("灭火器", "extinguisher"),
    "natural-gas": ("天然气", "natural gas"),
    "diesel": ("柴油", "diesel"),
    "gasoline": ("汽油", "gasoline", "petrol"),
    "electricity": ("电力", "electricity", "电"),
    "steam": ("蒸汽", "steam"),
}
