"""Computations the text states ("100 kg × 1 %"), compared with the table quantity."""

from __future__ import annotations

from collections.abc import Iterator
from fractions import Fraction

import regex

from pcfaudit.model import Number, Statement
from pcfaudit.quantities import Interval, fmt_sig
from pcfaudit.recompute.context import Ctx
from pcfaudit.recompute.core import Check, CheckImpact, cannot_tell, make_check
from pcfaudit.recompute.gwp import SUBJECT_WORDS, blend_fractions, gas_key
from pcfaudit.recompute.products import gwp_of, line_conversion
from pcfaudit.vocab.units import conversion_factor, is_co2e, normalise_unit, split_unit

# --------------------------------------------------------------------------- prose


_UNIT_AFTER = regex.compile(r"\s*([A-Za-z][A-Za-z0-9₂³·/]*|[吨千克公斤升方立米]+)")


def unit_after(text: str, number: Number) -> str | None:
    """The unit printed right after ``number`` in ``text`` ('100kg' → 'kg')."""
    # The number itself, not digits inside a name ("40" in "R404A").
    hit = regex.search(rf"(?<![\w.]){regex.escape(number.text)}(?![\d.])", text)
    if hit is None:
        return None
    m = _UNIT_AFTER.match(text, hit.end())
    return normalise_unit(m.group(1)) if m else None


def text_checks(ctx: Ctx) -> Iterator[Check]:
    for s_i, st in enumerate(ctx.report.statements):
        if st.kind != "text-computation" or not st.values:
            continue
        yield from _text_check(ctx, s_i, st)


def _text_check(ctx: Ctx, s_i: int, st: Statement) -> Iterator[Check]:
    amount, *rest = st.values
    a_unit = unit_after(st.text, amount)
    # Prose states assumptions ("约 100kg", "以 1%计"), which the author multiplies as
    # written: taken exactly, not as rounding intervals.
    point = Fraction(amount.value)
    for v in rest:
        f = Fraction(1, 100) if v.text.rstrip().endswith(("%", "％")) else Fraction(1)
        point *= Fraction(v.value) * f
    iv = Interval.exact(point)
    ref, locs = f"statements[{s_i}]", [st.location]
    subject = st.subject or ""
    blend = blend_fractions(subject) if subject else None
    if blend:
        targets = [
            (i, ln, blend[gas_key(ln.gas)] / 100)
            for i, ln in ctx.lines
            if ln.gas and gas_key(ln.gas) in blend and ln.quantity is not None
        ]
    else:
        words = SUBJECT_WORDS.get(subject, (subject,))
        targets = [
            (i, ln, Fraction(1))
            for i, ln in ctx.lines
            if ln.quantity is not None and any(w and w.lower() in ln.label.lower() for w in words)
        ][:1]
    if not targets:
        yield cannot_tell(
            f"text:{ref}",
            "text-computation",
            None,
            locs,
            [ref],
            f"no table line for {subject}",
            subject,
        )
        return
    for i, line, frac in targets:
        assert line.quantity is not None
        q_unit = line.quantity.unit
        r_mass = (
            split_unit(line.result.unit)[0][: -len("CO2e")]
            if line.result and line.result.unit and is_co2e(line.result.unit)
            else None
        )
        if q_unit is None and r_mass and line.factor and line.factor.number.value == 1:
            # "q × 1 × GWP 1 = result in tCO2e": the quantity is in t.
            q_unit = r_mass
        k = conversion_factor(a_unit, q_unit) if a_unit and q_unit else Fraction(1)
        doubt = k is None or not (a_unit and q_unit)
        k = (k or Fraction(1)) * frac
        impact_total = None
        if line.factor is not None and (g := gwp_of(line)) is not None:
            kk, _ = line_conversion(
                q_unit, line.factor.unit, line.result.unit if line.result else None
            )
            per_q = Fraction(line.factor.number.value) * g * kk
            r_unit = line.result.unit if line.result else None
            impact_total = (per_q, r_unit)
        check = make_check(
            id=f"text:{ref}:{i}",
            relation="text-computation",
            label=f"{subject} {line.gas or line.label}".strip(),
            reported=line.quantity.number,
            expected=iv.scale(k),
            point=point * k,
            unit=q_unit,
            locations=[line.location, *locs],
            inputs=[ref, f"inventory[{i}]"],
            units=(a_unit, q_unit),
            note=f"{st.text.strip()[:80]}"
            + (f" × {frac * 100}% of the blend" if frac != 1 else ""),
            unit_doubt=doubt,
        )
        if check.impact is not None and impact_total is not None:
            per_q, r_unit = impact_total
            diff = abs(Fraction(line.quantity.number.value) - point * k) * per_q
            total = ctx.total_in(r_unit)
            check.impact = CheckImpact(
                fmt_sig(diff), r_unit, fmt_sig(diff / total, 4) if total else None
            )
        yield check
