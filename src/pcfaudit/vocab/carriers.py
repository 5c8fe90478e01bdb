"""Energy carriers and fuels as inventory labels and prose name them.

``carrier_of`` reads an inventory label (interpret stores it on ``InventoryLine.carrier``);
``CARRIER_WORDS`` reads the words around a quoted emission factor. Both give the same keys,
so a quoted factor and a table line compare: heat and steam are one carrier ("steam"),
liquefied petroleum gas is "lpg".
"""

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
        regex.compile(r"电力|用电|外购电|电网|^\s*电\s*$|电\s*[(（]|electricity|\bpower\b|grid", regex.I),
    ),
]


def carrier_of(text: str) -> str | None:
    """The energy carrier or fuel a label names: '电力(MWh) (生产、办公)' → 'electricity',
    '原材料运输 耗费柴油量 (t)' → 'diesel', 'Natural gas (m³)' → 'natural-gas'."""
    for key, pattern in _CARRIERS:
        if pattern.search(text):
            return key
    return None


# Carriers of emission factors, for FactorQuote.carrier (the keys carrier_of gives).
CARRIER_WORDS: list[tuple[str, str]] = [
    (
        "electricity",
        r"电网|电力|電力|用电|外购电|(?<![a-z])电(?![机器子池梯线缆脑视话])|electricity|grid|\bpower\b|kWh|MWh",
    ),
    ("natural-gas", r"天然气|natural\s+gas"),
    ("diesel", r"柴油|diesel"),
    ("gasoline", r"汽油|gasoline|petrol"),
    ("steam", r"蒸汽|steam|热力|heat"),
    ("refrigerant", r"制冷剂|冷媒|refrigerant|R-?\d{3}[A-Za-z]?"),
    ("coal", r"(?<!标准)煤(?!油)|coal"),
    ("lpg", r"液化石油气|LPG"),
    ("water", r"自来水|用水|(?<![废污])水(?![泥库平])|tap\s+water|\bwater\b"),
    ("transport", r"运输|公路|货车|卡车|transport|truck|lorry|freight|t\s*·?\s*km|tkm"),
]
# Activity units in an emission factor's denominator → carrier when the words are silent.
DENOMINATOR_CARRIER: dict[str, str] = {
    "kwh": "electricity",
    "mwh": "electricity",
    "度": "electricity",
    "tkm": "transport",
    "t·km": "transport",
    "t km": "transport",
}
