"""Numbers as reports print them, Chinese and English (shared vocabulary of every stage).

``1 536``, ``1,536.5``, ``≈ 300``, ``4.833tCO₂e``, ``2 088``, ``12%``, ``1.2万``,
``3.5亿``, ``39.94×10⁴``, ``2.5 × 10^-3``, ``1,23E-02`` (decimal comma in scientific notation), ``2.67E+03``, ``-6.08E+01``.
The printed string is kept; the value is an exact Decimal; ``decimals`` counts printed places
so the value's rounding interval is known.
"""

from __future__ import annotations

import functools
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation

import regex

from pcfaudit.model import Number
from pcfaudit.vocab.memo import forget_document_memos

FULLWIDTH_MARKS = "０１２３４５６７８９．，－＋％"  # what normalise_digits folds to ASCII
_FULLWIDTH = str.maketrans(FULLWIDTH_MARKS, "0123456789.,-+%")

_SUPERSCRIPT = str.maketrans("⁰¹²³⁴⁵⁶⁷⁸⁹⁻⁺", "0123456789-+")

MULTIPLIERS: dict[str, Decimal] = {"万": Decimal(10_000), "亿": Decimal(100_000_000)}

# Beyond what a report can mean (an ID, a hash, a typo, a hostile 1E+999): such a "number"
# stays text. No carbon figure needs more than 30 digits or leaves 10^±100 (the world's
# yearly emissions are ~5E+16 g); the bound keeps the product or ratio of three printed
# numbers inside a float (1.8E+308), so no rule's arithmetic can overflow.
MAX_SIGNIFICANT_DIGITS = 30
MAX_EXPONENT = 100

# A thin space, a no-break space or a plain space groups thousands only when followed by
# exactly three digits: "1 536", "2 088" — never "2410 0.5942" (that is two numbers).
_NUMBER_RE = regex.compile(
    r"""
    (?P<approx>(?:≈|～|~|大约|约|about|approximately|approx\.?)\s*)?
    (?<![A-Za-z0-9_.])      # CJK may touch a number: 生产1件, 球管349件
    (?P<sign>[-−+])?
    (?P<mantissa>
        0,\d+(?![\d,])                        # 0,123: a decimal comma (EPDs)
      | [1-9]\d{0,2}(?:,\d{3})+(?:\.\d+)?     # 1,536.5
      | \d{1,3}(?:[ \u00a0\u2009\u202f]\d{3}(?!\d))+(?:\.\d+)?   # 1 536 / 18 750.5
      | \d+(?:\.\d+)?                         # 4.833
      | \.\d+                                 # .5
    )
    (?:
        (?P<exp>[eE]\s*(?P<esign>[-−+])?\s*\d{1,3})
      | (?P<comma_exp>,\d+[eE][-−+]?\d{1,3})   # 1,23E-02
      | \s*[×xX]\s*10(?:\^\s*\(?(?P<pow>[-−+]?\d{1,2})\)?|(?P<sup>[⁻⁺]?[⁰¹²³⁴⁵⁶⁷⁸⁹]{1,2}))
                                               # 39.94 × 10⁴, 2.5×10^-3
    )?
    (?P<percent>\s*[%％‰])?
    (?P<mult>\s*[万亿](?![元]))?
    """,
    regex.VERBOSE | regex.IGNORECASE,
)


@dataclass(frozen=True)
class NumberMatch:
    number: Number
    start: int
    end: int


def normalise_digits(text: str) -> str:
    # An ASCII text has none of the marks, and str.isascii costs nothing: most texts skip
    # the translation (it looks every character up).
    return text if text.isascii() else text.translate(_FULLWIDTH)


def _decimals_of(digits: str) -> int:
    return len(digits.split(".", 1)[1]) if "." in digits else 0


# Compiled once: these run for every number read (regex.sub(str) looks its cache up each call).
_DIGIT_GAPS = regex.compile(r"[ ,\u00a0\u2009\u202f]")
_E = regex.compile(r"[eE]")
_E_SPACE = regex.compile(r"[eE\s]")
_DIGIT = regex.compile(r"\d")  # _NUMBER_RE's digits


def _mantissa_exponent(m: regex.Match[str]) -> tuple[str, Decimal, int] | None:
    """The printed digits (decimal point normalised), their value and the power of ten the
    match multiplies them by (E-notation, ×10^n), or None when the digits do not parse."""
    mantissa = m.group("mantissa")
    if mantissa.startswith("0,"):
        mantissa = mantissa.replace(",", ".", 1)
    digits = _DIGIT_GAPS.sub("", mantissa)
    exponent = 0
    if m.group("comma_exp"):
        # "1,23E-02": the comma is a decimal comma here.
        frac, exp = _E.split(m.group("comma_exp")[1:])
        digits = f"{mantissa}.{frac}"
        exponent = int(exp.replace("−", "-"))
    elif m.group("exp"):
        exponent = int(_E_SPACE.sub("", m.group("exp")).replace("−", "-"))
    elif m.group("pow") or m.group("sup"):
        power = m.group("pow") or m.group("sup").translate(_SUPERSCRIPT)
        exponent = int(power.replace("−", "-"))
    try:
        return digits, Decimal(digits), exponent
    except InvalidOperation:
        return None


def _build(m: regex.Match[str]) -> Number | None:
    parsed = _mantissa_exponent(m)
    if parsed is None:
        return None
    digits, value, exponent = parsed
    if not within_meaning(value, exponent):
        return None
    sign = m.group("sign") or ""
    approx = bool(m.group("approx"))
    decimals = _decimals_of(digits) - exponent
    if exponent:
        value = value.scaleb(exponent)
    if sign in {"-", "−"}:
        value = -value
    scale = Decimal(1)
    if m.group("percent"):
        # Percentages keep their value in percent; the unit says "%".
        pass
    if m.group("mult"):
        scale = MULTIPLIERS[m.group("mult").strip()]
        value = value * scale
    text = m.group(0)
    if approx:
        text = text.strip()
    return Number(
        text=text.strip(),
        value=value,
        decimals=decimals,
        approximate=approx,
        scale=scale,
    )


def within_meaning(mantissa: Decimal, exponent: int = 0) -> bool:
    """Whether ``mantissa`` × 10^``exponent`` is a number a report can mean: at most
    MAX_SIGNIFICANT_DIGITS significant digits, magnitude within 10^±MAX_EXPONENT."""
    if not mantissa.is_finite():
        return False
    if mantissa.is_zero():
        return True
    digits = len(mantissa.as_tuple().digits)
    return digits <= MAX_SIGNIFICANT_DIGITS and abs(mantissa.adjusted() + exponent) <= MAX_EXPONENT


def iter_numbers(text: str) -> Iterator[NumberMatch]:
    """Every number in ``text`` with its span. Years, section numbers and the like are
    numbers too; callers decide what a number means from its neighbours."""
    # The document's decimal mark is part of the key: the same text reads differently.
    decimal_comma = _DECIMAL_COMMA.get()
    if len(text) > _MEMO_LENGTH:
        yield from _numbers_in(text, decimal_comma)
    else:
        yield from _memo_numbers_in(text, decimal_comma)


# Interpret and recompute read the same cell or sentence many times over (counting, prose
# values, shares, repeated figures): short texts are parsed once. The matches are frozen.
_MEMO_LENGTH = 400


def _numbers_in(text: str, decimal_comma: bool = False) -> tuple[NumberMatch, ...]:
    norm = normalise_digits(text)
    if not _DIGIT.search(norm):
        return ()  # every number has a digit; _NUMBER_RE is slow to rule out at each position
    if decimal_comma:
        norm = norm.translate(_SWAP_MARKS)
    return tuple(
        NumberMatch(number, m.start(), m.end())
        for m in _NUMBER_RE.finditer(norm)
        if (number := _as_printed(_build(m))) is not None
    )


_memo_numbers_in = functools.lru_cache(maxsize=8192)(_numbers_in)


def forget_parsed_numbers() -> None:
    """Empty the memos, these and every ``document_memo`` (one document's texts are seldom
    another's: a batch starts each report afresh, and a benchmark measures each run cold)."""
    _memo_numbers_in.cache_clear()
    _memo_parse_number.cache_clear()
    forget_document_memos()


@dataclass(frozen=True)
class BeyondMeaning:
    """A number as printed that is past what a report can mean (see ``within_meaning``):
    ``digits`` significant digits, leading digit at 10^``magnitude``. ``plain`` when it is a
    bare run of digits (no decimal point, grouping, exponent, sign, % or 万): such a run may
    just as well be an identifier, and the caller decides from its neighbours."""

    text: str
    start: int
    end: int
    digits: int
    magnitude: int
    plain: bool

    @property
    def reason(self) -> str:
        """'58 digits' or 'magnitude 10^999': why pcfaudit cannot use it."""
        if self.digits > MAX_SIGNIFICANT_DIGITS:
            return f"{self.digits} digits"
        return f"magnitude 10^{self.magnitude}"


# What a number past meaning needs (same flags as _NUMBER_RE): an exponent after its digits
# (E-notation, "× 10"), or else more than MAX_SIGNIFICANT_DIGITS digits in its mantissa (a
# plain number reaches 10^±100 only with more digits still). Nearly every text has neither.
_MAY_BE_BEYOND = regex.compile(
    rf"\d(?:[eE]|\s*[×xX]\s*10|(?:[,. \u00a0\u2009\u202f]?\d){{{MAX_SIGNIFICANT_DIGITS}}})",
    regex.IGNORECASE,
)


def iter_numbers_beyond_meaning(text: str) -> Iterator[BeyondMeaning]:
    """The numbers in ``text`` that ``iter_numbers`` leaves as text because no report can
    mean them (more than MAX_SIGNIFICANT_DIGITS digits, beyond 10^±MAX_EXPONENT)."""
    norm = normalise_digits(text)
    if not _MAY_BE_BEYOND.search(norm):
        return
    for m in _NUMBER_RE.finditer(norm):
        parsed = _mantissa_exponent(m)
        if parsed is None:
            continue
        _, value, exponent = parsed
        if within_meaning(value, exponent):
            continue
        printed = m.group(0).strip()
        plain = regex.fullmatch(r"\d+", printed) is not None
        start = m.start() + (len(m.group(0)) - len(m.group(0).lstrip()))
        yield BeyondMeaning(
            text=printed,
            start=start,
            end=start + len(printed),
            digits=len(value.as_tuple().digits),
            magnitude=value.adjusted() + exponent,
            plain=plain,
        )


# A document printed with decimal commas (1.234,5 / 0,57): set for the whole audit of such a
# document (see ``number_convention``), so every reader of numbers reads them alike.
_DECIMAL_COMMA: ContextVar[bool] = ContextVar("pcfaudit_decimal_comma", default=False)
_SWAP_MARKS = str.maketrans(",.", ".,")
_COMMA_DECIMAL_CELL = regex.compile(r"^[-−]?(?:\d{1,3}(?:\.\d{3})+,\d+|\d+,(?:\d{1,2}|\d{4,}))$")
_POINT_DECIMAL_CELL = regex.compile(r"^[-−]?(?:\d{1,3}(?:,\d{3})+\.\d+|\d+\.(?:\d{1,2}|\d{4,}))$")


def uses_decimal_comma(cells: Iterable[str]) -> bool:
    """Whether a document's table cells print decimal commas: at least three cells that can
    only be read that way (1.234,5 / 0,57 / 12,5) and hardly any that can only be read with
    a decimal point (1,234.5 / 12.5). "1,234" or "1.234" alone says nothing."""
    comma = point = 0
    for text in cells:
        t = normalise_digits(text).strip()
        comma += bool(_COMMA_DECIMAL_CELL.match(t))
        point += bool(_POINT_DECIMAL_CELL.match(t))
    return comma >= 3 and 10 * point <= comma


def reads_decimal_comma() -> bool:
    """Whether numbers are read with decimal commas here (see ``number_convention``): part
    of the key of any memo over a reader of numbers."""
    return _DECIMAL_COMMA.get()


@contextmanager
def number_convention(decimal_comma: bool) -> Iterator[None]:
    """Read every number inside the block with decimal commas (or not)."""
    token = _DECIMAL_COMMA.set(decimal_comma)
    try:
        yield
    finally:
        _DECIMAL_COMMA.reset(token)


def _as_printed(number: Number | None) -> Number | None:
    """Under the decimal-comma convention the digits were read with the marks swapped:
    keep the text as printed."""
    if number is None or not _DECIMAL_COMMA.get():
        return number
    return Number(
        text=number.text.translate(_SWAP_MARKS),
        value=number.value,
        decimals=number.decimals,
        approximate=number.approximate,
        scale=number.scale,
    )


def parse_number(text: str) -> Number | None:
    """The single number that makes up ``text`` (allowing a unit or mark after it), or None.

    >>> parse_number("1 536").value
    Decimal('1536')
    >>> parse_number("/") is None
    True
    """
    if len(text) > _MEMO_LENGTH:
        return _parse_number(text, _DECIMAL_COMMA.get())
    return _memo_parse_number(text, _DECIMAL_COMMA.get())


def _parse_number(text: str, decimal_comma: bool) -> Number | None:
    stripped = normalise_digits(text).strip()
    if not stripped:
        return None
    if decimal_comma:
        stripped = stripped.translate(_SWAP_MARKS)
    m = _NUMBER_RE.match(stripped)
    if not m:
        return None
    return _as_printed(_build(m))


# Table readers parse the same cell many times (layout, roles, inventory, recompute).
_memo_parse_number = functools.lru_cache(maxsize=8192)(_parse_number)


_NOT_SIGNIFICANT = regex.compile(r"^[-−0.]+|\D")  # sign, leading zeros, point, non-digits


def significant_digits(text: str) -> int:
    """The digits a printed number shows after its sign and leading zeros ('0.0450' → 3,
    '-1,234' → 4): its significant digits, except that an exponent's digits count too
    ('2.67E+03' → 5), which suits its use as a screen for numbers too short to compare."""
    return len(_NOT_SIGNIFICANT.sub("", text))


def is_percent(number: Number) -> bool:
    return number.text.rstrip().endswith(("%", "％"))


def is_blank_mark(text: str) -> str | None:
    """The mark a cell uses to say 'no value' ('/', '—', '-', '--', '', 'N/A'), else None."""
    t = text.strip()
    if t in {"", "/", "／", "—", "–", "-", "--", "——", "N/A", "n/a", "NA", "无", "×"}:
        return t or "empty"
    return None
