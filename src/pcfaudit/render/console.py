"""The console report (rich): what a verifier reads in the terminal.

A verdict line with coverage first, then findings most important first, each with its
place, the quoted evidence, reported → expected and the likely cause; waived findings
last and dimmed. Text from the report is always passed as ``Text`` objects, never as
markup, so a quote containing ``[...]`` prints as written.
"""

from __future__ import annotations

import io

from rich import box
from rich.cells import cell_len
from rich.console import Console, Group, RenderableType
from rich.padding import Padding
from rich.table import Table
from rich.text import Text

from pcfaudit import i18n
from pcfaudit.model import AuditResult, Finding
from pcfaudit.render.common import (
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
    rule_counts,
    title_of,
    verdict,
    verdict_text,
    waived,
    waiver_text,
)
from pcfaudit.render.places import Places, places_of

SEVERITY_STYLE = {"error": "bold red", "warning": "yellow", "info": "cyan"}
VERDICT_STYLE = {
    "clean": "bold green",
    "findings": "bold red",
    "unchecked": "bold yellow",
    "unreadable": "bold red",
}
INDENT = 4
SEVERITY_WIDTH = 8  # terminal cells, so Chinese labels line up too


def _verdict(result: AuditResult, lang: str) -> RenderableType:
    v = verdict(result)
    head = Text(verdict_text(result, lang), style=VERDICT_STYLE[v])
    path = result.source.get("path")
    if path:
        head.append("  ·  ", style="dim")
        head.append(str(path), style="bold")
    lines: list[RenderableType] = [head]
    if v == "findings":
        s = result.summary
        counts = Text("  ")
        for sev in ("error", "warning", "info"):
            if not s[sev]:
                continue
            if len(counts) > 2:
                counts.append(" · ", style="dim")
            counts.append(count_text(sev, s[sev], lang), style=SEVERITY_STYLE[sev])
        lines.append(counts)
    for line in coverage_lines(result, lang):
        lines.append(Text("  " + line, style="dim"))
    return Group(*lines)


def _finding(
    f: Finding, lang: str, dim: bool = False, places: Places | None = None
) -> RenderableType:
    sev_style = "dim" if dim else SEVERITY_STYLE.get(f.severity, "")
    head = Text()
    sev = label(lang, f"severity.{f.severity}")
    head.append(sev + " " * max(1, SEVERITY_WIDTH - cell_len(sev)), style=sev_style)
    head.append(f.rule, style="dim" if dim else "bold")
    head.append("  ")
    head.append(title_of(f, lang), style="dim" if dim else "bold")

    body: list[RenderableType] = []
    for loc in f.locations:
        body.append(Text(describe_location(loc, lang, places), style="dim" if dim else "blue"))
        if loc.quote:
            body.append(Padding(Text(f"“{loc.quote}”", style="italic"), (0, 0, 0, 2), expand=False))
    msg = message_of(f, lang, places)
    if msg:
        body.append(Text(msg))
    if f.reported is not None or f.expected is not None:
        line = Text()
        line.append(f"{label(lang, 'label.reported')} ")
        line.append(reported_of(f, lang) or "—", style="" if dim else "red")
        line.append("  →  ")
        line.append(f"{label(lang, 'label.expected')} ")
        line.append(expected_of(f, lang) or "—", style="" if dim else "green")
        body.append(line)
    cause = cause_of(f, lang, places)
    if cause:
        body.append(Text(label(lang, "label.cause") + label(lang, "colon") + cause))
    impact = impact_text(f, lang)
    if impact:
        body.append(Text(label(lang, "label.impact") + label(lang, "colon") + impact))
    body.append(Text(_confidence(f, lang), style="dim"))
    if f.waived:
        body.append(Text(waiver_text(f, lang), style="italic"))
    inner = Group(*body)
    return Group(head, Padding(inner, (0, 0, 0, INDENT), style="dim" if dim else "", expand=False))


_REASON_WIDTH = 110


def _confidence(f: Finding, lang: str) -> str:
    """'Confidence: high (read from table 4; line relation recomputed …)', cut short."""
    c = f.confidence
    text = (
        label(lang, "label.confidence")
        + label(lang, "colon")
        + label(lang, f"confidence.{c.level}")
    )
    # Rules give the reason in English; a Chinese reader gets it when the catalogue knows it.
    reason = i18n.phrase(lang, c.reason) if c.reason else None
    if reason and (norm_lang(lang) == "en" or i18n.fully_translated(reason)):
        reason = reason if len(reason) <= _REASON_WIDTH else reason[: _REASON_WIDTH - 1] + "…"
        text += label(lang, "paren", text=reason)
    return text


def _statistics(result: AuditResult, lang: str) -> RenderableType:
    table = Table(
        title=label(lang, "label.statistics"),
        title_justify="left",
        box=box.SIMPLE,
        show_edge=False,
        pad_edge=False,
    )
    table.add_column(label(lang, "label.rule"))
    table.add_column(label(lang, "label.title"))
    table.add_column(label(lang, "label.count"), justify="right")
    total = 0
    for code, title, n in rule_counts(result, lang):
        table.add_row(code, Text(title), str(n))
        total += n
    table.add_row(
        Text(label(lang, "label.total"), style="bold"), "", Text(str(total), style="bold")
    )
    return table


def render_console(
    result: AuditResult, console: Console, lang: str = "en", statistics: bool = False
) -> None:
    """Write the report to ``console`` (the caller decides colour and width)."""
    console.print(_verdict(result, lang), highlight=False)
    places = places_of(result)
    for f in active(result):
        console.print()
        console.print(_finding(f, lang, places=places), highlight=False)
    done = waived(result)
    if done:
        console.print()
        console.print(Text(f"{label(lang, 'label.waived')} ({len(done)})", style="dim bold"))
        for f in done:
            console.print(_finding(f, lang, dim=True, places=places), highlight=False)
    if result.unmatched_waivers:
        console.print()
        console.print(Text(label(lang, "label.unmatched"), style="yellow"))
        for w in result.unmatched_waivers:
            item = label(
                lang,
                "label.unmatched_item",
                fingerprint=w.get("fingerprint", "?"),
                reason=w.get("reason", ""),
            )
            console.print(Padding(Text(item), (0, 0, 0, 2), expand=False), highlight=False)
    if statistics and result.findings:
        console.print()
        console.print(_statistics(result, lang), highlight=False)


def render_text(
    result: AuditResult, lang: str = "en", statistics: bool = False, width: int = 100
) -> str:
    """The console report as plain text: no colour, no control codes."""
    buf = io.StringIO()
    console = Console(
        file=buf,
        width=width,
        force_terminal=False,
        no_color=True,
        color_system=None,
        highlight=False,
        emoji=False,
        legacy_windows=False,
    )
    render_console(result, console, lang=lang, statistics=statistics)
    # rich pads grouped lines to a common width; trailing blanks only get in a diff's way.
    return "\n".join(line.rstrip() for line in buf.getvalue().splitlines()) + "\n"
