"""The batch results store: one SQLite file an analyst keeps for weeks.

Written by one process only (the batch's parent, or the Dask client), one transaction per
finished file, in WAL mode: a crash or Ctrl-C loses nothing already committed, and a
re-run skips every file whose content was already audited under the same *identity*
(tool version, rule-catalog hash, reference-pack hash, configuration hash).

A file's content is its identity in the archive: two paths with the same bytes are one
report, audited once. Several runs may audit the same content (a new tool version); the
*current* record of a content hash is its newest result, or its newest error when it
never produced a result.
"""

from __future__ import annotations

import json
import os
import socket
import sqlite3
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from pcfaudit.escape import path_text, plain_safe, utf8_safe

SCHEMA_VERSION = 2
ERROR_KINDS = ("unreadable", "timeout", "memory", "crash", "unavailable")
# Kinds that may pass on another attempt (a bigger limit, a fixed bug): retried with
# --retry-errors. "unavailable" (the file was missing, moved, not a regular file, not
# readable at that moment) says nothing about the bytes: it is never settled, and the
# file is planned again on every run.
TRANSIENT_KINDS = ("timeout", "memory", "crash")
NEVER_SETTLED = ("unavailable",)

_SCHEMA = """
CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS sources (
    id INTEGER PRIMARY KEY,
    path TEXT NOT NULL,
    sha256 TEXT NOT NULL,
    size INTEGER NOT NULL,
    format TEXT,
    seen_run INTEGER,
    UNIQUE (path, sha256)
);
CREATE INDEX IF NOT EXISTS sources_sha ON sources (sha256);
CREATE TABLE IF NOT EXISTS runs (
    id INTEGER PRIMARY KEY,
    tool_version TEXT NOT NULL,
    rules_hash TEXT NOT NULL,
    reference_name TEXT,
    reference_version TEXT,
    reference_hash TEXT NOT NULL,
    config_hash TEXT NOT NULL,
    started TEXT NOT NULL,
    finished TEXT,
    status TEXT NOT NULL DEFAULT 'running',
    options TEXT NOT NULL,
    counts TEXT,
    pid INTEGER,
    host TEXT
);
CREATE TABLE IF NOT EXISTS results (
    id INTEGER PRIMARY KEY,
    source_id INTEGER NOT NULL REFERENCES sources (id),
    run_id INTEGER NOT NULL REFERENCES runs (id),
    verdict TEXT NOT NULL,
    exit_code INTEGER NOT NULL,
    errors INTEGER NOT NULL,
    warnings INTEGER NOT NULL,
    infos INTEGER NOT NULL,
    language TEXT,
    title TEXT,
    coverage TEXT NOT NULL,
    result TEXT NOT NULL,
    seconds REAL
);
CREATE INDEX IF NOT EXISTS results_source ON results (source_id);
CREATE TABLE IF NOT EXISTS findings (
    id INTEGER PRIMARY KEY,
    result_id INTEGER NOT NULL REFERENCES results (id),
    rule TEXT NOT NULL,
    category TEXT NOT NULL,
    severity TEXT NOT NULL,
    title TEXT,
    message TEXT,
    reported TEXT,
    expected TEXT,
    impact_value TEXT,
    impact_unit TEXT,
    impact_share REAL,
    fingerprint TEXT,
    page INTEGER,
    line INTEGER,
    section TEXT,
    quote TEXT,
    waived INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX IF NOT EXISTS findings_result ON findings (result_id);
CREATE INDEX IF NOT EXISTS findings_rule ON findings (rule);
CREATE TABLE IF NOT EXISTS errors (
    id INTEGER PRIMARY KEY,
    source_id INTEGER NOT NULL REFERENCES sources (id),
    run_id INTEGER NOT NULL REFERENCES runs (id),
    kind TEXT NOT NULL CHECK (kind IN ('unreadable', 'timeout', 'memory', 'crash', 'unavailable')),
    message TEXT NOT NULL,
    seconds REAL
);
CREATE INDEX IF NOT EXISTS errors_source ON errors (source_id);
CREATE TABLE IF NOT EXISTS tasks (
    id INTEGER PRIMARY KEY,
    run_id INTEGER NOT NULL REFERENCES runs (id),
    path TEXT NOT NULL,
    sha256 TEXT NOT NULL,
    state TEXT NOT NULL CHECK (state IN ('planned', 'running', 'done', 'failed')),
    reason TEXT,
    updated TEXT NOT NULL,
    UNIQUE (run_id, path)
);
CREATE INDEX IF NOT EXISTS tasks_state ON tasks (state);
"""


class StoreError(Exception):
    """The database cannot be used (one-line message)."""


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


def describe(path: Path | str, exc: sqlite3.Error) -> str:
    """One line saying why the database at ``path`` cannot be used."""
    text = str(exc)
    shown = path_text(path)
    if "readonly" in text or "read-only" in text:
        return f"{shown}: the results database is read-only (check the file's and its folder's permissions)"
    if "malformed" in text or "corrupt" in text:
        return (
            f"{shown}: the results database is damaged ({text}); restore a copy or start a new --db"
        )
    if "not a database" in text:
        return f"{shown}: not a results database (it is some other file)"
    if "locked" in text or "busy" in text:
        return f"{shown}: the results database is locked by another program ({text})"
    if "unable to open" in text:
        return f"{shown}: cannot open the results database ({text})"
    return f"{shown}: results database error ({text})"


def connect(path: Path | str) -> sqlite3.Connection:
    """Open (creating if needed) a results database in WAL mode, upgrading an older
    schema in place."""
    try:
        conn = sqlite3.connect(str(path), timeout=30)
        conn.row_factory = sqlite3.Row
        conn.execute("PRAGMA journal_mode=WAL")
        # NORMAL is durable across a process crash in WAL mode (only a power cut can lose
        # the last commits), and much faster than FULL for a commit per file.
        conn.execute("PRAGMA synchronous=NORMAL")
        conn.execute("PRAGMA foreign_keys=ON")
        conn.executescript(_SCHEMA)
        _migrate(conn)
        conn.execute(
            "INSERT OR IGNORE INTO meta (key, value) VALUES ('schema_version', ?)",
            (str(SCHEMA_VERSION),),
        )
        conn.commit()
    except sqlite3.Error as exc:
        raise StoreError(describe(path, exc)) from None
    return conn


def _migrate(conn: sqlite3.Connection) -> None:
    """Schema 1 → 2: the 'unavailable' error kind, sources.seen_run, runs.pid/host."""
    columns = {r["name"] for r in conn.execute("PRAGMA table_info(sources)")}
    if "seen_run" not in columns:
        conn.execute("ALTER TABLE sources ADD COLUMN seen_run INTEGER")
    columns = {r["name"] for r in conn.execute("PRAGMA table_info(runs)")}
    for name, kind in (("pid", "INTEGER"), ("host", "TEXT")):
        if name not in columns:
            conn.execute(f"ALTER TABLE runs ADD COLUMN {name} {kind}")
    sql = conn.execute("SELECT sql FROM sqlite_master WHERE name='errors'").fetchone()["sql"]
    if "unavailable" not in sql:  # a CHECK constraint cannot be altered: copy the table
        conn.executescript(
            "BEGIN; ALTER TABLE errors RENAME TO errors_v1;"
            + _SCHEMA[_SCHEMA.index("CREATE TABLE IF NOT EXISTS errors") :].split(";")[0]
            + "; INSERT INTO errors SELECT * FROM errors_v1; DROP TABLE errors_v1;"
            " CREATE INDEX IF NOT EXISTS errors_source ON errors (source_id); COMMIT;"
        )
    conn.execute("UPDATE meta SET value=? WHERE key='schema_version'", (str(SCHEMA_VERSION),))


def open_existing(path: Path | str) -> sqlite3.Connection:
    """Open a results database for reading; a read-only file is read as it is."""
    if not Path(path).is_file():
        raise StoreError(f"{path_text(path)}: no such results database")
    try:
        conn = connect(path)
    except StoreError:
        if os.access(path, os.W_OK):
            raise
        conn = _read_only(path)
    try:
        row = conn.execute("SELECT value FROM meta WHERE key='schema_version'").fetchone()
    except sqlite3.Error as exc:
        raise StoreError(describe(path, exc)) from None
    if row is None:
        raise StoreError(f"{path_text(path)}: not a pcfaudit results database")
    return conn


def _read_only(path: Path | str) -> sqlite3.Connection:
    uri = Path(path).resolve().as_uri()
    for mode in ("mode=ro", "immutable=1"):  # immutable: no -wal/-shm can be created
        try:
            conn = sqlite3.connect(f"{uri}?{mode}", uri=True, timeout=30)
            conn.row_factory = sqlite3.Row
            conn.execute("SELECT count(*) FROM sqlite_master").fetchone()
            return conn
        except sqlite3.Error as exc:
            error = exc
    raise StoreError(describe(path, error)) from None


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
