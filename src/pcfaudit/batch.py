"""Batch screening of report archives: the public API.

>>> from pcfaudit.batch import run_batch, BatchOptions       # doctest: +SKIP
>>> summary = run_batch(["archive/"], "results.sqlite", options=BatchOptions(jobs=4))
>>> summary.audited, summary.skipped, summary.failed         # doctest: +SKIP

Modules: :mod:`.batch_run` (discovery, identity, orchestration), :mod:`.batch_pool` (local
worker processes with time limit, memory cap and replacement of dead workers),
:mod:`.batch_work` (the work on one file), :mod:`.batch_dask` (Dask executor),
:mod:`.batch_store` (SQLite), :mod:`.batch_analytics` (summary and cross-report checks),
:mod:`.batch_export` (JSON Lines, CSV, per-report files), :mod:`.batch_restore` (an
AuditResult from stored JSON), :mod:`.batch_cli` (the ``batch`` and ``results`` commands).
"""

from __future__ import annotations

from pcfaudit.batch_analytics import analytics, summary
from pcfaudit.batch_export import write_csv, write_jsonl, write_per_report
from pcfaudit.batch_restore import result_from_data
from pcfaudit.batch_run import BatchOptions, BatchSummary, discover, identity, run_batch
from pcfaudit.batch_store import connect, open_existing

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
