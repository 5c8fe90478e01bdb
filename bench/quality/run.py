"""Detection-quality benchmark: clean synthetic reports + one-defect mutants, scored.

    .venv/bin/python -m bench.quality [--n 20] [--formats txt,docx,pdf] [--seed 1]
        [--ops arith_digit,...] [--templates zh_a,...] [--out DIR] [--json FILE|-] [--subprocess] [--workers 2]

Writes the corpus under --out (default /tmp/pcfaudit-quality-<seed>), audits every file
in-process (or with ``pcfaudit check --format json`` under --subprocess), prints recall per
category, operator and format and false positives per clean report (rich tables), and the
misses and false-positive rules with a sample file each.
"""

from __future__ import annotations

import argparse
import json
import shutil
import sys
import time
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path
from typing import Any

if __package__ in (None, ""):  # run as a script: make the repository root importable
    sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from bench.quality.generate import TEMPLATES, generate
from bench.quality.mutations import BY_NAME, OPERATORS, Operator, mutate
from bench.quality.render import write
from bench.quality.score import Item, run_all, score


def build_one(args: tuple[int, int, list[str], list[str], str, tuple[str, ...]]) -> list[Item]:
    """One clean report (seed ``seed``) and its mutants, in every format."""
    index, seed, formats, ops, out, templates = args
    template = templates[index % len(templates)]
    spec = generate(seed, template)
    stem = Path(out) / f"{index:03d}_{template}"
    items = []
    variants: list[tuple[str, Operator | None]] = [("clean", None)]
    variants += [(name, BY_NAME[name]) for name in ops]
    for name, op in variants:
        target = spec if op is None else mutate(spec, op, seed)
        if target is None:
            continue
        for path in write(target, Path(f"{stem}_{name}"), formats):
            fmt = "txt" if path.suffix in (".txt", ".md") else path.suffix[1:]
            items.append(Item(str(path), fmt, seed, template, name, op.category if op else "",
                              "; ".join(target.notes)))  # fmt: skip
    return items


def build_corpus(n: int, seed: int, formats: list[str], ops: list[str], out: Path,
                 workers: int, templates: tuple[str, ...] = TEMPLATES) -> list[Item]:  # fmt: skip
    if out.exists():
        shutil.rmtree(out)
    out.mkdir(parents=True)
    jobs = [(i, seed * 1000 + i, formats, ops, str(out), templates) for i in range(n)]
    if workers <= 1:
        batches = [build_one(j) for j in jobs]
    else:
        with ProcessPoolExecutor(max_workers=workers) as pool:
            batches = list(pool.map(build_one, jobs))
    return [item for batch in batches for item in batch]


def _pct(value: float | None) -> str:
    return "-" if value is None else f"{value:.2f}"


def print_tables(scores: dict[str, Any], elapsed: float) -> None:
    from rich.console import Console
    from rich.table import Table

    console = Console(width=160)
    for title, key in (("Recall by category", "recall_by_category"),
                       ("Recall by operator", "recall_by_operator"),
                       ("Recall by format", "recall_by_format"),
                       ("Recall by template", "recall_by_template")):  # fmt: skip
        table = Table(title=title)
        for col in ("name", "mutants", "found", "recall", "recall (clean parent)"):
            table.add_column(col, justify="left" if col == "name" else "right")
        for name, r in scores[key].items():
            style = "green" if (r["recall"] or 0) >= 0.95 else "red"
            table.add_row(name, str(r["n"]), str(r["found"]), f"[{style}]{_pct(r['recall'])}[/]",
                          f"{_pct(r['recall_strict'])} of {r['n_strict']}")  # fmt: skip
        console.print(table)
    fp = Table(title=f"False positives per clean report ({scores['clean_reports']} reports)")
    for col in ("format", "error", "warning", "info"):
        fp.add_column(col, justify="right")
    for fmt, row in scores["false_positives_by_format"].items():
        fp.add_row(fmt, *(str(row[s]) for s in ("error", "warning", "info")))
    fp.add_row(
        "all",
        *(str(scores["false_positives_per_clean_report"][s]) for s in ("error", "warning", "info")),
    )
    console.print(fp)
    fpt = Table(title="False positives per clean report, by template")
    for col in ("template", "error", "warning", "info"):
        fpt.add_column(col, justify="right")
    for tpl, row in scores["false_positives_by_template"].items():
        fpt.add_row(tpl, *(str(row[s]) for s in ("error", "warning", "info")))
    console.print(fpt)
    rules = Table(title="False-positive rules on clean reports")
    for col in ("rule", "category", "severity", "findings", "reports", "sample", "message"):
        rules.add_column(col, overflow="fold")
    for r in scores["false_positive_rules"]:
        rules.add_row(r["rule"], r["category"], r["severity"], str(r["count"]), str(r["reports"]),
                      r["sample"], r["message"][:120])  # fmt: skip
    console.print(rules)
    miss = Table(title=f"Misses ({len(scores['misses'])})")
    for col in ("operator", "format", "sample", "new findings (other categories)", "error"):
        miss.add_column(col, overflow="fold")
    grouped: dict[tuple[str, str], list[dict[str, Any]]] = {}
    for m in scores["misses"]:
        grouped.setdefault((m["op"], m["format"]), []).append(m)
    for (op, fmt), ms in sorted(grouped.items()):
        others = sorted({o for m in ms for o in m["new_findings_other_categories"]})
        miss.add_row(
            f"{op} ×{len(ms)}", fmt, ms[0]["path"], ", ".join(others)[:200], ms[0]["error"][:80]
        )
    console.print(miss)
    if scores["tool_errors"]:
        console.print(f"[red]{len(scores['tool_errors'])} files made the tool fail[/], e.g. "
                      f"{scores['tool_errors'][0]}")  # fmt: skip
    console.print(f"elapsed {elapsed:.1f} s")


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(
        prog="python -m bench.quality", description=__doc__.splitlines()[0]
    )
    ap.add_argument("--n", type=int, default=20, help="clean reports (each gets every mutant)")
    ap.add_argument("--formats", default="txt,docx,pdf")
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--ops", default=",".join(op.name for op in OPERATORS))
    ap.add_argument("--templates", default=",".join(TEMPLATES),
                    help="templates to cycle through (report i uses the i-th, modulo)")  # fmt: skip
    ap.add_argument("--out", type=Path, default=None, help="corpus directory (recreated)")
    ap.add_argument("--json", default=None, help="write the scores as JSON to FILE ('-' = stdout)")
    ap.add_argument("--subprocess", action="store_true", help="audit with the pcfaudit CLI")
    ap.add_argument("--workers", type=int, default=2)
    args = ap.parse_args(argv)
    formats = [f for f in args.formats.split(",") if f]
    ops = [o for o in args.ops.split(",") if o]
    unknown = [o for o in ops if o not in BY_NAME]
    if unknown:
        ap.error(f"unknown operator(s): {', '.join(unknown)}")
    templates = tuple(t for t in args.templates.split(",") if t)
    if not templates or set(templates) - set(TEMPLATES):
        ap.error(f"templates must be among {', '.join(TEMPLATES)}")
    out = args.out or Path(f"/tmp/pcfaudit-quality-{args.seed}")
    start = time.monotonic()
    items = build_corpus(args.n, args.seed, formats, ops, out, args.workers, templates)
    results = run_all(items, args.workers, args.subprocess)
    scores = score(results)
    scores["corpus"] = str(out)
    elapsed = time.monotonic() - start
    if args.json == "-":
        json.dump(scores, sys.stdout, ensure_ascii=False, indent=2, default=list)
        print()
    else:
        print_tables(scores, elapsed)
        if args.json:
            Path(args.json).write_text(
                json.dumps(scores, ensure_ascii=False, indent=2, default=list)
            )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
