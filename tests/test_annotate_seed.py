"""Issue 7: the annotated copy of seed 000's PDF, read back with pdfplumber."""

from __future__ import annotations

import io
from pathlib import Path

import pdfplumber

from pcfaudit.pipeline import audit
from pcfaudit.render import annotate_pdf

SEED_PDF = Path(__file__).resolve().parents[1] / "fixtures/seeds/000_e5f01d6d6220347d.pdf"


def test_one_annotation_per_finding_location_on_its_page() -> None:
    result = audit(SEED_PDF)
    expected: dict[int, int] = {}
    for finding in result.findings:
        for loc in finding.locations:
            if loc.page is not None:
                expected[loc.page] = expected.get(loc.page, 0) + 1
    annotated = annotate_pdf(SEED_PDF.read_bytes(), result, "zh")
    with pdfplumber.open(io.BytesIO(annotated)) as pdf:
        found = {i + 1: len(page.annots) for i, page in enumerate(pdf.pages) if page.annots}
        contents = [a.get("contents") or "" for page in pdf.pages for a in page.annots]
    assert found == expected
    assert any("GWP" in c for c in contents) and any("0.5942" in c for c in contents)
