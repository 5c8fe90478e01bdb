"""EPD and LCA result matrices: indicator × life-cycle module tables, and the module
declaration ("boundary") table with its X / ND / MND marks.

Two table orientations are recognised:

* indicators in rows, modules as column headers (the EN 15804 layout):
  ``Indicator | Unit | A1 | A2 | A3 | A1-A3 | C1 | … | D``;
* modules in rows, indicators as column headers (LCA papers, some Chinese EPDs).

Result cells are read with :func:`.epd_lexicon.cell_number`, which reassembles what a PDF
table splits over lines ("2.67 / E+03", "- / 6.08E+01") and reads decimal commas; "ND",
"MND", "INA" cells are missing values, never zeros. Document-level claims (declared unit,
dates, PCR, …) come from :mod:`.epd_claims`.
"""

from __future__ import annotations

import dataclasses

import regex

from pcfaudit.interpret.epd_claims import epd_statements
from pcfaudit.interpret.epd_lexicon import (
    cell_number,
    fold,
    indicator_of,
    missing_mark,
    module_of,
)
from pcfaudit.model import (
    Block,
    Cell,
    Document,
    MatrixValue,
    ModuleDeclaration,
    ResultMatrix,
    Statement,
    Table,
)
from pcfaudit.vocab.units import normalise_indicator_unit

__all__ = ["epd_statements", "interpret_epd", "interpret_epd_all"]

_UNIT_HEADER = regex.compile(r"^(?:units?|单位|unit\s*/\s*单位|单位\s*/\s*unit|dimension)$")
_BRACKET_UNIT = regex.compile(r"[\[(（【]\s*([^\[\]()（）【】]{1,30})\s*[\])）】]\s*$")
_STATUS = {
    "x": "X", "✓": "X", "✔": "X", "√": "X", "●": "X", "yes": "X", "是": "X", "included": "X",
    "nd": "ND", "mnd": "MND", "nr": "NR", "ina": "INA", "×": "ND", "✗": "ND", "否": "ND",
    "no": "ND", "not declared": "ND", "mne": "MND",
}  # fmt: skip
_BASIS_RE = regex.compile(
    r"(?:per|/|每|以)\s*(?:1\s*)?(?P<u>kg|kilogram|tonne|ton|t|m²|m2|m³|m3|千克|公斤|吨|平方米|立方米)(?![A-Za-z0-9])"
    r"|(?P<du>per\s+(?:declared|functional)\s+unit|每(?:个)?(?:声明|功能)单位|per\s+du\b|per\s+fu\b)",
    regex.IGNORECASE,
)
_BASIS_UNITS = {
    "kg": "kg", "kilogram": "kg", "千克": "kg", "公斤": "kg", "tonne": "t", "ton": "t", "t": "t",
    "吨": "t", "m²": "m2", "m2": "m2", "平方米": "m2", "m³": "m3", "m3": "m3", "立方米": "m3",
}  # fmt: skip


def interpret_epd(document: Document) -> tuple[list[ResultMatrix], list[ModuleDeclaration]]:
    """Every result matrix and module declaration in ``document``."""
    matrices: list[ResultMatrix] = []
    declarations: list[ModuleDeclaration] = []
    t_index = -1
    for b_index, block in enumerate(document.blocks):
        if block.table is None:
            continue
        t_index += 1
        table = block.table
        decl = _declarations(table)
        if decl:
            declarations.extend(decl)
            continue
        context = _context(document.blocks, b_index)
        matrix = _matrix(table, t_index, context)
        if matrix is not None:
            matrices.append(matrix)
    return matrices, declarations


def interpret_epd_all(
    document: Document,
) -> tuple[list[ResultMatrix], list[ModuleDeclaration], list[Statement]]:
    """Matrices, module declarations and the EPD claims as Statements (kinds ``epd-*``)."""
    matrices, declarations = interpret_epd(document)
    return matrices, declarations, epd_statements(document)


# --------------------------------------------------------------------------- context


def _context(blocks: list[Block], index: int) -> str:
    """The table's caption and the two blocks before it: where 'per kg' is said."""
    table = blocks[index].table
    parts = [table.caption or ""] if table else []
    for block in reversed(blocks[max(0, index - 2) : index]):
        if block.kind == "table":
            break
        parts.append(block.text[:300])
    return " ".join(p for p in parts if p)


def basis_of(text: str) -> str | None:
    """'1 kg', '1 t', '1 m2', '1 m3' or 'declared unit' for the first basis phrase."""
    m = _BASIS_RE.search(text)
    if not m:
        return None
    if m.group("du"):
        return "declared unit"
    return "1 " + _BASIS_UNITS[m.group("u").lower()]


# --------------------------------------------------------------------------- cells


def _text(row: list[Cell], c: int) -> str:
    return row[c].text if c < len(row) else ""


def _header_row(rows: list[list[Cell]]) -> tuple[int, dict[int, str]] | None:
    """The row (among the first five) that names the most modules, with column → module."""
    best: tuple[int, dict[int, str]] | None = None
    for r, row in enumerate(rows[:5]):
        cols: dict[int, str] = {}
        for c, cell in enumerate(row):
            m = module_of(cell.text)
            # A merged header cell is repeated over the columns it spans: keep its first.
            if m and not (c - 1 in cols and cols[c - 1] == m) and m not in _run_of(cols, c, m):
                cols[c] = m
        distinct = len(cols) >= 2 and len(set(cols.values())) == len(cols)
        if distinct and (best is None or len(cols) > len(best[1])):
            best = (r, cols)
    return best


def _run_of(cols: dict[int, str], c: int, module: str) -> set[str]:
    """{module} when the cells just before ``c`` repeat it (a merged cell spans them)."""
    k = c - 1
    while k >= 0 and k not in cols:
        k -= 1
    return {module} if k >= 0 and cols[k] == module and c - k <= 3 else set()


_COMMA_DECIMAL = regex.compile(r"\d,\d+\s*[eE]|^[-−]?0,\d|\d,\d{1,2}$|\d,\d{4,}$")
_POINT_DECIMAL = regex.compile(r"\d\.\d")


def _decimal_comma(cells: list[str]) -> bool:
    comma = point = 0
    for t in cells:
        t = t.strip()
        if _COMMA_DECIMAL.search(t):
            comma += 1
        elif _POINT_DECIMAL.search(t):
            point += 1
    return comma > 0 and point == 0


def _unit_in(text: str) -> str | None:
    m = _BRACKET_UNIT.search(text)
    return normalise_indicator_unit(m.group(1)) if m else None


def _result_number(text: str) -> bool:
    """A result value; a share ('10%', '>90%' specific data) is a declaration table's."""
    return "%" not in text and cell_number(text) is not None


def _declarations(table: Table) -> list[ModuleDeclaration]:
    """A boundary table: a module header row and a row of X / ND / MND marks."""
    head = _header_row(table.rows)
    if head is None or len(head[1]) < 3:
        return []
    h, cols = head
    numeric_rows = sum(
        1
        for row in table.rows[h + 1 :]
        if sum(1 for c in cols if c < len(row) and _result_number(row[c].text)) >= 2
    )
    if numeric_rows >= 2:
        return []  # a result table with a row of ND marks, not a module declaration
    best: list[ModuleDeclaration] = []
    for row in table.rows[h + 1 :]:
        marks = []
        numbers = 0
        for c, module in cols.items():
            cell = row[c] if c < len(row) else None
            if cell is None:
                continue
            status = _STATUS.get(fold(cell.text))
            if cell_number(cell.text) is not None:
                numbers += 1
            if status:
                loc = cell.location.with_quote(f"{_text(table.rows[h], c)}: {cell.text.strip()}")
                marks.append(ModuleDeclaration(module, status, loc))
        if numbers == 0 and len(marks) >= max(2, len(cols) // 2) and len(marks) > len(best):
            best = marks
    return best


# --------------------------------------------------------------------------- matrices


def _matrix(table: Table, t_index: int, context: str) -> ResultMatrix | None:
    matrix = _by_rows(table, t_index) or _by_columns(table, t_index)
    if matrix is None:
        return None
    matrix.basis = basis_of(context) or basis_of(
        " ".join(c.text for c in table.rows[0]) if table.rows else ""
    )
    matrix.caption = table.caption
    return matrix


def _by_rows(table: Table, t_index: int) -> ResultMatrix | None:
    """Indicators in rows, modules as column headers."""
    head = _header_row(table.rows)
    if head is None:
        return None
    h, cols = head
    first_module = min(cols)
    unit_col = next(
        (c for c, cell in enumerate(table.rows[h]) if _UNIT_HEADER.match(fold(cell.text))), None
    )
    if unit_col is None and h > 0:
        unit_col = next(
            (c for c, cell in enumerate(table.rows[0]) if _UNIT_HEADER.match(fold(cell.text))),
            None,
        )
    comma = _decimal_comma([_text(row, c) for row in table.rows[h + 1 :] for c in cols])
    values: list[MatrixValue] = []
    for row in table.rows[h + 1 :]:
        if len({m for c, cell in enumerate(row) if (m := module_of(cell.text))}) >= 2:
            again = _header_row([row])  # a header repeated on the next page
            if again:
                cols = again[1]
            continue
        label_cells = [c for c in range(min(first_module, len(row))) if c != unit_col]
        indicator = next((i for c in label_cells if (i := indicator_of(row[c].text))), None)
        merged = None
        if indicator is None and first_module == 0 and row:
            # A borderless PDF can merge the label column into the first value column:
            # "2,75 GWP-total kg CO2 eq. E+02" is the label, a unit and a split number.
            merged = _split_merged(row[0].text)
            indicator = indicator_of(merged[0]) if merged else None
        if indicator is None:
            continue
        unit = normalise_indicator_unit(_text(row, unit_col)) if unit_col is not None else None
        unit = unit or next((u for c in label_cells if (u := _unit_in(row[c].text))), None)
        unit = unit or next((u for c in label_cells if (u := normalise_indicator_unit(row[c].text))), None)
        for c, module in cols.items():
            if c >= len(row):
                continue
            cell = row[c]
            text = merged[1] if merged and c == 0 else cell.text
            number = cell_number(text, comma)
            if number is None or missing_mark(text):
                continue
            loc = cell.location.with_quote(text.strip())
            values.append(MatrixValue(indicator, module, number, unit, loc))
    return _assemble(values, table, t_index)


_NUMBER_PIECE = regex.compile(r"^(?:[-−]?\d+(?:[.,]\d+)?|[eE][-−+]?\d{1,3}|[-−])$")


def _split_merged(text: str) -> tuple[str, str] | None:
    """(label, number) of a cell holding both: the number's pieces ('2,75', 'E+02') are
    put back together, the other words are the label. None when either part is missing."""
    words = text.split()
    pieces = [w for w in words if _NUMBER_PIECE.match(w)]
    label = " ".join(w for w in words if not _NUMBER_PIECE.match(w))
    if not pieces or not label:
        return None
    return label, "".join(pieces)


def _by_columns(table: Table, t_index: int) -> ResultMatrix | None:
    """Modules in rows, indicators as column headers (units in brackets or a unit row)."""
    if not table.rows:
        return None
    header: tuple[int, dict[int, str]] | None = None
    for r, row in enumerate(table.rows[:3]):
        inds = {c: i for c, cell in enumerate(row) if c > 0 and (i := indicator_of(cell.text))}
        if inds and (header is None or len(inds) > len(header[1])):
            header = (r, inds)
    if header is None:
        return None
    h, inds = header
    units = {c: _unit_in(_text(table.rows[h], c)) for c in inds}
    body = table.rows[h + 1 :]
    if body and module_of(_text(body[0], 0)) is None:
        unit_row = {c: normalise_indicator_unit(_text(body[0], c)) for c in inds}
        if any(unit_row.values()):
            units = {c: units[c] or unit_row[c] for c in inds}
            body = body[1:]
    module_rows = [(row, m) for row in body if row and (m := module_of(row[0].text))]
    if len(module_rows) < 2:
        return None
    comma = _decimal_comma([_text(row, c) for row, _ in module_rows for c in inds])
    values = []
    for row, module in module_rows:
        for c, indicator in inds.items():
            if c >= len(row):
                continue
            number = cell_number(row[c].text, comma)
            if number is None or missing_mark(row[c].text):
                continue
            loc = row[c].location.with_quote(row[c].text.strip())
            values.append(MatrixValue(indicator, module, number, units[c], loc))
    return _assemble(values, table, t_index)


def _assemble(values: list[MatrixValue], table: Table, t_index: int) -> ResultMatrix | None:
    if not values:
        return None
    # A table of one indicator in one module is a key-value line, not a matrix.
    if len({v.module for v in values}) < 2 and len({v.indicator for v in values}) < 2:
        return None
    location = dataclasses.replace(table.location, table=t_index)
    return ResultMatrix(
        indicators=list(dict.fromkeys(v.indicator for v in values)),
        modules=list(dict.fromkeys(v.module for v in values)),
        values=values,
        location=location,
        table=t_index,
    )
