"""Chinese output in Chinese: one message catalogue per language, and no English fragment
in what pcfaudit itself writes for a Chinese reader (the report's own words excepted)."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from typer.testing import CliRunner

from pcfaudit import i18n
from pcfaudit.cli import app
from pcfaudit.pipeline import audit
from pcfaudit.render import render
from pcfaudit.rules import load_catalog
from pcfaudit.rules.explain import explain_rule

SEEDS = sorted((Path(__file__).resolve().parents[1] / "fixtures" / "seeds").glob("*"))
# Two or more English words in a row, as pcfaudit's own prose would have them.
ENGLISH = re.compile(r"\b[a-z][a-z\-']+(?:[ ,/]+[a-z][a-z\-']+)+")
QUOTED = re.compile(r"“[^”]*”|「[^」]*」|\"[^\"]*\"", re.S)


def english_fragments(text: str) -> list[str]:
    text = QUOTED.sub("", text)
    lines = [
        line for line in text.splitlines()
        if not line.lstrip().startswith((">", "“")) and "fixtures/seeds" not in line
    ]  # fmt: skip
    return [m.group(0) for m in ENGLISH.finditer("\n".join(lines))]


def test_every_label_exists_in_both_languages() -> None:
    assert set(i18n.labels("en")) == set(i18n.labels("zh"))
    for key, text in i18n.labels("zh").items():
        assert not english_fragments(text), key


@pytest.mark.parametrize("seed", SEEDS, ids=[s.name for s in SEEDS])
def test_no_english_fragment_in_chinese_output(seed: Path) -> None:
    result = audit(seed)
    for fmt in ("text", "markdown"):
        assert english_fragments(render(result, fmt, "zh")) == [], fmt
    data = json.loads(render(result, "json", "zh"))
    for finding in data["findings"]:
        for key in ("title", "message", "reported", "expected", "likely_cause"):
            assert english_fragments(finding[key] or "") == [], (finding["rule"], key, finding[key])


def test_the_detector_sees_english() -> None:
    """The test above can fail: an untranslated phrase is caught."""
    assert english_fragments("应为 one functional unit throughout") == ["one functional unit throughout"]
    assert i18n.phrase("zh", "one functional unit throughout") == "全文统一的功能单位"
    assert i18n.phrase("zh", "emissions of the end of life stage") == "废弃处置阶段的排放"
    assert i18n.phrase("zh", "a quantity of natural gas consumed") == "天然气的消耗量"
    assert i18n.phrase("zh", "4.470") == "4.470" and i18n.phrase("en", "use") == "use"
    assert i18n.phrases_in("zh", "设备记为 16 units, 1 536 kW in total。") == "设备记为 16 台，共 1 536 kW。"


def test_explain_in_chinese_has_no_english_prose() -> None:
    for spec in load_catalog():
        text = explain_rule(spec, "zh")
        # Clause titles cite the standards as written; examples are the catalog's sample
        # wording, in the language of the report they come from.
        prose = re.split("## 对应条款|## 示例", text)[0]
        assert english_fragments(prose) == [], spec.code
    assert "## 检查内容" in explain_rule(load_catalog().require("GW001"), "zh")


def test_command_line_explain_zh() -> None:
    done = CliRunner().invoke(app, ["explain", "FU001", "--lang", "zh"])
    assert done.exit_code == 0 and "检查内容" in done.stdout and "What it checks" not in done.stdout


def test_usage_errors_in_chinese() -> None:
    seed = str(SEEDS[0])
    done = CliRunner().invoke(app, ["check", seed, "--select", "GW01", "--lang", "zh"])
    assert done.exit_code == 2 and done.stderr.count("\n") == 1
    assert "没有以" in done.stderr and "GW001" in done.stderr
    assert english_fragments(QUOTED.sub("", done.stderr.split("：", 1)[1])) == []
    done = CliRunner().invoke(app, ["check", seed, "-f", "xlsx"], env={"LANG": "zh_CN.UTF-8"})
    assert done.exit_code == 2 and "工作簿" in done.stderr
