"""EP031: fibre packaging listed but no uptake of its biogenic carbon in A1-A3. A small EPD
written for these tests: modules as rows, indicators as columns, packaging per declared unit."""

from __future__ import annotations

from pathlib import Path

import pcfaudit.pipeline as pipeline
from pcfaudit.model import Finding

EPD = """# Environmental Product Declaration — glazed roof tile

Declared unit: 1 t of roof tiles. Date of issue: 2025-06-01. Valid until: 2030-05-31.
In accordance with EN 15804:2012+A2:2019 and ISO 14025.

Packaging per declared unit

| Packaging material | Weight, kg |
|---|---|
| Corrugated cardboard | {board} |
| Wooden pallet | {pallet} |
| Stretch film (LDPE) | 4.10 |

Table 5. Core environmental impact indicators per declared unit

| Module | GWP-total (kg CO2 eq.) | GWP-fossil (kg CO2 eq.) | GWP-biogenic (kg CO2 eq.) | GWP-luluc (kg CO2 eq.) |
|---|---|---|---|---|
| A1-A3 | {total} | 4.10E+02 | {biogenic} | 1.20E+00 |
| A4 | 2.55E+01 | 2.55E+01 | 1.00E-02 | 1.00E-02 |
| A5 | {a5_total} | 3.00E+00 | {a5} | 1.00E-03 |
| C4 | 1.55E+01 | 1.50E+01 | 5.00E-01 | 1.00E-03 |
"""


def _ep031(tmp_path: Path, **cells: str) -> list[Finding]:
    values = {"board": "40.0", "pallet": "25.0", "biogenic": "2.50E+00", "total": "4.137E+02",
              "a5": "1.00E+00", "a5_total": "4.00E+00"} | cells  # fmt: skip
    path = tmp_path / "tile.md"
    path.write_text(EPD.format(**values), encoding="utf-8")
    result = pipeline.audit(path.read_bytes(), name=str(path))
    return [f for f in result.findings if f.rule == "EP031"]


def test_fibre_packaging_without_uptake_is_named(tmp_path: Path) -> None:
    (f,) = _ep031(tmp_path)
    assert f.severity == "warning" and f.category == "gwp"
    assert f.reported == "GWP-biogenic A1-A3 2.50E+00"
    # 65 kg of board and wood hold 19.5-35.8 kg C: 71.5-131 kg CO2 taken up.
    assert f.expected == "about -71.5 to -131 kg CO2 eq. from the packaging's uptake"
    assert "Corrugated cardboard 40.0 kg + Wooden pallet 25.0 kg = 65 kg" in f.message


def test_uptake_modelled_and_released_in_a5_is_silent(tmp_path: Path) -> None:
    assert _ep031(tmp_path, biogenic="-1.00E+02", total="3.112E+02", a5="1.01E+02",
                  a5_total="1.04E+02") == []  # fmt: skip


def test_small_packaging_against_a_positive_value_is_no_evidence(tmp_path: Path) -> None:
    # 0.5 kg of board: 0.55-1.0 kg CO2 of uptake, well inside what process emissions offset.
    assert _ep031(tmp_path, board="0.5", pallet="0.0") == []
