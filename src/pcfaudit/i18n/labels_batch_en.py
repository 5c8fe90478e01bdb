"""What ``pcfaudit batch`` writes to stderr and ``pcfaudit results`` prints, in English, by
stable key (``batch.*`` for the run, ``results.*`` for the summary and the analytics). Part
of the one label catalogue (:func:`pcfaudit.i18n.label`); kept apart only to keep each
file short."""

from __future__ import annotations

LABELS: dict[str, str] = {
    # batch: progress and the closing line on stderr
    "batch.skipping": (
        "Skipping {n} files already audited (same tool, rules, reference pack and settings, "
        "or the same bytes as another file)."
    ),
    "batch.auditing": "auditing",
    "batch.rate": "{rate} files/min",
    "batch.no_rate": "– files/min",
    "batch.eta": "ETA",
    "batch.progress": "[{done}/{total}] {rate} files/min, ETA {eta} s: {path} ({what})",
    "batch.errors": "{n} errors",
    "batch.outcome": "{kind}: {message}",
    "batch.done": "Done",
    "batch.interrupted": "Interrupted",
    "batch.closing": (
        "{status}: {audited} audited, {failed} could not be audited{kinds}, {skipped} skipped "
        "(already audited), {duplicates} duplicate files; {seconds} s.{killed} The whole "
        "database: {held_audited} audited, {held_failed} could not be audited (pcfaudit "
        "results {db})"
    ),
    "batch.killed": " Marked {n} earlier run(s) as killed.",
    "batch.wrote": "Wrote {n} {format} files to {folder}",
    # counts of a fixed vocabulary ("3 unreadable", "2 findings") and how they are joined
    "batch.count": "{n} {what}",
    "batch.count_reports": "{n} {what}",
    "batch.list_sep": ", ",
    "batch.paren": " ({text})",
    # why a file could not be audited (the error kinds batch records)
    "batch.kind.timeout": "timeout",
    "batch.kind.crash": "crash",
    "batch.kind.memory": "memory",
    "batch.kind.unreadable": "unreadable",
    "batch.kind.unavailable": "unavailable",
    # the one-word verdicts stored per report
    "batch.verdict.clean": "clean",
    "batch.verdict.findings": "findings",
    "batch.verdict.unchecked": "unchecked",
    "batch.verdict.unreadable": "unreadable",
    # results: the summary
    "results.audited": "Reports audited: {n}",
    "results.could_not": "Could not audit: {n}",
    "results.verdicts": "Verdicts: {list}",
    "results.by_category": "Findings by category",
    "results.by_rule": "Findings by rule",
    "results.worst": "Worst reports by impact",
    "results.unaudited": "Could not audit",
    "results.col.category": "category",
    "results.col.errors": "errors",
    "results.col.warnings": "warnings",
    "results.col.info": "info",
    "results.col.rule": "rule",
    "results.col.findings": "findings",
    "results.col.reports": "reports",
    "results.col.title": "title",
    "results.col.report": "report",
    "results.col.impact": "error impact (share of total)",
    "results.col.file": "file",
    "results.col.kind": "kind",
    "results.col.reason": "reason",
    # results --analytics
    "results.analytics": "Archive analytics",
    "results.conflicts": "Factor labels printed with different values: {n}",
    "results.conflict": "  {label} ({unit}):",
    "results.conflict_value": "    {value}: {sources}",
    "results.inventories": "Identical inventories in reports of different products: {n}",
    "results.inventory": "  {lines} lines, inventory {hash}:",
    "results.inventory_source": "    {path} ({title})",
    "results.sequences": "Long identical number sequences across products: {n}",
    "results.sequence": "  {length} numbers ({numbers}):",
}
