"""Ruled cells from ruling-line intersections, and tables from cells: pdfplumber's
``intersections_to_cells`` and ``cells_to_tables``, the same results in the same order,
without their quadratic scans.

pdfplumber looks, for every intersection, at all later points for those directly below
and directly right of it, and rebuilds each point's edge sets at every comparison. Here
each point's edge sets are built once, and the points below and right are taken from
indexes by column and by row (the points are sorted by (x, y), so the points below one
are the ones right after it). Tables gather cells that share a corner, pass after pass
over the cells left, as pdfplumber does, but a pass keeps the cells it leaves instead of
removing each cell it takes from a list. Kept equal to pdfplumber 0.11's results by tests.
"""

from __future__ import annotations

import math
from typing import Any

from pdfplumber.table import intersections_to_cells as pdfplumber_cells

BBox = tuple[float, float, float, float]
Point = tuple[float, float]


def intersections_to_cells(intersections: dict[Point, dict[str, list[Any]]]) -> list[BBox]:
    """The smallest cell whose top-left corner is each intersection, in pdfplumber's order."""
    if not all(math.isfinite(x) and math.isfinite(y) for x, y in intersections):
        return list(pdfplumber_cells(intersections))  # NaN does not sort: no shortcut
    points = sorted(intersections)
    verticals = {p: {_bbox(e) for e in intersections[p]["v"]} for p in points}
    horizontals = {p: {_bbox(e) for e in intersections[p]["h"]} for p in points}

    def connects(p1: Point, p2: Point) -> bool:
        if p1[0] == p2[0] and not verticals[p1].isdisjoint(verticals[p2]):
            return True
        return p1[1] == p2[1] and not horizontals[p1].isdisjoint(horizontals[p2])

    by_row: dict[float, list[Point]] = {}
    for p in points:  # each row's points in order of x
        by_row.setdefault(p[1], []).append(p)
    position_in_row = {p: k for row in by_row.values() for k, p in enumerate(row)}
    cells: list[BBox] = []
    n = len(points)
    for i, pt in enumerate(points):
        below = []
        for k in range(i + 1, n):
            if points[k][0] != pt[0]:
                break
            below.append(points[k])
        right = by_row[pt[1]][position_in_row[pt] + 1 :]
        cell = _smallest_cell(pt, below, right, intersections, connects)
        if cell is not None:
            cells.append(cell)
    return cells


def _smallest_cell(
    pt: Point,
    below: list[Point],
    right: list[Point],
    intersections: dict[Point, Any],
    connects: Any,
) -> BBox | None:
    for below_pt in below:
        if not connects(pt, below_pt):
            continue
        for right_pt in right:
            if not connects(pt, right_pt):
                continue
            corner = (right_pt[0], below_pt[1])
            if corner in intersections and connects(corner, right_pt) and connects(corner, below_pt):
                return (pt[0], pt[1], corner[0], corner[1])
    return None


def _bbox(edge: dict[str, Any]) -> BBox:
    return (edge["x0"], edge["top"], edge["x1"], edge["bottom"])


def cells_to_tables(cells: list[BBox]) -> list[list[BBox]]:
    """Groups of cells that touch at corners (pdfplumber's passes: a group grows by every
    cell sharing a corner with it, in the cells' order, until a pass adds none), top to
    bottom, then left to right; a lone cell is no table."""
    remaining = list(cells)
    corners: set[Point] = set()
    current: list[BBox] = []
    tables: list[list[BBox]] = []
    while remaining:
        before = len(current)
        left = []
        for cell in remaining:
            x0, top, x1, bottom = cell
            mine = ((x0, top), (x0, bottom), (x1, top), (x1, bottom))
            if not current or any(c in corners for c in mine):
                corners.update(mine)
                current.append(cell)
            else:
                left.append(cell)
        remaining = left
        if len(current) == before:
            tables.append(list(current))
            corners.clear()
            current.clear()
    if current:
        tables.append(list(current))
    tables.sort(key=lambda t: min((c[1], c[0]) for c in t))
    return [t for t in tables if len(t) > 1]
