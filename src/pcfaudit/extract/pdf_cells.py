"""Ruled cells from ruling-line intersections: pdfplumber's ``intersections_to_cells``,
the same cells in the same order, without its quadratic scans.

pdfplumber looks, for every intersection, at all later points for those directly below
and directly right of it, and rebuilds each point's edge sets at every comparison. Here
each point's edge sets are built once, and the points below and right are taken from
indexes by column and by row (the points are sorted by (x, y), so the points below one
are the ones right after it). Kept equal to pdfplumber 0.11's result by a test.
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
