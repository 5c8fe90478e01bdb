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
