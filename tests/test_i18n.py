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
    source = seed.with_suffix(".txt").read_text(encoding="utf-8")  # the report's own words
    for fmt in ("text", "markdown"):
        output = render(result, fmt, "zh")
        assert english_fragments(output) == [], fmt
        lines = [line for line in output.splitlines() if "seeds" not in line]  # the file name
        assert [line for line in lines if english_words(line, allowed=source)] == [], fmt
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


# Stricter: any English word. Allowed are what a Chinese verifier reads as is: rule codes,
# acronyms and indicator names (GWP-fossil, PENRT), units, chemical formulas and
# refrigerants (CO2e, HFC-134a, R404A), standard and programme names, parameter names
# (max_years) and quoted report text.
QUOTED_ANY = re.compile(r"“[^”]*”|「[^」]*」|\"[^\"]*\"|‘[^’]*’|'[^'\n]*'", re.S)
NAMES = re.compile(
    r"International EPD System|EPD Norge|GHG Protocol(?: Product Standard)?|Unicode|ecoinvent"
    r"|pcfaudit(?:\[\w+\])?|\(cid:\w+\)"
)
WORD = re.compile(r"[A-Za-z][A-Za-z0-9_]*(?:[-'][A-Za-z0-9]+)*")
UNITS = {
    "kg", "g", "mg", "t", "kt", "m", "m2", "m3", "km", "cm", "mm", "hm", "L", "mL", "h", "a",
    "yr", "kW", "kWh", "MWh", "GWh", "MJ", "GJ", "TJ", "eq", "mol",
}  # fmt: skip
FORMULA = re.compile(
    r"(?:k|M|G|T|m)?(?:g|t)?(?:CO2|CH4|N2O)(?:e|eq)?|[A-Z]+-?\d+[a-z]?|[A-Z][A-Z0-9]*-[a-z]+|[a-z]"
)


def english_words(text: str, allowed: str = "") -> list[str]:
    """English words in ``text`` (a Chinese text), leaving out what is allowed (above) and
    any run of Latin text that ``allowed`` (the audited report's own text) contains."""
    text = QUOTED_ANY.sub("", text.translate(str.maketrans("₂₃₄", "234")))
    text = NAMES.sub("", text)
    if allowed:
        runs = re.findall(r"[A-Za-z(][A-Za-z0-9 ,.:;'()/&+-]*[A-Za-z0-9)]", text)
        for run in sorted(runs, key=len, reverse=True):
            if run in allowed:
                text = text.replace(run, " ")
    words = (m.group(0) for m in WORD.finditer(text))
    return [
        w for w in words
        if "_" not in w and re.search("[a-z]", w) and w not in UNITS and not FORMULA.fullmatch(w)
    ]  # fmt: skip


def test_the_strict_detector_sees_english() -> None:
    assert english_words("检查 the total，单位 kgCO₂e，HFC-134a、GWP-fossil、R404A") == ["the", "total"]
    assert english_words("“Declared unit: 1 m³” 与 ISO 14067、max_years = 5") == []
    assert english_words("Natural gas 贡献最大", allowed="| Natural gas | CO2 |") == []
    assert english_words("Natural gas 贡献最大") == ["Natural", "gas"]


@pytest.mark.parametrize("spec", list(load_catalog()), ids=lambda s: s.code)
def test_explain_in_chinese_has_no_english(spec) -> None:  # type: ignore[no-untyped-def]
    """Every section of ``explain --lang zh``: what it checks, why, clauses, examples."""
    text = explain_rule(spec, "zh").replace(f"({spec.name})", "")
    text = re.sub(r"(?m)^- \w+ = ", "- ", text)  # parameter names are configuration keys
    assert english_words(text) == [], spec.code
    assert "## 检查内容" in text and spec.checks["zh"].strip()[:20] in text
    assert "``" not in text  # reStructuredText markup belongs to the docstring only


def test_every_rule_has_its_check_text_in_chinese() -> None:
    """A rule added without a Chinese 'checks' entry in its catalog YAML fails here."""
    missing = [spec.code for spec in load_catalog() if not spec.checks.get("zh")]
    assert missing == []


def test_command_line_rules_zh() -> None:
    done = CliRunner().invoke(app, ["rules", "--lang", "zh"], env={"COLUMNS": "400"})
    assert done.exit_code == 0 and "代码" in done.stdout and "算术" in done.stdout
    rule_names = {spec.name for spec in load_catalog()}
    text = " ".join(w for w in done.stdout.split() if w not in rule_names)
    assert english_words(text) == []
    english = CliRunner().invoke(app, ["rules"]).stdout
    assert "arithmetic" in english and "算术" not in english


FINDING_FIELDS = ("title", "message", "reported", "expected", "likely_cause")


@pytest.mark.parametrize("seed", [s for s in SEEDS if s.suffix == ".txt"], ids=lambda s: s.name)
def test_findings_on_a_chinese_report_have_no_english_word(seed: Path) -> None:
    """Messages, locators, reported and expected values and likely causes, word by word."""
    source = seed.read_text(encoding="utf-8")
    data = json.loads(render(audit(seed), "json", "zh"))
    assert data["findings"]
    for finding in data["findings"]:
        for key in FINDING_FIELDS:
            left = english_words(finding[key] or "", allowed=source)
            assert left == [], (finding["rule"], key, finding[key])


ENGLISH_REPORT = """# Product carbon footprint of an aluminium window frame

Report date: March 2025. Prepared according to ISO 14067:2018 and PAS 2050:2008.

## 1. Goal and scope

The functional unit is 1 window frame. The system boundary is cradle-to-gate; the stages
included are raw material acquisition, production, use and end of life.
GWP values are taken from the IPCC Fifth Assessment Report (AR5): CH4 = 28, N2O = 265.
The reporting year is 2024. Data were collected in January 2024. Data represent 2020 production.
The study quantifies the full life cycle of the product.

## 2. Inventory

| Item | Gas | Quantity | Unit | Emission factor | GWP | Emissions (kgCO2e) |
|---|---|---|---|---|---|---|
| Electricity (kWh) | CO2 | 120 | kWh | 0.5703 | 1 | 68.44 |
| Natural gas (m3) | CO2 | 10 | m3 | 2.16 | 1 | 21.6 |
| Natural gas (m3) | CH4 | 10 | m3 | 0.0001 | 25 | 0.025 |
| Diesel (kg) | CO2 | 5 | kg | 1.59 | 1 | 7.95 |
| Total | | | | | | 115.87 |

## 3. Results

The carbon footprint of 1 t of window frames is 98.0 kgCO2e.
The largest contribution comes from natural gas.
"""


def test_findings_on_an_english_report_in_chinese(tmp_path: Path) -> None:
    """An English report read with --lang zh: pcfaudit's words in Chinese, the report's own
    words (row labels, section titles) as written."""
    report = tmp_path / "frame.md"
    report.write_text(ENGLISH_REPORT, encoding="utf-8")
    done = CliRunner().invoke(app, ["check", str(report), "--lang", "zh", "-f", "json"])
    data = json.loads(done.stdout)
    rules = {f["rule"] for f in data["findings"]}
    # the total, CH4 25 under AR5, the hotspot, use and end of life inside cradle-to-gate
    assert {"AR003", "GW001", "NA001", "BD001"} <= rules
    for finding in data["findings"]:
        for key in FINDING_FIELDS:
            left = english_words(finding[key] or "", allowed=ENGLISH_REPORT)
            assert left == [], (finding["rule"], key, finding[key])


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


@pytest.mark.parametrize(
    ("english", "chinese"),
    [
        ("文件可识别为碳足迹报告（title, functional unit, GWP values）。", "文件可识别为碳足迹报告（标题、功能单位、GWP 数值）。"),
        ("文件可识别为碳足迹报告（title）。", "文件可识别为碳足迹报告（标题）。"),
        (
            "重新计算：from 39.94 × 10⁴ (2001) to 106.73 (2017), 16 years: compound 6.34%, "
            "simple mean 10.45%, total change 167.2%。",
            "重新计算：39.94 × 10⁴ (2001) 至 106.73 (2017)，16 年：复合增长率 6.34%，"
            "算术平均 10.45%，总变化 167.2%。",
        ),
        ("以不同版本引用：version 1.3.3 2024-12-20", "以不同版本引用：1.3.3 版 2024-12-20"),
        ("（典型 30-80 (0.75 kW) to 1000-3000 (55 kW)）", "（典型 30-80 (0.75 kW) 至 1000-3000 (55 kW)）"),
        ("(环办气候函〔2023〕43号, Feb 2023)", "(环办气候函〔2023〕43号, 2023 年 2 月)"),
        ("可能原因：the printed share is that of 农药 (19.4%), not of 农膜 (0.6%): labels swapped",
         "可能原因：所印占比是 农药 的（19.4%），而不是 农膜 的（0.6%）：两者标签互换"),
    ],
)
def test_english_notes_inside_chinese_messages(english: str, chinese: str) -> None:
    """Notes the recomputation and the reference data write in English, inside a Chinese
    message, come out in Chinese; the report's own words in them stay as they are."""
    assert i18n.phrases_in("zh", english) == chinese
    assert i18n.phrases_in("en", english) == english


def test_phrases_that_rules_put_in_fields() -> None:
    assert i18n.phrase("zh", "on or before 2023-12-28") == "不晚于 2023-12-28"
    assert i18n.phrase("zh", "RSL 1 year") == "RSL 1 年"
    assert i18n.phrase("zh", "(empty)") == "（空）"
    assert i18n.phrase("zh", "withdrawn in 2006 and replaced by ISO 14044") == "2006 年已废止，由 ISO 14044 替代"


def test_html_report_in_chinese_has_no_english_word() -> None:
    """What a client reads in the HTML page (text and tooltips), apart from the file name,
    the versions and the digest that identify the audit."""
    import html

    seed = next(s for s in SEEDS if s.suffix == ".txt")
    source = seed.read_text(encoding="utf-8")
    page = render(audit(seed), "html", "zh")
    page = re.sub(r"<style.*?</style>|<script.*?</script>", "", page, flags=re.S)
    tooltips = re.findall(r'(?:title|aria-label|alt)="([^"]*)"', page)
    lines = [html.unescape(line).strip() for line in [*re.sub(r"<[^>]+>", "\n", page).splitlines(), *tooltips]]
    shown = [line for line in lines if line and seed.name not in line and "sha256" not in line
             and "pcfaudit-reference" not in line and not re.fullmatch(r"[0-9a-f…]{16,}", line)]  # fmt: skip
    assert shown and [line for line in shown if english_words(line, allowed=source)] == []


def test_every_category_has_a_name_in_both_languages() -> None:
    from pcfaudit.model import CATEGORIES

    for category in CATEGORIES:
        assert i18n.label("en", f"category.{category}") == category
        assert not english_words(i18n.label("zh", f"category.{category}"))
