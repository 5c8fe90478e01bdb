"""Batch throughput: reports/min with --jobs 1 and 2, the speed-up, and peak memory per
worker, on a few hundred reports generated from the fixtures.

    .venv/bin/python bench/batch.py [--n 300] [--jobs 1 2] [--keep DIR]

Each generated report is a fixture (text, markdown or PDF) with a small change so that
its content hash differs: one number nudged in a text report, a trailing comment after a
PDF's %%EOF (readers ignore it). Every run writes to its own fresh database.
"""

from __future__ import annotations

import argparse
import re
import shutil
import tempfile
import time
from pathlib import Path

from pcfaudit.batch import BatchOptions, run_batch

ROOT = Path(__file__).resolve().parent.parent
SOURCES = [
    ROOT / "fixtures/seeds/000_e5f01d6d6220347d.txt",
    ROOT / "fixtures/seeds/002_37b7dd170cf4d869.txt",
    ROOT / "fixtures/seeds/000_e5f01d6d6220347d.pdf",
    ROOT / "fixtures/batch/batch_zh_grid_a.txt",
    ROOT / "fixtures/batch/batch_zh_grid_b.txt",
    ROOT / "fixtures/batch/sub/batch_en_frame.md",
    ROOT / "fixtures/synthetic/inv_en_markdown.md",
    ROOT / "fixtures/synthetic/gwef_zh_mixed.txt",
]
_NUMBER = re.compile(r"(?<![\d.])\d{3,}(?:\.\d+)?")


def nudge(text: str, i: int) -> str:
    """The text with its ``i``-th (mod count) number of 3+ digits changed in the last digit."""
    matches = list(_NUMBER.finditer(text))
    if not matches:
        return text + f"\n{i}\n"
    m = matches[i % len(matches)]
    digits = m.group()
    changed = digits[:-1] + str((int(digits[-1]) + 1 + i // len(matches)) % 10)
    return text[: m.start()] + changed + text[m.end() :]


def generate(folder: Path, n: int) -> list[Path]:
    folder.mkdir(parents=True, exist_ok=True)
    out = []
    seen: set[str] = set()
    for i in range(n):
        src = SOURCES[i % len(SOURCES)]
        target = folder / f"r{i:04d}_{src.name}"
        if src.suffix == ".pdf":
            target.write_bytes(src.read_bytes() + f"\n% bench copy {i}\n".encode())
        else:
            text, k = src.read_text(encoding="utf-8"), i
            while (changed := nudge(text, k)) in seen:  # every copy distinct
                k += 7
            seen.add(changed)
            target.write_text(changed, encoding="utf-8")
        out.append(target)
    return out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--n", type=int, default=300, help="reports to generate")
    parser.add_argument("--jobs", type=int, nargs="+", default=[1, 2])
    parser.add_argument("--keep", type=Path, help="keep the reports and databases here")
    args = parser.parse_args()
    work = args.keep or Path(tempfile.mkdtemp(prefix="pcfaudit-bench-"))
    try:
        files = generate(work / "reports", args.n)
        print(f"{len(files)} reports generated in {work / 'reports'}")
        rates: dict[int, float] = {}
        for jobs in args.jobs:
            db = work / f"jobs{jobs}.sqlite"
            db.unlink(missing_ok=True)
            t0 = time.perf_counter()
            summary = run_batch([work / "reports"], db, options=BatchOptions(jobs=jobs))
            seconds = time.perf_counter() - t0
            rates[jobs] = summary.audited / seconds * 60
            print(
                f"--jobs {jobs}: {summary.audited} audited, {summary.could_not_audit} failed "
                f"in {seconds:.1f} s = {rates[jobs]:.0f} reports/min; "
                f"peak worker RSS {summary.peak_worker_rss_kb / 1024:.0f} MB; "
                f"database {db.stat().st_size / 2**20:.1f} MB"
            )
        if 1 in rates:
            for jobs, rate in rates.items():
                if jobs != 1:
                    print(f"speed-up --jobs {jobs} vs 1: {rate / rates[1]:.2f}x")
        db = work / f"jobs{args.jobs[-1]}.sqlite"
        t0 = time.perf_counter()
        again = run_batch([work / "reports"], db, options=BatchOptions(jobs=args.jobs[-1]))
        print(f"re-run (all skipped): {again.skipped} skipped in {time.perf_counter() - t0:.2f} s")
    finally:
        if args.keep is None:
            shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
