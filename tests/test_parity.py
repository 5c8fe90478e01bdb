"""The same report as text, DOCX and PDF gives the same findings (issue 6)."""

from __future__ import annotations

from functools import cache
from pathlib import Path

import pytest

from pcfaudit.model import AuditResult
from pcfaudit.pipeline import audit

SEEDS = Path(__file__).resolve().parents[1] / "fixtures" / "seeds"
STEMS = ["000_e5f01d6d6220347d", "002_37b7dd170cf4d869"]


@cache
def _audit(path: Path) -> AuditResult:
    return audit(path)


def _signature(result: AuditResult) -> set[tuple[str, str, str]]:
    return {(f.rule, f.category, f.severity) for f in result.findings}


@pytest.mark.parametrize("stem", STEMS)
@pytest.mark.parametrize("suffix", [".docx", ".pdf"])
def test_same_findings_as_the_text(stem: str, suffix: str) -> None:
    text = _signature(_audit(SEEDS / f"{stem}.txt"))
    other = _signature(_audit(SEEDS / f"{stem}{suffix}"))
    assert other == text, f"only in text: {text - other}; only in {suffix}: {other - text}"


@pytest.mark.parametrize("stem", STEMS)
def test_pdf_findings_carry_page_numbers(stem: str) -> None:
    result = _audit(SEEDS / f"{stem}.pdf")
    assert result.source["format"] == "pdf" and result.source["pages"]
    for finding in result.findings:
        pages = [loc.page for loc in finding.locations if loc.page is not None]
        assert pages, f"{finding.rule} has no page"
        assert all(1 <= p <= result.source["pages"] for p in pages)


@pytest.mark.parametrize("stem", STEMS)
def test_docx_findings_point_at_paragraphs_or_cells(stem: str) -> None:
    result = _audit(SEEDS / f"{stem}.docx")
    for finding in result.findings:
        assert any(
            loc.paragraph is not None or loc.table is not None for loc in finding.locations
        ), finding.rule


SYNTHETIC = SEEDS.parent / "synthetic"


@pytest.mark.parametrize("stem", ["epd_zh_defects", "epd_en_defects"])
@pytest.mark.parametrize("suffix", [".docx", ".pdf"])
def test_epd_same_findings_as_the_text(stem: str, suffix: str) -> None:
    """EPD result matrices survive Word tables and LibreOffice's PDF, where narrow columns
    wrap '2.50E+02' and 'GWP-total' over several lines (issue 11)."""
    text_path = next(p for p in (SYNTHETIC / f"{stem}.txt", SYNTHETIC / f"{stem}.md") if p.exists())
    text = _signature(_audit(text_path))
    assert {rule for rule, _, _ in text} >= {"EP001", "EP003", "EP008"}
    other = _signature(_audit(SYNTHETIC / f"{stem}{suffix}"))
    assert other == text, f"only in text: {text - other}; only in {suffix}: {other - text}"
