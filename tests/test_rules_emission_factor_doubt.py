"""EF002 accepts a grid factor labelled with the year of the notice that published it, and a
factor table's fuel row is no use of that fuel (issue 18). Inputs written for these tests."""

from __future__ import annotations

from pcfaudit.model import Finding
from pcfaudit.pipeline import audit


def _rules(text: str, name: str, *codes: str) -> list[Finding]:
    return [f for f in audit(text.encode("utf-8"), name=name).findings if f.rule in codes]


_ZH = """某某电子有限公司 产品碳足迹报告

1 目标与范围

本报告的功能单位为 1 台路由器。系统边界为“从摇篮到大门”。

2 数据来源

表 2-1 排放因子

排放源	排放因子	来源
外购电力	0.5568 tCO2/MWh（{label}）	生态环境部、国家统计局
柴油	3.096 tCO2/t	IPCC 2006

3 碳足迹计算

表 3-1 碳足迹数据计算

项目	消耗数据	单位	排放因子	CO2当量 (t)
外购电力	120	MWh	0.5568	66.816
合计				66.816
"""

_EN = """# Carbon footprint of a router

The functional unit is 1 router. The boundary is cradle-to-gate.

| Source | Emission factor | Reference |
|---|---|---|
| Purchased electricity | 0.5568 tCO2/MWh ({label}) | MEE / NBS |
| Natural gas | 2.162 kgCO2/m3 | IPCC 2006 |

| Item | Amount | Unit | Factor | t CO2 |
|---|---|---|---|---|
| Purchased electricity | 120 | MWh | 0.5568 | 66.816 |
| Total | | | | 66.816 |
"""


def test_zh_factor_labelled_with_its_notice_year_and_factor_row_are_silent():
    assert _rules(_ZH.format(label="全国电网平均，2024 年公告"), "a.txt", "EF002", "OM002") == []


def test_en_factor_labelled_with_its_publication_year_and_factor_row_are_silent():
    text = _EN.format(label="national grid average, published 2024")
    assert _rules(text, "a.md", "EF002", "OM002") == []


def test_zh_factor_labelled_with_a_grid_year_it_is_not_is_still_reported():
    [f] = _rules(_ZH.format(label="2023 年全国电网平均"), "b.txt", "EF002")
    assert f.reported == "0.5568" and f.expected == "0.5306"


def test_en_factor_labelled_with_a_grid_year_it_is_not_is_still_reported():
    [f] = _rules(_EN.format(label="2023 national grid average"), "b.md", "EF002")
    assert f.reported == "0.5568" and "2021" in f.message
