"""Intensities stated in an absolute unit: "阿克苏市(1.66×10⁴ t)单位播种面积碳排放量最大" — an
emission per unit of area, of GDP or per person, printed in tonnes with no "per". Each becomes a
:class:`Statement` of kind ``intensity-unit`` whose ``values`` hold the number and whose
``subject`` is the unit printed. A per-product result ("单位产品碳足迹 4.8 tCO2e") is a result
per functional unit and is not read here.
"""

from __future__ import annotations

import regex

from pcfaudit.interpret.claims_text import prose_paragraphs
from pcfaudit.model import Document, Statement, StatementKind
from pcfaudit.vocab.numbers import iter_numbers

_INTENSITY = regex.compile(
    r"单位(?:播种|耕地|土地|种植)?面积|单位\s*GDP|单位产值|万元\s*GDP|人均|"
    r"per\s+(?:hectare|ha|unit\s+(?:of\s+)?area|capita|unit\s+of\s+GDP)",
    regex.IGNORECASE,
)
# A bare mass after the number: "t", "kg", "× 10⁴ t", "万t" — and nothing saying "per".
_BARE_MASS = regex.compile(
    r"^\s*(?:万\s*)?(?:t|kg|吨|千克)(?:\s*CO2e?|\s*C)?(?=\s*(?:[)）\]，,；;。]|$))"
)
_CLAUSE = regex.compile(r"[^，,；;。]+")


def intensity_statements(document: Document) -> list[Statement]:
    out = []
    for block in prose_paragraphs(document):
        for clause in _CLAUSE.finditer(block.text):
            text = clause.group(0)
            if not _INTENSITY.search(text):
                continue
            for match in iter_numbers(text):
                after = text[match.end : match.end + 16]
                unit = _BARE_MASS.match(after)
                if unit is None or "/" in after[: unit.end() + 1]:
                    continue
                out.append(
                    Statement(
                        kind=StatementKind.INTENSITY_UNIT,
                        text=text.strip(),
                        location=block.location.with_quote(text.strip()[:200]),
                        subject=unit.group(0).strip(),
                        values=[match.number],
                    )
                )
    return out
