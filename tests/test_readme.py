"""The README's workflows run as written (in-process, from a copy of the working directory
that sees the repository's fixtures)."""

from __future__ import annotations

import glob
import re
import shlex
from pathlib import Path

import pytest
from typer.testing import CliRunner

from pcfaudit.cli import app

ROOT = Path(__file__).resolve().parents[1]
WORKFLOWS = ROOT.joinpath("README.md").read_text(encoding="utf-8").split("## Workflows", 1)[1]
WORKFLOWS = WORKFLOWS.split("\n## ", 1)[0]
COMMANDS = [
    line
    for block in re.findall(r"```sh\n(.*?)```", WORKFLOWS, re.S)
    for line in block.splitlines()
    if line.startswith("pcfaudit ")
]


def test_workflows_have_commands() -> None:
    assert len(COMMANDS) >= 10
    assert any("--format sarif" in c for c in COMMANDS) and any(" diff " in c for c in COMMANDS)


def test_workflows_run_as_written(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    (tmp_path / "fixtures").symlink_to(ROOT / "fixtures")
    monkeypatch.chdir(tmp_path)
    runner = CliRunner()
    codes = []
    for command in COMMANDS:
        words = []
        for word in shlex.split(command)[1:]:
            words += sorted(glob.glob(word)) if "*" in word else [word]
        done = runner.invoke(app, words)
        assert done.exit_code in (0, 1), (command, done.stderr)
        assert "Traceback" not in done.stderr
        codes.append(done.exit_code)
    written = {p.name for p in tmp_path.iterdir()}
    assert {"audit.html", "audit-annotated.pdf", "audit-commented.docx", "recomputation.xlsx",
            "pcfaudit.sarif", "pcfaudit-waivers.toml", "v1.json", "v2.json"} <= written  # fmt: skip
    # The gate passes once today's findings are accepted.
    waived = COMMANDS.index(next(c for c in COMMANDS if c.endswith("--waivers pcfaudit-waivers.toml")))
    assert codes[waived] == 0
