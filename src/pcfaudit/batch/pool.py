"""A small process pool that survives its files: one task per worker at a time, a wall-clock
watchdog, a memory cap, and a fresh worker for every one that hangs, crashes or is killed.

Why not ``ProcessPoolExecutor``: it cannot cancel one running task (a hung file would hold
its worker for ever) and one killed worker breaks the whole pool. Here each worker has its
own pipe; the parent waits on the pipes and on the process sentinels, kills a worker that
runs past the time limit, records the file as a timeout, and starts a replacement.

Workers come from the ``forkserver`` start method with the pipeline preloaded: starting a
replacement is a cheap fork, and forking stays safe while the parent runs threads (the
progress display, a database connection).
"""

from __future__ import annotations

import multiprocessing
import signal
import sys
import time
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from multiprocessing import forkserver
from multiprocessing.connection import Connection, wait
from multiprocessing.process import BaseProcess
from typing import Any

from pcfaudit.batch.work import Task, WorkOptions, worker_main


@dataclass
class _Slot:
    process: BaseProcess
    conn: Connection
    task: Task | None = None
    started: float = 0.0
    done: int = 0
    extra: dict[str, Any] = field(default_factory=dict)


def _context() -> Any:
    if "forkserver" not in multiprocessing.get_all_start_methods():
        return multiprocessing.get_context("spawn")
    ctx = multiprocessing.get_context("forkserver")
    ctx.set_forkserver_preload(["pcfaudit.batch.work", "pcfaudit.batch.warm"])
    with _main_hidden():
        forkserver.ensure_running()
    return ctx


@contextmanager
def _main_hidden() -> Iterator[None]:
    """Like spawn, the forkserver and its children re-run the main *script*
    (``__main__.__file__``); a script without a ``__name__ == "__main__"`` guard would run
    its whole command again in every worker. Workers need nothing from __main__ (their
    target lives in this package), so the script is hidden while they start."""
    main = sys.modules["__main__"]
    script = main.__dict__.pop("__file__", None)
    try:
        yield
    finally:
        if script is not None:
            main.__file__ = script


def _signal_name(code: int) -> str:
    try:
        return signal.Signals(-code).name
    except ValueError:
        return f"signal {-code}"


class LocalPool:
    """Run tasks on ``jobs`` worker processes; call ``on_outcome`` in the parent for each
    finished file (in completion order)."""

    def __init__(
        self,
        jobs: int,
        options: WorkOptions,
        timeout: float,
        memory_mb: int,
        max_tasks_per_worker: int = 200,
    ) -> None:
        self.jobs = max(1, jobs)
        self.options = options
        self.timeout = timeout
        self.memory_mb = memory_mb
        self.max_tasks = max_tasks_per_worker
        self.ctx = _context()
        self.slots: list[_Slot] = []
        self.replaced = 0  # workers started to replace a hung, crashed or retired one
        self.on_start: Callable[[Task], None] | None = None

    def _spawn(self) -> _Slot:
        parent, child = self.ctx.Pipe(duplex=True)
        process = self.ctx.Process(
            target=worker_main, args=(child, self.options, self.memory_mb), daemon=True
        )
        with _main_hidden():
            process.start()
        child.close()
        return _Slot(process, parent)

    def _retire(self, slot: _Slot, kill: bool) -> None:
        if kill:
            slot.process.kill()
        else:
            try:
                slot.conn.send(None)
            except (OSError, BrokenPipeError):
                slot.process.kill()
        slot.process.join(5)
        if slot.process.is_alive():
            slot.process.kill()
            slot.process.join(5)
        slot.conn.close()
        self.slots.remove(slot)

    def close(self) -> None:
        for slot in list(self.slots):
            self._retire(slot, kill=slot.task is not None)

    def run(
        self,
        tasks: Iterable[Task],
        on_outcome: Callable[[dict[str, Any]], None],
        on_start: Callable[[Task], None] | None = None,
    ) -> None:
        """``on_start`` (optional) is told when a task is handed to a worker."""
        self.on_start = on_start
        pending = deque(tasks)
        try:
            while pending or any(s.task is not None for s in self.slots):
                self._fill(pending)
                busy = [s for s in self.slots if s.task is not None]
                deadline = min(s.started + self.timeout for s in busy)
                wait_for = max(0.0, min(deadline - time.monotonic(), 1.0))
                wait([obj for s in busy for obj in (s.conn, s.process.sentinel)], wait_for)
                for slot in busy:
                    outcome = self._check(slot)
                    if outcome is not None:
                        on_outcome(outcome)
        finally:
            self.close()

    def _fill(self, pending: deque[Task]) -> None:
        while pending:
            idle = next((s for s in self.slots if s.task is None), None)
            if idle is None:
                if len(self.slots) >= self.jobs:
                    return
                idle = self._spawn()
                self.slots.append(idle)
            task = pending.popleft()
            try:
                idle.conn.send(task)
            except (OSError, BrokenPipeError):  # the idle worker died: replace it, retry
                pending.appendleft(task)
                self._retire(idle, kill=True)
                continue
            idle.task, idle.started = task, time.monotonic()
            if self.on_start is not None:
                self.on_start(task)

    def _check(self, slot: _Slot) -> dict[str, Any] | None:
        """The outcome of a finished (or failed) slot, or None while it still works."""
        task = slot.task
        assert task is not None
        elapsed = round(time.monotonic() - slot.started, 3)
        base = {"path": task.path, "sha256": task.sha256, "size": task.size, "seconds": elapsed}
        if slot.conn.poll():
            try:
                outcome: dict[str, Any] = slot.conn.recv()
            except (EOFError, OSError):
                outcome = {**base, "kind": "crash", "message": self._death(slot)}
                self._replace(slot, kill=True)
                return outcome
            slot.task, slot.done = None, slot.done + 1
            if outcome["kind"] == "memory" or slot.done >= self.max_tasks:
                self._replace(slot, kill=False)  # recycled: bounded memory growth
            return outcome
        if not slot.process.is_alive():
            outcome = {**base, "kind": "crash", "message": self._death(slot)}
            self._replace(slot, kill=True)
            return outcome
        if elapsed > self.timeout:
            self._replace(slot, kill=True)
            return {**base, "kind": "timeout", "message": f"no result after {self.timeout:g} s"}
        return None

    def _death(self, slot: _Slot) -> str:
        slot.process.join(1)
        code = slot.process.exitcode
        if code is None:
            return "worker stopped answering"
        if code < 0:
            hint = " (possibly out of memory)" if code == -signal.SIGKILL else ""
            return f"worker killed by {_signal_name(code)}{hint}"
        return f"worker exited with status {code}"

    def _replace(self, slot: _Slot, kill: bool) -> None:
        slot.task = None
        self._retire(slot, kill=kill)
        self.replaced += 1
