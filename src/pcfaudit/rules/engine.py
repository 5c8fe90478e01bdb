"""The rule engine: a registry mapping each catalog code to one check function.

A rule is a small function of a :class:`RuleContext` that yields :class:`Finding`s::

    @rule("FU001")
    def functional_unit_mismatch(ctx: RuleContext) -> Iterator[Finding]:
        '''Documentation shown by ``pcfaudit explain FU001``.'''
        ...
        yield ctx.finding("FU001", message="…", message_zh="…", locations=[...])

Category, severity and titles come from the catalog (``rules/*.yaml``), so a rule's code
is the only thing it must get right. The function's docstring is its documentation.
"""

from __future__ import annotations

import hashlib
import unicodedata
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from typing import Any

import regex

from pcfaudit.model import (
    Confidence,
    ExtractionStats,
    Finding,
    Impact,
    Location,
    Report,
    Severity,
)
from pcfaudit.rules.catalog import Catalog

RuleFunction = Callable[["RuleContext"], Iterable[Finding]]

REGISTRY: dict[str, RuleFunction] = {}


def rule(code: str) -> Callable[[RuleFunction], RuleFunction]:
    """Register ``fn`` as the check for catalog entry ``code``."""

    def register(fn: RuleFunction) -> RuleFunction:
        if code in REGISTRY and REGISTRY[code] is not fn:
            raise ValueError(f"rule {code} registered twice")
        REGISTRY[code] = fn
        return fn

    return register


@dataclass
class Tally:
    passed: int = 0
    failed: int = 0
    cannot_tell: int = 0
    # Per rule, for the checklist a verifier hands over: [passed, failed, cannot_tell] and
    # the first reason a check of the rule could not be evaluated.
    current: str | None = None
    by_rule: dict[str, list[int]] = field(default_factory=dict)
    why_not: dict[str, str] = field(default_factory=dict)


@dataclass
class RuleContext:
    """What a rule may look at: the report, the recomputed checks, reference data and the
    rule parameters (catalog defaults overlaid by configuration)."""

    report: Report
    catalog: Catalog
    checks: list[Any] = field(default_factory=list)  # pcfaudit.recompute.Check
    reference: Any = None  # pcfaudit.reference.ReferencePack or None
    parameters: dict[str, dict[str, Any]] = field(default_factory=dict)
    tally: Tally = field(default_factory=Tally)
    document_stats: ExtractionStats = field(default_factory=ExtractionStats)
    document_blocks: int = 0
    document_tables: int = 0

    def params(self, code: str) -> dict[str, Any]:
        spec = self.catalog.get(code)
        merged = dict(spec.parameters) if spec else {}
        merged.update(self.parameters.get("*", {}))
        merged.update(self.parameters.get(code, {}))
        return merged

    def count(self, outcome: bool | None, why: str | None = None) -> None:
        """Record one check for coverage: True passed, False failed, None could not tell
        (``why``: what was missing, shown in the checklist)."""
        if outcome is None:
            self.tally.cannot_tell += 1
        elif outcome:
            self.tally.passed += 1
        else:
            self.tally.failed += 1
        rule = self.tally.current
        if rule is not None:
            counts = self.tally.by_rule.setdefault(rule, [0, 0, 0])
            counts[0 if outcome else 2 if outcome is None else 1] += 1
            if outcome is None and why:
                self.tally.why_not.setdefault(rule, why)

    def withdraw(self) -> None:
        """A check counted as failed turned out to rest on a doubtful reading: count it as
        'could not tell' instead."""
        if self.tally.failed:
            self.tally.failed -= 1
        self.tally.cannot_tell += 1

    def finding(
        self,
        code: str,
        *,
        message: str,
        message_zh: str = "",
        locations: list[Location],
        reported: str | None = None,
        expected: str | None = None,
        likely_cause: str | None = None,
        likely_cause_zh: str | None = None,
        impact: Impact | None = None,
        severity: Severity | None = None,
        key: str | None = None,
        confidence: Confidence | None = None,
    ) -> Finding:
        """A finding for rule ``code``. ``severity`` overrides the catalog default for this
        one finding (a rule that is unsure says 'warning'). ``key`` adds to the fingerprint
        when the quoted evidence alone does not tell two findings of one rule apart.

        ``confidence`` says how sure the reading behind the finding is and why. An error
        needs an unambiguous reading: at low confidence it becomes a warning that says
        what is uncertain (DESIGN.md, "Doubt before accusing")."""
        spec = self.catalog.require(code)
        level = severity or spec.severity
        confidence = confidence or Confidence("medium", DEFAULT_REASON)
        message_zh = message_zh or message
        if (
            impact is not None
            and impact.share_of_total is not None
            and abs(impact.share_of_total) > 1
        ):
            confidence = Confidence(
                "low",
                _join(
                    confidence.reason,
                    "the impact exceeds the whole footprint, so a misreading "
                    "of the table is likelier than the defect",
                ),
            )
        if level == "error" and confidence.level == "low":
            level = "warning"
            message = f"{message} (Uncertain: {confidence.reason}.)"
            message_zh = f"{message_zh}（存在不确定性：{confidence.reason}。）"
        return Finding(
            rule=code,
            category=spec.category,
            severity=level,
            title=spec.title.get("en", ""),
            title_zh=spec.title.get("zh", ""),
            message=message,
            message_zh=message_zh,
            locations=locations,
            reported=reported,
            expected=expected,
            likely_cause=likely_cause,
            likely_cause_zh=likely_cause_zh,
            impact=impact or Impact(),
            fingerprint=fingerprint(code, locations, key),
            confidence=confidence,
        )


    def check_finding(
        self, code: str, check: Any, *, message: str, message_zh: str, **fields: Any
    ) -> Finding:
        """A finding about one failing check of the recomputation: the check's locations,
        reported and expected values and id (its fingerprint key) unless given."""
        fields.setdefault("locations", list(check.locations))
        fields.setdefault("reported", check.reported)
        fields.setdefault("expected", check.expected)
        fields.setdefault("key", check.id)
        return self.finding(code, message=message, message_zh=message_zh, **fields)


def with_likely_cause(
    message: str, message_zh: str, cause: str | None, cause_zh: str | None
) -> tuple[str, str]:
    """Both messages with the likely cause appended, when there is one."""
    if not cause:
        return message, message_zh
    return f"{message} Likely cause: {cause}.", f"{message_zh}可能原因：{cause_zh or cause}。"


DEFAULT_REASON = "the rule's reading of the interpreted report; not assessed further"


def _join(*parts: str) -> str:
    return "; ".join(p for p in parts if p and p != DEFAULT_REASON)


_WS = regex.compile(r"[\s\p{P}]+")


def normalise_evidence(text: str) -> str:
    """Evidence as compared for fingerprints: NFKC, no whitespace or punctuation, lower."""
    return _WS.sub("", unicodedata.normalize("NFKC", text)).lower()


def fingerprint(code: str, locations: list[Location], key: str | None = None) -> str:
    """Stable across runs and small edits: the rule plus the normalised quoted evidence
    (never line numbers or pages, which move when text is added above)."""
    quotes = sorted(normalise_evidence(loc.quote or "") for loc in locations)
    payload = "\x1f".join([code, *quotes, key or ""])
    return hashlib.sha256(payload.encode("utf-8")).hexdigest()[:16]


def run_rules(ctx: RuleContext, codes: Iterable[str]) -> Iterator[Finding]:
    for code in codes:
        fn = REGISTRY.get(code)
        if fn is None:
            continue
        ctx.tally.current = code
        ctx.tally.by_rule.setdefault(code, [0, 0, 0])
        yield from fn(ctx)
        ctx.tally.current = None
