"""The report's own Word file with the findings as comments (批注), for the author to answer
in Word.

Each location of an open finding is found again in the document: a paragraph by its index
among body paragraphs, a table cell by table ordinal, row and grid column, counted the way
:mod:`pcfaudit.extract.docx` counts them. The comment is anchored on the disputed printed
number (:mod:`pcfaudit.render.marks`), the runs split around it when needed; when the number
is not there, on the whole paragraph or cell. Findings anchored on the same text share one
comment, so comments never stack. The input bytes are not modified.
"""

from __future__ import annotations

import copy
import io
from collections.abc import Iterator
from typing import Any

import docx
from docx.oxml.ns import qn
from docx.text.paragraph import Paragraph
from docx.text.run import Run

from pcfaudit.model import AuditResult, Finding, Location
from pcfaudit.render.common import active
from pcfaudit.render.marks import figures, prefers_first, stands_alone
from pcfaudit.render.pdf_annotate import comment
from pcfaudit.render.places import places_of

AUTHOR = "pcfaudit"
Target = tuple[Any, int, int]  # a w:p element and a character range in its run text


def _children(el: Any, tag: str) -> Iterator[Any]:
    for child in el.iterchildren():
        if child.tag == qn(tag):
            yield child
        elif child.tag in (qn("w:sdt"), qn("w:customXml")):
            inner = child.find(qn("w:sdtContent")) if child.tag == qn("w:sdt") else child
            if inner is not None:
                yield from _children(inner, tag)


class _Index:
    """Body paragraphs and tables in the extractor's order."""

    def __init__(self, body: Any) -> None:
        self.paragraphs: list[Any] = []
        self.tables: list[Any] = []
        self._walk(body)

    def _walk(self, parent: Any) -> None:
        for child in parent.iterchildren():
            if child.tag == qn("w:p"):
                self.paragraphs.append(child)
            elif child.tag == qn("w:tbl"):
                self._table(child)
            elif child.tag == qn("w:sdt"):
                content = child.find(qn("w:sdtContent"))
                if content is not None:
                    self._walk(content)
            elif child.tag in (qn("w:customXml"), qn("w:ins"), qn("w:smartTag")):
                self._walk(child)

    def _table(self, tbl: Any) -> None:
        self.tables.append(tbl)
        nested = [
            inner
            for tr in _children(tbl, "w:tr")
            for tc in _children(tr, "w:tc")
            for inner in tc.iterchildren(qn("w:tbl"))
        ]
        for inner in nested:
            self._table(inner)


def _cells(tr: Any) -> list[tuple[int, Any]]:
    """(first grid column, w:tc) of a row."""
    trpr = tr.find(qn("w:trPr"))
    before = trpr.find(qn("w:gridBefore")) if trpr is not None else None
    column = int(before.get(qn("w:val"), "0")) if before is not None else 0
    out = []
    for tc in _children(tr, "w:tc"):
        out.append((column, tc))
        tcpr = tc.find(qn("w:tcPr"))
        span = tcpr.find(qn("w:gridSpan")) if tcpr is not None else None
        column += int(span.get(qn("w:val"), "1")) if span is not None else 1
    return out


def _paragraphs_at(index: _Index, loc: Location) -> list[Any]:
    if loc.table is not None and loc.table < len(index.tables):
        rows = list(_children(index.tables[loc.table], "w:tr"))
        if loc.row is None or loc.row >= len(rows):
            return list(index.tables[loc.table].iter(qn("w:p")))[:1]
        cells = _cells(rows[loc.row])
        if loc.column is not None:
            chosen = [tc for start, tc in cells if start <= loc.column] or [cells[0][1]]
            own = list(chosen[-1].iter(qn("w:p")))
            row_all = [p for _, tc in cells for p in tc.iter(qn("w:p"))]
            return own + [p for p in row_all if p not in own]
        return [p for _, tc in cells for p in tc.iter(qn("w:p"))]
    if loc.paragraph is not None and loc.paragraph < len(index.paragraphs):
        return [index.paragraphs[loc.paragraph]]
    return []


def _text(p: Any) -> str:
    return "".join(r.text for r in p.iter(qn("w:r")) if r.getparent().tag != qn("w:del"))


def _target(index: _Index, f: Finding, loc: Location) -> Target | None:
    paragraphs = [p for p in _paragraphs_at(index, loc) if _text(p).strip()]
    if not paragraphs:
        return None
    row = loc.table is not None and loc.row is not None and loc.column is None
    for figure in figures(f, loc):
        hits = [
            (p, start, start + len(figure))
            for p in paragraphs
            for start in _occurrences(_text(p), figure)
        ]
        if hits:
            return hits[0] if prefers_first(f) or not row else hits[-1]
    first = paragraphs[0]
    return (first, 0, len(_text(first)))


def _occurrences(text: str, figure: str) -> Iterator[int]:
    start = text.find(figure)
    while start >= 0:
        end = start + len(figure)
        if stands_alone(text[start - 1] if start else "", text[end : end + 2]):
            yield start
        start = text.find(figure, start + 1)


def _split(run: Any, offset: int) -> None:
    """Split a plain run (properties + text) in two at ``offset``."""
    text = run.text
    if not 0 < offset < len(text):
        return
    if any(c.tag not in (qn("w:rPr"), qn("w:t")) for c in run):
        return  # a field, break or drawing: keep it whole
    second = copy.deepcopy(run)
    run.addnext(second)
    run.text = text[:offset]
    second.text = text[offset:]


def _runs(p: Any, start: int, end: int) -> list[Any]:
    """The runs of ``p`` covering [start, end), split at both ends where possible."""
    for cut in (start, end):
        position = 0
        for r in list(p.iter(qn("w:r"))):
            length = len(r.text)
            if position < cut < position + length:
                _split(r, cut - position)
                break
            position += length
    covered, position = [], 0
    for r in p.iter(qn("w:r")):
        length = len(r.text)
        if position < end and position + length > start:
            covered.append(r)
        position += length
    return covered


def comment_docx(docx_bytes: bytes, result: AuditResult, lang: str = "en") -> bytes:
    """A copy of ``docx_bytes`` with one Word comment per place of each open finding."""
    document = docx.Document(io.BytesIO(docx_bytes))
    index = _Index(document.element.body)
    places = places_of(result)
    grouped: dict[tuple[int, int, int], tuple[Target, list[str]]] = {}
    for f in active(result):
        text = comment(f, lang, places)
        for loc in f.locations:
            target = _target(index, f, loc)
            if target is None:
                continue
            key = (id(target[0]), target[1], target[2])
            _, texts = grouped.setdefault(key, (target, []))
            if text not in texts:
                texts.append(text)
    for (p, start, end), texts in grouped.values():
        runs = _runs(p, start, end)
        if not runs:
            continue
        paragraph = Paragraph(p, document.part)  # runs need a parent that knows the part
        anchored = [Run(r, paragraph) for r in runs]
        document.add_comment(anchored, text="\n\n".join(texts), author=AUTHOR, initials="PCF")
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()
