"""CN007: one labelled figure printed with two values (text and table, two tables, the end of
a series the text quotes). Reports written for these tests, in layouts the seeds lack."""

from __future__ import annotations

from pcfaudit.model import Finding
from pcfaudit.pipeline import audit


def _cn007(text: str, name: str = "r.md") -> list[Finding]:
    return [f for f in audit(text.encode("utf-8"), name=name).findings if f.rule == "CN007"]


_ZH = """# 摘要

本研究核算了产品的碳足迹。{abstract}

# 3 结果

表 3 各阶段排放

| 阶段 | 排放量 (t CO2e) |
| --- | --- |
| 原料获取 | 125.0 |
| 生产制造 | 80.2 |
| 运输 | 30.5 |
| 合计 | 235.7 |
"""


def test_abstract_figure_ten_times_the_table_is_named_as_a_tenfold_gap() -> None:
    (f,) = _cn007(
        _ZH.format(abstract="原料获取阶段的排放量为 1250 t CO2e，运输阶段为 30.5 t CO2e。")
    )
    assert (f.reported, f.expected) == ("1250", "125.0")
    assert f.severity == "warning"  # matched by label and unit only
    assert f.likely_cause is not None and "10" in f.likely_cause
    assert [loc.line for loc in f.locations] == [3, 11]  # the abstract, then the table cell


def test_abstract_figure_in_another_unit_that_converts_is_silent() -> None:
    # 0.0125 万t = 125 t.
    text = _ZH.format(
        abstract="原料获取阶段的排放量为 0.0125 万t CO2e，运输阶段的排放量约为 30.5 t CO2e。"
    )
    assert _cn007(text) == []


def test_range_and_cited_value_with_the_same_label_are_not_the_reports_figure() -> None:
    text = _ZH.format(
        abstract="文献中原料获取阶段的排放量为 1250 t CO2e [12]。原料获取阶段的排放量为 100~150 t CO2e。"
    )
    assert _cn007(text) == []


def test_figures_attributed_to_other_work_are_not_the_reports_figure() -> None:
    for sentence in (
        "有学者测算，原料获取阶段的排放量为 1250 t CO2e。",
        "据报道，原料获取阶段的排放量为 1250 t CO2e。",
        "According to the supplier, 原料获取阶段的排放量为 1250 t CO2e。",
    ):
        assert _cn007(_ZH.format(abstract=sentence)) == [], sentence


_EN_TRANSPOSED = """# Summary

{summary}

# Results

Table 2 Results by stage

| Indicator | Raw materials | Transport | Use |
| --- | --- | --- | --- |
| Emissions (kg CO2e) | 12 500 | 3 410 | 820 |
| Share (%) | 74.8 | 20.4 | 4.9 |
"""


def test_transposed_table_in_another_mass_unit_and_a_transposed_digit() -> None:
    text = _EN_TRANSPOSED.format(summary="Transport emissions were 3.14 t CO2e per year.")
    (f,) = _cn007(text)
    assert f.reported == "3.14"
    assert f.expected == "3.41"  # 3 410 kg CO2e in t CO2e
    assert f.likely_cause == "two adjacent digits are swapped"


def test_transposed_table_figure_that_converts_is_silent() -> None:
    text = _EN_TRANSPOSED.format(summary="Transport emissions were 3.41 t CO2e, a share of 20.4 %.")
    assert _cn007(text) == []


_CARBON = """# 结果

表 4 灌溉排放

| 处理 | 灌溉排放 (kg CO2-C·hm⁻²) |
| --- | --- |
| 对照 | 29.3 |
| 处理一 | 35.1 |
| 处理二 | 41.8 |

{text}
"""


def test_carbon_and_co2_converted_by_44_12_agree() -> None:
    assert _cn007(_CARBON.format(text="对照的灌溉排放为 107.4 kg CO2·hm⁻²。")) == []


def test_co2_figure_printed_with_the_carbon_value_names_44_12() -> None:
    (f,) = _cn007(_CARBON.format(text="对照的灌溉排放为 29.3 kg CO2·hm⁻²。"))
    assert f.expected == "107.4"
    assert "44/12" in (f.likely_cause or "")


_YEARS = """# 结果

表 2 历年排放 (t CO2e)

| 项目 | 2019 (t CO2e) | 2020 (t CO2e) |
| --- | --- | --- |
| 电力 | 100.5 | 120.3 |
| 天然气 | 40.2 | 38.7 |

{text}
"""


def test_a_label_with_several_years_and_no_year_named_is_not_compared() -> None:
    assert _cn007(_YEARS.format(text="电力排放量为 150.2 t CO2e。")) == []


def test_the_year_named_picks_the_column() -> None:
    (f,) = _cn007(_YEARS.format(text="2020 年电力排放量为 102.3 t CO2e。"))
    assert (f.reported, f.expected) == ("102.3", "120.3")
    assert _cn007(_YEARS.format(text="2020 年电力排放量为 120.3 t CO2e。")) == []


def test_a_figure_equal_to_another_year_says_so() -> None:
    (f,) = _cn007(_YEARS.format(text="2020 年电力排放量为 100.5 t CO2e。"))
    assert "another year" in (f.likely_cause or "")


_SERIES = """# 结果

表 1 排放总量

| 年份 | 电力 | 燃料 | 合计 |
| --- | --- | --- | --- |
| 2016 | 50.25 | 25.10 | 75.35 |
| 2017 | 55.40 | 24.80 | 80.20 |
| 2018 | 61.75 | 23.95 | 85.70 |
| 2019 | 70.10 | 22.40 | 92.50 |

# 结论

2016—2019 年，排放总量从 75.35 万t 增长到 {end} 万t，年均增长率为 {rate}%。
"""


def test_series_end_contradicts_the_year_row_whose_start_it_quotes() -> None:
    (f,) = _cn007(_SERIES.format(end="98.50", rate="9.36"))
    assert f.severity == "error"
    assert f.reported == "98.50 万"
    assert f.expected == "92.50 万"


def test_series_quoted_as_in_the_table_is_silent() -> None:
    assert _cn007(_SERIES.format(end="92.50", rate="7.08")) == []


_ROWS = [("原料", "12.50"), ("能源", "8.25"), ("运输", "3.10"), ("包装", "1.05"), ("废弃", "0.65")]


def _two_tables(second: list[str]) -> str:
    first = "\n".join(f"| {a} | {v} | {float(v) / 25.55 * 100:.1f} |" for a, v in _ROWS)
    rows = "\n".join(f"| {a} | {v} |" for (a, _), v in zip(_ROWS, second, strict=True))
    return f"""# 结果

表 1 清单结果

| 环节 | 排放量 (kg CO2e) | 占比 (%) |
| --- | --- | --- |
{first}

表 5 敏感性分析基准情景

| 环节 | 排放量 (kg CO2e) |
| --- | --- |
{rows}
"""


def test_two_tables_agreeing_on_four_figures_and_not_the_fifth() -> None:
    (f,) = _cn007(_two_tables(["12.50", "8.25", "31.0", "1.05", "0.65"]))
    assert (f.reported, f.expected) == ("31.0", "3.10")
    assert "10" in (f.likely_cause or "")


def test_two_tables_of_different_products_are_not_compared() -> None:
    # Another product: three of five figures differ (its own raw materials and energy).
    assert _cn007(_two_tables(["14.00", "9.90", "3.10", "1.60", "0.65"])) == []


_SERIES_EN = """# Results

Table 4 Site emissions by year (t CO2e)

| Source | 2018 | 2019 | 2020 | 2021 |
| --- | --- | --- | --- | --- |
| Electricity | 804.5 | 850.2 | 905.7 | 990.1 |
| Natural gas | 400.0 | 410.3 | 415.8 | 420.4 |
| Total | 1204.5 | 1260.5 | 1321.5 | 1410.5 |

# Conclusions

Total emissions rose from 1204.5 t in 2018 to {end} t in 2021, an average annual growth rate of {rate} %.
"""


def test_series_in_a_table_with_years_as_columns() -> None:
    (f,) = _cn007(_SERIES_EN.format(end="1401.5", rate="5.2"))
    assert (f.reported, f.expected) == ("1401.5", "1410.5")
    assert f.likely_cause == "two adjacent digits are swapped"  # 1410.5 → 1401.5
    assert _cn007(_SERIES_EN.format(end="1410.5", rate="5.4")) == []
