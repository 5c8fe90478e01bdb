"""Places as the report names them: its own table captions ("表 4.1", "Table 3-2") and its
own section numbers, with pcfaudit's ordinal ("table 4") only as a fallback.

Rules write a location into a message with :meth:`Location.describe` ("p. 9, §6.1, table 4
row 2"), in English, without the captions. :func:`localise_places` finds those locators in
a message and writes them again through :func:`describe`, in the reader's language and
with the report's names, so a message says the same place the location fields do.

A section number is shown only when the report's own headings (outside the table of
contents) bear it out: one heading whose number breaks the chapter sequence (a table of
contents line read as a heading, "5 结论10" before "1 …") would otherwise label every
page up to the real chapter 1 as "§5".
"""

from __future__ import annotations

import itertools
import re
from dataclasses import dataclass, field
from typing import Any

from pcfaudit.i18n import label
from pcfaudit.model import AuditResult, Location

CAPTION_NUMBER = re.compile(
    r"^\s*(表|图|Table|Tab\.|TABLE)\s*([0-9]+(?:\s*[.\-–－]\s*[0-9]+)*|[A-Z][.\-]?[0-9]+)",
)
# A section is a number ("§3.6") or a title with spaces ("§Data quality"); a title is taken
# only up to the table, line or paragraph part that follows it, never into running text.
_SECTION = r"§(?:[^,，;；:：()（）\n]{1,80}?(?=, (?:table|line|paragraph) \d)|[^\s,，;；:：()（）]+)"
_PART = rf"(?:p\. \d+|{_SECTION}|table \d+(?: row \d+)?|line \d+|paragraph \d+)"
LOCATOR = re.compile(rf"{_PART}(?:, {_PART})*")


@dataclass
class Places:
    """What the report calls its tables and sections."""

    captions: dict[int, str] = field(default_factory=dict)  # table ordinal → "表 4.1"
    doubtful_sections: set[str] = field(default_factory=set)
    titles: dict[str, str] = field(default_factory=dict)  # section number → heading title


def caption_label(caption: str | None) -> str | None:
    """'表4.1 碳足迹计算表' → '表 4.1'; 'Table 3-2: Results' → 'Table 3-2'; else None."""
    if not caption:
        return None
    m = CAPTION_NUMBER.match(caption)
    if not m:
        return None
    number = re.sub(r"\s+", "", m.group(2))
    return f"{m.group(1)} {number}"


def _chapter(number: str) -> int | None:
    head = number.split(".")[0]
    return int(head) if head.isdigit() else None


def _doubtful(numbers: list[str]) -> set[str]:
    """Heading numbers whose chapter is higher than the next numbered heading's: out of
    sequence, so not a chapter the reader can find."""
    chapters = [_chapter(n) for n in numbers]
    numbered = [(n, c) for n, c in zip(numbers, chapters, strict=True) if c is not None]
    return {
        number
        for (number, chapter), (_, following) in itertools.pairwise(numbered)
        if chapter > following
    }


def places_of(result: AuditResult) -> Places:
    captions: dict[int, str] = {}
    for index, caption in enumerate(result.source.get("table_captions") or []):
        named = caption_label(caption)
        if named:
            captions[index] = named
    headings = [h for h in result.report.headings if not h.in_toc and h.number]
    numbers = [str(h.number) for h in headings]
    titles = {str(h.number): h.title for h in headings}
    return Places(captions, _doubtful(numbers), titles)


def section_shown(section: str | None, places: Places | None) -> str | None:
    if not section:
        return None
    if places is not None and section in places.doubtful_sections:
        return None
    return section


def parse_locator(text: str) -> Location:
    """The Location a :meth:`Location.describe` string was made from."""
    fields: dict[str, Any] = {}
    for part in text.split(", "):
        if part.startswith("p. "):
            fields["page"] = int(part[3:])
        elif part.startswith("§"):
            fields["section"] = part[1:]
        elif part.startswith("table "):
            numbers = [int(n) for n in re.findall(r"\d+", part)]
            fields["table"] = numbers[0] - 1
            if len(numbers) > 1:
                fields["row"] = numbers[1] - 1
        elif part.startswith("line "):
            fields["line"] = int(part[5:])
        elif part.startswith("paragraph "):
            fields["paragraph"] = int(part[10:]) - 1
    return Location(**fields)


def localise_places(text: str, lang: str, places: Places | None) -> str:
    """``text`` with every pcfaudit locator written again in ``lang`` with the report's
    own names (see the module docstring)."""

    def again(m: re.Match[str]) -> str:
        return describe_location(parse_locator(m.group(0)), lang, places)

    return LOCATOR.sub(again, text)


def describe_location(loc: Location, lang: str = "en", places: Places | None = None) -> str:
    """Location.describe() in the reader's language, with the report's own table caption
    numbers where ``places`` knows them: 'p. 3, §3.6, table 2 row 4', '第 3 页，§3.6，表 4.1
    第 4 行'."""
    parts: list[str] = []
    if loc.page is not None:
        parts.append(label(lang, "loc.page", n=loc.page))
    section = section_shown(loc.section, places)
    if section == "toc":
        parts.append(label(lang, "loc.toc"))
    elif section:
        parts.append(label(lang, "loc.section", s=section))
    if loc.table is not None:
        named = places.captions.get(loc.table) if places else None
        if named and loc.row is not None:
            parts.append(label(lang, "loc.named_row", name=named, r=loc.row + 1))
        elif named:
            parts.append(named)
        elif loc.row is not None:
            parts.append(label(lang, "loc.table_row", n=loc.table + 1, r=loc.row + 1))
        else:
            parts.append(label(lang, "loc.table", n=loc.table + 1))
    if loc.line is not None:
        parts.append(label(lang, "loc.line", n=loc.line))
    elif loc.paragraph is not None:
        parts.append(label(lang, "loc.paragraph", n=loc.paragraph + 1))
    return label(lang, "loc.sep").join(parts) or label(lang, "label.document")
