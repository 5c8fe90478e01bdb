"""One self-contained HTML page: verdict, coverage, a filterable findings table, the
inventory with reported and expected values side by side, and a small bar chart.

No network: CSS and JS are inline, the chart is inline SVG. Everything from the report is
escaped by Jinja's autoescape; the script reads only data attributes, never report text.
The view is built here as plain data so the template stays free of logic.
"""

from __future__ import annotations

import datetime
import re
from dataclasses import dataclass, field
from decimal import Decimal, InvalidOperation
from functools import cache

import jinja2

from pcfaudit.model import AuditResult, Finding, InventoryLine, Location
from pcfaudit.render import html_views as views
from pcfaudit.render.common import (
    SEVERITIES,
    active,
    cause_of,
    count_text,
    coverage_lines,
    describe_location,
    expected_of,
    impact_text,
    label,
    message_of,
    norm_lang,
    reported_of,
    title_of,
    verdict,
    verdict_text,
    waived,
    waiver_text,
)
from pcfaudit.render.places import Places, places_of

# Which inventory cell a finding most likely speaks about, by category, when its reported
# value appears in more than one cell of the row (0.001 t × 3500 = "0.001").
FIELD_PREFERENCE: dict[str, tuple[str, ...]] = {
    "units": ("quantity", "result", "factor", "gwp"),
    "gwp": ("gwp", "result", "quantity", "factor"),
    "emission-factor": ("factor", "result", "quantity", "gwp"),
}
DEFAULT_PREFERENCE = ("result", "quantity", "factor", "gwp")
_NUMBER = re.compile(r"[-+]?\d[\d,]*(?:\.\d+)?(?:[eE][-+]?\d+)?")


@dataclass
class CellView:
    text: str
    expected: str | None = None
    rules: list[str] = field(default_factory=list)


@dataclass
class LineView:
    label: str
    where: str
    gas: str
    cells: dict[str, CellView]
    rules: list[str]
    reported_value: Decimal | None = None
    expected_value: Decimal | None = None
    findings: list[Finding] = field(default_factory=list)  # those that concern this line


@dataclass
class Bar:
    label: str
    y: int
    reported_w: float
    expected_w: float | None
    reported_text: str
    expected_text: str | None


def _plain(text: str) -> str:
    return text.replace(",", "").replace(" ", "").strip()


def _decimal(text: str | None) -> Decimal | None:
    if not text:
        return None
    m = _NUMBER.search(text)
    if not m:
        return None
    try:
        return Decimal(m.group(0).replace(",", ""))
    except InvalidOperation:
        return None


def _same_place(a: Location, line: InventoryLine) -> bool:
    b = line.location
    table = line.table if line.table is not None else b.table
    if a.table is not None and a.row is not None and table is not None and b.row is not None:
        return a.table == table and a.row == b.row
    if a.line is not None and b.line is not None:
        return a.line == b.line
    return False


def _cell_texts(line: InventoryLine) -> dict[str, str]:
    def mark(field: str) -> str:  # '/' as printed; a blank cell stays blank (as on the console)
        printed = line.marks.get(field, "")
        return "" if printed == "empty" else printed

    return {
        "quantity": str(line.quantity) if line.quantity else mark("quantity"),
        "factor": str(line.factor) if line.factor else mark("factor"),
        "gwp": line.gwp.text if line.gwp else mark("gwp"),
        "result": str(line.result) if line.result else mark("result"),
    }


def _number_texts(line: InventoryLine) -> dict[str, str]:
    return {
        "quantity": line.quantity.number.text if line.quantity else "",
        "factor": line.factor.number.text if line.factor else "",
        "gwp": line.gwp.text if line.gwp else "",
        "result": line.result.number.text if line.result else "",
    }


def _squash(text: str | None) -> str:
    return "".join((text or "").split()).casefold()


def _lines_of(loc: Location, lines: list[InventoryLine]) -> list[InventoryLine]:
    """The inventory lines a finding's location speaks about. Rows under one merged first
    cell share that cell's location (three refrigerant gases, one "空调制冷剂" cell): among
    them, the one whose row the finding quotes; none when the quote picks out none, since
    attaching a finding to the wrong gas is worse than to no row."""
    here = [line for line in lines if _same_place(loc, line)]
    if len(here) <= 1:
        return here
    return [line for line in here if _squash(line.location.quote) == _squash(loc.quote)]


def inventory_view(result: AuditResult, lang: str) -> list[LineView]:
    """Inventory rows with, per cell, the expected value of any finding that points at the
    same table row (or text line) and whose reported value is printed in that cell."""
    findings = [f for f in result.findings if not f.waived]
    places = places_of(result)
    inventory = result.report.inventory
    concerns: dict[int, list[Finding]] = {}
    for f in findings:
        for line in {id(x): x for loc in f.locations for x in _lines_of(loc, inventory)}.values():
            concerns.setdefault(id(line), []).append(f)
    views: list[LineView] = []
    for line in inventory:
        cells = {k: CellView(v) for k, v in _cell_texts(line).items()}
        numbers = {k: _plain(v) for k, v in _number_texts(line).items()}
        rules: list[str] = []
        for f in concerns.get(id(line), []):
            if f.rule not in rules:
                rules.append(f.rule)
            if f.reported is None or f.expected is None:
                continue
            for name in FIELD_PREFERENCE.get(f.category, DEFAULT_PREFERENCE):
                if numbers[name] and numbers[name] == _plain(f.reported):
                    cells[name].expected = expected_of(f, lang)
                    cells[name].rules.append(f.rule)
                    break
        reported = line.result.number.value if line.result else None
        expected = _decimal(cells["result"].expected) if cells["result"].expected else reported
        views.append(
            LineView(
                label=line.label if not line.group else f"{line.group} · {line.label}",
                where=describe_location(line.location, lang, places),
                gas=line.gas or "",
                cells=cells,
                rules=rules,
                reported_value=reported,
                expected_value=expected,
                findings=concerns.get(id(line), []),
            )
        )
    return views


def chart(lines: list[LineView], width: int = 360) -> tuple[list[Bar], int]:
    """Bars for line results as reported and, where a finding says otherwise, as expected.
    Floats only place pixels; no report number is compared through them."""
    rows = [v for v in lines if v.reported_value is not None]
    names = [v.label for v in rows]
    zero = Decimal(0)
    values = [abs(v.reported_value or zero) for v in rows]
    values += [abs(v.expected_value or zero) for v in rows]
    top: Decimal = max(values, default=zero)
    bars: list[Bar] = []
    y = 0
    for v in rows:
        rep = abs(v.reported_value or Decimal(0))
        exp = v.expected_value
        differs = exp is not None and exp != v.reported_value
        scale = float(rep / top) if top else 0.0
        bars.append(
            Bar(
                # Repeated labels (one refrigerant, three gases) are told apart by gas.
                label=f"{v.label} {v.gas}" if names.count(v.label) > 1 and v.gas else v.label,
                y=y,
                reported_w=max(scale * width, 1.0),
                expected_w=(
                    max(float(abs(exp) / top) * width, 1.0)
                    if differs and exp is not None and top
                    else None
                ),
                reported_text=v.cells["result"].text,
                expected_text=v.cells["result"].expected if differs else None,
            )
        )
        y += 34 if differs else 22
    return bars, y


def finding_view(f: Finding, lang: str, places: Places | None = None) -> dict[str, object]:
    return {
        "rule": f.rule,
        "severity": f.severity,
        "severity_label": label(lang, f"severity.{f.severity}"),
        "category": f.category,
        "title": title_of(f, lang),
        "message": message_of(f, lang, places),
        "locations": [
            {"where": describe_location(loc, lang, places), "quote": loc.quote or ""} for loc in f.locations
        ],
        "reported": reported_of(f, lang),
        "expected": expected_of(f, lang),
        "cause": cause_of(f, lang, places),
        "impact": impact_text(f, lang),
        "waived": waiver_text(f, lang) if f.waived else None,
        "fingerprint": f.fingerprint,
    }


@cache
def _environment() -> jinja2.Environment:
    return jinja2.Environment(
        loader=jinja2.PackageLoader("pcfaudit.render", "templates"),
        autoescape=True,
        undefined=jinja2.StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
    )


def render_html(result: AuditResult, lang: str = "en", audit_date: str | None = None) -> str:
    """The page; ``audit_date`` (ISO date) defaults to today's in UTC."""
    lang = norm_lang(lang)
    if audit_date is None:
        audit_date = datetime.datetime.now(datetime.UTC).date().isoformat()
    places = places_of(result)
    findings = [finding_view(f, lang, places) for f in active(result) + waived(result)]
    lines = inventory_view(result, lang)
    bars, chart_height = chart(lines)
    recomputed = {
        id(line): view.expected_value
        for line, view in zip(result.report.inventory, lines, strict=True)
        if view.expected_value is not None
    }
    categories = sorted({f.category for f in result.findings})
    summary = result.summary

    def t(key: str, **values: object) -> str:
        return label(lang, key, **values)

    return (
        _environment()
        .get_template("report.html.j2")
        .render(
            lang=lang,
            html_lang="zh-CN" if lang == "zh" else "en",
            t=t,
            verdict=verdict(result),
            verdict_text=verdict_text(result, lang),
            source=result.source,
            tool=result.tool,
            coverage=coverage_lines(result, lang),
            summary=[(s, count_text(s, summary[s], lang)) for s in SEVERITIES],
            severities=[(s, label(lang, f"severity.{s}")) for s in SEVERITIES],
            categories=categories,
            findings=findings,
            waived_count=sum(1 for f in result.findings if f.waived),
            unmatched=result.unmatched_waivers,
            lines=lines,
            bars=bars,
            chart_height=chart_height,
            headline=views.headline(result, recomputed),
            stages=views.stage_bars(result, recomputed, lang),
            matrices=views.matrices(result),
            checklist=views.checklist(result, lang),
            record=views.meta(result, lang, audit_date).items,
        )
    )
