"""Interpret: ``Document`` → ``Report``.

Claims come from the prose and the non-inventory tables (:mod:`.claims`), the inventory from
the tables that carry results or shares (:mod:`.inventory`). Afterwards factors quoted only
in the prose are attached to the inventory lines that use them, so the arithmetic can be
recomputed where the table leaves the factor out.
"""

from __future__ import annotations

import regex

from pcfaudit.interpret.changes import change_statements
from pcfaudit.interpret.claims import extract_claims
from pcfaudit.interpret.doses import dose_statements
from pcfaudit.interpret.epd import interpret_epd
from pcfaudit.interpret.epd_claims import epd_statements
from pcfaudit.interpret.growth import growth_statements
from pcfaudit.interpret.intensity import intensity_statements
from pcfaudit.interpret.inventory import interpret_inventory
from pcfaudit.interpret.named_subjects import name_subjects
from pcfaudit.interpret.rankings import ranking_statements
from pcfaudit.interpret.respectively import split_respectively
from pcfaudit.interpret.unusable_numbers import unusable_numbers
from pcfaudit.model import Document, FactorQuote, InventoryLine, Quantity, Report, ReportedValue
from pcfaudit.vocab.carriers import carrier_of
from pcfaudit.vocab.cues import ORGANISATIONAL_LABEL
from pcfaudit.vocab.stages import stage_of_line
from pcfaudit.vocab.units import normalise_unit


def interpret(document: Document) -> Report:
    claims = extract_claims(document)
    inventory = interpret_inventory(document)
    matrices, declarations = interpret_epd(document)
    prose_values = split_respectively(_unique(claims.prose_values))
    report = Report(
        language=claims.language,
        title=claims.title,
        functional_units=claims.functional_units,
        boundary=claims.boundary,
        stages=claims.stages,
        gwp_declarations=claims.gwp_declarations,
        standards=claims.standards,
        dates=claims.dates,
        production=claims.production,
        inventory=inventory.lines,
        totals=[*inventory.totals, *(v for v in prose_values if v.kind == "total")],
        per_unit=[v for v in prose_values if v.kind == "per-unit"],
        shares=[
            *inventory.shares,
            *(v for v in prose_values if v.kind not in {"total", "per-unit"}),
        ],
        factors=[*claims.factors, *_table_factors(inventory.lines)],
        mentions=claims.mentions,
        statements=[
            *claims.statements,
            *epd_statements(document),
            *growth_statements(document),
            *change_statements(document),
            *ranking_statements(document),
            *intensity_statements(document),
            *dose_statements(document),
        ],
        headings=claims.headings,
        matrices=matrices,
        module_declarations=declarations,
        numbers_seen=claims.numbers_seen,
        unusable_numbers=unusable_numbers(document),
    )
    _attach_prose_factors(report)
    derive_facts(report)
    return report


_ORGANISATIONAL = regex.compile(ORGANISATIONAL_LABEL, regex.IGNORECASE)


def derive_facts(report: Report) -> None:
    """The typed facts read from the words after the report is assembled (not part of the
    JSON contract: a stored report gets them again through this function)."""
    type_lines(report.inventory)
    name_subjects(report)


def type_lines(lines: list[InventoryLine]) -> None:
    """Each line's life-cycle stage and energy carrier, read from its words once here so
    that rules read the facts, never the label."""
    for line in lines:
        line.stage = stage_of_line(line)
        line.carrier = carrier_of(line.label)
        line.organisational = bool(_ORGANISATIONAL.search(line.group or line.label))


def _unique(values: list[ReportedValue]) -> list[ReportedValue]:
    """One value per (kind, printed number, line): a sentence such as 'e=1686.915/349=4.833
    tCO2e … 碳足迹为4.833tCO2e' states one result twice."""
    seen: set[tuple[str, str, int | None, int | None]] = set()
    out = []
    for v in values:
        key = (v.kind, v.quantity.number.text, v.location.line, v.location.page)
        if key not in seen:
            seen.add(key)
            out.append(v)
    return out


def _table_factors(lines: list[InventoryLine]) -> list[FactorQuote]:
    """The factors an inventory table computes with, as quotes used in the calculation."""
    quotes = []
    for line in lines:
        if line.factor is None:
            continue
        quotes.append(
            FactorQuote(
                value=line.factor.number,
                unit_text=line.factor.unit_text,
                carrier=carrier_of(line.label),
                location=line.location,
                label=line.label,
                used_in_calculation=True,
            )
        )
    return quotes


def _attach_prose_factors(report: Report) -> None:
    """A line with a quantity and a result but no factor column takes the one factor the
    prose gives for its carrier (e.g. '1kWh 电力排放 0.53kg CO₂e' for the electricity row)."""
    prose = [q for q in report.factors if not q.used_in_calculation and q.carrier]
    for line in report.inventory:
        if line.factor is not None or line.quantity is None or line.result is None:
            continue
        carrier = carrier_of(line.label)
        matches = {q.value.text: q for q in prose if q.carrier == carrier}
        if carrier and len(matches) == 1:
            quote = next(iter(matches.values()))
            line.factor = Quantity(quote.value, normalise_unit(quote.unit_text), quote.unit_text)
            line.marks["factor-from-text"] = quote.location.quote or ""
            quote.used_in_calculation = True
