"""Sentences that state an order: "全年排放总量由大到小的顺序为翻耕(F) > 旋耕(X) > 免耕2(M2) >
对照(CK) > 免耕1(M1)", "各阶段排放由高到低依次为：原材料获取 > 生产 > 运输", "in descending order:
A > B > C".

Each becomes a :class:`Statement` of kind ``ranking`` whose ``subject`` is the order from the
largest down, items joined by " > " (" = " between items the sentence ties). Which table
column the order is about is left to recompute (by the column's header words and numbers).

Converters lose operators ("对照(CK) 免耕1(M1)"): a piece holding two labelled items ("name(code)")
is split between them. A chain whose direction words and operators disagree is skipped.
"""

from __future__ import annotations

import regex

from pcfaudit.interpret.claims_text import prose_sentences
from pcfaudit.model import Document, Statement, StatementKind

_DESCENDING = (
    r"由大到小|从大到小|由高到低|从高到低|由多到少|从多到少|降序|"
    r"descending|decreasing|highest\s+to\s+(?:the\s+)?lowest|largest\s+to\s+(?:the\s+)?smallest"
)
_ASCENDING = (
    r"由小到大|从小到大|由低到高|从低到高|由少到多|从少到多|升序|"
    r"ascending|increasing|lowest\s+to\s+(?:the\s+)?highest|smallest\s+to\s+(?:the\s+)?largest"
)
_ORDER_WORD = r"顺序|次序|排序|排列|依次|order|rank(?:ed|ing)?"
_CUE = regex.compile(
    rf"(?:(?P<down>{_DESCENDING})|(?P<up>{_ASCENDING})|(?P<plain>{_ORDER_WORD}))"
    r"(?:的|排列|\s+order)?(?:顺序|次序|排序)?(?:依次)?\s*(?:为|是|was|is|were|are|of)?\s*[:：]?\s*"
    r"(?P<chain>[^，,；;。!?！？\n]{3,200}?)(?=[，,；;。!?！？\n]|\.\s|\.$|$)",
    regex.IGNORECASE,
)
_OPERATOR = regex.compile(r"\s*([>＞≥<＜≤=＝≈])\s*")
_DIRECTION = regex.compile(r"[>＞≥<＜≤]")  # the operators that order (the rest tie)
_LABELLED = regex.compile(r"[^()（）]*[(（][^()（）]{1,12}[)）]")
_PAREN_SPACES = regex.compile(r"([(（])\s*([^()（）]{1,12}?)\s*([)）])")
_NOISE = regex.compile(r"[|｜^]+")
MAX_ITEM = 30


def ranking_statements(document: Document) -> list[Statement]:
    out = []
    for block, raw in prose_sentences(document):
        sentence = raw.strip()
        if not _DIRECTION.search(sentence):
            continue  # a chain needs a direction (see _order): most sentences skip _CUE
        for cue in _CUE.finditer(sentence):
            order = _order(cue)
            if order is not None:
                out.append(
                    Statement(
                        kind=StatementKind.RANKING,
                        text=sentence,
                        location=block.location.with_quote(sentence[:200]),
                        subject=order,
                    )
                )
    return out


def _order(cue: regex.Match[str]) -> str | None:
    """The chain as "A > B = C > D" from the largest down, or None when it is no chain."""
    chain = regex.split(r"[:：]", cue.group("chain"))[-1]  # "of yield: A > B" → "A > B"
    chain = _PAREN_SPACES.sub(
        lambda m: m.group(1) + m.group(2).replace(" ", "") + m.group(3), chain
    )
    parts = _OPERATOR.split(_NOISE.sub(" ", chain))
    items, ops = [], []
    for i, part in enumerate(parts):
        if i % 2:
            ops.append(part)
            continue
        pieces = _split_labelled(part.strip())
        if not pieces or any(len(p) > MAX_ITEM for p in pieces):
            return None
        for k, piece in enumerate(pieces):
            if k:
                ops.append("lost")  # an operator the converter dropped
            items.append(piece)
    if len(items) < 3 or len(set(items)) < len(items):
        return None
    down = any(o in ">＞≥" for o in ops)
    up = any(o in "<＜≤" for o in ops)
    if down == up:
        return None  # no direction, or both
    if (cue.group("down") and up) or (cue.group("up") and down):
        return None  # the words and the operators disagree
    if ops.count("lost") > 1:
        return None
    joins = [" = " if o in "=＝≈" else " > " for o in ops]
    if up:
        items, joins = items[::-1], joins[::-1]
    return items[0] + "".join(j + item for j, item in zip(joins, items[1:], strict=True))


def _split_labelled(part: str) -> list[str]:
    """ "对照(CK) 免耕1(M1)" → two items; anything else is one item (or none when empty)."""
    if not part:
        return []
    labelled = [m.group(0).strip() for m in _LABELLED.finditer(part)]
    if len(labelled) > 1 and "".join(labelled).replace(" ", "") == part.replace(" ", ""):
        return labelled
    return [part]
