"""EPD claims made in prose, as :class:`~pcfaudit.model.Statement`s the EP rules compare with
the result matrices and the module declaration.

=========================  ==========================================  =====================
kind                       subject                                     values
=========================  ==========================================  =====================
epd-boundary               "cradle-to-grave" | "cradle-to-gate-with-   []
                           options" | "cradle-to-gate"
epd-rsl                    "year"                                      [years]
epd-service-life           "year"                                      [years]
epd-eol                    "crushing" | "recycling" | "landfill" |     []
                           "inert-filler" | "reuse" (module or "")
                           as "<what>|<module>" (C1-C4 or D)
epd-withdrawn-standard     "ISO 14041" (as printed, normalised)        []
epd-recycled-claim         None                                        [] (or [share %])
epd-waste-zero-claim       None                                        []
epd-use-scenario           the module: "B2", "B3-B5"                   []
epd-placeholder-date       the placeholder as printed                  []
epd-production-volume      the unit as printed                         [amount]
=========================  ==========================================  =====================

Each kind needs the sentence to *mean* the claim: a boundary named in a comparison
('EPDs of construction products may not be comparable if … cradle to grave'), a
'Cradle to Cradle®' certification, or an end-of-life word in a list of module names is not
one.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator

import regex

from pcfaudit.model import Location, Statement, StatementKind
from pcfaudit.vocab.keywords import any_keyword, fold_case
from pcfaudit.vocab.numbers import parse_number

_NUM = r"\d+(?:[.,]\d+)?"

_BOUNDARY_RES: tuple[tuple[str, regex.Pattern[str]], ...] = (
    (
        "cradle-to-gate-with-options",
        regex.compile(
            r"cradle[- ]to[- ]gate\s+with\s+(?:the\s+)?options|从摇篮到大门(?:加|及)选项", regex.I
        ),
    ),
    ("cradle-to-grave", regex.compile(r"cradle[- ]to[- ]grave|从摇篮到坟墓", regex.I)),
    ("cradle-to-gate", regex.compile(r"cradle[- ]to[- ]gate(?!\s+with)|从摇篮到大门", regex.I)),
)
# A boundary stated as the EPD's own: "system boundary", "scope", "type of EPD", "modules".
_BOUNDARY_CUE = regex.compile(
    r"system\s+boundar|boundar(?:y|ies)\s*:|type\s+of\s+(?:epd|declaration)|scope|this\s+epd|"
    r"the\s+(?:lca|study|declaration)\s+(?:is|covers)|(?:^|\s)(?:a\s*\+\s*b|a\s*-\s*c)|系统边界|评价范围",
    regex.I,
)
_NOT_OWN = regex.compile(r"compar|may\s+not|cradle\s+to\s+cradle|c2c|certif|if\s+", regex.I)

_YEARS = r"(?P<y>\d{1,3}(?:[.,]\d)?)\s*(?:-\s*)?(?:years?|yrs?|a\b|年)"
_RSL_RE = regex.compile(
    rf"(?:reference\s+service\s+life|\bRSL\b|参考使用寿命)(?:\s*\(RSL\))?[^0-9.;]{{0,30}}?{_YEARS}",
    regex.I,
)
_SERVICE_RE = regex.compile(
    rf"(?<!reference\s)(?:service\s+life(?:[- ]?time)?|使用寿命|设计寿命)"
    rf"[^0-9.;]{{0,40}}?{_YEARS}",
    regex.I,
)
_DU_YEAR_RE = regex.compile(
    r"(?:declared|functional)\s+unit[^.;]{0,80}?\bfor\s+(?:a\s+period\s+of\s+)?(?:one|1)\s+year",
    regex.I,
)

_EOL: tuple[tuple[str, regex.Pattern[str]], ...] = (
    ("crushing", regex.compile(r"crush|粉碎|破碎", regex.I)),
    ("inert-filler", regex.compile(r"inert\s+filler|惰性填料", regex.I)),
    ("recycling", regex.compile(r"recycl|回收利用|再生利用", regex.I)),
    ("landfill", regex.compile(r"landfill|填埋", regex.I)),
)
_PRODUCT_EOL = regex.compile(
    r"end[- ]of[- ]life|demolition|discarded|final\s+disposal|end\s+up|disposed\s+of|拆除|废弃",
    regex.I,
)
_MODULE_LEAD = regex.compile(r"^\s*(?:module\s+)?(?P<m>C[1-4]|D)\s*[:：)\-–]", regex.I)
_EOL_NEGATED = regex.compile(r"\bno\s+|\bnot\s+|without|excluded|未|不", regex.I)

# Standards withdrawn long before any EN 15804 EPD could be written; citing one as a basis
# is a wrong number (ISO 14041 for the carpet standard EN 14041) or an outdated method.
WITHDRAWN = frozenset(
    {"ISO 14041", "ISO 14042", "ISO 14043", "ISO 14040:1997", "ISO/TR 14025:2000", "PAS 2050:2008"}
)
_STANDARD_RE = regex.compile(
    r"(?<![A-Za-z])ISO(?:/TR)?\s*(\d{5})(?:\s*:\s*(\d{4}))?|PAS\s*2050\s*:\s*(\d{4})"
)

_RECYCLED_USE = regex.compile(
    r"(?:recycled|reclaimed|secondary\s+(?:raw\s+)?materials?|post[- ]consumer|再生|回收)\s*[\w\s-]{0,30}?"
    r"(?:is|are|was|were)\s+(?:used|added|incorporated)"
    r"|contains?\s+(?P<p>\d+(?:[.,]\d+)?)\s*%\s+(?:of\s+)?(?:recycled|reclaimed|post[- ]consumer)"
    r"|(?:recycled|reclaimed)\s+content\s+(?:of|is)\s+(?P<q>\d+(?:[.,]\d+)?)\s*%",
    regex.I,
)
# Recycled water, heat or data, or recycled packaging, is not secondary material of the product.
_NOT_MATERIAL = regex.compile(r"water|data|heat|energy|fuel|packag|水|数据|包装", regex.I)
_WASTE_ZERO = regex.compile(
    r"(?:all\s+)?waste(?:\s+\w+){0,3}\s+(?:equals?|is|are|set\s+to)\s+(?:zero|0)\b|废弃物.{0,6}(?:为零|为0)",
    regex.I,
)
_PLACEHOLDER = regex.compile(
    r"(?<![A-Za-z0-9])(?:XX|DD)\s*[./-]\s*(?:XX|MM)\s*[./-]\s*(?:XXXX|YYYY)(?![A-Za-z0-9])"
    r"|(?<![A-Za-z0-9])(?:XXXX|YYYY)\s*[./-]\s*(?:XX|MM)\s*[./-]\s*(?:XX|DD)(?![A-Za-z0-9])"
    r"|\[\s*(?:date|insert\s+date|tbd)\s*\]|20XX",
)
_DATE_CUE = regex.compile(r"date|valid|issue|publi|revis|日期|有效", regex.I)
_PRODUCTION_RE = regex.compile(
    rf"(?:annual\s+)?production(?:\s+volume)?(?:\s+(?:in|for|of)\s+(?:the\s+)?(?:reference\s+)?(?:year\s+)?\d{{4}})?"
    rf"\s*(?:was|is|:|=|of)\s*(?P<n>{_NUM}(?:\s?\d{{3}})*)\s*(?P<u>t|tonnes?|tons?|m[23²³]|units|pieces|吨)\b",
    regex.I,
)


def _st(kind: str, text: str, loc: Location, quote: str, subject: str | None = None,
        values: list | None = None) -> Statement:  # fmt: skip
    return Statement(
        StatementKind(kind), text, loc.with_quote(quote.strip()[:300]), subject, values or []
    )


# Each claim's words: every match of the patterns that claim needs holds one of them (the
# key-word test checks). Most sentences hold none at all; the rest skip the claims whose
# words they lack.
CLAIM_WORDS = {
    "boundary": ["cradle", "从摇篮到"],  # _BOUNDARY_RES
    "service-life": ["rsl", "service", "unit", "使用寿命", "设计寿命"],  # _RSL_RE, _DU_YEAR_RE, _SERVICE_RE
    "end-of-life": [
        *["crush", "粉碎", "破碎", "inert", "惰性填料", "recycl", "回收利用", "再生利用"],
        *["landfill", "填埋"],
    ],  # _EOL
    "use-scenario": ["b1", "b2", "b3", "b4", "b5", "b6", "b7"],  # _USE_LABEL
    "standard": ["iso", "pas"],  # _STANDARD_RE
    "recycled": ["recycl", "reclaimed", "secondary", "post", "再生", "回收"],  # _RECYCLED_USE
    "waste-zero": ["waste", "废弃物"],  # _WASTE_ZERO
    "placeholder": ["xx", "yyyy", "date", "tbd"],  # _PLACEHOLDER
    "production": ["production"],  # _PRODUCTION_RE
}
TEXT_KEYWORDS = sorted({word for words in CLAIM_WORDS.values() for word in words})
_MAY_CLAIM = any_keyword(TEXT_KEYWORDS)


def text_statements(text: str, loc: Location) -> Iterator[Statement]:
    """The prose claims of one sentence (or table row joined with ' : ')."""
    if not _MAY_CLAIM(text):
        return
    folded = fold_case(text)
    said = {claim for claim, words in CLAIM_WORDS.items() if any(w in folded for w in words)}
    for claim, reader in _READERS:
        if claim in said:
            yield from reader(text, loc)
    if "waste-zero" in said and _WASTE_ZERO.search(text):
        yield _st("epd-waste-zero-claim", text, loc, text)
    for p in _PLACEHOLDER.finditer(text) if "placeholder" in said else ():
        if _DATE_CUE.search(text):
            yield _st("epd-placeholder-date", text, loc, text, p.group(0))
    for p in _PRODUCTION_RE.finditer(text) if "production" in said else ():
        n = parse_number(p.group("n").replace(" ", ""))
        if n is not None:
            yield _st("epd-production-volume", text, loc, p.group(0), p.group("u"), [n])


def _recycled(text: str, loc: Location) -> Iterator[Statement]:
    m = _RECYCLED_USE.search(text)
    if (
        m
        and not regex.search(r"\bnot\b|\bno\b|without|minimal|not included", text, regex.I)
        and not _NOT_MATERIAL.search(m.group(0))
    ):
        share = m.group("p") or m.group("q")
        n = parse_number(share.replace(",", ".")) if share else None
        yield _st("epd-recycled-claim", text, loc, text, None, [n] if n else [])


def _boundary(text: str, loc: Location) -> Iterator[Statement]:
    if _NOT_OWN.search(text):
        return
    for kind, rx in _BOUNDARY_RES:
        m = rx.search(text)
        if m:
            if _BOUNDARY_CUE.search(text) or regex.search(r"\bmodules?\b|\(A\s*\+", text, regex.I):
                yield _st("epd-boundary", text, loc, text, kind)
            return


def _service_life(text: str, loc: Location) -> Iterator[Statement]:
    seen_rsl = False
    for m in _RSL_RE.finditer(text):
        n = parse_number(m.group("y").replace(",", "."))
        if n is not None:
            seen_rsl = True
            yield _st("epd-rsl", text, loc, m.group(0), "year", [n])
    m2 = _DU_YEAR_RE.search(text)
    if m2 and not seen_rsl:
        one = parse_number("1")
        if one is not None:
            yield _st("epd-rsl", text, loc, m2.group(0), "year", [one])
    for m in _SERVICE_RE.finditer(text):
        if regex.search(
            r"reference\s*$|\bRSL\b", text[max(0, m.start() - 12) : m.start()], regex.I
        ):
            continue
        n = parse_number(m.group("y").replace(",", "."))
        if n is not None:
            yield _st("epd-service-life", text, loc, m.group(0), "year", [n])


_USE_LABEL = regex.compile(
    r"(?:^|(?<=\s))(?:module\s+)?(?P<m>B[1-7](?:\s*[-–]\s*B[1-7])?)\s*[:：]\s*(?=\S)", regex.I
)


_CELL_VALUE = regex.compile(r"[-−]?\d[\d.,]*(?:[eE][-+−]?\d+)?\s*(?::|$)")


_MODULE_LABEL = regex.compile(r"\b[ABCD]\d?\s*:")  # "B2:", three of them make a legend


def _use_scenario(text: str, loc: Location) -> Iterator[Statement]:
    """A use-stage module's description ("B2: Usage of detergent …"), also where a
    two-column page interleaves it into another sentence; words must follow the label (a
    table row "B2 : 3,86E-01" is not a description)."""
    if len(_MODULE_LABEL.findall(text)) > 2:
        return  # a legend of module names
    for m in _USE_LABEL.finditer(text):
        if _CELL_VALUE.match(text, m.end()):
            continue  # a table row "B2 : 3,86E-01 : …"
        module = regex.sub(r"\s", "", m.group("m").upper()).replace("–", "-")
        yield _st("epd-use-scenario", text, loc, text[m.start() : m.start() + 160], module)


def _eol(text: str, loc: Location) -> Iterator[Statement]:
    """End-of-life processes a module's description names ("C3: … crushing …")."""
    for segment in text.split(" : "):
        lead = _MODULE_LEAD.match(segment)
        if len(_MODULE_LABEL.findall(segment)) > 2:
            continue  # a legend of module names
        if lead is None:
            # The product (not its packaging) going to landfill at its end of life.
            m = _EOL[3][1].search(segment)
            if (
                m
                and _PRODUCT_EOL.search(segment)
                and not regex.search(r"packag|包装", segment, regex.I)
            ):
                yield _st("epd-eol", text, loc, segment, "landfill|")
            continue
        module = lead.group("m").upper()
        for what, rx in _EOL:
            m = rx.search(segment)
            if m is None or _EOL_NEGATED.search(segment[max(0, m.start() - 25) : m.start()]):
                continue
            yield _st("epd-eol", text, loc, segment, f"{what}|{module}")


def _standards(text: str, loc: Location) -> Iterator[Statement]:
    for m in _STANDARD_RE.finditer(text):
        if m.group(3):
            name = f"PAS 2050:{m.group(3)}"
        else:
            prefix = "ISO/TR" if "/TR" in m.group(0).upper() else "ISO"
            name = f"{prefix} {m.group(1)}" + (f":{m.group(2)}" if m.group(2) else "")
        key = name if name in WITHDRAWN else name.split(":")[0]
        if key in WITHDRAWN and not regex.search(
            r"replac|supersed|withdrawn|formerly|previously", text, regex.I
        ):
            yield _st("epd-withdrawn-standard", text, loc, m.group(0), key)



# The claim readers text_statements runs when a sentence has their key words, in the order
# their statements are listed (defined last: every reader must exist).
_READERS: tuple[tuple[str, Callable[[str, Location], Iterator[Statement]]], ...] = (
    ("boundary", _boundary),
    ("service-life", _service_life),
    ("end-of-life", _eol),
    ("use-scenario", _use_scenario),
    ("standard", _standards),
    ("recycled", _recycled),
)
