"""SARIF 2.1.0 output, validated against the official OASIS schema (tests/data)."""

from __future__ import annotations

import json
from pathlib import Path

import jsonschema
import pytest

from pcfaudit.render import render, sarif_data
from pcfaudit.render.sarif import artifact_uri
from test_render_fixtures import realistic_result, unreadable_result

SCHEMA = Path(__file__).parent / "data" / "sarif-schema-2.1.0.json"


@pytest.fixture(scope="module")
def validator() -> jsonschema.Draft4Validator:
    schema = json.loads(SCHEMA.read_text("utf-8"))
    assert schema["title"].startswith("Static Analysis Results Format (SARIF) Version 2.1.0")
    return jsonschema.Draft4Validator(schema)


@pytest.mark.parametrize("make", [realistic_result, unreadable_result])
@pytest.mark.parametrize("lang", ["en", "zh"])
def test_validates_against_official_schema(validator, make, lang) -> None:
    log = json.loads(render(make(), "sarif", lang))
    errors = list(validator.iter_errors(log))
    assert not errors, [f"{list(e.path)}: {e.message}" for e in errors]


def test_run_results_and_rules() -> None:
    log = sarif_data(realistic_result())
    assert log["version"] == "2.1.0" and len(log["runs"]) == 1
    run = log["runs"][0]
    driver = run["tool"]["driver"]
    assert driver["name"] == "pcfaudit" and driver["version"] == "0.1.0"
    ids = [r["id"] for r in driver["rules"]]
    assert ids == sorted({f.rule for f in realistic_result().findings})
    for res in run["results"]:
        assert driver["rules"][res["ruleIndex"]]["id"] == res["ruleId"]
    levels = {r["ruleId"]: r["level"] for r in run["results"]}
    assert levels["GWP001"] == "error" and levels["NAR001"] == "warning"
    assert levels["ARI002"] == "note"
    assert run["artifacts"][0]["hashes"]["sha-256"] == "ab" * 32


def test_text_location_has_start_line_and_pdf_location_has_page() -> None:
    run = sarif_data(realistic_result())["runs"][0]
    gwp = next(r for r in run["results"] if r["ruleId"] == "GWP001")
    region = gwp["locations"][0]["physicalLocation"]["region"]
    assert region == {"startLine": 118, "snippet": {"text": "甲烷的特征化因子就是 21"}}
    assert gwp["locations"][0]["logicalLocations"] == [{"name": "3.6", "kind": "section"}]
    assert gwp["partialFingerprints"] == {"pcfaudit/v1": "9c1e0000aaaa0001"}
    ef = next(r for r in run["results"] if r["ruleId"] == "EF001")
    pdf = ef["locations"][0]
    # A PDF location is placed by its page, and says so.
    assert pdf["physicalLocation"]["region"] == {
        "startLine": 14,
        "snippet": {"text": "0.5703 tCO2/MWh"},
        "properties": {"startLineCounts": "page"},
    }
    assert pdf["properties"]["page"] == 14
    assert pdf["properties"]["bbox"] == [72.0, 200.5, 523.0, 214.0]
    assert "0.5703 tCO2/MWh" in pdf["message"]["text"]
    uri = pdf["physicalLocation"]["artifactLocation"]["uri"]
    assert uri == "reports/%E6%98%86%E5%B1%B1%20CT%20%E7%90%83%E7%AE%A1.txt"


def test_waived_finding_is_suppressed_not_dropped() -> None:
    run = sarif_data(realistic_result())["runs"][0]
    std = next(r for r in run["results"] if r["ruleId"] == "STD001")
    assert std["suppressions"] == [
        {
            "kind": "external",
            "status": "accepted",
            "justification": "Client contract names the 2013 TS",
            "properties": {"reviewer": "李工"},
        }
    ]
    assert all("suppressions" not in r for r in run["results"] if r["ruleId"] != "STD001")


def test_messages_in_chinese() -> None:
    run = sarif_data(realistic_result(), "zh")["runs"][0]
    gwp = next(r for r in run["results"] if r["ruleId"] == "GWP001")
    assert gwp["message"]["text"].startswith("正文声明采用 IPCC AR4")
    assert gwp["message"]["text"].endswith("数值。（报告值 21，应为 25）")
    en = sarif_data(realistic_result(), "en")["runs"][0]["results"]
    assert next(r for r in en if r["ruleId"] == "GWP001")["message"]["text"].endswith(
        "AR4 values. (reported 21, expected 25)"
    )


def test_catalog_rationale_used_for_known_rules() -> None:
    r = realistic_result()
    r.findings[0].rule = "FU001"  # a rule the shipped catalog has
    rules = sarif_data(r)["runs"][0]["tool"]["driver"]["rules"]
    fu = next(x for x in rules if x["id"] == "FU001")
    assert fu["name"] == "functional-unit-mismatch"
    assert "functional" in fu["fullDescription"]["text"]
    assert fu["properties"]["clauses"][0].startswith("ISO 14067")


def test_artifact_uri() -> None:
    assert artifact_uri("a b/报告.pdf") == "a%20b/%E6%8A%A5%E5%91%8A.pdf"
    assert artifact_uri(r"C:\reports\x.pdf") == "C:/reports/x.pdf"
