"""The results database file: its schema (with in-place upgrades from older versions),
opening it for writing or, when the file is read-only, for reading, and one-line messages
for every way SQLite can refuse it. :mod:`.store` reads and writes the rows.
"""

from __future__ import annotations

import os
import sqlite3
from pathlib import Path

from pcfaudit.escape import path_text

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
