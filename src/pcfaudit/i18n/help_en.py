"""The command line's ``--help`` texts in English, by stable key: ``help.<command>`` is a
command's description, ``help.<command>.<parameter>`` one option or argument,
``help.opt.<parameter>`` an option several commands share, ``help.typer.*`` the words typer
and click print around them. Part of the one label catalogue (:func:`pcfaudit.i18n.label`).

Rich markup is on in help texts: no square brackets in a description."""

from __future__ import annotations

HELP: dict[str, str] = {
    # the frame typer and click print
    "help.typer.usage": "Usage: ",
    "help.typer.options_metavar": "[OPTIONS]",
    "help.typer.command_metavar": "COMMAND [ARGS]...",
    "help.typer.arguments": "Arguments",
    "help.typer.options": "Options",
    "help.typer.commands": "Commands",
    "help.typer.default": "[default: {}]",
    "help.typer.required": "[required]",
    "help.typer.envvar": "[env var: {}]",
    "help.typer.help": "Show this message and exit.",
    # shared options
    "help.opt.format": "text (for people) or json (for tools).",
    "help.opt.lang": "Language of the output: en, zh, or auto (the locale's).",
    "help.opt.output": "Write to FILE instead of standard output.",
    "help.opt.config_file": "pcfaudit.toml or pyproject.toml to use.",
    "help.opt.reference_dir": "Overlay your own reference pack.",
    # pcfaudit
    "help.app": (
        "Audit product carbon footprint reports (PDF, DOCX, text): recompute every number "
        "and flag each inconsistency with its location.\n\n"
        "pcfaudit COMMAND --help describes a command; --lang zh gives the help in Chinese."
    ),
    "help.app.version": "Print the version.",
    "help.app.lang": "Language of the help and of every command's output: en, zh, or auto.",
    # check
    "help.check": (
        "Audit reports and print their findings.\n\n"
        "Exit 0 when nothing is at or above --fail-on, 1 when something is, 2 for unreadable "
        "input, a report that could not be audited, or a usage error."
    ),
    "help.check.files": "Reports to audit (PDF, DOCX, text, Markdown).",
    "help.check.format": "Output format.",
    "help.check.lang": "Language of the findings: auto (the report's), en or zh.",
    "help.check.fail_on": "Exit 1 when a finding at or above this severity remains.",
    "help.check.select": "Rule codes or prefixes to run (comma-separated).",
    "help.check.ignore": "Rule codes or prefixes to skip.",
    "help.check.waivers": "Waiver file (TOML) of accepted finding fingerprints.",
    "help.check.statistics": "Count findings by rule.",
    "help.check.annotate": (
        "Write a copy of a PDF report with each finding highlighted on its number, or of a "
        "DOCX report with each finding as a Word comment."
    ),
    "help.check.timeout": "Give up on a file after SECONDS (0: no limit).",
    "help.check.baseline": (
        "JSON output of an earlier check: its findings count as accepted, so only new ones "
        "fail the run."
    ),
    "help.check.add_waivers": (
        "Accept every open finding: append its fingerprint to the waiver file (--waivers, "
        "the configured one, or pcfaudit-waivers.toml) and exit 0."
    ),
    # extract
    "help.extract": (
        "Show what pcfaudit reads in a report: the claims and inventory it found, or with "
        "--tables every table as read."
    ),
    "help.extract.file": "A report (PDF, DOCX, text, Markdown).",
    "help.extract.tables": "Show every table as a grid, with its page and caption.",
    "help.extract.lang": (
        "Language of pcfaudit's labels: en, zh, or auto (the report's); the report's own "
        "words stay as written."
    ),
    # rules, explain
    "help.rules": "List every rule of the catalogue.",
    "help.explain": "Explain a rule: what it checks, why it matters, an example.",
    "help.explain.code": "A rule code (FU001) or name (functional-unit-mismatch).",
    # reference
    "help.reference": (
        "Show the reference data pack: every value with the document it comes from and "
        "whether it was verified."
    ),
    "help.reference.show": "One table of the pack (default: a summary of all).",
    "help.reference.notes": (
        "Also show the maintainers' notes: where each value was read and how far it was "
        "checked (always in JSON)."
    ),
    # diff
    "help.diff": (
        "Compare two audits of a report: findings resolved, still open and new.\n\n"
        "Exit 1 when a new finding is at or above --fail-on, 0 otherwise, 2 for unreadable input."
    ),
    "help.diff.old": "JSON output of check on the earlier version.",
    "help.diff.new": "JSON output of check on the later version.",
    "help.diff.fail_on": "Exit 1 when a new finding is at or above this severity.",
    # batch
    "help.batch": (
        "Audit every report under PATHS into a results database, resuming where it stopped.\n\n"
        "Files already audited by the same tool, rules, reference pack and settings are "
        "skipped. Exit 0 when all were audited and nothing is at or above --fail-on, 1 for "
        "findings, 2 when some file could not be audited, 130 when interrupted (everything "
        "finished so far is kept)."
    ),
    "help.batch.paths": "Files and folders (searched recursively).",
    "help.batch.jobs": "Worker processes (0: all cores).",
    "help.batch.db": "Results database (SQLite).",
    "help.batch.timeout": "Seconds one file may take.",
    "help.batch.memory_mb": "Memory cap per worker in MB (0: none).",
    "help.batch.lang": (
        "Language of the stored findings: auto (each report's), en or zh; also of the "
        "progress lines (auto: the locale's)."
    ),
    "help.batch.fail_on": "Exit 1 when a report has findings at or above this severity.",
    "help.batch.retry_errors": "Audit again files that timed out or crashed.",
    "help.batch.executor": "local processes, or a dask cluster.",
    "help.batch.scheduler": "Dask scheduler address (with --executor dask).",
    # results
    "help.results": "Summarise or export a results database.",
    "help.results.db": "A results database written by pcfaudit batch.",
    "help.results.format": (
        "text, jsonl (one report per line), csv (one finding per row), json; with "
        "--per-report: markdown, html, sarif or json."
    ),
    "help.results.analytics": "Cross-report checks: factor conflicts, copied inventories.",
    "help.results.per_report": "Write one file per report into DIR.",
    "help.results.min_sequence": "Shortest shared number run reported by --analytics.",
    "help.results.lang": (
        "Language of the text summary (auto: the locale's) and of --per-report files "
        "(auto: each report's own): en or zh. JSON Lines and CSV stay as batch stored them."
    ),
}
