"""Errors that cross stages: an input that cannot be read is refused by extract and by the
input limits alike, and the command line turns it into one line and exit code 2."""

from __future__ import annotations


class ExtractionError(Exception):
    """The input cannot be read as a report. ``str(e)`` is a one-line message."""

    def __init__(self, message: str) -> None:
        super().__init__(" ".join(message.split()))

    @property
    def message(self) -> str:
        return str(self)
