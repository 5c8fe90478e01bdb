"""Issue 15, fuzzing paths, file types, escapes and number sizes: whatever the name, the kind
of file or the number printed, pcfaudit answers with a result or one UnreadableInput line."""

from __future__ import annotations

import json
import os
import re
import shutil
import sys
import tempfile
from decimal import Decimal
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from rich.text import Text

from pcfaudit.escape import csv_cell, path_text, terminal, terminal_plain, utf8_safe
from pcfaudit.pipeline import UnreadableInput, audit
from pcfaudit.render.json_out import result_data
from pcfaudit.vocab.numbers import MAX_EXPONENT, iter_numbers, parse_number

sys.path.insert(0, str(Path(__file__).parent))
from test_reliability_io import REPORT

FEW = settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow])
MANY = settings(max_examples=300, deadline=None)

# Name bytes a stranger's archive can hold: non-UTF-8 bytes, markup, controls, spaces.
NAME_BYTES = st.lists(
    st.sampled_from(
        [b"a", b"Z", b"9", b" ", b"[", b"]", b"[bold]", b"=", b"\xe9", b"\xff", b"\x1b", b"\n",
         "é".encode(), "报告".encode(), "\U0001f331".encode(), b"%", b"'", b'"', b"\\"]
    ),
    min_size=1,
    max_size=8,
).map(lambda parts: b"".join(parts))  # fmt: skip

KINDS = st.sampled_from(
    ["report", "empty", "binary", "fifo", "link_dev_null", "dangling", "folder", "pdf_junk"]
)


def _make(folder: Path, name: bytes, kind: str) -> str:
    path = os.fsdecode(os.path.join(os.fsencode(folder), name + b".md"))
    if kind == "report":
        Path(path).write_text(REPORT, encoding="utf-8")
    elif kind == "empty":
        Path(path).write_bytes(b"")
    elif kind == "binary":
        Path(path).write_bytes(bytes(range(256)) * 4)
    elif kind == "fifo":
        os.mkfifo(path)
    elif kind == "link_dev_null":
        os.symlink("/dev/null", path)
    elif kind == "dangling":
        os.symlink(os.path.join(folder, "nowhere"), path)
    elif kind == "folder":
        os.mkdir(path)
    else:
        Path(path).write_bytes(b"%PDF-1.7\n" + b"\x00garbage" * 50)
    return path


@FEW
@given(NAME_BYTES, KINDS)
def test_any_name_and_file_type_gives_a_result_or_one_line(name: bytes, kind: str) -> None:
    folder = Path(tempfile.mkdtemp())
    try:
        path = _make(folder, name, kind)
        try:
            result = audit(path)
        except UnreadableInput as exc:
            message = str(exc)
            assert "\n" not in message.strip()
            message.encode("utf-8")
            assert kind != "report"
            return
        assert kind == "report"
        text = json.dumps(result_data(result, "en"), ensure_ascii=False)
        text.encode("utf-8")  # no surrogate survives into the JSON
    finally:
        shutil.rmtree(folder)


# Any character, lone surrogates included, and the ones escapes must deal with.
ANY_TEXT = st.text(
    alphabet=st.one_of(
        st.characters(exclude_categories=()),
        st.sampled_from(list("[]/\\=+-@\t\r\n\x1b\x9b\ud83c\udf31\udce9")),
    )
)


@MANY
@given(ANY_TEXT)
def test_escapes_hold_for_any_text(text: str) -> None:
    utf8_safe(text).encode("utf-8")
    # Markup around it stays markup (rich doubles a trailing backslash so that it cannot
    # escape the tag that follows).
    shown = Text.from_markup(f"[bold]{terminal(text)}[/bold]").plain
    assert shown in (terminal_plain(text), terminal_plain(text) + "\\")
    assert not any(c in terminal_plain(text) for c in "\x1b\r\x00")
    cell = csv_cell(text)
    assert isinstance(cell, str)
    cell.encode("utf-8")
    # Only a plain number (+0, -12.5) may start with a formula character: it stays a number.
    if cell[:1] in ("=", "+", "-", "@", "\t", "\r"):
        assert re.fullmatch(r"[+-]?[\d,]*\.?\d+(?:[eE][+-]?\d+)?%?", cell), cell


@MANY
@given(st.binary(max_size=40))
def test_any_path_bytes_become_utf8_text(raw: bytes) -> None:
    path_text(os.fsdecode(raw)).encode("utf-8")


@MANY
@given(
    st.text(alphabet="0123456789", min_size=1, max_size=70),
    st.integers(min_value=-999, max_value=999),
)
def test_numbers_past_what_a_report_can_mean_stay_text(digits: str, exponent: int) -> None:
    for printed in (digits, f"{digits}E{exponent:+d}"):
        number = parse_number(printed)
        if number is None:
            continue
        value = number.value
        assert value.is_zero() or abs(value.adjusted()) <= MAX_EXPONENT
        assert len(value.as_tuple().digits) <= 30 or value == Decimal(digits)


EXTREME = st.sampled_from(
    ["1E+100", "1E-100", "9.99E+99", "123456789012345678901234567890", "0.000000000000000000001",
     "1E+999", "1" * 58, "-1E+100", "0", "1,234,567,890,123,456,789.5"]
)  # fmt: skip


@FEW
@given(st.lists(EXTREME, min_size=5, max_size=5))
def test_an_inventory_of_extreme_numbers_is_audited(values: list[str]) -> None:
    a, b, c, d, total = values
    text = (
        "# Carbon footprint report\n\nThe functional unit is 1 t of product, cradle-to-gate.\n\n"
        "| Item | Activity data | Emission factor (kgCO2e/kg) | Emissions (kgCO2e) | Share |\n"
        "|---|---|---|---|---|\n"
        f"| Steel (kg) | {a} | {b} | {c} | 50% |\n"
        f"| Power (kWh) | {d} | 0.5 | {total} | 50% |\n"
        f"| Total |  |  | {total} | 100% |\n\n"
        f"The total carbon footprint is {total} kgCO2e per t.\n"
    )
    result = audit(text.encode("utf-8"), name="extreme.md")
    json.dumps(result_data(result, "en"), ensure_ascii=False).encode("utf-8")
    assert not any(m.number.value.adjusted() > MAX_EXPONENT for m in iter_numbers(text)
                   if not m.number.value.is_zero())  # fmt: skip
