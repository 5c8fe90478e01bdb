"""EP030: two impact rows holding each other's values, told by size alone; EP026 leaves
the pair to it. A small EPD written for these tests: indicators as rows, modules as
columns, units in their own column (sometimes blank, as OCR leaves them)."""

from __future__ import annotations

from pathlib import Path

import pcfaudit.pipeline as pipeline
from pcfaudit.model import Finding

EPD = """# Environmental Product Declaration — resilient floor covering

Declared unit: 1 m² of floor covering. Date of issue: 2025-01-10. Valid until: 2030-01-09.
In accordance with EN 15804:2012+A2:2019 and ISO 14025.

Core environmental impact indicators per declared unit

| Indicator | Unit | A1-A3 | A4 | A5 | C2 | C4 | D |
|---|---|---|---|---|---|---|---|
| GWP-total | kg CO2 eq | 5.28E+00 | 1.35E-01 | 4.59E-01 | 1.35E-01 | 7.72E-01 | -5.18E+00 |
| GWP-fossil | kg CO2 eq | 5.20E+00 | 1.35E-01 | 3.42E-01 | 1.35E-01 | 7.72E-01 | -5.19E+00 |
| GWP-biogenic | kg CO2 eq | 6.41E-02 | 5.50E-05 | 1.16E-01 | 5.51E-05 | 6.35E-05 | 1.94E-02 |
| GWP-luluc | kg CO2 eq | 1.58E-02 | 6.45E-05 | 4.83E-04 | 6.45E-05 | 5.88E-06 | -4.17E-03 |
| ODP | {odp_unit} | {odp} |
| AP | {ap_unit} | {ap} |
| POCP | kg NMVOC eq | 1.80E-02 | 6.32E-04 | 6.76E-04 | 6.42E-04 | 2.15E-04 | -8.51E-03 |
"""


ODP_ROW = "1.34E-06 | 2.86E-09 | 4.05E-08 | 2.87E-09 | 7.93E-10 | -2.48E-08"
AP_ROW = "2.26E-02 | 4.23E-04 | 7.67E-04 | 4.30E-04 | 1.76E-04 | -1.11E-02"


def _findings(tmp_path: Path, **cells: str) -> list[Finding]:
    values = {"odp": ODP_ROW, "ap": AP_ROW, "odp_unit": "kg CFC11 eq",
              "ap_unit": "mol H+ eq"} | cells  # fmt: skip
    path = tmp_path / "epd.md"
    path.write_text(EPD.format(**values), encoding="utf-8")
    return pipeline.audit(path.read_bytes(), name=str(path)).findings


def _rule(findings: list[Finding], code: str) -> list[Finding]:
    return [f for f in findings if f.rule == code]


def _swap(**rest: str) -> dict[str, str]:
    return {"odp": AP_ROW, "ap": ODP_ROW, **rest}


def test_rows_holding_each_others_values_are_named_as_a_swap(tmp_path: Path) -> None:
    findings = _findings(tmp_path, **_swap(odp_unit="", ap_unit=""))
    (f,) = _rule(findings, "EP030")
    assert f.severity == "error" and f.category == "structure"
    assert f.reported == "ODP 2.26E-02; AP 1.34E-06"
    assert f.expected == "ODP and AP swapped"
    assert "A1-A3" in f.message and "GWP-fossil 5.20E+00" in f.message
    assert {loc.quote for loc in f.locations} == {"2.26E-02", "1.34E-06"}
    assert not [g for g in _rule(findings, "EP026") if "AP" in g.message or "ODP" in g.message]


def test_the_swap_is_found_with_the_printed_units_of_the_labels(tmp_path: Path) -> None:
    # Units right for the labels, values swapped: only the sizes tell.
    (f,) = _rule(_findings(tmp_path, **_swap()), "EP030")
    assert f.reported == "ODP 2.26E-02; AP 1.34E-06"


def test_plausible_rows_are_silent(tmp_path: Path) -> None:
    findings = _findings(tmp_path)  # ODP 1.34E-06 kg CFC11 eq, AP 2.26E-02 mol H+ eq
    assert _rule(findings, "EP030") == []
    assert not [g for g in _rule(findings, "EP026") if "AP" in g.message or "ODP" in g.message]


def test_one_odd_value_is_not_a_swap(tmp_path: Path) -> None:
    # AP far too small, ODP where it belongs: swapping would make ODP implausible.
    findings = _findings(tmp_path, ap=AP_ROW.replace("2.26E-02", "1.34E-06"))
    assert _rule(findings, "EP030") == []
    assert [g.reported for g in _rule(findings, "EP026") if "AP A1-A3" in g.message] == ["1.34E-06"]


def test_units_that_name_the_swap_leave_it_to_ep027(tmp_path: Path) -> None:
    findings = _findings(tmp_path, **_swap(odp_unit="mol H+ eq", ap_unit="kg CFC11 eq"))
    assert _rule(findings, "EP030") == []
    assert _rule(findings, "EP027")


GWP_FOSSIL = (5.20, 0.135, 0.342, 0.135, 0.772)  # A1-A3, A4, A5, C2, C4 in EPD above


def _row(ratio: float) -> str:
    """Values at ``ratio`` kg of the indicator per kg CO2 eq. of GWP-fossil, module D 0."""
    return " | ".join([*(f"{ratio * g:.2E}" for g in GWP_FOSSIL), "0.00E+00"])


def test_a_block_shifted_by_one_row_is_not_called_a_swap(tmp_path: Path) -> None:
    # ODP holds acidification-sized values, AP resource-sized ones, ADPF ozone-sized ones:
    # every row is another's, and ADPF fits both ODP's and AP's place, so no two rows
    # simply exchanged labels.
    shifted = (
        EPD.replace("| POCP | kg NMVOC eq |", "| ADPF | MJ |")
        .replace("1.80E-02 | 6.32E-04 | 6.76E-04 | 6.42E-04 | 2.15E-04 | -8.51E-03", _row(6.6e-5))
        .format(odp=_row(6.9e-2), ap=_row(8.0), odp_unit="kg CFC11 eq", ap_unit="mol H+ eq")
    )
    path = tmp_path / "shifted.md"
    path.write_text(shifted, encoding="utf-8")
    findings = pipeline.audit(path.read_bytes(), name=str(path)).findings
    assert _rule(findings, "EP030") == []
    assert {f.message.split(" is ")[0].split(", ")[-1] for f in _rule(findings, "EP026")} >= {
        "ODP A1-A3",
        "AP A1-A3",
        "ADPF A1-A3",
    }  # the sizes are still reported, row by row
