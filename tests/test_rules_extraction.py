"""extraction rules EX001–EX004: could the report be read well enough to audit?"""

from __future__ import annotations

from bnst_helpers import SEED_000, SEED_002, SYN, audit_findings, line, loc, num, run, stats
from pcfaudit.model import (
    BoundaryClaim,
    BoundaryType,
    FunctionalUnitStatement,
    Quantity,
    Report,
    ReportedValue,
)
from pcfaudit.recompute import Check


def test_seeds_and_synthetic_reports_get_no_extraction_finding():
    for path in (SEED_000, SEED_002, *sorted(SYN.glob("bnst_*"))):
        assert audit_findings(path, "EX") == [], path


def _pcf_report(**kw: object) -> Report:
    return Report(
        title="Product carbon footprint report",
        functional_units=[FunctionalUnitStatement(num("1"), "unit", "unit", "chair", loc(3))],
        boundary=[BoundaryClaim(BoundaryType.CRADLE_TO_GATE, loc(4, "cradle-to-gate"))],
        **kw,  # type: ignore[arg-type]
    )


def test_pcf_report_without_inventory_or_results_could_not_be_audited():
    found, _ = run("EX001", _pcf_report(), document_stats=stats(5000), document_blocks=60)
    assert len(found) == 1 and found[0].severity == "error" and found[0].category == "extraction"


def test_results_without_inventory_is_only_a_warning():
    total = ReportedValue(
        "total", Quantity(num("38.1"), "kgCO2e", "kgCO2e"), loc(30, "38.1 kgCO2e")
    )
    found, _ = run(
        "EX001", _pcf_report(totals=[total]), document_stats=stats(5000), document_blocks=60
    )
    assert [f.severity for f in found] == ["warning"]


def _held(label: str, note: str, status: str = "pass") -> Check:
    return Check(
        id=f"relation-held:{label}",
        relation="table-relation",
        status=status,
        label=label,
        note=note,
        locations=[loc(40, label)],
    )


def test_tables_audited_without_inventory_is_coverage_at_info_naming_what_was_checked():
    checks = [
        _held("table 2 column Total: sum of columns", "holds on 9 of 9 rows"),
        _held("table 3 column Share/%: share of a column in a total (%)", "holds on 4 of 4 rows"),
    ]
    found, ctx = run(
        "EX001",
        _pcf_report(),
        checks=checks,
        document_stats=stats(5000),
        document_blocks=60,
        document_tables=3,
    )
    [f] = found
    assert f.severity == "info" and f.rule == "EX001"
    assert "3 table(s) were read as text and their arithmetic was audited" in f.message
    assert "table 2 column Total: sum of columns (holds on 9 of 9 rows)" in f.message
    assert "line arithmetic, omission and emission-factor checks did not run" in f.message
    assert "列间关系 2 项成立" in f.message_zh
    assert ctx.tally.cannot_tell == 1 and ctx.tally.failed == 0


def test_text_tables_with_no_relation_checked_still_could_not_run():
    # Negative: tables read, but nothing in them audited (no relation found, no inventory):
    # the warning stays, with no claim that anything was checked.
    found, _ = run(
        "EX001",
        _pcf_report(),
        checks=[],
        document_stats=stats(5000),
        document_blocks=60,
        document_tables=3,
    )
    [f] = found
    assert f.severity == "warning" and "could not run" in f.message
    assert "audited" not in f.message


def test_inventory_present_is_silent():
    found, ctx = run(
        "EX001",
        _pcf_report(inventory=[line("Steel", "21.0")]),
        document_stats=stats(5000),
        document_blocks=60,
    )
    assert found == [] and ctx.tally.passed == 1


def test_not_a_footprint_report():
    found, _ = run(
        "EX002",
        Report(title="Annual sales brochure"),
        document_stats=stats(5000),
        document_blocks=60,
    )
    assert len(found) == 1 and found[0].severity == "error"
    assert run("EX002", _pcf_report(), document_stats=stats(5000), document_blocks=60)[0] == []


def test_not_a_footprint_report_through_the_pipeline(tmp_path):
    path = tmp_path / "brochure.txt"
    path.write_text(
        "Our company\n\n" + "We make very good furniture for offices and homes.\n\n" * 30,
        encoding="utf-8",
    )
    assert [f.rule for f in audit_findings(path, "EX")] == ["EX002"]


def test_garbled_text_thresholds():
    found, _ = run("EX003", Report(), document_stats=stats(10000, garbled=800))
    assert [f.severity for f in found] == ["warning"]
    found, _ = run("EX003", Report(), document_stats=stats(10000, garbled=4000))
    assert [f.severity for f in found] == ["error"]
    assert run("EX003", Report(), document_stats=stats(10000, garbled=100))[0] == []


def test_too_little_text():
    found, _ = run(
        "EX004", Report(), document_stats=stats(40, pages_without_text=12), document_blocks=2
    )
    assert len(found) == 1 and found[0].severity == "error" and "12 page" in found[0].message
    found, _ = run(
        "EX004", Report(), document_stats=stats(9000, pages_without_text=2), document_blocks=80
    )
    assert [f.severity for f in found] == ["warning"]


def test_short_text_with_an_inventory_is_not_unreadable():
    report = Report(inventory=[line("Steel", "21.0")])
    assert run("EX004", report, document_stats=stats(300), document_blocks=4)[0] == []


def test_one_huge_table_is_not_too_little_text() -> None:
    """A document of one 10,000-row table has few blocks but plenty of text (EX004)."""
    from pcfaudit.config import Config
    from pcfaudit.extract.text import extract_text
    from pcfaudit.pipeline import audit_document

    rows = "\n".join(f"item {i}\t{i}.5\tkg\tnote {i}" for i in range(3000))
    document = extract_text(("名称\t数量\t单位\t备注\n" + rows).encode(), "big.txt")
    assert len(document.blocks) < 5 and document.stats.characters > 4000
    result = audit_document(document, Config(select=["EX004"]))
    assert [f.rule for f in result.findings] == []
