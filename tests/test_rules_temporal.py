"""temporal rules TM001–TM004: dates against each other."""

from __future__ import annotations

from bnst_helpers import SEED_000, SEED_002, SYN, audit_findings, loc, quotes, run
from pcfaudit.model import DateClaim, Report


def _d(
    kind: str, year: int, month: int | None = None, day: int | None = None, line: int = 1
) -> DateClaim:
    text = f"{year}" + (f"-{month}" if month else "")
    return DateClaim(kind, year, month, day, text, loc(line, f"{kind} {text}"))


def test_seed_000_data_collected_in_january_of_reporting_year():  # K17
    found = audit_findings(SEED_000, "TM001")
    assert len(found) == 1
    f = found[0]
    assert (f.category, f.severity) == ("temporal", "warning")
    assert "2024年1月" in quotes(f) and "报告年度" in quotes(f)


def test_seed_000_other_temporal_rules_silent():
    assert audit_findings(SEED_000, "TM002") == []
    assert audit_findings(SEED_000, "TM003") == []
    assert audit_findings(SEED_000, "TM004") == []


def test_seed_002_old_data_with_both_dates_in_message():  # T05
    found = audit_findings(SEED_002, "TM")
    assert [f.rule for f in found] == ["TM002"]
    f = found[0]
    assert (f.category, f.severity) == ("temporal", "warning")
    assert "2020" in f.message and "2021-09" in f.message and "2024-03" in f.message
    assert "代表企业2020年生产水平" in quotes(f)


def test_synthetic_zh_and_en():
    assert [f.rule for f in audit_findings(SYN / "bnst_zh_bad.txt", "TM")] == ["TM001"]
    assert sorted(f.rule for f in audit_findings(SYN / "bnst_en_bad.md", "TM")) == [
        "TM001",
        "TM002",
    ]
    for name in ("bnst_zh_clean.txt", "bnst_en_clean.md"):
        assert audit_findings(SYN / name, "TM") == [], name


def test_max_age_parameter():
    report = Report(dates=[_d("report", 2024, 3), _d("data-year", 2021)])
    assert run("TM002", report)[0] == []  # 2 years 3 months
    found, _ = run("TM002", report, parameters={"TM002": {"max_age_years": 1}})
    assert len(found) == 1


def test_report_before_data_is_an_error():
    report = Report(dates=[_d("report", 2023, 5), _d("data-collection", 2024, 1)])
    found, _ = run("TM003", report)
    assert len(found) == 1 and found[0].severity == "error"
    # a year-only report date in the same year as the collection cannot be judged
    assert run("TM003", Report(dates=[_d("report", 2024), _d("data-collection", 2024, 6)]))[0] == []


def test_two_data_years():
    found, _ = run(
        "TM004", Report(dates=[_d("reporting-period", 2023), _d("data-year", 2021, line=5)])
    )
    assert len(found) == 1 and found[0].reported == "2021, 2023"


def test_collection_after_year_end_is_fine():
    report = Report(dates=[_d("reporting-period", 2023), _d("data-collection", 2024, 2)])
    found, ctx = run("TM001", report)
    assert found == [] and ctx.tally.passed == 1


# Quality-benchmark regressions: English date ranges and collection dates, Chinese ranges.
def test_qa_period_range_and_early_collection_en_zh():
    for name, quote in (("qa_cl_en_bad.md", "June 2023"), ("qa_cl_zh_bad.txt", "2023年6月")):
        found = audit_findings(SYN / name, "TM")
        assert [f.rule for f in found] == ["TM001"], name
        f = found[0]
        assert (f.category, f.severity) == ("temporal", "warning")
        assert quote in quotes(f) and "31" in quotes(f)  # the period's end date is quoted
    for name in ("qa_cl_en_clean.md", "qa_cl_zh_clean.txt"):
        assert audit_findings(SYN / name, "TM") == [], name
