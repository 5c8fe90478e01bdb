"""Memos for pure readers of short texts that every stage calls on the same cells and labels.

A report's tables repeat their labels, module headers and values across rows, tables and
stages; a reader decorated with ``document_memo`` reads each distinct text once. The memos
are emptied together at the start of every audit (``forget_document_memos``): one document's
texts are seldom another's, and a benchmark then measures each run cold. A memoised reader
must return the same immutable answer for the same arguments (put anything else it depends
on, such as the decimal-mark convention, among its arguments).
"""

from __future__ import annotations

import functools
from collections.abc import Callable
from typing import Any, TypeVar

_F = TypeVar("_F", bound=Callable[..., Any])
_MEMO_SIZE = 8192
_MEMOS: list[Any] = []


def document_memo(reader: _F) -> _F:
    """``reader`` remembering its last answers until ``forget_document_memos``."""
    memo = functools.lru_cache(maxsize=_MEMO_SIZE)(reader)
    _MEMOS.append(memo)
    return memo  # type: ignore[return-value]


def forget_document_memos() -> None:
    for memo in _MEMOS:
        memo.cache_clear()
