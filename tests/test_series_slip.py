"""PL004: one year of a series ten times (or a tenth of) both its neighbours, a slipped
decimal point. Reports written for these tests: years as rows (pipe table, Chinese), years as
columns (HTML, English), and series whose jumps are real."""

from __future__ import annotations

from pathlib import Path

import pcfaudit.pipeline as pipeline
from pcfaudit.model import Finding

ZH = """# 某市 2010—2017 年能源消费碳排放核算

表 2 各类能源消费碳排放量（万 t CO2）

| 年份 | 原煤 | 焦炭 | 天然气 | 合计 |
|---|---|---|---|---|
| 2010 | 412.35 | 35.10 | {gas_2010} | {total_2010} |
| 2011 | 430.12 | 36.42 | 0.61 | 467.15 |
| 2012 | 445.80 | 37.05 | {gas_2012} | {total_2012} |
| 2013 | 451.27 | 38.90 | 0.83 | 491.00 |
| 2014 | 468.02 | 40.11 | 0.79 | 508.92 |
| 2015 | 470.55 | 41.37 | 0.92 | 512.84 |
"""

EN = """# Plant energy use, 2016-2022

<table>
<caption>Table 3. Fuel use of the kiln line by year (TJ)</caption>
<tr><th>Fuel</th><th>2016</th><th>2017</th><th>2018</th><th>2019</th><th>2020</th><th>2021</th><th>2022</th></tr>
<tr><td>Natural gas</td><td>612.4</td><td>598.7</td><td>605.1</td><td>621.9</td><td>633.0</td><td>640.2</td><td>655.8</td></tr>
<tr><td>Diesel</td><td>{d2016}</td><td>{d2017}</td><td>{d2018}</td><td>5.83</td><td>6.02</td><td>5.95</td><td>6.10</td></tr>
<tr><td>Electricity</td><td>88.1</td><td>90.4</td><td>91.7</td><td>93.2</td><td>95.0</td><td>96.6</td><td>98.3</td></tr>
</table>
"""


def _findings(tmp_path: Path, text: str, name: str) -> list[Finding]:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return [
        f for f in pipeline.audit(path.read_bytes(), name=str(path)).findings if f.rule == "PL004"
    ]


def _zh(tmp_path: Path, **cells: str) -> list[Finding]:
    values = {"gas_2010": "0.59", "total_2010": "448.04", "gas_2012": "8.78",
              "total_2012": "491.63"} | cells  # fmt: skip
    return _findings(tmp_path, ZH.format(**values), "zh.md")


def _en(tmp_path: Path, **cells: str) -> list[Finding]:
    values = {"d2016": "5.71", "d2017": "0.562", "d2018": "5.66"} | cells
    return _findings(tmp_path, EN.format(**values), "en.md")


def test_a_tenfold_year_between_agreeing_neighbours_is_a_slip(tmp_path: Path) -> None:
    (f,) = _zh(tmp_path)
    assert f.severity == "warning" and f.category == "plausibility"
    assert (f.reported, f.expected) == ("8.78", "0.878")
    assert f.locations[0].table is not None and f.locations[0].quote == "8.78"
    assert [loc.quote for loc in f.locations[1:]] == ["0.61", "0.83"]
    assert "2012" in f.message and "(2011 0.61, 2013 0.83)" in f.message
    assert "小数点" in f.message_zh


def test_a_tenth_in_a_series_laid_out_by_columns(tmp_path: Path) -> None:
    (f,) = _en(tmp_path)
    assert (f.reported, f.expected) == ("0.562", "5.62")
    assert "a tenth of both neighbours (2016 5.71, 2018 5.66)" in f.message


def test_a_series_in_line_is_silent(tmp_path: Path) -> None:
    assert _zh(tmp_path, gas_2012="0.88", total_2012="483.73") == []
    assert _en(tmp_path, d2017="5.62") == []


def test_a_step_change_is_not_a_slip(tmp_path: Path) -> None:
    # Diesel replaced by a bigger line from 2017: 0.57 -> 5.62 -> 5.66, neighbours disagree.
    assert _en(tmp_path, d2016="0.571", d2017="5.62") == []


def test_a_volatile_column_with_two_spikes_is_left_alone(tmp_path: Path) -> None:
    assert _zh(tmp_path, gas_2010="6.12", total_2010="453.57") == []
