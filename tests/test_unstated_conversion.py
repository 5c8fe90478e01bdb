"""UN004: a column that is another times a molar conversion the report never prints."""

from __future__ import annotations

from pcfaudit.pipeline import audit


def _html(rows: list[list[str]]) -> str:
    body = "".join("<tr>" + "".join(f"<td>{c}</td>" for c in row) + "</tr>" for row in rows)
    return f"<table>{body}</table>"


_FUEL = [["Plot", "Diesel (L)", "CO2 (kg)"], ["P1", "61.05", "158.1"], ["P2", "108.30", "280.5"],
         ["P3", "136.65", "353.9"], ["P4", "129.15", "334.5"]]  # fmt: skip
_CARBON = [["Plot", "Machinery (kg C)", "Irrigation (kg C)"], ["P1", "43.1", "29"],
           ["P2", "76.5", "31"], ["P3", "96.5", "27"], ["P4", "91.2", "30"]]  # fmt: skip


def _un004(text: str) -> list:
    return [f for f in audit(text.encode("utf-8"), name="r.md").findings if f.rule == "UN004"]


def test_carbon_column_converted_by_an_unstated_12_44_is_flagged() -> None:
    text = (
        "# Method\n\nFuel emissions are litres × 2.59 kg CO2/L.\n\n"
        + _html(_FUEL) + "\n\n# Results\n\nThe balance per plot:\n\n" + _html(_CARBON) + "\n"
    )  # fmt: skip
    (f,) = _un004(text)
    assert "12/44" in f.message
    assert f.reported == "43.1" and f.expected == "158.1"


def test_conversion_stated_in_the_text_is_silent() -> None:
    text = (
        "# Method\n\nFuel emissions are litres × 2.59 kg CO2/L; carbon equivalents are CO2 × "
        "12/44.\n\n" + _html(_FUEL) + "\n\n# Results\n\n" + _html(_CARBON) + "\n"
    )
    assert _un004(text) == []
