"""UN011: coefficients per kg of an input printed in a unit 10³ off their plausible size."""

from __future__ import annotations

from pcfaudit.pipeline import audit

# Value and unit in separate columns, English labels.
_EN = """# 2 Method

Table 2 Emission coefficients of inputs

| Input | Coefficient | Unit | Source |
|---|---|---|---|
| Urea (N fertilizer) | {urea} | {urea_unit} | literature |
| Herbicide | 18.0 | kg CO2e/kg | database |
| Mulch film | 2.9 | kg CO2e/kg | database |
"""

# Value and unit in one cell, Chinese labels, as converters print them.
_ZH = """# 1 方法

表1 农资碳排放系数

<table>
<tr><td>投入品</td><td>排放系数</td></tr>
<tr><td>钾肥</td><td>{potash}</td></tr>
<tr><td>农药</td><td>4.9341 kg·kg-1</td></tr>
<tr><td>柴油</td><td>{diesel}</td></tr>
</table>
"""


def _un011(text: str) -> list:
    return [f for f in audit(text.encode("utf-8"), name="r.md").findings if f.rule == "UN011"]


def test_en_coefficient_per_kg_that_is_per_tonne() -> None:
    (f,) = _un011(_EN.format(urea="4500", urea_unit="kg CO2e/kg"))
    assert f.severity == "warning" and f.category == "units"
    assert f.reported == "Urea (N fertilizer) 4500 kg·kg⁻¹"
    assert f.expected == "Urea (N fertilizer) 4.5 kg·kg⁻¹"
    assert "kg/t" in f.message
    assert [loc.quote for loc in f.locations] == ["Urea (N fertilizer) | 4500"]


def test_zh_per_tonne_and_gram_slips_in_one_table() -> None:
    (f,) = _un011(_ZH.format(potash="120.28 kg·kg-1", diesel="0.5927 g·kg-1"))
    assert f.reported == "钾肥 120.28 kg·kg⁻¹; 柴油 0.5927 g·kg⁻¹ = 0.0005927 kg·kg⁻¹"
    assert f.expected == "钾肥 0.12028 kg·kg⁻¹; 柴油 0.5927 kg·kg⁻¹"
    assert len(f.locations) == 2


def test_plausible_coefficients_are_silent() -> None:
    assert _un011(_EN.format(urea="4.5", urea_unit="kg CO2e/kg")) == []
    assert _un011(_EN.format(urea="4500", urea_unit="kg CO2e/t")) == []
    assert _un011(_ZH.format(potash="0.12 kg·kg-1", diesel="0.5927 kg·kg-1")) == []
