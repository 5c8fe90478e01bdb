"""The key-word pre-checks that let the claim readers skip slow patterns: they must never
skip a text the pattern would match. Each guarded pattern is checked from its syntax: every
way through it passes a run of literal characters that holds one of the key words."""

from __future__ import annotations

import itertools
import re
import re._constants as sre  # the standard parser reads the regex-module patterns used here
import re._parser as sre_parse

import pytest
import regex

from pcfaudit.interpret import (
    claims_fu,
    claims_gwp,
    claims_hotspots,
    claims_meta,
    claims_scope,
    epd_claims,
    epd_text,
    tables,
)
from pcfaudit.vocab.cues import SOURCE_KEYWORDS, SOURCE_WORDS
from pcfaudit.vocab.keywords import any_keyword
from pcfaudit.vocab.stages import STAGE_KEYWORDS, STAGE_WORDS

_MAX_SPELLINGS = 64  # a character class in a run multiplies its spellings


def _spellings(item: tuple[object, object]) -> list[str] | None:
    """The characters one token matches, when it is a literal or a small class of them."""
    op, arg = item
    if op is sre.LITERAL:
        return [chr(arg)]  # type: ignore[arg-type]
    if op is not sre.IN:
        return None
    chars: list[str] = []
    for kind, value in arg:  # type: ignore[attr-defined]
        if kind is sre.LITERAL:
            chars.append(chr(value))
        elif kind is sre.RANGE and value[1] - value[0] < 16:
            chars.extend(chr(c) for c in range(value[0], value[1] + 1))
        else:
            return None
    return chars


def _run_holds(run: list[list[str]], keywords: list[str]) -> bool:
    """Whether every spelling of a run of literal characters contains a key word."""
    spellings = list(itertools.islice(itertools.product(*run), _MAX_SPELLINGS + 1))
    if not run or len(spellings) > _MAX_SPELLINGS:
        return False
    return all(any(k in "".join(s).lower() for k in keywords) for s in spellings)


def _holds_keyword(items: list[tuple[object, object]], keywords: list[str]) -> bool:
    """Whether every match of this sequence of tokens contains one of ``keywords``."""
    run: list[tuple[object, object]] = []  # literal tokens matched one after the other
    for item in [*items, (None, None)]:
        if _spellings(item) is not None:
            run.append(item)
            continue
        if _run_holds([_spellings(t) or [] for t in run], keywords):
            return True
        op, arg = item
        # The parser moves a prefix the branches share before them ("recycled|reclaimed" is
        # "rec" then "ycled|laimed"): each branch is read after the run it continues.
        if op is sre.BRANCH and all(_holds_keyword([*run, *b], keywords) for b in arg[1]):  # type: ignore[index]
            return True
        run = []
        if op is sre.SUBPATTERN and _holds_keyword(list(arg[-1]), keywords):  # type: ignore[index]
            return True
        repeated = op in (sre.MAX_REPEAT, sre.MIN_REPEAT) and arg[0] >= 1  # type: ignore[index]
        if repeated and _holds_keyword(list(arg[2]), keywords):  # type: ignore[index]
            return True
    return False


def guarded(pattern: regex.Pattern[str], keywords: list[str]) -> bool:
    flags = re.VERBOSE if pattern.flags & regex.VERBOSE else 0
    return _holds_keyword(list(sre_parse.parse(pattern.pattern, flags)), keywords)


_GUARDED = [
    *[(f"source {name}", regex.compile(p), SOURCE_KEYWORDS) for name, _, p in SOURCE_WORDS],
    *[
        (f"epd line {name}", getattr(epd_claims, name), epd_claims.LINE_KEYWORDS)
        for name in [
            *["_DU_RE", "_MASS_RE", "_PERIOD_RE", "_ISSUED_RE", "_UNTIL_RE", "_REVISED_RE"],
            *["_PCR_RE", "_EN15804_RE", "_BIOGENIC_RE", "_GWP_GHG"],
        ]
    ],
    *[
        (f"epd text {name}", getattr(epd_text, name), epd_text.CLAIM_WORDS[claim])
        for claim, name in [
            *[("service-life", "_RSL_RE"), ("service-life", "_DU_YEAR_RE")],
            *[("service-life", "_SERVICE_RE"), ("use-scenario", "_USE_LABEL")],
            *[("standard", "_STANDARD_RE"), ("recycled", "_RECYCLED_USE")],
            *[("waste-zero", "_WASTE_ZERO"), ("placeholder", "_PLACEHOLDER")],
            ("production", "_PRODUCTION_RE"),
        ]
    ],
    *[(f"table role {k}", p, tables.ROLE_KEYWORDS) for k, p in tables._ROLE_PATTERNS],
    ("production words", claims_fu._PRODUCTION, claims_fu.PRODUCTION_KEYWORDS),
    ("standards", claims_meta._STANDARD, claims_meta.STANDARD_KEYWORDS),
    ("allocation", claims_scope._ALLOCATION, claims_scope.ALLOCATION_KEYWORDS),
    ("organisational", claims_scope._ORGANISATIONAL, claims_scope.ORGANISATIONAL_KEYWORDS),
    ("used clause", claims_scope._USED_CLAUSE, claims_scope.USED_KEYWORDS),
    *[(f"stage {st}", regex.compile(p), STAGE_KEYWORDS) for p, st in STAGE_WORDS],
    *[(f"boundary {t}", p, claims_scope.BOUNDARY_KEYWORDS) for p, t in claims_scope._BOUNDARY],
    ("full life cycle", claims_scope._FULL, claims_scope.BOUNDARY_KEYWORDS),
    ("hotspot", claims_hotspots._HOT, claims_hotspots.HOTSPOT_KEYWORDS),
    ("gwp context", claims_gwp._GWP_CONTEXT, claims_gwp.GWP_CONTEXT_KEYWORDS),
    ("second hotspot", claims_hotspots._SECOND, claims_hotspots.HOTSPOT_KEYWORDS),
    ("upstream production", claims_scope._UPSTREAM_PRODUCTION, STAGE_KEYWORDS),
    *[(f"epd text {k}", p, epd_text.CLAIM_WORDS["boundary"]) for k, p in epd_text._BOUNDARY_RES],
    *[(f"epd text {k}", p, epd_text.CLAIM_WORDS["end-of-life"]) for k, p in epd_text._EOL],
]


@pytest.mark.parametrize(("name", "pattern", "keywords"), _GUARDED, ids=[g[0] for g in _GUARDED])
def test_every_match_of_a_guarded_pattern_holds_a_keyword(
    name: str, pattern: regex.Pattern[str], keywords: list[str]
) -> None:
    assert guarded(pattern, keywords), name


def test_the_check_of_the_guards_can_fail() -> None:
    assert guarded(regex.compile(r"diesel\s+oil|柴油"), ["diesel", "柴油"])
    assert not guarded(regex.compile(r"diesel\s+oil|柴油"), ["diesel"])
    assert not guarded(regex.compile(r"(?:gas)?oil"), ["gas"])  # optional: no guarantee
    assert not guarded(regex.compile(r"(?<=coal)\s*fired"), ["coal"])  # a lookbehind is no match
    assert guarded(regex.compile(r"B[1-7]:"), [f"b{i}" for i in range(1, 8)])
    assert not guarded(regex.compile(r"B[1-7]:"), ["b1"])


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
