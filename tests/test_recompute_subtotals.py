"""Stage subtotal rows inside an inventory: the total is checked without them (the charitable
reading), so a correct report is not told its total is off by −50 % / +100 %."""

from __future__ import annotations

from pcfaudit.extract.text import extract_text
from pcfaudit.interpret import interpret
from pcfaudit.recompute import recompute

_TABLE = """# 4 Results

Table 4-1 Inventory

| Source | Amount | Unit | Factor | Emissions (tCO2e) |
| --- | --- | --- | --- | --- |
| Steel | 100 | t | 2.1 | 210.0 |
| Aluminium | 10 | t | 15.0 | 150.0 |
| Raw material stage | | | | 360.0 |
| Electricity | 500 | MWh | 0.5703 | 285.2 |
| Natural gas | 20 | t | 21.6 | 432.0 |
| Manufacturing stage | | | | 717.2 |
| Total | | | | {total} |
"""


def _total_check(total: str):
    doc = extract_text(_TABLE.format(total=total).encode(), "r.md")
    (check,) = [c for c in recompute(interpret(doc), doc.tables) if c.relation == "total"]
    return check


def test_total_with_stage_subtotal_rows_passes_without_them() -> None:
    check = _total_check("1077.2")
    assert check.status == "pass"
    assert "subtotal" in (check.note or "")


def test_total_wrong_under_every_reading_still_fails() -> None:
    check = _total_check("1107.2")
    assert check.status == "fail"
    assert check.expected == "1077.2"  # judged under the closest reading: subtotals excluded


_ZH = """# 3 清单

<table>
<tr><th>阶段</th><th>排放源</th><th>活动数据</th><th>单位</th><th>排放因子</th><th>排放量（tCO2e）</th></tr>
<tr><td>原材料获取阶段</td><td>铝锭</td><td>277.40</td><td>t</td><td>14.27</td><td>3958.498</td></tr>
<tr><td>原材料获取阶段</td><td>钢材</td><td>522.59</td><td>t</td><td>2.15</td><td>1123.569</td></tr>
<tr><td>原材料获取阶段小计</td><td></td><td></td><td></td><td></td><td>5082.067</td></tr>
<tr><td>产品分销阶段</td><td>柴油</td><td>77.60</td><td>t</td><td>3.0959</td><td>240.242</td></tr>
<tr><td>产品分销阶段小计</td><td></td><td></td><td></td><td></td><td>{sub}</td></tr>
<tr><td>合计</td><td></td><td></td><td></td><td></td><td>5322.309</td></tr>
</table>
"""


def _zh_checks(sub: str) -> dict[str, str]:
    doc = extract_text(_ZH.format(sub=sub).encode(), "r.md")
    report = interpret(doc)
    assert len(report.inventory) == 3  # the "…阶段小计" rows are subtotals, not lines
    checks = recompute(report, doc.tables)
    return {c.label or "": c.status for c in checks if c.relation in {"total", "subtotal"}}


def test_stage_named_subtotal_rows_are_subtotals_of_their_stage() -> None:
    assert _zh_checks("240.242") == {
        "原材料获取阶段小计": "pass",
        "产品分销阶段小计": "pass",
        "合计": "pass",
    }


def test_a_wrong_stage_subtotal_is_caught() -> None:
    assert _zh_checks("204.242")["产品分销阶段小计"] == "fail"
