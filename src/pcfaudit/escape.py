"""One escape per destination for text that comes from strangers (file names, titles,
quotes): a terminal, a spreadsheet (CSV), and anything encoded as UTF-8 (JSON, SQLite).

A file name may hold bytes that are not UTF-8 (Python keeps them as lone surrogates), rich
markup (``[/bold]``) or terminal control sequences; a title may start with ``=`` and run as a
formula in a spreadsheet. Each writer escapes at the edge with the one function for its
destination, so no title or path can crash an output or act on the reader's machine.
"""

from __future__ import annotations

import os
import re

_SURROGATES = re.compile("[\ud800-\udfff]")
# C0 and C1 controls except tab and newline: an ESC in a file name can rewrite the screen.
_CONTROLS = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f]")
_ALL_CONTROLS = re.compile("[\x00-\x1f\x7f-\x9f]")  # a path has no business with a tab either
# OWASP CSV injection: cells a spreadsheet reads as a formula (also the full-width forms).
_FORMULA_START = tuple("=+-@\t\r\n＝＋－＠")
_PLAIN_NUMBER = re.compile(r"[+-]?(?:\d[\d,]*)?\.?\d+(?:[eE][+-]?\d+)?%?")


def utf8_safe(text: str) -> str:
    """``text`` that encodes as UTF-8: surrogate pairs joined, undecodable bytes of a file
    name (lone surrogates from ``surrogateescape``) shown as ``\\xNN``, any other lone
    surrogate as ``\\udNNN``."""
    if not _SURROGATES.search(text):
        return text
    joined = text.encode("utf-16-le", "surrogatepass").decode("utf-16-le", "surrogatepass")
    return _SURROGATES.sub(_lone, joined)


def _lone(m: re.Match[str]) -> str:
    ch = m.group(0)
    if "\udc80" <= ch <= "\udcff":  # a byte of a file name that is not UTF-8
        return f"\\x{ord(ch) - 0xDC00:02x}"
    return f"\\u{ord(ch):04x}"


def path_text(path: str | os.PathLike[str]) -> str:
    """A path as text any output accepts, on one line: UTF-8-safe (see :func:`utf8_safe`),
    control characters (a newline or an ESC in a file name) shown as ``\\xNN``."""
    return _ALL_CONTROLS.sub(_shown, utf8_safe(os.fspath(path)))


def plain_safe(data: object) -> object:
    """JSON-like ``data`` with every string made UTF-8-safe (dict keys too)."""
    if isinstance(data, str):
        return utf8_safe(data)
    if isinstance(data, dict):
        return {plain_safe(k): plain_safe(v) for k, v in data.items()}
    if isinstance(data, list | tuple):
        return [plain_safe(v) for v in data]
    return data


def _shown(m: re.Match[str]) -> str:
    return f"\\x{ord(m.group(0)):02x}"


def terminal(text: object) -> str:
    """``text`` for a rich console: UTF-8-safe, control characters shown as ``\\xNN``, rich
    markup escaped (``[/bold]`` prints as itself instead of raising MarkupError)."""
    return _escape_markup(_CONTROLS.sub(_shown, utf8_safe(str(text))))


_BRACKET = re.compile(r"(\\*)\[")
_TAG_LIKE = re.compile(r"\[[a-z#/@][^[]*?]")  # rich's own tag pattern (rich.markup.RE_TAGS)


def _escape_markup(text: str) -> str:
    """Text that rich's markup parser shows exactly as written. rich reads ``n`` backslashes
    before a tag-like ``[x]`` as ``n // 2`` backslashes plus an escape when ``n`` is odd, and
    removes one backslash before any other ``[``; its own ``escape`` covers only the first
    case (``a\\[b`` printed ``a[b``). So: ``2n + 1`` backslashes before a tag-like bracket,
    ``n + 1`` before any other, and trailing backslashes doubled so that they cannot escape
    the tag that follows."""

    def bracket(m: re.Match[str]) -> str:
        n = len(m.group(1))
        tag_like = _TAG_LIKE.match(text, m.end() - 1) is not None
        return "\\" * (2 * n + 1 if tag_like else n + 1) + "["

    escaped = _BRACKET.sub(bracket, text)
    trailing = len(escaped) - len(escaped.rstrip("\\"))
    return escaped + "\\" * trailing


def terminal_plain(text: object) -> str:
    """``text`` for a plain (non-rich) terminal line: UTF-8-safe, controls shown."""
    return _CONTROLS.sub(_shown, utf8_safe(str(text)))


def csv_cell(value: object) -> object:
    """A CSV cell a spreadsheet shows but never evaluates: a text starting with ``=``,
    ``+``, ``-``, ``@``, a tab or a line break gets a leading ``'`` (OWASP); plain numbers
    such as ``-12.5`` stay numbers."""
    if not isinstance(value, str):
        return value
    value = utf8_safe(value)
    if value.startswith(_FORMULA_START) and not _PLAIN_NUMBER.fullmatch(value):
        return "'" + value
    return value
