"""Which printed number a finding's highlight or comment goes on, at one of its locations.

A location is usually a whole row or sentence; the verifier wants the disputed figure. The
figure is the finding's reported value where the location prints it; otherwise a number of
the quote that the message also names. When a row prints the figure twice ("0.001 | 1 |
3500 | 0.001"), a unit finding (the quantity) takes the first, any other finding the last
(the result column comes last in inventory tables).
"""

from __future__ import annotations

import re

from pcfaudit.model import Finding, Location

# A figure as printed, not digits inside a name (R404A, HFC-125, ISO 14067 stays a number).
NUMBER = re.compile(r"(?<![A-Za-z0-9.,\-−])\d[\d,]*(?:\.\d+)?(?![\dA-Za-z])")


def stands_alone(before: str, after: str) -> bool:
    """Whether a figure between ``before`` (one character) and ``after`` (two) is a whole
    printed number, not part of a longer number or of a name."""
    if before and (before.isdigit() or before in ".,-−" or (before.isascii() and before.isalpha())):
        return False
    first = after[:1]
    if first.isdigit() or (first.isascii() and first.isalpha()):
        return False
    return not (first in ".," and after[1:2].isdigit())
FIRST_CATEGORIES = {"units", "functional-unit"}


def _digits(text: str) -> str:
    return text.replace(",", "").replace("−", "-").lstrip("+")


def numbers_in(text: str | None) -> list[str]:
    return [m.group(0) for m in NUMBER.finditer(text or "")]


def figures(f: Finding, loc: Location) -> list[str]:
    """The printed numbers to mark at ``loc``, most telling first (may be empty)."""
    printed = numbers_in(loc.quote)
    plain = {_digits(n): n for n in printed}
    reported = [_digits(n) for n in numbers_in(f.reported)]
    chosen = [plain[n] for n in reported if n in plain]
    if not chosen:
        message = {_digits(n) for n in numbers_in(f.message) + numbers_in(f.message_zh)}
        chosen = [n for n in printed if _digits(n) in message and len(_digits(n)) > 1]
    return list(dict.fromkeys(chosen))


def prefers_first(f: Finding) -> bool:
    return f.category in FIRST_CATEGORIES
