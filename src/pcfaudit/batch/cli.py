"""The ``batch`` and ``results`` commands; :func:`register` adds them to the main app."""

from __future__ import annotations

import json
import os
import sys
import time
from enum import StrEnum
from pathlib import Path
from typing import Annotated, Any

import typer
from rich.console import Console
from rich.progress import (
    BarColumn,
    MofNCompleteColumn,
    Progress,
    ProgressColumn,
    Task,
    TextColumn,
    TimeElapsedColumn,
    TimeRemainingColumn,
)
from rich.text import Text

from pcfaudit.cli_errors import error_language, locale_language, say
from pcfaudit.cli_options import GIVEN_PATH, Lang, Severity
from pcfaudit.escape import path_text, terminal, terminal_plain, utf8_safe
from pcfaudit.i18n import error, label, term


class Executor(StrEnum):
    local = "local"
    dask = "dask"


class ResultsFormat(StrEnum):
    text = "text"
    jsonl = "jsonl"
    csv = "csv"
    json = "json"
    markdown = "markdown"
    html = "html"
    sarif = "sarif"


def _fail(message: str, code: int = 2) -> typer.Exit:
    say(message)
    return typer.Exit(code)


# --------------------------------------------------------------------------- progress


class _Rate(ProgressColumn):
    def __init__(self, lang: str) -> None:
        super().__init__()
        self.lang = lang

    def render(self, task: Task) -> Text:
        speed = task.finished_speed or task.speed
        text = (
            label(self.lang, "batch.rate", rate=f"{speed * 60:.0f}")
            if speed
            else label(self.lang, "batch.no_rate")
        )
        return Text(text, style="cyan")


class BatchProgress:
    """A rich progress bar on stderr; plain lines when stderr is not a terminal. In ``lang``
    (default: the language of messages on stderr, see :func:`error_language`)."""

    def __init__(self, console: Console | None = None, lang: str | None = None) -> None:
        self.lang = lang or error_language()
        self.console = console or Console(stderr=True)
        self.live = self.console.is_terminal
        self.progress: Progress | None = None
        self.total = 0
        self.done = 0
        self.t0 = time.monotonic()

    def start(self, total: int, skipped: int) -> None:
        self.total, self.t0 = total, time.monotonic()
        if skipped:
            self._say(label(self.lang, "batch.skipping", n=skipped))
        if self.live and total:
            self.progress = Progress(
                TextColumn(f"[bold]{label(self.lang, 'batch.auditing')}"), BarColumn(),
                MofNCompleteColumn(), _Rate(self.lang), TimeElapsedColumn(),
                TextColumn(label(self.lang, "batch.eta")), TimeRemainingColumn(),
                console=self.console, transient=False,
            )  # fmt: skip
            self.progress.start()
            self.task_id = self.progress.add_task("audit", total=total)

    def advance(self, outcome: dict[str, Any]) -> None:
        self.done += 1
        if self.progress is not None:
            if outcome["kind"] != "result":
                kind = term(self.lang, "batch.kind", outcome["kind"])
                message = terminal(error(self.lang, outcome["message"]))
                self.progress.console.print(
                    label(
                        self.lang,
                        "batch.outcome",
                        kind=f"[yellow]{terminal(kind)}[/]",
                        message=message,
                    ),
                    highlight=False,
                )
            self.progress.advance(self.task_id)
            return
        elapsed = time.monotonic() - self.t0
        rate = self.done / elapsed if elapsed else 0.0
        eta = (self.total - self.done) / rate if rate else 0.0
        if outcome["kind"] == "result":
            what = label(self.lang, "batch.errors", n=outcome["summary"]["error"])
        else:
            what = label(self.lang, "batch.outcome", kind=term(self.lang, "batch.kind", outcome["kind"]),
                         message=error(self.lang, outcome["message"]))  # fmt: skip
        line = label(self.lang, "batch.progress", done=self.done, total=self.total, rate=f"{rate * 60:.0f}",
                     eta=f"{eta:.0f}", path=terminal_plain(outcome["path"]), what=terminal_plain(what))  # fmt: skip
        print(line, file=sys.stderr, flush=True)

    def _say(self, text: str) -> None:
        if self.live:
            self.console.print(terminal(text), highlight=False)
        else:
            print(text, file=sys.stderr, flush=True)

    def stop(self) -> None:
        if self.progress is not None:
            self.progress.stop()
            self.progress = None


# --------------------------------------------------------------------------- commands


def batch(
    paths: Annotated[list[Path], typer.Argument(click_type=GIVEN_PATH, metavar="PATHS...")],
    jobs: Annotated[int, typer.Option("--jobs", "-j")] = 0,
    db: Annotated[Path, typer.Option("--db")] = Path("results.sqlite"),
    timeout: Annotated[float, typer.Option()] = 120.0,
    memory_mb: Annotated[int, typer.Option("--memory-mb")] = 2048,
    lang: Annotated[Lang, typer.Option()] = Lang.auto,
    fail_on: Annotated[Severity | None, typer.Option()] = None,
    config_file: Annotated[Path | None, typer.Option("--config", metavar="FILE")] = None,
    retry_errors: Annotated[bool, typer.Option("--retry-errors")] = False,
    executor: Annotated[Executor, typer.Option()] = Executor.local,
    scheduler: Annotated[str | None, typer.Option(metavar="ADDRESS")] = None,
) -> None:  # fmt: skip
    """Audit every report under PATHS into a results database, resuming where it stopped.

    Files already audited by the same tool, rules, reference pack and settings are skipped.
    Exit 0 all audited and nothing at or above --fail-on, 1 findings, 2 some file could not
    be audited, 130 interrupted (everything finished so far is kept)."""
    from pcfaudit.batch.run import BatchOptions, run_batch
    from pcfaudit.batch.store import StoreError
    from pcfaudit.config import ConfigError, load_config

    if executor is Executor.dask and not scheduler:
        raise _fail("--executor dask needs --scheduler ADDRESS")
    missing = [str(p) for p in paths if not p.exists()]
    if missing:
        raise _fail(f"no such file or folder: {', '.join(missing)}")
    try:
        config = load_config(explicit=config_file)
    except ConfigError as exc:
        raise _fail(str(exc)) from None
    if fail_on is not None:
        config.fail_on = fail_on.value
    options = BatchOptions(
        jobs=jobs, timeout=timeout, memory_mb=memory_mb, lang=lang.value,
        retry_errors=retry_errors, executor=executor.value, scheduler=scheduler,
    )  # fmt: skip
    try:
        summary = run_batch(paths, db, config, options, progress=BatchProgress())
    except StoreError as exc:
        raise _fail(str(exc)) from None
    except Exception as exc:
        if os.environ.get("PCFAUDIT_DEBUG"):
            raise
        raise _fail(f"batch failed ({type(exc).__name__}: {exc})") from None
    print(_closing_line(summary, db, error_language()), file=sys.stderr)
    raise typer.Exit(130 if summary.interrupted else summary.worst_exit)


def _closing_line(summary: Any, db: Path, lang: str) -> str:
    """'Done: 5 audited, 3 could not be audited (3 unreadable), …' in ``lang``."""
    from pcfaudit.batch.export import counts_text

    failed = counts_text(summary.failed, "batch.kind", lang)
    held = summary.database
    return label(
        lang, "batch.closing",
        status=label(lang, "batch.interrupted" if summary.interrupted else "batch.done"),
        audited=summary.audited, failed=summary.could_not_audit,
        kinds=label(lang, "batch.paren", text=failed) if failed else "",
        skipped=summary.skipped, duplicates=summary.duplicates, seconds=f"{summary.seconds:.1f}",
        killed=label(lang, "batch.killed", n=summary.killed_runs) if summary.killed_runs else "",
        held_audited=held.get("audited", 0), held_failed=held.get("could_not_audit", 0),
        db=terminal_plain(path_text(db)),
    )  # fmt: skip


def results(
    db: Annotated[Path, typer.Argument(click_type=GIVEN_PATH, metavar="DB")],
    format: Annotated[ResultsFormat, typer.Option("--format", "-f")] = ResultsFormat.text,
    output: Annotated[Path | None, typer.Option("--output", "-o", metavar="FILE")] = None,
    analytics: Annotated[bool, typer.Option("--analytics")] = False,
    per_report: Annotated[Path | None, typer.Option("--per-report", metavar="DIR")] = None,
    min_sequence: Annotated[int, typer.Option()] = 6,
    lang: Annotated[Lang, typer.Option()] = Lang.auto,
) -> None:  # fmt: skip
    """Summarise or export a results database (the text summary in --lang; per-report
    files in --lang, or each in its report's language; JSON Lines and CSV as stored)."""
    import sqlite3

    from pcfaudit.batch.store import StoreError, describe, open_existing
    from pcfaudit.safe_io import OutputGuard, OutputRefused

    language = locale_language() if lang is Lang.auto else lang.value
    # A per-report file is a report's audit: in its own language unless --lang says.
    report_lang = None if lang is Lang.auto else lang.value
    guard = OutputGuard([db, f"{db}-wal", f"{db}-shm"])
    try:
        if output is not None:
            guard.check(output)
        if per_report is not None:
            guard.check(per_report, folder_ok=True)
        conn = open_existing(db)
    except (StoreError, OutputRefused) as exc:
        raise _fail(str(exc)) from None
    try:
        if output is not None:
            with guard.open_text(output) as out:
                _results_out(
                    conn, out, format, per_report, analytics, min_sequence, guard, language,
                    report_lang,
                )  # fmt: skip
        else:
            _results_out(
                conn, sys.stdout, format, per_report, analytics, min_sequence, guard, language,
                report_lang,
            )  # fmt: skip
    except sqlite3.Error as exc:
        raise _fail(describe(db, exc)) from None
    except (OutputRefused, StoreError) as exc:
        raise _fail(str(exc)) from None
    finally:
        conn.close()


def _results_out(
    conn: Any,
    out: Any,
    format: ResultsFormat,
    per_report: Path | None,
    analytics: bool,
    min_sequence: int,
    guard: Any,
    lang: str,
    report_lang: str | None,
) -> None:
    """Write what ``results`` prints to ``out``; per-report files are written here (in
    ``report_lang``, or each in its report's language when None)."""
    from pcfaudit.batch import analysis as batch_analytics
    from pcfaudit.batch import export as batch_export

    if per_report is not None:
        if format.value not in batch_export.PER_REPORT_EXT:
            raise _fail("--per-report takes --format markdown, html, sarif or json")
        written = batch_export.write_per_report(
            conn, per_report, format.value, guard, report_lang
        )
        folder = terminal_plain(path_text(per_report))
        print(
            label(lang, "batch.wrote", n=len(written), format=format.value, folder=folder),
            file=sys.stderr,
        )
        return
    if format.value in ("markdown", "html", "sarif"):
        raise _fail(f"--format {format.value} needs --per-report DIR")
    if format is ResultsFormat.jsonl:
        batch_export.write_jsonl(conn, out)
    elif format is ResultsFormat.csv:
        batch_export.write_csv(conn, out)
    else:
        data = batch_analytics.summary(conn)
        extra = batch_analytics.analytics(conn, min_sequence) if analytics else None
        if format is ResultsFormat.json:
            payload = {"summary": data, **({"analytics": extra} if extra else {})}
            out.write(utf8_safe(json.dumps(payload, ensure_ascii=False, indent=2)) + "\n")
        else:
            out.write(utf8_safe(batch_export.summary_text(data, lang)))
            if extra is not None:
                out.write(utf8_safe(batch_export.analytics_text(extra, lang)))


def register(app: typer.Typer) -> None:
    """Add ``batch`` and ``results`` to the main command line."""
    app.command("batch")(batch)
    app.command("results")(results)
