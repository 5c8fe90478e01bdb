"""Exports of a results database: JSON Lines (one DESIGN.md contract object per report),
CSV (one row per finding), per-report files in any renderer's format, and the text form
of the summary and the analytics.

Per-report files are re-rendered from the stored contract object
(:mod:`pcfaudit.batch.restore`), not stored in advance: the database stays one JSON
object per report, and a newer renderer improves old results too.
"""

from __future__ import annotations

import csv
import io
import json
import re
import sqlite3
from collections.abc import Iterator
from pathlib import Path
from typing import Any, TextIO

from pcfaudit.batch import store
from pcfaudit.escape import csv_cell, utf8_safe
from pcfaudit.i18n import error, fully_translated, label, phrase, phrases_in, term
from pcfaudit.safe_io import OutputGuard

CSV_COLUMNS = (
    "path", "sha256", "report_title", "verdict", "rule", "category", "severity", "title",
    "message", "reported", "expected", "likely_cause", "impact_value", "impact_unit",
    "impact_share", "fingerprint", "page", "line", "section", "table", "row", "quote", "waived",
)  # fmt: skip
PER_REPORT_EXT = {"markdown": "md", "html": "html", "sarif": "sarif", "json": "json"}


def jsonl_lines(conn: sqlite3.Connection) -> Iterator[str]:
    for _row, data in store.iter_current(conn):
        yield utf8_safe(json.dumps(data, ensure_ascii=False, separators=(",", ":")))


def write_jsonl(conn: sqlite3.Connection, out: TextIO) -> int:
    n = 0
    for line in jsonl_lines(conn):
        out.write(line + "\n")
        n += 1
    return n


# Excel (Chinese Excel above all) reads a CSV without a byte-order mark in the system's
# ANSI code page (GBK), so every non-ASCII title and message turns to mojibake; the BOM
# tells it the file is UTF-8. Python's csv module, pandas and LibreOffice skip it.
UTF8_BOM = "\ufeff"


def write_csv(conn: sqlite3.Connection, out: TextIO) -> int:
    """One row per finding of each current report, as a UTF-8 CSV with a byte-order mark
    (``encoding="utf-8-sig"`` reads it back)."""
    out.write(UTF8_BOM)
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(CSV_COLUMNS)
    # Every cell through the one CSV escape: a title or quote starting with "=" must not
    # run as a formula in the analyst's spreadsheet (OWASP CSV injection).
    n = 0
    for row, data in store.iter_current(conn):
        for f in data["findings"]:
            loc = f["locations"][0] if f.get("locations") else {}
            impact = f.get("impact") or {}
            writer.writerow(
                [csv_cell(cell) for cell in [
                    row["path"], row["sha256"], data["report"].get("title", ""), row["verdict"],
                    f["rule"], f["category"], f["severity"], f.get("title"), f.get("message"),
                    f.get("reported"), f.get("expected"), f.get("likely_cause"),
                    impact.get("value"), impact.get("unit"), impact.get("share_of_total"),
                    f.get("fingerprint"), loc.get("page"), loc.get("line"), loc.get("section"),
                    loc.get("table"), loc.get("row"), loc.get("quote"),
                    "yes" if f.get("waived") else "",
                ]]
            )  # fmt: skip
            n += 1
    return n


def _safe_stem(path: str) -> str:
    stem = Path(path).stem or "report"
    return re.sub(r"[^\w.-]+", "_", stem)[:80]


def write_per_report(
    conn: sqlite3.Connection,
    folder: Path,
    fmt: str,
    guard: OutputGuard | None = None,
    lang: str | None = None,
) -> list[Path]:
    """One file per current report: ``<name>-<sha8>.<ext>`` in ``folder``, each written
    through ``guard`` (never over an input), in ``lang`` or, when None, in the language of
    the report (as ``check`` renders it)."""
    from pcfaudit.batch.restore import result_from_data
    from pcfaudit.render import render

    if fmt not in PER_REPORT_EXT:
        raise ValueError(f"per-report format must be one of {', '.join(PER_REPORT_EXT)}")
    folder.mkdir(parents=True, exist_ok=True)
    written = []
    for row, data in store.iter_current(conn):
        result = result_from_data(data)
        language = lang or data["source"].get("language") or "en"
        opts: dict[str, Any] = {"indent": 2} if fmt in ("json", "sarif") else {}
        text = render(result, fmt, lang=language, **opts)
        target = folder / f"{_safe_stem(row['path'])}-{row['sha256'][:8]}.{PER_REPORT_EXT[fmt]}"
        (guard or OutputGuard()).write_text(target, text if text.endswith("\n") else text + "\n")
        written.append(target)
    return written


# --------------------------------------------------------------------------- text


def _table(headers: list[str], rows: list[list[Any]]) -> list[str]:
    cells = [[str(c) for c in r] for r in [headers, *rows]]
    widths = [max(_width(r[i]) for r in cells) for i in range(len(headers))]
    return ["  " + "  ".join(_pad(c, w) for c, w in zip(r, widths, strict=True)).rstrip()
            for r in cells]  # fmt: skip


def _width(text: str) -> int:
    import unicodedata

    return sum(2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in text)


def _pad(text: str, width: int) -> str:
    return text + " " * (width - _width(text))


def _short(text: str | None, n: int = 60) -> str:
    text = (text or "").replace("\n", " ")
    return text if len(text) <= n else text[: n - 1] + "…"


def _short_path(path: str, n: int = 60) -> str:
    """The end of a long path (the file name is what a reader needs)."""
    return path if len(path) <= n else "…" + path[-(n - 1) :]


def counts_text(
    counts: dict[str, int], vocabulary: str, lang: str, count: str = "batch.count"
) -> str:
    """'3 unreadable, 1 timeout' / '无法读取 3 个、超时 1 个': each word of a fixed vocabulary
    (``batch.kind.*``, ``batch.verdict.*``) in ``lang``, one the catalogue lacks as stored."""
    return label(lang, "batch.list_sep").join(
        label(lang, count, n=n, what=term(lang, vocabulary, word))
        for word, n in sorted(counts.items())
    )


def _rule_title(lang: str, rule: str, stored: str | None) -> str:
    """The catalog's title of ``rule`` in ``lang`` (the stored one is in the language the
    batch stored its messages in); the stored title for a rule the catalog lost."""
    from pcfaudit.rules import load_catalog

    spec = load_catalog().get(rule)
    return (spec.title.get(lang) if spec is not None else None) or stored or ""


def _reason(lang: str, entry: dict[str, Any]) -> str:
    """Why a file could not be audited, in ``lang``: a message of pcfaudit's through the
    catalogue; the finding that made a report unreadable as stored when it reads in
    ``lang``, else by its rule's title in ``lang``."""
    message = entry["message"]
    translated = error(lang, message)
    if lang == "en" or translated != message or fully_translated(message):
        return translated
    again = phrases_in(lang, message)
    if fully_translated(again):
        return again
    return _rule_title(lang, entry["rule"], message) if entry.get("rule") else message


def _columns(lang: str, *names: str) -> list[str]:
    return [label(lang, f"results.col.{name}") for name in names]


def summary_text(data: dict[str, Any], lang: str = "en") -> str:
    """The text form of :func:`pcfaudit.batch.analysis.summary` in ``lang`` (file names,
    codes and numbers as they are)."""
    kinds = data["errors_by_kind"]
    out = [
        label(lang, "results.audited", n=data["reports_audited"]),
        label(lang, "results.could_not", n=data["could_not_audit"])
        + (
            label(lang, "batch.paren", text=counts_text(kinds, "batch.kind", lang)) if kinds else ""
        ),
    ]
    if data["verdicts"]:
        verdicts = counts_text(data["verdicts"], "batch.verdict", lang, "batch.count_reports")
        out.append(label(lang, "results.verdicts", list=verdicts))
    cats = data["findings_by_category"]
    if cats:
        out += ["", label(lang, "results.by_category")]
        rows = [[term(lang, "category", c), s.get("error", 0), s.get("warning", 0), s.get("info", 0)]
                for c, s in sorted(cats.items())]  # fmt: skip
        out += _table(_columns(lang, "category", "errors", "warnings", "info"), rows)
    if data["findings_by_rule"]:
        out += ["", label(lang, "results.by_rule")]
        rows = [[r["rule"], r["findings"], r["reports"], _short(_rule_title(lang, r["rule"], r["title"]), 50)]
                for r in data["findings_by_rule"]]  # fmt: skip
        out += _table(_columns(lang, "rule", "findings", "reports", "title"), rows)
    if data["worst_reports"]:
        out += ["", label(lang, "results.worst")]
        rows = [[_short_path(w["path"]), w["errors"], w["warnings"],
                 f"{w['error_impact_share']:.1%}"] for w in data["worst_reports"]]  # fmt: skip
        out += _table(_columns(lang, "report", "errors", "warnings", "impact"), rows)
    if data["unaudited"]:
        out += ["", label(lang, "results.unaudited")]
        rows = [[_short_path(e["path"], 50), term(lang, "batch.kind", e["kind"]),
                 _short(_reason(lang, e), 70)] for e in data["unaudited"]]  # fmt: skip
        out += _table(_columns(lang, "file", "kind", "reason"), rows)
    return "\n".join(out) + "\n"


def analytics_text(data: dict[str, Any], lang: str = "en") -> str:
    """The text form of :func:`pcfaudit.batch.analysis.analytics` in ``lang`` (the reports'
    own words, such as a region or a title, as printed)."""
    out: list[str] = ["", label(lang, "results.analytics")]
    conflicts = data["factor_conflicts"]
    out.append(label(lang, "results.conflicts", n=len(conflicts)))
    for c in conflicts:
        carrier = phrase(lang, c["carrier"]) if c["carrier"] else None
        name = " ".join(str(x) for x in (c["year"], c["region"], carrier) if x)
        out.append(label(lang, "results.conflict", label=name, unit=c["unit"]))
        for v in c["values"]:
            sources = label(lang, "batch.list_sep").join(v["sources"])
            out.append(label(lang, "results.conflict_value", value=v["value"], sources=sources))
    inventories = data["identical_inventories"]
    out.append(label(lang, "results.inventories", n=len(inventories)))
    for g in inventories:
        out.append(label(lang, "results.inventory", lines=g["lines"], hash=g["inventory_hash"]))
        out += [label(lang, "results.inventory_source", path=s["path"], title=_short(s["title"], 50))
                for s in g["sources"]]  # fmt: skip
    sequences = data["shared_sequences"]
    out.append(label(lang, "results.sequences", n=len(sequences)))
    for s in sequences:
        a, b = s["sources"]
        numbers = _short(" ".join(s["numbers"]), 50)
        out.append(label(lang, "results.sequence", length=s["length"], numbers=numbers))
        out += [f"    {a['path']}", f"    {b['path']}"]
    return "\n".join(out) + "\n"


def render_to_string(fn: Any, conn: sqlite3.Connection) -> str:
    buf = io.StringIO()
    fn(conn, buf)
    return buf.getvalue()
