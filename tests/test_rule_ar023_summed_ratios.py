"""AR023: a decomposition's total effect printed as the sum of ratio factors. Tables written
for these tests (a GFI decomposition in Chinese, an English multiplicative LMDI, and their
negatives); none is a seed or a real document."""

from __future__ import annotations

from pcfaudit.model import Finding
from pcfaudit.pipeline import audit


def _ar023(text: str) -> list[Finding]:
    return [f for f in audit(text.encode("utf-8"), name="r.md").findings if f.rule == "AR023"]


_ZH = """# 3 结果

表 3 2010—2016 年碳排放影响因素分解效应

| 年份 | 能源结构 Ds | 能源强度 Di | 经济增长 Dg | 人口规模 Dp | {total} |
| --- | --- | --- | --- | --- | --- |
| 2010—2011 | 0.98 | 0.93 | 1.10 | 1.01 | {r1} |
| 2011—2012 | 0.97 | 0.88 | 1.21 | 1.02 | {r2} |
| 2012—2013 | 0.99 | 0.84 | 1.33 | 1.02 | {r3} |
| 2013—2014 | 0.96 | 0.80 | 1.45 | 1.03 | {r4} |
"""


def test_total_effect_equal_to_the_sum_of_ratio_factors_is_reported() -> None:
    text = _ZH.format(total="总效应", r1="4.02", r2="4.08", r3="4.18", r4="4.24")
    (f,) = _ar023(text)
    assert f.severity == "warning"
    assert (f.reported, f.expected) == ("4.02", "1.01")  # 0.98 × 0.93 × 1.10 × 1.01
    assert "1.15" in (f.message or "")  # last row: 0.96 × 0.80 × 1.45 × 1.03
    assert [(loc.row, loc.column) for loc in f.locations] == [(1, 5), (4, 5)]


def test_total_effect_printed_as_the_product_is_silent() -> None:
    text = _ZH.format(total="总效应", r1="1.01", r2="1.06", r3="1.13", r4="1.15")
    assert _ar023(text) == []


def test_additive_effects_of_either_sign_summed_are_silent() -> None:
    text = """# Results

Table 4 Additive LMDI decomposition of emission changes (Mt CO2)

| Period | Structure effect | Intensity effect | Activity effect | Population effect | Total effect |
| --- | --- | --- | --- | --- | --- |
| 2010-2011 | -0.42 | -1.85 | 3.10 | 0.21 | 1.04 |
| 2011-2012 | -0.30 | -2.40 | 3.62 | 0.25 | 1.17 |
| 2012-2013 | -0.51 | -2.02 | 3.35 | 0.22 | 1.04 |
| 2013-2014 | -0.38 | -2.66 | 3.91 | 0.24 | 1.11 |
"""
    assert _ar023(text) == []


def test_near_one_scores_summed_into_an_index_without_decomposition_words_are_silent() -> None:
    text = """# Scores

Table 2 Site scores

| Site | Water | Soil | Air | Noise | Composite score |
| --- | --- | --- | --- | --- | --- |
| North | 0.98 | 0.93 | 1.10 | 1.01 | 4.02 |
| South | 0.97 | 0.88 | 1.21 | 1.02 | 4.08 |
| East | 0.99 | 0.84 | 1.33 | 1.02 | 4.18 |
| West | 0.96 | 0.80 | 1.45 | 1.03 | 4.24 |
"""
    assert _ar023(text) == []


def test_english_multiplicative_lmdi_summed_is_reported() -> None:
    text = """# Results

Table 5 Multiplicative LMDI decomposition (ratio to 2015)

| Year | D_mix | D_int | D_act | D_pop | D_tot |
| --- | --- | --- | --- | --- | --- |
| 2016 | 1.01 | 0.95 | 1.06 | 1.00 | 4.02 |
| 2017 | 1.02 | 0.91 | 1.12 | 1.01 | 4.06 |
| 2018 | 1.02 | 0.86 | 1.19 | 1.01 | 4.08 |
"""
    (f,) = _ar023(text)
    assert (f.reported, f.expected) == ("4.02", "1.02")
