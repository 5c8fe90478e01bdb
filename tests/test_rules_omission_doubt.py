"""OM002 needs the text to say the studied system uses the source, and the source to be
absent under every label it could sit in (issue 18). Inputs written for these tests, zh + en."""

from __future__ import annotations

from pcfaudit.model import Finding
from pcfaudit.pipeline import audit

_ZH_HEAD = """某某五金制品有限公司 产品碳足迹报告

1 目标与范围

本报告的功能单位为 1 千件紧固件。系统边界为“从摇篮到大门”。

2 过程描述

冲压车间和热处理炉使用电力。
"""
_ZH_TABLE = """
3 碳足迹计算

表 3-1 碳足迹数据计算

项目	消耗数据	单位	排放因子	CO2当量 (kg)
冲压用电	1200	kWh	0.5810	697.2
钢丝	5.2	t	2100	10920
合计				11617.2
"""

_EN_HEAD = """# Product carbon footprint of a tomato crop

## 1 Goal and scope

The functional unit is 1 t of harvested tomatoes. The boundary is cradle-to-gate.

## 2 Description

"""
_EN_TABLE = """
## 3 Inventory

| Item | Amount | Unit | Factor | kg CO2e |
|---|---|---|---|---|
| Tillage | 35 | kg | 3.16 | 110.6 |
| Water supply | 800 | kWh | 0.60 | 480 |
| Fertiliser N | 120 | kg | 5.9 | 708 |
| Total | | | | 1298.6 |
"""


def _om002(text: str, name: str) -> list[Finding]:
    result = audit(text.encode("utf-8"), name=name)
    return [f for f in result.findings if f.rule == "OM002"]


def _named(findings: list[Finding], word: str) -> list[Finding]:
    return [f for f in findings if word in f.message]


def test_zh_grid_mix_literature_comparison_and_dataset_are_not_uses():
    prose = (
        "外购电力来自华东电网，其电源结构为燃煤 58%、天然气 7%、水电 20%、风电 9%、光伏 6%。\n"
        "研究表明，同类产品热处理采用天然气加热时排放可增加 30%[12]。\n"
        "与燃煤锅炉相比，电加热热处理炉的排放更低。\n"
        "柴油的排放因子取自 CLCD 数据库。\n"
    )
    assert _om002(_ZH_HEAD + prose + _ZH_TABLE, "mix.txt") == []


def test_zh_natural_gas_used_by_the_site_is_still_missing():
    prose = "退火工序使用天然气加热，年耗量见台账。\n"
    [f] = _om002(_ZH_HEAD + prose + _ZH_TABLE, "gas.txt")
    assert f.severity == "warning" and "natural gas" in f.message
    assert "退火工序使用天然气加热" in f.locations[0].quote


def test_en_grid_mix_and_dataset_name_are_not_uses():
    prose = (
        "The regional grid mix is coal 41 %, natural gas 22 %, nuclear 19 % and wind 18 %.\n\n"
        "Transport was modelled with the ecoinvent 3.9 dataset market for diesel {RER}.\n"
    )
    assert _om002(_EN_HEAD + prose + _EN_TABLE, "mix.md") == []


def test_en_source_counted_under_its_activity_or_unit_is_present():
    prose = (
        "Tillage and sowing are done with tractors burning diesel.\n\n"
        "Pumping water from the well uses electricity.\n"
    )
    assert _om002(_EN_HEAD + prose + _EN_TABLE, "activity.md") == []


def test_en_fuel_used_on_site_and_counted_nowhere_is_reported():
    prose = "The greenhouse is heated with natural gas from October to March.\n"
    [f] = _om002(_EN_HEAD + prose + _EN_TABLE, "heating.md")
    assert "natural gas" in f.message and "heated with natural gas" in f.locations[0].quote


def test_results_per_treatment_are_no_list_of_sources():
    text = """# Field trial: greenhouse gas balance of four tillage treatments

Irrigation water is pumped with electricity and the machines burn diesel.

| Treatment | GWP (kg CO2-eq/ha) |
|---|---|
| CT | 6188 |
| NT | 6502 |
| RT | 6718 |
| ST | 6537 |
"""
    assert _om002(text, "trial.md") == []


def test_results_per_named_input_are_a_list_of_sources():
    text = _ZH_HEAD.replace("冲压车间和热处理炉使用电力。", "热处理炉使用天然气加热。") + """
3 碳足迹计算

表 3-1 各项排放

项目	CO2当量 (kg)
钢丝	10920
包装纸箱	697.2
合计	11617.2
"""
    [f] = _om002(text, "results.txt")
    assert "natural gas" in f.message
