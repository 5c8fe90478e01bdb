"""Rows of an inventory table that hold nothing but a result: totals and subtotals whose label
was lost in conversion, recognised by the sum they are (a row equal to the sum of a block
is that block's subtotal; of all lines, the total)."""

from __future__ import annotations

from pcfaudit.interpret.tables import TableLayout, cell_text
from pcfaudit.model import Cell, InventoryLine
from pcfaudit.quantities import Interval, interval_sum
from pcfaudit.vocab.numbers import is_blank_mark, parse_number


def bare_sum(
    row: list[Cell],
    layout: TableLayout,
    lines: list[InventoryLine],
    block_start: int,
    category: str | None,
) -> tuple[str, str] | None:
    """A row with nothing but a result (no label, gas, quantity or factor) whose result is
    the sum of the lines above it is a total — of all of them ('total', '') or of the block
    since the last total or subtotal ('subtotal', the block's stage). The label lost in
    conversion, the numbers still say what the row is. A row naming the block's stage and
    nothing else but a result that does not add up is ('unsummed', stage): a stage subtotal
    by its shape, taken as one only when other such rows of the table do add up."""
    col = layout.col
    own = {col(r) for r in ("result", "share", "category")} - {None}
    others = [c.text.strip() for i, c in enumerate(row) if i not in own]
    if any(t and not is_blank_mark(t) for t in others):
        return None
    number = parse_number(cell_text(row, col("result")))
    if number is None or is_blank_mark(cell_text(row, col("result"))):
        return None
    value = Interval.of(number)
    results = [ln.result.number for ln in lines if ln.result is not None]
    block = [ln.result.number for ln in lines[block_start:] if ln.result is not None]
    stage = cell_text(row, col("category"))
    # A stage named in the row, or a block after an earlier (sub)total: a subtotal.
    named = bool(block_start or stage) and bool(stage or category)
    if named and len(block) >= 2 and value.meets(interval_sum(Interval.of(n) for n in block)):
        return "subtotal", stage or category or ""
    if len(results) >= 2 and value.meets(interval_sum(Interval.of(n) for n in results)):
        return "total", ""
    if stage and stage == category and len(block) >= 2:
        return "unsummed", stage
    return None
