"""Functional-unit statements and production volumes.

Roles: ``declared`` ("功能单位定义为生产 1 吨…", "The functional unit is 1 kg of…", the body
of a 功能单位 / Functional unit section), ``result-basis`` ("生产 1 台…的碳足迹为…", "the
carbon footprint of 1 unit is…") and ``table-reference`` (a 产品 / Product row of an
inventory table). The FU amount is always the FIRST amount+unit after the keyword, so
"1 件 150 kV 球管" gives 1 件, never 150 kV.
"""

from __future__ import annotations

from decimal import Decimal

import regex

from pcfaudit.interpret.claims_text import Amount, Segment, iter_amounts, normalise
from pcfaudit.interpret.lexicon import (
    FU_COPULA,
    FU_HEADING,
    FU_KEYWORDS,
    TABLE_PRODUCT_TYPES,
)
from pcfaudit.model import (
    FunctionalUnitStatement,
    Number,
    ProductionVolume,
    Quantity,
)
from pcfaudit.vocab.keywords import any_keyword
from pcfaudit.vocab.numbers import parse_number
from pcfaudit.vocab.units import normalise_amount_unit as normalise_unit
from pcfaudit.vocab.units import unit_class, unit_regex

_KEYWORD = regex.compile(FU_KEYWORDS, regex.IGNORECASE)
_COPULA = regex.compile(FU_COPULA, regex.IGNORECASE)
_FU_HEADING = regex.compile(rf"^\s*[\d.、\s]*{FU_HEADING}", regex.IGNORECASE)
_SUBJECT_STOP = regex.compile(
    r"[，,。；;:：()（）|]|的碳足迹|的产品碳足迹|碳足迹|\s(?:is|was|has|with|at)\s"
)
_LEAD_WORDS = regex.compile(r"^\s*(?:of|the|a|an|产品|的)\s+", regex.IGNORECASE)

# Result-basis: "<amount><unit> <subject> 的碳足迹" / "carbon footprint of <amount> <unit>".
_ZH_RESULT = regex.compile(r"的?(?:产品)?碳足[迹跡](?:值|结果)?(?:为|是|約为|约为|:|=|\s)")
_EN_RESULT = regex.compile(
    r"(?:carbon\s+footprint|CFP|GWP|emissions?|result)\s+(?:of|for|per)\s+(?:(?P<word>one|a|an)\s+)?",
    regex.IGNORECASE,
)
_WORD_UNIT = regex.compile(r"\s*(?P<unit>" + unit_regex() + r")", regex.IGNORECASE)

# A capacity (年产能, "annual production capacity") is not the volume produced: it is never
# the divisor of a per-unit result.
_PRODUCTION = regex.compile(
    r"年产量|年产(?!能)|全年(?:共|累计)?生产(?:了)?|年度(?:共|累计)?生产(?:了)?|总产量|产量|生产总量|"
    r"(?:共|累计|共计|合计)生产(?:了)?|生产了|"
    r"annual\s+(?:production|output)(?!\s+capacity)|production\s+(?:volume|output)|(?:total\s+)?output\s+(?:of|was|is|:)|"
    r"\bproduction\s+(?:of|was|is|:|totall?ed|amounted\s+to)|produced|manufactured",
    regex.IGNORECASE,
)
# A word every match of _PRODUCTION holds (a test checks).
PRODUCTION_KEYWORDS = ["产", "annual", "produc", "output", "manufactured"]
_MAY_PRODUCE = any_keyword(PRODUCTION_KEYWORDS)
# The FU ("the functional unit is the production of 1 kWh") or a result basis ("the carbon
# footprint of the production of 1 t") names an amount after a production word; neither is
# the volume produced.
_NOT_VOLUME_BEFORE = regex.compile(
    FU_KEYWORDS
    + r"|碳足[迹跡]|footprint|\bCFP\b|\bper\b|每|单位产品|废|waste|emission|排放|副产|by-?product",
    regex.IGNORECASE,
)
# Between the production word and the amount: energy or material consumed, not produced.
_CONSUMPTION_GAP = regex.compile(
    r"用电|耗电|电耗|能耗|消耗|耗用|用能|用气|用水|电量|consum|\bus(?:e|ed|ing)\b|electricity|\bpower\b|fuel",
    regex.IGNORECASE,
)
# An emission or a rate, not a volume: "0.5 kg CO2", "12 t/h".
_NOT_VOLUME_AFTER = regex.compile(r"^\s*(?:CO\s*2|二氧化碳|/|per\b|每)", regex.IGNORECASE)


def _subject(text: str, start: int) -> str:
    rest = text[start : start + 60]
    m = _SUBJECT_STOP.search(rest)
    subject = rest[: m.start()] if m else rest
    subject = _LEAD_WORDS.sub("", subject).strip(" 。.、")
    return subject[:40].strip()


def _statement(seg: Segment, amount: Amount, role: str, start: int) -> FunctionalUnitStatement:
    return FunctionalUnitStatement(
        amount=amount.number,
        unit=amount.unit,
        unit_text=amount.unit_text.strip(),
        subject=_subject(seg.text, amount.end),
        location=seg.loc(start, amount.end),
        role=role,
    )


_PER_UNIT_BEFORE = regex.compile(
    r"(?:mass|weight|density|content|quantity)\s+(?:per|of\s+the|of\s+one)\s*$|每\s*$|单位\s*$|(?:质量|重量)\s*/?\s*$",
    regex.I,
)


def declared_in(seg: Segment) -> list[FunctionalUnitStatement]:
    """'功能单位定义为生产 1 吨…' / 'The functional unit is 1 kg of …'."""
    out: list[FunctionalUnitStatement] = []
    for km in _KEYWORD.finditer(seg.text):
        if _PER_UNIT_BEFORE.search(seg.text[max(0, km.start() - 24) : km.start()]):
            continue  # "Mass per declared unit: 2400 kg" states a mass, not the unit
        window_end = min(len(seg.text), km.end() + 80)
        first = next(iter_amounts(seg.text, km.end(), window_end), None)
        if first is None:
            continue
        gap = seg.text[km.end() : first.start]
        # A definition: short gap holding a copula ("被定义为生产", "(FU) is defined as").
        if len(gap) > 40 or not _COPULA.search(gap) or regex.search(r"[。；;]", gap):
            continue
        out.append(_statement(seg, first, "declared", km.start()))
    return out


# An energy amount is the basis of a result only when it is the product (an energy storage
# system, a kWh of electricity supplied): "生产 1 kWh 储能系统的碳足迹". "消耗 1 kWh 电力的碳足迹"
# or "the emissions of 1 kWh of grid electricity" describe an input's factor, not the FU.
_CONSUMED_BEFORE = regex.compile(
    r"(?:消耗|耗用|使用|用电|耗电|consum\w*|us(?:e|ed|ing))\s*$", regex.I
)
_CARRIER_AFTER = regex.compile(
    r"^\s*(?:of\s+)?(?:the\s+)?(?:grid\s+|purchased\s+)?(?:电力|电能|电网|外购电|的?电(?![池器机])|"
    r"electricity|power|天然气|natural\s+gas|蒸汽|steam|热力|heat|柴油|diesel|汽油|gasoline|燃料|fuel)",
    regex.I,
)


def _basis_unit_ok(text: str, a: Amount, end: int) -> bool:
    if unit_class(a.unit) != "energy":
        return True
    before = text[max(0, a.start - 8) : a.start]
    return not _CONSUMED_BEFORE.search(before) and not _CARRIER_AFTER.match(text[a.end : end])


def result_basis_in(seg: Segment) -> list[FunctionalUnitStatement]:
    """'生产 1 台散料输送设备的碳足迹为 3334.37' / 'the carbon footprint of 1 unit of X is'."""
    out: list[FunctionalUnitStatement] = []
    text = seg.text
    for rm in _ZH_RESULT.finditer(text):
        # The last amount+unit before "的碳足迹" within the same clause.
        lo = max(0, rm.start() - 50)
        clause_start = max(text.rfind(c, lo, rm.start()) for c in "，,。；;:") + 1
        amounts = [a for a in iter_amounts(text, max(lo, clause_start), rm.start())]
        amounts = [a for a in amounts if _basis_unit_ok(text, a, rm.start())]
        if not amounts:
            continue
        a = amounts[0]
        if text[a.start - 1 : a.start] == "=" or regex.search(r"[\d.]$", text[: a.start]):
            continue
        st = _statement(seg, a, "result-basis", a.start)
        st.subject = text[a.end : rm.start()].strip(" 的") or st.subject
        out.append(st)
    for em in _EN_RESULT.finditer(text):
        if em.group("word"):
            u = _WORD_UNIT.match(text, em.end())
            unit = normalise_unit(u.group("unit")) if u else None
            if u is None or unit is None:
                continue
            number = Number(text=em.group("word"), value=Decimal(1))
            a = Amount(number, unit, u.group("unit"), em.end(), u.end())
        else:
            a_opt = next(iter_amounts(text, em.end(), min(len(text), em.end() + 20)), None)
            if a_opt is None or a_opt.start != em.end():
                continue
            a = a_opt
        if not _basis_unit_ok(text, a, min(len(text), a.end + 60)):
            continue
        out.append(_statement(seg, a, "result-basis", em.start()))
    return out


def section_body(seg: Segment) -> FunctionalUnitStatement | None:
    """The paragraph right under a 功能单位 / Functional unit heading, even without the
    keyword: '3.3 功能单位' + '1 件 150 kV 旋转阳极 CT 球管。'."""
    first = next(iter_amounts(seg.text), None)
    if first is None or first.start > 25:
        return None
    return _statement(seg, first, "declared", first.start)


def is_fu_heading(text: str) -> bool:
    return bool(_FU_HEADING.match(normalise(text)))


def table_reference(row_segs: list[Segment]) -> FunctionalUnitStatement | None:
    """A product row: '产品 | 散料输送设备 | 1 | 台'."""
    texts = [s.text.strip() for s in row_segs]
    for i, t in enumerate(texts):
        if t.lower() not in TABLE_PRODUCT_TYPES:
            continue
        subject = ""
        for j in range(i + 1, len(texts)):
            cell = texts[j]
            number = parse_number(cell)
            if number is None:
                if not subject and cell and not regex.fullmatch(r"[-—/\s]*", cell):
                    subject = cell
                continue
            rest = cell[len(number.text) :].strip() if cell.startswith(number.text) else ""
            unit_text = rest or (texts[j + 1] if j + 1 < len(texts) else "")
            unit = normalise_unit(unit_text)
            if unit is None:
                return None
            seg = row_segs[i]
            row_quote = " | ".join(s.raw.strip() for s in row_segs)
            return FunctionalUnitStatement(
                amount=number,
                unit=unit,
                unit_text=unit_text,
                subject=subject,
                location=seg.location.with_quote(row_quote[:120]),
                role="table-reference",
            )
    return None


# A sentence comparing two years' figures states a trend; its amounts are not the study's
# production volume.
_SERIES = regex.compile(
    r"(?:由|从)\s*(?:19|20)\d{2}\s*年[^。；;]{0,30}?(?:增长|增加|上升|下降|减少|降低|提高)(?:到|至|为)|"
    r"\bfrom\s+[^.;]{0,30}?\b(?:19|20)\d{2}\b[^.;]{0,30}?\bto\b[^.;]{0,30}?\b(?:19|20)\d{2}\b|"
    r"\b(?:grew|rose|fell|increased|decreased|declined)\s+from\b",
    regex.IGNORECASE,
)


def production_in(seg: Segment) -> list[ProductionVolume]:
    """'全年共生产 X 射线 CT 球管 349 件', 'annual production of 12 000 units', '年产量 5 000 吨',
    '2023年产量为 187,100 kWh', 'In 2023 the plant produced 164,400 kWh'. Any unit the FU
    may have (count, mass, length, area, volume, energy)."""
    out: list[ProductionVolume] = []
    text = seg.text
    if not _MAY_PRODUCE(text):
        return out  # no production word: most sentences skip both patterns
    if _SERIES.search(text):
        return out  # "产量由 2020 年的 4000 把增长到 2023 年的 5000 把": a trend, not the volume
    for pm in _PRODUCTION.finditer(text):
        clause_start = max(text.rfind(c, 0, pm.start()) for c in "，,。；;") + 1
        if _NOT_VOLUME_BEFORE.search(text, max(clause_start, pm.start() - 40), pm.start()):
            continue
        if text[max(0, pm.start() - 2) : pm.start()] == "单位":
            continue  # 单位产量能耗: energy per unit of output
        end = min(len(text), pm.end() + 40)
        stop = regex.search(r"[。；;]", text[pm.end() : end])
        if stop:
            end = pm.end() + stop.start()
        a = next(iter_amounts(text, pm.end(), end), None)
        if a is None or unit_class(a.unit) is None:
            continue
        if _CONSUMPTION_GAP.search(text, pm.end(), a.start) or _NOT_VOLUME_AFTER.match(
            text[a.end : a.end + 12]
        ):
            continue
        q = Quantity(a.number, a.unit, a.unit_text.strip())
        out.append(ProductionVolume(q, seg.loc(pm.start(), a.end)))
        break
    return out
