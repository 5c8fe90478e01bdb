"""Plain JSON data for any model object (the JSON contract's report and findings)."""

from __future__ import annotations

import dataclasses
import enum
from decimal import Decimal
from fractions import Fraction
from typing import Any

from pcfaudit.model.document import ExtractionStats, Location
from pcfaudit.model.findings import AuditResult
from pcfaudit.model.report import Number, Quantity

# --------------------------------------------------------------------------- json


_FIELD_NAMES: dict[type, tuple[str, ...]] = {}


def _field_names(cls: type) -> tuple[str, ...]:
    names = _FIELD_NAMES.get(cls)
    if names is None:
        names = _FIELD_NAMES[cls] = tuple(
            f.name for f in dataclasses.fields(cls) if not f.metadata.get("derived")
        )
    return names


def to_jsonable(obj: Any) -> Any:
    """Plain JSON data for any model object: dataclasses become dicts, Decimals strings,
    enums their values, tuples lists. Derived properties of AuditResult are included."""
    if isinstance(obj, AuditResult):
        data = {f.name: to_jsonable(getattr(obj, f.name)) for f in dataclasses.fields(obj)}
        data["summary"] = obj.summary
        return data
    if isinstance(obj, Number):
        return obj.text
    if isinstance(obj, Quantity):
        data = {"value": obj.number.text, "unit": obj.unit_text or obj.unit}
        if obj.unit and obj.unit != data["unit"]:
            # The unit as read (a bare 't' under a 'tCO2e' column): kept so a stored result
            # re-renders exactly as the original.
            data["canonical_unit"] = obj.unit
        return data
    if isinstance(obj, ExtractionStats):
        return {
            "characters": obj.characters,
            "garbled_characters": obj.garbled_characters,
            "pages_without_text": obj.pages_without_text,
            "garbled_ratio": round(obj.garbled_ratio, 4),
            "unread": [to_jsonable(u) for u in obj.unread],
        }
    if isinstance(obj, str | int | float | bool) or obj is None:
        return obj
    if isinstance(obj, Location):
        return {
            k: (list(v) if k == "bbox" else v)
            for k in _field_names(Location)
            if (v := getattr(obj, k)) is not None
        }
    if dataclasses.is_dataclass(obj) and not isinstance(obj, type):
        return {name: to_jsonable(getattr(obj, name)) for name in _field_names(type(obj))}
    if isinstance(obj, enum.Enum):
        return obj.value
    if isinstance(obj, Decimal | Fraction):
        return str(obj)
    if isinstance(obj, dict):
        return {str(k): to_jsonable(v) for k, v in obj.items()}
    if isinstance(obj, list | tuple):
        return [to_jsonable(v) for v in obj]
    return obj
