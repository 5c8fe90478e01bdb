"""One message catalogue per language, one mechanism for every string pcfaudit shows.

``label(lang, key)`` gives the fixed strings (renderers, explain, command-line errors);
``phrase(lang, text)`` gives the words rules write in English into ``expected``,
``reported`` and likely causes, in the reader's language. English is the language rules
write in, so English needs only labels.
"""

from __future__ import annotations

import re
from functools import cache

from pcfaudit.i18n import (
    errors_zh,
    help_en,
    help_zh,
    labels_batch_en,
    labels_batch_zh,
    labels_en,
    labels_zh,
    phrases_zh,
)

# the --help texts and batch's are labels too, kept apart only to keep each file short
_LABELS = {
    "en": {**labels_en.LABELS, **labels_batch_en.LABELS, **help_en.HELP},
    "zh": {**labels_zh.LABELS, **labels_batch_zh.LABELS, **help_zh.HELP},
}
_SLOT = re.compile(r"\{(\w+)\}")


def norm_lang(lang: str) -> str:
    """'zh', 'zh-CN', 'zh_Hans' → 'zh'; anything else → 'en'."""
    return "zh" if lang.lower().startswith("zh") else "en"


def labels(lang: str) -> dict[str, str]:
    return _LABELS[norm_lang(lang)]


def label(lang: str, key: str, /, **values: object) -> str:
    text = labels(lang)[key]
    return text.format(**values) if values else text


def has_label(key: str) -> bool:
    return key in _LABELS["en"]


def term(lang: str, vocabulary: str, word: str) -> str:
    """A word of a fixed vocabulary (``category``, ``batch.kind``…) in ``lang``; a word
    the catalogue does not have, as it is."""
    key = f"{vocabulary}.{word}"
    return label(lang, key) if has_label(key) else word


def _greedy(slot: str) -> str:
    """A slot named ``first`` takes as much as it can (a join splits at its last ';')."""
    return ".+" if slot == "first" else ".+?"


@cache
def _rewrites() -> list[tuple[re.Pattern[str], str]]:
    return [(re.compile(source), target) for source, target in phrases_zh.REWRITES]


def _rewrite(text: str) -> str:
    for regex, target in _rewrites():
        text = regex.sub(target, text)
    return text


@cache
def _patterns() -> list[tuple[re.Pattern[str], str]]:
    compiled = []
    for source, target in phrases_zh.PATTERNS:
        parts = _SLOT.split(source)
        regex = "".join(
            re.escape(part) if i % 2 == 0 else f"(?P<{part}>{_greedy(part)})"
            for i, part in enumerate(parts)
        )
        compiled.append((re.compile(regex + r"\Z", re.S), target))
    return compiled


def _zh(text: str, depth: int = 0) -> str:
    stripped = text.strip()
    if not stripped or depth > 16:
        return text
    if stripped in phrases_zh.TERMS:
        return phrases_zh.TERMS[stripped]
    for regex, target in _patterns():
        m = regex.match(stripped)
        if m:
            return target.format(**{k: _zh(v, depth + 1) for k, v in m.groupdict().items()})
    if ", " in stripped:  # a list of terms: translate each, keep what is not known
        items = stripped.split(", ")
        if any(item in phrases_zh.TERMS for item in items):
            return "、".join(_zh(item, depth + 1) for item in items)
    return text


def phrase(lang: str, text: str | None) -> str | None:
    """``text`` (a phrase a rule wrote in English) in ``lang``; text the catalogue does not
    know, such as a figure or the report's own words, is returned as it is."""
    if text is None or norm_lang(lang) == "en":
        return text
    return _rewrite(_zh(text))


_KEPT = {"path", "value", "detail", "choices"}  # the user's typing, file names, system text


@cache
def _error_patterns() -> list[tuple[re.Pattern[str], str]]:
    compiled = []
    for source, target in errors_zh.ERRORS:
        parts = _SLOT.split(source)
        regex = "".join(
            re.escape(part) if i % 2 == 0 else f"(?P<{part}>.*?)" for i, part in enumerate(parts)
        )
        compiled.append((re.compile(regex + r"\Z", re.S), target))
    return compiled


def error(lang: str, message: str) -> str:
    """A one-line message for stderr in ``lang``; one the catalogue does not know stays
    as it is (English)."""
    if norm_lang(lang) == "en":
        return message
    for regex, target in _error_patterns():
        m = regex.match(message)
        if m:
            slots = m.groupdict()
            return target.format(**{
                k: v if k in _KEPT else errors_zh.WORDS.get(v.strip(), _zh(v)) for k, v in slots.items()
            })
    return message


_CLAUSE_NUMBER = re.compile(r"\bclause (\d+)")


def clause(lang: str, text: str) -> str:
    """A clause the catalog cites, with its notes in ``lang`` (the standard's name and
    numbers as they are)."""
    if norm_lang(lang) == "en":
        return text
    text = _CLAUSE_NUMBER.sub(r"第 \1 章", text)
    for english, chinese in phrases_zh.CLAUSE_WORDS:
        text = text.replace(english, chinese)
    return text


_RUN = re.compile(r"[A-Za-z0-9~(][A-Za-z0-9 ,.;:/()~+\-–%'’]*[A-Za-z0-9)]")
_WORDS = re.compile(r"[A-Za-z]{2,}")


def phrases_in(lang: str, text: str) -> str:
    """``text`` (a Chinese message) with each run of English words the catalogue knows,
    such as a reported value a rule quoted inside its message, in ``lang``."""
    if norm_lang(lang) == "en":
        return text

    def again(m: re.Match[str]) -> str:
        run = m.group(0)
        if len(_WORDS.findall(run)) < 2:  # one word: only a term the catalogue has as is
            return phrases_zh.TERMS.get(run, run) if run.islower() else run
        translated = _zh(run)
        # a join alone ("a; b" → "a；b") is not a translation: leave the run as written
        return run if translated.replace("；", "; ") == run else translated

    # the report's words a message quotes (“…”) stay as the report prints them
    parts = _QUOTE.split(text)
    return "".join(part if i % 2 else _RUN.sub(again, _rewrite(part)) for i, part in enumerate(parts))


_QUOTE = re.compile(r"(“[^”]*”)")
_PROSE = re.compile(r"\b[a-z][a-z\-']+(?:[ ,/]+[a-z][a-z\-']+)+")


def fully_translated(text: str) -> bool:
    """No English prose left (two or more lower-case English words in a row): a partly
    translated sentence reads worse than none."""
    return _PROSE.search(text) is None
