"""EPD vocabulary: indicator names (EN 15804+A1/+A2, Chinese), life-cycle modules, units and
cell values as EPD tables print them.

Kept apart from :mod:`.epd` so the rules can share the unit families without importing the
table recogniser.
"""

from __future__ import annotations

import dataclasses
import unicodedata

import regex

from pcfaudit.model import Number
from pcfaudit.vocab.epd import ALL_MODULES
from pcfaudit.vocab.memo import document_memo
from pcfaudit.vocab.numbers import parse_number, reads_decimal_comma

# --------------------------------------------------------------------------- text


# Compiled once: fold and module_of run for every table cell.
_DASHES = regex.compile(r"[‐‑‒–—―−﹣－]")
_SPACES = regex.compile(r"\s+")
_MODULE_ONLY = regex.compile(r"(?:MODULE|模块)?[ABCD]\d{0,2}(?:[-~～/+,、至][ABCD]?\d{1,2})*")
_MODULE_WORD = regex.compile(r"^(?:MODULE|模块)")
_FOOTNOTE_MARKS = regex.compile(r"\s*[*†‡]+$")
_BIOGENIC_CARBON = regex.compile(r"biogenic carbon|生物(?:源|成因)?碳含量")


def fold(text: str) -> str:
    """NFKC, lower case, every dash a hyphen, runs of space one space."""
    t = unicodedata.normalize("NFKC", text).lower()
    t = _DASHES.sub("-", t)
    return _SPACES.sub(" ", t).strip()


# --------------------------------------------------------------------------- indicators

_GWP_RE = regex.compile(
    r"\bgwp|global[ -]warming|climate[ -]change|全球变暖|全球增温|气候变化|温室效应|碳足迹"
)
_TOTAL_RE = regex.compile(r"\btotal\b|\bsum\b|总计|总量|合计|总和|^全球变暖潜势$|总")
_PART_RES = {
    "GWP-fossil": regex.compile(r"fossil|化石"),
    "GWP-biogenic": regex.compile(r"biogenic|生物"),
    "GWP-luluc": regex.compile(r"luluc|land[ -]use|土地"),
}
_GHG_RE = regex.compile(r"\bghg\b|iobc|gwp-ghg|gwp ghg")

# Other indicators: canonical name → pattern over the folded label. Abbreviations need word
# boundaries ("ap" inside "applies" is not acidification).
_OTHER: tuple[tuple[str, str], ...] = (
    ("ODP", r"\bodp\b|ozone (?:depletion|layer)|stratospheric ozone|臭氧(?:层|消耗|损耗|耗竭)"),
    ("AP", r"\bap\b|acidification|酸化"),
    ("EP-freshwater", r"\bep\s*-?\s*(?:freshwater|fw)\b|eutrophication.{0,30}fresh|淡水富营养"),
    ("EP-marine", r"\bep\s*-?\s*marine\b|eutrophication.{0,30}marine|海水富营养|海洋富营养"),
    ("EP-terrestrial", r"\bep\s*-?\s*terrestrial\b|eutrophication.{0,30}terrestrial|陆地富营养"),
    ("EP", r"\bep\b|eutrophication|富营养"),
    ("POCP", r"\bpocp\b|photochemical|光化学"),
    (
        "ADPE",
        r"\badp[- ]?(?:e|elements|minerals|mineral)\b|depletion.{0,40}(?:minerals|elements)|非生物资源消耗.{0,6}(?:元素|矿物)",
    ),
    ("ADPF", r"\badp[- ]?(?:f|fossil)\b|depletion.{0,40}fossil|非生物资源消耗.{0,6}化石"),
    ("WDP", r"\bwdp\b|water (?:deprivation|scarcity)|水资源.{0,4}(?:剥夺|稀缺)"),
    ("PM", r"\bpm\b|particulate matter|颗粒物"),
    ("IR", r"\bir\b|ionising radiation|ionizing radiation|电离辐射"),
    # EN 15804+A2 additional indicators: named so that "ETP - FW" is not fresh water (FW).
    ("ETP-fw", r"\betp\b|ecotoxicity|生态毒性"),
    ("HTP-nc", r"\bhtt?p\s*-?\s*nc\b|non-cancer|非致癌"),
    ("HTP-c", r"\bhtt?p\s*-?\s*c\b|cancer|致癌"),
    ("SQP", r"\bsqp\b|soil quality|土壤质量"),
    ("PERE", r"\bpere\b"),
    ("PERM", r"\bperm\b"),
    ("PERT", r"\bpert\b"),
    ("PENRE", r"\bpenre\b"),
    ("PENRM", r"\bpenrm\b"),
    ("PENRT", r"\bpenrt\b|total use of non-renewable primary energy"),
    ("SM", r"\bsm\b|secondary material"),
    ("RSF", r"\brsf\b|renewable secondary fuel"),
    ("NRSF", r"\bnrsf\b|non-renewable secondary fuel"),
    ("FW", r"\bfw\b|net use of fresh water|淡水(?:净)?使用"),
    ("HWD", r"\bhwd\b|hazardous waste"),
    ("NHWD", r"\bnhwd\b|non-hazardous waste"),
    ("RWD", r"\brwd\b|radioactive waste"),
    ("CRU", r"\bcru\b|components for re-?use|(?:再利用|再使用|重复使用)的?(?:部件|组件)"),
    ("MFR", r"\bmfr\b|materials? for recycling|用于(?:回收|再循环|循环利用)的?材料"),
    ("MER", r"\bmer\b|materials? for energy recovery|用于(?:能量|能源)回收的?材料"),
    ("EEE", r"\beee\b|exported energy.{0,4}electric|输出的?电(?:能|力)"),
    ("EET", r"\beet\b|exported energy.{0,4}thermal|输出的?热能"),
)
_OTHER_RES = tuple((name, regex.compile(p)) for name, p in _OTHER)
# Checked before the generic patterns: "non-hazardous" contains "hazardous".
_ORDER_FIRST = ("NHWD", "NRSF", "PENRT")


@document_memo  # a matrix names each indicator in every table, often twice
def indicator_of(label: str) -> str | None:
    """The canonical indicator a row or column label names, or None.

    >>> indicator_of("Climate change – fossil"), indicator_of("全球变暖潜势-总计")
    ('GWP-fossil', 'GWP-total')
    """
    t = fold(label)
    if not t or len(t) > 160:
        return None
    found = _indicator(t)
    if found is None or found == "GWP":
        # A narrow PDF column wraps "GWP-total" as "GW Ptota l" and drops the hyphen.
        joined = regex.sub(r"gwp(?=[a-z])", "gwp ", fold(label.replace(" ", "")), flags=regex.I)
        found = _indicator(joined) or found
    return found


def _indicator(t: str) -> str | None:
    if _GWP_RE.search(t):
        if _GHG_RE.search(t):
            return "GWP-GHG"
        parts = [name for name, rx in _PART_RES.items() if rx.search(t)]
        if _TOTAL_RE.search(t) or len(parts) > 1:
            return "GWP-total"
        if len(parts) == 1:
            return parts[0]
        return "GWP"  # EN 15804+A1's single indicator, or an untyped GWP
    if _BIOGENIC_CARBON.search(t):
        return "biogenic-carbon"
    first = [(n, rx) for n, rx in _OTHER_RES if n in _ORDER_FIRST]
    rest = [(n, rx) for n, rx in _OTHER_RES if n not in _ORDER_FIRST]
    for name, rx in (*first, *rest):
        if rx.search(t):
            return name
    return None


# --------------------------------------------------------------------------- modules

_MOD = r"[ABCD]\s?\d{0,2}"
_MODULE_RE = regex.compile(
    rf"(?<![A-Za-z0-9])(?:module\s+|模块\s*)?({_MOD}(?:\s*[-~～/+,、至]\s*(?:{_MOD}|\d{{1,2}}))*)(?![A-Za-z0-9])",
    regex.IGNORECASE,
)
TOTAL_WORDS = regex.compile(
    r"^(?:total|sum|totals?\s*\(?a\s*-\s*c\)?|a\s*-\s*c|a1\s*-\s*c4|合计|总计|总和|全生命周期|全生命周期合计|生命周期合计)$"
)


@document_memo  # every header cell and row label of every table is asked
def module_of(label: str) -> str | None:
    """The canonical module a header names: 'A1', 'A1-A3', 'C1-C4', 'D', 'total', or None.

    >>> module_of("A1–A3"), module_of("A1/A2/A3"), module_of("A1-3"), module_of("Total")
    ('A1-A3', 'A1-A3', 'A1-A3', 'total')
    """
    t = fold(label)
    if not t or len(t) > 40:
        return None
    if TOTAL_WORDS.match(t):
        return "total"
    compact = t.replace(" ", "").upper()
    if _MODULE_ONLY.fullmatch(compact):
        return _canonical(_MODULE_WORD.sub("", compact))
    # "Product stage A1-A3", "A1-A3 production": exactly one module token among words.
    found = [m.group(1) for m in _MODULE_RE.finditer(label.upper())]
    found = [f for f in found if regex.search(r"\d", f) or f.strip() == "D"]
    if len(found) == 1 and len(t) <= 30:
        return _canonical(found[0].replace(" ", ""))
    return None


def _canonical(token: str) -> str | None:
    parts = regex.split(r"[-~～/+,、至]", token)
    parts = [p for p in parts if p]
    if not parts:
        return None
    letter = parts[0][0]
    names = []
    for p in parts:
        if p[0].isdigit():
            p = letter + p
        if p not in ALL_MODULES:
            return None
        names.append(p)
    if len(names) == 1:
        return names[0]
    first, last = names[0], names[-1]
    if ALL_MODULES.index(last) <= ALL_MODULES.index(first):
        return None
    return f"{first}-{last}"


# --------------------------------------------------------------------------- cells

MISSING_MARKS = frozenset(
    {"nd", "mnd", "ina", "nr", "n.d.", "n/a", "na", "-", "/", "—", "–", "--", "x", "n.r.",
     "not declared", "not relevant", "未声明", "不适用", "未申报", ""}
)  # fmt: skip
_SCI_RE = regex.compile(
    r"^(?P<sign>[-−+]?)\s*(?P<mant>\d+(?:[.,]\d+)?)\s*(?:(?P<e>[eE])\s*(?P<esign>[-−+]?)\s*(?P<exp>\d{1,3})"
    r"|[x×]\s*10\s*\^?\s*(?P<esign2>[-−+]?)\s*(?P<exp2>\d{1,3}))?$"
)


def missing_mark(text: str) -> str | None:
    """'ND', 'MND', 'INA', … when a result cell says 'no value', else None."""
    t = fold(text)
    return t.upper() or "EMPTY" if t in MISSING_MARKS else None


def cell_number(text: str, decimal_comma: bool = False) -> Number | None:
    """A result cell's number, with the pieces a PDF table splits over lines put back
    together: '2.67 E+03', '- 6.08E+01', '2,67E+03', '0,123'. ``decimal_comma`` says the
    table writes decimals with a comma, so '1,234' is 1.234 and not 1234. The Number's
    text is the compact form ('-6.08E+01'); its rounding follows the printed digits."""
    return _cell_number(text, decimal_comma, reads_decimal_comma())


@document_memo  # the matrix readers ask for each cell several times
def _cell_number(text: str, decimal_comma: bool, document_convention: bool) -> Number | None:
    """cell_number; ``document_convention`` (parse_number's reading of the marks) is part
    of the memo's key."""
    t = unicodedata.normalize("NFKC", text).strip().replace("\n", " ")
    t = _FOOTNOTE_MARKS.sub("", t)  # footnote marks after a value
    m = _SCI_RE.match(t)
    if not m:
        whole = parse_number(t)  # '1 234', '1,234.5'
        return whole if whole is not None and whole.text == t else None
    mant = m.group("mant")
    if "," in mant:
        whole, frac = mant.split(",")
        thousands = len(frac) == 3 and whole != "0" and not decimal_comma and not m.group("e")
        mant = whole + frac if thousands else f"{whole}.{frac}"
    sign = "-" if m.group("sign") in {"-", "−"} else ""
    exp = m.group("exp") or m.group("exp2")
    esign = (m.group("esign") or m.group("esign2") or "+").replace("−", "-")
    compact = f"{sign}{mant}" + (f"E{esign}{int(exp):02d}" if exp else "")
    number = parse_number(compact)
    if number is None or number.text != compact:
        return None
    return dataclasses.replace(number, text=compact)
