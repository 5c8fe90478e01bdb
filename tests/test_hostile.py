"""Files from strangers (issue 9): pcfaudit never crashes, hangs, exhausts memory, touches
the network or writes anywhere it was not told to.

Each guarantee is checked through the CLI (``python -m pcfaudit check``) in a temporary
working directory with HOME and TMPDIR pointing at temporary folders: the exit code, and a
stderr that is one ``pcfaudit: FILE: reason`` line (or empty when the verdict is an
``extraction`` finding) without a traceback. Small hostile files are committed in
fixtures/bad/ (made by fixtures/bad/generate.py); big ones are generated here.
"""

from __future__ import annotations

import contextlib
import importlib.util
import json
import os
import random
import signal
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import Path
from types import ModuleType
from typing import Any

import pytest

from pcfaudit.config import Config
from pcfaudit.extract.common import ExtractionError
from pcfaudit.limits import AuditTimeout, inflated_size, time_limit
from pcfaudit.pipeline import UnreadableInput, audit

ROOT = Path(__file__).resolve().parent.parent
BAD = ROOT / "fixtures" / "bad"


def _load_generator() -> ModuleType:
    spec = importlib.util.spec_from_file_location("pcfaudit_bad_fixtures", BAD / "generate.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module
    spec.loader.exec_module(module)
    return module


gen = _load_generator()


@dataclass
class Run:
    returncode: int
    stdout: str
    stderr: str
    seconds: float
    max_rss_mb: float


# A small process starts pcfaudit and reports its peak memory. Measured straight from the
# test process, ru_maxrss would count the pytest process's own size at fork time (Linux
# counts a forked child's pages before exec): after an in-process OCR test that is ~1 GB.
_MEASURED = """
import os, subprocess, sys
child = subprocess.Popen(sys.argv[2:])
_, status, usage = os.wait4(child.pid, 0)
with open(sys.argv[1], "w") as fh:
    fh.write(str(usage.ru_maxrss))
sys.exit(os.waitstatus_to_exitcode(status))
"""


def run_cli(*args: str | Path, cwd: Path, home: Path, timeout: float = 300) -> Run:
    """``python -m pcfaudit ARGS`` in ``cwd`` with HOME/TMPDIR under ``home``; the child's
    own peak memory comes from wait4 in a small parent of its own."""
    env = {k: v for k, v in os.environ.items() if not k.startswith("PCFAUDIT_")}
    env.update(
        HOME=str(home),
        TMPDIR=str(home / "tmp"),
        XDG_CACHE_HOME=str(home / ".cache"),
        PYTHONDONTWRITEBYTECODE="1",
        COLUMNS="100",
    )
    (home / "tmp").mkdir(parents=True, exist_ok=True)
    out, err = cwd / ".." / f"{cwd.name}.out", cwd / ".." / f"{cwd.name}.err"
    rss = cwd / ".." / f"{cwd.name}.rss"
    start = time.monotonic()
    with open(out, "wb") as fo, open(err, "wb") as fe:
        proc = subprocess.Popen(
            [
                sys.executable,
                "-c",
                _MEASURED,
                str(rss),
                sys.executable,
                "-m",
                "pcfaudit",
                "check",
                *map(str, args),
            ],
            cwd=cwd,
            env=env,
            stdout=fo,
            stderr=fe,
            stdin=subprocess.DEVNULL,
        )
        deadline = start + timeout
        while True:
            pid, status, _ = os.wait4(proc.pid, os.WNOHANG)
            if pid:
                break
            if time.monotonic() > deadline:
                proc.kill()
                pytest.fail(f"pcfaudit check {args} still running after {timeout} s")
            time.sleep(0.05)
    proc.returncode = os.waitstatus_to_exitcode(status)
    return Run(
        returncode=proc.returncode,
        stdout=out.read_text(encoding="utf-8", errors="replace"),
        stderr=err.read_text(encoding="utf-8", errors="replace"),
        seconds=time.monotonic() - start,
        max_rss_mb=int(rss.read_text()) / 1024 if rss.exists() else float("inf"),
    )


def assert_one_line_error(run: Run, *needles: str) -> None:
    assert run.returncode == 2, (run.returncode, run.stderr, run.stdout[-500:])
    assert "Traceback" not in run.stderr and "Traceback" not in run.stdout
    lines = run.stderr.splitlines()
    assert len(lines) == 1, run.stderr
    assert lines[0].startswith("pcfaudit: ")
    for needle in needles:
        assert needle in lines[0], lines[0]


# --------------------------------------------------------------------------- committed fixtures

# file → what stderr says (one line, exit 2); None: read and audited, stderr empty
EXPECTED: dict[str, str | None] = {
    "empty.txt": "empty file",
    "binary.bin": "binary file of unknown format",
    "random.pdf": "binary file of unknown format",
    "random.docx": "binary file of unknown format",
    "random_with_header.pdf": "damaged PDF",
    "random_with_zip_magic.docx": "damaged zip/DOCX",
    "legacy.doc": "legacy .doc",
    "workbook.xlsx": "Excel workbook",
    "pdf_truncated.pdf": "damaged PDF",
    "pdf_encrypted.pdf": "encrypted PDF: a password is required",
    "pdf_encrypted_user_password.pdf": "encrypted PDF: a password is required",
    "pdf_encrypted_owner_only.pdf": None,  # empty user password: opens like any PDF
    "pdf_broken_xref.pdf": None,  # pdfium rebuilds the cross-reference table
    "pdf_bad_startxref.pdf": None,
    "pdf_deep_nesting.pdf": None,  # 50,000-deep arrays and dictionaries
    "pdf_no_text.pdf": "no text layer: no page holds text",
    "pdf_deep_page_tree.pdf": "damaged PDF",
    "pdf_cyclic_page_tree.pdf": "damaged PDF",
    "pdf_many_page_refs.pdf": "5000 pages (limit 2000)",
    "pdf_flate_bomb.pdf": "decompression bomb",
    "pdf_flate_bomb_2layers.pdf": "decompression bomb",
    "docx_xxe.docx": "declares a DTD",
    "docx_xxe_padded.docx": "declares a DTD",
    "docx_billion_laughs.docx": "declares a DTD",
    "docx_external_targets.docx": None,
    "text_ebcdic.txt": "cannot decode",
    "text_random_high.txt": "cannot decode",
}
# read, but not a carbon footprint report: an extraction error finding and exit 2
NOT_A_REPORT = ["text_recipe.txt", "text_novel_zh.txt"]


@pytest.fixture(scope="module")
def fixture_runs(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Run]:
    """Every committed fixture through the CLI, two at a time (one per core)."""
    base = tmp_path_factory.mktemp("hostile")

    def one(name: str) -> tuple[str, Run]:
        cwd = base / name.replace(".", "_")
        cwd.mkdir()
        return name, run_cli("-f", "json", BAD / name, cwd=cwd, home=base / "home")

    with ThreadPoolExecutor(max_workers=2) as pool:
        return dict(pool.map(one, [*EXPECTED, *NOT_A_REPORT]))


def test_every_committed_fixture_has_an_expectation() -> None:
    committed = {p.name for p in BAD.iterdir() if p.is_file() and p.suffix not in {".py", ".md"}}
    assert committed == set(EXPECTED) | set(NOT_A_REPORT)
    assert set(gen.COMMITTED) <= committed


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_committed_fixture_through_the_cli(name: str, fixture_runs: dict[str, Run]) -> None:
    run = fixture_runs[name]
    assert run.seconds < 60
    expected = EXPECTED[name]
    if expected is not None:
        assert_one_line_error(run, str(BAD / name), expected)
        assert run.stdout == ""
        return
    assert run.returncode in (0, 1, 2) and run.stderr == "", run.stderr
    result = json.loads(run.stdout)
    assert result["coverage"]["blocks"] > 0


def test_broken_pdfs_are_read_in_full(fixture_runs: dict[str, Run]) -> None:
    for name in ("pdf_broken_xref.pdf", "pdf_encrypted_owner_only.pdf", "pdf_deep_nesting.pdf"):
        result = json.loads(fixture_runs[name].stdout)
        assert result["coverage"]["pages"] == 1
        assert result["coverage"]["numbers"] >= 4, name  # 1200, 0.5703, 684.36, ...


@pytest.mark.parametrize("name", NOT_A_REPORT)
def test_not_a_footprint_report_is_never_clean(name: str, fixture_runs: dict[str, Run]) -> None:
    run = fixture_runs[name]
    assert run.returncode == 2 and run.stderr == ""
    result = json.loads(run.stdout)
    extraction = [f for f in result["findings"] if f["category"] == "extraction"]
    assert [f["rule"] for f in extraction] == ["EX002"]
    assert extraction[0]["severity"] == "error"


# --------------------------------------------------------------------------- generated, big


def test_three_thousand_pages_are_refused_at_once(tmp_path: Path) -> None:
    pdf = tmp_path / "pages3000.pdf"
    pdf.write_bytes(gen.pdf_many_pages(3000))
    run = run_cli(pdf, cwd=tmp_path, home=tmp_path / "home")
    assert_one_line_error(run, "3000 pages (limit 2000)")
    assert run.seconds < 20


def test_a_long_pdf_under_the_limit_extracts_quickly() -> None:
    from pcfaudit.extract.pdf import extract_pdf

    start = time.monotonic()
    doc = extract_pdf(gen.pdf_many_pages(1500), "pages1500.pdf")
    assert doc.source.pages == 1500
    assert time.monotonic() - start < 30


def test_two_hundred_thousand_page_references_are_refused(tmp_path: Path) -> None:
    pdf = tmp_path / "refs.pdf"
    pdf.write_bytes(gen.pdf_many_page_refs(200_000))  # 1.2 MB
    run = run_cli(pdf, cwd=tmp_path, home=tmp_path / "home")
    assert_one_line_error(run, "200000 pages (limit 2000)")
    assert run.seconds < 20


def test_pdf_flate_bomb_is_refused_without_inflating(tmp_path: Path) -> None:
    pdf = tmp_path / "bomb.pdf"
    pdf.write_bytes(gen.pdf_flate_bomb(1024))  # 1 MB file, 1 GB content stream
    assert pdf.stat().st_size < 2 * 2**20
    run = run_cli(pdf, cwd=tmp_path, home=tmp_path / "home")
    assert_one_line_error(run, "expands to more than 64 MB", "decompression bomb")
    assert run.seconds < 20
    assert run.max_rss_mb < 400  # pdfium alone took 3.2 GB and 20 s on a 2 GB one


def test_inflated_size_counts_nested_layers_and_stops_at_the_limit() -> None:
    import zlib

    inner = zlib.compress(b" " * (8 * 2**20))
    twice = zlib.compress(inner)
    assert inflated_size(twice, 0, 2**30) == 8 * 2**20
    assert inflated_size(twice, 0, 2**20) > 2**20  # stops just past the limit
    assert inflated_size(b"not zlib at all", 0, 100) == 0


def _streams(payloads: list[bytes]) -> bytes:
    import zlib

    parts = [b"%PDF-1.4\n"]
    for i, payload in enumerate(payloads, 1):
        parts.append(b"%d 0 obj <</Filter /FlateDecode>> stream\n" % i)
        parts.append(zlib.compress(payload, 9) + b"\nendstream endobj\n")
    return b"".join(parts)


def test_stream_keywords_are_found_as_the_pdf_syntax_defines_them() -> None:
    import re

    from pcfaudit import limits

    sample = (
        b"stream\r\nA endstream\nstream\rB stream\nC streamX endstream\r\n"
        b"<</Length 3>>stream\nD endstreamstream\nE stream"
    )
    pattern = re.compile(rb"(?<!end)stream(?:\r\n|\n|\r)")
    assert list(limits._streams(sample)) == [(m.start(), m.end()) for m in pattern.finditer(sample)]
    starts = [sample[start : start + 1] for _, start in limits._streams(sample)]
    assert starts == [b"A", b"B", b"C", b"D", b"E"]  # not "streamX", not the final "stream"


def test_short_streams_left_uninflated_still_count_towards_the_total(monkeypatch) -> None:
    from pcfaudit import limits

    monkeypatch.setattr(limits, "MAX_STREAM_BYTES", 2**20)
    monkeypatch.setattr(limits, "MAX_PDF_INFLATED", 4 * 2**20)
    # Each stream is under 1 KB and inflates to 0.9 MB: short enough to skip one by one,
    # six of them pass the 4 MB total.
    with pytest.raises(ExtractionError, match="streams expand to more than 4 MB"):
        limits.check_pdf_streams(_streams([b"\0" * 900_000] * 6))
    # Six incompressible streams whose bounds pass the total but whose content is tiny.
    rng = random.Random(7)
    noise = [rng.randbytes(900) for _ in range(6)]
    limits.check_pdf_streams(_streams(noise))


@pytest.mark.parametrize("lie", [False, True], ids=["honest", "lying-headers"])
def test_docx_zip_bomb_is_refused(tmp_path: Path, lie: bool) -> None:
    path = tmp_path / "bomb.docx"
    path.write_bytes(gen.docx_lying_zip_bomb(300) if lie else gen.docx_zip_bomb(300))
    assert path.stat().st_size < 2**20
    run = run_cli(path, cwd=tmp_path, home=tmp_path / "home")
    if lie:  # zipfile stops at the declared size and the CRC check fails
        assert_one_line_error(run, "damaged DOCX")
    else:
        assert_one_line_error(run, "unpacks to 300 MB", "zip bomb")
    assert run.seconds < 20
    assert run.max_rss_mb < 400


def test_docx_with_a_ten_thousand_row_table(tmp_path: Path) -> None:
    path = tmp_path / "rows.docx"
    path.write_bytes(gen.docx_table(10_000))
    run = run_cli("-f", "json", path, cwd=tmp_path, home=tmp_path / "home")
    assert run.stderr == "" and "Traceback" not in run.stdout
    assert run.returncode in (0, 1, 2)
    assert json.loads(run.stdout)["coverage"]["tables"] == 1
    assert run.seconds < 60


def test_fifty_megabyte_text_is_refused_quickly(tmp_path: Path) -> None:
    path = tmp_path / "big.txt"
    path.write_bytes(gen.big_text(50))
    run = run_cli(path, cwd=tmp_path, home=tmp_path / "home")
    assert_one_line_error(
        run, "text file too large (50.0 MiB; the limit is 1.0 MiB): audit the PDF"
    )
    assert run.seconds < 10
    assert run.max_rss_mb < 400


# --------------------------------------------------------------------------- time limits


def test_timeout_option_stops_a_slow_file_and_goes_on(tmp_path: Path) -> None:
    slow = tmp_path / "slow.txt"
    slow.write_bytes(gen.big_text(1)[:1_000_000])  # under the text limit; ~10 s: past 2 s
    run = run_cli("--timeout", "2", slow, BAD / "empty.txt", cwd=tmp_path, home=tmp_path / "home")
    assert run.returncode == 2
    assert run.stderr.splitlines() == [
        f"pcfaudit: {slow}: timed out after 2 s",
        f"pcfaudit: {BAD / 'empty.txt'}: empty file",
    ]
    assert run.seconds < 15


def test_time_limit_interrupts_python_code() -> None:
    start = time.monotonic()
    with pytest.raises(AuditTimeout, match=r"timed out after 0.2 s"), time_limit(0.2):
        while True:
            pass
    assert time.monotonic() - start < 2
    assert signal.getsignal(signal.SIGALRM) is signal.SIG_DFL  # handler restored


def test_time_limit_is_not_swallowed_by_except_exception() -> None:
    with pytest.raises(AuditTimeout), time_limit(0.2):
        with contextlib.suppress(Exception):  # what third-party parsers do
            time.sleep(5)
        time.sleep(5)


def test_time_limit_raised_inside_a_finaliser_still_ends_the_block(
    capsys: pytest.CaptureFixture[str],
) -> None:
    # CI once lost a timeout this way: the alarm fired inside regex's Group.__del__, the
    # interpreter swallowed the exception and printed it, and the audit ran on to the end.
    class SlowToDie:
        def __del__(self) -> None:
            deadline = time.monotonic() + 0.5
            while time.monotonic() < deadline:
                pass

    start = time.monotonic()
    with pytest.raises(AuditTimeout), time_limit(0.2):
        SlowToDie()  # dropped at once: the alarm fires in __del__
        while time.monotonic() - start < 5:
            pass
    assert time.monotonic() - start < 2
    assert "AuditTimeout" not in capsys.readouterr().err
    assert signal.getitimer(signal.ITIMER_REAL) == (0.0, 0.0)  # no alarm left repeating


def test_zero_timeout_means_no_limit() -> None:
    with time_limit(0):
        time.sleep(0.05)


def test_hard_exit_when_native_code_ignores_the_alarm(tmp_path: Path) -> None:
    script = (
        "import signal, time\n"
        "from pcfaudit.limits import time_limit\n"
        "with time_limit(0.3, label='stuck.pdf', hard_exit=True, grace=0.3):\n"
        "    signal.pthread_sigmask(signal.SIG_BLOCK, {signal.SIGALRM})  # like a C loop\n"
        "    time.sleep(30)\n"
    )
    start = time.monotonic()
    proc = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, timeout=60, cwd=tmp_path
    )
    assert proc.returncode == 2
    assert proc.stderr == "pcfaudit: stuck.pdf: timed out after 0.3 s (stuck in a parser)\n"
    assert time.monotonic() - start < 10


# --------------------------------------------------------------------------- no network


@pytest.fixture
def no_network(monkeypatch: pytest.MonkeyPatch) -> Iterator[list[Any]]:
    attempts: list[Any] = []

    def refuse(*args: Any, **kwargs: Any) -> Any:
        attempts.append(args)
        raise OSError("network access attempted during an audit")

    class NoSocket(socket.socket):
        def __init__(self, *args: Any, **kwargs: Any) -> None:
            refuse(*args)

    monkeypatch.setattr(socket, "socket", NoSocket)
    monkeypatch.setattr(socket, "create_connection", refuse)
    monkeypatch.setattr(socket, "getaddrinfo", refuse)
    yield attempts


def _all_inputs() -> list[Path]:
    bad = [p for p in sorted(BAD.iterdir()) if p.is_file() and p.suffix != ".py"]
    good = sorted((ROOT / "fixtures" / "synthetic").glob("*.docx"))
    good += sorted((ROOT / "fixtures" / "synthetic").glob("pdf_*.pdf"))
    return bad + good


def test_no_network_access_while_auditing_any_fixture(no_network: list[Any]) -> None:
    read = 0
    for path in _all_inputs():
        try:
            audit(path, Config())
            read += 1
        except UnreadableInput:
            pass
    assert no_network == []
    assert read >= 8


def test_external_docx_targets_are_not_fetched(no_network: list[Any]) -> None:
    result = audit(BAD / "docx_external_targets.docx", Config())
    assert no_network == []
    quotes = " ".join(str(f.message) for f in result.findings)
    assert "127.0.0.1" not in quotes


def test_no_external_entity_is_resolved_even_past_the_dtd_check() -> None:
    """The DTD check refuses the file; python-docx's own parser must not resolve the
    entities either (defence in depth)."""
    import io

    import docx

    data = gen.docx_xxe(padding=5000)
    with pytest.raises(ExtractionError, match="declares a DTD"):
        from pcfaudit.extract.docx import extract_docx

        extract_docx(data, "xxe.docx")
    try:
        text = "".join(p.text for p in docx.Document(io.BytesIO(data)).paragraphs)
    except Exception:  # refusing to parse is fine too
        return
    assert "root:" not in text and "Leak:" in text


# --------------------------------------------------------------------------- no stray writes


def _listing(*roots: Path) -> dict[str, int]:
    return {str(p): p.stat().st_size for root in roots for p in root.rglob("*") if p.is_file()}


@pytest.mark.parametrize("with_output", [False, True], ids=["stdout", "output-file"])
def test_nothing_is_written_but_the_requested_output(tmp_path: Path, with_output: bool) -> None:
    cwd, home = tmp_path / "work", tmp_path / "home"
    cwd.mkdir()
    (home / "tmp").mkdir(parents=True)
    report = ROOT / "fixtures" / "synthetic" / "docx_features.docx"
    before = _listing(cwd, home)
    args: list[str | Path] = ["-f", "json", report, BAD / "pdf_broken_xref.pdf"]
    if with_output:
        args += ["-o", "result.json"]
    run = run_cli(*args, cwd=cwd, home=home)
    assert "Traceback" not in run.stderr
    after = _listing(cwd, home)
    added = sorted(set(after) - set(before))
    assert added == ([str(cwd / "result.json")] if with_output else [])
    assert {k: v for k, v in after.items() if k in before} == before


# --------------------------------------------------------------------------- fuzzers' finds

FUZZ_FINDS: dict[str, str | None] = {
    # each crashed with a traceback ("internal error") before its fix
    "docx_bad_deflate.docx": "damaged DOCX: Error -3 while decompressing data",  # zlib.error
    "docx_negative_seek.docx": "damaged DOCX: negative seek value",  # ValueError
    "docx_no_body.docx": "damaged DOCX: word/document.xml has no document body",  # AttributeError
    "docx_zip_version.docx": "damaged zip/DOCX file: zip file version 15.4",  # NotImplementedError
    "docx_styles_wrong_part.docx": "damaged DOCX: AttributeError: 'Part' object has no attribute",
    "text_pipe_rules_only.md": None,  # ValueError: max() of no rows; now read
    # PdfminerException reading back glyphs pdfium dropped (a font stream without Length1);
    # now read by pdfium alone, and pdfminer's warnings stay off stderr
    "pdf_dropped_glyphs_bad_font.pdf": None,
}


@pytest.mark.parametrize("name", sorted(FUZZ_FINDS))
def test_fuzz_finds_are_one_line_errors(name: str, tmp_path: Path) -> None:
    assert {p.name for p in (BAD / "fuzz").iterdir()} == set(FUZZ_FINDS)
    expected = FUZZ_FINDS[name]
    if expected is None:
        assert audit(BAD / "fuzz" / name, Config()).coverage.blocks > 0
        return
    with pytest.raises(UnreadableInput, match=expected):
        audit(BAD / "fuzz" / name, Config())


def test_a_pipe_table_of_rule_lines_only_is_no_table() -> None:
    from pcfaudit.extract.text import extract_text

    doc = extract_text(b"intro\n|---|---|\n|---|---|\nafter\n", "rules.md")
    assert [b.kind for b in doc.blocks] == ["paragraph"]
    assert doc.blocks[0].text.startswith("intro")


def test_a_damaged_font_read_back_by_pdfminer_prints_nothing_of_its_own(capfd: Any) -> None:
    # pdfminer logs a warning per damaged font descriptor; the user sees pcfaudit's output only.
    audit(BAD / "fuzz" / "pdf_dropped_glyphs_bad_font.pdf", Config())
    assert "FontBBox" not in capfd.readouterr().err
