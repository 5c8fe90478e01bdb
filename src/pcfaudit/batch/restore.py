"""Rebuild an :class:`~pcfaudit.model.AuditResult` from a stored JSON contract object, so
any renderer (Markdown, HTML, SARIF, JSON) can re-render a report audited weeks ago without
reading the file again.

The contract keeps numbers as printed strings and findings in one language, so the rebuilt
result is the stored one as a reader sees it: values are re-parsed from their printed text
(:func:`pcfaudit.vocab.numbers.parse_number`), and each finding's title and message
serve both languages (a report stored in Chinese re-renders in Chinese).
"""

from __future__ import annotations

import dataclasses
import enum
import types
import typing
from decimal import Decimal, InvalidOperation
from functools import cache
from typing import Any

from pcfaudit import model
from pcfaudit.model import AuditResult, Finding, Number, Quantity, Report


def _number(text: Any) -> Number | None:
    if text is None:
        return None
    from pcfaudit.vocab.numbers import parse_number

    text = str(text)
    parsed = parse_number(text)
    if parsed is not None:
        return dataclasses.replace(parsed, text=text)
    try:
        return Number(text=text, value=Decimal(text.replace(",", "").replace(" ", "")))
    except InvalidOperation:
        return Number(text=text, value=Decimal(0))


def _quantity(data: Any) -> Quantity | None:
    if not isinstance(data, dict):
        return None
    number = _number(data.get("value"))
    if number is None:
        return None
    unit = data.get("unit")
    return Quantity(number=number, unit=data.get("canonical_unit") or unit, unit_text=unit or "")


@cache
def _hints(cls: type) -> dict[str, Any]:
    return typing.get_type_hints(cls, vars(model))


def _build(tp: Any, value: Any) -> Any:
    """``value`` (plain JSON) as an instance of the annotated type ``tp``."""
    if value is None:
        return None
    origin = typing.get_origin(tp)
    args = typing.get_args(tp)
    if origin in (typing.Union, types.UnionType):
        inner = [a for a in args if a is not type(None)]
        return _build(inner[0], value) if len(inner) == 1 else value
    if tp is Number:
        return _number(value)
    if tp is Quantity:
        return _quantity(value)
    if origin is list:
        return [_build(args[0], v) for v in value] if args else list(value)
    if origin is tuple:
        return tuple(value)
    if origin is dict:
        return dict(value)
    if origin is typing.Literal:
        return value
    if isinstance(tp, type) and issubclass(tp, enum.Enum):
        try:
            return tp(value)
        except ValueError:
            return value
    if isinstance(tp, type) and dataclasses.is_dataclass(tp):
        return _dataclass(tp, value)
    if tp is Decimal:
        return Decimal(str(value))
    return value


def _dataclass(cls: type, data: dict[str, Any]) -> Any:
    hints = _hints(cls)
    kwargs = {}
    for f in dataclasses.fields(cls):
        if f.name in data and f.init:
            kwargs[f.name] = _build(hints[f.name], data[f.name])
        elif f.default is dataclasses.MISSING and f.default_factory is dataclasses.MISSING:
            kwargs[f.name] = None  # a required field absent from the stored object
    return cls(**kwargs)


def result_from_data(data: dict[str, Any]) -> AuditResult:
    """The AuditResult a stored contract object (``result_data`` output) describes."""
    report_data = dict(data.get("report") or {})
    report_data["functional_units"] = report_data.pop("functional_unit", [])
    report = _dataclass(Report, report_data)
    from pcfaudit.interpret import derive_facts

    derive_facts(report)  # derived facts are not stored: read them again
    findings = []
    for f in data.get("findings") or []:
        finding = _dataclass(Finding, f)
        # One language was stored: let it answer for both.
        finding.title_zh, finding.message_zh = finding.title, finding.message
        findings.append(finding)
    return AuditResult(
        tool=dict(data.get("tool") or {}),
        source=dict(data.get("source") or {}),
        report=report,
        findings=findings,
        coverage=_dataclass(model.Coverage, data.get("coverage") or {}),
        reference=dict(data.get("reference") or {}),
        unmatched_waivers=list(data.get("unmatched_waivers") or []),
    )
