"""The work on one file, as run inside a batch worker (a local process or a Dask task).

:func:`audit_one` turns a :class:`Task` into an *outcome*: a plain, picklable dict that the
parent writes to the store without further computation. It never raises: unreadable input,
memory exhaustion and internal errors all become outcomes, so one bad file never costs the
run more than its own slot.

Test hook: ``PCFAUDIT_BATCH_FAULT`` (read by the parent and handed to the workers, so it
works with every start method) makes a file whose name contains a given text misbehave:
``hang:NAME`` sleeps forever, ``crash:NAME`` kills the worker, ``memory:NAME`` allocates
until the memory cap stops it. Several entries are separated by commas.
"""

from __future__ import annotations

import json
import os
import resource
import signal
import sys
import time
from dataclasses import dataclass
from multiprocessing.connection import Connection
from typing import Any

from pcfaudit.config import Config

FAULT_ENV = "PCFAUDIT_BATCH_FAULT"


@dataclass(frozen=True)
class Task:
    path: str
    sha256: str
    size: int


@dataclass(frozen=True)
class WorkOptions:
    config: Config
    lang: str = "auto"  # auto: each report in its own language
    fault: str = ""  # the PCFAUDIT_BATCH_FAULT value, see the module docstring


def _maxrss_kb() -> int:
    return int(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss)


def _fault(task: Task, fault: str) -> None:
    name = os.path.basename(task.path)
    for entry in filter(None, (e.strip() for e in fault.split(","))):
        kind, _, needle = entry.partition(":")
        if not needle or needle not in name:
            continue
        if kind == "hang":
            time.sleep(3600)
        elif kind == "crash":
            os.kill(os.getpid(), signal.SIGKILL)
        elif kind == "memory":
            hog = []
            while True:  # until RLIMIT_AS answers MemoryError
                hog.append(bytearray(64 * 2**20))


def audit_one(task: Task, options: WorkOptions) -> dict[str, Any]:
    """Audit one file; return its outcome (kind "result", or an error kind)."""
    from pcfaudit.extract.common import sha256_hex
    from pcfaudit.pipeline import UnreadableInput, audit, exit_code, read_source
    from pcfaudit.render.common import verdict
    from pcfaudit.render.json_out import result_data

    started = time.monotonic()
    base: dict[str, Any] = {"path": task.path, "sha256": task.sha256, "size": task.size}
    try:
        if options.fault:
            _fault(task, options.fault)
        try:
            raw, name = read_source(task.path)
        except UnreadableInput as exc:  # gone, moved, unreadable now: nothing about the bytes
            kind = "unreadable" if "too large" in str(exc) else "unavailable"
            return _finish({**base, "kind": kind, "message": str(exc)}, started)
        # The bytes audited are the bytes stored: a file rewritten since it was planned is
        # stored under its new content (never a result under the old hash).
        base.update(sha256=sha256_hex(raw), size=len(raw))
        result = audit(raw, options.config, name=name)
        language = result.report.language if options.lang == "auto" else options.lang
        data = result_data(result, language)
        outcome = {
            **base,
            "kind": "result",
            "format": result.source.get("format"),
            "verdict": verdict(result),
            "exit_code": exit_code(result, options.config.fail_on),
            **stored_fields(data),
        }
    except UnreadableInput as exc:
        outcome = {**base, "kind": "unreadable", "message": str(exc)}
    except MemoryError:
        outcome = {**base, "kind": "memory", "message": "exceeded the worker's memory cap"}
    except RecursionError:
        outcome = {**base, "kind": "crash", "message": "internal error (RecursionError)"}
    except Exception as exc:  # any other failure is ours, recorded, never fatal to the run
        outcome = {
            **base,
            "kind": "crash",
            "message": f"internal error ({type(exc).__name__}: {exc})"[:500],
        }
    return _finish(outcome, started)


def _finish(outcome: dict[str, Any], started: float) -> dict[str, Any]:
    outcome["seconds"] = round(time.monotonic() - started, 3)
    outcome["maxrss_kb"] = _maxrss_kb()
    return outcome


def stored_fields(data: dict[str, Any]) -> dict[str, Any]:
    """What the store writes for a result, serialised here in the worker so the single
    writer (the parent) does no JSON work and keeps up with many workers."""
    from pcfaudit.batch.store import finding_row
    from pcfaudit.escape import plain_safe

    data = plain_safe(data)  # type: ignore[assignment]  # text any database accepts
    return {
        "summary": data["summary"],
        "language": data["source"].get("language"),
        "title": data["report"].get("title"),
        "coverage_json": json.dumps(data["coverage"], ensure_ascii=False),
        "result_json": json.dumps(data, ensure_ascii=False, separators=(",", ":")),
        "finding_rows": [finding_row(f) for f in data["findings"]],
    }


def set_memory_cap(memory_mb: int) -> None:
    """Cap this process's address space so a runaway file fails with MemoryError."""
    if memory_mb <= 0:
        return
    limit = memory_mb * 2**20
    _, hard = resource.getrlimit(resource.RLIMIT_AS)
    if hard != resource.RLIM_INFINITY:
        limit = min(limit, hard)
    resource.setrlimit(resource.RLIMIT_AS, (limit, hard))


def worker_main(conn: Connection, options: WorkOptions, memory_mb: int) -> None:
    """A local worker: receive tasks, send outcomes, until told to stop (None)."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # the parent handles Ctrl-C for everyone
    set_memory_cap(memory_mb)
    while True:
        try:
            task = conn.recv()
        except (EOFError, OSError):
            return
        if task is None:
            return
        outcome = audit_one(task, options)
        try:
            conn.send(outcome)
        except MemoryError:
            sys.exit(3)  # the parent records a crash for this file
        if outcome["kind"] == "memory":
            return  # a process that ran out of memory is not trusted with another file
