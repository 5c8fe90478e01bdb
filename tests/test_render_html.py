"""HTML report: self-contained, escaped, filterable; optionally checked in real Chromium."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import lxml.html
import pytest

from pcfaudit.model import Location
from pcfaudit.render import render, render_html
from test_render_fixtures import realistic_result, unreadable_result

CHROMIUM = shutil.which("chromium") or (
    "/usr/bin/chromium" if Path("/usr/bin/chromium").exists() else None
)


def parse(html: str) -> lxml.html.HtmlElement:
    return lxml.html.document_fromstring(html)


def test_contains_every_finding_with_filter_attributes() -> None:
    doc = parse(render_html(realistic_result()))
    rows = doc.xpath("//table[@id='findings']//tr[contains(@class,'finding')]")
    assert len(rows) == 9
    assert [r.get("data-severity") for r in rows[:5]] == ["error"] * 5
    assert rows[-1].get("data-waived") == "1"
    gwp = next(r for r in rows if "GWP001" in r.text_content())
    assert gwp.get("data-category") == "gwp"
    assert "甲烷的特征化因子就是 21" in gwp.text_content()
    assert doc.xpath("//select[@name='category']/option/@value") == [
        "", "arithmetic", "emission-factor", "gwp", "narrative", "omission", "standard", "units",
    ]  # fmt: skip
    assert doc.xpath("//input[@name='severity']/@value") == ["error", "warning", "info"]


def test_self_contained_no_external_urls() -> None:
    html = render_html(realistic_result(), "zh")
    doc = parse(html)
    for attr in ("src", "href", "action", "data"):
        for value in doc.xpath(f"//@{attr}"):
            assert not value.lower().startswith(("http:", "https:", "//")), (attr, value)
    assert not doc.xpath("//link | //script[@src] | //img | //iframe")
    assert "@import" not in html and "url(" not in html
    assert doc.xpath("//style") and doc.xpath("//script")
    assert doc.get("lang") == "zh-CN"


def test_inventory_shows_reported_and_expected_side_by_side() -> None:
    doc = parse(render_html(realistic_result()))
    rows = doc.xpath("//table[@id='inventory']/tbody/tr")
    assert len(rows) == 7
    # Row 4 (HFC-125): result 0.001 as reported, 3.5 as expected (ARI001), highlighted.
    hfc125 = rows[3]
    expected = hfc125.xpath("td[@data-field='result-expected']")[0]
    assert expected.text_content().strip() == "3.5"
    assert "differs" in expected.get("class")
    # Row 7 (CO2 extinguisher): the quantity cell differs (units finding), not the result.
    ext = rows[6]
    qty = ext.xpath("td[@data-field='quantity']")[0]
    assert "differs" in qty.get("class") and "0.001" in qty.text_content()
    assert "differs" not in ext.xpath("td[@data-field='result']")[0].get("class")
    # Electricity factor 0.5942 vs 0.5703 (EF001); a clean row stays plain.
    assert "0.5703" in rows[0].xpath("td[@data-field='factor']")[0].text_content()
    assert not rows[1].xpath(".//td[contains(@class,'differs')]")


def test_chart_has_bars_for_reported_and_expected() -> None:
    doc = parse(render_html(realistic_result()))
    rects = doc.xpath("//*[local-name()='svg'][@id='chart']//*[local-name()='rect']")
    assert len(rects) == 7 + 2  # one per line, plus the two lines whose result differs
    labels = [t.text for t in doc.xpath("//*[local-name()='svg']//*[local-name()='text']")]
    assert "制冷剂 R404A HFC-125" in labels


def test_report_text_is_escaped() -> None:
    r = realistic_result()
    r.findings[0].locations = [Location(line=1, quote='<script>alert("x")</script><img src=x>')]
    html = render_html(r)
    doc = parse(html)
    assert len(doc.xpath("//script")) == 1
    assert not doc.xpath("//img")
    assert "&lt;script&gt;alert(" in html


def test_unreadable_and_dispatch() -> None:
    html = render(unreadable_result(), "html", "en")
    doc = parse(html)
    assert "Could not audit" in doc.xpath("//h1")[0].text_content()
    assert "unreadable" in doc.xpath("//section[@id='verdict']/@class")[0]
    assert "No inventory lines were recognised." in html
    with pytest.raises(ValueError, match="unknown format"):
        render(unreadable_result(), "pdf")


def _dump_dom(path: Path, fragment: str = "") -> lxml.html.HtmlElement:
    assert CHROMIUM
    out = subprocess.run(
        [
            CHROMIUM,
            "--headless",
            "--no-sandbox",
            "--disable-gpu",
            "--disable-background-networking",
            "--disable-dev-shm-usage",
            "--dump-dom",
            path.as_uri() + fragment,
        ],
        capture_output=True,
        text=True,
        timeout=120,
        check=True,
    )
    return parse(out.stdout)


@pytest.mark.skipif(CHROMIUM is None, reason="chromium is not installed")
def test_chromium_runs_script_and_filters(tmp_path: Path) -> None:
    page = tmp_path / "report.html"
    page.write_text(render_html(realistic_result(), "zh"), encoding="utf-8")

    doc = _dump_dom(page)
    body = doc.xpath("//body")[0]
    assert body.get("data-ready") == "1"  # the script ran to its end without an error
    assert body.get("data-shown") == "9"
    assert not doc.xpath("//tr[contains(@class,'finding')][@hidden]")

    doc = _dump_dom(page, "#severity=error")
    rows = doc.xpath("//tr[contains(@class,'finding')]")
    visible = [r.get("data-severity") for r in rows if r.get("hidden") is None]
    assert visible == ["error"] * 5
    assert doc.xpath("//body")[0].get("data-shown") == "5"

    doc = _dump_dom(page, "#severity=error,warning,info&category=arithmetic&waived=0")
    visible_rules = [
        r.xpath("td[@class='rule']")[0].text.strip()
        for r in doc.xpath("//tr[contains(@class,'finding')]")
        if r.get("hidden") is None
    ]
    assert visible_rules == ["ARI001", "ARI001", "ARI002"]
