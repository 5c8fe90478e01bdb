"""EPD result-matrix relations, recomputed with honest rounding: one :class:`Check` per
module and relation. The EP rules read these checks; they never recompute.

Relations (``Check.id`` prefix → relation):

* ``epd:gwp-total:`` GWP-total = GWP-fossil + GWP-biogenic + GWP-luluc (EN 15804+A2);
* ``epd:gwp-ghg:`` GWP-GHG = GWP-fossil + GWP-luluc (``note`` "below" when GWP-GHG is
  under the sum's interval, which no definition allows);
* ``epd:pert:`` PERT = PERE + PERM and ``epd:penrt:`` PENRT = PENRE + PENRM;
* ``epd:aggregate:`` an aggregated module (A1-A3, C1-C4) or a total = the sum of its
  modules (the parts may come from another table on the same basis; a total may include
  module D or not).

Every printed number is an interval (``4.84E+00`` is [4.835, 4.845]); a relation holds
when the reported interval meets the sum of the parts' intervals. ``Check.expected`` is
the recomputed sum to four significant digits, ``inputs`` the parts as printed
("GWP-fossil 4.74E+00") and ``locations`` the reported cell first, then the parts.
"""

from __future__ import annotations

from collections.abc import Iterator
from fractions import Fraction

import regex

from pcfaudit.model import Location, MatrixValue, Number, Report, ResultMatrix
from pcfaudit.quantities import Interval, fmt_sig, interval_sum
from pcfaudit.recompute.core import Check, make_check
from pcfaudit.vocab.epd import ALL_MODULES, parts_of

Cells = dict[tuple[str, str], MatrixValue]
_ROUND_MANTISSA = regex.compile(r"^[-−]?\d[.,]0+E([-+]?\d+)$", regex.IGNORECASE)

# (check id, total indicator, parts, relation as written)
SUMS: tuple[tuple[str, str, tuple[str, ...], str], ...] = (
    ("gwp-total", "GWP-total", ("GWP-fossil", "GWP-biogenic", "GWP-luluc"),
     "GWP-total = GWP-fossil + GWP-biogenic + GWP-luluc"),
    ("gwp-ghg", "GWP-GHG", ("GWP-fossil", "GWP-luluc"), "GWP-GHG = GWP-fossil + GWP-luluc"),
    ("pert", "PERT", ("PERE", "PERM"), "PERT = PERE + PERM"),
    ("penrt", "PENRT", ("PENRE", "PENRM"), "PENRT = PENRE + PENRM"),
)  # fmt: skip


def cells(matrix: ResultMatrix) -> Cells:
    """(indicator, module) → value; the first printed wins when a table repeats a row."""
    out: Cells = {}
    for v in matrix.values:
        out.setdefault((v.indicator, v.module), v)
    return out


def basis_key(matrix: ResultMatrix, report: Report) -> str:
    """'DU' for results per declared unit (or unsaid), else the unit of the basis ('kg')."""
    basis = matrix.basis
    if basis is None or basis == "declared unit":
        return "DU"
    unit = basis.split()[-1]
    du = {s.subject for s in report.statements if s.kind == "epd-declared-unit"}
    return "DU" if du == {unit} else unit


def _quoted(v: MatrixValue) -> Location:
    return v.location if v.location.quote else v.location.with_quote(v.number.text)


def _interval(number: Number) -> Interval:
    """The printed number's interval; '1.00E-03' may be a value rounded to three decimals
    before it was written in E notation (EPD tools do this), so a mantissa of zeros counts
    at one significant digit: [0.5E-03, 1.5E-03]."""
    m = _ROUND_MANTISSA.match(number.text)
    if not m or number.value == 0:
        return Interval.of(number)
    half = Fraction(1, 2) * Fraction(10) ** int(m.group(1))
    v = Fraction(number.value)
    return Interval(v - half, v + half)


def _check(id_: str, relation: str, reported: MatrixValue, parts: list[MatrixValue]) -> Check:
    iv = interval_sum(_interval(p.number) for p in parts)
    point = sum((Fraction(p.number.value) for p in parts), Fraction(0))
    check = make_check(
        id=id_,
        relation=relation,
        reported=reported.number,
        expected=iv,
        point=point,
        unit=reported.unit,
        locations=[_quoted(reported), *(_quoted(p) for p in parts)],
        inputs=[f"{p.indicator} {p.module} {p.number.text}" for p in parts],
        label=reported.module,
        units=(reported.unit,),
    )
    check.expected = fmt_sig(point, 4)
    mine = _interval(reported.number)
    if check.status == "fail" and mine.meets(iv):
        check.status, check.diagnosis, check.impact = "pass", None, None
    if mine.hi < iv.lo:
        check.note = "below"
    return check


def epd_checks(report: Report) -> list[Check]:
    """Every EPD matrix relation the report lets us recompute."""
    return [*_sum_checks(report), *_aggregate_checks(report)]


def _sum_checks(report: Report) -> Iterator[Check]:
    for matrix in report.matrices:
        grid = cells(matrix)
        # GWP-GHG is often printed in its own table, beside the resource indicators: its
        # parts come from another table on the same basis when this one lacks them.
        same_basis = [
            cells(m) for m in report.matrices
            if m is not matrix and basis_key(m, report) == basis_key(matrix, report)
        ]  # fmt: skip
        for code, total_name, part_names, relation in SUMS:
            for module in matrix.modules:
                total = grid.get((total_name, module))
                if total is None:
                    continue
                others = same_basis if code == "gwp-ghg" else []
                parts = [_part(grid, others, p, module) for p in part_names]
                present = [p for p in parts if p is not None]
                id_ = f"epd:{code}:{matrix.table}:{module}"
                if len(present) < len(part_names):
                    yield Check(id=id_, relation=relation, status="cannot-tell", label=module,
                                reported=total.number.text, note="a part is not printed")  # fmt: skip
                    continue
                yield _check(id_, relation, total, present)


def _part(grid: Cells, others: list[Cells], indicator: str, module: str) -> MatrixValue | None:
    """The part from this table, else from the one other table (same basis) printing it."""
    if (indicator, module) in grid:
        return grid[(indicator, module)]
    found = [g[(indicator, module)] for g in others if (indicator, module) in g]
    return found[0] if len(found) == 1 else None


def _parts_from(
    report: Report, matrix: ResultMatrix, indicator: str, parts: list[str]
) -> list[MatrixValue] | None:
    """The parts of an aggregate from the same table, else from one table on the same basis
    that does not print the aggregate itself (that one is compared by EP004)."""
    key = basis_key(matrix, report)
    aggregate = f"{parts[0]}-{parts[-1]}"
    others = [
        m
        for m in report.matrices
        if m is not matrix
        and basis_key(m, report) == key
        and (indicator, aggregate) not in cells(m)
    ]
    for m in [matrix, *others]:
        grid = cells(m)
        found = [grid.get((indicator, p)) for p in parts]
        if all(f is not None for f in found):
            return [f for f in found if f is not None]
    return None


def _total_parts(modules: list[str], with_d: bool) -> list[str]:
    """A partition of the printed modules into what a total sums: aggregates first, then
    single modules they do not cover; D only when asked."""
    chosen: list[str] = []
    covered: set[str] = set()
    for m in sorted((m for m in modules if "-" in m), key=lambda m: -len(parts_of(m))):
        if not covered & set(parts_of(m)):
            chosen.append(m)
            covered |= set(parts_of(m))
    for m in modules:
        if m in ALL_MODULES and m not in covered and (m != "D" or with_d):
            chosen.append(m)
            covered.add(m)
    return chosen


def _aggregate_checks(report: Report) -> Iterator[Check]:
    for matrix in report.matrices:
        grid = cells(matrix)
        for (indicator, module), value in grid.items():
            id_ = f"epd:aggregate:{matrix.table}:{indicator}:{module}"
            relation = f"{indicator} {module} = sum of its modules"
            if "-" in module:
                parts = _parts_from(report, matrix, indicator, parts_of(module))
                if parts is None:
                    yield Check(id=id_, relation=relation, status="cannot-tell", label=module)
                    continue
                yield _check(id_, relation, value, parts)
            elif module == "total":
                mods = [m for m in matrix.modules if m != "total"]
                without_d = [grid[(indicator, m)] for m in _total_parts(mods, False)
                             if (indicator, m) in grid]  # fmt: skip
                with_d = [grid[(indicator, m)] for m in _total_parts(mods, True)
                          if (indicator, m) in grid]  # fmt: skip
                if len(without_d) < 2:
                    yield Check(id=id_, relation=relation, status="cannot-tell", label=module)
                    continue
                check = _check(id_, relation, value, without_d)
                if check.status == "fail" and len(with_d) > len(without_d):
                    alt = _check(id_, relation + " (with D)", value, with_d)
                    if alt.status in {"pass", "truncated"}:
                        check = alt
                yield check
