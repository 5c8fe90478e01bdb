"""EPD claims read from tables other than the result matrices: the content declaration
(masses per component), the packaging table (packaging is not content), the recycled-content
column, and rows that name a waste indicator.

Kinds: epd-content-mass, epd-content-total, epd-packaging-mass, epd-recycled-share,
epd-waste-named (see :mod:`.epd_claims` for the encoding).
"""

from __future__ import annotations

from collections.abc import Iterator

import regex

from pcfaudit.interpret.epd_lexicon import cell_number, fold
from pcfaudit.model import Document, Location, Number, Statement, StatementKind

_CONTENT_CONTEXT = regex.compile(
    r"content|composition|material|component|ingredient|组成|成分|材料|组分", regex.IGNORECASE
)
_MASS_HEADER = regex.compile(r"mass|weight|质量|重量|\bkg\b|千克", regex.IGNORECASE)
_PACKAGING = regex.compile(r"packag|包装", regex.IGNORECASE)
_TOTAL_LABEL = regex.compile(r"^(?:total|sum|合计|总计|总和)\b", regex.IGNORECASE)


def _statement(kind: str, text: str, loc: Location, quote: str, subject: str,
               values: list[Number]) -> Statement:  # fmt: skip
    return Statement(StatementKind(kind), text, loc.with_quote(quote.strip()), subject, values)


def content_statements(document: Document) -> list[Statement]:
    """Every table-borne claim, in document order of the kinds above."""
    return [
        *_content_statements(document),
        *_recycled_statements(document),
        *_waste_rows(document),
    ]


def _mass_column(header: list[str]) -> tuple[int, str] | None:
    """(column, unit) of the mass column a header row names, or None."""
    col = next((c for c, h in enumerate(header) if c > 0 and _MASS_HEADER.search(h)), None)
    if col is None or regex.search(r"%|share|比例|占比", header[col]):
        return None
    unit = "t" if regex.search(r"\bt\b|吨|tonne", header[col], regex.I) else "kg"
    if regex.search(r"\bg\b|克\b", header[col]) and not regex.search(r"kg|千克", header[col]):
        unit = "g"
    return col, unit


def _label(cells: list[str], col: int) -> str:
    return next((t for t in cells[:col] if t.strip() and cell_number(t) is None), "").strip()


def _content_statements(document: Document) -> Iterator[Statement]:
    """Masses of a content (composition) table: the column headed mass/weight/kg. Rows of
    a packaging table, or below a 'Packaging' sub-header, are packaging, not content."""
    for i, block in enumerate(document.blocks):
        table = block.table
        if table is None or len(table.rows) < 2:
            continue
        before = " ".join(b.text for b in document.blocks[max(0, i - 2) : i] if b.table is None)
        header = [c.text for c in table.rows[0]]
        context = f"{table.caption or ''} {before} {' '.join(header)}"
        packaging = bool(_PACKAGING.search(f"{table.caption or ''} {' '.join(header)}"))
        if not _CONTENT_CONTEXT.search(context) and not packaging:
            continue
        mass = _mass_column(header)
        for row in table.rows[1:]:
            cells = [c.text for c in row]
            if any(_PACKAGING.search(t) for t in cells[:3]) and all(
                cell_number(t) is None for t in cells
            ):
                packaging = True  # a sub-header: the rows below are packaging
                mass = _mass_column(cells) or mass
                continue
            if mass is None or mass[0] >= len(row):
                continue
            col, unit = mass
            number = cell_number(row[col].text)
            label = _label(cells, col)
            if number is None or not label:
                continue
            if packaging:
                kind = "epd-packaging-mass"
            else:
                kind = (
                    "epd-content-total" if _TOTAL_LABEL.match(fold(label)) else "epd-content-mass"
                )
            quote = f"{label} : {row[col].text.strip()}"
            yield _statement(kind, quote, row[col].location, quote, f"{label}|{unit}", [number])


_RECYCLED_HEADER = regex.compile(
    r"recycl|reclaim|secondary|\bRA\b|\bRAP\b|再生|回收", regex.IGNORECASE
)


_WASTE_ROW = regex.compile(
    r"^\s*(?:HWD|NHWD|RWD|(?:non-)?hazardous\s+waste\s+disposed|radioactive\s+waste\s+disposed)\b",
    regex.I,
)


def _waste_rows(document: Document) -> Iterator[Statement]:
    """epd-waste-named: a table row labelled with a waste indicator and holding a number
    (read as a matrix or not)."""
    for block in document.blocks:
        for row in block.table.rows if block.table else []:
            label = next((c.text for c in row if c.text.strip()), "")
            # With a number: the indicator is reported, even when its table was not read.
            if _WASTE_ROW.match(label) and any(cell_number(c.text) for c in row[1:]):
                yield _statement("epd-waste-named", label, row[0].location, label, "", [])
                return


def _recycled_statements(document: Document) -> Iterator[Statement]:
    """epd-recycled-share: each row's value in a content table's recycled-content column
    (header 'RA, %', 'Recycled content'). A post-consumer column is not one: recycled
    content may be pre-consumer."""
    for block in document.blocks:
        table = block.table
        if table is None or len(table.rows) < 3:
            continue
        heads = table.rows[:2]
        col = next(
            (c for row in heads for c, cell in enumerate(row)
             if c > 0 and _RECYCLED_HEADER.search(cell.text)),
            None,
        )  # fmt: skip
        if col is None:
            continue
        name = next(r[col].text.strip() for r in heads if _RECYCLED_HEADER.search(r[col].text))
        for row in table.rows[1:]:
            if col >= len(row) or any(_RECYCLED_HEADER.search(c.text) for c in row):
                continue
            number = cell_number(row[col].text)
            label = _label([c.text for c in row], col)
            if number is None or not label:
                continue
            quote = f"{label} : {name} {row[col].text.strip()}"
            yield _statement("epd-recycled-share", quote, row[col].location, quote,
                             f"{name}|{label}", [number])  # fmt: skip
