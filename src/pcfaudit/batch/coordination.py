"""One batch at a time per results database, and no run left "running" after it died.

A batch holds an exclusive ``flock`` on ``<db>.lock`` for its whole life. A second batch on
the same database is refused at once with a one-line message (it would audit every file a
second time). The lock belongs to the process, so the kernel releases it when a run is
killed (SIGKILL, a power cut, an OOM kill): the next batch that takes the lock knows every
run still marked "running" is dead, marks it "killed", and fails its unfinished tasks with
that reason; their files have no outcome and are planned again.
"""

from __future__ import annotations

import contextlib
import os
import sqlite3
from collections.abc import Iterator
from pathlib import Path

from pcfaudit.batch.store import StoreError, now
from pcfaudit.escape import path_text

try:
    import fcntl
except ImportError:  # pragma: no cover - Windows: no coordination, as before
    fcntl = None  # type: ignore[assignment]


def lock_path(db: Path | str) -> Path:
    return Path(f"{os.fspath(db)}.lock")


@contextlib.contextmanager
def exclusive_run(db: Path | str) -> Iterator[None]:
    """Hold the database's batch lock for the block; refuse if another batch holds it."""
    if fcntl is None:
        yield
        return
    target = lock_path(db)
    try:
        fd = os.open(target, os.O_RDWR | os.O_CREAT | getattr(os, "O_NOFOLLOW", 0), 0o644)
    except OSError as exc:
        raise StoreError(
            f"{path_text(target)}: cannot create the batch lock ({exc.strerror or exc})"
        ) from None
    try:
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            holder = os.pread(fd, 32, 0).decode("ascii", "replace").strip() or "?"
            raise StoreError(
                f"{path_text(db)}: another pcfaudit batch (pid {holder}) is writing to this "
                "database; wait for it to finish or use another --db"
            ) from None
        os.ftruncate(fd, 0)
        os.pwrite(fd, f"{os.getpid()}\n".encode(), 0)
        yield
    finally:
        os.close(fd)  # closing releases the lock; the file stays (unlinking it would race)


def close_abandoned_runs(conn: sqlite3.Connection) -> int:
    """Mark runs still "running" as killed (the caller holds the lock, so none is alive)
    and fail their unfinished tasks; return how many runs that was."""
    reason = "not finished: the run was killed before this file's outcome was stored"
    with conn:
        killed = conn.execute(
            "UPDATE runs SET status='killed', finished=coalesce(finished, ?)"
            " WHERE status='running'",
            (now(),),
        ).rowcount
        conn.execute(
            "UPDATE tasks SET state='failed', reason=?, updated=?"
            " WHERE state IN ('planned', 'running')",
            (reason, now()),
        )
    return killed


def fail_unfinished(conn: sqlite3.Connection, run_id: int, status: str) -> None:
    """Tasks of ``run_id`` still planned or running when it stopped (interrupted, failed)."""
    with conn:
        conn.execute(
            "UPDATE tasks SET state='failed', reason=?, updated=?"
            " WHERE run_id=? AND state IN ('planned', 'running')",
            (f"not finished: the run was {status}", now(), run_id),
        )
