"""AR022: a fertiliser dose per plot restated per hectare, recomputed from the plot area and
the fertiliser grade."""

from __future__ import annotations

from pcfaudit.pipeline import audit


def _ar022(text: str) -> list:
    return [f for f in audit(text.encode("utf-8"), name="r.md").findings if f.rule == "AR022"]


_ZH = (
    "# 1 材料与方法\n\n试验设3个处理，每个处理重复4次，小区面积为 5 m × 6 m = 30 m²。\n\n"
    "播种前施基肥，每小区施用复合肥(20-10-10) {mass}，相当于N施用量为 {rate} kg/hm²。\n"
)
_EN = (
    "# Methods\n\nEach plot area was 12 m2 and treatments were replicated three times.\n\n"
    "Urea-based compound fertiliser (18-18-18) was applied at {mass} per plot, equivalent "
    "to {rate} kg N ha-1 in every treatment.\n"
)


def test_zh_rate_that_does_not_follow_from_plot_and_grade() -> None:
    # 1.2 kg × 20 % / 30 m² = 8 g/m² = 80 kg/hm²; 120 would need 1800 g.
    (f,) = _ar022(_ZH.format(mass="1.2 kg", rate="120"))
    assert f.severity == "warning"
    assert f.reported == "120 kg·hm⁻²" and f.expected == "80 kg·hm⁻²"
    assert "1800 g" in f.message


def test_en_rate_that_follows_within_rounding_is_silent() -> None:
    # 1000 g × 18 % / 12 m² = 150 kg/ha; 150 stated: read, checked, consistent.
    result = audit(_EN.format(mass="1000 g", rate="150").encode("utf-8"), name="r.md")
    (dose,) = [s for s in result.report.statements if s.kind == "dose-conversion"]
    assert [v.text for v in dose.values] == ["1000", "12", "18", "150"]
    assert [f for f in result.findings if f.rule == "AR022"] == []


def test_en_wrong_rate_is_flagged() -> None:
    (f,) = _ar022(_EN.format(mass="1000 g", rate="200"))
    assert f.expected == "150 kg·hm⁻²"


def test_product_without_a_grade_is_not_restated() -> None:
    text = "# 1 方法\n\n小区面积为 4 m²。\n\n每小区施硅酸钠 183 g，相当于施硅量为 200 kg/hm²。\n"
    assert _ar022(text) == []
