"""Batch screening: a mixed archive is audited file by file into SQLite; bad files are
recorded with their error; hung, crashed and memory-hungry files cost only their own slot;
a re-run skips what is done; an interrupted run keeps what it finished."""

from __future__ import annotations

import json
import shutil
import sqlite3
from pathlib import Path
from typing import Any

import jsonschema
import pytest

from pcfaudit.batch import BatchOptions, discover, run_batch, store
from pcfaudit.batch.work import FAULT_ENV
from pcfaudit.pipeline import audit
from pcfaudit.render import json_schema
from pcfaudit.render.json_out import result_data

FIXTURES = Path(__file__).parent.parent / "fixtures"
GOOD = {
    "batch_zh_grid_a.txt",
    "batch_zh_grid_b.txt",
    "batch_zh_copy.txt",
    "batch_en_frame.md",
    "000_e5f01d6d6220347d.txt",
    "002_37b7dd170cf4d869.txt",
}


def make_archive(root: Path) -> Path:
    archive = root / "archive"
    shutil.copytree(FIXTURES / "batch", archive)
    seeds = archive / "seeds"
    seeds.mkdir()
    for seed in (FIXTURES / "seeds").glob("*.txt"):
        shutil.copy(seed, seeds / seed.name)
    return archive


def rows(db: Path, sql: str, *args: Any) -> list[sqlite3.Row]:
    conn = sqlite3.connect(db)
    conn.row_factory = sqlite3.Row
    try:
        return list(conn.execute(sql, args))
    finally:
        conn.close()


def by_name(db: Path) -> dict[str, dict[str, Any]]:
    """file name → its latest outcome (result verdict or error kind)."""
    out: dict[str, dict[str, Any]] = {}
    for r in rows(db, "SELECT s.path, x.verdict, x.exit_code, x.result FROM results x"
                      " JOIN sources s ON s.id=x.source_id ORDER BY x.id"):  # fmt: skip
        data = json.loads(r["result"])
        out[Path(r["path"]).name] = {
            "kind": "result",
            "verdict": r["verdict"],
            "exit_code": r["exit_code"],
            "fingerprints": sorted(f["fingerprint"] for f in data["findings"]),
        }
    for r in rows(db, "SELECT s.path, e.kind, e.message FROM errors e"
                      " JOIN sources s ON s.id=e.source_id ORDER BY e.id"):  # fmt: skip
        out[Path(r["path"]).name] = {"kind": r["kind"], "message": r["message"]}
    return out


@pytest.fixture(scope="module")
def mixed(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path, Any]:
    root = tmp_path_factory.mktemp("mixed")
    archive = make_archive(root)
    db = root / "results.sqlite"
    summary = run_batch([archive], db, options=BatchOptions(jobs=2, timeout=60))
    return archive, db, summary


def test_discovery_skips_hidden_folders_and_other_extensions(tmp_path: Path) -> None:
    archive = make_archive(tmp_path)
    names = {Path(p).name for p in discover([archive])}
    assert names == GOOD | {"cooking.txt", "empty.txt", "corrupt.pdf"}
    assert "ignored.txt" not in names and "table.csv" not in names
    # A file named explicitly is taken whatever its extension.
    assert discover([archive / "sub" / "table.csv"]) == [str(archive / "sub" / "table.csv")]


def test_every_good_report_audited_every_bad_one_recorded(mixed: Any) -> None:
    _archive, db, summary = mixed
    outcomes = by_name(db)
    for name in GOOD:
        assert outcomes[name]["kind"] == "result", name
        assert outcomes[name]["verdict"] in {"findings", "clean"}, name
    assert outcomes["corrupt.pdf"] == {
        "kind": "unreadable",
        "message": outcomes["corrupt.pdf"]["message"],
    }
    assert "damaged PDF" in outcomes["corrupt.pdf"]["message"]
    assert outcomes["empty.txt"]["kind"] == "unreadable"
    assert outcomes["empty.txt"]["message"].endswith("empty file")
    # Not a report: read, but its verdict says it could not be audited (exit code 2).
    assert outcomes["cooking.txt"]["verdict"] == "unreadable"
    assert outcomes["cooking.txt"]["exit_code"] == 2
    # The run's counts and `pcfaudit results` agree: the read-but-not-understood file is
    # one that could not be audited, not an audited report.
    assert summary.audited == len(GOOD)
    assert summary.failed == {"unreadable": 3}
    assert summary.database == {"audited": len(GOOD), "could_not_audit": 3}
    assert summary.worst_exit == 2


def test_stored_result_is_the_single_file_contract(mixed: Any) -> None:
    archive, db, _ = mixed
    path = archive / "batch_zh_grid_a.txt"
    stored = rows(db, "SELECT x.result FROM results x JOIN sources s ON s.id=x.source_id"
                      " WHERE s.path=?", str(path))  # fmt: skip
    data = json.loads(stored[0]["result"])
    jsonschema.Draft202012Validator(json_schema()).validate(data)
    fresh = audit(path)
    assert data == json.loads(json.dumps(result_data(fresh, fresh.report.language)))


def test_findings_table_has_one_row_per_finding_with_first_location(mixed: Any) -> None:
    archive, db, _ = mixed
    seed = str(archive / "seeds" / "000_e5f01d6d6220347d.txt")
    found = rows(db, "SELECT f.* FROM findings f JOIN results x ON x.id=f.result_id"
                     " JOIN sources s ON s.id=x.source_id WHERE s.path=? AND f.rule='EF001'",
                 seed)  # fmt: skip
    assert len(found) == 1
    ef = found[0]
    assert (ef["category"], ef["severity"]) == ("emission-factor", "error")
    assert (ef["reported"], ef["expected"]) == ("0.5942", "0.5703")
    assert (ef["line"], ef["section"]) == (249, "6.1")
    assert "0.5703 tCO2/MWh" in ef["quote"]
    assert ef["impact_unit"] == "t" and ef["impact_share"] == pytest.approx(0.0341, abs=1e-3)
    run = rows(db, "SELECT * FROM runs")[0]
    assert run["status"] == "finished" and run["tool_version"]
    assert len(run["rules_hash"]) == 64 and len(run["reference_hash"]) == 64


def test_rerun_skips_everything_already_done(mixed: Any) -> None:
    archive, db, first = mixed
    before = len(rows(db, "SELECT id FROM results")) + len(rows(db, "SELECT id FROM errors"))
    again = run_batch([archive], db, options=BatchOptions(jobs=2))
    assert again.skipped == first.discovered
    assert again.audited == 0 and again.could_not_audit == 0
    assert again.worst_exit == 2  # the stored outcomes still count
    after = len(rows(db, "SELECT id FROM results")) + len(rows(db, "SELECT id FROM errors"))
    assert after == before


def test_same_bytes_under_two_names_are_audited_once(tmp_path: Path) -> None:
    folder = tmp_path / "dup"
    folder.mkdir()
    for name in ("a.md", "b.md"):
        shutil.copy(FIXTURES / "batch" / "sub" / "batch_en_frame.md", folder / name)
    db = tmp_path / "r.sqlite"
    summary = run_batch([folder], db, options=BatchOptions(jobs=1))
    assert (summary.audited, summary.duplicates) == (1, 1)
    assert {r["path"] for r in rows(db, "SELECT path FROM sources")} == {
        str(folder / "a.md"),
        str(folder / "b.md"),
    }


def test_hung_crashed_and_memory_hungry_files_cost_only_their_slot(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    folder = tmp_path / "faults"
    folder.mkdir()
    shutil.copy(FIXTURES / "batch" / "batch_zh_grid_b.txt", folder / "ok_1.txt")
    shutil.copy(FIXTURES / "batch" / "sub" / "batch_en_frame.md", folder / "ok_2.md")
    for name in ("hang.txt", "crash.txt", "hog.txt"):
        # Distinct bytes so each is its own report.
        (folder / name).write_text(f"{name}\n" + (FIXTURES / "batch" / "cooking.txt").read_text())
    monkeypatch.setenv(FAULT_ENV, "hang:hang.txt,crash:crash.txt,memory:hog.txt")
    db = tmp_path / "r.sqlite"
    summary = run_batch([folder], db, options=BatchOptions(jobs=2, timeout=5, memory_mb=768))
    outcomes = by_name(db)
    assert outcomes["hang.txt"]["kind"] == "timeout"
    assert outcomes["crash.txt"]["kind"] == "crash"
    assert "SIGKILL" in outcomes["crash.txt"]["message"]
    assert outcomes["hog.txt"]["kind"] == "memory"
    assert outcomes["ok_1.txt"]["kind"] == outcomes["ok_2.md"]["kind"] == "result"
    assert summary.failed == {"timeout": 1, "crash": 1, "memory": 1}

    # Restarted: nothing finished is redone, errors included.
    again = run_batch([folder], db, options=BatchOptions(jobs=2, timeout=5))
    assert (again.skipped, again.audited, again.could_not_audit) == (5, 0, 0)

    # With the cause gone and --retry-errors, only the transient failures run again.
    monkeypatch.delenv(FAULT_ENV)
    retry = run_batch([folder], db, options=BatchOptions(jobs=2, retry_errors=True))
    # They are read now, but their text is not a report: counted as `results` counts them.
    assert (retry.skipped, retry.audited, retry.failed) == (2, 0, {"unreadable": 3})


class _StopAfter:
    """A progress reporter that presses Ctrl-C after ``n`` files."""

    def __init__(self, n: int) -> None:
        self.n = n
        self.seen = 0

    def start(self, total: int, skipped: int) -> None:
        self.total = total

    def advance(self, outcome: dict[str, Any]) -> None:
        self.seen += 1
        if self.seen >= self.n:
            raise KeyboardInterrupt

    def stop(self) -> None:
        pass


def test_interrupted_run_keeps_what_it_finished(tmp_path: Path) -> None:
    folder = tmp_path / "ctrl-c"
    folder.mkdir()
    for name in ("batch_zh_grid_a.txt", "batch_zh_grid_b.txt", "batch_zh_copy.txt"):
        shutil.copy(FIXTURES / "batch" / name, folder / name)
    db = tmp_path / "r.sqlite"
    first = run_batch([folder], db, options=BatchOptions(jobs=1), progress=_StopAfter(1))
    assert first.interrupted and first.audited == 1
    assert rows(db, "SELECT status FROM runs")[0]["status"] == "interrupted"
    resumed = run_batch([folder], db, options=BatchOptions(jobs=2))
    assert (resumed.skipped, resumed.audited) == (1, 2)
    assert len(rows(db, "SELECT id FROM results")) == 3


def test_another_identity_audits_again(tmp_path: Path) -> None:
    folder = tmp_path / "ident"
    folder.mkdir()
    shutil.copy(FIXTURES / "batch" / "batch_zh_grid_b.txt", folder / "b.txt")
    db = tmp_path / "r.sqlite"
    run_batch([folder], db, options=BatchOptions(jobs=1))
    other = run_batch([folder], db, options=BatchOptions(jobs=1, lang="en"))
    assert (other.skipped, other.audited) == (0, 1)
    conn = store.open_existing(db)
    try:
        assert len(store.current_result_ids(conn)) == 1  # one report, its newest result
    finally:
        conn.close()
