"""The fast ruled-cell finder gives pdfplumber's cells, in pdfplumber's order."""

from __future__ import annotations

import itertools
import random

from pdfplumber.table import edges_to_intersections, merge_edges
from pdfplumber.table import intersections_to_cells as pdfplumber_cells

from pcfaudit.extract.pdf_cells import intersections_to_cells


def _edge(orientation: str, x0: float, top: float, x1: float, bottom: float) -> dict:
    return {
        "orientation": orientation,
        "x0": x0,
        "x1": x1,
        "top": top,
        "bottom": bottom,
        "width": x1 - x0,
        "height": bottom - top,
        "object_type": "line",
    }


def _grid(rng: random.Random) -> list[dict]:
    """A ruled table with some rules missing (merged cells), some cut short, some doubled."""
    xs = sorted(rng.sample(range(20, 500, 10), rng.randint(2, 7)))
    ys = sorted(rng.sample(range(20, 700, 10), rng.randint(2, 9)))
    edges = []
    for y in ys:
        for a, b in itertools.pairwise(xs):
            if rng.random() < 0.85:
                edges.append(_edge("h", a, y, b - (5 if rng.random() < 0.05 else 0), y))
    for x in xs:
        for a, b in itertools.pairwise(ys):
            if rng.random() < 0.85:
                edges.append(_edge("v", x + (0.5 if rng.random() < 0.1 else 0), a, x, b))
    return edges


def test_same_cells_as_pdfplumber_on_ragged_grids() -> None:
    rng = random.Random(16)
    found = 0
    for _ in range(300):
        intersections = edges_to_intersections(merge_edges(_grid(rng), 3, 3, 3, 3), 1, 1)
        expected = pdfplumber_cells(intersections)
        assert intersections_to_cells(intersections) == expected
        found += len(expected)
    assert found > 1000  # the grids do hold cells


def test_a_two_by_two_table() -> None:
    edges = [_edge("h", 0, y, 100, y) for y in (0, 10, 20)]
    edges += [_edge("v", x, 0, x, 20) for x in (0, 50, 100)]
    cells = intersections_to_cells(edges_to_intersections(edges, 1, 1))
    assert cells == [(0, 0, 50, 10), (0, 10, 50, 20), (50, 0, 100, 10), (50, 10, 100, 20)]


def test_a_missing_rule_merges_two_cells() -> None:
    edges = [_edge("h", 0, 0, 100, 0), _edge("h", 0, 10, 50, 10), _edge("h", 0, 20, 100, 20)]
    edges += [_edge("v", x, 0, x, 20) for x in (0, 50, 100)]
    cells = intersections_to_cells(edges_to_intersections(edges, 1, 1))
    assert (50, 0, 100, 20) in cells and (50, 0, 100, 10) not in cells
