"""The whole audit as one function: bytes → Document → Report → Checks → Findings.

``audit`` is the Python API (re-exported as ``pcfaudit.audit``); the CLI renders what it
returns. Unreadable input raises :class:`UnreadableInput` with a one-line message.
"""

from __future__ import annotations

import dataclasses
from pathlib import Path
from typing import Any

from pcfaudit import __version__, limits
from pcfaudit.config import Config
from pcfaudit.escape import path_text
from pcfaudit.extract.common import ExtractionError, sha256_hex
from pcfaudit.extract.detect import extract, looks_like_text
from pcfaudit.interpret import interpret
from pcfaudit.limits import MAX_INPUT_BYTES, TEXT_ADVICE
from pcfaudit.model import (
    SEVERITY_RANK,
    AuditResult,
    CheckCounts,
    Coverage,
    Document,
    Finding,
    Report,
    RuleChecks,
)
from pcfaudit.recompute import recompute
from pcfaudit.recompute.epd import epd_checks
from pcfaudit.rules import REGISTRY, load_catalog
from pcfaudit.rules.engine import RuleContext, run_rules
from pcfaudit.safe_io import InputRefused, read_regular, too_large
from pcfaudit.vocab.numbers import forget_parsed_numbers, number_convention, uses_decimal_comma


class UnreadableInput(Exception):
    """The input cannot be audited at all; ``str(exc)`` is a one-line reason."""


def input_limit_for_head(head: bytes) -> tuple[int, str, str]:
    """(limit, what, advice) for a file that starts with ``head``: a text file is refused at
    the text limit before the rest of it is read (a 199 MB text file costs no memory)."""
    if looks_like_text(head):
        return limits.MAX_TEXT_BYTES, "text file", TEXT_ADVICE
    return MAX_INPUT_BYTES, "file", ""


def read_source(source: str | Path | bytes, name: str | None = None) -> tuple[bytes, str]:
    """The bytes to audit and the name to show for them. A path is read only when it is a
    regular file within the size limits (see :mod:`pcfaudit.safe_io`); the name is
    UTF-8-safe whatever bytes the file name holds."""
    if isinstance(source, bytes | bytearray):
        if len(source) > MAX_INPUT_BYTES:
            raise UnreadableInput(
                f"{name or '<bytes>'}: {too_large('input', len(source), MAX_INPUT_BYTES)}"
            )
        return bytes(source), path_text(name or "<bytes>")
    if not str(source).strip():
        raise UnreadableInput("no file given (the path is empty)")
    try:
        data = read_regular(source, MAX_INPUT_BYTES, input_limit_for_head)
    except InputRefused as exc:
        raise UnreadableInput(str(exc)) from None
    return data, path_text(name or source)


def load_reference(config: Config) -> Any:
    try:
        from pcfaudit.reference import load_pack
    except ImportError:  # the pack is optional until it ships
        return None
    return load_pack(config.reference_dir)


def audit(
    source: str | Path | bytes, config: Config | None = None, *, name: str | None = None
) -> AuditResult:
    """Audit one report (a path or its bytes) and return the full result."""
    config = config or Config()
    data, path = read_source(source, name)
    try:
        document = extract(data, path)
    except ExtractionError as exc:
        raise UnreadableInput(f"{path}: {exc}") from None
    return audit_document(document, config)


def audit_document(document: Document, config: Config) -> AuditResult:
    forget_parsed_numbers()
    # A document that prints decimal commas (1.234,5) is read that way from end to end.
    cells = (cell.text for table in document.tables for row in table.rows for cell in row)
    with number_convention(uses_decimal_comma(cells)):
        return _audit_document(document, config)


def _audit_document(document: Document, config: Config) -> AuditResult:
    report = interpret(document)
    text = "\n".join(block.text for block in document.blocks)
    checks = [*recompute(report, document.tables, text, document.blocks), *epd_checks(report)]
    catalog = load_catalog()
    reference = load_reference(config)
    ctx = RuleContext(
        report=report,
        catalog=catalog,
        checks=checks,
        reference=reference,
        parameters=_parameters(config),
        document_stats=document.stats,
        document_blocks=len(document.blocks),
        document_tables=len(document.tables),
    )
    codes = [spec.code for spec in catalog if config.selects(spec.code) and spec.code in REGISTRY]
    findings = list(run_rules(ctx, codes))
    findings = _apply_severity(findings, config, report)
    findings = _cap_ocr(findings, document)
    unmatched = _apply_waivers(findings, config)
    findings.sort(key=_order)
    coverage = Coverage(
        pages=document.source.pages,
        blocks=len(document.blocks),
        tables=len(document.tables),
        numbers=report.numbers_seen,
        inventory_lines=len(report.inventory),
        checks=CheckCounts(ctx.tally.passed, ctx.tally.failed, ctx.tally.cannot_tell),
        garbled_ratio=round(document.stats.garbled_ratio, 4),
        not_read=[region.describe() for region in document.stats.unread],
        rules=[
            RuleChecks(code, passed, failed, cannot_tell, ctx.tally.why_not.get(code))
            for code, (passed, failed, cannot_tell) in ctx.tally.by_rule.items()
        ],
    )
    source = {
        "path": document.source.path,
        "sha256": document.source.sha256,
        "format": document.source.format,
        "pages": document.source.pages,
        "language": report.language,
        # The report's own table captions, by table ordinal: locations name "表 4.1".
        "table_captions": [table.caption for table in document.tables],
    }
    return AuditResult(
        tool={"name": "pcfaudit", "version": __version__},
        source=source,
        report=report,
        findings=findings,
        coverage=coverage,
        reference=_pack_id(reference),
        unmatched_waivers=unmatched,
    )


def _parameters(config: Config) -> dict[str, dict[str, Any]]:
    params = {code: dict(values) for code, values in config.parameters.items()}
    params.setdefault("*", {})["materiality"] = config.materiality
    return params


def _pack_id(reference: Any) -> dict[str, str]:
    if reference is None:
        return {}
    return {
        "name": str(getattr(reference, "name", "")),
        "version": str(getattr(reference, "version", "")),
        "sha256": str(getattr(reference, "sha256", "")),
    }


def _apply_severity(findings: list[Finding], config: Config, report: Report) -> list[Finding]:
    """Configured severity overrides; then materiality: a warning whose impact exceeds the
    threshold share of the total becomes an error (DESIGN.md)."""
    out = []
    for f in findings:
        if f.rule in config.severity:
            f = dataclasses.replace(f, severity=config.severity[f.rule])  # type: ignore[arg-type]
        elif (
            f.severity == "warning"
            and f.impact.share_of_total is not None
            and abs(f.impact.share_of_total) >= config.materiality
            and f.category not in {"extraction", "narrative", "structure"}
        ):
            f = dataclasses.replace(
                f,
                severity="error",
                message=f"{f.message} (material: {f.impact.share_of_total:.1%} of the total)",
            )
        out.append(f)
    return out


def _cap_ocr(findings: list[Finding], document: Document) -> list[Finding]:
    """A finding that rests on a table read by OCR is at most a warning (DESIGN.md): a
    misread digit is likelier than a wrong report."""
    ocr_tables = {
        k
        for k, t in enumerate(document.tables)
        if any(c.source == "ocr" for r in t.rows for c in r)
    }
    if not ocr_tables:
        return findings
    out = []
    for f in findings:
        if f.severity == "error" and any(loc.table in ocr_tables for loc in f.locations):
            f = dataclasses.replace(
                f, severity="warning", message=f"{f.message} (numbers read by OCR: check them)"
            )
        out.append(f)
    return out


def _apply_waivers(findings: list[Finding], config: Config) -> list[dict[str, str]]:
    by_print = {w.fingerprint: w for w in config.waivers}
    used: set[str] = set()
    for f in findings:
        waiver = by_print.get(f.fingerprint)
        if waiver is not None:
            f.waived = {"reason": waiver.reason, "reviewer": waiver.reviewer}
            used.add(waiver.fingerprint)
    return [
        {"fingerprint": w.fingerprint, "reason": w.reason, "reviewer": w.reviewer}
        for w in config.waivers
        if w.fingerprint not in used
    ]


def _order(f: Finding) -> tuple[int, int, float, str]:
    share = f.impact.share_of_total or 0.0
    return (bool(f.waived), -SEVERITY_RANK[f.severity], -abs(share), f.rule)


def exit_code(result: AuditResult, fail_on: str = "error") -> int:
    """0 nothing at or above ``fail_on``; 1 findings at or above it; 2 could not audit."""
    from pcfaudit.render.common import verdict  # one definition of "could not audit"

    if verdict(result) == "unreadable":
        return 2
    threshold = SEVERITY_RANK[fail_on]
    if any(SEVERITY_RANK[f.severity] >= threshold for f in result.findings if not f.waived):
        return 1
    return 0


__all__ = ["UnreadableInput", "audit", "audit_document", "exit_code", "sha256_hex"]
