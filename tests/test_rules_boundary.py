"""boundary rules BD001–BD005: seeds, synthetic reports and hand-built reports."""

from __future__ import annotations

from bnst_helpers import SEED_000, SEED_002, SYN, audit_findings, line, loc, num, quotes, run
from pcfaudit.model import (
    BoundaryClaim,
    BoundaryType,
    ProductionVolume,
    Quantity,
    Report,
    Stage,
    StageClaim,
    Statement,
)
from pcfaudit.vocab.stages import stage_of_line, stage_of_text, stages_in_text


def test_stage_words_in_labels_and_lists():
    assert stage_of_text("原材料生产(t)") is Stage.RAW_MATERIAL
    assert stage_of_text("原材料运输 耗费柴油量 (t)") is Stage.RAW_MATERIAL_TRANSPORT
    assert stage_of_text("产品运输 耗费柴油量 (t)") is Stage.DISTRIBUTION
    assert stage_of_text("电力(MWh) (生产、办公)") is Stage.PRODUCTION
    assert stage_of_text("Electricity use") is None  # 'use' alone is not the use stage
    assert stage_of_line(line("钢材", "3156", category="原料获取")) is Stage.RAW_MATERIAL
    # '原材料生产阶段' is one stage, not raw material plus production.
    listed = stages_in_text(
        "调研了上游原材料生产阶段、原材料运输阶段、产品运输阶段、使用阶段及报废后回收处置阶段"
    )
    assert Stage.PRODUCTION not in listed
    assert listed == [
        Stage.RAW_MATERIAL,
        Stage.RAW_MATERIAL_TRANSPORT,
        Stage.DISTRIBUTION,
        Stage.USE,
        Stage.END_OF_LIFE,
    ]


# --------------------------------------------------------------------------- seeds


def test_seed_000_raw_material_inside_boundary_but_slash_is_error():  # K12
    found = [f for f in audit_findings(SEED_000, "BD002") if f.severity == "error"]
    assert len(found) == 1
    f = found[0]
    assert f.category == "boundary"
    assert "原材料生产(t)" in quotes(f) and "/" in quotes(f)
    assert "原材料获取+原材料运输" in quotes(f)


def test_seed_000_modelled_use_and_eol_quantified_zero_is_warning():  # K14
    found = [f for f in audit_findings(SEED_000, "BD002") if f.severity == "warning"]
    assert sorted((f.locations[0].quote or "")[:4] for f in found) == ["产品使用", "产品回收"]
    assert all("软件建模" in quotes(f) for f in found)
    assert all("modelling" in f.message for f in found)


def test_seed_000_organisation_wide_inventory_divided_by_output():  # K15
    found = audit_findings(SEED_000, "BD005")
    assert len(found) == 1
    f = found[0]
    assert (f.category, f.severity) == ("boundary", "warning")
    assert "办公" in quotes(f) and "349" in quotes(f)


def test_seed_000_cradle_to_grave_with_full_life_cycle_is_silent():
    assert audit_findings(SEED_000, "BD003") == []
    assert audit_findings(SEED_000, "BD001") == []
    assert audit_findings(SEED_000, "BD004") == []


def test_seed_002_full_life_cycle_with_cradle_to_gate():  # T02
    found = audit_findings(SEED_002, "BD003")
    assert len(found) == 1
    f = found[0]
    assert (f.category, f.severity) == ("boundary", "warning")
    assert "全生命周期" in quotes(f) and "从摇篮到大门" in quotes(f)


def test_seed_002_road_transport_data_with_transport_excluded():  # T03
    found = audit_findings(SEED_002, "BD004")
    assert len(found) == 1
    f = found[0]
    assert (f.category, f.severity) == ("boundary", "warning")
    assert "公路运输被本研究所采用" in quotes(f)
    assert "产品的运输、销售和使用" in quotes(f)


def test_seed_002_no_other_boundary_findings():
    assert audit_findings(SEED_002, "BD001") == []
    assert audit_findings(SEED_002, "BD002") == []
    assert audit_findings(SEED_002, "BD005") == []


# --------------------------------------------------------------------------- synthetic files


def test_synthetic_zh_full_life_cycle_claim():
    found = audit_findings(SYN / "bnst_zh_bad.txt", "BD003")
    assert len(found) == 1 and "全生命周期" in quotes(found[0])


def test_synthetic_en_cradle_to_gate_including_use_and_eol():
    found = audit_findings(SYN / "bnst_en_bad.md", "BD001")
    assert len(found) == 1
    assert found[0].severity == "warning"
    assert "cradle-to-gate" in quotes(found[0]) and "use stage" in quotes(found[0])


def test_synthetic_clean_reports_are_silent():
    for name in ("bnst_zh_clean.txt", "bnst_en_clean.md"):
        assert audit_findings(SYN / name, "BD") == [], name


# --------------------------------------------------------------------------- hand-built reports


def _claims(*pairs: tuple[Stage, str]) -> list[StageClaim]:
    return [
        StageClaim(s, status, loc(10 + i, f"{s.value} {status}"))
        for i, (s, status) in enumerate(pairs)
    ]


def test_cradle_to_grave_excluding_use_is_flagged():
    report = Report(
        boundary=[BoundaryClaim(BoundaryType.CRADLE_TO_GRAVE, loc(1, "cradle-to-grave"))],
        stages=_claims((Stage.USE, "excluded")),
    )
    found, ctx = run("BD001", report)
    assert len(found) == 1 and found[0].reported == "cradle-to-grave; use excluded"
    assert ctx.tally.failed == 1


def test_included_stage_with_numbers_is_silent():
    report = Report(
        stages=_claims((Stage.RAW_MATERIAL, "included")),
        inventory=[line("Raw materials (steel)", "12.5")],
    )
    found, ctx = run("BD002", report)
    assert found == [] and ctx.tally.passed == 1


def test_zero_without_slash_is_only_a_warning():
    report = Report(
        stages=_claims((Stage.DISTRIBUTION, "included")),
        inventory=[line("Distribution (truck)", "0", quantity="0")],
    )
    found, _ = run("BD002", report)
    assert [f.severity for f in found] == ["warning"]


def test_dataset_statement_for_excluded_stage():
    report = Report(
        stages=_claims((Stage.USE, "excluded")),
        statements=[
            Statement(
                "data-used",
                "the use-phase electricity dataset was used",
                loc(40),
                subject="use phase",
            )
        ],
    )
    found, _ = run("BD004", report)
    assert len(found) == 1 and "use" in found[0].message


def test_transport_data_is_fine_when_raw_material_transport_included():
    report = Report(
        stages=_claims(
            (Stage.DISTRIBUTION, "excluded"), (Stage.RAW_MATERIAL_TRANSPORT, "included")
        ),
        statements=[
            Statement("data-used", "road transport dataset", loc(40), subject="road transport")
        ],
    )
    found, _ = run("BD004", report)
    assert found == []


def test_organisational_boundary_needs_division_and_no_allocation():
    inv = [line("Electricity (production, office)", "100")]
    prod = [ProductionVolume(Quantity(num("500"), "unit", "units"), loc(50, "500 units"))]
    found, _ = run("BD005", Report(inventory=inv, production=prod))
    assert len(found) == 1 and "office" in quotes(found[0])
    # an allocation described → silent; no division → silent
    allocated = Report(
        inventory=inv, production=prod, statements=[Statement("allocation", "by area", loc(60))]
    )
    assert run("BD005", allocated)[0] == []
    assert run("BD005", Report(inventory=inv))[0] == []
