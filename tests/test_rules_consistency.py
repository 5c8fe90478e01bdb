"""Consistency rules CN001-CN005 on synthetic inputs (zh + en, defective and clean) and on the seeds."""

from __future__ import annotations

from decimal import Decimal

from audit_helpers import SEEDS, SYN, of, quotes
from pcfaudit.model import (
    Location,
    Number,
    ProductionVolume,
    Quantity,
    Report,
)
from pcfaudit.pipeline import audit
from pcfaudit.reference import load_pack
from pcfaudit.rules import load_catalog
from pcfaudit.rules.consistency import production_volume_differs
from pcfaudit.rules.engine import RuleContext
from report_builder import ReportBuilder, run_rule


def _n(text: str) -> Number:
    return Number(text, Decimal(text.replace(" ", "")))


def _ctx(report: Report) -> RuleContext:
    return RuleContext(report=report, catalog=load_catalog(), reference=load_pack())


# ----------------------------------------------------------------------------- synthetic


def test_zh_equipment_count_differs():
    [f] = of(SYN / "omcp_zh_defective.txt", "CN001")
    assert (f.category, f.severity) == ("consistency", "warning")
    assert "空压机 | 55 | 2" in quotes(f) and "空压机 (4台) | 220" in quotes(f)
    assert f.likely_cause and "number of units differs" in f.likely_cause


def test_zh_refrigerant_named_differs_from_inventory():
    [f] = of(SYN / "omcp_zh_defective.txt", "CN002")
    assert f.severity == "warning" and f.reported == "R134a" and f.expected == "R410A"
    assert "制冷剂为 R134a" in quotes(f) and "HFC-134a" in f.message


def test_zh_production_volume_stated_twice():
    [f] = of(SYN / "omcp_zh_defective.txt", "CN003")
    assert f.severity == "warning"
    assert "20000 件" in quotes(f) and "25000 件" in quotes(f)


def test_zh_clean_version_is_silent():
    for code in ("CN001", "CN002", "CN003", "CN004", "CN005"):
        assert of(SYN / "omcp_zh_clean.txt", code) == [], code


def test_en_water_and_co2_under_energy_are_info():
    [f] = of(SYN / "omcp_en_defective.md", "CN004")
    assert (f.category, f.severity) == ("consistency", "info")
    assert "Tap water" in f.message and "CO2" in f.message
    assert "Diesel" not in f.message and "Electricity" not in f.message


def test_en_co2_gas_equal_to_its_mass_next_to_direct_emissions():
    [f] = of(SYN / "omcp_en_defective.md", "CN005")
    assert f.severity == "info"
    assert "CO2 | 1.2 | m³ | 2.38" in quotes(f) and "Direct emissions" in quotes(f)


def test_en_clean_version_is_silent():
    for code in ("CN004", "CN005"):
        assert of(SYN / "omcp_en_clean.md", code) == [], code


# ----------------------------------------------------------------------------- by hand


def test_equipment_total_matches_per_unit_times_count_is_silent():
    report = (
        ReportBuilder()
        .equipment("ct机", "91", count="5", basis="each", table=0)
        .equipment("ct机", "455", count="5", basis="total", table=3)
        .build()
    )
    findings, ctx = run_rule("CN001", report)
    assert findings == [] and ctx.tally.passed == 1


def test_equipment_count_differs_between_two_tables():
    report = (
        ReportBuilder()
        .equipment("空压机", "55", count="2", basis="each", table=0)
        .equipment("空压机", "220", count="4", basis="total", table=3)
        .build()
    )
    [finding], _ = run_rule("CN001", report)
    assert finding.severity == "warning"
    assert "2 × 55 kW = 110 kW" in finding.message and "4 units, 220 kW in total" in finding.message
    assert finding.likely_cause and "number of units differs" in finding.likely_cause


def test_same_production_volume_twice_is_silent():
    p = [ProductionVolume(Quantity(_n("349"), "件", "件"), Location(line=i)) for i in (3, 30)]
    ctx = _ctx(Report(production=p))
    assert list(production_volume_differs(ctx)) == [] and ctx.tally.passed == 1


# ----------------------------------------------------------------------------- seeds


def test_seed_000_k19_ces_system_count():
    [f] = of(SEEDS / "000_e5f01d6d6220347d.txt", "CN001")
    assert (f.category, f.severity) == ("consistency", "warning")
    assert "CES 系统 | 96 | 4" in quotes(f) and "CES 系统 (4 套 ×4=16 套) | 1 536" in quotes(f)
    assert "384 kW" in f.message and "1 536 kW" in f.message


def test_seed_000_k05_r410a_vs_r404a():
    [f] = of(SEEDS / "000_e5f01d6d6220347d.txt", "CN002")
    assert (f.category, f.severity) == ("consistency", "warning")
    assert "R410A 、 R134a" in quotes(f)
    assert "R404A" in f.message and "HFC-32" in f.message


def test_seed_002_t10_water_and_co2_classed_as_energy():
    [f] = of(SEEDS / "002_37b7dd170cf4d869.txt", "CN004")
    assert (f.category, f.severity) == ("consistency", "info")
    assert "水 | 28.73" in quotes(f) and "二氧化碳 | 19.73" in quotes(f)
    assert len(f.locations) == 2  # 电 under 能源获取 is right


def test_seed_002_t11_co2_gas_possible_double_count():
    [f] = of(SEEDS / "002_37b7dd170cf4d869.txt", "CN005")
    assert (f.category, f.severity) == ("consistency", "info")
    assert "二氧化碳 | 19.73" in quotes(f) and "直接排放 | 5.02" in quotes(f)
    assert "2.00 kg/m³" in f.message  # 19.73 / 9.88 = 1.997


def test_seed_000_has_no_misclassification_and_002_no_equipment_findings():
    assert of(SEEDS / "000_e5f01d6d6220347d.txt", "CN004") == []
    assert of(SEEDS / "002_37b7dd170cf4d869.txt", "CN001") == []
    assert of(SEEDS / "002_37b7dd170cf4d869.txt", "CN002") == []


# Quality-benchmark regressions: production volumes in kWh ("produced", "output", 共生产, 产量).
def test_qa_production_volume_in_energy_unit_stated_twice_en_zh():
    for name in ("qa_cl_en_bad.md", "qa_cl_zh_bad.txt"):
        found = [f for f in audit(SYN / name).findings if f.rule == "CN003"]
        assert len(found) == 1, name
        f = found[0]
        assert f.category == "consistency"
        assert "49,500 kWh" in f.message and "52,000 kWh" in f.message
        assert len(f.locations) == 2 and all(loc.quote for loc in f.locations)
    for name in ("qa_cl_en_clean.md", "qa_cl_zh_clean.txt"):
        assert [f for f in audit(SYN / name).findings if f.rule == "CN003"] == []
