"""Rules read the facts interpret typed (a line's stage and carrier), never the label: each
rule here is run on a hand-made report whose labels say nothing, so only the facts count."""

from __future__ import annotations

from pcfaudit.model import Stage
from pcfaudit.reference import load_pack
from report_builder import ReportBuilder, run_rule


def test_an_included_stage_whose_only_line_is_zero_is_queried():
    report = (
        ReportBuilder("en")
        .stage_claim(Stage.RAW_MATERIAL_TRANSPORT, "included")
        .line("item A", quantity="12 t", result="0 tCO2e", stage=Stage.RAW_MATERIAL_TRANSPORT)
        .line("item B", quantity="5 t", result="3.2 tCO2e", stage=Stage.PRODUCTION)
        .build()
    )
    [finding], _ = run_rule("BD002", report)
    assert finding.severity == "warning"  # quantified as 0, not left empty
    assert "raw-material transport" in finding.message and "quantified as 0" in finding.message


def test_an_included_stage_with_emissions_is_silent():
    report = (
        ReportBuilder("en")
        .stage_claim(Stage.RAW_MATERIAL_TRANSPORT, "included")
        .line("item A", quantity="12 t", result="0.4 tCO2e", stage=Stage.RAW_MATERIAL_TRANSPORT)
        .build()
    )
    findings, ctx = run_rule("BD002", report)
    assert findings == [] and ctx.tally.passed == 1


def test_a_line_without_a_stage_fact_is_not_guessed_from_its_label():
    # the label names a stage, but interpret did not type it: the rule has nothing to compare
    report = (
        ReportBuilder()
        .stage_claim(Stage.RAW_MATERIAL_TRANSPORT, "included")
        .line("原材料运输", quantity="12 t", result="0 tCO2e")
        .build()
    )
    findings, ctx = run_rule("BD002", report)
    assert findings == [] and ctx.tally.cannot_tell == 1


def test_an_energy_carrier_classed_as_a_raw_material_is_noted():
    report = (
        ReportBuilder()
        .line("item A", quantity="2410 MWh", category="原材料", carrier="electricity")
        .line("item B", quantity="30 t", category="原材料")
        .build()
    )
    [finding], _ = run_rule("CN004", report, reference=load_pack())
    assert finding.severity == "info"
    assert [loc.row for loc in finding.locations] == [1]
