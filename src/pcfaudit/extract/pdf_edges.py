"""Ruling segments merged into edges, and where edges cross: pdfplumber's ``merge_edges``
and ``edges_to_intersections``, the same results in the same order, faster.

pdfplumber snaps each orientation's edges to the mean position of their cluster (positions
chained within the snap tolerance), then joins the edges of one line that overlap or
nearly touch. It copies an edge through a tuple of all its items at every move; here each
edge is copied once per change, with the same arithmetic (a moved coordinate is
``value + (mean - position)``, as pdfplumber adds the offset). Kept equal to pdfplumber
0.11's ``merge_edges`` by a test; edges it would not take apart the same way (a coordinate
that is not finite, an edge whose ends are reversed) go to pdfplumber itself.

pdfplumber's crossing search sorts the horizontal edges again for every vertical edge and
tries them all; here they are sorted once and each vertical edge tries those whose height
is near its span (found by bisection), in the same order.
"""

from __future__ import annotations

import bisect
import itertools
import math
from operator import itemgetter
from typing import Any

from pdfplumber.table import merge_edges as pdfplumber_merge_edges

Edge = dict[str, Any]

_SPAN = {"h": ("x0", "x1"), "v": ("top", "bottom")}  # along an edge: start, end


def merge_edges(edges: list[Edge], snap: float, join: float) -> list[Edge]:
    """``pdfplumber.table.merge_edges(edges, snap, snap, join, join)``."""
    if not _all_plain(edges):
        return list(pdfplumber_merge_edges(edges, snap, snap, join, join))
    if snap > 0:
        vertical = [e for e in edges if e["orientation"] == "v"]
        horizontal = [e for e in edges if e["orientation"] == "h"]
        edges = _snapped(vertical, "x0", snap) + _snapped(horizontal, "top", snap)
    ordered = sorted(edges, key=_line_of)
    out: list[Edge] = []
    for (orientation, _), group in itertools.groupby(ordered, key=_line_of):
        out.extend(_joined(list(group), orientation, join))
    return out


def _all_plain(edges: list[Edge]) -> bool:
    """Every edge is horizontal or vertical, with finite coordinates and its ends in
    order (a finite sum: every term finite; an overflowing one only sends the page to
    pdfplumber)."""
    for e in edges:
        x0, x1, top, bottom = e["x0"], e["x1"], e["top"], e["bottom"]
        if not (
            e["orientation"] in _SPAN
            and x0 <= x1
            and top <= bottom
            and math.isfinite(x0 + x1 + top + bottom)
        ):
            return False
    return True


def _line_of(e: Edge) -> tuple[str, float]:
    return ("h", e["top"]) if e["orientation"] == "h" else ("v", e["x0"])


def _snapped(edges: list[Edge], attr: str, tolerance: float) -> list[Edge]:
    """Each edge moved across its line to the mean ``attr`` of its cluster: positions
    sorted and chained while each is within ``tolerance`` of the one before; clusters in
    order of position, edges in their given order within each."""
    if not edges:
        return []
    cluster_of: dict[float, int] = {}
    k = 0
    last = None
    for value in sorted(set(e[attr] for e in edges)):
        if last is not None and not value <= last + tolerance:
            k += 1
        cluster_of[value] = k
        last = value
    clusters: list[list[Edge]] = [[] for _ in range(k + 1)]
    for e in edges:
        clusters[cluster_of[e[attr]]].append(e)
    out: list[Edge] = []
    for cluster in clusters:
        mean = sum(e[attr] for e in cluster) / len(cluster)
        out.extend(_moved(e, attr, mean - e[attr]) for e in cluster)
    return out


def _moved(e: Edge, attr: str, offset: float) -> Edge:
    if attr == "x0":  # a vertical edge moves sideways
        return {**e, "x0": e["x0"] + offset, "x1": e["x1"] + offset}
    moved = {**e, "top": e["top"] + offset, "bottom": e["bottom"] + offset}
    if "doctop" in e:
        moved["doctop"] = e["doctop"] + offset
    if "y0" in e:
        moved["y0"], moved["y1"] = e["y0"] - offset, e["y1"] - offset
    return moved


def _joined(edges: list[Edge], orientation: str, tolerance: float) -> list[Edge]:
    """The edges of one line, in order of their start, each that starts within
    ``tolerance`` of the end of the one before extending it."""
    start, end = _SPAN[orientation]
    ordered = sorted(edges, key=lambda e: e[start])
    joined = [ordered[0]]
    for e in ordered[1:]:
        last = joined[-1]
        if e[start] <= last[end] + tolerance:
            if e[end] > last[end]:
                joined[-1] = _extended(last, end, e[end])
        else:
            joined.append(e)
    return joined


def _extended(e: Edge, end: str, value: float) -> Edge:
    """The edge with its end moved to ``value`` (its length kept as pdfplumber keeps it)."""
    if end == "x1":
        return {**e, "x1": value, "width": value - e["x0"]}
    diff = value - e["bottom"]
    out = {**e, "bottom": value, "height": e["height"] + diff}
    if "y0" in e:
        out["y0"] = e["y0"] - diff
    return out


Point = tuple[float, float]
_FAR = 1e9  # points: coordinates beyond this (hostile files) get the full search


def edges_to_intersections(
    edges: list[Edge], x_tolerance: float = 1, y_tolerance: float = 1
) -> dict[Point, dict[str, list[Edge]]]:
    """``pdfplumber.table.edges_to_intersections``: each crossing of a vertical and a
    horizontal edge (within the tolerances), with the edges that cross there."""
    intersections: dict[Point, dict[str, list[Edge]]] = {}
    vertical = sorted([e for e in edges if e["orientation"] == "v"], key=itemgetter("x0", "top"))
    horizontal = sorted(
        [e for e in edges if e["orientation"] == "h"], key=itemgetter("top", "x0")
    )
    heights = [h["top"] for h in horizontal]
    # the tops rise: a vertical edge is only tried against the tops near its span, with a
    # margin of a point for the rounding of the comparisons below
    windowed = all(math.isfinite(v) and abs(v) < _FAR for v in heights)
    for v in vertical:
        candidates = horizontal
        if windowed and math.isfinite(v["top"]) and math.isfinite(v["bottom"]):
            lo = bisect.bisect_left(heights, v["top"] - y_tolerance - 1)
            hi = bisect.bisect_right(heights, v["bottom"] + y_tolerance + 1)
            candidates = horizontal[lo:hi]
        for h in candidates:
            if (
                (v["top"] <= (h["top"] + y_tolerance))
                and (v["bottom"] >= (h["top"] - y_tolerance))
                and (v["x0"] >= (h["x0"] - x_tolerance))
                and (v["x0"] <= (h["x1"] + x_tolerance))
            ):
                vertex = (v["x0"], h["top"])
                if vertex not in intersections:
                    intersections[vertex] = {"v": [], "h": []}
                intersections[vertex]["v"].append(v)
                intersections[vertex]["h"].append(h)
    return intersections
