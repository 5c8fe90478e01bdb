"""EPD rules on the boundary and the modules (EP014-EP019): what the text says the EPD
covers against the module declaration and the result matrices."""

from __future__ import annotations

from collections.abc import Iterator

from pcfaudit.model import Finding, Location, MatrixValue, Statement
from pcfaudit.rules.engine import RuleContext, rule
from pcfaudit.rules.epd_common import quoted

USE_MODULES = ("B1", "B2", "B3", "B4", "B5", "B6", "B7")
ALL = ("A1", "A2", "A3", "A4", "A5", *USE_MODULES, "C1", "C2", "C3", "C4", "D")


def _of(ctx: RuleContext, kind: str) -> list[Statement]:
    return [s for s in ctx.report.statements if s.kind == kind]


def _loc(s: Statement) -> Location:
    return s.location if s.location.quote else s.location.with_quote(s.text[:200])


def _status(ctx: RuleContext) -> dict[str, tuple[str, Location]]:
    """Module → (X / ND / MND / NR, where) from the module declaration (first mark wins)."""
    out: dict[str, tuple[str, Location]] = {}
    for d in ctx.report.module_declarations:
        out.setdefault(d.module, (d.status, d.location))
    return out


def _values(ctx: RuleContext, module: str) -> list[MatrixValue]:
    return [v for m in ctx.report.matrices for v in m.values if v.module == module]


# --------------------------------------------------------------------------- EP014


@rule("EP014")
def boundary_type_vs_modules(ctx: RuleContext) -> Iterator[Finding]:
    """The boundary type named in the text contradicts the modules declared.

    'Cradle to grave' means every life-cycle stage, use stage B1-B7 included, is assessed;
    'cradle to gate with options' means some modules after the gate are left out. An EPD
    that calls itself cradle to grave while use modules are 'not declared' (ND / MND), or
    cradle to gate with options while every module A1-D is declared, misdescribes its
    scope. Only boundary sentences about the EPD itself count (not 'Cradle to Cradle'
    certification or comparability notes).

    Example: "System boundary: cradle to grave (A + B + C + D)" with B1, B3-B7 marked ND.
    """
    stated = _of(ctx, "epd-boundary")
    status = _status(ctx)
    if not stated or not status:
        if stated:
            ctx.count(None)
        return
    kinds = {s.subject for s in stated}
    grave = next((s for s in stated if s.subject == "cradle-to-grave"), None)
    if grave is not None:
        missing = [m for m in USE_MODULES if status.get(m, ("X",))[0] in {"ND", "MND"}]
        ctx.count(not missing)
        if missing:
            zeros = [
                m
                for m in missing
                if _values(ctx, m) and all(v.number.value == 0 for v in _values(ctx, m))
            ]
            printed = f" (and the results print 0 for {', '.join(zeros)})" if zeros else ""
            yield ctx.finding(
                "EP014",
                message=(
                    f"The system boundary is described as 'cradle to grave' ({grave.location.describe()}) "
                    f"but modules {', '.join(missing)} are not declared (ND){printed}. A cradle-to-grave "
                    "EPD assesses every use-stage module; either the boundary name or the declaration is wrong."
                ),
                message_zh=(
                    f"系统边界称为“从摇篮到坟墓”（{grave.location.describe()}），但模块 {', '.join(missing)} "
                    "未声明（ND）。从摇篮到坟墓的 EPD 应评价全部使用阶段模块，边界名称或模块声明有误。"
                ),
                locations=[_loc(grave), *(status[m][1] for m in missing[:6])],
                reported="cradle to grave; " + ", ".join(f"{m} ND" for m in missing),
                expected="B1-B7 declared",
                key="grave",
            )
    options = next((s for s in stated if s.subject == "cradle-to-gate-with-options"), None)
    if options is not None and "cradle-to-grave" not in kinds:
        every = all(status.get(m, ("",))[0] == "X" for m in ALL)
        ctx.count(not every)
        if every:
            yield ctx.finding(
                "EP014",
                message=(
                    f"The EPD is described as 'cradle to gate with options' ({options.location.describe()}) "
                    "but every module A1-A5, B1-B7, C1-C4 and D is declared: that is a cradle-to-grave EPD."
                ),
                message_zh=f"EPD 称为“从摇篮到大门加选项”（{options.location.describe()}），但 A1–D 全部模块均已声明，实为从摇篮到坟墓。",
                locations=[_loc(options)],
                reported="cradle to gate with options; all modules declared",
                expected="cradle to grave",
                key="options",
            )


# --------------------------------------------------------------------------- EP015


@rule("EP015")
def rsl_vs_service_life(ctx: RuleContext) -> Iterator[Finding]:
    """The reference service life (RSL) in the declared unit differs from the service life
    stated elsewhere in the text.

    An RSL in the functional unit ('1 m² for 1 year') scales every use-stage result; when
    the product description says the product lasts 10 years, the results per year and per
    service life differ tenfold and the reader cannot tell which one the EPD means.

    Example: "Functional unit: 1 m² with a reference service life (RSL) of 1 year" …
    "The service life recommended by the manufacturer is 10 years".
    """
    rsl = [s for s in _of(ctx, "epd-rsl") if s.values]
    life = [s for s in _of(ctx, "epd-service-life") if s.values]
    if not rsl or not life:
        if rsl or life:
            ctx.count(None)
        return
    r = rsl[0]
    other = next((s for s in life if s.values[0].value != r.values[0].value), None)
    ctx.count(other is None)
    if other is None:
        return
    yield ctx.finding(
        "EP015",
        message=(
            f"The reference service life is {r.values[0].text} year(s) ({r.location.describe()}: "
            f"'{r.location.quote}') but the text states a service life of {other.values[0].text} years "
            f"({other.location.describe()}: '{other.location.quote}'). RSL {r.values[0].text} vs "
            f"{other.values[0].text} years: use-stage results depend on which one is meant."
        ),
        message_zh=(
            f"参考使用寿命（RSL）为 {r.values[0].text} 年（{r.location.describe()}），而文中所述使用寿命为 "
            f"{other.values[0].text} 年（{other.location.describe()}），使用阶段结果取决于采用哪一个。"
        ),
        locations=[_loc(r), _loc(other)],
        reported=f"RSL {r.values[0].text} year",
        expected=f"{other.values[0].text} years",
    )


# --------------------------------------------------------------------------- EP016


def _all_zero(values: list[MatrixValue]) -> bool:
    return len(values) >= 3 and all(v.number.value == 0 for v in values)


@rule("EP016")
def end_of_life_text_vs_zero(ctx: RuleContext) -> Iterator[Finding]:
    """The end-of-life text describes a process the results leave at zero.

    A C3 description of crushing or sorting, or a module D that credits recycling or
    inert-filler use, needs results: C3 printed as 0 in every indicator, or no material
    for recycling (MFR) in any module while D claims a recycling credit, means the
    scenario described was not modelled (or the text was copied from another EPD).

    Example: "C3: crushing of discarded tiles before recycling" while every C3 value is
    0.00E+00.
    """
    eol = _of(ctx, "epd-eol")
    if not eol or not ctx.report.matrices:
        return
    c3_text = [s for s in eol if s.subject in {"crushing|C3", "recycling|C3"}]
    c3_values = _values(ctx, "C3")
    if c3_text:
        zero = _all_zero(c3_values)
        ctx.count(not zero if c3_values else None)
        if zero:
            s = c3_text[0]
            what = (s.subject or "|").split("|")[0]
            yield ctx.finding(
                "EP016",
                message=(
                    f"The C3 scenario describes {what} ({s.location.describe()}: '{s.location.quote}') "
                    f"but C3 is zero in every indicator read ({len(c3_values)} values, e.g. "
                    f"{c3_values[0].indicator} = {c3_values[0].number.text}). The waste processing "
                    "described was not modelled, or the text does not describe this EPD."
                ),
                message_zh=f"C3 情景描述了{what}（{s.location.describe()}），但 C3 所有指标均为零（共 {len(c3_values)} 个数值）。所述废弃物处理未建模，或文字与本 EPD 不符。",
                locations=[_loc(s), quoted(c3_values[0])],
                reported=f"C3 = {c3_values[0].number.text}",
                expected="C3 results for the process described",
                key="c3",
            )
    d_text = [s for s in eol if s.subject in {"recycling|D", "inert-filler|D"}]
    mfr = [v for m in ctx.report.matrices for v in m.values if v.indicator == "MFR"]
    if d_text and mfr:
        zero = _all_zero(mfr)
        ctx.count(not zero)
        if zero:
            s = d_text[0]
            yield ctx.finding(
                "EP016",
                message=(
                    f"Module D credits recycling ({s.location.describe()}: '{s.location.quote}') but "
                    f"materials for recycling (MFR) are 0 in every module ({len(mfr)} values). A "
                    "recycling credit needs a flow of material leaving the system for recycling."
                ),
                message_zh=f"模块 D 计入了回收效益（{s.location.describe()}），但所有模块的回收材料（MFR）均为零。回收效益须有离开系统去回收的物料流。",
                locations=[_loc(s), quoted(mfr[0])],
                reported=f"MFR = {mfr[0].number.text}",
                expected="MFR > 0 where D credits recycling",
                key="d-mfr",
            )


# --------------------------------------------------------------------------- EP017


@rule("EP017")
def landfill_without_waste(ctx: RuleContext) -> Iterator[Finding]:
    """The product is landfilled at end of life but non-hazardous waste disposed (NHWD) is
    0 in C4.

    A product sent to landfill in C4 is waste disposed: its mass appears in NHWD (or HWD)
    of C4. A zero there, with a C4 landfill scenario in the text, means the waste
    indicators were not filled.

    Example: "C4: tiles end up at construction and demolition waste landfills" but
    NHWD C4 = 0.00E+00 kg.
    """
    landfill = [s for s in _of(ctx, "epd-eol") if (s.subject or "").startswith("landfill|C4")]
    if not landfill:
        landfill = [s for s in _of(ctx, "epd-eol") if (s.subject or "").startswith("landfill|")]
    nhwd = [
        v
        for m in ctx.report.matrices
        for v in m.values
        if v.indicator == "NHWD" and v.module == "C4"
    ]
    hwd = [
        v
        for m in ctx.report.matrices
        for v in m.values
        if v.indicator == "HWD" and v.module == "C4"
    ]
    if not landfill or not nhwd:
        return
    zero = all(v.number.value == 0 for v in nhwd + hwd)
    ctx.count(not zero)
    if not zero:
        return
    s, v = landfill[0], nhwd[0]
    yield ctx.finding(
        "EP017",
        message=(
            f"The end-of-life scenario sends the product to landfill ({s.location.describe()}: "
            f"'{s.location.quote}') but non-hazardous waste disposed (NHWD) in C4 is {v.number.text} "
            f"{v.unit or 'kg'}. The landfilled mass is waste disposed and belongs in NHWD (or HWD) of C4."
        ),
        message_zh=f"寿命末期情景将产品填埋（{s.location.describe()}），但 C4 的无害废弃物处置量（NHWD）为 {v.number.text}。填埋质量即处置的废弃物，应计入 C4 的 NHWD（或 HWD）。",
        locations=[_loc(s), quoted(v)],
        reported=f"NHWD C4 = {v.number.text}",
        expected="the landfilled mass",
    )


# --------------------------------------------------------------------------- EP018

WASTE = ("HWD", "NHWD", "RWD")


@rule("EP018")
def mandatory_indicators_missing(ctx: RuleContext) -> Iterator[Finding]:
    """The waste indicators EN 15804 requires (hazardous, non-hazardous and radioactive
    waste disposed) are not reported, or set to zero on the ground that the database
    'already accounts for' waste.

    EN 15804 makes HWD, NHWD and RWD mandatory in every declared module. Background
    datasets (refining, quarrying, electricity) do produce waste flows, so 'all waste
    equals zero because of the database' is not a justification. Judged only when other
    inventory indicators (resource use, output flows) or a 'waste is zero' sentence were
    read; without that sentence, only when no table row names a waste indicator (an
    unreadable table is not a missing one).

    Example: "All waste equals zero due to the use of ecoinvent as the database" and no
    waste table.
    """
    indicators = {i for m in ctx.report.matrices for i in m.indicators}
    if len(ctx.report.matrices) < 2 or len(indicators) < 5:
        return
    claim = next(iter(_of(ctx, "epd-waste-zero-claim")), None)
    outputs = indicators & {"CRU", "MFR", "MER", "EEE", "EET", "SM", "PERE", "PENRE", "FW"}
    pictures_unread = any(
        r.kind in ("image", "scanned-page") and not r.ocr for r in ctx.document_stats.unread
    )
    if claim is None and (not outputs or _of(ctx, "epd-waste-named") or pictures_unread):
        # An LCA table of impacts only, waste indicators named in a table not read, or a
        # table that is a picture pcfaudit could not read: unread is not missing.
        return
    missing = [w for w in WASTE if w not in indicators]
    ctx.count(not missing)
    if not missing or (len(missing) < len(WASTE) and claim is None):
        return
    why = f" The EPD says: '{claim.text[:160]}'." if claim else ""
    yield ctx.finding(
        "EP018",
        message=(
            f"The mandatory waste indicators {', '.join(missing)} (hazardous, non-hazardous, "
            f"radioactive waste disposed) are not reported in any result table.{why} EN 15804 "
            "requires them in every declared module; background processes produce waste, so zero "
            "is not a justification."
        ),
        message_zh=f"未报告 EN 15804 规定的废弃物指标 {', '.join(missing)}（危险、无害、放射性废弃物处置量）。背景过程同样产生废弃物，“数据库已包含”不能作为其为零的理由。",
        locations=[_loc(claim)] if claim else [ctx.report.matrices[0].location],
        reported="not reported",
        expected=", ".join(missing),
    )


# --------------------------------------------------------------------------- EP019


@rule("EP019")
def recycled_claim_vs_tables(ctx: RuleContext) -> Iterator[Finding]:
    """The text says recycled (reclaimed, secondary) material is used, but the tables say
    none is: the content table's recycled column is 0 in every row, or the use of
    secondary material (SM) is 0 in A1-A3.

    Example: "Reclaimed asphalt is used in several of the declared mixtures" while the
    content table gives RA 0 % for every group and SM A1-A3 = 0.00 kg.
    """
    claims = _of(ctx, "epd-recycled-claim")
    if not claims:
        return
    shares = _of(ctx, "epd-recycled-share")
    sm = [v for m in ctx.report.matrices for v in m.values
          if v.indicator == "SM" and v.module in {"A1", "A1-A3", "A3"}]  # fmt: skip
    zero_table = len(shares) >= 2 and all(s.values and s.values[0].value == 0 for s in shares)
    zero_sm = bool(sm) and all(v.number.value == 0 for v in sm)
    nonzero = any(s.values and s.values[0].value != 0 for s in shares) or any(
        v.number.value != 0 for v in sm
    )
    if nonzero or not (zero_table or zero_sm):
        ctx.count(True if nonzero else None)
        return
    ctx.count(False)
    c = claims[0]
    evidence = []
    if zero_table:
        col = (shares[0].subject or "recycled").split("|")[0]
        evidence.append(f"the content table gives {col} = 0 in all {len(shares)} rows")
    if zero_sm:
        evidence.append(f"SM (use of secondary material) {sm[0].module} = {sm[0].number.text}")
    yield ctx.finding(
        "EP019",
        message=(
            f"The text says recycled/reclaimed material is used ({c.location.describe()}: "
            f"'{c.text[:140]}') but {' and '.join(evidence)}. The content declaration and results "
            "do not contain the recycled material the text describes."
        ),
        message_zh=f"文中称使用了再生/回收材料（{c.location.describe()}），但{'；'.join(evidence)}。成分声明与结果中没有文中所述的再生材料。",
        locations=[_loc(c), *(_loc(s) for s in shares[:3]), *(quoted(v) for v in sm[:1])],
        reported="0",
        expected="recycled content > 0",
    )
