"""The CI contract of ``pcfaudit check``: a typo fails the gate (exit 2, one line, a
suggestion), every output format stays one valid document however many files are audited,
and every SARIF result can be placed by code scanning. Run in-process."""

from __future__ import annotations

import json
import re
from pathlib import Path

import jsonschema
import pytest
from typer.testing import CliRunner

from pcfaudit.cli import app
from pcfaudit.render.json_out import json_schema

ROOT = Path(__file__).resolve().parents[1]
SEED = ROOT / "fixtures" / "seeds" / "002_37b7dd170cf4d869"
SARIF_SCHEMA = json.loads((Path(__file__).parent / "data" / "sarif-schema-2.1.0.json").read_text())


def run(*args: str) -> tuple[int, str, str]:
    done = CliRunner().invoke(app, list(args))
    return done.exit_code, done.stdout, done.stderr


@pytest.mark.parametrize(
    ("option", "value", "hint"),
    [("--select", "XX999", None), ("--select", "FU01", "FU001"), ("--ignore", "GWP", "GW")],
)
def test_unknown_rule_code_fails_the_gate(option: str, value: str, hint: str | None) -> None:
    code, out, err = run("check", f"{SEED}.txt", option, value)
    assert code == 2 and out == ""
    assert err.count("\n") == 1 and value in err
    if hint:
        assert f'did you mean "{hint}"?' in err


def test_prefix_selectors_are_still_accepted() -> None:
    code, _, err = run("check", f"{SEED}.txt", "--select", "fu", "--ignore", "ST003")
    assert code in (0, 1) and err == ""


@pytest.mark.parametrize(
    ("toml", "fragment"),
    [
        ('selct = ["FU"]\n', 'unknown key \'selct\' (did you mean "select"?)'),
        ('materiality = "5%"\n', "materiality must be a number between 0 and 1"),
        ("materiality = 5\n", "materiality must be between 0 and 1"),
        ('[severity]\nFU0O1 = "info"\n', 'severity.FU0O1: unknown rule code (did you mean "FU001"?)'),
        ('select = "FU"\nignore = [1]\n', "ignore must be a list of rule codes"),
    ],
)
def test_bad_configuration_exits_2_with_one_line(tmp_path: Path, toml: str, fragment: str) -> None:
    config = tmp_path / "pcfaudit.toml"
    config.write_text(toml, encoding="utf-8")
    code, _, err = run("check", f"{SEED}.txt", "--config", str(config))
    assert code == 2 and err.count("\n") == 1 and "Traceback" not in err
    assert fragment in err


def test_one_sarif_run_for_several_files_each_result_placed() -> None:
    code, out, _ = run("check", f"{SEED}.txt", f"{SEED}.pdf", f"{SEED}.docx", "-f", "sarif")
    assert code == 1
    log = json.loads(out)
    jsonschema.Draft4Validator(SARIF_SCHEMA).validate(log)
    (run_,) = log["runs"]
    assert re.fullmatch(r"pcfaudit/[0-9a-f]{16}", run_["automationDetails"]["id"])
    uris = [a["location"]["uri"] for a in run_["artifacts"]]
    assert [u.rsplit(".", 1)[1] for u in uris] == ["txt", "pdf", "docx"]
    counted: dict[str, set[str]] = {}
    for result in run_["results"]:
        for loc in result["locations"]:
            physical = loc["physicalLocation"]
            uri = physical["artifactLocation"]["uri"]
            assert uris[physical["artifactLocation"]["index"]] == uri
            region = physical["region"]
            assert region["startLine"] >= 1
            kind = region.get("properties", {}).get("startLineCounts", "line")
            counted.setdefault(uri.rsplit(".", 1)[1], set()).add(kind)
            if kind == "page":
                assert region["startLine"] == loc["properties"]["page"]
    assert counted == {"txt": {"line"}, "pdf": {"page"}, "docx": {"paragraph"}}
    rules = run_["tool"]["driver"]["rules"]
    # No address is invented: the explanation travels in the log itself.
    assert all("helpUri" not in r and r["help"]["markdown"].startswith(r["id"]) for r in rules)


def test_several_files_as_json_are_one_document_and_jsonl_when_asked() -> None:
    code, out, _ = run("check", f"{SEED}.txt", f"{SEED}.docx", "-f", "json")
    assert code == 1
    documents = json.loads(out)
    assert [d["source"]["format"] for d in documents] == ["text", "docx"]
    for document in documents:
        jsonschema.validate(document, json_schema())
    code, out, _ = run("check", f"{SEED}.txt", f"{SEED}.docx", "-f", "jsonl")
    lines = out.splitlines()
    assert len(lines) == 2 and [json.loads(line)["source"]["format"] for line in lines] == [
        "text",
        "docx",
    ]


def test_concise_and_github_lines_name_file_line_and_rule() -> None:
    _, json_out, _ = run("check", f"{SEED}.txt", "-f", "json")
    findings = [f for f in json.loads(json_out)["findings"] if not f["waived"]]
    code, out, _ = run("check", f"{SEED}.txt", "-f", "concise")
    assert code == 1
    lines = out.splitlines()
    assert len(lines) == len(findings)
    first = findings[0]  # the JSON order is the report's; the concise order is by severity
    wanted = f"{SEED}.txt:{first['locations'][0]['line']}: {first['rule']} "
    assert any(line.startswith(wanted) for line in lines)
    code, out, _ = run("check", f"{SEED}.pdf", "-f", "github")
    assert code == 1
    for line in out.splitlines():
        m = re.fullmatch(r"::(error|warning|notice) file=([^,]+),line=(\d+),title=([^:]+)::(.+)", line)
        assert m, line
        assert m.group(2) == f"{SEED}.pdf" and 1 <= int(m.group(3)) <= 30  # a page of the PDF


@pytest.mark.parametrize("command", [["extract", f"{SEED}.txt"], ["rules"], ["reference"]])
@pytest.mark.parametrize("fmt", ["sarif", "html", "markdown"])
def test_data_commands_refuse_formats_they_cannot_write(command: list[str], fmt: str) -> None:
    code, out, _ = run(*command, "-f", fmt)
    assert code == 2 and out == ""


def test_help_uri_points_at_the_published_rule_docs(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("PCFAUDIT_HELP_URL", "https://docs.example.org/pcfaudit/rules.html")
    code, out, _ = run("check", f"{SEED}.txt", "-f", "sarif")
    assert code == 1
    rules = json.loads(out)["runs"][0]["tool"]["driver"]["rules"]
    assert rules and all(
        r["helpUri"] == f"https://docs.example.org/pcfaudit/rules.html#{r['id'].lower()}"
        for r in rules
    )


def test_rule_docs_are_current_and_anchor_every_rule() -> None:
    import subprocess
    import sys

    root = Path(__file__).resolve().parents[1]
    done = subprocess.run(
        [sys.executable, str(root / "scripts" / "make_rule_docs.py"), "--check"],
        capture_output=True, text=True, check=False,
    )  # fmt: skip
    assert done.returncode == 0, done.stderr
    docs = (root / "docs" / "rules.md").read_text(encoding="utf-8")
    from pcfaudit.rules import load_catalog

    assert all(f'<a id="{spec.code.lower()}"></a>' in docs for spec in load_catalog())
