"""EPD claims outside the result matrices, as :class:`~pcfaudit.model.Statement`s.

Kinds and their encoding (until the model has dedicated fields):

=========================  ==========================================  =====================
kind                       subject                                     values
=========================  ==========================================  =====================
epd-declared-unit          canonical unit: "m3", "t", "kg", "m2", …     [amount]
epd-mass-per-du            mass unit: "kg", "t"                        [mass]
epd-issued                 ISO date "2023-05-12" (or "2023-05")        []
epd-valid-from             ISO date                                    []
epd-valid-until            ISO date                                    []
epd-pcr                    "PCR 2019:14|1.3.4" (id|version)            []
epd-standard               "EN 15804+A2", "EN 15804+A1"                []
epd-biogenic-carbon        "product" | "packaging" | ""                [kg C] or [kg C, kg CO2]
epd-content-mass           "<component>|<unit>"                        [mass]
epd-content-total          "<label>|<unit>"                            [mass]
epd-gwp-ghg-definition     None                                        []
epd-packaging-mass         "<material>|<unit>"                         [mass]
epd-revised                ISO date                                    []
epd-recycled-share         "<column header>|<row label>"               [value as printed]
epd-waste-named            None (a table row labelled HWD/NHWD/RWD)    []
=========================  ==========================================  =====================

epd-pcr's subject is "id|version|date" (version and date empty when not printed). Prose
claims (boundary type, service life, end of life, …) come from :mod:`.epd_text`.

``text`` is the sentence or table row, ``location.quote`` the evidence as printed.
Sentences that compare with another edition ("not comparable with EPDs under EN 15804+A1")
do not count as citing it.
"""

from __future__ import annotations

from collections.abc import Iterator

import regex

from pcfaudit.interpret.epd_content import content_statements
from pcfaudit.interpret.epd_lexicon import cell_number, fold
from pcfaudit.interpret.epd_text import text_statements
from pcfaudit.model import Document, Location, Number, Statement, StatementKind
from pcfaudit.vocab.epd import declared_unit_key
from pcfaudit.vocab.keywords import any_keyword
from pcfaudit.vocab.numbers import parse_number

_NUM = r"\d+(?:[.,]\d+)?"
_UNITS = {
    "m²": "m2", "m2": "m2", "平方米": "m2", "m³": "m3", "m3": "m3", "立方米": "m3",
    "kg": "kg", "千克": "kg", "公斤": "kg", "t": "t", "tonne": "t", "tonnes": "t", "ton": "t",
    "tons": "t", "吨": "t", "m": "m", "米": "m", "km": "km", "piece": "piece", "pieces": "piece",
    "pcs": "piece", "unit": "piece", "件": "piece", "台": "piece", "个": "piece", "套": "piece",
    "块": "piece", "kwh": "kWh", "mj": "MJ",
}  # fmt: skip
_UNIT_ALT = "|".join(sorted((regex.escape(u) for u in _UNITS), key=len, reverse=True))
_DU_RE = regex.compile(
    r"(?:declared|functional)\s+unit|声明单位|功能单位",
    regex.IGNORECASE,
)
_DU_VALUE_RE = regex.compile(
    rf"\s*(?:\([^)]*\))?\s*(?:is|was|are|:|：|=|为|是|of|defined as|定义为|\s)*\s*(?:one\s+)?"
    rf"(?P<amt>{_NUM})\s*(?P<unit>{_UNIT_ALT})(?![A-Za-z0-9])",
    regex.IGNORECASE,
)
_MASS_RE = regex.compile(
    rf"(?:(?:mass|weight)\s+(?:per|of\s+(?:the|one|1))\s+(?:declared|functional)\s+unit"
    rf"|(?:每个?)?(?:声明|功能)单位(?:的|产品)?(?:质量|重量))"
    rf"[^0-9]{{0,20}}?(?P<amt>{_NUM}(?:\s?\d{{3}})*)\s*(?P<unit>kg|t|tonnes?|千克|公斤|吨)(?![A-Za-z0-9/])",
    regex.IGNORECASE,
)
_MONTHS = {m: i + 1 for i, m in enumerate(
    ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"])}  # fmt: skip
_DATE = (
    r"(?:\d{4}\s*[-/.]\s*\d{1,2}\s*[-/.]\s*\d{1,2}|\d{1,2}\s*[./]\s*\d{1,2}\s*[./]\s*\d{4}"
    r"|\d{4}\s*年\s*\d{1,2}\s*月(?:\s*\d{1,2}\s*日)?|\d{1,2}\s+[A-Za-z]{3,9}\.?\s+\d{4}"
    r"|[A-Za-z]{3,9}\.?\s+\d{1,2},?\s+\d{4}|[A-Za-z]{3,9}\.?\s+\d{4}|\d{4}\s*-\s*\d{1,2}(?!\d))"
)
_DATE_RE = regex.compile(_DATE)
_REVISED_RE = regex.compile(
    r"revision\s+date|date\s+of\s+revision|revised(?:\s+on)?|修订日期", regex.IGNORECASE
)
_ISSUED_RE = regex.compile(
    r"date\s+of\s+(?:issue|publication)|issue\s+date|publication\s+date|issued(?:\s+on)?|published(?:\s+on)?"
    r"|发布日期|签发日期|颁发日期|发布时间|发证日期",
    regex.IGNORECASE,
)
_UNTIL_RE = regex.compile(
    r"valid\s+(?:until|to|through|till)|validity\s+date|expiry\s+date|expiration\s+date|有效期至|有效期截至|有效截止日期|截止日期",
    regex.IGNORECASE,
)
_PERIOD_RE = regex.compile(
    rf"(?:validity|valid|period\s+of\s+validity|有效期)[^0-9]{{0,20}}(?P<a>{_DATE})\s*(?:to|until|[-–—~～]|至)\s*(?P<b>{_DATE})",
    regex.IGNORECASE,
)
_PCR_RE = regex.compile(
    r"(?<![A-Za-z])(?P<id>(?:c-?)?PCR(?:[- ]?\d{3}\b|\)?\s*:?\s*(?:PCR\s+)?\d{4}\s*:\s*\d{1,3}))",
    regex.IGNORECASE,
)
_VERSION_RE = regex.compile(
    r"(?:version|ver\.?|v\.?|版本)\s*(?P<v>\d+(?:\.\d+){1,3})|\((?P<p>\d+\.\d+(?:\.\d+){0,2})\)",
    regex.IGNORECASE,
)
# A line that only introduces the PCR ("Product Category Rules (PCR):"): its id follows.
_PCR_LABEL_ONLY = regex.compile(r"(?:\(PCR\)|\bPCR)\s*:?\s*$", regex.IGNORECASE)
_EN15804_RE = regex.compile(
    r"EN\s*15804\s*(?::\s*\d{4})?\s*\+\s*(?P<a>A[12])(?:\s*:\s*\d{4})?", regex.IGNORECASE
)
_COMPARISON = regex.compile(
    r"compar|replac|supersed|previous|earlier|former|instead|不可比|替代|取代|代替|旧版|此前",
    regex.IGNORECASE,
)
# "The indicator … originally defined in EN 15804+A1" says where a definition comes from; it
# does not cite that edition as the EPD's basis.
_DEFINITION = regex.compile(
    r"originally|defined\s+(?:in|by)|as\s+(?:in|per)\s+EN|equal\s+to\s+the\s+GWP|最初定义", regex.I
)
# A sentence ends at . ; ! ? followed by a space and a capital or CJK, or at 。；.
_SENTENCE_RE = regex.compile(r"(?<=[.;!?])\s+(?=[A-Z\p{Han}])|(?<=[。；！？])|\n+")
# Where _SENTENCE_RE can cut: a stop and a space, a CJK stop, a line break. Most table rows
# have none and skip the split, whose lookbehinds are slow at every position.
_SENTENCE_BREAK = regex.compile(r"[.;!?]\s|[。；！？\n]")


def _sentences(text: str) -> list[str]:
    return _SENTENCE_RE.split(text) if _SENTENCE_BREAK.search(text) else [text]


_BIOGENIC_RE = regex.compile(r"biogenic\s+carbon|生物(?:源|成因)?碳", regex.IGNORECASE)
_SCI = rf"{_NUM}(?:[eE][-+]?\d+)?"
# A number before its unit ("0.50 kg C") or, in a table row, after it ("kg C : 0.50").
_KGC_RE = regex.compile(
    rf"(?P<n>{_SCI})\s*kg\s*C(?![A-Za-z0-9])|kg\s*C(?![A-Za-z0-9])\s*:\s*(?P<m>{_SCI})(?!\s*kg)"
)
_KGCO2_RE = regex.compile(
    rf"(?P<n>{_SCI})\s*kg\s*CO\s*[2₂]|kg\s*CO\s*[2₂]\s*(?:eq\.?|e)?\s*:\s*(?P<m>{_SCI})",
    regex.IGNORECASE,
)


def _lines(document: Document) -> Iterator[tuple[str, Location]]:
    """Every paragraph, heading and table row (cells joined by ' : ') with its location."""
    for block in document.blocks:
        if block.table is None:
            yield block.text, block.location
            continue
        for row in block.table.rows:
            cells = [c.text.strip() for c in row if c.text.strip()]
            if cells:
                yield " : ".join(cells), row[0].location


def _num(text: str) -> Number | None:
    return cell_number(text.replace(" ", "")) or parse_number(text)


def iso_date(text: str) -> str | None:
    """'2023-05-12' for a printed date (day-first for 12.05.2023 and 12/05/2023), '2023-05'
    when the day is not printed, or None."""
    t = fold(text)
    m = regex.fullmatch(r"(\d{4})\s*[-/.年]\s*(\d{1,2})\s*(?:[-/.月]\s*(\d{1,2})\s*日?|月)?", t)
    if m:
        y, mo, d = int(m.group(1)), int(m.group(2)), m.group(3)
    elif m := regex.fullmatch(r"(\d{1,2})\s*[./]\s*(\d{1,2})\s*[./]\s*(\d{4})", t):
        y, mo, d = int(m.group(3)), int(m.group(2)), m.group(1)
    elif m := regex.fullmatch(r"(\d{1,2})\s+([a-z]{3})[a-z]*\.?\s+(\d{4})", t):
        y, mo, d = int(m.group(3)), _MONTHS.get(m.group(2), 0), m.group(1)
    elif m := regex.fullmatch(r"([a-z]{3})[a-z]*\.?\s+(?:(\d{1,2}),?\s+)?(\d{4})", t):
        y, mo, d = int(m.group(3)), _MONTHS.get(m.group(1), 0), m.group(2)
    else:
        return None
    if not 1 <= mo <= 12 or not 1900 <= y <= 2200 or (d and not 1 <= int(d) <= 31):
        return None
    return f"{y:04d}-{mo:02d}" + (f"-{int(d):02d}" if d else "")


def _statement(kind: str, text: str, loc: Location, quote: str, subject: str | None = None,
               values: list[Number] | None = None) -> Statement:  # fmt: skip
    return Statement(
        StatementKind(kind), text, loc.with_quote(quote.strip()), subject, values or []
    )


def epd_statements(document: Document) -> list[Statement]:
    """Declared unit, mass per declared unit, dates, PCR and EN 15804 editions, biogenic
    carbon, content masses and a GWP-GHG definition, in document order."""
    out: list[Statement] = []
    pending = ""  # a line that only says "Product Category Rules (PCR):" joins the next
    for text, loc in _lines(document):
        if pending:
            text = f"{pending} {text}"
            pending = ""
        elif _PCR_LABEL_ONLY.search(text) and len(text) < 60:
            pending = text
            continue
        for sentence in _sentences(text):
            if sentence.strip():
                out.extend(_line_statements(sentence, loc))
                out.extend(text_statements(sentence, loc))
    out.extend(content_statements(document))
    return out


_MASS_PER_BEFORE = regex.compile(r"(?:mass|weight)\s+(?:per|of\s+(?:the|one|1))\s+$", regex.I)
_GWP_GHG = regex.compile(r"gwp[- ]?ghg", regex.I)
_EXCLUDES = regex.compile(r"exclud|fossil.{0,40}(?:luluc|land)|不含|不包括", regex.I)


# Every statement above needs one of its patterns to match (_DU_RE, _MASS_RE, _PERIOD_RE,
# _ISSUED_RE, _UNTIL_RE, _REVISED_RE, _PCR_RE, _EN15804_RE, _BIOGENIC_RE, _GWP_GHG), and each
# match holds one of these words (a test checks): most lines hold none and skip them all.
LINE_KEYWORDS = [
    *["unit", "单位", "valid", "有效", "date", "issued", "published", "expir", "截止"],
    *["发布", "签发", "颁发", "发证", "revis", "修订日期", "pcr", "15804", "biogenic", "生物", "gwp"],
]
_MAY_STATE = any_keyword(LINE_KEYWORDS)


def _line_statements(text: str, loc: Location) -> Iterator[Statement]:
    if not _MAY_STATE(text):
        return
    for m in _DU_RE.finditer(text):
        if _MASS_PER_BEFORE.search(text[: m.start()]):
            continue  # "mass per declared unit: 2400 kg" is a mass, not the declared unit
        v = _DU_VALUE_RE.match(text, m.end())
        if v:
            amount = _num(v.group("amt"))
            unit = _UNITS[v.group("unit").lower()]
            if amount is not None:
                quote = text[m.start() : v.end()]
                yield _statement("epd-declared-unit", text, loc, quote, unit, [amount])
    for m in _MASS_RE.finditer(text):
        mass = _num(m.group("amt"))
        if mass is not None:
            unit = {"tonne": "t", "tonnes": "t", "千克": "kg", "公斤": "kg", "吨": "t"}.get(
                m.group("unit").lower(), m.group("unit").lower()
            )
            yield _statement("epd-mass-per-du", text, loc, m.group(0), unit, [mass])
    yield from _dates(text, loc)
    comparison = bool(_COMPARISON.search(text))
    for m in _PCR_RE.finditer(text):
        if not comparison:
            yield _pcr_statement(text, loc, m)
    for m in _EN15804_RE.finditer(text):
        if not comparison and not _DEFINITION.search(text[max(0, m.start() - 80) : m.start()]):
            yield _statement(
                "epd-standard", text, loc, m.group(0), f"EN 15804+{m.group('a').upper()}"
            )
    if _BIOGENIC_RE.search(text):
        c = _KGC_RE.search(text)
        co2 = _KGCO2_RE.search(text)
        if c:
            subject = "packaging" if regex.search(r"packag|包装", text, regex.I) else (
                "product" if regex.search(r"product|产品", text, regex.I) else "")  # fmt: skip
            found = (
                c.group("n") or c.group("m"),
                (co2.group("n") or co2.group("m")) if co2 else None,
            )
            values = [n for t in found if t and (n := _num(t))]
            yield _statement("epd-biogenic-carbon", text, loc, text, subject, values)
    if _GWP_GHG.search(text) and _EXCLUDES.search(text):
        yield _statement("epd-gwp-ghg-definition", text, loc, text)


def _pcr_statement(text: str, loc: Location, m: regex.Match[str]) -> Statement:
    """epd-pcr with subject 'id|version|date' (version and date may be empty)."""
    raw = m.group("id")
    number = regex.search(r"\d{4}\s*:\s*\d{1,3}", raw)
    if number:
        ident = "PCR " + regex.sub(r"\s+", "", number.group(0))
    else:
        ident = (
            regex.sub(r"\s+", " ", raw).upper().replace("C-PCR", "c-PCR").replace("CPCR", "c-PCR")
        )
    v = _VERSION_RE.search(text, m.end(), m.end() + 120)
    version = (v.group("v") or v.group("p")) if v else ""
    end = v.end() if v else m.end()
    found = (
        (
            x
            for x in _DATE_RE.finditer(text, end, end + 200, overlapped=True)
            if iso_date(x.group(0))
        )
        if v
        else ()
    )
    d = next(iter(found), None)
    date = iso_date(d.group(0)) if d else None
    if d and date and regex.search(r"PCR|;|valid|until|expir|有效", text[end : d.start()], regex.I):
        date = None  # the date of another document cited after it, or the PCR's validity
    quote = text[m.start() : d.end()] if d and date else text[m.start() : end]
    return _statement("epd-pcr", text, loc, quote, f"{ident}|{version}|{date or ''}")


def _dates(text: str, loc: Location) -> Iterator[Statement]:
    m = _PERIOD_RE.search(text)
    if m:
        a, b = iso_date(m.group("a")), iso_date(m.group("b"))
        if a and b:
            yield _statement("epd-valid-from", text, loc, m.group(0), a)
            yield _statement("epd-valid-until", text, loc, m.group(0), b)
            return
    kinds = (
        ("epd-issued", _ISSUED_RE),
        ("epd-valid-until", _UNTIL_RE),
        ("epd-revised", _REVISED_RE),
    )
    for kind, rx in kinds:
        for k in rx.finditer(text):
            d = _DATE_RE.search(text, k.end(), k.end() + 30)
            if d and regex.fullmatch(
                r"[\s:：,为是]*(?:on\s*)?", text[k.end() : d.start()], regex.I
            ):
                iso = iso_date(d.group(0))
                if iso:
                    yield _statement(kind, text, loc, text[k.start() : d.end()], iso)


__all__ = ["declared_unit_key", "epd_statements", "iso_date"]
