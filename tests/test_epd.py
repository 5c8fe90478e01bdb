"""EPD result matrices: vocabulary, table recognition (text and PDF with split cells),
claims, and the EP rules on clean and defective synthetic EPDs."""

from __future__ import annotations

from collections.abc import Callable
from decimal import Decimal
from pathlib import Path

import pytest

import pcfaudit.pipeline as pipeline
from pcfaudit.extract.detect import extract
from pcfaudit.interpret.epd import basis_of, interpret_epd
from pcfaudit.interpret.epd_claims import epd_statements, iso_date
from pcfaudit.interpret.epd_lexicon import cell_number, indicator_of, missing_mark, module_of
from pcfaudit.model import (
    Document,
    Finding,
    Location,
    MatrixValue,
    Report,
    ResultMatrix,
    Statement,
)
from pcfaudit.recompute.epd import epd_checks
from pcfaudit.rules import REGISTRY, RuleContext, load_catalog
from pcfaudit.vocab.numbers import parse_number

SYN = Path(__file__).resolve().parents[1] / "fixtures" / "synthetic"


def doc(name: str) -> Document:
    path = SYN / name
    return extract(path.read_bytes(), str(path))


@pytest.fixture
def epd_audit() -> Callable[[str], list[Finding]]:
    """The EP findings of a full audit (interpret() reads the result matrices)."""

    def run(name: str) -> list[Finding]:
        return [f for f in pipeline.audit(SYN / name).findings if f.rule.startswith("EP")]

    return run


# --------------------------------------------------------------------------- vocabulary


@pytest.mark.parametrize(
    ("label", "indicator"),
    [
        ("GWP-total", "GWP-total"),
        ("GWP total", "GWP-total"),
        ("Climate change - total", "GWP-total"),
        ("Climate change – fossil", "GWP-fossil"),
        ("全球变暖潜势-化石", "GWP-fossil"),
        ("全球变暖潜势-总计", "GWP-total"),
        ("气候变化-生物源", "GWP-biogenic"),
        ("Climate change - land use and land use change", "GWP-luluc"),
        ("GWP-IOBC/GHG", "GWP-GHG"),
        ("Total use of non-renewable primary energy resources", "PENRT"),
        ("Non-hazardous waste disposed", "NHWD"),
        ("GWP", "GWP"),
        ("Indicator", None),
        ("Unit", None),
    ],
)
def test_indicator_names(label: str, indicator: str | None) -> None:
    assert indicator_of(label) == indicator


@pytest.mark.parametrize(
    ("label", "module"),
    [("A1–A3", "A1-A3"), ("A1/A2/A3", "A1-A3"), ("A1-3", "A1-A3"), ("C1-C4", "C1-C4"),
     ("D", "D"), ("Module D", "D"), ("Total", "total"), ("合计", "total"), ("Unit", None),
     ("E1", None), ("A3-A1", None)],
)  # fmt: skip
def test_module_headers(label: str, module: str | None) -> None:
    assert module_of(label) == module


@pytest.mark.parametrize(
    ("cell", "text", "value", "decimals"),
    [
        ("2.67\nE+03", "2.67E+03", Decimal("2670"), -1),
        ("-\n6.08E+01", "-6.08E+01", Decimal("-60.8"), 1),
        ("1,23E-02", "1.23E-02", Decimal("0.0123"), 4),
        ("2,67E+03", "2.67E+03", Decimal("2670"), -1),
        ("0,123", "0.123", Decimal("0.123"), 3),
        ("−6.08E+01", "-6.08E+01", Decimal("-60.8"), 1),
        ("1 234", "1 234", Decimal("1234"), 0),
    ],
)
def test_split_cells(cell: str, text: str, value: Decimal, decimals: int) -> None:
    n = cell_number(cell)
    assert n is not None and (n.text, n.value, n.decimals) == (text, value, decimals)


def test_missing_marks_are_not_numbers() -> None:
    for mark in ("ND", "MND", "INA", "n/a"):
        assert missing_mark(mark) and cell_number(mark) is None
    assert missing_mark("- 6.08E+01") is None
    assert cell_number("1,234", decimal_comma=True).value == Decimal("1.234")  # type: ignore[union-attr]


def test_basis_and_dates() -> None:
    assert basis_of("Table 5. Climate change per kg of concrete") == "1 kg"
    assert basis_of("表2 每吨产品的气候变化结果") == "1 t"
    assert basis_of("Results per declared unit") == "declared unit"
    assert iso_date("11.05.2028") == "2028-05-11"
    assert iso_date("2028年5月11日") == "2028-05-11"
    assert iso_date("May 2028") == "2028-05"


# --------------------------------------------------------------------------- interpretation


def test_markdown_epd_matrices_and_declarations() -> None:
    matrices, declarations = interpret_epd(doc("epd_en_clean.md"))
    assert [len(m.values) for m in matrices] == [88, 12, 8]
    full, summary, per_kg = matrices
    assert (
        full.basis == "declared unit"
        and per_kg.basis == "1 kg"
        and summary.basis == "declared unit"
    )
    v = next(v for v in full.values if (v.indicator, v.module) == ("GWP-total", "D"))
    assert (v.number.text, v.unit, v.location.line, v.location.quote) == (
        "-1.24E+01",
        "kgCO2e",
        45,
        "-1.24E+01",
    )
    assert "total" in summary.modules
    status = {d.module: d.status for d in declarations}
    assert status["A1"] == "X" and status["B3"] == "MND" and len(status) == 17


def test_chinese_modules_as_rows() -> None:
    matrices, declarations = interpret_epd(doc("epd_zh_clean.txt"))
    (m,) = matrices
    assert m.basis == "1 t" and m.indicators == [
        "GWP-total",
        "GWP-fossil",
        "GWP-biogenic",
        "GWP-luluc",
    ]
    assert m.modules[:4] == ["A1", "A2", "A3", "A1-A3"]
    assert {d.module: d.status for d in declarations}["A4"] == "MND"


def test_pdf_cells_split_over_lines() -> None:
    (m,), declarations = interpret_epd(doc("epd_en_split_clean.pdf"))
    grid = {(v.indicator, v.module): v for v in m.values}
    d = grid[("GWP-total", "D")]
    assert d.number.value == Decimal("-12.4") and d.location.page == 1 and d.location.bbox
    assert grid[("GWP-fossil", "A1-A3")].number.text == "2.74E+02"
    assert grid[("GWP-luluc", "C1")].number.value == Decimal("0.000234")
    assert len(m.values) == 28 and len(declarations) == 11


def test_claims_statements() -> None:
    kinds = {(s.kind, s.subject) for s in epd_statements(doc("epd_en_clean.md"))}
    assert {("epd-declared-unit", "m3"), ("epd-mass-per-du", "kg"), ("epd-issued", "2023-05-12"),
            ("epd-valid-until", "2028-05-11"), ("epd-pcr", "PCR 2019:14|1.3.4|"),
            ("epd-standard", "EN 15804+A2"), ("epd-biogenic-carbon", "packaging"),
            ("epd-content-total", "Total|kg")} <= kinds  # fmt: skip
    # "EPDs based on EN 15804+A1 are not comparable" is not a citation of +A1
    assert ("epd-standard", "EN 15804+A1") not in kinds


# --------------------------------------------------------------------------- rules end to end


def test_clean_epds_stay_silent(epd_audit: Callable[[str], list[Finding]]) -> None:
    for name in ("epd_en_clean.md", "epd_zh_clean.txt", "epd_en_split_clean.pdf"):
        assert epd_audit(name) == [], name


def test_english_defects(epd_audit: Callable[[str], list[Finding]]) -> None:
    found = epd_audit("epd_en_defects.md")
    got = sorted((f.rule, f.category, f.severity, f.reported) for f in found)
    assert got == sorted([
        ("EP001", "arithmetic", "error", "1.85E+01"),
        ("EP002", "arithmetic", "warning", "3.10E+00"),
        ("EP003", "arithmetic", "error", "2.75E+02"),  # the wrong A3 total breaks A1-A3 too
        ("EP003", "arithmetic", "error", "2.87E+03"),
        ("EP004", "consistency", "error", "8.77E+00"),
        ("EP005", "consistency", "error", "GWP-fossil"),
        ("EP006", "units", "error", "kgCO2e"),
        ("EP007", "boundary", "error", "no results"),
        ("EP007", "boundary", "error", "2.35E+00"),
        ("EP008", "functional-unit", "error", "1 m3 vs 1 t"),
        ("EP009", "consistency", "error", "2400 kg"),
        ("EP010", "arithmetic", "error", "1.50"),
        ("EP011", "standard", "warning", "1.3.4 vs 1.2.5"),
        ("EP011", "standard", "warning", "EN 15804+A2 vs EN 15804+A1"),
        ("EP013", "temporal", "warning", "2029-05-11"),
    ])  # fmt: skip
    by = {(f.rule, f.reported): f for f in found}
    ep1 = by[("EP001", "1.85E+01")]
    assert (
        ep1.expected == "14.15"
        and ep1.locations[0].line == 45
        and ep1.locations[0].quote == "1.85E+01"
    )
    assert "A3" in ep1.message and "A3" in ep1.message_zh
    assert by[("EP004", "8.77E+00")].locations[1].quote == "4.66E-03"
    assert by[("EP009", "2400 kg")].locations[1].quote == "Total : 2380"
    assert by[("EP007", "2.35E+00")].locations[0].quote == "C1: MND"


def test_chinese_defects(epd_audit: Callable[[str], list[Finding]]) -> None:
    found = epd_audit("epd_zh_defects.txt")
    got = sorted((f.rule, f.reported) for f in found)
    assert got == [("EP001", "2.75E+02"), ("EP001", "6.86E+00"), ("EP003", "2.47E+02"),
                   ("EP008", "1 t vs 1 m3"), ("EP012", "2023-02-28")]  # fmt: skip
    ep12 = next(f for f in found if f.rule == "EP012")
    assert ep12.category == "temporal" and "有效期至:2023年2月28日" in [
        loc.quote for loc in ep12.locations
    ]


def test_pdf_defect(epd_audit: Callable[[str], list[Finding]]) -> None:
    (f,) = epd_audit("epd_en_split_defects.pdf")
    assert (f.rule, f.reported, f.expected) == ("EP001", "6.86E+00", "5.684")
    # The cell prints "6,86" over "E+00"; the extractor joins the pieces of one number.
    quote = f.locations[0].quote or ""
    assert quote.replace(" ", "").replace("\n", "") == "6,86E+00" and f.locations[0].page == 1


# --------------------------------------------------------------------------- hand-built reports


def _run(code: str, report: Report) -> tuple[list[Finding], RuleContext]:
    ctx = RuleContext(report=report, catalog=load_catalog(), checks=epd_checks(report))
    return list(REGISTRY[code](ctx)), ctx


def _mv(ind: str, mod: str, text: str, unit: str = "kgCO2e") -> MatrixValue:
    n = parse_number(text)
    assert n is not None
    return MatrixValue(ind, mod, n, unit, Location(line=1, quote=text))


def _matrix(values: list[MatrixValue], basis: str | None = None, t: int = 0) -> ResultMatrix:
    return ResultMatrix(
        indicators=list(dict.fromkeys(v.indicator for v in values)),
        modules=list(dict.fromkeys(v.module for v in values)),
        values=values, location=Location(table=t), basis=basis, table=t,
    )  # fmt: skip


def test_total_column_with_or_without_d() -> None:
    row = [("A1-A3", "100"), ("A4", "10"), ("C1-C4", "5"), ("D", "-20")]
    with_d = _matrix([_mv("GWP-total", m, v) for m, v in row] + [_mv("GWP-total", "total", "95")])
    without_d = _matrix(
        [_mv("GWP-total", m, v) for m, v in row] + [_mv("GWP-total", "total", "115")]
    )
    wrong = _matrix([_mv("GWP-total", m, v) for m, v in row] + [_mv("GWP-total", "total", "125")])
    assert _run("EP003", Report(matrices=[with_d]))[0] == []
    assert _run("EP003", Report(matrices=[without_d]))[0] == []
    (f,), ctx = _run("EP003", Report(matrices=[wrong]))
    assert (f.reported, f.expected) == ("125", "115") and ctx.tally.failed == 1


def test_missing_part_is_cannot_tell() -> None:
    m = _matrix([_mv("GWP-total", "A1", "10"), _mv("GWP-fossil", "A1", "9")])
    found, ctx = _run("EP001", Report(matrices=[m]))
    assert found == [] and ctx.tally.cannot_tell == 1


def test_per_kg_needs_mass() -> None:
    du = _matrix([_mv("GWP-total", "A1-A3", "240"), _mv("GWP-total", "D", "-24")], t=0)
    kg = _matrix(
        [_mv("GWP-total", "A1-A3", "0.100"), _mv("GWP-total", "D", "-0.0100")], "1 kg", t=1
    )
    mass = Statement("epd-mass-per-du", "Mass per declared unit: 2400 kg", Location(line=2),
                     "kg", [parse_number("2400")])  # type: ignore[list-item]  # fmt: skip
    found, ctx = _run("EP004", Report(matrices=[du, kg]))
    assert found == [] and ctx.tally.cannot_tell == 1
    assert _run("EP004", Report(matrices=[du, kg], statements=[mass]))[0] == []
    mass.values = [parse_number("2000")]  # type: ignore[list-item]
    (f,), _ = _run("EP004", Report(matrices=[du, kg], statements=[mass]))
    assert f.rule == "EP004" and "A1-A3" in f.message


def test_validity_by_month_and_params() -> None:
    def st(kind: str, iso: str) -> Statement:
        return Statement(kind, iso, Location(line=1, quote=iso), iso)

    ok = Report(statements=[st("epd-issued", "2023-05"), st("epd-valid-until", "2028-05")])
    assert _run("EP012", ok)[0] == [] and _run("EP013", ok)[0] == []
    same_month = Report(
        statements=[st("epd-issued", "2023-05-12"), st("epd-valid-until", "2023-05")]
    )
    assert _run("EP012", same_month)[0] == []
    long = Report(statements=[st("epd-issued", "2023-05-12"), st("epd-valid-until", "2028-05-13")])
    (f,), _ = _run("EP013", long)
    assert f.severity == "warning"
    ctx = RuleContext(report=long, catalog=load_catalog(), parameters={"EP013": {"max_years": 7}})
    assert list(REGISTRY["EP013"](ctx)) == []


def test_a_revised_epds_validity_runs_from_its_latest_revision() -> None:
    def st(kind: str, iso: str) -> Statement:
        return Statement(kind, iso, Location(line=1, quote=iso), iso)

    issued, until = st("epd-issued", "2018-05-28"), st("epd-valid-until", "2028-12-27")
    revised = Report(statements=[issued, st("epd-revised", "2023-12-28"), until])
    assert _run("EP013", revised)[0] == []
    early = Report(statements=[issued, st("epd-revised", "2019-02-01"), until])
    (f,), _ = _run("EP013", early)
    assert "revised on 2019-02-01" in f.message and f.expected == "until 2024-02-01 at the latest"
    # The issue date is still what a 'valid until' before it contradicts (EP012).
    assert _run("EP012", revised)[0] == []


def test_results_zero_for_mnd_module_is_a_warning() -> None:
    from pcfaudit.model import ModuleDeclaration

    m = _matrix([_mv("GWP-total", "A1-A3", "10"), _mv("GWP-total", "B1", "0")])
    decl = [ModuleDeclaration("A1", "X", Location(line=1, quote="A1: X")),
            ModuleDeclaration("B1", "MND", Location(line=1, quote="B1: MND"))]  # fmt: skip
    (f,), ctx = _run("EP007", Report(matrices=[m], module_declarations=decl))
    assert f.severity == "warning" and ctx.tally.passed == 1


def test_a_cell_read_under_each_decimal_mark_keeps_its_own_reading() -> None:
    """cell_number remembers its answers per document; the decimal-mark convention the
    document is read with is part of what it remembers them by."""
    from pcfaudit.vocab.numbers import forget_parsed_numbers, number_convention

    forget_parsed_numbers()
    assert cell_number("1.234,5") is None  # a decimal point document: no number
    with number_convention(True):
        comma = cell_number("1.234,5")
    assert comma is not None and comma.value == Decimal("1234.5")
    assert cell_number("1.234,5") is None
