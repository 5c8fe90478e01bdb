"""interpret resolves what a sentence names against the report's own results table, so the
narrative rules compare typed subjects with numbers and never read the sentence."""

from __future__ import annotations

from pcfaudit.model import Stage, StatementKind
from pcfaudit.pipeline import audit

REPORT = """# Carbon footprint of a pump housing

Functional unit: 1 pump housing. GWP values: IPCC AR6.

Table 2 Emissions by source

| Source | Amount | Unit | Emission factor | Emissions (kg CO2e) |
|---|---|---|---|---|
| Cast iron (sand casting) | 12 | kg | 1.90 kg CO2e/kg | 22.80 |
| Electricity (machining) | 8 | kWh | 0.58 kg CO2e/kWh | 4.64 |
| Road transport | 120 | t·km | 0.10 kg CO2e/t·km | 12.00 |

{sentence}

The study covers the raw material acquisition stage, the production stage, the distribution
stage and the end-of-life stage.
"""


def _statements(sentence: str) -> list:
    result = audit(REPORT.format(sentence=sentence).encode("utf-8"), name="pump.md")
    return result.report.statements


def test_a_hotspot_naming_an_item_resolves_to_that_items_lines() -> None:
    (hot,) = [s for s in _statements("Cast iron contributes the most to the footprint.")
              if s.kind is StatementKind.HOTSPOT]  # fmt: skip
    assert hot.named is not None
    assert (hot.named.dimension, hot.named.name) == ("item", "Cast iron")


def test_a_hotspot_naming_a_stage_resolves_to_the_stage() -> None:
    (hot,) = [s for s in _statements("The production stage contributes the most.")
              if s.kind is StatementKind.HOTSPOT]  # fmt: skip
    assert hot.named is not None
    assert (hot.named.dimension, hot.named.key) == ("stage", Stage.PRODUCTION.value)


def test_a_stage_list_resolves_to_its_stages() -> None:
    lists = [s for s in _statements("") if s.kind is StatementKind.STAGE_LIST]
    assert [s.stages for s in lists] == [
        [Stage.RAW_MATERIAL, Stage.PRODUCTION, Stage.DISTRIBUTION, Stage.END_OF_LIFE]
    ]


CLAUSES = """# Carbon footprint of a ceramic basin

The system boundary is cradle to gate: distribution to customers is excluded.

{sentence}
"""


def _data_used(sentence: str) -> list:
    result = audit(CLAUSES.format(sentence=sentence).encode("utf-8"), name="basin.md")
    return [s for s in result.report.statements if s.kind is StatementKind.DATA_USED]


def test_data_said_to_be_used_carries_its_stage_and_transport() -> None:
    (used,) = _data_used("本研究采用了产品分销的公路运输数据，来源于 CLCD 数据库。")
    assert used.transport and used.subject == "产品分销的公路运输数据"
    assert used.stages == [Stage.DISTRIBUTION]
    (used,) = _data_used("Road freight datasets from ecoinvent 3.9 were used by the assessment.")
    assert used.transport and used.subject == "Road freight datasets from ecoinvent 3.9"


def test_a_calculation_described_is_not_data_used() -> None:
    assert _data_used("本研究采用排放因子法计算运输排放。") == []


def test_transport_data_used_against_an_excluded_distribution_stage() -> None:
    text = CLAUSES.format(sentence="本研究采用了产品分销的公路运输数据，来源于 CLCD 数据库。")
    found = [f for f in audit(text.encode("utf-8"), name="basin.md").findings if f.rule == "BD004"]
    assert [f.reported for f in found] == ["产品分销的公路运输数据"]
