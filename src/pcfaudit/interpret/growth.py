"""Growth statements in prose: "X rose from A in 2001 to B in 2017, an average annual growth
rate of R %" / "从2001年的A增长至2017年的B，年均增长率为R%".

Each becomes a :class:`Statement` of kind ``growth-rate`` whose ``values`` are
[start, end, rate] and whose ``subject`` is "Y0-Y1 growth" or "Y0-Y1 decline". The years come
from the phrase itself ("从2001年的…至2017年的…") or from a period named earlier in the
same sentence ("2000—2015年，…总量从A增长到B"). Without both years nothing is stated.
"""

from __future__ import annotations

from collections.abc import Iterator

import regex

from pcfaudit.interpret.claims_text import prose_paragraphs
from pcfaudit.model import Document, Number, Statement, StatementKind
from pcfaudit.vocab.numbers import iter_numbers

_YEAR = r"(?:19|20)\d{2}"
_UP = r"增长|增加|上升|提高|升高|增至|rose|grew|increased|went\s+up"
_DOWN = r"下降|减少|降低|降至|fell|declined|decreased|dropped"
# "从[2001年的]A 增长至[2017年的]B" and "from A [in 2001] to B [in 2017]".
_FROM_TO_ZH = regex.compile(
    rf"[从由]\s*(?:(?P<y0>{_YEAR})\s*年\s*的?\s*)?(?P<a>[-−]?\s*[\d.][^，,；;。从由]{{0,24}}?)"
    rf"(?P<verb>{_UP}|{_DOWN})\s*(?:至|到|为)\s*(?:(?P<y1>{_YEAR})\s*年\s*的?\s*)?"
    r"(?P<b>[-−]?\s*[\d.][^，,；;。]{0,24})"
)
_FROM_TO_EN = regex.compile(
    rf"(?P<verb>{_UP}|{_DOWN})\s+from\s+(?P<a>[-−]?[\d.][^,;]{{0,24}}?)\s*(?:in\s+(?P<y0>{_YEAR})\s*)?"
    rf"to\s+(?P<b>[-−]?[\d.][^,;]{{0,24}}?)\s*(?:in\s+(?P<y1>{_YEAR})(?=[\s,;.]|$)"
    rf"|(?=[\s,;]|\.(?!\d)|$)(?![^,;]*?\bin\s+{_YEAR}))",
    regex.IGNORECASE,
)
_RATE = regex.compile(
    r"(?:年均|年平均|平均每年|average\s+annual|annual\s+average|per\s+year|a\s+year)\s*"
    r"(?:增长|增速|增幅|下降|降低|减少|降幅|growth|decline|increase|decrease)?\s*(?:率|速度|幅度|rate)?"
    r"\s*(?:为|达|达到|约为|约|of|was|is|:)?\s*(?P<r>[-−]?\d+(?:\.\d+)?\s*[%％])",
    regex.IGNORECASE,
)
_PERIOD = regex.compile(rf"(?P<y0>{_YEAR})\s*[-—–~～至到]+\s*(?P<y1>{_YEAR})\s*年?")
_SENTENCE_END = regex.compile(r"[。；;!?！？]|\.\s")
_ANY_YEAR = regex.compile(_YEAR)


def _first_number(text: str) -> Number | None:
    for match in iter_numbers(text):
        number = match.number
        # a year is not the value ("2001年" right after the number)
        if text[match.end : match.end + 1] == "年":
            continue
        return number
    return None


def _sentences(text: str) -> Iterator[str]:
    start = 0
    for m in _SENTENCE_END.finditer(text):
        yield text[start : m.end()]
        start = m.end()
    if start < len(text):
        yield text[start:]


_CLAUSE = regex.compile(r"[，,；;:：]")
_TREND_TAIL = regex.compile(
    r"(?:呈现?|平缓|逐年|持续|明显|显著|不断|总体|整体|下降|上升|增长|增加|减少|降低|趋势|的|\s)+$"
)

Found = tuple[Number, Number, Number, int, int, bool]


def _subject(head: str) -> str | None:
    """What a series is of: the clause before "从/由" (or the one before it when the
    series opens a clause: "碳排放强度平缓下降，由2000年的…"), without trend words."""
    clauses = [c.strip() for c in _CLAUSE.split(head)]
    for clause in reversed(clauses[-2:]):
        name = _TREND_TAIL.sub("", clause)
        name = regex.sub(r"^.*?(?:[)）]|其中|而|且)", "", name).strip()
        if len(name) >= 2:
            return name[-12:]
    return None


def _years(m: regex.Match[str], before: str) -> tuple[int, int] | None:
    y0, y1 = m.group("y0"), m.group("y1")
    if not (y0 and y1):
        period = list(_PERIOD.finditer(before))
        if len(period) != 1:
            return None
        y0, y1 = period[0].group("y0"), period[0].group("y1")
    return (int(y0), int(y1)) if int(y1) > int(y0) else None


def _is_down(text: str) -> bool:
    return bool(regex.search(_DOWN, text, regex.IGNORECASE))


def growth_in_sentence(
    sentence: str, series: dict[str, tuple[Number, Number, int, int]] | None = None
) -> list[Found]:
    """(start, end, rate, year0, year1, decline) for each growth rate ``sentence`` states
    between two dated values. Each rate reads only the clause since the previous rate. A
    rate whose clause names no values takes them from ``series`` (subject → the dated values
    stated earlier, "碳排放强度由2000年的1.07下降到2015年的0.41" … "碳排放强度年均下降4.19%");
    every dated series of the sentence is added to ``series``."""
    out: list[Found] = []
    known = series if series is not None else {}
    clause_start = 0
    # A series is kept only with its years (see _years), a rate is printed with its "%":
    # most sentences have neither and skip the patterns.
    dated = _ANY_YEAR.search(sentence) is not None
    rated = "%" in sentence or "％" in sentence
    for m in [*_FROM_TO_ZH.finditer(sentence), *_FROM_TO_EN.finditer(sentence)] if dated else []:
        years = _years(m, sentence[: m.start()])
        a, b = _first_number(m.group("a")), _first_number(m.group("b"))
        name = _subject(sentence[: m.start()])
        if years and a is not None and b is not None and name:
            known[name] = (a, b, *years)
    for rate_m in _RATE.finditer(sentence) if rated else ():
        head = sentence[clause_start : rate_m.start()]
        clause_start = rate_m.end()
        rate = _first_number(rate_m.group("r"))
        if rate is None:
            continue
        found = [*_FROM_TO_ZH.finditer(head), *_FROM_TO_EN.finditer(head)]
        if len(found) > 1:
            continue  # two series in one clause: which one the rate is for is unclear
        if not found:
            # The subject named last before the rate is the one it is about.
            subjects = sorted((head.rfind(k), k) for k in known if k in head)
            if subjects and (len(subjects) == 1 or subjects[-1][0] > subjects[-2][0]):
                a, b, y0, y1 = known[subjects[-1][1]]
                decline = _is_down(rate_m.group(0)) or _is_down(head[-12:])
                out.append((a, b, rate, y0, y1, decline))
            continue
        m = found[0]
        years = _years(m, sentence[: rate_m.start()])
        a, b = _first_number(m.group("a")), _first_number(m.group("b"))
        if a is None or b is None or years is None:
            continue
        decline = _is_down(m.group("verb") + rate_m.group(0))
        out.append((a, b, rate, years[0], years[1], decline))
    return out


def growth_statements(document: Document) -> list[Statement]:
    out = []
    series: dict[str, tuple[Number, Number, int, int]] = {}
    for block in prose_paragraphs(document):
        for sentence in _sentences(block.text):
            for a, b, rate, y0, y1, decline in growth_in_sentence(sentence, series):
                out.append(
                    Statement(
                        kind=StatementKind.GROWTH_RATE,
                        text=sentence.strip(),
                        location=block.location.with_quote(sentence.strip()[:200]),
                        subject=f"{y0}-{y1} {'decline' if decline else 'growth'}",
                        values=[a, b, rate],
                    )
                )
    return out
