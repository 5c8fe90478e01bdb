"""emission-factor rules (EF001-EF003): one factor, one value; labels match official values."""

from __future__ import annotations

from pathlib import Path

from pcfaudit.model import FactorQuote, Finding, InventoryLine, Location, Number, Quantity, Report
from pcfaudit.pipeline import audit
from pcfaudit.reference import load_pack
from pcfaudit.rules import REGISTRY, RuleContext, load_catalog
from pcfaudit.vocab.numbers import parse_number

ROOT = Path(__file__).resolve().parents[1]
SEED_000 = ROOT / "fixtures/seeds/000_e5f01d6d6220347d.txt"
SEED_002 = ROOT / "fixtures/seeds/002_37b7dd170cf4d869.txt"
SYN = ROOT / "fixtures/synthetic"


def n(text: str) -> Number:
    number = parse_number(text)
    assert number is not None
    return number


def of(path: Path) -> list[Finding]:
    return [f for f in audit(path).findings if f.rule.startswith("EF")]


def run(code: str, report: Report) -> list[Finding]:
    ctx = RuleContext(report=report, catalog=load_catalog(), reference=load_pack())
    return list(REGISTRY[code](ctx))


def quote(value: str, unit: str, line: int, *, used: bool = False, label: str = "", year: int | None = None,
          region: str | None = None) -> FactorQuote:  # fmt: skip
    return FactorQuote(value=n(value), unit_text=unit, carrier="electricity", location=Location(line=line, quote=label or value),
                       label=label or value, year=year, region=region, used_in_calculation=used)  # fmt: skip


# ------------------------------------------------------------------ seeds


def test_seed_000_listed_0_5703_but_calculation_uses_0_5942() -> None:
    found = [f for f in of(SEED_000) if f.rule == "EF001"]
    assert len(found) == 1
    f = found[0]
    assert (f.category, f.severity, f.reported, f.expected) == (
        "emission-factor",
        "error",
        "0.5942",
        "0.5703",
    )
    quotes = [loc.quote or "" for loc in f.locations]
    assert any("0.5703" in q and "华东电网" in q for q in quotes)
    assert any("2410 | 0.5942" in q for q in quotes)
    # says what 0.5942 is: the 2021 national factor excluding market-traded non-fossil power
    assert "0.5942 is the 2021 national" in f.message and "non-fossil" in f.message
    assert f.impact.value == "-57.599"  # 2410 MWh x (0.5703 - 0.5942)


def test_seed_000_east_china_label_on_the_national_value_is_a_warning() -> None:
    found = [f for f in of(SEED_000) if f.rule == "EF002"]
    assert len(found) == 1
    f = found[0]
    assert (f.severity, f.reported, f.expected) == ("warning", "0.5703", "0.5617")
    assert "2022 national" in f.message and "2022 East China" in f.message
    assert "华东电网" in (f.locations[0].quote or "")


def test_seed_000_no_separate_info_for_the_conflicting_factor() -> None:
    assert not [f for f in of(SEED_000) if f.rule == "EF003"]


def test_seed_002_database_factor_0_53_is_silent() -> None:
    assert of(SEED_002) == []


# ------------------------------------------------------------------ synthetic, through the pipeline


def test_en_factor_quoted_twice_with_two_values() -> None:
    found = of(SYN / "gwef_en_mixed.md")
    ef1 = [f for f in found if f.rule == "EF001"]
    assert [(f.reported, f.expected, f.severity) for f in ef1] == [("0.5810", "0.6101", "error")]
    ef2 = [f for f in found if f.rule == "EF002"]
    assert (
        len(ef2) == 1 and ef2[0].expected == "0.5568"
    )  # labelled 2021 national, is the 2015 value


def test_zh_national_value_labelled_east_china() -> None:
    found = of(SYN / "gwef_zh_mixed.txt")
    assert [f.rule for f in found] == ["EF002"]
    assert found[0].reported == "0.5366" and "2022年全国" in found[0].message_zh


def test_clean_reports_stay_silent() -> None:
    assert of(SYN / "gwef_en_clean.md") == []
    assert of(SYN / "gwef_zh_clean.txt") == []


# ------------------------------------------------------------------ hand-built edge cases


def test_units_are_converted_before_comparing() -> None:
    listed = quote("0.5366", "kgCO2/kWh", 1)
    used = quote("0.5366", "tCO2/MWh", 2, used=True)
    assert run("EF001", Report(factors=[listed, used])) == []


def test_listed_values_labelled_with_different_years_are_different_factors() -> None:
    a = quote("0.5568", "tCO2/MWh", 1, year=2021, region="全国")
    b = quote("0.5366", "tCO2/MWh", 2, year=2022, region="全国")
    assert run("EF001", Report(factors=[a, b])) == []


def test_two_unlabelled_listed_values_are_a_warning() -> None:
    a = quote("0.5810", "kgCO2/kWh", 1)
    b = quote("0.6101", "kgCO2/kWh", 2)
    found = run("EF001", Report(factors=[a, b]))
    assert len(found) == 1 and found[0].severity == "warning"


def test_value_inside_a_listed_range_is_consistent() -> None:
    lo = FactorQuote(
        n("1430"), "tCO2e/t", "refrigerant", Location(line=1, quote="1 430-2 088 tCO2e/t")
    )
    hi = FactorQuote(
        n("2088"), "tCO2e/t", "refrigerant", Location(line=1, quote="1 430-2 088 tCO2e/t")
    )
    used = FactorQuote(
        n("1774"),
        "tCO2e/t",
        "refrigerant",
        Location(line=2, quote="R407C | 1774"),
        used_in_calculation=True,
    )
    assert run("EF001", Report(factors=[lo, hi, used])) == []


def test_ch4_rows_of_a_carrier_are_not_compared_with_its_co2_factor() -> None:
    loc = Location(line=3, quote="CH4 | 0.0000683")
    line = InventoryLine(
        label="柴油 (t)", gas="CH4", location=loc, factor=Quantity(n("0.0000683"), None, "tCO2/t")
    )
    listed = FactorQuote(n("3.16"), "tCO2/t", "diesel", Location(line=1, quote="柴油 3.16 tCO2/t"))
    used = FactorQuote(n("0.0000683"), "tCO2/t", "diesel", loc, used_in_calculation=True)
    assert run("EF001", Report(inventory=[line], factors=[listed, used])) == []


def test_om_baseline_factor_used_is_a_warning() -> None:
    used = quote("0.8086", "tCO2/MWh", 2, used=True, label="电力")
    found = run("EF003", Report(factors=[used]))
    assert len(found) == 1 and found[0].severity == "warning" and "baseline" in found[0].message


def test_two_decimal_value_is_never_identified_as_official() -> None:
    used = quote("0.53", "kgCO2e/kWh", 2, used=True)
    labelled = quote("0.53", "kgCO2/kWh", 3, label="0.53 (2023 全国)", year=2023, region="全国")
    assert run("EF003", Report(factors=[used])) == []
    assert run("EF002", Report(factors=[labelled])) == []


def test_heat_factor_listed_in_the_text_and_used_in_the_table_compare() -> None:
    """热力 in the prose and 外购热力 in the table are one carrier: the quoted 0.11 and the
    0.12 the table computes with conflict (the two vocabularies used to disagree on keys)."""
    from pcfaudit.config import Config
    from pcfaudit.pipeline import audit

    path = Path(__file__).resolve().parents[1] / "fixtures/synthetic/gwef_zh_heat_twice.txt"
    (finding,) = audit(path, Config(select=["EF"])).findings
    assert (finding.rule, finding.severity, finding.reported, finding.expected) == (
        "EF001",
        "error",
        "0.12",
        "0.11",
    )
    assert "蒸汽/热力" in finding.message_zh
