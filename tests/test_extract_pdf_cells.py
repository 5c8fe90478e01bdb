"""The fast ruled-table steps (edge merging, crossings, cells, tables) give pdfplumber's results."""

from __future__ import annotations

import itertools
import random

from pdfplumber.table import cells_to_tables, edges_to_intersections, merge_edges
from pdfplumber.table import intersections_to_cells as pdfplumber_cells

from pcfaudit.extract import pdf_cells, pdf_edges
from pcfaudit.extract.pdf_cells import intersections_to_cells
from pcfaudit.extract.pdf_page import _edge  # the edges as pages build them


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


def _page_edge(orientation: str, x0: float, top: float, x1: float, bottom: float) -> dict:
    return {**_edge(orientation, x0, top, x1, bottom), "doctop": top}


def _near_rules(rng: random.Random) -> list[dict]:
    """Rules drawn twice a fraction apart, cut in pieces that nearly touch, in any order:
    what snapping and joining exist for."""
    edges = []
    for _ in range(rng.randint(1, 40)):
        x0, y = rng.uniform(0, 500), rng.choice([100, 100.4, 101.5, 103.2, 250, 252.9, 600])
        x1 = x0 + rng.choice([0.5, 3, 20, 150])
        edges.append(_page_edge("h", x0, y + rng.choice([0, 0.25, 2.5]), x1, y))
        x, top = rng.choice([50, 51, 53.5, 300, 302.99]), rng.uniform(0, 700)
        edges.append(_page_edge("v", x, top, x, top + rng.choice([1, 3, 40, 200])))
    for e in edges:
        e["bottom"] = max(e["bottom"], e["top"])
        e["height"] = e["bottom"] - e["top"]
    rng.shuffle(edges)
    return edges


def test_same_merged_edges_as_pdfplumber() -> None:
    rng = random.Random(35)
    for k in range(400):
        edges = _grid(rng) if k % 2 else _near_rules(rng)
        assert pdf_edges.merge_edges(edges, 3, 3) == merge_edges(edges, 3, 3, 3, 3)
        assert pdf_edges.merge_edges(edges, 0, 1) == merge_edges(edges, 0, 0, 1, 1)


def test_merging_snaps_and_joins() -> None:
    edges = [_page_edge("h", 0, 10, 40, 10), _page_edge("h", 42, 12, 90, 12)]
    merged = pdf_edges.merge_edges(edges, 3, 3)
    assert merged == [_page_edge("h", 0, 11, 90, 11)]  # one rule at their mean height
    gap_of_three = [_page_edge("v", 5, 0, 5, 40), _page_edge("v", 5, 43, 5, 90)]
    assert pdf_edges.merge_edges(gap_of_three, 3, 3) == [_page_edge("v", 5, 0, 5, 90)]
    assert len(pdf_edges.merge_edges(gap_of_three, 3, 2.5)) == 2


def test_edges_pdfplumber_must_take_apart_go_to_pdfplumber() -> None:
    edges = [_page_edge("v", float("nan"), 0, float("nan"), 10), _page_edge("v", 5, 0, 5, 10)]
    assert len(pdf_edges.merge_edges(edges, 3, 3)) == len(merge_edges(edges, 3, 3, 3, 3))


def test_same_crossings_as_pdfplumber() -> None:
    rng = random.Random(36)
    for k in range(400):
        edges = pdf_edges.merge_edges(_grid(rng) if k % 2 else _near_rules(rng), 3, 3)
        ours, theirs = pdf_edges.edges_to_intersections(edges, 1, 1), edges_to_intersections(edges, 1, 1)
        assert ours == theirs and list(ours) == list(theirs)  # in the same order too
    # a vertical edge that ends exactly a tolerance short of a rule still crosses it
    edges = [_page_edge("h", 0, 10, 100, 10), _page_edge("v", 50, 11, 50, 40)]
    assert list(pdf_edges.edges_to_intersections(edges, 1, 1)) == [(50, 10)]
    assert pdf_edges.edges_to_intersections(edges, 1, 0.5) == {}


def test_same_tables_as_pdfplumber() -> None:
    rng = random.Random(37)
    tables = 0
    for _ in range(300):
        pages = [_grid(rng) for _ in range(rng.randint(1, 3))]  # tables side by side, apart
        edges = [e for page in pages for e in page]
        cells = intersections_to_cells(edges_to_intersections(merge_edges(edges, 3, 3, 3, 3)))
        rng.shuffle(cells)  # any order of cells
        expected = cells_to_tables(cells)
        assert pdf_cells.cells_to_tables(cells) == expected
        tables += len(expected)
    assert tables > 300
