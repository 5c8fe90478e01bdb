"""Sentences that state several percentage changes in a row: "施硅处理在上述4个生育期分别低于对照
10.68%、25.74%、37.74%和10.54%，在全生育期低于对照48.32%" / "increased … by 101.65 %, 63.12 %,
13.96 %, 3.94 % and 89.43 %, respectively".

Each becomes a :class:`Statement` of kind ``percent-changes`` whose ``values`` are the
percentages in order. Which table cells they compare is left to the arithmetic (recompute
finds the two rows and the columns under which most of them reproduce).
"""

from __future__ import annotations

import regex

from pcfaudit.interpret.claims_text import prose_sentences
from pcfaudit.model import Document, Statement, StatementKind
from pcfaudit.vocab.numbers import is_percent, iter_numbers

_CHANGE = regex.compile(
    r"增加|增长|提高|升高|降低|减少|下降|低于|高于|促进|抑制|increas|decreas|reduc|rais|higher|lower",
    regex.IGNORECASE,
)
_SHARE = regex.compile(r"占|比例|比重|share|account", regex.IGNORECASE)
# The direction the sentence states (only one may occur): a decrease is relative to the larger
# value, an increase to the smaller; recompute checks which base the figures were taken on.
_UP = regex.compile(r"增加|增长|提高|升高|高于|增幅|increas|rais|higher|rose|grew", regex.I)
_DOWN = regex.compile(r"降低|减少|下降|低于|降幅|减幅|decreas|reduc|lower|fell|declin", regex.I)
# OCR lists "10.68%.25.74%": a full stop between two percentages separates them.
_LIST_DOT = regex.compile(r"([%％])\s*\.\s*(?=[-−]?\d)")
MIN_VALUES = 3


def change_statements(document: Document) -> list[Statement]:
    out = []
    for block, sentence in prose_sentences(document, _mend_list_dots):
        if _percent_marks(sentence) < MIN_VALUES:
            continue  # each percentage prints its own mark: most sentences skip the patterns
        if not _CHANGE.search(sentence) or _SHARE.search(sentence):
            continue
        values = [n.number for n in iter_numbers(sentence) if is_percent(n.number)]
        if len(values) < MIN_VALUES:
            continue
        out.append(
            Statement(
                kind=StatementKind.PERCENT_CHANGES,
                text=sentence.strip(),
                location=block.location.with_quote(sentence.strip()[:200]),
                values=values,
                subject=_direction(sentence),
            )
        )
    return out


def _percent_marks(text: str) -> int:
    return text.count("%") + text.count("％")


def _mend_list_dots(paragraph: str) -> str:
    return _LIST_DOT.sub(r"\1、", paragraph) if _percent_marks(paragraph) else paragraph


def _direction(sentence: str) -> str | None:
    """The direction ("increase" or "decrease") when the sentence states only one, else None."""
    up, down = bool(_UP.search(sentence)), bool(_DOWN.search(sentence))
    return "increase" if up and not down else "decrease" if down and not up else None
