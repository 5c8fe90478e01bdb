"""The same figure in two places must agree: a labelled value in the text and in a table, in
two tables, or the two ends of a series the text quotes ("from 734.13 in 2000 to 1 357.62 in
2015") and the table's rows for those years.

Doubt before accusing. A prose figure is matched to a table cell only when the clause before
it names the cell's row (or column) and, where that row holds several values (years,
scenarios, sites), the sentence names the cell's column too; both places must print units
that measure the same thing (t and 万t convert, t C and t CO2 convert by 44/12, t of coal and
t CO2 do not). A name that fits cells with different values is ambiguous: nothing is said.
Two tables are compared only when they share at least four labelled figures that agree, so
that one that does not is a slip and not a different product or year. A mismatch names its
likely cause: a power of ten, carbon versus CO2 (44/12), a digit slip, or another cell of the
same table (another year or scenario).
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterator
from fractions import Fraction
from itertools import combinations

import regex

from pcfaudit.model import Block, Number, Statement, Table
from pcfaudit.quantities import Interval
from pcfaudit.recompute.context import norm_label
from pcfaudit.recompute.core import Candidate, Check, make_check
from pcfaudit.recompute.figure_units import C_TO_CO2, conversion
from pcfaudit.recompute.figures import Figure, figure_grids, prose_figures, table_figures
from pcfaudit.recompute.grids import Grid
from pcfaudit.vocab.numbers import significant_digits

_YEAR = regex.compile(r"^(?:19|20)\d{2}$")
_MIN_AGREEING = 4  # shared figures two tables must agree on before one disagreement counts
_MAX_HOLDERS = 12  # a name printed in more tables than this pairs none of them
_MIN_DIGITS = 3  # a quoted series start this precise identifies its column


_SLASH = regex.compile(r"\s*[/／]\s*")
_DIGIT = regex.compile(r"\d")


def _key(text: str) -> str:
    return norm_label(_SLASH.split(text)[0])


_HAN = regex.compile(r"\p{Han}")
_YEARS = regex.compile(r"(?:19|20)\d{2}")


def _is_name(key: str) -> bool:
    return len(key) >= 2 and not key.isdigit()


def _named_in(key: str, folded: str, raw: str) -> bool:
    if not key:
        return False
    if key.isdigit():  # a year or a number label: a whole number in the sentence
        return regex.search(rf"(?<![\d.]){key}(?![\d.])", raw) is not None
    return key in folded


def _shares_word(a: str, b: str) -> bool:
    """Whether ``a`` and ``b`` share a word: two Chinese characters or four letters."""
    if not a:
        return True  # a column without a name: nothing to contradict
    for i in range(len(a)):
        size = 2 if _HAN.match(a[i]) else 4
        if i + size <= len(a) and a[i : i + size] in b:
            return True
    return False


def _significant(n: Number) -> int:
    return significant_digits(n.text.split("×")[0])


# --------------------------------------------------------------------------- prose


def _candidates(
    f: Figure,
    cells: list[Figure],
    counts: dict[tuple[int, str, int], int],
    keys: dict[int, tuple[str, str]],
) -> list[Figure]:
    """The cells the figure's clause names, the most specific tier only: both names in the
    clause, then the row named in the clause, then the column (the row only in the
    sentence, which may name several: "A was 1 t and B 2 t")."""
    clause, sentence = norm_label(f.names[0]), norm_label(f.context)
    tiers: list[list[Figure]] = [[], [], []]
    for cell in cells:
        assert cell.table is not None and cell.row is not None and cell.column is not None
        rk, ck = keys[id(cell)]
        if not ((rk in clause and _is_name(rk)) or (ck in clause and _is_name(ck))):
            continue  # the clause names neither: the common case, decided cheaply
        row_single = counts.get((cell.table, "r", cell.row), 0) == 1
        col_single = counts.get((cell.table, "c", cell.column), 0) == 1
        # Named by its row, the column must be named too, or be the row's only value and
        # share a word with the clause ("排放" for 排放量): "播种量" is not "籽粒产量".
        by_row = (
            _is_name(rk)
            and rk in clause
            and (
                _named_in(ck, sentence, f.context)
                or (row_single and (ck.isdigit() or _shares_word(ck, clause)))
            )
        )
        by_col = (
            _is_name(ck)
            and ck in clause
            and (
                _named_in(rk, sentence, f.context)
                or (col_single and (rk.isdigit() or _shares_word(rk, clause)))
            )
        )
        if by_row and by_col:
            tiers[0].append(cell)
        elif by_row:
            tiers[1].append(cell)
        elif by_col:
            tiers[2].append(cell)
    return next((tier for tier in tiers if tier), [])


def _others(cell: Figure, cells_by_table: dict[int, list[Figure]]) -> list[Figure]:
    """The cells in the same row or column of the same table: other years, scenarios."""
    return [
        o
        for o in cells_by_table.get(cell.table or 0, [])
        if o is not cell and (o.row == cell.row or o.column == cell.column)
    ]


def _judge(
    reported: Figure,
    source: Figure,
    k: Fraction,
    basis_changed: bool,
    others: list[Figure],
    check_id: str,
    label: str,
    note: str,
) -> Check:
    expected = Interval.of(source.number).scale(k)
    point = Fraction(source.number.value) * k
    alternatives = []
    if basis_changed:  # one place in C, the other in CO2: the value kept unconverted?
        undo = 1 / C_TO_CO2 if reported.unit and reported.unit.basis != "C" else C_TO_CO2
        alternatives.append(
            Candidate(
                "carbon-co2",
                expected.scale(undo),
                point * undo,
                "it is the other place's value without the 44/12 conversion between carbon (C) "
                "and CO2",
            )
        )
    else:
        for name, ratio in (("44/12", C_TO_CO2), ("12/44", 1 / C_TO_CO2)):
            alternatives.append(
                Candidate(
                    "carbon-co2",
                    expected.scale(ratio),
                    point * ratio,
                    f"the two differ by {name}: one place gives carbon (C), the other CO2",
                )
            )
    for o in others:
        alternatives.append(
            Candidate(
                "other-cell",
                Interval.of(o.number).scale(k),
                Fraction(o.number.value) * k,
                f"it equals {' / '.join(x for x in o.names if x)} ({o.number.text}) of the "
                "same table: another year, scenario or row",
            )
        )
    check = make_check(
        id=check_id,
        relation="same-figure",
        reported=reported.number,
        expected=expected,
        point=point,
        unit=reported.unit_text or None,
        locations=[reported.location, source.location],
        inputs=[f"table[{source.table}]"],
        label=label,
        alternatives=alternatives,
        note=note,
    )
    if k == 1:
        check.expected = source.number.text  # as the other place prints it
    if check.diagnosis is not None and check.diagnosis.code in {"power-of-ten", "unit-slip"}:
        check.diagnosis.code = "figure-scale"  # reported by the same-figure rule, not UN001
    return check


def _prose_checks(prose: list[Figure], cells: list[Figure], grids: list[Grid]) -> Iterator[Check]:
    counts: dict[tuple[int, str, int], int] = {}
    by_table: dict[int, list[Figure]] = {}
    keys: dict[int, tuple[str, str]] = {}
    for cell in cells:
        assert cell.table is not None
        by_table.setdefault(cell.table, []).append(cell)
        rk, ck = _key(cell.names[0]), _key(cell.names[1])
        keys[id(cell)] = (rk, ck)
    for grid in grids:
        # Cells printing a digit, read as a number or not ("14 177±798b"): how many values
        # a row or column holds as a reader sees it.
        filled = [[bool(x and _DIGIT.search(x.text)) for x in row] for row in grid.cells]
        for r, row in enumerate(filled):
            counts[(grid.table_index, "r", r)] = sum(row) - (1 if row and row[0] else 0)
        for col in range(len(grid.headers)):
            counts[(grid.table_index, "c", col)] = sum(row[col] for row in filled if col < len(row))
    for i, f in enumerate(prose):
        assert f.unit is not None
        matched = []
        for cell in _candidates(f, cells, counts, keys):
            conv = conversion(cell.unit, f.unit) if cell.unit is not None else None
            if conv is not None:
                matched.append((cell, *conv))
        if not matched:
            continue
        if any(Interval.of(f.number).meets(Interval.of(c.number).scale(k)) for c, k, _ in matched):
            continue  # one of the cells it may name agrees
        points = {Fraction(c.number.value) * k for c, k, _ in matched}
        if len(points) > 1:
            continue  # the name fits cells with different values: ambiguous
        cell, k, changed = matched[0]
        name = " / ".join(x for x in cell.names if x)
        yield _judge(
            f,
            cell,
            k,
            changed,
            _others(cell, by_table),
            f"same-figure:p{i}",
            name,
            f"the text gives {f.number.text} {f.unit_text} for '{f.names[0][-40:]}'; table "
            f"{(cell.table or 0) + 1} gives {cell.number.text} {cell.unit_text} for {name}",
        )


# --------------------------------------------------------------------------- two tables


def _table_checks(cells: list[Figure]) -> Iterator[Check]:
    by_table: dict[int, dict[frozenset[str], list[Figure]]] = {}
    for c in cells:
        rk, ck = _key(c.names[0]), _key(c.names[1])
        if not rk or not ck or not (_is_name(rk) or _is_name(ck)):
            continue
        assert c.table is not None
        by_table.setdefault(c.table, {}).setdefault(frozenset((rk, ck)), []).append(c)
    # Pairs of tables sharing enough names, found through the names (a name in very many
    # tables, a repeated template, identifies nothing and is not used to pair them).
    holders: dict[frozenset[str], list[int]] = {}
    for t, figures in by_table.items():
        for key in figures:
            holders.setdefault(key, []).append(t)
    shared_count: Counter[tuple[int, int]] = Counter()
    for tables in holders.values():
        if len(tables) <= _MAX_HOLDERS:
            shared_count.update(combinations(sorted(tables), 2))
    for (t1, t2), n in sorted(shared_count.items()):
        if n < _MIN_AGREEING + 1:
            continue
        a, b = by_table[t1], by_table[t2]
        shared = [key for key in a if key in b and len(a[key]) == 1 and len(b[key]) == 1]
        if len(shared) < _MIN_AGREEING + 1:
            continue
        agree, differ = 0, []
        for key in shared:
            x, y = a[key][0], b[key][0]
            if x.unit is not None and y.unit is not None:
                conv = conversion(x.unit, y.unit)
            elif x.unit is None and y.unit is None:
                conv = (Fraction(1), False)
            else:
                conv = None
            if conv is None:
                continue
            if Interval.of(y.number).meets(Interval.of(x.number).scale(conv[0])):
                agree += 1
            else:
                differ.append((x, y, *conv))
        if agree < _MIN_AGREEING or len(differ) > max(1, agree // 5):
            continue  # not the same figures: another product, year or scenario
        for x, y, k, changed in differ:
            name = " / ".join(n for n in y.names if n)
            yield _judge(
                y,
                x,
                k,
                changed,
                [],
                f"same-figure:t{t1}t{t2}:{y.row}:{y.column}",
                name,
                f"tables {t1 + 1} and {t2 + 1} agree on {agree} other figures they share; "
                f"{name} is {x.number.text} in table {t1 + 1} and {y.number.text} in table "
                f"{t2 + 1}",
            )


# --------------------------------------------------------------------------- series ends


def _year_rows(grid: Grid) -> dict[str, int]:
    """Row of each year: from the row labels, or from a column of years (a header row of
    years read as numbers, seen in the transpose)."""
    rows = {label.strip(): r for r, label in enumerate(grid.labels) if _YEAR.match(label.strip())}
    if len(rows) >= 2:
        return rows
    for c in range(len(grid.headers)):
        column = [(r, n) for r, row in enumerate(grid.values) if (n := row[c]) is not None]
        if len(column) >= 2 and all(_YEAR.match(n.text) for _, n in column):
            return {n.text: r for r, n in column}
    return rows


def _scale_to(reported: Number, cell: Number) -> Fraction | None:
    """The power of ten k with reported = cell × k within rounding (a unit the text prints
    and the table leaves to its caption), or None."""
    if not cell.value or not reported.value:
        return None
    for e in range(-9, 10):
        k = Fraction(10) ** e
        if Interval.of(reported).meets(Interval.of(cell).scale(k)):
            return k
    return None


def _series_checks(statements: list[Statement], grids: list[Grid]) -> Iterator[Check]:
    for s_i, st in enumerate(statements):
        years = _YEARS.findall(st.subject or "")
        if st.kind != "growth-rate" or len(st.values) < 2 or len(years) != 2:
            continue
        start, end = st.values[0], st.values[1]
        if _significant(start) < _MIN_DIGITS:
            continue
        hits = []
        for grid in [g for plain in grids for g in (plain, plain.transpose())]:
            rows = _year_rows(grid)
            if years[0] not in rows or years[1] not in rows:
                continue
            r0, r1 = rows[years[0]], rows[years[1]]
            for c in range(len(grid.headers)):
                v0, v1 = grid.values[r0][c], grid.values[r1][c]
                if v0 is None or v1 is None:
                    continue
                k = _scale_to(start, v0)
                if k is not None:
                    hits.append((grid, c, r0, r1, k))
        if len({id(g.cells[r1][c]) for g, c, _, r1, _ in hits}) != 1:
            continue  # no column, or several, start where the text starts
        grid, c, r0, r1, k = hits[0]
        v1 = grid.values[r1][c]
        assert v1 is not None
        names = (grid.labels[r1], grid.headers[c])
        where = grid.location(r1, c)
        cell = Figure(v1, None, "", names, grid.caption, where, grid.table_index, r1, c)
        quoted = Figure(end, None, "", (st.subject or "",), st.text, st.location)
        name = f"{grid.headers[c] or 'column ' + str(c + 1)} {years[1]}".strip()
        check = _judge(
            quoted,
            cell,
            k,
            False,
            [],
            f"same-figure:s{s_i}",
            name,
            f"the text quotes the series from {start.text} ({years[0]}) to {end.text} "
            f"({years[1]}); table {grid.table_index + 1} has {start.text.split('×')[0].strip()} "
            f"for {years[0]} in the same column, and {v1.text} for {years[1]}; evidence strong",
        )
        mantissa = regex.match(r"[-−]?[\d ,.]*\d", end.text)
        if k != 1 and mantissa and mantissa.end() < len(end.text):
            # Say it as the text prints it: "1785.68 × 10⁴", "92.50 万".
            check.expected = v1.text + end.text[mantissa.end() :]
        yield check


def same_figure_checks(
    tables: list[Table], grids: list[Grid], blocks: list[Block], statements: list[Statement]
) -> Iterator[Check]:
    """Every failing comparison of a figure printed twice (passing ones are not kept: a
    figure repeated correctly is not a check a verifier counts)."""
    all_grids = figure_grids(tables, grids)
    cells = list(table_figures(all_grids))
    grids = all_grids
    checks = [
        *_prose_checks(
            list(prose_figures(blocks)), [c for c in cells if c.unit is not None], grids
        ),
        *_table_checks(cells),
        *_series_checks(statements, grids),
    ]
    yield from (c for c in checks if c.status == "fail")
