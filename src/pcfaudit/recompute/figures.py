"""Labelled figures: every quantity a report prints with a name and a unit, in a table (row
label × column header, the unit from the header, the row label or the caption) or in prose
(the words of the clause before the number, the unit right after it), so that the same
figure printed twice can be compared (:mod:`.same_figure`).

Prose figures that are not the report's own are left out: a range ("2.6~3.2"), a value
attributed to other work (a citation mark "[12]", "et al.", "等研究", "文献", "reported
by"), a percentage (shares have their own rules) and a year.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

import regex

from pcfaudit.model import Block, Location, Number, Table
from pcfaudit.recompute.context import norm_label
from pcfaudit.recompute.figure_units import UnitParts, unit_parts
from pcfaudit.recompute.grids import Grid, cell_number
from pcfaudit.vocab.cues import CITED_WORK
from pcfaudit.vocab.numbers import iter_numbers

_SENTENCE_END = regex.compile(r"[。；;!?！？]|\.(?=\s|$)")
_CLAUSE_START = regex.compile(r"[，,；;:：（(、]|\b(?:and|while|whereas)\b")
# What may follow a number as its unit: up to the clause's end or the first Chinese character
# that is not part of a unit ("t C·(10⁴元)⁻¹下降到" → "t C·(10⁴元)⁻¹").
_UNIT_WINDOW = regex.compile(r"(?:[^，,；;。:：\n\p{Han}]|[元人吨千克公斤万立方米度亩])" + "{0,40}")
_RANGE = regex.compile(r"^\s*(?:[~～∼]|[-–—至到]\s*[-−]?\d)")
_RANGE_BEFORE = regex.compile(r"(?:\d\s*[%％]?\s*(?:[~～∼]|[-–—至到]))\s*$")
# A figure attributed to a source ("according to IPCC, …") is not the report's own either.
_CITED = regex.compile(CITED_WORK + r"|\baccording\s+to\b", regex.IGNORECASE)
_COPULA = regex.compile(
    r"(?:分别|约|大约|平均|共|合计|总计|达到?|为|是|是为|of|was|were|is|are|amounted\s+to|"
    r"reached|about|approximately|totall?ed|equal\s+to|[=≈：:])\s*$",
    regex.IGNORECASE,
)
_CAPTION_UNIT = regex.compile(
    r"(?:单位|unit)\s*[:：]?\s*(?P<u>[^\s，,；;)）]{1,16})", regex.IGNORECASE
)
# A unit in a header: bracketed ("(t CO2e)", "[kg(C)·hm-2]", one level of nesting) or after
# a slash ("EF / kg·kg⁻¹", "/10⁴ t").
_HEADER_UNIT = regex.compile(
    r"[(（\[]\s*(?P<a>(?:[^()（）\[\]]|[(（][^()（）]{0,12}[)）]){1,30}?)\s*[)）\]]"
    r"|(?:^|\s)/\s*(?P<b>\S{1,20})"
)


@dataclass(frozen=True)
class Figure:
    """One labelled number. ``names``: the words that name it (a row label and a column
    header for a table cell; the clause before the number in prose); ``context``: where it
    stands (the sentence, or the table's caption)."""

    number: Number
    unit: UnitParts | None  # None when not printed or not understood
    unit_text: str
    names: tuple[str, ...]
    context: str
    location: Location
    table: int | None = None  # table index for a table cell
    row: int | None = None
    column: int | None = None


# Compiled once: every number of every sentence passes these.
_UNIT_ENDS = regex.compile(r"(?<![(（·/^])\s+(?=[A-Za-z]{3,}|\d)")
_UNIT_GOES_ON = regex.compile(r"\s*[(（\[·/⁻]|\s*-\s*[A-Za-z]")
_POWER_OF_TEN = regex.compile(r"^10\^?([0-9⁰-⁹]+)\s*")
_SHARE_OR_YEAR_AFTER = regex.compile(r"\s*[%％‰年]")
_YEAR = regex.compile(r"(?:19|20)\d{2}")
_NOT_A_FIGURE = regex.compile(r"[%％‰~～∼±]")


def unit_of(text: str) -> tuple[UnitParts | None, str]:
    """(unit, as printed) of the unit printed at the start of ``text``: the longest run of
    whole tokens that reads as a unit ("mm" is not "m", "min" is not "m")."""
    stripped = text.lstrip()
    window = _UNIT_WINDOW.match(stripped)
    raw = window.group(0) if window else ""
    # English words or another number end the unit ("kg·hm⁻² and 7 …").
    raw = _UNIT_ENDS.split(raw, maxsplit=1)[0]
    for end in range(len(raw), 0, -1):
        if end < len(raw) and raw[end - 1].isalnum() and raw[end].isalnum():
            continue  # not a token boundary
        if _UNIT_GOES_ON.match(raw[end:]):
            continue  # the unit goes on ("kg (N2O-N)·hm⁻²"): a cut here would drop its basis
        parts = unit_parts(raw[:end].rstrip(" ."))
        if parts is not None:
            return parts, raw[:end].strip()
    return None, ""


def header_unit(text: str) -> tuple[UnitParts | None, str]:
    """(unit, as printed) a header or caption prints: "排放量 (t CO2e)", "EF / kg·kg⁻¹",
    "单位：万t"."""
    m = _CAPTION_UNIT.search(text)
    found = [m.group("u")] if m else []
    found += [h.group("a") or h.group("b") for h in _HEADER_UNIT.finditer(text)]
    for raw in reversed(found):  # the last unit printed: "N2O (kg·hm⁻²) 全年"
        raw = _POWER_OF_TEN.sub(lambda g: "万" if g.group(1) in {"4", "⁴"} else g.group(0), raw)
        parts = unit_parts(raw)
        if parts is not None:
            return parts, raw
    return None, ""


def figure_grids(tables: list[Table], grids: list[Grid]) -> list[Grid]:
    """The numeric grid of every table: the relation grids, and for a table they leave out
    (one value per row: "stage | emissions (t CO2e)") a grid read the same way."""
    have = {g.table_index for g in grids}
    out = list(grids)
    for index, table in enumerate(tables):
        if index in have or len(table.rows) < 3:
            continue
        parsed = [[cell_number(cell.text)[0] for cell in row] for row in table.rows]
        body = [r for r, row in enumerate(parsed) if any(n is not None for n in row[1:])]
        if len(body) < 2 or body[0] == 0:
            continue
        width = max(len(row) for row in table.rows)
        headers = [
            " ".join(
                table.rows[r][c].text.strip()
                for r in range(body[0])
                if c < len(table.rows[r]) and table.rows[r][c].text.strip()
            )
            for c in range(width)
        ]
        labels = [table.rows[r][0].text.strip() if parsed[r][0] is None else "" for r in body]
        values = [
            [parsed[r][c] if c < len(parsed[r]) else None for c in range(width)] for r in body
        ]
        cells = [
            [table.rows[r][c] if c < len(table.rows[r]) else None for c in range(width)]
            for r in body
        ]
        out.append(Grid(index, table.caption or "", labels, headers, values, cells))
    return out


def table_figures(grids: list[Grid]) -> Iterator[Figure]:
    """Every numeric cell of every grid (untransposed), named by its row label and column
    header, with the unit its column header (or row label, or caption) prints."""
    for grid in grids:
        caption_unit = header_unit(grid.caption)
        for c, header in enumerate(grid.headers):
            col_unit = header_unit(header)
            for r, label in enumerate(grid.labels):
                n = grid.values[r][c]
                cell = grid.cells[r][c]
                if n is None or cell is None or not label:
                    continue
                unit, unit_text = col_unit if col_unit[0] else header_unit(label)
                if unit is None:
                    unit, unit_text = caption_unit
                yield Figure(
                    number=n,
                    unit=unit,
                    unit_text=unit_text,
                    names=(label, header),
                    context=grid.caption,
                    location=grid.location(r, c),
                    table=grid.table_index,
                    row=r,
                    column=c,
                )


def sentences(text: str) -> Iterator[tuple[int, str]]:
    start = 0
    for m in _SENTENCE_END.finditer(text):
        yield start, text[start : m.end()]
        start = m.end()
    if start < len(text.strip()):
        yield start, text[start:]


def prose_figures(blocks: list[Block]) -> Iterator[Figure]:
    """The report's own figures in its paragraphs: a number with a unit after it and a name
    before it in the same clause."""
    for block in blocks:
        if block.kind != "paragraph" or block.table is not None:
            continue
        for _, sentence in sentences(block.text):
            if len(sentence) > 600:
                continue
            yield from _in_sentence(sentence, block.location)


def _in_sentence(sentence: str, where: Location) -> Iterator[Figure]:
    for match in iter_numbers(sentence):
        n = match.number
        after, before = sentence[match.end :], sentence[: match.start]
        if _SHARE_OR_YEAR_AFTER.match(after) or _YEAR.fullmatch(n.text):
            continue
        if _NOT_A_FIGURE.search(n.text):
            continue  # a share, an approximate or a range end, a value ± its error
        if _RANGE.match(after) or _RANGE_BEFORE.search(before):
            continue
        unit, unit_text = unit_of(after)
        if unit is None:
            continue
        clause_start = max((m.end() for m in _CLAUSE_START.finditer(before)), default=0)
        clause = before[clause_start:]
        # Attribution may open the sentence ('有学者测算，…的排放量为 X'): look before the clause.
        if _CITED.search(before) or _CITED.match(after.strip()[:12]):
            continue
        name = _COPULA.sub("", clause.strip()).strip()
        if len(norm_label(name)) < 2:
            continue
        yield Figure(
            number=n,
            unit=unit,
            unit_text=unit_text,
            names=(name,),
            context=sentence.strip(),
            location=where.with_quote(sentence.strip()[:200]),
        )
