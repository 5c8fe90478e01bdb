"""Every way reports print a unit, and the canonical unit each spelling stands for.

One table for every stage: the inventory, functional-unit statements, emission factors, EPD
matrices and the reference pack all read units through :func:`pcfaudit.vocab.units.normalise_unit`,
which looks spellings up here after folding them (NFKC, lower case, no spaces or brackets).
Adding a spelling is a one-line change; adding a unit also needs its size in ``units._SIZES``.
"""

from __future__ import annotations

# Printed spelling → canonical unit. Spellings with spaces are matched with the spaces removed.
SPELLINGS: dict[str, str] = {
    # mass
    "t": "t", "吨": "t", "噸": "t", "公吨": "t", "tonne": "t", "tonnes": "t", "ton": "t",
    "tons": "t", "metric ton": "t", "metric tons": "t", "万吨": "万t",
    "kg": "kg", "千克": "kg", "公斤": "kg", "kilogram": "kg", "kilograms": "kg",
    "g": "g", "克": "g", "gram": "g", "grams": "g",
    # length, area
    "km": "km", "公里": "km", "千米": "km", "kilometre": "km", "kilometer": "km",
    "m": "m", "米": "m", "metre": "m", "meter": "m", "metres": "m", "meters": "m",
    "m2": "m2", "平方米": "m2", "square metre": "m2", "square meter": "m2",
    # volume
    "m3": "m3", "立方米": "m3", "方": "m3", "cubic metre": "m3", "cubic meter": "m3",
    "nm3": "Nm3", "sm3": "Nm3", "标方": "Nm3", "标准立方米": "Nm3", "标立方米": "Nm3",
    "1000m3": "千m3", "1000nm3": "千m3", "10^3m3": "千m3", "10^3nm3": "千m3", "103m3": "千m3",
    "103nm3": "千m3", "千立方米": "千m3",
    "万m3": "万m3", "万立方米": "万m3", "万方": "万m3", "104m3": "万m3",  # "10⁴ m³" after NFKC
    "10^4m3": "万m3",
    "万nm3": "万Nm3", "万标立方米": "万Nm3", "10^4nm3": "万Nm3", "104nm3": "万Nm3",
    "l": "L", "升": "L", "litre": "L", "liter": "L",
    # energy
    "kwh": "kWh", "千瓦时": "kWh", "千瓦·时": "kWh", "度": "kWh",
    "mwh": "MWh", "兆瓦时": "MWh", "千千瓦时": "MWh", "gwh": "GWh",
    "万kwh": "万kWh", "万千瓦时": "万kWh", "万度": "万kWh", "10^4kwh": "万kWh", "104kwh": "万kWh",
    "kj": "kJ", "mj": "MJ", "兆焦": "MJ", "gj": "GJ", "吉焦": "GJ", "tj": "TJ", "太焦": "TJ",
    "toe": "toe", "吨油当量": "toe", "tce": "tce", "吨标煤": "tce", "吨标准煤": "tce",
    "kgce": "kgce", "千克标准煤": "kgce",
    # freight, power, time, ratios
    "t·km": "t·km", "t*km": "t·km", "tkm": "t·km", "t.km": "t·km", "t-km": "t·km",
    "吨公里": "t·km", "吨·公里": "t·km", "吨千米": "t·km", "公吨公里": "t·km",
    "kw": "kW", "千瓦": "kW", "h": "h", "小时": "h", "%": "%", "‰": "‰",
    # counts: kept distinct (a 台 is not a 件); English spellings fold to "unit"
    "台": "台", "臺": "台", "件": "件", "套": "套", "set": "套", "sets": "套", "个": "个",
    "個": "个", "只": "只", "块": "块", "塊": "块", "把": "把", "卷": "卷", "辆": "辆", "輛": "辆",
    "支": "支", "根": "根", "片": "片", "组": "组", "張": "张", "张": "张", "瓶": "瓶", "袋": "袋",
    "箱": "箱", "盒": "盒", "双": "双",
    "piece": "unit", "pieces": "unit", "pcs": "unit", "pc": "unit", "unit": "unit",
    "units": "unit", "item": "unit", "items": "unit", "each": "unit", "ea": "unit",
}  # fmt: skip

# The spellings a functional unit or declared unit is written in (a subset: "h", "%" or "tce"
# after a number do not make it a functional unit). Matched by interpret's unit regex.
FUNCTIONAL_UNIT_SPELLINGS: tuple[str, ...] = (
    "t", "吨", "噸", "公吨", "tonne", "tonnes", "ton", "tons", "metric ton", "metric tons",
    "kg", "千克", "公斤", "kilogram", "kilograms", "g", "克", "gram", "grams",
    "km", "公里", "千米", "kilometre", "kilometer", "m", "米", "metre", "meter", "metres", "meters",
    "m2", "平方米", "square metre", "square meter", "m3", "立方米", "cubic metre", "cubic meter",
    "l", "升", "litre", "liter", "kwh", "千瓦时", "度", "mwh", "兆瓦时", "mj", "兆焦", "gj", "吉焦",
    "台", "臺", "件", "套", "个", "個", "只", "块", "塊", "把", "卷", "辆", "輛", "支", "根", "片",
    "组", "張", "张", "瓶", "袋", "箱", "盒", "双", "unit", "units", "piece", "pieces", "pcs", "pc",
    "item", "items", "set", "sets",
)  # fmt: skip

# Mass prefixes of emission units ("kg" in "kgCO2e") and the gas words after them.
MASS_PREFIX: dict[str, str] = {
    "t": "t", "吨": "t", "公吨": "t", "tonne": "t", "万吨": "万t", "kg": "kg", "千克": "kg",
    "公斤": "kg", "g": "g", "克": "g",
}  # fmt: skip
# Reference substances of EPD impact units ("kg Sb eq", "mol H+ eq", "kg CFC-11 eq").
EPD_SUBSTANCES: dict[str, str] = {
    "co2": "CO2", "cfc11": "CFC11", "cfc-11": "CFC11", "nmvoc": "NMVOC", "sb": "Sb",
    "so2": "SO2", "po4": "PO4", "po43": "PO4", "c2h4": "C2H4", "p": "P", "n": "N", "h+": "H+",
}  # fmt: skip
