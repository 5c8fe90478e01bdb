"""Start-up benchmark: a cold ``pcfaudit check`` of a seed text report (a new process, as a
user runs it) next to the same audit warm (in a process that has already imported
everything). Prints wall and CPU seconds (best of N) and the machine's load, since on a
shared machine wall time measures the neighbours as much as pcfaudit.

    .venv/bin/python -m bench.startup [--runs 5] [REPORT]

The target (issue 14): cold wall <= 0.6 s on an idle machine.
"""

from __future__ import annotations

import argparse
import os
import resource
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SEED = ROOT / "fixtures" / "seeds" / "000_e5f01d6d6220347d.txt"


def cold(report: Path, runs: int) -> tuple[float, float]:
    """Best wall and best CPU (user + sys) seconds of ``pcfaudit check REPORT`` in a new
    process. Bytecode is written once first, as any installed package has it."""
    env = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
    cmd = [sys.executable, "-m", "pcfaudit", "check", str(report), "--format", "json"]
    subprocess.run(cmd, env=env, capture_output=True, check=False)  # compile .pyc once
    walls, cpus = [], []
    for _ in range(runs):
        before = resource.getrusage(resource.RUSAGE_CHILDREN)
        start = time.perf_counter()
        subprocess.run(cmd, env=env, capture_output=True, check=False)
        walls.append(time.perf_counter() - start)
        after = resource.getrusage(resource.RUSAGE_CHILDREN)
        cpus.append(after.ru_utime - before.ru_utime + after.ru_stime - before.ru_stime)
    return min(walls), min(cpus)


def warm(report: Path, runs: int) -> tuple[float, float]:
    """Best wall and CPU seconds of the same audit and JSON rendering in this process, once
    everything is imported and the first audit has filled the caches."""
    from pcfaudit.config import Config
    from pcfaudit.pipeline import audit
    from pcfaudit.render import render

    render(audit(report, Config()), "json")
    walls, cpus = [], []
    for _ in range(runs):
        start, cpu = time.perf_counter(), time.process_time()
        render(audit(report, Config()), "json")
        walls.append(time.perf_counter() - start)
        cpus.append(time.process_time() - cpu)
    return min(walls), min(cpus)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("report", nargs="?", type=Path, default=SEED)
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()
    load = os.getloadavg()[0]
    cold_wall, cold_cpu = cold(args.report, args.runs)
    warm_wall, warm_cpu = warm(args.report, args.runs)
    print(f"report: {args.report.name}   load average: {load:.2f} on {os.cpu_count()} CPUs")
    print(f"cold  pcfaudit check (new process): {cold_wall:.3f} s wall, {cold_cpu:.3f} s CPU")
    print(f"warm  audit + render in-process:   {warm_wall:.3f} s wall, {warm_cpu:.3f} s CPU")


if __name__ == "__main__":
    main()
