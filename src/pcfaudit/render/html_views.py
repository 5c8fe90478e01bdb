"""The parts of the HTML report a verifier hands to a client, built as plain data: the
headline (reported vs recomputed totals and per-unit value), contributions by stage, the
EPD module matrix with the cells findings concern, and the checklist of every rule that ran.

Sums are exact (``Decimal``); only bar widths are floats. A recomputed figure is given only
when every line it sums is in the unit of the reported total, so it is never a sum of
kilograms and tonnes.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from decimal import Decimal

from pcfaudit.model import AuditResult, Finding, InventoryLine, Location, ResultMatrix
from pcfaudit.render.common import decimal_text, label, title_of
from pcfaudit.rules.catalog import load_catalog
from pcfaudit.vocab.units import emission_mass_unit

STAGES = (
    "raw-material",
    "raw-material-transport",
    "production",
    "distribution",
    "use",
    "end-of-life",
    "other",
)


@dataclass
class Headline:
    unit: str
    reported_total: str | None = None
    lines_as_printed: str | None = None
    lines_recomputed: str | None = None
    per_unit_reported: str | None = None
    per_unit_recomputed: str | None = None
    per_unit_unit: str = ""
    basis: str = ""


@dataclass
class StageBar:
    stage: str
    name: str
    reported: Decimal
    recomputed: Decimal
    reported_pct: float = 0.0
    recomputed_pct: float = 0.0

    @property
    def differs(self) -> bool:
        return self.reported != self.recomputed


@dataclass
class MatrixView:
    caption: str
    basis: str
    modules: list[str]
    rows: list[tuple[str, list[tuple[str, list[str]]]]]  # indicator, [(value, rules)]


@dataclass
class CheckRow:
    rule: str
    title: str
    status: str  # failed | passed | cannot_tell | not_applicable
    status_text: str
    passed: int
    failed: int
    cannot_tell: int
    why: str = ""


@dataclass
class Meta:
    items: list[tuple[str, str]] = field(default_factory=list)


def _sum(values: list[Decimal]) -> Decimal:
    return sum(values, Decimal(0))


def _unit(line: InventoryLine) -> str | None:
    return emission_mass_unit(line.result.unit or line.result.unit_text) if line.result else None


def headline(result: AuditResult, recomputed: dict[int, Decimal]) -> Headline | None:
    """``recomputed``: each inventory line's result (by ``id``) once corrected by the
    findings (as printed where no finding disputes it)."""
    report = result.report
    totals = [t for t in report.totals if t.kind == "total"]
    if not totals:
        return None
    total = next((t for t in totals if t.location.table is not None), totals[0])
    unit = emission_mass_unit(total.quantity.unit or total.quantity.unit_text)
    head = Headline(unit=total.quantity.unit_text or unit or "")
    head.reported_total = total.quantity.number.text
    lines = [line for line in report.inventory if line.result is not None]
    if lines and unit and all(_unit(line) == unit for line in lines):
        printed = _sum([line.result.number.value for line in lines if line.result])
        fixed = _sum([recomputed.get(id(line), Decimal(0)) for line in lines])
        head.lines_as_printed = decimal_text(printed)
        head.lines_recomputed = decimal_text(fixed)
        if report.per_unit and total.quantity.number.value:
            per = report.per_unit[0]
            head.per_unit_reported = per.quantity.number.text
            head.per_unit_unit = per.quantity.unit_text or per.quantity.unit or ""
            head.basis = per.basis or ""
            ratio = fixed / total.quantity.number.value
            scaled = per.quantity.number.value * ratio
            head.per_unit_recomputed = decimal_text(
                round(scaled, max(per.quantity.number.decimals, 3))
            )
    elif report.per_unit:
        per = report.per_unit[0]
        head.per_unit_reported = per.quantity.number.text
        head.per_unit_unit = per.quantity.unit_text or per.quantity.unit or ""
        head.basis = per.basis or ""
    return head


def stage_bars(result: AuditResult, recomputed: dict[int, Decimal], lang: str) -> list[StageBar]:
    """Emissions by life-cycle stage as reported and as recomputed (lines in the total's
    unit only); empty when fewer than two stages carry emissions."""
    report = result.report
    totals = [t for t in report.totals if t.kind == "total"]
    unit = (
        emission_mass_unit(totals[0].quantity.unit or totals[0].quantity.unit_text)
        if totals
        else None
    )
    sums: dict[str, list[Decimal]] = {}
    for line in report.inventory:
        if line.result is None or (unit and _unit(line) != unit):
            continue
        stage = line.stage  # interpret sets it; batch.restore reads it again for stored results
        key = stage.value if stage is not None else "other"
        pair = sums.setdefault(key, [Decimal(0), Decimal(0)])
        pair[0] += line.result.number.value
        pair[1] += recomputed.get(id(line), line.result.number.value)
    if len([k for k, (a, b) in sums.items() if a or b]) < 2:
        return []
    top = max((abs(v) for pair in sums.values() for v in pair), default=Decimal(0)) or Decimal(1)
    bars = []
    for key in STAGES:
        if key not in sums:
            continue
        reported, fixed = sums[key]
        bars.append(
            StageBar(
                key,
                label(lang, f"stage.{key}"),
                reported,
                fixed,
                float(abs(reported) / top * 100),
                float(abs(fixed) / top * 100),
            )
        )
    return bars


def _concerns(f: Finding, loc: Location) -> bool:
    return any(
        x.table is not None
        and x.table == loc.table
        and x.row == loc.row
        and (x.column is None or x.column == loc.column)
        for x in f.locations
    )


def matrices(result: AuditResult) -> list[MatrixView]:
    """Each indicator × module table, the cells a finding points at carrying its rules."""
    findings = [f for f in result.findings if not f.waived]
    views = []
    for matrix in result.report.matrices:
        views.append(_matrix(matrix, findings))
    return views


def _matrix(matrix: ResultMatrix, findings: list[Finding]) -> MatrixView:
    cells: dict[tuple[str, str], tuple[str, list[str]]] = {}
    for value in matrix.values:
        rules = []
        for f in findings:
            reported = (f.reported or "").replace(",", "")
            points = _concerns(f, value.location)
            quoted = value.number.text.replace(",", "") in reported.split(" / ")
            same_row = any(
                x.table == value.location.table and x.row == value.location.row
                for x in f.locations
                if x.table is not None
            )
            if (points or (same_row and quoted)) and f.rule not in rules:
                rules.append(f.rule)
        cells[(value.indicator, value.module)] = (value.number.text, rules)
    rows = [
        (indicator, [cells.get((indicator, m), ("", [])) for m in matrix.modules])
        for indicator in matrix.indicators
    ]
    return MatrixView(matrix.caption or "", matrix.basis or "", list(matrix.modules), rows)


def checklist(result: AuditResult, lang: str) -> list[CheckRow]:
    catalog = load_catalog()
    fired: dict[str, Finding] = {}
    for f in result.findings:
        if not f.waived:
            fired.setdefault(f.rule, f)
    rows = []
    for checks in sorted(result.coverage.rules, key=lambda c: c.rule):
        spec = catalog.get(checks.rule)
        title = ""
        if spec is not None:
            title = spec.title.get(lang) or spec.title.get("en", "")
        elif checks.rule in fired:
            title = title_of(fired[checks.rule], lang)
        if checks.rule in fired or checks.failed:
            status = "failed"
        elif checks.passed:
            status = "passed"
        elif checks.cannot_tell:
            status = "cannot_tell"
        else:
            status = "not_applicable"
        why = checks.why_not or ""
        if status == "cannot_tell" and not why:
            why = label(lang, "check.why_missing")
        elif status == "not_applicable":
            why = label(lang, "check.why_nothing")
        rows.append(
            CheckRow(
                checks.rule,
                title,
                status,
                label(lang, f"check.{status}"),
                checks.passed,
                checks.failed,
                checks.cannot_tell,
                why,
            )
        )
    return rows


def meta(result: AuditResult, lang: str, audit_date: str) -> Meta:
    """Audit date, versions and the rule selection, for the record."""
    catalog = load_catalog()
    ran = {c.rule for c in result.coverage.rules}
    skipped = sorted(spec.code for spec in catalog if spec.code not in ran)
    tool = result.tool
    items = [
        (label(lang, "meta.date"), audit_date),
        (label(lang, "meta.tool"), f"{tool.get('name', 'pcfaudit')} {tool.get('version', '')}"),
    ]
    ref = result.reference
    if ref.get("name") or ref.get("version"):
        items.append(
            (
                label(lang, "meta.reference"),
                f"{ref.get('name', '')} {ref.get('version', '')}".strip(),
            )
        )
    selection = label(lang, "meta.rules_ran", ran=len(ran), total=len(catalog))
    if skipped and ran:
        selection += label(lang, "meta.rules_skipped", codes=", ".join(skipped))
    items.append((label(lang, "meta.selection"), selection))
    if result.source.get("sha256"):
        items.append(("sha256", str(result.source["sha256"])))
    return Meta(items)
