"""Tables joined on one page: a header row drawn as a filled box above a borderless body,
or a body interrupted by a blank line, is one table."""

from __future__ import annotations

from pcfaudit.extract.pdf_layout import PageTable


def stack_tables(tables: list[PageTable]) -> list[PageTable]:
    """Join a table to the one just above it on the same page when every cell of the
    upper one sits over the same column of the lower one: a header row drawn as a filled
    box above a borderless body, or a body interrupted by a blank line."""
    ordered = sorted(tables, key=lambda t: (t.page, t.bbox[1]))
    out: list[PageTable] = []
    for t in ordered:
        prev = out[-1] if out else None
        if prev is not None and _stacks(prev, t):
            offset = len(prev.grid)
            for row in t.grid:
                for rec in {id(r): r for r in row}.values():
                    rec.row += offset
                prev.grid.append(row)
            prev.bbox = (
                min(prev.bbox[0], t.bbox[0]),
                prev.bbox[1],
                max(prev.bbox[2], t.bbox[2]),
                t.bbox[3],
            )
            continue
        out.append(t)
    return out


def _stacks(upper: PageTable, lower: PageTable) -> bool:
    if upper.page != lower.page or upper.n_cols != lower.n_cols or not upper.grid:
        return False
    heights = [rec.bbox[3] - rec.bbox[1] for row in lower.grid for rec in row if rec.text]
    line = sorted(heights)[len(heights) // 2] if heights else 10.0
    if not -2 <= lower.bbox[1] - upper.bbox[3] <= 1.5 * line:
        return False
    edges = lower.col_edges
    for row in upper.grid:
        for c, rec in enumerate(row):
            if not rec.text or rec.colspan > 1:
                continue
            mid = (rec.bbox[0] + rec.bbox[2]) / 2
            if not edges[c] - 2 <= mid <= edges[c + 1] + 2:
                return False
    return True
