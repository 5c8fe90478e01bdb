"""Baselines: accept today's findings so a CI gate fails only on new ones, and compare two
audits of a report (an old version and a new one).

``add_waivers`` appends the fingerprint of every open finding to a waiver file (the format
:mod:`pcfaudit.config` reads), each with its rule and place as a comment so a reviewer can
see what was accepted. ``diff`` matches findings of two JSON audits by fingerprint, which
is stable across runs and small edits of the report (rule + normalised quoted evidence).
"""

from __future__ import annotations

import datetime
import json
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from pcfaudit.model import SEVERITY_RANK, AuditResult, Location


class BaselineError(ValueError):
    """An audit file that cannot be compared (one-line message)."""


def _toml_string(text: str) -> str:
    # JSON's escapes (\\", \\\\, \\n, \\uXXXX) are TOML basic-string escapes too.
    return json.dumps(text, ensure_ascii=False)


def add_waivers(
    path: Path, results: Iterable[AuditResult], reviewer: str, reason: str | None = None
) -> int:
    """Append a waiver for each open finding not yet in ``path``; the number added."""
    existing = path.read_text(encoding="utf-8") if path.exists() else ""
    known = {line.split("=", 1)[1].strip().strip('"') for line in existing.splitlines()
             if line.strip().startswith("fingerprint")}  # fmt: skip
    today = datetime.datetime.now(datetime.UTC).date().isoformat()
    reason = reason or f"baseline accepted on {today}"
    entries: list[str] = []
    for result in results:
        for f in result.findings:
            if f.waived or not f.fingerprint or f.fingerprint in known:
                continue
            known.add(f.fingerprint)
            where = f.locations[0].describe() if f.locations else "document"
            title = " ".join(f.title.split())
            entries.append(
                f"# {f.rule} {title} · {result.source.get('path', '')} · {where}\n"
                f"[[waiver]]\nfingerprint = {_toml_string(f.fingerprint)}\n"
                f"reason = {_toml_string(reason)}\nreviewer = {_toml_string(reviewer)}\n"
            )
    if entries:
        separator = "" if not existing or existing.endswith("\n\n") else (
            "\n" if existing.endswith("\n") else "\n\n"
        )
        path.write_text(existing + separator + "\n".join(entries), encoding="utf-8")
    return len(entries)


# ------------------------------------------------------------------------------- diff


@dataclass
class Diff:
    resolved: list[dict[str, Any]] = field(default_factory=list)
    still_open: list[dict[str, Any]] = field(default_factory=list)
    new: list[dict[str, Any]] = field(default_factory=list)

    def worst_new(self) -> int:
        """The rank of the most severe new finding, -1 when there is none."""
        return max((SEVERITY_RANK.get(f.get("severity", "info"), 0) for f in self.new), default=-1)


def load_audits(path: Path) -> list[dict[str, Any]]:
    """The audit objects of a ``check -f json`` (one object or an array) or ``jsonl`` file."""
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise BaselineError(f"{path}: cannot read ({exc})") from None
    try:
        data = json.loads(text)
    except json.JSONDecodeError:
        try:
            data = [json.loads(line) for line in text.splitlines() if line.strip()]
        except json.JSONDecodeError as exc:
            raise BaselineError(f"{path}: not pcfaudit JSON output ({exc.msg})") from None
    audits = data if isinstance(data, list) else [data]
    if not audits or not all(isinstance(a, dict) and "findings" in a for a in audits):
        raise BaselineError(f"{path}: not pcfaudit JSON output (no findings list)")
    return audits


def _open(audits: list[dict[str, Any]]) -> dict[str, dict[str, Any]]:
    out: dict[str, dict[str, Any]] = {}
    for audit in audits:
        for f in audit["findings"]:
            if not f.get("waived") and f.get("fingerprint"):
                out.setdefault(f["fingerprint"], {**f, "path": audit.get("source", {}).get("path")})
    return out


def diff(old: list[dict[str, Any]], new: list[dict[str, Any]]) -> Diff:
    """Open findings of ``old`` no longer in ``new`` (resolved), in both (still open), and
    only in ``new`` (new), each list in the order the audits give."""
    before, after = _open(old), _open(new)
    return Diff(
        resolved=[f for k, f in before.items() if k not in after],
        still_open=[f for k, f in after.items() if k in before],
        new=[f for k, f in after.items() if k not in before],
    )


def _where(f: dict[str, Any], lang: str) -> str:
    from pcfaudit.render.common import describe_location

    loc = dict((f.get("locations") or [{}])[0])
    loc.pop("quote", None)
    loc.pop("section", None)
    if loc.get("bbox") is not None:
        loc["bbox"] = tuple(loc["bbox"])
    try:
        return describe_location(Location(**loc), lang)
    except TypeError:  # a location from another pcfaudit version
        return ""


def render_diff(result: Diff, lang: str = "en", fmt: str = "text") -> str:
    from pcfaudit.i18n import label

    if fmt == "json":
        return json.dumps(
            {"resolved": result.resolved, "still_open": result.still_open, "new": result.new},
            ensure_ascii=False,
            indent=2,
        ) + "\n"
    out = []
    for key, items in (("new", result.new), ("still_open", result.still_open),
                       ("resolved", result.resolved)):  # fmt: skip
        out.append(f"{label(lang, f'diff.{key}')} ({len(items)})")
        for f in items:
            out.append(
                f"  {f.get('severity', ''):<8}{f['rule']:<7} {_where(f, lang):<18} "
                f"{' '.join((f.get('message') or f.get('title') or '').split())[:110]}"
            )
        out.append("")
    return "\n".join(out)
