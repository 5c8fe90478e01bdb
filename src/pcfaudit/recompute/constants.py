"""The constants a table column may be another column times: powers of ten (unit steps,
万), molar-mass ratios (44/12, 12/44, 44/28, 28/44, 16/12, 12/16), and the CH4 / N2O GWPs of
every IPCC report, each alone or after an element-to-gas ratio (N2O-N × 44/28, CH4-C × 16/12)
and optionally back to carbon (× 12/44), times a power of ten. And which printed forms state a
molar conversion, so a conversion the report never prints can be named.
"""

from __future__ import annotations

from fractions import Fraction
from functools import cache

import regex

from pcfaudit.recompute.gwp import gas_key, gwp_tables

_ELEMENT_TO_GAS = {"N2O": (Fraction(44, 28), "44/28"), "CH4": (Fraction(16, 12), "16/12")}
MOLAR = {
    "44/12": Fraction(44, 12),
    "12/44": Fraction(12, 44),
    "44/28": Fraction(44, 28),
    "28/44": Fraction(28, 44),
    "16/12": Fraction(16, 12),
    "12/16": Fraction(12, 16),
}


@cache
def constant_catalog() -> tuple[tuple[str, Fraction], ...]:
    """(name, value) of every constant a product column may carry."""
    out: dict[Fraction, str] = {}
    for k in range(-4, 5):
        if k:
            out.setdefault(Fraction(10) ** k, f"10^{k}")
    for name, v in MOLAR.items():
        for k in (0, -3, 3):
            out.setdefault(v * Fraction(10) ** k, name + (f" × 10^{k}" if k else ""))
    for report, table in gwp_tables().items():
        for gas in ("CH4", "N2O"):
            g = table.get(gas_key(gas))
            if g is None:
                continue
            for k in range(-3, 4):
                out.setdefault(
                    g * Fraction(10) ** k, f"GWP {gas} {report} ({g})" + (f" × 10^{k}" if k else "")
                )
            # Element mass to gas mass first (N2O-N × 44/28, CH4-C × 16/12), and optionally
            # back to carbon equivalents (× 12/44).
            molar, molar_name = _ELEMENT_TO_GAS[gas]
            for back, back_name in ((Fraction(1), ""), (Fraction(12, 44), " × 12/44")):
                for k in (0, -3, 3):
                    out.setdefault(
                        g * molar * back * Fraction(10) ** k,
                        f"GWP {gas} {report} ({g}) × {molar_name}{back_name}"
                        + (f" × 10^{k}" if k else ""),
                    )
    return tuple((name, v) for v, name in out.items())


# The conversions a reader must be told about: which printed forms state each.
_STATED = {
    "12/44": r"12\s*\)?\s*[/∶:]\s*\(?\s*44|0\.27(?:27?)?\b",
    "44/12": r"44\s*\)?\s*[/∶:]\s*\(?\s*12|3\.67?\b",
    "44/28": r"44\s*\)?\s*[/∶:]\s*\(?\s*28|1\.57\b",
    "28/44": r"28\s*\)?\s*[/∶:]\s*\(?\s*44",
    "16/12": r"16\s*\)?\s*[/∶:]\s*\(?\s*12|1\.33?\b",
    "12/16": r"12\s*\)?\s*[/∶:]\s*\(?\s*16",
}


def unstated_conversions(name: str, text: str) -> list[str]:
    """The molar conversions in constant ``name`` that ``text`` never prints."""
    return [c for c, pattern in _STATED.items() if c in name and not regex.search(pattern, text)]


@cache
def sorted_catalog() -> tuple[list[float], tuple[tuple[str, Fraction], ...]]:
    items = tuple(sorted(constant_catalog(), key=lambda nk: nk[1]))
    return [float(k) for _, k in items], items
