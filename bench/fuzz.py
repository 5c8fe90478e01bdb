"""Mutation fuzzer over the extractors (and the interpreter behind them).

    .venv/bin/python bench/fuzz.py --seconds 600 [--seed N] [--stage extract|interpret]
                                   [--save DIR] [FILE ...]

Starts from the fixture reports (PDF, DOCX, text), mutates their bytes (bit flips, random
bytes, deleted / duplicated / inserted runs, truncation, splices of two files) and, for
DOCX, the XML inside the zip (so the mutation gets past the CRC check and reaches the
parser). Each mutant goes through ``extract`` (and ``interpret`` with --stage interpret,
the default) under a per-input time limit. Anything raised other than ExtractionError is
a crash; running past the per-input limit is a hang. Crashing inputs are written to
--save (default fixtures/bad/fuzz/) named by their hash; the exit code is 1 when any were
found. No atheris on this machine: this is a plain seeded random mutator, deterministic
for a given --seed and input order (but not for a given time budget).

tests/test_fuzz.py runs :func:`fuzz` for a fixed budget in CI.
"""

from __future__ import annotations

import argparse
import hashlib
import io
import random
import re
import sys
import time
import traceback
import zipfile
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from pcfaudit.extract.common import ExtractionError
from pcfaudit.extract.detect import extract
from pcfaudit.interpret import interpret
from pcfaudit.limits import AuditTimeout, time_limit

ROOT = Path(__file__).resolve().parent.parent
MAX_SEED_BYTES = 400_000  # bigger files make each try slow; mutations stay local anyway
_INTERESTING = [
    b"0",
    b"-1",
    b"4294967295",
    b"99999999999999999999",
    b"1e308",
    b"NaN",
    b"\x00",
    b"\xff\xfe",
    b"<<",
    b">>",
    b"[",
    b"]",
    b"obj",
    b"endobj",
    b"stream\n",
    b"endstream",
    b"/Filter /FlateDecode",
    b"/Length 999999999",
    b"R",
    b"<w:tbl>",
    b"</w:tc>",
    b'w:gridSpan w:val="999999"',
    b'w:val="-5"',
    b'<w:vMerge w:val="continue"/>',
    b"\t",
    b"|",
    b"<table><tr><td rowspan=99999>",
    b"$$\\frac{",
    "碳足迹".encode(),
    "\u202e".encode(),
]


@dataclass
class Crash:
    kind: str  # "crash" or "hang"
    summary: str
    data: bytes
    name: str


@dataclass
class FuzzStats:
    tried: int = 0
    by_format: dict[str, int] = field(default_factory=dict)
    crashes: list[Crash] = field(default_factory=list)
    seconds: float = 0.0

    def distinct(self) -> dict[str, Crash]:
        out: dict[str, Crash] = {}
        for c in self.crashes:
            out.setdefault(c.summary, c)
        return out


def default_corpus() -> list[Path]:
    files: list[Path] = []
    for folder in ("fixtures/synthetic", "fixtures/seeds", "fixtures/bad"):
        for p in sorted((ROOT / folder).glob("*")):
            if (
                p.suffix.lower() in {".pdf", ".docx", ".txt", ".md"}
                and p.stat().st_size <= MAX_SEED_BYTES
            ):
                files.append(p)
    return files


# --------------------------------------------------------------------------- mutators


def _flip(rng: random.Random, b: bytearray) -> None:
    for _ in range(rng.randint(1, 8)):
        i = rng.randrange(len(b))
        b[i] ^= 1 << rng.randrange(8)


def _set(rng: random.Random, b: bytearray) -> None:
    for _ in range(rng.randint(1, 8)):
        b[rng.randrange(len(b))] = rng.randrange(256)


def _delete(rng: random.Random, b: bytearray) -> None:
    i = rng.randrange(len(b))
    del b[i : i + rng.randint(1, max(1, min(4096, len(b) // 4)))]


def _duplicate(rng: random.Random, b: bytearray) -> None:
    i = rng.randrange(len(b))
    j = min(len(b), i + rng.randint(1, 2048))
    k = rng.randrange(len(b) + 1)
    b[k:k] = b[i:j] * rng.randint(1, 8)


def _insert(rng: random.Random, b: bytearray) -> None:
    k = rng.randrange(len(b) + 1)
    if rng.random() < 0.6:
        b[k:k] = rng.choice(_INTERESTING)
    else:
        b[k:k] = bytes(rng.randrange(256) for _ in range(rng.randint(1, 64)))


def _truncate(rng: random.Random, b: bytearray) -> None:
    del b[rng.randrange(1, len(b) + 1) :]


def _replace_number(rng: random.Random, b: bytearray) -> None:
    """Change one ASCII number (an xref offset, a /Length, a span) to an extreme."""
    for _ in range(20):
        i = rng.randrange(len(b))
        if 48 <= b[i] <= 57:
            j = i
            while j < len(b) and 48 <= b[j] <= 57:
                j += 1
            b[i:j] = rng.choice([b"0", b"1", b"65535", b"2147483648", b"99999999999", b"-1"])
            return


_MUTATORS: list[Callable[[random.Random, bytearray], None]] = [
    _flip,
    _set,
    _delete,
    _duplicate,
    _insert,
    _truncate,
    _replace_number,
]


def mutate(rng: random.Random, data: bytes, other: bytes) -> bytes:
    b = bytearray(data or b"\n")
    if rng.random() < 0.05 and other:
        cut = rng.randrange(len(b))
        b = b[:cut] + bytearray(other[rng.randrange(len(other)) :])
    for _ in range(rng.randint(1, 4)):
        if not b:
            b = bytearray(b"\n")
        rng.choice(_MUTATORS)(rng, b)
    return bytes(b)


def mutate_docx(rng: random.Random, data: bytes) -> bytes:
    """Mutate one XML part inside the zip and zip it again (valid CRCs)."""
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as zf:
            parts = {i.filename: zf.read(i) for i in zf.infolist()}
    except Exception:
        return mutate(rng, data, b"")
    xml = [n for n in parts if n.endswith(".xml")]
    if not xml:
        return mutate(rng, data, b"")
    name = (
        "word/document.xml"
        if rng.random() < 0.7 and "word/document.xml" in parts
        else rng.choice(xml)
    )
    parts[name] = mutate(rng, parts[name], b"")
    if rng.random() < 0.1:
        parts.pop(rng.choice(list(parts)))
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as zf:
        for n, d in parts.items():
            zf.writestr(n, d)
    return buf.getvalue()


# --------------------------------------------------------------------------- running


def run_one(data: bytes, name: str, stage: str = "interpret", limit: float = 10.0) -> Crash | None:
    """None when the input was read or refused with ExtractionError."""
    try:
        with time_limit(limit):
            document = extract(data, name)
            if stage == "interpret":
                interpret(document)
    except ExtractionError:
        return None
    except AuditTimeout:
        return Crash("hang", f"hang > {limit:g} s", data, name)
    except Exception as exc:
        tb = traceback.extract_tb(exc.__traceback__)
        frame = tb[-1] if tb else None
        where = f"{Path(frame.filename).name}:{frame.lineno}" if frame else "?"
        message = re.sub(r"-?\d+", "N", str(exc))[:120]  # one entry per kind of failure
        return Crash("crash", f"{type(exc).__name__} at {where}: {message}", data, name)
    return None


def fuzz(
    seconds: float,
    seed: int = 0,
    files: list[Path] | None = None,
    stage: str = "interpret",
    per_input: float = 10.0,
    max_tries: int | None = None,
) -> FuzzStats:
    rng = random.Random(seed)
    corpus = [(p.name, p.read_bytes()) for p in (files or default_corpus())]
    corpus = [(n, d) for n, d in corpus if d]
    stats = FuzzStats()
    start = time.monotonic()
    while time.monotonic() - start < seconds and (max_tries is None or stats.tried < max_tries):
        name, data = rng.choice(corpus)
        if name.endswith(".docx") and rng.random() < 0.7:
            mutant = mutate_docx(rng, data)
        else:
            mutant = mutate(rng, data, rng.choice(corpus)[1])
        crash = run_one(mutant, name, stage, per_input)
        stats.tried += 1
        ext = Path(name).suffix.lower()
        stats.by_format[ext] = stats.by_format.get(ext, 0) + 1
        if crash is not None:
            stats.crashes.append(crash)
    stats.seconds = time.monotonic() - start
    return stats


def save(crashes: dict[str, Crash], folder: Path) -> list[Path]:
    folder.mkdir(parents=True, exist_ok=True)
    out = []
    for c in crashes.values():
        digest = hashlib.sha256(c.data).hexdigest()[:12]
        path = folder / f"{c.kind}-{digest}{Path(c.name).suffix}"
        path.write_bytes(c.data)
        out.append(path)
    return out


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("files", nargs="*", type=Path)
    ap.add_argument("--seconds", type=float, default=60.0)
    ap.add_argument("--seed", type=int, default=0)
    ap.add_argument("--stage", choices=["extract", "interpret"], default="interpret")
    ap.add_argument("--per-input", type=float, default=10.0, help="seconds before a hang")
    ap.add_argument("--save", type=Path, default=ROOT / "fixtures/bad/fuzz")
    args = ap.parse_args(argv)
    stats = fuzz(args.seconds, args.seed, args.files or None, args.stage, args.per_input)
    distinct = stats.distinct()
    formats = ", ".join(f"{k or '(none)'} {v}" for k, v in sorted(stats.by_format.items()))
    print(
        f"{stats.tried} inputs in {stats.seconds:.0f} s ({formats}); {len(distinct)} distinct failures"
    )
    for summary in distinct:
        print(f"  {summary}")
    if distinct:
        for p in save(distinct, args.save):
            print(f"  saved {p}")
    return 1 if distinct else 0


if __name__ == "__main__":
    sys.exit(main())
