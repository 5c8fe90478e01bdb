"""Inventory tables → lines: seeds and inputs written for these tests."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import pytest

from pcfaudit.extract.detect import extract
from pcfaudit.interpret.inventory import interpret_inventory
from pcfaudit.interpret.tables import layout_of

ROOT = Path(__file__).resolve().parents[1]
SEED_000 = ROOT / "fixtures/seeds/000_e5f01d6d6220347d.txt"
SEED_002 = ROOT / "fixtures/seeds/002_37b7dd170cf4d869.txt"


def _inventory(path: Path):
    return interpret_inventory(extract(path.read_bytes(), str(path)))


def _line(lines, label_part, gas=None):
    found = [ln for ln in lines if label_part in ln.label and (gas is None or ln.gas == gas)]
    assert len(found) == 1, [(ln.label, ln.gas) for ln in found]
    return found[0]


def test_seed_000_electricity_row_with_units_from_headers():
    inv = _inventory(SEED_000)
    line = _line(inv.lines, "电力", "CO2")
    assert (line.quantity.number.text, line.quantity.unit) == ("2410", "MWh")
    assert (line.factor.number.text, line.factor.unit) == ("0.5942", "tCO2/MWh")
    assert line.gwp.text == "1"
    assert (line.result.number.text, line.result.unit) == ("1432.022", "tCO2e")
    assert line.location.section == "6.3"


def test_seed_000_row_groups_share_their_quantity():
    inv = _inventory(SEED_000)
    for label, amount in (("原材料运输", "60"), ("产品运输", "100")):
        group = [ln for ln in inv.lines if label in ln.label]
        assert [ln.gas for ln in group] == ["CO2", "CH4", "N2O"]
        assert {ln.quantity.number.text for ln in group} == {amount}
        assert [ln.factor.number.text for ln in group] == ["1.593", "0.0000683", "0.0000137"]
        assert [ln.gwp.text for ln in group] == ["1", "25", "298"]
        # CH4 and N2O results are blank, not zero.
        assert group[1].result is None and group[1].marks["result"] == "empty"


def test_seed_000_refrigerants_slash_cells_and_total():
    inv = _inventory(SEED_000)
    hfc = [ln for ln in inv.lines if ln.gas and ln.gas.startswith("HFC")]
    assert [(ln.gas, ln.gwp.text, ln.result.number.text) for ln in hfc] == [
        ("HFC-125", "3500", "0.001"),
        ("HFC-134a", "1430", "0.001"),
        ("HFC-143a", "4470", "0.001"),
    ]
    gas = _line(inv.lines, "天然气", "CO2")
    assert gas.quantity is None and gas.marks["quantity"] == "/"
    assert _line(inv.lines, "二氧化碳灭火器").quantity.number.text == "0.01"
    assert [(t.kind, t.quantity.number.text, t.quantity.unit) for t in inv.totals] == [
        ("total", "1686.915", "tCO2e")
    ]


def test_seed_002_results_shares_and_inputs_merge_by_label():
    inv = _inventory(SEED_002)
    assert [ln.label for ln in inv.lines] == [
        "电",
        "水",
        "钢材",
        "电机",
        "减速机",
        "油漆",
        "二氧化碳",
        "直接排放",
    ]
    assert sum(ln.result.number.value for ln in inv.lines) == Decimal("3334.37")
    water = _line(inv.lines, "水")
    assert (water.quantity.number.text, water.quantity.unit) == ("2.33", "t")
    assert water.share.text == "0.862%" and water.category == "能源获取"
    assert len(inv.shares) == 8


def test_english_markdown_table_with_thousands_separators_and_group():
    inv = _inventory(ROOT / "fixtures/synthetic/inv_en_markdown.md")
    alu = _line(inv.lines, "Aluminium")
    assert alu.quantity.number.value == Decimal("1250.5") and alu.quantity.unit == "kg"
    assert alu.result.number.value == Decimal("10754.3") and alu.result.unit == "kgCO2e"
    assert alu.share.text == "93.8%"
    methane = _line(inv.lines, "Natural gas", "CH4")
    assert methane.quantity.number.text == "120"  # from the group's first row
    packaging = _line(inv.lines, "Packaging")
    assert packaging.marks["quantity"] == "/" and packaging.marks["result"] == "—"
    assert inv.totals[0].quantity.number.value == Decimal("11307.43")


def test_chinese_input_list_quantities_join_results():
    inv = _inventory(ROOT / "fixtures/synthetic/inv_zh_shares.txt")
    copper = _line(inv.lines, "铜")
    assert (copper.quantity.number.text, copper.quantity.unit) == ("12", "kg")
    assert copper.result.number.text == "52.8" and copper.share.text == "38.10%"
    assert inv.totals[0].quantity.number.text == "138.58"


@pytest.mark.parametrize("path", [SEED_000, SEED_002])
def test_non_inventory_tables_are_not_read_as_inventory(path: Path):
    document = extract(path.read_bytes(), str(path))
    reduction = [t for t in document.tables if "措施" in t.rows[0][0].text]
    for table in reduction:
        assert not layout_of(table).is_inventory


def _rows(path: Path) -> list[tuple[str | None, str | None, str | None, str | None]]:
    from pcfaudit.interpret import interpret

    report = interpret(extract(path.read_bytes(), str(path)))
    return [
        (
            ln.gas,
            ln.quantity.number.text if ln.quantity else None,
            ln.gwp.text if ln.gwp else None,
            ln.result.number.text if ln.result else None,
        )
        for ln in report.inventory
    ]


@pytest.mark.parametrize("suffix", [".docx", ".pdf"])
def test_merged_group_labels_in_docx_and_pdf_read_like_the_text(suffix: str) -> None:
    """Word and PDF repeat a vertically merged label in every row, and a page break can cut
    the merged cell (seed 000's refrigerant group): the groups must still match the text."""
    assert _rows(SEED_000.with_suffix(suffix)) == _rows(SEED_000)


# --------------------------------------------------------------------------- issue 10

SYN = ROOT / "fixtures/synthetic"


def _md(text: str):
    return interpret_inventory(extract(text.encode(), "t.md"))


def _layout(header: str) -> dict[str, int]:
    document = extract((header + "\n|" + "---|" * header.count("|") + "\n").encode(), "t.md")
    # A data row so the header row is recognised as the header.
    table = document.tables[0]
    return layout_of(table).roles


@pytest.mark.parametrize(
    ("header", "expected"),
    [
        (
            "| Stage | Emission source | Gas | Activity data | Unit | Emission factor | "
            "Factor unit | GWP | Emissions (tCO2e) |",
            {
                "category": 0,
                "label": 1,
                "gas": 2,
                "quantity": 3,
                "unit": 4,
                "factor": 5,
                "factor-unit": 6,
                "gwp": 7,
                "result": 8,
            },
        ),
        (
            "| 排放源 | 活动数据 | 活动数据单位 | 排放因子 | 排放因子单位 | GWP | 排放量(tCO2e) | 占比 |",
            {
                "label": 0,
                "quantity": 1,
                "unit": 2,
                "factor": 3,
                "factor-unit": 4,
                "gwp": 5,
                "result": 6,
                "share": 7,
            },
        ),
        (
            "| Process | Input | Amount | Unit | EF (kgCO2e/unit) | Emissions (kgCO2e) | % |",
            {
                "category": 0,
                "label": 1,
                "quantity": 2,
                "unit": 3,
                "factor": 4,
                "result": 5,
                "share": 6,
            },
        ),
        (
            "| 排放源 | 消耗量 | 单位 | 排放因子 | 单位 | 排放量(tCO2e) |",
            {"label": 0, "quantity": 1, "unit": 2, "factor": 3, "factor-unit": 4, "result": 5},
        ),
    ],
)
def test_realistic_headers_get_their_roles(header: str, expected: dict[str, int]) -> None:
    """'Emission source' is a label (not the result), 'Factor unit' is the factor's unit."""
    assert _layout(header) == expected


def test_factor_unit_column_sets_the_factor_unit_en() -> None:
    inv = _inventory(SYN / "qa_inv_headers_en.txt")
    steel = _line(inv.lines, "Steel")
    assert (steel.factor.number.text, steel.factor.unit) == ("2.00", "tCO2e/t")
    assert steel.result.number.text == "200.000" and steel.result.unit == "tCO2e"
    methane = _line(inv.lines, "Natural gas", "CH4")
    assert methane.quantity.unit == "万m3" and methane.factor.unit == "t/万m3"
    assert _line(inv.lines, "Refrigerant").factor.unit == "t/t"


def test_stage_summary_table_becomes_subtotals_not_lines_zh() -> None:
    """表 4-1 (阶段 | 排放量 | 占比) restates 表 3-2 by stage: subtotals and group shares."""
    inv = _inventory(SYN / "qa_inv_summary_zh.txt")
    assert [ln.label for ln in inv.lines] == [
        "钢材",
        "外购电力",
        "柴油(叉车)",
        "柴油(叉车)",
        "柴油(叉车)",
    ]
    # The CH4/N2O rows of the diesel group inherit the stage printed on its first row.
    assert {ln.category for ln in inv.lines if "柴油" in ln.label} == {"产品生产阶段"}
    subtotals = [(v.label, v.quantity.number.text) for v in inv.totals if v.kind == "subtotal"]
    assert subtotals == [("原材料获取阶段", "200.000"), ("产品生产阶段", "581.063")]
    shares = [(v.label, v.quantity.number.text) for v in inv.shares if v.kind == "group-share"]
    assert shares == [("原材料获取阶段", "25.61"), ("产品生产阶段", "74.39")]


def test_summary_table_recognised_by_its_sum_when_details_have_no_stage_column() -> None:
    inv = _md(
        "| Item | Quantity | Unit | EF (tCO2e/t) | Emissions (tCO2e) |\n|---|---|---|---|---|\n"
        "| Steel | 10.0 | t | 2.00 | 20.00 |\n| Copper | 2.0 | t | 4.00 | 8.00 |\n"
        "| Paint | 1.0 | t | 3.00 | 3.00 |\n\n"
        "Results by stage\n\n"
        "| Life cycle stage | Emissions (tCO2e) | Share (%) |\n|---|---|---|\n"
        "| Raw materials | 28.00 | 90.32 |\n| Production | 3.00 | 9.68 |\n"
    )
    assert [ln.label for ln in inv.lines] == ["Steel", "Copper", "Paint"]
    assert [v.kind for v in inv.totals] == ["subtotal", "subtotal"]
    assert [v.kind for v in inv.shares] == ["group-share", "group-share"]


def test_second_results_table_with_other_lines_is_kept() -> None:
    """A materials table and an energy table are one inventory in two parts, not a summary."""
    inv = _md(
        "| Item | Quantity | Unit | EF (tCO2e/t) | Emissions (tCO2e) |\n|---|---|---|---|---|\n"
        "| Steel | 10.0 | t | 2.00 | 20.00 |\n| Copper | 2.0 | t | 4.00 | 8.00 |\n\n"
        "Energy\n\n"
        "| Energy | Emissions (tCO2e) |\n|---|---|\n| Electricity | 5.50 |\n| Diesel | 1.20 |\n"
    )
    assert [ln.label for ln in inv.lines] == ["Steel", "Copper", "Electricity", "Diesel"]
    assert inv.totals == []


def test_generic_per_unit_factor_header_takes_each_rows_quantity_unit() -> None:
    """'EF (kgCO2e/unit)': per unit of the row's own quantity (kg, kWh), not per piece."""
    inv = _md(
        "| Process | Input | Amount | Unit | EF (kgCO2e/unit) | Emissions (kgCO2e) | % |\n"
        "|---|---|---|---|---|---|---|\n"
        "| Raw materials | Steel | 120.0 | kg | 2.10 | 252.0 | 69.61 |\n"
        "| Manufacturing | Electricity | 200 | kWh | 0.5500 | 110.0 | 30.39 |\n"
        "| Total | | | | | 362.0 | 100.00 |\n"
    )
    steel, power = inv.lines
    assert (steel.factor.unit, power.factor.unit) == ("kgCO2e/kg", "kgCO2e/kWh")
    assert (steel.category, steel.result.unit) == ("Raw materials", "kgCO2e")
