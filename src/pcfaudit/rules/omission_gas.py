"""omission rule OM003: gas rows whose inputs are printed but whose result is blank.

Split from :mod:`pcfaudit.rules.omission` to keep modules small.
"""

from __future__ import annotations

from collections.abc import Iterator
from decimal import Decimal

from pcfaudit.model import Confidence, Finding, Impact, InventoryLine, Location, Number, Report
from pcfaudit.quantities import fmt_sig
from pcfaudit.rules.engine import RuleContext, rule
from pcfaudit.rules.evidence import line_evidence

# ----------------------------------------------------------------------------- OM003


def _quantity(report: Report, line: InventoryLine) -> Number | None:
    """The line's quantity, or the one printed once for its row group (a merged cell that
    some extractors leave on one row only)."""
    if line.quantity is not None:
        return line.quantity.number
    if not line.group:
        return None
    for other in report.inventory:
        if other.table == line.table and other.group == line.group and other.quantity is not None:
            return other.quantity.number
    return None


def _qtext(report: Report, line: InventoryLine) -> str:
    q = _quantity(report, line)
    return q.text if q else "?"


def blank_gas_lines(
    report: Report,
) -> dict[tuple[int | None, str], list[tuple[InventoryLine, Decimal]]]:
    """Lines with quantity, factor and GWP but no result, grouped by (table, row group), each
    with its recomputed amount quantity × factor × GWP."""
    out: dict[tuple[int | None, str], list[tuple[InventoryLine, Decimal]]] = {}
    for line in report.inventory:
        if line.result is not None or line.factor is None or line.gwp is None:
            continue
        number = _quantity(report, line)
        if number is None or number.value == 0:
            continue
        amount = number.value * line.factor.number.value * line.gwp.value
        out.setdefault((line.table, line.group or line.label), []).append((line, amount))
    return out


def _result_unit(report: Report, table: int | None) -> str | None:
    units = [
        x.result.unit_text or x.result.unit
        for x in report.inventory
        if x.table == table and x.result
    ]
    return max(set(units), key=units.count) if units else None


def _table_total(report: Report, table: int | None) -> tuple[Decimal, str, Location] | None:
    totals = [t for t in report.totals if t.kind == "total"]
    same = [t for t in totals if t.location.table == table] or totals
    if not same:
        return None
    t = same[0]
    return t.quantity.number.value, t.quantity.number.text, t.location


def _excluded_from_total(report: Report, table: int | None, total: Decimal) -> bool:
    """The total equals the sum of the printed results within the total's last digit."""
    results = [x.result.number.value for x in report.inventory if x.table == table and x.result]
    if not results:
        return False
    exponent = total.as_tuple().exponent
    step = Decimal(1).scaleb(exponent) if isinstance(exponent, int) else Decimal(1)
    return abs(sum(results, Decimal(0)) - total) <= step


@rule("OM003")
def gas_result_blank(ctx: RuleContext) -> Iterator[Finding]:
    """CH4 / N2O (or other gas) rows with a quantity, an emission factor and a GWP but no
    result, so they are left out of the total.

    The table shows every input of the calculation — the report clearly intended to count
    the gas — but the result cell is empty. The rule recomputes quantity × factor × GWP for
    each blank row of a row group and states whether the printed total equals the sum of
    the printed results (i.e. the blank rows are excluded). The recomputed amount is the
    finding's impact.

    Example: "原材料运输 耗费柴油量 (t) | CH4 | 60 | 0.0000683 | 25 | (empty)" and the N2O row
    below it: 60 × 0.0000683 × 25 + 60 × 0.0000137 × 298 ≈ 0.347 t CO2e missing.
    """
    report = ctx.report
    groups = blank_gas_lines(report)
    if not groups:
        ctx.count(None if not report.inventory else True)
        return
    for (table, group), rows in groups.items():
        ctx.count(False)
        amount = sum((a for _, a in rows), Decimal(0))
        unit = _result_unit(report, table) or ""
        total = _table_total(report, table)
        share = float(amount / total[0]) if total and total[0] else None
        excluded = total is not None and _excluded_from_total(report, table, total[0])
        gases = "/".join(line.gas or "?" for line, _ in rows)
        parts = " + ".join(
            f"{_qtext(report, line)} × {line.factor.number.text} × {line.gwp.text}"  # type: ignore[union-attr]
            for line, _ in rows
        )
        tail = (
            f"The total {total[1]} equals the sum of the printed results, so these emissions are not in it."
            if excluded and total
            else "The result cells are empty."
        )
        tail_zh = (
            f"合计 {total[1]} 等于已列结果之和，这部分排放未计入合计。"
            if excluded and total
            else "结果栏为空。"
        )
        yield ctx.finding(
            "OM003",
            message=f"{group}: the {gases} rows give a quantity, an emission factor and a GWP but no "
            f"result ({parts} = {fmt_sig(amount, 3)} {unit} CO2e). {tail}",
            message_zh=f"{group}：{gases} 行给出了活动数据、排放因子和 GWP，却没有计算结果（{parts} = "
            f"{fmt_sig(amount, 3)} {unit} CO2e）。{tail_zh}",
            locations=[line_evidence(line) for line, _ in rows],
            reported="(empty)",
            expected=f"{fmt_sig(amount, 3)} {unit}".strip(),
            likely_cause="the CH4/N2O results were not calculated or not carried into the total",
            impact=Impact(value=fmt_sig(amount, 4), unit=unit or None, share_of_total=share),
            key=f"{table}:{group}",
            confidence=Confidence(
                "high",
                f"quantity, factor and GWP printed on {len(rows)} row(s) with an empty result; "
                + ("the total equals the printed results" if excluded else "total not compared"),
            ),
        )
