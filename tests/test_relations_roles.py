"""Inventory column roles from the numbers (AR001/AR003 take their structure from arithmetic;
header words are evidence, not a prerequisite). Tables written for these tests, in layouts
the seeds do not have: no header row, headers in words no lexicon has, one line per column,
mixed and 万 units, decimal commas."""

from __future__ import annotations

from pcfaudit.extract.text import extract_text
from pcfaudit.interpret.inventory import interpret_inventory
from pcfaudit.interpret.tables import layout_of
from pcfaudit.model import Finding
from pcfaudit.pipeline import audit
from pcfaudit.vocab.numbers import number_convention, parse_number, uses_decimal_comma


def _tab(rows: list[list[str]]) -> str:
    return "\n".join("\t".join(r) for r in rows)


def _html(rows: list[list[str]]) -> str:
    body = "".join("<tr>" + "".join(f"<td>{c}</td>" for c in row) + "</tr>" for row in rows)
    return f"<table>{body}</table>"


def _audit(text: str, name: str = "t.md") -> list[Finding]:
    return audit(text.encode("utf-8"), name=name).findings


def _rule(findings: list[Finding], code: str) -> list[Finding]:
    return [f for f in findings if f.rule == code]


# Quantity × factor = result (t × tCO2e/t = tCO2e), with no header row at all.
# 120.50 × 2.31 = 278.355; 16.20 × 3.95 = 63.99; 4.75 × 15.20 = 72.2; 800.0 × 0.5703 = 456.24
_HEADERLESS = [
    ["Hot-rolled coil", "120.50", "t", "2.31", "tCO2e/t", "278.355"],
    ["Zinc ingot", "16.20", "t", "3.95", "tCO2e/t", "63.990"],
    ["Aluminium profile", "4.75", "t", "15.20", "tCO2e/t", "72.200"],
    ["Grid electricity", "800.0", "MWh", "0.5703", "tCO2/MWh", "456.240"],
    ["Total", "", "", "", "", "870.785"],
]


def _document(body: str) -> str:
    return f"# Inventory\n\nTable 2 Inputs and emissions of the galvanising line\n\n{body}\n"


def test_headerless_table_gets_its_roles_from_the_product_relation() -> None:
    doc = extract_text(_document(_tab(_HEADERLESS)).encode(), "t.txt")
    layout = layout_of(doc.tables[0])
    assert layout.header_rows == 0
    assert layout.roles["quantity"] == 1 and layout.roles["factor"] == 3
    assert layout.roles["result"] == 5 and layout.roles["unit"] == 2
    assert layout.roles["factor-unit"] == 4 and layout.roles["label"] == 0
    assert layout.result_unit == "tCO2e"
    inventory = interpret_inventory(doc)
    assert [ln.label for ln in inventory.lines][:2] == ["Hot-rolled coil", "Zinc ingot"]
    assert inventory.totals[0].quantity.number.text == "870.785"


def test_headerless_table_clean_is_silent() -> None:
    findings = _audit(_document(_tab(_HEADERLESS)), "t.txt")
    assert [f for f in findings if f.category in {"arithmetic", "units"}] == []


def test_headerless_table_digit_slip_is_an_ar001_error_with_the_expected_value() -> None:
    rows = [r[:] for r in _HEADERLESS]
    rows[1][5] = "68.990"  # 16.20 × 3.95 = 63.990
    rows[4][5] = "875.785"
    (f,) = _rule(_audit(_document(_tab(rows)), "t.txt"), "AR001")
    assert f.severity == "error"
    assert (f.reported, f.expected) == ("68.990", "63.990")
    assert "Zinc ingot" in f.message


def test_foreign_header_words_and_a_kg_quantity_against_a_per_t_factor() -> None:
    # German headers no lexicon has; the first line is in kg against a factor per t.
    rows = [["Bezeichnung", "Menge", "Einheit", "Faktor", "Einheit", "Ergebnis"]]
    rows += [r[:] for r in _HEADERLESS]
    rows[1][1], rows[1][2] = "120500", "kg"
    doc = extract_text(_document(_tab(rows)).encode(), "t.txt")
    layout = layout_of(doc.tables[0])
    assert {"quantity", "factor", "result"} <= set(layout.from_numbers)
    assert _rule(_audit(_document(_tab(rows)), "t.txt"), "AR001") == []
    rows[1][1] = "120500000"  # ×1000: the kg figure entered as grams would be
    units = [f for f in _audit(_document(_tab(rows)), "t.txt") if f.category == "units"]
    assert units and units[0].expected == "278355.000"


def test_lines_as_columns_in_chinese_with_wan_kwh() -> None:
    # One inventory line per column; electricity in 万kWh against a factor per MWh.
    # 82.40 × 2.05 = 168.92; 31.60 × 3.10 = 97.96; 12.50 万kWh = 125 MWh × 0.5366 = 67.075
    rows = [
        ["排放源", "钢板", "焊丝", "外购电力", "天然气", "合计"],
        ["活动数据", "82.40", "31.60", "12.50", "3.200", ""],
        ["单位", "t", "t", "万kWh", "万m³", ""],
        ["排放因子", "2.05", "3.10", "0.5366", "21.622", ""],
        ["排放因子单位", "tCO2e/t", "tCO2e/t", "tCO2/MWh", "tCO2/万m³", ""],
        ["排放量（tCO2e）", "168.920", "97.960", "67.075", "69.190", "403.145"],
    ]
    text = "# 清单\n\n表3 清单\n\n" + _html(rows) + "\n"
    doc = extract_text(text.encode(), "t.md")
    inventory = interpret_inventory(doc)
    assert [ln.label for ln in inventory.lines] == ["钢板", "焊丝", "外购电力", "天然气"]
    power = inventory.lines[2]
    assert power.quantity is not None and power.quantity.unit == "万kWh"
    assert _rule(_audit(text), "AR001") == [] and _rule(_audit(text), "UN002") == []
    rows[5][3] = "76.075"
    (f,) = _rule(_audit("# 清单\n\n表3 清单\n\n" + _html(rows) + "\n"), "AR001")
    assert (f.reported, f.expected) == ("76.075", "67.075")


def test_product_on_two_rows_or_with_blurred_inputs_names_no_role() -> None:
    # Holds on two rows only: not evidence enough. And a one-digit column ("3") makes any
    # product "hold" within rounding: such rows are not judged.
    two = [["A", "2.00", "3.00", "6.00"], ["B", "4.00", "5.00", "20.00"],
           ["C", "1.50", "7.00", "9.99"], ["D", "2.50", "2.00", "7.77"]]  # fmt: skip
    blurred = [["M1", "3", "61.05", "158"], ["M2", "3", "108.30", "280"],
               ["X", "3", "136.65", "354"], ["F", "3", "129.15", "335"]]  # fmt: skip
    for rows in (two, blurred):
        doc = extract_text(_document(_tab(rows)).encode(), "t.txt")
        layout = layout_of(doc.tables[0])
        assert layout.from_numbers == [] and not layout.is_inventory


def test_decimal_comma_convention_is_read_from_the_tables() -> None:
    assert uses_decimal_comma(["1.234,5", "0,57", "12,25", "3"])
    assert not uses_decimal_comma(["1,234", "2,345", "3,456"])  # thousands, or not: unknown
    assert not uses_decimal_comma(["1.234,5", "0,57", "12,25", "1,234.5", "3.25", "7.5"])
    with number_convention(True):
        n = parse_number("1.234,5")
        assert n is not None and n.value == 1234.5 and n.text == "1.234,5" and n.decimals == 1
    n = parse_number("0,57")
    assert n is not None and n.value * 100 == 57


def test_european_report_with_decimal_commas_is_read_and_checked() -> None:
    rows = [[c.translate(str.maketrans(",.", ".,")) for c in r] for r in _HEADERLESS]
    rows[4][5] = "870,785"
    assert _rule(_audit(_document(_tab(rows)), "t.txt"), "AR001") == []
    assert _rule(_audit(_document(_tab(rows)), "t.txt"), "AR003") == []
    rows[4][5] = "880,785"
    (f,) = _rule(_audit(_document(_tab(rows)), "t.txt"), "AR003")
    assert (f.reported, f.expected) == ("880,785", "870.785")


# Stage subtotal rows and a total row whose labels were lost: only the numbers say what
# they are (a row equal to the sum of a block is its subtotal, of all lines the total).
_BARE_SUMS = [
    ["原材料获取阶段", "钢板", "82.40", "t", "2.05", "tCO2e/t", "168.920"],
    ["原材料获取阶段", "焊丝", "31.60", "t", "3.10", "tCO2e/t", "97.960"],
    ["原材料获取阶段", "", "", "", "", "", "266.880"],
    ["产品生产阶段", "外购电力", "125.0", "MWh", "0.5366", "tCO2/MWh", "67.075"],
    ["产品生产阶段", "天然气", "3.200", "万m³", "21.622", "tCO2/万m³", "69.190"],
    ["产品生产阶段", "", "", "", "", "", "136.265"],
    ["", "", "", "", "", "", "403.145"],
]


def _zh(rows: list[list[str]]) -> str:
    return "# 清单\n\n表2 清单\n\n" + _html(rows) + "\n"


def test_unlabelled_sum_rows_are_read_as_subtotals_and_total() -> None:
    doc = extract_text(_zh(_BARE_SUMS).encode(), "t.md")
    inventory = interpret_inventory(doc)
    assert [ln.label for ln in inventory.lines] == ["钢板", "焊丝", "外购电力", "天然气"]
    kinds = [(t.kind, t.label, t.quantity.number.text) for t in inventory.totals]
    assert kinds == [
        ("subtotal", "原材料获取阶段", "266.880"),
        ("subtotal", "产品生产阶段", "136.265"),
        ("total", "", "403.145"),
    ]
    assert [f for f in _audit(_zh(_BARE_SUMS)) if f.category == "arithmetic"] == []


def test_unlabelled_subtotal_that_breaks_its_block_is_an_ar003_error() -> None:
    rows = [r[:] for r in _BARE_SUMS]
    rows[5][6] = "163.265"  # 67.075 + 69.190 = 136.265: two digits swapped
    (f,) = _rule(_audit(_zh(rows)), "AR003")
    assert (f.reported, f.expected) == ("163.265", "136.265")
    assert "产品生产阶段" in f.message
