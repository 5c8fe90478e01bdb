"""Plausible sizes of input emission coefficients per kg of input (carbon or CO2e basis), from
``data/input_factor_windows.csv``: for telling a unit slip, never for judging a value alone."""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass
from decimal import Decimal
from functools import cache, lru_cache

import regex

from pcfaudit.reference.loading import base_dir, parse_csv
from pcfaudit.reference.pack import squash


@dataclass(frozen=True)
class InputWindow:
    key: str
    aliases: tuple[str, ...]
    low: Decimal  # kg per kg of input
    high: Decimal
    source: str

    def holds(self, kg_per_kg: Decimal) -> bool:
        return self.low <= kg_per_kg <= self.high


@cache
def input_windows() -> tuple[InputWindow, ...]:
    rows = parse_csv((base_dir() / "input_factor_windows.csv").read_text(encoding="utf-8"))
    return tuple(
        InputWindow(
            r["key"],
            tuple(a for a in r["aliases"].split("|") if a),
            Decimal(r["low"]),
            Decimal(r["high"]),
            r["source"],
        )
        for r in rows
    )


@cache
def _alias_tests() -> tuple[tuple[str, regex.Pattern[str] | None, str, InputWindow], ...]:
    """(alias, whole-word pattern for an ASCII alias, squashed alias, window), built once."""
    out = []
    for window in input_windows():
        for alias in window.aliases:
            pattern = None
            if alias.isascii():
                words = r"\s*".join(regex.escape(w) for w in alias.casefold().split())
                pattern = regex.compile(rf"(?<![a-z0-9]){words}(?![a-z0-9])")
            out.append((alias, pattern, "" if pattern else squash(alias), window))
    return tuple(out)


@lru_cache(maxsize=4096)  # a table names the same inputs column after column
def window_of_label(label: str) -> InputWindow | None:
    """The input a row label names: the longest alias it contains (ASCII aliases as whole
    words, so "NPK" is not found in "NPKS-free"; CJK aliases anywhere)."""
    folded = unicodedata.normalize("NFKC", label).casefold()
    squashed = squash(label)
    best: tuple[int, InputWindow] | None = None
    for alias, pattern, squashed_alias, window in _alias_tests():
        if pattern is not None:
            found = pattern.search(folded) is not None
        else:
            found = squashed_alias in squashed
        if found and (best is None or len(alias) > best[0]):
            best = (len(alias), window)
    return best[1] if best else None
