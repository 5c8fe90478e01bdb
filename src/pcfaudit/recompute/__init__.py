"""Recompute what a report prints, with honest rounding: ``Report`` → ``list[Check]``.

Every printed number stands for its rounding interval (``4.833`` is [4.8325, 4.8335]).
Expected values are computed with exact interval arithmetic over the printed inputs, and a
reported value is consistent when its interval meets the expected one. This is what keeps
software-made reports silent: a share computed from *unrounded* results (110.5156 / 3334.37
= 3.3144 %) still meets the interval of 110.52 / 3334.37. GWP values are taken exactly as
printed (they are defined constants, not measurements).

A value that does not meet is classified: truncated instead of rounded → status
"truncated"; otherwise a :class:`Diagnosis` names the single most likely cause among: a power
of ten (named as a unit slip when the units involved explain it), GWP not applied, another
IPCC report's GWP, a digit transposition, a typo, a dropped or doubled digit. When several
causes fit, the one whose value lies closest to the reported number wins (0.001 reported for
0.001 t × GWP 1430 is "GWP not applied", not "×1000").

Relations: ``line`` (result = quantity × factor × GWP), ``subtotal``, ``total``,
``per-unit``, ``share``, ``group-share``, ``share-sum``, ``prose-share``,
``text-computation``.
"""

from __future__ import annotations

from pcfaudit.model import Block, Report, Table
from pcfaudit.recompute.carbon_shift import carbon_shift_checks
from pcfaudit.recompute.change_base import change_base_checks
from pcfaudit.recompute.changes import change_checks
from pcfaudit.recompute.context import build_context, norm_label
from pcfaudit.recompute.core import (
    Candidate,
    Check,
    CheckImpact,
    Diagnosis,
    judge,
    make_check,
)
from pcfaudit.recompute.decomposition import summed_ratio_checks
from pcfaudit.recompute.discover import discover, grids_of, row_share_tables, sum_columns
from pcfaudit.recompute.doses import dose_checks
from pcfaudit.recompute.double_count import crude_double_count_checks
from pcfaudit.recompute.formulas import formula_checks
from pcfaudit.recompute.growth import growth_checks
from pcfaudit.recompute.gwp import other_gwps
from pcfaudit.recompute.held import held_relation_checks
from pcfaudit.recompute.input_units import input_unit_checks
from pcfaudit.recompute.per_unit import per_unit_checks
from pcfaudit.recompute.percent_fractions import percent_fraction_checks
from pcfaudit.recompute.products import line_checks
from pcfaudit.recompute.prose import text_checks, unit_after
from pcfaudit.recompute.rankings import ranking_checks
from pcfaudit.recompute.relation_checks import hidden_conversion_checks, relation_checks
from pcfaudit.recompute.repeated import repeated_figure_checks
from pcfaudit.recompute.same_figure import same_figure_checks
from pcfaudit.recompute.series import series_slip_checks
from pcfaudit.recompute.shares import share_checks
from pcfaudit.recompute.sums import total_checks


def recompute(
    report: Report,
    tables: list[Table] | None = None,
    text: str = "",
    blocks: list[Block] | None = None,
) -> list[Check]:
    """Every arithmetic relation the report lets us recompute, one Check each. With the
    document's ``tables``, also the relations discovered in them (see :mod:`.discover`);
    with its ``text``, whether a conversion those relations use is stated anywhere; with its
    ``blocks``, whether a figure printed twice agrees (:mod:`.same_figure`)."""
    ctx = build_context(report)
    grids = grids_of(tables or [])
    relations = discover(tables or [], grids)
    ctx.row_share_tables = row_share_tables(relations)
    ctx.total_grids, ctx.sum_columns = sum_columns(relations)
    checks = [
        *line_checks(ctx),
        *total_checks(ctx),
        *per_unit_checks(ctx),
        *share_checks(ctx),
        *text_checks(ctx),
        *growth_checks(report.statements),
        *dose_checks(report.statements),
    ]
    # A row the inventory checks already find wrong (a line, a total) is reported by them.
    judged = {
        (loc.table, loc.row)
        for c in checks
        if c.status == "fail"
        for loc in c.locations[:1]
        if loc.table is not None and loc.row is not None
    }
    # Rows whose line result was recomputed with its printed units (line checks).
    lined = frozenset(
        key
        for c in checks
        if c.relation == "line" and c.status != "cannot-tell"
        for loc in c.locations[:1]
        if loc.table is not None and loc.row is not None and loc.column is not None
        for key in ((loc.table, "r", loc.row), (loc.table, "c", loc.column))
    )
    checks += [
        c
        for c in relation_checks(relations, lined)
        if (c.locations[0].table, c.locations[0].row) not in judged
    ]
    checks += held_relation_checks(relations)  # what the table arithmetic audited
    checks += summed_ratio_checks(relations)
    checks += change_checks(report.statements, grids)
    checks += change_base_checks(report.statements, grids)
    checks += ranking_checks(report.statements, grids)
    checks += carbon_shift_checks(grids)
    checks += series_slip_checks(grids)
    checks += percent_fraction_checks(grids)
    checks += crude_double_count_checks(relations)
    checks += input_unit_checks(tables or [])
    if text:
        checks += hidden_conversion_checks(relations, text)
        checks += repeated_figure_checks(tables or [], text)
    # A figure CN006 already reports (one number, two carbon bases) is not reported again.
    two_bases = {c.label for c in checks if c.relation == "repeated-figure-unit"}
    checks += [
        c
        for c in same_figure_checks(tables or [], grids, blocks or [], report.statements)
        if c.reported not in two_bases
    ]
    checks += formula_checks(blocks or [], grids)
    return checks


__all__ = [
    "Candidate",
    "Check",
    "CheckImpact",
    "Diagnosis",
    "judge",
    "make_check",
    "norm_label",
    "other_gwps",
    "recompute",
    "unit_after",
]
