"""``pcfaudit.audit()`` in a session: the result is an AuditResult that gives its JSON data
and shows itself as HTML; the package ships its type information; progress goes to a
terminal only."""

from __future__ import annotations

from pathlib import Path

from typer.testing import CliRunner

import pcfaudit
from pcfaudit.cli import app
from pcfaudit.model import AuditResult

ROOT = Path(__file__).resolve().parents[1]
SEED = ROOT / "fixtures/seeds/002_37b7dd170cf4d869.txt"


def test_audit_result_to_dict_and_html() -> None:
    result = pcfaudit.audit(SEED)
    assert isinstance(result, AuditResult)
    data = result.to_dict()
    assert data["summary"] == result.summary and data["findings"][0]["rule"]
    assert result.to_dict("en")["findings"][0]["title"] != data["findings"][0]["title"]
    html = result._repr_html_()
    assert html.startswith("<iframe") and "srcdoc=" in html and "&lt;table id=&quot;findings" in html


def test_py_typed_ships() -> None:
    package = ROOT / "src" / "pcfaudit"
    assert (package / "py.typed").exists()
    assert '"pcfaudit" = ["py.typed"]' in (ROOT / "pyproject.toml").read_text()


def test_no_progress_output_when_not_a_terminal() -> None:
    done = CliRunner().invoke(app, ["check", str(SEED), "-f", "concise"])
    assert done.stderr == "" and "auditing" not in done.stdout
