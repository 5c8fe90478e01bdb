"""The recomputation as a workbook and as CSV: every inventory line with its printed and
recomputed values, the formula, the interval and the findings; opens in Chinese Excel."""

from __future__ import annotations

import csv
import io
from pathlib import Path

import openpyxl
from typer.testing import CliRunner

from pcfaudit.cli import app
from pcfaudit.render.workbook import render_csv, render_xlsx
from test_render_fixtures import realistic_result

SEED = Path(__file__).resolve().parents[1] / "fixtures/seeds/000_e5f01d6d6220347d.txt"


def test_inventory_sheet_has_every_line_with_formula_interval_and_finding() -> None:
    result = realistic_result()
    book = openpyxl.load_workbook(io.BytesIO(render_xlsx([(result, "en")])))
    assert book.sheetnames == ["Inventory", "Findings", "Totals", "Checks"]
    rows = list(book["Inventory"].iter_rows(values_only=True))
    header, body = rows[0], rows[1:]
    assert len(body) == len(result.report.inventory)
    col = {name: header.index(name) for name in header}
    electricity = body[0]
    assert electricity[col["Quantity"]] == 2410 and electricity[col["Reported result"]] == 1432.022
    product = header[col["Formula"] - 3]
    assert product.startswith("Quantity × factor × GWP")
    assert electricity[col["Formula"]] == "=E2*G2*I2"
    low, high = electricity[col["Formula"] - 2], electricity[col["Formula"] - 1]
    assert low < 1432.022 < high and high - low < 2  # 2410 ± 0.5 × 0.5942 ± 0.00005
    hfc = body[3]  # HFC-125: 0.001 t × 1 × 3500 printed as 0.001
    assert hfc[col["Result expected by the findings"]] == "3.5"
    assert "ARI001" in hfc[col["Rules"]] and "3.5 tCO2e" in hfc[col["Findings"]]
    findings = list(book["Findings"].iter_rows(values_only=True))
    assert len(findings) - 1 == len([f for f in result.findings if not f.waived])


def test_csv_has_a_bom_and_printed_numbers() -> None:
    text = render_csv([(realistic_result(), "zh")])
    assert text.startswith("\ufeff文件,清单行")
    rows = list(csv.reader(io.StringIO(text.lstrip("\ufeff"))))
    assert rows[1][4] == "2410" and rows[1][9] == "1432.022"  # not 2410.0


def test_command_line_workbook_needs_an_output_file(tmp_path: Path) -> None:
    runner = CliRunner()
    done = runner.invoke(app, ["check", str(SEED), "-f", "xlsx"])
    assert done.exit_code == 2 and "--output" in done.stderr
    out = tmp_path / "audit.xlsx"
    done = runner.invoke(app, ["check", str(SEED), "-f", "xlsx", "-o", str(out)])
    assert done.exit_code == 1
    book = openpyxl.load_workbook(out)
    assert book.sheetnames == ["清单", "问题", "总量", "检查清单"]  # the report's language
    totals = {r[1]: r[2] for r in book["总量"].iter_rows(min_row=2, values_only=True)}
    assert totals["报告总量"] == 1686.915
