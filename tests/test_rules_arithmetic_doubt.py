"""AR006/AR007 doubt the orientation before accusing the shares (issue 18): a table whose
shares run along each row is not a column of shares that fails to reach 100 %. Inputs
written for these tests, en + zh."""

from __future__ import annotations

from types import SimpleNamespace

from pcfaudit.model import Confidence, Finding, Impact, Location, Report
from pcfaudit.pipeline import audit
from pcfaudit.rules import load_catalog
from pcfaudit.rules.doubt import alternative_holds, check_confidence, rows_add_to_hundred
from pcfaudit.rules.engine import RuleContext


def _shares(text: str, name: str) -> list[Finding]:
    found = audit(text.encode("utf-8"), name=name).findings
    return [f for f in found if f.rule in ("AR006", "AR007")]


_EN_ROWS = """# Carbon footprint of three bread recipes

The functional unit is 1 kg of bread.

Table 2. Emissions by stage and share of each stage for each recipe

| Recipe | Flour (kg CO2e) | Share (%) | Baking (kg CO2e) | Share (%) | Packaging (kg CO2e) | Share (%) | Total (kg CO2e) |
|---|---|---|---|---|---|---|---|
| White | 0.52 | 57.14 | 0.31 | 34.07 | 0.08 | 8.79 | 0.91 |
| Wholemeal | 0.61 | 60.40 | 0.32 | 31.68 | 0.08 | 7.92 | 1.01 |
| Rye | 0.58 | 59.18 | 0.33 | 33.67 | 0.07 | 7.14 | 0.98 |
"""

_ZH_ROWS = """不同施肥处理稻田温室气体排放

表 3 各处理 CH4 与 N2O 的增温潜势及其占比

处理	CH4 (kg CO2-eq/hm2)	占比 (%)	N2O (kg CO2-eq/hm2)	占比 (%)	合计
CK	812.4	88.31	107.5	11.69	919.9
NPK	1033.6	85.72	172.2	14.28	1205.8
NPK+S	954.1	84.05	181.1	15.95	1135.2
"""

_EN_COLUMN_BAD = """# Carbon footprint of a garden chair

The functional unit is 1 chair.

| Stage | kg CO2e | Share (%) |
|---|---|---|
| Raw materials | 12.0 | 60.0 |
| Manufacturing | 5.0 | 25.0 |
| Transport | 2.0 | 10.0 |
| End of life | 1.0 | 1.0 |
| Total | 20.0 | |
"""


def test_rows_that_each_add_to_hundred_are_recognised():
    rows = [
        "A | 0.52 | 57.14 | 0.31 | 34.07 | 0.08 | 8.79",
        "B | 0.61 | 60.40 | 0.32 | 31.68 | 0.08 | 7.92",
    ]
    assert rows_add_to_hundred(rows)
    assert not rows_add_to_hundred(["A | 12.0 | 60.0", "B | 5.0 | 25.0", "C | 2.0 | 10.0"])


def test_en_shares_along_rows_are_not_reported():
    assert _shares(_EN_ROWS, "bread.md") == []


def test_zh_shares_along_rows_are_not_reported():
    assert _shares(_ZH_ROWS, "rice.txt") == []


def test_en_share_column_that_misses_hundred_is_still_reported():
    found = _shares(_EN_COLUMN_BAD, "chair.md")
    # End of life: 1.0 / 20.0 = 5 %, printed 1.0; the column adds to 96 %.
    assert any(f.rule == "AR006" and f.reported == "1.0" and f.expected == "5.0" for f in found)


def _check(
    relation: str, label: str, status: str, quote: str, reported: str = "1"
) -> SimpleNamespace:
    return SimpleNamespace(
        relation=relation,
        label=label,
        status=status,
        reported=reported,
        locations=[Location(line=1, quote=quote)],
    )


def test_another_reading_of_the_same_value_is_charitable_but_a_neighbour_is_not():
    sentence = "fertiliser, machinery and film contribute 28 %, 26 % and 19 %"
    failing = _check("prose-share", "film", "fail", sentence)
    neighbour = _check("prose-share", "machinery", "pass", sentence)
    assert not alternative_holds(failing, [failing, neighbour])
    same = _check("prose-share", "film", "pass", sentence)
    assert alternative_holds(failing, [failing, same])


def test_low_confidence_error_becomes_a_warning_saying_what_is_uncertain():
    ctx = RuleContext(report=Report(), catalog=load_catalog())
    sure = ctx.finding(
        "AR003", message="total off", locations=[], confidence=Confidence("high", "x")
    )
    assert sure.severity == "error"
    unsure = ctx.finding(
        "AR003",
        message="total off",
        locations=[],
        confidence=Confidence("low", "the value is exactly twice the recomputed one"),
    )
    assert (
        unsure.severity == "warning" and "Uncertain: the value is exactly twice" in unsure.message
    )
    huge = ctx.finding("AR003", message="m", locations=[], impact=Impact("9", "t", 1.8))
    assert huge.severity == "warning" and huge.confidence.level == "low"


def test_a_total_exactly_twice_its_lines_is_low_confidence():
    check = SimpleNamespace(
        relation="total", label="合计", status="fail", reported="200.0", deviation="1",
        diagnosis=None, note=None, locations=[Location(line=3, table=1, quote="合计 | 200.0")],
    )  # fmt: skip
    assert check_confidence(check).level == "low"
    check.deviation = "0.31"
    assert check_confidence(check).level == "high"
