"""An order a sentence states ("由大到小的顺序为 F > X > M2 > CK > M1") against the table
column it is about.

The items are matched to the row labels of a table (or to its column labels, transposed):
the whole label, the code in its brackets ("翻耕(F)" → F) or the name without the code. Which
column the sentence means is read from the header words it shares with the sentence, counting
only words that tell the table's columns apart ("N2O", "全年" in a table whose every header
says "排放量"). An order is consistent when that column's numbers (or their magnitudes, for a
sink printed negative) follow it within rounding.

Doubt: when the sentence names no column, or names several that disagree, or another column
of the table follows the order exactly, the check cannot tell. It fails only when the named
columns agree on one true order that differs from the stated one by a few swapped pairs.
"""

from __future__ import annotations

import itertools
from collections.abc import Iterator
from dataclasses import dataclass

import regex

from pcfaudit.model import Number, Statement
from pcfaudit.quantities import Interval
from pcfaudit.recompute.core import Check
from pcfaudit.recompute.grids import Grid
from pcfaudit.vocab.stages import stages_in_text

_NOISE = regex.compile(r"[\s\p{P}\p{S}&&[^+\-]]+")
_CODE = regex.compile(r"[(（]\s*([^()（）]{1,12}?)\s*[)）]\s*$")
_WORD = regex.compile(r"[A-Za-z][A-Za-z0-9]+|\p{Han}+")


@dataclass
class _Column:
    grid: Grid
    rows: list[int]  # per stated item
    col: int
    score: int  # distinctive header words the sentence shares
    values: list[Number]  # per stated item


def ranking_checks(statements: list[Statement], grids: list[Grid]) -> Iterator[Check]:
    for s_i, st in enumerate(statements):
        if st.kind != "ranking" or not st.subject:
            continue
        groups = [g.split(" = ") for g in st.subject.split(" > ")]
        items = [item for group in groups for item in group]
        rank = dict(enumerate(g for g, group in enumerate(groups) for _ in group))
        columns = list(_columns(st, items, grids))
        if columns:
            yield _check(s_i, st, items, rank, columns)


def _keys(text: str) -> set[str]:
    """The ways a label may be named: whole, its bracketed code, its name without the code."""
    keys = {_norm(text)}
    code = _CODE.search(text)
    if code:
        keys |= {_norm(code.group(1)), _norm(text[: code.start()])}
    return {k for k in keys if k}


def _norm(text: str) -> str:
    return _NOISE.sub("", text).lower()


def _tokens(text: str) -> set[str]:
    """Latin words and Chinese bigrams: enough to see that "全年 N2O 排放" names a column."""
    out: set[str] = set()
    for w in _WORD.findall(text):
        if w[0].isascii():
            out.add(w.lower())
        else:
            out |= {w[i : i + 2] for i in range(len(w) - 1)}
    return out


def _stage(text: str) -> str | None:
    stages = stages_in_text(text)
    return stages[0].value if len(stages) == 1 else None


def _rows(grid: Grid, items: list[str]) -> list[int] | None:
    """The row each item names: by its label keys, else (for "原材料获取" against a row
    "原材料获取阶段") by the one life-cycle stage both name."""
    labels = [_keys(label) for label in grid.labels]
    stages = [_stage(label) for label in grid.labels]
    rows = []
    for item in items:
        keys = _keys(item)
        hits = [r for r, lk in enumerate(labels) if lk & keys]
        if not hits and (stage := _stage(item)):
            hits = [r for r, s in enumerate(stages) if s == stage]
        if len(hits) != 1:
            return None
        rows.append(hits[0])
    return rows if len(set(rows)) == len(rows) else None


def _columns(st: Statement, items: list[str], grids: list[Grid]) -> Iterator[_Column]:
    said = _tokens(st.text) - set().union(*(_tokens(i) for i in items))
    for grid in (g for base in grids for g in (base, base.transpose())):
        rows = _rows(grid, items)
        if rows is None:
            continue
        full = [c for c in grid.numeric_cols if all(grid.values[r][c] is not None for r in rows)]
        words = {c: _tokens(grid.headers[c]) for c in full}
        common = set.intersection(*words.values()) if words else set()
        for c in full:
            values = [v for r in rows if (v := grid.values[r][c]) is not None]
            yield _Column(grid, rows, c, len((words[c] - common) & said), values)


def _intervals(values: list[Number]) -> list[Interval]:
    iv = [Interval.of(v) for v in values]
    if all(v.value <= 0 for v in values):  # a sink printed negative: its size is ranked
        iv = [Interval(-x.hi, -x.lo) for x in iv]
    return iv


def _discordant(values: list[Number], rank: dict[int, int]) -> list[tuple[int, int]]:
    """Pairs (i, j) stated i > j whose numbers are the other way round. Rounding intervals
    are half-open: 2.28 and 2.29 touch at 2.285, yet 2.28 stands for less than 2.29."""
    iv = _intervals(values)
    return [
        (i, j)
        for i, j in itertools.permutations(range(len(values)), 2)
        if rank[i] < rank[j] and iv[i].hi <= iv[j].lo
    ]


def _follows(values: list[Number], rank: dict[int, int]) -> bool:
    """The column orders the items as stated: no pair the other way round, and at most one
    pair the sentence separates left tied (a column of equal values orders nothing)."""
    iv = _intervals(values)
    pairs = [(i, j) for i, j in itertools.permutations(range(len(values)), 2) if rank[i] < rank[j]]
    ordered = sum(iv[j].hi <= iv[i].lo for i, j in pairs)
    return not _discordant(values, rank) and ordered >= len(pairs) - 1


def _true_order(values: list[Number]) -> list[int]:
    sign = -1 if all(v.value <= 0 for v in values) else 1
    return sorted(range(len(values)), key=lambda i: -sign * values[i].value)


def _check(
    s_i: int, st: Statement, items: list[str], rank: dict[int, int], columns: list[_Column]
) -> Check:
    best = max(c.score for c in columns)
    named = [c for c in columns if c.score == best] if best else []
    bad = {id(c): _discordant(c.values, rank) for c in columns}
    check = Check(
        id=f"ranking:statements[{s_i}]",
        relation="ranking",
        status="cannot-tell",
        label=None,
        reported=st.subject,
        locations=[st.location],
        inputs=[f"statements[{s_i}]"],
    )
    if any(not bad[id(c)] for c in named) or any(_follows(c.values, rank) for c in columns):
        check.status = "pass"
        return check
    if not named:
        return check  # the sentence names no column: which one it means is unclear
    orders = {tuple(_true_order(c.values)) for c in named}
    pairs = len(items) * (len(items) - 1) // 2
    if len(orders) != 1 or any(len(bad[id(c)]) > max(1, pairs // 4) for c in named):
        return check
    column = named[0]
    values, grid, rows = column.values, column.grid, column.rows
    labels = [grid.labels[r] or items[i] for i, r in enumerate(rows)]
    swapped = sorted({pair for c in named for pair in bad[id(c)]})
    check.status = "fail"
    check.label = " / ".join(grid.headers[c.col] for c in named)
    check.expected = " > ".join(f"{labels[i]} {values[i].text}" for i in orders.pop())
    check.note = "; ".join(
        f"{labels[j]} {values[j].text} > {labels[i]} {values[i].text}" for i, j in swapped
    )
    check.locations += [
        grid.location(rows[k], c.col)
        for c in named
        for k in sorted({k for p in swapped for k in p})
    ]
    check.inputs.append(f"table[{grid.table_index}]")
    return check
