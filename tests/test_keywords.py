"""The key-word pre-checks that let claim readers skip slow patterns: they must never skip a
text the pattern would match."""

from __future__ import annotations

import pytest
import regex

from pcfaudit.vocab.cues import SOURCE_KEYWORDS, SOURCE_WORDS
from pcfaudit.vocab.keywords import any_keyword

_LOOKAROUND = regex.compile(r"\(\?<?[=!](?:[^()]|\((?:[^()])*\))*\)")


def _top_level_alternatives(pattern: str) -> list[str]:
    out, depth, start, i = [], 0, 0, 0
    while i < len(pattern):
        ch = pattern[i]
        if ch == "\\":
            i += 2  # an escaped character is never a group or a bar
            continue
        depth += {"(": 1, ")": -1}.get(ch, 0)
        if ch == "|" and depth == 0:
            out.append(pattern[start:i])
            start = i + 1
        i += 1
    out.append(pattern[start:])
    return out


@pytest.mark.parametrize(("name", "pattern"), [(n, p) for n, _, p in SOURCE_WORDS])
def test_every_source_alternative_holds_a_keyword(name: str, pattern: str) -> None:
    for alternative in _top_level_alternatives(pattern):
        body = _LOOKAROUND.sub("", alternative).lower()
        assert any(k in body for k in SOURCE_KEYWORDS), (name, alternative)


def test_a_source_word_in_any_case_passes_the_check() -> None:
    holds = any_keyword(SOURCE_KEYWORDS)
    for text in ["DIESEL used", "Natural Gas", "外购电力", "备用发电机", "R-22 REFRIGERANTS"]:
        assert holds(text), text
    assert not holds("The functional unit is 1 t of product.")


def test_letters_that_case_fold_unlike_lower_still_pass() -> None:
    """regex.IGNORECASE matches 'district' with 'DİSTRICT' and 'steam' with 'ſteam'."""
    holds = any_keyword(["district", "steam", "diesel"])
    for text in ["DİSTRICT heat", "ſteam", "DıESEL"]:
        assert regex.search(r"district|steam|DIESEL", text, regex.IGNORECASE), text
        assert holds(text), text


def test_keywords_are_lower_case() -> None:
    with pytest.raises(ValueError):
        any_keyword(["Diesel"])
