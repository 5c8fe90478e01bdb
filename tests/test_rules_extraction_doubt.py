"""EX001 never blames images for tables it read as text (issue 18). Inputs written for
these tests, zh + en."""

from __future__ import annotations

from decimal import Decimal

from bnst_helpers import run, stats
from pcfaudit.model import (
    BoundaryClaim,
    BoundaryType,
    ExtractionStats,
    FunctionalUnitStatement,
    Location,
    Mention,
    Number,
    Report,
    UnreadRegion,
)
from pcfaudit.pipeline import audit


def _ex001(text: str, name: str) -> list:
    return [f for f in audit(text.encode("utf-8"), name=name).findings if f.rule == "EX001"]


_ZH = """某县农田系统碳排放时序分析

1 研究方法

本研究核算边界为县域农田生产系统，GWP 采用 IPCC AR5 的 100 年值，CH4 为 28，N2O 为 265。
农田碳源包括化肥、农药、农膜的生产与使用，农业机械消耗的柴油，以及灌溉消耗的电能。各类投入量取自
历年统计年鉴，排放系数取自国内外文献。为了分析碳排放的时间变化，本研究计算了 2015—2019 年逐年排放量，
并按碳源分类汇总。结果以万吨二氧化碳当量表示，年际变化以年均增长率描述。统计年鉴中缺失的个别年份数据
采用相邻年份的线性插值补齐，插值年份在表中未作特别标注，其对合计的影响小于百分之一。

2 结果

表 2 2015—2019 年各类碳源排放量（万 t）

年份	化肥	农药	农膜	柴油	灌溉	合计
2015	12.31	3.02	1.15	4.20	2.08	22.76
2016	12.85	3.11	1.21	4.33	2.10	23.60
2017	13.02	3.20	1.19	4.41	2.15	23.97
2018	12.77	3.15	1.23	4.39	2.17	23.71
2019	12.60	3.09	1.26	4.45	2.20	23.60
"""

_EN = """# Carbon emissions of a regional orchard sector

## Method

The functional unit is 1 t of fruit. The system boundary is cradle-to-gate; GWP values are those of IPCC AR5 (100 years).
Inputs of fertiliser, pesticide, diesel and irrigation electricity come from the regional
statistical yearbooks, and each is converted to CO2-equivalent emissions with coefficients
from the literature. Emissions are summed by source and by year, in thousand tonnes of CO2e,
to describe how the sector's footprint changed over three seasons. Missing years in the
yearbooks were filled by linear interpolation between neighbouring years.

## Results

| Year | Fertiliser | Pesticide | Diesel | Irrigation | Total |
|---|---|---|---|---|---|
| 2018 | 10.2 | 2.1 | 3.4 | 1.9 | 17.6 |
| 2019 | 10.8 | 2.2 | 3.5 | 2.0 | 18.5 |
| 2020 | 11.1 | 2.2 | 3.6 | 2.0 | 18.9 |
"""


def _never_images(text: str, name: str, total: str) -> None:
    """The table's total column is checked as the sum of the sources (it holds on every
    row): the tables were audited, so EX001 is coverage at info, never 'could not read'."""
    found = _ex001(text, name)
    assert len(found) == 1
    for f in found:
        assert f.severity == "info"
        assert "image" not in (f.likely_cause or "") and "图片" not in (f.likely_cause_zh or "")
        assert "read as text and their arithmetic was audited" in f.message
        assert f"column {total}: sum of columns" in f.message
        assert "emission-factor checks did not run" in f.message


def test_zh_text_table_not_recognised_is_no_image_and_no_error():
    _never_images(_ZH, "county.txt", "合计")


def test_en_text_table_not_recognised_is_no_image_and_no_error():
    _never_images(_EN, "orchard.md", "Total")


def test_a_text_table_whose_columns_obey_no_relation_still_says_the_checks_could_not_run():
    # Negative: the same study whose only table names the data sources (no numbers to check).
    text = _ZH.split("年份\t")[0] + (
        "地区\t类型\t来源\n甲县\t平原\t统计年鉴\n乙县\t丘陵\t统计年鉴\n丙县\t山地\t入户调查\n\n"
        "各县的化肥、农药、农膜、柴油和灌溉用电数据均取自当年统计年鉴，缺失部分由入户调查补充，"
        "调查覆盖各县主要乡镇的种植户，问卷内容包括作物种类、播种面积、化肥和农药的施用量。\n"
    )
    [f] = _ex001(text, "county.txt")
    assert f.severity == "warning" and "could not run" in f.message


def test_without_any_table_the_report_still_could_not_be_audited():
    report = Report(
        title="Product carbon footprint report",
        boundary=[
            BoundaryClaim(BoundaryType.CRADLE_TO_GATE, Location(line=4, quote="cradle-to-gate"))
        ],
        functional_units=[
            FunctionalUnitStatement(
                Number("1", Decimal(1)), "unit", "unit", "chair", Location(line=3)
            )
        ],
    )
    found, _ = run(
        "EX001", report, document_stats=stats(5000), document_blocks=60, document_tables=0
    )
    assert [f.severity for f in found] == ["error"] and "image" in (found[0].likely_cause or "")


def _with_images(*pages: tuple[int, str]) -> ExtractionStats:
    s = stats(20000)
    s.unread = [UnreadRegion(page, "image", (0, 0, 500, 300), context) for page, context in pages]
    return s


def test_several_image_tables_are_one_finding_naming_each():
    regions = _with_images((11, "Potential environmental impact"), (12, "Use of resources"))
    found, _ = run("EX005", Report(), document_stats=regions, document_blocks=90)
    [f] = found
    assert f.severity == "warning" and "2 tables or pages are images" in f.message
    assert [loc.page for loc in f.locations] == [11, 12]
    assert "p. 11 'Potential environmental impact'; p. 12 'Use of resources'" in f.message


def test_one_image_table_keeps_its_own_finding():
    found, _ = run(
        "EX005", Report(), document_stats=_with_images((3, "Results")), document_blocks=9
    )
    assert len(found) == 1 and "A table on p. 3 under 'Results'" in found[0].message


def test_pictures_the_ocr_budget_left_unread_say_so_instead_of_install_ocr():
    regions = _with_images((11, "Potential environmental impact"), (12, "Use of resources"))
    regions.unread[1].ocr, regions.unread[0].ocr_skipped = True, "budget"
    [f] = run("EX005", Report(), document_stats=regions, document_blocks=90)[0]
    assert "A table on p. 11" in f.message and "p. 12" not in f.message  # p. 12 was read
    assert "PCFAUDIT_OCR_MEGAPIXELS" in f.message and "install" not in f.message
    assert "PCFAUDIT_OCR_MEGAPIXELS" in f.message_zh
    # Without the extra the advice is to install it.
    [f] = run("EX005", Report(), document_stats=_with_images((3, "")), document_blocks=9)[0]
    assert "install the OCR extra (pcfaudit[ocr])" in f.message


def test_no_inventory_with_image_tables_leaves_the_saying_to_ex005():
    report = Report(
        title="Environmental product declaration: carbon footprint",
        boundary=[
            BoundaryClaim(BoundaryType.CRADLE_TO_GATE, Location(line=4, quote="cradle to gate"))
        ],
    )
    regions = _with_images((11, "Potential environmental impact"))
    found, ctx = run(
        "EX001", report, document_stats=regions, document_blocks=90, document_tables=12
    )
    assert found == [] and ctx.tally.cannot_tell == 1


def _fuel(i: int) -> Mention:
    return Mention("fuel", "coal", "煤炭", Location(line=10 + i, quote="煤炭消费量"))


def test_a_carbon_study_with_one_signal_and_many_sources_is_not_passed_silently():
    report = Report(title="城市能源消费碳排放因素分解研究", mentions=[_fuel(i) for i in range(6)])
    found, _ = run(
        "EX001", report, document_stats=stats(20000), document_blocks=90, document_tables=4
    )
    [f] = found
    assert f.severity == "warning" and "4 table(s) were read as text" in f.message


def test_one_signal_without_sources_is_left_to_ex002():
    report = Report(title="城市能源消费碳排放因素分解研究", mentions=[_fuel(0)])
    found, ctx = run(
        "EX001", report, document_stats=stats(20000), document_blocks=90, document_tables=4
    )
    assert found == [] and ctx.tally.cannot_tell == 1
