"""AR021: percentage changes that reproduce from the table only on the wrong base (a decrease
divided by the reduced value, an increase by the increased one)."""

from __future__ import annotations

from pcfaudit.pipeline import audit

_ZH = """# 2 结果与分析

表1 不同处理的指标

<table>
<tr><td>处理</td><td>甲指标/kg</td><td>乙指标/kg</td><td>丙指标/kg</td></tr>
<tr><td>对照</td><td>20.00</td><td>10.00</td><td>30.00</td></tr>
<tr><td>处理一</td><td>15.00</td><td>6.00</td><td>27.00</td></tr>
<tr><td>处理二</td><td>18.00</td><td>9.50</td><td>29.10</td></tr>
</table>

{sentence}
"""

# Items as rows, treatments as columns (the transpose of the layout above).
_EN = """# Results

Table 1 Measured indicators

| Indicator | Control | Treatment A | Treatment B |
|---|---|---|---|
| Yield (t) | 15.00 | 20.00 | 16.20 |
| Biomass (t) | 6.00 | 10.00 | 6.40 |
| Height (cm) | 27.00 | 30.00 | 27.70 |

{sentence}
"""


def _ar021(template: str, sentence: str) -> list:
    text = template.format(sentence=sentence)
    return [f for f in audit(text.encode("utf-8"), name="r.md").findings if f.rule == "AR021"]


def test_decrease_divided_by_the_reduced_value_is_flagged() -> None:
    # (20 - 15)/15 = 33.33 %, (10 - 6)/6 = 66.67 %, (30 - 27)/27 = 11.11 %: on the reduced
    # value; the decreases are 25.00 %, 40.00 %, 10.00 %.
    sentence = "与对照相比，处理一使甲、乙、丙三项指标分别降低了33.33%、66.67%和11.11%。"
    (f,) = _ar021(_ZH, sentence)
    assert f.severity == "warning"
    assert f.reported == "66.67%" and f.expected == "40.00%"
    assert "25.00%" in f.message and "10.00%" in f.message


def test_english_increase_divided_by_the_larger_value_in_a_transposed_table() -> None:
    # Control -> A: +33.33 %, +66.67 %, +11.11 %; printed on the larger value.
    sentence = (
        "Compared with the control, treatment A increased yield, biomass and height by "
        "25.00%, 40.00% and 10.00%, respectively."
    )
    (f,) = _ar021(_EN, sentence)
    assert f.reported == "40.00%" and f.expected == "66.67%"
    assert "wrong base" in (f.likely_cause or "")


def test_decrease_on_the_right_base_is_silent() -> None:
    sentence = "与对照相比，处理一使甲、乙、丙三项指标分别降低了25.00%、40.00%和10.00%。"
    assert _ar021(_ZH, sentence) == []


def test_sentence_with_both_directions_is_not_read() -> None:
    sentence = "处理一的甲、乙指标分别比对照降低了33.33%和66.67%，丙指标则高于处理二11.11%。"
    assert _ar021(_ZH, sentence) == []
