"""The recomputation as a workbook (``--format xlsx``) and as CSV (``--format csv``), for a
verifier who checks the arithmetic in a spreadsheet.

Sheet "Inventory": every inventory line with its printed quantity, factor, GWP and result;
the product of the printed numbers with the interval their printed precision allows (no
unit conversion: a gap of a power of ten is a unit question, which the findings answer);
the same product as a live spreadsheet formula; the value the findings expect; and the
findings themselves. Sheets "Findings", "Totals" and "Checks" follow. Headers are in the
reader's language; numbers are numbers (Chinese Excel opens the file as it is), text from
the report stays text. The CSV is the Inventory sheet, UTF-8 with a BOM so Excel reads the
Chinese correctly.
"""

from __future__ import annotations

import csv
import io
from decimal import Decimal
from fractions import Fraction
from typing import Any

from pcfaudit.model import AuditResult, InventoryLine, Number
from pcfaudit.render import html_views as views
from pcfaudit.render.common import (
    active,
    cause_of,
    decimal_text,
    describe_location,
    expected_of,
    impact_number,
    label,
    message_of,
    reported_of,
    title_of,
)
from pcfaudit.render.html_out import inventory_view
from pcfaudit.render.places import places_of

Audited = list[tuple[AuditResult, str]]
INVENTORY_KEYS = (
    "file", "line", "where", "gas", "quantity", "quantity_unit", "factor", "factor_unit", "gwp",
    "result", "result_unit", "product", "product_low", "product_high", "formula", "expected",
    "rules", "findings",
)  # fmt: skip


def _number(n: Number | None) -> Decimal | None:
    return n.value if n is not None else None


def _cell(value: Any) -> Any:
    """A spreadsheet cell: exact decimals become numbers."""
    return float(value) if isinstance(value, Decimal) else value


def _text(value: Any) -> str:
    """A CSV field: decimals as printed, never in exponent notation."""
    if value is None:
        return ""
    return decimal_text(value) if isinstance(value, Decimal) else str(value)


def _sig(value: Fraction) -> str:
    return decimal_text(round(Decimal(value.numerator) / Decimal(value.denominator), 6))


def _product(line: InventoryLine) -> tuple[str, str, str] | None:
    """quantity × factor (× GWP) of the printed numbers, with the interval the printed
    precision of quantity and factor allows (a GWP is a defined constant, taken exactly)."""
    numbers = [q.number for q in (line.quantity, line.factor) if q is not None]
    if len(numbers) < 2:
        return None
    gwp = Fraction(line.gwp.value) if line.gwp is not None else Fraction(1)
    exact = gwp
    low = high = gwp
    for n in numbers:
        lo, hi = n.interval
        exact *= Fraction(n.value)
        candidates = [low * lo, low * hi, high * lo, high * hi]
        low, high = min(candidates), max(candidates)
    return _sig(exact), _sig(low), _sig(high)


def inventory_rows(result: AuditResult, lang: str) -> list[dict[str, Any]]:
    places = places_of(result)
    lines = inventory_view(result, lang)
    rows = []
    for line, view in zip(result.report.inventory, lines, strict=True):
        product = _product(line)
        rows.append(
            {
                "file": str(result.source.get("path", "")),
                "line": view.label,
                "where": describe_location(line.location, lang, places),
                "gas": line.gas or "",
                "quantity": _number(line.quantity.number) if line.quantity else None,
                "quantity_unit": line.quantity.unit_text if line.quantity else "",
                "factor": _number(line.factor.number) if line.factor else None,
                "factor_unit": line.factor.unit_text if line.factor else "",
                "gwp": _number(line.gwp),
                "result": _number(line.result.number) if line.result else None,
                "result_unit": line.result.unit_text if line.result else "",
                "product": Decimal(product[0]) if product else None,
                "product_low": Decimal(product[1]) if product else None,
                "product_high": Decimal(product[2]) if product else None,
                "formula": "",  # filled per row by the workbook writer
                "expected": view.cells["result"].expected or "",
                "rules": " ".join(view.rules),
                "findings": "\n".join(
                    f"{f.rule}: {message_of(f, lang, places)}" for f in view.findings
                ),
            }
        )
    return rows


def _finding_rows(result: AuditResult, lang: str) -> list[list[Any]]:
    places = places_of(result)
    rows = []
    for f in active(result):
        value = impact_number(f.impact.value)
        rows.append([
            str(result.source.get("path", "")), f.rule, label(lang, f"severity.{f.severity}"),
            title_of(f, lang), message_of(f, lang, places),
            "; ".join(describe_location(loc, lang, places) for loc in f.locations),
            reported_of(f, lang) or "", expected_of(f, lang) or "", cause_of(f, lang, places) or "",
            float(value) if value is not None else None, f.impact.unit or "",
            f.impact.share_of_total, f.fingerprint,
        ])  # fmt: skip
    return rows


def _headers(lang: str, keys: tuple[str, ...]) -> list[str]:
    return [label(lang, f"sheet.{key}") for key in keys]


def render_csv(audited: Audited) -> str:
    """The Inventory sheet as CSV, with a UTF-8 BOM for Excel."""
    lang = audited[0][1] if audited else "en"
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n")
    keys = tuple(k for k in INVENTORY_KEYS if k != "formula")
    writer.writerow(_headers(lang, keys))
    for result, language in audited:
        for row in inventory_rows(result, language):
            writer.writerow([_text(row[k]) for k in keys])
    return "\ufeff" + out.getvalue()


def render_xlsx(audited: Audited) -> bytes:
    from openpyxl import Workbook
    from openpyxl.styles import Alignment, Font
    from openpyxl.utils import get_column_letter

    lang = audited[0][1] if audited else "en"
    book = Workbook()
    sheet = book.active
    sheet.title = label(lang, "sheet.inventory")
    sheet.append(_headers(lang, INVENTORY_KEYS))
    col = {k: get_column_letter(i + 1) for i, k in enumerate(INVENTORY_KEYS)}
    for result, language in audited:
        for row in inventory_rows(result, language):
            r = sheet.max_row + 1
            if row["quantity"] is not None and row["factor"] is not None:
                gwp = f"*{col['gwp']}{r}" if row["gwp"] is not None else ""
                row["formula"] = f"={col['quantity']}{r}*{col['factor']}{r}{gwp}"
            sheet.append([_cell(row[k]) for k in INVENTORY_KEYS])
    findings = book.create_sheet(label(lang, "sheet.findings"))
    findings.append(_headers(lang, (
        "file", "rule", "severity", "title", "message", "where", "reported", "expected_value",
        "cause", "impact", "impact_unit", "impact_share", "fingerprint",
    )))  # fmt: skip
    totals = book.create_sheet(label(lang, "sheet.totals"))
    totals.append(_headers(lang, ("file", "figure", "value", "unit")))
    checks = book.create_sheet(label(lang, "sheet.checks"))
    checks.append(_headers(lang, ("file", "rule", "title", "status", "passed", "failed",
                                  "cannot_tell", "why")))  # fmt: skip
    for result, language in audited:
        path = str(result.source.get("path", ""))
        for frow in _finding_rows(result, language):
            findings.append(frow)
        lines = inventory_view(result, language)
        recomputed = {
            id(line): v.expected_value
            for line, v in zip(result.report.inventory, lines, strict=True)
            if v.expected_value is not None
        }
        head = views.headline(result, recomputed)
        if head is not None:
            for key, value, unit in (
                ("head.reported_total", head.reported_total, head.unit),
                ("head.lines_printed", head.lines_as_printed, head.unit),
                ("head.lines_recomputed", head.lines_recomputed, head.unit),
                ("head.per_unit_any", head.per_unit_reported, head.per_unit_unit),
                ("head.per_unit_recomputed", head.per_unit_recomputed, head.per_unit_unit),
            ):
                if value is not None:
                    totals.append([path, label(language, key), float(value), unit])
        for c in views.checklist(result, language):
            checks.append([path, c.rule, c.title, c.status_text, c.passed, c.failed,
                           c.cannot_tell, c.why])  # fmt: skip
    for ws in book.worksheets:
        ws.freeze_panes = "A2"
        for cell in ws[1]:
            cell.font = Font(bold=True)
        for i, column in enumerate(ws.columns, start=1):
            width = max((len(str(c.value)) for c in column if c.value is not None), default=8)
            ws.column_dimensions[get_column_letter(i)].width = min(max(width + 2, 8), 60)
            for c in column:
                if isinstance(c.value, str) and "\n" in c.value:
                    c.alignment = Alignment(wrap_text=True, vertical="top")
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()
