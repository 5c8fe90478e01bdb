"""The HTML report a verifier hands to a client: headline totals, contributions by stage,
the EPD module matrix, the checklist and the audit record; in headless Chromium, no
horizontal overflow at 1280 px, a print of a few pages, and the page's numbers equal the
JSON's. Screenshots and the print go to build/test-artifacts/."""

from __future__ import annotations

import json
import shutil
import subprocess
from pathlib import Path

import lxml.html
import pytest

from pcfaudit.model import RuleChecks
from pcfaudit.pipeline import audit
from pcfaudit.render import render_html, render_json
from test_render_fixtures import realistic_result

ROOT = Path(__file__).resolve().parents[1]
ARTIFACTS = ROOT / "build" / "test-artifacts"
SEED_PDF = ROOT / "fixtures/seeds/000_e5f01d6d6220347d.pdf"
EPD = ROOT / "fixtures/synthetic/epd_en_defects.md"
CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
needs_chromium = pytest.mark.skipif(CHROMIUM is None, reason="chromium is not installed")


def parse(html: str) -> lxml.html.HtmlElement:
    return lxml.html.document_fromstring(html)


def test_headline_reported_and_recomputed_totals() -> None:
    doc = parse(render_html(realistic_result(), "en", audit_date="2026-12-02"))
    value = {v.get("data-value"): v.text_content().split()[0] for v in doc.xpath("//*[@data-value]")}
    assert value["reported-total"] == "1686.915"
    # The fixture's lines as printed; corrected: the HFC rows' expected 3.5 instead of 0.001.
    printed = value["lines-printed"]
    fixed = value["lines-recomputed"]
    assert printed != fixed and float(fixed) > float(printed)
    record = dict(zip(doc.xpath("//dl[@id='record']/dt/text()"), doc.xpath("//dl[@id='record']/dd/text()"), strict=True))
    assert record["Audit date"] == "2026-12-02" and record["Tool"] == "pcfaudit 0.1.0"


def test_checklist_says_what_passed_failed_and_could_not_be_evaluated() -> None:
    result = realistic_result()
    result.coverage.rules = [
        RuleChecks("GW001", passed=2),
        RuleChecks("FU001", cannot_tell=1, why_not="no functional unit stated"),
        RuleChecks("TM001"),
        RuleChecks("GWP001"),  # not in the catalog, but it fired
    ]
    doc = parse(render_html(result, "zh"))
    rows = {r.get("data-rule"): r for r in doc.xpath("//table[@id='checklist']/tbody/tr")}
    status = {code: r.get("data-status") for code, r in rows.items()}
    assert status == {"GW001": "passed", "FU001": "cannot_tell", "TM001": "not_applicable", "GWP001": "failed"}
    assert "no functional unit stated" in rows["FU001"].text_content()
    assert "无法评估" in rows["FU001"].text_content()  # in the reader's language


def test_epd_matrix_marks_the_cells_findings_concern() -> None:
    result = audit(EPD)
    doc = parse(render_html(result, "en"))
    marked = doc.xpath("//table[@class='matrix']//td[contains(@class,'marked')]")
    assert marked
    rules = {f.rule for f in result.findings}
    for cell in marked:
        assert set(cell.xpath("span[@class='rules']/text()")[0].split()) <= rules
    # a clean cell stays plain
    assert doc.xpath("//table[@class='matrix']//td[@class='num']")


def _chromium(*args: str) -> subprocess.CompletedProcess[str]:
    assert CHROMIUM
    return subprocess.run(
        [CHROMIUM, "--headless", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
         "--disable-background-networking", "--hide-scrollbars", *args],
        capture_output=True, text=True, timeout=180, check=True,
    )  # fmt: skip


@pytest.fixture(scope="module")
def seed_pages(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, dict, dict]:
    result = audit(SEED_PDF)
    out = tmp_path_factory.mktemp("html")
    pages = {}
    for lang in ("zh", "en"):
        page = out / f"seed000.{lang}.html"
        page.write_text(render_html(result, lang), encoding="utf-8")
        pages[lang] = page
    data = json.loads(render_json(result, "zh"))
    return out, pages, data


@needs_chromium
@pytest.mark.parametrize("lang", ["zh", "en"])
def test_fits_1280_px_and_prints_in_a_few_pages(seed_pages, lang: str) -> None:
    _, pages, _ = seed_pages
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    page = pages[lang]
    dom = parse(_chromium("--window-size=1280,900", "--dump-dom", page.as_uri()).stdout)
    body = dom.xpath("//body")[0]
    assert body.get("data-ready") == "1"
    assert int(body.get("data-scroll-width")) <= int(body.get("data-view-width")) <= 1280
    shot = ARTIFACTS / f"seed000.{lang}.1280.png"
    _chromium("--window-size=1280,2000", f"--screenshot={shot}", page.as_uri())
    assert shot.stat().st_size > 10_000
    printed = ARTIFACTS / f"seed000.{lang}.print.pdf"
    _chromium("--no-pdf-header-footer", f"--print-to-pdf={printed}", page.as_uri())
    import pypdfium2

    with pypdfium2.PdfDocument(printed) as pdf:
        assert 1 <= len(pdf) <= 10


@needs_chromium
def test_numbers_in_the_page_equal_the_json(seed_pages) -> None:
    _, pages, data = seed_pages
    dom = parse(_chromium("--window-size=1280,900", "--dump-dom", pages["zh"].as_uri()).stdout)
    by_fingerprint = {f["fingerprint"]: f for f in data["findings"]}
    rows = dom.xpath("//table[@id='findings']//tr[contains(@class,'finding')]")
    assert len(rows) == len(data["findings"])
    for row in rows:
        finding = by_fingerprint[row.get("data-fingerprint")]
        reported = row.xpath(".//span[contains(@class,'val reported')]/text()")
        expected = row.xpath(".//span[contains(@class,'val expected')]/text()")
        assert reported == ([finding["reported"]] if finding["reported"] is not None else [])
        assert expected == ([finding["expected"]] if finding["expected"] is not None else [])
    total = dom.xpath("//*[@data-value='reported-total']")[0].text_content().split()[0]
    assert total in {t["quantity"]["value"] for t in data["report"]["totals"]}
    per_unit = dom.xpath("//*[@data-value='per-unit-reported']")[0].text_content().split()[0]
    assert per_unit == data["report"]["per_unit"][0]["quantity"]["value"]
    status = {r.get("data-rule"): r.get("data-status") for r in dom.xpath("//table[@id='checklist']/tbody/tr")}
    fired = {f["rule"] for f in data["findings"] if not f["waived"]}
    for rule in data["coverage"]["rules"]:
        failed = rule["failed"] > 0 or rule["rule"] in fired
        assert (status[rule["rule"]] == "failed") == failed, rule
