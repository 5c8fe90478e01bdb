"""GW004: GWP values of a superseded IPCC report (SAR, TAR); and the GWP reading it rests on,
values stated as multiples of CO2 ("21 倍和 310 倍", "21 and 310 times")."""

from __future__ import annotations

from pcfaudit.model import DateClaim, GwpDeclaration, Location, Report
from pcfaudit.pipeline import audit
from pcfaudit.reference import load_pack
from pcfaudit.rules import REGISTRY, RuleContext, load_catalog
from pcfaudit.vocab.numbers import parse_number


def _declared(text: str) -> list[tuple[str | None, str | None]]:
    report = audit(text.encode("utf-8"), name="r.md").report
    return [(d.gas, d.value.text if d.value else None) for d in report.gwp_declarations]


def _report(values: dict[str, str], year: int | None = None, declared: str | None = None) -> Report:
    report = Report(language="en")
    for gas, value in values.items():
        number = parse_number(value)
        assert number is not None
        report.gwp_declarations.append(
            GwpDeclaration(Location(line=4, quote=f"{gas} {value}"), gas=gas, value=number)
        )
    if declared:
        report.gwp_declarations.append(GwpDeclaration(Location(line=3), report=declared))
    if year:
        report.dates.append(DateClaim("data-year", year, None, None, str(year), Location(line=2)))
    return report


def _gw004(report: Report) -> list:
    ctx = RuleContext(report=report, catalog=load_catalog(), reference=load_pack())
    return list(REGISTRY["GW004"](ctx))


def test_zh_multiples_of_co2_are_read_in_the_order_the_gases_are_named() -> None:
    text = "# 方法\n\n以百年尺度计，N2O 和 CH4 的全球增温潜势分别为 CO2 的 298 倍和 25 倍。\n"
    assert _declared(text) == [("N2O", "298"), ("CH4", "25")]


def test_en_list_of_multiples_before_times_is_read() -> None:
    text = (
        "# Methods\n\nMethane (CH4) and nitrous oxide (N2O) have 28 and 265 times the global "
        "warming potential of CO2 over 100 years, respectively.\n"
    )
    assert _declared(text) == [("CH4", "28"), ("N2O", "265")]


def test_fold_changes_in_a_gwp_sentence_with_unmatched_counts_are_not_read() -> None:
    text = (
        "# 结果\n\n处理组 CH4、N2O 和 CO2 排放的综合 GWP 分别是对照的 1.3 倍，不计入 GWP 换算。\n"
    )
    assert [d for d in _declared(text) if d[0]] == []


def test_sar_values_in_a_2015_study_are_outdated() -> None:
    (f,) = _gw004(_report({"CH4": "21", "N2O": "310"}, year=2015))
    assert f.severity == "warning" and f.category == "gwp"
    assert f.reported == "CH4 21, N2O 310"
    assert "SAR" in f.message and "2015" in f.message
    assert "28" in (f.expected or "") and "265" in (f.expected or "")


def test_tar_values_without_a_date_are_outdated() -> None:
    (f,) = _gw004(_report({"CH4": "23", "N2O": "296"}))
    assert "TAR" in f.message


def test_sar_values_in_a_2003_study_were_current_and_are_silent() -> None:
    assert _gw004(_report({"CH4": "21", "N2O": "310"}, year=2003)) == []


def test_ar5_values_are_silent() -> None:
    assert _gw004(_report({"CH4": "28", "N2O": "265"}, year=2020)) == []


def test_sar_values_with_another_report_declared_are_left_to_gw001() -> None:
    assert _gw004(_report({"CH4": "21", "N2O": "310"}, year=2018, declared="AR4")) == []
