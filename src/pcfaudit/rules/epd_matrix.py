"""EPD rules across tables (EP004, EP005) and against the module declaration (EP007)."""

from __future__ import annotations

from collections.abc import Iterator
from fractions import Fraction

from pcfaudit.model import Finding, MatrixValue, Number, ResultMatrix
from pcfaudit.quantities import Interval, fmt_sig
from pcfaudit.rules.engine import RuleContext, rule
from pcfaudit.rules.epd_common import Cells, basis_key, cells, where
from pcfaudit.rules.epd_common import quoted as _quoted
from pcfaudit.vocab.epd import parts_of
from pcfaudit.vocab.units import conversion_factor

# --------------------------------------------------------------------------- EP004 / EP005


def _mass_per_du(ctx: RuleContext) -> Interval | None:
    """Mass per declared unit in kg, from a stated mass or a declared unit that is a mass."""
    for s in ctx.report.statements:
        if s.kind in {"epd-mass-per-du", "epd-declared-unit"} and s.values and s.subject:
            k = conversion_factor(s.subject, "kg")
            if k is not None:
                return Interval.of(s.values[0]).scale(k)
    return None


def _scale(ctx: RuleContext, a: ResultMatrix, b: ResultMatrix) -> Interval | None:
    """x such that a value of ``b`` × x is on ``a``'s basis; None when it cannot be said."""
    ka, kb = basis_key(a, ctx.report), basis_key(b, ctx.report)
    if ka == kb:
        return Interval.exact(1)
    mass = _mass_per_du(ctx)
    units = {ka, kb} - {"DU"}
    if mass is None or len(units) != 1 or "DU" not in {ka, kb}:
        return None
    per = conversion_factor(units.pop(), "kg")  # a value per 1 t is per 1000 kg
    if per is None:
        return None
    per_kg_to_du = mass.scale(1 / per)
    if ka == "DU":
        return per_kg_to_du
    return Interval(1 / per_kg_to_du.hi, 1 / per_kg_to_du.lo)


def _meets(x: Number, y: Number, k: Interval) -> bool:
    return Interval.of(x).meets(Interval.of(y) * k)


def _row_equal(ga: Cells, ia: str, gb: Cells, ib: str, k: Interval) -> bool:
    """Row ``ia`` of one table prints exactly row ``ib`` of another (a copied row): same
    basis, at least two common modules, identical values."""
    if not k.lo == k.hi == 1:
        return False
    common = [m for (i, m) in ga if i == ia and (ib, m) in gb]
    return len(common) >= 2 and all(
        ga[(ia, m)].number.value == gb[(ib, m)].number.value for m in common
    )


@rule("EP004")
def same_indicator_differs(ctx: RuleContext) -> Iterator[Finding]:
    """One indicator in one module printed with different values in two tables.

    A summary table and the full results, or results per declared unit and per kg (scaled
    by the stated mass per declared unit), must agree within rounding. When they do not,
    at least one table is wrong and the reader cannot tell which. Tables on bases that
    cannot be converted (no mass per declared unit) are counted as 'could not tell'. A row
    that carries another indicator's values is reported by EP005 instead.

    Example: Table 3 GWP-total A1-A3 2.76E+02; Table 4 (summary) GWP-total A1-A3 2.67E+02.
    """
    yield from _cross(ctx, swapped=False)


@rule("EP005")
def row_carries_other_indicator(ctx: RuleContext) -> Iterator[Finding]:
    """A row labelled with one indicator carries another indicator's values.

    When table A's 'GWP-fossil' row differs from table B's 'GWP-fossil' row but equals, in
    every common module, table B's 'GWP-total' row, the label (or the copied row) is wrong:
    a typical copy-paste slip between a summary and the full results.

    Example: summary 'GWP-fossil 2.76E+02 8.77E+00 …' equals the full table's GWP-total row.
    """
    yield from _cross(ctx, swapped=True)


def _cross(ctx: RuleContext, swapped: bool) -> Iterator[Finding]:
    matrices = ctx.report.matrices
    copied = _copied_rows(ctx)
    reported: set[tuple[int, str, str]] = set()  # (matrix, indicator, module) already shown
    for i, a in enumerate(matrices):
        for b in matrices[i + 1 :]:
            k = _scale(ctx, a, b)
            ga, gb = cells(a), cells(b)
            for indicator in a.indicators:
                common = [m for m in a.modules if (indicator, m) in ga and (indicator, m) in gb]
                if not common:
                    continue
                if k is None:
                    ctx.count(None)
                    continue
                bad = [
                    m
                    for m in common
                    if not _meets(ga[(indicator, m)].number, gb[(indicator, m)].number, k)
                ]
                if not swapped:
                    ctx.count(not bad)
                if not bad:
                    continue
                in_a = _other_row(ga, indicator, gb, b, k)
                in_b = _other_row(gb, indicator, ga, a, _inv(k))
                if swapped and (in_a or in_b):
                    holder, ref, other = (a, b, in_a) if in_a else (b, a, in_b)
                    yield _swap_finding(ctx, holder, ref, indicator, str(other), common)
                elif not swapped and not (in_a or in_b):
                    j = matrices.index(b)
                    if (i, indicator) in copied or (j, indicator) in copied:
                        continue  # a copied row: EP005 says so
                    bad = [m for m in bad if (j, indicator, m) not in reported]
                    if bad:
                        reported.update((x, indicator, m) for m in bad for x in (i, j))
                        yield _diff_finding(ctx, a, b, indicator, bad, ga, gb, k)


def _copied_rows(ctx: RuleContext) -> set[tuple[int, str]]:
    """(matrix index, indicator) of every row that prints another table's other row."""
    out: set[tuple[int, str]] = set()
    matrices = ctx.report.matrices
    for i, a in enumerate(matrices):
        for j, b in enumerate(matrices):
            if i == j or _scale(ctx, a, b) is None:
                continue
            ga, gb = cells(a), cells(b)
            one = Interval.exact(1)
            for indicator in a.indicators:
                own = [m for m in a.modules if (indicator, m) in ga and (indicator, m) in gb]
                differs = any(
                    ga[(indicator, m)].number.value != gb[(indicator, m)].number.value for m in own
                )
                if differs and _other_row(ga, indicator, gb, b, one):
                    out.add((i, indicator))
    return out


def _inv(k: Interval) -> Interval:
    return Interval(1 / k.hi, 1 / k.lo) if k.lo > 0 else k


def _other_row(ga: Cells, indicator: str, gb: Cells, b: ResultMatrix, k: Interval) -> str | None:
    return next(
        (o for o in b.indicators if o != indicator and _row_equal(ga, indicator, gb, o, k)), None
    )


def _diff_finding(
    ctx: RuleContext, a: ResultMatrix, b: ResultMatrix, indicator: str, bad: list[str],
    ga: Cells, gb: Cells, k: Interval,
) -> Finding:  # fmt: skip
    pairs = "; ".join(
        f"{m}: {ga[(indicator, m)].number.text} vs {gb[(indicator, m)].number.text}" for m in bad
    )
    scaled = (
        ""
        if k.lo == k.hi == 1
        else f" (scaled by the mass per declared unit, ×{fmt_sig(k.mid, 6)})"
    )
    first = ga[(indicator, bad[0])]
    expected = Fraction(gb[(indicator, bad[0])].number.value) * k.mid
    return ctx.finding(
        "EP004",
        message=(
            f"{indicator} differs between {where(a)} and {where(b)}{scaled}: {pairs}. The same "
            "indicator and module must have one value throughout the EPD; at least one table is wrong."
        ),
        message_zh=(
            f"{indicator} 在 {where(a)} 与 {where(b)} 中数值不一致{'（已按声明单位质量换算）' if scaled else ''}：{pairs}。"
            "同一指标同一模块在 EPD 中只应有一个数值，至少有一个表格有误。"
        ),
        locations=[
            loc for m in bad for loc in (_quoted(ga[(indicator, m)]), _quoted(gb[(indicator, m)]))
        ],
        reported=first.number.text,
        expected=fmt_sig(expected, 3),
        key=f"{a.table}:{b.table}:{indicator}",
    )


def _swap_finding(
    ctx: RuleContext, holder: ResultMatrix, ref: ResultMatrix, indicator: str, other: str,
    common: list[str],
) -> Finding:  # fmt: skip
    row = cells(holder)
    values = [row[(indicator, m)] for m in common]
    return ctx.finding(
        "EP005",
        message=(
            f"The {indicator} row of {where(holder)} carries the values of {other} in {where(ref)} "
            f"({', '.join(v.number.text for v in values)}), not those of {indicator}. The row's label "
            "or its values were copied from the wrong row."
        ),
        message_zh=(
            f"{where(holder)} 中 {indicator} 一行的数值与 {where(ref)} 中 {other} 一行相同"
            f"（{'、'.join(v.number.text for v in values)}），而非 {indicator} 的数值。该行标签或数值抄错了行。"
        ),
        locations=[_quoted(v) for v in values],
        reported=indicator,
        expected=other,
        key=f"{holder.table}:{indicator}:{other}",
    )


# --------------------------------------------------------------------------- EP007


def _reported(ctx: RuleContext) -> dict[str, list[MatrixValue]]:
    out: dict[str, list[MatrixValue]] = {}
    for matrix in ctx.report.matrices:
        for v in matrix.values:
            out.setdefault(v.module, []).append(v)
    return out


@rule("EP007")
def declared_modules_vs_results(ctx: RuleContext) -> Iterator[Finding]:
    """A module declared (X) in the system boundary without results, or results printed for
    a module declared not assessed (ND / MND).

    The module table tells the reader what the EPD covers. A declared module with no value
    in any result table is a missing result; a value for an MND module contradicts the
    boundary (zeros only: warning, since some tools print 0 for undeclared modules). A
    declared module counts as reported when an aggregate covering it (A1-A3) is printed.

    Example: the module table marks C1 'MND' but Table 3 prints C1 values.
    """
    decl = ctx.report.module_declarations
    if not decl or not ctx.report.matrices:
        if decl:
            ctx.count(None)
        return
    reported = _reported(ctx)
    for d in decl:
        if d.status == "X":
            covered = (
                d.module in reported
                or any("-" in m and d.module in parts_of(m) for m in reported)
                or ("-" in d.module and all(p in reported for p in parts_of(d.module)))
            )
            ctx.count(covered)
            if covered:
                continue
            yield ctx.finding(
                "EP007",
                message=(
                    f"Module {d.module} is declared (X) in the system boundary ({d.location.describe()}) "
                    "but no result table prints a value for it. Either its results are missing or the "
                    "declaration is wrong."
                ),
                message_zh=(
                    f"系统边界表（{d.location.describe()}）声明了模块 {d.module}（X），但没有任何结果表给出该模块的数值。"
                    "要么缺少该模块结果，要么声明有误。"
                ),
                locations=[d.location],
                reported="no results",
                expected=f"results for {d.module}",
                key=f"declared:{d.module}",
            )
        elif d.status in {"ND", "MND"}:
            values = reported.get(d.module, [])
            ctx.count(not values)
            if not values:
                continue
            zeros = all(v.number.value == 0 for v in values)
            yield ctx.finding(
                "EP007",
                message=(
                    f"Module {d.module} is marked {d.status} (not declared) in the system boundary "
                    f"({d.location.describe()}) but {len(values)} result value(s) are printed for it "
                    f"(e.g. {values[0].indicator} = {values[0].number.text}). The boundary and the "
                    "results contradict each other."
                ),
                message_zh=(
                    f"系统边界表（{d.location.describe()}）将模块 {d.module} 标为 {d.status}（未声明），"
                    f"但结果表给出了 {len(values)} 个数值（如 {values[0].indicator} = {values[0].number.text}）。"
                    "系统边界与结果相互矛盾。"
                ),
                locations=[d.location, _quoted(values[0])],
                reported=values[0].number.text,
                expected=d.status,
                severity="warning" if zeros else None,
                key=f"undeclared:{d.module}",
            )
