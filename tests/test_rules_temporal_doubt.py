"""TM003 takes a date for the report's only when it is introduced as one: a harvest or
sowing date in a field-trial description dates a field operation (issue 18). Inputs written
for these tests, zh + en."""

from __future__ import annotations

from pcfaudit.model import Finding
from pcfaudit.pipeline import audit


def _tm003(text: str, name: str) -> list[Finding]:
    return [f for f in audit(text.encode("utf-8"), name=name).findings if f.rule == "TM003"]


_ZH = """冬小麦不同施氮量下农田温室气体排放与碳足迹

{head}

1 材料与方法

本研究的功能单位为 1 kg 籽粒，系统边界为从摇篮到农场大门。田间试验设 3 个施氮水平，小区面积 30 m2。
冬小麦于 2019 年 10 月 12 日播种，{field}2020 年 6 月 8 日。
本研究在 2019 年 10 月至 2020 年 9 月进行数据收集，包括农资投入与温室气体通量观测。

2 结果

表 1 各处理碳足迹

处理	碳足迹 (kg CO2-eq/kg)
N0	0.41
N1	0.38
N2	0.45
"""

_EN = """# Carbon footprint of spring barley under three tillage systems

{head}

## Methods

The functional unit is 1 kg of grain; the boundary is cradle-to-gate. Barley was sown on
2 April 2020. {field}18 August 2020.

Data were collected from March 2020 to December 2020 on the three plots.

| Tillage | kg CO2e/kg |
|---|---|
| Plough | 0.52 |
| Reduced | 0.47 |
| Direct drilling | 0.44 |
"""


def test_zh_harvest_date_is_no_report_date():
    assert _tm003(_ZH.format(head="", field="收获日期："), "trial.txt") == []


def test_en_harvest_and_sampling_dates_are_no_report_date():
    assert _tm003(_EN.format(head="", field="Harvest date: "), "trial.md") == []
    assert _tm003(_EN.format(head="", field="Sampling date: "), "trial.md") == []


def test_zh_report_date_before_its_data_is_still_reported():
    found = _tm003(_ZH.format(head="日期：2020 年 6 月 8 日", field="收获于"), "report.txt")
    assert [f.reported for f in found] == ["2020-06-08"]


def test_en_report_date_before_its_data_is_still_reported():
    found = _tm003(_EN.format(head="Date: 18 August 2020", field="Harvested on "), "report.md")
    assert [f.reported for f in found] == ["2020-08-18"]


def test_only_unqualified_or_report_date_labels_introduce_the_report_date():
    from pcfaudit.interpret.claims_meta import _REPORT_LABEL

    for label in ("报告完成日期：", "完成日期：", "日期：", "Date:", "Report date:"):
        assert _REPORT_LABEL.search(label), label
    for label in ("试验完成日期：", "收获日期：", "播种日期：", "Harvest date:", "Sampling date:"):
        assert not _REPORT_LABEL.search(label), label
