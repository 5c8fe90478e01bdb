"""The batch results store: one SQLite file an analyst keeps for weeks.

Written by one process only (the batch's parent, or the Dask client), one transaction per
finished file, in WAL mode: a crash or Ctrl-C loses nothing already committed, and a
re-run skips every file whose content was already audited under the same *identity*
(tool version, rule-catalog hash, reference-pack hash, configuration hash).

A file's content is its identity in the archive: two paths with the same bytes are one
report, audited once. Several runs may audit the same content (a new tool version); the
*current* record of a content hash is its newest result, or its newest error when it
never produced a result. Only the content each path held when a run last saw it is
current: a file fixed or rewritten since is one report, never two.

Each run also records its tasks (planned → running → done | failed with the reason), so a
run that died leaves a trace of what was in flight (see :mod:`.coordination`).
"""

from __future__ import annotations

import json
import os
import socket
import sqlite3
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

from pcfaudit.batch.database import (  # noqa: F401  (re-exported: the store's public API)
    _SCHEMA,
    ERROR_KINDS,
    NEVER_SETTLED,
    SCHEMA_VERSION,
    TRANSIENT_KINDS,
    StoreError,
    connect,
    describe,
    open_existing,
)
from pcfaudit.escape import path_text, plain_safe, utf8_safe


@dataclass(frozen=True)
class Identity:
    """What makes two audits of the same bytes interchangeable."""

    tool_version: str
    rules_hash: str
    reference_hash: str
    config_hash: str
    reference_name: str = ""
    reference_version: str = ""


def now() -> str:
    return datetime.now(UTC).isoformat(timespec="seconds")


def start_run(conn: sqlite3.Connection, ident: Identity, options: dict[str, Any]) -> int:
    cur = conn.execute(
        "INSERT INTO runs (tool_version, rules_hash, reference_name, reference_version,"
        " reference_hash, config_hash, started, options, pid, host)"
        " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        (
            ident.tool_version,
            ident.rules_hash,
            ident.reference_name,
            ident.reference_version,
            ident.reference_hash,
            ident.config_hash,
            now(),
            utf8_safe(json.dumps(options, sort_keys=True, default=str)),
            os.getpid(),
            socket.gethostname(),
        ),
    )
    conn.commit()
    assert cur.lastrowid is not None
    return cur.lastrowid


def finish_run(conn: sqlite3.Connection, run_id: int, status: str, counts: dict[str, int]) -> None:
    conn.execute(
        "UPDATE runs SET finished=?, status=?, counts=? WHERE id=?",
        (now(), status, json.dumps(counts, sort_keys=True), run_id),
    )
    conn.commit()


def done_hashes(
    conn: sqlite3.Connection, ident: Identity, retry_transient: bool = False
) -> dict[str, int]:
    """Content hashes already settled under ``ident``, with their stored exit code
    (0/1 for a result, 2 for an error). Errors count as settled unless ``retry_transient``
    (``--retry-errors``: every error is tried again); an "unavailable" file never is."""
    same = "r.tool_version=? AND r.rules_hash=? AND r.reference_hash=? AND r.config_hash=?"
    args = (ident.tool_version, ident.rules_hash, ident.reference_hash, ident.config_hash)
    done: dict[str, int] = {}
    for row in conn.execute(
        "SELECT s.sha256, e.kind FROM errors e JOIN sources s ON s.id=e.source_id"
        f" JOIN runs r ON r.id=e.run_id WHERE {same}",
        args,
    ):
        if not retry_transient and row["kind"] not in NEVER_SETTLED:
            done[row["sha256"]] = 2
    for row in conn.execute(
        "SELECT s.sha256, x.exit_code FROM results x JOIN sources s ON s.id=x.source_id"
        f" JOIN runs r ON r.id=x.run_id WHERE {same}",
        args,
    ):
        done[row["sha256"]] = int(row["exit_code"])
    return done


def source_id(
    conn: sqlite3.Connection,
    path: str,
    sha256: str,
    size: int,
    fmt: str | None,
    run_id: int | None = None,
) -> int:
    """The row of (path, content); ``run_id`` marks it as what the path held in that run
    (the newest such mark is the path's current content)."""
    path = path_text(path)
    conn.execute(
        "INSERT OR IGNORE INTO sources (path, sha256, size, format) VALUES (?, ?, ?, ?)",
        (path, sha256, size, fmt),
    )
    if fmt:
        conn.execute(
            "UPDATE sources SET format=? WHERE path=? AND sha256=? AND format IS NULL",
            (fmt, path, sha256),
        )
    if run_id is not None:
        conn.execute(
            "UPDATE sources SET seen_run=? WHERE path=? AND sha256=?", (run_id, path, sha256)
        )
    row = conn.execute(
        "SELECT id FROM sources WHERE path=? AND sha256=?", (path, sha256)
    ).fetchone()
    return int(row["id"])


def record_result(conn: sqlite3.Connection, run_id: int, outcome: dict[str, Any]) -> None:
    """Store one audited report (an outcome of kind "result", with the serialised fields
    of :func:`pcfaudit.batch.work.stored_fields`) in one transaction."""
    with conn:
        sid = source_id(
            conn, outcome["path"], outcome["sha256"], outcome["size"], outcome["format"], run_id
        )
        set_task_state(conn, run_id, outcome["path"], "done", outcome.get("verdict"))
        summary = outcome["summary"]
        cur = conn.execute(
            "INSERT INTO results (source_id, run_id, verdict, exit_code, errors, warnings,"
            " infos, language, title, coverage, result, seconds)"
            " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            (
                sid,
                run_id,
                outcome["verdict"],
                outcome["exit_code"],
                summary["error"],
                summary["warning"],
                summary["info"],
                outcome["language"],
                outcome["title"],
                outcome["coverage_json"],
                outcome["result_json"],
                outcome.get("seconds"),
            ),
        )
        conn.executemany(
            "INSERT INTO findings (result_id, rule, category, severity, title, message,"
            " reported, expected, impact_value, impact_unit, impact_share, fingerprint,"
            " page, line, section, quote, waived)"
            " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            [(cur.lastrowid, *row) for row in outcome["finding_rows"]],
        )


def finding_row(f: dict[str, Any]) -> tuple[Any, ...]:
    first = f["locations"][0] if f.get("locations") else {}
    impact = f.get("impact") or {}
    return (
        f["rule"],
        f["category"],
        f["severity"],
        f.get("title"),
        f.get("message"),
        f.get("reported"),
        f.get("expected"),
        impact.get("value"),
        impact.get("unit"),
        impact.get("share_of_total"),
        f.get("fingerprint"),
        first.get("page"),
        first.get("line"),
        first.get("section"),
        first.get("quote"),
        1 if f.get("waived") else 0,
    )


def record_error(conn: sqlite3.Connection, run_id: int, outcome: dict[str, Any]) -> None:
    with conn:
        sid = source_id(
            conn, outcome["path"], outcome["sha256"], outcome["size"], outcome.get("format"), run_id
        )
        reason = f"{outcome['kind']}: {outcome['message']}"
        set_task_state(conn, run_id, outcome["path"], "failed", reason)
        conn.execute(
            "INSERT INTO errors (source_id, run_id, kind, message, seconds) VALUES (?, ?, ?, ?, ?)",
            (sid, run_id, outcome["kind"], outcome["message"], outcome.get("seconds")),
        )


def record(conn: sqlite3.Connection, run_id: int, outcome: dict[str, Any]) -> None:
    """Store one outcome and move its task to done / failed, in one transaction. Text the
    database cannot hold (bytes of a non-UTF-8 file name) is escaped first."""
    outcome = {k: plain_safe(v) if isinstance(v, str | dict | list) else v
               for k, v in outcome.items()}  # fmt: skip
    if outcome["kind"] == "result":
        record_result(conn, run_id, outcome)
    else:
        record_error(conn, run_id, outcome)


def record_alias(
    conn: sqlite3.Connection, path: str, sha256: str, size: int, run_id: int | None = None
) -> None:
    """A path whose bytes were already audited (skipped or a duplicate) is still listed."""
    with conn:
        source_id(conn, path, sha256, size, None, run_id)


def record_aliases(
    conn: sqlite3.Connection, run_id: int, aliases: list[tuple[str, str, int]]
) -> None:
    """Many :func:`record_alias` in one transaction."""
    with conn:
        for path, sha, size in aliases:
            source_id(conn, path, sha, size, None, run_id)


def set_task_state(
    conn: sqlite3.Connection, run_id: int, path: str, state: str, reason: str | None = None
) -> None:
    """planned → running → done | failed (with the reason); callers hold the transaction."""
    stamp, shown = now(), path_text(path)
    cur = conn.execute(
        "UPDATE tasks SET state=?, reason=?, updated=? WHERE run_id=? AND path=?",
        (state, reason, stamp, run_id, shown),
    )
    if cur.rowcount == 0:  # refused while planning: it gets its task row now
        conn.execute(
            "INSERT INTO tasks (run_id, path, sha256, state, reason, updated)"
            " SELECT ?, ?, sha256, ?, ?, ? FROM sources WHERE path=? ORDER BY id DESC LIMIT 1",
            (run_id, shown, state, reason, stamp, shown),
        )


def plan_tasks(conn: sqlite3.Connection, run_id: int, tasks: list[tuple[str, str, int]]) -> None:
    """Record every (path, sha256, size) this run will audit as planned, in one transaction."""
    stamp = now()
    with conn:
        for path, sha, size in tasks:
            source_id(conn, path, sha, size, None, run_id)
        conn.executemany(
            "INSERT OR REPLACE INTO tasks (run_id, path, sha256, state, updated)"
            " VALUES (?, ?, ?, 'planned', ?)",
            [(run_id, path_text(p), sha, stamp) for p, sha, _ in tasks],
        )


# --------------------------------------------------------------------------- reading


# The content each path held when a run last saw it: a file rewritten or fixed since an
# older audit is counted once, with its newest content (older DBs without seen_run: the
# newest row of the path).
_CURRENT_SHAS = (
    "SELECT sha256 FROM (SELECT sha256, ROW_NUMBER() OVER (PARTITION BY path"
    " ORDER BY coalesce(seen_run, 0) DESC, id DESC) AS rn FROM sources) WHERE rn = 1"
)


def current_result_ids(conn: sqlite3.Connection) -> list[int]:
    """The newest result per content hash that some path currently holds."""
    rows = conn.execute(
        "SELECT max(x.id) AS id FROM results x JOIN sources s ON s.id=x.source_id"
        f" WHERE s.sha256 IN ({_CURRENT_SHAS}) GROUP BY s.sha256 ORDER BY id"
    )
    return [int(r["id"]) for r in rows]


def current_errors(conn: sqlite3.Connection) -> list[sqlite3.Row]:
    """The newest error per current content hash that never produced a result."""
    return list(
        conn.execute(
            "SELECT s.path, s.sha256, e.kind, e.message FROM errors e"
            " JOIN sources s ON s.id=e.source_id"
            " WHERE e.id IN (SELECT max(e2.id) FROM errors e2 JOIN sources s2"
            "   ON s2.id=e2.source_id GROUP BY s2.sha256)"
            f" AND s.sha256 IN ({_CURRENT_SHAS})"
            " AND s.sha256 NOT IN (SELECT s3.sha256 FROM results x JOIN sources s3"
            "   ON s3.id=x.source_id)"
            " ORDER BY s.path"
        )
    )


def current_counts(conn: sqlite3.Connection) -> dict[str, int]:
    """What ``pcfaudit results`` reports: reports audited, and files that could not be
    audited (an error, or a result that read nothing: verdict "unreadable")."""
    ids = current_result_ids(conn)
    poor = 0
    for start in range(0, len(ids), 500):
        chunk = ids[start : start + 500]
        poor += conn.execute(
            "SELECT count(*) FROM results WHERE verdict='unreadable' AND id IN"
            f" ({','.join('?' * len(chunk))})",
            chunk,
        ).fetchone()[0]
    return {"audited": len(ids) - poor, "could_not_audit": len(current_errors(conn)) + poor}


def iter_current(conn: sqlite3.Connection) -> Iterator[tuple[sqlite3.Row, dict[str, Any]]]:
    """(row with path/sha256/verdict/exit code, contract object) per current result, one
    at a time so an archive of thousands never sits in memory at once."""
    for rid in current_result_ids(conn):
        row = conn.execute(
            "SELECT x.id, x.verdict, x.exit_code, x.errors, x.warnings, x.infos, x.title,"
            " x.result, s.path, s.sha256, s.format FROM results x"
            " JOIN sources s ON s.id=x.source_id WHERE x.id=?",
            (rid,),
        ).fetchone()
        yield row, json.loads(row["result"])
