"""Helpers shared by the text, PDF and DOCX extractors.

Canonical text form produced by :func:`normalise_text` (every extractor uses it, so the
interpreter sees one spelling):

* Full-width ASCII letters, digits and punctuation become half-width (``０-９`` → ``0-9``,
  ``（）`` → ``()``, ``：`` → ``:``, ``％`` → ``%``) EXCEPT the four marks that end or split
  Chinese sentences, ``，；！？``, which stay full-width; ``、`` and ``。`` are not in the
  full-width ASCII block and also stay. Conservative on purpose: the paragraph splitter and
  the heading detector rely on those marks.
* NBSP, thin, ideographic and other Unicode spaces become a plain space; runs of spaces
  collapse to one (tabs are kept: they are table structure).
* Subscripts: a space wedged before a subscript digit is removed (``CO ₂`` → ``CO₂``,
  ``tCO ₂ /MWh`` → ``tCO₂/MWh``, ``N ₂ O`` → ``N₂O``) and then every subscript digit
  ``₀-₉`` becomes its plain digit, so ``tCO2e``, ``CH4``, ``N2O`` are canonical.
  Superscripts are kept (``m³``) but glued to their base (``m ³`` → ``m³``).
* LaTeX fragments (``$…$`` inline, ``$$…$$`` display) are reduced to plain text:
  ``$\\geq 1\\ 000$`` → ``≥ 1 000``, ``$> 80\\%$`` → ``> 80%``, ``tCO_2e`` → ``tCO2e``,
  ``\\sum_{i=1}^n`` → ``∑``, ``\\times`` → ``×``, ``\\frac{a}{b}`` → ``(a)/(b)``.
* Control characters, zero-width characters and BOMs are removed; CR/CRLF become LF.
"""

from __future__ import annotations

import dataclasses
import hashlib
import re
import unicodedata
from collections.abc import Sequence

from pcfaudit.extract.tex import replace_tex
from pcfaudit.model import Block, Cell, Table
from pcfaudit.model.errors import ExtractionError


def sha256_hex(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


# --------------------------------------------------------------------------- normalisation

_KEEP_FULLWIDTH = set("，；！？")
_FULLWIDTH_MAP = {cp: cp - 0xFEE0 for cp in range(0xFF01, 0xFF5F) if chr(cp) not in _KEEP_FULLWIDTH}
_SPACES = {cp: " " for cp in (0x00A0, 0x1680, 0x202F, 0x205F, 0x3000, *range(0x2000, 0x200B))}
_DELETE = {cp: None for cp in (0x200B, 0x200C, 0x200D, 0x2060, 0xFEFF, 0x00AD)}
_TRANSLATE: dict[int, int | str | None] = {**_FULLWIDTH_MAP, **_SPACES, **_DELETE}
_SUB_DIGITS = str.maketrans("₀₁₂₃₄₅₆₇₈₉", "0123456789")

_CONTROL_RE = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]")
_SUB_BEFORE_RE = re.compile(r"(?<=[A-Za-z\)])[ ]+(?=[₀-₉])")
_SUB_AFTER_RE = re.compile(r"(?<=[₀-₉])[ ]+(?=(?:[eOFH](?![a-z])|/))")
_SUP_BEFORE_RE = re.compile(r"(?<=[A-Za-z])[ ]+(?=[²³¹⁰⁴⁵⁶⁷⁸⁹⁻])")
_SPACE_RUN_RE = re.compile(r" {2,}")

# A PDF's ToUnicode map can hand out UTF-16 halves one glyph at a time (an emoji split in
# two, or a hostile lone half): text that no UTF-8 writer, JSON file or database accepts.
_SURROGATE_RE = re.compile("[\ud800-\udfff]")


def repair_surrogates(s: str) -> str:
    """Join surrogate pairs into their character; a lone half becomes U+FFFD (garbled)."""
    return s.encode("utf-16-le", "surrogatepass").decode("utf-16-le", "replace")


def normalise_text(s: str) -> str:
    """The canonical text form; see the module docstring. Tabs and newlines are kept;
    leading/trailing spaces are not stripped (callers strip what they split)."""
    if s.isascii() and s.isprintable() and "$" not in s:
        # (most text, every PDF line): no step below but the last changes printable ASCII
        return _SPACE_RUN_RE.sub(" ", s)
    if _SURROGATE_RE.search(s):
        s = repair_surrogates(s)
    s = s.replace("\r\n", "\n").replace("\r", "\n")
    s = unicodedata.normalize("NFC", s)
    s = s.translate(_TRANSLATE)
    s = _CONTROL_RE.sub("", s)
    if "$" in s:
        s = replace_tex(s)
    s = _SUB_BEFORE_RE.sub("", s)
    s = _SUB_AFTER_RE.sub("", s)
    s = _SUP_BEFORE_RE.sub("", s)
    s = s.translate(_SUB_DIGITS)
    return _SPACE_RUN_RE.sub(" ", s)


# --------------------------------------------------------------------------- garbling

_CID_RE = re.compile(r"\(cid:\d+\)")
# UTF-8 or GBK bytes decoded as Latin-1/cp1252 give runs of Latin-1 supplement letters;
# real Western words rarely have four such letters in a row.
_MOJIBAKE_RE = re.compile(
    r"[\u0080-\u00ff\u0152\u0153\u0160\u0161\u0178\u017d\u017e\u0192"
    r"\u02c6\u02dc\u2013-\u2022\u2026\u2030\u2039\u203a\u20ac\u2122]{4,}"
)


def garbled_count(text: str) -> int:
    """Characters that are evidently unreadable: U+FFFD, ``(cid:NNN)``, mojibake runs."""
    n = text.count("\ufffd") + 3 * text.count("锟斤拷")
    n += sum(len(m.group(0)) for m in _CID_RE.finditer(text))
    n += sum(len(m.group(0)) for m in _MOJIBAKE_RE.finditer(text) if _looks_mojibake(m.group(0)))
    return n


def _looks_mojibake(run: str) -> bool:
    # "–…" or "’’’’" style punctuation runs alone are not mojibake: need Latin-1 letters
    return sum(1 for ch in run if "\u00c0" <= ch <= "\u00ff") >= 2


# --------------------------------------------------------------------------- headings

_CN_NUM = "一二三四五六七八九十"
_MD_RE = re.compile(r"^(#{1,6})\s+(.*?)\s*#*\s*$")
_CHAPTER_RE = re.compile(
    rf"^第\s*([{_CN_NUM}百零〇两\d]{{1,4}})\s*(章|节|部分|篇)(?:\s*[:、.]\s*|\s+|(?=\S)|$)(.*)$"
)
_CN_ITEM_RE = re.compile(rf"^([{_CN_NUM}]{{1,3}})\s*[、.]\s*(.+)$")
_CN_PAREN_RE = re.compile(rf"^\(\s*([{_CN_NUM}]{{1,3}})\s*\)\s*(.+)$")
_EN_RE = re.compile(
    r"^(chapter|section|part)\s+(\d{1,2}(?:\.\d{1,2}){0,2}|[IVXLC]{1,6})\.?(?:\s*[:.\-–—]\s*|\s+|$)(.*)$",
    re.I,
)
_ARABIC_RE = re.compile(r"^(\d{1,2}(?:\.\d{1,2}){0,2})(?![\d])")
_SENTENCE_END = tuple("。！？；，,;:!?.")
_MEASURE_CN = "件台个吨套次年月日天项种名人家条批元万亿倍只座辆块张"
_UNIT_START_RE = re.compile(
    rf"^(?:[{_MEASURE_CN}](?=\s|$|[\d\W])|(?:kg|t|g|m|km|kW|kWh|MWh|GWh|GJ|MJ|mm|cm|h|L|"
    r"tCO2e?|kgCO2e?|%|‰|°C|℃|°|x|×|万|亿|kV|kVA|V|A|Hz|W|MW|Pa|kPa|MPa|bar|ppm|mg|ml|"
    r"m2|m3|m²|m³|t/a|min|s|d|a|yr|years?|times)(?![A-Za-z]))"
)
_CJK_RE = re.compile(r"[\u3400-\u9fff\uf900-\ufaff]")


def _plausible_title(title: str, *, weak: bool) -> bool:
    """A heading title, not a sentence, list item, table row or measurement."""
    if not title or "\t" in title or len(title) > 80:
        return False
    if not (title[0].isalpha() or title[0] in "(《“\"'"):
        return False
    if title.endswith(_SENTENCE_END) or "。" in title or "，" in title or "；" in title:
        return False
    if any(sign in title for sign in "=∑×÷≤≥"):
        # "1. CF = ∑ Pi × Qij × GWPj": a numbered formula, not a heading
        return False
    if len(_CJK_RE.findall(title)) > 40 or len(title.split()) > 12:
        return False
    if ". " in title or title.count(",") > 1:
        return False
    if _UNIT_START_RE.match(title) or title[0] in "吨件台套个万亿元倍只辆":
        # "12.5 吨钢材", "2 台电机": a quantity, not a heading
        return False
    # "2 台电机 91 kW": a bare number + space is a heading only when nothing else looks
    # like a quantity
    return not weak or not (
        title[0] in _MEASURE_CN
        or len(title) < 2
        or len(re.findall(r"\d+", title)) > 1
        or len(title) > 40
    )


def _split_arabic(s: str) -> tuple[str, str, bool] | None:
    """(number, rest, weak) for "3.1 title", "1、title", "1. title", "3.1研究"."""
    m = _ARABIC_RE.match(s)
    if not m:
        return None
    number = m.group(1)
    rest = s[m.end() :]
    weak = False
    if rest.startswith("、"):
        title = rest[1:].strip()
    elif rest.startswith("."):
        if rest[1:2].isdigit():
            return None
        title = rest[1:].strip()
    elif rest[:1].isspace():
        title = rest.strip()
        weak = "." not in number
    elif rest and _CJK_RE.match(rest[0]) and "." in number:
        title = rest
        weak = rest[0] in _MEASURE_CN  # "1.2吨钢材" is a quantity
    else:
        return None
    return number, title, weak


def _number_ok(number: str) -> bool:
    parts = [int(p) for p in number.split(".")]
    return 1 <= parts[0] <= 30 and all(p <= 30 for p in parts[1:])


def _split_number(s: str) -> tuple[str, str]:
    """Split a leading heading number off a title, without plausibility checks."""
    m = _CHAPTER_RE.match(s)
    if m:
        return f"第{m.group(1)}{m.group(2)}", m.group(3).strip()
    m = _EN_RE.match(s)
    if m:
        return m.group(2), m.group(3).strip()
    m = _CN_PAREN_RE.match(s)
    if m:
        return f"({m.group(1)})", m.group(2).strip()
    m = _CN_ITEM_RE.match(s)
    if m:
        return m.group(1), m.group(2).strip()
    a = _split_arabic(s)
    if a and _number_ok(a[0]):
        return a[0], a[1]
    return "", s.strip()


def detect_heading(line: str) -> tuple[int, str, str] | None:
    """(level, number, title) when ``line`` (one normalised line) is a numbered heading.

    ``number`` is the numbering as printed, normalised: "3.6", "1", "第三章", "第1节",
    "(一)", "一", "2" for "Chapter 2"; "" for an unnumbered markdown heading. Levels:
    dotted numbers by depth, 第X章/部分/篇 and 一、 = 1, 第X节 and (一) = 2, markdown by
    the number of '#'. Sentences that start with a number ("1 件 150 kV …。", "2024 年…"),
    list items ending in 。/；, table rows and TOC lines are not headings.
    """
    s = normalise_text(line).strip().replace("**", "").strip()
    if not s or "\t" in s:
        return None
    m = _MD_RE.match(s)
    if m:
        level, text = len(m.group(1)), m.group(2).strip()
        if not text:
            return None
        number, title = _split_number(text)
        return level, number, title or text
    if parse_toc_line(s) is not None:
        return None
    m = _CHAPTER_RE.match(s)
    if m:
        title = m.group(3).strip()
        if title and not _plausible_title(title, weak=False):
            return None
        level = 2 if m.group(2) == "节" else 1
        return level, f"第{m.group(1)}{m.group(2)}", title
    m = _EN_RE.match(s)
    if m:
        title = m.group(3).strip()
        if title and not _plausible_title(title, weak=False):
            return None
        number = m.group(2)
        kind = m.group(1).lower()
        level = number.count(".") + 1 if kind == "section" else 1
        return level, number, title
    m = _CN_PAREN_RE.match(s)
    if m and _plausible_title(m.group(2).strip(), weak=False):
        return 2, f"({m.group(1)})", m.group(2).strip()
    m = _CN_ITEM_RE.match(s)
    if m and _plausible_title(m.group(2).strip(), weak=False):
        return 1, m.group(1), m.group(2).strip()
    a = _split_arabic(s)
    if a:
        number, title, weak = a
        if _number_ok(number) and _plausible_title(title, weak=weak):
            return number.count(".") + 1, number, title
    return None


# --------------------------------------------------------------------------- TOC

_TOC_LEADER_RE = re.compile(
    r"^(?P<body>.+?)\s*(?:[.…·•_\-]{3,}|(?:\.\s){3,}|…+)\s*\t?\s*(?P<page>\d{1,4})?\s*$"
)
_TOC_TAB_RE = re.compile(r"^(?P<body>[^\t]+?)(?:\t+|\s{2,})(?P<page>\d{1,4})\s*$")
TOC_TITLE_RE = re.compile(r"^#*\s*(?:目\s*录|目\s*次|contents|table\s*of\s*contents)\s*:?$", re.I)


def parse_toc_line(line: str, *, in_toc: bool = False) -> tuple[str | None, str, int | None] | None:
    """(number, title, page) for a table-of-contents entry, else None.

    Anywhere: "3.1 研究目的.....\\t4" (dot/ellipsis leaders, page optional). Only when
    ``in_toc`` (the lines after a "目录"/"Contents" line): "执行摘要\\t1" and
    "2. 目标与范围定义  3" (tab or wide gap before the page), which elsewhere would be a
    two-column table row.
    """
    s = normalise_text(line).strip()
    if not s or len(s) > 120:
        return None
    m = _TOC_LEADER_RE.match(s)
    if m is None and in_toc:
        m = _TOC_TAB_RE.match(s)
    if m is None:
        return None
    body = m.group("body").strip()
    if not any(ch.isalpha() for ch in body) or len(body) > 80:
        return None
    number, title = _split_number(body)
    if not title:
        return None
    page = int(m.group("page")) if m.group("page") else None
    return (number or None), title, page


# --------------------------------------------------------------------------- sections


def assign_sections(blocks: Sequence[Block]) -> list[Block]:
    """New blocks whose ``location.section`` (and their table cells') is the number of the
    nearest preceding heading, or its title when it has no number. Blocks already marked
    ``section="toc"`` keep it. Pure: the input is not modified."""
    out: list[Block] = []
    current: str | None = None
    for block in blocks:
        if block.location.section == "toc":
            out.append(block)
            continue
        if block.kind == "heading":
            current = block.number or block.text or current
        out.append(_with_section(block, current))
    return out


def _with_section(block: Block, section: str | None) -> Block:
    loc = block.location.with_section(section)
    table = block.table
    if table is not None:
        # Cells field by field: a report has tens of thousands, and dataclasses.replace
        # inspects the fields on every call.
        rows = [
            [
                Cell(c.text, c.location.with_section(section), c.colspan, c.rowspan, c.source)
                for c in row
            ]
            for row in table.rows
        ]
        table = Table(rows=rows, location=table.location.with_section(section), caption=table.caption)
    return dataclasses.replace(block, location=loc, table=table)


__all__ = [
    "TOC_TITLE_RE",
    "ExtractionError",
    "assign_sections",
    "detect_heading",
    "garbled_count",
    "normalise_text",
    "parse_toc_line",
    "sha256_hex",
]
