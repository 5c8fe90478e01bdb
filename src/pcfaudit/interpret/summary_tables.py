"""Results tables that restate the detail by stage or category (summary tables), folded
into subtotals and group shares; and the parsed form of an inventory table."""

from __future__ import annotations

from dataclasses import dataclass
from fractions import Fraction

import regex

from pcfaudit.interpret.tables import TableLayout
from pcfaudit.model import InventoryLine, Quantity, ReportedValue
from pcfaudit.quantities import Interval, interval_sum
from pcfaudit.vocab.units import conversion_factor


def label_key(text: str) -> str:
    t = regex.sub(r"[(（][^)）]*[)）]", "", text)
    return regex.sub(r"[\s\p{P}]+", "", t).lower()


@dataclass
class TableInventory:
    lines: list[InventoryLine]
    totals: list[ReportedValue]
    shares: list[ReportedValue]
    layout: TableLayout | None = None


_STAGE_WORDS = regex.compile(r"(阶段|过程|环节|stage|phase|module)+$", regex.I)
_CATEGORY_HEADER = regex.compile(
    r"阶段|类别|类型|过程|环节|工序|stage|phase|category|module|scope|范围", regex.I
)


def _group_key(text: str | None) -> str:
    """A stage or category name without its 'stage' word: '原材料获取阶段' → '原材料获取'."""
    return _STAGE_WORDS.sub("", label_key(text or ""))


def _sum_interval(lines: list[InventoryLine], unit: str | None) -> Interval | None:
    """Σ results of ``lines`` in ``unit`` as an interval; None when a unit does not convert."""
    parts = []
    for line in lines:
        if line.result is None:
            continue
        k: Fraction | None = Fraction(1)
        if unit and line.result.unit and line.result.unit != unit:
            k = conversion_factor(line.result.unit, unit)
        if k is None:
            return None
        parts.append(Interval.of(line.result.number).scale(k))
    return interval_sum(parts) if parts else None


def _is_summary(t: TableInventory, detail: list[InventoryLine]) -> bool:
    """``t`` restates ``detail`` by stage or category rather than listing more lines.

    Any one of: its labels are the stages/categories (or row-group labels) of the detail
    lines; its label column is headed as a stage/category and its results add up to the
    detail's sum; or its results add up to the detail's sum with fewer rows. A table that
    computes anything (factor or quantity columns) is never a summary."""
    layout = t.layout
    rows = [ln for ln in t.lines if ln.result is not None or ln.share is not None]
    if layout is None or not rows or not detail:
        return False
    if "factor" in layout.roles or "quantity" in layout.roles:
        return False
    groups = {_group_key(ln.category) for ln in detail} | {_group_key(ln.group) for ln in detail}
    groups.discard("")
    labels = {_group_key(ln.label) for ln in rows}
    own = {_group_key(ln.label) for ln in detail}
    if labels <= groups and not labels <= own:
        return True
    unit = next((ln.result.unit for ln in rows if ln.result is not None), None)
    mine, theirs = _sum_interval(rows, unit), _sum_interval(detail, unit)
    sums_agree = mine is not None and theirs is not None and mine.meets(theirs)
    if not sums_agree or labels <= own:
        return False
    header = layout.header("label")
    return len(rows) < len(detail) or bool(_CATEGORY_HEADER.search(header))


def _as_summary(t: TableInventory) -> TableInventory:
    """A summary table's rows as subtotals and group shares (labels kept), not lines."""
    row_locations = {ln.location for ln in t.lines}
    totals = list(t.totals)
    shares = [v for v in t.shares if v.location not in row_locations]
    for line in t.lines:
        if line.result is not None:
            totals.append(ReportedValue("subtotal", line.result, line.location, line.label))
        if line.share is not None:
            shares.append(
                ReportedValue(
                    "group-share", Quantity(line.share, "%", "%"), line.location, line.label
                )
            )
    return TableInventory([], totals, shares, t.layout)


def fold_summary_tables(tables: list[TableInventory]) -> list[TableInventory]:
    """Results tables with summary tables (by stage or category) turned into subtotals.

    The detail is the tables that compute (with factor or quantity columns), or else the
    longest one; every other results table is compared with it (see :func:`_is_summary`)."""
    if len(tables) < 2:
        return tables

    def computes(t: TableInventory) -> bool:
        return t.layout is not None and bool({"factor", "quantity"} & set(t.layout.roles))

    base = [t for t in tables if computes(t)] or [max(tables, key=lambda t: len(t.lines))]
    detail = [ln for t in base for ln in t.lines]
    out = []
    for t in tables:
        if any(t is b for b in base):
            out.append(t)
        elif _is_summary(t, detail):
            out.append(_as_summary(t))
        else:
            out.append(t)
            detail.extend(t.lines)
    return out
