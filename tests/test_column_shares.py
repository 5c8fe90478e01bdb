"""Shares stated "respectively" in the text, for labels that are columns of a table with a
total column (found by relation discovery, not by header words)."""

from __future__ import annotations

from pcfaudit.extract.text import extract_text
from pcfaudit.interpret import interpret
from pcfaudit.pipeline import audit
from pcfaudit.recompute import recompute

_TABLE = """# 3 结果

表2 各来源排放量（万t）

| 年份 | 钢材 | 电力 | 运输 | 包装 | 合计 |
| --- | --- | --- | --- | --- | --- |
| 2019 | 12.40 | 5.10 | 1.20 | 0.30 | 19.00 |
| 2020 | 13.10 | 5.60 | 1.40 | 0.20 | 20.30 |
| 2021 | 14.00 | 6.00 | 1.10 | 0.40 | 21.50 |
| 2022 | 14.60 | 6.30 | 1.30 | 0.30 | 22.50 |

{sentence}
"""


def _ar008(sentence: str) -> list:
    text = _TABLE.format(sentence=sentence)
    return [f for f in audit(text.encode("utf-8"), name="r.md").findings if f.rule == "AR008"]


def test_share_that_belongs_to_another_column_is_named_as_swapped() -> None:
    # Over 2019-2022: steel 64.7 %, electricity 27.4 %, transport 6.0 %, packaging 1.4 %.
    (f,) = _ar008("研究期内，钢材、电力和包装产生的碳排放量所占比例最大，分别为65%、27%和6%。")
    assert f.reported == "6%"
    assert "运输" in (f.likely_cause or "") and "swapped" in (f.likely_cause or "")
    assert "1.4%" in (f.likely_cause or "")


def _statuses(sentence: str) -> list[tuple[str, str]]:
    doc = extract_text(_TABLE.format(sentence=sentence).encode("utf-8"), "r.md")
    checks = recompute(interpret(doc), doc.tables)
    return [(c.reported or "", c.status) for c in checks if c.relation == "prose-share"]


def test_correct_respective_shares_are_checked_and_silent() -> None:
    sentence = "研究期内，钢材、电力和运输产生的碳排放所占比例分别为65%、27%和6%。"
    assert _statuses(sentence) == [("65%", "pass"), ("27%", "pass"), ("6%", "pass")]
    assert _ar008(sentence) == []


def test_one_rows_share_is_an_honest_reading() -> None:
    # 2022: 14.60 / 22.50 = 64.9 % (over all years it is 64.7 %).
    assert _statuses("钢材的碳排放占比为64.9%。") == [("64.9%", "pass")]
