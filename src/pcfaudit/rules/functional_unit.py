"""functional-unit rules: one functional unit, stated the same way everywhere."""

from __future__ import annotations

from collections.abc import Iterator
from fractions import Fraction

from pcfaudit.model import Finding, FunctionalUnitStatement
from pcfaudit.rules.engine import RuleContext, rule
from pcfaudit.vocab.units import conversion_factor, unit_class

# Each dimension's amounts are compared in one base unit (exact conversions from quantities).
_BASE_UNIT = {"mass": "kg", "length": "m", "area": "m2", "volume": "m3", "energy": "kWh"}
_NAMES = {
    "mass": "a mass",
    "length": "a length",
    "area": "an area",
    "volume": "a volume",
    "energy": "an amount of energy",
    "count": "a number of items",
}


def _basis(statement: FunctionalUnitStatement) -> tuple[str, Fraction, str]:
    """(dimension, exact amount in the dimension's base unit, count noun)."""
    amount = Fraction(statement.amount.value) if statement.amount else Fraction(1)
    dimension = unit_class(statement.unit)
    base = _BASE_UNIT.get(dimension or "")
    factor = conversion_factor(statement.unit, base) if base else None
    if dimension is None or factor is None:
        return "count", amount, statement.unit
    return dimension, amount * factor, ""


def _converted_beside(
    ctx: RuleContext, s: FunctionalUnitStatement, fu: FunctionalUnitStatement
) -> bool:
    """The same sentence also gives the result per the functional unit's own unit ("of
    1 000 m2 … is 5 198 kgCO2e, that is 5.198 kgCO2e per m2"): the other basis is a
    scale the report converts itself, not a result the reader cannot use."""
    if fu.amount is not None and Fraction(fu.amount.value) != 1:
        return False
    here = (s.location.page, s.location.line, s.location.paragraph)
    for v in ctx.report.per_unit:
        unit = v.quantity.unit or ""
        # its own denominator: "kgCO2e/m2", or "kgCO2e per m2" read as a basis of "1 m2"
        own = (v.basis or "").split(" ", 1)
        den = (
            unit.rsplit("/", 1)[1]
            if "/" in unit
            else own[1]
            if own[0] == "1" and len(own) > 1
            else ""
        )
        if (v.location.page, v.location.line, v.location.paragraph) != here or not den:
            continue
        a, b = s.location.bbox, v.location.bbox
        if a and b and (a[3] < b[1] or b[3] < a[1]):
            continue  # elsewhere on the same PDF page
        if den == fu.unit or (unit_class(den) and conversion_factor(den, fu.unit) == 1):
            return True
    return False


def _label(statement: FunctionalUnitStatement) -> str:
    amount = statement.amount.text if statement.amount else "1"
    return f"{amount} {statement.unit_text or statement.unit}".strip()


def _distinct(
    statements: list[FunctionalUnitStatement],
) -> dict[tuple[str, Fraction, str], list[FunctionalUnitStatement]]:
    groups: dict[tuple[str, Fraction, str], list[FunctionalUnitStatement]] = {}
    for s in statements:
        groups.setdefault(_basis(s), []).append(s)
    return groups


def _summary(groups: dict[tuple[str, Fraction, str], list[FunctionalUnitStatement]]) -> str:
    parts = []
    for members in groups.values():
        places = ", ".join(m.location.describe() for m in members)
        parts.append(f"{_label(members[0])} ({places})")
    return "; ".join(parts)


@rule("FU001")
def functional_unit_mismatch(ctx: RuleContext) -> Iterator[Finding]:
    """Functional-unit statements that disagree in amount or unit.

    Collects every place the report declares its functional (or declared) unit — the
    definition, the summary, a product row in an inventory table — and compares them. A
    difference in what is measured (1 t vs 1 km vs 1 台) is an error; the same dimension
    with a different amount (1 t vs 100 kg) is an error too, since every result scales with
    it; different count nouns for the same amount (1 台 vs 1 套) are only a warning, because
    reports use them loosely. Result statements ('the footprint of 1 t is …') are listed as
    evidence too, so the verifier sees every place that must be corrected.

    In an EPD (a result matrix was read) EP008 makes this comparison instead.

    Example: summary "功能单位定义为生产 1 吨散料输送设备", §2.3.1 "功能单位被定义为生产 1km 散料输送设备",
    table 3.1 "产品 | 散料输送设备 | 1 | 台".
    """
    if ctx.report.matrices:
        return  # an EPD: EP008 compares its declared units
    statements = ctx.report.functional_units
    declared = [s for s in statements if s.role in {"declared", "table-reference"}]
    groups = _distinct(declared)
    ctx.count(len(groups) <= 1 if declared else None)
    if len(groups) <= 1:
        return
    dimensions = {key[0] for key in groups}
    all_groups = _distinct(statements)
    if len(dimensions) == 1 and "count" in dimensions and len({k[1] for k in groups}) == 1:
        severity = "warning"
        why = "the same number of items is named with different count words"
    elif len(dimensions) > 1:
        severity = "error"
        why = "the statements measure different things: " + " vs ".join(
            sorted(_NAMES[d] for d in dimensions)
        )
    else:
        severity = "error"
        why = "the statements give different amounts of the same unit"
    locations = [
        s.location.with_quote(s.location.quote or _label(s))
        for members in all_groups.values()
        for s in members
    ]
    labels = " / ".join(_label(m[0]) for m in all_groups.values())
    yield ctx.finding(
        "FU001",
        message=f"The functional unit is stated as {_summary(all_groups)}; {why}. "
        "Every result is per functional unit, so the report must use one.",
        message_zh=f"功能单位前后不一致：{_summary(all_groups)}。所有结果均以功能单位表示，报告中应统一。",
        locations=locations,
        reported=labels,
        expected="one functional unit throughout",
        severity=severity,  # type: ignore[arg-type]
    )


@rule("FU002")
def result_basis_differs(ctx: RuleContext) -> Iterator[Finding]:
    """A result stated per a unit other than the declared functional unit.

    When the declared statements agree among themselves but a result is given 'per 1 t'
    while the functional unit is '1 台', the number either belongs to another basis or the
    sentence is wrong; either way the reader cannot use it.

    Example: functional unit "1 件 CT 球管"; result "生产 1 t 产品的碳足迹为 4.8 tCO₂e".
    """
    statements = ctx.report.functional_units
    declared = _distinct([s for s in statements if s.role in {"declared", "table-reference"}])
    results = [s for s in statements if s.role == "result-basis"]
    if len(declared) != 1 or not results:
        ctx.count(None if not results else True)
        return
    basis = next(iter(declared))
    for s in results:
        ok = _basis(s) == basis or _converted_beside(ctx, s, next(iter(declared.values()))[0])
        ctx.count(ok)
        if ok:
            continue
        yield ctx.finding(
            "FU002",
            message=f"A result is stated per {_label(s)} but the functional unit is "
            f"{_label(next(iter(declared.values()))[0])}.",
            message_zh=f"结果以 {_label(s)} 为基准，而功能单位为 {_label(next(iter(declared.values()))[0])}。",
            locations=[s.location],
            reported=_label(s),
            expected=_label(next(iter(declared.values()))[0]),
        )
