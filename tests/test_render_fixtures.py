"""Hand-made AuditResults for the renderer tests (imported by the other test_render_* files).

``realistic_result`` is modelled on a Chinese cradle-to-grave report: findings of every
severity, Chinese quotes, text and PDF locations, an inventory table, a waived finding and
an unmatched waiver. ``unreadable_result`` is a scanned PDF the tool could not read.
"""

from __future__ import annotations

from decimal import Decimal

from pcfaudit.model import (
    AuditResult,
    CheckCounts,
    Coverage,
    Finding,
    Impact,
    InventoryLine,
    Location,
    Number,
    Quantity,
    Report,
    ReportedValue,
)


def num(text: str) -> Number:
    decimals = len(text.split(".")[1]) if "." in text else 0
    return Number(text=text, value=Decimal(text.replace(",", "")), decimals=decimals)


def qty(text: str, unit: str) -> Quantity:
    return Quantity(number=num(text), unit=unit, unit_text=unit)


def row(r: int, quote: str) -> Location:
    return Location(line=300 + r, table=2, row=r, section="6.3", quote=quote)


def inventory() -> list[InventoryLine]:
    def line(
        r: int, label: str, gas: str, q: str, qu: str, f: str, fu: str, g: str | None, res: str
    ) -> InventoryLine:
        return InventoryLine(
            label=label,
            location=row(r, label),
            gas=gas,
            quantity=qty(q, qu),
            factor=qty(f, fu),
            gwp=num(g) if g else None,
            result=qty(res, "tCO2e"),
            table=2,
        )

    return [
        line(1, "外购电力", "CO2", "2410", "MWh", "0.5942", "tCO2/MWh", "1", "1432.022"),
        line(2, "柴油（运输）", "CO2", "60", "t", "1.593", "tCO2/t", "1", "95.58"),
        line(3, "柴油（叉车）", "CO2", "100", "t", "1.593", "tCO2/t", "1", "159.3"),
        line(4, "制冷剂 R404A", "HFC-125", "0.001", "t", "1", "t/t", "3500", "0.001"),
        line(5, "制冷剂 R404A", "HFC-134a", "0.001", "t", "1", "t/t", "1430", "0.001"),
        line(6, "制冷剂 R404A", "HFC-143a", "0.001", "t", "1", "t/t", "4470", "0.001"),
        line(7, "CO2 灭火器", "CO2", "0.01", "t", "1", "t/t", "1", "0.01"),
    ]


def realistic_result() -> AuditResult:
    report = Report(
        language="zh",
        title="CT 球管产品碳足迹报告",
        inventory=inventory(),
        totals=[
            ReportedValue(
                kind="total",
                quantity=qty("1686.915", "tCO2e"),
                location=Location(line=310, table=2, row=8, section="6.3", quote="合计 1686.915"),
            )
        ],
        numbers_seen=412,
    )
    findings = [
        Finding(
            rule="GWP001",
            category="gwp",
            severity="error",
            title="GWP values from different IPCC reports",
            title_zh="GWP 取值混用不同 IPCC 报告",
            message="The text declares IPCC AR4 but gives CH4 = 21, the SAR value; the table uses AR4 values.",
            message_zh="正文声明采用 IPCC AR4，却给出 CH4 = 21（SAR 数值）；表格采用 AR4 数值。",
            locations=[
                Location(line=118, section="3.6", quote="甲烷的特征化因子就是 21"),
                row(4, "HFC-125 3500"),
            ],
            reported="21",
            expected="25",
            fingerprint="9c1e0000aaaa0001",
        ),
        Finding(
            rule="ARI001",
            category="arithmetic",
            severity="error",
            title="Line result does not equal quantity × factor × GWP",
            title_zh="排放量不等于活动数据 × 排放因子 × GWP",
            message="0.001 t × 3500 = 3.5 tCO2e, reported 0.001 tCO2e.",
            message_zh="0.001 t × 3500 = 3.5 tCO2e，报告值为 0.001 tCO2e。",
            locations=[row(4, "HFC-125 0.001 1 3500 0.001")],
            reported="0.001",
            expected="3.5",
            likely_cause="GWP factor not applied",
            impact=Impact(value="3.499", unit="tCO2e", share_of_total=0.00207),
            fingerprint="9c1e0000aaaa0002",
        ),
        Finding(
            rule="ARI001",
            category="arithmetic",
            severity="error",
            title="Line result does not equal quantity × factor × GWP",
            title_zh="排放量不等于活动数据 × 排放因子 × GWP",
            message="0.001 t × 4470 = 4.47 tCO2e, reported 0.001 tCO2e.",
            message_zh="0.001 t × 4470 = 4.47 tCO2e，报告值为 0.001 tCO2e。",
            locations=[row(6, "HFC-143a 0.001 1 4470 0.001")],
            reported="0.001",
            expected="4.47",
            likely_cause="GWP factor not applied",
            impact=Impact(value="4.469", unit="tCO2e", share_of_total=0.00265),
            fingerprint="9c1e0000aaaa0003",
        ),
        Finding(
            rule="UNI002",
            category="units",
            severity="error",
            title="Quantity off by a power of ten",
            title_zh="数量相差 10 的整数次幂",
            message="100 kg × 1 % = 1 kg = 0.001 t, the table enters 0.01 t.",
            message_zh="100 kg × 1 % = 1 kg = 0.001 t，表中填写 0.01 t。",
            locations=[
                Location(line=240, section="6.3", quote="二氧化碳灭火器 100kg，泄漏率 1%"),
                row(7, "CO2 灭火器 0.01"),
            ],
            reported="0.01",
            expected="0.001",
            likely_cause="×10 decimal shift",
            fingerprint="9c1e0000aaaa0004",
        ),
        Finding(
            rule="EF001",
            category="emission-factor",
            severity="error",
            title="Emission factor quoted differs from the one used",
            title_zh="引用的排放因子与计算所用不一致",
            message="The source list gives 0.5703 tCO2/MWh; the calculation uses 0.5942.",
            message_zh="数据来源列出 0.5703 tCO2/MWh，计算中使用 0.5942。",
            locations=[
                Location(
                    page=14,
                    bbox=(72.0, 200.5, 523.0, 214.0),
                    section="6.1",
                    quote="0.5703 tCO2/MWh",
                ),
                row(1, "外购电力 2410 0.5942"),
            ],
            reported="0.5942",
            expected="0.5703",
            impact=Impact(value="57.6", unit="tCO2e", share_of_total=0.0341),
            fingerprint="9c1e0000aaaa0005",
        ),
        Finding(
            rule="OMI001",
            category="omission",
            severity="warning",
            title="Source named in the text but absent from the inventory",
            title_zh="正文提到的排放源未列入清单",
            message="Natural gas is used in production and the canteen, but its consumption is '/' and its emissions 0.",
            message_zh="生产和食堂使用天然气，但其消耗量为“/”，排放量为 0。",
            locations=[
                Location(line=236, section="6.3", quote="生产和废气治理过程使用天然气、蒸汽和电")
            ],
            fingerprint="9c1e0000aaaa0006",
        ),
        Finding(
            rule="NAR001",
            category="narrative",
            severity="warning",
            title="Hotspot statement contradicts the numbers",
            title_zh="热点描述与数据矛盾",
            message="The summary says raw material acquisition has the largest impact; electricity is 85 % of the total.",
            message_zh="摘要称原材料获取阶段影响最大；而电力占总量的 85 %。",
            locations=[
                Location(line=12, section="摘要", quote="原材料获取阶段对产品碳足迹影响最大")
            ],
            fingerprint="9c1e0000aaaa0007",
        ),
        Finding(
            rule="ARI002",
            category="arithmetic",
            severity="info",
            title="Value truncated instead of rounded",
            title_zh="数值被截断而非四舍五入",
            message="1686.915 / 349 = 4.83357…, printed 4.833 (rounds to 4.834).",
            message_zh="1686.915 / 349 = 4.83357…，报告为 4.833（四舍五入应为 4.834）。",
            locations=[Location(line=402, section="6.4", quote="单位产品碳足迹为 4.833 tCO2e/支")],
            reported="4.833",
            expected="4.834",
            fingerprint="9c1e0000aaaa0008",
        ),
        Finding(
            rule="STD001",
            category="standard",
            severity="info",
            title="Superseded standard cited",
            title_zh="引用了已被替代的标准",
            message="ISO/TS 14067:2013 is cited; it was replaced by ISO 14067:2018.",
            message_zh="报告引用 ISO/TS 14067:2013，该标准已被 ISO 14067:2018 替代。",
            locations=[Location(line=40, section="2", quote="ISO/TS 14067:2013")],
            fingerprint="9c1e0000aaaa0009",
            waived={"reason": "Client contract names the 2013 TS", "reviewer": "李工"},
        ),
    ]
    return AuditResult(
        tool={"name": "pcfaudit", "version": "0.1.0"},
        source={
            "path": "reports/昆山 CT 球管.txt",
            "sha256": "ab" * 32,
            "format": "text",
            "pages": None,
            "language": "zh",
        },
        report=report,
        findings=findings,
        coverage=Coverage(
            pages=None,
            blocks=220,
            tables=6,
            numbers=412,
            inventory_lines=7,
            checks=CheckCounts(passed=58, failed=9, cannot_tell=3),
            garbled_ratio=0.0,
        ),
        reference={"gwp": "IPCC AR4/AR5/AR6 via globalwarmingpotentials 0.13"},
        unmatched_waivers=[
            {"fingerprint": "0011223344556677", "reason": "old table layout", "reviewer": "王工"}
        ],
    )


def unreadable_result() -> AuditResult:
    return AuditResult(
        tool={"name": "pcfaudit", "version": "0.1.0"},
        source={"path": "scan.pdf", "sha256": "cd" * 32, "format": "pdf", "pages": 3},
        report=Report(language="zh"),
        findings=[
            Finding(
                rule="EXT001",
                category="extraction",
                severity="error",
                title="No text could be extracted",
                title_zh="无法提取文字",
                message="None of the 3 pages has a text layer; the report looks scanned.",
                message_zh="3 页均无文字层，报告似为扫描件。",
                locations=[Location(page=1)],
                fingerprint="ee00000000000001",
            )
        ],
        coverage=Coverage(pages=3, checks=CheckCounts(), garbled_ratio=0.0),
    )


def clean_result() -> AuditResult:
    r = realistic_result()
    r.findings = []
    r.unmatched_waivers = []
    return r


def test_fixtures_are_consistent() -> None:
    r = realistic_result()
    assert r.summary == {"error": 5, "warning": 2, "info": 1}
    assert len({f.fingerprint for f in r.findings}) == len(r.findings)
