"""EX007: numbers past what a report can mean are kept as text, reported, and the rest of
the report is still audited."""

from __future__ import annotations

from pcfaudit.model import Finding
from pcfaudit.pipeline import audit

FIFTY_EIGHT = "1234567890" * 5 + "12345678"

_HEAD = (
    "# Carbon footprint report of a steel chair\n\n"
    "The functional unit is 1 chair, cradle-to-gate, assessed per ISO 14067.\n\n"
)


def _table(power_quantity: str, power_result: str = "50", header: str = "Activity data") -> str:
    return (
        f"| Item | {header} | Emission factor (kgCO2e/unit) | Emissions (kgCO2e) |\n"
        "|---|---|---|---|\n"
        "| Steel (kg) | 100 | 2.0 | 200 |\n"
        f"| Power (kWh) | {power_quantity} | 0.5 | {power_result} |\n"
        "| Total |  |  | 250 |\n\n"
    )


def _audit(text: str) -> list[Finding]:
    return audit(text.encode("utf-8"), name="chair.md").findings


def _ex007(findings: list[Finding]) -> list[Finding]:
    return [f for f in findings if f.rule == "EX007"]


def test_a_58_digit_result_in_prose_is_named_with_its_line():
    text = (
        _HEAD
        + _table("100")
        + "\n\nThe total carbon footprint is 250 kgCO2e per chair.\n\n"
        + f"Emissions of the packaging are {FIFTY_EIGHT} kgCO2e.\n"
    )
    [found] = _ex007(_audit(text))
    assert found.severity == "warning" and found.category == "extraction"
    assert found.reported == FIFTY_EIGHT
    assert found.message.startswith("A number pcfaudit cannot use (58 digits) at ")
    line = 1 + text.splitlines().index(f"Emissions of the packaging are {FIFTY_EIGHT} kgCO2e.")
    assert found.locations[0].line == line
    assert f"line {line} was not audited" in found.message


def test_1e999_in_a_table_is_named_and_the_rest_is_still_audited():
    # The steel row is wrong (100 × 2.0 = 200, printed 300): the arithmetic still runs.
    text = (
        _HEAD
        + _table("1E+999").replace("| 2.0 | 200 |", "| 2.0 | 300 |")
        + ("The total carbon footprint is 350 kgCO2e per chair.\n")
    )
    findings = _audit(text)
    [found] = _ex007(findings)
    assert found.reported == "1E+999"
    assert "(magnitude 10^999)" in found.message
    place = found.locations[0]
    assert (place.table, place.row, place.column) == (0, 2, 1)
    arithmetic = [f for f in findings if f.category == "arithmetic"]
    assert any(f.reported == "300" and f.expected == "200" for f in arithmetic), arithmetic


def test_several_unusable_numbers_are_one_finding_naming_each():
    text = _HEAD + _table("1E+999", power_result=FIFTY_EIGHT)
    [found] = _ex007(_audit(text))
    assert found.reported == f"1E+999, {FIFTY_EIGHT}"
    assert found.message.startswith("2 numbers pcfaudit cannot use were not audited")
    assert len(found.locations) == 2


def test_ordinary_numbers_and_identifiers_are_not_reported():
    text = (
        _HEAD
        + _table("2.67E+03", power_result="1.335E+03")
        + "Certificate No. 1234567890123456789012345678901234567890 was issued in 2024.\n\n"
        + f"The file's SHA-256 is {FIFTY_EIGHT}abcdef.\n\n"
        + f"Reference {FIFTY_EIGHT} lists the suppliers.\n\n"
        + "| Supplier | Certificate code |\n|---|---|\n"
        + f"| Acme | {FIFTY_EIGHT} |\n\n"
        + "| Lot | Batch | Emissions (kgCO2e) |\n|---|---|---|\n"
        + f"| A | {FIFTY_EIGHT} | 1 |\n| B | 批次 {FIFTY_EIGHT} | 1 |\n\n"
        + "The factor 0.000123 kgCO2e/kg and 1.2E-05 t are small.\n"
    )
    findings = _audit(text)
    assert _ex007(findings) == []
    # The E-notation row is read as a number: 2.67E+03 × 0.5 = 1.335E+03 is consistent.
    assert not [
        f for f in findings if f.category == "arithmetic" and "1.335E+03" in str(f.reported)
    ]


def test_a_bare_long_digit_run_alone_in_a_number_cell_is_a_number():
    [found] = _ex007(_audit(_HEAD + _table(FIFTY_EIGHT)))
    assert found.reported == FIFTY_EIGHT and found.locations[0].row == 2


def test_an_endless_number_is_shown_shortened():
    endless = "9" * 5000
    [found] = _ex007(_audit(_HEAD + _table(endless)))
    assert "(5000 digits)" in found.message
    assert found.reported is not None and len(found.reported) < 60 and "…" in found.reported
