"""Issue 15, archives: every file gets an answer, nothing is lost, nothing is stored twice,
runs never overlap and never stay "running" after they died.

Archives are built here from a small report of our own; each run uses one worker.
"""

from __future__ import annotations

import csv
import io
import json
import os
import socket
import sqlite3
import sys
import time
from pathlib import Path
from typing import Any

import pytest
from rich.console import Console
from typer.testing import CliRunner

from pcfaudit.batch import BatchOptions, coordination, run_batch, store
from pcfaudit.batch.cli import BatchProgress
from pcfaudit.batch.export import write_csv
from pcfaudit.batch.store import StoreError
from pcfaudit.batch.work import Task, WorkOptions, audit_one
from pcfaudit.cli import app
from pcfaudit.config import Config
from pcfaudit.extract.common import sha256_hex

sys.path.insert(0, str(Path(__file__).parent))
from test_reliability_io import REPORT

ONE = BatchOptions(jobs=1, timeout=60, memory_mb=0)


def report(title: str) -> str:
    return REPORT.replace("# Carbon footprint of a garden bench", f"# {title}")


def rows(db: Path, sql: str, *args: Any) -> list[sqlite3.Row]:
    conn = sqlite3.connect(db)
    conn.row_factory = sqlite3.Row
    try:
        return list(conn.execute(sql, args))
    finally:
        conn.close()


def current(db: Path) -> dict[str, Any]:
    """What `pcfaudit results` sees: file name → verdict or error kind."""
    conn = store.open_existing(db)
    try:
        out: dict[str, Any] = {
            Path(r["path"]).name: r["verdict"] for r, _ in store.iter_current(conn)
        }
        out.update({Path(e["path"]).name: e["kind"] for e in store.current_errors(conn)})
        return out
    finally:
        conn.close()


# --------------------------------------------------------------------------- odd files


def test_fifo_dev_zero_socket_and_links_out_of_the_archive(tmp_path: Path) -> None:
    archive = tmp_path / "archive"
    archive.mkdir()
    (archive / "good.md").write_text(report("Carbon footprint of a chair"))
    os.mkfifo(archive / "pipe.txt")
    (archive / "zero.txt").symlink_to("/dev/zero")
    secret = tmp_path / "outside.md"
    secret.write_text(report("Private notes nobody archived"))
    (archive / "outside.md").symlink_to(secret)
    (archive / "inside.md").symlink_to(archive / "good.md")  # inside: a duplicate, fine
    sock = socket.socket(socket.AF_UNIX)
    sock.bind(str(archive / "sock.txt"))
    db = tmp_path / "r.sqlite"
    try:
        start = time.monotonic()
        summary = run_batch([archive, "/dev/zero"], db, options=ONE)
        assert time.monotonic() - start < 60
    finally:
        sock.close()
    assert summary.audited == 1 and summary.duplicates == 1
    assert summary.failed == {"unavailable": 5}
    errors = {Path(e["path"]).name: e["message"] for e in _errors(db)}
    assert "named pipe" in errors["pipe.txt"]
    assert "outside the archive; not followed" in errors["zero.txt"]
    assert "device" in errors["zero"]  # /dev/zero named explicitly
    assert "socket" in errors["sock.txt"]
    assert "outside the archive; not followed" in errors["outside.md"]
    titles = [r["title"] for r in rows(db, "SELECT title FROM results")]
    assert not any("Private" in (t or "") for t in titles)
    # `results` says the same as the run.
    assert summary.database == {"audited": 1, "could_not_audit": 5}


def _errors(db: Path) -> list[sqlite3.Row]:
    conn = store.open_existing(db)
    try:
        return store.current_errors(conn)
    finally:
        conn.close()


def test_non_utf8_names_and_markup_paths_do_not_stop_a_batch(tmp_path: Path) -> None:
    archive = tmp_path / "archive"
    odd = Path(os.fsdecode(os.fsencode(archive) + b"/x [/bold]/caf\xe9.md"))
    odd.parent.mkdir(parents=True)
    odd.write_text(report("Carbon footprint of a caf\u00e9 table"))
    (archive / "plain.md").write_text(report("Carbon footprint of a lamp"))
    db = tmp_path / "r.sqlite"
    summary = run_batch([archive], db, options=ONE)
    assert summary.audited == 2 and not summary.failed
    paths = sorted(r["path"] for r in rows(db, "SELECT path FROM sources"))
    assert any(p.endswith("x [/bold]/caf\\xe9.md") for p in paths)
    out = io.StringIO()
    progress = BatchProgress(Console(file=out, force_terminal=True, width=200))
    progress.start(1, 0)
    progress.advance({"kind": "unreadable", "path": str(odd), "message": f"{odd}: [/bold] x"})
    progress.stop()
    assert "[/bold]" in out.getvalue()


# --------------------------------------------------------------------------- changing files


def test_a_file_missing_when_its_turn_comes_is_planned_again(tmp_path: Path) -> None:
    archive = tmp_path / "archive"
    archive.mkdir()
    path = archive / "flaky.md"
    text = report("Carbon footprint of a shelf")
    db = tmp_path / "r.sqlite"
    # The file was hashed, then moved away before a worker read it.
    conn = store.connect(db)
    run_id = store.start_run(conn, _ident(), {})
    sha = sha256_hex(text.encode())
    store.plan_tasks(conn, run_id, [(str(path), sha, len(text))])
    outcome = audit_one(Task(str(path), sha, len(text)), WorkOptions(Config()))
    assert outcome["kind"] == "unavailable" and "no such file" in outcome["message"]
    store.record(conn, run_id, outcome)
    store.finish_run(conn, run_id, "finished", {})
    conn.close()
    # Back again, same bytes: audited on the next plain run (no --retry-errors needed).
    path.write_text(text)
    summary = run_batch([archive], db, options=ONE)
    assert summary.audited == 1 and summary.skipped == 0
    assert current(db) == {"flaky.md": "findings"} or current(db) == {"flaky.md": "clean"}


def test_retry_errors_retries_unreadable_files(tmp_path: Path) -> None:
    archive = tmp_path / "archive"
    archive.mkdir()
    (archive / "empty.txt").write_text("   \n")
    db = tmp_path / "r.sqlite"
    assert run_batch([archive], db, options=ONE).failed == {"unreadable": 1}
    assert run_batch([archive], db, options=ONE).skipped == 1
    again = run_batch([archive], db, options=BatchOptions(jobs=1, memory_mb=0, retry_errors=True))
    assert again.skipped == 0 and again.failed == {"unreadable": 1}


def test_a_file_rewritten_during_the_run_is_stored_once(tmp_path: Path) -> None:
    archive = tmp_path / "archive"
    archive.mkdir()
    path = archive / "live.md"
    old, new = report("Carbon footprint of a desk"), report("Carbon footprint of a desk, v2")
    db = tmp_path / "r.sqlite"
    conn = store.connect(db)
    run_id = store.start_run(conn, _ident(), {})
    old_sha = sha256_hex(old.encode())
    store.plan_tasks(conn, run_id, [(str(path), old_sha, len(old))])
    path.write_text(new)  # rewritten after planning, before the worker reads it
    outcome = audit_one(Task(str(path), old_sha, len(old)), WorkOptions(Config()))
    assert outcome["sha256"] == sha256_hex(new.encode())
    store.record(conn, run_id, outcome)
    store.finish_run(conn, run_id, "finished", {})
    conn.close()
    summary = run_batch([archive], db, options=ONE)
    assert summary.skipped == 1 and summary.audited == 0  # the new bytes were audited
    assert len(rows(db, "SELECT id FROM results")) == 1
    out = io.StringIO()
    conn = store.open_existing(db)
    from pcfaudit.batch.export import write_jsonl

    assert write_jsonl(conn, out) == 1
    conn.close()


def test_an_old_error_for_a_path_fixed_since_is_not_current(tmp_path: Path) -> None:
    archive = tmp_path / "archive"
    archive.mkdir()
    path = archive / "fixed.txt"
    path.write_text("   \n")
    db = tmp_path / "r.sqlite"
    run_batch([archive], db, options=ONE)
    path.write_text(report("Carbon footprint of a stool"))
    summary = run_batch([archive], db, options=ONE)
    assert summary.database == {"audited": 1, "could_not_audit": 0}
    assert current(db) in ({"fixed.txt": "findings"}, {"fixed.txt": "clean"})


def _ident() -> store.Identity:
    from pcfaudit.batch import identity

    return identity(Config(), "auto")


# --------------------------------------------------------------------------- runs


def test_a_second_batch_on_the_same_database_is_refused(tmp_path: Path) -> None:
    archive = tmp_path / "archive"
    archive.mkdir()
    (archive / "a.md").write_text(report("Carbon footprint of a vase"))
    db = tmp_path / "r.sqlite"
    with coordination.exclusive_run(db):
        with pytest.raises(StoreError, match=r"another pcfaudit batch .* is writing"):
            run_batch([archive], db, options=ONE)
        result = CliRunner().invoke(app, ["batch", str(archive), "--db", str(db)])
        assert result.exit_code == 2
        assert result.stderr.count("\n") == 1 and "another pcfaudit batch" in result.stderr
    assert run_batch([archive], db, options=ONE).audited == 1  # the lock is gone with its run


def test_a_killed_run_is_closed_and_its_files_planned_again(tmp_path: Path) -> None:
    archive = tmp_path / "archive"
    archive.mkdir()
    path = archive / "a.md"
    path.write_text(report("Carbon footprint of a rug"))
    db = tmp_path / "r.sqlite"
    conn = store.connect(db)  # a run that died mid-way: planned, one task running
    run_id = store.start_run(conn, _ident(), {})
    sha = sha256_hex(path.read_bytes())
    store.plan_tasks(conn, run_id, [(str(path), sha, path.stat().st_size)])
    with conn:
        store.set_task_state(conn, run_id, str(path), "running")
    conn.close()
    summary = run_batch([archive], db, options=ONE)
    assert summary.killed_runs == 1 and summary.audited == 1
    (status,) = rows(db, "SELECT status FROM runs WHERE id=?", run_id)
    assert status["status"] == "killed"
    (task,) = rows(db, "SELECT state, reason FROM tasks WHERE run_id=?", run_id)
    assert task["state"] == "failed" and "killed" in task["reason"]
    states = rows(db, "SELECT state FROM tasks WHERE run_id=?", summary.run_id)
    assert [t["state"] for t in states] == ["done"]


def test_a_run_that_fails_is_never_marked_finished(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    archive = tmp_path / "archive"
    archive.mkdir()
    (archive / "a.md").write_text(report("Carbon footprint of a mirror"))
    db = tmp_path / "r.sqlite"

    def disk_full(*args: Any) -> None:
        raise sqlite3.OperationalError("database or disk is full")

    monkeypatch.setattr(store, "record_result", disk_full)
    with pytest.raises(sqlite3.OperationalError):
        run_batch([archive], db, options=ONE)
    (run,) = rows(db, "SELECT status FROM runs")
    assert run["status"] == "failed"
    (task,) = rows(db, "SELECT state, reason FROM tasks")
    assert task["state"] == "failed" and "failed" in task["reason"]


# --------------------------------------------------------------------------- results


def test_csv_export_neutralises_formulas(tmp_path: Path) -> None:
    archive = tmp_path / "archive"
    archive.mkdir()
    evil = report('=HYPERLINK("http://example.invalid","carbon footprint of a lamp")')
    # A wrong total, so that the report has findings (the CSV has a row per finding).
    (archive / "evil.md").write_text(evil.replace("| Total |  |  | 12 |", "| Total |  |  | 15 |"))
    db = tmp_path / "r.sqlite"
    run_batch([archive], db, options=ONE)
    out = io.StringIO()
    conn = store.open_existing(db)
    try:
        assert write_csv(conn, out) >= 1
    finally:
        conn.close()
    table = list(csv.DictReader(io.StringIO(out.getvalue())))
    assert table and all(r["report_title"].startswith("'=HYPERLINK") for r in table)
    for r in table:
        for cell in r.values():
            assert not cell.startswith(("=", "+", "@")), cell


def test_results_on_a_damaged_database_is_one_line(tmp_path: Path) -> None:
    db = tmp_path / "r.sqlite"
    conn = store.connect(db)
    with conn:
        for i in range(300):  # enough rows for several pages
            store.source_id(conn, f"/archive/report-{i:04d}.pdf", f"{i:064x}", i, "pdf")
    conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    conn.close()
    data = bytearray(db.read_bytes())
    page = 4096
    data[2 * page : 5 * page] = b"\xff" * (3 * page)
    db.write_bytes(bytes(data))
    result = CliRunner().invoke(app, ["results", str(db), "-f", "jsonl"])
    assert result.exit_code == 2, result.stderr
    assert result.stderr.count("\n") == 1 and "Traceback" not in result.stderr
    assert str(db) in result.stderr


def test_results_output_never_overwrites_the_database(tmp_path: Path) -> None:
    db = tmp_path / "r.sqlite"
    store.connect(db).close()
    before = db.read_bytes()
    result = CliRunner().invoke(app, ["results", str(db), "-f", "csv", "-o", str(db)])
    assert result.exit_code == 2 and "is an input" in result.stderr
    assert db.read_bytes() == before


def test_read_only_database_is_called_read_only() -> None:
    message = store.describe(
        "r.sqlite", sqlite3.OperationalError("attempt to write a readonly database")
    )
    assert message == (
        "r.sqlite: the results database is read-only (check the file's and its folder's permissions)"
    )


def test_an_old_schema_is_upgraded_in_place(tmp_path: Path) -> None:
    db = tmp_path / "old.sqlite"
    conn = sqlite3.connect(db)
    conn.executescript(
        store._SCHEMA.replace(", 'unavailable'", "")
        .replace("    seen_run INTEGER,\n", "")
        .replace(",\n    pid INTEGER,\n    host TEXT", "")
    )
    conn.execute("INSERT INTO meta VALUES ('schema_version', '1')")
    conn.commit()
    conn.close()
    conn = store.connect(db)
    sql = conn.execute("SELECT sql FROM sqlite_master WHERE name='errors'").fetchone()[0]
    assert "unavailable" in sql
    assert "seen_run" in {r[1] for r in conn.execute("PRAGMA table_info(sources)")}
    conn.close()
    assert json.loads("{}") == {}


def test_a_file_over_the_input_limit_is_refused_without_being_read(tmp_path: Path) -> None:
    archive = tmp_path / "archive"
    archive.mkdir()
    with open(archive / "huge.txt", "wb") as fh:  # 300 MiB, sparse: nothing on disk
        fh.truncate(300 * 2**20)
    db = tmp_path / "r.sqlite"
    start = time.monotonic()
    summary = run_batch([archive], db, options=ONE)
    assert time.monotonic() - start < 60
    assert summary.failed == {"unreadable": 1}
    (error,) = _errors(db)
    assert "too large (300.0 MiB; the limit is 200.0 MiB)" in error["message"]
    assert run_batch([archive], db, options=ONE).skipped == 1  # unchanged: settled


@pytest.mark.parametrize(
    ("target", "message"), [("/nonexistent/x.csv", "no such folder"), (".", "is a directory")]
)
def test_results_to_an_unusable_output_is_one_line(
    tmp_path: Path, target: str, message: str
) -> None:
    db = tmp_path / "r.sqlite"
    store.connect(db).close()
    result = CliRunner().invoke(app, ["results", str(db), "-f", "csv", "-o", target])
    assert result.exit_code == 2 and message in result.stderr
    assert result.stderr.count("\n") == 1 and "Traceback" not in result.stderr
