"""An empty path argument is refused in one line with exit 2 (issue 15), not read as "."
(the current folder): `check ""` used to say ". : is a directory", and `batch ""` would
have audited the whole working folder."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from typer.testing import CliRunner

from pcfaudit.cli import app

SEED = Path(__file__).resolve().parents[1] / "fixtures/seeds/000_e5f01d6d6220347d.txt"


@pytest.mark.parametrize(
    "args",
    [
        ["check", ""],
        ["check", str(SEED), ""],
        ["check", "  "],
        ["extract", ""],
        ["diff", "", "new.json"],
        ["batch", "", "--db", "r.sqlite"],
        ["results", ""],
    ],
)
def test_an_empty_path_is_refused_in_one_line(args: list[str], tmp_path: Path) -> None:
    cwd = os.getcwd()
    os.chdir(tmp_path)  # `batch ""` must not audit this folder or create its database
    try:
        result = CliRunner().invoke(app, args)
    finally:
        os.chdir(cwd)
    assert result.exit_code == 2
    assert result.output == "pcfaudit: no file given (the path is empty)\n"
    assert "directory" not in result.output
    assert list(tmp_path.iterdir()) == []


def test_a_path_still_reaches_the_command_as_typed(tmp_path: Path) -> None:
    result = CliRunner().invoke(app, ["check", str(SEED), "-f", "concise"])
    assert result.exit_code == 1 and result.output.startswith(f"{SEED}:")
    missing = CliRunner().invoke(app, ["check", str(tmp_path / "nope.pdf")])
    assert missing.exit_code == 2 and "nope.pdf" in missing.output
