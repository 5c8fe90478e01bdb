"""The JSON contract of DESIGN.md: one object per audited file.

Other tools parse this, so its shape is pinned by ``pcfaudit.schema.json`` (draft 2020-12)
beside this module. Findings carry title and message in the chosen language only; ``impact.value`` is a
number (the affected emissions in ``impact.unit``); every other field is the model's own,
dumped with :func:`pcfaudit.model.to_jsonable`.
"""

from __future__ import annotations

import json
from functools import cache
from importlib import resources
from typing import Any

from pcfaudit.model import AuditResult, Finding, to_jsonable
from pcfaudit.render.common import (
    cause_of,
    expected_of,
    impact_number,
    message_of,
    reported_of,
    title_of,
)
from pcfaudit.render.places import Places, places_of

FINDING_KEYS = (
    "rule",
    "category",
    "severity",
    "title",
    "message",
    "locations",
    "reported",
    "expected",
    "likely_cause",
    "impact",
    "fingerprint",
    "waived",
    "confidence",
)


def finding_data(
    finding: Finding, lang: str = "en", places: Places | None = None
) -> dict[str, Any]:
    data = to_jsonable(finding)
    data["title"] = title_of(finding, lang)
    data["message"] = message_of(finding, lang, places)
    data["likely_cause"] = cause_of(finding, lang, places)
    data["reported"] = reported_of(finding, lang)
    data["expected"] = expected_of(finding, lang)
    number = impact_number(finding.impact.value)
    data["impact"]["value"] = float(number) if number is not None else None
    return {key: data[key] for key in FINDING_KEYS}


def result_data(result: AuditResult, lang: str = "en") -> dict[str, Any]:
    """The contract object as plain data (for JSON Lines writers that dump it themselves)."""
    data = to_jsonable(result)
    places = places_of(result)
    data["findings"] = [finding_data(f, lang, places) for f in result.findings]
    # DESIGN.md's contract names the list "functional_unit" (the model's "functional_units").
    report = data["report"]
    data["report"] = {"functional_unit": report.pop("functional_units", []), **report}
    return {
        "tool": data["tool"],
        "source": data["source"],
        "report": data["report"],
        "findings": data["findings"],
        "coverage": data["coverage"],
        "summary": data["summary"],
        "reference": data["reference"],
        "unmatched_waivers": data["unmatched_waivers"],
    }


def render_json(result: AuditResult, lang: str = "en", indent: int | None = 2) -> str:
    """One JSON object; ``indent=None`` gives a single line (JSON Lines)."""
    separators = (",", ":") if indent is None else None
    return json.dumps(
        result_data(result, lang), ensure_ascii=False, indent=indent, separators=separators
    )


@cache
def json_schema() -> dict[str, Any]:
    """The shipped JSON Schema of :func:`render_json`'s output."""
    text = resources.files("pcfaudit.render").joinpath("pcfaudit.schema.json").read_text("utf-8")
    schema: dict[str, Any] = json.loads(text)
    return schema
