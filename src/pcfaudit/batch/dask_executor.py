"""The batch on a Dask distributed cluster (optional extra ``pcfaudit[dask]``).

The tasks are the same :func:`~pcfaudit.batch.work.audit_one` calls as on local workers,
so the outcomes are the same; this process (the client) writes each to the store as its
future completes. Limits: Dask runs tasks in worker threads, which cannot be interrupted,
so the per-file time limit and memory cap are the cluster's own (``distributed``'s worker
memory limit and nanny restarts); a task lost with its worker is recorded as a crash.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from pcfaudit.batch.work import Task, WorkOptions, audit_one


class DaskUnavailable(RuntimeError):
    pass


def run_dask(
    tasks: list[Task],
    work: WorkOptions,
    scheduler: Any,
    on_outcome: Callable[[dict[str, Any]], None],
    on_start: Callable[[Task], None] | None = None,
) -> None:
    """Submit every task to the cluster at ``scheduler`` (an address, or a Client)."""
    try:
        from distributed import Client, as_completed
    except ImportError:
        raise DaskUnavailable(
            "the dask executor needs the optional extra: pip install 'pcfaudit[dask]'"
        ) from None
    if not tasks:
        return
    own = not isinstance(scheduler, Client)
    if own and not scheduler:
        raise DaskUnavailable("--executor dask needs --scheduler ADDRESS")
    client = Client(scheduler) if own else scheduler
    try:
        futures = {
            client.submit(audit_one, task, work, pure=False, key=f"pcfaudit-{task.sha256}"): task
            for task in tasks
        }
        if on_start is not None:
            for task in tasks:  # the cluster schedules them: all are in its hands now
                on_start(task)
        try:
            for future in as_completed(futures):
                task = futures.pop(future)
                try:
                    outcome: dict[str, Any] = future.result()
                except Exception as exc:  # a lost worker or a serialisation failure
                    outcome = {
                        "path": task.path,
                        "sha256": task.sha256,
                        "size": task.size,
                        "kind": "crash",
                        "message": f"dask task failed ({type(exc).__name__}: {exc})"[:500],
                    }
                future.release()
                on_outcome(outcome)
        except KeyboardInterrupt:
            client.cancel(list(futures))
            raise
    finally:
        if own:
            client.close()
