"""EP032 (an output flow credited in module D that no module exports) and EP033 (terrestrial
eutrophication below marine). Small EPDs written for these tests: modules as rows with
indicators as columns (HTML), indicators as rows with modules as columns (pipe table), and
a Chinese declaration."""

from __future__ import annotations

from pathlib import Path

import pcfaudit.pipeline as pipeline
from pcfaudit.model import Finding

HEAD = """# Environmental Product Declaration — mineral wool board

Declared unit: 1 m³ of insulation board. Date of issue: 2025-03-01. Valid until: 2030-02-28.
In accordance with EN 15804:2012+A2:2019 and ISO 14025.
"""

# Modules as rows, output flows as columns.
FLOWS_BY_MODULE = """
<table>
<caption>Table 7. Output flows per declared unit</caption>
<tr><th>Module</th><th>CRU (kg)</th><th>MFR (kg)</th><th>MER (kg)</th>
<th>EEE (MJ)</th><th>EET (MJ)</th></tr>
<tr><td>A1-A3</td><td>0.00E+00</td><td>2.36E-01</td><td>8.44E-02</td><td>0.00E+00</td><td>0.00E+00</td></tr>
<tr><td>A4</td><td>0.00E+00</td><td>0.00E+00</td><td>0.00E+00</td><td>0.00E+00</td><td>0.00E+00</td></tr>
<tr><td>A5</td><td>0.00E+00</td><td>1.07E-01</td><td>1.27E-01</td><td>{eee_a5}</td><td>0.00E+00</td></tr>
<tr><td>C2</td><td>0.00E+00</td><td>0.00E+00</td><td>0.00E+00</td><td>0.00E+00</td><td>0.00E+00</td></tr>
<tr><td>C3</td><td>0.00E+00</td><td>3.12E+00</td><td>0.00E+00</td><td>{eee_c3}</td><td>{eet_c3}</td></tr>
<tr><td>C4</td><td>0.00E+00</td><td>6.79E-01</td><td>3.24E-01</td><td>0.00E+00</td><td>0.00E+00</td></tr>
<tr><td>D</td><td>0.00E+00</td><td>9.68E-01</td><td>0.00E+00</td><td>3.59E+00</td><td>4.49E-01</td></tr>
</table>
"""

# Indicators as rows, only the product stage and D declared.
FLOWS_GATE_ONLY = """
Output flows per declared unit

| Indicator | Unit | A1-A3 | D |
|---|---|---|---|
| Materials for recycling | kg | 2.36E-01 | 9.68E-01 |
| Exported energy, electricity | MJ | 0.00E+00 | 3.59E+00 |
| Exported energy, thermal | MJ | 0.00E+00 | 4.49E-01 |
"""

IMPACTS = """
Environmental impact indicators per declared unit

| Indicator | Unit | A1-A3 | A4 | A5 | C4 | D |
|---|---|---|---|---|---|---|
| GWP-total | kg CO2 eq | 1.03E+01 | 1.35E-01 | 4.59E-01 | 7.72E-01 | -5.18E-01 |
| EP-marine | {marine_unit} | 1.00E-02 | 1.26E-04 | 5.00E-03 | 3.14E-04 | -2.51E-04 |
| EP-terrestrial | mol N eq | {terrestrial} | 2.00E-03 | 5.00E-03 | {terrestrial_c4} | -2.00E-03 |
"""

ZH = """# 环境产品声明 — 陶瓷砖

声明单位：1 m² 陶瓷砖。发布日期：2025-03-01。有效期至：2030-02-28。依据 EN 15804:2012+A2:2019。

表 5 环境影响指标（每声明单位）

| 指标 | 单位 | A1-A3 | A4 | C4 |
|---|---|---|---|---|
| 气候变化 GWP-total | kg CO2 eq | 1.03E+01 | 1.35E-01 | 7.72E-01 |
| 海洋富营养化 EP-marine | kg N eq | 1.00E-02 | 1.26E-04 | 3.14E-04 |
| 陆地富营养化 EP-terrestrial | mol N eq | 7.00E-03 | 2.00E-03 | 1.00E-03 |
"""


def _audit(tmp_path: Path, text: str, name: str = "epd.md") -> list[Finding]:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return pipeline.audit(path.read_bytes(), name=str(path)).findings


def _rule(findings: list[Finding], code: str) -> list[Finding]:
    return [f for f in findings if f.rule == code]


def _flows(tmp_path: Path, eee_a5: str = "0.00E+00", eee_c3: str = "0.00E+00",
           eet_c3: str = "0.00E+00") -> list[Finding]:  # fmt: skip
    table = FLOWS_BY_MODULE.format(eee_a5=eee_a5, eee_c3=eee_c3, eet_c3=eet_c3)
    return _rule(_audit(tmp_path, HEAD + table), "EP032")


# --------------------------------------------------------------------------- EP032


def test_exported_energy_credited_only_in_d_is_named(tmp_path: Path) -> None:
    (f,) = _flows(tmp_path)
    assert f.severity == "warning" and f.category == "consistency"
    assert f.reported == "EEE D 3.59E+00; EET D 4.49E-01"
    assert f.expected == "the same flows in the modules where they leave the system (A5, C3, C4)"
    assert "exported energy, electricity" in f.message and "module D" in f.message
    assert [loc.quote for loc in f.locations] == ["3.59E+00", "4.49E-01"]
    # MFR is exported in A5, C3 and C4 as well: not named.
    assert "MFR" not in f.reported


def test_energy_exported_where_the_waste_is_incinerated_is_silent(tmp_path: Path) -> None:
    assert _flows(tmp_path, eee_c3="3.59E+00", eet_c3="4.49E-01") == []


def test_electricity_exported_in_a5_covers_heat_credited_in_d(tmp_path: Path) -> None:
    # Tools split one incineration's energy into electrical and thermal differently.
    assert _flows(tmp_path, eee_a5="6.79E-02") == []


def test_a_gate_with_d_but_no_end_of_life_modules_is_not_judged(tmp_path: Path) -> None:
    # No module where the flow could leave is declared: absent is not zero.
    assert _rule(_audit(tmp_path, HEAD + FLOWS_GATE_ONLY), "EP032") == []


ZH_FLOWS = """# 环境产品声明 — 岩棉板

声明单位：1 m³ 岩棉板。发布日期：2025-03-01。有效期至：2030-02-28。依据 EN 15804:2012+A2:2019。

表 7 输出流（每声明单位）

| 指标 | 单位 | A1-A3 | A5 | C3 | C4 | D |
|---|---|---|---|---|---|---|
| 用于回收的材料 | kg | 2.36E-01 | 1.07E-01 | 3.12E+00 | 6.79E-01 | 9.68E-01 |
| 用于能量回收的材料 | kg | 8.44E-02 | 1.27E-01 | 0.00E+00 | 3.24E-01 | 0.00E+00 |
| 输出电能 | MJ | 0.00E+00 | 0.00E+00 | {eee_c3} | 0.00E+00 | 3.59E+00 |
| 输出热能 | MJ | 0.00E+00 | 0.00E+00 | 0.00E+00 | 0.00E+00 | 4.49E-01 |
"""


def test_chinese_output_flow_labels_are_read(tmp_path: Path) -> None:
    (f,) = _rule(_audit(tmp_path, ZH_FLOWS.format(eee_c3="0.00E+00"), "zh.md"), "EP032")
    assert f.reported == "EEE D 3.59E+00; EET D 4.49E-01"
    assert "模块 D" in f.message_zh
    assert _rule(_audit(tmp_path, ZH_FLOWS.format(eee_c3="3.59E+00"), "zh2.md"), "EP032") == []


# --------------------------------------------------------------------------- EP033


def _eutrophication(tmp_path: Path, terrestrial: str = "7.00E-03", terrestrial_c4: str = "1.00E-04",
                    marine_unit: str = "kg N eq") -> list[Finding]:  # fmt: skip
    table = IMPACTS.format(terrestrial=terrestrial, terrestrial_c4=terrestrial_c4,
                           marine_unit=marine_unit)  # fmt: skip
    return _rule(_audit(tmp_path, HEAD + table), "EP033")


def test_terrestrial_below_marine_in_the_product_stage_is_an_info(tmp_path: Path) -> None:
    (f,) = _eutrophication(tmp_path)
    assert f.severity == "info" and f.category == "plausibility"
    assert f.reported == "EP-terrestrial 7.00E-03 < EP-marine 1.00E-02 (A1-A3)"
    assert f.expected == "EP-terrestrial above EP-marine (about 9.1 times for the world economy)"
    assert "(also in C4)" in f.message
    assert [loc.quote for loc in f.locations] == ["7.00E-03", "1.00E-02"]


def test_terrestrial_above_marine_in_the_product_stage_is_silent(tmp_path: Path) -> None:
    # Below in C4 (landfill leachate goes to water), above where the product is made.
    assert _eutrophication(tmp_path, terrestrial="5.28E-02", terrestrial_c4="1.00E-04") == []


def test_marine_in_another_methods_unit_is_not_compared(tmp_path: Path) -> None:
    assert _eutrophication(tmp_path, marine_unit="kg PO4 eq") == []


def test_chinese_declaration_draws_the_finding_in_chinese(tmp_path: Path) -> None:
    (f,) = _rule(_audit(tmp_path, ZH, "zh.md"), "EP033")
    assert f.reported == "EP-terrestrial 7.00E-03 < EP-marine 1.00E-02 (A1-A3)"
    assert "陆地富营养化约为海洋富营养化的 9.1 倍" in (f.message_zh or "")
