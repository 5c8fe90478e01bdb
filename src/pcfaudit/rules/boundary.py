"""boundary rules: the declared system boundary against the stages and the numbers.

A boundary is declared three ways in a report — a type ('cradle-to-gate'), lists of stages
included and excluded, and an inventory whose lines belong to stages. These rules compare
the three. Each inventory line's stage is a fact interpret read (``InventoryLine.stage``);
stage words in sentences are read through :mod:`pcfaudit.vocab.stages`.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator

import regex

from pcfaudit.model import (
    BoundaryClaim,
    BoundaryType,
    Confidence,
    Finding,
    InventoryLine,
    Location,
    Report,
    Stage,
    StageClaim,
    Statement,
    StatementKind,
)
from pcfaudit.rules.engine import RuleContext, rule
from pcfaudit.rules.evidence import line_evidence, quoted
from pcfaudit.vocab.stages import STAGE_NAMES

_I = regex.IGNORECASE


def is_zero(line: InventoryLine) -> bool:
    """The line contributes nothing: its result is 0 or was printed empty / '/'."""
    if line.result is not None:
        return line.result.number.value == 0
    return "result" in line.marks or line.quantity is None


def not_quantified(line: InventoryLine) -> bool:
    """The activity data cell was printed '/', '—' or empty: no data was entered."""
    return line.quantity is None and line.marks.get("quantity") in {"/", "—", "-", "empty"}


def stage_lines(report: Report) -> dict[Stage, list[InventoryLine]]:
    out: dict[Stage, list[InventoryLine]] = {}
    for line in report.inventory:
        if line.stage is not None:
            out.setdefault(line.stage, []).append(line)
    return out


def declared_types(report: Report) -> list[BoundaryClaim]:
    return [b for b in report.boundary if b.type is not BoundaryType.FULL_LIFE_CYCLE]


def stage_claims(report: Report, stage: Stage, statuses: Iterable[str]) -> list[StageClaim]:
    wanted = set(statuses)
    return [c for c in report.stages if c.stage is stage and c.status in wanted]


_DOWNSTREAM = (Stage.DISTRIBUTION, Stage.USE, Stage.END_OF_LIFE)
_TYPE_ZH = {
    BoundaryType.CRADLE_TO_GATE: "从摇篮到大门",
    BoundaryType.CRADLE_TO_GRAVE: "从摇篮到坟墓",
    BoundaryType.GATE_TO_GATE: "从大门到大门",
    BoundaryType.CRADLE_TO_CRADLE: "从摇篮到摇篮",
    BoundaryType.FULL_LIFE_CYCLE: "全生命周期",
}


def unique_locations(locations: list[Location]) -> list[Location]:
    """One location per place and quote (a boundary table cell can name several stages)."""
    seen: set[tuple[int | None, int | None, int | None, str | None]] = set()
    out = []
    for loc in locations:
        k = (loc.line, loc.page, loc.row, loc.quote)
        if k not in seen:
            seen.add(k)
            out.append(loc)
    return out


@rule("BD001")
def boundary_type_vs_stages(ctx: RuleContext) -> Iterator[Finding]:
    """The declared boundary type contradicts the stages said to be included or excluded.

    A cradle-to-gate (or gate-to-gate) study ends at the factory gate: it cannot include the
    use or end-of-life stage. A cradle-to-grave study must include them: excluding use or
    end of life makes it cradle-to-gate whatever the label says. Either the type or the
    stage list is wrong, and with it every comparison the reader makes.

    Example: "系统边界为从摇篮到大门" and, in the boundary table, "包含的过程：… 产品使用、报废回收".
    """
    types = {b.type: b for b in declared_types(ctx.report)}
    if not types:
        ctx.count(None)
        return
    for btype, claim in types.items():
        if btype in (BoundaryType.CRADLE_TO_GATE, BoundaryType.GATE_TO_GATE):
            wrong = [
                c
                for s in (Stage.USE, Stage.END_OF_LIFE)
                for c in stage_claims(ctx.report, s, ("included", "modelled"))
            ]
            # A stage both included and excluded is handled by the excluded side; only flag
            # stages the report never excludes.
            wrong = [c for c in wrong if not stage_claims(ctx.report, c.stage, ("excluded",))]
            expectation = ("excluded", "排除")
        elif btype is BoundaryType.CRADLE_TO_GRAVE:
            wrong = [
                c
                for s in (Stage.USE, Stage.END_OF_LIFE)
                for c in stage_claims(ctx.report, s, ("excluded",))
            ]
            wrong = [c for c in wrong if not stage_claims(ctx.report, c.stage, ("included", "modelled"))]
            expectation = ("included", "包含")
        else:
            continue
        ctx.count(not wrong)
        if not wrong:
            continue
        stages = sorted({c.stage for c in wrong}, key=lambda s: s.value)
        en = ", ".join(STAGE_NAMES[s][0] for s in stages)
        zh = "、".join(STAGE_NAMES[s][1] for s in stages)
        status_en = "included" if expectation[0] == "excluded" else "excluded"
        status_zh = "包含" if expectation[0] == "excluded" else "排除"
        type_quote = claim.location.quote or btype.value
        yield ctx.finding(
            "BD001",
            message=f"The boundary is declared '{btype.value}' ({claim.location.describe()}: "
            f"“{type_quote}”) but the {en} stage is said to be {status_en} "
            f"({'; '.join(c.location.describe() for c in wrong)}). A {btype.value} boundary has "
            f"the {en} stage {expectation[0]}; either the type or the stage list is wrong, so "
            "the reader cannot tell what the result covers.",
            message_zh=f"系统边界声明为“{type_quote}”（{claim.location.describe()}），但{zh}阶段被声明为"
            f"{status_zh}（{'；'.join(c.location.describe() for c in wrong)}）。该类型边界应{expectation[1]}"
            f"{zh}阶段；边界类型与阶段清单必有一处有误，读者无法判断结果的覆盖范围。",
            locations=unique_locations(
                [
                    quoted(claim.location, btype.value),
                    *(quoted(c.location, c.stage.value) for c in wrong),
                ]
            ),
            reported=f"{btype.value}; {en} {status_en}",
            expected=f"{en} {expectation[0]}",
            key=btype.value,
            confidence=Confidence(
                "medium",
                f"boundary type and stage status read from the text ({len(wrong)} stage claim(s)); "
                "sentences on comparing studies are not read as this study's boundary",
            ),
        )


def _included_stages(report: Report) -> dict[Stage, list[StageClaim]]:
    """Stages the report says it includes or models, minus those it also excludes."""
    out: dict[Stage, list[StageClaim]] = {}
    for c in report.stages:
        if c.status in ("included", "modelled"):
            out.setdefault(c.stage, []).append(c)
    return out


@rule("BD002")
def included_stage_not_quantified(ctx: RuleContext) -> Iterator[Finding]:
    """A stage declared inside the boundary whose inventory lines are empty or zero.

    When the boundary (the type, the boundary formula or the boundary table) includes a stage
    and the inventory has a line for that stage, the line must carry emissions. A line whose
    activity data is printed '/' (no data entered) means the stage was left out of the total
    although the report says it is inside: an error. A line quantified as exactly 0 is a
    warning: a verifier must ask how a stage that is 'calculated by database and software
    modelling' emits nothing.

    Example: "产品的碳足迹=原材料获取+原材料运输+产品生产+…" and in the inventory
    "原材料生产(t) | CO₂ | / | / | 0".
    """
    included = _included_stages(ctx.report)
    by_stage = stage_lines(ctx.report)
    if not included or not by_stage:
        ctx.count(None)
        return
    for stage, claims in included.items():
        lines = by_stage.get(stage)
        if not lines:
            ctx.count(None)
            continue
        zero = all(is_zero(ln) for ln in lines)
        ctx.count(not zero)
        if not zero:
            continue
        empty = [ln for ln in lines if not_quantified(ln)]
        modelled = [c for c in claims if c.status == "modelled"]
        severity = "error" if empty else "warning"
        en, zh = STAGE_NAMES[stage]
        evidence = (
            claims[:2]
            if not modelled
            else [*modelled[:2], *[c for c in claims if c.status != "modelled"][:1]]
        )
        places = "; ".join(c.location.describe() for c in evidence)
        if empty:
            how_en = "its activity data is printed '/' (no data entered) and its result is 0"
            how_zh = "其活动数据为“/”（未填入数据），结果为 0"
            why_en = "The stage is missing from the total although the report says it is inside the boundary."
            why_zh = "该阶段声明在边界内却未计入总量。"
        else:
            how_en = "it is quantified as 0"
            how_zh = "其量化结果为 0"
            why_en = (
                "The report says this stage was calculated"
                + (" by modelling" if modelled else "")
                + "; a verifier must ask how it can emit nothing."
            )
            why_zh = (
                "报告称该阶段已"
                + ("通过建模" if modelled else "")
                + "计算，核查方须询问其排放为何为零。"
            )
        line_places = ", ".join(ln.location.describe() for ln in lines)
        yield ctx.finding(
            "BD002",
            message=f"The {en} stage is inside the boundary ({places}) but in the inventory "
            f"({line_places}) {how_en}. {why_en}",
            message_zh=f"{zh}阶段在系统边界内（{places}），但清单中（{line_places}）{how_zh}。{why_zh}",
            locations=[
                *(line_evidence(ln) for ln in lines),
                *(quoted(c.location, c.stage.value) for c in evidence),
            ],
            reported="/" if empty else "0",
            expected=f"emissions of the {en} stage",
            severity=severity,  # type: ignore[arg-type]
            key=stage.value,
        )


@rule("BD003")
def full_life_cycle_with_partial_boundary(ctx: RuleContext) -> Iterator[Finding]:
    """The report says it quantifies the full life cycle but its boundary stops earlier.

    "全生命周期" / "full life cycle" promises every stage up to end of life. A cradle-to-gate
    or gate-to-gate boundary (or one that excludes use or end of life) does not deliver it;
    the claim overstates what the number covers, and readers compare it with full
    footprints.

    Example: §2.2 "核算散料输送设备产品全生命周期过程的碳足迹"; §2.3.2 "系统边界属‘从摇篮到大门’"。
    """
    full = [b for b in ctx.report.boundary if b.type is BoundaryType.FULL_LIFE_CYCLE]
    if not full:
        ctx.count(None)
        return
    partial = [
        b
        for b in declared_types(ctx.report)
        if b.type in (BoundaryType.CRADLE_TO_GATE, BoundaryType.GATE_TO_GATE)
    ]
    grave = [b for b in declared_types(ctx.report) if b.type is BoundaryType.CRADLE_TO_GRAVE]
    excluded = [c for c in ctx.report.stages if c.status == "excluded" and c.stage in _DOWNSTREAM]
    if grave and not partial:
        ctx.count(True)
        return
    if not partial and not excluded:
        ctx.count(None)
        return
    ctx.count(False)
    evidence = unique_locations(
        [quoted(b.location, b.type.value) for b in partial]
        + [quoted(c.location, c.stage.value) for c in excluded]
    )[:4]
    what_en = (
        f"'{partial[0].type.value}'"
        if partial
        else "excluding " + ", ".join(sorted({STAGE_NAMES[c.stage][0] for c in excluded}))
    )
    what_zh = (
        f"“{_TYPE_ZH[partial[0].type]}”"
        if partial
        else "排除了" + "、".join(sorted({STAGE_NAMES[c.stage][1] for c in excluded}))
    )
    claim = full[0]
    yield ctx.finding(
        "BD003",
        message=f"The report says it quantifies the full life cycle ({claim.location.describe()}: "
        f"“{claim.location.quote or 'full life cycle'}”) but its boundary is {what_en} "
        f"({'; '.join(e.describe() for e in evidence)}). The result does not cover the use and "
        "end-of-life stages, so the full-life-cycle claim overstates it.",
        message_zh=f"报告称核算产品全生命周期的碳足迹（{claim.location.describe()}：“{claim.location.quote or '全生命周期'}”），"
        f"但系统边界为{what_zh}（{'；'.join(e.describe() for e in evidence)}）。结果不含使用和废弃阶段，"
        "“全生命周期”的表述言过其实。",
        locations=[quoted(claim.location, "全生命周期"), *evidence],
        reported="full life cycle",
        expected=partial[0].type.value if partial else "cradle-to-grave",
    )


# Data or datasets said to be used, as the interpreter reports them (Statement kinds).
def statements_of(report: Report, kind: StatementKind) -> list[Statement]:
    return [s for s in report.statements if s.kind is kind]
