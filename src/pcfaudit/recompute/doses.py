"""A fertiliser dose per plot restated per hectare, recomputed: mass × nutrient content / plot
area (1 g·m⁻² = 10 kg·hm⁻²). Printed doses are rounded by the authors (a plot gets 315 g, not
314.67), so a restated rate within 5 % of the recomputed one passes."""

from __future__ import annotations

from collections.abc import Iterator
from fractions import Fraction

from pcfaudit.model import Statement
from pcfaudit.quantities import fmt_fixed, fmt_sig
from pcfaudit.recompute.core import Check

ROOM = Fraction(5, 100)
_KG_PER_HM2_PER_G_PER_M2 = 10


def dose_checks(statements: list[Statement]) -> Iterator[Check]:
    for s_i, st in enumerate(statements):
        if st.kind != "dose-conversion" or len(st.values) != 4:
            continue
        grams, area, pct, rate = (Fraction(v.value) for v in st.values)
        if area <= 0 or pct <= 0:
            continue
        expected = grams * pct / 100 / area * _KG_PER_HM2_PER_G_PER_M2
        needed = rate * area / _KG_PER_HM2_PER_G_PER_M2 * 100 / pct  # g per plot for the rate
        ok = abs(rate - expected) <= ROOM * expected
        mass, plot, content, stated = (v.text for v in st.values)
        yield Check(
            id=f"dose:statements[{s_i}]",
            relation="dose-conversion",
            status="pass" if ok else "fail",
            label=f"{mass} g × {content}% ({st.subject}) / {plot} m²",
            reported=stated,
            expected=fmt_fixed(expected, 0),
            expected_low=fmt_sig(expected * (1 - ROOM)),
            expected_high=fmt_sig(expected * (1 + ROOM)),
            unit="kg/hm²",
            deviation=fmt_sig((rate - expected) / expected, 4),
            locations=[st.location],
            inputs=[f"statements[{s_i}]"],
            note=(
                f"{mass} g × {content} % = {fmt_fixed(grams * pct / 100, 2)} g of {st.subject} "
                f"per {plot} m² = {fmt_fixed(expected, 1)} kg/hm², not {stated}; {stated} kg/hm² "
                f"would need {fmt_fixed(needed, 0)} g per plot"
            ),
        )
