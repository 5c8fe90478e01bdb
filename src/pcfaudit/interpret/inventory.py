"""Inventory tables → inventory lines, totals and shares.

Handles the shapes reports print: one row per line; row groups where one label spans its
CO2/CH4/N2O rows and the quantity sits in any one row of the group; a results table and a
shares table for the same lines (merged by label); an input list (quantities and units
without results) whose quantities belong to the results table's lines; cells marked '/',
'—' or left empty (kept as marks, never read as zero).
"""

from __future__ import annotations

import regex

from pcfaudit.interpret.roles_from_numbers import unit_of_cell
from pcfaudit.interpret.sum_rows import bare_sum
from pcfaudit.interpret.summary_tables import TableInventory, fold_summary_tables, label_key
from pcfaudit.interpret.tables import (
    GAS_FORMULA,
    TableLayout,
    cell_text,
    is_subtotal_label,
    is_total_label,
    layout_of,
    read_as_lines_in_columns,
    transposed,
)
from pcfaudit.model import Cell, Document, InventoryLine, Location, Quantity, ReportedValue, Table
from pcfaudit.vocab.numbers import is_blank_mark, parse_number
from pcfaudit.vocab.units import normalise_unit

_PAREN = regex.compile(r"[(（]([^()（）]{1,24})[)）]")
_CO2E_CONTEXT = regex.compile(r"CO2|CO₂|当量|e\b|eq", regex.I)


def canonical_gas(text: str) -> str | None:
    t = regex.sub(r"\s+", "", text).translate(str.maketrans("₂₄₆", "246"))
    if not GAS_FORMULA.match(t):
        return None
    up = t.upper()
    if up.startswith("HFC") and "-" not in up:
        up = "HFC-" + up[3:]
    return (
        up.replace("HFC-134A", "HFC-134a")
        .replace("HFC-143A", "HFC-143a")
        .replace("HFC-152A", "HFC-152a")
    )


def _unit_in(text: str) -> tuple[str | None, str]:
    """The unit printed in parentheses in a header or label: ('MWh', 'MWh')."""
    for m in _PAREN.finditer(text):
        inner = m.group(1).strip()
        unit = normalise_unit(inner)
        if unit:
            return unit, inner
    return None, ""


def _result_unit(header: str) -> tuple[str | None, str]:
    unit, text = _unit_in(header)
    if unit is None:
        m = regex.search(r"([kKmM]?g|t)\s*CO[2₂]\s*(?:-?\s*eq\b|e\b)?", header)
        if m:
            return normalise_unit(m.group(0)), m.group(0)
        return None, ""
    # "CO₂当量 (t)": a mass unit under a CO2e heading is a CO2e unit.
    if unit in {"t", "kg", "g"} and _CO2E_CONTEXT.search(header):
        return normalise_unit(f"{unit}CO2e"), text
    return unit, text


def _factor_unit(header: str, quantity_unit: str | None) -> tuple[str | None, str]:
    """A factor header may offer alternatives ('tCO₂/MWh 或 tCO₂/GJ'): pick the one whose
    denominator is the line's quantity unit."""
    candidates = regex.findall(r"[kKmM]?g?t?\s*CO2\s*e?q?\s*/\s*[^\s或or,，;；)）]+", header)
    # "kgCO2e/unit", "kgCO2e/单位": per unit of whatever the row's quantity is in.
    generic = regex.compile(r"/\s*(units?|单位|计量单位)$", regex.I)
    if quantity_unit:
        candidates = [generic.sub(f"/{quantity_unit}", c) for c in candidates]
    elif any(generic.search(c) for c in candidates):
        return None, ""
    units = [(normalise_unit(c), c.strip()) for c in candidates]
    units = [(u, t) for u, t in units if u]
    if quantity_unit:
        for u, t in units:
            if u and u.split("/")[-1] == quantity_unit:
                return u, t
    if len(units) == 1:
        return units[0]
    return None, ""


def _factor_unit_cell(text: str) -> tuple[str | None, str]:
    """The factor's unit from its own column ("tCO2e/t", "kgCO2e/kWh"); only a unit per
    something counts (a bare "t" there says nothing about the denominator)."""
    unit = unit_of_cell(text) if text else None
    if unit is None or "/" not in unit:
        return None, ""
    return unit, text


def _quantity(text: str, unit: str | None, unit_text: str) -> Quantity | None:
    number = parse_number(text)
    if number is None or is_blank_mark(text):
        return None
    rest = text.strip()[len(number.text) :].strip() if text.strip().startswith(number.text) else ""
    if rest:
        own = normalise_unit(rest)
        if own:
            return Quantity(number, own, rest)
    return Quantity(number, unit, unit_text)


def _row_quote(row: list[Cell]) -> str:
    return " | ".join(c.text.strip() for c in row if c.text.strip())[:160]


def _mark(marks: dict[str, str], field: str, text: str) -> None:
    mark = is_blank_mark(text)
    if mark is not None:
        marks[field] = mark


def lines_from_table(table: Table, index: int, layout: TableLayout) -> TableInventory:
    rows = table.rows[layout.header_rows :]
    col = layout.col
    result_unit, result_unit_text = _result_unit(layout.header("result"))
    if result_unit is None and layout.result_unit:
        result_unit = layout.result_unit  # what the factors' units establish (no header)
    quantity_header = layout.header("quantity")
    lines: list[InventoryLine] = []
    totals: list[ReportedValue] = []
    shares: list[ReportedValue] = []
    group_label: str | None = None
    group_unit: tuple[str | None, str] = (None, "")
    group_lines: list[InventoryLine] = []
    group_cell: Location | None = None
    # A stage/category cell printed once for a block of rows (merged vertically, or left
    # empty in the rows of a CO2/CH4/N2O group) holds for the rows below it.
    last_category: str | None = None

    def close_group() -> None:
        _spread_group_quantity(group_lines)

    block_start = 0  # the first line after the last total or subtotal row
    # Rows with nothing but a result: sums of the lines above (subtotals, the total), and
    # rows of a stage subtotal's shape that do not add up (subtotals only if others do).
    summed: list[ReportedValue] = []
    unsummed: list[ReportedValue] = []
    for row in rows:
        if not any(c.text.strip() for c in row):
            continue
        label_text = cell_text(row, col("label"))
        location = row[0].location.with_quote(_row_quote(row))
        lead = _lead_text(row)
        bare = None
        if not (is_total_label(lead) or is_subtotal_label(lead)):
            bare = bare_sum(row, layout, lines, block_start, last_category)
        if bare is not None:
            kind, label_text = bare
            number = parse_number(cell_text(row, col("result")))
            assert number is not None
            value = ReportedValue(
                kind="subtotal" if kind == "unsummed" else kind,
                quantity=Quantity(number, result_unit, result_unit_text),
                location=location,
                label=label_text,
            )
            (unsummed if kind == "unsummed" else summed).append(value)
            block_start = len(lines)
            continue
        if is_total_label(lead) or is_subtotal_label(lead):
            block_start = len(lines)
            label_text = lead
            kind = "total" if is_total_label(lead) else "subtotal"
            value_text = cell_text(row, col("result")) or _last_number(row)
            number = parse_number(value_text) if value_text else None
            if number is not None:
                unit, unit_text = _unit_in(label_text)
                if unit in {"t", "kg"}:
                    unit = normalise_unit(f"{unit}CO2e")
                totals.append(
                    ReportedValue(
                        kind=kind,
                        quantity=Quantity(
                            number, unit or result_unit, unit_text or result_unit_text
                        ),
                        location=location,
                        label=label_text,
                    )
                )
            share_text = cell_text(row, col("share"))
            share = parse_number(share_text) if share_text else None
            if share is not None and kind == "total":
                shares.append(
                    ReportedValue("share-total", Quantity(share, "%", "%"), location, label_text)
                )
            continue
        gas_text = cell_text(row, col("gas"))
        gas = canonical_gas(gas_text) if gas_text else None
        label_col = col("label")
        label_cell = row[label_col] if label_col is not None and label_col < len(row) else None
        if label_cell is not None and label_cell.rowspan > 1 and label_cell.location == group_cell:
            # DOCX and PDF repeat a vertically merged label in each row it spans.
            label_text = ""
        elif label_text and label_cell is not None:
            group_cell = label_cell.location
        if label_text:
            close_group()
            group_label = label_text
            group_lines = []
            unit_text_cell = cell_text(row, col("unit"))
            group_unit = (
                (normalise_unit(unit_text_cell), unit_text_cell)
                if unit_text_cell
                else _unit_in(label_text)
            )
            if group_unit[0] is None:
                group_unit = _unit_in(quantity_header)
        elif group_label is None:
            continue
        label = group_label or ""
        category = cell_text(row, col("category")) or None
        if category is not None and is_blank_mark(category) is None:
            last_category = category
        elif col("category") is not None:
            category = last_category
        marks: dict[str, str] = {}
        q_text = cell_text(row, col("quantity"))
        f_text = cell_text(row, col("factor"))
        g_text = cell_text(row, col("gwp"))
        r_text = cell_text(row, col("result"))
        s_text = cell_text(row, col("share"))
        for name, text, present in (
            ("quantity", q_text, col("quantity") is not None),
            ("factor", f_text, col("factor") is not None),
            ("gwp", g_text, col("gwp") is not None),
            ("result", r_text, col("result") is not None),
            ("share", s_text, col("share") is not None),
        ):
            if present:
                _mark(marks, name, text)
        quantity = _quantity(q_text, *group_unit) if q_text else None
        factor_unit = _factor_unit_cell(cell_text(row, col("factor-unit")))
        if factor_unit[0] is None:
            factor_unit = _factor_unit(layout.header("factor"), group_unit[0])
        factor = _quantity(f_text, *factor_unit) if f_text else None
        gwp = parse_number(g_text) if g_text and not is_blank_mark(g_text) else None
        result = _quantity(r_text, result_unit, result_unit_text) if r_text else None
        share = parse_number(s_text) if s_text and not is_blank_mark(s_text) else None
        line = InventoryLine(
            label=label,
            location=location,
            group=group_label if (gas or not label_text) else None,
            gas=gas,
            quantity=quantity,
            factor=factor,
            gwp=gwp,
            result=result,
            share=share,
            category=category,
            marks=marks,
            table=index,
        )
        lines.append(line)
        group_lines.append(line)
        if share is not None:
            shares.append(ReportedValue("share", Quantity(share, "%", "%"), location, label))
    close_group()
    _mark_groups(lines)
    totals += summed + (unsummed if summed else [])
    return TableInventory(lines, totals, shares, layout)


def _lead_text(row: list[Cell]) -> str:
    """The first text cell of a row: '合计' may sit in the index column, not the label's."""
    for cell in row[:3]:
        if cell.text.strip():
            return cell.text.strip()
    return ""


def _last_number(row: list[Cell]) -> str:
    for cell in reversed(row):
        if parse_number(cell.text) is not None and not is_blank_mark(cell.text):
            return cell.text
    return ""


def _spread_group_quantity(group: list[InventoryLine]) -> None:
    """In a row group the quantity is printed once, in any row: give it to every row."""
    if len(group) < 2:
        return
    quantities = [line.quantity for line in group if line.quantity is not None]
    marks = {line.marks.get("quantity") for line in group} - {None, "empty"}
    for line in group:
        if line.quantity is None and len(quantities) == 1:
            line.quantity = quantities[0]
            line.marks.pop("quantity", None)
            line.marks["quantity-from-group"] = "yes"
        elif line.quantity is None and not quantities and marks:
            line.marks["quantity"] = sorted(m for m in marks if m)[0]


def _mark_groups(lines: list[InventoryLine]) -> None:
    """A group label is kept only where the label really spans several rows."""
    counts: dict[tuple[str | None, int | None], int] = {}
    for line in lines:
        counts[(line.group, line.table)] = counts.get((line.group, line.table), 0) + 1
    for line in lines:
        if line.group is not None and counts[(line.group, line.table)] < 2:
            line.group = None


def _merge(
    into: list[InventoryLine], extra: list[InventoryLine], fields: tuple[str, ...]
) -> list[InventoryLine]:
    """Fill ``fields`` of lines in ``into`` from the line with the same label in ``extra``;
    lines of ``extra`` with no counterpart are returned."""
    by_key: dict[str, list[InventoryLine]] = {}
    for line in into:
        by_key.setdefault(label_key(line.label), []).append(line)
    leftover: list[InventoryLine] = []
    for line in extra:
        targets = by_key.get(label_key(line.label), [])
        if len(targets) != 1:
            leftover.append(line)
            continue
        target = targets[0]
        for name in fields:
            if getattr(target, name) is None and getattr(line, name) is not None:
                setattr(target, name, getattr(line, name))
            if name in line.marks and name not in target.marks:
                target.marks[name] = line.marks[name]
        if target.category is None:
            target.category = line.category
    return leftover


def interpret_inventory(document: Document) -> TableInventory:
    """All inventory lines, totals and table shares of a document."""
    result_tables: list[TableInventory] = []
    share_tables: list[TableInventory] = []
    input_lists: list[TableInventory] = []
    for index, table in enumerate(document.tables):
        layout = layout_of(table)
        turned = read_as_lines_in_columns(table, layout)
        if turned is not None:  # one inventory line per column
            table, layout = transposed(table), turned
        if layout.is_inventory:
            parsed = lines_from_table(table, index, layout)
            (result_tables if "result" in layout.roles else share_tables).append(parsed)
        elif layout.is_input_list:
            input_lists.append(lines_from_table(table, index, layout))
    result_tables = fold_summary_tables(result_tables)
    lines = [line for t in result_tables for line in t.lines]
    totals = [v for t in (*result_tables, *share_tables) for v in t.totals]
    shares = [v for t in (*result_tables, *share_tables) for v in t.shares]
    for t in share_tables:
        if lines:
            lines.extend(_merge(lines, t.lines, ("share",)))
        else:
            lines.extend(t.lines)
    for t in input_lists:
        if lines:
            _merge(lines, [ln for ln in t.lines if ln.quantity is not None], ("quantity",))
    return TableInventory(lines, totals, shares)
