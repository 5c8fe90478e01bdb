"""Omission rules OM001-OM003 on synthetic inputs (zh + en, defective and clean) and on the seeds."""

from __future__ import annotations

from decimal import Decimal

from audit_helpers import SEEDS, SYN, of, quotes
from pcfaudit.model import (
    InventoryLine,
    Location,
    Mention,
    Number,
    Quantity,
    Report,
)
from pcfaudit.rules import load_catalog
from pcfaudit.rules.engine import RuleContext
from pcfaudit.rules.omission import used_source_entered_as_zero, used_source_missing
from pcfaudit.rules.omission_gas import gas_result_blank

# ----------------------------------------------------------------------------- synthetic


def test_zh_natural_gas_used_but_slash_is_an_error():
    [f] = of(SYN / "omcp_zh_defective.txt", "OM001")
    assert (f.category, f.severity) == ("omission", "error")
    assert "厂区食堂使用天然气作为燃料" in quotes(f)
    assert "天然气 (万 m³) | CO2 | / | 21.62" in quotes(f)
    assert "natural gas" in f.message and "天然气" in f.message_zh


def test_zh_steam_named_but_absent_and_generator_without_stationary_diesel_warn():
    found = {f.message.split(" as ")[0]: f for f in of(SYN / "omcp_zh_defective.txt", "OM002")}
    steam = next(f for f in found.values() if "steam" in f.message)
    assert steam.severity == "warning" and "生产过程使用电力和蒸汽作为能源" in quotes(steam)
    gen = next(f for f in found.values() if "generator" in f.message)
    assert gen.severity == "warning"
    assert "柴油发电机" in quotes(gen) and "all transport" in gen.message


def test_zh_negated_cooling_is_not_reported():
    for f in of(SYN / "omcp_zh_defective.txt", "OM002"):
        assert "冷量" not in quotes(f) and "cooling" not in f.message


def test_zh_blank_ch4_n2o_results_recomputed_as_impact():
    [f] = of(SYN / "omcp_zh_defective.txt", "OM003")
    assert f.severity == "warning"
    # 10 × 0.0000683 × 25 + 10 × 0.0000137 × 298 = 0.017075 + 0.040826
    assert f.impact.value == "0.0579" and f.impact.unit == "t"
    assert "equals the sum of the printed results" in f.message
    assert any("CH4 | 0.0000683 | 25" in (loc.quote or "") for loc in f.locations)


def test_zh_clean_version_is_silent():
    for code in ("OM001", "OM002", "OM003"):
        assert of(SYN / "omcp_zh_clean.txt", code) == [], code


def test_en_natural_gas_entered_as_zero_is_an_error():
    [f] = of(SYN / "omcp_en_defective.md", "OM001")
    assert f.severity == "error"
    assert "heated with natural gas" in quotes(f) and "Natural gas | 0 | m³ | 0" in quotes(f)


def test_en_diesel_forklift_with_its_own_line_and_negated_steam_are_silent():
    assert of(SYN / "omcp_en_defective.md", "OM002") == []
    assert of(SYN / "omcp_en_clean.md", "OM001") == []


# ----------------------------------------------------------------------------- by hand


def _loc(line: int, quote: str) -> Location:
    return Location(line=line, quote=quote)


def _ctx(report: Report) -> RuleContext:
    return RuleContext(report=report, catalog=load_catalog())


def test_same_carrier_under_another_wording_counts_as_present():
    report = Report(
        mentions=[Mention("energy", "electricity", "electricity", _loc(3, "Electricity is used."))],
        inventory=[
            InventoryLine(
                "电力 (kWh)",
                _loc(9, "电力 (kWh) | 100 | 53"),
                quantity=Quantity(Number("100", Decimal(100)), "kWh", "kWh"),
                result=Quantity(Number("53", Decimal(53)), "kgCO2e", "kgCO2e"),
            )
        ],
    )
    ctx = _ctx(report)
    assert list(used_source_entered_as_zero(ctx)) == [] and list(used_source_missing(ctx)) == []
    assert ctx.tally.failed == 0 and ctx.tally.passed >= 2


def test_negated_mention_is_not_evidence():
    m = Mention("fuel", "natural-gas", "天然气", _loc(3, "本项目不使用天然气。"), used=False)
    report = Report(mentions=[m], inventory=[InventoryLine("电", _loc(9, "电 | 1 | 0.5"))])
    assert list(used_source_missing(_ctx(report))) == []


def test_no_blank_gas_rows_counts_a_pass():
    report = Report(inventory=[InventoryLine("电", _loc(9, "电 | 1 | 0.5"))])
    ctx = _ctx(report)
    assert list(gas_result_blank(ctx)) == [] and ctx.tally.passed == 1


# ----------------------------------------------------------------------------- seeds


def test_seed_000_k09_natural_gas_error():
    [ng] = [
        f for f in of(SEEDS / "000_e5f01d6d6220347d.txt", "OM001") if "natural gas" in f.message
    ]
    assert (ng.category, ng.severity) == ("omission", "error")
    assert "使用天然气作为燃料" in quotes(ng)
    assert "天然气 (万 m³) (生产、食堂) | CO2 | / | 2.089 | 0" in quotes(ng)


def test_seed_000_k10_steam_error():
    [steam] = [f for f in of(SEEDS / "000_e5f01d6d6220347d.txt", "OM001") if "steam" in f.message]
    assert steam.severity == "error"
    assert "生产和废气治理过程使用天然气、蒸汽和电作为能源" in quotes(steam)
    assert "外购蒸汽(GJ) | CO2 | / | 0.11 | 0" in quotes(steam)


def test_seed_000_k11_generator_and_forklifts_warning():
    [f] = of(SEEDS / "000_e5f01d6d6220347d.txt", "OM002")
    assert (f.category, f.severity) == ("omission", "warning")
    assert "柴油发电机" in quotes(f) and "备用柴油叉车" in quotes(f)
    assert "transport" in f.message


def test_seed_000_k08_blank_ch4_n2o_per_transport_group():
    found = {f.impact.value for f in of(SEEDS / "000_e5f01d6d6220347d.txt", "OM003")}
    # 60 × 0.0000683 × 25 + 60 × 0.0000137 × 298 = 0.347406; 100 × … = 0.57901
    assert found == {"0.3474", "0.579"}
    for f in of(SEEDS / "000_e5f01d6d6220347d.txt", "OM003"):
        assert f.severity == "warning" and f.impact.unit == "t"
        assert "1686.915" in f.message


def test_seed_002_has_no_omission_findings():
    # The TOC names a natural-gas factor section (a structure finding), not a use of natural gas.
    for code in ("OM001", "OM002", "OM003"):
        assert of(SEEDS / "002_37b7dd170cf4d869.txt", code) == [], code


def test_seed_000_docx_gives_the_same_blank_gas_impacts():
    # DOCX leaves the merged quantity cell on one row of the group; the rule borrows it.
    name = "000_e5f01d6d6220347d.docx"
    assert {f.impact.value for f in of(SEEDS / name, "OM003")} == {"0.3474", "0.579"}
    assert [f.severity for f in of(SEEDS / name, "OM001")] == ["error", "error"]
