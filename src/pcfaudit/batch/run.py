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
from pcfaudit.batch import store
from pcfaudit.batch.work import FAULT_ENV, Task, WorkOptions
from pcfaudit.config import Config

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
    found: dict[str, None] = {}
    for given in paths:
        p = Path(given)
        if p.is_dir():
            for root, dirs, files in os.walk(p):
                dirs[:] = sorted(d for d in dirs if not d.startswith("."))
                for name in sorted(files):
                    if not name.startswith(".") and name.lower().endswith(EXTENSIONS):
                        found[str(Path(root) / name)] = None
        else:
            found[str(p)] = None  # named explicitly: audit it whatever it is called
    return sorted(found)


def file_hash(path: str) -> tuple[str, int] | None:
    h = hashlib.sha256()
    size = 0
    try:
        with open(path, "rb") as fh:
            while chunk := fh.read(1 << 20):
                h.update(chunk)
                size += len(chunk)
    except OSError:
        return None
    return h.hexdigest(), size


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
    started = time.monotonic()
    conn = store.connect(db)
    ident = identity(config, options.lang)
    run_id = store.start_run(conn, ident, _run_options(options, config))
    summary = BatchSummary(run_id=run_id)
    status = "finished"
    try:
        tasks = _plan(conn, ident, discover(paths), options, summary)
        if progress is not None:
            progress.start(len(tasks), summary.skipped + summary.duplicates)

        def on_outcome(outcome: dict[str, Any]) -> None:
            store.record(conn, run_id, outcome)
            _count(summary, outcome)
            if progress is not None:
                progress.advance(outcome)

        work = WorkOptions(config=config, lang=options.lang, fault=os.environ.get(FAULT_ENV, ""))
        if options.executor == "dask":
            from pcfaudit.batch.dask_executor import run_dask

            run_dask(tasks, work, options.scheduler, on_outcome)
        else:
            _run_local(tasks, work, options, on_outcome, summary)
    except KeyboardInterrupt:
        status, summary.interrupted = "interrupted", True
    finally:
        summary.seconds = round(time.monotonic() - started, 3)
        if progress is not None:
            progress.stop()
        store.finish_run(conn, run_id, status, summary.counts())
        conn.close()
    return summary


def _run_options(options: BatchOptions, config: Config) -> dict[str, Any]:
    data = dataclasses.asdict(options)
    data["scheduler"] = str(options.scheduler) if options.scheduler else None
    data["config_file"] = config.source
    return data


def _plan(
    conn: Any, ident: store.Identity, files: list[str], options: BatchOptions, summary: BatchSummary
) -> list[Task]:
    """Hash every file; keep those not yet settled, biggest first so a large PDF does not
    start last and leave the other workers idle at the end."""
    done = store.done_hashes(conn, ident, options.retry_errors)
    summary.discovered = len(files)
    seen: set[str] = set()
    tasks: list[Task] = []
    for path in files:
        hashed = file_hash(path)
        if hashed is None:
            pseudo = "unread:" + hashlib.sha256(path.encode()).hexdigest()
            outcome = {
                "path": path,
                "sha256": pseudo,
                "size": 0,
                "kind": "unreadable",
                "message": f"{path}: cannot read",
            }
            store.record(conn, summary.run_id, outcome)
            _count(summary, outcome)
            continue
        sha, size = hashed
        if sha in done:
            summary.skipped += 1
            summary.worst_exit = max(summary.worst_exit, done[sha])
            store.record_alias(conn, path, sha, size)
        elif sha in seen:
            summary.duplicates += 1
            store.record_alias(conn, path, sha, size)
        else:
            seen.add(sha)
            tasks.append(Task(path, sha, size))
    tasks.sort(key=lambda t: -t.size)
    return tasks


def _count(summary: BatchSummary, outcome: dict[str, Any]) -> None:
    summary.peak_worker_rss_kb = max(summary.peak_worker_rss_kb, outcome.get("maxrss_kb", 0))
    if outcome["kind"] == "result":
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
    summary: BatchSummary,
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
    pool.run(tasks, on_outcome)
