"""Synthetic EPDs for the EPD tests: a clean and a defective version of one English EPD
(markdown), one Chinese EPD (text, modules as rows) and one PDF whose result cells are split
over lines. Values are generated from exact 'true' numbers rounded to three significant
digits, so every sum in the clean versions holds within honest rounding.

    .venv/bin/python tests/epd_fixtures.py      # rewrites fixtures/synthetic/epd_*
"""

from __future__ import annotations

from decimal import ROUND_HALF_UP, Decimal
from pathlib import Path

SYN = Path(__file__).resolve().parents[1] / "fixtures" / "synthetic"

MODS = ["A1", "A2", "A3", "A4", "A5", "C1", "C2", "C3", "C4", "D"]
FOSSIL = ["251.234", "10.4567", "12.3456", "8.76543", "3.21098", "2.34567", "5.67891", "1.23456", "0.987654", "-12.3456"]  # fmt: skip
BIO = ["-1.23456", "0.0123456", "1.83333", "0.00456", "1.8765", "0.000123", "0.00234", "0.0456", "0.0123", "-0.0345"]  # fmt: skip
LULUC = ["0.345678", "0.00456", "0.0234", "0.00345", "0.00123", "0.000234", "0.00123", "0.000456", "0.00234", "-0.00567"]  # fmt: skip
PENRT = ["2101.5", "150.42", "320.77", "120.3", "45.6", "30.1", "80.2", "15.3", "9.87", "-150.4"]
ODP = ["1.2345e-5", "2.3456e-6", "3.4567e-7", "1.1e-6", "2.2e-7", "3.3e-8", "4.4e-7", "5.5e-8", "6.6e-9", "-7.7e-8"]  # fmt: skip
MASS = Decimal(2400)


def sci(x: Decimal, comma: bool = False) -> str:
    """Three significant digits in E notation: 2.49E+02."""
    if x == 0:
        return "0.00E+00"
    exp = x.copy_abs().adjusted()
    m = (x / Decimal(10) ** exp).quantize(Decimal("0.01"), rounding=ROUND_HALF_UP)
    if abs(m) >= 10:
        m, exp = m / 10, exp + 1
        m = m.quantize(Decimal("0.01"), rounding=ROUND_HALF_UP)
    s = f"{m}E{'+' if exp >= 0 else '-'}{abs(exp):02d}"
    return s.replace(".", ",") if comma else s


def table_data() -> dict[str, dict[str, Decimal]]:
    rows: dict[str, dict[str, Decimal]] = {}
    for name, vals in (("GWP-fossil", FOSSIL), ("GWP-biogenic", BIO), ("GWP-luluc", LULUC),
                       ("PENRT", PENRT), ("ODP", ODP)):  # fmt: skip
        rows[name] = dict(zip(MODS, (Decimal(v) for v in vals), strict=True))
    rows["GWP-total"] = {
        m: rows["GWP-fossil"][m] + rows["GWP-biogenic"][m] + rows["GWP-luluc"][m] for m in MODS
    }
    rows["GWP-GHG"] = {m: rows["GWP-fossil"][m] + rows["GWP-luluc"][m] for m in MODS}
    for r in rows.values():
        r["A1-A3"] = r["A1"] + r["A2"] + r["A3"]
        r["C1-C4"] = r["C1"] + r["C2"] + r["C3"] + r["C4"]
        r["total"] = r["A1-A3"] + r["A4"] + r["A5"] + r["C1-C4"]
    return rows


UNITS = {"GWP-total": "kg CO2 eq.", "GWP-fossil": "kg CO2 eq.", "GWP-biogenic": "kg CO2 eq.",
         "GWP-luluc": "kg CO2 eq.", "GWP-GHG": "kg CO2 eq.", "ODP": "kg CFC-11 eq.", "PENRT": "MJ"}  # fmt: skip
FULL = ["A1", "A2", "A3", "A1-A3", "A4", "A5", "C1", "C2", "C3", "C4", "D"]


def en_epd(defects: bool) -> str:
    d = table_data()
    cell = {(i, m): sci(v) for i, row in d.items() for m, v in row.items()}
    if defects:
        cell[("GWP-total", "A3")] = "1.85E+01"  # EP001: parts sum to 14.2
        cell[("PENRT", "A1-A3")] = "2.87E+03"  # EP003: A1+A2+A3 = 2572.69
        cell[("GWP-GHG", "A5")] = "3.10E+00"  # EP002: below fossil + luluc (3.21)
    per_kg = {(i, m): sci(d[i][m] / MASS) for i in ("GWP-total", "GWP-fossil") for m in ("A1-A3", "A4", "C1-C4", "D")}  # fmt: skip
    if defects:
        per_kg[("GWP-total", "A4")] = "4.66E-03"  # EP004: 8.77 / 2400 = 3.65E-03
    summary = dict(cell)
    if defects:  # EP005: the summary's GWP-fossil row carries GWP-total's values
        for m in ("A1-A3", "A4", "A5", "C1-C4", "D", "total"):
            summary[("GWP-fossil", m)] = cell[("GWP-total", m)]
        summary[("GWP-total", "total")] = "2.87E+02"  # EP003: total (A-C) is 3.06E+02
    issued, until = "2023-05-12", ("2029-05-11" if defects else "2028-05-11")
    pcr2 = "1.2.5" if defects else "1.3.4"
    edition2 = "EN 15804+A1" if defects else "EN 15804:2012+A2:2019"
    du2 = "1 t" if defects else "1 m³"
    content_total = "2380" if defects else "2400"  # EP009: rows and mass say 2400
    co2 = "1.50" if defects else "1.83"
    decl = {m: "X" for m in ["A1", "A2", "A3", "A4", "A5", "C1", "C2", "C3", "C4", "D"]}
    decl.update({m: "MND" for m in ["B1", "B2", "B3", "B4", "B5", "B6", "B7"]})
    if defects:
        decl["C1"] = "MND"  # EP007: results printed for C1
        decl["B1"] = "X"  # EP007: no results for B1
    order = [
        "A1",
        "A2",
        "A3",
        "A4",
        "A5",
        "B1",
        "B2",
        "B3",
        "B4",
        "B5",
        "B6",
        "B7",
        "C1",
        "C2",
        "C3",
        "C4",
        "D",
    ]
    unit_pert = "kg CO2 eq." if defects else "MJ"  # EP006
    lines = [
        "# Environmental Product Declaration: Ready-mixed concrete C30/37",
        "",
        "In accordance with ISO 14025 and EN 15804:2012+A2:2019.",
        "Programme: The International EPD System. PCR 2019:14 Construction products, version 1.3.4.",
        "EPDs based on EN 15804+A1 are not comparable with this EPD.",
        "",
        f"Date of issue: {issued}",
        "",
        f"Valid until: {until}",
        "",
        "## 1. Product",
        "",
        "Declared unit: 1 m³ of ready-mixed concrete.",
        "",
        "Mass per declared unit: 2400 kg.",
        "",
        "Table 1. Content declaration per declared unit",
        "",
        "| Component | Mass (kg) | Share (%) |",
        "|---|---|---|",
        "| Cement | 320 | 13.3 |",
        "| Aggregates | 1900 | 79.2 |",
        "| Water | 170 | 7.1 |",
        "| Admixtures | 10 | 0.4 |",
        f"| Total | {content_total} | 100 |",
        "",
        "## 2. System boundary",
        "",
        "Table 2. Modules declared",
        "",
        "| Module | " + " | ".join(order) + " |",
        "|---|" + "---|" * len(order),
        "| Declared | " + " | ".join(decl[m] for m in order) + " |",
        "",
        "## 3. Results",
        "",
        f"The LCA follows PCR 2019:14 version {pcr2} and {edition2}. The declared unit is {du2} of concrete.",
        "",
        "GWP-GHG excludes biogenic uptake, emissions and storage (GWP-fossil + GWP-luluc).",
        "",
        "Table 3. Environmental impact indicators per declared unit",
        "",
        "| Indicator | Unit | " + " | ".join(FULL) + " |",
        "|---|---|" + "---|" * len(FULL),
    ]
    for ind in ("GWP-total", "GWP-fossil", "GWP-biogenic", "GWP-luluc", "GWP-GHG", "ODP", "PENRT"):
        lines.append(f"| {ind} | {UNITS[ind]} | " + " | ".join(cell[(ind, m)] for m in FULL) + " |")
    pert = [sci(v * Decimal("1.1")) for v in (d["PENRT"][m] for m in FULL)]
    lines.append(f"| PERT | {unit_pert} | " + " | ".join(pert) + " |")
    sm = ["A1-A3", "A4", "A5", "C1-C4", "D", "total"]
    lines += [
        "",
        "Table 4. Summary: climate change per declared unit",
        "",
        "| Indicator | A1-A3 | A4 | A5 | C1-C4 | D | Total |",
        "|---|---|---|---|---|---|---|",
        "| GWP-total | " + " | ".join(summary[("GWP-total", m)] for m in sm) + " |",
        "| GWP-fossil | " + " | ".join(summary[("GWP-fossil", m)] for m in sm) + " |",
        "",
        "Table 5. Climate change per kg of concrete",
        "",
        "| Indicator | Unit | A1-A3 | A4 | C1-C4 | D |",
        "|---|---|---|---|---|---|",
    ]
    for ind in ("GWP-total", "GWP-fossil"):
        lines.append(f"| {ind} | kg CO2 eq. | " + " | ".join(per_kg[(ind, m)] for m in ("A1-A3", "A4", "C1-C4", "D")) + " |")  # fmt: skip
    lines += [
        "",
        "Table 6. Biogenic carbon content at the factory gate",
        "",
        "| Biogenic carbon content | Unit | Value |",
        "|---|---|---|",
        "| Biogenic carbon content in product | kg C | 0 |",
        "| Biogenic carbon content in accompanying packaging | kg C | 0.50 |",
        "",
        f"The biogenic carbon in the packaging, 0.50 kg C, corresponds to {co2} kg CO2.",
        "",
    ]
    return "\n".join(lines)


def zh_epd(defects: bool) -> str:
    """Modules as rows, Chinese indicator names, per tonne of steel."""
    d = table_data()
    cell = {(i, m): sci(v) for i, row in d.items() for m, v in row.items()}
    if defects:
        cell[("GWP-total", "C2")] = "6.86E+00"  # EP001: parts sum to 5.68
        cell[("GWP-fossil", "A1-A3")] = "2.47E+02"  # EP003: A1+A2+A3 = 274.04
    until = "2023年2月28日" if defects else "2029年2月28日"
    du2 = "1立方米" if defects else "1吨"
    names = [("全球变暖潜势-总计", "GWP-total"), ("全球变暖潜势-化石", "GWP-fossil"),
             ("全球变暖潜势-生物源", "GWP-biogenic"), ("全球变暖潜势-土地利用及土地利用变化", "GWP-luluc")]  # fmt: skip
    rows = ["A1", "A2", "A3", "A1-A3", "C1", "C2", "C3", "C4", "D"]
    lines = [
        "钢材环境产品声明（EPD）",
        "",
        "本声明依据 ISO 14025 与 EN 15804:2012+A2:2019 编制。",
        "发布日期：2024年3月1日",
        f"有效期至：{until}",
        "",
        "1 产品信息",
        "",
        "声明单位：1吨热轧钢材。",
        "",
        "2 系统边界",
        "",
        "表1 声明的模块",
        "",
        "模块\tA1\tA2\tA3\tA4\tA5\tB1\tC1\tC2\tC3\tC4\tD",
        "是否声明\tX\tX\tX\tMND\tMND\tMND\tX\tX\tX\tX\tX",
        "",
        "3 结果",
        "",
        f"本研究的功能单位为{du2}热轧钢材。",
        "",
        "表2 每吨产品的气候变化结果（kg CO2 当量）",
        "",
        "模块\t" + "\t".join(f"{n}（kg CO2当量）" for n, _ in names),
    ]
    for m in rows:
        lines.append(m + "\t" + "\t".join(cell[(i, m)] for _, i in names))
    lines.append("")
    return "\n".join(lines)


def pdf_epd(path: Path, defects: bool) -> None:
    """An EN 15804 results table in a ruled PDF table whose cells wrap: mantissa and
    exponent on separate lines, the sign on its own line, decimal commas."""
    from reportlab import rl_config
    from reportlab.lib import colors
    from reportlab.lib.pagesizes import A4, landscape
    from reportlab.lib.styles import getSampleStyleSheet
    from reportlab.platypus import Paragraph, SimpleDocTemplate, Spacer, Table, TableStyle

    rl_config.invariant = 1
    d = table_data()
    mods = ["A1-A3", "A4", "C1", "C2", "C3", "C4", "D"]

    def split(x: Decimal) -> str:
        s = sci(x, comma=True)
        mant, exp = s.split("E")
        if mant.startswith("-"):
            return f"-\n{mant[1:]}E{exp}"  # the sign alone on the first line
        return f"{mant}\nE{exp}"  # mantissa, then exponent

    cell = {(i, m): split(d[i][m]) for i in d for m in mods}
    if defects:
        cell[("GWP-total", "C2")] = "6,86\nE+00"
    ss = getSampleStyleSheet()
    head = ["Indicator", "Unit", *mods]
    data = [head]
    for ind in ("GWP-total", "GWP-fossil", "GWP-biogenic", "GWP-luluc"):
        data.append([ind, "kg CO2 eq.", *(cell[(ind, m)] for m in mods)])
    decl = [["Module", "A1", "A2", "A3", "A4", "A5", "B1", "C1", "C2", "C3", "C4", "D"],
            ["Declared", "X", "X", "X", "X", "MND", "MND", "X", "X", "X", "X", "X"]]  # fmt: skip
    grid = TableStyle(
        [("GRID", (0, 0), (-1, -1), 0.5, colors.black), ("FONTSIZE", (0, 0), (-1, -1), 8)]
    )
    t1 = Table(decl, colWidths=[60] + [30] * 11)
    t1.setStyle(grid)
    t2 = Table(data, colWidths=[80, 60] + [48] * len(mods))
    t2.setStyle(grid)
    doc = SimpleDocTemplate(str(path), pagesize=landscape(A4), title="EPD", author="pcfaudit")
    doc.build([
        Paragraph("Environmental Product Declaration: Hot-rolled steel", ss["Heading1"]),
        Paragraph("Declared unit: 1 t of hot-rolled steel. Date of issue: 2024-03-01. Valid until: 2029-02-28.", ss["Normal"]),
        Spacer(1, 8),
        Paragraph("Table 1. Modules declared", ss["Normal"]),
        t1,
        Spacer(1, 8),
        Paragraph("Table 2. Environmental impacts per declared unit", ss["Normal"]),
        t2,
    ])  # fmt: skip


def write_all() -> None:
    for defects, tag in ((False, "clean"), (True, "defects")):
        (SYN / f"epd_en_{tag}.md").write_text(en_epd(defects), encoding="utf-8")
        (SYN / f"epd_zh_{tag}.txt").write_text(zh_epd(defects), encoding="utf-8")
        pdf_epd(SYN / f"epd_en_split_{tag}.pdf", defects)


if __name__ == "__main__":
    write_all()


def test_text_fixtures_are_up_to_date() -> None:
    """The committed epd_* text fixtures are what this module generates."""
    for defects, tag in ((False, "clean"), (True, "defects")):
        assert (SYN / f"epd_en_{tag}.md").read_text(encoding="utf-8") == en_epd(defects)
        assert (SYN / f"epd_zh_{tag}.txt").read_text(encoding="utf-8") == zh_epd(defects)
        assert (SYN / f"epd_en_split_{tag}.pdf").stat().st_size > 1000
