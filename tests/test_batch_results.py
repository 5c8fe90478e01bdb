"""The ``batch`` and ``results`` commands, exports, archive analytics, re-rendering from the
store, and the Dask executor giving the same results as local workers."""

from __future__ import annotations

import csv
import io
import json
import shutil
import sqlite3
from pathlib import Path
from typing import Any

import pytest
import typer
from typer.testing import CliRunner

from pcfaudit.batch import BatchOptions, result_from_data, run_batch
from pcfaudit.batch import analysis as batch_analytics
from pcfaudit.batch import store as batch_store
from pcfaudit.batch.cli import register
from pcfaudit.pipeline import audit
from pcfaudit.render import render
from pcfaudit.render.json_out import result_data

FIXTURES = Path(__file__).parent.parent / "fixtures"


def make_app() -> typer.Typer:
    app = typer.Typer()

    @app.callback()
    def _root() -> None:
        """Test app."""

    register(app)
    return app


@pytest.fixture(scope="module")
def cli_db(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path, Any]:
    root = tmp_path_factory.mktemp("cli")
    archive = root / "archive"
    shutil.copytree(FIXTURES / "batch", archive)
    shutil.copy(FIXTURES / "seeds" / "000_e5f01d6d6220347d.txt", archive / "seed.txt")
    db = root / "results.sqlite"
    result = CliRunner().invoke(
        make_app(), ["batch", str(archive), "--db", str(db), "--jobs", "2", "--timeout", "60"]
    )
    return archive, db, result


def invoke(*args: str) -> Any:
    return CliRunner().invoke(make_app(), list(args))


def test_batch_command_reports_progress_and_exit_code(cli_db: Any) -> None:
    _archive, _db, result = cli_db
    assert result.exit_code == 2, result.output  # some files could not be audited
    assert "[1/8]" in result.output  # plain progress lines when not a terminal
    # The same counts as `pcfaudit results` (test_results_text_summary): cooking.txt was
    # read but is not a report.
    assert "Done: 5 audited, 3 could not be audited (3 unreadable)" in result.output
    assert "The whole database: 5 audited, 3 could not be audited" in result.output


def test_second_batch_says_how_many_were_skipped(cli_db: Any) -> None:
    archive, db, _ = cli_db
    again = invoke("batch", str(archive), "--db", str(db), "--jobs", "1")
    assert "Skipping 8 files already audited" in again.output
    assert "0 audited" in again.output and "8 skipped" in again.output


def test_results_text_summary(cli_db: Any) -> None:
    _archive, db, _ = cli_db
    out = invoke("results", str(db))
    assert out.exit_code == 0, out.output
    text = out.output
    assert "Reports audited: 5" in text  # cooking.txt was read but is not a report
    assert "Could not audit: 3 (3 unreadable)" in text
    assert "Findings by category" in text and "emission-factor" in text
    assert "EF001" in text  # by rule
    worst = text.split("Worst reports by impact")[1]
    assert worst.strip().splitlines()[1].split()[0].endswith("/seed.txt")
    assert "cooking.txt" in text.split("Could not audit\n")[1]


def test_results_jsonl_one_contract_object_per_report(cli_db: Any) -> None:
    archive, db, _ = cli_db
    out = invoke("results", str(db), "--format", "jsonl")
    objects = [json.loads(line) for line in out.output.splitlines()]
    assert len(objects) == 6
    assert all(set(o) >= {"tool", "source", "report", "findings", "coverage"} for o in objects)
    paths = {o["source"]["path"] for o in objects}
    assert str(archive / "batch_zh_grid_a.txt") in paths


def test_results_csv_one_row_per_finding(cli_db: Any, tmp_path: Path) -> None:
    _archive, db, _ = cli_db
    target = tmp_path / "findings.csv"
    assert invoke("results", str(db), "--format", "csv", "--output", str(target)).exit_code == 0
    table = list(csv.DictReader(io.StringIO(target.read_text(encoding="utf-8"))))
    conn = sqlite3.connect(db)
    (n,) = conn.execute("SELECT count(*) FROM findings").fetchone()
    conn.close()
    assert len(table) == n
    ef = next(r for r in table if r["rule"] == "EF001")
    assert (ef["reported"], ef["expected"], ef["line"]) == ("0.5942", "0.5703", "249")


def test_results_per_report_rerenders_stored_json(cli_db: Any, tmp_path: Path) -> None:
    archive, db, _ = cli_db
    out = invoke("results", str(db), "--per-report", str(tmp_path), "--format", "markdown")
    assert out.exit_code == 0, out.output
    files = sorted(p.name for p in tmp_path.iterdir())
    assert len(files) == 6 and all(f.endswith(".md") for f in files)
    fresh = audit(archive / "seed.txt")
    seed_md = next(tmp_path.glob("seed-*.md")).read_text(encoding="utf-8")
    assert seed_md.rstrip("\n") == render(fresh, "markdown", lang="zh").rstrip("\n")


def test_results_usage_errors(cli_db: Any, tmp_path: Path) -> None:
    _archive, db, _ = cli_db
    assert invoke("results", str(db), "--format", "html").exit_code == 2
    assert invoke("results", str(db), "--per-report", str(tmp_path), "-f", "csv").exit_code == 2
    missing = invoke("results", str(tmp_path / "nope.sqlite"))
    assert missing.exit_code == 2 and "no such results database" in missing.output
    assert invoke("batch", str(tmp_path / "nowhere")).exit_code == 2


@pytest.mark.parametrize(
    "make",
    [
        lambda: audit(FIXTURES / "seeds" / "000_e5f01d6d6220347d.txt"),
        lambda: audit(FIXTURES / "batch" / "sub" / "batch_en_frame.md"),
    ],
)
@pytest.mark.parametrize("fmt", ["markdown", "html", "sarif", "json"])
def test_restored_result_renders_like_the_original(make: Any, fmt: str) -> None:
    original = make()
    lang = original.report.language
    restored = result_from_data(json.loads(json.dumps(result_data(original, lang))))
    assert render(restored, fmt, lang=lang) == render(original, fmt, lang=lang)


# --------------------------------------------------------------------------- analytics


def test_analytics_cli(cli_db: Any) -> None:
    _archive, db, _ = cli_db
    out = invoke("results", str(db), "--analytics").output
    assert "Factor labels printed with different values: 1" in out
    assert "2022 华东 electricity (tCO2/MWh)" in out
    assert "Identical inventories in reports of different products: 1" in out


def test_factor_conflicts_and_copied_inventory(cli_db: Any) -> None:
    archive, db, _ = cli_db
    conn = batch_store.open_existing(db)
    try:
        data = batch_analytics.analytics(conn)
    finally:
        conn.close()
    (conflict,) = data["factor_conflicts"]
    assert (conflict["carrier"], conflict["year"], conflict["region"]) == (
        "electricity",
        2022,
        "华东",
    )
    values = {v["value"]: v["sources"] for v in conflict["values"]}
    assert values["0.581"] == [str(archive / "batch_zh_grid_b.txt")]
    assert sorted(values["0.5703"]) == sorted(
        [str(archive / "batch_zh_grid_a.txt"), str(archive / "seed.txt")]
    )
    (copied,) = data["identical_inventories"]
    assert [s["path"] for s in copied["sources"]] == [
        str(archive / "batch_zh_copy.txt"),
        str(archive / "batch_zh_grid_a.txt"),
    ]
    assert copied["lines"] == 4
    # The copied pair is reported once, as an identical inventory, not again as a sequence.
    assert data["shared_sequences"] == []


def _report(path: str, title: str, numbers: list[str]) -> Any:
    rep = batch_analytics._Report(path, path, title, batch_analytics.product_key(title))
    rep.numbers = numbers
    return rep


def test_shared_number_sequences_need_different_products_and_length() -> None:
    run = ["1250.5", "10754.3", "120", "228", "325", "11307.43"]
    a = _report("a.txt", "Window frame A", ["999", *run, "777"])
    b = _report("b.txt", "Door B", ["555", *run])
    same = _report("c.pdf", "Window  frame A", run)  # the same product as another file
    found = batch_analytics.shared_sequences([a, b, same], 6, set())
    pairs = {tuple(s["source"]["path"] for s in []) or tuple(x["path"] for x in s["sources"])
             for s in found}  # fmt: skip
    assert ("a.txt", "b.txt") in pairs and ("a.txt", "c.pdf") not in pairs
    top = next(s for s in found if {x["path"] for x in s["sources"]} == {"a.txt", "b.txt"})
    assert top["length"] == 6 and top["numbers"] == run
    # Five shared numbers are not enough evidence.
    assert batch_analytics.shared_sequences([a, _report("d", "D", run[:5])], 6, set()) == []


def test_trivial_numbers_are_not_evidence() -> None:
    assert not batch_analytics._significant("0")
    assert not batch_analytics._significant("1")
    assert not batch_analytics._significant("25")
    assert batch_analytics._significant("0.0342")
    assert batch_analytics._plain("1,250.50") == "1250.5"


# --------------------------------------------------------------------------- dask


def test_dask_executor_gives_the_same_results_as_local(tmp_path: Path) -> None:
    distributed = pytest.importorskip("distributed")
    folder = tmp_path / "archive"
    folder.mkdir()
    for name in ("batch_zh_grid_a.txt", "batch_zh_grid_b.txt", "corrupt.pdf", "empty.txt"):
        shutil.copy(FIXTURES / "batch" / name, folder / name)
    shutil.copy(FIXTURES / "batch" / "sub" / "batch_en_frame.md", folder / "frame.md")
    local_db, dask_db = tmp_path / "local.sqlite", tmp_path / "dask.sqlite"
    run_batch([folder], local_db, options=BatchOptions(jobs=2))
    with distributed.LocalCluster(
        processes=False, n_workers=2, threads_per_worker=1, dashboard_address=None
    ) as cluster:
        summary = run_batch(
            [folder],
            dask_db,
            options=BatchOptions(executor="dask", scheduler=cluster.scheduler_address),
        )
    assert (summary.audited, summary.failed) == (3, {"unreadable": 2})
    assert _outcomes(dask_db) == _outcomes(local_db)


def _outcomes(db: Path) -> dict[str, Any]:
    conn = batch_store.open_existing(db)
    try:
        out: dict[str, Any] = {
            row["path"]: (row["verdict"], sorted(f["fingerprint"] for f in data["findings"]))
            for row, data in batch_store.iter_current(conn)
        }
        out.update({e["path"]: (e["kind"], e["message"]) for e in batch_store.current_errors(conn)})
        return out
    finally:
        conn.close()
