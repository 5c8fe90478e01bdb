"""UN005: an intensity (per area, GDP, person) printed in a bare mass unit."""

from __future__ import annotations

from pcfaudit.pipeline import audit


def _un005(sentence: str) -> list:
    text = f"# 2 结果\n\n{sentence}\n"
    return [f for f in audit(text.encode("utf-8"), name="r.md").findings if f.rule == "UN005"]


def test_per_area_emission_printed_in_tonnes() -> None:
    (f,) = _un005("各县中，甲县 (2.35 × 10⁴ t) 单位耕地面积碳排放量最高，乙县最低。")
    assert f.reported == "2.35 × 10⁴ t"


def test_english_per_capita_in_tonnes() -> None:
    (f,) = _un005("Emissions per capita were highest in district A (3.2 t), lowest in B.")
    assert f.reported.startswith("3.2")


def test_intensity_with_its_per_unit_is_silent() -> None:
    assert _un005("甲县单位耕地面积碳排放量最高，为 2.35 t·hm⁻²，乙县最低。") == []


def test_per_product_result_is_not_an_intensity() -> None:
    assert _un005("单位产品碳足迹为 4.83 t，其中原材料阶段占 82%。") == []
