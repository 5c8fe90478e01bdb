"""Fertiliser doses given per plot and restated per hectare: "小区面积为 2 m × 2 m = 4 m² … 每小区
施用复合肥料(15-15-15) 315 g，相当于氮磷钾施用量均为 200 kg/hm²" / "a plot of 20 m² … 1.2 kg of
compound fertiliser (15-15-15) per plot, equivalent to 90 kg N ha-1".

Each becomes a :class:`Statement` of kind ``dose-conversion`` whose ``values`` are [mass per
plot in g, plot area in m², nutrient content in %, stated rate in kg/hm²] and whose ``subject``
names the nutrients. Read only when the fertiliser grade is printed (N-P2O5-K2O, "15-15-15")
and the nutrient it restates is unambiguous (one nutrient named, or every grade number equal):
a dose of a product with no stated composition (sodium silicate "相当于施硅量") cannot be
restated without knowing its form, and is left alone.
"""

from __future__ import annotations

from decimal import Decimal

import regex

from pcfaudit.model import Document, Number, Statement, StatementKind
from pcfaudit.vocab.numbers import parse_number

_I = regex.IGNORECASE
_NUM = r"\d+(?:\.\d+)?"
# "小区面积为 2 m × 2 m = 4 m²", "plot area of 20 m²", "plots (4 m × 5 m = 20 m2)".
_PLOT_AREA = regex.compile(
    rf"(?:小区面积|小区|plot\s*(?:area|size)?)[^。；;\d]{{0,12}}"
    rf"(?:{_NUM}\s*m\s*[×x*]\s*{_NUM}\s*m\s*=\s*)?(?P<area>{_NUM})\s*(?:m²|m2|m\^2|平方米)",
    _I,
)
_GRADE = regex.compile(
    r"[(（]\s*(?P<n>\d{1,2})\s*[-–:：]\s*(?P<p>\d{1,2})\s*[-–:：]\s*(?P<k>\d{1,2})\s*[)）]"
)
_MASS = regex.compile(rf"(?P<mass>{_NUM})\s*(?P<unit>kg|g|千克|克|公斤)(?![A-Za-z/·])", _I)
_EQUIV = regex.compile(r"相当于|折合|equivalent\s+to|corresponding\s+to|i\.e\.", _I)
_RATE = regex.compile(
    rf"(?P<rate>{_NUM})\s*(?:kg|千克|公斤)\s*(?:[A-Za-z0-9₂₅]{{0,4}}\s*)?"
    r"(?:/\s*(?:hm²|hm2|hm\^2|ha|公顷)|·\s*hm\s*[-−⁻]\s*[2²]|ha\s*[-−⁻]\s*1|per\s+(?:ha|hectare))",
    _I,
)
_NUTRIENT = {
    "N": regex.compile(r"(?<![A-Za-z])N(?![A-Za-z₂2])|氮(?!磷)", _I),
    "P2O5": regex.compile(r"P2O5|P₂O₅|磷", _I),
    "K2O": regex.compile(r"K2O|K₂O|钾", _I),
}
_ALL_EQUAL = regex.compile(r"均为|均是|each|all", _I)
_SENTENCE = regex.compile(r"[^。；;!?！？]+")


def _plot_area(document: Document) -> Decimal | None:
    areas = {
        Decimal(m.group("area"))
        for block in document.blocks
        if block.kind == "paragraph"
        for m in _PLOT_AREA.finditer(block.text)
    }
    return areas.pop() if len(areas) == 1 else None  # one plot size, or none to rely on


def dose_statements(document: Document) -> list[Statement]:
    area = _plot_area(document)
    if area is None or area <= 0:
        return []
    out = []
    for block in document.blocks:
        if block.kind != "paragraph":
            continue
        for sm in _SENTENCE.finditer(block.text):
            st = _dose(sm.group(0), area)
            if st is not None:
                out.append(
                    Statement(
                        kind=StatementKind.DOSE_CONVERSION,
                        text=sm.group(0).strip(),
                        location=block.location.with_quote(sm.group(0).strip()[:200]),
                        subject=st[0],
                        values=st[1],
                    )
                )
    return out


def _dose(sentence: str, area: Decimal) -> tuple[str, list[Number]] | None:
    if "小区" not in sentence and not regex.search(r"\bplot", sentence, _I):
        return None
    grade, equiv = _GRADE.search(sentence), _EQUIV.search(sentence)
    if grade is None or equiv is None or equiv.start() < grade.end():
        return None
    mass = next((m for m in _MASS.finditer(sentence, grade.end(), equiv.start())), None) or next(
        (m for m in _MASS.finditer(sentence, 0, grade.start())), None
    )
    rate = _RATE.search(sentence, equiv.end())
    if mass is None or rate is None:
        return None
    between = sentence[equiv.end() : rate.end()]
    named = [k for k, rx in _NUTRIENT.items() if rx.search(between)]
    contents = {"N": grade.group("n"), "P2O5": grade.group("p"), "K2O": grade.group("k")}
    if len(named) == 1 or (
        named and len({contents[k] for k in named}) == 1 and _ALL_EQUAL.search(between)
    ):
        pct = contents[named[0]]
    else:
        return None
    grams = Decimal(mass.group("mass")) * (
        1000 if mass.group("unit").lower() in {"kg", "千克", "公斤"} else 1
    )
    numbers = [parse_number(f"{grams.normalize():f}"), parse_number(f"{area.normalize():f}"),
               parse_number(pct), parse_number(rate.group("rate"))]  # fmt: skip
    if any(n is None for n in numbers) or Decimal(pct) <= 0:
        return None
    return ",".join(named), [n for n in numbers if n is not None]
