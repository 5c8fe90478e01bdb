"""FU001 / FU002 on inputs written for these tests (the seeds are in test_seeds.py)."""

from __future__ import annotations

from pathlib import Path

from pcfaudit.config import Config
from pcfaudit.pipeline import audit

SYNTHETIC = Path(__file__).resolve().parents[1] / "fixtures" / "synthetic"
ONLY_FU = Config(select=["FU"])


def _findings(name: str):  # type: ignore[no-untyped-def]
    return audit(SYNTHETIC / name, ONLY_FU).findings


def test_mass_amounts_that_differ_are_an_error_pointing_at_each_statement() -> None:
    (finding,) = _findings("fu_en_mismatch.md")
    assert (finding.rule, finding.category, finding.severity) == (
        "FU001",
        "functional-unit",
        "error",
    )
    quotes = " ".join(loc.quote or "" for loc in finding.locations)
    assert "1 kg of finished wheel rim" in quotes and "1 t of finished wheel rim" in quotes
    assert {loc.line for loc in finding.locations} >= {5, 11}
    assert "1 kg" in (finding.reported or "") and "1 t" in (finding.reported or "")


def test_different_count_words_for_one_item_are_only_a_warning() -> None:
    (finding,) = _findings("fu_zh_count_words.txt")
    assert (finding.rule, finding.severity) == ("FU001", "warning")
    assert "1 台" in (finding.reported or "") and "1 套" in (finding.reported or "")
    assert "功能单位" in finding.message_zh


def test_consistent_functional_unit_is_silent() -> None:
    assert _findings("fu_zh_clean.txt") == []


def test_result_per_another_unit_than_declared_is_fu002() -> None:
    (finding,) = _findings("fu_en_result_basis.md")
    assert (finding.rule, finding.severity) == ("FU002", "error")
    assert finding.reported == "1 kg" and "unit" in (finding.expected or "")
    assert finding.locations[0].line == 9


def test_epd_declared_units_are_left_to_ep008() -> None:
    rules = [f.rule for f in audit(SYNTHETIC / "epd_zh_defects.txt").findings]
    assert "EP008" in rules and "FU001" not in rules


def test_the_same_energy_in_other_units_agrees_and_other_amounts_do_not() -> None:
    """1 GJ = 1000 MJ (GJ was missing from the rule's own unit table: a false 'different
    things' error); 1 GJ vs 1 MWh is a real difference of amount."""
    from pcfaudit.model import FunctionalUnitStatement, Location, Report
    from pcfaudit.rules import load_catalog
    from pcfaudit.rules.engine import RuleContext, run_rules
    from pcfaudit.vocab.numbers import parse_number

    def stated(amount: str, unit: str, line: int) -> FunctionalUnitStatement:
        return FunctionalUnitStatement(
            parse_number(amount), unit, unit, "蒸汽", Location(line=line, quote=f"{amount} {unit}")
        )

    def fu001(*statements: FunctionalUnitStatement) -> list[str]:
        ctx = RuleContext(report=Report(functional_units=list(statements)), catalog=load_catalog())
        return [f.severity for f in run_rules(ctx, ["FU001"])]

    assert fu001(stated("1", "GJ", 3), stated("1000", "MJ", 9)) == []
    assert fu001(stated("1", "GJ", 3), stated("1", "MWh", 9)) == ["error"]
    assert fu001(stated("1", "m2", 3), stated("1", "m2", 9)) == []
