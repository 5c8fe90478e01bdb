"""Formulas the report prints, checked against the report's own units and tables.

A printed formula is a short paragraph "LHS = RHS" whose right side multiplies symbols
("E = Σ R_i × NCV_i × EF_i × θ", "CF = AD × EF × GWP"), followed by the definitions of its
symbols ("式中：E 为碳排放量；θ 为转换系数（44/12）", "where AD is the activity data").

* **Basis.** A formula that multiplies by 44/12 turns carbon into CO2; one that multiplies by
  12/44 turns CO2 into carbon. Its result printed in the other basis (a table column named by
  the result symbol, the result's own definition, or a result figure in the text that shares
  the definition's words, with a carbon unit per area, money or person) contradicts the
  formula: either the unit is wrong or the conversion was not applied.
* **Evaluation.** When the result symbol and at least two of its factors name columns of one
  table (by the words of their definitions), the formula is evaluated on every row exactly
  (sympy, imported only when such a table is found) and compared with the printed results.
  A table that departs from its formula by the same ratio on every row (12/44, 10^k, a GWP)
  does not follow its own formula.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field
from fractions import Fraction

import regex

from pcfaudit.model import Block, Location
from pcfaudit.quantities import Interval, fmt_sig
from pcfaudit.recompute.context import norm_label
from pcfaudit.recompute.core import Check
from pcfaudit.recompute.figures import header_unit, prose_figures
from pcfaudit.recompute.grids import Grid

_SYMBOL = r"[A-Za-zΑ-Ωα-ωθΔ][A-Za-z0-9_Α-Ωα-ωθ]{0,24}"
_FORMULA = regex.compile(
    rf"^\s*(?:\(\s*\d+\s*\)\s*)?(?P<lhs>{_SYMBOL})\s*=\s*(?P<rhs>[^=]{{3,300}})$"
)
_PRODUCT = regex.compile(r"[×*·∑Σ]|\\times|\\sum")
_DEFINITION = regex.compile(
    rf"(?<![A-Za-z0-9_])(?P<sym>{_SYMBOL})\s*(?:为|代表|表示|是指|指|denotes|is\s+the|is|are)\s*"
    r"(?P<def>[^;；。]{2,120}?)(?=[;；。]|[，,]\s*Δ?[A-Za-z]|$)"
)
_TO_CO2 = regex.compile(r"44\s*\)?\s*[/∶:]\s*\(?\s*12|3\.67\b")
_TO_C = regex.compile(r"12\s*\)?\s*[/∶:]\s*\(?\s*44|0\.27(?:27?)?\b")
_EMISSION = regex.compile(r"排放|emission", regex.IGNORECASE)
# Units a result is per (area, money, people, time) as opposed to a factor's (per fuel).
_RESULT_PER = regex.compile(r"^(?:|hm2?|ha|m2|km2|亩|公顷|a|年|d|人|capita|.*元|gdp)(?:·?a|·?年)?$")
_WORD = regex.compile(r"\p{Han}{3,}|[A-Za-z]{5,}")


@dataclass
class Formula:
    lhs: str
    rhs: str
    location: Location
    text: str
    definitions: dict[str, str] = field(default_factory=dict)  # symbol → its words
    stated: str = ""  # the formula and its definitions, for constants


def _fold_symbol(s: str) -> str:
    return regex.sub(r"[\s_{}$\\]", "", s).lower()


def find_formulas(blocks: list[Block]) -> list[Formula]:
    found: list[Formula] = []
    paragraphs = [b for b in blocks if b.kind == "paragraph"]
    for i, block in enumerate(paragraphs):
        text = block.text.replace("$", "").strip()
        m = _FORMULA.match(text)
        if not m or not _PRODUCT.search(m.group("rhs")) or regex.search(r"\p{Han}", m.group("rhs")):
            continue
        # Definitions follow in the next paragraphs ("式中：…", "where …"), sometimes broken
        # over lines by a converter ("θ 为转换系数（44 /" + "12）").
        after = "".join(p.text.replace("$", "") for p in paragraphs[i + 1 : i + 4])
        formula = Formula(
            m.group("lhs"), m.group("rhs"), block.location.with_quote(text[:200]), text
        )
        for d in _DEFINITION.finditer(after):
            formula.definitions.setdefault(_fold_symbol(d.group("sym")), d.group("def").strip())
        formula.stated = (
            text
            + " "
            + " ".join(v for k, v in formula.definitions.items() if k in _fold_symbol(formula.rhs))
        )
        found.append(formula)
    return found


def _basis_of(formula: Formula) -> tuple[str, str] | None:
    """("CO2", "44/12") when the formula turns carbon into CO2, ("C", "12/44") the reverse."""
    to_co2, to_c = _TO_CO2.search(formula.stated), _TO_C.search(formula.stated)
    if to_co2 and not to_c:
        return "CO2", "44/12"
    if to_c and not to_co2:
        return "C", "12/44"
    return None


def _shares_words(a: str, b: str) -> str | None:
    """A word of ``a`` (three Chinese characters or five letters) that ``b`` contains and
    that names an emission."""
    for m in _WORD.finditer(a):
        w = m.group(0)
        for size in range(len(w), 2 if regex.match(r"\p{Han}", w) else 4, -1):
            for start in range(len(w) - size + 1):
                piece = w[start : start + size]
                if piece.lower() in b.lower() and _EMISSION.search(piece):
                    return piece
    return None


def basis_checks(
    formulas: list[Formula], blocks: list[Block], grids: list[Grid]
) -> Iterator[Check]:
    """A formula's result printed in the other carbon basis than the formula produces."""
    prose = None
    for f_i, formula in enumerate(formulas):
        basis = _basis_of(formula)
        if basis is None:
            continue
        produced, conversion = basis
        other = "C" if produced == "CO2" else "CO2"
        definition = formula.definitions.get(_fold_symbol(formula.lhs), "")
        evidence: list[tuple[str, Location]] = []
        unit, raw = header_unit(definition)
        if unit is not None and unit.basis == other:
            evidence.append(
                (f"{formula.lhs} defined in {raw}", formula.location.with_quote(definition[:160]))
            )
        lhs_key = _fold_symbol(formula.lhs)
        for grid in grids:
            for c, header in enumerate(grid.headers):
                unit, raw = header_unit(header)
                if unit is None or unit.basis != other or len(lhs_key) < 2:
                    continue
                if lhs_key in _fold_symbol(header):
                    evidence.append(
                        (
                            f"table {grid.table_index + 1} column '{header}'",
                            grid.location(0, c).with_quote(header[:120]),
                        )
                    )
        if definition and _EMISSION.search(definition):
            prose = prose if prose is not None else list(prose_figures(blocks))
            for fig in prose:
                if (
                    fig.unit is None
                    or fig.unit.basis != other
                    or not _RESULT_PER.match(fig.unit.per)
                ):
                    continue
                if _shares_words(definition, fig.context):
                    evidence.append((f"{fig.number.text} {fig.unit_text}", fig.location))
        if not evidence:
            continue
        what, where = evidence[0]
        yield Check(
            id=f"formula-basis:{f_i}",
            relation="formula-basis",
            status="fail",
            label=formula.lhs,
            reported=what,
            expected=f"{formula.lhs} in {'CO2' if produced == 'CO2' else 'carbon (C)'}",
            locations=[formula.location, where, *(loc for _, loc in evidence[1:3])],
            inputs=["formula"],
            note=(
                f"formula '{formula.text[:120]}' multiplies by {conversion}, so {formula.lhs} "
                f"is {'CO2' if produced == 'CO2' else 'carbon (C)'}; but its results are printed "
                f"in {'carbon (C)' if other == 'C' else 'CO2'}: "
                + "; ".join(w for w, _ in evidence[:3])
            ),
        )


# --------------------------------------------------------------------------- evaluation


def _column_for(symbol: str, words: str, grid: Grid) -> int | None:
    """The one column a symbol names: its header prints the symbol ("AD (t)"), or shares
    a word with the symbol's definition ("活动数据 (t)" for "AD 为活动数据")."""
    numeric = [c for c in range(len(grid.headers)) if c in grid.numeric_cols]
    by_symbol = [
        c for c in numeric if symbol in regex.split(r"[^A-Za-z0-9Α-Ωα-ωθ]+", grid.headers[c])
    ]
    if len(by_symbol) == 1:
        return by_symbol[0]
    hits = [c for c in numeric if words and _common_word(words, grid.headers[c])]
    return hits[0] if len(hits) == 1 else None


def _common_word(a: str, b: str) -> bool:
    fa, fb = norm_label(a), norm_label(b)
    for m in _WORD.finditer(fb):
        w = m.group(0).lower()
        if len(w) >= 3 and w in fa:
            return True
    return False


def _constants(text: str) -> dict[str, Fraction]:
    out: dict[str, Fraction] = {}
    for m in regex.finditer(r"\(?\s*(\d+(?:\.\d+)?)\s*\)?\s*/\s*\(?\s*(\d+(?:\.\d+)?)\s*\)?", text):
        out[m.group(0)] = Fraction(m.group(1)) / Fraction(m.group(2))
    return out


def evaluation_checks(formulas: list[Formula], grids: list[Grid]) -> Iterator[Check]:
    """A table whose result column departs from the printed product formula by the same
    ratio on every row."""
    for f_i, formula in enumerate(formulas):
        rhs = regex.sub(r"∑|Σ|\\sum|_\{?[a-z]\}?|(?<=[A-Za-z])i\b", "", formula.rhs)
        if "+" in rhs or "-" in rhs:
            continue  # products only
        factors = [t.strip(" ()") for t in regex.split(r"[×*·]|\\times", rhs) if t.strip(" ()")]
        lhs_words = formula.definitions.get(_fold_symbol(formula.lhs), "")
        for grid in grids:
            target = _column_for(formula.lhs, lhs_words, grid)
            if target is None:
                continue
            columns: list[int] = []
            constant = Fraction(1)
            unknown = False
            for factor in factors:
                consts = _constants(factor)
                if consts and len(consts) == 1:
                    constant *= next(iter(consts.values()))
                    continue
                if regex.fullmatch(r"\d+(?:\.\d+)?", factor):  # a printed constant: a GWP
                    constant *= Fraction(factor)
                    continue
                words = formula.definitions.get(_fold_symbol(factor), "")
                value = _constants(words)
                col = _column_for(factor, words, grid)
                if col is not None and col != target:
                    columns.append(col)
                elif len(value) == 1:
                    constant *= next(iter(value.values()))
                else:
                    unknown = True
            if unknown or len(columns) < 2:
                continue
            check = _evaluate(formula, f_i, grid, target, columns, constant)
            if check is not None:
                yield check


def _evaluate(
    formula: Formula, f_i: int, grid: Grid, target: int, columns: list[int], constant: Fraction
) -> Check | None:
    import sympy  # lazily: only a formula whose symbols name table columns needs it

    symbols = sympy.symbols(f"x0:{len(columns)}")
    expression = sympy.Mul(*symbols) * sympy.Rational(constant.numerator, constant.denominator)
    ratios: list[Fraction] = []
    first = None
    for r in range(len(grid.labels)):
        printed = grid.values[r][target]
        inputs = [grid.values[r][c] for c in columns]
        if printed is None or not printed.value:
            continue
        known = [n for n in inputs if n is not None and n.value]
        if len(known) != len(inputs):
            continue
        exact = expression.subs(
            {s: sympy.Rational(str(n.value)) for s, n in zip(symbols, known, strict=True)}
        )
        point = Fraction(int(sympy.numer(exact)), int(sympy.denom(exact)))
        interval = Interval.exact(constant)
        for n in known:
            interval = interval * Interval.of(n)
        if Interval.of(printed).meets(interval):
            return None  # the table follows its formula on at least one row
        if not point:
            return None
        ratios.append(Fraction(printed.value) / point)
        first = first or (r, printed.text, point)
    if len(ratios) < 3 or first is None:
        return None
    lo, hi = min(ratios), max(ratios)
    ratio = (lo + hi) / 2
    name = _ratio_name(ratio)
    if lo <= 0 or hi > lo * Fraction(102, 100) or not name:
        return None  # no common, nameable ratio: not one departure
    r, printed_text, point = first
    return Check(
        id=f"formula-table:{f_i}:t{grid.table_index}",
        relation="formula-table",
        status="fail",
        label=f"table {grid.table_index + 1} {grid.headers[target]}".strip(),
        reported=printed_text,
        expected=fmt_sig(point, 6),
        locations=[grid.location(r, target), formula.location],
        inputs=["formula"],
        note=(
            f"the printed formula '{formula.text[:100]}' gives {fmt_sig(point, 6)} for "
            f"{grid.labels[r]}, printed {printed_text}; on all {len(ratios)} rows printed / "
            f"formula = {fmt_sig(ratio, 4)}{name}"
        ),
    )


def _ratio_name(ratio: Fraction) -> str:
    for name, k in (
        ("12/44", Fraction(12, 44)),
        ("44/12", Fraction(44, 12)),
        ("28/44", Fraction(28, 44)),
        ("44/28", Fraction(44, 28)),
    ):
        if abs(ratio / k - 1) < Fraction(1, 100):
            return f" ≈ {name}"
    for e in range(-6, 7):
        if e and abs(ratio / Fraction(10) ** e - 1) < Fraction(1, 100):
            return f" ≈ 10^{e}"
    return ""


def formula_checks(blocks: list[Block], grids: list[Grid]) -> Iterator[Check]:
    formulas = find_formulas(blocks)
    if not formulas:
        return
    yield from basis_checks(formulas, blocks, grids)
    yield from evaluation_checks(formulas, grids)
