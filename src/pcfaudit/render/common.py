"""What every renderer shares: the verdict, finding order, fixed strings in English and
Chinese, and localised locations.

Renderers only format; the decisions a reader sees the same way in every format (is this
report clean? which finding comes first?) are made once here.
"""

from __future__ import annotations

from decimal import Decimal, InvalidOperation, localcontext
from fractions import Fraction
from typing import Literal

from pcfaudit import i18n
from pcfaudit.model import SEVERITY_RANK, AuditResult, Finding, Location
from pcfaudit.render.places import Places, localise_places
from pcfaudit.render.places import describe_location as describe_location  # re-exported

Verdict = Literal["clean", "findings", "unchecked", "unreadable"]
SEVERITIES: tuple[str, ...] = ("error", "warning", "info")

# Every fixed string lives in the message catalogue (pcfaudit.i18n), one per language.
LABELS: dict[str, dict[str, str]] = {"en": i18n.labels("en"), "zh": i18n.labels("zh")}


norm_lang = i18n.norm_lang
label = i18n.label


def reported_of(finding: Finding, lang: str) -> str | None:
    """The reported value in ``lang``: figures as printed, rule words translated."""
    return i18n.phrase(lang, finding.reported)


def expected_of(finding: Finding, lang: str) -> str | None:
    return i18n.phrase(lang, finding.expected)


def title_of(finding: Finding, lang: str) -> str:
    if norm_lang(lang) == "zh" and finding.title_zh:
        return finding.title_zh
    return finding.title or finding.title_zh


def cause_of(finding: Finding, lang: str, places: Places | None = None) -> str | None:
    """The likely cause in ``lang`` (falling back to the other language)."""
    text: str | None = finding.likely_cause or finding.likely_cause_zh
    if norm_lang(lang) == "zh" and finding.likely_cause_zh:
        text = finding.likely_cause_zh
    return localise_places(i18n.phrase(lang, text) or "", lang, places) if text else text


def message_of(finding: Finding, lang: str, places: Places | None = None) -> str:
    """The message in ``lang``, its locators in ``lang`` with the report's own names."""
    if norm_lang(lang) == "zh" and finding.message_zh:
        text = i18n.phrases_in(lang, finding.message_zh)
    else:
        text = finding.message or finding.message_zh
    return localise_places(text, lang, places)


def anchor(loc: Location) -> tuple[int, str]:
    """The one number a line-based tool (SARIF, GitHub annotations, ``file:line``) can
    place a location by, and what it counts: the text line where there is one, else the PDF
    page, else the DOCX paragraph (1-based), else line 1 of the document."""
    if loc.line is not None:
        return loc.line, "line"
    if loc.page is not None:
        return loc.page, "page"
    if loc.paragraph is not None:
        return loc.paragraph + 1, "paragraph"
    return 1, "document"


def active(result: AuditResult) -> list[Finding]:
    """Findings not waived, most important first."""
    return order([f for f in result.findings if not f.waived])


def waived(result: AuditResult) -> list[Finding]:
    return order([f for f in result.findings if f.waived])


def order(findings: list[Finding]) -> list[Finding]:
    """Severity first, then material impact (largest share of the total first; unknown
    impact after known), then rule code; stable for ties so the report order survives."""

    def key(f: Finding) -> tuple[int, int, float, str]:
        share = f.impact.share_of_total
        return (
            -SEVERITY_RANK.get(f.severity, 0),
            0 if share is not None else 1,
            -abs(share) if share is not None else 0.0,
            f.rule,
        )

    return sorted(findings, key=key)


def verdict(result: AuditResult) -> Verdict:
    """The one-word outcome. 'unreadable' wins: an unwaived extraction *error* means the
    other findings (or their absence) cannot be trusted. 'unchecked' keeps an empty list
    from passing for clean when nothing was actually checked."""
    live = [f for f in result.findings if not f.waived]
    if any(f.category == "extraction" and f.severity == "error" for f in live):
        return "unreadable"
    if live:
        return "findings"
    checks = result.coverage.checks
    if checks.passed + checks.failed + checks.cannot_tell == 0:
        return "unchecked"
    return "clean"


def count_text(severity: str, n: int, lang: str) -> str:
    """'1 error', '3 warnings', '2 个提示'."""
    key = f"count.{severity}" if n == 1 else f"count.{severity}.plural"
    return label(lang, key, n=n)


def verdict_text(result: AuditResult, lang: str) -> str:
    v = verdict(result)
    if v == "findings":
        n = len([f for f in result.findings if not f.waived])
        return label(lang, "verdict.finding") if n == 1 else label(lang, "verdict.findings", n=n)
    return label(lang, f"verdict.{v}")


def coverage_lines(result: AuditResult, lang: str) -> list[str]:
    cov = result.coverage
    lines = [
        label(
            lang,
            "coverage.checks",
            passed=cov.checks.passed,
            failed=cov.checks.failed,
            cannot_tell=cov.checks.cannot_tell,
        )
    ]
    read_key = "coverage.read" if cov.pages is not None else "coverage.read_nopages"
    lines.append(
        label(
            lang,
            read_key,
            pages=cov.pages,
            blocks=cov.blocks,
            tables=cov.tables,
            numbers=cov.numbers,
            inventory_lines=cov.inventory_lines,
        )
    )
    if cov.garbled_ratio > 0:
        lines.append(label(lang, "coverage.garbled", ratio=percent(cov.garbled_ratio)))
    lines.extend(cov.not_read)  # pictures and hidden text, each with its page
    return lines


def percent(share: float) -> str:
    """0.0934 → '9.3 %'; small shares keep two significant digits ('0.093 %')."""
    p = share * 100
    if p == 0:
        return "0 %"
    if abs(p) >= 10:
        return f"{p:.0f} %"
    if abs(p) >= 1:
        return f"{p:.1f} %"
    return f"{p:.2g} %"


IMPACT_DIGITS = 6  # significant digits of an impact that is not a printed number


def impact_number(value: str | float | None) -> Decimal | None:
    """An impact as a decimal number: rules hand over printed decimals ("-57.599") and,
    for sums of exact deviations, fraction strings ("24473/3125" → 7.83136)."""
    if value is None or isinstance(value, bool):
        return None
    try:
        if isinstance(value, str) and "/" in value:
            exact = Fraction(value.strip())
            with localcontext() as ctx:
                ctx.prec = IMPACT_DIGITS
                number = Decimal(exact.numerator) / Decimal(exact.denominator)
        else:
            number = Decimal(str(value).strip())
    except (ValueError, ZeroDivisionError, InvalidOperation):
        return None
    return number if number.is_finite() else None


def decimal_text(number: Decimal) -> str:
    """Plain positional notation without trailing zeros: 7.83136, 1200, 0.000176."""
    text = format(number.normalize(), "f")
    return text if "." not in text else text.rstrip("0").rstrip(".") or "0"


def impact_value_text(value: str | float | None) -> str | None:
    number = impact_number(value)
    if number is None:
        return None if value is None else str(value)
    return decimal_text(number)


def impact_text(finding: Finding, lang: str) -> str | None:
    imp = finding.impact
    parts: list[str] = []
    if imp.value is not None:
        value = impact_value_text(imp.value)
        parts.append(label(lang, "label.impact_value", value=value, unit=imp.unit or "").strip())
    if imp.share_of_total is not None:
        parts.append(label(lang, "label.impact_share", share=percent(imp.share_of_total)))
    if not parts:
        return None
    return label(lang, "loc.sep").join(parts)


def waiver_text(finding: Finding, lang: str) -> str:
    w = finding.waived or {}
    reason = w.get("reason", "")
    if w.get("reviewer"):
        return label(lang, "label.waived_by", reviewer=w["reviewer"], reason=reason)
    return label(lang, "label.waived_reason", reason=reason)


def rule_counts(result: AuditResult, lang: str) -> list[tuple[str, str, int]]:
    """(code, title, count) per rule over unwaived findings, most frequent first."""
    counts: dict[str, tuple[str, int]] = {}
    for f in result.findings:
        if f.waived:
            continue
        title, n = counts.get(f.rule, (title_of(f, lang), 0))
        counts[f.rule] = (title, n + 1)
    return sorted(((code, t, n) for code, (t, n) in counts.items()), key=lambda r: (-r[2], r[0]))
