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
