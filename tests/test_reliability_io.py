"""Issue 15, single files: nothing overwritten, nothing hangs, every error one line with exit 2.

Every input is generated here (a small report of our own, PDFs from reliability_inputs);
limits are exercised with monkeypatched small values so no test reads megabytes.
"""

from __future__ import annotations

import json
import os
import socket
import sys
import time
from pathlib import Path

import pytest
from typer.testing import CliRunner

from pcfaudit import limits
from pcfaudit.cli import app
from pcfaudit.pipeline import UnreadableInput, audit, read_source
from pcfaudit.safe_io import (
    InputRefused,
    OutputGuard,
    OutputRefused,
    annotated_names,
    read_regular,
    too_large,
)

sys.path.insert(0, str(Path(__file__).parent))
from reliability_inputs import pdf_with_cmap

REPORT = """# Carbon footprint of a garden bench

The functional unit is 1 bench, cradle-to-gate, GWP100 from IPCC AR6.

| Item | Activity data | Emission factor (kgCO2e/kg) | Emissions (kgCO2e) |
|---|---|---|---|
| Oak (kg) | 20 | 0.5 | 10 |
| Steel screws (kg) | 1 | 2 | 2 |
| Total |  |  | 12 |
"""


def check(*args: str | Path) -> tuple[int, str, str]:
    result = CliRunner().invoke(app, [str(a) for a in args])
    return result.exit_code, result.stdout, result.stderr


def one_error_line(stderr: str) -> str:
    """The single ``pcfaudit: ...`` line a bad input or output must produce."""
    lines = stderr.strip().splitlines()
    assert len(lines) == 1, stderr
    assert lines[0].startswith("pcfaudit: ") and "Traceback" not in stderr
    return lines[0]


@pytest.fixture
def report(tmp_path: Path) -> Path:
    path = tmp_path / "bench.md"
    path.write_text(REPORT, encoding="utf-8")
    return path


def small_pdf(path: Path, title: str = "Bench carbon footprint report") -> Path:
    path.write_bytes(pdf_with_cmap([title.encode(), b"The total is 12 kgCO2e per bench."], {}))
    return path


# --------------------------------------------------------------------------- outputs


def test_output_that_is_the_input_is_refused_and_the_input_kept(report: Path) -> None:
    before = report.read_bytes()
    code, _, err = check("check", report, "-f", "json", "-o", report)
    assert code == 2
    assert "is an input; refusing to overwrite it" in one_error_line(err)
    assert report.read_bytes() == before


def test_output_through_a_link_or_hard_link_to_the_input_is_refused(
    report: Path, tmp_path: Path
) -> None:
    before = report.read_bytes()
    (tmp_path / "link.json").symlink_to(report)
    os.link(report, tmp_path / "hard.json")
    for target in ("link.json", "hard.json"):
        code, _, err = check("check", report, "-f", "json", "-o", tmp_path / target)
        assert code == 2 and "is an input" in one_error_line(err), target
    assert report.read_bytes() == before


def test_annotate_onto_the_input_pdf_is_refused(tmp_path: Path) -> None:
    pdf = small_pdf(tmp_path / "in.pdf")
    before = pdf.read_bytes()
    code, _, err = check("check", pdf, "--annotate", pdf, "-f", "json")
    assert code == 2 and "is an input" in one_error_line(err)
    assert pdf.read_bytes() == before


def test_annotate_dir_keeps_same_named_reports_from_different_folders(tmp_path: Path) -> None:
    (tmp_path / "a").mkdir()
    (tmp_path / "b").mkdir()
    first = small_pdf(tmp_path / "a" / "report.pdf", "First carbon footprint report")
    second = small_pdf(tmp_path / "b" / "report.pdf", "Second carbon footprint report")
    out = tmp_path / "annotated"
    out.mkdir()
    code, _, err = check("check", first, second, "--annotate", out, "-f", "json")
    assert code in (0, 1), err
    written = sorted(p.name for p in out.iterdir())
    assert written == ["a_report.annotated.pdf", "b_report.annotated.pdf"]


def test_annotated_names_are_distinct_even_for_same_folder_names(tmp_path: Path) -> None:
    paths = [tmp_path / "x" / "r.pdf", tmp_path / "y" / "x" / "r.pdf", tmp_path / "s.pdf"]
    names = annotated_names(paths)
    assert len(set(names.values())) == 3
    assert names[paths[2]] == "s.annotated.pdf"


@pytest.mark.parametrize(
    ("target", "message"),
    [("/nonexistent/x.json", "no such folder"), (".", "is a directory")],
)
def test_unusable_output_is_one_line_exit_2_before_any_audit(
    report: Path, target: str, message: str
) -> None:
    code, out, err = check("check", report, "-f", "json", "-o", target)
    assert code == 2 and message in one_error_line(err)
    assert out == ""


def test_output_is_written_whole_or_not_at_all(tmp_path: Path) -> None:
    guard = OutputGuard()
    target = tmp_path / "out.json"
    target.write_text("old")
    with pytest.raises(RuntimeError), guard.open_text(target) as fh:
        fh.write("half")
        raise RuntimeError("renderer failed")
    assert target.read_text() == "old"
    assert [p.name for p in tmp_path.iterdir()] == ["out.json"]  # no temporary left behind
    guard.write_text(target, "new")
    assert target.read_text() == "new"
    with pytest.raises(OutputRefused):  # written once by this command: now protected
        OutputGuard([target]).check(target)


# --------------------------------------------------------------------------- inputs


def test_fifo_device_and_socket_are_refused_at_once(tmp_path: Path) -> None:
    fifo = tmp_path / "report.txt"
    os.mkfifo(fifo)
    sock_path = tmp_path / "s.txt"
    sock = socket.socket(socket.AF_UNIX)
    sock.bind(str(sock_path))
    try:
        for path, why in ((fifo, "named pipe"), ("/dev/zero", "device"), (sock_path, "socket")):
            start = time.monotonic()
            code, _, err = check("check", path)
            assert code == 2 and why in one_error_line(err), path
            assert time.monotonic() - start < 10
    finally:
        sock.close()


def test_symlink_to_dev_zero_is_refused(tmp_path: Path) -> None:
    (tmp_path / "zero.txt").symlink_to("/dev/zero")
    with pytest.raises(UnreadableInput, match="device"):
        read_source(tmp_path / "zero.txt")


def test_size_is_checked_before_reading(tmp_path: Path) -> None:
    import tracemalloc

    big = tmp_path / "big.txt"
    with open(big, "wb") as fh:  # 300 MiB, sparse: nothing on disk
        fh.truncate(300 * 2**20)
    tracemalloc.start()
    try:
        with pytest.raises(
            UnreadableInput, match=r"file too large \(300.0 MiB; the limit is 200.0 MiB\)"
        ):
            read_source(big)
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    assert peak < 2**20  # refused from its size, not after reading it


def test_text_is_refused_at_the_text_limit_without_reading_the_rest(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    text = tmp_path / "long.txt"
    text.write_text("carbon footprint 1.5 kgCO2e\n" * 10_000)  # 280 kB
    monkeypatch.setattr(limits, "MAX_TEXT_BYTES", 100_000)
    with pytest.raises(UnreadableInput, match="audit the PDF or DOCX instead") as exc:
        read_source(text)
    assert "text file too large (280000 bytes; the limit is 100000 bytes)" in str(exc.value)
    # A PDF of the same size is under the (larger) input limit: read in full.
    pdf = small_pdf(tmp_path / "r.pdf")
    assert read_source(pdf)[0] == pdf.read_bytes()


def test_a_file_never_read_past_the_limit_even_if_it_grows(tmp_path: Path) -> None:
    grows = tmp_path / "grows.pdf"
    grows.write_bytes(b"%PDF-1.4\n" + b"0" * 100)
    limit = 200

    def sneaky(head: bytes) -> tuple[int, str, str]:
        with open(grows, "ab") as fh:  # the file grows between fstat and the read
            fh.write(b"1" * 10_000)
        return limit, "file", ""

    with pytest.raises(InputRefused, match="too large"):
        read_regular(grows, limit, sneaky)


def test_size_message_never_says_the_same_number_twice() -> None:
    limit = 200 * 2**20
    message = too_large("file", limit + 1, limit)
    assert message == "file too large (209,715,201 bytes; the limit is 209,715,200 bytes)"
    assert too_large("file", 300 * 2**20, limit) == (
        "file too large (300.0 MiB; the limit is 200.0 MiB)"
    )


def test_empty_path_says_so() -> None:
    with pytest.raises(UnreadableInput, match=r"^no file given \(the path is empty\)$"):
        audit("")


# --------------------------------------------------------------------------- text that UTF-8 refuses


def test_emoji_split_into_surrogate_halves_in_a_pdf_gives_json(tmp_path: Path) -> None:
    emoji = "\U0001f331".encode("utf-16-be")
    pdf = tmp_path / "emoji.pdf"
    pdf.write_bytes(
        pdf_with_cmap(
            [b"Carbon footprint report AB", b"The total is 12.5 kgCO2e per unit. ~"],
            {0x41: emoji[:2], 0x42: emoji[2:], 0x7E: b"\xdc\x00"},  # ~: a lone half
        )
    )
    code, out, err = check("check", pdf, "-f", "json")
    assert code in (0, 1), err
    data = json.loads(out)
    assert "Carbon footprint report \U0001f331" in data["report"]["title"]
    assert "\ufffd" in out  # the lone half is shown as unreadable, not dropped silently


def test_non_utf8_file_name_gives_json(tmp_path: Path) -> None:
    # "[/bold]" spans a folder and a file name: "caf\xe9 [" / "bold].md".
    name = os.fsdecode(os.path.join(os.fsencode(tmp_path), b"caf\xe9 [/bold].md"))
    Path(name).parent.mkdir()
    Path(name).write_text(REPORT, encoding="utf-8")
    code, out, err = check("check", name, "-f", "json")
    assert code in (0, 1), err
    assert json.loads(out)["source"]["path"].endswith("caf\\xe9 [/bold].md")


def test_extract_never_prints_a_traceback(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    pdf = small_pdf(tmp_path / "r.pdf")

    def hostile(data: bytes, name: str) -> None:
        raise KeyError("a ToUnicode map pointing nowhere")

    monkeypatch.setattr("pcfaudit.extract.detect.extract", hostile)
    code, _, err = check("extract", pdf)
    assert code == 2 and "cannot extract (KeyError" in one_error_line(err)


def test_annotated_names_keep_the_report_kind(tmp_path: Path) -> None:
    names = annotated_names(
        [tmp_path / "a" / "r.docx", tmp_path / "b" / "r.docx", tmp_path / "q.PDF"]
    )
    assert sorted(names.values()) == ["a_r.annotated.docx", "b_r.annotated.docx", "q.annotated.pdf"]


def test_extract_shows_report_text_that_looks_like_markup(tmp_path: Path) -> None:
    path = tmp_path / "x [red].md"
    path.write_text(REPORT.replace("| Oak (kg) |", "| Oak [/bold] (kg) |"), encoding="utf-8")
    code, out, err = check("extract", path)
    assert code == 0, err
    assert "Oak [/bold]" in out  # shown as printed, not taken as rich markup
