"""boundary rules on what the report's data and organisation say about its boundary:
data collected for a stage the boundary excludes (BD004), and an organisation-wide
inventory presented as one product's footprint (BD005)."""

from __future__ import annotations

from collections.abc import Iterator

from pcfaudit.model import (
    Finding,
    Location,
    Report,
    Stage,
    StageClaim,
    StatementKind,
)
from pcfaudit.rules.boundary import (
    is_zero,
    stage_claims,
    unique_locations,
)
from pcfaudit.rules.engine import RuleContext, rule
from pcfaudit.rules.evidence import line_evidence, quoted
from pcfaudit.vocab.stages import STAGE_NAMES

_TRANSPORT_STAGES = (Stage.RAW_MATERIAL_TRANSPORT, Stage.DISTRIBUTION)


def _excluded_only(report: Report, stage: Stage) -> list[StageClaim]:
    """Claims excluding ``stage`` when nothing includes it."""
    if stage_claims(report, stage, ("included", "modelled")):
        return []
    return stage_claims(report, stage, ("excluded",))


def _data_targets(report: Report) -> Iterator[tuple[str, Location, Stage | None, bool]]:
    """(what, where, stage, is_transport) for every piece of data the report says it uses."""
    for st in report.statements:
        if st.kind is StatementKind.DATA_USED:
            stage = st.stages[0] if st.stages else None
            yield st.subject or st.text, quoted(st.location, st.text), stage, st.transport
    for f in report.factors:
        if f.carrier == "transport":
            yield f.label or f.unit_text, quoted(f.location, f.label), None, True
    for line in report.inventory:
        if is_zero(line):
            continue
        stage = line.stage
        if stage is not None:
            yield line.label, line_evidence(line), stage, stage in _TRANSPORT_STAGES


@rule("BD004")
def data_for_excluded_stage(ctx: RuleContext) -> Iterator[Finding]:
    """Data or a database dataset is used for a stage the boundary excludes.

    If the boundary table excludes product transport and includes no transport at all, a
    road-transport dataset 'used by this study' — or an inventory line with emissions for
    an excluded stage — means the model and the stated boundary disagree: either the total
    contains a stage it says it leaves out, or the boundary statement is wrong.

    Example: §2.3.2 excludes "产品的运输、销售和使用"; §2.3.5 "CLCD … 公路运输被本研究所采用".
    """
    report = ctx.report
    excluded = {s: _excluded_only(report, s) for s in Stage}
    excluded = {s: c for s, c in excluded.items() if c}
    if not excluded:
        ctx.count(None)
        return
    transport_included = any(
        stage_claims(report, s, ("included", "modelled")) for s in _TRANSPORT_STAGES
    )
    seen: set[str] = set()
    for what, where, stage, is_transport in _data_targets(report):
        hit: Stage | None = None
        if stage is not None and stage in excluded:
            hit = stage
        elif stage is None and is_transport and not transport_included:
            hit = next((s for s in _TRANSPORT_STAGES if s in excluded), None)
        ctx.count(hit is None)
        # One finding per excluded stage: the first evidence (statement before clause).
        if hit is None or hit.value in seen:
            continue
        seen.add(hit.value)
        en, zh = STAGE_NAMES[hit]
        claims = excluded[hit]
        excl = "; ".join(c.location.describe() for c in claims)
        if stage is None:  # transport data, and the boundary has no transport stage at all
            lead_en = (
                f"Transport data are used (“{what}”, {where.describe()}) but the boundary includes "
                f"no transport stage and excludes {en} ({excl})."
            )
            lead_zh = f"报告称采用了运输数据（“{what}”，{where.describe()}），但系统边界未纳入任何运输阶段，且排除了{zh}（{excl}）。"
        else:
            lead_en = (
                f"Data for “{what}” ({where.describe()}) belong to the {en} stage, which the boundary "
                f"excludes ({excl}) and no statement includes."
            )
            lead_zh = f"“{what}”的数据（{where.describe()}）属于{zh}阶段，而系统边界排除了该阶段（{excl}），且无任何表述将其纳入。"
        yield ctx.finding(
            "BD004",
            message=f"{lead_en} Either the total contains a stage the report says it leaves out, "
            "or the boundary statement is wrong.",
            message_zh=f"{lead_zh}要么总量含有报告声称排除的阶段，要么边界表述有误。",
            locations=unique_locations(
                [where, *(quoted(c.location, c.stage.value) for c in claims[:2])]
            ),
            reported=what,
            expected=f"no data for the excluded {en} stage",
            key=hit.value,
        )


def _org_evidence(report: Report) -> list[Location]:
    out: list[Location] = []
    for st in report.statements:
        if st.kind is StatementKind.ORGANISATIONAL_BOUNDARY:
            out.append(quoted(st.location, st.text))
    seen: set[str] = set()
    for line in report.inventory:
        label = line.group or line.label
        if line.organisational and label not in seen and not is_zero(line):
            seen.add(label)
            out.append(line_evidence(line))
    return out


def _division(report: Report) -> tuple[Location | None, str]:
    if report.production:
        p = report.production[0]
        return quoted(p.location, str(p.quantity)), str(p.quantity)
    for st in report.statements:
        if st.kind is StatementKind.TEXT_COMPUTATION and "/" in st.text:
            return quoted(st.location, st.text), st.text
    return None, ""


@rule("BD005")
def organisational_boundary_divided(ctx: RuleContext) -> Iterator[Finding]:
    """An organisation-wide inventory divided by the number of products, with no allocation.

    A product footprint covers the processes of one product. An inventory of a whole
    company or plant — offices, canteen, 'all production and non-production activity' —
    divided by the year's output is an organisational footprint per unit, not a product
    footprint: other products and non-production activity are charged to this one unless
    the report says how they were allocated or removed.

    Example: "边界为公司 2024 年全年生产活动及非生产活动", "电力 (生产、办公)", "天然气 (生产、食堂)",
    "1686.915 / 349 = 4.833 tCO₂e".
    """
    report = ctx.report
    evidence = _org_evidence(report)
    where, per = _division(report)
    if not evidence or where is None:
        ctx.count(None if not evidence else True)
        return
    if any(st.kind is StatementKind.ALLOCATION for st in report.statements):
        ctx.count(True)
        return
    ctx.count(False)
    quotes = "; ".join(f"“{e.quote}” ({e.describe()})" for e in evidence[:4])
    yield ctx.finding(
        "BD005",
        message=f"The inventory covers organisation-wide activity ({quotes}) and is divided by "
        f"the output ({per}, {where.describe()}) with no allocation described. Emissions of "
        "offices, canteens and other products are charged to this product; the result is an "
        "organisational footprint per unit, not a product footprint.",
        message_zh=f"清单覆盖组织层面的活动（{quotes}），并直接除以产量（{per}，{where.describe()}），"
        "未说明任何分配方法。办公、食堂及其他产品的排放被计入本产品；结果是组织碳排放的单位均摊，"
        "而非产品碳足迹。",
        locations=[*evidence[:4], where],
        reported="organisation-wide inventory / output",
        expected="a product boundary, or the allocation of shared activity described",
        likely_cause="an organisational (ISO 14064-1) inventory reused as a product footprint",
    )
