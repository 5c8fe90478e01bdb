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
