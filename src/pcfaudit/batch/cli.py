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

from pcfaudit.cli_options import GIVEN_PATH, Lang, Severity
from pcfaudit.escape import path_text, terminal, terminal_plain, utf8_safe


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
    from pcfaudit.cli_errors import say

    say(message)
    return typer.Exit(code)


# --------------------------------------------------------------------------- progress


class _Rate(ProgressColumn):
    def render(self, task: Task) -> Text:
        speed = task.finished_speed or task.speed
        return Text(f"{speed * 60:.0f} files/min" if speed else "– files/min", style="cyan")


class BatchProgress:
    """A rich progress bar on stderr; plain lines when stderr is not a terminal."""

    def __init__(self, console: Console | None = None) -> None:
        self.console = console or Console(stderr=True)
        self.live = self.console.is_terminal
        self.progress: Progress | None = None
        self.total = 0
        self.done = 0
        self.t0 = time.monotonic()

    def start(self, total: int, skipped: int) -> None:
        self.total, self.t0 = total, time.monotonic()
        if skipped:
            self._say(f"Skipping {skipped} files already audited (same tool, rules, reference "
                      "pack and settings, or the same bytes as another file).")  # fmt: skip
        if self.live and total:
            self.progress = Progress(
                TextColumn("[bold]auditing"), BarColumn(), MofNCompleteColumn(), _Rate(),
                TimeElapsedColumn(), TextColumn("ETA"), TimeRemainingColumn(),
                console=self.console, transient=False,
            )  # fmt: skip
            self.progress.start()
            self.task_id = self.progress.add_task("audit", total=total)

    def advance(self, outcome: dict[str, Any]) -> None:
        self.done += 1
        if self.progress is not None:
            if outcome["kind"] != "result":
                self.progress.console.print(
                    f"[yellow]{outcome['kind']}[/]: {terminal(outcome['message'])}",
                    highlight=False,
                )
            self.progress.advance(self.task_id)
            return
        elapsed = time.monotonic() - self.t0
        rate = self.done / elapsed if elapsed else 0.0
        eta = (self.total - self.done) / rate if rate else 0.0
        what = (f"{outcome['summary']['error']} errors" if outcome["kind"] == "result"
                else f"{outcome['kind']}: {outcome['message']}")  # fmt: skip
        print(f"[{self.done}/{self.total}] {rate * 60:.0f} files/min, ETA {eta:.0f} s: "
              f"{terminal_plain(outcome['path'])} ({terminal_plain(what)})",
              file=sys.stderr, flush=True)  # fmt: skip

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
    paths: Annotated[list[Path], typer.Argument(click_type=GIVEN_PATH, metavar="PATHS...", help="Files and folders (searched recursively).")],
    jobs: Annotated[int, typer.Option("--jobs", "-j", help="Worker processes (0: all cores).")] = 0,
    db: Annotated[Path, typer.Option("--db", help="Results database (SQLite).")] = Path("results.sqlite"),
    timeout: Annotated[float, typer.Option(help="Seconds one file may take.")] = 120.0,
    memory_mb: Annotated[int, typer.Option("--memory-mb", help="Memory cap per worker in MB (0: none).")] = 2048,
    lang: Annotated[Lang, typer.Option(help="Language of stored messages (default: each report's).")] = Lang.auto,
    fail_on: Annotated[Severity | None, typer.Option(help="Exit 1 when a report has findings at or above this.")] = None,
    config_file: Annotated[Path | None, typer.Option("--config", help="pcfaudit.toml or pyproject.toml to use.")] = None,
    retry_errors: Annotated[bool, typer.Option("--retry-errors", help="Audit again files that timed out or crashed.")] = False,
    executor: Annotated[Executor, typer.Option(help="local processes, or a Dask cluster.")] = Executor.local,
    scheduler: Annotated[str | None, typer.Option(help="Dask scheduler address (with --executor dask).")] = None,
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
    failed = ", ".join(f"{n} {k}" for k, n in sorted(summary.failed.items()))
    shown = terminal_plain(path_text(db))
    killed = (
        f" Marked {summary.killed_runs} earlier run(s) as killed." if summary.killed_runs else ""
    )
    held = summary.database
    print(
        f"{'Interrupted' if summary.interrupted else 'Done'}: {summary.audited} audited, "
        f"{summary.could_not_audit} could not be audited{f' ({failed})' if failed else ''}, "
        f"{summary.skipped} skipped (already audited), {summary.duplicates} duplicate files; "
        f"{summary.seconds:.1f} s.{killed} The whole database: {held.get('audited', 0)} "
        f"audited, {held.get('could_not_audit', 0)} could not be audited "
        f"(pcfaudit results {shown})",
        file=sys.stderr,
    )
    raise typer.Exit(130 if summary.interrupted else summary.worst_exit)


def results(
    db: Annotated[Path, typer.Argument(click_type=GIVEN_PATH, metavar="DB", help="A results database written by `pcfaudit batch`.")],
    format: Annotated[ResultsFormat, typer.Option("--format", "-f", help="text, jsonl (one report per line), csv (one finding per row), json; with --per-report: markdown, html, sarif or json.")] = ResultsFormat.text,
    output: Annotated[Path | None, typer.Option("--output", "-o", help="Write to FILE instead of stdout.")] = None,
    analytics: Annotated[bool, typer.Option("--analytics", help="Cross-report checks: factor conflicts, copied inventories.")] = False,
    per_report: Annotated[Path | None, typer.Option("--per-report", help="Write one file per report into DIR.")] = None,
    min_sequence: Annotated[int, typer.Option(help="Shortest shared number run reported by --analytics.")] = 6,
) -> None:  # fmt: skip
    """Summarise or export a results database."""
    import sqlite3

    from pcfaudit.batch.store import StoreError, describe, open_existing
    from pcfaudit.safe_io import OutputGuard, OutputRefused

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
                _results_out(conn, out, format, per_report, analytics, min_sequence, guard)
        else:
            _results_out(conn, sys.stdout, format, per_report, analytics, min_sequence, guard)
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
) -> None:
    """Write what ``results`` prints to ``out``; per-report files are written here."""
    from pcfaudit.batch import analysis as batch_analytics
    from pcfaudit.batch import export as batch_export

    if per_report is not None:
        if format.value not in batch_export.PER_REPORT_EXT:
            raise _fail("--per-report takes --format markdown, html, sarif or json")
        written = batch_export.write_per_report(conn, per_report, format.value, guard)
        print(f"Wrote {len(written)} {format.value} files to {terminal_plain(path_text(per_report))}",
              file=sys.stderr)  # fmt: skip
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
            out.write(utf8_safe(batch_export.summary_text(data)))
            if extra is not None:
                out.write(utf8_safe(batch_export.analytics_text(extra)))


def register(app: typer.Typer) -> None:
    """Add ``batch`` and ``results`` to the main command line."""
    app.command("batch")(batch)
    app.command("results")(results)
