"""Energy carriers and fuels as inventory labels and prose name them."""

from __future__ import annotations

import regex

# Longest, most specific words first: "天然气" must not be read as "气".
_CARRIERS: list[tuple[str, regex.Pattern[str]]] = [
    ("natural-gas", regex.compile(r"天然气|natural\s*gas|\bLNG\b|\bCNG\b", regex.I)),
    ("diesel", regex.compile(r"柴油|diesel|gas\s*oil", regex.I)),
    ("gasoline", regex.compile(r"汽油|gasoline|petrol", regex.I)),
    ("lpg", regex.compile(r"液化石油气|\bLPG\b", regex.I)),
    ("coal", regex.compile(r"原煤|烟煤|无烟煤|(?<!焦)煤炭?(?!气)|\bcoal\b", regex.I)),
    ("steam", regex.compile(r"蒸汽|热力|steam|purchased\s*heat|district\s*heat", regex.I)),
    (
        "electricity",
        regex.compile(
            r"电力|用电|外购电|电网|^\s*电\s*$|电\s*[(（]|electricity|\bpower\b|grid", regex.I
        ),
    ),
]


def carrier_of(text: str) -> str | None:
    """The energy carrier or fuel a label names: '电力(MWh) (生产、办公)' → 'electricity',
    '原材料运输 耗费柴油量 (t)' → 'diesel', 'Natural gas (m³)' → 'natural-gas'."""
    for key, pattern in _CARRIERS:
        if pattern.search(text):
            return key
    return None
