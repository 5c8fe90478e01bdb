"""Choices shared by the command-line commands (check, batch, results …)."""

from __future__ import annotations

import sys
from enum import StrEnum
from pathlib import Path

import typer

try:  # typer >= 0.26 carries its own copy of click
    from typer._click.types import ParamType
except ImportError:  # pragma: no cover - older typer uses click itself
    from click import ParamType  # type: ignore[assignment]

EMPTY_PATH = "no file given (the path is empty)"


class Lang(StrEnum):
    auto = "auto"
    en = "en"
    zh = "zh"


class Severity(StrEnum):
    error = "error"
    warning = "warning"
    info = "info"


class Format(StrEnum):
    """What ``check`` writes."""

    text = "text"
    json = "json"
    jsonl = "jsonl"
    sarif = "sarif"
    markdown = "markdown"
    html = "html"
    concise = "concise"
    github = "github"
    csv = "csv"
    xlsx = "xlsx"


class DataFormat(StrEnum):
    """What ``extract``, ``rules`` and ``reference`` write: a table for people or JSON."""

    text = "text"
    json = "json"


class Show(StrEnum):
    """The tables of the reference pack ``reference --show`` prints."""

    grid = "grid"
    gwp = "gwp"
    fuels = "fuels"
    blends = "blends"
    ranges = "ranges"
    standards = "standards"


def given_path(value: str) -> Path:
    """A path argument as typed (typer's ``parser``: it sees the raw string). An empty
    argument would become ``Path("")``, which is ".", the current folder: ``check ""``
    would then say ". : is a directory" and ``batch ""`` would audit the whole folder.
    Refused here in one line, exit 2, like any other input that cannot be read."""
    if not value.strip():
        print(f"pcfaudit: {EMPTY_PATH}", file=sys.stderr)
        raise typer.Exit(2)
    return Path(value)


class GivenPath(ParamType):
    """The type of a path argument (typer's ``click_type``): :func:`given_path`'s check,
    with no type of its own in the help, where the argument's metavar (FILE) says it all
    (a ``parser`` would show its function name, ``<given_path>``)."""

    name = "path"

    def convert(self, value: object, param: object, ctx: object) -> Path:
        return value if isinstance(value, Path) else given_path(str(value))

    def get_metavar(self, param: object, ctx: object) -> str:
        return ""


GIVEN_PATH = GivenPath()


class Word(ParamType):
    """A text argument whose metavar (CODE) says it all: no '<str>' beside it in the help."""

    name = "text"

    def convert(self, value: object, param: object, ctx: object) -> str:
        return str(value)

    def get_metavar(self, param: object, ctx: object) -> str:
        return ""


WORD = Word()
