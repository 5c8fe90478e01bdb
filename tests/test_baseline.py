"""Baselines and diffs: accept today's findings, fail only on new ones; compare two
versions of a report."""

from __future__ import annotations

import json
from pathlib import Path

from typer.testing import CliRunner

from pcfaudit.baseline import diff
from pcfaudit.cli import app
from pcfaudit.config import load_waivers

SEED = Path(__file__).resolve().parents[1] / "fixtures" / "seeds" / "002_37b7dd170cf4d869.txt"


def run(*args: str) -> tuple[int, str, str]:
    done = CliRunner().invoke(app, list(args))
    return done.exit_code, done.stdout, done.stderr


def test_add_waivers_writes_the_baseline_and_the_gate_then_passes(tmp_path: Path) -> None:
    waivers = tmp_path / "waivers.toml"
    code, out, err = run("check", str(SEED), "--waivers", str(waivers), "--add-waivers")
    assert code == 0 and out == "" and "added" in err
    accepted = load_waivers(waivers)
    _, json_out, _ = run("check", str(SEED), "-f", "json")
    findings = json.loads(json_out)["findings"]
    assert {w.fingerprint for w in accepted} == {f["fingerprint"] for f in findings}
    assert "# FU001" in waivers.read_text(encoding="utf-8")  # a reviewer sees what was accepted
    code, json_out, _ = run("check", str(SEED), "--waivers", str(waivers), "-f", "json")
    assert code == 0 and all(f["waived"] for f in json.loads(json_out)["findings"])
    # Running it again adds nothing and keeps the file valid.
    code, _, err = run("check", str(SEED), "--waivers", str(waivers), "--add-waivers")
    assert code == 0 and "added 0 waivers" in err and len(load_waivers(waivers)) == len(accepted)


def _audit(tmp_path: Path, text: str, name: str) -> Path:
    report = tmp_path / f"{name}.txt"
    report.write_text(text, encoding="utf-8")
    out = tmp_path / f"{name}.json"
    run("check", str(report), "-f", "json", "-o", str(out))
    return out


def test_diff_lists_resolved_still_open_and_new(tmp_path: Path) -> None:
    text = SEED.read_text(encoding="utf-8")
    old = _audit(tmp_path, text, "old")
    # The new version fixes the 1 km functional unit and leaves the rest.
    new = _audit(tmp_path, text.replace("1km", "1 吨"), "new")
    code, out, _ = run("diff", str(old), str(new), "-f", "json")
    data = json.loads(out)
    before = {f["fingerprint"] for f in json.loads(old.read_text())["findings"]}
    after = {f["fingerprint"] for f in json.loads(new.read_text())["findings"]}
    assert {f["fingerprint"] for f in data["resolved"]} == before - after
    assert {f["fingerprint"] for f in data["still_open"]} == before & after
    assert {f["fingerprint"] for f in data["new"]} == after - before
    assert data["resolved"] and data["still_open"]
    # The same audit twice: nothing new, exit 0.
    code, out, _ = run("diff", str(old), str(old))
    assert code == 0 and "New findings (0)" in out


def test_diff_fails_on_new_errors_only() -> None:
    old = [{"findings": [{"fingerprint": "a", "rule": "GW001", "severity": "error"}]}]
    new = [{"findings": [{"fingerprint": "a", "rule": "GW001", "severity": "error"},
                         {"fingerprint": "b", "rule": "ST001", "severity": "info"}]}]  # fmt: skip
    result = diff(old, new)
    assert [f["fingerprint"] for f in result.new] == ["b"] and result.worst_new() == 0
    assert diff(old, old).worst_new() == -1


def test_diff_of_something_else_is_one_line_exit_2(tmp_path: Path) -> None:
    bad = tmp_path / "bad.json"
    bad.write_text('{"not": "an audit"}', encoding="utf-8")
    code, _, err = run("diff", str(bad), str(bad))
    assert code == 2 and err.count("\n") == 1 and "not pcfaudit JSON" in err


def test_check_against_a_baseline_fails_only_on_new_findings(tmp_path: Path) -> None:
    text = SEED.read_text(encoding="utf-8")
    old = _audit(tmp_path, text, "old")
    report = tmp_path / "same.txt"
    report.write_text(text, encoding="utf-8")
    code, out, _ = run("check", str(report), "--baseline", str(old), "-f", "json")
    data = json.loads(out)
    assert code == 0 and all(f["waived"] for f in data["findings"])
    assert data["findings"][0]["waived"]["reason"].startswith("in baseline")
    changed = tmp_path / "changed.txt"
    changed.write_text(text.replace("1km", "1 吨"), encoding="utf-8")
    code, out, _ = run("check", str(changed), "--baseline", str(old), "-f", "json")
    open_findings = [f for f in json.loads(out)["findings"] if not f["waived"]]
    assert open_findings and all(f["fingerprint"] not in old.read_text() for f in open_findings)
