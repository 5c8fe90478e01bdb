"""AR013: one of several percentage changes in a sentence that the table does not give,
found by the arithmetic (which two rows, which columns), not by wording."""

from __future__ import annotations

from pcfaudit.pipeline import audit

# Stage emissions (two scenarios) and the whole period, with share columns between them.
_TABLE = """# 2 结果

表2 各阶段排放量

<table>
<tr><td>情景</td><td>阶段一</td><td>占比/%</td><td>阶段二</td><td>占比/%</td><td>阶段三</td><td>占比/%</td><td>全期</td></tr>
<tr><td>基准</td><td>200.00</td><td>40.00</td><td>150.00</td><td>30.00</td><td>150.00</td><td>30.00</td><td>500.00</td></tr>
<tr><td>改进</td><td>170.00</td><td>40.96</td><td>120.00</td><td>28.92</td><td>125.00</td><td>30.12</td><td>415.00</td></tr>
<tr><td>对照</td><td>210.00</td><td>39.62</td><td>160.00</td><td>30.19</td><td>160.00</td><td>30.19</td><td>530.00</td></tr>
</table>

{sentence}
"""


def _ar013(sentence: str) -> list:
    text = _TABLE.format(sentence=sentence)
    return [f for f in audit(text.encode("utf-8"), name="r.md").findings if f.rule == "AR013"]


def test_whole_period_change_that_the_table_does_not_give_is_flagged() -> None:
    # 改进 vs 基准: -15.00 %, -20.00 %, -16.67 % by stage; whole period -17.00 %.
    sentence = "与基准相比，改进情景在三个阶段分别降低了15.00%、20.00%和16.67%，全期降低了27.00%。"
    (f,) = _ar013(sentence)
    assert f.reported == "27.00%"
    assert f.expected == "17.00%"
    assert "改进" in f.message and "基准" in f.message


def test_stages_named_out_of_table_order_english() -> None:
    sentence = (
        "Compared with the baseline, the improved case lowered stage two, stage one and stage "
        "three by 20.00%, 15.00% and 16.67%, and the whole period by 7.00%."
    )
    (f,) = _ar013(sentence)
    assert f.reported == "7.00%" and f.expected == "17.00%"


def test_sentence_that_reproduces_is_silent() -> None:
    sentence = "与基准相比，改进情景在三个阶段分别降低了15.00%、20.00%和16.67%，全期降低了17.00%。"
    assert _ar013(sentence) == []


def test_share_sentence_is_not_read_as_changes() -> None:
    sentence = "基准情景中阶段一占比40.00%，阶段二和阶段三各占30.00%，合计较对照降低了5.66%。"
    assert _ar013(sentence) == []
