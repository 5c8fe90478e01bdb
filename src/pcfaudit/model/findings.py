"""What rules and the pipeline produce: Findings, the coverage, the AuditResult."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Literal

from pcfaudit.model.document import Location
from pcfaudit.model.report import Report

# --------------------------------------------------------------------------- findings

Severity = Literal["error", "warning", "info"]
SEVERITY_RANK: dict[str, int] = {"info": 0, "warning": 1, "error": 2}

CATEGORIES = (
    "arithmetic",
    "units",
    "functional-unit",
    "boundary",
    "gwp",
    "emission-factor",
    "omission",
    "plausibility",
    "temporal",
    "standard",
    "narrative",
    "structure",
    "consistency",
    "extraction",
)


@dataclass
class Impact:
    value: str | None = None
    unit: str | None = None
    share_of_total: float | None = None


@dataclass
class Confidence:
    """How sure a finding is, and why: "high" (unambiguous reading, relation established,
    alternatives tried), "medium" (a plausible reading a verifier should confirm), "low"
    (the reading itself is uncertain; never an error)."""

    level: str = "medium"  # high | medium | low
    reason: str = ""


@dataclass
class Finding:
    rule: str
    category: str
    severity: Severity
    title: str
    message: str
    locations: list[Location]
    title_zh: str = ""
    message_zh: str = ""
    reported: str | None = None
    expected: str | None = None
    likely_cause: str | None = None
    likely_cause_zh: str | None = None
    impact: Impact = field(default_factory=Impact)
    fingerprint: str = ""
    waived: dict[str, str] | None = None  # {"reason": ..., "reviewer": ...} when waived
    confidence: Confidence = field(default_factory=Confidence)


@dataclass
class CheckCounts:
    passed: int = 0
    failed: int = 0
    cannot_tell: int = 0


@dataclass
class RuleChecks:
    """One rule's checks in one audit, for the checklist: how many passed, failed or could
    not be evaluated, and why not (when the rule said)."""

    rule: str
    passed: int = 0
    failed: int = 0
    cannot_tell: int = 0
    why_not: str | None = None


@dataclass
class Coverage:
    pages: int | None = None
    blocks: int = 0
    tables: int = 0
    numbers: int = 0
    inventory_lines: int = 0
    checks: CheckCounts = field(default_factory=CheckCounts)
    garbled_ratio: float = 0.0
    rules: list[RuleChecks] = field(default_factory=list)  # every rule that ran
    not_read: list[str] = field(default_factory=list)  # pictures, scans, hidden text


@dataclass
class AuditResult:
    tool: dict[str, str]
    source: dict[str, Any]
    report: Report
    findings: list[Finding]
    coverage: Coverage
    reference: dict[str, str] = field(default_factory=dict)
    unmatched_waivers: list[dict[str, str]] = field(default_factory=list)

    @property
    def summary(self) -> dict[str, int]:
        counts = {"error": 0, "warning": 0, "info": 0}
        for f in self.findings:
            if not f.waived:
                counts[f.severity] += 1
        return counts
