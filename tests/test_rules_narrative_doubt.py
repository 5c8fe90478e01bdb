"""A hotspot other studies found is no hotspot claim of this study (issue 18). The clean
office-chair reports of the negative tests, with a sentence citing another study added."""

from __future__ import annotations

from pathlib import Path

import pytest

from pcfaudit.model import StatementKind
from pcfaudit.pipeline import audit

DATA = Path(__file__).parent / "data" / "negatives"
CITED = [
    (
        "office_chair_zh.txt",
        "3 结果分析\n",
        "已有研究表明，同类办公椅中产品生产阶段对碳足迹的影响最大[8]。\n",
    ),
    (
        "office_chair_en.md",
        "## 3 Interpretation\n",
        "Smith et al. found that manufacturing is the largest contributor to the footprint of "
        "office chairs.\n",
    ),
    (
        "office_chair_zh.txt",
        "3 结果分析\n",
        "据报道，同类办公椅的产品生产阶段对碳足迹的影响最大。\n",
    ),
    (
        "office_chair_zh.txt",
        "3 结果分析\n",
        "王等（2019）指出，同类办公椅中产品生产阶段对碳足迹的影响最大。\n",
    ),
]


@pytest.mark.parametrize(("name", "anchor", "sentence"), CITED)
def test_a_cited_hotspot_of_another_study_is_no_claim(name: str, anchor: str, sentence: str):
    text = (DATA / name).read_text(encoding="utf-8")
    assert anchor in text
    result = audit(text.replace(anchor, f"{anchor}\n{sentence}").encode("utf-8"), name=name)
    assert [f for f in result.findings if f.rule.startswith("NA")] == []
    hotspots = [s for s in result.report.statements if s.kind is StatementKind.HOTSPOT]
    assert hotspots and not any("manufactur" in s.text or "产品生产" in s.text for s in hotspots)


@pytest.mark.parametrize(("name", "anchor", "sentence"), CITED)
def test_the_same_claim_about_this_study_is_still_reported(name: str, anchor: str, sentence: str):
    own = (
        "本研究中产品生产阶段对碳足迹的影响最大。\n"
        if name.endswith(".txt")
        else "In this study manufacturing is the largest contributor to the footprint.\n"
    )
    text = (DATA / name).read_text(encoding="utf-8").replace(anchor, f"{anchor}\n{own}")
    found = [f for f in audit(text.encode("utf-8"), name=name).findings if f.rule == "NA001"]
    assert found and found[0].severity == "error"
