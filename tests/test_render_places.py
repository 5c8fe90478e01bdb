"""What a reader sees of a finding's place and size: the report's own table captions and
sections, locators in the reader's language, the right row of a merged cell, impacts as
decimals."""

from __future__ import annotations

import json

import pytest

from pcfaudit.model import Finding, Heading, Impact, InventoryLine, Location
from pcfaudit.render import render
from pcfaudit.render.common import describe_location, impact_value_text
from pcfaudit.render.html_out import inventory_view
from pcfaudit.render.places import caption_label, localise_places, places_of
from test_render_fixtures import num, qty, realistic_result


@pytest.mark.parametrize(
    ("caption", "named"),
    [
        ("表4.1 产品碳足迹核算", "表 4.1"),
        ("表 3-2：排放因子", "表 3-2"),
        ("Table 5: Results per module", "Table 5"),
        ("排放清单", None),
        (None, None),
    ],
)
def test_caption_numbers(caption: str | None, named: str | None) -> None:
    assert caption_label(caption) == named


def _with_captions():
    result = realistic_result()
    result.source["table_captions"] = [None, None, "表 6.2 温室气体排放清单"]
    result.report.headings = [
        Heading("9", "结论 12", 1, Location(line=3)),  # a contents line read as a heading
        Heading("1", "概述", 1, Location(line=40)),
        Heading("6", "碳足迹计算", 1, Location(line=280)),
        Heading("6.3", "数据计算", 2, Location(line=290)),
    ]
    return result


def test_locations_use_the_reports_caption_and_drop_out_of_sequence_sections() -> None:
    places = places_of(_with_captions())
    in_table = Location(line=304, table=2, row=4, section="6.3")
    assert describe_location(in_table, "zh", places) == "§6.3，表 6.2 第 5 行，第 304 行"
    assert describe_location(in_table, "en", places) == "§6.3, 表 6.2 row 5, line 304"
    # A table without a numbered caption keeps pcfaudit's ordinal.
    assert describe_location(Location(table=0, row=1), "en", places) == "table 1 row 2"
    # "§9" came from a contents line before chapter 1: not a place the reader can find.
    assert describe_location(Location(page=2, section="9"), "zh", places) == "第 2 页"
    assert describe_location(Location(page=9, section="6.3"), "zh", places) == "第 9 页，§6.3"


def test_locators_inside_messages_follow_the_reader() -> None:
    places = places_of(_with_captions())
    message = "电力排放因子在§6.3, table 3 row 2, line 302列为 0.5703，而计算中采用 0.5942（p. 10, §9）。"
    assert localise_places(message, "zh", places) == (
        "电力排放因子在§6.3，表 6.2 第 2 行，第 302 行列为 0.5703，而计算中采用 0.5942（第 10 页）。"
    )
    result = _with_captions()
    result.findings[0].message_zh = message
    data = json.loads(render(result, "json", "zh"))
    assert "表 6.2 第 2 行" in data["findings"][0]["message"]
    assert "table 3" not in render(result, "markdown", "zh")


def test_rows_under_one_merged_cell_keep_their_own_expected_values() -> None:
    """Three gases under one merged "R404A" cell share its location; each finding quotes
    its own row, and each row shows its own expected value."""
    merged = Location(page=11, table=4, row=15, column=0, section="6.3")
    gases = [("HFC-125", "3500", "3.500"), ("HFC-134a", "1430", "1.430"), ("HFC-143a", "4470", "4.470")]
    result = realistic_result()
    result.report.inventory = [
        InventoryLine(
            label="空调制冷剂(t)",
            location=merged.with_quote(f"空调制冷剂(t) | {gas} | 0.001 | 1 | {gwp} | 0.001"),
            gas=gas,
            quantity=qty("0.001", "t"),
            factor=qty("1", "t/t"),
            gwp=num(gwp),
            result=qty("0.001", "tCO2e"),
            table=4,
        )
        for gas, gwp, _ in gases
    ]
    result.findings = [
        Finding(
            rule="AR002",
            category="arithmetic",
            severity="error",
            title="GWP not applied",
            message=f"{gas}: reported 0.001, expected {expected}",
            locations=[merged.with_quote(f"空调制冷剂(t) | {gas.upper()} | 0.001 | 1 | {gwp} | 0.001")],
            reported="0.001",
            expected=expected,
        )
        for gas, gwp, expected in reversed(gases)
    ]
    views = inventory_view(result, "en")
    assert [(v.gas, v.cells["result"].expected) for v in views] == [
        (gas, expected) for gas, _, expected in gases
    ]


def test_impact_is_a_decimal_everywhere() -> None:
    assert impact_value_text("24473/3125") == "7.83136"
    assert impact_value_text("-57.599") == "-57.599"
    assert impact_value_text("1/3") == "0.333333"
    result = realistic_result()
    result.findings[1].impact = Impact(value="24473/3125", unit="tCO2e", share_of_total=0.0046)
    for fmt in ("text", "markdown", "html"):
        text = render(result, fmt, "en")
        assert "7.83136 tCO2e" in text and "24473" not in text, fmt
    data = json.loads(render(result, "json", "en"))
    assert data["findings"][1]["impact"]["value"] == 7.83136
    sarif = json.loads(render(result, "sarif", "en"))
    values = [r["properties"]["impact"]["value"] for r in sarif["runs"][0]["results"]]
    assert 7.83136 in values and all(not isinstance(v, str) for v in values)


def test_seed_pdf_names_its_tables_and_not_the_contents_chapter() -> None:
    """Seed 002's contents end with "5 结论10", read as a heading before chapter 1: the
    summary on page 2 must not be placed in "§5"; its tables are named by their captions."""
    from pathlib import Path

    from pcfaudit.pipeline import audit

    seed = Path(__file__).resolve().parents[1] / "fixtures/seeds/002_37b7dd170cf4d869.pdf"
    result = audit(seed)
    places = places_of(result)
    wheres = [describe_location(loc, "zh", places) for f in result.findings for loc in f.locations]
    assert not any(w.startswith("第 2 页，§5") for w in wheres)
    assert any("表 3.1 第" in w for w in wheres)
    text = render(result, "text", "zh")
    assert "table " not in text and " row " not in text


def test_a_section_title_with_spaces_is_localised_with_its_locator() -> None:
    text = "In §Data quality and sources, table 2 row 3, line 40, the value differs."
    assert localise_places(text, "zh", None) == (
        "In §Data quality and sources，表 2 第 3 行，第 40 行, the value differs."
    )
    # Running text after a numbered section is not taken into it.
    assert localise_places("See §4 and the boundary.", "zh", None) == "See §4 and the boundary."
