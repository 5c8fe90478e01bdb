"""Markdown for a review comment or an e-mail to the report's author.

A heading with the verdict, coverage, a table of counts by severity, then the findings
grouped by severity, each with its place, the quoted evidence as a block quote and
reported → expected. Text from the report is escaped so it cannot break the layout.
"""

from __future__ import annotations

import re

from pcfaudit.model import AuditResult, Finding
from pcfaudit.render.common import (
    SEVERITIES,
    active,
    cause_of,
    coverage_lines,
    describe_location,
    expected_of,
    impact_text,
    label,
    message_of,
    reported_of,
    rule_counts,
    title_of,
    verdict_text,
    waived,
    waiver_text,
)
from pcfaudit.render.places import Places, places_of

_SPECIAL = re.compile(r"([\\`*_{}\[\]<>#|~])")


def md_escape(text: str) -> str:
    """Escape characters Markdown would read as markup (also '|' for table cells)."""
    return _SPECIAL.sub(r"\\\1", text).replace("\n", " ")


def _code(text: str) -> str:
    """Inline code that survives backticks inside the value."""
    fence = "``" if "`" in text else "`"
    pad = " " if "`" in text else ""
    return f"{fence}{pad}{text}{pad}{fence}"


def _finding(
    f: Finding, lang: str, level: str = "####", places: Places | None = None
) -> list[str]:
    out = [f"{level} {f.rule} · {md_escape(title_of(f, lang))}", ""]
    for loc in f.locations:
        out.append(f"*{md_escape(describe_location(loc, lang, places))}*")
        out.append("")
        if loc.quote:
            out.extend(f"> {md_escape(q)}" for q in loc.quote.splitlines() or [""])
            out.append("")
    msg = message_of(f, lang, places)
    if msg:
        out += [md_escape(msg), ""]
    details: list[str] = []
    if f.reported is not None or f.expected is not None:
        reported = _code(reported_of(f, lang) or "") if f.reported is not None else "—"
        expected = _code(expected_of(f, lang) or "") if f.expected is not None else "—"
        details.append(
            f"{label(lang, 'label.reported')} {reported} → {label(lang, 'label.expected')} {expected}"
        )
    cause = cause_of(f, lang, places)
    if cause:
        details.append(label(lang, "label.cause") + label(lang, "colon") + md_escape(cause))
    impact = impact_text(f, lang)
    if impact:
        details.append(label(lang, "label.impact") + label(lang, "colon") + md_escape(impact))
    if f.waived:
        details.append(f"*{md_escape(waiver_text(f, lang))}*")
    if details:
        out.extend(f"- {d}" for d in details)
        out.append("")
    return out


def render_markdown(result: AuditResult, lang: str = "en", statistics: bool = False) -> str:
    path = result.source.get("path")
    places = places_of(result)
    heading = verdict_text(result, lang)
    if path:
        heading += f" · {md_escape(str(path))}"
    out = [f"## {heading}", ""]
    out.extend(f"{md_escape(line)}  " for line in coverage_lines(result, lang))
    out.append("")

    summary = result.summary
    out += [
        f"| {label(lang, 'label.severity')} | {label(lang, 'label.count')} |",
        "|---|---:|",
    ]
    out.extend(f"| {label(lang, f'severity.{s}')} | {summary[s]} |" for s in SEVERITIES)
    done = waived(result)
    if done:
        out.append(f"| {label(lang, 'label.waived')} | {len(done)} |")
    out.append("")

    live = active(result)
    for sev in SEVERITIES:
        group = [f for f in live if f.severity == sev]
        if not group:
            continue
        out += [f"### {label(lang, f'severity.{sev}.plural')} ({len(group)})", ""]
        for f in group:
            out += _finding(f, lang, places=places)

    if done:
        out += [f"### {label(lang, 'label.waived')} ({len(done)})", ""]
        for f in done:
            out += _finding(f, lang, places=places)

    if result.unmatched_waivers:
        out += [f"### {label(lang, 'label.unmatched')}", ""]
        for w in result.unmatched_waivers:
            item = label(
                lang,
                "label.unmatched_item",
                fingerprint=_code(w.get("fingerprint", "?")),
                reason=md_escape(w.get("reason", "")),
            )
            out.append(f"- {item}")
        out.append("")

    if statistics and live:
        out += [
            f"### {label(lang, 'label.statistics')}",
            "",
            f"| {label(lang, 'label.rule')} | {label(lang, 'label.title')} | {label(lang, 'label.count')} |",
            "|---|---|---:|",
        ]
        out.extend(f"| {c} | {md_escape(t)} | {n} |" for c, t, n in rule_counts(result, lang))
        out.append("")
    return "\n".join(out).rstrip() + "\n"
