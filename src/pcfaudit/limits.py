"""Resource limits for files from strangers: time per file, pages, text size, and how far a
PDF's compressed streams may expand before pdfium is allowed to open them.

Every limit fails with a one-line message that says what was refused and why, never with a
traceback. The numbers are far above any real carbon footprint report (the longest seen run
to a few hundred pages and a few MB of text) and far below what hurts a 2-core, few-GB
verifier's laptop.
"""

from __future__ import annotations

import itertools
import os
import re
import signal
import sys
import threading
import zlib
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from types import FrameType
from typing import TYPE_CHECKING

from pcfaudit.model.errors import ExtractionError
from pcfaudit.safe_io import too_large

DEFAULT_TIMEOUT = 120.0  # seconds per file (`pcfaudit check --timeout`)
HARD_EXIT_GRACE = 10.0  # seconds after the timeout before a hung native call ends the process
MAX_INPUT_BYTES = 200 * 1024 * 1024  # any file, before it is read
MAX_DOCX_UNCOMPRESSED = 200 * 1024 * 1024  # all parts of a DOCX, from its zip directory
MAX_DOCX_PARTS = 5000
MAX_PDF_PAGES = 2000
# Size and time limits must agree: a text under this size must finish inside DEFAULT_TIMEOUT,
# or the user waits two minutes for a refusal. The cost grows faster than the size (a long
# report has more headings, tables and totals to pair): measured on a report's text
# repeated to size (seed 002, 2 CPU), 1 MiB costs 57 s of CPU, 1.5 MiB over 120 s; 8 MiB
# would take many minutes. 1 MiB leaves a 2x margin for a slower machine; real report texts
# are 20-300 kB. A longer report is audited from its PDF or DOCX (the time limit applies).
MAX_TEXT_BYTES = 1024 * 1024
MAX_STREAM_BYTES = 64 * 1024 * 1024  # one decoded content / font / object stream
MAX_IMAGE_STREAM_BYTES = 256 * 1024 * 1024  # one decoded image (8000 x 8000 RGB is 192 MB)
MAX_PDF_INFLATED = 1024 * 1024 * 1024  # all decoded non-image streams together

_PIECE = 1024 * 1024

if TYPE_CHECKING:
    from sys import UnraisableHookArgs


class AuditTimeout(BaseException):
    """The per-file time limit ran out. A BaseException, like KeyboardInterrupt, so that the
    ``except Exception`` around third-party parsers cannot swallow it."""

    def __init__(self, seconds: float) -> None:
        super().__init__(f"timed out after {fmt_seconds(seconds)} s")
        self.seconds = seconds


def fmt_seconds(seconds: float) -> str:
    return str(int(seconds)) if float(seconds).is_integer() else f"{seconds:g}"


@contextmanager
def time_limit(
    seconds: float | None,
    *,
    label: str = "",
    hard_exit: bool = False,
    grace: float = HARD_EXIT_GRACE,
) -> Iterator[None]:
    """Raise :class:`AuditTimeout` in the block once ``seconds`` have passed (0/None: no
    limit).

    SIGALRM interrupts Python code only between bytecodes: a call into pdfium or lxml that
    never returns cannot be interrupted. With ``hard_exit`` (the CLI), a watchdog thread then
    prints ``pcfaudit: LABEL: timed out after N s`` and ends the process with exit code 2,
    ``grace`` seconds after the limit. Outside the main thread, or where SIGALRM
    does not exist, only the watchdog applies (when asked for).
    """
    if not seconds or seconds <= 0:
        yield
        return
    watchdog: threading.Timer | None = None
    if hard_exit:
        watchdog = threading.Timer(seconds + grace, _hard_exit, (seconds, label))
        watchdog.daemon = True
        watchdog.start()
    use_signal = (
        hasattr(signal, "SIGALRM") and threading.current_thread() is threading.main_thread()
    )
    previous = None
    previous_hook = sys.unraisablehook
    if use_signal:

        def on_alarm(signum: int, frame: FrameType | None) -> None:
            raise AuditTimeout(seconds)

        previous = signal.signal(signal.SIGALRM, on_alarm)
        sys.unraisablehook = _quiet_timeouts(previous_hook)
        # The alarm repeats after it first fires: a raise that lands in a finaliser
        # (``__del__``) is swallowed by the interpreter, and the next one must end the audit.
        signal.setitimer(signal.ITIMER_REAL, seconds, _REPEAT)
    try:
        yield
    finally:
        if use_signal:
            signal.setitimer(signal.ITIMER_REAL, 0)
            signal.signal(signal.SIGALRM, previous)
            sys.unraisablehook = previous_hook
        if watchdog is not None:
            watchdog.cancel()


_REPEAT = 0.05  # seconds between repeated alarms once the limit has passed


def _quiet_timeouts(
    hook: Callable[[UnraisableHookArgs], object],
) -> Callable[[UnraisableHookArgs], object]:
    """An unraisable-exception hook that drops the time limit's own exception (raised in a
    finaliser, where it cannot propagate) and passes anything else to ``hook``."""

    def quiet(unraisable: UnraisableHookArgs) -> object:
        if isinstance(unraisable.exc_value, AuditTimeout):
            return None
        return hook(unraisable)

    return quiet


def _hard_exit(seconds: float, label: str) -> None:
    where = f"{label}: " if label else ""
    try:
        sys.stdout.flush()
    finally:
        sys.stderr.write(
            f"pcfaudit: {where}timed out after {fmt_seconds(seconds)} s (stuck in a parser)\n"
        )
        sys.stderr.flush()
        os._exit(2)


# --------------------------------------------------------------------------- PDF streams

_IMAGE_RE = re.compile(rb"/Subtype\s*/Image")
_OBJ_RE = re.compile(rb"\d+\s+\d+\s+obj\b")


def check_pdf_streams(data: bytes) -> None:
    """Refuse a PDF with a decompression bomb before pdfium decodes anything.

    Every zlib-compressed stream (FlateDecode, also FlateDecode applied twice or thrice) is
    inflated and counted, output discarded as it comes, so checking costs time in proportion
    to the decoded size but no memory. Encrypted streams and other filters are not checked
    (they are not zlib data until decrypted/decoded); LZW and RunLength cannot expand as
    far. A single-layer stream too short to pass its limit even at deflate's largest ratio
    is not inflated, unless the streams' bounds together could pass the total.
    """
    total = 0
    unread: list[tuple[int, int]] = []  # (bound, start) of streams too short to pass a limit
    for keyword, start in _streams(data):
        if not _looks_zlib(data[start : start + 2]):
            continue
        window = data[max(0, keyword - 4096) : keyword]
        heads = list(_OBJ_RE.finditer(window))
        head = window[heads[-1].end() :] if heads else window
        image = _IMAGE_RE.search(head) is not None
        limit = MAX_IMAGE_STREAM_BYTES if image else MAX_STREAM_BYTES
        bound = _at_most(data, start)
        if bound <= limit and not _nested(data, start):
            if not image:
                unread.append((bound, start))
            continue
        size = inflated_size(data, start, limit)
        if size > limit:
            kind = "image stream" if image else "stream"
            raise ExtractionError(
                f"PDF {kind} at byte {start} expands to more than {limit // 2**20} MB: "
                "refusing (decompression bomb?)"
            )
        if not image:
            total += size
            if total > MAX_PDF_INFLATED:
                raise _too_much()
    # The streams left unread count at their bound; while the bounds could pass the total,
    # the largest bound is replaced by the stream's real size.
    pending = sum(bound for bound, _ in unread)
    for bound, start in sorted(unread, reverse=True):
        if total + pending <= MAX_PDF_INFLATED:
            return
        pending -= bound
        total += inflated_size(data, start, MAX_STREAM_BYTES)
        if total > MAX_PDF_INFLATED:
            raise _too_much()


def _streams(data: bytes) -> Iterator[tuple[int, int]]:
    """(offset of the keyword, offset of the data) of every ``stream`` keyword followed by an
    end of line and not part of ``endstream``; found with bytes.find, which is many times
    faster than a regular expression over a large file."""
    at = data.find(b"stream")
    while at >= 0:
        if data[max(0, at - 3) : at] != b"end":
            after = at + 6
            if data[after : after + 2] == b"\r\n":
                yield at, after + 2
            elif data[after : after + 1] in (b"\n", b"\r"):
                yield at, after + 1
        at = data.find(b"stream", at + 6)


def _too_much() -> ExtractionError:
    return ExtractionError(
        f"PDF streams expand to more than {MAX_PDF_INFLATED // 2**20} MB: "
        "refusing (decompression bomb?)"
    )


# Deflate cannot expand its input more than 1032 times (a 258-byte match per ~2 bits).
_DEFLATE_MAX_RATIO = 1032


def _at_most(data: bytes, start: int) -> int:
    """An upper bound on what one layer of zlib data at ``start`` inflates to: its input ends
    at the next ``endstream`` (or the file's end)."""
    end = data.find(b"endstream", start)
    return ((end if end >= 0 else len(data)) - start) * _DEFLATE_MAX_RATIO


def _nested(data: bytes, start: int) -> bool:
    """The zlib data inflates to zlib data (FlateDecode applied twice), or cannot tell."""
    try:
        head = zlib.decompressobj().decompress(data[start : start + 1024], 64)
    except zlib.error:
        return False  # pdfium stops at the first error too: nothing more comes out
    return len(head) < 2 or _looks_zlib(head[:2])


def inflated_size(data: bytes, start: int, limit: int, depth: int = 3) -> int:
    """Bytes the zlib data at ``data[start:]`` inflates to, counted up to just past
    ``limit``; when the output is itself zlib data, the largest layer (up to ``depth``)."""
    size = 0
    for n in range(depth):
        pieces = _inflate(_slices(data, start))
        for _ in range(n):
            pieces = _inflate(pieces)
        first = next(pieces, b"")
        size = max(size, _count(itertools.chain([first], pieces), limit))
        if size > limit or not _looks_zlib(first[:2]):
            break
    return size


def _looks_zlib(head: bytes) -> bool:
    # RFC 1950: deflate method, window ≤ 32K, header checksum; no preset dictionary
    return (
        len(head) == 2
        and head[0] & 0x0F == 8
        and head[0] >> 4 <= 7
        and not head[1] & 0x20
        and (head[0] * 256 + head[1]) % 31 == 0
    )


def _slices(data: bytes, start: int) -> Iterator[bytes]:
    view = memoryview(data)
    for i in range(start, len(data), _PIECE):
        yield bytes(view[i : i + _PIECE])


def _inflate(chunks: Iterable[bytes]) -> Iterator[bytes]:
    """Inflate a stream of chunks piece by piece (each piece ≤ 1 MB), stopping at the end
    of the zlib data or at the first error (pdfium stops there too)."""
    d = zlib.decompressobj()
    try:
        for chunk in chunks:
            out = d.decompress(chunk, _PIECE)
            while True:
                if out:
                    yield out
                if d.eof or not d.unconsumed_tail:
                    break
                out = d.decompress(d.unconsumed_tail, _PIECE)
            if d.eof:
                return
    except zlib.error:
        return


def _count(pieces: Iterable[bytes], limit: int) -> int:
    total = 0
    for piece in pieces:
        total += len(piece)
        if total > limit:
            break
    return total


def check_pdf_pages(count: int) -> None:
    if count > MAX_PDF_PAGES:
        raise ExtractionError(
            f"PDF has {count} pages (limit {MAX_PDF_PAGES}): split the report and audit the parts"
        )


TEXT_ADVICE = ": audit the PDF or DOCX instead"


def check_text_size(size: int) -> None:
    if size > MAX_TEXT_BYTES:
        raise ExtractionError(too_large("text file", size, MAX_TEXT_BYTES, TEXT_ADVICE))


__all__ = [
    "DEFAULT_TIMEOUT",
    "MAX_PDF_PAGES",
    "MAX_TEXT_BYTES",
    "AuditTimeout",
    "check_pdf_pages",
    "check_pdf_streams",
    "check_text_size",
    "inflated_size",
    "time_limit",
]
