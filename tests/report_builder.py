"""Build a ``Report`` by hand, so that one rule can be tested on exactly the facts it needs.

The interpreter is not involved: a test states the facts (an inventory line's stage and
carrier, an equipment item's count and power) and checks what the rule does with them, the
way ruff tests one rule on one snippet. Amounts are written as a reader would ("2410 MWh",
"0.5703 tCO2/MWh"); each fact gets its own line number, so findings can be located.

    report = (
        ReportBuilder()
        .line("电力", quantity="2410 MWh", factor="0.5942 tCO2/MWh", result="1432.022 tCO2e",
              stage=Stage.PRODUCTION, carrier="electricity")
        .total("1686.915 tCO2e")
        .build()
    )
    findings, ctx = run_rule("AR001", report)
"""

from __future__ import annotations

from typing import Any, Literal

from pcfaudit.model import (
    EquipmentStatement,
    Finding,
    FunctionalUnitStatement,
    InventoryLine,
    Location,
    Number,
    ProductionVolume,
    Quantity,
    Report,
    ReportedValue,
    Stage,
    StageClaim,
    Statement,
    StatementKind,
)
from pcfaudit.rules import REGISTRY, load_catalog
from pcfaudit.rules.engine import RuleContext
from pcfaudit.vocab.numbers import parse_number
from pcfaudit.vocab.units import normalise_unit


def number(text: str) -> Number:
    """A printed number ('1 536', '4.833', '≈300'), with its rounding."""
    parsed = parse_number(text)
    if parsed is None:
        raise ValueError(f"not a number: {text!r}")
    return parsed


def amount(text: str) -> Quantity:
    """'2410 MWh' → the number and its canonical unit (a bare number has no unit)."""
    value, _, unit_text = text.strip().partition(" ")
    unit = normalise_unit(unit_text) if unit_text else None
    if unit_text and unit is None:
        raise ValueError(f"unknown unit in {text!r}")
    return Quantity(number(value), unit, unit_text)


class ReportBuilder:
    """Facts in, a ``Report`` out; every add method returns the builder."""

    def __init__(self, language: str = "zh") -> None:
        self.report = Report(language=language)
        self._line = 0

    def _loc(self, quote: str, **where: Any) -> Location:
        self._line += 1
        return Location(line=self._line, quote=quote, **where)

    def line(
        self,
        label: str,
        *,
        quantity: str | None = None,
        factor: str | None = None,
        result: str | None = None,
        share: str | None = None,
        gas: str | None = None,
        category: str | None = None,
        group: str | None = None,
        stage: Stage | None = None,
        carrier: str | None = None,
        table: int = 0,
    ) -> ReportBuilder:
        """An inventory row; ``stage`` and ``carrier`` are the facts interpret would read."""
        row = sum(1 for x in self.report.inventory if x.table == table) + 1
        cells = [label, quantity, factor, result, share]
        quote = " | ".join(c for c in cells if c)
        self.report.inventory.append(
            InventoryLine(
                label=label,
                location=self._loc(quote, table=table, row=row),
                group=group,
                gas=gas,
                quantity=amount(quantity) if quantity else None,
                factor=amount(factor) if factor else None,
                result=amount(result) if result else None,
                share=number(share) if share else None,
                category=category,
                table=table,
                stage=stage,
                carrier=carrier,
            )
        )
        return self

    def total(self, value: str, label: str | None = None) -> ReportedValue:
        """A reported total (returned, so a test can check a finding points at it)."""
        total = ReportedValue("total", amount(value), self._loc(f"{label or '合计'} {value}"), label)
        self.report.totals.append(total)
        return total

    def functional_unit(self, text: str, subject: str = "") -> ReportBuilder:
        """'1 t' → a declared functional unit of one tonne of ``subject``."""
        q = amount(text)
        self.report.functional_units.append(
            FunctionalUnitStatement(q.number, q.unit or "", q.unit_text, subject, self._loc(text))
        )
        return self

    def production(self, value: str) -> ReportBuilder:
        self.report.production.append(ProductionVolume(amount(value), self._loc(value)))
        return self

    def stage_claim(self, stage: Stage, status: str = "included") -> ReportBuilder:
        """The text says ``stage`` is included / excluded / modelled."""
        self.report.stages.append(StageClaim(stage, status, self._loc(f"{status}: {stage}")))
        return self

    def statement(
        self, kind: StatementKind, text: str, subject: str | None = None, values: tuple[str, ...] = ()
    ) -> ReportBuilder:
        self.report.statements.append(
            Statement(kind, text, self._loc(text), subject, [number(v) for v in values])
        )
        return self

    def equipment(
        self,
        subject: str,
        power_kw: str,
        count: str | None = None,
        basis: Literal["each", "total"] = "each",
        table: int = 0,
    ) -> ReportBuilder:
        """An equipment item: ``power_kw`` per unit (basis 'each') or in total."""
        power, n = number(power_kw), number(count) if count else None
        text = f"{subject} | {power_kw} kW" + (f" | {count}" if count else "")
        self.report.statements.append(
            EquipmentStatement(
                StatementKind.EQUIPMENT,
                text,
                self._loc(text, table=table),
                subject,
                [v for v in (n, power) if v is not None],
                count=n,
                power=power,
                power_basis=basis,
            )
        )
        return self

    def build(self) -> Report:
        return self.report


def run_rule(code: str, report: Report, **context: Any) -> tuple[list[Finding], RuleContext]:
    """The findings of rule ``code`` on ``report`` alone, and its context (for the tally)."""
    ctx = RuleContext(report=report, catalog=load_catalog(), **context)
    return list(REGISTRY[code](ctx)), ctx
