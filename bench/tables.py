"""Table-reading benchmark: the share of known numeric cells read into the right row and
column, per document.

    .venv/bin/python bench/tables.py [--docs DIR] [--verbose] [CASE ...]

Ground truth: ``bench/table_truth/<case>.json``, a list of
``{"page": n, "row": label, "col": label, "value": "printed string"}`` (``page`` may be
null for formats without pages; an optional ``"table": "表2"`` prefers tables whose
caption names it; ``col`` may be a header path, "N2O 小麦"; an empty ``row`` is any row). The document is ``DIR/<case>/<case>.pdf`` (or the
``.md``, ``.docx``, ``.txt``/``.html`` beside it), DIR defaulting to ``$PCFAUDIT_REALDOCS``
or ``../shared/realdocs``. Tables are read through the public extract API, whatever the
format; a cell counts when some table on that page has a row whose label (any cell left of
the value) and a column whose header (any cell above it in that column) match the truth
after normalising whitespace, case and minus signs, and the cell holds the value.
A truth page whose table is a picture is "named" when the extractor lists it as unread (or
read by OCR); with OCR, its cells count like any other.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import time
import unicodedata
from pathlib import Path

from pcfaudit.extract.detect import extract
from pcfaudit.model import Document, Table

ROOT = Path(__file__).resolve().parent.parent
TRUTH = ROOT / "bench" / "table_truth"
_FORMATS = (".pdf", ".md", ".docx", ".html", ".txt")


def norm(text: str) -> str:
    """Labels and values compare without whitespace, case or the kind of minus sign."""
    text = unicodedata.normalize("NFKC", text)
    for dash in ("\u2212", "\u2013", "\u2014"):
        text = text.replace(dash, "-")
    return "".join(text.split()).casefold()


def default_docs() -> Path:
    if os.environ.get("PCFAUDIT_REALDOCS"):
        return Path(os.environ["PCFAUDIT_REALDOCS"])
    for up in (ROOT.parent, ROOT.parent.parent):  # a clone beside shared/, or a worktree
        if (up / "shared" / "realdocs").is_dir():
            return up / "shared" / "realdocs"
    return ROOT.parent / "shared" / "realdocs"


def find_document(docs: Path, case: str) -> Path | None:
    for ext in _FORMATS:
        path = docs / case / f"{case}{ext}"
        if path.exists():
            return path
    return None


def _cells_found(
    table: Table, row_label: str, col_label: str, col_words: list[str] | None = None
) -> list[str]:
    """Every value under a header ``col_label`` in a row labelled ``row_label`` (both
    normalised). A column label may be a header path ("N2O 小麦": a group header over a
    sub-header), matched against the header cells above the value joined top to bottom;
    an empty row label matches any row."""
    rows = [[norm(c.text) for c in row] for row in table.rows]
    found = []
    for r, row in enumerate(rows):
        for c in range(1 if row_label else 0, len(row)):
            left = row[:c]
            if row_label and row_label not in left and row_label != "".join(left):
                continue
            above = [a[c] for a in rows[:r] if c < len(a) and a[c]]
            path = [h for k, h in enumerate(above) if k == 0 or h != above[k - 1]]
            if _in_path(col_label, path, col_words):
                found.append(row[c])
    return found


def _in_path(label: str, path: list[str], words: list[str] | None = None) -> bool:
    """``label`` is one header cell or several consecutive ones joined; or each of its
    words (``words``: the label split at spaces, normalised) lies in its own header cell,
    in order (a bilingual header "小麦 Wheat" under "N2O排放量 Total N2O emission")."""
    if any(
        "".join(path[i:j]) == label for i in range(len(path)) for j in range(i + 1, len(path) + 1)
    ):
        return True
    if not words:
        return False
    k = 0
    for header in path:
        if k < len(words) and words[k] in header:
            k += 1
    return k == len(words)


def value_matches(want: str, got: str) -> bool:
    """The printed number, or the number a cell starts with before its ± error, unit or
    significance letter ("0.85±0.03", "2.06±0.20b", "3.59 kg(CO2)·L-1")."""
    if got == want:
        return True
    return got.startswith(want) and not (got[len(want)].isdigit() or got[len(want)] in ".,")


def _tables_for(document: Document, cell: dict[str, object]) -> list[Table]:
    page = cell.get("page")
    tables = [
        t
        for t in document.tables
        if page is None
        or t.location.page is None
        or page in {c.location.page for row in t.rows for c in row}
    ]
    name = norm(str(cell.get("table") or ""))
    named = [t for t in tables if name and name in norm(t.caption or "")]
    return named or tables


def score(
    document: Document, truth: list[dict[str, object]]
) -> tuple[int, list[dict[str, object]]]:
    hits = 0
    misses = []
    for cell in truth:
        tables = _tables_for(document, cell)
        want = norm(str(cell["value"]))
        words = [norm(w) for w in str(cell["col"]).split()]
        got = [
            v
            for t in tables
            for v in _cells_found(t, norm(str(cell["row"])), norm(str(cell["col"])), words)
        ]
        if any(value_matches(want, v) for v in got):
            hits += 1
        else:
            misses.append({**cell, "read": got[:3]})
    return hits, misses


def named_pictures(document: Document, truth: list[dict[str, object]]) -> tuple[int, int]:
    """(truth pages whose picture is named as unread or read by OCR, truth pages that are
    pictures): a page counts as a picture when the extractor found no text table there."""
    pages = {c.get("page") for c in truth if isinstance(c.get("page"), int)}
    named = {r.page for r in document.stats.unread if r.kind in ("image", "scanned-page")}
    texted = {
        c.location.page
        for t in document.tables
        for row in t.rows
        for c in row
        if c.source == "text" and c.text
    }
    pictures = {p for p in pages if p in named or p not in texted}
    return len(pictures & named), len(pictures)


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(
        prog="bench/tables.py",
        description="Share of known numeric cells read into the right row and column.",
    )
    parser.add_argument("cases", nargs="*", metavar="CASE", help="cases to score (default: all)")
    parser.add_argument("--docs", type=Path, default=None, metavar="DIR", help="realdocs folder")
    parser.add_argument("--verbose", action="store_true", help="list the missed cells")
    args = parser.parse_args(argv)
    verbose = args.verbose
    docs = args.docs if args.docs is not None else default_docs()
    cases = args.cases or sorted(p.stem for p in TRUTH.glob("*.json"))
    total_hits = total = 0
    for case in cases:
        truth = json.loads((TRUTH / f"{case}.json").read_text(encoding="utf-8"))
        path = find_document(docs, case)
        if path is None:
            print(f"{case}: document not found under {docs}")
            continue
        start = time.perf_counter()
        document = extract(path.read_bytes(), path.name)
        seconds = time.perf_counter() - start
        hits, misses = score(document, truth)
        named, pictures = named_pictures(document, truth)
        ocr = any(r.ocr for r in document.stats.unread)
        line = f"{case}: {hits}/{len(truth)} cells = {hits / len(truth):.1%}"
        if pictures:
            line += f"; picture tables named {named}/{pictures}" + (" (read by OCR)" if ocr else "")
        print(f"{line}  [{seconds:.1f} s]")
        if verbose:
            for m in misses[: int(os.environ.get("MISSES", "15"))]:
                print(
                    f"    miss p.{m.get('page')} {m['row']!r} × {m['col']!r}: want {m['value']!r}, read {m['read']}"
                )
        total_hits += hits
        total += len(truth)
    if total:
        print(f"overall: {total_hits}/{total} = {total_hits / total:.1%}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
