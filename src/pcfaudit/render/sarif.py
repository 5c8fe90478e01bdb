"""SARIF 2.1.0, for code-scanning dashboards and CI annotations.

One run per invocation, however many reports were audited (GitHub's upload rejects several
runs of one tool), with ``automationDetails`` naming it; each report is an artifact. The
driver lists the rules that have findings, with their rationale and their full explanation
(``help``, as ``pcfaudit explain`` gives it) and, where the rule docs are published
(``PCFAUDIT_HELP_URL``: where ``docs/rules.md`` is served), a ``helpUri`` to the rule's
anchor. pcfaudit has no address of its own to invent one. Every result has a ``region``, because code scanning cannot place one without:
the text line where there is one, else the PDF page, else the DOCX paragraph
(:func:`pcfaudit.render.common.anchor`); the region's property bag says which it counts, and
the page, bbox and table cell stay in the location's property bag. Waived findings stay in
the log with an external suppression, so dashboards show them as accepted rather than lose
them.
"""

from __future__ import annotations

import hashlib
import json
import os
from pathlib import PureWindowsPath
from typing import Any
from urllib.parse import quote

from pcfaudit.model import AuditResult, Finding, Location
from pcfaudit.render.common import (
    anchor,
    cause_of,
    describe_location,
    expected_of,
    impact_number,
    label,
    message_of,
    norm_lang,
    order,
    reported_of,
    title_of,
)
from pcfaudit.render.places import Places, places_of, section_shown
from pcfaudit.rules.catalog import Catalog, RuleSpec, load_catalog

SARIF_SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json"
LEVEL = {"error": "error", "warning": "warning", "info": "note"}
# Where docs/rules.md (scripts/make_rule_docs.py) is published; each rule's anchor is its
# code in lower case. Unset: no helpUri, the explanation travels in ``help`` instead.
HELP_URL_ENV = "PCFAUDIT_HELP_URL"


def artifact_uri(path: str) -> str:
    """A relative URI reference for a file path (forward slashes, percent-encoded)."""
    posix = PureWindowsPath(path).as_posix() if "\\" in path else path
    return quote(posix, safe="/:._-~")


def _region(loc: Location) -> dict[str, Any]:
    start, counts = anchor(loc)
    region: dict[str, Any] = {"startLine": start}
    if loc.quote:
        region["snippet"] = {"text": loc.quote}
    if counts != "line":
        region["properties"] = {"startLineCounts": counts}
    return region


def _location(
    loc: Location, uri: str, lang: str, index: int = 0, places: Places | None = None
) -> dict[str, Any]:
    physical: dict[str, Any] = {
        "artifactLocation": {"uri": uri, "index": index},
        "region": _region(loc),
    }
    out: dict[str, Any] = {"physicalLocation": physical}
    logical: list[dict[str, Any]] = []
    section = section_shown(loc.section, places)
    if section:
        logical.append({"name": section, "kind": "section"})
    if loc.table is not None:  # the report's caption ("表 4.1 row 3") where it has one
        table_only = Location(table=loc.table, row=loc.row)
        logical.append({"name": describe_location(table_only, lang, places), "kind": "table"})
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
    message = describe_location(loc, lang, places)
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
    base = os.environ.get(HELP_URL_ENV, "").strip()
    if base:
        rule["helpUri"] = f"{base.split('#')[0]}#{code.lower()}"
    if rationale:
        rule["fullDescription"] = {"text": rationale}
    if spec is not None:
        from pcfaudit.rules.explain import explain_rule

        rule["help"] = {"text": rationale or title or code, "markdown": explain_rule(spec, lang)}
    if spec and spec.clauses:
        rule["properties"]["clauses"] = list(spec.clauses)
    return rule


def _result(
    f: Finding, rule_index: int, uri: str, lang: str, index: int = 0, places: Places | None = None
) -> dict[str, Any]:
    text = message_of(f, lang, places)
    if f.reported is not None or f.expected is not None:
        reported = f"{label(lang, 'label.reported')} {reported_of(f, lang) or '—'}"
        expected = f"{label(lang, 'label.expected')} {expected_of(f, lang) or '—'}"
        text += label(lang, "paren", text=f"{reported}{label(lang, 'loc.sep')}{expected}")
    res: dict[str, Any] = {
        "ruleId": f.rule,
        "ruleIndex": rule_index,
        "level": LEVEL.get(f.severity, "warning"),
        "message": {"text": text},
        "locations": [_location(loc, uri, lang, index, places) for loc in f.locations]
        or [_location(Location(), uri, lang, index)],
        "properties": {
            "category": f.category,
            "title": title_of(f, lang),
            "reported": reported_of(f, lang),
            "expected": expected_of(f, lang),
            "likely_cause": cause_of(f, lang, places),
            "impact": {
                "value": float(n) if (n := impact_number(f.impact.value)) is not None else None,
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


def _coverage(result: AuditResult) -> dict[str, Any]:
    cov = result.coverage
    return {
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
    }


def _artifact(result: AuditResult) -> tuple[str, dict[str, Any]]:
    uri = artifact_uri(str(result.source.get("path") or "report"))
    artifact: dict[str, Any] = {"location": {"uri": uri}, "roles": ["analysisTarget"]}
    if result.source.get("sha256"):
        artifact["hashes"] = {"sha-256": result.source["sha256"]}
    return uri, artifact


def automation_id(results: list[AuditResult], category: str = "pcfaudit") -> str:
    """``category/run``: GitHub keeps one analysis per category; the run part is derived
    from the audited files' hashes, so the same inputs give the same log."""
    digest = hashlib.sha256()
    for result in results:
        digest.update(str(result.source.get("sha256") or result.source.get("path")).encode())
    return f"{category}/{digest.hexdigest()[:16]}"


def sarif_log(
    audited: list[tuple[AuditResult, str]], catalog: Catalog | None = None
) -> dict[str, Any]:
    """One SARIF log with one run for every (result, language) audited in an invocation."""
    catalog = catalog if catalog is not None else load_catalog()
    ordered = [(r, lang, order(r.findings)) for r, lang in audited]
    codes = sorted({f.rule for _, _, findings in ordered for f in findings})
    rule_index = {code: i for i, code in enumerate(codes)}
    samples: dict[str, tuple[Finding, str]] = {}
    for _, lang, findings in ordered:
        for f in reversed(findings):
            samples.setdefault(f.rule, (f, lang))
    artifacts: list[dict[str, Any]] = []
    results: list[dict[str, Any]] = []
    per_file: list[dict[str, Any]] = []
    for index, (result, lang, findings) in enumerate(ordered):
        uri, artifact = _artifact(result)
        artifacts.append(artifact)
        places = places_of(result)
        results += [_result(f, rule_index[f.rule], uri, lang, index, places) for f in findings]
        entry: dict[str, Any] = {
            "artifact": uri,
            "coverage": _coverage(result),
            "summary": result.summary,
            "unmatched_waivers": result.unmatched_waivers,
        }
        if result.reference:
            entry["reference"] = result.reference
        per_file.append(entry)
    first = audited[0][0] if audited else None
    tool = first.tool if first is not None else {}
    run: dict[str, Any] = {
        "tool": {
            "driver": {
                "name": tool.get("name", "pcfaudit"),
                "version": tool.get("version", "0"),
                "rules": [
                    _rule(c, catalog.get(c), samples[c][0], samples[c][1]) for c in codes
                ],
            }
        },
        "automationDetails": {"id": automation_id([r for r, _ in audited])},
        "artifacts": artifacts,
        "results": results,
        "columnKind": "unicodeCodePoints",
        "properties": {"files": per_file},
    }
    if len(per_file) == 1:  # one report: its figures at the top, as before
        run["properties"] = {k: v for k, v in per_file[0].items() if k != "artifact"}
    return {"$schema": SARIF_SCHEMA, "version": "2.1.0", "runs": [run]}


def sarif_data(
    result: AuditResult, lang: str = "en", catalog: Catalog | None = None
) -> dict[str, Any]:
    return sarif_log([(result, lang)], catalog)


def render_sarif(
    result: AuditResult, lang: str = "en", catalog: Catalog | None = None, indent: int = 2
) -> str:
    return json.dumps(sarif_data(result, lang, catalog), ensure_ascii=False, indent=indent)
