"""arithmetic and units rules on hand-built Reports: what a verifier would see."""

from __future__ import annotations

from pathlib import Path

import pytest

from arith_helpers import line, seed000, seed002, value
from pcfaudit.model import Finding, Report
from pcfaudit.pipeline import audit as audit_path
from pcfaudit.recompute import recompute
from pcfaudit.rules.catalog import load_catalog
from pcfaudit.rules.engine import RuleContext, run_rules
from test_recompute import english_report

CODES = [
    "AR001",
    "AR002",
    "AR003",
    "AR004",
    "AR005",
    "AR006",
    "AR007",
    "AR008",
    "AR010",
    "UN001",
    "UN002",
    "UN003",
]


def audit(report: Report) -> tuple[list[Finding], RuleContext]:
    import pcfaudit.rules.arithmetic  # noqa: F401  (registers the rules)

    checks = recompute(report)
    ctx = RuleContext(report=report, catalog=load_catalog(), checks=checks)
    findings = list(run_rules(ctx, CODES))
    tally = ctx.tally
    assert tally.passed + tally.failed + tally.cannot_tell == len(checks)
    return findings, ctx


def test_catalog_has_every_rule() -> None:
    catalog = load_catalog()
    for code in CODES:
        spec = catalog.require(code)
        assert spec.title["zh"] and spec.rationale["en"]
    assert catalog.require("UN001").category == "units"
    assert catalog.require("AR001").category == "arithmetic"


def test_seed000_findings() -> None:
    findings, _ = audit(seed000())
    rules = sorted(f.rule for f in findings)
    assert rules == ["AR002", "AR002", "AR002", "AR005", "UN001", "UN003"]
    # The R404A basis (40 kg × 1 %, split 44/4/52 %) is one units finding over its three rows.
    r404a = next(f for f in findings if f.rule == "UN003")
    assert r404a.category == "units" and r404a.severity == "error"
    assert r404a.reported == "0.001 / 0.001 / 0.001"
    assert sorted(r404a.expected.split(" / ")) == ["0.000016", "0.000176", "0.000208"]
    assert len(r404a.locations) == 4
    ar002 = [f for f in findings if f.rule == "AR002"]
    assert {f.expected for f in ar002} == {"3.500", "1.430", "4.470"}
    assert all(f.severity == "error" and f.reported == "0.001" for f in ar002)
    assert all("GWP" in f.message and "GWP" in f.message_zh for f in ar002)
    hfc125 = next(f for f in ar002 if f.expected == "3.500")
    assert hfc125.impact.unit == "tCO2e" and hfc125.impact.value == "3.499"
    assert (
        hfc125.impact.share_of_total is not None and 0.002 < hfc125.impact.share_of_total < 0.0021
    )
    (truncated,) = [f for f in findings if f.rule == "AR005"]
    assert truncated.severity == "info" and truncated.reported == "4.833"
    (units,) = [f for f in findings if f.rule == "UN001"]
    assert units.category == "units" and units.reported == "0.01" and units.expected == "0.001"


def test_seed000_fingerprints_are_distinct() -> None:
    findings, _ = audit(seed000())
    assert len({f.fingerprint for f in findings}) == len(findings)


def test_seed002_is_silent() -> None:
    findings, ctx = audit(seed002())
    assert findings == []
    assert ctx.tally.failed == 0 and ctx.tally.passed >= 15


def test_english_unit_slip_named() -> None:
    findings, _ = audit(english_report(electricity_result="1,432,022"))
    codes = [f.rule for f in findings]
    assert "UN002" in codes
    slip = next(f for f in findings if f.rule == "UN002")
    assert slip.likely_cause is not None and "10^3" in slip.likely_cause
    assert "单位换算" in slip.message_zh


def test_english_consistent_report_is_silent() -> None:
    findings, ctx = audit(english_report())
    assert findings == [] and ctx.tally.passed == 5


def test_share_near_miss_is_warning_and_gap_is_error() -> None:
    report = Report(
        inventory=[
            line("Steel", result="600.00", r_unit="kgCO2e", share="60.1%"),
            line("Electricity", result="300.00", r_unit="kgCO2e", share="30.0%"),
            line("Transport", result="100.00", r_unit="kgCO2e", share="3.0%"),
        ],
        totals=[value("total", "1000.00", "kgCO2e")],
    )
    findings, _ = audit(report)
    share = {f.reported: f for f in findings if f.rule == "AR006"}
    assert share["60.1%"].severity == "warning"  # one unit in the last digit off
    assert share["3.0%"].severity == "error"
    (total,) = [f for f in findings if f.rule == "AR007"]
    assert total.severity == "error"  # 93.1 %: a 6.9-point gap crosses 5 % materiality


def test_total_mismatch_reported() -> None:
    report = Report(
        inventory=[
            line("钢材", result="3156.00", r_unit="kgCO₂e"),
            line("电", result="110.52", r_unit="kgCO₂e"),
        ],
        totals=[value("total", "3366.52", "kgCO₂e", "合计")],
    )
    findings, _ = audit(report)
    (f,) = findings
    assert f.rule == "AR003" and f.expected == "3266.52"
    assert "合计" in f.message_zh


# --------------------------------------------------------------------------- issue 10

SYN = Path(__file__).resolve().parents[1] / "fixtures/synthetic"
ARITH_UNITS = {"arithmetic", "units"}


def _numbers(path: Path) -> list[Finding]:
    return [f for f in audit_path(path).findings if f.category in ARITH_UNITS]


@pytest.mark.parametrize(
    "name",
    [
        "qa_inv_summary_zh.txt",
        "qa_inv_rowshare_en.md",
        "qa_inv_headers_en.txt",
        "qa_inv_kg_zh.txt",  # kg / kWh / m³ quantities, t-based factors, tCO2e results
        "qa_inv_process_en.md",  # 'EF (kgCO2e/unit)': per unit of each row's quantity
    ],
)
def test_clean_inventory_shapes_are_silent(name: str) -> None:
    """A stage summary table, per-row shares in gas groups, 'Emission source' and 'Factor
    unit' headers: no arithmetic or units finding on a report whose numbers add up."""
    assert _numbers(SYN / name) == []


def test_wrong_stage_subtotal_in_summary_table_zh() -> None:
    (f,) = _numbers(SYN / "qa_inv_summary_bad_zh.txt")
    assert (f.rule, f.category, f.severity) == ("AR003", "arithmetic", "error")
    assert f.reported == "518.063" and f.expected == "581.063"
    assert "产品生产阶段 | 518.063" in (f.locations[0].quote or "")


def test_wrong_row_share_in_gas_group_en() -> None:
    found = {f.rule: f for f in _numbers(SYN / "qa_inv_rowshare_bad_en.md")}
    f = found["AR006"]
    assert f.reported == "3.69" and f.expected == "3.96" and f.severity == "error"
    assert "Diesel (forklifts) | CO2" in (f.locations[0].quote or "")
    assert set(found) <= {"AR006", "AR007"}  # the sum is off by the same slip


@pytest.mark.parametrize(
    ("name", "label", "slip"),
    [
        ("qa_inv_headers_x1000_en.txt", "Steel sheet", "kg↔t"),
        ("qa_inv_headers_kwh_en.txt", "Purchased electricity", "kWh↔MWh"),
        ("qa_inv_kg_bad_zh.txt", "钢材", "kg↔t"),  # 12 000 kg relabelled t
    ],
)
def test_unit_slips_named_with_factor_unit_column(name: str, label: str, slip: str) -> None:
    (f,) = _numbers(SYN / name)
    assert (f.rule, f.category, f.severity) == ("UN002", "units", "error")
    assert slip in (f.likely_cause or "")
    assert label in (f.locations[0].quote or "")


def test_power_of_ten_with_units_unknown_is_a_warning() -> None:
    report = Report(inventory=[line("Steel", qty_="929390.00", factor="2.24", result="2081.834")])
    (f,) = [f for f in audit(report)[0] if f.rule == "UN001"]
    assert f.severity == "warning" and f.reported == "2081.834"
