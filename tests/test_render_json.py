"""JSON output: the contract of DESIGN.md, pinned by the shipped JSON Schema."""

from __future__ import annotations

import json

import jsonschema
import pytest

from pcfaudit.render import json_schema, render, render_json
from test_render_fixtures import clean_result, realistic_result, unreadable_result


@pytest.fixture(scope="module")
def validator() -> jsonschema.Draft202012Validator:
    schema = json_schema()
    jsonschema.Draft202012Validator.check_schema(schema)
    return jsonschema.Draft202012Validator(schema)


@pytest.mark.parametrize("make", [realistic_result, unreadable_result, clean_result])
@pytest.mark.parametrize("lang", ["en", "zh"])
def test_rendered_output_validates(validator, make, lang) -> None:
    data = json.loads(render_json(make(), lang))
    errors = list(validator.iter_errors(data))
    assert not errors, [e.message for e in errors]


def test_contract_fields() -> None:
    data = json.loads(render(realistic_result(), "json"))
    assert data["tool"] == {"name": "pcfaudit", "version": "0.1.0"}
    assert data["summary"] == {"error": 5, "warning": 2, "info": 1}
    assert data["coverage"]["checks"] == {"passed": 58, "failed": 9, "cannot_tell": 3}
    assert data["coverage"]["blocks"] == 220
    gwp = next(f for f in data["findings"] if f["rule"] == "GWP001")
    assert list(gwp) == [
        "rule", "category", "severity", "title", "message", "locations", "reported",
        "expected", "likely_cause", "impact", "fingerprint", "waived", "confidence",
    ]  # fmt: skip
    assert gwp["confidence"]["level"] in ("high", "medium", "low")
    assert gwp["locations"][0] == {
        "line": 118,
        "section": "3.6",
        "quote": "甲烷的特征化因子就是 21",
    }
    assert (gwp["reported"], gwp["expected"]) == ("21", "25")
    assert gwp["impact"] == {"value": None, "unit": None, "share_of_total": None}
    assert gwp["waived"] is None
    ef = next(f for f in data["findings"] if f["rule"] == "EF001")
    assert ef["locations"][0]["page"] == 14 and ef["locations"][0]["bbox"] == [
        72.0,
        200.5,
        523.0,
        214.0,
    ]
    std = next(f for f in data["findings"] if f["rule"] == "STD001")
    assert std["waived"] == {"reason": "Client contract names the 2013 TS", "reviewer": "李工"}
    inv = data["report"]["inventory"][3]
    assert inv["result"] == {"value": "0.001", "unit": "tCO2e"} and inv["gwp"] == "3500"


def test_language_selects_title_and_message() -> None:
    zh = json.loads(render_json(realistic_result(), "zh"))
    en = json.loads(render_json(realistic_result(), "en"))
    assert zh["findings"][0]["title"] == "GWP 取值混用不同 IPCC 报告"
    assert en["findings"][0]["title"] == "GWP values from different IPCC reports"
    assert "title_zh" not in zh["findings"][0]


def test_single_line_for_json_lines() -> None:
    out = render_json(realistic_result(), indent=None)
    assert "\n" not in out
    assert json.loads(out)["summary"]["error"] == 5
    assert "甲烷" in out  # UTF-8, not \\u escapes


def test_schema_rejects_a_broken_finding(validator) -> None:
    data = json.loads(render_json(realistic_result()))
    data["findings"][0]["severity"] = "fatal"
    assert not validator.is_valid(data)
    del data["findings"][0]["fingerprint"]
    assert not validator.is_valid(data)
