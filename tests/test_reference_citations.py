"""The reference pack's citations: each value names the document it comes from as a reader
cites it, apart from the maintainers' notes on where it was read (issue 20)."""

from __future__ import annotations

import json
from decimal import Decimal as D
from pathlib import Path

import pytest
from typer.testing import CliRunner

from pcfaudit.cli import app
from pcfaudit.reference import load_pack
from pcfaudit.reference.loading import base_dir, parse_csv

# Words of a maintainer's note, never of a bibliographic reference.
NOTE_WORDS = ("UNVERIFIED", "ESTIMATE", "reference-data.md", "seen in", "commonly attributed",
              "per a code citation", "secondary", "not read", "general knowledge", "climatiq",
              "globalwarmingpotentials", "#")  # fmt: skip
SOURCED = ("gwp.csv", "blends.csv", "fuels.csv", "fuel_windows.csv", "ranges.csv",
           "standards.csv", "grid.csv")  # fmt: skip


def _rows(name: str) -> list[dict[str, str]]:
    return parse_csv((base_dir() / name).read_text(encoding="utf-8"))


@pytest.mark.parametrize("name", SOURCED)
def test_every_row_has_a_citation_column_free_of_notes(name: str) -> None:
    rows = _rows(name)
    assert rows and all("citation" in row for row in rows)
    for row in rows:
        assert not any(word in row["citation"] for word in NOTE_WORDS), row["citation"]


def test_a_source_that_names_no_document_has_no_citation() -> None:
    ranges = {row["key"]: row for row in _rows("ranges.csv")}
    assert ranges["stainless steel"]["source"] == "ESTIMATE"
    assert ranges["stainless steel"]["citation"] == ""
    assert ranges["paint"]["citation"] == ""  # "(coatings blog) + ESTIMATE"
    gwp = [r for r in _rows("gwp.csv") if r["gas"] == "CO2"]
    assert gwp and all(r["citation"] == "" for r in gwp)  # a definition, not a document
    pure = [r for r in _rows("blends.csv") if r["source"].startswith("pure ")]
    assert pure and all(r["citation"] == "" for r in pure)


def test_citations_name_the_documents_the_notes_name() -> None:
    pack = load_pack()
    ar4 = pack.gwp_value("AR4", "CH4")
    assert ar4 is not None and "Table 2.14" in ar4.source
    assert ar4.citation.startswith("IPCC, Climate Change 2007: The Physical Science Basis")
    assert "Table 2.14, 2007" in ar4.citation
    fossil = pack.gwp_value("AR6", "CH4-fossil")
    assert fossil is not None and "Table 7.15, 2021" in fossil.citation
    grid = pack.grid_factors_matching(D("0.5366"))
    assert grid and grid[0].citation == (
        "生态环境部、国家统计局《关于发布2022年电力二氧化碳排放因子的公告》，2024-12-20"
    )
    assert "UNVERIFIED" in grid[0].document  # the note stays where it was
    pas = pack.standard("PAS 2050")
    assert pas is not None and pas.citation.endswith("BSI, 2011-09, ISBN 978 0 580 71382 8")
    r404a = pack.blend("R-404A")
    assert r404a is not None and r404a.citation.startswith("ANSI/ASHRAE Standard 34-2019")
    blend_gwp = pack.blend_gwp_value("R-404A", "AR4")
    assert blend_gwp is not None and "Table 2.14" in blend_gwp.citation
    diesel = pack.fuel("diesel")
    assert diesel is not None
    ipcc = diesel.default("IPCC2006")
    assert ipcc is not None and ipcc.citation.startswith(
        "IPCC, 2006 IPCC Guidelines for National Greenhouse Gas Inventories, Vol. 2 Energy"
    )
    window = diesel.window_for("kgCO2/kg")  # converted from tCO2/t: keeps its citation
    assert window is not None and "IPCC" in window.citation


def test_reference_show_prints_citations_and_notes_only_when_asked() -> None:
    runner = CliRunner(env={"COLUMNS": "400"})
    plain = runner.invoke(app, ["reference", "--show", "grid"])
    assert plain.exit_code == 0
    assert "《关于发布2022年电力二氧化碳排放因子的公告》，2024-12-20" in plain.output
    assert "UNVERIFIED" not in plain.output and "daydaynews" not in plain.output
    noted = runner.invoke(app, ["reference", "--show", "grid", "--notes"])
    assert noted.exit_code == 0 and "UNVERIFIED" in noted.output
    gwp = runner.invoke(app, ["reference", "--show", "gwp"])
    assert "AR4 (HFO-1234yf, HFO-1234ze(E)): Regulation (EU) No 517/2014" in gwp.output
    assert "globalwarmingpotentials" not in gwp.output


def test_reference_json_keeps_citation_and_notes() -> None:
    done = CliRunner().invoke(app, ["reference", "--show", "ranges", "-f", "json"])
    rows = json.loads(done.output)["tables"]["ranges"]
    pe = next(r for r in rows if r["item"] == "PE")
    assert pe["citation"].startswith("PlasticsEurope Eco-profiles, as tabulated in Hopewell J.")
    assert pe["source"] == "PlasticsEurope eco-profiles in Hopewell et al. 2009 Table 3"
    assert pe["how"]


def test_an_overlay_without_citations_still_loads(tmp_path: Path) -> None:
    (tmp_path / "ranges.csv").write_text(
        "key,aliases,unit,low,high,typical,covers,density_kg_per_m3,source,verified,how\n"
        "bamboo,竹|bamboo,kgCO2e/kg,0.1,2,0.5,culms,,our survey,no,\n",
        encoding="utf-8",
    )
    bamboo = next(r for r in load_pack(tmp_path).ranges() if r.key == "bamboo")
    assert bamboo.source == "our survey" and bamboo.citation == ""
