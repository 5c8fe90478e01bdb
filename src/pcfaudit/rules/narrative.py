"""narrative rules: what the prose says about the numbers, checked against the numbers.

A hotspot sentence ('原材料获取过程对碳足迹的影响最大', 'electricity is the largest contributor')
names a stage or an inventory item. The inventory tells which stage and which item really
carry the most emissions; the rules compare the two, and the hotspot sentences with each
other. Stage lists in the summary are compared with the stages the boundary includes.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from decimal import Decimal

from pcfaudit.model import Finding, Location, Report, Stage, Statement, StatementKind
from pcfaudit.rules.engine import RuleContext, rule
from pcfaudit.rules.relations import failing_checks
from pcfaudit.vocab.stages import STAGE_NAMES


@dataclass
class Breakdown:
    """Emissions per item and per stage from the inventory table that holds the results."""

    items: dict[str, Decimal]
    item_names: dict[str, str]
    stages: dict[str, Decimal]
    unassigned: Decimal
    total: Decimal
    unit: str


def breakdown(report: Report) -> Breakdown | None:
    chosen = [
        ln
        for ln in report.inventory
        if ln.result is not None
        and (ln.table if ln.table is not None else ln.location.table) == report.results_table
    ]
    if not chosen:
        return None
    items: dict[str, Decimal] = {}
    names: dict[str, str] = {}
    stages: dict[str, Decimal] = {}
    unassigned = Decimal(0)
    for ln in chosen:
        assert ln.result is not None
        value = ln.result.number.value
        if ln.item_key:
            items[ln.item_key] = items.get(ln.item_key, Decimal(0)) + value
            names.setdefault(ln.item_key, ln.item or "")
        if ln.stage is None:
            unassigned += value
        else:
            stages[ln.stage.value] = stages.get(ln.stage.value, Decimal(0)) + value
    total = sum(items.values(), Decimal(0))
    unit = chosen[0].result.unit_text if chosen[0].result else ""
    return Breakdown(items, names, stages, unassigned, total, unit)


def _stage_label(key: str) -> tuple[str, str]:
    return STAGE_NAMES[Stage(key)]


def _share(value: Decimal, total: Decimal) -> str:
    if total == 0:
        return "n/a"
    return f"{value / total * 100:.1f} %"


def _loc(st: Statement) -> Location:
    return st.location if st.location.quote else st.location.with_quote(st.text)


@rule("NA001")
def hotspot_contradicts_numbers(ctx: RuleContext) -> Iterator[Finding]:
    """A hotspot sentence names as largest a stage or item the inventory shows is not.

    The inventory lines are mapped to items (their labels) and to life-cycle stages (their
    class column or the stage words in their label). A hotspot sentence naming a stage or
    item whose emissions are clearly below the largest one — even if every line whose stage
    is unknown were added to it — is an error: readers act on the hotspot (it decides where
    reductions are sought). When the order is close, the finding is a warning. Other
    hotspot sentences that name a different thing are listed as contradicting evidence.

    Example: summary "主要原材料获取过程对产品碳足迹的影响最大"; inventory "原材料生产 | / | 0" and
    "电力 (生产、办公) | 1432.022" of 1686.915 t.
    """
    hotspots = [s for s in ctx.report.statements if s.kind is StatementKind.HOTSPOT]
    if not hotspots:
        ctx.count(None)
        return
    bd = breakdown(ctx.report)
    if bd is None or bd.total <= 0:
        ctx.count(None)
        return
    named = [(st, st.named) for st in hotspots]
    for st, subject in named:
        if subject is None:
            ctx.count(None)
            continue
        if subject.dimension == "item":
            values = bd.items
            mine = values.get(subject.key, Decimal(0))
            slack = Decimal(0)
            names = bd.item_names
        else:
            values = bd.stages
            if not values:
                ctx.count(None)
                continue
            mine = values.get(subject.key, Decimal(0))
            slack = bd.unassigned  # lines of unknown stage might belong to the named one
            names = {k: _stage_label(k)[0] for k in values}
        top_key = max(values, key=lambda k: values[k])
        top = values[top_key]
        if top_key == subject.key or mine >= top:
            ctx.count(True)
            continue
        if mine + slack >= top:
            ctx.count(None)
            continue
        ctx.count(False)
        severity = "error" if (mine + slack) * 2 <= top else "warning"
        others = [
            (o, os_)
            for o, os_ in named
            if o is not st
            and os_ is not None
            and os_.dimension == subject.dimension
            and os_.key != subject.key
        ]
        if subject.dimension == "stage":
            said_en, said_zh = _stage_label(subject.key)
            top_en, top_zh = _stage_label(top_key)
            said_en, top_en = f"the {said_en} stage", f"the {top_en} stage"
            said_zh, top_zh = f"{said_zh}阶段", f"{top_zh}阶段"
        else:
            said_en = said_zh = f"“{bd.item_names[subject.key]}”"
            top_en = top_zh = f"“{names[top_key]}”"
        contra_en = ""
        contra_zh = ""
        if others:
            contra_en = (
                " Another statement names something else ("
                + "; ".join(
                    f"{o.location.describe()}: “{o.location.quote or o.text}”" for o, _ in others
                )
                + "), so the report contradicts itself."
            )
            contra_zh = (
                "报告另一处又指向不同的对象（"
                + "；".join(
                    f"{o.location.describe()}：“{o.location.quote or o.text}”" for o, _ in others
                )
                + "），前后矛盾。"
            )
        unit = f" {bd.unit}" if bd.unit else ""
        yield ctx.finding(
            "NA001",
            message=f"{st.location.describe()} names {said_en} as the largest contributor, but "
            f"the inventory gives it {mine}{unit} ({_share(mine, bd.total)} of {bd.total}{unit}) "
            f"while {top_en} has {top}{unit} ({_share(top, bd.total)}).{contra_en} Readers act "
            "on the hotspot; it must follow the numbers.",
            message_zh=f"{st.location.describe()}称{said_zh}贡献最大，但清单中其排放为 {mine}{unit}"
            f"（占 {bd.total}{unit} 的 {_share(mine, bd.total)}），而{top_zh}为 {top}{unit}"
            f"（{_share(top, bd.total)}）。{contra_zh}减排重点依据热点确定，热点表述必须与数据一致。",
            locations=[_loc(st), *(_loc(o) for o, _ in others)],
            reported=subject.name,
            expected=names[top_key],
            severity=severity,  # type: ignore[arg-type]
            key=subject.key,
        )


@rule("NA002")
def hotspot_statements_disagree(ctx: RuleContext) -> Iterator[Finding]:
    """Two hotspot sentences name different largest contributors.

    When the summary says raw materials dominate and the analysis chapter says production
    energy does, at least one is wrong. Reported only when the numbers cannot settle it
    (otherwise NA001 reports the wrong one with the other as evidence).

    Example: "the largest contribution comes from raw materials" … "emissions are dominated
    by the production stage".
    """
    hotspots = [s for s in ctx.report.statements if s.kind is StatementKind.HOTSPOT]
    if len(hotspots) < 2:
        ctx.count(None)
        return
    bd = breakdown(ctx.report)
    named = [(st, st.named) for st in hotspots]
    by_dim: dict[str, dict[str, list[Statement]]] = {}
    for st, subj in named:
        if subj is not None:
            by_dim.setdefault(subj.dimension, {}).setdefault(subj.key, []).append(st)
    settled = _settled_by_numbers(bd, by_dim)
    for dim, keys in by_dim.items():
        ok = len(keys) <= 1
        ctx.count(ok)
        if ok or dim in settled:
            continue
        first = [sts[0] for sts in keys.values()]
        labels_en = [
            (_stage_label(k)[0] if dim == "stage" else (bd.item_names[k] if bd else k))
            for k in keys
        ]
        labels_zh = [
            (_stage_label(k)[1] if dim == "stage" else (bd.item_names[k] if bd else k))
            for k in keys
        ]
        places = "; ".join(
            f"{s.location.describe()}: “{s.location.quote or s.text}”" for s in first
        )
        yield ctx.finding(
            "NA002",
            message=f"Hotspot statements name different largest contributors ({' vs '.join(labels_en)}): "
            f"{places}. At least one is wrong; the numbers do not settle which.",
            message_zh=f"不同位置的热点表述指向不同的最大贡献者（{' 与 '.join(labels_zh)}）：{places}。"
            "至少一处有误，且数据无法判定。",
            locations=[_loc(s) for s in first],
            reported=" / ".join(labels_en),
            expected="one largest contributor",
            key=dim,
        )


def _settled_by_numbers(
    bd: Breakdown | None, by_dim: dict[str, dict[str, list[Statement]]]
) -> set[str]:
    """Dimensions where the numbers single out one of the named subjects (NA001 reports)."""
    if bd is None or bd.total <= 0:
        return set()
    out: set[str] = set()
    for dim, keys in by_dim.items():
        values = bd.items if dim == "item" else bd.stages
        slack = Decimal(0) if dim == "item" else bd.unassigned
        if not values:
            continue
        top_key = max(values, key=lambda k: values[k])
        top = values[top_key]
        if any(values.get(k, Decimal(0)) + slack < top for k in keys if k != top_key):
            out.add(dim)
    return out


# Transport legs are routinely folded into the neighbouring stage in summaries; a list is
# compared with the boundary on these stages only.
_CORE_STAGES = (Stage.RAW_MATERIAL, Stage.PRODUCTION, Stage.USE, Stage.END_OF_LIFE)


@rule("NA003")
def stage_list_disagrees_with_scope(ctx: RuleContext) -> Iterator[Finding]:
    """A list of investigated stages (often in the summary) that differs from the boundary.

    Summaries restate the stages the study covers. A stage the boundary includes but the
    list omits (info), or a stage the list names but the boundary explicitly excludes
    (warning), leaves the reader unsure what the result covers.

    Example: summary "调研了…原材料生产阶段、原材料运输阶段、产品运输阶段、使用阶段及报废后回收处置阶段";
    §3.2 "产品的碳足迹=原材料获取+原材料运输+产品生产+销售运输+产品使用+回收利用".
    """
    lists = [s for s in ctx.report.statements if s.kind is StatementKind.STAGE_LIST]
    if not lists:
        ctx.count(None)
        return
    for st in lists:
        listed = st.stages
        others = [
            c
            for c in ctx.report.stages
            if c.location.line is None or c.location.line != st.location.line
        ]
        included = {c.stage: c for c in others if c.status in ("included", "modelled")}
        excluded = {
            c.stage: c for c in others if c.status == "excluded" and c.stage not in included
        }
        if not listed or not included:
            ctx.count(None)
            continue
        missing = [s for s in _CORE_STAGES if s in included and s not in listed]
        extra = [s for s in listed if s in excluded]
        ctx.count(not missing and not extra)
        if extra:
            en = ", ".join(STAGE_NAMES[s][0] for s in extra)
            zh = "、".join(STAGE_NAMES[s][1] for s in extra)
            yield ctx.finding(
                "NA003",
                message=f"The stage list at {st.location.describe()} names {en}, which the "
                f"boundary excludes ({'; '.join(excluded[s].location.describe() for s in extra)}).",
                message_zh=f"{st.location.describe()} 的阶段清单列出了{zh}，而系统边界排除了该阶段"
                f"（{'；'.join(excluded[s].location.describe() for s in extra)}）。",
                locations=[_loc(st), *(excluded[s].location for s in extra)],
                reported=en,
                expected="the stages the boundary includes",
                severity="warning",
                key="extra:" + ",".join(s.value for s in extra),
            )
        if missing:
            en = ", ".join(STAGE_NAMES[s][0] for s in missing)
            zh = "、".join(STAGE_NAMES[s][1] for s in missing)
            where = "; ".join(included[s].location.describe() for s in missing)
            yield ctx.finding(
                "NA003",
                message=f"The stage list at {st.location.describe()} omits {en}, which the "
                f"boundary includes ({where}). The reader of the summary is told the study "
                "covers less than it does, or the boundary statement is wrong.",
                message_zh=f"{st.location.describe()} 的阶段清单遗漏了{zh}，而系统边界包含该阶段（{where}）。"
                "摘要读者得到的覆盖范围与正文不符。",
                locations=[_loc(st), *(included[s].location for s in missing)],
                reported=", ".join(STAGE_NAMES[s][0] for s in listed),
                expected=", ".join(STAGE_NAMES[s][0] for s in Stage if s in included),
                key="missing:" + ",".join(s.value for s in missing),
            )


@rule("NA004")
def stated_order_contradicts_table(ctx: RuleContext) -> Iterator[Finding]:
    """A sentence states an order ("由大到小的顺序为 F > X > M2 > CK > M1", "in descending
    order: A > B > C") and the table column it describes orders the same items otherwise.

    The column is the one whose distinctive header words the sentence shares; a sink printed
    negative is ranked by its size. Reported only when the named columns agree on one true
    order a few swapped pairs away, and no other column follows the stated order.

    Example: "N2O 全年排放总量由大到小的顺序为 F > X > M2 > CK > M1", where the table's annual
    N2O gives CK 2.29 > M2 2.28."""
    for check in failing_checks(ctx, "NA004"):
        yield ctx.check_finding(
            "NA004",
            check,
            message=(
                f"The text states the order {check.reported}; the table ({check.label}) gives "
                f"{check.expected}: {check.note}."
            ),
            message_zh=(
                f"正文所述顺序为 {check.reported}，而表中（{check.label}）为 {check.expected}："
                f"{check.note}。"
            ),
        )
