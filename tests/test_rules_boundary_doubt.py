"""BD001 reads boundary claims, not the conditions for comparing two studies (issue 18).
Inputs written for these tests, en + zh."""

from __future__ import annotations

from pcfaudit.model import Finding
from pcfaudit.pipeline import audit


def _bd001(text: str, name: str) -> list[Finding]:
    return [f for f in audit(text.encode("utf-8"), name=name).findings if f.rule == "BD001"]


_EN = """# Environmental product declaration: concrete paving block

## Comparability

Declarations of different programmes may not be comparable. Two declarations are comparable
only when they cover products with the same function, technical performance and use, and have
equivalent system boundaries.

## System boundary

The system boundary is cradle-to-gate: raw material supply, transport and manufacturing.
{extra}
"""

_ZH = """某某地砖 产品碳足迹报告

1 可比性说明

不同项目的报告只有在功能、技术性能和使用阶段相同、系统边界等同时才具有可比性。

2 系统边界

本研究系统边界为从摇篮到大门，包括原材料获取、原材料运输和产品生产。{extra}
"""


def test_en_comparability_boilerplate_is_no_use_stage_claim():
    assert _bd001(_EN.format(extra=""), "cmp.md") == []


def test_zh_comparability_sentence_is_no_use_stage_claim():
    assert _bd001(_ZH.format(extra=""), "cmp.txt") == []


def test_en_use_stage_included_in_a_gate_study_is_still_reported():
    extra = "The system boundary also includes the use stage of the blocks."
    [f] = _bd001(_EN.format(extra=extra), "gate.md")
    assert "cradle-to-gate" in f.message and "use" in f.message


def test_zh_use_stage_included_in_a_gate_study_is_still_reported():
    [f] = _bd001(_ZH.format(extra="系统边界还包括产品使用阶段。"), "gate.txt")
    assert "cradle-to-gate" in f.message and "使用" in f.message_zh
