"""NA004: an order the text states against the table column it describes. Reports written for
these tests (a PCF report's stage ranking, a field trial's treatment ranking, an English table
with treatments as columns); none is a seed or a real document."""

from __future__ import annotations

from pcfaudit.interpret.rankings import ranking_statements
from pcfaudit.model import Document, Finding, Location, StatementKind
from pcfaudit.model.document import Block, SourceInfo
from pcfaudit.pipeline import audit


def _na004(text: str, name: str = "r.md") -> list[Finding]:
    return [f for f in audit(text.encode("utf-8"), name=name).findings if f.rule == "NA004"]


_STAGES = """# 产品碳足迹报告

## 5 结果

表 5-1 各阶段碳排放

| 生命周期阶段 | 排放量 (t CO2e) | 占比 (%) |
| --- | --- | --- |
| 原材料获取阶段 | 812.4 | 61.2 |
| 生产制造阶段 | 205.7 | 15.5 |
| 运输阶段 | 309.1 | 23.3 |
| 合计 | 1327.2 | 100.0 |

## 6 结论

{sentence}
"""


def test_stage_ranking_that_swaps_two_stages_is_reported_with_the_tables_order() -> None:
    (f,) = _na004(
        _STAGES.format(
            sentence="各阶段碳排放量由大到小依次为：原材料获取阶段 > 生产制造阶段 > 运输阶段。"
        )
    )
    assert f.severity == "warning"
    assert f.expected == "原材料获取阶段 812.4 > 运输阶段 309.1 > 生产制造阶段 205.7"
    assert "运输阶段 309.1 > 生产制造阶段 205.7" in f.message
    assert f.locations[0].section is not None and "6" in f.locations[0].section
    # The two cells that contradict the sentence, in the emissions column.
    assert [(loc.row, loc.column) for loc in f.locations[1:]] == [(2, 1), (3, 1)]  # header is row 0


def test_stages_named_without_their_table_wording_are_matched_by_stage() -> None:
    text = _STAGES.replace("| 运输阶段 |", "| 产品运输阶段 |").format(
        sentence="排放量从高到低依次是：原材料获取 > 生产制造 > 产品运输。"
    )
    (f,) = _na004(text)
    assert f.expected == "原材料获取阶段 812.4 > 产品运输阶段 309.1 > 生产制造阶段 205.7"


def test_stage_ranking_that_follows_the_table_is_silent() -> None:
    text = _STAGES.format(
        sentence="各阶段碳排放量由大到小依次为：原材料获取阶段 > 运输阶段 > 生产制造阶段。"
    )
    assert _na004(text) == []


_TRIAL = """# 2 结果

表 2 不同处理温室气体排放总量

| 处理 | N2O 小麦季 | N2O 全年 | CH4 全年 | 产量 |
| --- | --- | --- | --- | --- |
| A1 | 0.91 | 2.10 | -2.41 | 7 512 |
| A2 | 1.32 | 2.47 | -1.62 | 7 966 |
| B1 | 1.05 | 2.31 | -1.20 | 8 204 |
| B2 | 0.88 | 2.30 | -1.95 | 7 740 |

{sentence}
"""


def test_treatment_order_is_read_on_the_column_the_sentence_names() -> None:
    # The annual N2O column gives B1 2.31 > B2 2.30; the wheat-season column (not named)
    # would give yet another order.
    (f,) = _na004(
        _TRIAL.format(sentence="N2O 全年排放总量由大到小的顺序为 A2(处理二) > B2 > B1 > A1。")
    )
    assert f.expected == "A2 2.47 > B1 2.31 > B2 2.30 > A1 2.10"
    assert "N2O 全年" in (f.message or "")


def test_a_sink_printed_negative_is_ranked_by_its_size() -> None:
    text = _TRIAL.format(sentence="CH4 全年吸收量由高到低依次为 A1 > B2 > A2 > B1。")
    assert _na004(text) == []


def test_values_equal_within_rounding_may_stand_in_either_order() -> None:
    text = _TRIAL.format(sentence="N2O 全年排放由大到小为 A2 > B1 > B2 > A1。").replace(
        "| 2.30 |", "| 2.31 |"
    )
    assert _na004(text) == []


def test_a_sentence_that_names_no_column_is_not_judged() -> None:
    # "排放" is in no header that tells the columns apart: which column is meant is unclear.
    text = _TRIAL.format(sentence="各处理排放由大到小的顺序为 A1 > B1 > A2 > B2。")
    assert _na004(text) == []


_EN_COLUMNS = """# Results

Table 3 Results per treatment

| Indicator | T1 | T2 | T3 |
| --- | --- | --- | --- |
| Grain yield (t/ha) | 6.8 | 7.4 | 7.1 |
| Emissions (kg CO2e/ha) | 2 410 | 2 655 | 2 530 |
| Intensity (kg CO2e/t) | 354 | 359 | 356 |

{sentence}
"""


def test_english_ranking_on_a_table_with_treatments_as_columns() -> None:
    (f,) = _na004(
        _EN_COLUMNS.format(
            sentence="Treatments ranked in descending order of grain yield: T3 > T2 > T1."
        )
    )
    assert f.expected == "T2 7.4 > T3 7.1 > T1 6.8"


def test_english_ascending_order_that_holds_is_silent() -> None:
    text = _EN_COLUMNS.format(
        sentence="In ascending order of emissions: T1 < T3 < T2, as expected from the inputs."
    )
    assert _na004(text) == []


def _ranking(text: str) -> list[str | None]:
    block = Block(kind="paragraph", text=text, location=Location(line=1))
    document = Document(SourceInfo("r.txt", "", "text"), [block])
    return [s.subject for s in ranking_statements(document) if s.kind is StatementKind.RANKING]


def test_an_operator_the_converter_dropped_between_labelled_items_is_restored() -> None:
    assert _ranking(
        "排放总量由大到小的顺序为翻耕(F )> 旋耕 (X )> 对照 (CK ) 免耕1(M1)，差异显著。"
    ) == ["翻耕(F) > 旋耕 (X) > 对照 (CK) > 免耕1(M1)"]


def test_lists_without_an_order_are_no_ranking() -> None:
    assert _ranking("排放量依次为 2.06、2.28 和 2.54 kg，顺序与 N2O 排放顺序相同。") == []
    assert _ranking("由大到小的顺序为 A < B < C。") == []  # words and operators disagree
