"""UN006 and AR014: printed formulas checked against the report's own units and tables.
Reports written for these tests (symbol-only headers, Chinese prose results)."""

from __future__ import annotations

from pcfaudit.model import Finding
from pcfaudit.pipeline import audit

_INTRO = (
    "This study estimates the direct emissions of a small boiler plant from its fuel records "
    "for the reporting year, following the IPCC 2006 Guidelines for stationary combustion. "
)


def _rule(code: str, text: str) -> list[Finding]:
    return [f for f in audit(text.encode("utf-8"), name="r.md").findings if f.rule == code]


_EN = """# 1 Scope

{intro}

# 2 Method

Emissions are computed as

CE = FC × NCV × CC × 44/12

where CE is the CO2 emission of a fuel, FC is the fuel consumed, NCV is its net calorific value and CC its carbon content.

Table 3 Fuel emissions

| Fuel | FC (t) | NCV (GJ/t) | CC (t C/GJ) | CE ({unit}) |
| --- | --- | --- | --- | --- |
| Diesel | 120.0 | 43.0 | 0.0202 | {diesel} |
| Gasoline | 80.0 | 44.3 | 0.0189 | {gasoline} |
| Coal | 200.0 | 20.9 | 0.0258 | {coal} |
"""


def test_table_that_drops_the_formulas_44_12_on_every_row() -> None:
    text = _EN.format(intro=_INTRO, unit="t", diesel="104.2", gasoline="66.98", coal="107.8")
    (f,) = _rule("AR014", text)
    assert f.reported == "104.2"
    assert f.expected == "382.184"  # 120.0 × 43.0 × 0.0202 × 44/12
    assert "12/44" in f.message
    assert f.locations[0].row is not None  # the table cell, then the formula


def test_table_that_follows_its_formula_is_silent() -> None:
    text = _EN.format(intro=_INTRO, unit="t", diesel="382.2", gasoline="245.6", coal="395.4")
    assert _rule("AR014", text) == []
    assert _rule("UN006", text) == []


def test_result_column_of_a_44_12_formula_labelled_carbon() -> None:
    text = _EN.format(intro=_INTRO, unit="t C", diesel="382.2", gasoline="245.6", coal="395.4")
    (f,) = _rule("UN006", text)
    assert "44/12" in f.message and "CE (t C)" in f.message
    assert _rule("AR014", text) == []  # the values do follow the formula


def test_result_column_in_co2_is_silent() -> None:
    text = _EN.format(intro=_INTRO, unit="t CO2", diesel="382.2", gasoline="245.6", coal="395.4")
    assert _rule("UN006", text) == []


_ZH = """# 1 研究方法

本文依据 IPCC（2006）方法核算某市 2010—2020 年能源消费碳排放，计算公式为：

E = ∑ Ri × Ki × θ

式中：E 为能源消费碳排放量；R 为各类能源消费量；K 为碳排放系数；θ 为转换系数（44/12）。

# 2 结果

2010—2020 年该市能源消费碳排放持续上升，单位产值碳排放量由 2010 年的 {a} 下降到 2020 年的 {b}。
该市森林碳储量约为 1.52 t C/hm²，土壤有机碳储量较为稳定。
"""


def test_results_in_carbon_units_after_a_formula_that_multiplies_by_44_12() -> None:
    text = _ZH.format(a="1.32 t C/万元", b="0.86 t C/万元")
    (f,) = _rule("UN006", text)
    assert f.reported == "1.32 t C/万元"
    assert "44/12" in f.message


def test_results_in_co2_units_and_a_carbon_stock_in_c_are_silent() -> None:
    # The carbon stock is in carbon, but it is not an emission the formula defines.
    assert _rule("UN006", _ZH.format(a="1.32 t CO2/万元", b="0.86 t CO2/万元")) == []


_N2O = """# 1 方法

本研究按 IPCC 方法估算稻田施肥引起的氧化亚氮直接排放，并按 100 年全球增温潜势折算为二氧化碳当量，用于比较不同施肥处理的增温效应。

E = N × EF × 44/28 × 298

式中：E 为 N2O 排放当量；N 为施氮量；EF 为排放系数。

表 2 各处理 N2O 排放

| 处理 | 施氮量 N (kg/hm²) | 排放系数 EF | 排放当量 E (kg/hm²) |
| --- | --- | --- | --- |
| 常规施肥 | 200 | 0.0100 | {a} |
| 减量施肥 | 150 | 0.0100 | {b} |
| 有机替代 | 120 | 0.0080 | {c} |
"""


def test_n2o_column_without_the_formulas_44_28() -> None:
    # 200 × 0.01 × 44/28 × 298 = 936.57; printed 596.0 = without 44/28.
    (f,) = _rule("AR014", _N2O.format(a="596.0", b="447.0", c="286.1"))
    assert f.reported == "596.0"
    assert "28/44" in f.message


def test_n2o_column_that_follows_the_formula_is_silent() -> None:
    assert _rule("AR014", _N2O.format(a="936.6", b="702.4", c="449.6")) == []
