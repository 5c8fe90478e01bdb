"""The commands that show pcfaudit's own data in Chinese: ``extract`` (claims and
``--tables``), ``reference``, ``rules`` and every ``--help``, with no English fragment left
(the report's and the pack's own words, codes, units, numbers, file names, option names and
values, and product names excepted); the English output as it was."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
import typer.main
from typer.testing import CliRunner

from pcfaudit.cli import app
from pcfaudit.model import UnreadRegion
from pcfaudit.reference import load_pack
from pcfaudit.rules import load_catalog
from pcfaudit.show import unread_text
from test_i18n import ENGLISH_REPORT, english_words

SEEDS = Path(__file__).resolve().parents[1] / "fixtures" / "seeds"
WIDE = {"COLUMNS": "200", "LANG": "C.UTF-8"}


def run(*args: str, env: dict[str, str] | None = None) -> str:
    done = CliRunner().invoke(app, list(args), env=env or WIDE, catch_exceptions=False)
    assert done.exit_code == 0, done.stderr
    return done.stdout


@pytest.fixture(scope="module")
def english_report(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("report") / "frame.md"
    path.write_text(ENGLISH_REPORT, encoding="utf-8")
    return path


# --------------------------------------------------------------------------- --help

COMMANDS = [[], ["check"], ["extract"], ["rules"], ["explain"], ["reference"], ["diff"],
            ["batch"], ["results"]]  # fmt: skip
PRODUCTS = {"Markdown", "Word", "Dask", "SQLite"}
RULE_NAMES = {spec.name for spec in load_catalog()}


def _click_command(words: list[str]):  # type: ignore[no-untyped-def]
    group = typer.main.get_command(app)
    return group.commands[words[0]] if words else group  # type: ignore[attr-defined]


def _left_in_help(text: str, words: list[str]) -> list[str]:
    """English words in a help page apart from what a user types: option names, the
    values an option takes, placeholders, file names, rule names; and product names."""
    command = _click_command(words)
    values = {v for p in command.params for v in getattr(p.type, "choices", None) or ()}
    values |= set(_click_command([]).commands)  # command names
    text = re.sub(r"[\w-]+\.(?:toml|sqlite)\b", " ", text)  # file names
    text = re.sub("|".join(sorted(RULE_NAMES, key=len, reverse=True)), " ", text)
    text = re.sub(r"(?<![\w.])--?[\w-]+", " ", text)  # option names
    return [w for w in english_words(text) if w not in values and w not in PRODUCTS]


@pytest.mark.parametrize("words", COMMANDS, ids=lambda w: w[0] if w else "pcfaudit")
def test_every_help_in_chinese(words: list[str]) -> None:
    with_lang = words and any(p.name == "lang" for p in _click_command(words).params)
    if with_lang or not words:  # --lang anywhere on the command line, as for errors
        text = run(*words, "--help", "--lang", "zh")
    else:  # a command without --lang follows the locale
        text = run(*words, "--help", env={**WIDE, "LANG": "zh_CN.UTF-8"})
    assert "用法：pcfaudit" in text and "选项" in text and "显示本帮助并退出" in text
    assert _left_in_help(text, words) == []
    assert "…" not in text  # a Chinese sentence wraps, it is not cut short


def test_the_help_check_sees_english() -> None:
    assert _left_in_help("--lang <auto|en|zh> 输出语言 auto，见 pcfaudit.toml", ["rules"]) == []
    assert _left_in_help("Show this message and exit.", ["rules"]) == ["Show", "this", "message", "and", "exit"]


def test_every_parameter_has_its_help_in_the_catalogue() -> None:
    """An option added without help_en/help_zh entries fails here (its help would stay
    English in a Chinese help page)."""
    from pcfaudit.i18n import has_label

    for words in COMMANDS:
        command = _click_command(words)
        key = f"help.{words[0]}" if words else "help.app"
        assert has_label(key), key
        for param in command.params:
            assert has_label(f"{key}.{param.name}") or has_label(f"help.opt.{param.name}"), (key, param.name)


def test_english_help_reads_like_a_cli() -> None:
    """FILE, not the parser's name or typer's {file}; one line per command description."""
    text = run("extract", "--help")
    assert "Usage: pcfaudit extract [OPTIONS] FILE" in text
    assert "<given_path>" not in text and "{file}" not in text and "<function>" not in text
    assert "Show every table as a grid" in text and "--output" not in text
    assert re.search(r"--output\s+-o\s+FILE\s+Write to FILE", run("check", "--help"))
    assert "Usage: pcfaudit check [OPTIONS] FILE..." in run("check", "--help")
    assert "Usage: pcfaudit diff [OPTIONS] OLD NEW" in run("diff", "--help")
    overview = run("--help")
    assert "Usage: pcfaudit [OPTIONS] COMMAND [ARGS]..." in overview
    line = next(line for line in overview.splitlines() if "│ reference" in line)
    assert "its document" not in line and line.rstrip(" │").endswith("whether it was verified.")
    assert not re.search(r"[\u4e00-\u9fff]", overview)


def test_root_lang_is_every_commands_default(english_report: Path) -> None:
    """``pcfaudit --lang zh extract F`` is ``pcfaudit extract F --lang zh``."""
    assert run("--lang", "zh", "extract", str(english_report)) == run("extract", str(english_report), "--lang", "zh")
    assert "功能单位" in run("--lang", "zh", "extract", str(english_report))


# --------------------------------------------------------------------------- extract


UNITS = {"toe", "tce", "kgce", "kwh", "mwh"}  # energy units as reports spell them


def _left_in_output(text: str, own_words: str, path: Path) -> list[tuple[str, list[str]]]:
    """English words in each cell (a run between wide gaps) of each line, apart from the
    report's own words and the file name."""
    cells = [cell for line in text.replace(str(path), " ").splitlines() for cell in re.split(r"\s{2,}", line)]
    def allowed(word: str) -> bool:  # a unit, a product, or a word of the report's
        return word.lower() in UNITS or word in PRODUCTS or re.search(rf"\b{word}\b", own_words) is not None

    left = [(cell, [w for w in english_words(cell, allowed=own_words) if not allowed(w)]) for cell in cells]
    return [(cell, words) for cell, words in left if words]


def test_extract_of_an_english_report_in_chinese(english_report: Path) -> None:
    text = run("extract", str(english_report), "--lang", "zh")
    for heading in ("功能单位", "系统边界", "标准", "日期", "总量", "引用的排放因子", "提及的排放源", "清单"):
        assert heading in text
    assert "从摇篮到大门 — §1，第 7 行" in text and "天然气 (使用) — §2，表 1 第 3 行，第 18 行" in text
    assert "报告日期：2025-3 — §Product carbon footprint of an aluminium window frame" in text
    assert _left_in_output(text, ENGLISH_REPORT, english_report) == []


@pytest.mark.parametrize("seed", sorted(SEEDS.glob("*.txt")), ids=lambda p: p.name)
def test_extract_of_a_chinese_report_in_chinese(seed: Path) -> None:
    text = run("extract", str(seed), "--lang", "zh")
    assert "报告语言：中文" in text and "第 " in text
    assert _left_in_output(text, seed.read_text(encoding="utf-8"), seed) == []


def test_extract_tables_in_chinese(english_report: Path) -> None:
    text = run("extract", "--tables", str(english_report), "--lang", "zh")
    assert "1 个表格" in text and "表 1 — 第 15 行 — §2" in text
    assert _left_in_output(text, ENGLISH_REPORT, english_report) == []
    seed = SEEDS / "000_e5f01d6d6220347d.pdf"
    text = run("extract", "--tables", str(seed), "--lang", "zh")
    assert "表 2 — 第 7 页 — §4.3 — 表 4.3- 1 主要用能设备" in text


def test_regions_not_read_in_chinese() -> None:
    region = UnreadRegion(page=4, kind="image", context="Figure 3 Results by stage")
    assert unread_text(region, "zh") == "第 4 页：“Figure 3 Results by stage”下方的以图片形式印出的表格或结果（未审核）"
    assert unread_text(region, "en") == region.describe()
    scanned = UnreadRegion(page=2, kind="scanned-page", ocr=True)
    assert english_words(unread_text(scanned, "zh")) == [] and "OCR" in unread_text(scanned, "zh")


def test_extract_in_english_is_unchanged(english_report: Path) -> None:
    text = run("extract", str(english_report))
    assert "language en" in text and "\nFunctional unit\n" in text and "\nBoundary\n" in text
    assert "cradle-to-gate — §1, line 7" in text and "natural-gas (used) — §2, table 1 row 3, line 18" in text
    assert not re.search(r"[\u4e00-\u9fff]", text)
    tables = run("extract", "--tables", str(english_report))
    assert ": 1 tables" in tables and "Table 1 — line 15 — §2" in tables


# --------------------------------------------------------------------------- reference

# the pack's own data, shown as written: documents, notes, codes, names of gases and units
DATA_COLUMNS = ("citation", "title", "covers", "typical", "source", "how", "note", "document", "region",
                "gas", "blend", "composition (mass %)", "unit", "basis", "NCV", "plausible windows",
                "edition", "superseded by")  # fmt: skip


def _pack_words() -> str:
    """The pack's own data (document titles, citations, coverage notes): shown as written."""
    pack = load_pack(None)
    words = [citation for _, citation in pack.gwp_citations()]
    for show in ("grid", "gwp", "fuels", "blends", "ranges", "standards"):
        headers, rows = pack.table(show)
        words += [cell for row in rows for h, cell in zip(headers, row, strict=False) if h in DATA_COLUMNS]
    return "\n".join(words)


@pytest.mark.parametrize("show", [None, "grid", "gwp", "fuels", "blends", "ranges", "standards"])
def test_reference_in_chinese(show: str | None) -> None:
    args = ["reference", "--lang", "zh", *(["--show", show] if show else [])]
    env = {**WIDE, "COLUMNS": "1000"}  # one row per line: each cell whole
    text = run(*args, env=env)
    assert "已核实" in text or show is None
    summary = re.sub(r"“[^”]*”", " ", text.split("\n", 1)[1])  # the commands to type are quoted
    assert _left_in_output(summary, _pack_words(), Path("pack")) == []
    english = run("reference", *(["--show", show] if show else []), env=env).splitlines()
    assert not re.search(r"[\u4e00-\u9fff]", english[1 if show is None else 2])  # the headers


def test_reference_in_english_is_unchanged() -> None:
    text = run("reference")
    assert "  gwp: 29 values  (pcfaudit reference --show gwp)" in text
    gwp = run("reference", "--show", "gwp")
    assert re.search(r"gas\s+SAR\s+TAR\s+AR4", gwp) and "\ncitations\n" in gwp
    zh = run("reference", "--show", "gwp", "--lang", "zh")
    assert re.search(r"气体\s+SAR\s+TAR\s+AR4", zh) and "\n出处\n" in zh and "否：AR5, AR5-CCF" in zh


def test_rules_help_and_listing_in_chinese() -> None:
    text = run("rules", "--lang", "zh", env={**WIDE, "COLUMNS": "400"})
    assert "代码" in text and "严重程度" in text
    words = " ".join(w for w in text.split() if w not in RULE_NAMES)
    assert english_words(words) == []


def test_errors_of_the_other_commands_in_chinese(tmp_path: Path) -> None:
    zh = {**WIDE, "LANG": "zh_CN.UTF-8"}
    done = CliRunner().invoke(app, ["--lang", "zh"], env=WIDE)
    assert done.exit_code == 2 and done.stderr.startswith("pcfaudit: 缺少命令")
    missing = str(tmp_path / "none.sqlite")
    done = CliRunner().invoke(app, ["results", missing], env=zh)
    assert done.exit_code == 2 and done.stderr == f"pcfaudit: {missing}：结果数据库不存在\n"
    done = CliRunner().invoke(app, ["reference", "--reference-dir", missing, "--lang", "zh"], env=WIDE)
    assert done.exit_code == 2 and done.stderr.startswith("pcfaudit: 参考数据包：")
