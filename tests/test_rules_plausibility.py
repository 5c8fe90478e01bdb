"""Plausibility rules PL001-PL003 on synthetic inputs (zh + en, defective and clean) and on the seeds."""

from __future__ import annotations

from audit_helpers import SEEDS, SYN, of, quotes

# ----------------------------------------------------------------------------- synthetic


def test_zh_diesel_factor_half_the_default():
    [f] = of(SYN / "omcp_zh_defective.txt", "PL001")
    assert (f.category, f.severity) == ("plausibility", "warning")
    assert f.reported == "1.5 tCO2e/t" and f.expected == "3–3.25 tCO2e/t"
    assert "原料运输 耗费柴油量 (t) | CO2 | 10 | 1.5" in quotes(f)


def test_zh_installed_load_exceeds_electricity():
    [f] = of(SYN / "omcp_zh_defective.txt", "PL003")
    assert f.severity == "warning"
    # (450 + 220) kW × 4000 h = 2680 MWh > 2000 MWh
    assert f.expected == "≥ 2680 MWh" and f.reported == "2000 MWh"
    assert "≥ 4 000 h/a" in quotes(f) and "电力(MWh) | CO2 | 2000" in quotes(f)


def test_zh_clean_version_is_silent():
    for code in ("PL001", "PL002", "PL003"):
        assert of(SYN / "omcp_zh_clean.txt", code) == [], code


def test_en_diesel_per_litre_implied_factor():
    [f] = of(SYN / "omcp_en_defective.md", "PL001")
    assert f.severity == "warning" and f.reported == "1.5 kgCO2e/L"
    assert "unverified estimate" in f.message


def test_en_water_far_high_is_warning_and_paint_just_low_is_info():
    found = {f.locations[0].quote: f for f in of(SYN / "omcp_en_defective.md", "PL002")}
    water = next(f for q, f in found.items() if "Tap water" in (q or ""))
    paint = next(f for q, f in found.items() if "Paint" in (q or ""))
    assert water.severity == "warning" and water.reported == "10 kgCO2e/t"
    assert paint.severity == "info" and paint.reported == "1 kgCO2e/kg"


def test_en_clean_version_is_silent():
    for code in ("PL001", "PL002", "PL003"):
        assert of(SYN / "omcp_en_clean.md", code) == [], code


# ----------------------------------------------------------------------------- seeds


def test_seed_000_k22_diesel_factor():
    [f] = [f for f in of(SEEDS / "000_e5f01d6d6220347d.txt", "PL001") if "柴油" in quotes(f)]
    assert (f.category, f.severity) == ("plausibility", "warning")
    assert "1.593" in f.reported and "3.186" in f.message  # IPCC 2006 default
    assert "原材料运输 耗费柴油量 (t) | CO2 | 60 | 1.593" in quotes(f)


def test_seed_000_k23_natural_gas_factor_fits_per_1000_m3():
    [f] = [f for f in of(SEEDS / "000_e5f01d6d6220347d.txt", "PL001") if "天然气" in quotes(f)]
    assert f.severity == "warning"
    assert "2.089" in f.reported and "万" in f.reported
    assert f.likely_cause and "1000m3" in f.likely_cause
    assert "天然气 (万 m³) (生产、食堂) | CO2 | / | 2.089" in quotes(f)


def test_seed_000_k20_installed_power_exceeds_total_electricity():
    [f] = of(SEEDS / "000_e5f01d6d6220347d.txt", "PL003")
    assert (f.category, f.severity) == ("plausibility", "warning")
    assert "455 + 504 + 1536 = 2495 kW" in f.message
    assert f.expected == "≥ 2495 MWh" and f.reported == "2410 MWh"
    assert "> 80" in f.message and "CES 系统 (4 套 ×4=16 套)" in quotes(f)


def test_seed_002_t07_water():
    [f] = [f for f in of(SEEDS / "002_37b7dd170cf4d869.txt", "PL002") if "水 | 28.73" in quotes(f)]
    assert (f.category, f.severity) == ("plausibility", "warning")
    assert f.reported == "12.3 kgCO2e/t"


def test_seed_002_t08_motor_and_reducer_identical():
    [f] = [f for f in of(SEEDS / "002_37b7dd170cf4d869.txt", "PL002") if "电机 | 3.53" in quotes(f)]
    assert f.severity == "warning" and f.reported == "16.8 kgCO2e/台"
    assert "减速机 | 3.53" in quotes(f) and "identical" in f.message


def test_seed_002_t09_paint_low_info():
    [f] = [f for f in of(SEEDS / "002_37b7dd170cf4d869.txt", "PL002") if "油漆" in quotes(f)]
    assert f.severity == "info" and f.reported == "1.08 kgCO2e/kg"


def test_seed_002_trap_steel_2630_per_t_is_silent():
    for f in of(SEEDS / "002_37b7dd170cf4d869.txt", "PL002"):
        assert "钢材" not in quotes(f)
    assert len(of(SEEDS / "002_37b7dd170cf4d869.txt", "PL002")) == 3
    assert of(SEEDS / "002_37b7dd170cf4d869.txt", "PL001") == []
    assert of(SEEDS / "002_37b7dd170cf4d869.txt", "PL003") == []
