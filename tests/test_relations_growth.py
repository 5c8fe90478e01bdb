"""AR011: average annual growth rates stated in the text, recomputed from their two values."""

from __future__ import annotations

from pcfaudit.pipeline import audit


def _ar011(text: str) -> list:
    return [f for f in audit(text.encode("utf-8"), name="r.md").findings if f.rule == "AR011"]


def test_chinese_rate_that_matches_no_reading_is_flagged_with_the_compound_rate() -> None:
    text = (
        "# 结果\n\n研究期内，区域能源消费碳排放量从2005年的 $2 0 0 . 0 0 \\times 1 0 ^ { 4 } \\mathrm { t }$ "
        "增长至2015年的 $3 0 0 . 0 0 \\times 1 0 ^ { 4 } \\mathrm { t }$ ，年均增长率为 $1 2 . 5 0 \\%$ 。\n"
    )
    (f,) = _ar011(text)
    assert f.reported == "12.50%"
    assert f.expected == "4.14%"  # (300/200)^(1/10) - 1
    assert "5.00%" in f.message  # simple mean 50 % / 10


def test_english_decline_rate_reproducing_as_simple_mean_is_silent() -> None:
    text = (
        "# Results\n\nEmission intensity fell from 2.00 in 2010 to 1.20 in 2018, an average "
        "annual decline of 5.0%.\n"
    )
    assert _ar011(text) == []  # (1 - 1.2/2) / 8 = 5.0 %


def test_english_rate_with_period_before_the_values() -> None:
    text = (
        "# Results\n\nOver 2010-2020, total emissions rose from 100.0 to 150.0 kt, an average "
        "annual growth rate of 9.5%.\n"
    )
    (f,) = _ar011(text)
    assert f.expected == "4.14%"


def test_growth_from_a_negative_base_is_undefined() -> None:
    text = "# 结果\n\n净碳汇量由2001年的-0.50 t 增长至2011年的1.20 t，年均增长率为 30.5%。\n"
    (f,) = _ar011(text)
    assert "negative" in f.message
    assert f.reported == "30.5%"


def test_compound_rate_and_inclusive_year_count_are_silent() -> None:
    text = (
        "# 结果\n\n排放量从2000年的734.13万t增长到2015年的1785.68万t，年均增长率为6.10%。"
        "产量从2001年的10.0 t增长至2010年的20.0 t，年均增长率为7.2%。\n"
    )
    assert _ar011(text) == []  # 6.10 % compound over 15 years; 7.2 % compound over 10 (n + 1)


def test_rate_with_no_dated_values_is_not_read() -> None:
    text = "# 结果\n\n2015年碳排放总量是2000年的2.43倍，年均增长率为9.9%。\n"
    assert _ar011(text) == []


def test_rate_stated_later_for_a_series_named_earlier() -> None:
    text = (
        "# 结果\n\n单位产值能耗逐年下降，由2010年的2.50下降到2020年的1.00。\n\n"
        "# 结论\n\n总产值稳定增长，单位产值能耗呈现下降趋势，年均下降12.50%。\n"
    )
    (f,) = _ar011(text)
    assert f.reported == "12.50%"
    assert f.expected == "8.76%"  # 1 - (1.00/2.50)^(1/10)


def test_rate_later_for_a_series_named_earlier_that_reproduces_is_silent() -> None:
    text = (
        "# 结果\n\n单位产值能耗逐年下降，由2010年的2.50下降到2020年的1.00。\n\n"
        "# 结论\n\n单位产值能耗呈现下降趋势，年均下降8.8%。\n"
    )
    assert _ar011(text) == []


def test_decline_between_compound_and_simple_mean_is_only_a_note() -> None:
    # 2.50 -> 1.00 over 10 years: compound decline 8.76 %, simple mean 6.00 %; 7.40 % is
    # neither, yet an average of year-on-year rates (not printed) could give it.
    text = "# 结论\n\n单位产值能耗由2010年的2.50下降到2020年的1.00，年均下降7.40%。\n"
    (f,) = _ar011(text)
    assert f.severity == "info"
    assert f.reported == "7.40%" and f.expected == "8.76%"
    assert "6.00%" in f.message


def test_english_growth_between_readings_is_a_note_not_an_error() -> None:
    text = (
        "# Results\n\nOver 2010-2020, output rose from 100.0 to 150.0 kt, an average annual "
        "growth rate of 4.80%.\n"
    )
    (f,) = _ar011(text)
    assert f.severity == "info" and f.expected == "4.14%"
