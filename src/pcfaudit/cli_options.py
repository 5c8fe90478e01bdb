"""Choices shared by the command-line commands (check, batch, results …)."""

from __future__ import annotations

from enum import StrEnum


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
