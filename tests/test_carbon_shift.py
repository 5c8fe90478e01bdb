"""EF011: a column of fuel carbon contents pasted one row off against its fuel labels."""

from __future__ import annotations

from pcfaudit.pipeline import audit

_EN = """# 2 Method

Table 1 Fuel parameters

| Fuel | NCV (GJ/t) | Carbon content (tC/GJ) |
|---|---|---|
| Natural gas | 48.0 | 0.0153 |
| Coal | 20.9 | 0.0258 |
| Gasoline | 44.3 | {gasoline} |
| Diesel | 43.0 | {diesel} |
| Fuel oil | 40.4 | {fuel_oil} |
| LPG | 47.3 | 0.0172 |
"""

# Fuels as columns, parameters as rows (the transpose of the layout above).
_ZH = """# 1 方法

表1 燃料参数

<table>
<tr><td>参数</td><td>原煤</td><td>焦炭</td><td>原油</td><td>汽油</td><td>煤油</td><td>天然气</td></tr>
<tr><td>低位发热量</td><td>20.908</td><td>28.435</td><td>41.816</td><td>43.070</td><td>43.070</td><td>38.931</td></tr>
<tr><td>单位热值含碳量 (tC/TJ)</td><td>26.37</td><td>29.42</td><td>{crude}</td><td>{gasoline}</td><td>{kerosene}</td><td>15.32</td></tr>
<tr><td>碳氧化率 (%)</td><td>94</td><td>93</td><td>98</td><td>98</td><td>98</td><td>99</td></tr>
</table>
"""


def _ef011(text: str) -> list:
    return [f for f in audit(text.encode("utf-8"), name="r.md").findings if f.rule == "EF011"]


def test_each_fuel_carrying_the_previous_rows_value_in_tc_per_gj() -> None:
    # gasoline prints coal's 25.8, diesel gasoline's 18.9, fuel oil diesel's 20.2.
    text = _EN.format(gasoline="0.0258", diesel="0.0189", fuel_oil="0.0202")
    (f,) = _ef011(text)
    assert f.severity == "warning" and f.category == "emission-factor"
    assert f.reported == "Gasoline 0.0258, Diesel 0.0189, Fuel oil 0.0202"
    assert f.expected == "Gasoline 18.9, Diesel 20.2, Fuel oil 21.1"
    assert "previous" in f.message and "shifted" in f.message
    assert [loc.row for loc in f.locations] == [3, 4, 5]


def test_chinese_transposed_table_shifted_to_the_next_fuel() -> None:
    text = _ZH.format(crude="18.9", gasoline="19.6", kerosene="15.3")
    (f,) = _ef011(text)
    assert f.reported == "原油 18.9, 汽油 19.6, 煤油 15.3"
    assert "原油 20.0" in (f.expected or "")


def test_own_defaults_are_silent() -> None:
    assert _ef011(_EN.format(gasoline="0.0189", diesel="0.0202", fuel_oil="0.0211")) == []
    assert _ef011(_ZH.format(crude="20.08", gasoline="18.90", kerosene="19.60")) == []


def test_one_country_specific_value_is_not_a_shift() -> None:
    # Diesel at gasoline's 18.9 alone: a run of one is a local factor, not a pasted column.
    assert _ef011(_EN.format(gasoline="0.0189", diesel="0.0189", fuel_oil="0.0211")) == []
