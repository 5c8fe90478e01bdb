"""Crude oil summed with the products refined from it: a total that adds 原油 to 汽油, 煤油,
柴油 and 燃料油. Crude oil is refinery feedstock; in an energy balance its consumption is the
refinery's input, and the fuels burnt are its products. Counting the crude's carbon beside
the products' counts the same carbon twice, unless the crude itself is burnt (rare, and then
the report should say so).

Read from the arithmetic: a column (or row) that the table's numbers show to be the sum of
others, among which one is named crude oil and two or more name refined products.
"""

from __future__ import annotations

from collections.abc import Iterator

import regex

from pcfaudit.recompute.core import Check
from pcfaudit.recompute.discover import _Relation

MIN_PRODUCTS = 2
_CRUDE = regex.compile(r"原油|crude", regex.IGNORECASE)
_PRODUCTS = regex.compile(
    r"汽油|煤油|柴油|燃料油|石脑油|液化石油气|gasoline|petrol|kerosene|jet\s*fuel|diesel|"
    r"fuel\s*oil|naphtha|\bLPG\b",
    regex.IGNORECASE,
)


def crude_double_count_checks(relations: list[_Relation]) -> Iterator[Check]:
    seen: set[int] = set()
    for rel in relations:
        grid, total = rel.target
        if rel.kind != "sum" or grid.table_index in seen:
            continue
        if any(g is not grid for g, _ in rel.inputs):
            continue  # a sum across tables: not one balance
        names = [grid.headers[c].strip() for _, c in rel.inputs]
        crude = [n for n in names if _CRUDE.search(n)]
        products = [n for n in names if _PRODUCTS.search(n) and not _CRUDE.search(n)]
        if len(crude) != 1 or len(products) < MIN_PRODUCTS:
            continue
        seen.add(grid.table_index)
        summed = " + ".join(names)
        total_name = grid.headers[total].strip() or "the total"
        first = next((r for (r, _), h in zip(rel.rows, rel.holds, strict=True) if h), 0)
        yield Check(
            id=f"crude-double-count:table[{grid.table_index}]",
            relation="crude-double-count",
            status="fail",
            label=total_name,
            reported=f"{total_name} = {summed}",
            expected=f"{crude[0]} or its products ({', '.join(products)}), not both",
            locations=[grid.location(first, total)]
            + [grid.location(first, c) for _, c in rel.inputs if grid.headers[c].strip() == crude[0]],
            inputs=[f"table[{grid.table_index}]"],
            note=(
                f"{total_name} adds {crude[0]} to the products refined from it "
                f"({', '.join(products)}); crude oil is refinery feedstock, so its carbon is "
                "counted again in the products burnt"
            ),
        )
