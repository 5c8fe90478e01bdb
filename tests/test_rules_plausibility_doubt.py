"""PL002 does not read a gas mass × GWP row as a material's emission intensity (issue 18).
Inputs written for these tests, zh + en."""

from __future__ import annotations

from pcfaudit.model import Finding
from pcfaudit.pipeline import audit


def _pl002(text: str, name: str) -> list[Finding]:
    return [f for f in audit(text.encode("utf-8"), name=name).findings if f.rule == "PL002"]


_ZH = """某某食品有限公司 产品碳足迹报告

1 目标与范围

本报告的功能单位为 1 吨速冻水饺。系统边界为“从摇篮到大门”。GWP 采用 IPCC AR5，CH4 为 28，N2O 为 265。

2 碳足迹计算

表 2-1 碳足迹数据计算

项目	数量	单位	排放量 (kgCO2e)
面粉	620	kg	409.2
猪肉	180	kg	1080
自来水	3.5	t	1.05
污水处理甲烷逸散	1.2	kg	33.6
{extra}合计			1523.85
"""

_EN = """# Carbon footprint of a brewery's lager

The functional unit is 1 hl of lager. The boundary is cradle-to-gate; GWP values of IPCC AR4.

| Item | Quantity | Unit | kg CO2e |
|---|---|---|---|
| Malt | 16.5 | kg | 9.90 |
| Wastewater methane | 2.50 | kg | 62.5 |
| Wastewater nitrous oxide | 0.040 | kg | 11.92 |
{extra}| Total | | | 84.32 |
"""


def test_zh_methane_row_is_mass_times_gwp_not_an_intensity():
    assert _pl002(_ZH.format(extra=""), "dumplings.txt") == []


def test_en_methane_and_nitrous_oxide_rows_are_not_intensities():
    assert _pl002(_EN.format(extra=""), "lager.md") == []


def test_zh_wastewater_far_above_its_range_is_still_reported():
    found = _pl002(_ZH.format(extra="污水处理\t12.0\tm3\t200\n"), "dumplings.txt")
    assert [f.reported for f in found] == ["16.7 kgCO2e/m3"]


def test_en_wastewater_far_above_its_range_is_still_reported():
    found = _pl002(_EN.format(extra="| Wastewater treatment | 12.0 | m3 | 200 |\n"), "lager.md")
    assert [(f.reported, f.severity) for f in found] == [("16.7 kgCO2e/m3", "warning")]
