"""narrative rules NA001–NA003: hotspot statements against the inventory, stage lists."""

from __future__ import annotations

from bnst_helpers import SEED_000, SEED_002, SYN, audit_findings, line, loc, quotes, run
from pcfaudit.model import Report, Stage, StageClaim, Statement


def test_seed_000_summary_hotspot_contradicted_by_numbers():  # K13
    found = audit_findings(SEED_000, "NA001")
    assert len(found) == 1
    f = found[0]
    assert (f.category, f.severity) == ("narrative", "error")
    assert "原材料获取过程对产品碳足迹的影响最大" in quotes(f)
    # the contradicting analysis sentence (6.4) is cited as evidence
    assert "主要集中在产品生产过程的能源消耗活动" in quotes(f)
    assert "1432.022" in f.message and "84.9 %" in f.message


def test_seed_000_summary_stage_list_omits_production():  # K16
    found = audit_findings(SEED_000, "NA003")
    assert len(found) == 1
    f = found[0]
    assert (f.category, f.severity) == ("narrative", "info")
    assert "调研了" in quotes(f) and "production" in f.message


def test_seed_002_true_hotspots_stay_silent():  # trap: steel 94.651 %, raw materials 95.082 %
    assert audit_findings(SEED_002, "NA") == []


def test_synthetic_zh_production_named_but_raw_materials_dominate():
    found = audit_findings(SYN / "bnst_zh_bad.txt", "NA001")
    assert len(found) == 1 and found[0].severity == "error"
    assert "产品生产过程对碳足迹的贡献最大" in quotes(found[0])


def test_synthetic_en_electricity_named_but_steel_dominates():
    found = audit_findings(SYN / "bnst_en_bad.md", "NA001")
    assert len(found) == 1
    assert found[0].reported == "Electricity" and found[0].expected == "Steel"


def test_synthetic_clean_reports_are_silent():
    for name in ("bnst_zh_clean.txt", "bnst_en_clean.md"):
        assert audit_findings(SYN / name, "NA") == [], name


def _inventory() -> list:
    return [
        line("Steel", "50", row=1),
        line("Electricity", "45", row=2),
        line("Packaging", "5", row=3),
    ]


def test_close_call_is_only_a_warning():
    report = Report(
        inventory=_inventory(),
        statements=[
            Statement("hotspot", "Electricity contributes the most to the footprint.", loc(5))
        ],
    )
    found, _ = run("NA001", report)
    assert [f.severity for f in found] == ["warning"]


def test_unknown_stage_lines_can_not_settle_a_stage_claim():
    # Lines without a stage could all be raw material: cannot tell, no finding.
    report = Report(
        inventory=[line("Steel", "50", row=1), line("Manufacturing electricity", "30", row=2)],
        statements=[
            Statement(
                "hotspot", "Raw materials contribute the most.", loc(5), subject="raw-material"
            )
        ],
    )
    found, ctx = run("NA001", report)
    assert found == [] and ctx.tally.cannot_tell == 1


def test_two_hotspots_disagree_when_numbers_cannot_tell():
    report = Report(
        inventory=[line("Steel", "50", row=1), line("Manufacturing electricity", "30", row=2)],
        statements=[
            Statement(
                "hotspot", "Raw materials contribute the most.", loc(5), subject="raw-material"
            ),
            Statement(
                "hotspot",
                "Emissions are dominated by the production stage.",
                loc(9),
                subject="production",
            ),
        ],
    )
    found, _ = run("NA002", report)
    assert len(found) == 1 and found[0].severity == "warning"
    assert {loc.line for loc in found[0].locations} == {5, 9}


def test_one_character_label_not_read_inside_a_longer_one():
    report = Report(
        inventory=[line("电", "10", row=1), line("电机", "80", row=2)],
        statements=[Statement("hotspot", "电机的获取对碳足迹贡献最大。", loc(5))],
    )
    found, ctx = run("NA001", report)
    assert found == [] and ctx.tally.passed == 1


def test_stage_list_naming_an_excluded_stage_is_a_warning():
    report = Report(
        stages=[
            StageClaim(Stage.RAW_MATERIAL, "included", loc(20)),
            StageClaim(Stage.PRODUCTION, "included", loc(20)),
            StageClaim(Stage.USE, "excluded", loc(21)),
        ],
        statements=[
            Statement(
                "stage-list",
                "covers raw material acquisition, manufacturing and the use stage",
                loc(3),
            )
        ],
    )
    found, _ = run("NA003", report)
    assert [f.severity for f in found] == ["warning"]


# Quality-benchmark regressions: "Production is the largest contributor" (en), 次之 (zh),
# and a stage column printed without spaces ("Rawmaterialacquisition", PDF text).
def test_qa_hotspot_names_the_smaller_stage_en_zh():
    for name, quote in (
        ("qa_cl_en_bad.md", "Production is the largest contributor"),
        ("qa_cl_zh_bad.txt", "产品生产阶段对碳足迹贡献最大"),
    ):
        found = audit_findings(SYN / name, "NA001")
        assert len(found) == 1, name
        f = found[0]
        assert (f.category, f.severity) == ("narrative", "error")
        assert quote in quotes(f)
    for name in ("qa_cl_en_clean.md", "qa_cl_zh_clean.txt"):
        assert audit_findings(SYN / name, "NA") == [], name


def test_stage_column_without_spaces_still_names_the_stage():
    from pcfaudit.vocab.stages import stage_of_text

    assert stage_of_text("Rawmaterialacquisition") == Stage.RAW_MATERIAL
    assert stage_of_text("End-of-life") == Stage.END_OF_LIFE
    assert stage_of_text("Endoflife treatment") == Stage.END_OF_LIFE
