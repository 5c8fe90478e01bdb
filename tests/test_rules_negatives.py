"""Negative tests: clean reports written for these tests, in Chinese and English, that carry
the trigger words and numbers of the arithmetic, unit, omission, plausibility and narrative
rules (line products, a kg ↔ t factor, shares and their sum, a per-unit result written as
"total ÷ units = value", a share repeated in the summary, a growth rate, a refrigerant leak
computed in the text, a CH4 row with its GWP, hotspot sentences, stage lists) and no defect.
None of those rules may fire; the test also checks that each trigger was read, so it cannot
pass by reading nothing."""

from __future__ import annotations

from functools import cache
from pathlib import Path

import pytest

from pcfaudit.model import AuditResult, StatementKind
from pcfaudit.pipeline import audit

DATA = Path(__file__).parent / "data" / "negatives"
RULES = (
    "AR001", "AR002", "AR003", "AR004", "AR005", "AR006", "AR007", "AR008", "AR010", "AR011",
    "UN001", "UN002", "UN003", "OM001", "OM002", "OM003", "PL001", "PL002", "PL003",
    "NA001", "NA002", "NA003", "BD001", "BD002", "TM001", "TM003", "TM004", "EF001", "EF002",
    "GW001", "GW002", "GW003", "FU001", "CN003", "EX001", "EX002",
)  # fmt: skip


@cache
def _audit(name: str) -> AuditResult:
    return audit(DATA / name)


@pytest.mark.parametrize("name", ["office_chair_zh.txt", "office_chair_en.md"])
def test_clean_report_draws_no_finding_from_the_rules_it_triggers(name: str) -> None:
    result = _audit(name)
    fired = sorted({f.rule for f in result.findings if f.rule in RULES})
    assert fired == [], [(f.rule, f.message[:120]) for f in result.findings]


@pytest.mark.parametrize("name", ["office_chair_zh.txt", "office_chair_en.md"])
def test_the_triggers_were_read(name: str) -> None:
    report = _audit(name).report
    assert len(report.inventory) == 6
    assert len([s for s in report.shares if s.kind == "share"]) >= 6
    assert report.totals and report.gwp_declarations
    kinds = {s.kind for s in report.statements}
    assert {StatementKind.HOTSPOT, StatementKind.STAGE_LIST} <= kinds
    assert any(line.gwp is not None and line.gwp.value == 28 for line in report.inventory)


def test_zh_per_unit_growth_and_leak_computation_were_read() -> None:
    report = _audit("office_chair_zh.txt").report
    kinds = {s.kind for s in report.statements}
    assert {StatementKind.GROWTH_RATE, StatementKind.TEXT_COMPUTATION} <= kinds
    # "145676 kgCO2e ÷ 5000 把 = 29.14 kgCO2e/把": the dividend is an operand, not a result.
    assert [(v.quantity.number.text, v.basis) for v in report.per_unit] == [("29.14", "1 把")]


def test_a_production_trend_is_no_second_production_volume() -> None:
    text = (DATA / "office_chair_zh.txt").read_text(encoding="utf-8")
    trend = text.replace(
        "企业销售额由 2020 年的 800 万元增长到 2023 年的 1000 万元",
        "企业办公椅产量由 2020 年的 4000 把增长到 2023 年的 5000 把",
    )
    assert trend != text
    result = audit(trend.encode("utf-8"), name="trend.txt")
    assert [p.quantity.number.text for p in result.report.production] == ["5000"]
    assert not [f for f in result.findings if f.rule == "CN003"]


@pytest.mark.parametrize("name", ["carton_subtotals_zh.txt", "pallet_subtotals_en.md"])
def test_stage_subtotals_summed_with_their_lines_are_no_total_error(name: str) -> None:
    result = _audit(name)
    assert [f for f in result.findings if f.rule in ("AR003", "UN001", "UN002")] == []
    assert any(line.label in ("小计", "Subtotal") for line in result.report.inventory) or any(
        t.kind == "subtotal" for t in result.report.totals
    )


@pytest.mark.parametrize(
    ("name", "good", "bad"),
    [
        ("carton_subtotals_zh.txt", "1665.37", "1765.37"),
        ("pallet_subtotals_en.md", "6.960", "7.960"),
    ],
)
def test_a_wrong_total_beside_stage_subtotals_is_still_reported(
    name: str, good: str, bad: str
) -> None:
    text = (DATA / name).read_text(encoding="utf-8")
    assert text.count(good) == 1
    wrong = text.replace(good, bad)
    found = [f for f in audit(wrong.encode("utf-8"), name=name).findings if f.rule == "AR003"]
    assert [f.reported for f in found] == [bad]
