"""structure rules: the table of contents against the headings of the body.

A table of contents that announces a section the body lacks usually means content was cut
(or copied from another report) without the TOC being regenerated; the reader looks for a
section — here often an emission-factor section — that is not there.
"""

from __future__ import annotations

import difflib
import unicodedata
from collections.abc import Iterator
from dataclasses import dataclass

import regex

from pcfaudit.model import Finding, Heading, Location
from pcfaudit.rules.engine import RuleContext, rule

_LEADER = regex.compile(r"(?:[.…·．_\-—\s]{2,}|\t+|\s+)\d{1,4}\s*$")
_TRAIL_PAGE = regex.compile(r"(?<=\D)\s*\d{1,4}\s*$")
_NUMBER_PREFIX = regex.compile(
    r"^\s*(?:第?[\d一二三四五六七八九十]+(?:[.．]\d+)*\s*[章节、.．]?|[\d]+(?:[.．]\d+)*)\s*"
)
_PUNCT = regex.compile(r"[\s\p{P}\p{S}]+")
_CONNECTOR = regex.compile(r"(?<=\s|^|\p{Han})(?:and|&)(?=\s|$|\p{Han})|[和与及]", regex.IGNORECASE)


# The heading of the table of contents itself is not an entry of it.
_TOC_TITLES = {"contents", "tableofcontents", "目录", "目次", "目錄"}


def norm_title(title: str) -> str:
    """Title as compared: NFKC, no dot leader, page number, number prefix, spaces or
    punctuation, lower case. '2、产品碳足迹介绍(PCF)介绍.....3' → '产品碳足迹介绍pcf介绍'."""
    t = unicodedata.normalize("NFKC", title).strip()
    t = _LEADER.sub("", t)
    t = _TRAIL_PAGE.sub("", t) if regex.search(r"[.…·．]{2,}", title) else t
    t = regex.sub(r"[.…·．]{2,}.*$", "", t)
    t = _NUMBER_PREFIX.sub("", t)
    # Connectors vary between a TOC and its body ('软件和数据库' / '软件 and 数据库').
    t = _CONNECTOR.sub("", t)
    return _PUNCT.sub("", t).lower()


_CN_DIGITS = {c: i for i, c in enumerate("零一二三四五六七八九")}


def _cn_int(text: str) -> int | None:
    """'三' → 3, '十二' → 12, '二十' → 20 (chapter numbers only go that far)."""
    if not text or any(c not in _CN_DIGITS and c != "十" for c in text):
        return None
    if "十" not in text:
        return int("".join(str(_CN_DIGITS[c]) for c in text))
    tens, _, units = text.partition("十")
    return (_CN_DIGITS[tens] if tens else 1) * 10 + (_CN_DIGITS[units] if units else 0)


def norm_number(number: str | None) -> str | None:
    """'3.', '3、', '第三章' → '3'; '2．1' → '2.1'."""
    if not number:
        return None
    n = unicodedata.normalize("NFKC", number).strip().rstrip(".、 ")
    m = regex.fullmatch(r"第?([零一二三四五六七八九十]+)[章节部分]?", n)
    if m and _cn_int(m.group(1)) is not None:
        return str(_cn_int(m.group(1)))
    return n.replace("．", ".") or None


def _ratio_at_least(a: str, b: str, threshold: float) -> bool:
    """difflib's ratio, after its cheap upper bounds rule most pairs out (a long report has
    hundreds of headings: every TOC entry is compared with every body heading)."""
    matcher = difflib.SequenceMatcher(None, a, b)
    return (
        matcher.real_quick_ratio() >= threshold
        and matcher.quick_ratio() >= threshold
        and matcher.ratio() >= threshold
    )


def _similar(a: str, b: str) -> bool:
    """TOC titles are often shortened or lightly reworded."""
    if not a or not b:
        return False
    if a == b or (min(len(a), len(b)) >= 3 and (a in b or b in a)):
        return True
    return _ratio_at_least(a, b, 0.8)


@dataclass(frozen=True)
class _Body:
    """The body headings with their normalised titles and numbers, computed once."""

    headings: list[Heading]
    titles: list[str]
    numbers: list[str | None]
    by_title: dict[str, list[int]]


def _body(headings: list[Heading]) -> _Body:
    titles = [norm_title(h.title) for h in headings]
    by_title: dict[str, list[int]] = {}
    for i, t in enumerate(titles):
        by_title.setdefault(t, []).append(i)
    return _Body(headings, titles, [norm_number(h.number) for h in headings], by_title)


def _find(entry: Heading, body: _Body) -> Heading | None:
    title = norm_title(entry.title)
    number = norm_number(entry.number)
    for candidates in (
        body.by_title.get(title, []),
        [i for i, t in enumerate(body.titles) if _similar(title, t)],
    ):
        if candidates:
            same = [i for i in candidates if body.numbers[i] == number]
            return body.headings[(same or candidates)[0]]
    # Same number and a loosely similar title: a reworded heading, not a missing section.
    if number:
        for i, h in enumerate(body.headings):
            if body.numbers[i] == number and _ratio_at_least(title, body.titles[i], 0.6):
                return h
    return None


def _q(h: Heading) -> Location:
    text = f"{h.number} {h.title}".strip() if h.number else h.title
    return h.location if h.location.quote else h.location.with_quote(text)


def _label(h: Heading) -> str:
    return f"{h.number} {h.title}".strip() if h.number else h.title


def _pairs(ctx: RuleContext) -> tuple[list[tuple[Heading, Heading | None]], list[Heading]] | None:
    toc = [h for h in ctx.report.headings if h.in_toc and norm_title(h.title) not in _TOC_TITLES]
    body = [h for h in ctx.report.headings if not h.in_toc]
    if not toc or not body:
        return None
    indexed = _body(body)
    pairs = [(e, _find(e, indexed)) for e in toc]
    matched = sum(1 for _, b in pairs if b is not None)
    # Most entries unmatched means the headings were not read, not that the body lacks them.
    if matched * 2 < len(toc):
        return None
    return pairs, body


@rule("SR001")
def toc_entry_missing_from_body(ctx: RuleContext) -> Iterator[Finding]:
    """The table of contents announces a section the body does not contain.

    Each TOC entry is matched with the body's headings by title (normalised: no dot leaders,
    page numbers, numbering, spaces or punctuation; shortened titles accepted). An entry
    whose title is nowhere in the body means a section was cut or the TOC was copied from
    another report; a reader looking for it (often an emission-factor section) finds
    nothing. The message says what the body has under that number instead. Unnumbered
    entries are not reported: unnumbered body headings are often not recognised as headings.

    Example: TOC "3.3 天然气燃烧排放因子 … 8"; the body's 3.3 is "结果分析与讨论" and no natural-gas
    section exists.
    """
    found = _pairs(ctx)
    if found is None:
        ctx.count(None)
        return
    pairs, body = found
    by_number = {norm_number(h.number): h for h in body if h.number}
    for entry, match in pairs:
        if match is None and not entry.number:
            # Unnumbered body headings ('执行摘要') are often read as plain paragraphs, so a
            # missing unnumbered entry is more likely our reading than the report's fault.
            ctx.count(None)
            continue
        ctx.count(match is not None)
        if match is not None:
            continue
        there = by_number.get(norm_number(entry.number))
        instead_en = f"; the body's {there.number} is “{there.title}”" if there else ""
        instead_zh = f"；正文的 {there.number} 为“{there.title}”" if there else ""
        locations = [_q(entry)] + ([_q(there)] if there else [])
        yield ctx.finding(
            "SR001",
            message=f"The table of contents announces “{_label(entry)}” ({entry.location.describe()}) "
            f"but no section with that title exists in the body{instead_en}. Either content "
            "was removed or the table of contents belongs to another report.",
            message_zh=f"目录列出“{_label(entry)}”（{entry.location.describe()}），但正文中没有该标题的章节"
            f"{instead_zh}。要么内容被删除，要么目录来自另一份报告。",
            locations=locations,
            reported=_label(entry),
            expected=f"a section “{entry.title}” in the body",
            key=norm_title(entry.title),
        )


@rule("SR002")
def toc_numbering_differs(ctx: RuleContext) -> Iterator[Finding]:
    """Sections numbered differently in the table of contents and in the body.

    A title the TOC lists under one number and the body under another means the TOC was not
    regenerated after sections moved; cross-references by number become unreliable. Entries
    without a number on either side ('执行摘要') are not compared. All renumbered sections
    are reported in one finding.

    Example: TOC "4. 结果分析与讨论", body "3.3 结果分析与讨论"; TOC "5. 结论", body "4. 结论".
    """
    found = _pairs(ctx)
    if found is None:
        ctx.count(None)
        return
    pairs, _ = found
    moved: list[tuple[Heading, Heading]] = []
    for entry, match in pairs:
        if match is None or not entry.number or not match.number:
            continue
        same = norm_number(entry.number) == norm_number(match.number)
        ctx.count(same)
        if not same:
            moved.append((entry, match))
    if not moved:
        return
    en = "; ".join(f"“{e.title}”: {e.number} in the TOC, {b.number} in the body" for e, b in moved)
    zh = "；".join(f"“{e.title}”：目录 {e.number}，正文 {b.number}" for e, b in moved)
    locations: list[Location] = []
    for e, b in moved:
        locations += [_q(e), _q(b)]
    yield ctx.finding(
        "SR002",
        message=f"The table of contents numbers {len(moved)} section(s) differently from the "
        f"body ({en}). The table of contents was not regenerated; references by section "
        "number are unreliable.",
        message_zh=f"目录中有 {len(moved)} 个章节的编号与正文不一致（{zh}）。目录未随正文更新，按章节号引用不可靠。",
        locations=locations,
        reported="; ".join(f"{e.number} {e.title}" for e, _ in moved),
        expected="; ".join(f"{b.number} {b.title}" for _, b in moved),
    )
