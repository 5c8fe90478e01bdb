"""A table continued on the next page: one table, its repeated header dropped.

A table that ends one page and a table that starts the next with the same columns are
one table when nothing stands between them; a merged cell cut by the page break is
joined again.
"""

from __future__ import annotations

from pcfaudit.extract.pdf_layout import CellRec, PageTable


def merge_continued(
    tables: list[tuple[int, PageTable]], lines: list[tuple[int, float]]
) -> list[PageTable]:
    """Join a table that ends a page with the table that starts the next page when they
    have the same columns; header rows repeated on the new page are dropped."""
    kept: list[PageTable] = []
    for page, t in tables:
        prev = kept[-1] if kept else None
        if (
            prev is not None
            and page == _last_page(prev) + 1
            and _same_columns(prev, t)
            and not any(p == _last_page(prev) and top > prev.bbox[3] for p, top in lines)
            and not any(p == page and top < t.bbox[1] for p, top in lines)
        ):
            _append(prev, t)
        else:
            kept.append(t)
    return kept


def _last_page(t: PageTable) -> int:
    return t.grid[-1][0].page if t.grid else t.page


def _same_columns(a: PageTable, b: PageTable) -> bool:
    """Same number of columns, each column's middle inside the other table's column (the
    widest label on each page moves a gutter, not a column)."""
    if a.n_cols != b.n_cols or len(a.col_edges) != len(b.col_edges):
        return False
    return _mids_inside(a, b) and _mids_inside(b, a)


def _mids_inside(a: PageTable, b: PageTable) -> bool:
    ea, eb = a.col_edges, b.col_edges
    return all(
        eb[k] - 3 <= (ea[k] + ea[k + 1]) / 2 <= eb[k + 1] + 3 for k in range(len(ea) - 1)
    )


def _append(a: PageTable, b: PageTable) -> None:
    skip = 0
    for k in range(1, min(4, len(a.grid), len(b.grid)) + 1):
        if all(a.row_texts(r) == b.row_texts(r) for r in range(k)) and any(
            t for r in range(k) for t in a.row_texts(r)
        ):
            skip = k
    offset = len(a.grid) - skip
    if a.grid and len(b.grid) > skip:
        _rejoin_split_cells(a.grid[-1], b.grid[skip], len(a.grid) - 1 - offset)
    seen: set[int] = set()
    for row in b.grid[skip:]:
        for rec in row:
            if id(rec) not in seen:
                seen.add(id(rec))
                rec.row += offset
        a.grid.append(row)


def _rejoin_split_cells(last: list[CellRec], first: list[CellRec], row: int) -> None:
    """A merged cell cut by a page break prints its text in one part only: an empty cell
    ending one page above a merged cell starting the next is that cell's first row."""
    for c, (above, below) in enumerate(zip(last, first, strict=False)):
        if (
            not above.text.strip()
            and above.rowspan == 1
            and below.text.strip()
            and below.rowspan > 1
        ):
            below.rowspan += 1
            below.row = row  # shifted by the caller's offset with the rest of the page
            last[c] = below
