"""How two printed units of one figure relate: "1.29 kg(CO2-C)·cm⁻¹" and "4.73 kg CO2/cm",
"12.3 t CO2" and "3 364 kg C", "1 785.68 万t" and "1.79 × 10⁷ t".

A unit is read as (what is measured, its size, its carbon basis, what it is per). Two units
compare when they measure the same thing per the same thing; a carbon basis (C) and a CO2
basis convert by 44/12. A unit that names no basis compares only with another that names
none: "t" of coal and "t CO2" of emissions are different quantities.
"""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass
from fractions import Fraction
from functools import lru_cache

import regex

from pcfaudit.vocab.units import conversion_factor, normalise_unit

C_TO_CO2 = Fraction(44, 12)
_MASS = {
    "万吨": Fraction(10**7), "万t": Fraction(10**7), "千克": Fraction(1), "公斤": Fraction(1),
    "吨": Fraction(1000), "Gt": Fraction(10**12), "Mt": Fraction(10**9), "kt": Fraction(10**6),
    "mg": Fraction(1, 10**6), "kg": Fraction(1), "g": Fraction(1, 1000), "t": Fraction(1000),
}  # fmt: skip
_MASS_RE = regex.compile(
    "^(" + "|".join(sorted(map(regex.escape, _MASS), key=len, reverse=True)) + ")"
)
_BASIS = [
    (regex.compile(r"^\(?(?:CO2-?C|C)\)?$", regex.IGNORECASE), "C"),
    (
        regex.compile(
            r"^\(?CO2(?:-?e|-?eq|当量|-?equivalents?)\)?$|^\(?二氧化碳当量\)?$", regex.IGNORECASE
        ),
        "CO2e",
    ),
    (regex.compile(r"^\(?(?:CO2|二氧化碳)\)?$", regex.IGNORECASE), "CO2"),
    (regex.compile(r"^碳(?:当量)?$"), "C"),
]
_PER_SPLIT = regex.compile(
    r"[/·]|(?<=[A-Za-z\p{Han})）])(?=\(?\s*(?:10\^?\d|hm|m|km|ha|人|元|万元|kWh)\S*[-−⁻])"
)


# What a quantity may be per: a unit, money, a person, a year, a day ("hm2·a", "104元").
_PER = regex.compile(
    r"(?:(?:10\d{1,2}|万|亿)?(?:[a-z]{1,4}\d?|元|人|头|户|公顷|亩|年|天)[·/]?){1,3}",
    regex.IGNORECASE,
)


@dataclass(frozen=True)
class UnitParts:
    measure: str  # "mass", or the canonical unit of anything else ("kWh", "MJ" …)
    size: Fraction  # in kg for a mass, else relative to ``measure``
    basis: str | None  # C | CO2 | CO2e | None
    per: str  # what it is per, folded ("hm", "10⁴元"); "" for an absolute quantity


@lru_cache(maxsize=4096)
def unit_parts(raw: str | None) -> UnitParts | None:
    if not raw:
        return None
    s = unicodedata.normalize("NFKC", raw).replace("₂", "2").replace("（", "(").replace("）", ")")
    s = regex.sub(r"\s+", "", s).rstrip(".,，。")
    if not s:
        return None
    parts = _PER_SPLIT.split(s, maxsplit=1)
    num, per = parts[0], (parts[1] if len(parts) > 1 else "")
    per = regex.sub(r"[()^]", "", per)
    per = regex.sub(r"[-−](\d)", r"\1", regex.sub(r"[-−]1(?!\d)", "", per)).lower()
    if per and not _PER.fullmatch(per):
        return None
    m = _MASS_RE.match(num)
    if m:
        rest = num[m.end() :]
        basis = None
        if rest:
            basis = next((b for pattern, b in _BASIS if pattern.match(rest)), "?")
            if basis == "?":
                return None  # "kg N", "t 标煤": a mass of something else
        return UnitParts("mass", _MASS[m.group(1)], basis, per)
    unit = normalise_unit(num)
    if unit is None or "/" in unit or len(num) < 2 or not num[0].isalpha():
        return None  # one letter that is not a mass ("m", "h", "G") says too little
    return UnitParts(unit, Fraction(1), None, per)


def conversion(a: UnitParts, b: UnitParts) -> tuple[Fraction, bool] | None:
    """(k, basis changed): a value in ``a`` times k is the same figure in ``b``; None when
    the two units do not measure the same thing."""
    if a.per != b.per:
        return None
    if a.measure == "mass" and b.measure == "mass":
        k = a.size / b.size
    else:
        factor = conversion_factor(a.measure, b.measure)
        if factor is None:
            return None
        k = factor
    bases = {a.basis, b.basis}
    if a.basis == b.basis or bases == {"CO2", "CO2e"}:
        return k, False
    if None in bases:
        return None
    if a.basis == "C":
        return k * C_TO_CO2, True
    if b.basis == "C":
        return k / C_TO_CO2, True
    return None
