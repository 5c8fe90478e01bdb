"""Markdown for a review comment or an e-mail."""

from __future__ import annotations

from pcfaudit.model import Location
from pcfaudit.render import render, render_markdown
from pcfaudit.render.markdown import md_escape
from test_render_fixtures import realistic_result, unreadable_result


def test_heading_summary_and_groups() -> None:
    md = render_markdown(realistic_result())
    lines = md.splitlines()
    assert lines[0] == "## 8 findings · reports/昆山 CT 球管.txt"
    assert "| error | 5 |" in lines and "| warning | 2 |" in lines and "| Waived | 1 |" in lines
    assert md.index("### Errors (5)") < md.index("### Warnings (2)") < md.index("### Info (1)")
    assert md.index("### Info (1)") < md.index("### Waived (1)")


def test_finding_has_location_quote_and_values() -> None:
    md = render_markdown(realistic_result())
    block = md[md.index("#### UNI002") :]
    assert "*§6.3, line 240*" in block
    assert "> 二氧化碳灭火器 100kg，泄漏率 1%" in block
    assert "- reported `0.01` → expected `0.001`" in block
    assert "- Likely cause: ×10 decimal shift" in block


def test_chinese() -> None:
    md = render(realistic_result(), "markdown", "zh", statistics=True)
    assert md.startswith("## 发现 8 个问题 · ")
    assert "| 严重程度 | 数量 |" in md and "| 错误 | 5 |" in md
    assert "### 错误 (5)" in md and "### 已豁免 (1)" in md
    assert "- 报告值 `0.01` → 应为 `0.001`" in md
    assert "#### GWP001 · GWP 取值混用不同 IPCC 报告" in md
    assert "### 按规则统计" in md and "| ARI001 | 排放量不等于活动数据 × 排放因子 × GWP | 2 |" in md
    assert "### 以下豁免已不再匹配任何问题" in md


def test_report_text_cannot_break_layout() -> None:
    r = realistic_result()
    r.findings[0].locations = [Location(line=1, quote="# 标题 | <script>x</script>\n第二行")]
    md = render_markdown(r)
    assert "> \\# 标题 \\| \\<script\\>x\\</script\\>" in md
    assert "> 第二行" in md
    assert md_escape("a|b*c_d") == "a\\|b\\*c\\_d"


def test_unreadable() -> None:
    md = render_markdown(unreadable_result())
    assert md.startswith("## Could not audit")
    assert "#### EXT001 · No text could be extracted" in md
