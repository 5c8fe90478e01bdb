"""Hotspot statements: which stage or item the text names as the largest (and second
largest) contributor — '原材料获取阶段对碳足迹贡献最大', 'Electricity is the largest
contributor', 'emissions are dominated by purchased electricity'."""

from __future__ import annotations

import regex

from pcfaudit.interpret.claims_scope import stage_spans
from pcfaudit.interpret.claims_text import Segment, find_numbers
from pcfaudit.interpret.claims_values import FILLER_HEAD, FILLER_TAIL
from pcfaudit.interpret.mention_roles import cites_others
from pcfaudit.model import Number, Stage, Statement, StatementKind
from pcfaudit.vocab.cues import HOTSPOT_EN, HOTSPOT_ZH, SECOND_ZH, SUBJECT_AFTER_CUE_WORDS
from pcfaudit.vocab.keywords import any_keyword
from pcfaudit.vocab.numbers import is_percent

_I = regex.IGNORECASE

_HOT = regex.compile(HOTSPOT_ZH + "|" + HOTSPOT_EN, _I)
_SECOND = regex.compile(SECOND_ZH + r"|followed\s+by|second(?:ly)?\s+(?:largest|biggest)", _I)
_AFTER_CUES = regex.compile(SUBJECT_AFTER_CUE_WORDS, _I)
_ITEM_TAIL = regex.compile(
    r"(?:的)?(?:获取|生产|消耗)?(?:过程|阶段|环节|活动)?\s*(?:占比?|为|是)?\s*$"
)


# A hotspot naming just "Production" / "Manufacturing" names the stage (in running text
# "production of X" is not one, so the lexicon's stage words need "stage"/"process").
_BARE_PRODUCTION = regex.compile(
    r"(?:the\s+)?(?:production|manufacturing|生产|制造)(?:\s*(?:stage|phase|process))?", _I
)


def _subject(phrase: str) -> str | None:
    phrase = phrase.strip(" 的,，.。")
    if not phrase:
        return None
    if _BARE_PRODUCTION.fullmatch(phrase):
        return Stage.PRODUCTION.value
    spans = stage_spans(phrase)
    if spans:
        return spans[0][2].value
    item = _ITEM_TAIL.sub("", phrase).strip()
    return item[:30] or None


_REFERENCE_ENTRY = regex.compile(r"^\s*\[\d+\]")
_HOT_CONTEXT = regex.compile(
    r"碳足迹|排放|GWP|贡献|影响|footprint|emission|contribut|impact|GHG", _I
)


# A word every match of _HOT and _SECOND holds (the key-word test checks): a sentence without
# one names no hotspot (nearly all of them) and skips the context and citation checks.
HOTSPOT_KEYWORDS = [
    *["最大", "最多", "最高", "较大", "主要", "次之", "其次", "再次", "contribut", "largest"],
    *["biggest", "main", "dominat", "hot", "followed"],
]
_MAY_NAME_HOTSPOT = any_keyword(HOTSPOT_KEYWORDS)


def hotspots_in(seg: Segment) -> list[Statement]:
    text = seg.text
    out: list[Statement] = []
    if not _MAY_NAME_HOTSPOT(text) or not _HOT_CONTEXT.search(text) or _REFERENCE_ENTRY.match(text) or cites_others(text):
        return out  # a reference entry, or other studies' hotspot: not this study's claim
    for kind, pattern in (("hotspot", _HOT), ("hotspot-second", _SECOND)):
        for m in pattern.finditer(text):
            lo = max(text.rfind(c, 0, m.start()) for c in "，,。；;") + 1
            hi_c = regex.search(r"[，,。；;]", text[m.end() :])
            hi = m.end() + hi_c.start() if hi_c else len(text)
            before = FILLER_TAIL.sub("", FILLER_HEAD.sub("", text[lo : m.start()])).strip()
            after_raw = text[m.end() : hi]
            after = regex.sub(
                r"^(?:\s*(?:为|是|is|are|was|were|contributors?|sources?|share|driver|hotspot|"
                r"comes\s+from|from|by|:))+\s*",
                "",
                after_raw,
                flags=_I,
            )
            after = regex.split(
                r"[(（]|\d|\b(?:with|at|accounting|representing|contributing)\b", after, flags=_I
            )[0]
            tail = regex.match(
                r"(?:to|of|in|for)\s+(?:the\s+)?(?:total|product|carbon|footprint|emissions?|GWP|result)"
                r"[\w\s]{0,30}?\b(?:is|are|was|were|comes\s+from)\s+(?P<rest>.+)",
                after.strip(),
                _I,
            )
            if tail:  # "the main contributor to the footprint is the production stage"
                after = tail.group("rest")
            elif regex.match(
                r"(?:to|of|in|for)\s+(?:the\s+)?(?:total|product|carbon|footprint|emissions?|GWP|result)",
                after.strip(),
                _I,
            ):
                after = ""  # "X is the largest contributor to the footprint": no subject after
            use_after = (
                bool(_AFTER_CUES.match(m.group(0)))
                or not before
                or bool(regex.match(r"\s*by\b", after_raw, _I))  # "dominated by X"
            )
            # "Electricity is the largest contributor": the subject precedes a copula.
            if (
                before
                and not regex.match(r"\s*by\b", after_raw, _I)
                and regex.search(
                    r"\b(?:is|are|was|were|remains?)\s+(?:the|a)?\s*$", text[lo : m.start()], _I
                )
            ):
                use_after = False
            subject = _subject(after if use_after else before)
            if subject is None and not use_after:
                subject = _subject(after)
            if subject is None:
                continue
            values: list[Number] = [
                nm.number for nm in find_numbers(text[m.start() : hi + 25]) if is_percent(nm.number)
            ][:1]
            out.append(
                Statement(StatementKind(kind), seg.quote(lo, hi), seg.loc(lo, hi), subject=subject, values=values)
            )
    return out
