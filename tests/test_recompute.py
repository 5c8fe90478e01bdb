"""recompute: honest-rounding checks on hand-built Reports mirroring the seeds, on inputs of
our own (English, thousands separators, unit slips), and property tests."""

from __future__ import annotations

import json
from decimal import Decimal
from fractions import Fraction

from hypothesis import given, settings
from hypothesis import strategies as st

from arith_helpers import computation, line, production, seed000, seed002, value
from pcfaudit.model import Quantity, Report, ReportedValue, to_jsonable
from pcfaudit.recompute import Check, recompute


def by_label(checks: list[Check], relation: str) -> dict[str, Check]:
    return {c.label or c.id: c for c in checks if c.relation == relation}


# --------------------------------------------------------------------------- seed 000


def test_seed000_silent_lines_and_total() -> None:
    checks = recompute(seed000())
    lines = by_label(checks, "line")
    assert lines["电力(MWh) CO2"].status == "pass"  # 2410 × 0.5942 = 1432.022
    assert lines["原材料运输 耗费柴油量 (t) CO2"].status == "pass"  # 60 × 1.593 = 95.58
    transport = lines["产品运输 耗费柴油量 (t) CO2"]  # quantity printed on the CH4 row
    assert transport.status == "pass"
    assert transport.note == "quantity taken from the row group"
    assert lines["二氧化碳灭火器 CO2"].status == "pass"
    (total,) = [c for c in checks if c.relation == "total"]
    assert total.status == "pass" and total.expected == "1686.915"


def test_seed000_refrigerant_rows_gwp_not_applied() -> None:
    lines = by_label(recompute(seed000()), "line")
    for gas, expected in (("HFC-125", "3.500"), ("HFC-134a", "1.430"), ("HFC-143a", "4.470")):
        check = lines[f"空调制冷剂 (t) {gas}"]
        assert check.status == "fail"
        assert check.reported == "0.001"
        assert check.expected == expected
        assert check.diagnosis is not None and check.diagnosis.code == "gwp-not-applied"
        assert check.impact is not None and check.impact.unit == "tCO2e"


def test_seed000_per_unit_truncated() -> None:
    (check,) = [c for c in recompute(seed000()) if c.relation == "per-unit"]
    assert check.status == "truncated"
    assert check.reported == "4.833" and check.expected == "4.834"


def test_seed000_text_computations() -> None:
    checks = [c for c in recompute(seed000()) if c.relation == "text-computation"]
    extinguisher = next(c for c in checks if c.label and c.label.startswith("CO2-extinguisher"))
    assert extinguisher.status == "fail"
    assert extinguisher.expected == "0.001"  # 100 kg × 1 % = 1 kg = 0.001 t
    assert extinguisher.diagnosis is not None
    assert extinguisher.diagnosis.code == "power-of-ten" and extinguisher.diagnosis.exponent == 1
    r404a = {c.label: c for c in checks if c.label and c.label.startswith("R404A")}
    assert r404a["R404A HFC-125"].expected == "0.000176"  # 0.4 kg × 44 %
    assert r404a["R404A HFC-134a"].expected == "0.000016"
    assert r404a["R404A HFC-143a"].expected == "0.000208"
    assert all(c.status == "fail" for c in r404a.values())


# --------------------------------------------------------------------------- seed 002


def test_seed002_traps_stay_silent() -> None:
    checks = recompute(seed002())
    assert [c for c in checks if c.status in {"fail", "truncated"}] == []
    shares = by_label(checks, "share")
    assert shares["电"].status == "pass"  # 3.314 % from unrounded 110.5156
    assert by_label(checks, "line")["电"].status == "pass"  # 208.52 × 0.53 = 110.5156
    (total,) = [c for c in checks if c.relation == "share-sum"]
    assert total.status == "pass" and total.reported == "100.001"
    prose = by_label(checks, "prose-share")
    assert prose["原料获取"].status == "pass"  # 95.082 %
    assert prose["能源获取"].status == "pass"  # 4.768 %


def test_checks_are_json_serialisable() -> None:
    data = to_jsonable(recompute(seed000()))
    text = json.dumps(data, ensure_ascii=False)
    assert '"gwp-not-applied"' in text


# --------------------------------------------------------------------------- own inputs


def english_report(electricity_result: str = "1,432.022", gas_result: str = "2,089.0") -> Report:
    """An English table with thousands separators."""
    return Report(
        language="en",
        inventory=[
            line(
                "Purchased electricity",
                qty_="2,410",
                q_unit="MWh",
                factor="0.5942",
                f_unit="tCO2/MWh",
                result=electricity_result,
                r_unit="tCO2e",
            ),
            line(
                "Natural gas",
                qty_="1,000",
                q_unit="GJ",
                factor="2.089",
                f_unit="tCO2/GJ",
                result=gas_result,
                r_unit="tCO2e",
            ),
            line(
                "Refrigerant",
                gas="CH4",
                qty_="1.000",
                q_unit="t",
                factor="1",
                gwp="25",
                result="25.000",
                r_unit="tCO2e",
            ),
        ],
        totals=[value("total", "3,546.022", "tCO2e", "Total")],
        per_unit=[value("per-unit", "3.546", "tCO2e")],
        production=[production("1,000", "units")],
    )


def test_english_table_with_thousands_separators_is_consistent() -> None:
    checks = recompute(english_report())
    assert [c.status for c in checks] == ["pass"] * 5


def test_kg_t_slip_is_named() -> None:
    checks = recompute(english_report(electricity_result="1,432,022"))
    check = by_label(checks, "line")["Purchased electricity"]
    assert check.status == "fail"
    assert check.diagnosis is not None
    assert check.diagnosis.code == "unit-slip"
    assert check.diagnosis.exponent == 3
    assert check.diagnosis.unit_slip in {"kg↔t", "kWh↔MWh"}


def test_kwh_mwh_slip_in_quantity_column() -> None:
    """Quantity printed in kWh under an MWh heading: the result is 1000× too small."""
    report = Report(
        inventory=[
            line(
                "外购电力",
                qty_="2410",
                q_unit="千瓦时",
                factor="0.5942",
                f_unit="tCO2/MWh",
                gwp="1",
                result="1432.022",
                r_unit="tCO2e",
            ),
        ]
    )
    (check,) = recompute(report)
    assert check.status == "fail"
    assert check.diagnosis is not None and check.diagnosis.code == "unit-slip"
    assert check.diagnosis.exponent == 3 and check.diagnosis.unit_slip in {"kWh↔MWh", "kg↔t"}


def test_mj_gj_and_wan_conversions_pass() -> None:
    report = Report(
        inventory=[
            line(
                "蒸汽",
                qty_="5000",
                q_unit="MJ",
                factor="0.11",
                f_unit="tCO2/GJ",
                gwp="1",
                result="0.55",
                r_unit="tCO2e",
            ),
            line(
                "天然气",
                qty_="1.2",
                q_unit="万m³",
                factor="2.162",
                f_unit="kgCO2/m3",
                gwp="1",
                result="25.944",
                r_unit="tCO2e",
            ),
        ]
    )
    assert [c.status for c in recompute(report)] == ["pass", "pass"]


def test_shares_that_do_not_add_up() -> None:
    report = Report(
        inventory=[
            line("Steel", result="600", r_unit="kgCO2e", share="60.0%"),
            line("Electricity", result="300", r_unit="kgCO2e", share="30.0%"),
            line("Transport", result="100", r_unit="kgCO2e", share="8.0%"),
        ],
        totals=[value("total", "1000", "kgCO2e")],
    )
    checks = recompute(report)
    shares = by_label(checks, "share")
    assert shares["Transport"].status == "fail" and shares["Transport"].expected == "10.0"
    (total,) = [c for c in checks if c.relation == "share-sum"]
    assert total.status == "fail" and total.reported == "98.0"


def test_total_mismatch_and_transposition() -> None:
    report = Report(
        inventory=[
            line("A", result="1234.5", r_unit="t"),
            line("B", result="100.0", r_unit="t"),
        ],
        totals=[value("total", "1343.5", "t", "合计")],
    )
    (check,) = [c for c in recompute(report) if c.relation == "total"]
    assert check.status == "fail" and check.expected == "1334.5"
    assert check.diagnosis is not None and check.diagnosis.code == "transposition"


def test_unknown_unit_power_of_ten_cannot_tell() -> None:
    """No factor unit: a ×1000 gap may be a conversion we cannot see."""
    report = Report(
        inventory=[
            line("Paint", qty_="6.77", q_unit="kg", factor="1080", result="7.31", r_unit="kgCO2e")
        ]
    )
    (check,) = recompute(report)
    assert check.status == "cannot-tell"


def test_other_gwp_diagnosed() -> None:
    report = Report(
        inventory=[
            line(
                "Wastewater",
                gas="CH4",
                qty_="2.00",
                q_unit="t",
                factor="1",
                gwp="25",
                result="42.00",
                r_unit="tCO2e",
            )
        ]
    )
    (check,) = recompute(report)
    assert check.diagnosis is not None and check.diagnosis.code == "other-gwp"
    assert check.diagnosis.gwp == "SAR: CH4 = 21"


def test_text_computation_english() -> None:
    report = Report(
        inventory=[
            line(
                "CO2 fire extinguishers",
                gas="CO2",
                qty_="0.002",
                q_unit="t",
                factor="1",
                gwp="1",
                result="0.002",
                r_unit="tCO2e",
            )
        ],
        statements=[
            computation(
                "about 200 kg of CO2 stored, leakage taken as 1 %", "CO2-extinguisher", "200", "1 %"
            )
        ],
    )
    (check,) = [c for c in recompute(report) if c.relation == "text-computation"]
    assert check.status == "pass"


# --------------------------------------------------------------------------- properties


def _print(x: Fraction, decimals: int) -> str:
    q = Decimal(1).scaleb(-decimals)
    d = (Decimal(x.numerator) / Decimal(x.denominator)).quantize(q)
    return format(d, "f")


amounts = st.fractions(min_value=Fraction(1, 10), max_value=Fraction(100000), max_denominator=10000)
factors = st.fractions(min_value=Fraction(1, 1000), max_value=Fraction(10), max_denominator=100000)
decimals = st.integers(min_value=0, max_value=4)


@st.composite
def consistent_tables(draw: st.DrawFn) -> tuple[list[tuple[Fraction, Fraction]], list[int]]:
    rows = draw(st.lists(st.tuples(amounts, factors), min_size=2, max_size=6))
    return rows, [draw(decimals) for _ in range(5)]


def _table(
    rows: list[tuple[Fraction, Fraction]], d: list[int], *, slip: Fraction | None = None
) -> Report:
    results = [q * f for q, f in rows]
    total = sum(results, Fraction(0))
    lines = []
    for i, ((q, f), r) in enumerate(zip(rows, results, strict=True)):
        printed_r = r * slip if slip is not None and i == 0 else r
        lines.append(
            line(
                f"L{i}",
                gas="CO2",
                qty_=_print(q, d[0]),
                q_unit="t",
                factor=_print(f, d[1] + 2),
                f_unit="tCO2/t",
                gwp="1",
                result=_print(printed_r, d[2]),
                r_unit="tCO2e",
                share=_print(r / total * 100, d[3]) + "%",
            )
        )
    return Report(inventory=lines, totals=[value("total", _print(total, d[4]), "tCO2e")])


@settings(max_examples=150, deadline=None)
@given(consistent_tables())
def test_consistent_tables_never_fail(
    table: tuple[list[tuple[Fraction, Fraction]], list[int]],
) -> None:
    rows, d = table
    # Inputs are what the author's software used: the printed q and f (the truth is the
    # product of the printed inputs, as a tool computes from its own rounded inputs).
    printed = [(Fraction(_print(q, d[0])), Fraction(_print(f, d[1] + 2))) for q, f in rows]
    if any(q == 0 or f == 0 for q, f in printed):
        return
    checks = recompute(_table(printed, d))
    bad = [c for c in checks if c.status in {"fail", "truncated"}]
    assert bad == [], [(c.relation, c.reported, c.expected_low, c.expected_high) for c in bad]


@settings(max_examples=100, deadline=None)
@given(consistent_tables(), st.sampled_from([Fraction(1000), Fraction(1, 1000)]))
def test_thousandfold_slip_is_diagnosed_as_units(
    table: tuple[list[tuple[Fraction, Fraction]], list[int]], slip: Fraction
) -> None:
    rows, d = table
    printed = [(Fraction(_print(q, 2)), Fraction(_print(f, 4))) for q, f in rows]
    q0, f0 = printed[0]
    if q0 * f0 * slip < 1:  # too small to print with 3 significant digits
        return
    d = [2, 2, 6, 3, 6]
    check = recompute(_table(printed, d, slip=slip))[0]
    assert check.relation == "line" and check.status == "fail"
    assert check.diagnosis is not None
    assert check.diagnosis.code in {"unit-slip", "power-of-ten"}
    assert abs(check.diagnosis.exponent or 0) == 3


@settings(max_examples=100, deadline=None)
@given(consistent_tables(), st.fractions(min_value=Fraction(1, 100), max_value=Fraction(1, 2)))
def test_perturbation_beyond_rounding_fails(
    table: tuple[list[tuple[Fraction, Fraction]], list[int]], delta: Fraction
) -> None:
    """Exact inputs (many decimals) and a result off by ≥ 1 %: always a failing line."""
    rows, _ = table
    printed = [(Fraction(_print(q, 4)), Fraction(_print(f, 6))) for q, f in rows]
    if printed[0][0] * printed[0][1] < 1:
        return
    report = _table(printed, [4, 4, 6, 3, 6], slip=1 + delta)
    check = recompute(report)[0]
    assert check.relation == "line" and check.status == "fail"


@settings(max_examples=150, deadline=None)
@given(consistent_tables())
def test_tables_from_unrounded_truth_never_fail(
    table: tuple[list[tuple[Fraction, Fraction]], list[int]],
) -> None:
    """LCA software prints rounded inputs but computes with the unrounded ones."""
    rows, d = table
    if any(Fraction(_print(q, d[0])) == 0 or Fraction(_print(f, d[1] + 2)) == 0 for q, f in rows):
        return
    checks = recompute(_table(rows, d))
    bad = [c for c in checks if c.status in {"fail", "truncated"}]
    assert bad == [], [(c.relation, c.reported, c.expected_low, c.expected_high) for c in bad]


# --------------------------------------------------------------------------- issue 10


def test_row_share_in_a_gas_group_is_the_rows_own_share() -> None:
    """Shares printed per row of a CO2/CH4/N2O group: each is that row's share, never the
    whole group's (3.96 % is the diesel CO2 row; the group would be 3.98 %)."""
    rows = [
        line("Steel", gas="CO2", result="200.000", r_unit="tCO2e", share="25.61"),
        line("Electricity", gas="CO2", result="550.000", r_unit="tCO2e", share="70.42"),
        line("Diesel", gas="CO2", group="Diesel", result="30.959", r_unit="tCO2e", share="3.96"),
        line("Diesel", gas="CH4", group="Diesel", result="0.036", r_unit="tCO2e", share="0.00"),
        line("Diesel", gas="N2O", group="Diesel", result="0.070", r_unit="tCO2e", share="0.01"),
    ]
    # The interpreter also lists each row's share as a ReportedValue at the row's location.
    shares = [
        ReportedValue("share", Quantity(ln.share, "%", "%"), ln.location, ln.label)
        for ln in rows
        if ln.share is not None
    ]
    report = Report(
        inventory=rows, totals=[value("total", "781.065", "tCO2e", "Total")], shares=shares
    )
    checks = recompute(report)
    share_checks = [c for c in checks if c.relation == "share"]
    assert len(share_checks) == 5  # one per row, not one more per ReportedValue
    assert all(c.status == "pass" for c in share_checks), [
        (c.label, c.status) for c in share_checks
    ]
    (total,) = [c for c in checks if c.relation == "share-sum"]
    assert total.status == "pass"


def test_subtotal_of_a_stage_is_checked_against_its_lines_zh() -> None:
    rows = [
        line("钢材", result="200.000", r_unit="tCO2e", category="原材料获取阶段"),
        line("外购电力", result="550.000", r_unit="tCO2e", category="产品生产阶段"),
        line("柴油", result="30.959", r_unit="tCO2e", category="产品生产阶段"),
    ]
    report = Report(
        inventory=rows,
        totals=[
            value("total", "780.959", "tCO2e", "合计"),
            value("subtotal", "200.000", "tCO2e", "原材料获取阶段"),
            value("subtotal", "508.959", "tCO2e", "产品生产阶段"),  # 580.959 transposed
        ],
    )
    checks = {c.label: c for c in recompute(report) if c.relation in {"total", "subtotal"}}
    assert checks["合计"].status == "pass"
    assert checks["原材料获取阶段"].status == "pass"
    bad = checks["产品生产阶段"]
    assert bad.relation == "subtotal" and bad.status == "fail" and bad.expected == "580.959"


def test_subtotal_with_no_matching_group_cannot_tell() -> None:
    """A subtotal is never compared with the grand sum of all lines."""
    report = Report(
        inventory=[line("Steel", result="20.00", r_unit="tCO2e")],
        totals=[value("subtotal", "3.00", "tCO2e", "Distribution")],
    )
    (check,) = [c for c in recompute(report) if c.relation == "subtotal"]
    assert check.status == "cannot-tell"


def test_power_of_ten_with_no_unit_to_explain_it_is_a_doubted_failure() -> None:
    """No unit printed anywhere on the line: a ×1000 gap is still a question (UN001, lowered
    to a warning by the rule), not silence."""
    report = Report(inventory=[line("Steel", qty_="929390.00", factor="2.24", result="2081.834")])
    (check,) = recompute(report)
    assert check.status == "fail" and check.unit_doubt
    assert check.diagnosis is not None and check.diagnosis.code == "power-of-ten"
    assert check.diagnosis.exponent == -3 and check.diagnosis.unit_slip is None


def test_power_of_ten_with_known_units_is_a_named_slip() -> None:
    """Quantity ×1000 with its unit unchanged (929 390 t instead of 929.39 t)."""
    report = Report(
        inventory=[
            line(
                "钢材",
                gas="CO2",
                qty_="929 390.00",
                q_unit="t",
                factor="2.24",
                f_unit="tCO2e/t",
                gwp="1",
                result="2 081.834",
                r_unit="tCO2e",
            )
        ]
    )
    (check,) = recompute(report)
    assert check.status == "fail" and not check.unit_doubt
    assert check.diagnosis is not None and check.diagnosis.code == "unit-slip"
    assert check.diagnosis.unit_slip == "kg↔t"


def test_kg_quantity_tco2_per_t_factor_and_t_result_pass() -> None:
    """Clean conversions stay silent: 5 000 kg × 2.00 tCO2e/t = 10.000 tCO2e."""
    report = Report(
        inventory=[
            line(
                "Steel",
                gas="CO2",
                qty_="5000",
                q_unit="kg",
                factor="2.00",
                f_unit="tCO2e/t",
                gwp="1",
                result="10.000",
                r_unit="tCO2e",
            ),
            line(
                "Power",
                gas="CO2",
                qty_="2500",
                q_unit="kWh",
                factor="0.5500",
                f_unit="tCO2/MWh",
                gwp="1",
                result="1375.0",
                r_unit="kgCO2e",
            ),
        ]
    )
    assert [c.status for c in recompute(report)] == ["pass", "pass"]


def test_prose_total_that_is_the_per_unit_result_is_checked_as_per_unit_zh() -> None:
    """'生产 1 kWh … 的碳足迹为 69.09 kgCO2e' read as a total: 12 926.479 t / 187 100 kWh =
    69.09 kg per kWh, so it is checked as the per-unit result, never against Σ lines."""
    report = Report(
        inventory=[
            line("钢材", result="10,269.453", r_unit="tCO2e"),
            line("外购电力", result="2,657.026", r_unit="tCO2e"),
        ],
        totals=[
            value("total", "12,926.479", "tCO2e", "合计"),
            value("total", "69.09", "kgCO2e"),
        ],
        production=[production("187,100", "kWh")],
    )
    checks = recompute(report)
    assert [c.status for c in checks if c.relation == "total"] == ["pass"]
    (per_unit,) = [c for c in checks if c.relation == "per-unit"]
    assert per_unit.status == "pass" and per_unit.reported == "69.09"


def test_prose_total_with_a_per_unit_basis_and_a_slip_is_a_per_unit_failure() -> None:
    wrong = value("total", "96.09", "kgCO2e")
    wrong.basis = "1 kWh"
    report = Report(
        inventory=[line("Steel", result="12,926.479", r_unit="tCO2e")],
        totals=[value("total", "12,926.479", "tCO2e", "Total"), wrong],
        production=[production("187,100", "kWh")],
    )
    (per_unit,) = [c for c in recompute(report) if c.relation == "per-unit"]
    assert per_unit.status == "fail" and per_unit.expected == "69.09"


def test_result_printed_as_zero_without_gwp_is_gwp_not_applied_not_a_unit_slip() -> None:
    """18.40 t × 0.0000258 tN2O/t = 0.000475 t prints as 0.000 — GWP not applied; a kg↔t
    slip (0.000141) would also print 0.000, but a zero cannot show a scale."""
    report = Report(
        inventory=[
            line(
                "柴油",
                gas="N2O",
                qty_="18.40",
                q_unit="t",
                factor="0.0000258",
                f_unit="tN2O/t",
                gwp="298",
                result="0.000",
                r_unit="tCO2e",
            )
        ]
    )
    (check,) = recompute(report)
    assert check.status == "fail"
    assert check.diagnosis is not None and check.diagnosis.code == "gwp-not-applied"
