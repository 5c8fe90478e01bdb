"""``batch`` and ``results`` for a Chinese reader: the progress and closing lines on stderr
in the locale's language, ``results --lang zh`` (summary and ``--analytics``) with no
English fragment left (file names, rule codes, units, numbers and the reports' own words
excepted); the English output as it was."""

from __future__ import annotations

import io
import re
from pathlib import Path
from typing import Any

import pytest
from rich.console import Console
from typer.testing import CliRunner

from pcfaudit.batch.cli import BatchProgress
from pcfaudit.batch.export import analytics_text, summary_text
from pcfaudit.cli import app
from test_i18n import english_words

ENGLISH = """# Steel bracket carbon footprint study (Eastfield Metals Ltd)

## 1. Scope

The declared unit is 1 kg of galvanised steel bracket, assessed cradle-to-gate according to
ISO 14067:2018. GWP values are the 100-year values of IPCC AR5.

## 2. Results

Table 2: Inventory of one kg of bracket

| Input | Gas | Quantity | Emission factor (kgCO2e/unit) | GWP | Emissions (kgCO2e) |
|---|---|---|---|---|---|
| Hot-rolled steel (kg) | CO2 | 1.05 | 2.10 | 1 | 2.205 |
| Zinc (kg) | CO2 | 0.04 | 3.50 | 1 | 0.140 |
| Electricity (kWh) | CO2 | 0.80 | 0.5703 | 1 | 0.456 |
| Total |  |  |  |  | 2.901 |

## 3. Conclusion

The footprint of the bracket is 2.901 kgCO2e per kg.
"""

# Two valve reports of different companies: the same 2021 North China grid factor printed
# with different values (a factor conflict), the same inventory (a copied one), and a
# total that is not the sum of its lines.
VALVE = """{company} 不锈钢球阀产品碳足迹报告

1 目标与范围
本报告的功能单位为 1 t 不锈钢球阀，系统边界为从摇篮到大门。
温室气体全球变暖潜势采用 IPCC 第五次评估报告（AR5）的 100 年值。核算依据 ISO 14067:2018。
外购电力排放因子取 {factor} tCO2/MWh (2021 华北电网)。

2 数据收集
数据收集期间为 2022 年 1 月至 2022 年 12 月，年产量 500 t。

表 3-2 碳足迹核算结果

项目	分类	消耗数据	排放因子	GWP	CO2 当量 (t)
电力(MWh)	CO2	860	0.6101	1	524.686
不锈钢 (t)	CO2	540	2.8500	1	1539.000
天然气(万 m3)	CO2	5.0	21.622	1	108.110
合计 (tCO2e)					2271.796

3 结论
产品碳足迹为 2271.796 tCO2e，单位产品碳足迹为 4.544 tCO2e/t。
"""
NOTES = "Meeting notes\n\nWe talked about the new parking rules and the coffee machine.\n"
OWN_WORDS = ENGLISH + NOTES  # the reports' own words may be quoted as they are


def _clear_locale(lang: str) -> dict[str, str]:
    return {"LC_ALL": "", "LC_MESSAGES": "", "LANG": lang, "COLUMNS": "200"}


def invoke(*args: str, lang: str = "C.UTF-8") -> Any:
    return CliRunner().invoke(app, list(args), env=_clear_locale(lang), catch_exceptions=False)


@pytest.fixture(scope="module")
def archive(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path, Any]:
    root = tmp_path_factory.mktemp("zh-batch")
    folder = root / "reports"
    folder.mkdir()
    (folder / "bracket.md").write_text(ENGLISH, encoding="utf-8")
    (folder / "球阀.txt").write_text(
        VALVE.format(company="浙江青禾阀门有限公司", factor="0.6101"), encoding="utf-8"
    )
    (folder / "球阀乙.txt").write_text(
        VALVE.format(company="河北正通阀业有限公司", factor="0.5856"), encoding="utf-8"
    )
    (folder / "notes.txt").write_text(NOTES, encoding="utf-8")  # read, but not a report
    (folder / "empty.txt").write_text("", encoding="utf-8")  # cannot be read at all
    db = root / "results.sqlite"
    done = invoke("batch", str(folder), "--db", str(db), "--jobs", "1", lang="zh_CN.UTF-8")
    return folder, db, done


def _left(text: str) -> list[str]:
    """English words in ``text`` apart from file names, the command a user types and the
    reports' own words."""
    text = re.sub(r"\S*/\S+", " ", text).replace("pcfaudit results", " ")  # (shortened) paths
    text = re.sub(r"\b[0-9a-f]{16}\b", " ", text)  # an inventory's hash
    return english_words(text, allowed=OWN_WORDS)


def test_batch_progress_and_closing_line_follow_a_chinese_locale(archive: Any) -> None:
    folder, _db, done = archive
    assert done.exit_code == 2, done.stderr  # one file could not be read
    lines = done.stderr.splitlines()
    assert lines[0].startswith("[1/5] 每分钟 ") and "个文件，预计还需" in lines[0]
    assert any(
        line.endswith("empty.txt（无法读取：" + str(folder / "empty.txt") + "：文件为空）")
        for line in lines
    )
    assert lines[-1].startswith("完成：审核 3 个，无法审核 2 个（无法读取 2 个），跳过 0 个")
    assert _left(done.stderr) == []


def test_rerun_says_what_it_skips_in_chinese(archive: Any) -> None:
    folder, db, _ = archive
    again = invoke("batch", str(folder), "--db", str(db), "--jobs", "1", lang="zh_CN.UTF-8")
    assert again.stderr.startswith("跳过 5 个已审核的文件")
    assert _left(again.stderr) == []
    english = invoke("batch", str(folder), "--db", str(db), "--jobs", "1")
    assert english.stderr.startswith("Skipping 5 files already audited")
    assert "Done: 0 audited, 0 could not be audited, 5 skipped (already audited)" in english.stderr


def test_results_summary_in_chinese(archive: Any) -> None:
    _folder, db, _ = archive
    text = invoke("results", str(db), "--lang", "zh").stdout
    assert text.startswith(
        "已审核报告：3\n无法审核：2（无法读取 2 个）\n结论：有问题 3 份、无法读取 1 份\n"
    )
    for heading in ("按类别统计的问题", "按规则统计的问题", "影响最大的报告", "无法审核的文件"):
        assert f"\n{heading}\n" in text
    assert re.search(r"AR003\s+6\s+3\s+合计不等于各行之和", text)  # the catalog's Chinese title
    assert re.search(r"算术\s+6\s+0\s+0", text)
    # the report that could not be read: why, by its rule's title (its message is English)
    assert re.search(r"notes\.txt\s+无法读取\s+提取的文本过少，无法审核", text)
    assert re.search(r"empty\.txt\s+无法读取\s+\S+empty\.txt：文件为空", text)
    assert _left(text) == []


def test_results_analytics_in_chinese(archive: Any) -> None:
    folder, db, _ = archive
    text = invoke("results", str(db), "--analytics", "--lang", "zh").stdout
    analytics = text[text.index("档案分析") :]
    assert "同一排放因子标签印有不同数值：1\n  2021 华北 电力（tCO2/MWh）：\n" in analytics
    assert f"    0.5856：{folder / '球阀乙.txt'}" in analytics
    assert "不同产品的报告中清单完全相同：1\n  3 行，清单 " in analytics
    assert (
        f"    {folder / '球阀.txt'}（浙江青禾阀门有限公司 不锈钢球阀产品碳足迹报告）" in analytics
    )
    assert "不同产品之间相同的长数字序列：" in analytics
    assert _left(text) == []


def test_results_language_follows_the_locale_and_the_root_option(archive: Any) -> None:
    _folder, db, _ = archive
    chinese = invoke("results", str(db), "--analytics", "--lang", "zh").stdout
    assert invoke("results", str(db), "--analytics", lang="zh_CN.UTF-8").stdout == chinese
    assert invoke("--lang", "zh", "results", str(db), "--analytics").stdout == chinese
    english = invoke("results", str(db), "--analytics").stdout
    assert (
        invoke("results", str(db), "--analytics", "--lang", "en", lang="zh_CN.UTF-8").stdout
        == english
    )


def test_results_in_english_as_before(archive: Any) -> None:
    folder, db, _ = archive
    text = invoke("results", str(db), "--analytics", "--lang", "en").stdout
    assert text.startswith("Reports audited: 3\nCould not audit: 2 (2 unreadable)\n"
                           "Verdicts: 3 findings, 1 unreadable\n")  # fmt: skip
    assert re.search(r"category\s+errors\s+warnings\s+info\n\s+arithmetic\s+6", text)
    assert re.search(r"AR003\s+6\s+3\s+Total is not the sum of its lines", text)
    assert re.search(
        r"notes\.txt\s+unreadable\s+Only \d+ characters in 2 blocks were extracted", text
    )
    assert (
        "Factor labels printed with different values: 1\n  2021 华北 electricity (tCO2/MWh):\n"
        in text
    )
    assert f"    0.5856: {folder / '球阀乙.txt'}" in text
    assert (
        "Identical inventories in reports of different products: 1\n  3 lines, inventory " in text
    )
    ours = "\n".join(line for line in text.splitlines() if "/" not in line)  # not a file's line
    assert not re.search(r"[\u4e00-\u9fff]", ours.replace("华北", ""))  # but the report's region


def test_per_report_export_says_what_it_wrote_in_chinese(archive: Any, tmp_path: Path) -> None:
    _folder, db, _ = archive
    done = invoke(
        "results", str(db), "--per-report", str(tmp_path), "-f", "json", lang="zh_CN.UTF-8"
    )
    assert done.stderr.strip() == f"已将 4 个 json 文件写入 {tmp_path}"
    done = invoke("results", str(db), "--per-report", str(tmp_path), "-f", "json", "--lang", "en")
    assert done.stderr.strip() == f"Wrote 4 json files to {tmp_path}"


# --------------------------------------------------------------------------- pieces


def test_live_progress_bar_in_chinese() -> None:
    """On a terminal: the bar's words and a file that could not be audited."""
    buffer = io.StringIO()
    console = Console(file=buffer, force_terminal=True, color_system=None, width=160)
    progress = BatchProgress(console, lang="zh")
    progress.start(2, skipped=1)
    progress.advance({"kind": "timeout", "message": "no result after 120 s", "path": "/a/b.pdf"})
    progress.advance({"kind": "result", "summary": {"error": 2}, "path": "/a/c.pdf"})
    progress.stop()
    text = re.sub(r"\x1b\[[0-9;?]*[A-Za-z]", "", buffer.getvalue())
    assert "跳过 1 个已审核的文件" in text and "超时：超过 120 秒仍无结果" in text
    assert "审核中" in text and "每分钟" in text and "预计剩余" in text
    assert english_words(text) == []


def test_unknown_kinds_and_verdicts_stay_as_stored() -> None:
    data = {"reports_audited": 1, "could_not_audit": 1, "errors_by_kind": {"vanished": 1},
            "verdicts": {"clean": 1}, "findings_by_category": {}, "findings_by_rule": [],
            "worst_reports": [], "unaudited": [{"path": "/x.pdf", "kind": "vanished", "message": "gone"}]}  # fmt: skip
    text = summary_text(data, "zh")
    assert "无法审核：1（vanished 1 个）" in text and "结论：无问题 1 份" in text
    assert re.search(r"/x\.pdf\s+vanished\s+gone", text)
    assert summary_text(data) == summary_text(data, "en")
    empty = {"factor_conflicts": [], "identical_inventories": [], "shared_sequences": []}
    assert analytics_text(empty, "zh") == "\n档案分析\n同一排放因子标签印有不同数值：0\n" \
        "不同产品的报告中清单完全相同：0\n不同产品之间相同的长数字序列：0\n"  # fmt: skip


def test_per_report_files_follow_lang_or_each_reports_own(archive: Any, tmp_path: Path) -> None:
    # The English bracket study: in English by default (its own language, whatever the
    # locale), in Chinese when --lang zh asks for it.
    _folder, db, _ = archive
    own, asked = tmp_path / "own", tmp_path / "zh"
    assert invoke("results", str(db), "--per-report", str(own), "-f", "markdown",
                  lang="zh_CN.UTF-8").exit_code == 0  # fmt: skip
    assert invoke("results", str(db), "--per-report", str(asked), "-f", "markdown",
                  "--lang", "zh").exit_code == 0  # fmt: skip
    (english,) = own.glob("bracket*.md")
    (chinese,) = asked.glob("bracket*.md")
    assert "checks passed" in english.read_text(encoding="utf-8")
    text = chinese.read_text(encoding="utf-8")
    assert "checks passed" not in text and re.search(r"[\u4e00-\u9fff]", text)
