"""UN012: shares labelled in per cent that add up to 1, not 100. Tables written for these
tests: a Chinese pipe table labelled in its caption, an English HTML table labelled in every
header with a total column, and tables whose labels and values agree."""

from __future__ import annotations

from pathlib import Path

import pcfaudit.pipeline as pipeline
from pcfaudit.model import Finding

ZH = """# 某省交通运输碳排放影响因素分解

表 3 各驱动因素对碳排放变化的贡献率{unit}

| 时段 | 能源结构 | 能源强度 | 经济发展 | 人口规模 |
|---|---|---|---|---|
| 2015—2016 | {a} | 0.22 | 0.41 | 0.19 |
| 2016—2017 | 0.17 | 0.20 | 0.45 | 0.18 |
| 2017—2018 | 0.16 | 0.19 | 0.47 | 0.18 |
| 2018—2019 | 0.15 | 0.18 | 0.50 | 0.17 |
"""

EN = """# Cement plant: where the clinker energy goes

<table>
<caption>Table 6. Energy balance of the kiln by year</caption>
<tr><th>Year</th><th>Clinker (%)</th><th>Exhaust (%)</th><th>Shell (%)</th><th>Total (%)</th></tr>
<tr><td>2021</td><td>{c2021}</td><td>{e2021}</td><td>{s2021}</td><td>{t2021}</td></tr>
<tr><td>2022</td><td>{c2022}</td><td>{e2022}</td><td>{s2022}</td><td>{t2022}</td></tr>
<tr><td>2023</td><td>{c2023}</td><td>{e2023}</td><td>{s2023}</td><td>{t2023}</td></tr>
</table>
"""

FRACTIONS = {"c2021": "0.52", "e2021": "0.31", "s2021": "0.17", "t2021": "1.00",
             "c2022": "0.54", "e2022": "0.30", "s2022": "0.16", "t2022": "1.00",
             "c2023": "0.55", "e2023": "0.29", "s2023": "0.16", "t2023": "1.00"}  # fmt: skip
PERCENTS = {k: ("100" if v == "1.00" else str(int(float(v) * 100))) for k, v in FRACTIONS.items()}


def _findings(tmp_path: Path, text: str, name: str) -> list[Finding]:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return [
        f for f in pipeline.audit(path.read_bytes(), name=str(path)).findings if f.rule == "UN012"
    ]


def test_contribution_rates_labelled_percent_that_add_up_to_one(tmp_path: Path) -> None:
    (f,) = _findings(tmp_path, ZH.format(unit="／%", a="0.18"), "zh.md")
    assert f.severity == "warning" and f.category == "units"
    assert f.reported == "2015—2016: 0.18 + 0.22 + 0.41 + 0.19 ≈ 1 (labelled %)"
    assert f.expected == "shares adding up to 100 %"
    assert [loc.quote for loc in f.locations] == ["0.18", "0.22", "0.41", "0.19"]
    assert "4 of 4 rows add up to 1" in f.message and "18 % meant" in f.message


def test_headers_in_percent_over_fractions_with_a_total_column(tmp_path: Path) -> None:
    (f,) = _findings(tmp_path, EN.format(**FRACTIONS), "en.md")
    assert f.reported == "2021: 0.52 + 0.31 + 0.17 = 1.00 (labelled %)"


def test_percentages_that_add_up_to_100_are_silent(tmp_path: Path) -> None:
    assert _findings(tmp_path, EN.format(**PERCENTS), "en.md") == []


def test_fractions_without_a_percent_label_are_silent(tmp_path: Path) -> None:
    assert _findings(tmp_path, ZH.format(unit="", a="0.18"), "zh.md") == []


def test_small_percentages_that_do_not_add_up_to_one_are_silent(tmp_path: Path) -> None:
    # Two of the four rows are off 1 by more than rounding: fewer than two thirds add up.
    text = ZH.format(unit="／%", a="0.48").replace(
        "| 0.17 | 0.20 | 0.45 | 0.18 |", "| 0.27 | 0.20 | 0.45 | 0.18 |"
    )
    assert _findings(tmp_path, text, "zh.md") == []
