"""The same figure printed twice — in a table and in the text — with units on different
carbon bases: "1.29 kg(CO2)·cm⁻¹" in a factor table, "1.29 kg(CO2-C)" in the text. CO2 and
carbon differ by 44/12, so at most one of the two is right, and the reader cannot tell which
the calculation used.

Only figures of three or more significant digits are compared (a "25" or "1.5" repeats by
chance), and only when both places print a unit whose basis is clear.
"""

from __future__ import annotations

from collections.abc import Iterator

import regex

from pcfaudit.model import Location, Table
from pcfaudit.recompute.core import Check
from pcfaudit.vocab.numbers import iter_numbers, significant_digits

_UNIT_AFTER = 28  # characters of unit text read after a number
_CARBON = regex.compile(r"CO2-?C\b|CO2当量碳|\(C\)|(?<![A-Za-z°])k?g?C(?![A-Za-z0-9])|tC\b|碳当量")
_CO2 = regex.compile(r"CO2(?!-?C\b)|CO₂(?!-?C\b)")


_SPACES = regex.compile(r"\s+")
_UNIT_END = regex.compile(r"[，,；;。]|(?<=[)）])\s*[\p{Han}]")


def carbon_basis(unit_text: str) -> str | None:
    """ "C" for a carbon-equivalent unit, "CO2" for a CO2 unit, else None."""
    compact = _SPACES.sub("", unit_text)
    compact = _UNIT_END.split(compact)[0]
    if _CARBON.search(compact):
        return "C"
    if _CO2.search(compact):
        return "CO2"
    return None


def _significant(text: str) -> bool:
    return significant_digits(text) >= 3


def repeated_figure_checks(tables: list[Table], text: str) -> Iterator[Check]:
    in_tables: dict[str, tuple[str, str, Location]] = {}
    for table in tables:
        for row in table.rows:
            for cell in row:
                cell_text = cell.text.strip()
                for match in iter_numbers(cell_text):
                    n = match.number
                    basis = carbon_basis(cell_text[match.end : match.end + _UNIT_AFTER])
                    if basis and _significant(n.text) and match.start == 0:
                        in_tables.setdefault(n.text, (basis, cell_text, cell.location))
                    break  # the cell's first number only
    if not in_tables:
        return
    seen: set[str] = set()
    for match in iter_numbers(text):
        n = match.number
        if n.text not in in_tables or n.text in seen:
            continue
        after = text[match.end : match.end + _UNIT_AFTER]
        basis = carbon_basis(after)
        table_basis, cell_text, location = in_tables[n.text]
        if basis is None or basis == table_basis:
            continue
        seen.add(n.text)
        line_start = text.rfind("\n", 0, match.start) + 1
        line_end = text.find("\n", match.end)
        quote = text[max(line_start, match.start - 60) : (line_end if line_end > 0 else None)][:160]
        unit = regex.match(r"[A-Za-z0-9()（）\-·/⁻¹²³₂.]+", regex.sub(r"\s+", "", after))
        prose_unit = unit.group(0) if unit else ""
        yield Check(
            id=f"repeated:{n.text}",
            relation="repeated-figure-unit",
            status="fail",
            label=n.text,
            reported=f"{n.text} {prose_unit}",
            expected=cell_text,
            locations=[location.with_quote(cell_text)],
            inputs=["tables", "text"],
            note=(
                f"{n.text} is printed as '{cell_text}' in a table ({table_basis} basis) and as "
                f"'{n.text} {prose_unit}' in the text ({basis} basis); CO2 and carbon differ by "
                f"44/12 (3.67×), so the unit of one of them is wrong. Text: {quote.strip()}"
            ),
        )
