"""AR012: relations found from the numbers of a table (no header words needed), and the cell
that breaks one. Tables written for these tests, in layouts the seeds do not have."""

from __future__ import annotations

from pcfaudit.extract.text import extract_text
from pcfaudit.interpret import interpret
from pcfaudit.pipeline import audit
from pcfaudit.recompute import recompute
from pcfaudit.recompute.discover import discover
from pcfaudit.recompute.relation_checks import relation_checks


def _findings(text: str, code: str = "AR012") -> list:
    return [f for f in audit(text.encode("utf-8"), name="t.md").findings if f.rule == code]


def _html(rows: list[list[str]]) -> str:
    body = "".join("<tr>" + "".join(f"<td>{c}</td>" for c in row) + "</tr>" for row in rows)
    return f"<html><body><table>{body}</table></body></html>"


# A column = another × 44/28 (N2O-N → N2O), no header words at all.
_N2O_ROWS = [
    ["A", "1.20", "1.89"],
    ["B", "2.40", "3.77"],
    ["C", "3.10", "4.87"],
    ["D", "0.85", "1.34"],
    ["E", "5.00", "7.86"],
]


def test_constant_column_without_header_words_flags_the_broken_cell() -> None:
    rows = [r[:] for r in _N2O_ROWS]
    rows[2][2] = "5.87"  # 3.10 × 44/28 = 4.87
    text = "# 结果\n\n表1 各处理排放\n\n" + _html(rows) + "\n"
    (f,) = _findings(text)
    assert f.reported == "5.87"
    assert f.expected == "4.87"
    assert "44/28" in f.message
    assert f.locations[0].quote == "5.87"


def test_same_table_consistent_is_silent() -> None:
    text = "# 结果\n\n" + _html(_N2O_ROWS) + "\n"
    assert _findings(text) == []


def test_transposed_sum_row_with_e_notation_english() -> None:
    # Stages as columns, the last row the total of the rows above: found on the transpose.
    rows = [
        ["Gas", "Raw materials", "Production", "Transport", "End of life"],
        ["CO2", "1.20E+02", "3.50E+01", "8.0E+00", "2.1E+00"],
        ["CH4", "4.10E+00", "1.20E+00", "2.0E-01", "5.0E-01"],
        ["N2O", "2.20E+00", "6.0E-01", "1.0E-01", "3.0E-01"],
        ["Total", "1.26E+02", "3.68E+01", "8.3E+00", "3.9E+00"],
    ]
    text = "# Results\n\n" + _html(rows) + "\n"
    (f,) = _findings(text)
    assert f.reported == "3.9E+00"  # 2.1 + 0.5 + 0.3 = 2.9
    assert f.expected == "2.9"


def test_two_tables_joined_on_row_labels_with_a_gwp_and_unit_step() -> None:
    # Table 2 = table 1 (mg/m²) × GWP 265 / 100 (kg/hm²), rows in another order.
    t1 = [
        ["T1", "12.7", "100.00"],
        ["T2", "9.1", "150.50"],
        ["T3", "4.4", "80.20"],
        ["T4", "6.3", "120.40"],
    ]
    t2 = [
        ["T4", "319.06", "17.3"],
        ["T1", "265.00", "21.9"],
        ["T3", "212.53", "30.2"],
        ["T2", "498.83", "11.8"],
    ]
    text = "# 结果\n\n" + _html(t1) + "\n\n正文。\n\n" + _html(t2) + "\n"
    (f,) = _findings(text)
    assert f.reported == "498.83"
    assert f.expected == "398.83"  # 150.50 × 2.65
    assert "GWP N2O" in f.message


def test_two_tables_with_only_two_shared_rows_prove_nothing() -> None:
    t1 = [
        ["T1", "12.7", "100.00"],
        ["T2", "9.1", "150.50"],
        ["X", "4.4", "80.20"],
        ["Y", "6.3", "120.40"],
    ]
    t2 = [
        ["T1", "265.00", "17.3"],
        ["T2", "498.83", "21.9"],
        ["Z", "212.53", "30.2"],
        ["W", "319.06", "11.8"],
    ]
    text = "# 结果\n\n" + _html(t1) + "\n\n正文。\n\n" + _html(t2) + "\n"
    assert _findings(text) == []


def test_shares_of_each_rows_own_total_are_not_summed_down_the_column() -> None:
    rows = [
        ["处理", "CH4", "占比/%", "N2O", "占比/%", "合计"],
        ["A", "581.07", "48.26", "623.06", "51.74", "1204.13"],
        ["B", "928.01", "63.12", "542.26", "36.88", "1470.26"],
        ["C", "419.17", "52.88", "373.41", "47.12", "792.58"],
        ["D", "489.89", "61.07", "312.19", "38.93", "802.08"],
    ]
    text = "# 结果\n\n" + _html(rows) + "\n"
    result = audit(text.encode("utf-8"), name="t.md")
    assert not [f for f in result.findings if f.rule in {"AR007", "AR012"}]


def test_recompute_without_tables_keeps_its_old_signature() -> None:
    doc = extract_text(("# 结果\n\n" + _html(_N2O_ROWS) + "\n").encode(), "t.md")
    checks = recompute(interpret(doc))
    assert not [c for c in checks if c.relation == "table-relation"]
    with_tables = recompute(interpret(doc), doc.tables)
    relations = [c for c in with_tables if c.relation == "table-relation"]
    assert [c.status for c in relations] == ["pass"]  # all rows hold: one held relation
    assert relations[0].note == "holds on 5 of 5 rows" and "44/28" in (relations[0].label or "")


def test_stage_name_heading_a_block_does_not_join_to_a_stage_summary() -> None:
    # Inventory: the stage name heads its block (first column), lines are labelled in the
    # second; three stages have one line, so "stage = its first line" holds on 3 of 4 rows.
    inventory = [
        ["Stage", "Source", "Amount", "Emissions"],
        ["Raw materials", "Steel", "120.5", "301.250"],
        ["Production", "Electricity", "800.2", "428.959"],
        ["", "Natural gas", "95.0", "1822.657"],
        ["Distribution", "Diesel", "12.3", "38.081"],
        ["End of life", "Landfill", "55.3", "1.383"],
    ]
    summary = [
        ["Stage", "Emissions", "Share (%)"],
        ["Raw materials", "301.250", "11.63"],
        ["Production", "2251.616", "86.90"],
        ["Distribution", "38.081", "1.47"],
        ["End of life", "1.383", "0.05"],
    ]
    text = "# Results\n\n" + _html(inventory) + "\n\nBy stage:\n\n" + _html(summary) + "\n"
    doc = extract_text(text.encode(), "t.md")
    assert list(relation_checks(discover(doc.tables))) == []
    assert _findings(text) == []


def test_two_lines_sharing_a_factor_are_no_broken_relation_in_the_transpose() -> None:
    """Two diesel lines with one emission factor are proportional in amount, emissions and
    share; read as columns of the transposed table that looks like 'column × 11/24' broken by
    the factor cell, which is equal in both lines, not wrong."""
    from pathlib import Path

    from pcfaudit.pipeline import audit

    path = Path(__file__).parent / "data" / "negatives" / "shared_factor_lines_en.md"
    assert [f.rule for f in audit(path).findings if f.severity != "info"] == []
