"""Default fuel carbon contents (t C/TJ) from ``data/carbon_content.csv``: which values a
report may print for a fuel, and which fuel a table row names."""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal
from functools import cache, lru_cache

from pcfaudit.reference.loading import base_dir, parse_csv
from pcfaudit.reference.pack import matches_printed, squash


@dataclass(frozen=True)
class CarbonContent:
    fuel: str
    aliases: tuple[str, ...]
    values: tuple[Decimal, ...]
    source: str
    verified: bool

    def accepts(self, printed: Decimal) -> bool:
        """Whether ``printed`` is one of the fuel's reference values at the printed rounding."""
        return any(matches_printed(v, printed) or v == printed for v in self.values)


@cache
def carbon_contents() -> tuple[CarbonContent, ...]:
    rows = parse_csv((base_dir() / "carbon_content.csv").read_text(encoding="utf-8"))
    return tuple(
        CarbonContent(
            r["fuel"],
            tuple(a for a in r["aliases"].split("|") if a),
            tuple(Decimal(v) for v in r["values"].split("|") if v),
            r["source"],
            r["verified"].lower() in {"yes", "true"},
        )
        for r in rows
    )


@cache
def _squashed_aliases() -> tuple[tuple[str, CarbonContent], ...]:
    return tuple((squash(alias), fuel) for fuel in carbon_contents() for alias in fuel.aliases)


@lru_cache(maxsize=4096)  # a table names the same fuels row after row, column after column
def fuel_of_label(label: str) -> CarbonContent | None:
    """The fuel a row label names: the longest alias the label contains (so "航空煤油" is jet
    kerosene, not kerosene); None when no alias occurs."""
    text = squash(label)
    best: tuple[int, CarbonContent] | None = None
    for a, fuel in _squashed_aliases():
        if a and a in text and (best is None or len(a) > best[0]):
            best = (len(a), fuel)
    return best[1] if best else None
