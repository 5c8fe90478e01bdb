"""Coefficients of inputs printed per kg of input whose size is off by 10³: "氮肥 1740.00 kg·kg⁻¹"
(1.74 kg C per kg N is the literature value: the number is per tonne), "柴油 0.5927 g·kg⁻¹" (0.5927
kg per kg). A kilogram of fertiliser does not emit 1.7 t; a kilogram of diesel burnt emits more
than half a gram.

Each table row whose label names an input with a plausibility window
(``reference/data/input_factor_windows.csv``, carbon or CO2e basis) and whose cell prints a
mass-per-mass coefficient ("1740.00 kg·kg-1", "4.2 kg CO2e/kg", or a number next to a unit
cell) is sized in kg per kg. A value outside the window whose 10³ or 10⁻³ image falls inside
it is a unit slip; every such row of a table goes in one check.
"""

from __future__ import annotations

from collections.abc import Iterator
from decimal import Decimal

import regex

from pcfaudit.model import Cell, Location, Table
from pcfaudit.recompute.core import Check
from pcfaudit.reference.input_windows import InputWindow, window_of_label
from pcfaudit.vocab.numbers import parse_number

_KG = {"t": Decimal(1000), "kg": Decimal(1), "g": Decimal("0.001")}
_SUBSTANCE = r"(?:\s*\(?\s*(?:CO2-?e(?:q)?|CO2-C|CO2e?|CO₂e?|CE|C)\s*\)?)?"
# "kg·kg-1", "kg*kg-1", "kg kg⁻¹", "kg/kg", "kg CO2e/kg", "g·kg-" (an OCR-lost exponent).
_UNIT = (
    rf"(?P<num>t|kg|g){_SUBSTANCE}\s*(?:/\s*(?P<den>t|kg|g)\b|[·*•\s]\s*(?P<den2>t|kg|g)\s*"
    r"(?:[-−⁻]\s*[1¹]?))"
)
_VALUE_UNIT = regex.compile(rf"^\s*(?P<v>\d[\d,]*(?:\.\d+)?)\s*{_UNIT}\s*$", regex.I)
_UNIT_ONLY = regex.compile(rf"^\s*{_UNIT}\s*$", regex.I)


def _slip(window: InputWindow, kg_per_kg: Decimal) -> Decimal | None:
    """The power of ten (10³ or 10⁻³) that brings a value outside the window inside it."""
    if window.holds(kg_per_kg):
        return None
    fits = [k for k in (Decimal(1000), Decimal("0.001")) if window.holds(kg_per_kg / k)]
    return fits[0] if len(fits) == 1 else None


def _coefficients(row: list[Cell]) -> Iterator[tuple[Cell, Decimal, str, str, str]]:
    """(cell, value, printed value, numerator unit, denominator unit) of each mass-per-mass
    coefficient in a row."""
    for i, cell in enumerate(row):
        m = _VALUE_UNIT.match(cell.text)
        if m:
            value = m.group("v")
        elif i + 1 < len(row) and (m := _UNIT_ONLY.match(row[i + 1].text)):
            number = parse_number(cell.text.strip())
            if number is None or number.text != cell.text.strip():
                continue
            value = number.text
        else:
            continue
        den = (m.group("den") or m.group("den2")).lower()
        yield cell, Decimal(value.replace(",", "")), value, m.group("num").lower(), den


def input_unit_checks(tables: list[Table]) -> Iterator[Check]:
    for t_i, table in enumerate(tables):
        slips: list[tuple[str, str, str, Location]] = []
        passed = 0
        for row in table.rows:
            if not row:
                continue
            window = window_of_label(row[0].text)
            if window is None:
                continue
            for cell, value, printed, num, den in _coefficients(row[1:]):
                kg_per_kg = value * _KG[num] / _KG[den]
                k = _slip(window, kg_per_kg)
                if k is None:
                    passed += window.holds(kg_per_kg)
                    continue
                label = row[0].text.strip()
                fixed = f"{label} {kg_per_kg / k:f} kg·kg⁻¹"
                said = f"{label} {printed} {num}·{den}⁻¹"
                if (num, den) != ("kg", "kg"):
                    said += f" = {kg_per_kg:f} kg·kg⁻¹"
                window_text = f"{window.low}–{window.high} kg·kg⁻¹ ({window.key})"
                where = cell.location.with_quote(f"{label} | {cell.text.strip()}")
                slips.append((said, fixed, window_text, where))
        if not slips:
            continue
        yield Check(
            id=f"input-units:table[{t_i}]",
            relation="input-factor-unit",
            status="fail",
            label=f"table {t_i + 1}",
            reported="; ".join(s for s, _, _, _ in slips),
            expected="; ".join(f for _, f, _, _ in slips),
            locations=[loc for *_, loc in slips],
            inputs=[f"table[{t_i}]"],
            note=(
                f"{len(slips)} coefficient(s) per kg of input are 1000× outside the plausible "
                f"size ({'; '.join(dict.fromkeys(w for _, _, w, _ in slips))}, carbon or CO2e "
                f"basis) while their 10^±3 image fits, and {passed} other(s) of the table fit "
                "as printed; read per tonne (kg/t for kg/kg) or with the gram as a kilogram "
                "(kg/kg for g/kg) they fit"
            ),
        )
