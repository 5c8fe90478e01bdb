"""EP011 and EP014-EP028 on small EPDs written for these tests (a carpet tile, a ceramic
tile, an asphalt mix): each rule fires on its defect with the numbers a verifier checks, and
stays silent on the same EPD without the defect although its trigger words are present.

Layouts differ from the seeds and the synthetic fixtures: modules as rows and indicators as
columns, decimal commas, indicators split over two tables (impacts, resources/waste)."""

from __future__ import annotations

from pathlib import Path

import pytest

import pcfaudit.pipeline as pipeline
from pcfaudit.model import Finding

HEAD = """# EPD — {product}

Declared unit: 1 m² of {product}. Date of issue: 2024-03-01. Valid until: 2029-02-28.
Product Category Rules (PCR):
PCR 2019:14 version {pcr_version}, {pcr_date}
In accordance with EN 15804:2012+A2:2019.

System boundary: {boundary}

| Module | A1 | A2 | A3 | A4 | A5 | B1 | B2 | B3 | B4 | B5 | B6 | B7 | C1 | C2 | C3 | C4 | D |
|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|
| Declared | X | X | X | MND | X | {b} | {b} | {b} | {b} | {b} | {b} | {b} | MND | MND | X | X | X |
"""

# Modules as rows, indicators as columns; decimal commas.
IMPACTS = """
Table 3. Environmental impacts per declared unit

| Module | GWP-fossil (kg CO2 eq.) | GWP-biogenic (kg CO2 eq.) | GWP-luluc (kg CO2 eq.) | GWP-total (kg CO2 eq.) | GWP-GHG (kg CO2 eq.) | ODP ({odp_unit}) | AP ({ap_unit}) | ADPF (MJ) |
|---|---|---|---|---|---|---|---|---|
| A1-A3 | 5,87E+00 | 5,91E-02 | 1,58E-02 | {gwp_a13} | {ghg_a13} | {odp} | {ap} | {adpf} |
| A5 | 3,42E-01 | 1,16E-01 | 4,83E-04 | 4,59E-01 | 3,43E-01 | 1,10E-08 | 2,10E-03 | 4,56E+00 |
| C3 | {c3} | 0,00E+00 | 0,00E+00 | {c3} | {c3} | 0,00E+00 | 0,00E+00 | 0,00E+00 |
| C4 | 2,10E-01 | 1,00E-02 | 1,00E-04 | 2,20E-01 | 2,10E-01 | 2,00E-09 | 1,00E-04 | 1,20E+00 |
"""

RESOURCES = """
Table 4. Resource use and waste per declared unit

| Indicator | Unit | A1-A3 | A5 | C3 | C4 | D |
|---|---|---|---|---|---|---|
| PERE | MJ | 8,85E+01 | 1,86E+00 | 0,00E+00 | 2,86E-01 | -1,20E+00 |
| PERM | MJ | 4,50E+00 | -4,00E-01 | 0,00E+00 | 0,00E+00 | 0,00E+00 |
| PERT | MJ | {pert} | 1,46E+00 | 0,00E+00 | 2,86E-01 | -1,20E+00 |
| PENRE | MJ | 1,40E+02 | 3,10E+00 | 0,00E+00 | 1,50E+00 | -5,00E+00 |
| PENRM | MJ | 6,00E+01 | 0,00E+00 | 0,00E+00 | 0,00E+00 | 0,00E+00 |
| PENRT | MJ | {penrt} | 3,10E+00 | 0,00E+00 | 1,50E+00 | -5,00E+00 |
| WDP | m³ | {wdp} | 2,00E-02 | 0,00E+00 | 3,00E-03 | -1,00E-02 |
| SM | kg | {sm} | 0,00E+00 | 0,00E+00 | 0,00E+00 | 0,00E+00 |
| NHWD | kg | 1,20E+00 | 5,00E-02 | 0,00E+00 | {nhwd_c4} | 0,00E+00 |
| HWD | kg | 1,00E-03 | 0,00E+00 | 0,00E+00 | 0,00E+00 | 0,00E+00 |
| RWD | kg | 2,00E-04 | 0,00E+00 | 0,00E+00 | 0,00E+00 | 0,00E+00 |
| MFR | kg | 0,00E+00 | 1,00E-01 | {mfr_c3} | 0,00E+00 | 0,00E+00 |
"""

TEXT = """
## Scenarios

C3: {c3_text}

C4: The tiles end up in a construction and demolition waste landfill.

D: Credits for recycling of the crushed material as aggregate.

Functional unit: 1 m² of floor covering with a reference service life (RSL) of {rsl} year.
The service life recommended by the manufacturer is {life} years.

Products are classified according to {classification}.

{recycled}

| Packaging materials | Weight, kg |
|---|---|
| Cardboard box | 1,09E-01 |
| Wooden pallet | 1,00E-01 |
| PE film | 2,00E-02 |

| Biogenic carbon content | Unit | A1-A3 |
|---|---|---|
| Biogenic carbon content in packaging | kg C | {bio_pack} |

References: /PCR 2019:14 Construction products (1.3.4), date 2023-12-08.
The GWP-GHG indicator is equal to the GWP indicator originally defined in EN 15804:2012+A1:2013.
"""

CLEAN = {
    "product": "carpet tile", "pcr_version": "1.3.4", "pcr_date": "2023-12-08",
    "boundary": "cradle to gate with options, modules C1-C4 and module D (A1-A3 + A4 + A5 + B2 + C + D)",
    "b": "ND", "gwp_a13": "5,95E+00", "ghg_a13": "5,89E+00", "odp": "1,25E-06",
    "odp_unit": "kg CFC11 eq", "ap": "2,08E-02", "ap_unit": "mol H+ eq", "adpf": "1,45E+02",
    "c3": "3,00E-02", "pert": "9,30E+01", "penrt": "2,00E+02", "wdp": "1,10E+00",
    "sm": "2,07E+00", "nhwd_c4": "3,90E+00", "mfr_c3": "3,80E+00",
    "c3_text": "crushing of the discarded tiles before recycling.", "rsl": "10", "life": "10",
    "classification": "EN 14041 and EN ISO 10874",
    "recycled": "The backing contains 20 % recycled material.", "bio_pack": "9,10E-02",
}  # fmt: skip


def write(tmp_path: Path, **changes: str) -> Path:
    values = {**CLEAN, **changes}
    text = (HEAD + IMPACTS + RESOURCES + TEXT).format(**values)
    path = tmp_path / "epd.md"
    path.write_text(text, encoding="utf-8")
    return path


def ep(path: Path, code: str) -> list[Finding]:
    return [f for f in pipeline.audit(path).findings if f.rule == code]


def test_clean_epd_draws_no_ep_finding(tmp_path: Path) -> None:
    found = [f for f in pipeline.audit(write(tmp_path)).findings if f.rule.startswith("EP")]
    assert found == []


# --------------------------------------------------------------------------- sums


def test_ep001_gwp_total_with_the_numbers(tmp_path: Path) -> None:
    (f,) = ep(write(tmp_path, gwp_a13="5,28E+00"), "EP001")
    assert f.reported == "5.28E+00" and f.expected == "5.945"
    assert "A1-A3" in f.message and "5.87E+00 + 5.91E-02 + 1.58E-02" in f.message


def test_ep002_ghg_below_fossil(tmp_path: Path) -> None:
    (f,) = ep(write(tmp_path, ghg_a13="5,22E+00"), "EP002")
    assert (f.reported, f.expected) == ("5.22E+00", "5.886")
    assert "below GWP-fossil alone" in f.message


def test_ep023_pert_not_sum(tmp_path: Path) -> None:
    (f,) = ep(write(tmp_path, pert="8,85E+01"), "EP023")
    assert (f.reported, f.expected, f.severity) == ("8.85E+01", "93", "error")
    assert "PERE + PERM" in f.message and "A1-A3" in f.message


def test_ep024_zero_total_over_parts(tmp_path: Path) -> None:
    path = write(tmp_path, penrt="0,00E+00")
    (f,) = ep(path, "EP024")
    assert f.reported == "0.00E+00" and "A1-A3: 0 vs 200" in f.message
    assert ep(path, "EP023") == []  # the zero row is said once, by EP024


# --------------------------------------------------------------------------- rows


def test_ep025_row_shift_across_tables(tmp_path: Path) -> None:
    # WDP prints PENRE's values in every module (a block of rows shifted by one).
    text = write(tmp_path).read_text(encoding="utf-8")
    text = text.replace(
        "| WDP | m³ | 1,10E+00 | 2,00E-02 | 0,00E+00 | 3,00E-03 | -1,00E-02 |",
        "| WDP | m³ | 1,40E+02 | 3,10E+00 | 0,00E+00 | 1,50E+00 | -5,00E+00 |",
    )
    path = tmp_path / "shift.md"
    path.write_text(text, encoding="utf-8")
    (f,) = ep(path, "EP025")
    assert {"WDP", "PENRE"} <= set(f.message.replace("(", " ").split())
    assert "1.40E+02" in f.message and f.severity == "error"
    # One corrected cell (C3) still shows the copied block: four other values coincide.
    path.write_text(
        text.replace(
            "| 0,00E+00 | 1,50E+00 | -5,00E+00 |\n| SM", "| 1,00E-01 | 1,50E+00 | -5,00E+00 |\n| SM"
        )
    )
    (f,) = ep(path, "EP025")
    assert "only C3 differs" in f.message
    # Two differing modules: no longer a copied row.
    path.write_text(
        text.replace(
            "| 0,00E+00 | 1,50E+00 | -5,00E+00 |\n| SM", "| 0,00E+00 | 1,60E+00 | -4,90E+00 |\n| SM"
        )
    )
    assert ep(path, "EP025") == []


def test_ep026_magnitude_and_ep027_swapped_units(tmp_path: Path) -> None:
    path = write(tmp_path, odp="2,08E-02", odp_unit="mol H+ eq", ap="1,25E-06",
                 ap_unit="kg CFC11 eq", adpf="1,78E-04")  # fmt: skip
    swapped = ep(path, "EP027")
    assert {f.reported for f in swapped} == {"ODP in molH+e", "AP in kgCFC11e"}
    assert all("swapped" in f.message for f in swapped)
    (adpf,) = [f for f in ep(path, "EP026") if "ADPF A1-A3" in f.message]
    assert adpf.reported == "1.78E-04"
    assert adpf.expected == "about 47"  # 8.0 MJ per kg CO2 eq. x GWP-fossil 5.87


# --------------------------------------------------------------------------- boundary and modules


def test_ep026_wood_product_with_small_gwp_total(tmp_path: Path) -> None:
    # Biogenic uptake brings GWP-total near zero; GWP-fossil is the reference, so a
    # normal ADPF (145 MJ for 5.87 kg CO2 eq. fossil) is not implausible.
    path = write(tmp_path, gwp_a13="1,20E-02")
    assert ep(path, "EP026") == []


def test_ep014_cradle_to_grave_with_use_modules_not_declared(tmp_path: Path) -> None:
    (f,) = ep(write(tmp_path, boundary="Cradle to grave and module D (A + B + C + D)"), "EP014")
    assert "B1, B2, B3, B4, B5, B6, B7" in f.message and "cradle to grave" in f.message


def test_ep014_cradle_to_cradle_certificate_is_no_boundary(tmp_path: Path) -> None:
    path = write(
        tmp_path, boundary="Cradle to Cradle® certified; cradle to grave principles apply."
    )
    assert ep(path, "EP014") == []


def test_ep015_rsl_one_year_vs_ten(tmp_path: Path) -> None:
    (f,) = ep(write(tmp_path, rsl="1"), "EP015")
    assert f.reported == "RSL 1 year" and f.expected == "10 years"
    # The lifetime of the plant's equipment is not the product's service life.
    path = write(tmp_path, recycled="The lifetime of the production line is 25 years.")
    assert ep(path, "EP015") == []


def test_ep016_c3_text_but_zero_results(tmp_path: Path) -> None:
    (f,) = ep(write(tmp_path, c3="0,00E+00", mfr_c3="0,00E+00"), "EP016")
    assert "crushing" in f.message and "C3 is zero" in f.message
    # Negative: the same crushing text with C3 results.
    assert ep(write(tmp_path), "EP016") == []


def test_ep016_recycling_credit_without_material_for_recycling(tmp_path: Path) -> None:
    text = write(tmp_path, mfr_c3="0,00E+00").read_text(encoding="utf-8")
    text = text.replace("| MFR | kg | 0,00E+00 | 1,00E-01 |", "| MFR | kg | 0,00E+00 | 0,00E+00 |")
    path = tmp_path / "mfr.md"
    path.write_text(text, encoding="utf-8")
    (f,) = ep(path, "EP016")
    assert "MFR" in f.message and "recycling" in f.message


def test_ep017_landfill_without_waste(tmp_path: Path) -> None:
    (f,) = ep(write(tmp_path, nhwd_c4="0,00E+00"), "EP017")
    assert f.reported == "NHWD C4 = 0.00E+00" and "landfill" in f.message


def test_ep018_waste_indicators_missing(tmp_path: Path) -> None:
    text = write(tmp_path).read_text(encoding="utf-8")
    lines = [ln for ln in text.splitlines() if not ln.startswith(("| NHWD", "| HWD", "| RWD"))]
    path = tmp_path / "nowaste.md"
    path.write_text(
        "\n".join(lines) + "\nAll waste equals zero because the database accounts for it.\n"
    )
    (f,) = ep(path, "EP018")
    assert "HWD, NHWD, RWD" in f.message and "All waste equals zero" in f.message
    assert ep(write(tmp_path), "EP018") == []  # the clean EPD prints all three
    # Rows present but 'ND' in every module, no justification: still not reported.
    nd = "| ND | ND | ND | ND | ND |"
    marked = [
        f"| {w} | kg {nd}" if ln.startswith(f"| {w} |") else ln
        for ln in text.splitlines()
        for w in [next((x for x in ("NHWD", "HWD", "RWD") if ln.startswith(f"| {x} |")), "")]
    ]
    path.write_text("\n".join(marked) + "\n")
    (f,) = ep(path, "EP018")
    assert "HWD, NHWD, RWD" in f.message
    # A result table with rows of ND marks is not a module declaration table.
    assert ep(path, "EP007") == []


def test_ep018_silent_when_a_table_is_an_unread_picture(tmp_path: Path) -> None:
    from pcfaudit.config import Config
    from pcfaudit.extract.detect import extract
    from pcfaudit.model import UnreadRegion

    text = write(tmp_path).read_text(encoding="utf-8")
    lines = [ln for ln in text.splitlines() if not ln.startswith(("| NHWD", "| HWD", "| RWD"))]
    path = tmp_path / "nowaste.md"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    assert len(ep(path, "EP018")) == 1  # no waste rows, nothing unread: reported
    document = extract(path.read_bytes(), str(path))
    document.stats.unread.append(UnreadRegion(page=12, kind="image", context="Waste"))
    findings = pipeline.audit_document(document, Config()).findings
    assert [f for f in findings if f.rule == "EP018"] == []  # unread is not missing
    # The same picture read by OCR is read: the missing rows are reported again.
    document.stats.unread[0] = UnreadRegion(page=12, kind="image", context="Waste", ocr=True)
    findings = pipeline.audit_document(document, Config()).findings
    assert [f.rule for f in findings if f.rule == "EP018"] == ["EP018"]


def test_ep026_defers_to_ep027_when_the_unit_names_the_swap(tmp_path: Path) -> None:
    path = write(tmp_path, odp="2,08E-02", odp_unit="mol H+ eq", ap="1,25E-06",
                 ap_unit="kg CFC11 eq")  # fmt: skip
    assert {f.reported for f in ep(path, "EP027")} == {"ODP in molH+e", "AP in kgCFC11e"}
    assert [f for f in ep(path, "EP026") if "AP A1-A3" in f.message] == []
    # Without the telling unit the size alone speaks for the AP row.
    path = write(tmp_path, ap="1,25E-06")
    assert [f.reported for f in ep(path, "EP026") if "AP A1-A3" in f.message] == ["1.25E-06"]


def test_ep019_recycled_claim_with_no_secondary_material(tmp_path: Path) -> None:
    (f,) = ep(write(tmp_path, sm="0,00E+00"), "EP019")
    assert "SM (use of secondary material) A1-A3 = 0.00E+00" in f.message
    # The same claim with 'not included' is not a claim of use.
    path = write(tmp_path, sm="0,00E+00",
                 recycled="Recycled content is minimal and not included in the calculations.")  # fmt: skip
    assert ep(path, "EP019") == []
    # Secondary data and recycled water are not secondary material.
    for sentence in ("Secondary data are used for the background processes.",
                     "Recycled water is used for cleaning the moulds."):  # fmt: skip
        assert ep(write(tmp_path, sm="0,00E+00", recycled=sentence), "EP019") == [], sentence


def test_ep028_packaging_biogenic_carbon(tmp_path: Path) -> None:
    (f,) = ep(write(tmp_path, bio_pack="1,09E-03"), "EP028")
    assert f.reported == "1.09E-03 kg C" and f.expected == "0.0627-0.115 kg C"
    assert "Cardboard box 1.09E-01 kg + Wooden pallet 1.00E-01 kg" in f.message


# --------------------------------------------------------------------------- citations and dates


def test_ep011_pcr_versions_and_dates(tmp_path: Path) -> None:
    found = ep(write(tmp_path, pcr_version="1.3.3", pcr_date="2024-12-20"), "EP011")
    got = {f.reported for f in found}
    assert "1.3.3 vs 1.3.4" in got and "2024-12-20" in got  # the second: dated after 2024-03-01
    # The A1 footnote ('originally defined in EN 15804+A1') is not a second edition.
    assert not any("EN 15804+A1" in f.message for f in found)


def test_ep020_withdrawn_standard(tmp_path: Path) -> None:
    (f,) = ep(write(tmp_path, classification="ISO 14041 and ISO 10874"), "EP020")
    assert f.reported == "ISO 14041" and "EN 14041" in f.message
    text = "ISO 14041 was replaced by ISO 14044 in 2006."
    assert ep(write(tmp_path, classification=text), "EP020") == []


@pytest.mark.parametrize("placeholder", ["XX/XX/XXXX", "DD.MM.YYYY"])
def test_ep021_placeholder_date(tmp_path: Path, placeholder: str) -> None:
    path = write(tmp_path)
    path.write_text(path.read_text(encoding="utf-8").replace("2029-02-28", placeholder))
    (f,) = ep(path, "EP021")
    assert f.reported == placeholder and f.severity == "error"


def test_ep022_production_volume_zero(tmp_path: Path) -> None:
    path = write(tmp_path)
    base = path.read_text(encoding="utf-8")
    path.write_text(base + "\nAnnual production in the reference year 2022: 0 t\n")
    (f,) = ep(path, "EP022")
    assert f.reported == "0 t"
    path.write_text(base + "\nAnnual production in the reference year 2022: 125000 t\n")
    assert ep(path, "EP022") == []


def test_ep009_packaging_table_is_not_content(tmp_path: Path) -> None:
    path = write(tmp_path)
    path.write_text(path.read_text(encoding="utf-8") + "\nMass per declared unit: 4.10 kg\n")
    assert ep(path, "EP009") == []


# --------------------------------------------------------------------------- DOCX and PDF


def _blocks(markdown: str) -> list[tuple[str, object]]:
    """('p', text) and ('t', rows) of the test EPD, for the DOCX and PDF writers."""
    out: list[tuple[str, object]] = []
    rows: list[list[str]] = []
    for line in markdown.splitlines():
        if line.startswith("|"):
            cells = [c.strip() for c in line.strip().strip("|").split("|")]
            if not all(set(c) <= {"-"} for c in cells):
                rows.append(cells)
            continue
        if rows:
            out.append(("t", rows))
            rows = []
        if line.strip():
            out.append(("p", line.lstrip("# ").strip()))
    if rows:
        out.append(("t", rows))
    return out


def _docx(path: Path, markdown: str) -> None:
    import docx

    document = docx.Document()
    for kind, content in _blocks(markdown):
        if kind == "p":
            document.add_paragraph(str(content))
            continue
        rows = content if isinstance(content, list) else []
        table = document.add_table(rows=len(rows), cols=len(rows[0]))
        for r, row in enumerate(rows):
            for c, text in enumerate(row):
                table.cell(r, c).text = text
    document.save(str(path))


def _borderless_pdf(path: Path, markdown: str) -> None:
    """Tables without any ruling: columns only from the words' positions."""
    from reportlab import rl_config
    from reportlab.lib.pagesizes import A4, landscape
    from reportlab.lib.styles import getSampleStyleSheet
    from reportlab.platypus import Paragraph, SimpleDocTemplate, Spacer, Table, TableStyle

    rl_config.invariant = 1
    ss = getSampleStyleSheet()
    flow: list[object] = []
    for kind, content in _blocks(markdown):
        if kind == "p":
            flow.append(Paragraph(str(content).replace("&", "&amp;"), ss["Normal"]))
            continue
        rows = content if isinstance(content, list) else []
        if any("(" in c for c in rows[0]):  # units on a row of their own under the names
            names = [c.split(" (")[0] for c in rows[0]]
            units = [c.split(" (")[1].rstrip(")") if " (" in c else "" for c in rows[0]]
            rows = [names, units, *rows[1:]]
        width = 760 / len(rows[0])
        table = Table(rows, colWidths=[max(width, 40)] * len(rows[0]))
        # Rows set tight (as EPD tools print them): no rules, only the words' positions.
        table.setStyle(
            TableStyle(
                [
                    ("FONTSIZE", (0, 0), (-1, -1), 7),
                    ("TOPPADDING", (0, 0), (-1, -1), 1),
                    ("BOTTOMPADDING", (0, 0), (-1, -1), 1),
                ]
            )
        )
        flow += [table, Spacer(1, 6)]
    SimpleDocTemplate(str(path), pagesize=landscape(A4)).build(flow)


@pytest.mark.parametrize("fmt", ["docx", "pdf"])
def test_same_findings_in_docx_and_borderless_pdf(tmp_path: Path, fmt: str) -> None:
    md = write(tmp_path, gwp_a13="5,28E+00", pert="8,85E+01", rsl="1").read_text(encoding="utf-8")
    path = tmp_path / f"epd.{fmt}"
    (_docx if fmt == "docx" else _borderless_pdf)(path, md)
    found = {(f.rule, f.reported) for f in pipeline.audit(path).findings if f.rule.startswith("EP")}
    assert ("EP001", "5.28E+00") in found
    assert ("EP023", "8.85E+01") in found
    assert ("EP015", "RSL 1 year") in found
    clean = tmp_path / f"clean.{fmt}"
    (_docx if fmt == "docx" else _borderless_pdf)(
        clean, write(tmp_path).read_text(encoding="utf-8")
    )
    assert [f for f in pipeline.audit(clean).findings if f.rule.startswith("EP")] == []


def test_ep029_use_stage_without_service_life(tmp_path: Path) -> None:
    # A B2 column with results, a cleaning scenario, and no RSL or service life anywhere.
    text = write(tmp_path).read_text(encoding="utf-8")
    text = text.replace("| Module | A1 | A2 |", "| Module | A1 | A2 |", 1)
    text = text.replace("| A5 | 3,42E-01 |", "| B2 | 3,86E-01 | 4,50E-02 | 6,44E-01 | 1,08E+00 | 1,03E+00 "
                        "| 1,00E-09 | 1,00E-03 | 4,00E+00 |\n| A5 | 3,42E-01 |")  # fmt: skip
    text = text.replace(
        "| Declared | X | X | X | MND | X | ND | ND |",
        "| Declared | X | X | X | MND | X | ND | X |",
    )
    no_life = "\n".join(
        ln for ln in text.splitlines() if "service life" not in ln and "RSL" not in ln
    )
    path = tmp_path / "b2.md"
    path.write_text(no_life + "\nB2: 0.2 mL detergent and 0.1 L water to clean 1 m².\n")
    (f,) = ep(path, "EP029")
    assert "B2" in f.message and "0.2 mL detergent" in f.message and f.reported == "no RSL"
    # The same EPD with its RSL stated: silent.
    path.write_text(text + "\nB2: 0.2 mL detergent and 0.1 L water to clean 1 m².\n")
    assert ep(path, "EP029") == []
