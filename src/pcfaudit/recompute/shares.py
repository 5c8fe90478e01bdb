"""Shares: a line or group result over the total, and the shares adding up to 100 %."""

from __future__ import annotations

from collections.abc import Iterator
from decimal import Decimal
from fractions import Fraction

from pcfaudit.model import InventoryLine, Location, Number
from pcfaudit.quantities import Interval, fmt_fixed, fmt_sig, interval_sum
from pcfaudit.recompute.column_shares import column_share_check
from pcfaudit.recompute.context import Ctx, find_lines, norm_label
from pcfaudit.recompute.core import HUNDRED, Check, cannot_tell, make_check
from pcfaudit.recompute.sums import sum_results
from pcfaudit.vocab.units import conversion_factor

# --------------------------------------------------------------------------- shares


def _denominators(ctx: Ctx, unit: str | None) -> list[Interval]:
    """The totals a share may be computed over: the reported total and Σ line results."""
    out = []
    if ctx.total is not None:
        k = conversion_factor(ctx.total_unit, unit) if ctx.total_unit and unit else Fraction(1)
        if k is not None:
            out.append(Interval.of(ctx.total.quantity.number).scale(k))
    summed, _, _, _, _ = sum_results(ctx.lines, unit)
    if summed.hi > 0:
        out.append(summed)
    return out


def _share_expected(
    ctx: Ctx, members: list[tuple[int, InventoryLine]]
) -> tuple[Interval, Fraction, list[Interval]] | None:
    with_result = [(i, ln) for i, ln in members if ln.result is not None]
    if not with_result:
        return None
    unit = with_result[0][1].result.unit if with_result[0][1].result else None
    num, point, _, _, _ = sum_results(members, unit)
    dens = _denominators(ctx, unit)
    quotients = [q for d in dens if (q := num / d) is not None]
    if not quotients:
        return None
    total_point = ctx.total_in(unit) or sum_results(ctx.lines, unit)[1]
    pct = [q.scale(100) for q in quotients]
    # The author may have divided by the reported total or by the unrounded sum: accept both.
    hull = Interval(min(q.lo for q in pct), max(q.hi for q in pct))
    return hull, point * 100 / total_point, pct


def share_checks(ctx: Ctx) -> Iterator[Check]:
    line_shares: list[tuple[str, Number, Location, list[tuple[int, InventoryLine]], str]] = []
    for i, line in ctx.lines:
        if line.share is not None:
            line_shares.append(
                (line.label, line.share, line.location, [(i, line)], f"inventory[{i}]")
            )
    group_shares = []
    prose = []
    for s_i, value in enumerate(ctx.report.shares):
        if value.kind == "share-total":
            continue  # the "Total | … | 100 %" row is not one more share to add up
        # A share printed in an inventory row belongs to that row (one gas of a CO2/CH4/N2O
        # group), not to every line that carries its label.
        same_row = [(i, ln) for i, ln in ctx.lines if ln.location == value.location]
        if same_row and any(
            ln.share is not None and ln.share.value == value.quantity.number.value
            for _, ln in same_row
        ):
            continue  # already checked as the line's own share
        members = same_row or find_lines(ctx, value.label)
        item = (value.label or "", value.quantity.number, value.location, members, f"shares[{s_i}]")
        if value.kind == "prose-share":
            prose.append(item)
        elif value.kind == "group-share" or (
            members
            and norm_label(value.label) in ctx.groups
            and not any(norm_label(m.label) == norm_label(value.label) for _, m in members)
        ):
            group_shares.append(item)
        elif not (
            len(members) == 1
            and members[0][1].share is not None
            and members[0][1].share.value == value.quantity.number.value
        ):  # the interpreter may list a table share both on the line and here
            line_shares.append(item)
    table_share: dict[str, Number] = {}
    by_members: dict[frozenset[int], Number] = {}
    for kind, items in (("share", line_shares), ("group-share", group_shares)):
        for label, number, loc, members, ref in items:
            table_share.setdefault(norm_label(label), number)
            if members:
                by_members.setdefault(frozenset(i for i, _ in members), number)
            if not members:
                yield cannot_tell(
                    f"{kind}:{ref}", kind, number, [loc], [ref], "no line with this label", label
                )
                continue
            exp = _share_expected(ctx, members)
            if exp is None:
                continue
            hull, point, _ = exp
            yield make_check(
                id=f"{kind}:{ref}",
                relation=kind,
                label=label,
                reported=number,
                expected=hull,
                point=point,
                unit="%",
                locations=[loc],
                inputs=[ref, *(f"inventory[{i}]" for i, _ in members)],
                units=("%",),
            )
    row_shares = [it for it in line_shares if it[2].table in ctx.row_share_tables]
    for _, number, loc, _, ref in row_shares:
        yield cannot_tell(
            f"share-sum:{ref}",
            "share-sum",
            number,
            [loc],
            [ref],
            "a share of its row's own total (the table's rows each add up): not summed down the column",
        )
    line_shares = [it for it in line_shares if it not in row_shares]
    yield from _share_sums(ctx, line_shares, "share-sum")
    if len(group_shares) >= 2:
        yield from _share_sums(ctx, group_shares, "group-share-sum")
    for label, number, loc, members, ref in prose:
        table = table_share.get(norm_label(label)) or by_members.get(
            frozenset(i for i, _ in members)
        )
        if table is not None:
            yield make_check(
                id=f"prose-share:{ref}",
                relation="prose-share",
                label=label,
                reported=number,
                expected=Interval.of(table),
                point=Fraction(table.value),
                unit="%",
                locations=[loc],
                inputs=[ref],
                note=f"compared with the table's {table.text}",
                units=("%",),
            )
            continue
        exp = _share_expected(ctx, members) if members else None
        by_column = (
            column_share_check(ctx.total_grids, ctx.sum_columns, label, number, loc, ref)
            if exp is None
            else None
        )
        if by_column is not None:
            yield by_column
            continue
        if exp is None:
            yield cannot_tell(
                f"prose-share:{ref}",
                "prose-share",
                number,
                [loc],
                [ref],
                "no table value for this label",
                label,
            )
            continue
        yield make_check(
            id=f"prose-share:{ref}",
            relation="prose-share",
            label=label,
            reported=number,
            expected=exp[0],
            point=exp[1],
            unit="%",
            locations=[loc],
            inputs=[ref, *(f"inventory[{i}]" for i, _ in members)],
            units=("%",),
        )


def _share_sums(ctx: Ctx, items: list, relation: str) -> Iterator[Check]:
    if len(items) < 2:
        return
    numbers: list[Number] = [n for _, n, _, _, _ in items]
    s = interval_sum(Interval.of(n) for n in numbers)
    point = sum((Fraction(n.value) for n in numbers), Fraction(0))
    decimals = max(n.decimals for n in numbers)
    printed = Number(
        text=fmt_fixed(point, decimals), value=_dec(point, decimals), decimals=decimals
    )
    locs = [loc for _, _, loc, _, _ in items]
    refs = [ref for _, _, _, _, ref in items]
    covered = {i for _, _, _, members, _ in items for i, _ in members}
    all_lines = {i for i, ln in ctx.lines if ln.result is not None}
    if s.hi < 100 and relation == "share-sum" and not all_lines <= covered:
        yield cannot_tell(relation, relation, None, locs, refs, "shares listed for only some lines")
        return
    check = make_check(
        id=relation,
        relation=relation,
        reported=printed,
        expected=HUNDRED,
        point=Fraction(100),
        unit="%",
        locations=locs,
        inputs=refs,
        note=f"Σ of {len(numbers)} shares; rounding allows ±{fmt_sig(s.hi - point)}",
    )
    # The sum's own tolerance is n half-ulps, not the printed sum's half-ulp.
    if s.meets(HUNDRED):
        check.status, check.diagnosis, check.impact = "pass", None, None
    elif check.status == "truncated":
        check.status = "fail"
    yield check


def _dec(x: Fraction, decimals: int) -> Decimal:
    return Decimal(fmt_fixed(x, decimals))
