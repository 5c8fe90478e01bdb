"""structure rules SR001–SR002: table of contents against body headings."""

from __future__ import annotations

from bnst_helpers import SEED_000, SEED_002, SYN, audit_findings, loc, quotes, run
from pcfaudit.model import Heading, Report
from pcfaudit.rules.structure import norm_number, norm_title


def test_title_normalisation():
    assert norm_title("2、产品碳足迹介绍(PCF)介绍.....\t3") == norm_title("产品碳足迹介绍(PCF)介绍")
    assert norm_title("2.3.5 软件和数据库..... 6") == norm_title("软件 and 数据库")
    assert norm_title("4 Conclusions ..... 5") == "conclusions"


def test_number_normalisation():
    assert (
        norm_number("第三章") == "3"
        and norm_number("十二") == "12"
        and norm_number("2．1") == "2.1"
    )


def test_seed_002_toc_announces_missing_natural_gas_section():  # T04
    found = audit_findings(SEED_002, "SR001")
    assert len(found) == 1
    f = found[0]
    assert (f.category, f.severity) == ("structure", "warning")
    assert "天然气燃烧排放因子" in quotes(f)
    assert "结果分析与讨论" in f.message  # what the body has under 3.3


def test_seed_002_renumbered_sections_in_one_info():
    found = audit_findings(SEED_002, "SR002")
    assert len(found) == 1 and found[0].severity == "info"
    assert "3.3" in found[0].message and "结论" in found[0].message


def test_seed_000_toc_matches_body():
    assert audit_findings(SEED_000, "SR") == []


def test_synthetic_missing_sections_zh_and_en():
    zh = audit_findings(SYN / "bnst_zh_bad.txt", "SR001")
    assert [("蒸汽排放因子" in quotes(f)) for f in zh] == [True]
    en = audit_findings(SYN / "bnst_en_bad.md", "SR001")
    assert [("Transport emission factors" in quotes(f)) for f in en] == [True]


def test_synthetic_clean_reports_are_silent():
    for name in ("bnst_zh_clean.txt", "bnst_en_clean.md"):
        assert audit_findings(SYN / name, "SR") == [], name


def _h(number: str | None, title: str, line: int, toc: bool) -> Heading:
    return Heading(number, title, 1, loc(line, title), in_toc=toc)


def test_shortened_toc_titles_and_unnumbered_summary_match():
    report = Report(
        headings=[
            _h(None, "Executive summary", 1, True),
            _h("1", "Scope", 2, True),
            _h("2", "Results", 3, True),
            _h(None, "Executive summary", 10, False),
            _h("1", "Scope and boundary of the study", 11, False),
            _h("2", "Results", 12, False),
        ]
    )
    assert run("SR001", report)[0] == [] and run("SR002", report)[0] == []


def test_headings_not_read_means_cannot_tell():
    report = Report(
        headings=[
            _h("1", "Alpha", 1, True),
            _h("2", "Beta", 2, True),
            _h("3", "Gamma", 3, True),
            _h("1", "Zeta", 9, False),
        ]
    )
    found, ctx = run("SR001", report)
    assert found == [] and ctx.tally.cannot_tell == 1


def test_unnumbered_toc_entry_missing_from_body_is_not_reported():
    report = Report(
        headings=[
            _h(None, "执行摘要", 1, True),
            _h("1", "目标与范围", 2, True),
            _h("2", "结论", 3, True),
            _h("1", "目标与范围", 10, False),
            _h("2", "结论", 11, False),
        ]
    )
    found, ctx = run("SR001", report)
    assert found == [] and ctx.tally.cannot_tell == 1


# Quality-benchmark regression: a markdown "## Table of contents" heading is no TOC entry,
# and the clean reports (markdown and text TOCs with dot leaders) stay silent.
def test_qa_clean_tocs_stay_silent():
    for name in ("qa_cl_en_clean.md", "qa_cl_zh_clean.txt"):
        assert audit_findings(SYN / name, "SR") == [], name
