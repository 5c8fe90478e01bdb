"""Copies of model objects built field by field (for speed, instead of dataclasses.replace)
carry every field: a field added to the class must be added to the copy too."""

from __future__ import annotations

import dataclasses

from pcfaudit.extract.common import assign_sections
from pcfaudit.model import Block, Cell, Location, Table


def test_location_copies_keep_every_other_field() -> None:
    values = {"line": 3, "page": 2, "bbox": (1.0, 2.0, 3.0, 4.0), "paragraph": 5, "table": 1,
              "row": 6, "column": 7, "section": "3.6", "quote": "0.5703"}  # fmt: skip
    assert {f.name for f in dataclasses.fields(Location)} == set(values)
    loc = Location(**values)
    assert loc.with_quote("q") == dataclasses.replace(loc, quote="q")
    assert loc.with_section("第三章") == dataclasses.replace(loc, section="第三章")


def test_sections_reach_every_cell_and_keep_its_fields() -> None:
    assert [f.name for f in dataclasses.fields(Cell)] == [
        "text",
        "location",
        "colspan",
        "rowspan",
        "source",
    ]
    cell = Cell(
        "0.5703", Location(page=4, table=0, row=1, column=2), colspan=2, rowspan=3, source="ocr"
    )
    table = Table(rows=[[cell]], location=Location(page=4, table=0), caption="表 2 排放因子")
    heading = Block(kind="heading", text="3.6 排放因子", location=Location(page=4), number="3.6")
    body = Block(kind="table", text="0.5703", location=Location(page=4), table=table)
    _, placed = assign_sections([heading, body])
    assert placed.table is not None
    (got,) = placed.table.rows[0]
    assert got == dataclasses.replace(
        cell, location=dataclasses.replace(cell.location, section="3.6")
    )
    assert placed.table.location.section == "3.6" and placed.table.caption == "表 2 排放因子"
