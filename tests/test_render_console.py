"""Console / plain-text report: what a verifier reads in the terminal."""

from __future__ import annotations

import io

from rich.console import Console

from pcfaudit.model import Location
from pcfaudit.render import render, render_console, render_text, verdict
from pcfaudit.render.common import LABELS, describe_location
from test_render_fixtures import clean_result, realistic_result, unreadable_result


def test_labels_complete_in_both_languages() -> None:
    assert set(LABELS["en"]) == set(LABELS["zh"])
    assert all(LABELS["zh"][k].strip() for k in LABELS["zh"])


def test_verdict_line_comes_first_with_coverage() -> None:
    out = render_text(realistic_result())
    lines = out.splitlines()
    assert lines[0] == "8 findings  ·  reports/昆山 CT 球管.txt"
    assert lines[1].strip() == "5 errors · 2 warnings · 1 info"
    assert "58 checks passed, 9 failed, 3 could not be evaluated" in lines[2]


def test_findings_ordered_by_severity_then_impact() -> None:
    out = render_text(realistic_result())
    heads = [ln.split()[1] for ln in out.splitlines() if ln[:1] in "ewi" and "  " in ln[:9]]
    # EF001 (3.4 % of total) before the two ARI001 (0.27 %, 0.21 %), then no-impact errors,
    # then warnings, then info; the waived STD001 last.
    assert heads[:3] == ["EF001", "ARI001", "ARI001"]
    assert out.index("0.27 %") < out.index("0.21 %")
    assert out.index("NAR001") < out.index("ARI002") < out.index("Waived (1)") < out.index("STD001")


def test_finding_shows_place_quote_reported_expected_cause() -> None:
    out = render_text(realistic_result())
    block = out[out.index("UNI002") :]
    assert "§6.3, line 240" in block
    assert "“二氧化碳灭火器 100kg，泄漏率 1%”" in block
    assert "reported 0.01  →  expected 0.001" in block
    assert "Likely cause: ×10 decimal shift" in block
    assert "p. 14, §6.1" in out  # the PDF location of EF001


def test_waived_and_unmatched_waivers_listed() -> None:
    out = render_text(realistic_result())
    assert "waived by 李工: Client contract names the 2013 TS" in out
    assert "Waivers that no longer match any finding" in out
    assert "0011223344556677 (old table layout)" in out


def test_chinese_output_has_no_english_fixed_strings() -> None:
    out = render_text(realistic_result(), "zh", statistics=True)
    assert out.splitlines()[0].startswith("发现 8 个问题")
    assert "58 项检查通过，9 项未通过，3 项无法评估" in out
    assert "报告值 0.01  →  应为 0.001" in out
    assert "§6.3，表 3 第 8 行，第 307 行" in out
    assert "正文声明采用 IPCC AR4" in out  # message_zh
    assert "数量相差 10 的整数次幂" in out  # title_zh
    assert "按规则统计" in out and "已豁免 (1)" in out
    for english in ("findings", "checks passed", "reported", "expected", "Waived", "line "):
        assert english not in out


def test_statistics_counts_by_rule() -> None:
    out = render_text(realistic_result(), statistics=True)
    stats = out[out.index("Findings by rule") :]
    row = next(ln for ln in stats.splitlines() if ln.startswith("ARI001"))
    assert row.split()[-1] == "2"
    assert "STD001" not in stats  # waived findings are not counted
    assert "Findings by rule" not in render_text(realistic_result())


def test_unreadable_report_says_so() -> None:
    r = unreadable_result()
    assert verdict(r) == "unreadable"
    out = render_text(r)
    assert out.startswith("Could not audit")
    assert "EXT001" in out
    assert render_text(r, "zh").startswith("无法审核")


def test_clean_and_unchecked() -> None:
    r = clean_result()
    assert verdict(r) == "clean"
    assert render_text(r).startswith("No findings  ·  ")
    r.coverage.checks.passed = r.coverage.checks.failed = r.coverage.checks.cannot_tell = 0
    assert verdict(r) == "unchecked"
    assert "no check could be run" in render_text(r)


def test_plain_text_has_no_control_codes_or_trailing_blanks() -> None:
    out = render(realistic_result(), "text", "zh", statistics=True)
    assert "\x1b" not in out
    assert all(ln == ln.rstrip() for ln in out.splitlines())


def test_report_text_is_not_read_as_markup() -> None:
    r = realistic_result()
    r.findings[0].locations = [Location(line=5, quote="[bold]见表[/bold] [red]x")]
    out = render_text(r)
    assert "“[bold]见表[/bold] [red]x”" in out


def test_console_colours_only_when_asked() -> None:
    buf = io.StringIO()
    render_console(realistic_result(), Console(file=buf, force_terminal=True, width=100))
    assert "\x1b[" in buf.getvalue()


def test_describe_location_languages() -> None:
    loc = Location(page=3, section="3.6", table=1, row=3)
    assert describe_location(loc) == loc.describe() == "p. 3, §3.6, table 2 row 4"
    assert describe_location(loc, "zh") == "第 3 页，§3.6，表 2 第 4 行"
    assert describe_location(Location(line=118), "zh-CN") == "第 118 行"
    assert describe_location(Location()) == "document"
