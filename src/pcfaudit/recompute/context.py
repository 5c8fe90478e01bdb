"""What every relation reads: the inventory lines, the grand total and the row groups."""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass, field
from fractions import Fraction
from functools import lru_cache
from typing import Any

import regex

from pcfaudit.model import InventoryLine, Report, ReportedValue
from pcfaudit.vocab.units import conversion_factor

# --------------------------------------------------------------------------- the report


_BRACKETED = regex.compile(r"[(（][^()（）]*[)）]")
_PUNCTUATION = regex.compile(r"[\s\p{P}\p{S}]+")


@lru_cache(maxsize=8192)  # relations compare the same labels over and over
def norm_label(text: str | None) -> str:
    t = unicodedata.normalize("NFKC", text or "")
    t = _BRACKETED.sub("", t)
    return _PUNCTUATION.sub("", t).lower()


def _loose(key: str) -> str:
    """A prose label reduced to its noun: '原材料的获取过程' → '原料', '电的获取' → '电'."""
    key = key.replace("原材料", "原料").replace("的", "")
    return regex.sub(r"(获取|过程|阶段|acquisition|production|process)+$", "", key)


def _is_grand_total(value: ReportedValue, groups: set[str]) -> bool:
    return value.kind != "subtotal" and norm_label(value.label) not in groups


@dataclass
class Ctx:
    report: Report
    lines: list[tuple[int, InventoryLine]]  # (index in report.inventory, line)
    total: ReportedValue | None  # the first grand total
    total_value: Fraction | None  # in ``total_unit``
    total_unit: str | None
    groups: dict[str, list[tuple[int, InventoryLine]]]
    # Tables whose share columns are shares of each row's own total (found by relation
    # discovery): their shares do not add up down a column.
    row_share_tables: set[int] = field(default_factory=set)
    # Grids with a total column (relation discovery) and, per table, (total, summed columns).
    total_grids: list[Any] = field(default_factory=list)
    sum_columns: dict[int, tuple[int, list[int]]] = field(default_factory=dict)

    def total_in(self, unit: str | None) -> Fraction | None:
        if self.total_value is None:
            return None
        k = conversion_factor(self.total_unit, unit) if self.total_unit and unit else Fraction(1)
        return self.total_value * k if k is not None else None


def totals_of(report: Report) -> tuple[list[ReportedValue], str]:
    """The totals and how to cite them. Without a production volume, a report's result
    per functional unit *is* its total (the inventory is per functional unit)."""
    if report.totals or report.production:
        return report.totals, "totals"
    return report.per_unit, "per_unit"


def build_context(report: Report) -> Ctx:
    lines = list(enumerate(report.inventory))
    groups: dict[str, list[tuple[int, InventoryLine]]] = {}
    for i, line in lines:
        for name in {norm_label(line.group), norm_label(line.category)} - {""}:
            groups.setdefault(name, []).append((i, line))
    grand = [t for t in totals_of(report)[0] if _is_grand_total(t, set(groups))]
    total = grand[0] if grand else None
    return Ctx(
        report,
        lines,
        total,
        Fraction(total.quantity.number.value) if total else None,
        total.quantity.unit if total else None,
        groups,
    )


def find_lines(ctx: Ctx, label: str | None) -> list[tuple[int, InventoryLine]]:
    key = norm_label(label)
    if not key:
        return []
    exact = [(i, ln) for i, ln in ctx.lines if norm_label(ln.label) == key and ln.gas is None]
    if not exact:
        exact = [(i, ln) for i, ln in ctx.lines if norm_label(ln.label) == key]
    if exact:
        return exact
    if key in ctx.groups:
        return ctx.groups[key]
    loose = _loose(key)
    if not loose:
        return []
    hits = [(i, ln) for i, ln in ctx.lines if _loose(norm_label(ln.label)) == loose]
    if hits:
        return hits
    names = [g for g in ctx.groups if _loose(g) == loose]
    return ctx.groups[names[0]] if len(names) == 1 else []
