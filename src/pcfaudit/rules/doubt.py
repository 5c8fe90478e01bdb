"""Doubt before accusing: tests a rule runs on its own evidence before it reports.

A share column that "does not add up to 100 %" is often a table whose shares run along the
rows (each treatment's stages add to 100 %) or a sum across several tables. Before saying
the shares are wrong, look at the quoted rows: when the same columns of every row add to
100 % within rounding, the table is read in the wrong orientation, not wrong.
"""

from __future__ import annotations

from collections.abc import Iterable
from decimal import Decimal
from fractions import Fraction
from itertools import combinations
from typing import Any

import regex

from pcfaudit.model import Confidence, Location

_BARE_NUMBER = regex.compile(r"^\s*(\d{1,3}(?:\.(\d+))?)\s*%?\s*$")
_MAX_COLUMNS = 14  # 2^14 column subsets at most


def _cells(quote: str) -> dict[int, tuple[Decimal, Decimal]]:
    """Column index → (value, half a unit in its last place) for cells that are a bare
    number between 0 and 100."""
    out: dict[int, tuple[Decimal, Decimal]] = {}
    for i, cell in enumerate(quote.split("|")):
        m = _BARE_NUMBER.match(cell)
        if not m:
            continue
        value = Decimal(m.group(1))
        if value > 100:
            continue
        decimals = len(m.group(2) or "")
        out[i] = (value, Decimal(5) / Decimal(10) ** (decimals + 1))
    return out


def _adds_to_hundred(cells: dict[int, tuple[Decimal, Decimal]], cols: tuple[int, ...]) -> bool:
    if any(c not in cells for c in cols):
        return False
    total = sum((cells[c][0] for c in cols), Decimal(0))
    slack = sum((cells[c][1] for c in cols), Decimal(0)) + Decimal("0.001")
    return abs(total - 100) <= slack


def rows_add_to_hundred(rows: list[str]) -> bool:
    """The same columns (two or more) of at least two thirds of ``rows`` (and at least two
    rows) add to 100 within their rounding."""
    parsed = [_cells(r) for r in rows]
    parsed = [p for p in parsed if len(p) >= 2]
    if len(parsed) < 2:
        return False
    columns = sorted(set().union(*parsed))
    if len(columns) > _MAX_COLUMNS:
        return False
    need = max(2, -(-2 * len(parsed) // 3))
    for size in range(2, len(columns) + 1):
        for cols in combinations(columns, size):
            if sum(_adds_to_hundred(p, cols) for p in parsed) >= need:
                return True
    return False


def tables_with_row_shares(checks: Iterable[Any]) -> set[int]:
    """Tables whose share checks quote rows that each add up to 100 % along the row."""
    rows: dict[int, dict[int | None, str]] = {}
    for check in checks:
        if check.relation not in ("share", "share-sum", "group-share", "group-share-sum"):
            continue
        for loc in check.locations:
            if loc.table is not None and loc.quote:
                rows.setdefault(loc.table, {})[loc.row] = loc.quote
    return {t for t, by_row in rows.items() if rows_add_to_hundred(list(by_row.values()))}


def passing_readings(checks: Iterable[Any]) -> set[tuple[str, Any, str | None]]:
    """(relation, label, first quote) of every passing check: what alternative_holds looks
    up, built once per rule instead of scanning every check for every failure."""
    return {
        (c.relation, c.label, c.locations[0].quote)
        for c in checks
        if c.status == "pass" and c.locations
    }


def alternative_holds(
    check: Any,
    checks: Iterable[Any],
    inventory: list[Any] | None = None,
    passing: set[tuple[str, Any, str | None]] | None = None,
) -> bool:
    """Another reading of the same evidence holds: a passing check of the same relation
    that quotes the same sentence or row first ("145676 kgCO2e ÷ 5000 把 = 29.14 kgCO2e/把"
    gives two candidate per-unit values; 29.14 holds), or a text computation whose own
    sentence prints the table's value ("以 2% 计，即年泄漏 0.4 kg" and a table 0.4 kg), or a
    total that holds with the stage subtotals left out."""
    if check.relation == "text-computation" and _prints(check.locations[1:], check.reported):
        return True
    if inventory is not None and subtotals_explain(check, inventory):
        return True
    if not check.locations:
        return False
    # The same quantity (same label, not a neighbour in the sentence), read from the same
    # sentence or row, passing. A failing check is never in the passing set itself.
    if passing is None:
        passing = passing_readings(checks)
    return (check.relation, check.label, check.locations[0].quote) in passing


_INPUT = regex.compile(r"^inventory\[(\d+)\]$")


def _half(text: str) -> Decimal:
    _, _, frac = text.partition(".")
    return Decimal(5) / Decimal(10) ** (len(frac) + 1)


def subtotals_explain(check: Any, inventory: list[Any]) -> bool:
    """A failing total that holds once rows summing the rows above them are left out: rows
    with no quantity and no factor whose result is the sum of the lines since the previous
    such row are subtotals (a stage's "小计"), counted twice if summed with their lines."""
    if check.relation not in ("total", "subtotal") or not check.reported:
        return False
    lines = [
        inventory[int(m.group(1))]
        for ref in check.inputs
        if (m := _INPUT.match(ref)) and int(m.group(1)) < len(inventory)
    ]
    tables = {x.table for x in lines}
    if len(tables) != 1:
        return False
    # Every row of the table, also those the recomputation already left out.
    lines = [x for x in inventory if x.table in tables and x.result is not None]
    lines.sort(key=lambda x: x.location.row or 0)
    kept: list[Any] = []
    run: list[Any] = []
    found = False
    for line in lines:
        value, text = line.result.number.value, line.result.number.text
        if line.quantity is None and line.factor is None and run:
            total = sum((x.result.number.value for x in run), Decimal(0))
            slack = sum((_half(x.result.number.text) for x in run), _half(text))
            if abs(total - value) <= slack:
                found, run = True, []
                continue
        kept.append(line)
        run.append(line)
    if not found:
        return False
    total = sum((x.result.number.value for x in kept), Decimal(0))
    slack = sum((_half(x.result.number.text) for x in kept), _half(check.reported))
    try:
        reported = Decimal(check.reported.replace(",", "").replace(" ", ""))
    except ArithmeticError:
        return False
    return abs(total - reported) <= slack


def _prints(locations: list[Location], value: str | None) -> bool:
    if not value:
        return False
    pattern = regex.compile(rf"(?<![\d.]){regex.escape(value)}(?![\d])")
    return any(pattern.search(loc.quote or "") for loc in locations)


def share_doubt(locations: list[Location], along_rows: set[int]) -> str | None:
    """Why a failing share relation is no defect, or None: the shares quoted run along the
    rows of their table, or they come from several tables (no single composition)."""
    tables = {loc.table for loc in locations if loc.table is not None}
    if tables and tables <= along_rows:
        return "the shares of each row add up to 100 % along the row"
    if len(tables) > 1:
        return "the shares come from several tables, not one composition"
    return None


# Deviations a misreading explains better than a defect: a total that counts its subtotals
# twice (+100 %), half of the lines (-50 %), a value read from an empty cell (-100 %).
_SUSPECT_RATIOS = {
    Fraction(
        1
    ): "the value is exactly twice the recomputed one (subtotals summed with their lines?)",
    Fraction(
        -1, 2
    ): "the value is exactly half the recomputed one (a subtotal taken for the total?)",
    Fraction(-1): "the value is -100 % off (an empty or unread cell?)",
}
_RATIO_SLACK = Fraction(1, 200)


def _frac(text: str | None) -> Fraction | None:
    try:
        return Fraction(text) if text else None
    except (ValueError, ZeroDivisionError):
        return None


_TRIED = {
    "total": "alternatives tried: stage subtotals left out, another reading of the same total",
    "subtotal": "alternatives tried: nested subtotals left out",
    "share": "alternatives tried: shares along the rows, unrounded results",
    "share-sum": "alternatives tried: shares along the rows, one table at a time",
    "per-unit": "alternatives tried: other per-unit values of the same sentence",
    "text-computation": "alternatives tried: the value the sentence itself prints",
}


def _holds_on(check: Any, checks: Iterable[Any], tables: list[int]) -> str | None:
    """'relation holds on 11 of 12 rows of table 3' for a relation checked row by row."""
    if len(tables) != 1:
        return None
    same = [
        c
        for c in checks
        if c.relation == check.relation
        and c.status in ("pass", "fail", "truncated")
        and any(loc.table == tables[0] for loc in c.locations)
    ]
    if len(same) < 2:
        return None
    held = sum(c.status == "pass" for c in same)
    return f"the {check.relation} relation holds on {held} of {len(same)} rows of table {tables[0] + 1}"


def check_confidence(check: Any, checks: Iterable[Any] = ()) -> Confidence:
    """How sure a recomputed relation's failure is, and why: where the numbers were read,
    how the relation was recomputed, which alternative explains the gap. A deviation so
    large that a misreading is the likelier cause makes the reading low-confidence."""
    tables = sorted({loc.table for loc in check.locations if loc.table is not None})
    where = (
        f"read from table {tables[0] + 1}"  # Location.table counts from 0
        if len(tables) == 1
        else f"read from {len(tables)} tables"
        if tables
        else "read from the text"
    )
    how = f"{check.relation} relation recomputed from the printed values with their rounding"
    parts = [where, how]
    holds = _holds_on(check, checks, tables)
    if holds:
        parts.append(holds)
    if check.relation in _TRIED:
        parts.append(_TRIED[check.relation])
    if check.diagnosis is not None:
        parts.append(f"alternative that fits: {check.diagnosis.code}")
    if check.note:
        parts.append(check.note)
    deviation = _frac(check.deviation)
    if deviation is not None:
        for ratio, why in _SUSPECT_RATIOS.items():
            if abs(deviation - ratio) <= _RATIO_SLACK and check.diagnosis is None:
                return Confidence("low", "; ".join([why, *parts]))
    reported = _frac(check.reported)
    if check.relation.endswith("share-sum") and reported is not None and reported >= 150:
        k = round(reported / 100)
        return Confidence(
            "low", f"the shares add to about {k} × 100 % (several compositions summed?); {where}"
        )
    return Confidence("high" if len(tables) == 1 else "medium", "; ".join(parts))
