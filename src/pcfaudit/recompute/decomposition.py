"""A decomposition's total effect printed as the sum of factors that are ratios.

In a multiplicative decomposition (GFI, multiplicative LMDI, Kaya ratios) every factor is a
ratio near 1 (C_t / C_0 = D_Q · D_I · D_G · D_P) and the total effect is their product. A
column that equals the *sum* of three or more such factors on every row (1.02 + 1.02 + 1.12 +
1.01 = 4.17) is no total effect: the product is 1.18. Additive decompositions sum effects
that are changes (of any sign and size), which the ratio test leaves out.

Found from the discovered relations (a column is the sum of others), read as ratios when
every factor on the judged rows is positive, between 0.2 and 5, with a median near 1, and
the table's caption or headers name a decomposition or an effect.
"""

from __future__ import annotations

import math
import statistics
from collections.abc import Iterator
from fractions import Fraction
from typing import Any

import regex

from pcfaudit.quantities import fmt_fixed
from pcfaudit.recompute.core import Check

_DECOMPOSITION = regex.compile(
    r"分解|效应|贡献|驱动|因素|LMDI|GFI|Kaya|decompos|effects?\b|driv(?:er|ing)|factors?\b",
    regex.IGNORECASE,
)
MIN_FACTORS = 3


def summed_ratio_checks(relations: list[Any]) -> Iterator[Check]:
    for rel in relations:
        grid, col = rel.target
        if rel.kind != "sum" or grid.transposed or len(rel.inputs) < MIN_FACTORS:
            continue
        if any(g is not grid for g, _ in rel.inputs) or rel.support < 3:
            continue
        if 3 * rel.support < 2 * rel.evaluated:
            continue
        words = " ".join(
            [grid.caption, grid.headers[col], *(grid.headers[c] for _, c in rel.inputs)]
        )
        if not _DECOMPOSITION.search(words):
            continue
        rows = [r for (r, _), h in zip(rel.rows, rel.holds, strict=True) if h]
        factors = [[grid.values[r][c] for _, c in rel.inputs] for r in rows]
        values = [Fraction(n.value) for row in factors for n in row if n is not None]
        if len(values) != len(rows) * len(rel.inputs) or not _ratio_like(values):
            continue
        yield _check(grid, col, rows, factors)


def _ratio_like(values: list[Fraction]) -> bool:
    return all(Fraction(1, 5) <= v <= 5 for v in values) and (
        Fraction(7, 10) <= statistics.median(values) <= Fraction(7, 5)
    )


def _check(grid: Any, col: int, rows: list[int], factors: list[list[Any]]) -> Check:
    products = [math.prod((Fraction(n.value) for n in row), start=Fraction(1)) for row in factors]
    first, last = grid.values[rows[0]][col], grid.values[rows[-1]][col]
    decimals = max(first.decimals, 2)
    shown = [
        f"{grid.labels[r]}: {grid.values[r][col].text} vs {fmt_fixed(p, decimals)}"
        for r, p in list(zip(rows, products, strict=True))[:3]
    ]
    return Check(
        id=f"summed-ratios:table[{grid.table_index}].col[{col}]",
        relation="summed-ratios",
        status="fail",
        label=grid.headers[col] or grid.caption,
        reported=first.text,
        expected=fmt_fixed(products[0], decimals),
        locations=[grid.location(r, col) for r in (rows[0], rows[-1])],
        inputs=[f"table[{grid.table_index}]"],
        note=(
            f"on all {len(rows)} rows it is the sum of {len(factors[0])} factors that are "
            f"ratios near 1, whose product is the multiplicative total ({'; '.join(shown)}); "
            f"last row {last.text} vs {fmt_fixed(products[-1], decimals)}"
        ),
    )
