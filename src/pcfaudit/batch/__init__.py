"""Batch screening of report archives: the public API.

>>> from pcfaudit.batch import run_batch, BatchOptions       # doctest: +SKIP
>>> summary = run_batch(["archive/"], "results.sqlite", options=BatchOptions(jobs=4))
>>> summary.audited, summary.skipped, summary.failed         # doctest: +SKIP

Modules: :mod:`.run` (discovery, identity, orchestration), :mod:`.pool` (local
worker processes with time limit, memory cap and replacement of dead workers),
:mod:`.work` (the work on one file), :mod:`.dask_executor` (Dask executor),
:mod:`.store` (SQLite rows), :mod:`.database` (schema, opening, messages),
:mod:`.coordination` (one batch per database, killed runs closed), :mod:`.analysis`
(summary and cross-report checks), :mod:`.export` (JSON Lines, CSV, per-report files),
:mod:`.restore` (an AuditResult from stored JSON), :mod:`.cli` (the ``batch`` and
``results`` commands).
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from pcfaudit.batch.analysis import analytics, summary
    from pcfaudit.batch.export import write_csv, write_jsonl, write_per_report
    from pcfaudit.batch.restore import result_from_data
    from pcfaudit.batch.run import BatchOptions, BatchSummary, discover, identity, run_batch
    from pcfaudit.batch.store import connect, open_existing

# Imported when first used: `pcfaudit check` registers the batch commands (importing
# pcfaudit.batch.cli, hence this package) but never runs them.
_HOME = {
    "analytics": "analysis",
    "summary": "analysis",
    "write_csv": "export",
    "write_jsonl": "export",
    "write_per_report": "export",
    "result_from_data": "restore",
    "BatchOptions": "run",
    "BatchSummary": "run",
    "discover": "run",
    "identity": "run",
    "run_batch": "run",
    "connect": "store",
    "open_existing": "store",
}


def __getattr__(name: str) -> Any:
    if name in _HOME:
        return getattr(importlib.import_module(f"pcfaudit.batch.{_HOME[name]}"), name)
    raise AttributeError(f"module 'pcfaudit.batch' has no attribute {name!r}")

__all__ = [
    "BatchOptions",
    "BatchSummary",
    "analytics",
    "connect",
    "discover",
    "identity",
    "open_existing",
    "result_from_data",
    "run_batch",
    "summary",
    "write_csv",
    "write_jsonl",
    "write_per_report",
]
