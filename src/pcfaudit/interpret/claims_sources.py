"""Emission sources named in the report (Mention) and emission factors printed outside the
inventory table (FactorQuote)."""

from __future__ import annotations

import regex

from pcfaudit.interpret.claims_text import Segment, find_numbers
from pcfaudit.interpret.lexicon import GRID_REGIONS
from pcfaudit.interpret.mention_roles import mention_role
from pcfaudit.model import FactorQuote, Mention
from pcfaudit.vocab.carriers import CARRIER_WORDS, DENOMINATOR_CARRIER
from pcfaudit.vocab.cues import (
    NEGATION_AFTER,
    NEGATION_BEFORE,
    NEGATION_EXCEPT,
    SOURCE_KEYWORDS,
    SOURCE_WORDS,
)
from pcfaudit.vocab.gases import GAS_NAMES, REFRIGERANT_CODE
from pcfaudit.vocab.keywords import any_keyword

_I = regex.IGNORECASE
_SOURCES = [(name, kind, regex.compile(p, _I)) for name, kind, p in SOURCE_WORDS]
# Most cells and sentences name no source: they skip the pass through every pattern.
_MAY_NAME_SOURCE = any_keyword(SOURCE_KEYWORDS)
_REFRIGERANT = regex.compile(REFRIGERANT_CODE)
_NEG_BEFORE = regex.compile(NEGATION_BEFORE, _I)
_NEG_AFTER = regex.compile(NEGATION_AFTER, _I)
_EXCEPT = regex.compile(NEGATION_EXCEPT, _I)
_CLAUSE = regex.compile(r"[，,。；;！？!?]|\.\s|\bbut\b|\bhowever\b|但|\|", _I)
_INVOLVES = regex.compile(r"涉及|involv|产生的温室气体", _I)
_GASES = [(k, regex.compile(v, _I)) for k, v in GAS_NAMES.items() if k != "CO2"]


def canonical_refrigerant(code: str) -> str:
    """'R-404A' → 'R404A', 'HFC-134A' → 'HFC-134a', 'r410a' → 'R410A'. Blends (4xx/5xx)
    take an upper-case suffix, isomers (134a, 1234yf) a lower-case one."""
    m = regex.match(r"(?i)(R|HFC|HCFC)-?(\d+)([A-Za-z]*)", code.strip())
    if not m:
        return code.strip()
    prefix, digits, suffix = m.group(1).upper(), m.group(2), m.group(3)
    blend = len(digits) == 3 and digits[0] in "45"
    suffix = suffix.upper() if blend else suffix.lower()
    return f"R{digits}{suffix}" if prefix == "R" else f"{prefix}-{digits}{suffix}"


def _clause(text: str, start: int, end: int) -> tuple[int, int]:
    lo = 0
    for m in _CLAUSE.finditer(text, 0, start):
        lo = m.end()
    nxt = _CLAUSE.search(text, end)
    return lo, (nxt.start() if nxt else len(text))


def _negated(text: str, start: int, end: int) -> bool:
    lo, hi = _clause(text, start, end)
    for ex in _EXCEPT.finditer(text, lo, hi):
        if ex.start() <= start < ex.end() or (
            ex.group(0).lower() in ("other than", "except") and ex.end() <= start
        ):
            return False
    if _NEG_BEFORE.search(text, lo, start):
        return True
    return bool(_NEG_AFTER.match(text[end:hi]))


def mentions_in(seg: Segment) -> list[Mention]:
    text = seg.text
    out: list[Mention] = []
    taken: list[tuple[int, int]] = []

    def add(name: str, kind: str, s: int, e: int) -> None:
        if any(not (e <= a or s >= b) for a, b in taken):
            return
        taken.append((s, e))
        role = mention_role(text, s, e, *_clause(text, s, e))
        out.append(
            Mention(
                kind, name, seg.raw[s:e].strip(), seg.loc(s, e), not _negated(text, s, e), role
            )
        )

    for name, kind, pattern in _SOURCES if _MAY_NAME_SOURCE(text) else ():
        for m in pattern.finditer(text):
            if m.end() > m.start():
                add(name, kind, m.start(), m.end())
    for m in _REFRIGERANT.finditer(text):
        add(canonical_refrigerant(m.group(0)), "refrigerant", m.start(), m.end())
    if _INVOLVES.search(text):
        for name, pattern in _GASES:
            for m in pattern.finditer(text):
                add(name, "gas", m.start(), m.end())
    return out


# ----------------------------------------------------------------------------- factors

_MASS = r"(?P<mass>kg|t|g|吨|千克|公斤|克)"
_CO2 = r"\s*(?:CO\s*2\s*(?P<eq>e|-?eq\.?|当量)?|二氧化碳(?P<eq2>当量)?)"
_DEN = (
    r"(?P<den>万\s*(?:m3|Nm3|立方米|kWh|千瓦时)|t\s*·?\s*km|tkm|kWh|MWh|GWh|GJ|TJ|MJ|toe|tce|kgce|Nm3|m3|"
    r"千瓦时|兆瓦时|吉焦|立方米|标方|km|kg|t|吨|千克|L|升|度|unit|件|台|个)"
)
_FACTOR = regex.compile(rf"{_MASS}{_CO2}\s*/\s*{_DEN}(?![A-Za-z])", _I)
# "1kwh 电力排放 0.53kg CO₂e": only activity units, never a count (that is a result).
_ACTIVITY_DEN = (
    r"(?P<den>kWh|MWh|GJ|MJ|Nm3|m3|t\s*·?\s*km|tkm|km|kg|t|吨|千克|L|升|度|千瓦时|立方米)"
)
_INVERSE = regex.compile(
    rf"(?<![\d.])1\s*{_ACTIVITY_DEN}(?![A-Za-z])\s*(?P<words>(?:(?!碳足迹|footprint)[^\d。；;]){{0,14}}?)(?:排放|产生|emits?|=|为|约为)\s*"
    rf"(?P<num>\d[\d.,]*(?:[eE]-?\d+)?)\s*{_MASS}{_CO2}",
    _I,
)
_RANGE = regex.compile(r"(?P<lo>\d[\d .,]*\d|\d)\s*[-–~～至到]\s*$")
_YEAR = regex.compile(r"(?<![\d.])((?:19|20)\d{2})(?![\d.])")
_CARRIERS = [(c, regex.compile(p, _I)) for c, p in CARRIER_WORDS]
_REGIONS = [(r, regex.compile(p, _I)) for r, p in GRID_REGIONS.items()]


def _unit_text(m: regex.Match[str]) -> str:
    eq = "e" if (m.group("eq") or m.group("eq2")) else ""
    mass = {"吨": "t", "千克": "kg", "公斤": "kg", "克": "g"}.get(m.group("mass"), m.group("mass"))
    den = regex.sub(r"\s+", "", m.group("den"))
    return f"{mass}CO2{eq}/{den}"


def _carrier(text: str, pos: int, lo: int, hi: int, den: str) -> str | None:
    """Nearest carrier word before the value inside [lo, pos), else after it inside
    [pos, hi), else from the factor's denominator."""
    best: tuple[int, str] | None = None
    for carrier, pattern in _CARRIERS:
        for m in pattern.finditer(text, lo, pos):
            if carrier == "electricity" and m.group(0).lower() in ("kwh", "mwh"):
                continue
            if best is None or m.start() > best[0]:
                best = (m.start(), carrier)
    if best:
        return best[1]
    after: tuple[int, str] | None = None
    for carrier, pattern in _CARRIERS:
        m = pattern.search(text, pos, hi)
        if m and (after is None or m.start() < after[0]):
            after = (m.start(), carrier)
    if after:
        return after[1]
    return DENOMINATOR_CARRIER.get(regex.sub(r"\s+", "", den).lower())


def _cell_bounds(seg: Segment, pos: int) -> tuple[int, int]:
    if seg.kind != "row":
        return _clause_wide(seg.text, pos)
    lo = seg.text.rfind("|", 0, pos) + 1
    hi = seg.text.find("|", pos)
    return lo, (hi if hi >= 0 else len(seg.text))


def _clause_wide(text: str, pos: int) -> tuple[int, int]:
    lo = max(text.rfind(c, 0, pos) for c in "。；;") + 1
    hi_cands = [i for i in (text.find(c, pos) for c in "。；;") if i >= 0]
    return lo, (min(hi_cands) if hi_cands else len(text))


def _quote_factor(
    seg: Segment, value_start: int, value_end: int, unit: str, den: str
) -> list[FactorQuote]:
    numbers = [n for n in find_numbers(seg.text[value_start:value_end])]
    if not numbers:
        return []
    lo, hi = _cell_bounds(seg, value_start)
    label = regex.sub(r"\s+", " ", seg.raw[lo:hi]).strip()
    label_norm = seg.text[lo:hi]
    year_m = _YEAR.search(label_norm)
    region = next((r for r, p in _REGIONS if p.search(label_norm)), None)
    row_lo = 0 if seg.kind == "row" else lo
    carrier = _carrier(seg.text, value_start, row_lo, hi, den)
    out = []
    for n in numbers:
        out.append(
            FactorQuote(
                value=n.number,
                unit_text=unit,
                carrier=carrier,
                location=seg.loc(lo, hi),
                label=label[:120],
                year=int(year_m.group(1)) if year_m else None,
                region=region,
            )
        )
    return out


def factors_in(seg: Segment) -> list[FactorQuote]:
    """'0.5703 tCO₂/MWh (2022 华东电网)', '1 430-2 088 tCO₂e/t 制冷剂' (a range gives two
    quotes, low then high, sharing one label), '1kwh 电力排放 0.53kg CO₂e'."""
    text = seg.text
    out: list[FactorQuote] = []
    for m in _FACTOR.finditer(text):
        # The number printed right before the unit (optionally a range "a-b").
        head = text[max(0, m.start() - 30) : m.start()]
        last = None
        for n in find_numbers(head):
            last = n
        if last is None or head[last.end :].strip():
            continue
        start = m.start() - len(head) + last.start
        rm = _RANGE.search(text[max(0, start - 20) : start])
        if rm:
            start = max(0, start - 20) + rm.start()
        out.extend(_quote_factor(seg, start, m.start(), _unit_text(m), m.group("den")))
    for m in _INVERSE.finditer(text):
        unit = _unit_text(m)
        start, end = m.start("num"), m.end("num")
        for q in _quote_factor(seg, start, end, unit, m.group("den")):
            out.append(q)
    return out
