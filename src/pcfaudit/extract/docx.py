"""DOCX → Document: body paragraphs and tables in order, with paragraph / table / row /
column locations.

The body XML is walked directly (python-docx's ``Document.paragraphs`` and ``.tables``
lose the order between them and skip content controls, text boxes and nested tables).
python-docx parses with ``resolve_entities=False``, so entities are never expanded; on
top of that a part that declares a DOCTYPE is refused (Word never writes one) and the zip
directory is checked before anything is decompressed.
"""

from __future__ import annotations

import io
import re
import zipfile
import zlib
from collections.abc import Iterator
from typing import Any

import docx
from lxml import etree

from pcfaudit.extract.common import (
    TOC_TITLE_RE,
    ExtractionError,
    assign_sections,
    detect_heading,
    garbled_count,
    normalise_text,
    parse_toc_line,
    sha256_hex,
)
from pcfaudit.extract.docx_numbering import Numbering
from pcfaudit.limits import MAX_DOCX_PARTS, MAX_DOCX_UNCOMPRESSED
from pcfaudit.model import Block, Cell, Document, ExtractionStats, Location, Table

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
MC = "{http://schemas.openxmlformats.org/markup-compatibility/2006}"
_HEADING_STYLE_RE = re.compile(r"^(?:heading|标题)\s*(\d)$", re.I)
_TOC_STYLE_RE = re.compile(r"^(?:toc|目录)\s*(\d|heading|标题)?$", re.I)
# the paragraph right above a table names it: "表 3 …", "Table 3: …", "续表 2"
_CAPTION_RE = re.compile(
    r"^\s*(?:续?表|Table|TABLE|Tab\.)\s*(?:\d|[A-Z]\d|[一二三四五六七八九十]|[IVX]+\b)"
)
_SAFE_PARSER = etree.XMLParser(resolve_entities=False, no_network=True, huge_tree=False)
_SKIP = {f"{W}txbxContent", f"{MC}Fallback", f"{W}del", f"{W}instrText", f"{W}delText", f"{W}tbl"}


def extract_docx(data: bytes, path: str) -> Document:
    """Extract headings, paragraphs and tables from a Word (.docx) file."""
    _check_zip(data)
    try:
        document = docx.Document(io.BytesIO(data))
    except Exception as exc:  # python-docx raises KeyError, ValueError, lxml errors...
        raise ExtractionError(f"damaged DOCX: {type(exc).__name__}: {exc}") from None
    body = getattr(document.element, "body", None)
    if body is None:  # the main part's root is not <w:document> or has no <w:body>
        raise ExtractionError("damaged DOCX: word/document.xml has no document body")
    try:
        walker = _Walker(document)
    except (AttributeError, KeyError, ValueError) as exc:
        # a styles or numbering relationship that points at the wrong kind of part
        raise ExtractionError(f"damaged DOCX: {type(exc).__name__}: {exc}") from None
    walker.walk(body)
    walker.footnotes(document)
    stats = ExtractionStats()
    for b in walker.blocks:
        texts = [c.text for row in b.table.rows for c in row] if b.table else [b.text]
        for t in texts:
            stats.characters += len(t)
            stats.garbled_characters += garbled_count(t)
    from pcfaudit.model import SourceInfo

    source = SourceInfo(path=path, sha256=sha256_hex(data), format="docx", size=len(data))
    return Document(source=source, blocks=assign_sections(walker.blocks), stats=stats)


def _check_zip(data: bytes) -> None:
    """Refuse zip bombs and XML with a DTD before python-docx opens anything."""
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as zf:
            infos = zf.infolist()
            if len(infos) > MAX_DOCX_PARTS:
                raise ExtractionError(f"DOCX has {len(infos)} parts: refusing (zip bomb?)")
            total = sum(i.file_size for i in infos)
            if total > MAX_DOCX_UNCOMPRESSED:
                raise ExtractionError(f"DOCX unpacks to {total // 2**20} MB: refusing (zip bomb?)")
            if "word/document.xml" not in {i.filename for i in infos}:
                raise ExtractionError("damaged DOCX: no word/document.xml")
            for info in infos:
                if info.filename.endswith((".xml", ".rels")) and _declares_dtd(zf, info):
                    raise ExtractionError(
                        f"DOCX part {info.filename} declares a DTD: refusing (XXE?)"
                    )
    except (zipfile.BadZipFile, zlib.error, ValueError, EOFError, NotImplementedError) as exc:
        # a mangled zip fails in zipfile with any of these (found by bench/fuzz.py)
        raise ExtractionError(f"damaged DOCX: {exc}") from None


def _declares_dtd(zf: zipfile.ZipFile, info: zipfile.ZipInfo) -> bool:
    """A DOCTYPE or ENTITY declaration anywhere in the part: not only in its first 4 KB,
    which a long comment before the DOCTYPE would get past. Read in 1 MB pieces."""
    tail = b""
    with zf.open(info) as fh:
        while chunk := fh.read(1 << 20):
            window = tail + chunk
            if b"<!DOCTYPE" in window or b"<!ENTITY" in window:
                return True
            tail = window[-8:]
    return False


def _val(el: Any, tag: str) -> str | None:
    child = el.find(tag) if el is not None else None
    return None if child is None else child.get(f"{W}val")


class _Walker:
    def __init__(self, document: Any) -> None:
        self.blocks: list[Block] = []
        self.paragraph = 0  # index of the current body-level paragraph
        self.n_tables = 0
        self.fields: list[list[str]] = []  # open complex fields: their instruction text
        self.in_toc = False  # after a "目录" / "Contents" title, until a non-TOC line
        self.styles: dict[str, tuple[str, int | None, str | None]] = {}
        for st in document.styles.element.iter(f"{W}style"):
            sid = st.get(f"{W}styleId") or ""
            name = (_val(st, f"{W}name") or sid).strip()
            ppr = st.find(f"{W}pPr")
            outline = _val(ppr, f"{W}outlineLvl")
            level = int(outline) + 1 if outline and outline.isdigit() and int(outline) < 9 else None
            self.styles[sid] = (name, level, _val(st, f"{W}basedOn"))
        self.numbering = Numbering(document, self.styles)

    # ------------------------------------------------------------------ structure

    def walk(self, parent: Any, toc: bool = False, nested: bool = False) -> None:
        for child in parent.iterchildren():
            tag = child.tag
            if tag == f"{W}p":
                self.para(child, toc, nested)
                if not nested:
                    self.paragraph += 1
            elif tag == f"{W}tbl":
                self.table(child)
            elif tag == f"{W}sdt":
                gallery = child.find(f"{W}sdtPr/{W}docPartObj/{W}docPartGallery")
                is_toc = gallery is not None and "Contents" in (gallery.get(f"{W}val") or "")
                content = child.find(f"{W}sdtContent")
                if content is not None:
                    self.walk(content, toc or is_toc, nested)
            elif tag in (f"{W}customXml", f"{W}ins", f"{W}smartTag"):
                self.walk(child, toc, nested)

    def para(self, p: Any, toc: bool, nested: bool) -> None:
        in_field_toc = self._in_toc_field()
        parts: list[str] = []
        boxes: list[Any] = []
        self._runs(p, parts, boxes)
        in_field_toc = in_field_toc or self._in_toc_field()
        text = normalise_text("".join(parts)).strip()
        ppr = p.find(f"{W}pPr")
        style_id = _val(ppr, f"{W}pStyle") or ""
        label = self.numbering.label(ppr, style_id)
        if label and text and not text.startswith(label.rstrip(".、 ")):
            text = f"{label}{'' if label.endswith('、') else ' '}{text}"
        name, style_level = self._style(style_id)
        loc = Location(paragraph=self.paragraph)
        if text:
            if TOC_TITLE_RE.match(text.replace(" ", "")):
                self.in_toc = True
                toc = True
            elif parse_toc_line(text, in_toc=self.in_toc) is not None:
                toc = True
            else:
                self.in_toc = False
            if toc or in_field_toc or _TOC_STYLE_RE.match(name):
                self.blocks.append(
                    Block("paragraph", text, Location(paragraph=self.paragraph, section="toc"))
                )
            else:
                self.blocks.append(self._classify(text, ppr, name, style_level, loc, label))
        for box in boxes:
            self.walk(box, toc, nested=True)

    def _classify(
        self,
        text: str,
        ppr: Any,
        name: str,
        style_level: int | None,
        loc: Location,
        label: str | None = None,
    ) -> Block:
        m = _HEADING_STYLE_RE.match(name)
        outline = _val(ppr, f"{W}outlineLvl")
        level = int(m.group(1)) if m else style_level
        if outline and outline.isdigit() and int(outline) < 9:
            level = int(outline) + 1
        found = detect_heading(text) if "\n" not in text else None
        if level is not None and "\t" not in text and len(text) <= 120:
            number = found[1] if found else (label or "").rstrip("、.．)） ") or None
            return Block("heading", text, loc, level=level, number=number or None)
        if found is not None:
            return Block("heading", text, loc, level=found[0], number=found[1] or None)
        return Block("paragraph", text, loc)

    def _style(self, style_id: str) -> tuple[str, int | None]:
        """The style's name and outline level, following basedOn for the level."""
        name, level, based = self.styles.get(style_id, (style_id, None, None))
        seen = {style_id}
        while level is None and based and based not in seen:
            seen.add(based)
            _, level, based = self.styles.get(based, ("", None, None))
        return name, level

    def _in_toc_field(self) -> bool:
        return any("".join(f).strip().upper().startswith("TOC") for f in self.fields)

    def _runs(self, el: Any, parts: list[str], boxes: list[Any]) -> None:
        """Text of a paragraph in document order; text boxes are collected, not inlined."""
        for child in el.iterchildren():
            tag = child.tag
            if tag == f"{W}t":
                parts.append(child.text or "")
            elif tag == f"{W}tab":
                parts.append("\t")
            elif tag in (f"{W}br", f"{W}cr"):
                parts.append("\n")
            elif tag == f"{W}noBreakHyphen":
                parts.append("-")
            elif tag == f"{W}fldChar":
                kind = child.get(f"{W}fldCharType")
                if kind == "begin":
                    self.fields.append([])
                elif kind == "end" and self.fields:
                    self.fields.pop()
            elif tag == f"{W}instrText":
                if self.fields:
                    self.fields[-1].append(child.text or "")
            elif tag == f"{W}txbxContent":
                boxes.append(child)
            elif tag == f"{W}fldSimple" or (
                tag not in _SKIP and tag != f"{W}pPr" and tag != f"{W}rPr"
            ):
                self._runs(child, parts, boxes)

    # ------------------------------------------------------------------ tables

    def table(self, tbl: Any) -> None:
        index = self.n_tables
        self.n_tables += 1
        nested: list[Any] = []
        rows = self._grid(tbl, index, nested)
        loc = Location(paragraph=self.paragraph, table=index)
        text = "\n".join("\t".join(c.text for c in row) for row in rows)
        prev = self.blocks[-1] if self.blocks else None
        caption = prev.text if prev is not None and prev.kind != "table" and _CAPTION_RE.match(prev.text) else None
        self.blocks.append(Block("table", text, loc, table=Table(rows, loc, caption)))
        for inner in nested:
            self.table(inner)

    def _grid(self, tbl: Any, index: int, nested: list[Any]) -> list[list[Cell]]:
        rows: list[list[Cell | None]] = []
        for r, tr in enumerate(_children(tbl, "tr")):
            row: list[Cell | None] = [None] * _int(_val(tr.find(f"{W}trPr"), f"{W}gridBefore"))
            for tc in _children(tr, "tc"):
                tcpr = tc.find(f"{W}tcPr")
                span = max(1, _int(_val(tcpr, f"{W}gridSpan"), 1))
                vm = tcpr.find(f"{W}vMerge") if tcpr is not None else None
                c = len(row)
                if vm is not None and vm.get(f"{W}val", "continue") != "restart":
                    above = _origin(rows, c)
                    if above is not None:
                        above.rowspan = r - above.location.row + 1  # type: ignore[operator]
                        row.extend([above] * span)
                        continue
                text = self._cell_text(tc, nested)
                cell = Cell(
                    text,
                    Location(table=index, row=r, column=c, paragraph=self.paragraph),
                    colspan=span,
                )
                row.extend([cell] * span)
            rows.append(row)
        width = max((len(row) for row in rows), default=0)
        out: list[list[Cell]] = []
        for r, row in enumerate(rows):
            row.extend([None] * (width - len(row)))
            out.append(
                [
                    c
                    if c is not None
                    else Cell("", Location(table=index, row=r, column=k, paragraph=self.paragraph))
                    for k, c in enumerate(row)
                ]
            )
        return out

    def _cell_text(self, tc: Any, nested: list[Any]) -> str:
        """The cell's own text. A table nested in it is read as a table of its own; its
        text stands for the cell only when the cell has no text besides it (a label
        cell with a small table of notes under it keeps its label alone)."""
        pieces: list[str] = []
        inner: list[str] = []
        for el in tc.iterchildren():
            if el.tag == f"{W}p":
                parts: list[str] = []
                self._runs(el, parts, [])
                pieces.append("".join(parts))
            elif el.tag == f"{W}tbl":
                nested.append(el)
                inner.extend(
                    " ".join(_plain(c) for c in _children(tr, "tc")) for tr in _children(el, "tr")
                )
            elif el.tag == f"{W}sdt":
                pieces.append(_plain(el))
        own = [p.strip() for p in pieces if p.strip()]
        return normalise_text(" ".join(own or [p.strip() for p in inner if p.strip()])).strip()

    # ------------------------------------------------------------------ footnotes

    def footnotes(self, document: Any) -> None:
        for rel in document.part.rels.values():
            if rel.is_external or not rel.reltype.endswith(("/footnotes", "/endnotes")):
                continue
            try:
                root = etree.fromstring(rel.target_part.blob, _SAFE_PARSER)
            except etree.XMLSyntaxError:
                continue
            for note in root:
                if note.get(f"{W}type") in (
                    "separator",
                    "continuationSeparator",
                    "continuationNotice",
                ):
                    continue
                text = normalise_text(" ".join(_plain(p) for p in note.iter(f"{W}p"))).strip()
                if text:
                    kind = "footnote" if rel.reltype.endswith("/footnotes") else "endnote"
                    self.blocks.append(
                        Block(
                            "paragraph",
                            f"[{kind} {note.get(f'{W}id')}] {text}",
                            Location(paragraph=self.paragraph),
                        )
                    )


def _children(el: Any, name: str) -> Iterator[Any]:
    """Direct children named ``name``, looking through content controls and customXml."""
    for child in el.iterchildren():
        if child.tag == f"{W}{name}":
            yield child
        elif child.tag in (f"{W}sdt", f"{W}customXml"):
            inner = child.find(f"{W}sdtContent") if child.tag == f"{W}sdt" else child
            if inner is not None:
                yield from _children(inner, name)


def _origin(rows: list[list[Cell | None]], col: int) -> Cell | None:
    for row in reversed(rows):
        if col < len(row) and row[col] is not None:
            return row[col]
    return None


def _plain(el: Any) -> str:
    return "".join(t.text or "" for t in el.iter(f"{W}t"))


def _int(value: str | None, default: int = 0) -> int:
    try:
        return int(value) if value is not None else default
    except ValueError:
        return default
