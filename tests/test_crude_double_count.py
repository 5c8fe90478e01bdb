"""BD006: crude oil summed with the products refined from it. Tables written for these
tests: a Chinese city balance with fuels as columns and a total column, an English one with
fuels as rows and a total row, and tables whose totals do not add the crude."""

from __future__ import annotations

from pathlib import Path

import pcfaudit.pipeline as pipeline
from pcfaudit.model import Finding

ZH = """# 某市能源消费碳排放核算（万 t CO2）

表 2 2016—2019 年分品种能源消费碳排放

| 年份 | 原煤 | {crude_head} | 汽油 | 柴油 | 燃料油 | 合计 |
|---|---|---|---|---|---|---|
| 2016 | 512.30 | 88.41 | 45.20 | 60.15 | 12.04 | {t2016} |
| 2017 | 498.75 | 91.02 | 47.88 | 61.90 | 11.52 | 711.07 |
| 2018 | 505.12 | 95.63 | 50.31 | 63.47 | 10.98 | 725.51 |
| 2019 | 489.66 | 97.20 | 52.96 | 64.02 | 10.45 | 714.29 |
"""

EN = """# Regional fuel combustion emissions (kt CO2)

<table>
<caption>Table 5. Emissions by fuel</caption>
<tr><th>Fuel</th><th>2019</th><th>2020</th><th>2021</th></tr>
<tr><td>Coal</td><td>1520.4</td><td>1488.1</td><td>1501.7</td></tr>
<tr><td>Crude oil</td><td>310.2</td><td>295.8</td><td>301.4</td></tr>
<tr><td>Gasoline</td><td>142.6</td><td>138.9</td><td>145.3</td></tr>
<tr><td>Diesel</td><td>201.8</td><td>196.5</td><td>199.0</td></tr>
<tr><td>Total</td><td>2175.0</td><td>2119.3</td><td>2147.4</td></tr>
</table>
"""


def _findings(tmp_path: Path, text: str, name: str) -> list[Finding]:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return [f for f in pipeline.audit(path.read_bytes(), name=str(path)).findings if f.rule == "BD006"]


def _zh(tmp_path: Path, crude_head: str = "原油", t2016: str = "718.10") -> list[Finding]:
    return _findings(tmp_path, ZH.format(crude_head=crude_head, t2016=t2016), "zh.md")


def test_a_total_adding_crude_to_its_products_is_named(tmp_path: Path) -> None:
    (f,) = _zh(tmp_path)
    assert f.severity == "warning" and f.category == "boundary"
    assert f.reported == "合计 = 原煤 + 原油 + 汽油 + 柴油 + 燃料油"
    assert f.expected == "原油 or its products (汽油, 柴油, 燃料油), not both"
    assert [loc.quote for loc in f.locations] == ["718.10", "88.41"]
    assert "炼厂原料" in f.message_zh


def test_fuels_as_rows_with_a_total_row(tmp_path: Path) -> None:
    (f,) = _findings(tmp_path, EN, "en.md")
    assert f.reported == "Total = Coal + Crude oil + Gasoline + Diesel"
    assert "refinery feedstock" in f.message


def test_a_total_of_refined_products_only_is_silent(tmp_path: Path) -> None:
    # The column is LNG, not crude oil: nothing is counted twice.
    assert _zh(tmp_path, crude_head="液化天然气") == []


def test_crude_oil_listed_but_left_out_of_the_total_is_silent(tmp_path: Path) -> None:
    text = EN.replace("2175.0", "1864.8").replace("2119.3", "1823.5").replace("2147.4", "1846.0")
    assert _findings(tmp_path, text, "en.md") == []
