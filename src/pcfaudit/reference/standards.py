"""Parse standard citations as reports print them: "ISO/TS 14067:2013", "ISO14067：2018",
"GB/T 24067-2024", "GB/T 32151.1-2015", "PAS 2050:2011", "ISO 14064-1:2006",
"EN 15804:2012+A2:2019", "ISO 14044:2006/Amd 1:2017"."""

from __future__ import annotations

import re
import unicodedata

_PREFIX = r"(?P<prefix>ISO/TS|ISO/TR|ISO|GB/T|GB|PAS|EN|BS EN|DB\d{2}/T|T/[A-Z]+)"
_NUMBER = r"(?P<number>\d{3,5}(?:\.\d{1,2})?(?:-\d{1,2}(?!\d))?)"
_YEAR = r"(?:\s*[:\-]\s*(?P<year>(?:19|20)\d{2}))?"
# EN 15804:2012+A2:2019 -> the amendment year is the edition year pcfaudit tracks
_AMEND = r"(?:\s*\+\s*A(?P<amend>\d)\s*[:\-]\s*(?P<amend_year>(?:19|20)\d{2}))?"
_CITATION = re.compile(_PREFIX + r"\s*" + _NUMBER + _YEAR + _AMEND, re.IGNORECASE)
_GHGP = re.compile(r"GHG\s*Protocol\s*Product(?:\s*(?:Life\s*Cycle)?\s*Standard)?", re.I)


def normalise_code(prefix: str, number: str) -> str:
    prefix = re.sub(r"\s+", " ", prefix.upper())
    return f"{prefix} {number}"


def parse_citation(text: str) -> tuple[str, int | None] | None:
    """``"ISO/TS 14067:2013"`` -> ``("ISO/TS 14067", 2013)``; ``"GB/T 24067"`` ->
    ``("GB/T 24067", None)``; None when no standard code is found.

    For GB-style codes a trailing ``-YYYY`` is the year; ``ISO 14064-1`` keeps ``-1`` as the
    part number because a part number has one or two digits, a year four."""
    cleaned = unicodedata.normalize("NFKC", text).replace("—", "-").replace("–", "-")
    if _GHGP.search(cleaned):
        year = re.search(r"(?:19|20)\d{2}", cleaned)
        return ("GHG Protocol Product Standard", int(year.group()) if year else None)
    match = _CITATION.search(cleaned)
    if match is None:
        return None
    code = normalise_code(match["prefix"], match["number"])
    year_text = match["amend_year"] or match["year"]
    return code, int(year_text) if year_text else None
