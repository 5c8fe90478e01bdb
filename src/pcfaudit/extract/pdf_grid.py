"""Ruled tables: ruling segments → edges (:mod:`.pdf_edges`) → cell boxes
(:mod:`.pdf_cells`) → grids of rows and columns, merged cells with spans, each cell's text
from the characters under it.

Coordinates are (x0, top, x1, bottom) in points from the page's top-left corner.
"""

from __future__ import annotations

import bisect
import math

from pcfaudit.extract.pdf_cells import cells_to_tables, intersections_to_cells
from pcfaudit.extract.pdf_edges import edges_to_intersections, merge_edges
from pcfaudit.extract.pdf_layout import BBox, CellRec, Char, PageTable, cell_text, make_lines
from pcfaudit.extract.pdf_page import PdfPage
from pcfaudit.extract.table_from_words import count_numbers, find_tables
from pcfaudit.extract.words import words_from_chars


def ruled_tables(page: PdfPage) -> list[PageTable]:
    """The page's ruled tables, from its ruling segments, with text."""
    if len(page.edges) < 4:
        return []
    edges = merge_edges(page.edges, 3, 3)
    edges = [
        e
        for e in edges
        if (e["x1"] - e["x0"] if e["orientation"] == "h" else e["bottom"] - e["top"]) >= 3
    ]
    cells = intersections_to_cells(edges_to_intersections(edges, 1, 1))
    tables = [list(t) for t in cells_to_tables(cells)]
    ruled = build_tables(page.number, tables, [*page.chars, *page.rotated], page.trust_trailing)
    # a frame or a shaded panel without text is decoration, not a table
    filled = [t for t in ruled if any(rec.text for row in t.grid for rec in row)]
    return [_from_words_if_cleaner(page, t) for t in filled]


def _from_words_if_cleaner(page: PdfPage, ruled: PageTable) -> PageTable:
    """The same region read from its words' geometry, when that reads the same numbers
    into fewer columns: cell shading drawn as boxes cuts a table into slivers (and a
    wrapped label into two rows)."""
    slivers = sum(
        1
        for c in range(ruled.n_cols)
        if not any(row[c].col == c and row[c].text for row in ruled.grid)
    )
    if not slivers:
        return ruled
    x0, top, x1, bottom = ruled.bbox
    chars = [
        c for c in page.chars if x0 <= (c.x0 + c.x1) / 2 <= x1 and top <= (c.top + c.bottom) / 2 <= bottom
    ]
    if not chars:
        return ruled
    lines = make_lines(chars)
    found, _ = find_tables(
        page.number, [words_from_chars(ln.chars, page.number) for ln in lines], ruled=True
    )
    if len(found) != 1:
        return ruled
    words = found[0]
    if words.bbox[3] - words.bbox[1] < 0.6 * (bottom - top):
        return ruled
    narrower = words.n_cols < ruled.n_cols
    return words if narrower and count_numbers(words) >= count_numbers(ruled) else ruled


def _cluster(values: list[float], tol: float = 2.0) -> list[float]:
    out: list[float] = []
    for v in sorted(values):
        if not out or v - out[-1] > tol:
            out.append(v)
    return out


def _index(edges: list[float], v: float) -> int:
    """The index of the edge nearest ``v`` (the first of two as near)."""
    if not (math.isfinite(v) and math.isfinite(edges[0]) and math.isfinite(edges[-1])):
        return min(range(len(edges)), key=lambda i: abs(edges[i] - v))
    # _cluster's edges rise strictly: the nearest is one of the two around v
    i = bisect.bisect_left(edges, v)
    if i == 0:
        return 0
    if i == len(edges):
        return i - 1
    return i - 1 if abs(edges[i - 1] - v) <= abs(edges[i] - v) else i


def build_tables(
    page: int, tables: list[list[BBox]], chars: list[Char], trust_trailing: bool = False
) -> list[PageTable]:
    """Grids from pdfplumber's cell boxes: merged cells get spans and fill every slot."""
    out: list[PageTable] = []
    centres = [((ch.x0 + ch.x1) / 2, (ch.top + ch.bottom) / 2, ch) for ch in chars]
    for boxes in tables:
        xs = _cluster([v for b in boxes for v in (b[0], b[2])])
        ys = _cluster([v for b in boxes for v in (b[1], b[3])])
        if len(xs) < 2 or len(ys) < 2:
            continue
        n_rows, n_cols = len(ys) - 1, len(xs) - 1
        slots: list[list[int | None]] = [[None] * n_cols for _ in range(n_rows)]
        spans: list[tuple[int, int, int, int]] = []
        for k, b in enumerate(boxes):
            c0, c1 = _index(xs, b[0]), _index(xs, b[2])
            r0, r1 = _index(ys, b[1]), _index(ys, b[3])
            spans.append((r0, r1, c0, c1))
            for r in range(r0, r1):
                for c in range(c0, c1):
                    if slots[r][c] is None:
                        slots[r][c] = k
        inside, stray = _place_chars(centres, xs, ys, slots, len(boxes))
        grid: list[list[CellRec | None]] = [[None] * n_cols for _ in range(n_rows)]
        for k, b in enumerate(boxes):
            r0, r1, c0, c1 = spans[k]
            if c1 <= c0 or r1 <= r0:
                continue
            rec = CellRec(cell_text(inside[k], trust_trailing), page, b, r0, c0, r1 - r0, c1 - c0)
            for r in range(r0, r1):
                for c in range(c0, c1):
                    if grid[r][c] is None:
                        grid[r][c] = rec
        for r, row_chars in stray.items():
            _fill_open_slots(grid[r], row_chars, xs, (ys[r], ys[r + 1]), page, r, trust_trailing)
        full: list[list[CellRec]] = []
        for r, row in enumerate(grid):
            full.append(
                [
                    rec
                    if rec is not None
                    else CellRec("", page, (xs[c], ys[r], xs[c + 1], ys[r + 1]), r, c)
                    for c, rec in enumerate(row)
                ]
            )
        bbox = (xs[0], ys[0], xs[-1], ys[-1])
        out.append(PageTable(page, bbox, full, xs))
    return out


def _place_chars(
    centres: list[tuple[float, float, Char]],
    xs: list[float],
    ys: list[float],
    slots: list[list[int | None]],
    n_boxes: int,
) -> tuple[list[list[Char]], dict[int, list[Char]]]:
    """One pass over the page's characters (their centres): each goes to the cell box
    under its centre; those in slots no cell box covers, per row, go to ``stray``."""
    inside: list[list[Char]] = [[] for _ in range(n_boxes)]
    stray: dict[int, list[Char]] = {}
    n_rows, n_cols = len(ys) - 1, len(xs) - 1
    # The grid's lines rise (_cluster), so a centre is in the grid exactly when it is
    # within its outer lines: most of the page is passed over with two comparisons. NaN
    # lines do not sort; then every centre is placed by bisection.
    if all(math.isfinite(v) for v in (*xs, *ys)):
        left, right, top, bottom = xs[0], xs[-1], ys[0], ys[-1]
        centres = [t for t in centres if top <= t[1] < bottom and left <= t[0] < right]
    for cx, cy, ch in centres:
        c, r = bisect.bisect(xs, cx) - 1, bisect.bisect(ys, cy) - 1
        if 0 <= r < n_rows and 0 <= c < n_cols:
            if (slot := slots[r][c]) is not None:
                inside[slot].append(ch)
            else:
                stray.setdefault(r, []).append(ch)
    return inside, stray


def _fill_open_slots(
    row: list[CellRec | None],
    chars: list[Char],
    xs: list[float],
    band: tuple[float, float],
    page: int,
    r: int,
    trust_trailing: bool,
) -> None:
    """Text in a table's row where no cell box was drawn (a producer that boxes only some
    cells of a row, or draws the rest as one panel) is read by the grid's own columns: each
    phrase becomes a cell over the open slots it covers, so no printed value is lost."""
    for ln in make_lines(chars):
        for seg in ln.segments:
            last = len(xs) - 2
            mid = min(max(bisect.bisect(xs, (seg.x0 + seg.x1) / 2) - 1, 0), last)
            if row[mid] is not None:
                continue
            c0 = min(max(bisect.bisect(xs, seg.x0 + 1) - 1, 0), mid)
            c1 = max(min(bisect.bisect(xs, seg.x1 - 1), last + 1), mid + 1)
            while row[c0] is not None:  # a phrase running into a boxed cell stops short of it
                c0 += 1
            while row[c1 - 1] is not None:
                c1 -= 1
            mine = [ch for ch in ln.chars if seg.x0 <= (ch.x0 + ch.x1) / 2 <= seg.x1]
            rec = CellRec(
                cell_text(mine, trust_trailing), page, (xs[c0], band[0], xs[c1], band[1]), r, c0, 1, c1 - c0
            )
            for c in range(c0, c1):
                row[c] = rec
