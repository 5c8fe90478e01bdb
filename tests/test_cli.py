"""The command line as a user runs it, on the seed reports: every command, every output
format for both seeds, the JSON contract and SARIF validated on real output, exit codes.

The commands run in-process through typer's CliRunner (a subprocess costs a second and a half
of interpreter start-up each); one test starts ``python -m pcfaudit`` for real, and the hostile
tests (tests/test_hostile.py) run every guarantee that needs a process of its own."""

from __future__ import annotations

import json
import re
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

import jsonschema
import pytest
from typer.testing import CliRunner

from pcfaudit.cli import app
from pcfaudit.render.json_out import json_schema

ROOT = Path(__file__).resolve().parents[1]
SEEDS = ROOT / "fixtures" / "seeds"
SEED_000 = SEEDS / "000_e5f01d6d6220347d.txt"
SEED_002 = SEEDS / "002_37b7dd170cf4d869.txt"
SARIF_SCHEMA = json.loads((Path(__file__).parent / "data" / "sarif-schema-2.1.0.json").read_text())


@dataclass
class Done:
    returncode: int
    stdout: str
    stderr: str


def pcfaudit(*args: str) -> Done:
    """``pcfaudit ARGS`` in this process: exit code, stdout and stderr as a user sees them."""
    result = CliRunner().invoke(app, list(args), catch_exceptions=False)
    return Done(result.exit_code, result.stdout, result.stderr)


@pytest.mark.parametrize("seed", [SEED_000, SEED_002], ids=["000", "002"])
@pytest.mark.parametrize("fmt", ["text", "json", "sarif", "markdown", "html"])
def test_every_format_for_both_seeds(seed: Path, fmt: str, tmp_path: Path) -> None:
    out = tmp_path / f"out.{fmt}"
    done = pcfaudit("check", str(seed), "--format", fmt, "--output", str(out))
    assert done.returncode == 1, done.stderr  # both seeds have error-level findings
    text = out.read_text(encoding="utf-8")
    if fmt == "json":
        data = json.loads(text)
        jsonschema.validate(data, json_schema())
        assert data["report"]["functional_unit"] and data["coverage"]["checks"]["passed"] > 0
    elif fmt == "sarif":
        data = json.loads(text)
        jsonschema.Draft4Validator(SARIF_SCHEMA).validate(data)
        assert data["runs"][0]["results"]
    elif fmt == "html":
        assert text.lstrip().lower().startswith("<!doctype html>")
        assert not re.search(r"""(?:src|href)\s*=\s*["']?(?:https?:)?//""", text)  # self-contained
    else:
        assert "FU001" in text or "GW001" in text


def test_extract_json_shows_the_seed_000_inventory() -> None:
    done = pcfaudit("extract", str(SEED_000), "--format", "json")
    assert done.returncode == 0, done.stderr
    report = json.loads(done.stdout)["report"]
    electricity = next(line for line in report["inventory"] if line["label"].startswith("电力"))
    assert (
        electricity["quantity"]["value"] == "2410" and electricity["result"]["value"] == "1432.022"
    )
    totals = [t for t in report["totals"] if t["kind"] == "total"]
    assert {t["quantity"]["value"] for t in totals} == {"1686.915"}
    assert any(t["location"].get("table") is not None for t in totals)  # the table's 合计 row
    assert report["production"][0]["quantity"]["value"] == "349"
    assert "cradle-to-grave" in {b["type"] for b in report["boundary"]}
    assert any(g.get("report") == "AR4" for g in report["gwp_declarations"])
    assert any(g.get("gas") == "CH4" and g.get("value") == "21" for g in report["gwp_declarations"])


def test_rules_and_explain_in_both_languages() -> None:
    rules = json.loads(pcfaudit("rules", "--format", "json").stdout)
    assert {"code", "name", "category", "severity"} <= set(rules[0])
    codes = {r["code"] for r in rules}
    assert {"FU001", "AR002", "GW001", "EF001", "EP001"} <= codes
    en = pcfaudit("explain", "GW001")
    zh = pcfaudit("explain", "gwp-version-mismatch", "--lang", "zh")
    assert en.returncode == zh.returncode == 0
    assert en.stdout.startswith("GW001") and "Why it matters" in en.stdout
    assert "为何重要" in zh.stdout
    unknown = pcfaudit("explain", "XX999")
    assert unknown.returncode == 2 and unknown.stderr.count("\n") == 1


def test_reference_shows_each_value_with_its_source() -> None:
    done = pcfaudit("reference", "--show", "grid", "--format", "json")
    assert done.returncode == 0, done.stderr
    rows = json.loads(done.stdout)["tables"]["grid"]
    row = next(r for r in rows if r["value"] == "0.5942")
    assert row["document"] and row["verified"]


def test_fail_on_select_and_waivers(tmp_path: Path) -> None:
    done = pcfaudit("check", str(SEED_002), "--select", "ST", "--fail-on", "error")
    assert done.returncode == 0  # only info-level standard findings remain
    assert pcfaudit("check", str(SEED_002), "--select", "ST", "--fail-on", "info").returncode == 1
    data = json.loads(pcfaudit("check", str(SEED_002), "--select", "FU", "-f", "json").stdout)
    (finding,) = data["findings"]
    waivers = tmp_path / "waivers.toml"
    waivers.write_text(
        f'[[waiver]]\nfingerprint = "{finding["fingerprint"]}"\nreason = "accepted"\nreviewer = "QA"\n'
        '[[waiver]]\nfingerprint = "0000000000000000"\nreason = "stale"\nreviewer = "QA"\n',
        encoding="utf-8",
    )
    done = pcfaudit(
        "check", str(SEED_002), "--select", "FU", "--waivers", str(waivers), "-f", "json"
    )
    assert done.returncode == 0
    data = json.loads(done.stdout)
    assert data["findings"][0]["waived"] == {"reason": "accepted", "reviewer": "QA"}
    assert [w["fingerprint"] for w in data["unmatched_waivers"]] == ["0000000000000000"]


@pytest.mark.parametrize(
    ("content", "message"),
    [(b"", "empty file"), (b"\x00\x01\x02\x03" * 100, "binary")],
)
def test_bad_input_is_one_line_and_exit_2(tmp_path: Path, content: bytes, message: str) -> None:
    bad = tmp_path / "bad.txt"
    bad.write_bytes(content)
    done = pcfaudit("check", str(bad), str(SEED_002))
    assert done.returncode == 2
    assert (
        done.stderr.count("\n") == 1 and message in done.stderr and "Traceback" not in done.stderr
    )
    assert "FU001" in done.stdout  # the good file after the bad one is still audited


def test_missing_file() -> None:
    done = pcfaudit("check", "no-such-report.pdf")
    assert done.returncode == 2 and "no such file" in done.stderr


def test_python_dash_m_runs_the_command_line_in_a_process_of_its_own() -> None:
    done = subprocess.run(
        [sys.executable, "-m", "pcfaudit", "check", "no-such-report.pdf"],
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert done.returncode == 2
    assert done.stderr == "pcfaudit: no-such-report.pdf: no such file\n"


USAGE_ERRORS = [
    (["check", "--bogus", "x"], "check", "no such option: --bogus", "没有选项 --bogus"),
    (["check", "--selct", "GW", "x"], "check", 'no such option: --selct (did you mean "--select"?)',
     "没有选项 --selct（是否应为 “--select”？）"),
    (["check"], "check", "missing argument 'FILE...'", "缺少参数 'FILE...'"),
    (["check", "x.pdf", "-f", "nope"], "check", "'nope' is not one of", "的值 'nope' 无效"),
    (["explain"], "explain", "missing argument 'CODE'", "缺少参数 'CODE'"),
    (["check", "x.pdf", "--timeout", "abc"], "check", "'abc' is not a valid float", "的值 'abc' 不是数字"),
    (["chek"], "", "no such command 'chek'", "没有命令 'chek'（是否应为 'check'？）"),
]


@pytest.mark.parametrize(("args", "command", "english", "chinese"), USAGE_ERRORS)
def test_usage_errors_are_one_line_in_both_languages(args, command, english, chinese):
    """typer/click's own usage errors: one line, exit 2, no box, in the chosen language."""
    path = f"pcfaudit {command}".strip()
    done = CliRunner().invoke(app, args, env={"LANG": "C.UTF-8"})
    assert done.exit_code == 2 and done.stdout == ""
    assert done.stderr.startswith("pcfaudit: ") and done.stderr.count("\n") == 1
    assert english in done.stderr and done.stderr.endswith(f" (try '{path} --help')\n")
    assert "╭" not in done.stderr and "Usage:" not in done.stderr
    assert '"--jobs"' not in done.stderr  # no far-fetched suggestion
    for env, extra in (({"LANG": "C.UTF-8"}, ["--lang", "zh"]), ({"LANG": "zh_CN.UTF-8"}, [])):
        done = CliRunner().invoke(app, [*args, *extra], env=env)
        assert done.exit_code == 2 and done.stderr.count("\n") == 1, done.stderr
        assert chinese in done.stderr and done.stderr.endswith(f"（用法见 “{path} --help”）\n")


def test_bad_input_errors_in_chinese(tmp_path):
    missing = str(tmp_path / "missing.pdf")
    done = CliRunner().invoke(app, ["check", missing, "--lang", "zh"])
    assert done.exit_code == 2 and done.stderr == f"pcfaudit: {missing}：文件不存在\n"
    done = CliRunner().invoke(app, ["check", missing], env={"LANG": "C.UTF-8"})
    assert done.stderr == f"pcfaudit: {missing}: no such file\n"
    done = CliRunner().invoke(app, ["explain", "XX001", "--lang", "zh"])
    assert done.exit_code == 2 and "未知规则 'XX001'" in done.stderr


def test_no_arguments_still_print_the_help():
    done = CliRunner().invoke(app, [])
    assert "Usage" in done.output and "check" in done.output
