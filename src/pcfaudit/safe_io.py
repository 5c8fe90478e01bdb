"""Every file pcfaudit reads or writes goes through here, so that no command ever hangs on
a strange file, reads past a limit, or overwrites what it was given.

Reading (:func:`read_regular`): only regular files (a FIFO would block, ``/dev/zero`` never
ends, a socket is not a document), opened without blocking, measured with ``fstat`` before
a byte is read, and never read past the limit even when the file grows meanwhile.

Writing (:class:`OutputGuard`): an output never resolves to an input (the same path, a
hard link, or a symbolic link into one), its folder must exist, it is not a folder, and it
is written to a temporary file then renamed over the target, so a failure half-way leaves
the old file intact and a link at the target is replaced, never followed.
"""

from __future__ import annotations

import contextlib
import os
import stat
import tempfile
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path
from typing import TextIO

from pcfaudit.escape import path_text


class InputRefused(Exception):
    """A file that is not read (one-line message, the path included)."""


class OutputRefused(Exception):
    """An output that is not written (one-line message, the path included)."""


_KINDS = (
    (stat.S_ISDIR, "is a directory"),
    (stat.S_ISFIFO, "is a named pipe (FIFO), not a file"),
    (stat.S_ISCHR, "is a device, not a file"),
    (stat.S_ISBLK, "is a block device, not a file"),
    (stat.S_ISSOCK, "is a socket, not a file"),
)


def not_regular_reason(mode: int) -> str | None:
    """Why a file of this ``st_mode`` is refused, or None for a regular file."""
    if stat.S_ISREG(mode):
        return None
    return next((why for test, why in _KINDS if test(mode)), "is not a regular file")


def size_text(size: int) -> str:
    """A size a reader can compare with a limit: ``7.9 MiB``, ``200.0 MiB``, ``512 bytes``."""
    return f"{size / 2**20:.1f} MiB" if size >= 2**20 else f"{size} bytes"


def too_large(what: str, size: int, limit: int, advice: str = "") -> str:
    """The one wording of every size refusal; exact byte counts when the MiB round the same."""
    shown, cap = size_text(size), size_text(limit)
    if shown == cap:
        shown, cap = f"{size:,} bytes", f"{limit:,} bytes"
    return f"{what} too large ({shown}; the limit is {cap}){advice}"


def read_regular(
    path: str | os.PathLike[str],
    limit: int,
    limit_for_head: Callable[[bytes], tuple[int, str, str]] | None = None,
) -> bytes:
    """The bytes of the regular file ``path``, at most ``limit`` of them.

    ``limit_for_head`` (optional) sees the first 64 KiB and may lower the limit for that kind
    of file (text is refused far below the PDF limit); it returns (limit, advice)."""
    shown = path_text(path)
    flags = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_NOCTTY", 0)
    try:
        fd = os.open(path, flags)
    except FileNotFoundError:
        raise InputRefused(f"{shown}: no such file") from None
    except PermissionError:
        raise InputRefused(f"{shown}: permission denied") from None
    except IsADirectoryError:
        raise InputRefused(f"{shown}: is a directory") from None
    except OSError as exc:
        raise InputRefused(f"{shown}: cannot open ({exc.strerror or exc})") from None
    try:
        info = os.fstat(fd)
        reason = not_regular_reason(info.st_mode)
        if reason:
            raise InputRefused(f"{shown}: {reason}")
        if info.st_size > limit:
            raise InputRefused(f"{shown}: {too_large('file', info.st_size, limit)}")
        os.set_blocking(fd, True)
        with os.fdopen(fd, "rb", closefd=False) as fh:
            head = fh.read(65536)
            what, advice = "file", ""
            if limit_for_head is not None:
                head_limit, what, advice = limit_for_head(head)
                limit = min(limit, head_limit)
            if info.st_size > limit:
                raise InputRefused(f"{shown}: {too_large(what, info.st_size, limit, advice)}")
            rest = fh.read(max(0, limit + 1 - len(head)))
        data = head + rest
        if len(data) > limit:  # it grew while we read: stop at the limit, refuse
            raise InputRefused(f"{shown}: {too_large(what, len(data), limit, advice)}")
        return data
    except OSError as exc:
        raise InputRefused(f"{shown}: cannot read ({exc.strerror or exc})") from None
    finally:
        os.close(fd)


def hash_regular(path: str, chunk: int = 1 << 20) -> tuple[str, int]:
    """sha256 and size of the regular file ``path``, streamed (no size limit: hashing costs
    no memory). Raises :class:`InputRefused` for anything that is not a regular file."""
    import hashlib

    shown = path_text(path)
    flags = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_NOCTTY", 0)
    try:
        fd = os.open(path, flags)
    except FileNotFoundError:
        raise InputRefused(f"{shown}: no such file") from None
    except OSError as exc:
        raise InputRefused(f"{shown}: cannot open ({exc.strerror or exc})") from None
    try:
        reason = not_regular_reason(os.fstat(fd).st_mode)
        if reason:
            raise InputRefused(f"{shown}: {reason}")
        os.set_blocking(fd, True)
        h, size = hashlib.sha256(), 0
        while piece := os.read(fd, chunk):
            h.update(piece)
            size += len(piece)
        return h.hexdigest(), size
    except OSError as exc:
        raise InputRefused(f"{shown}: cannot read ({exc.strerror or exc})") from None
    finally:
        os.close(fd)


# --------------------------------------------------------------------------- outputs


def _identity(path: Path) -> tuple[int, int] | None:
    try:
        info = path.stat()  # follows links: a link to an input is that input
    except OSError:
        return None
    return info.st_dev, info.st_ino


class OutputGuard:
    """Refuses any output that would overwrite an input; one per command."""

    def __init__(self, inputs: Iterable[str | os.PathLike[str]] = ()) -> None:
        self.inputs: dict[tuple[int, int], str] = {}
        self.resolved: dict[Path, str] = {}
        for given in inputs:
            self.protect(given)

    def protect(self, path: str | os.PathLike[str]) -> None:
        """Never write over ``path`` (a file read by this command)."""
        p = Path(path)
        ident = _identity(p)
        if ident is not None:
            self.inputs[ident] = str(p)
        self.resolved[p.resolve()] = str(p)

    def check(self, target: str | os.PathLike[str], *, folder_ok: bool = False) -> Path:
        """``target`` if it may be written (as a file, or a folder with ``folder_ok``)."""
        p = Path(target)
        shown = path_text(p)
        ident = _identity(p)
        same = self.inputs.get(ident) if ident is not None else None
        same = same or self.resolved.get(p.resolve())
        if same is not None:
            which = "" if same == str(p) else f" ({path_text(same)})"
            raise OutputRefused(f"{shown}: is an input{which}; refusing to overwrite it")
        if p.is_symlink():
            raise OutputRefused(f"{shown}: is a symbolic link; refusing to write through it")
        if p.is_dir():
            if not folder_ok:
                raise OutputRefused(f"{shown}: is a directory; give a file name")
            parent = p
        elif p.exists() and folder_ok:
            raise OutputRefused(f"{shown}: is a file, not a folder")
        else:
            parent = p.parent
        if not parent.is_dir():
            raise OutputRefused(f"{shown}: no such folder {path_text(parent)}")
        if not os.access(parent, os.W_OK):
            raise OutputRefused(f"{shown}: folder {path_text(parent)} is not writable")
        return p

    @contextlib.contextmanager
    def open_text(self, target: str | os.PathLike[str]) -> Iterator[TextIO]:
        """A text file to stream into; it replaces ``target`` only when the block ends
        without an error (a temporary file in the same folder, then a rename)."""
        p = self.check(target)
        try:
            fd, tmp = tempfile.mkstemp(prefix=f".{p.name[:40]}.", suffix=".tmp", dir=p.parent)
        except OSError as exc:
            raise OutputRefused(f"{path_text(p)}: cannot write ({exc.strerror or exc})") from None
        try:
            with open(fd, "w", encoding="utf-8", errors="backslashreplace", newline="") as fh:
                yield fh
            os.chmod(tmp, 0o666 & ~_umask())
            os.replace(tmp, p)
        except OSError as exc:
            raise OutputRefused(f"{path_text(p)}: cannot write ({exc.strerror or exc})") from None
        finally:
            Path(tmp).unlink(missing_ok=True)
        self.protect(p)  # a later output of the same command must not replace this one

    def write_bytes(self, target: str | os.PathLike[str], data: bytes) -> Path:
        """Write ``data`` to ``target`` through a temporary file and a rename."""
        with self.open_text(target) as fh:
            fh.buffer.write(data)
        return Path(target)

    def write_text(self, target: str | os.PathLike[str], text: str) -> Path:
        from pcfaudit.escape import utf8_safe

        return self.write_bytes(target, utf8_safe(text).encode("utf-8"))


def _umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask


def annotated_names(inputs: list[Path]) -> dict[Path, str]:
    """``<stem>.annotated.<pdf|docx>`` per input; inputs sharing a name (``a/report.pdf``,
    ``b/report.pdf``) are told apart by their folder names, then by a counter."""
    names: dict[Path, str] = {}
    by_stem: dict[str, list[Path]] = {}
    for p in inputs:
        by_stem.setdefault(p.stem, []).append(p)
    taken: set[str] = set()
    for p in inputs:
        base = p.stem
        if len(by_stem[p.stem]) > 1:
            folder = p.resolve().parent.name or "root"
            base = f"{folder}_{p.stem}"
        ext = p.suffix.lower() if p.suffix.lower() in (".pdf", ".docx") else ".pdf"
        name, n = f"{base}.annotated{ext}", 2
        while name in taken:
            name, n = f"{base}-{n}.annotated{ext}", n + 1
        taken.add(name)
        names[p] = name
    return names


def annotation_targets(inputs: list[Path], out: Path, guard: OutputGuard) -> dict[Path, Path]:
    """Where ``--annotate OUT`` writes each input's annotated copy: OUT itself for one input
    (unless it is a folder), else one distinct name per input inside the folder OUT."""
    if len(inputs) == 1 and not out.is_dir():
        return {inputs[0]: guard.check(out)}
    guard.check(out, folder_ok=True)
    try:
        out.mkdir(exist_ok=True)
    except OSError as exc:
        raise OutputRefused(f"{path_text(out)}: cannot create ({exc.strerror or exc})") from None
    names = annotated_names(inputs)
    return {p: guard.check(out / names[p]) for p in inputs}
