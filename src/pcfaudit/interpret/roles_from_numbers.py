"""Column roles from the numbers, where header words are missing or unknown.

A verifier does not need a header to see that one column is the product of two (or three)
others: the numbers say so. When the header words leave the quantity, factor or result
column unnamed (a header row lost in conversion, "Menge" / "Faktor", bare symbols), this
module looks for the product relation ``result = quantity × factor [× GWP]`` among the
numeric columns, converting each row's quantity unit to its factor's denominator
(kg → t, 万kWh → MWh) when unit columns are present. A relation is accepted on evidence: at
least ``MIN_ROWS`` rows with distinct results hold within printed rounding, and at least
two thirds of the rows where it can be judged. Header words that already named a role are
kept (they are evidence too); numbers only fill the roles the words left open. Likewise a
column whose values are each row's result over the total (× 100) is the share column, a
text column of units per something ("tCO2e/t") is the factor's unit, and a text column of
life-cycle stage names followed by another text column is the stage (category) column.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from fractions import Fraction
from itertools import combinations

import regex

from pcfaudit.model import Cell, Number
from pcfaudit.quantities import Interval
from pcfaudit.vocab.numbers import is_blank_mark, parse_number
from pcfaudit.vocab.stages import stage_of_text
from pcfaudit.vocab.units import conversion_factor, normalise_unit, split_unit

MIN_ROWS = 3
_MAX_NUMERIC = 10  # wider tables are series (years, sites), not an inventory
_PLAIN_NUMBER = regex.compile(r"^[-−+]?[\d.,\s\u00a0\u2009]+(?:[eE][-−+]?\d{1,3})?\s*%?$")
_NUMERIC_ROLES = ("quantity", "factor", "gwp", "result", "share")


def plain_number(text: str) -> Number | None:
    """The number a cell holds when the cell is nothing but that number."""
    t = text.strip()
    if not t or is_blank_mark(t) or not _PLAIN_NUMBER.match(t):
        return None
    return parse_number(t)


def unit_of_cell(text: str) -> str | None:
    """The unit a cell holds ("tCO2e/t"; "tCO2/MW h" as a PDF wraps it), or None."""
    t = text.strip()
    if not t or plain_number(t) is not None or len(t) > 20:
        return None
    return normalise_unit(t) or normalise_unit(regex.sub(r"\s+", "", t))


_unit_like = unit_of_cell


class _Columns:
    """The data rows of a table read once: numbers, units and texts per column."""

    def __init__(
        self, rows: list[list[Cell]], roles: dict[str, int], is_total: Callable[[str], bool]
    ) -> None:
        self.rows = [r for r in rows if not is_total(_lead(r))]
        self.width = max((len(r) for r in rows), default=0)
        self.roles = roles
        self.texts = [
            [r[c].text.strip() if c < len(r) else "" for c in range(self.width)] for r in self.rows
        ]
        self.numbers = [[plain_number(t) for t in row] for row in self.texts]
        self.totals = [r for r in rows if is_total(_lead(r))]
        # Every candidate product re-reads the same cells: their intervals, the products of
        # the leading inputs a longer product shares, and each product's expectation (one
        # per target tried) are computed once per row.
        self._intervals: dict[tuple[int, int], Interval] = {}
        self._products: dict[tuple[int, tuple[int, ...]], Interval] = {}
        self._expected: dict[tuple[int, tuple[int, ...]], Interval | None] = {}

    def interval(self, r: int, c: int) -> Interval:
        """The rounding interval of the number in row ``r``, column ``c`` (not None)."""
        iv = self._intervals.get((r, c))
        if iv is None:
            iv = self._intervals[r, c] = Interval.of(self.numbers[r][c])
        return iv

    def product(self, r: int, inputs: tuple[int, ...]) -> Interval:
        """The product of row ``r``'s numbers in ``inputs`` (each read as ``_factor_iv``),
        multiplied left to right."""
        iv = self._products.get((r, inputs))
        if iv is None:
            last = _factor_iv(self.numbers[r][inputs[-1]])  # type: ignore[arg-type]
            iv = last if len(inputs) == 1 else _times(self.product(r, inputs[:-1]), last)
            self._products[r, inputs] = iv
        return iv

    def expected(self, r: int, inputs: tuple[int, ...], scale: Fraction) -> Interval | None:
        """The product scaled to the result's unit, or None when rounding blurs it too much
        to judge (see ``_sharp``). ``scale`` is the row's: the same on every call."""
        key = (r, inputs)
        if key not in self._expected:
            iv = self.product(r, inputs)
            if scale != 1:
                iv = iv.scale(scale)
            self._expected[key] = iv if _sharp(iv) else None
        return self._expected[key]

    def free(self, c: int) -> bool:
        return c not in self.roles.values()

    def numeric(self) -> list[int]:
        out = []
        for c in range(self.width):
            present = [row[c] for row in self.numbers if row[c] is not None]
            filled = [t[c] for t in self.texts if t[c] and not is_blank_mark(t[c])]
            if len(present) >= MIN_ROWS and 3 * len(present) >= 2 * len(filled):
                out.append(c)
        return out

    def unit_columns(self) -> dict[str, int]:
        """{'unit': c, 'factor-unit': c} from cells that read as units."""
        found: dict[str, int] = {}
        for c in range(self.width):
            if not self.free(c):
                continue
            filled = [t[c] for t in self.texts if t[c] and not is_blank_mark(t[c])]
            units = [u for u in map(_unit_like, filled) if u]
            if len(units) < MIN_ROWS or 3 * len(units) < 2 * len(filled):
                continue
            per = sum("/" in u for u in units)
            role = "factor-unit" if 2 * per > len(units) else "unit"
            found.setdefault(role, c)
        return found


def _lead(row: list[Cell]) -> str:
    for cell in row[:3]:
        if cell.text.strip():
            return cell.text.strip()
    return ""


def _row_scale(cols: _Columns, r: int, unit_col: int | None, funit_col: int | None) -> Fraction:
    """The quantity's unit converted to the factor's denominator on row ``r`` (1 when
    either is unknown or they do not convert)."""
    if unit_col is None or funit_col is None:
        return Fraction(1)
    q_unit = unit_of_cell(cols.texts[r][unit_col])
    f_unit = unit_of_cell(cols.texts[r][funit_col])
    if not q_unit or not f_unit:
        return Fraction(1)
    den = split_unit(f_unit)[1]
    k = conversion_factor(q_unit, den) if den else None
    return k if k is not None else Fraction(1)


def _factor_iv(n: Number) -> Interval:
    """A whole number (a GWP, a factor of 1) is a stated constant; digits after the point
    stand for their rounding interval."""
    return Interval.exact(Fraction(n.value)) if n.decimals <= 0 else Interval.of(n)


def _times(a: Interval, b: Interval) -> Interval:
    """a × b; for the usual non-negative numbers two of Interval's four products suffice."""
    if a.lo >= 0 and b.lo >= 0:
        return Interval(a.lo * b.lo, a.hi * b.hi)
    return a * b


def _sharp(iv: Interval) -> bool:
    """The expected value is known to within ±1 %: holding there is evidence (the width at
    most a fiftieth of the midpoint, |lo + hi| / 2, with the halving multiplied out)."""
    twice_mid = iv.lo + iv.hi
    return twice_mid != 0 and 100 * (iv.hi - iv.lo) <= abs(twice_mid)


def _support(
    cols: _Columns, target: int, inputs: tuple[int, ...], scales: list[Fraction], floor: int = 0
) -> tuple[int, int, int]:
    """(rows holding, rows judged, distinct results among the holding rows). Rows whose
    expected value is too blurred by rounding to tell are not judged. The count stops once
    fewer than ``floor`` rows could hold (the caller has no use for such a product)."""
    held = judged = 0
    distinct: set[object] = set()
    rows = len(cols.numbers)
    for r, row in enumerate(cols.numbers):
        if held + rows - r < floor:
            break
        t = row[target]
        if t is None or not t.value or any((n := row[c]) is None or not n.value for c in inputs):
            continue
        expected = cols.expected(r, inputs, scales[r])
        if expected is None:
            continue
        judged += 1
        if cols.interval(r, target).meets(expected):
            held += 1
            distinct.add(t.value)
    return held, judged, len(distinct)


def _rows_to_win(best: tuple[int, int] | None, inputs: int) -> int:
    """The rows a product of ``inputs`` columns must hold to be accepted and to beat the
    best (rows held, inputs) so far: more rows, or as many with more inputs."""
    if best is None:
        return MIN_ROWS
    held, width = best
    return max(MIN_ROWS, held if inputs > width else held + 1)


def _accepted(held: int, judged: int, distinct: int) -> bool:
    return held >= MIN_ROWS and distinct >= MIN_ROWS and 3 * held >= 2 * judged


def _products(cols: _Columns, numeric: list[int]) -> Iterator[tuple[int, tuple[int, ...]]]:
    known = cols.roles.get("result")
    targets = [known] if known is not None else [c for c in numeric if cols.free(c)]
    for t in targets:
        left = [
            c
            for c in numeric
            if c < t and (cols.free(c) or _role(cols, c) in {"quantity", "factor", "gwp"})
        ]
        for n in (3, 2):
            for combo in combinations(left, n):
                yield t, combo


def _role(cols: _Columns, c: int) -> str | None:
    return next((role for role, col in cols.roles.items() if col == c), None)


def unit_columns(
    rows: list[list[Cell]], roles: dict[str, int], is_total: Callable[[str], bool]
) -> dict[str, int]:
    """The quantity-unit and factor-unit columns read from their cells, for a table whose
    header words named neither (the words clipped, or in no lexicon)."""
    return _Columns(rows, roles, is_total).unit_columns()


def complete_roles(
    rows: list[list[Cell]], roles: dict[str, int], is_total: Callable[[str], bool]
) -> tuple[list[str], str | None]:
    """Fill ``roles`` (in place) with what the numbers establish. Returns the roles added
    and the result column's unit when the factors' units establish it (the relation holds
    converting only the quantity to the factor's denominator, so the result is in the
    factor's numerator: tCO2e for factors in tCO2e/t, tCO2/MWh, tCH4/t …)."""
    if {"quantity", "factor", "result"} <= set(roles):
        return [], None
    cols = _Columns(rows, roles, is_total)
    numeric = cols.numeric()
    if len(numeric) < 3 or len(numeric) > _MAX_NUMERIC or len(cols.rows) < MIN_ROWS:
        return [], None
    added: list[str] = []
    units = cols.unit_columns()
    unit_col = roles.get("unit", units.get("unit"))
    funit_col = roles.get("factor-unit", units.get("factor-unit"))
    scales = [_row_scale(cols, r, unit_col, funit_col) for r in range(len(cols.rows))]
    best: tuple[tuple[int, int], int, tuple[int, ...]] | None = None
    for target, inputs in _products(cols, numeric):
        floor = _rows_to_win(best[0] if best else None, len(inputs))
        held, judged, distinct = _support(cols, target, inputs, scales, floor)
        if not _accepted(held, judged, distinct):
            continue
        key = (held, len(inputs))  # most rows; on a tie the product that names the GWP too
        if best is None or key > best[0]:
            best = (key, target, inputs)
    if best is None:
        return [], None
    _, target, inputs = best
    named = dict(zip(("quantity", "factor", "gwp"), inputs, strict=False))
    if len(inputs) == 2 and funit_col is not None and funit_col == inputs[0] + 1:
        named = {"factor": inputs[0], "quantity": inputs[1]}  # the factor's unit follows it
    for role, c in [("result", target), *named.items()]:
        if role not in roles and cols.free(c):
            roles[role] = c
            added.append(role)
    for role, c in units.items():
        if role not in roles and cols.free(c):
            roles[role] = c
            added.append(role)
    if "share" not in roles:
        share = _share_column(cols, numeric, roles["result"])
        if share is not None:
            roles["share"] = share
            added.append("share")
    return added, _numerator_mass(cols, funit_col)


def _numerator_mass(cols: _Columns, funit_col: int | None) -> str | None:
    """'tCO2e' when every factor unit of the table is per-something in tonnes of a gas
    (tCO2e/t, tCO2/MWh, tCH4/t, t/t); likewise kg or g. None when they differ."""
    if funit_col is None:
        return None
    masses = set()
    for row in cols.texts:
        unit = normalise_unit(row[funit_col]) if row[funit_col] else None
        if not unit or "/" not in unit:
            continue
        m = regex.match(r"(kg|mg|g|t)(?![a-z])", split_unit(unit)[0] or "")
        masses.add(m.group(1) if m else None)
    if len(masses) != 1 or None in masses:
        return None
    return normalise_unit(f"{masses.pop()}CO2e")


def _share_column(cols: _Columns, numeric: list[int], result: int) -> int | None:
    """A numeric column holding each row's result over the total, in %."""
    total = _total_result(cols, result)
    if total is None or not total.value:
        return None
    whole = Interval.of(total)
    for c in numeric:
        if not cols.free(c) or c == result:
            continue
        held = judged = 0
        for row in cols.numbers:
            part, share = row[result], row[c]
            if part is None or share is None or not part.value:
                continue
            judged += 1
            ratio = Interval.of(part) / whole
            if ratio is not None and Interval.of(share).meets(ratio.scale(100)):
                held += 1
        if held >= MIN_ROWS and 3 * held >= 2 * judged:
            return c
    return None


def _total_result(cols: _Columns, result: int) -> Number | None:
    for row in cols.totals:
        text = row[result].text if result < len(row) else ""
        n = plain_number(text)
        if n is not None:
            return n
    return None


def stage_column(rows: list[list[Cell]], roles: dict[str, int], width: int) -> int | None:
    """A free text column naming life-cycle stages on most rows, with another free text
    column to its right (the line labels): the category column."""
    text_cols = []
    for c in range(width):
        if c in roles.values():
            continue
        filled = [r[c].text.strip() for r in rows if c < len(r) and r[c].text.strip()]
        if filled and not any(plain_number(t) for t in filled):
            text_cols.append((c, filled))
    for c, filled in text_cols[:-1]:
        stages = sum(stage_of_text(t) is not None for t in filled)
        if stages >= MIN_ROWS and 3 * stages >= 2 * len(filled):
            return c
    return None
