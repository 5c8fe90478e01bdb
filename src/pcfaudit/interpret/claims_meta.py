"""Standards cited and dated claims (report date, reporting period, data collection, data year).

Only years attached to a dating phrase become DateClaims: a company's founding year, a
standard's year or a roadmap year is never one.
"""

from __future__ import annotations

import regex

from pcfaudit.interpret.claims_text import Segment
from pcfaudit.model import DateClaim, StandardCitation

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


def standards_in(seg: Segment) -> list[StandardCitation]:
    out: list[StandardCitation] = []
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
_DATE = regex.compile(
    rf"""
      (?P<zy>{_YEAR})\s*年\s*(?:(?P<zm>\d{{1,2}})\s*月\s*(?:(?P<zd>\d{{1,2}})\s*[日号])?)?
    | (?P<iy>{_YEAR})\s*[-./]\s*(?P<im>\d{{1,2}})(?:\s*[-./]\s*(?P<id>\d{{1,2}}))?(?![\d])
    | (?:(?P<ed>\d{{1,2}})\s+)?(?P<emon>Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]*\.?
        (?:\s+(?P<ed2>\d{{1,2}}),?)?\s+(?P<ey>{_YEAR})
    | (?<![\d.])(?P<by>{_YEAR})(?![\d.])
    """,
    regex.VERBOSE | _I,
)

_REPORT_LABEL = regex.compile(
    r"编制日期|报告日期|發布日期|发布日期|出具日期|签发日期|完成日期|编制时间|报告时间|日\s*期|"
    r"date\s+of\s+(?:the\s+)?report|report\s+date|date\s+of\s+issue|issue\s+date|publication\s+date|\bdate\s*:",
    _I,
)
_PERIOD_LABEL = regex.compile(
    r"报告年度|核算年度|报告期|核算期|核算周期|报告周期|盘查期|核查年度|统计期|"
    r"reporting\s+(?:period|year)|accounting\s+period|reference\s+period",
    _I,
)
_COLLECTION = regex.compile(
    r"(?:进行|开展|完成)?[^。；]{0,12}(?:数据|现场)[^。；]{0,6}(?:的)?(?:调查|收集|采集|调研|搜集)|"
    r"data\s+(?:were|was)\s+(?:collected|gathered)|data\s+collection|site\s+visit",
    _I,
)
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
    rf"|(?:production|operating|activity)\s+data\s+(?:of|for|from)\s+(?P<y9>{_YEAR})",
    _I,
)


def _parse_date(m: regex.Match[str]) -> tuple[int, int | None, int | None]:
    if m.group("zy"):
        return int(m.group("zy")), _int(m.group("zm")), _int(m.group("zd"))
    if m.group("iy"):
        return int(m.group("iy")), _int(m.group("im")), _int(m.group("id"))
    if m.group("ey"):
        month = _MONTHS.get(m.group("emon")[:3].lower())
        return int(m.group("ey")), month, _int(m.group("ed") or m.group("ed2"))
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


def dates_in(seg: Segment) -> list[DateClaim]:
    out: list[DateClaim] = []
    text = seg.text
    for lm in _REPORT_LABEL.finditer(text):
        m = _first_date(seg, lm.end(), 20)
        if m:
            out.append(_claim("report", seg, m, lm.start()))
            break
    for lm in _PERIOD_LABEL.finditer(text):
        m = _first_date(seg, lm.end(), 20)
        if m:
            out.append(_claim("reporting-period", seg, m, lm.start()))
            break
    cm = _COLLECTION.search(text)
    if cm:
        # The date sits just before the collection phrase ("在 2024年1月进行数据的调查").
        lo = max(0, cm.start() - 25)
        cands = [
            m for m in _DATE.finditer(text, lo, min(len(text), cm.end() + 30)) if not m.group("by")
        ]
        cands = [m for m in cands if _valid(*_parse_date(m))]
        if cands:
            before = [m for m in cands if m.end() <= cm.end()]
            m = before[-1] if before else cands[0]
            out.append(_claim("data-collection", seg, m, min(m.start(), cm.start())))
    for dm in _DATA_YEAR.finditer(text):
        ytext = next(g for g in (dm.group(f"y{i}") for i in range(1, 10)) if g)
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
