"""Cutting a Document into the pieces the claim extractors read.

A :class:`Segment` is one sentence of a paragraph, one heading, one table cell or one table
row (cells joined by " | "). Its ``text`` is normalised without changing its length
(sub/superscript digits, full-width brackets, markdown bold and HTML tags blanked), so a
match found in ``text`` is quoted from ``raw`` at the same offsets.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable, Iterator
from dataclasses import dataclass

import regex

from pcfaudit.interpret.lexicon import SENTENCE_END, TRANSLATE
from pcfaudit.model import Block, Document, Location, Number
from pcfaudit.vocab.numbers import FULLWIDTH_MARKS, NumberMatch, iter_numbers, normalise_digits
from pcfaudit.vocab.units import normalise_amount_unit as normalise_unit
from pcfaudit.vocab.units import unit_regex

QUOTE_WIDTH = 120

_TAG = regex.compile(r"<[^<>]{1,40}>")
_TERMINAL = tuple("。！？.!?:：;；")
# A paragraph that starts like this cannot start a sentence: it continues the previous one.
_CONTINUATION = regex.compile(r"^\s*(?:[a-z%‰)）,，.。、]|[kKmMgG]?(?:g|t)\s*CO)")


def normalise(text: str) -> str:
    """Length-preserving normalisation for matching."""
    if not text.isascii():
        out = text.translate(_DIGITS_AND_MARKS)
    elif any(mark in text for mark in _ASCII_MARKS):
        out = text.translate(TRANSLATE)
    else:
        out = text
    return _TAG.sub(lambda m: " " * len(m.group(0)), out) if "<" in out else out


# The ASCII characters TRANSLATE changes ('*', '$'); an ASCII text without them is left as is.
_ASCII_MARKS = [chr(k) for k in TRANSLATE if k < 128]
# normalise_digits, then TRANSLATE, as one table (each translation looks every character up).
_DIGITS_AND_MARKS = {
    k: normalise_digits(chr(k)).translate(TRANSLATE)
    for k in (*map(ord, FULLWIDTH_MARKS), *TRANSLATE)
}


@dataclass(frozen=True)
class Segment:
    text: str  # normalised, same length as raw
    raw: str
    location: Location
    block: int  # index of the block in the document
    kind: str  # heading | sentence | cell | row
    heading: str = ""  # title of the enclosing heading (normalised)

    def quote(self, start: int = 0, end: int | None = None) -> str:
        """The evidence around [start, end): the clause, trimmed to ~QUOTE_WIDTH chars."""
        end = len(self.raw) if end is None else end
        raw = self.raw
        if len(raw) <= QUOTE_WIDTH:
            return _clean(raw)
        span = end - start
        pad = max(0, (QUOTE_WIDTH - span) // 2)
        lo = max(0, start - pad)
        hi = min(len(raw), end + pad)
        # Prefer to start at a clause boundary inside the window.
        for i in range(start - 1, lo - 1, -1):
            if raw[i] in "，,。；;：:":
                lo = i + 1
                break
        return _clean(raw[lo:hi])

    def loc(self, start: int = 0, end: int | None = None) -> Location:
        return self.location.with_quote(self.quote(start, end))


_SPACES = regex.compile(r"\s+")
_ABOUT_BEFORE = regex.compile(r"(?:约|大约|约为)\s*$")


def _clean(text: str) -> str:
    text = _TAG.sub(" ", text).replace("**", "")
    return _SPACES.sub(" ", text).strip()


_SENTENCE_MARK = regex.compile(f"[{regex.escape(SENTENCE_END)}.]")


def split_sentences(text: str) -> Iterator[tuple[int, int]]:
    """Spans of sentences; the terminator stays with its sentence. A full stop ends an
    English sentence only when a space follows ("0.4 kg" and "e.g" stay whole)."""
    start = 0
    n = len(text)
    for mark in _SENTENCE_MARK.finditer(text):  # only these can end a sentence
        i = mark.start()
        ch = text[i]
        end_here = ch in SENTENCE_END or (
            ch == "."
            and i + 1 < n
            and text[i + 1] == " "
            and i > 0
            and not text[i - 1].isdigit()
            and text[max(0, i - 3) : i].strip().lower()
            not in ("e.g", ".g", "i.e", "no", "fig", "al")
        )
        if end_here:
            if text[start : i + 1].strip():
                yield start, i + 1
            start = i + 1
    if text[start:].strip():
        yield start, n


def _merged_paragraphs(blocks: list[Block]) -> Iterator[tuple[int, str, Location]]:
    """Paragraph texts with page-break continuations joined: a long paragraph that stops
    without terminal punctuation continues in a next paragraph that cannot start a
    sentence ("…碳足迹为 3334.37" + "kgCO₂e。")."""
    i = 0
    while i < len(blocks):
        b = blocks[i]
        if b.kind != "paragraph":
            i += 1
            continue
        text = b.text
        j = i
        while (
            len(text.strip()) >= 30
            and not text.rstrip().endswith(_TERMINAL)
            and j + 1 < len(blocks)
            and blocks[j + 1].kind == "paragraph"
            and blocks[j + 1].location.section == b.location.section
            and _CONTINUATION.match(blocks[j + 1].text)
        ):
            j += 1
            text = text.rstrip() + blocks[j].text.strip()
        yield i, text, b.location
        i = j + 1


def iter_segments(document: Document) -> Iterator[Segment]:
    """Every heading, sentence, table cell and table row in reading order."""
    blocks = document.blocks
    heading = ""
    paragraphs = {i: (t, loc) for i, t, loc in _merged_paragraphs(blocks)}
    for i, b in enumerate(blocks):
        if b.kind == "heading":
            heading = normalise(b.text)
            yield Segment(normalise(b.text), b.text, b.location, i, "heading", heading)
        elif b.kind == "paragraph":
            if i not in paragraphs:
                continue  # joined into the previous paragraph
            text, loc = paragraphs[i]
            norm = normalise(text)
            for s, e in split_sentences(norm):
                yield Segment(norm[s:e], text[s:e], loc, i, "sentence", heading)
        elif b.table is not None:
            for row in b.table.rows:
                texts = [c.text for c in row]
                for c in row:
                    if c.text.strip():
                        yield Segment(normalise(c.text), c.text, c.location, i, "cell", heading)
                if row:
                    raw = " | ".join(t.strip() for t in texts)
                    loc = dataclasses.replace(row[0].location, column=None)
                    yield Segment(normalise(raw), raw, loc, i, "row", heading)


# ----------------------------------------------------------------------------- amounts

_UNIT_AFTER = regex.compile(r"\s*(?P<unit>" + unit_regex() + r")", regex.IGNORECASE)


@dataclass(frozen=True)
class Amount:
    number: Number
    unit: str  # normalised
    unit_text: str
    start: int
    end: int  # end of the unit


def iter_amounts(text: str, start: int = 0, end: int | None = None) -> Iterator[Amount]:
    """Every number directly followed by a known unit (counts, mass, length, …).
    '150 kV' is not an amount (kV is no FU unit); '2024 年' neither."""
    end = len(text) if end is None else end
    for m in find_numbers(text[start:end]):
        u = _UNIT_AFTER.match(text, start + m.end, end)
        if not u:
            continue
        unit = normalise_unit(u.group("unit"))
        if unit is None:
            continue
        yield Amount(m.number, unit, u.group("unit"), start + m.start, u.end())


def find_numbers(text: str) -> Iterator[NumberMatch]:
    """iter_numbers, with "约为 100" (a word between 约 and the number) marked approximate
    too; numbers.py itself reads "约100" and numbers glued to Chinese text ("生产1件")."""
    for m in iter_numbers(text):
        if not m.number.approximate and _ABOUT_BEFORE.search(text[max(0, m.start - 3) : m.start]):
            m = NumberMatch(dataclasses.replace(m.number, approximate=True), m.start, m.end)
        yield m


def is_cjk(ch: str) -> bool:
    return "\u4e00" <= ch <= "\u9fff" or "\u3400" <= ch <= "\u4dbf"


_SENTENCE = regex.compile(r"[^。；;!?！？]+[。；;!?！？]?")


def prose_paragraphs(document: Document) -> Iterator[Block]:
    """The paragraphs of the body (not tables, headings or the table of contents)."""
    for block in document.blocks:
        if block.kind == "paragraph" and block.location.section != "toc":
            yield block


def prose_sentences(
    document: Document, prepare: Callable[[str], str] = str
) -> Iterator[tuple[Block, str]]:
    """(paragraph, sentence) for every sentence of the body, cut at 。；;!?！？ after
    ``prepare`` has mended the paragraph's text."""
    for block in prose_paragraphs(document):
        for m in _SENTENCE.finditer(prepare(block.text)):
            yield block, m.group(0)
