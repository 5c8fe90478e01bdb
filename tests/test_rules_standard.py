"""standard rules (ST001-ST003): superseded editions, organisation standards, GB/T 24067."""

from __future__ import annotations

from pathlib import Path

from pcfaudit.model import DateClaim, Finding, Location, Report, StandardCitation
from pcfaudit.pipeline import audit
from pcfaudit.reference import load_pack
from pcfaudit.rules import REGISTRY, RuleContext, load_catalog

ROOT = Path(__file__).resolve().parents[1]
SEED_000 = ROOT / "fixtures/seeds/000_e5f01d6d6220347d.txt"
SEED_002 = ROOT / "fixtures/seeds/002_37b7dd170cf4d869.txt"
SYN = ROOT / "fixtures/synthetic"


def of(path: Path) -> list[Finding]:
    return [f for f in audit(path).findings if f.rule.startswith("ST")]


def run(code: str, report: Report) -> list[Finding]:
    ctx = RuleContext(report=report, catalog=load_catalog(), reference=load_pack())
    return list(REGISTRY[code](ctx))


def cite(code: str, year: int | None, line: int) -> StandardCitation:
    text = f"{code}:{year}" if year else code
    return StandardCitation(code, year, text, Location(line=line, quote=text))


def test_seed_000_superseded_ts_and_organisation_standard() -> None:
    found = {f.rule: f for f in of(SEED_000)}
    st1 = found["ST001"]
    assert (st1.category, st1.severity, st1.reported, st1.expected) == (
        "standard", "info", "ISO/TS 14067:2013", "ISO 14067:2018")  # fmt: skip
    assert any("ISO/TS 14067-2013" in (loc.quote or "") for loc in st1.locations)
    st2 = found["ST002"]
    assert st2.severity == "info" and any("组织层次" in (loc.quote or "") for loc in st2.locations)
    # dated 2025-03-12, after GB/T 24067-2024 took effect (2025-03-01), not cited
    assert found["ST003"].severity == "info"


def test_seed_002_superseded_ts_only() -> None:
    found = of(SEED_002)
    assert [f.rule for f in found] == [
        "ST001"
    ]  # GB/T 10596, ISO 9001/14001 never flagged; dated 2024-03
    assert found[0].severity == "info"


def test_synthetic_zh_and_en() -> None:
    zh = {f.rule: f for f in of(SYN / "gwef_zh_mixed.txt")}
    assert set(zh) == {"ST001", "ST002", "ST003"}
    assert zh["ST002"].reported == "ISO 14064-1"
    en = of(SYN / "gwef_en_mixed.md")
    assert [(f.rule, f.reported, f.expected) for f in en] == [
        ("ST001", "PAS 2050:2008", "PAS 2050:2011")
    ]


def test_clean_reports_stay_silent() -> None:
    assert of(SYN / "gwef_zh_clean.txt") == []
    assert of(SYN / "gwef_en_clean.md") == []


def test_unknown_standards_are_never_flagged() -> None:
    report = Report(
        standards=[
            cite("GB/T 10596", 2021, 1),
            cite("ISO 9001", None, 2),
            cite("ISO 14001", None, 3),
        ]
    )
    for code in ("ST001", "ST002"):
        assert run(code, report) == []


def test_national_standard_dates() -> None:
    before = DateClaim(
        "report", 2025, 2, 10, "2025年2月10日", Location(line=1, quote="2025年2月10日")
    )
    after = DateClaim("report", 2025, 4, None, "2025年4月", Location(line=1, quote="2025年4月"))
    base = [cite("ISO 14067", 2018, 2)]
    assert run("ST003", Report(language="zh", standards=base, dates=[before])) == []
    assert len(run("ST003", Report(language="zh", standards=base, dates=[after]))) == 1
    assert run("ST003", Report(language="en", standards=base, dates=[after])) == []
    cited = [*base, cite("GB/T 24067", 2024, 3)]
    assert run("ST003", Report(language="zh", standards=cited, dates=[after])) == []


def _dated(year: int, month: int) -> DateClaim:
    return DateClaim("report", year, month, None, f"{year}-{month:02d}", Location(line=1))


def test_an_edition_replaced_after_the_report_was_written_is_not_flagged() -> None:
    # ISO 14020:2000 was replaced by ISO 14020:2022 (published 2022-12).
    old = cite("ISO 14020", 2000, 40)
    written_2021 = Report(standards=[old], dates=[_dated(2021, 6)])
    assert run("ST001", written_2021) == []
    (f,) = run("ST001", Report(standards=[old], dates=[_dated(2023, 12)]))
    assert (f.reported, f.expected) == ("ISO 14020:2000", "ISO 14020:2022")
    assert "also cites" not in f.message  # the citation itself is no second citation
    undated = run("ST001", Report(standards=[old]))
    assert [x.reported for x in undated] == ["ISO 14020:2000"]


def test_a_revised_epd_is_judged_at_its_latest_revision() -> None:
    from pcfaudit.model import Statement

    old = cite("ISO 14020", 2000, 40)
    issued = Statement("epd-issued", "Publication Date: 2018-05-28", Location(line=2), "2018-05-28")
    revised = Statement("epd-revised", "Revision Date: 2023-12-28", Location(line=3), "2023-12-28")
    assert run("ST001", Report(standards=[old], statements=[issued])) == []
    (f,) = run("ST001", Report(standards=[old], statements=[issued, revised]))
    assert f.reported == "ISO 14020:2000"


def test_citing_the_successor_too_makes_the_edition_followed_unclear() -> None:
    report = Report(standards=[cite("ISO 14020", 2000, 40), cite("ISO 14020", 2022, 41)])
    (f,) = run("ST001", report)
    assert "also cites ISO 14020" in f.message
