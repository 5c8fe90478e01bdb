"""Run the tool on a corpus and score it: recall per category / operator / format, false
positives per clean report by severity, misses and offending rules with a sample file each.

A mutant is *found* when it has a finding of the operator's category whose
(rule, category, fingerprint) its clean parent (same seed, same format) does not have.
"""

from __future__ import annotations

import json
import subprocess
import sys
from collections import Counter, defaultdict
from concurrent.futures import ProcessPoolExecutor
from dataclasses import asdict, dataclass, field
from typing import Any

SEVERITIES = ("error", "warning", "info")


@dataclass
class Item:
    path: str
    format: str  # txt | docx | pdf
    seed: int
    template: str
    op: str  # "clean" for a clean report
    category: str  # expected category ("" for clean)
    note: str = ""


@dataclass
class Audited:
    item: Item
    findings: list[dict[str, str]] = field(default_factory=list)
    error: str = ""  # the tool failed on the file


def _slim(data: dict[str, Any]) -> list[dict[str, str]]:
    keys = ("rule", "category", "severity", "fingerprint", "message")
    return [{k: str(f.get(k) or "") for k in keys} for f in data.get("findings", [])]


def audit_file(path: str, use_subprocess: bool = False) -> tuple[list[dict[str, str]], str]:
    try:
        if use_subprocess:
            proc = subprocess.run(
                [sys.executable, "-m", "pcfaudit", "check", path, "--format", "json"],
                capture_output=True,
                text=True,
                timeout=300,
            )
            if proc.returncode not in (0, 1) or not proc.stdout.strip():
                last = (proc.stderr.strip().splitlines() or ["no output"])[-1]
                return [], f"exit {proc.returncode}: {last}"
            return _slim(json.loads(proc.stdout)), ""
        from pcfaudit.pipeline import audit
        from pcfaudit.render.json_out import result_data

        return _slim(result_data(audit(path), "en")), ""
    except Exception as exc:  # a crash is a result to report, not a reason to stop the run
        return [], f"{type(exc).__name__}: {exc}"


def _job(args: tuple[Item, bool]) -> Audited:
    item, sub = args
    findings, error = audit_file(item.path, sub)
    return Audited(item, findings, error)


def run_all(items: list[Item], workers: int = 2, use_subprocess: bool = False) -> list[Audited]:
    jobs = [(item, use_subprocess) for item in items]
    if workers <= 1:
        return [_job(j) for j in jobs]
    with ProcessPoolExecutor(max_workers=workers) as pool:
        return list(pool.map(_job, jobs, chunksize=4))


def _key(f: dict[str, str]) -> tuple[str, str, str]:
    return (f["rule"], f["category"], f["fingerprint"] or f["message"])


def score(results: list[Audited]) -> dict[str, Any]:
    """Plain-data scores; see the module docstring for what counts as found."""
    parents = {(a.item.seed, a.item.format): a for a in results if a.item.op == "clean"}
    by_cat: dict[str, Counter[str]] = defaultdict(Counter)
    by_op: dict[str, Counter[str]] = defaultdict(Counter)
    by_fmt: dict[str, Counter[str]] = defaultdict(Counter)
    by_tpl: dict[str, Counter[str]] = defaultdict(Counter)
    misses: list[dict[str, Any]] = []
    for a in results:
        it = a.item
        if it.op == "clean":
            continue
        parent = parents.get((it.seed, it.format))
        old = {_key(f) for f in parent.findings} if parent else set()
        new = [f for f in a.findings if _key(f) not in old]
        hit = [f for f in new if f["category"] == it.category]
        tainted = bool(parent and any(f["category"] == it.category for f in parent.findings))
        for counter in (by_cat[it.category], by_op[it.op], by_fmt[it.format], by_tpl[it.template]):
            counter["n"] += 1
            counter["found"] += bool(hit)
            if not tainted:
                counter["n_strict"] += 1
                counter["found_strict"] += bool(hit)
        if not hit:
            others = sorted({f"{f['rule']}({f['category']})" for f in new})
            misses.append({"op": it.op, "category": it.category, "format": it.format,
                           "path": it.path, "note": it.note, "error": a.error,
                           "new_findings_other_categories": others})  # fmt: skip
    clean = [a for a in results if a.item.op == "clean"]
    sev: Counter[str] = Counter()
    rules: dict[tuple[str, str, str], dict[str, Any]] = {}
    for a in clean:
        for f in a.findings:
            sev[f["severity"]] += 1
            entry = rules.setdefault((f["rule"], f["category"], f["severity"]),
                                     {"count": 0, "reports": set(), "sample": a.item.path,
                                      "message": f["message"][:240]})  # fmt: skip
            entry["count"] += 1
            entry["reports"].add(a.item.path)
    fp_rules = sorted(
        ({"rule": r, "category": c, "severity": s, "count": e["count"],
          "reports": len(e["reports"]), "sample": e["sample"], "message": e["message"]}
         for (r, c, s), e in rules.items()),
        key=lambda d: (-SEVERITIES[::-1].index(d["severity"]), -d["reports"]),
    )  # fmt: skip
    n_clean = max(len(clean), 1)

    def rate(counter: Counter[str]) -> dict[str, Any]:
        n, ns = counter["n"], counter["n_strict"]
        return {"n": n, "found": counter["found"], "recall": round(counter["found"] / n, 3) if n else None,
                "n_strict": ns, "recall_strict": round(counter["found_strict"] / ns, 3) if ns else None}  # fmt: skip

    fp_fmt: dict[str, Counter[str]] = defaultdict(Counter)
    fp_tpl: dict[str, Counter[str]] = defaultdict(Counter)
    for a in clean:
        for counter in (fp_fmt[a.item.format], fp_tpl[a.item.template]):
            counter["reports"] += 1
            for f in a.findings:
                counter[f["severity"]] += 1
    return {
        "recall_by_category": {k: rate(v) for k, v in sorted(by_cat.items())},
        "recall_by_operator": {k: rate(v) for k, v in sorted(by_op.items())},
        "recall_by_format": {k: rate(v) for k, v in sorted(by_fmt.items())},
        "recall_by_template": {k: rate(v) for k, v in sorted(by_tpl.items())},
        "clean_reports": len(clean),
        "false_positives_per_clean_report": {s: round(sev[s] / n_clean, 3) for s in SEVERITIES},
        "false_positives_by_format": {
            fmt: {s: round(c[s] / max(c["reports"], 1), 3) for s in SEVERITIES}
            for fmt, c in sorted(fp_fmt.items())
        },
        "false_positives_by_template": {
            tpl: {s: round(c[s] / max(c["reports"], 1), 3) for s in SEVERITIES}
            for tpl, c in sorted(fp_tpl.items())
        },
        "false_positive_rules": fp_rules,
        "misses": misses,
        "tool_errors": [{"path": a.item.path, "error": a.error} for a in results if a.error],
    }


def items_to_json(items: list[Item]) -> list[dict[str, Any]]:
    return [asdict(i) for i in items]
