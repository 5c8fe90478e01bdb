"""The reference pack: real values a verifier would look up, and the traps of the seeds."""

from __future__ import annotations

from decimal import Decimal as D
from pathlib import Path

import pytest

from pcfaudit.reference import (
    SHOWS,
    blend_key,
    build_gwp,
    canonical_report,
    convert,
    load_pack,
    matches_printed,
    parse_citation,
)

pack = load_pack()


# --------------------------------------------------------------------------- GWP


@pytest.mark.parametrize(
    ("report", "gas", "value"),
    [
        ("AR4", "CH4", "25"),
        ("SAR", "CH4", "21"),
        ("AR5", "CH4", "28"),
        ("AR6", "CH4", "27.9"),
        ("AR4", "HFC-125", "3500"),
        ("AR4", "HFC-134a", "1430"),
        ("AR4", "HFC-143a", "4470"),
        ("AR4", "N2O", "298"),
        ("AR5", "N2O", "265"),
        ("AR6", "N2O", "273"),
        ("AR4", "SF6", "22800"),
        ("SAR", "SF6", "23900"),
        ("AR4", "CO2", "1"),
        ("AR6", "CH4-fossil", "29.8"),
        ("AR6", "CH4-non-fossil", "27.0"),
    ],
)
def test_gwp_values(report: str, gas: str, value: str) -> None:
    assert pack.gwp(report, gas) == D(value)


@pytest.mark.parametrize(
    ("spelling", "canonical"),
    [
        ("CO₂", "CO2"), ("二氧化碳", "CO2"), ("CH₄", "CH4"), ("甲烷", "CH4"), ("N₂O", "N2O"),
        ("氧化亚氮", "N2O"), ("一氧化二氮", "N2O"), ("HFC-134a", "HFC-134a"),
        ("HFC-134A", "HFC-134a"), ("R134a", "HFC-134a"), ("R-134a", "HFC-134a"),
        ("四氟乙烷", "HFC-134a"), ("SF₆", "SF6"), ("六氟化硫", "SF6"), ("CF₄", "CF4"),
        ("四氟化碳", "CF4"), ("C₂F₆", "C2F6"), ("六氟乙烷", "C2F6"), ("R22", "HCFC-22"),
        ("七氟丙烷", "HFC-227ea"), ("化石甲烷", "CH4-fossil"), ("ＨＦＣ－１２５", "HFC-125"),
    ],
)  # fmt: skip
def test_gas_aliases(spelling: str, canonical: str) -> None:
    assert pack.canonical_gas(spelling) == canonical


def test_unknown_gas_and_missing_value_are_none() -> None:
    assert pack.canonical_gas("unobtainium") is None
    assert pack.gwp("AR4", "unobtainium") is None
    assert pack.gwp("SAR", "NF3") is None  # NF3 is absent from SAR: no value, not zero


def test_report_names() -> None:
    assert canonical_report("IPCC AR4 (2007)") == "AR4"
    assert canonical_report("IPCC第五次评估报告") == "AR5"
    assert canonical_report("AR5 with climate-carbon feedback") == "AR5-CCF"
    assert pack.gwp("IPCC 第四次评估报告", "甲烷") == D(25)


def test_single_gwp_is_ambiguous_across_reports() -> None:
    assert pack.reports_matching("N2O", D("298")) == ["AR4", "AR5-CCF"]
    assert pack.reports_matching("HFC-134a", D("1300")) == ["SAR", "TAR", "AR5"]
    assert pack.reports_matching("CH4", D("21")) == ["SAR"]  # seed K01: "AR4" text with 21
    assert pack.reports_matching("CH4", D("29.8")) == ["AR6"]  # fossil methane, Table 7.15
    # printed "28" may be AR5 or AR6's 27.9 rounded; exact matching says AR5 only
    assert pack.reports_matching("CH4", D("28")) == ["AR5", "AR6"]
    assert pack.reports_matching("CH4", D("28"), rounded=False) == ["AR5"]


def test_combined_gwps_identify_the_report() -> None:
    assert pack.reports_consistent({"CH4": D("25"), "N2O": D("298")}) == ["AR4"]
    assert pack.reports_consistent({"甲烷": D("28"), "氧化亚氮": D("265")}) == ["AR5"]
    # seed K01: CH4 21 with HFC-134a 1430 -> no single report (versions mixed)
    assert pack.reports_consistent({"CH4": D("21"), "HFC-134a": D("1430")}) == []
    # an unknown gas does not constrain
    assert pack.reports_consistent({"CH4": D("25"), "foo": D("1")}) == ["AR4"]


def test_gwp_values_carry_source_and_flag() -> None:
    value = pack.gwp_value("AR4", "CH4")
    assert value is not None and value.verified and "globalwarmingpotentials" in value.source
    hfo = pack.gwp_value("AR4", "R1234yf")
    assert hfo is not None and not hfo.verified


def test_generated_gwp_csv_is_up_to_date() -> None:
    data = Path(build_gwp.__file__).with_name("data") / "gwp.csv"
    assert data.read_text(encoding="utf-8") == build_gwp.render()


# --------------------------------------------------------------------------- blends


def test_r404a_composition_and_gwp() -> None:
    blend = pack.blend("R404A")
    assert blend is not None and blend.name == "R-404A"
    assert {c.gas: c.mass_pct for c in blend.components} == {
        "HFC-125": D(44), "HFC-143a": D(52), "HFC-134a": D(4)}  # fmt: skip
    # 0.44 x 3500 + 0.52 x 4470 + 0.04 x 1430 (seed K03: 0.4 kg x 3921.6 = 1.569 tCO2e)
    assert pack.blend_gwp("R-404A", "AR4") == D("3921.6")
    assert pack.blend_gwp("r404a", "AR5") == D("3942.8")
    detail = pack.blend_gwp_value("R404A", "AR4")
    assert detail is not None and detail.verified


@pytest.mark.parametrize(
    ("name", "report", "value"),
    [("R410A", "AR4", "2087.5"), ("R-407C", "AR4", "1773.85"), ("R507A", "AR4", "3985"),
     ("R22", "AR4", "1810"), ("R-32", "AR5", "677"), ("HFC-410A", "AR5", "1923.5")],
)  # fmt: skip
def test_blend_gwps(name: str, report: str, value: str) -> None:
    assert pack.blend_gwp(name, report) == D(value)


def test_hfo_blend_gwp_is_flagged_unverified() -> None:
    r448a = pack.blend_gwp_value("R448A", "AR4")
    assert r448a is not None and not r448a.verified  # HFO component GWPs are not verified
    assert r448a.value.quantize(D(1)) == D(1387)
    assert pack.blend_gwp("R448A", "SAR") is None  # SAR has no HFO value
    assert pack.blend("R-999Z") is None
    assert blend_key("HFC-404A") == blend_key("R 404a") == "R404A"


# --------------------------------------------------------------------------- grid


def test_grid_factor_0_5942_is_2021_national_residual() -> None:
    found = pack.grid_factors_matching(D("0.5942"))
    assert [(g.year, g.region, g.kind) for g in found] == [(2021, "全国", "residual")]
    assert found[0].verified and "2024年第12号" in found[0].document


def test_grid_factor_0_5703_is_2022_national_not_east_china() -> None:
    found = pack.grid_factors_matching(D("0.5703"), "kgCO2/kWh")
    assert [(g.year, g.region, g.kind) for g in found] == [(2022, "全国", "carbon-market")]
    east = pack.grid_factor(2022, "East China")
    assert east is not None and east.value == D("0.5617")  # seed K07 label is wrong
    assert pack.grid_factors_matching(D("594.2"), "gCO2/kWh")[0].kind == "residual"


def test_grid_lookup_and_unverified_values() -> None:
    assert pack.grid_factor(2023, "全国").value == D("0.5306")  # type: ignore[union-attr]
    assert pack.grid_factor(2022, "全国", "fossil").value == D("0.8325")  # type: ignore[union-attr]
    assert pack.grid_factor(2024, "national", "footprint").value == D("0.5777")  # type: ignore[union-attr]
    old = pack.grid_factors_matching(D("0.5810"))
    assert old and not old[0].verified  # attributed, never confirmed: no error on it
    assert pack.grid_factors_matching(D("0.1234567")) == []


# --------------------------------------------------------------------------- fuels


def test_diesel_defaults_and_window() -> None:
    diesel = pack.fuel("柴油")
    assert diesel is not None and diesel is pack.fuel("Diesel") is pack.fuel("0#柴油（叉车）")
    ipcc, cn = diesel.default("IPCC2006"), diesel.default("CN-GUIDE")
    assert ipcc is not None and ipcc.co2_per_unit == D("3.1863")
    assert cn is not None and cn.co2_per_unit.quantize(D("0.0001")) == D("3.0959")
    window = diesel.window_for("tCO2/t")
    assert window is not None
    assert not window.contains(D("1.593"))  # seed K22: half the physical value
    assert window.contains(D("3.096")) and window.contains(D("3.186"))
    per_kg = diesel.window_for("kgCO2/kg")
    assert per_kg is not None and per_kg.contains(D("3.1"))


def test_natural_gas_window_per_10k_and_per_1000_m3() -> None:
    gas = pack.fuel("天然气")
    assert gas is not None
    cn = gas.default("CN-GUIDE")
    assert cn is not None and cn.co2_per_unit.quantize(D("0.01")) == D("21.62")
    per_10k = gas.window_for("tCO2/万m³")
    per_1000 = gas.window_for("tCO2/1000m3")
    assert per_10k is not None and per_1000 is not None
    assert not per_10k.contains(D("2.089"))  # seed K23
    assert per_1000.contains(D("2.089"))  # ... it fits per 1000 m3
    assert per_10k.contains(D("21.6"))


def test_purchased_heat_default() -> None:
    heat = pack.fuel("外购蒸汽")
    assert heat is not None and heat.defaults[0].co2_t_per_gj == D("0.11")
    assert not heat.verified


# --------------------------------------------------------------------------- ranges


def test_steel_window_contains_seed_value() -> None:
    steel = pack.range_for("钢材", "kgCO2e/t")
    assert steel is not None and steel.key == "steel"
    assert steel.contains(D("2630"))  # seed trap: 3156 / 1.2 t
    assert pack.range_for("steel plate", "kgCO2e/kg").contains(D("2.63"))  # type: ignore[union-attr]


def test_water_window_excludes_seed_value() -> None:
    water = pack.range_for("水", "kgCO2e/t")
    assert water is not None and water.key == "tap water"
    assert not water.contains(D("12.3"))  # seed T07
    assert water.contains(D("0.36"))
    assert pack.range_for("Tap water", "kgCO2e/m3").contains(D("0.36"))  # type: ignore[union-attr]


def test_range_choice_by_label_and_unit() -> None:
    assert pack.range_for("不锈钢板", "kgCO2e/kg").key == "stainless steel"  # type: ignore[union-attr]
    assert pack.range_for("电机", "kgCO2e/台").key == "electric motor (unit)"  # type: ignore[union-attr]
    motor = pack.range_for("电机", "kgCO2e/台")
    assert motor is not None and not motor.contains(D("16.8"))  # seed T08
    assert pack.range_for("electric motor", "kgCO2e/kg").key == "electric motor (mass)"  # type: ignore[union-attr]
    assert pack.range_for("再生铝锭", "kgCO2e/kg").key == "recycled aluminium"  # type: ignore[union-attr]
    assert pack.range_for("废水处理", "kgCO2e/m3").key == "wastewater treatment"  # type: ignore[union-attr]
    assert pack.range_for("PET bottle", "kgCO2e/kg") is None  # "PE" must not match "PET"
    assert pack.range_for("外购电力", "kgCO2/kWh").contains(D("0.5942"))  # type: ignore[union-attr]
    assert pack.range_for("钢材", "kgCO2e/kWh") is None  # no window in that unit
    paint = pack.range_for("油漆", "kgCO2e/kg")
    assert paint is not None and not paint.contains(D("1.08"))  # seed T09 (info)


def test_unit_conversion_is_exact() -> None:
    assert convert(D("2630"), "kgCO2e/t", "kgCO2e/kg") == D("2.63")
    assert convert(D("21.6"), "tCO2/10⁴Nm³", "tCO2/1000m3") == D("2.16")
    assert convert(D("12.3"), "kgCO2e/t", "kgCO2e/m3", D(1000)) == D("12.3")
    assert convert(D("1"), "kgCO2e/t", "kgCO2e/m3") is None  # needs a density
    assert convert(D("0.5"), "kgCO2/kWh", "tCO2/MWh") == D("0.5")
    assert convert(D("1"), "kgCO2e/台", "kgCO2e/kg") is None


# --------------------------------------------------------------------------- standards


def test_standard_editions() -> None:
    ts = pack.standard("ISO/TS 14067:2013")
    assert ts is not None and ts.status == "withdrawn" and ts.superseded_by == "ISO 14067:2018"
    assert pack.standard("ISO 14067").designation == "ISO 14067:2018"  # type: ignore[union-attr]
    gbt = pack.standard("GB/T 24067-2024")
    assert gbt is not None and gbt.effective == "2025-03-01" and gbt.verified
    assert pack.standard("PAS 2050:2008").superseded_by == "PAS 2050:2011"  # type: ignore[union-attr]
    org = pack.standard("ISO 14064-1:2006")
    assert org is not None and org.scope == "organisation" and org.status == "withdrawn"
    assert pack.standard("ISO 14064-1").year == 2018  # type: ignore[union-attr]
    assert pack.standard("EN 15804+A2:2019").status == "current"  # type: ignore[union-attr]
    assert pack.standard("ISO 14067:2006") is None  # no such edition
    assert pack.standard("no standard here") is None


@pytest.mark.parametrize(
    ("text", "parsed"),
    [("ISO/TS 14067:2013", ("ISO/TS 14067", 2013)), ("ISO14067：2018", ("ISO 14067", 2018)),
     ("依据GB/T 24067—2024", ("GB/T 24067", 2024)), ("GB/T 32151.1-2015", ("GB/T 32151.1", 2015)),
     ("ISO 14064-1", ("ISO 14064-1", None)), ("ISO 14044:2006/Amd 1:2017", ("ISO 14044", 2006)),
     ("EN 15804:2012+A2:2019", ("EN 15804", 2019))],
)  # fmt: skip
def test_parse_citation(text: str, parsed: tuple[str, int | None]) -> None:
    assert parse_citation(text) == parsed


# --------------------------------------------------------------------------- pack


def test_matches_printed() -> None:
    assert matches_printed(D("3921.6"), D("3922"))
    assert matches_printed(D("27.9"), D("28"))
    assert not matches_printed(D("28"), D("27.9"))
    assert not matches_printed(D("0.5703"), D("0.5704"))


def test_tables_print() -> None:
    for show in SHOWS:
        headers, rows = pack.table(show)
        assert rows and all(len(r) == len(headers) for r in rows)
        assert all(isinstance(c, str) for r in rows for c in r)
    headers, rows = pack.table("blends")
    r404a = next(r for r in rows if r[0] == "R-404A")
    assert r404a[headers.index("GWP AR4")] == "3921.6"
    with pytest.raises(ValueError):
        pack.table("nonsense")


def test_identity_is_stable_and_cached() -> None:
    assert load_pack() is pack
    assert len(pack.sha256) == 64 and pack.version
    assert pack.info()["sha256"] == pack.sha256


def test_overlay_replaces_a_value_and_changes_identity(tmp_path: Path) -> None:
    (tmp_path / "grid.csv").write_text(
        "year,region,kind,value,unit,document,verified,how,note\n"
        "2022,华东,average,0.5999,tCO2/MWh,my utility contract,no,,\n"
        "2024,全国,average,0.5100,tCO2/MWh,hypothetical future release,no,,\n",
        encoding="utf-8",
    )
    (tmp_path / "gas_aliases.csv").write_text("alias,gas,note\n冷媒X,HFC-32,\n", encoding="utf-8")
    over = load_pack(tmp_path)
    assert over.grid_factor(2022, "华东").value == D("0.5999")  # type: ignore[union-attr]
    assert over.grid_factor(2024, "全国").value == D("0.5100")  # type: ignore[union-attr]
    assert over.grid_factor(2021, "全国").value == D("0.5568")  # type: ignore[union-attr]
    assert over.canonical_gas("冷媒X") == "HFC-32" and over.canonical_gas("甲烷") == "CH4"
    assert over.sha256 != pack.sha256 and over.name != pack.name and over.version != pack.version
    assert pack.grid_factor(2022, "华东").value == D("0.5617")  # type: ignore[union-attr]
    # editing the overlay is seen (cache keyed on file state) and changes the hash again
    (tmp_path / "gas_aliases.csv").write_text("alias,gas,note\n冷媒Y,HFC-32,\n", encoding="utf-8")
    again = load_pack(tmp_path)
    assert again.canonical_gas("冷媒Y") == "HFC-32" and again.sha256 != over.sha256


def test_overlay_errors(tmp_path: Path) -> None:
    with pytest.raises(FileNotFoundError):
        load_pack(tmp_path / "missing")
    (tmp_path / "gird.csv").write_text("x\n", encoding="utf-8")
    with pytest.raises(ValueError, match=r"gird\.csv"):
        load_pack(tmp_path)


def test_overlay_blend_must_sum_to_100(tmp_path: Path) -> None:
    (tmp_path / "blends.csv").write_text(
        "blend,component,mass_pct,source,verified,how\nR-404A,HFC-125,44,typo,no,\n",
        encoding="utf-8",
    )
    with pytest.raises(ValueError, match="R-404A"):
        load_pack(tmp_path)
