"""Greenhouse gases and refrigerants as reports name them (zh + en)."""

from __future__ import annotations

GAS_NAMES: dict[str, str] = {
    # canonical → regex of spellings
    "CO2": r"二氧化碳|carbon\s+dioxide|CO\s*2(?![\d])",
    "CH4": r"甲烷|methane|CH\s*4",
    "N2O": r"氧化亚氮|一氧化二氮|氧化二氮|笑气|nitrous\s+oxide|N\s*2\s*O",
    "SF6": r"六氟化硫|sulphur\s+hexafluoride|sulfur\s+hexafluoride|SF\s*6",
    "NF3": r"三氟化氮|nitrogen\s+trifluoride|NF\s*3",
    "CF4": r"四氟化碳|四氟甲烷|CF\s*4",
    "C2F6": r"六氟乙烷|C\s*2\s*F\s*6",
    "HFCs": r"氢氟碳化物|HFCs?(?![-\d])|hydrofluorocarbons?",
    "PFCs": r"全氟化碳|PFCs?(?![-\d])|perfluorocarbons?",
}

# A refrigerant's code: R-404A, R134a, HFC-32, HCFC-22.
REFRIGERANT_CODE = r"(?<![A-Za-z0-9])(?:R-?\d{2,4}[A-Za-z]{0,2}|HFC-?\d{2,3}[A-Za-z]{0,2}|HCFC-?\d{2,3}[A-Za-z]?)(?![A-Za-z0-9])"
