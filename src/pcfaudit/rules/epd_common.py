"""Helpers every EPD rule module shares: the grid of a matrix, where a matrix is, quoted
evidence, and the recomputed EPD checks (from :mod:`pcfaudit.recompute.epd`)."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from pcfaudit.model import Location, MatrixValue, ResultMatrix
from pcfaudit.recompute.epd import Cells, basis_key, cells
from pcfaudit.rules.engine import RuleContext
from pcfaudit.vocab.epd import EXPECTED_REFERENCE

__all__ = ["Cells", "basis_key", "cells", "checks", "in_unit_of_another", "quoted", "where"]


def where(matrix: ResultMatrix) -> str:
    return matrix.caption or matrix.location.describe()


def quoted(v: MatrixValue) -> Location:
    return v.location if v.location.quote else v.location.with_quote(v.number.text)


def checks(ctx: RuleContext, relation: str) -> Iterator[Any]:
    """The recomputed checks of one EPD relation ('gwp-total', 'pert', 'aggregate', …),
    each counted for coverage as it is read."""
    prefix = f"epd:{relation}:"
    for check in ctx.checks:
        if getattr(check, "id", "").startswith(prefix):
            yield check


def table_of(check: Any) -> str:
    """The table index a check id names ('epd:pert:3:A5' → '3')."""
    parts = str(check.id).split(":")
    return parts[2] if len(parts) > 2 else ""


def in_unit_of_another(indicator: str, unit: str | None) -> bool:
    """The row's unit is the reference substance of another indicator (what EP027 reports)."""
    allowed = EXPECTED_REFERENCE.get(indicator) if indicator != "EP" else None
    if allowed is None or unit is None or unit in allowed:
        return False
    return any(
        unit in units for i, units in EXPECTED_REFERENCE.items() if i not in ("EP", indicator)
    )
