"""Clean, internally consistent synthetic PCF reports (as :class:`Spec`), deterministic per seed.

Annual inventory of one product line in tCO2e: quantity × factor × GWP computed exactly from
the printed quantity and factor, rounded once to the printed decimals; total = sum of the
printed rows; per-unit = total ÷ production (kgCO2e per functional unit); shares from the
printed values. Factors sit inside the reference pack's windows; GWP values come from the pack.
"""

from __future__ import annotations

import random
from decimal import Decimal
from typing import cast

from bench.quality.spec import STAGES, Row, Spec, q
from pcfaudit.reference import load_pack

TEMPLATES = ("zh_a", "zh_b", "zh_c", "en_a", "en_b", "zh_d", "en_c", "en_d",
             "zh_e", "en_e", "en_f", "zh_f")  # fmt: skip
# Templates whose fuels print as CO2/CH4/N2O row groups.
GROUPED = ("zh_a", "zh_c", "en_a", "en_b", "en_e", "en_f", "zh_f")
# Templates that print materials in kg and electricity in 万kWh / kWh (factors stay per t, MWh).
MIXED_UNITS = ("zh_e", "en_f", "zh_f")

# name, fu kind, FU unit (zh, en), production range, material t per unit, MWh per unit, use MWh
PRODUCTS: list[dict[str, object]] = [
    {"zh": "永磁同步电机", "en": "permanent-magnet synchronous motor", "kind": "count",
     "unit": ("台", "unit"), "prod": (6000, 20000),
     "mat": {"steel": "0.085", "copper": "0.012", "aluminium": "0.009", "paint": "0.0008"},
     "elec": "0.15", "use": "2.4"},
    {"zh": "焊接钢结构件", "en": "welded steel structure", "kind": "mass", "unit": ("t", "t"),
     "prod": (3000, 9000), "mat": {"steel": "1.03", "paint": "0.004"}, "elec": "0.12",
     "use": ""},
    {"zh": "交联聚乙烯绝缘电力电缆", "en": "XLPE insulated power cable", "kind": "length",
     "unit": ("km", "km"), "prod": (800, 3000),
     "mat": {"copper": "0.45", "pe": "0.28", "steel": "0.12"}, "elec": "1.5", "use": ""},
    {"zh": "磷酸铁锂储能系统", "en": "LFP battery energy storage system", "kind": "energy",
     "unit": ("kWh", "kWh"), "prod": (50000, 200000),
     "mat": {"aluminium": "0.0021", "copper": "0.0012", "steel": "0.004", "plastics": "0.0009"},
     "elec": "0.02", "use": "0.09"},
    {"zh": "塑料周转箱", "en": "plastic crate", "kind": "count", "unit": ("个", "piece"),
     "prod": (200000, 600000), "mat": {"pp": "0.0018"}, "elec": "0.0012", "use": ""},
]  # fmt: skip

# key -> (zh label, en label, factor window tCO2e/t)
MATERIALS = {
    "steel": ("钢材", "Steel sheet", ("2.05", "2.55")),
    "copper": ("电解铜", "Copper cathode", ("3.6", "5.4")),
    "aluminium": ("铝锭", "Aluminium ingot", ("13.5", "17.8")),
    "paint": ("油漆", "Paint", ("2.6", "4.4")),
    "pe": ("聚乙烯", "Polyethylene", ("1.95", "2.7")),
    "pp": ("聚丙烯", "Polypropylene", ("1.95", "2.7")),
    "plastics": ("塑料件", "Plastic parts", ("2.2", "3.8")),
}
COMPANIES_ZH = ("江苏恒远机电有限公司", "浙江华泰新材料股份有限公司", "安徽瑞丰电气有限公司",
                "山东鲁盛装备制造有限公司", "广东粤能科技有限公司")  # fmt: skip
COMPANIES_EN = ("Hengyuan Electromechanical Co., Ltd.", "Huatai New Materials Co., Ltd.",
                "Ruifeng Electric Co., Ltd.", "Lusheng Equipment Manufacturing Co., Ltd.")  # fmt: skip
REGIONS = ("全国", "华东", "华北", "华中", "南方")
# fuel: (zh, en, CO2 t/unit, CH4 t/unit, N2O t/unit, unit)
DIESEL = ("3.0959", "0.000129", "0.0000258")
NAT_GAS = ("21.622", "0.000389", "0.0000389")


def _dec(rng: random.Random, low: str, high: str, decimals: int) -> Decimal:
    lo, hi = Decimal(low), Decimal(high)
    return Decimal(q(lo + (hi - lo) * Decimal(rng.random()), decimals))


def _row(key: str, label: str, stage: str, gas: str, qty: str, qu: str, factor: str, fu: str,
         gwp: str, group: str = "", decimals: int = 3) -> Row:  # fmt: skip
    result = q(Decimal(qty) * Decimal(factor) * Decimal(gwp), decimals)
    return Row(key, label, stage, gas, qty, qu, factor, fu, gwp, result, group)


def recompute_row(row: Row) -> None:
    """Result = quantity (in the factor's unit) × factor × GWP, exactly, rounded to the
    printed decimals."""
    if row.blank:
        return
    dec = len(row.result.split(".")[1]) if "." in row.result else 0
    exact = Decimal(row.quantity) * Decimal(row.scale) * Decimal(row.factor) * Decimal(row.gwp)
    row.result = q(exact, dec)


def _mixed_units(rows: list[Row], zh: bool) -> None:
    """Materials in kg, electricity in 万kWh (zh) or kWh (en): the printed quantity changes,
    its value in the factor's unit (t, MWh) and so the result do not."""
    for row in rows:
        if row.qty_unit == "t" and row.stage == "raw":
            row.quantity, row.qty_unit, row.scale = (
                q(Decimal(row.quantity) * 1000, 0),
                "kg",
                "0.001",
            )
        elif row.qty_unit == "MWh" and zh:
            row.quantity, row.qty_unit, row.scale = q(Decimal(row.quantity) / 10, 2), "万kWh", "10"
        elif row.qty_unit == "MWh":
            row.quantity, row.qty_unit, row.scale = (
                q(Decimal(row.quantity) * 1000, 0),
                "kWh",
                "0.001",
            )


def finish(spec: Spec) -> None:
    """Totals, stage results, shares and per-unit value from the printed rows."""
    total = sum((Decimal(r.result) for r in spec.rows if not r.blank), Decimal(0))
    spec.total = q(total, 3)
    stages: dict[str, Decimal] = {}
    for r in spec.rows:
        if spec.boundary == "gate" and r.stage not in ("raw", "production"):
            continue
        stages.setdefault(r.stage, Decimal(0))
        if not r.blank:
            stages[r.stage] += Decimal(r.result)
    spec.stage_results = {s: q(v, 3) for s, v in stages.items()}
    spec.stage_shares = {s: q(v / total * 100, 2) for s, v in stages.items()}
    for r in spec.rows:
        r.share = "" if r.blank else q(Decimal(r.result) / total * 100, 2)
    per_unit = Decimal(spec.total) * 1000 / Decimal(spec.production[-1])
    spec.per_unit = q(per_unit, 3 if per_unit < 10 else 2)
    spec.hotspot = max(stages, key=lambda s: stages[s])


def generate(seed: int, template: str | None = None) -> Spec:
    rng = random.Random(seed)
    pack = load_pack()
    template = template or TEMPLATES[seed % len(TEMPLATES)]
    lang = template[:2]
    zh = lang == "zh"
    product = PRODUCTS[rng.randrange(len(PRODUCTS))]
    unit_zh, unit_en = cast(tuple[str, str], product["unit"])
    fu_unit = unit_zh if zh else unit_en
    lo, hi = cast(tuple[int, int], product["prod"])
    production = Decimal(rng.randrange(lo // 100, hi // 100) * 100)
    boundary = "grave" if product["use"] and rng.random() < 0.6 else "gate"
    gwp_report = rng.choice(("AR4", "AR5", "AR6"))

    def gwp(gas: str) -> str:
        value = pack.gwp(gwp_report, gas)
        assert value is not None, (gwp_report, gas)
        return format(value, "f")

    period = rng.choice((2022, 2023, 2024))
    grid_year = min(period, 2023) if rng.random() < 0.5 else min(period - 1, 2023)
    region = rng.choice(REGIONS)
    grid = pack.grid_factor(grid_year, region)
    assert grid is not None, (grid_year, region)
    grid_value = format(grid.value, "f")

    rows: list[Row] = []
    for key, per in product["mat"].items():  # type: ignore[attr-defined]
        zh_label, en_label, (f_lo, f_hi) = MATERIALS[key]
        qty = q(production * Decimal(per) * _dec(rng, "0.97", "1.03", 3), 2)
        factor = _dec(rng, f_lo, f_hi, 2)
        rows.append(_row(key, zh_label if zh else en_label, "raw", "CO2", qty, "t",
                         format(factor, "f"), "tCO2e/t", "1"))  # fmt: skip
    mwh = q(production * Decimal(product["elec"]) * _dec(rng, "0.9", "1.1", 3), 1)  # type: ignore[arg-type]
    rows.append(_row("electricity", "外购电力" if zh else "Purchased electricity", "production",
                     "CO2", mwh, "MWh", grid_value, "tCO2/MWh", "1"))  # fmt: skip
    groups = template in GROUPED
    fuels = [
        (
            "diesel",
            "柴油（叉车）" if zh else "Diesel (forklifts)",
            _dec(rng, "4", "40", 2),
            "t",
            DIESEL,
        )
    ]
    if rng.random() < 0.7:
        fuels.append(("natural-gas", "天然气" if zh else "Natural gas", _dec(rng, "1.5", "30", 3),
                      "万m³" if zh else "10^4 m³", NAT_GAS))  # fmt: skip
    for key, label, qty_d, unit, (co2, ch4, n2o) in fuels:
        qty = format(qty_d, "f")
        fu_co2 = f"tCO2/{unit}"
        rows.append(
            _row(
                key,
                label,
                "production",
                "CO2",
                qty,
                unit,
                co2,
                fu_co2,
                "1",
                label if groups else "",
            )
        )
        if groups:
            rows.append(
                _row(
                    key,
                    label,
                    "production",
                    "CH4",
                    qty,
                    unit,
                    ch4,
                    f"tCH4/{unit}",
                    gwp("CH4"),
                    label,
                )
            )
            rows.append(
                _row(
                    key,
                    label,
                    "production",
                    "N2O",
                    qty,
                    unit,
                    n2o,
                    f"tN2O/{unit}",
                    gwp("N2O"),
                    label,
                )
            )
    if rng.random() < 0.6:
        leak = q(_dec(rng, "0.002", "0.02", 3), 3)
        rows.append(_row("refrigerant", "制冷剂逸散（HFC-134a）" if zh else "Refrigerant leakage (HFC-134a)",
                         "production", "HFC-134a", leak, "t", "1", "t/t", gwp("HFC-134a")))  # fmt: skip
    if boundary == "grave":
        fuel = q(production * Decimal("0.0004") * _dec(rng, "0.5", "2", 3), 2)
        rows.append(_row("diesel", "柴油（产品运输）" if zh else "Diesel (delivery trucks)",
                         "distribution", "CO2", fuel, "t", DIESEL[0], "tCO2/t", "1"))  # fmt: skip
        use = q(production * Decimal(product["use"]) * _dec(rng, "0.9", "1.1", 3), 1)  # type: ignore[arg-type]
        rows.append(_row("electricity", "使用阶段电力" if zh else "Electricity in use", "use",
                         "CO2", use, "MWh", grid_value, "tCO2/MWh", "1"))  # fmt: skip
        waste = q(production * Decimal(next(iter(product["mat"].values()))) * Decimal("0.2"), 2)  # type: ignore[attr-defined]
        rows.append(_row("landfill", "废弃产品填埋" if zh else "Landfill of end-of-life product",
                         "eol", "CO2", waste, "t", "0.025", "tCO2e/t", "1"))  # fmt: skip
    rows.sort(key=lambda r: STAGES.index(r.stage))
    if template in MIXED_UNITS:
        _mixed_units(rows, zh)

    collect_month = rng.randint(1, 4)
    report_month = collect_month + rng.randint(1, 6)
    gwp_stated = {"CH4": gwp("CH4"), "N2O": gwp("N2O")}
    if any(r.key == "refrigerant" for r in rows):
        gwp_stated["HFC-134a"] = gwp("HFC-134a")
    standards = ["ISO 14067:2018"]
    if zh:
        standards.insert(0, "GB/T 24067-2024")
    standards.append(
        rng.choice(("PAS 2050:2011", "ISO 14044:2006", "GHG Protocol Product Standard"))
    )
    spec = Spec(
        seed=seed,
        template=template,
        lang=lang,
        company=rng.choice(COMPANIES_ZH if zh else COMPANIES_EN),
        product=str(product["zh"] if zh else product["en"]),
        fu_kind=str(product["kind"]),
        fu_amount="1",
        fu_units=[fu_unit] * 3,
        production=[format(production, "f")] * 2,
        production_unit=fu_unit,
        period_year=period,
        collection=(period + 1, collect_month),
        report_date=(period + 1, report_month, rng.randint(1, 28)),
        standards=standards,
        boundary=boundary,
        purpose_full_life_cycle=boundary == "grave",
        gwp_declared=gwp_report,
        gwp_stated=gwp_stated,
        rows=rows,
        sources_text=sorted({r.key for r in rows if r.stage == "production"}),
        grid_label=(grid_year, region),
        grid_quote=grid_value,
        equipment=(
            "空压机" if zh else "air compressors",
            rng.randint(2, 6),
            0,
            str(rng.choice((22, 37, 45))),
        ),
    )
    spec.equipment = (spec.equipment[0], spec.equipment[1], spec.equipment[1], spec.equipment[3])
    finish(spec)
    return spec
