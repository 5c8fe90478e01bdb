"""What an archive shows that no single report can: the summary of a results database, and
cross-report analytics.

- Factor conflicts: the same emission factor label (carrier, year, region, unit) printed
  with different values by different reports. One of them is wrong, or the label is.
- Identical inventories: the same (label, quantity, result) lines in reports of different
  products or companies; an inventory copied from another study.
- Shared number sequences: a long run of the same non-trivial inventory numbers in reports
  of different products (a partly copied inventory).

"Different product" means a different normalised title (whitespace and punctuation
ignored): the same report saved as PDF and DOCX is one product, never flagged. Reports
without a title are never compared, to keep false positives out.
"""

from __future__ import annotations

import hashlib
import re
import sqlite3
import unicodedata
from collections import defaultdict
from dataclasses import dataclass, field
from decimal import Decimal, InvalidOperation
from typing import Any

from pcfaudit.batch import store

MIN_SEQUENCE = 6  # shared run length that is unlikely by chance
MIN_INVENTORY = 3  # identical inventories shorter than this prove little


# --------------------------------------------------------------------------- summary


def summary(conn: sqlite3.Connection, top: int = 10) -> dict[str, Any]:
    """Counts over the current record of every content hash in the database."""
    ids = store.current_result_ids(conn)
    conn.execute("CREATE TEMP TABLE IF NOT EXISTS cur (id INTEGER PRIMARY KEY)")
    conn.execute("DELETE FROM cur")
    conn.executemany("INSERT INTO cur (id) VALUES (?)", [(i,) for i in ids])
    errors = store.current_errors(conn)
    live = "f.result_id IN (SELECT id FROM cur) AND f.waived=0"
    verdicts = dict(
        conn.execute(
            "SELECT verdict, count(*) FROM results WHERE id IN (SELECT id FROM cur) GROUP BY 1"
        ).fetchall()
    )
    by_category = conn.execute(
        f"SELECT f.category, f.severity, count(*) FROM findings f WHERE {live}"
        " GROUP BY 1, 2 ORDER BY 1"
    ).fetchall()
    categories: dict[str, dict[str, int]] = defaultdict(dict)
    for cat, sev, n in by_category:
        categories[cat][sev] = n
    rules = conn.execute(
        f"SELECT f.rule, max(f.category), count(*), count(DISTINCT f.result_id), max(f.title)"
        f" FROM findings f WHERE {live} GROUP BY 1 ORDER BY 3 DESC, 1"
    ).fetchall()
    # Read but not understood (an extraction error: a scan, a cooking recipe): not audited.
    poor = conn.execute(
        "SELECT s.path, f.message, f.rule FROM results x JOIN sources s ON s.id=x.source_id"
        " LEFT JOIN findings f ON f.id=(SELECT g.id FROM findings g WHERE g.result_id=x.id"
        "   AND g.category='extraction' AND g.severity='error' ORDER BY g.id LIMIT 1)"
        " WHERE x.id IN (SELECT id FROM cur) AND x.verdict='unreadable' ORDER BY s.path"
    ).fetchall()
    unaudited = [{"path": e["path"], "kind": e["kind"], "message": e["message"]} for e in errors]
    unaudited += [  # the rule, so that a reader in another language gets its title
        {"path": p["path"], "kind": "unreadable", "message": p["message"] or "", "rule": p["rule"]}
        for p in poor
    ]
    worst = conn.execute(
        "SELECT s.path, x.errors, x.warnings,"
        " coalesce(sum(abs(f.impact_share)) FILTER (WHERE f.severity='error'), 0) AS share,"
        " coalesce(max(abs(f.impact_share)), 0) AS top"
        " FROM results x JOIN sources s ON s.id=x.source_id"
        " LEFT JOIN findings f ON f.result_id=x.id AND f.waived=0"
        " WHERE x.id IN (SELECT id FROM cur) GROUP BY x.id"
        " HAVING x.errors + x.warnings > 0 ORDER BY share DESC, x.errors DESC, top DESC, s.path"
        " LIMIT ?",
        (top,),
    ).fetchall()
    runs = conn.execute(
        "SELECT id, tool_version, rules_hash, reference_version, started, finished, status,"
        " counts FROM runs ORDER BY id DESC LIMIT 1"
    ).fetchone()
    return {
        "reports_audited": len(ids) - len(poor),
        "could_not_audit": len(unaudited),
        "verdicts": verdicts,
        "errors_by_kind": _count(e["kind"] for e in unaudited),
        "findings_by_category": dict(categories),
        "findings_by_rule": [
            {"rule": r[0], "category": r[1], "findings": r[2], "reports": r[3], "title": r[4]}
            for r in rules
        ],
        "worst_reports": [
            {
                "path": w[0],
                "errors": w[1],
                "warnings": w[2],
                "error_impact_share": w[3],
                "largest_share": w[4],
            }
            for w in worst
        ],
        "unaudited": sorted(unaudited, key=lambda e: e["path"]),
        "last_run": dict(runs) if runs else None,
    }


def _count(items: Any) -> dict[str, int]:
    out: dict[str, int] = {}
    for item in items:
        out[item] = out.get(item, 0) + 1
    return out


# --------------------------------------------------------------------------- analytics


@dataclass
class _Report:
    path: str
    sha256: str
    title: str
    product: str
    factors: list[dict[str, Any]] = field(default_factory=list)
    inventory_hash: str | None = None
    inventory_lines: int = 0
    numbers: list[str] = field(default_factory=list)


_NOISE = re.compile(r"[\s\W_]+", re.UNICODE)


def product_key(title: str) -> str:
    return _NOISE.sub("", unicodedata.normalize("NFKC", title or "")).lower()


def _decimal(text: Any) -> Decimal | None:
    if text is None:
        return None
    cleaned = unicodedata.normalize("NFKC", str(text)).replace(",", "").replace(" ", "")
    cleaned = cleaned.rstrip("%")
    try:
        return Decimal(cleaned)
    except InvalidOperation:
        return None


def _plain(text: Any) -> str:
    """A number as a canonical string ("1,250.50" → "1250.5"), or '' when not a number."""
    value = _decimal(text)
    if value is None:
        return ""
    return format(value.normalize(), "f") if value else "0"


def _significant(text: str) -> bool:
    """Numbers that could coincide by chance (0, 1, two digits) are not evidence."""
    digits = text.replace("-", "").replace(".", "").strip("0")
    return len(digits) >= 3


def _unit_key(unit: str) -> str:
    return _NOISE.sub("", unicodedata.normalize("NFKC", unit or "")).lower()


def _value(q: Any) -> str:
    return _plain(q.get("value")) if isinstance(q, dict) else ""


def _digest(row: sqlite3.Row, data: dict[str, Any]) -> _Report:
    report = data.get("report") or {}
    title = report.get("title") or row["title"] or ""
    rep = _Report(row["path"], row["sha256"], title, product_key(title))
    rep.factors = [q for q in report.get("factors") or [] if q.get("carrier") and q.get("year")]
    lines = [
        (
            _NOISE.sub("", line.get("label") or ""),
            _value(line.get("quantity")),
            _value(line.get("result")),
        )
        for line in report.get("inventory") or []
    ]
    numbered = [t for t in lines if t[1] or t[2]]
    rep.inventory_lines = len(numbered)
    if len(numbered) >= MIN_INVENTORY:
        rep.inventory_hash = hashlib.sha256(repr(lines).encode("utf-8")).hexdigest()[:16]
    rep.numbers = [n for _, q, r in lines for n in (q, r) if n and _significant(n)]
    return rep


def analytics(conn: sqlite3.Connection, min_sequence: int = MIN_SEQUENCE) -> dict[str, Any]:
    reports = [_digest(row, data) for row, data in store.iter_current(conn)]
    inventories = identical_inventories(reports)
    paired = {frozenset(s["sha256"] for s in g["sources"]) for g in inventories}
    return {
        "factor_conflicts": factor_conflicts(reports),
        "identical_inventories": inventories,
        "shared_sequences": shared_sequences(reports, min_sequence, paired),
    }


def factor_conflicts(reports: list[_Report]) -> list[dict[str, Any]]:
    """Same carrier, year, region and unit; different values in different reports."""
    groups: dict[tuple[str, int, str, str], dict[str, dict[str, set[str]]]] = defaultdict(
        lambda: defaultdict(lambda: defaultdict(set))
    )
    units: dict[tuple[str, int, str, str], str] = {}
    for rep in reports:
        for q in rep.factors:
            value = _plain(q.get("value"))
            unit = q.get("unit_text") or ""
            if not value or not _unit_key(unit):
                continue
            key = (q["carrier"], int(q["year"]), q.get("region") or "", _unit_key(unit))
            units.setdefault(key, unit)
            groups[key][value][rep.sha256].add(rep.path)
    out = []
    for key, values in sorted(groups.items()):
        sources = {sha for by_sha in values.values() for sha in by_sha}
        if len(values) < 2 or len(sources) < 2:
            continue
        out.append(
            {
                "carrier": key[0],
                "year": key[1],
                "region": key[2] or None,
                "unit": units[key],
                "values": [
                    {"value": v, "sources": sorted(p for paths in by_sha.values() for p in paths)}
                    for v, by_sha in sorted(values.items(), key=lambda kv: Decimal(kv[0]))
                ],
            }
        )
    return out


def identical_inventories(reports: list[_Report]) -> list[dict[str, Any]]:
    by_hash: dict[str, list[_Report]] = defaultdict(list)
    for rep in reports:
        if rep.inventory_hash and rep.product:
            by_hash[rep.inventory_hash].append(rep)
    out = []
    for digest, group in sorted(by_hash.items()):
        if len({r.product for r in group}) < 2:
            continue  # the same product in several files is not a copy
        out.append(
            {
                "inventory_hash": digest,
                "lines": group[0].inventory_lines,
                "sources": [
                    {"path": r.path, "sha256": r.sha256, "title": r.title}
                    for r in sorted(group, key=lambda r: r.path)
                ],
            }
        )
    return out


def shared_sequences(
    reports: list[_Report], min_len: int, skip_pairs: set[frozenset[str]]
) -> list[dict[str, Any]]:
    """Pairs of reports of different products whose inventories share a run of at least
    ``min_len`` significant numbers, found through shared ``min_len``-grams."""
    index: dict[tuple[str, ...], set[int]] = defaultdict(set)
    for i, rep in enumerate(reports):
        if not rep.product:
            continue
        for k in range(len(rep.numbers) - min_len + 1):
            index[tuple(rep.numbers[k : k + min_len])].add(i)
    pairs = {
        (a, b)
        for members in index.values()
        if len(members) > 1
        for a in members
        for b in members
        if a < b and reports[a].product != reports[b].product
    }
    out = []
    for a, b in sorted(pairs):
        ra, rb = reports[a], reports[b]
        if frozenset((ra.sha256, rb.sha256)) in skip_pairs:
            continue
        run = _longest_common_run(ra.numbers, rb.numbers)
        if len(run) >= min_len:
            out.append(
                {
                    "length": len(run),
                    "numbers": run,
                    "sources": [{"path": r.path, "title": r.title} for r in (ra, rb)],
                }
            )
    return sorted(out, key=lambda s: (-s["length"], s["sources"][0]["path"]))


def _longest_common_run(a: list[str], b: list[str]) -> list[str]:
    best_len, best_end = 0, 0
    prev = [0] * (len(b) + 1)
    for i in range(1, len(a) + 1):
        cur = [0] * (len(b) + 1)
        for j in range(1, len(b) + 1):
            if a[i - 1] == b[j - 1]:
                cur[j] = prev[j - 1] + 1
                if cur[j] > best_len:
                    best_len, best_end = cur[j], i
        prev = cur
    return a[best_end - best_len : best_end]
