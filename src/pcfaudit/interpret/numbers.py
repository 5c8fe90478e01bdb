"""Moved to :mod:`pcfaudit.vocab.numbers` (number formats are shared vocabulary: recompute,
rules and batch read printed numbers too); this name stays while in-flight branches move."""

from pcfaudit.vocab.numbers import (  # noqa: F401
    NumberMatch,
    is_blank_mark,
    is_percent,
    iter_numbers,
    normalise_digits,
    parse_number,
)
