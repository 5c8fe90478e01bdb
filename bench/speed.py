"""Extraction speed: pdfplumber's own full extraction vs pcfaudit's extract_pdf.

    .venv/bin/python bench/speed.py [PDF ...] [--repeat N] [--realdocs [DIR]]

Default files: fixtures/**/*.pdf that open (the deliberately broken ones are skipped);
``--realdocs`` takes the real EPD PDFs under ../shared/realdocs instead (issue 16 asks a
full check to stay at most 0.35x pdfplumber's time there). Times are CPU seconds of this
process (the machine is shared, so wall time says more about the neighbours), best of N
rounds, each round timing every contender in turn.
OCR is turned off (``PCFAUDIT_OCR=0``): it is an opt-in extra that costs seconds per
picture, and pdfplumber does not read pictures either.
Each contender is a function (bytes, path) -> None; to time another stage (e.g. the
whole `pcfaudit check`), add one to CONTENDERS. Prints pages/s for each and each one's
time as a fraction of pdfplumber's (issue 6 asks for at most 0.5 for a full check).
"""

from __future__ import annotations

import argparse
import io
import os
import sys
import time
from collections.abc import Callable
from pathlib import Path

import pdfplumber

from pcfaudit.extract.common import ExtractionError
from pcfaudit.extract.pdf import extract_pdf

ROOT = Path(__file__).resolve().parent.parent


def run_pdfplumber(data: bytes, path: str) -> None:
    """The baseline: words and tables on every page, as pdfplumber users do."""
    with pdfplumber.open(io.BytesIO(data)) as pdf:
        for page in pdf.pages:
            page.extract_words()
            page.extract_tables()


def run_extract_pdf(data: bytes, path: str) -> None:
    extract_pdf(data, path)


def run_check(data: bytes, path: str) -> None:
    """The whole `pcfaudit check`: extract, interpret, recompute, rules and JSON output."""
    from pcfaudit.config import Config
    from pcfaudit.pipeline import audit
    from pcfaudit.render import render_json

    render_json(audit(data, Config(), name=path))


CONTENDERS: dict[str, Callable[[bytes, str], None]] = {
    "pdfplumber words+tables": run_pdfplumber,
    "pcfaudit extract_pdf": run_extract_pdf,
    "pcfaudit check (full)": run_check,
}


def _pages(data: bytes) -> int:
    import pypdfium2 as pdfium

    pdf = pdfium.PdfDocument(data)
    try:
        return len(pdf)
    finally:
        pdf.close()


def default_files() -> list[Path]:
    out = []
    for p in sorted((ROOT / "fixtures").rglob("*.pdf")):
        try:
            extract_pdf(p.read_bytes(), str(p))
        except ExtractionError:
            continue
        out.append(p)
    return out


def realdocs_files(docs: Path | None = None) -> list[Path]:
    if docs is None:
        for up in (ROOT.parent, ROOT.parent.parent):
            if (up / "shared" / "realdocs").is_dir():
                docs = up / "shared" / "realdocs"
                break
        else:
            return []
    return sorted(docs.glob("*/*.pdf"))


def parse_args(argv: list[str], prog: str, description: str) -> tuple[list[Path], int]:
    """(files, repeat) from the command line shared by speed.py and stages.py."""
    parser = argparse.ArgumentParser(prog=prog, description=description)
    parser.add_argument("files", nargs="*", type=Path, metavar="PDF", help="PDFs to time")
    parser.add_argument("--repeat", type=int, default=3, metavar="N", help="best of N (default 3)")
    parser.add_argument(
        "--realdocs",
        nargs="?",
        const="",
        default=None,
        metavar="DIR",
        help="add the real EPD PDFs (DIR/*/*.pdf, default ../shared/realdocs)",
    )
    args = parser.parse_args(argv)
    files: list[Path] = list(args.files)
    if args.realdocs is not None:
        given = Path(args.realdocs) if args.realdocs else None
        if given is not None and not given.is_dir():
            files.append(given)  # `--realdocs x.pdf`: a file, not the folder
            given = None
        files += realdocs_files(given)
    return files or default_files(), args.repeat


def main(argv: list[str]) -> None:
    os.environ["PCFAUDIT_OCR"] = "0"
    files, repeat = parse_args(argv, "bench/speed.py", "CPU time of pcfaudit vs pdfplumber.")
    inputs = [(p.read_bytes(), str(p)) for p in files]
    pages = sum(_pages(d) for d, _ in inputs)
    print(f"{len(files)} files, {pages} pages, best of {repeat}")
    # Rounds, each timing every contender in turn: the shared machine's speed drifts over a
    # run, and timing one contender's repeats after another's put the drift into the ratios.
    times = dict.fromkeys(CONTENDERS, float("inf"))
    for _ in range(repeat):
        for name, fn in CONTENDERS.items():
            start = time.process_time()
            for data, path in inputs:
                fn(data, path)
            times[name] = min(times[name], time.process_time() - start)
    base = times["pdfplumber words+tables"]
    for name, t in times.items():
        print(f"{name:28s} {t:8.3f} s CPU  {pages / t:8.1f} pages/s  ratio {t / base:.3f}")


if __name__ == "__main__":
    main(sys.argv[1:])
