"""Standards cited and dated claims (report date, reporting period, data collection, data year).

Only years attached to a dating phrase become DateClaims: a company's founding year, a
standard's year or a roadmap year is never one.
"""

from __future__ import annotations

from dataclasses import dataclass

import regex

from pcfaudit.interpret.claims_text import Segment
from pcfaudit.model import DateClaim, StandardCitation
from pcfaudit.vocab.keywords import any_keyword

_I = regex.IGNORECASE
_YEAR = r"(?:19|20)\d{2}"

_STANDARD = regex.compile(
    rf"""
    (?:(?P<iso>(?:BS\s+)?(?:EN\s+)?ISO(?:\s*/\s*(?P<isokind>TS|TR|PAS|DIS))?\s*(?P<isonum>\d{{4,5}})
        (?:\s*-\s*(?P<isopart>\d{{1,2}})(?!\d))?)
  | (?P<pas>PAS\s*(?P<pasnum>\d{{3,4}}))
  | (?P<gb>GB\s*(?:/\s*(?P<gbkind>T|Z))?\s*(?P<gbnum>\d{{4,5}})(?:\.(?P<gbpart>\d{{1,2}}))?)
  | (?P<en>(?<![A-Za-z])EN\s*(?P<ennum>\d{{4,5}})(?:\s*\+\s*(?P<enamd>A\d))?)
  | (?P<ghgp>GHG\s+Protocol(?:\s+(?P<ghgkind>Product|Corporate|Scope\s*3)[\w\s]{{0,40}}?Standard)?
        |Greenhouse\s+Gas\s+Protocol(?:\s+(?P<ghgkind2>Product|Corporate)[\w\s]{{0,40}}?Standard)?
        |温室气体核算体系\s*:?\s*(?P<ghgzh>产品|企业)?)
    )
    (?P<yearpart>(?:\s*\+\s*A\d)?\s*(?:[:：\-–—]|\s)\s*(?P<year>{_YEAR})(?!\d))?
    """,
    regex.VERBOSE | _I,
)


def _code(m: regex.Match[str]) -> str:
    if m.group("iso"):
        kind = (m.group("isokind") or "").upper()
        code = f"ISO/{kind} {m.group('isonum')}" if kind else f"ISO {m.group('isonum')}"
        if m.group("isopart"):
            code += f"-{m.group('isopart')}"
        return code
    if m.group("pas"):
        return f"PAS {m.group('pasnum')}"
    if m.group("gb"):
        kind = (m.group("gbkind") or "").upper()
        code = f"GB/{kind} {m.group('gbnum')}" if kind else f"GB {m.group('gbnum')}"
        if m.group("gbpart"):
            code += f".{m.group('gbpart')}"
        return code
    if m.group("en"):
        code = f"EN {m.group('ennum')}"
        amd = m.group("enamd")
        if not amd and m.group("yearpart"):
            amd_m = regex.search(r"A\d", m.group("yearpart"))
            amd = amd_m.group(0) if amd_m else None
        return code + (f"+{amd.upper()}" if amd else "")
    kind = (m.group("ghgkind") or m.group("ghgkind2") or "").lower()
    if kind.startswith("corporate") or m.group("ghgzh") == "企业":
        return "GHG Protocol Corporate Standard"
    if kind.startswith("scope"):
        return "GHG Protocol Scope 3 Standard"
    return "GHG Protocol Product Standard"


# 《温室气体核算体系：产品寿命周期核算与报告标准》 has no "GHG Protocol" words in it.
_GHGP_ZH_PRODUCT = regex.compile(r"产品寿命周期核算与报告标准|产品生命周期核算与报告标准")


# A word every match of _STANDARD holds (a test checks); "en" is common, yet most cells and
# half the sentences have none of them and skip the pattern.
STANDARD_KEYWORDS = ["iso", "pas", "gb", "en", "ghg", "greenhouse", "温室气体核算体系"]
_MAY_CITE = any_keyword(STANDARD_KEYWORDS)


def standards_in(seg: Segment) -> list[StandardCitation]:
    out: list[StandardCitation] = []
    if not _MAY_CITE(seg.text):
        return out
    for m in _STANDARD.finditer(seg.text):
        code = _code(m)
        year = int(m.group("year")) if m.group("year") else None
        if m.group("ghgp") and m.group("ghgzh") is None and "温室气体核算体系" in m.group(0):
            tail = seg.text[m.end() : m.end() + 30]
            code = "GHG Protocol Product Standard" if _GHGP_ZH_PRODUCT.search(tail) else code
        out.append(
            StandardCitation(
                code, year, seg.raw[m.start() : m.end()].strip(), seg.loc(m.start(), m.end())
            )
        )
    return out


# ----------------------------------------------------------------------------- dates

_MONTHS = {
    m: i + 1
    for i, m in enumerate(
        ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"]
    )
}
_MONTH_WORD = r"(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]*\.?"
_DATE = regex.compile(
    rf"""
      (?P<zy>{_YEAR})\s*年\s*(?:(?P<zm>\d{{1,2}})\s*月\s*(?:(?P<zd>\d{{1,2}})\s*[日号])?)?
    | (?P<iy>{_YEAR})\s*[-./]\s*(?P<im>\d{{1,2}})(?:\s*[-./]\s*(?P<id>\d{{1,2}}))?(?![\d])
    | (?<![\d.,/])(?P<ad>\d{{1,2}})\s*[/.]\s*(?P<am>\d{{1,2}})\s*[/.]\s*(?P<ay>{_YEAR})(?![\d])
    | (?:(?P<ed>\d{{1,2}})(?:st|nd|rd|th)?\s+(?:of\s+)?)?(?P<emon>{_MONTH_WORD})
        (?:\s+(?P<ed2>\d{{1,2}})(?:st|nd|rd|th)?,?)?\s+(?P<ey>{_YEAR})
    | (?:FY|fiscal\s+year|financial\s+year|calendar\s+year)\s*(?P<fy>{_YEAR})(?![\d])
    | (?<![\d.])(?P<by>{_YEAR})(?![\d.])
    """,
    regex.VERBOSE | _I,
)
# A range: the period ends at its second date. The first date may omit what the second
# gives ("1 January to 31 December 2023", "2023年1月至12月", "January–December 2023").
_RANGE_SEP = r"\s*(?:to|until|till|through|thru|and|[-–—~～至到])\s*"
_RANGE_HEAD = regex.compile(
    rf"(?:(?:from|between)\s+)?(?:\d{{1,2}}(?:st|nd|rd|th)?\s+)?{_MONTH_WORD}(?:\s+\d{{1,2}},?)?{_RANGE_SEP}$"
    rf"|(?:从|自)?\s*{_YEAR}\s*年\s*\d{{1,2}}\s*月(?:\s*\d{{1,2}}\s*[日号])?{_RANGE_SEP}$",
    _I,
)
_ZH_RANGE_TAIL = regex.compile(
    rf"(?P<zy>{_YEAR})\s*年\s*\d{{1,2}}\s*月(?:\s*\d{{1,2}}\s*[日号])?\s*[-–—~～至到]\s*"
    rf"(?P<zm>\d{{1,2}})\s*月(?:\s*(?P<zd>\d{{1,2}})\s*[日号])?"
)

_REPORT_LABEL = regex.compile(
    # A bare "日期" / "Date:" is the report's only when nothing qualifies it: "收获日期",
    # "播种日期", "Harvest date:", "Sampling date:" date a field operation, not the report.
    r"编制日期|报告日期|發布日期|发布日期|出具日期|签发日期|(?:(?<=报告|编制)|(?<!\p{Han}))完成日期|编制时间|报告时间|(?<!\p{Han})日\s*期|"
    r"date\s+of\s+(?:the\s+)?report|report\s+date|date\s+of\s+issue|issue\s+date|publication\s+date|"
    r"date\s+of\s+publication|release\s+date|(?<![A-Za-z][\s-])(?<![A-Za-z])\bdate\s*:|"
    # "Published: 3 May 2024" / "Issued on 3 May 2024" only as a line of their own: "the IPCC
    # report published in 2021" dates somebody else's document.
    r"^\s*(?:published|issued|dated|released)(?:\s+(?:on|in))?\s*:?",
    _I,
)
_PERIOD_LABEL = regex.compile(
    r"报告年度|核算年度|报告期|核算期|核算周期|报告周期|盘查期|核查年度|统计期|数据(?:的)?(?:时间)?(?:期间|周期)|"
    r"reporting\s+(?:period|year)|accounting\s+(?:period|year)|reference\s+period|study\s+period|"
    r"(?:time|data|assessment|inventory)\s+period|period\s+(?:covered|of\s+(?:the\s+)?(?:study|assessment|data))|"
    r"(?:data|study|inventory|assessment|report)\s+(?:covers?|covered|covering|refers?\s+to|relates?\s+to)",
    _I,
)
_COLLECTION = regex.compile(
    r"(?:进行|开展|完成)?[^。；]{0,12}(?:数据|现场)[^。；]{0,6}(?:的)?(?:调查|收集|采集|调研|搜集)|"
    r"(?:进行|开展)了?(?:现场)?(?:调研|走访|踏勘)|"
    r"data\s+(?:were|was|have\s+been|had\s+been)\s+(?:collected|gathered|compiled|obtained)|"
    r"data\s+collection|data\s+gathering|(?:site|field|plant|on-site)\s+(?:visits?|surveys?|investigations?)|"
    r"collected\s+(?:in|on|during|between|from)",
    _I,
)
# A word every alternative of _COLLECTION contains (same flags): most sentences have none,
# and _COLLECTION's leading "[^。；]{0,12}" is slow to rule out at every position.
_COLLECTION_HINT = regex.compile(r"数据|现场|进行|开展|data|visit|survey|investigation|collected", _I)

_DATA_YEAR = regex.compile(
    rf"代表(?:企业|公司)?\s*(?P<y1>{_YEAR})\s*年(?:度)?(?:的)?(?:实际)?(?:生产|运行|平均)?水平"
    rf"|(?P<y2>{_YEAR})\s*年(?:度)?\s*(?:全年)?\s*(?:的)?\s*(?:实际)?\s*(?:生产|运营|运行|活动|统计|能耗|监测)"
    rf"(?:[^。；，,]{{0,12}})?数据"
    rf"|基准年\s*(?:为|是|:)?\s*(?P<y3>{_YEAR})"
    rf"|数据(?:的)?(?:时间|年份|年度|时间范围|代表年份)\s*(?:为|是|:)?\s*(?P<y4>{_YEAR})"
    rf"|(?P<y5>{_YEAR})\s*年全年(?:生产|运营)"
    rf"|(?:data|reference|base|baseline)\s+year\s*(?:is|was|:|=|of)?\s*(?P<y6>{_YEAR})"
    rf"|(?:data|figures)\s+(?:are|is|were|was)\s+(?:from|for)\s+(?:the\s+year\s+)?(?P<y7>{_YEAR})"
    rf"|representative\s+of\s+(?:the\s+)?(?:year\s+)?(?P<y8>{_YEAR})"
    rf"|(?:production|operating|activity)\s+data\s+(?:of|for|from)\s+(?P<y9>{_YEAR})"
    rf"|represent\w*\s+(?:the\s+)?(?:[\w-]+(?:'s|’s)\s+)?(?:average\s+)?(?P<y10>{_YEAR})\s+"
    rf"(?:production|operations?|output|activit(?:y|ies)|conditions|manufacturing)"
    rf"|(?P<y11>{_YEAR})\s+(?:production|operating|activity|annual|site|primary)\s+data",
    _I,
)


def _parse_date(m: regex.Match[str]) -> tuple[int, int | None, int | None]:
    if m.group("zy"):
        return int(m.group("zy")), _int(m.group("zm")), _int(m.group("zd"))
    if m.group("iy"):
        return int(m.group("iy")), _int(m.group("im")), _int(m.group("id"))
    if m.group("ay"):
        # 12/05/2023: day-month or month-day? Only a part above 12 tells; else the year only.
        a, b = int(m.group("ad")), int(m.group("am"))
        if a > 12 >= b:
            return int(m.group("ay")), b, a
        if b > 12 >= a:
            return int(m.group("ay")), a, b
        return int(m.group("ay")), None, None
    if m.group("ey"):
        month = _MONTHS.get(m.group("emon")[:3].lower())
        return int(m.group("ey")), month, _int(m.group("ed") or m.group("ed2"))
    if m.group("fy"):
        return int(m.group("fy")), None, None
    return int(m.group("by")), None, None


def _int(text: str | None) -> int | None:
    return int(text) if text else None


def _valid(year: int, month: int | None, day: int | None) -> bool:
    return (month is None or 1 <= month <= 12) and (day is None or 1 <= day <= 31)


def _first_date(seg: Segment, start: int, window: int = 40) -> regex.Match[str] | None:
    for m in _DATE.finditer(seg.text, start, min(len(seg.text), start + window)):
        y, mo, d = _parse_date(m)
        if _valid(y, mo, d):
            return m
    return None


def _claim(kind: str, seg: Segment, m: regex.Match[str], start: int) -> DateClaim:
    y, mo, d = _parse_date(m)
    return DateClaim(kind, y, mo, d, seg.raw[m.start() : m.end()].strip(), seg.loc(start, m.end()))


@dataclass(frozen=True)
class _Span:
    """A date or a range as printed: [start, end) and the date it stands for (a range
    stands for its last day)."""

    start: int
    end: int
    year: int
    month: int | None
    day: int | None
    is_range: bool = False

_RANGE_SEP_RE = regex.compile(_RANGE_SEP, _I)
_BETWEEN_BEFORE = regex.compile(r"between\s*$", _I)
_RANGE_DASH = regex.compile(r"\s*[-–—~～至到]\s*|\s*to\s*")


def _spans(text: str) -> list[_Span]:
    """Every valid date and every range in the text, a range replacing its two ends."""
    singles: list[_Span] = []
    for m in _DATE.finditer(text):
        y, mo, d = _parse_date(m)
        if _valid(y, mo, d):
            singles.append(_Span(m.start(), m.end(), y, mo, d))
    ranges: list[_Span] = []
    for zm in _ZH_RANGE_TAIL.finditer(text):
        y, mo, d = int(zm.group("zy")), int(zm.group("zm")), _int(zm.group("zd"))
        if _valid(y, mo, d):
            ranges.append(_Span(zm.start(), zm.end(), y, mo, d, True))
    for i, b in enumerate(singles):
        if any(r.start <= b.start < r.end for r in ranges):
            continue
        a = singles[i - 1] if i else None
        gap = text[a.end : b.start] if a else ""
        if (
            a
            and _RANGE_SEP_RE.fullmatch(gap)
            and ("and" not in gap.lower() or _BETWEEN_BEFORE.search(text[: a.start]))
        ):
            # Two bare years ("2022-2023") form a range only when written as one.
            if (
                a.month is None
                and b.month is None
                and not _RANGE_DASH.fullmatch(gap)
            ):
                continue
            ranges.append(_Span(a.start, b.end, b.year, b.month, b.day, True))
            continue
        head = _RANGE_HEAD.search(text[max(0, b.start - 40) : b.start])
        if head and b.month is not None:
            ranges.append(_Span(b.start - 40 + head.start() if b.start >= 40 else head.start(),
                                b.end, b.year, b.month, b.day, True))  # fmt: skip
    covered = [s for s in singles if not any(r.start <= s.start < r.end for r in ranges)]
    return sorted(ranges + covered, key=lambda s: s.start)


def _span_claim(kind: str, seg: Segment, sp: _Span, start: int) -> DateClaim:
    return DateClaim(
        kind,
        sp.year,
        sp.month,
        sp.day,
        seg.raw[sp.start : sp.end].strip(),
        seg.loc(min(start, sp.start), sp.end),
    )


def _after(spans: list[_Span], pos: int, window: int) -> _Span | None:
    return next((s for s in spans if pos <= s.start <= pos + window), None)


# Period words that make a bare range ("1 January to 31 December 2023") the data period.
_PERIOD_CONTEXT = regex.compile(
    r"数据|期间|周期|范围|时间段|年度|data|period|cover|represent|reporting|study|inventory|assessment",
    _I,
)


_LABEL_GAP = regex.compile(r"[\s:：\-–—,，(（]*(?:(?:on|in|is|为|是|于)\s*)?[\s:：]*", _I)
# "Valid from 1 May 2024 to 30 April 2029" is the declaration's validity, not the data's.
_VALIDITY = regex.compile(r"valid|有效期|有效至|expir|过期", _I)


# Every date, range and data-year pattern above holds a year: a text without one dates nothing
# (most sentences), and the patterns are slow to rule out at every position.
_ANY_YEAR = regex.compile(_YEAR)


def dates_in(seg: Segment) -> list[DateClaim]:
    out: list[DateClaim] = []
    text = seg.text
    if not _ANY_YEAR.search(text):
        return out
    spans = _spans(text)
    used: set[int] = set()
    for lm in _REPORT_LABEL.finditer(text):
        sp = _after(spans, lm.end(), 20)
        # The date follows the label directly: "Issued by the MEE in 2023" dates a source.
        if sp and _LABEL_GAP.fullmatch(text[lm.end() : sp.start]):
            out.append(_span_claim("report", seg, sp, lm.start()))
            used.add(sp.start)
            break
    cm = _COLLECTION.search(text) if _COLLECTION_HINT.search(text) else None
    collection: _Span | None = None
    if cm:
        # English names the date after the verb ("collected in May 2024", "site visit on
        # 3 May 2024"); Chinese before the phrase ("在 2024年1月进行数据的调查"). A bare year
        # counts only right after the verb: elsewhere it is the data's year.
        prep = regex.match(
            r"\s*(?:(?:took\s+place|was\s+carried\s+out|were\s+made)\s+)?(?:in|on|during|between|from|at|于|在)?\s*",
            text[cm.end() :],
            _I,
        )
        nxt = _after(spans, cm.end(), (prep.end() if prep else 0) + 2)
        if nxt is not None and nxt.start - cm.end() <= (prep.end() if prep else 0):
            collection = nxt
        else:
            lo = max(0, cm.start() - 25)
            cands = [s for s in spans if lo <= s.start < cm.end() + 30 and (s.month or s.is_range)]
            before = [s for s in cands if s.end <= cm.end()]
            collection = before[-1] if before else (cands[0] if cands else None)
        if collection is not None:
            out.append(_span_claim("data-collection", seg, collection, cm.start()))
            used.add(collection.start)
    for lm in _PERIOD_LABEL.finditer(text):
        sp = _after(spans, lm.end(), 20)
        if sp and sp.start not in used:
            out.append(_span_claim("reporting-period", seg, sp, lm.start()))
            used.add(sp.start)
            break
    if _PERIOD_CONTEXT.search(text) and not _VALIDITY.search(text):
        for sp in spans:
            if sp.is_range and sp.start not in used and sp.month is not None:
                out.append(_span_claim("reporting-period", seg, sp, sp.start))
                used.add(sp.start)
    for dm in _DATA_YEAR.finditer(text):
        ytext = next(g for g in (dm.group(f"y{i}") for i in range(1, 12)) if g)
        year = int(ytext)
        out.append(DateClaim("data-year", year, None, None, ytext, seg.loc(dm.start(), dm.end())))
    return out


_COVER_DATE = regex.compile(
    rf"^\s*(?:{_YEAR}\s*年\s*\d{{1,2}}\s*月(?:\s*\d{{1,2}}\s*[日号])?|{_YEAR}\s*年"
    rf"|(?:\d{{1,2}}\s+)?(?:January|February|March|April|May|June|July|August|September|October|November|December)"
    rf"(?:\s+\d{{1,2}},)?\s+{_YEAR}|{_YEAR}-\d{{1,2}}(?:-\d{{1,2}})?)\s*$",
    _I,
)


def cover_date(seg: Segment) -> DateClaim | None:
    """A paragraph made only of a date on the cover ('2024年3月', 'March 2024')."""
    if not _COVER_DATE.match(seg.text):
        return None
    m = _first_date(seg, 0, len(seg.text))
    if m is None:
        return None
    return _claim("report", seg, m, m.start())
