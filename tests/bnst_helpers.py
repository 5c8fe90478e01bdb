"""Shared helpers for the boundary / narrative / structure / temporal / extraction rule tests."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

from pcfaudit.interpret import type_lines
from pcfaudit.interpret.named_subjects import name_subjects
from pcfaudit.model import (
    ExtractionStats,
    Finding,
    InventoryLine,
    Location,
    Number,
    Quantity,
    Report,
)
from pcfaudit.rules import REGISTRY, load_catalog
from pcfaudit.rules.engine import RuleContext

ROOT = Path(__file__).resolve().parents[1]
SEED_000 = ROOT / "fixtures/seeds/000_e5f01d6d6220347d.txt"
SEED_002 = ROOT / "fixtures/seeds/002_37b7dd170cf4d869.txt"
SYN = ROOT / "fixtures/synthetic"


def audit_findings(path: Path, prefix: str) -> list[Finding]:
    from pcfaudit.pipeline import audit

    return [f for f in audit(path).findings if f.rule.startswith(prefix)]


def run(code: str, report: Report, **ctx_args: object) -> tuple[list[Finding], RuleContext]:
    name_subjects(report)  # what interpret resolves once the report is assembled
    ctx = RuleContext(report=report, catalog=load_catalog(), **ctx_args)  # type: ignore[arg-type]
    return list(REGISTRY[code](ctx)), ctx


def loc(line: int, quote: str = "") -> Location:
    return Location(line=line, quote=quote or None)


def num(text: str) -> Number:
    return Number(text, Decimal(text), decimals=len(text.split(".")[1]) if "." in text else 0)


def line(
    label: str,
    result: str | None,
    *,
    category: str | None = None,
    quantity: str | None = "1",
    marks: dict[str, str] | None = None,
    row: int = 1,
) -> InventoryLine:
    made = InventoryLine(
        label=label,
        location=Location(line=100 + row, table=0, row=row, quote=label),
        quantity=Quantity(num(quantity), "t", "t") if quantity is not None else None,
        result=Quantity(num(result), "tCO2e", "tCO2e") if result is not None else None,
        category=category,
        marks=marks or {},
        table=0,
    )
    type_lines([made])  # the stage and carrier interpret reads from the words
    return made


def stats(characters: int, garbled: int = 0, pages_without_text: int = 0) -> ExtractionStats:
    return ExtractionStats(
        characters=characters, garbled_characters=garbled, pages_without_text=pages_without_text
    )


def quotes(f: Finding) -> str:
    return " ".join(loc.quote or "" for loc in f.locations)
