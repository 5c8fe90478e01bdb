"""Run a batch: discover files, skip what the store already holds, audit the rest on local
worker processes or a Dask cluster, and write each outcome to the store as it arrives.

The parent (or Dask client) is the only writer of the database; workers only compute.
"""

from __future__ import annotations

import dataclasses
import hashlib
import json
import os
import time
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from pcfaudit import __version__
from pcfaudit.batch import coordination, store
from pcfaudit.batch.work import FAULT_ENV, Task, WorkOptions
from pcfaudit.config import Config
from pcfaudit.escape import path_text
from pcfaudit.safe_io import InputRefused, hash_regular, not_regular_reason

EXTENSIONS = (".pdf", ".docx", ".txt", ".md", ".markdown")


@dataclass
class BatchOptions:
    jobs: int = 0  # 0: every core
    timeout: float = 120.0  # seconds per file
    memory_mb: int = 2048  # address-space cap per worker; 0: none
    lang: str = "auto"
    retry_errors: bool = False  # audit again files whose last attempt timed out or crashed
    executor: str = "local"  # local | dask
    scheduler: str | None = None  # Dask scheduler address (or a distributed.Client)
    max_tasks_per_worker: int = 200


@dataclass
class BatchSummary:
    run_id: int
    discovered: int = 0
    skipped: int = 0  # already audited under the same identity
    duplicates: int = 0  # same bytes as another file of this run
    audited: int = 0
    failed: dict[str, int] = field(default_factory=dict)  # error kind → count
    worst_exit: int = 0
    interrupted: bool = False
    seconds: float = 0.0
    peak_worker_rss_kb: int = 0
    killed_runs: int = 0  # earlier runs found dead ("running" without a live process)
    database: dict[str, int] = field(default_factory=dict)  # what `pcfaudit results` counts

    @property
    def could_not_audit(self) -> int:
        return sum(self.failed.values())

    def counts(self) -> dict[str, int]:
        return {
            "discovered": self.discovered,
            "skipped": self.skipped,
            "duplicates": self.duplicates,
            "audited": self.audited,
            "could_not_audit": self.could_not_audit,
            **{f"error_{k}": v for k, v in sorted(self.failed.items())},
            "peak_worker_rss_kb": self.peak_worker_rss_kb,
        }


# --------------------------------------------------------------------------- discovery


def discover(paths: Iterable[Path | str]) -> list[str]:
    """Every report under ``paths``: files named explicitly, and under folders (recursively,
    hidden folders and files skipped) those with a report extension. Sorted, no repeats."""
    return discover_all(paths)[0]


def discover_all(paths: Iterable[Path | str]) -> tuple[list[str], dict[str, str]]:
    """(files to audit, {path: why it is not read}). Under a folder, a symbolic link is
    followed only to a file inside that folder, and only regular files are kept: a FIFO
    would block the batch, a link to /dev/zero would never end, a link out of the archive
    would audit (and store the title of) a file nobody put there."""
    found: dict[str, None] = {}
    refused: dict[str, str] = {}
    for given in paths:
        p = Path(given)
        if not p.is_dir():
            found[str(p)] = None  # named explicitly: audit it whatever it is called
            continue
        root_real = os.path.realpath(p)
        for root, dirs, files in os.walk(p):
            for d in dirs:
                full = os.path.join(root, d)
                if os.path.islink(full) and not _inside(os.path.realpath(full), root_real):
                    refused[full] = "symbolic link to a folder outside the archive; not followed"
            dirs[:] = sorted(d for d in dirs if not d.startswith("."))
            for name in sorted(files):
                if name.startswith(".") or not name.lower().endswith(EXTENSIONS):
                    continue
                full = os.path.join(root, name)
                why = _refusal(full, root_real)
                if why:
                    refused[full] = why
                else:
                    found[full] = None
    return sorted(found), refused


def _inside(target: str, root: str) -> bool:
    return target == root or target.startswith(root.rstrip(os.sep) + os.sep)


def _refusal(path: str, root_real: str) -> str | None:
    """Why a file found under an archive folder is not read, or None."""
    if os.path.islink(path):
        target = os.path.realpath(path)
        if not _inside(target, root_real):
            return "symbolic link to a file outside the archive; not followed"
    try:
        mode = os.stat(path).st_mode
    except OSError as exc:
        return f"cannot read ({exc.strerror or exc})"
    return not_regular_reason(mode)


# --------------------------------------------------------------------------- identity


def _digest(data: Any) -> str:
    text = json.dumps(data, sort_keys=True, ensure_ascii=False, default=str)
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def rules_hash() -> str:
    """The rule catalog's version: a hash of every rule's catalog entry."""
    from pcfaudit.rules import load_catalog

    return _digest([dataclasses.asdict(spec) for spec in load_catalog()])


def config_hash(config: Config, lang: str) -> str:
    """Settings that change what is stored for a report (not paths or the config's file)."""
    return _digest(
        {
            "select": config.select,
            "ignore": config.ignore,
            "severity": config.severity,
            "parameters": config.parameters,
            "fail_on": config.fail_on,
            "materiality": config.materiality,
            "waivers": [dataclasses.asdict(w) for w in config.waivers],
            "lang": lang,
        }
    )


def identity(config: Config, lang: str) -> store.Identity:
    from pcfaudit.pipeline import _pack_id, load_reference

    pack = _pack_id(load_reference(config))
    return store.Identity(
        tool_version=__version__,
        rules_hash=rules_hash(),
        reference_hash=pack.get("sha256", ""),
        config_hash=config_hash(config, lang),
        reference_name=pack.get("name", ""),
        reference_version=pack.get("version", ""),
    )


# --------------------------------------------------------------------------- running

Reporter = Callable[[dict[str, Any]], None]


def run_batch(
    paths: Iterable[Path | str],
    db: Path | str,
    config: Config | None = None,
    options: BatchOptions | None = None,
    progress: Any = None,
) -> BatchSummary:
    """Audit every report under ``paths`` into the database ``db``; return the counts.

    ``progress`` (optional) has ``start(total, skipped)`` and ``advance(outcome)``.
    KeyboardInterrupt is caught: the run is marked interrupted and its summary returned.
    """
    config = config or Config()
    options = options or BatchOptions()
    with coordination.exclusive_run(db):
        conn = store.connect(db)
        try:
            return _run_locked(conn, paths, config, options, progress)
        finally:
            conn.close()


def _run_locked(
    conn: Any, paths: Iterable[Path | str], config: Config, options: BatchOptions, progress: Any
) -> BatchSummary:
    started = time.monotonic()
    killed = coordination.close_abandoned_runs(conn)
    ident = identity(config, options.lang)
    run_id = store.start_run(conn, ident, _run_options(options, config))
    summary = BatchSummary(run_id=run_id, killed_runs=killed)
    show = _Display(progress)
    status = "finished"
    try:
        tasks = _plan(conn, ident, paths, options, summary)
        show.call("start", len(tasks), summary.skipped + summary.duplicates)

        def on_outcome(outcome: dict[str, Any]) -> None:
            _store_outcome(conn, run_id, outcome)
            _count(summary, outcome)
            show.call("advance", outcome)

        def on_start(task: Task) -> None:
            with conn:
                store.set_task_state(conn, run_id, task.path, "running")

        work = WorkOptions(config=config, lang=options.lang, fault=os.environ.get(FAULT_ENV, ""))
        if options.executor == "dask":
            from pcfaudit.batch.dask_executor import run_dask

            run_dask(tasks, work, options.scheduler, on_outcome, on_start)
        else:
            _run_local(tasks, work, options, on_outcome, on_start)
    except KeyboardInterrupt:
        status, summary.interrupted = "interrupted", True
    except BaseException:
        status = "failed"  # never "finished": the files in flight have no outcome
        raise
    finally:
        summary.seconds = round(time.monotonic() - started, 3)
        show.call("stop")
        coordination.fail_unfinished(conn, run_id, status)
        store.finish_run(conn, run_id, status, summary.counts())
        summary.database = store.current_counts(conn)
    return summary


class _Display:
    """The caller's progress display; a display that fails (a terminal gone, a path it
    cannot show) is dropped, never the run."""

    def __init__(self, progress: Any) -> None:
        self.progress = progress

    def call(self, method: str, *args: Any) -> None:
        if self.progress is None:
            return
        try:
            getattr(self.progress, method)(*args)
        except Exception:
            self.progress = None


def _store_outcome(conn: Any, run_id: int, outcome: dict[str, Any]) -> None:
    """Store an outcome; one the database refuses (it should not happen: text is escaped)
    is stored as a crash of that file rather than ending the run."""
    import sqlite3

    try:
        store.record(conn, run_id, outcome)
    except (sqlite3.IntegrityError, sqlite3.InterfaceError, UnicodeError, KeyError) as exc:
        fallback = {
            "path": outcome.get("path", "?"),
            "sha256": outcome.get("sha256", "?"),
            "size": outcome.get("size", 0),
            "kind": "crash",
            "message": f"outcome could not be stored ({type(exc).__name__}: {exc})"[:500],
        }
        store.record(conn, run_id, fallback)
        outcome.clear()
        outcome.update(fallback)


def _run_options(options: BatchOptions, config: Config) -> dict[str, Any]:
    data = dataclasses.asdict(options)
    data["scheduler"] = str(options.scheduler) if options.scheduler else None
    data["config_file"] = config.source
    return data


def _plan(
    conn: Any,
    ident: store.Identity,
    paths: Iterable[Path | str],
    options: BatchOptions,
    summary: BatchSummary,
) -> list[Task]:
    """Hash every file; keep those not yet settled, biggest first so a large PDF does not
    start last and leave the other workers idle at the end. The plan is stored in one
    transaction; files that cannot be read now are stored as "unavailable" (planned again
    next run, never settled under a content hash)."""
    files, refused = discover_all(paths)
    done = store.done_hashes(conn, ident, options.retry_errors)
    summary.discovered = len(files) + len(refused)
    seen: set[str] = set()
    tasks: list[Task] = []
    aliases: list[tuple[str, str, int]] = []
    unavailable = [(path, why) for path, why in refused.items()]
    for path in files:
        try:
            sha, size = _content_key(path)
        except InputRefused as exc:
            unavailable.append((path, str(exc).removeprefix(f"{path_text(path)}: ")))
            continue
        if sha in done:
            summary.skipped += 1
            summary.worst_exit = max(summary.worst_exit, done[sha])
            aliases.append((path, sha, size))
        elif sha in seen:
            summary.duplicates += 1
            aliases.append((path, sha, size))
        else:
            seen.add(sha)
            tasks.append(Task(path, sha, size))
    store.plan_tasks(conn, summary.run_id, [(t.path, t.sha256, t.size) for t in tasks])
    store.record_aliases(conn, summary.run_id, aliases)
    for path, why in sorted(unavailable):
        outcome = {
            "path": path,
            "sha256": "path:" + hashlib.sha256(path_text(path).encode()).hexdigest(),
            "size": 0,
            "kind": "unavailable",
            "message": f"{path_text(path)}: {why}",
        }
        store.record(conn, summary.run_id, outcome)
        _count(summary, outcome)
    tasks.sort(key=lambda t: -t.size)
    return tasks


def _content_key(path: str) -> tuple[str, int]:
    """(sha256, size) of the file; a file over the input limit is not worth reading through:
    it is keyed by path, size and modification time, and its worker refuses it at once."""
    from pcfaudit.limits import MAX_INPUT_BYTES

    try:
        info = os.stat(path)
    except OSError as exc:
        raise InputRefused(f"{path_text(path)}: cannot read ({exc.strerror or exc})") from None
    if info.st_size > MAX_INPUT_BYTES:
        key = f"{path_text(path)}|{info.st_size}|{info.st_mtime_ns}"
        return "large:" + hashlib.sha256(key.encode()).hexdigest(), info.st_size
    return hash_regular(path)


def _count(summary: BatchSummary, outcome: dict[str, Any]) -> None:
    summary.peak_worker_rss_kb = max(summary.peak_worker_rss_kb, outcome.get("maxrss_kb", 0))
    if outcome["kind"] == "result" and outcome.get("verdict") == "unreadable":
        # Read but not understood (a scan): `pcfaudit results` counts it as not audited.
        summary.failed["unreadable"] = summary.failed.get("unreadable", 0) + 1
        summary.worst_exit = 2
    elif outcome["kind"] == "result":
        summary.audited += 1
        summary.worst_exit = max(summary.worst_exit, int(outcome["exit_code"]))
    else:
        summary.failed[outcome["kind"]] = summary.failed.get(outcome["kind"], 0) + 1
        summary.worst_exit = 2


def _run_local(
    tasks: list[Task],
    work: WorkOptions,
    options: BatchOptions,
    on_outcome: Reporter,
    on_start: Callable[[Task], None],
) -> None:
    if not tasks:
        return
    from pcfaudit.batch.pool import LocalPool

    jobs = options.jobs or os.cpu_count() or 1
    pool = LocalPool(
        min(jobs, len(tasks)),
        work,
        options.timeout,
        options.memory_mb,
        options.max_tasks_per_worker,
    )
    pool.run(tasks, on_outcome, on_start)
