"""What extract produces: a Document of blocks (headings, paragraphs, tables), each with
the Location it came from."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Literal

# --------------------------------------------------------------------------- document


@dataclass(frozen=True)
class Location:
    """Where something sits in the source file.

    Text: ``line`` (1-based). PDF: ``page`` (1-based) and ``bbox`` (x0, top, x1, bottom in
    points). DOCX: ``paragraph`` index. Tables in any format: ``table`` (0-based index in
    the document), ``row`` and ``column`` (0-based). ``section`` is the number of the
    enclosing heading ("3.6", "第三章"), ``quote`` the evidence as printed.
    """

    line: int | None = None
    page: int | None = None
    bbox: tuple[float, float, float, float] | None = None
    paragraph: int | None = None
    table: int | None = None
    row: int | None = None
    column: int | None = None
    section: str | None = None
    quote: str | None = None

    def with_quote(self, quote: str) -> Location:
        # Field by field: dataclasses.replace inspects the fields on every call, and
        # evidence is quoted thousands of times per report.
        return Location(
            self.line, self.page, self.bbox, self.paragraph, self.table, self.row,
            self.column, self.section, quote,
        )  # fmt: skip

    def with_section(self, section: str | None) -> Location:
        return Location(
            self.line, self.page, self.bbox, self.paragraph, self.table, self.row,
            self.column, section, self.quote,
        )  # fmt: skip

    def describe(self) -> str:
        """A short human-readable place: 'p. 3, §3.6, table 2 row 4' or 'line 118'."""
        parts: list[str] = []
        if self.page is not None:
            parts.append(f"p. {self.page}")
        if self.section:
            parts.append(f"§{self.section}")
        if self.table is not None:
            cell = f"table {self.table + 1}"
            if self.row is not None:
                cell += f" row {self.row + 1}"
            parts.append(cell)
        if self.line is not None:
            parts.append(f"line {self.line}")
        elif self.paragraph is not None:
            parts.append(f"paragraph {self.paragraph + 1}")
        return ", ".join(parts) or "document"


@dataclass
class Cell:
    text: str
    location: Location
    colspan: int = 1
    rowspan: int = 1
    source: str = "text"  # "ocr": read from a page image by OCR, so less certain


@dataclass
class Table:
    """A table as a grid of cells: ``rows[r][c]``. Merged cells are repeated per grid slot
    only when the extractor knows their span; otherwise the row is as printed."""

    rows: list[list[Cell]]
    location: Location
    caption: str | None = None

    @property
    def n_rows(self) -> int:
        return len(self.rows)


BlockKind = Literal["heading", "paragraph", "table"]


@dataclass
class Block:
    kind: BlockKind
    text: str
    location: Location
    level: int | None = None  # heading depth, 1 = chapter
    number: str | None = None  # heading number as normalised ("3.6", "1", "三")
    table: Table | None = None


@dataclass
class SourceInfo:
    path: str
    sha256: str
    format: str  # "text", "markdown", "pdf", "docx"
    pages: int | None = None
    encoding: str | None = None
    size: int = 0


@dataclass
class UnreadRegion:
    """A part of the file whose content a reader sees but the text layer does not give
    (DESIGN.md, "Pages that are pictures"): ``image`` (a picture where a table or results
    are expected), ``scanned-page`` (a page that is one picture), ``hidden-text`` (text a
    reader cannot see: invisible or white on white, kept out of the audit). ``ocr``: the
    region was read by OCR and its words are in the document, marked ``source="ocr"``."""

    page: int
    kind: str
    bbox: tuple[float, float, float, float] | None = None
    context: str = ""  # the heading or caption naming it, or the hidden text itself
    ocr: bool = False
    # Why OCR, installed, left it unread ("budget", "turned", "no-words", "scanned-pages");
    # empty when OCR is not installed. Not part of the JSON contract.
    ocr_skipped: str = field(default="", metadata={"derived": True})

    def describe(self) -> str:
        what = {
            "image": "a table or results printed as an image",
            "scanned-page": "a scanned page (an image without text)",
            "hidden-text": "text a reader cannot see",
        }.get(self.kind, self.kind)
        named = f" under '{self.context[:60]}'" if self.context and self.kind == "image" else ""
        status = "read by OCR" if self.ocr else "not audited"
        return f"p. {self.page}: {what}{named} ({status})"


@dataclass
class ExtractionStats:
    characters: int = 0
    garbled_characters: int = 0  # (cid:NNN), U+FFFD, mojibake
    pages_without_text: int = 0
    unread: list[UnreadRegion] = field(default_factory=list)

    @property
    def garbled_ratio(self) -> float:
        return self.garbled_characters / self.characters if self.characters else 0.0


@dataclass
class Document:
    source: SourceInfo
    blocks: list[Block]
    stats: ExtractionStats = field(default_factory=ExtractionStats)

    @property
    def tables(self) -> list[Table]:
        return [b.table for b in self.blocks if b.table is not None]
