"""CN006: one figure printed in a table and in the text on different carbon bases."""

from __future__ import annotations

from pcfaudit.pipeline import audit

_TABLE = """# 1 方法

表1 排放系数

| 项目 | 系数 |
| --- | --- |
| 柴油 | 3.096 kg(CO2)·kg-1 |
| 灌溉 | {irrigation} |

根据文献，每灌溉1 cm水耗电约14.8 kWh，可引起 $1 . 2 9 \\mathrm {{ k g }} ( \\mathrm {{ C O }} _ {{ 2 }} - \\mathrm {{ C }} )$ 排放；柴油按 3.096 kg(CO2)/kg 计。
"""


def _cn006(irrigation: str) -> list:
    text = _TABLE.format(irrigation=irrigation)
    return [f for f in audit(text.encode("utf-8"), name="r.md").findings if f.rule == "CN006"]


def test_factor_in_co2_in_the_table_and_in_carbon_in_the_text() -> None:
    (f,) = _cn006("1.29 kg(CO2)·cm-1")
    assert f.reported == "1.29 kg(CO2-C)"
    assert f.expected == "1.29 kg(CO2)·cm-1"


def test_same_basis_in_both_places_is_silent() -> None:
    assert _cn006("1.29 kg(CO2-C)·cm-1") == []
