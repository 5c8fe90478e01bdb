"""Build small Reports from literals for the arithmetic tests (recompute and rules).

``line("电力", qty="2410", q_unit="MWh", factor="0.5942", f_unit="tCO2/MWh", gwp="1",
result="1432.022", r_unit="tCO2e")`` — every number is parsed the way the interpreter parses
it (``vocab.numbers.parse_number``), every unit normalised by ``quantities``.
"""

from __future__ import annotations

from pcfaudit.model import (
    InventoryLine,
    Location,
    Number,
    ProductionVolume,
    Quantity,
    Report,
    ReportedValue,
    Statement,
)
from pcfaudit.vocab.numbers import parse_number
from pcfaudit.vocab.units import normalise_unit

_row = iter(range(1, 10_000))


def n(text: str) -> Number:
    number = parse_number(text)
    assert number is not None, text
    return number


def qty(text: str | None, unit_text: str | None) -> Quantity | None:
    if text is None:
        return None
    unit_text = unit_text or ""
    return Quantity(n(text), normalise_unit(unit_text) if unit_text else None, unit_text)


def loc(quote: str = "", line_no: int | None = None, table: int | None = None) -> Location:
    return Location(line=line_no if line_no is not None else next(_row), table=table, quote=quote)


def line(
    label: str,
    *,
    gas: str | None = None,
    qty_: str | None = None,
    q_unit: str | None = None,
    factor: str | None = None,
    f_unit: str | None = None,
    gwp: str | None = None,
    result: str | None = None,
    r_unit: str | None = None,
    share: str | None = None,
    group: str | None = None,
    category: str | None = None,
    table: int = 0,
    marks: dict[str, str] | None = None,
) -> InventoryLine:
    quote = " ".join(x for x in (label, gas, qty_, factor, gwp, result) if x)
    return InventoryLine(
        label=label,
        location=loc(quote, table=table),
        group=group,
        gas=gas,
        quantity=qty(qty_, q_unit),
        factor=qty(factor, f_unit),
        gwp=n(gwp) if gwp else None,
        result=qty(result, r_unit),
        share=n(share) if share else None,
        category=category,
        marks=dict(marks or {}),
        table=table,
    )


def value(kind: str, text: str, unit: str, label: str | None = None) -> ReportedValue:
    quantity = qty(text, unit)
    assert quantity is not None
    return ReportedValue(
        kind=kind, quantity=quantity, location=loc(f"{label or ''} {text}{unit}"), label=label
    )


def production(text: str, unit: str) -> ProductionVolume:
    quantity = qty(text, unit)
    assert quantity is not None
    return ProductionVolume(quantity=quantity, location=loc(f"{text}{unit}"))


def computation(text: str, subject: str, *numbers: str) -> Statement:
    return Statement(
        kind="text-computation",
        text=text,
        location=loc(text),
        subject=subject,
        values=[n(x) for x in numbers],
    )


# --------------------------------------------------------------------------- seeds

RESULT_T = "CO₂当量 (t)"


def seed000() -> Report:
    """Table 6.3-1 of seed 000 (Kunshan CT tube), as the interpreter should read it."""
    g_tr1, g_tr2, g_ref = "原材料运输 耗费柴油量 (t)", "产品运输 耗费柴油量 (t)", "空调制冷剂 (t)"
    lines = [
        line(
            "电力(MWh)",
            gas="CO2",
            qty_="2410",
            q_unit="MWh",
            factor="0.5942",
            f_unit="tCO2/MWh",
            gwp="1",
            result="1432.022",
            r_unit=RESULT_T,
        ),
        line(
            "天然气 (万 m³)",
            gas="CO2",
            factor="2.089",
            result="0",
            r_unit=RESULT_T,
            group="天然气",
            marks={"quantity": "/"},
        ),
        line(
            "外购蒸汽(GJ)",
            gas="CO2",
            factor="0.11",
            f_unit="tCO2/GJ",
            result="0",
            r_unit=RESULT_T,
            marks={"quantity": "/"},
        ),
        line(
            "原材料生产(t)",
            gas="CO2",
            result="0",
            r_unit=RESULT_T,
            marks={"quantity": "/", "factor": "/"},
        ),
        line(
            "二氧化碳灭火器",
            gas="CO2",
            qty_="0.01",
            factor="1",
            gwp="1",
            result="0.01",
            r_unit=RESULT_T,
        ),
        line(
            g_tr1,
            gas="CO2",
            qty_="60",
            q_unit="t",
            factor="1.593",
            f_unit="tCO2/t",
            gwp="1",
            result="95.58",
            r_unit=RESULT_T,
            group=g_tr1,
        ),
        line(g_tr1, gas="CH4", factor="0.0000683", gwp="25", group=g_tr1),
        line(g_tr1, gas="N2O", factor="0.0000137", gwp="298", group=g_tr1),
        line(
            g_tr2,
            gas="CO2",
            factor="1.593",
            f_unit="tCO2/t",
            gwp="1",
            result="159.3",
            r_unit=RESULT_T,
            group=g_tr2,
        ),
        line(g_tr2, gas="CH4", qty_="100", q_unit="t", factor="0.0000683", gwp="25", group=g_tr2),
        line(g_tr2, gas="N2O", factor="0.0000137", gwp="298", group=g_tr2),
        line(
            g_ref,
            gas="HFC-125",
            qty_="0.001",
            q_unit="t",
            factor="1",
            gwp="3500",
            result="0.001",
            r_unit=RESULT_T,
            group=g_ref,
        ),
        line(
            g_ref,
            gas="HFC-134a",
            qty_="0.001",
            q_unit="t",
            factor="1",
            gwp="1430",
            result="0.001",
            r_unit=RESULT_T,
            group=g_ref,
        ),
        line(
            g_ref,
            gas="HFC-143a",
            qty_="0.001",
            q_unit="t",
            factor="1",
            gwp="4470",
            result="0.001",
            r_unit=RESULT_T,
            group=g_ref,
        ),
        line(
            "产品使用(t)",
            gas="CO2",
            qty_="0",
            gwp="1",
            result="0",
            r_unit=RESULT_T,
            marks={"factor": "/"},
        ),
        line(
            "产品回收(t)",
            gas="CO2",
            qty_="0",
            gwp="1",
            result="0",
            r_unit=RESULT_T,
            marks={"factor": "/"},
        ),
    ]
    return Report(
        language="zh",
        inventory=lines,
        totals=[value("total", "1686.915", "tCO2e", "合计")],
        per_unit=[value("per-unit", "4.833", "tCO₂e")],
        production=[production("349", "件")],
        statements=[
            computation(
                "全厂二氧化碳储存量约为 100kg，且为压力容器储存，逸散量很小，以二氧化碳储存量的 1%计",
                "CO2-extinguisher",
                "100",
                "1%",
            ),
            computation(
                "全厂 R404A 的储存量约为 40kg，且为压力容器储存，逸散量很小，以 R404A 储存量的1%计",
                "R404A",
                "40",
                "1%",
            ),
        ],
    )


def seed002() -> Report:
    """Tables 4.1 / 4.2 and the prose shares of seed 002 (Hubei conveyor)."""
    rows = [
        ("电", "110.52", "3.314%", "能源获取"),
        ("水", "28.73", "0.862%", "能源获取"),
        ("钢材", "3156.00", "94.651%", "原料获取"),
        ("电机", "3.53", "0.106%", "原料获取"),
        ("减速机", "3.53", "0.106%", "原料获取"),
        ("油漆", "7.31", "0.219%", "原料获取"),
        ("二氧化碳", "19.73", "0.592%", "能源获取"),
        ("直接排放", "5.02", "0.151%", "生产过程"),
    ]
    lines = [
        line(label, result=res, r_unit="kgCO₂e", category=cat, table=1)
        for label, res, _, cat in rows
    ]
    lines[0].quantity = qty("208.52", "kWh")
    lines[0].factor = qty("0.53", "kgCO2e/kWh")
    shares = [value("share", s, "%", label) for label, _, s, _ in rows]
    shares += [
        value("prose-share", "95.082%", "%", "原料获取"),
        value("prose-share", "4.768%", "%", "能源获取"),
        value("prose-share", "94.651%", "%", "钢材"),
        value("prose-share", "3.314%", "%", "电"),
        value("prose-share", "0.862%", "%", "水"),
    ]
    return Report(
        language="zh",
        inventory=lines,
        totals=[value("total", "3334.37", "kgCO₂e")],
        per_unit=[value("per-unit", "3334.37", "kgCO₂e")],
        shares=shares,
    )
