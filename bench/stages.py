"""Where a `pcfaudit check` spends its CPU time, stage by stage, on the same files as speed.py.

    .venv/bin/python bench/stages.py [PDF ...] [--repeat N] [--realdocs [DIR]]

Prints CPU seconds (best of N) per stage: extract, interpret, recompute (each also timed
alone), the audit after extraction (interpret, recompute, rules), render, and the whole
check, summed over the files, next to pdfplumber's words+tables as the 1.00 reference.
OCR off.
"""

from __future__ import annotations

import os
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import speed


def main(argv: list[str]) -> None:
    os.environ["PCFAUDIT_OCR"] = "0"
    from pcfaudit.config import Config
    from pcfaudit.extract.detect import extract
    from pcfaudit.interpret import interpret
    from pcfaudit.pipeline import audit_document
    from pcfaudit.recompute import recompute
    from pcfaudit.render import render_json

    files, repeat = speed.parse_args(
        argv, "bench/stages.py", "CPU time of a pcfaudit check, stage by stage."
    )
    inputs = [(p.read_bytes(), str(p)) for p in files]
    best: dict[str, float] = {}

    def timed(name: str, fn, *args):  # type: ignore[no-untyped-def]
        start = time.process_time()
        out = fn(*args)
        spent[name] = spent.get(name, 0.0) + time.process_time() - start
        return out

    for _ in range(repeat):
        spent: dict[str, float] = {}
        for data, path in inputs:
            timed("pdfplumber words+tables", speed.run_pdfplumber, data, path)
            doc = timed("extract", extract, data, path)
            report = timed("interpret", interpret, doc)
            text = "\n".join(b.text for b in doc.blocks)
            timed("recompute", recompute, report, doc.tables, text)
            result = timed(_AUDIT, audit_document, doc, Config())
            timed("render json", render_json, result)
        # audit_document interprets and recomputes again (the lines above time those two
        # alone, with the number memo they leave behind): the whole check is these three
        spent["check total"] = spent["extract"] + spent[_AUDIT] + spent["render json"]
        for k, v in spent.items():
            best[k] = min(best.get(k, float("inf")), v)
    base = best["pdfplumber words+tables"]
    for k, v in best.items():
        print(f"{k:34s} {v:8.3f} s CPU  ratio {v / base:.3f}")


_AUDIT = "audit_document (interp+rec+rules)"


if __name__ == "__main__":
    main(sys.argv[1:])
