"""gwp rules (GW001-GW003): declared IPCC report vs values used, undisclosed mixing, blends."""

from __future__ import annotations

from pathlib import Path

import pytest

from pcfaudit.model import (
    Finding,
    GwpDeclaration,
    InventoryLine,
    Location,
    Number,
    Report,
    Statement,
)
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


def run(code: str, report: Report) -> list[Finding]:
    ctx = RuleContext(report=report, catalog=load_catalog(), reference=load_pack())
    return list(REGISTRY[code](ctx))


def of(path: Path, prefix: str = "GW") -> list[Finding]:
    return [f for f in audit(path).findings if f.rule.startswith(prefix)]


def row(gas: str, gwp: str, line: int) -> InventoryLine:
    return InventoryLine(
        label="Diesel (t)",
        gas=gas,
        gwp=n(gwp),
        location=Location(line=line, quote=f"{gas} | {gwp}"),
    )


# ------------------------------------------------------------------ seeds


def test_seed_000_ar4_declared_but_ch4_21_stated_is_one_error() -> None:
    found = [f for f in of(SEED_000) if f.rule == "GW001"]
    assert len(found) == 1
    f = found[0]
    assert (f.category, f.severity, f.reported, f.expected) == ("gwp", "error", "21", "25")
    quotes = [loc.quote or "" for loc in f.locations]
    assert any("第四次评估报告" in q for q in quotes)  # the declaration
    assert sum("21" in q and "甲烷" in q for q in quotes) == 2  # both stated values (3.6 and 5)
    assert "SAR" in f.message and "mixes versions" in f.message


def test_seed_000_table_values_are_all_ar4_so_no_mixing_finding() -> None:
    assert not [f for f in of(SEED_000) if f.rule in {"GW002", "GW003"}]


def test_seed_002_ar4_with_ch4_25_is_silent() -> None:
    assert of(SEED_002) == []


# ------------------------------------------------------------------ synthetic, through the pipeline


def test_en_declares_ar5_but_table_uses_ar4_ch4() -> None:
    found = of(SYN / "gwef_en_mixed.md")
    gw1 = [f for f in found if f.rule == "GW001"]
    assert len(gw1) == 1
    assert (gw1[0].reported, gw1[0].expected, gw1[0].severity) == ("25", "28", "error")
    assert any("CH4 | 1 | 0.0001 | 25" in (loc.quote or "") for loc in gw1[0].locations)
    assert any("AR5" in (loc.quote or "") for loc in gw1[0].locations)


def test_zh_declares_ar4_but_table_uses_ch4_28() -> None:
    gw1 = [f for f in of(SYN / "gwef_zh_mixed.txt") if f.rule == "GW001"]
    assert [(f.reported, f.expected) for f in gw1] == [("28", "25")]
    assert "第四次评估报告" in gw1[0].message_zh


def test_clean_reports_stay_silent() -> None:
    assert of(SYN / "gwef_en_clean.md") == []
    assert of(SYN / "gwef_zh_clean.txt") == []


def test_undeclared_ch4_28_with_n2o_298_is_mixing() -> None:
    found = of(SYN / "gwef_en_undeclared.md")
    mixed = [f for f in found if f.rule == "GW002"]
    assert len(mixed) == 1
    assert mixed[0].severity == "warning"
    assert mixed[0].reported == "CH4 28, N2O 298"
    assert len(mixed[0].locations) == 2


def test_blend_gwp_matching_no_composition_is_error() -> None:
    blend = [f for f in of(SYN / "gwef_en_undeclared.md") if f.rule == "GW003"]
    assert len(blend) == 1
    assert blend[0].reported == "3300" and blend[0].severity == "error"
    assert "3921.6 (AR4)" in (blend[0].expected or "")


# ------------------------------------------------------------------ hand-built edge cases


def test_n2o_298_alone_is_ambiguous_and_combined_with_ch4_25_is_ar4() -> None:
    report = Report(inventory=[row("N2O", "298", 1)])
    assert run("GW002", report) == []
    report = Report(inventory=[row("N2O", "298", 1), row("CH4", "25", 2)])
    assert run("GW002", report) == []


def test_same_gas_two_values_is_mixing() -> None:
    report = Report(inventory=[row("CH4", "25", 1), row("CH4", "28", 2)])
    found = run("GW002", report)
    assert len(found) == 1 and "two different values" in found[0].message


def test_rounded_ar6_value_is_accepted() -> None:
    decl = GwpDeclaration(Location(line=1, quote="IPCC AR6"), report="AR6")
    report = Report(
        gwp_declarations=[decl], inventory=[row("CH4", "27.9", 2), row("N2O", "273", 3)]
    )
    assert run("GW001", report) == [] and run("GW002", report) == []


def test_gwp20_study_is_not_checked() -> None:
    decl = GwpDeclaration(Location(line=1, quote="AR5 GWP20"), report="AR5", horizon=20)
    report = Report(gwp_declarations=[decl], inventory=[row("CH4", "84", 2)])
    assert run("GW001", report) == []


def test_unverified_reference_value_gives_a_warning_only() -> None:
    # AR5 fossil methane (30) is marked unverified in the pack; a stated 31 contradicts it
    decl = GwpDeclaration(Location(line=1, quote="IPCC AR5"), report="AR5")
    stated = GwpDeclaration(
        Location(line=2, quote="fossil methane GWP 31"), gas="fossil methane", value=n("31")
    )
    found = run("GW001", Report(gwp_declarations=[decl, stated]))
    assert len(found) == 1 and found[0].severity == "warning"
    assert "not verified" in found[0].message


@pytest.mark.parametrize(
    ("text", "fires", "expected"),
    [
        ("HFC-125:44;HFC-134a:4;HFC-143a:52", False, None),
        ("HFC-125:44;HFC-134a:4;HFC-143a:50", True, "100 %"),
        ("HFC-125:40;HFC-134a:8;HFC-143a:52", True, "HFC-125 44 %, HFC-143a 52 %, HFC-134a 4 %"),
    ],
)
def test_blend_composition_statement(text: str, fires: bool, expected: str | None) -> None:
    st = Statement(
        kind="blend-composition",
        subject="R404A",
        text=text,
        location=Location(line=5, quote="R404A（…）"),
    )
    found = run("GW003", Report(statements=[st]))
    assert bool(found) == fires
    if fires:
        assert found[0].expected == expected and found[0].locations[0].quote == "R404A（…）"


def test_blend_gwp_from_another_report_than_declared_is_warning() -> None:
    decl = GwpDeclaration(Location(line=1, quote="IPCC AR4"), report="AR4")
    line = InventoryLine(
        label="制冷剂 R404A (t)",
        gas="R404A",
        gwp=n("3943"),
        location=Location(line=2, quote="R404A | 3943"),
    )
    found = run("GW003", Report(gwp_declarations=[decl], inventory=[line]))
    assert len(found) == 1 and found[0].severity == "warning" and "AR5" in found[0].message
    line.gwp = n("3922")
    assert run("GW003", Report(gwp_declarations=[decl], inventory=[line])) == []


# Quality-benchmark regressions: "CH₄ = 21" in English prose and a gas | GWP table (zh).
def test_qa_stated_gwp_of_another_report_en_prose_and_zh_table():
    for name, where in (("qa_cl_en_bad.md", "CH4 = 21"), ("qa_cl_zh_bad.txt", "CH4 | 21")):
        found = [f for f in audit(SYN / name).findings if f.rule == "GW001"]
        assert len(found) == 1, name
        f = found[0]
        assert (f.category, f.severity) == ("gwp", "error")
        assert any(where in (loc.quote or "") for loc in f.locations), name
        assert "21" in f.message and "28" in f.message
    for name in ("qa_cl_en_clean.md", "qa_cl_zh_clean.txt"):
        assert [f.rule for f in audit(SYN / name).findings if f.rule.startswith("GW")] == []
