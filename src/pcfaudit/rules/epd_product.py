"""EPD rules on the product's materials (EP028, EP031): what the packaging and content tables
say against the carbon the EPD declares."""

from __future__ import annotations

from collections.abc import Iterator

from pcfaudit.model import Finding, Location, MatrixValue, Statement
from pcfaudit.rules.engine import RuleContext, rule
from pcfaudit.rules.epd_common import quoted
from pcfaudit.vocab.epd import FIBRE_PACKAGING


def _of(ctx: RuleContext, kind: str) -> list[Statement]:
    return [s for s in ctx.report.statements if s.kind == kind]


def _loc(s: Statement) -> Location:
    return s.location if s.location.quote else s.location.with_quote(s.text[:200])


# --------------------------------------------------------------------------- EP028


def _fibre_packaging(ctx: RuleContext) -> dict[str, Statement]:
    """Paper, board and wood of the packaging table in kg, one per material (a table
    repeated per product lists it again)."""
    seen: dict[str, Statement] = {}
    for s in _of(ctx, "epd-packaging-mass"):
        subject = (s.subject or "").lower()
        if s.values and subject.endswith("|kg") and any(w in subject for w in FIBRE_PACKAGING):
            seen.setdefault(subject, s)
    return seen


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
    if not declared or not _fibre_packaging(ctx):
        return
    seen = _fibre_packaging(ctx)
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


# --------------------------------------------------------------------------- EP031

CO2_PER_C = 44 / 12
UPTAKE_RATIO = 10  # the expected uptake must dwarf the printed A1-A3 value to speak


@rule("EP031")
def packaging_uptake_missing(ctx: RuleContext) -> Iterator[Finding]:
    """Paper, board or wood packaging is listed, but GWP-biogenic in A1-A3 shows no uptake
    of its carbon.

    Under EN 15804+A2 (6.3.4.3) the biogenic carbon of packaging enters the system as an
    uptake in A1-A3 (-1) and leaves it where the packaging is disposed of, in A5 (+1).
    Fibre packaging holds 0.3-0.55 kg C per kg, so its uptake is about 1.1-2.0 kg CO2 per
    kg. When that uptake is at least ten times the printed A1-A3 GWP-biogenic and the
    printed value is positive, the uptake was not modelled (and the release, if any, lands
    in a module where it does not belong). A warning: biogenic emissions in the product's
    own processes could offset an uptake, which the EPD would then have to show.

    Example: packaging corrugated board 69.9 kg + kraft paper 33.2 kg per t (113-208 kg CO2
    uptake) while GWP-biogenic A1-A3 = +3.76 kg CO2 eq. and C4 = +107.
    """
    fibre = _fibre_packaging(ctx)
    biogenic = _biogenic_a1_a3(ctx)
    if not fibre or biogenic is None:
        return
    mass = sum(float(s.values[0].value) for s in fibre.values())
    low = mass * C_PER_KG[0] * CO2_PER_C
    high = mass * C_PER_KG[1] * CO2_PER_C
    printed = float(biogenic.number.value)
    ok = printed <= 0 or low < UPTAKE_RATIO * printed
    ctx.count(ok)
    if ok:
        return
    listed = " + ".join(
        f"{(s.subject or '').split('|')[0]} {s.values[0].text} kg" for s in fibre.values()
    )
    releases = _largest_biogenic_releases(ctx, biogenic)
    later = f" The largest biogenic releases are in {releases}." if releases else ""
    later_zh = f"最大的生物成因排放出现在 {releases}。" if releases else ""
    yield ctx.finding(
        "EP031",
        message=(
            f"The packaging holds paper, board or wood ({listed} = {mass:.3g} kg), whose biogenic "
            f"carbon is an uptake of about {low:.3g}-{high:.3g} kg CO2 in A1-A3 under EN 15804+A2, "
            f"but GWP-biogenic A1-A3 is {biogenic.number.text} ({_place(biogenic)}): the uptake was "
            f"not modelled, or is offset by biogenic emissions the EPD does not show.{later}"
        ),
        message_zh=(
            f"包装含纸、纸板或木材（{listed} = {mass:.3g} kg），按 EN 15804+A2 其生物成因碳应在 A1-A3 "
            f"计为约 {low:.3g}–{high:.3g} kg CO2 的吸收，但 A1-A3 的 GWP-biogenic 为 {biogenic.number.text}"
            f"（{_place(biogenic)}）：未建模该吸收，或被 EPD 未说明的生物成因排放抵消。{later_zh}"
        ),
        locations=[quoted(biogenic), *(_loc(s) for s in list(fibre.values())[:4])],
        reported=f"GWP-biogenic A1-A3 {biogenic.number.text}",
        expected=f"about -{low:.3g} to -{high:.3g} kg CO2 eq. from the packaging's uptake",
        likely_cause="biogenic carbon of packaging not taken up in A1-A3 (-1/+1 not applied)",
        likely_cause_zh="包装的生物成因碳未在 A1-A3 计为吸收（未采用 -1/+1 方法）",
    )


def _biogenic_a1_a3(ctx: RuleContext) -> MatrixValue | None:
    for matrix in ctx.report.matrices:
        for v in matrix.values:
            if v.indicator == "GWP-biogenic" and v.module == "A1-A3":
                return v
    return None


def _largest_biogenic_releases(ctx: RuleContext, a1_a3: MatrixValue) -> str:
    values = [
        v
        for m in ctx.report.matrices
        for v in m.values
        if v.indicator == "GWP-biogenic" and v.module != "A1-A3" and v.number.value > 0
        and v.number.value >= a1_a3.number.value
    ]  # fmt: skip
    values.sort(key=lambda v: -v.number.value)
    return ", ".join(f"{v.module} {v.number.text}" for v in values[:2])


def _place(v: MatrixValue) -> str:
    return v.location.describe()
