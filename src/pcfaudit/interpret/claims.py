"""The report's claims: what it says about itself, in its own words.

``extract_claims(document) -> Claims`` reads every heading, sentence and table row of a
:class:`Document` and returns functional-unit statements, boundary and stage claims, GWP
declarations, standards, dates, production volumes, factor quotes, source mentions,
statements (hotspots, stage lists, prose computations, equipment facts), headings (body and
table of contents), values stated in prose, the language and the title. Every item keeps a
Location whose ``quote`` is the evidence.

The vocabulary is in :mod:`pcfaudit.interpret.lexicon`; each kind of claim has its own
module (claims_fu, claims_scope, claims_gwp, claims_meta, claims_sources, claims_values).
"""

from __future__ import annotations

from dataclasses import dataclass, field

import regex

from pcfaudit.interpret import claims_fu as fu
from pcfaudit.interpret import claims_gwp as gwp_claims
from pcfaudit.interpret import claims_hotspots as hotspots
from pcfaudit.interpret import claims_meta as meta
from pcfaudit.interpret import claims_scope as scope
from pcfaudit.interpret import claims_sources as sources
from pcfaudit.interpret import claims_values as values
from pcfaudit.interpret.claims_text import Segment, iter_segments, normalise
from pcfaudit.interpret.mention_roles import row_role
from pcfaudit.model import (
    BoundaryClaim,
    DateClaim,
    Document,
    FactorQuote,
    FunctionalUnitStatement,
    GwpDeclaration,
    Heading,
    Location,
    Mention,
    ProductionVolume,
    ReportedValue,
    StageClaim,
    StandardCitation,
    Statement,
)
from pcfaudit.vocab.numbers import iter_numbers


@dataclass
class Claims:
    functional_units: list[FunctionalUnitStatement] = field(default_factory=list)
    boundary: list[BoundaryClaim] = field(default_factory=list)
    stages: list[StageClaim] = field(default_factory=list)
    gwp_declarations: list[GwpDeclaration] = field(default_factory=list)
    standards: list[StandardCitation] = field(default_factory=list)
    dates: list[DateClaim] = field(default_factory=list)
    production: list[ProductionVolume] = field(default_factory=list)
    factors: list[FactorQuote] = field(default_factory=list)
    mentions: list[Mention] = field(default_factory=list)
    statements: list[Statement] = field(default_factory=list)
    headings: list[Heading] = field(default_factory=list)
    prose_values: list[ReportedValue] = field(default_factory=list)
    language: str = "zh"
    title: str = ""
    numbers_seen: int = 0


# ----------------------------------------------------------------------------- headings


_TOC_LINE = regex.compile(
    r"^\s*(?P<num>(?:第[一二三四五六七八九十]+[章节])|(?:\d+(?:\.\d+)*)|[一二三四五六七八九十]+)?[、.．\s]*"
    r"(?P<title>.*?)[\s.…·•_\-]*(?P<page>\d+)?\s*$"
)


def _parse_toc(text: str) -> tuple[str | None, str, int] | None:
    """(number, title, level) of a table-of-contents line."""
    from pcfaudit.extract.common import parse_toc_line

    parsed = parse_toc_line(text, in_toc=True)
    if parsed is None:
        m = _TOC_LINE.match(text)
        if not m or not m.group("title").strip():
            return None
        number, title = m.group("num"), m.group("title").strip()
    else:
        number, title = parsed[0], parsed[1]
    title = title.lstrip("# ").strip()  # a markdown heading line inside the TOC
    if not title or _TOC_TITLE.match(title):
        return None
    level = number.count(".") + 1 if number and number[0].isdigit() else 1
    return number, title, level


def _heading(seg: Segment, number: str | None, level: int | None) -> Heading:
    title = seg.raw.strip()
    if number:
        title = regex.sub(rf"^\s*{regex.escape(number)}[\s、.．]*", "", title).strip() or title
    return Heading(number, title, level or 1, seg.location.with_quote(seg.raw.strip()[:120]))


_TOC_TITLE = regex.compile(
    r"^\s*#*\s*(?:目\s*录|目\s*次|contents|table\s*of\s*contents)\s*:?\s*$", regex.I
)


def _unmarked_toc(document: Document) -> set[int]:
    """Blocks of a table of contents the extractor did not mark: a "Table of contents" /
    "目录" paragraph followed by entry lines ("2.1 Purpose<TAB>1"). Their titles are TOC
    entries, not body text."""
    from pcfaudit.extract.common import parse_toc_line

    out: set[int] = set()
    blocks = document.blocks
    for i, b in enumerate(blocks):
        if b.kind != "paragraph" or b.location.section == "toc" or not _TOC_TITLE.match(b.text):
            continue
        run: list[int] = []
        for j in range(i + 1, min(len(blocks), i + 200)):
            nb = blocks[j]
            if nb.kind != "paragraph" or parse_toc_line(nb.text, in_toc=True) is None:
                break
            run.append(j)
        if len(run) >= 3:  # one or two tab-separated lines may be a small two-column list
            out.update(run)
    return out


# ----------------------------------------------------------------------------- document facts


# is_cjk, counted by the C engine in runs (a list of runs is shorter than one of letters)
_CJK_RUN = regex.compile(r"[\u3400-\u4dbf\u4e00-\u9fff]+")
_LATIN_RUN = regex.compile(r"[A-Za-z]+")


def detect_language(document: Document) -> str:
    cjk = latin = 0
    for b in document.blocks:
        text = b.text if b.table is None else " ".join(c.text for r in b.table.rows for c in r)
        if not text.isascii():
            cjk += sum(map(len, _CJK_RUN.findall(text)))
        latin += sum(map(len, _LATIN_RUN.findall(text)))
    # Chinese prose carries many Latin units and names; one CJK char per three letters is zh.
    return "zh" if cjk * 3 >= latin and cjk > 0 else "en"


_TITLE = regex.compile(
    r"碳足迹|碳足跡|carbon\s+footprint|environmental\s+product\s+declaration|\bEPD\b|life\s+cycle",
    regex.IGNORECASE,
)
_TITLE_WORD = regex.compile(r"报告|報告|report|declaration|study|assessment", regex.IGNORECASE)


def detect_title(document: Document) -> str:
    candidates = [b for b in document.blocks[:40] if b.kind in ("heading", "paragraph")]
    for b in candidates:
        text = b.text.strip()
        if b.location.section == "toc" or len(text) > 80:
            continue
        if _TITLE.search(text) and _TITLE_WORD.search(text):
            return regex.sub(r"\s+", " ", text)
    for b in candidates:
        if b.text.strip():
            return regex.sub(r"\s+", " ", b.text.strip())[:80]
    return ""


def count_numbers(document: Document) -> int:
    total = 0
    for b in document.blocks:
        texts = [c.text for r in b.table.rows for c in r] if b.table is not None else [b.text]
        for t in texts:
            # find_numbers yields the same numbers; its '约为' marks do not change the count
            total += sum(1 for _ in iter_numbers(t))
    return total


# ----------------------------------------------------------------------------- main


def _same(a: Location, b: Location) -> bool:
    return (a.line, a.page, a.paragraph, a.table, a.row) == (
        b.line,
        b.page,
        b.paragraph,
        b.table,
        b.row,
    )


def extract_claims(document: Document) -> Claims:
    claims = Claims(language=detect_language(document), title=detect_title(document))
    claims.numbers_seen = count_numbers(document)
    segments = list(iter_segments(document))
    by_block: dict[int, list[Segment]] = {}
    for seg in segments:
        by_block.setdefault(seg.block, []).append(seg)

    in_fu_section = False
    fu_section_done = False
    first_heading_seen = False
    mention_keys: set[tuple[object, ...]] = set()
    toc_blocks = _unmarked_toc(document)
    for seg in segments:
        block = document.blocks[seg.block]
        toc = seg.location.section == "toc" or seg.block in toc_blocks
        if seg.block in toc_blocks and seg.kind == "sentence":
            if seg is by_block[seg.block][0]:  # one entry per block
                parsed = _parse_toc(block.text)
                if parsed:
                    claims.headings.append(
                        Heading(parsed[0], parsed[1], parsed[2], seg.loc(), in_toc=True)
                    )
            continue
        if seg.kind == "heading":
            first_heading_seen = first_heading_seen or not toc
            if toc:
                parsed = _parse_toc(seg.raw)
                if parsed:
                    h = Heading(parsed[0], parsed[1], parsed[2], seg.loc(), in_toc=True)
                    claims.headings.append(h)
            else:
                claims.headings.append(_heading(seg, block.number, block.level))
                in_fu_section = fu.is_fu_heading(seg.raw)
                fu_section_done = False
            continue
        if toc:
            if seg.kind == "sentence":
                parsed = _parse_toc(seg.raw)
                if parsed:
                    claims.headings.append(
                        Heading(parsed[0], parsed[1], parsed[2], seg.loc(), in_toc=True)
                    )
            continue
        if seg.kind == "sentence":
            _sentence(claims, seg, in_fu_section and not fu_section_done, first_heading_seen)
            if in_fu_section and any(
                _same(f.location, seg.location) for f in claims.functional_units
            ):
                fu_section_done = True
            for m in sources.mentions_in(seg):
                key: tuple[object, ...] = (m.name, m.used, m.role, seg.block, None)
                if key not in mention_keys:
                    mention_keys.add(key)
                    claims.mentions.append(m)
        elif seg.kind == "cell":
            if _FIGURE_CELL.fullmatch(seg.text):
                continue  # half the cells: no source, standard or GWP is named without words
            for m in sources.mentions_in(seg):
                key = (m.name, m.used, m.role, seg.block, seg.location.row)
                if key not in mention_keys:
                    mention_keys.add(key)
                    claims.mentions.append(m)
            claims.standards.extend(meta.standards_in(seg))
            claims.gwp_declarations.extend(gwp_claims.gwp_in(seg))
        elif seg.kind == "row":
            _mention_roles_in_row(claims.mentions, seg)
            claims.factors.extend(sources.factors_in(seg))
            th = values.operating_threshold_in(seg)
            if th:
                claims.statements.append(th)
    for i, block in enumerate(document.blocks):
        if block.table is not None and block.location.section != "toc":
            _table(claims, by_block.get(i, []))
    return claims


_LABEL_CELL = 40  # characters: a cell this short names a row, it does not describe
# A cell of digits and number marks only ("1,23E-02", "(12.5 %)", "—"): every source word,
# refrigerant code, standard and GWP cue has letters other than e/E, or CJK characters.
_FIGURE_CELL = regex.compile(r"[\d\s.,%+\-−–—/()eE]*")


def _mention_roles_in_row(mentions: list[Mention], row: Segment) -> None:
    """Re-read the role of the mentions named in this row's label cells against the whole
    row (a long cell of prose keeps its own reading)."""
    loc = row.location
    for m in reversed(mentions):
        if m.location.table != loc.table or m.location.row != loc.row or loc.table is None:
            break
        if len(m.location.quote or "") <= _LABEL_CELL:
            m.role = row_role(row.text, m.text, m.role, m.kind)


def _sentence(claims: Claims, seg: Segment, fu_body: bool, after_cover: bool) -> None:
    declared = fu.declared_in(seg)
    if not declared and fu_body:
        body = fu.section_body(seg)
        declared = [body] if body else []
    basis = fu.result_basis_in(seg)
    claims.functional_units.extend(declared + basis)
    claims.production.extend(fu.production_in(seg))
    claims.boundary.extend(scope.boundary_in(seg))
    claims.stages.extend(scope.stages_in(seg))
    claims.statements.extend(scope.method_statements_in(seg))
    stage_list = scope.stage_list_in(seg)
    if stage_list:
        claims.statements.append(stage_list)
    gwp = gwp_claims.gwp_in(seg)
    claims.gwp_declarations.extend(gwp)
    claims.statements.extend(gwp_claims.gwp_year_conflicts(seg, gwp))
    claims.standards.extend(meta.standards_in(seg))
    claims.dates.extend(meta.dates_in(seg))
    if not after_cover:
        cover = meta.cover_date(seg)
        if cover and not any(d.kind == "report" for d in claims.dates):
            claims.dates.append(cover)
    claims.factors.extend(sources.factors_in(seg))
    fu_basis = None
    if basis:
        fu_basis = f"{basis[0].amount.text if basis[0].amount else ''}{basis[0].unit_text} {basis[0].subject}".strip()
    vals, stmts = values.prose_values_in(seg, fu_basis)
    claims.prose_values.extend(vals)
    claims.statements.extend(stmts)
    claims.statements.extend(hotspots.hotspots_in(seg))
    claims.statements.extend(values.computations_in(seg))
    th = values.operating_threshold_in(seg)
    if th:
        claims.statements.append(th)


def _table(claims: Claims, segs: list[Segment]) -> None:
    """Table-level claims: product rows, boundary tables, equipment lists."""
    cells_by_row: dict[int, list[Segment]] = {}
    for s in segs:
        if s.kind == "cell" and s.location.row is not None:
            cells_by_row.setdefault(s.location.row, []).append(s)
    if not cells_by_row:
        return
    ordered = [
        sorted(cells_by_row[r], key=lambda s: s.location.column or 0) for r in sorted(cells_by_row)
    ]
    header = [normalise(s.raw) for s in ordered[0]]
    for row in ordered:
        ref = fu.table_reference(row)
        if ref:
            claims.functional_units.append(ref)
    columns = scope.boundary_table_columns(header)
    if columns:
        for row in ordered[1:]:
            for s in row:
                status = columns.get(s.location.column or 0)
                if status:
                    claims.stages.extend(_boundary_cell(s, status))
    claims.statements.extend(values.equipment_rows(header, ordered[1:]))
    claims.gwp_declarations.extend(gwp_claims.gwp_table(header, ordered[1:]))


def _boundary_cell(seg: Segment, status: str) -> list[StageClaim]:
    """A boundary-table cell lists items ('a …', '✓ …', <p>…</p>); map each to stages."""
    out: list[StageClaim] = []
    seen: set[str] = set()
    for s, e, stage in scope.stage_spans(seg.text):
        if stage.value not in seen:
            seen.add(stage.value)
            out.append(StageClaim(stage, status, seg.loc(s, e)))
    return out
