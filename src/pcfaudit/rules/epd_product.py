"""EPD rules on the product's materials (EP028): what the packaging and content tables
say against the carbon the EPD declares."""

from __future__ import annotations

from collections.abc import Iterator

from pcfaudit.model import Finding, Location, Statement
from pcfaudit.rules.engine import RuleContext, rule


def _of(ctx: RuleContext, kind: str) -> list[Statement]:
    return [s for s in ctx.report.statements if s.kind == kind]


def _loc(s: Statement) -> Location:
    return s.location if s.location.quote else s.location.with_quote(s.text[:200])


# --------------------------------------------------------------------------- EP028

FIBRE = ("cardboard", "carton", "paper", "wood", "pallet", "timber", "纸", "木")
C_PER_KG = (0.3, 0.55)  # kg C per kg of paper/board/wood as delivered (dry wood 0.5, EN 16449)


@rule("EP028")
def packaging_biogenic_carbon(ctx: RuleContext) -> Iterator[Finding]:
    """The biogenic carbon content of the packaging does not fit the mass of its paper,
    board and wood.

    Paper, cardboard and wood hold 0.3-0.55 kg of biogenic carbon per kg as delivered
    (dry wood 0.5 kg C/kg per EN 16449); the packaging's biogenic carbon declared per
    declared unit must lie in that window times the mass of fibre-based packaging listed.
    Far below means the carbon (and so the A1-A3 uptake and A5 release) is missing.

    Example: cardboard box 0.109 kg + wooden pallet 0.100 kg, but 'biogenic carbon
    content in packaging 1.09E-03 kg C' (expected 0.063-0.115 kg C).
    """
    declared = [s for s in _of(ctx, "epd-biogenic-carbon") if s.subject == "packaging" and s.values]
    fibre = [
        s for s in _of(ctx, "epd-packaging-mass")
        if s.values and any(w in (s.subject or "").lower() for w in FIBRE)
        and (s.subject or "").endswith("|kg")
    ]  # fmt: skip
    if not declared or not fibre:
        return
    seen: dict[str, Statement] = {}
    for s in fibre:
        seen.setdefault((s.subject or "").lower(), s)  # a table repeated per product lists it again
    mass = sum(float(s.values[0].value) for s in seen.values())
    low, high = mass * C_PER_KG[0], mass * C_PER_KG[1]
    d = declared[0]
    c = float(d.values[0].value)
    ok = low <= c <= high or mass == 0
    ctx.count(ok)
    if ok:
        return
    listed = " + ".join(
        f"{(s.subject or '').split('|')[0]} {s.values[0].text} kg" for s in seen.values()
    )
    yield ctx.finding(
        "EP028",
        message=(
            f"The biogenic carbon content of the packaging is {d.values[0].text} kg C "
            f"({d.location.describe()}), but its paper, board and wood weigh {listed} = {mass:.3g} kg, "
            f"which hold {low:.3g}-{high:.3g} kg C at 0.3-0.55 kg C/kg. The packaging's biogenic "
            "carbon (and the uptake and release it implies in A1-A3 and A5) does not match its materials."
        ),
        message_zh=(
            f"包装的生物成因碳含量为 {d.values[0].text} kg C，而其纸、纸板和木材质量为 {listed} = {mass:.3g} kg，"
            f"按 0.3–0.55 kg C/kg 应含 {low:.3g}–{high:.3g} kg C，二者不符。"
        ),
        locations=[_loc(d), *(_loc(s) for s in list(seen.values())[:4])],
        reported=f"{d.values[0].text} kg C",
        expected=f"{low:.3g}-{high:.3g} kg C",
    )


# --------------------------------------------------------------------------- EP029

USE = ("B1", "B2", "B3", "B4", "B5", "B6", "B7")


@rule("EP029")
def use_stage_without_service_life(ctx: RuleContext) -> Iterator[Finding]:
    """Use-stage modules (B1-B7) report results but the EPD states no reference service
    life (RSL) and no service life.

    Maintenance, repair, replacement and operational use are per year or per life cycle
    of the product: without an RSL (or a stated frequency over a service life) a B2
    cleaning scenario has no time basis, and its results cannot be scaled to a building's
    life or compared with another product's. Judged only when a use module prints a
    non-zero result.

    Example: "B2: 0.2 mL detergent and 0.1 L water to wash 1 m²" with B2 GWP-total
    5.18E-01 and no RSL anywhere in the EPD.
    """
    values = [
        v
        for m in ctx.report.matrices
        for v in m.values
        if v.number.value != 0 and any(b in v.module for b in USE)
    ]
    if not values:
        return
    stated = _of(ctx, "epd-rsl") or _of(ctx, "epd-service-life")
    ctx.count(bool(stated))
    if stated:
        return
    modules = list(dict.fromkeys(v.module for v in values))
    first = next((v for v in values if v.indicator.startswith("GWP")), values[0])
    scenario = next(
        (s for s in _of(ctx, "epd-use-scenario") if s.subject and s.subject in modules), None
    )
    said = f" The scenario says: '{scenario.location.quote}'." if scenario else ""
    yield ctx.finding(
        "EP029",
        message=(
            f"Use-stage module(s) {', '.join(modules)} report results (e.g. {first.indicator} "
            f"{first.module} = {first.number.text}) but the EPD states no reference service life "
            f"(RSL) or service life.{said} Without an RSL or a frequency over a service life the "
            "use-stage results have no time basis."
        ),
        message_zh=(
            f"使用阶段模块 {', '.join(modules)} 给出了结果（如 {first.indicator} {first.module} = "
            f"{first.number.text}），但 EPD 未声明参考使用寿命（RSL）或使用寿命，使用阶段结果没有时间基准。"
        ),
        locations=[*([_loc(scenario)] if scenario else []), first.location],
        reported="no RSL",
        expected="an RSL or a frequency for the use-stage scenario",
    )
