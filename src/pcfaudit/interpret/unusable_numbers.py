"""Numbers a report prints that pcfaudit cannot use.

``iter_numbers`` leaves as text every number past what a report can mean (more than 30
significant digits, beyond 10^±100: see :func:`pcfaudit.vocab.numbers.within_meaning`), so
no check ever computes with it. Left at that, such a number would vanish silently: a total
printed as ``1E+999`` would simply not be audited. This module lists them, with their
location, so that a rule can say so.

A bare run of digits is as often an identifier (a certificate number, a hash, an order
number) as a quantity. It is listed only when the report uses it as a quantity: a unit
follows it, or it fills a table cell on its own, and no identifier word (编号, No., ID, code …)
stands before it or heads its column. A number with a decimal point, grouping, a sign or an
exponent is always a number.
"""

from __future__ import annotations

from collections.abc import Iterator

import regex

from pcfaudit.model import Block, Document, Location, UnusableNumber
from pcfaudit.vocab.numbers import BeyondMeaning, iter_numbers_beyond_meaning
from pcfaudit.vocab.units import normalise_unit

# Enough to tell a verifier what is wrong; a hostile file with thousands of them gets the
# first ones named and is not made slower or larger by the rest.
MAX_LISTED = 100
_SHOWN_WIDTH = 60

_ID_WORDS = regex.compile(
    r"编号|编码|代码|号码|序列号|证书号|注册号|批号|批次|订单号|流水号|账号|条码|条形码|电话|手机|"
    r"身份证|哈希|校验|"
    r"\bNo\b\.?|\bNr\b\.?|\bID\b|identifier|\bnumber\b|\bcode\b|serial|\bref(?:erence)?\b|"
    r"\blot\b|\bbatch\b|barcode|uuid|guid|account|phone|"
    r"hash|checksum|sha-?\d*|md5|\bdoi\b|isbn|issn|certificate|licen[cs]e|#",
    regex.IGNORECASE,
)
# An identifier word right before the digits ("证书编号：", "No. ", "ID:").
_ID_BEFORE = regex.compile(rf"(?:{_ID_WORDS.pattern})\s*[:：.#-]?\s*$", regex.IGNORECASE)
_TOKEN_AFTER = regex.compile(r"\s*([^\s,，;；。、|)）\]】]{1,24})")


def unusable_numbers(document: Document) -> list[UnusableNumber]:
    """Every number the document prints past what a report can mean, where it is used as a
    number (see the module docstring), at most MAX_LISTED."""
    found: list[UnusableNumber] = []
    for block in document.blocks:
        for item in _in_block(block):
            found.append(item)
            if len(found) >= MAX_LISTED:
                return found
    return found


def _in_block(block: Block) -> Iterator[UnusableNumber]:
    if block.table is None:
        for hit in iter_numbers_beyond_meaning(block.text):
            if not hit.plain or (
                _unit_follows(block.text, hit) and not _id_before(block.text, hit)
            ):
                yield _fact(hit, block.location)
        return
    rows = block.table.rows
    for r, row in enumerate(rows):
        for c, cell in enumerate(row):
            header = rows[0][c].text if r > 0 and c < len(rows[0]) else ""
            for hit in iter_numbers_beyond_meaning(cell.text):
                if hit.plain and not _as_quantity_in_cell(cell.text, hit, header):
                    continue
                yield _fact(hit, cell.location)


def _as_quantity_in_cell(text: str, hit: BeyondMeaning, header: str) -> bool:
    """A bare run of digits is a quantity in a cell that holds only it (and perhaps a unit),
    under a column whose header does not name an identifier."""
    if _id_before(text, hit) or _ID_WORDS.search(header):
        return False
    alone = not text[: hit.start].strip() and not text[hit.end :].strip()
    return alone or _unit_follows(text, hit)


def _id_before(text: str, hit: BeyondMeaning) -> bool:
    return _ID_BEFORE.search(text[max(0, hit.start - 30) : hit.start]) is not None


def _unit_follows(text: str, hit: BeyondMeaning) -> bool:
    """A unit of measure right after the digits ("… kgCO2e", "…吨"). A Latin token must be
    a unit as a whole ("t", not the "t" of "times"); Chinese runs on, so its first
    characters are tried."""
    m = _TOKEN_AFTER.match(text, hit.end)
    if m is None:
        return False
    token = m.group(1).rstrip(".:：")
    if token[:1].isascii():
        return normalise_unit(token) is not None
    return any(normalise_unit(token[:n]) is not None for n in range(min(len(token), 8), 0, -1))


def _fact(hit: BeyondMeaning, location: Location) -> UnusableNumber:
    shown = hit.text
    if len(shown) > _SHOWN_WIDTH:
        shown = f"{shown[:40]}…{shown[-8:]}"
    return UnusableNumber(text=shown, reason=hit.reason, location=location.with_quote(shown))
