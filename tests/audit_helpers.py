"""Helpers for rule tests that go through the whole pipeline (one cached audit per file)."""

from __future__ import annotations

from functools import cache
from pathlib import Path

from pcfaudit.model import AuditResult, Finding
from pcfaudit.pipeline import audit

ROOT = Path(__file__).resolve().parents[1]
SYN = ROOT / "fixtures" / "synthetic"
SEEDS = ROOT / "fixtures" / "seeds"


@cache
def run(path: Path) -> AuditResult:
    return audit(path)


def of(path: Path, code: str) -> list[Finding]:
    """The findings of rule ``code`` in the audit of ``path``."""
    return [f for f in run(path).findings if f.rule == code]


def quotes(f: Finding) -> str:
    return " ¦ ".join(loc.quote or "" for loc in f.locations)
