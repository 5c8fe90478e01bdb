"""The relations found in the tables, one passing Check each: what the table arithmetic
audited. Relation discovery reports a cell only when it breaks a relation; a relation that
holds on every row would otherwise leave no trace, and the coverage (and EX001) could not
tell "the tables were checked and their sums hold" from "nothing in the tables was checked".

Each Check carries no table in its location (it is one statement about a column, not a
row), so the row-by-row tallies of failing relations are not changed by it.
"""

from __future__ import annotations

from collections.abc import Iterator

from pcfaudit.model import Location
from pcfaudit.recompute.core import Check
from pcfaudit.recompute.discover import _informative, _Relation
from pcfaudit.recompute.relation_checks import _describe, _preference


def held_relation_checks(relations: list[_Relation]) -> Iterator[Check]:
    """One ``table-relation`` Check with status ``pass`` per table column explained by an
    accepted relation (the preferred one), naming the table, the column and the rows held."""
    best: dict[tuple[int, bool, int], _Relation] = {}
    for rel in relations:
        if not _informative(rel):
            continue
        grid, col = rel.target
        key = (grid.table_index, grid.transposed, col)
        if key not in best or _preference(rel) < _preference(best[key]):
            best[key] = rel
    for (table, transposed, col), rel in sorted(best.items()):
        grid = rel.target[0]
        what = "row" if transposed else "column"
        header = grid.headers[col] or str(col + 1)
        label = f"table {table + 1} {what} {header}: {_describe(rel)}"
        note = f"holds on {rel.support} of {rel.evaluated} rows"
        yield Check(
            id=f"relation-held:t{table}{'T' if transposed else ''}:c{col}",
            relation="table-relation",
            status="pass",
            label=label,
            note=note,
            locations=[Location(quote=f"{label} ({note})")],
        )
