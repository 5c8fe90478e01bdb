"""SARIF 2.1.0, for code-scanning dashboards and CI annotations.

One run; the driver lists the rules that have findings, with their rationale from the
catalog. A text location becomes a ``region.startLine``; a PDF page has no line, so it is
carried in the location's property bag (``page``, ``bbox``) with the section as a logical
location. Waived findings stay in the log with an external suppression, so dashboards show
them as accepted rather than lose them.
"""

from __future__ import annotations

import json
from pathlib import PureWindowsPath
from typing import Any
from urllib.parse import quote

from pcfaudit.model import AuditResult, Finding, Location
from pcfaudit.render.common import (
    cause_of,
    describe_location,
    label,
    message_of,
    norm_lang,
    order,
    title_of,
)
from pcfaudit.rules.catalog import Catalog, RuleSpec, load_catalog

SARIF_SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json"
LEVEL = {"error": "error", "warning": "warning", "info": "note"}


def artifact_uri(path: str) -> str:
    """A relative URI reference for a file path (forward slashes, percent-encoded)."""
    posix = PureWindowsPath(path).as_posix() if "\\" in path else path
    return quote(posix, safe="/:._-~")


def _location(loc: Location, uri: str, lang: str) -> dict[str, Any]:
    physical: dict[str, Any] = {"artifactLocation": {"uri": uri, "index": 0}}
    if loc.line is not None:
        region: dict[str, Any] = {"startLine": loc.line}
        if loc.quote:
            region["snippet"] = {"text": loc.quote}
        physical["region"] = region
    out: dict[str, Any] = {"physicalLocation": physical}
    logical: list[dict[str, Any]] = []
    if loc.section:
        logical.append({"name": loc.section, "kind": "section"})
    if loc.table is not None:
        name = f"table {loc.table + 1}" + (f" row {loc.row + 1}" if loc.row is not None else "")
        logical.append({"name": name, "kind": "table"})
    if logical:
        out["logicalLocations"] = logical
    props = {
        k: v
        for k, v in (
            ("page", loc.page),
            ("bbox", list(loc.bbox) if loc.bbox else None),
            ("paragraph", loc.paragraph),
            ("table", loc.table),
            ("row", loc.row),
            ("column", loc.column),
        )
        if v is not None
    }
    if props:
        out["properties"] = props
    message = describe_location(loc, lang)
    if loc.quote and loc.line is None:
        message += f": “{loc.quote}”"
    out["message"] = {"text": message}
    return out


def _rule(code: str, spec: RuleSpec | None, sample: Finding, lang: str) -> dict[str, Any]:
    lang = norm_lang(lang)
    title = (spec.title.get(lang) or spec.title.get("en", "")) if spec else title_of(sample, lang)
    rationale = (spec.rationale.get(lang) or spec.rationale.get("en", "")) if spec else ""
    rule: dict[str, Any] = {
        "id": code,
        "name": spec.name if spec else code,
        "shortDescription": {"text": title or code},
        "defaultConfiguration": {
            "level": LEVEL[spec.severity if spec else sample.severity],
        },
        "properties": {"category": spec.category if spec else sample.category},
    }
    if rationale:
        rule["fullDescription"] = {"text": rationale}
        rule["help"] = {"text": rationale}
    if spec and spec.clauses:
        rule["properties"]["clauses"] = list(spec.clauses)
    return rule


def _result(f: Finding, rule_index: int, uri: str, lang: str) -> dict[str, Any]:
    text = message_of(f, lang)
    if f.reported is not None or f.expected is not None:
        reported = f"{label(lang, 'label.reported')} {f.reported or '—'}"
        expected = f"{label(lang, 'label.expected')} {f.expected or '—'}"
        text += label(lang, "paren", text=f"{reported}{label(lang, 'loc.sep')}{expected}")
    res: dict[str, Any] = {
        "ruleId": f.rule,
        "ruleIndex": rule_index,
        "level": LEVEL.get(f.severity, "warning"),
        "message": {"text": text},
        "locations": [_location(loc, uri, lang) for loc in f.locations]
        or [{"physicalLocation": {"artifactLocation": {"uri": uri, "index": 0}}}],
        "properties": {
            "category": f.category,
            "title": title_of(f, lang),
            "reported": f.reported,
            "expected": f.expected,
            "likely_cause": cause_of(f, lang),
            "impact": {
                "value": f.impact.value,
                "unit": f.impact.unit,
                "share_of_total": f.impact.share_of_total,
            },
        },
    }
    if f.fingerprint:
        res["partialFingerprints"] = {"pcfaudit/v1": f.fingerprint}
    if f.waived:
        suppression: dict[str, Any] = {
            "kind": "external",
            "status": "accepted",
            "justification": f.waived.get("reason", ""),
        }
        if f.waived.get("reviewer"):
            suppression["properties"] = {"reviewer": f.waived["reviewer"]}
        res["suppressions"] = [suppression]
    return res


def sarif_data(
    result: AuditResult, lang: str = "en", catalog: Catalog | None = None
) -> dict[str, Any]:
    catalog = catalog if catalog is not None else load_catalog()
    findings = order(result.findings)
    codes = sorted({f.rule for f in findings})
    index = {code: i for i, code in enumerate(codes)}
    samples = {f.rule: f for f in reversed(findings)}
    uri = artifact_uri(str(result.source.get("path") or "report"))
    artifact: dict[str, Any] = {"location": {"uri": uri}, "roles": ["analysisTarget"]}
    if result.source.get("sha256"):
        artifact["hashes"] = {"sha-256": result.source["sha256"]}
    cov = result.coverage
    run: dict[str, Any] = {
        "tool": {
            "driver": {
                "name": result.tool.get("name", "pcfaudit"),
                "version": result.tool.get("version", "0"),
                "rules": [_rule(c, catalog.get(c), samples[c], lang) for c in codes],
            }
        },
        "artifacts": [artifact],
        "results": [_result(f, index[f.rule], uri, lang) for f in findings],
        "columnKind": "unicodeCodePoints",
        "properties": {
            "coverage": {
                "pages": cov.pages,
                "blocks": cov.blocks,
                "tables": cov.tables,
                "numbers": cov.numbers,
                "inventory_lines": cov.inventory_lines,
                "checks": {
                    "passed": cov.checks.passed,
                    "failed": cov.checks.failed,
                    "cannot_tell": cov.checks.cannot_tell,
                },
                "garbled_ratio": cov.garbled_ratio,
            },
            "summary": result.summary,
            "unmatched_waivers": result.unmatched_waivers,
        },
    }
    if result.reference:
        run["properties"]["reference"] = result.reference
    return {"$schema": SARIF_SCHEMA, "version": "2.1.0", "runs": [run]}


def render_sarif(
    result: AuditResult, lang: str = "en", catalog: Catalog | None = None, indent: int = 2
) -> str:
    return json.dumps(sarif_data(result, lang, catalog), ensure_ascii=False, indent=indent)
