"""Spec → document blocks (headings, paragraphs, tables) in one of five template styles.

Templates differ in wording variant, heading numbering (第一章 / 1. / 1、 / Chapter 1 /
markdown #), table layout when printed as text (tab / markdown pipe / HTML), whether results
and shares sit in one table or two, CO2/CH4/N2O row groups, and number format.
"""

from __future__ import annotations

import random
from dataclasses import dataclass, field
from decimal import Decimal

from bench.quality.phrases import CN_NUM, EN, FUEL_NAMES, MONTHS, ORDINAL, REGION_EN, ZH
from bench.quality.spec import STAGE_NAMES, Spec, fmt_number, q


@dataclass(frozen=True)
class Style:
    variant: int  # index into the wording tuples
    numbering: str  # chapter | dot | dun | en-chapter | md
    layout: str  # tab | pipe | html (text rendering)
    two_tables: bool  # results and stage shares in two tables
    numbers: str  # comma | space | plain | sci
    ext: str  # txt | md
    subtotals: bool = False  # a subtotal row after each stage's lines in the inventory
    transposed: bool = False  # stage summary with stages as columns (result row, share row)
    nested: bool = False  # also a subtotal row after each CO2/CH4/N2O fuel group
    inventory: str = "rows"  # rows | columns (the inventory transposed: one column per line)
    header: str = "known"  # known | none (header row lost) | foreign (words no lexicon has)


STYLES = {
    "zh_a": Style(0, "chapter", "tab", True, "comma", "txt"),
    "zh_b": Style(1, "dot", "pipe", False, "space", "md"),
    "zh_c": Style(2, "dun", "html", True, "plain", "txt"),
    "en_a": Style(0, "en-chapter", "tab", True, "comma", "txt"),
    "en_b": Style(1, "md", "pipe", False, "plain", "md"),
    "zh_d": Style(0, "dot", "html", True, "plain", "md", subtotals=True, transposed=True),
    "en_c": Style(1, "md", "pipe", True, "space", "md", subtotals=True, transposed=True),
    "en_d": Style(0, "md", "html", False, "sci", "md"),
    # Layouts the header-word reading alone cannot take (issue 17): an inventory with one
    # column per line; a table whose header row was lost in conversion; headers in words no
    # lexicon knows; decimal commas; E-notation; 万 and mixed units; nested subtotals.
    "zh_e": Style(2, "dot", "html", True, "plain", "md", subtotals=True, inventory="columns"),
    "en_e": Style(0, "en-chapter", "tab", True, "eu", "txt", header="none"),
    "en_f": Style(
        1, "md", "pipe", False, "sci", "md", subtotals=True, nested=True, header="foreign"
    ),
    "zh_f": Style(
        1, "dun", "tab", True, "plain", "txt", subtotals=True, nested=True, header="none"
    ),
}

# Column headers in words the interpreter's lexicon does not have (German, bare symbols).
FOREIGN_HEADERS = {
    "zh": ["环节", "项目", "气体", "投入", "计量", "系数", "系数计量", "GWP100", "tCO2e", "比重"],
    "en": ["Stage", "Flow", "Gas", "Menge", "Einheit", "Faktor", "Einheit", "GWP100",
           "t CO2-eq", "Anteil"],
}  # fmt: skip


@dataclass
class Block:
    kind: str  # title | h | p | table | toc
    text: str = ""
    level: int = 0
    rows: list[list[str]] = field(default_factory=list)  # table: header first
    headed: bool = True  # the first row is a header (a PDF repeats it on each page)


def chapter_label(style: Style, n: int, title: str) -> str:
    if style.numbering == "chapter":
        return f"第{CN_NUM[n]}章 {title}"
    if style.numbering == "dun":
        return f"{n}、{title}"
    if style.numbering == "en-chapter":
        return f"Chapter {n} {title}"
    return f"{n}. {title}" if style.numbering in ("dot", "md") else f"{n} {title}"


class Builder:
    def __init__(self, spec: Spec) -> None:
        self.spec = spec
        self.style = STYLES[spec.template]
        self.words = ZH if spec.lang == "zh" else EN
        self.blocks: list[Block] = []
        self.headings: list[str] = []
        self.chapter = 0
        self.section = 0
        self.tables = 0

    def w(self, key: str, **kw: str) -> str:
        value = self.words[key]
        if isinstance(value, tuple):
            value = value[self.style.variant % len(value)]
        return value.format(**kw) if kw else value

    def n(self, text: str) -> str:
        return fmt_number(text, self.style.numbers)

    def x(self, text: str) -> str:
        """A factor, GWP or share: printed as is, but with a decimal comma where the template
        uses one."""
        return fmt_number(text, "eu") if self.style.numbers == "eu" else text

    def h1(self, key: str) -> None:
        self.chapter += 1
        self.section = 0
        self.tables = 0
        text = chapter_label(self.style, self.chapter, self.w(key))
        self.headings.append(text)
        self.blocks.append(Block("h", text, 1))

    def h2(self, key: str) -> None:
        self.section += 1
        text = f"{self.chapter}.{self.section} {self.w(key)}"
        self.headings.append(text)
        self.blocks.append(Block("h", text, 2))

    def p(self, text: str) -> None:
        self.blocks.append(Block("p", text))

    def table(self, caption: str, rows: list[list[str]], headed: bool = True) -> None:
        self.blocks.append(Block("p", caption))
        self.blocks.append(Block("table", caption, rows=rows, headed=headed))


def _date(spec: Spec) -> str:
    y, m, d = spec.report_date
    return f"{y}年{m}月{d}日" if spec.lang == "zh" else f"{d} {MONTHS[m - 1]} {y}"


def _join(items: list[str], lang: str) -> str:
    if lang == "zh":
        return "、".join(items[:-1]) + ("和" if len(items) > 1 else "") + items[-1]
    return ", ".join(items[:-1]) + (" and " if len(items) > 1 else "") + items[-1]


def build(spec: Spec) -> list[Block]:
    b = Builder(spec)
    s, zh = spec, spec.lang == "zh"
    names = STAGE_NAMES[s.lang]
    unit0 = s.production_unit
    b.blocks.append(Block("title", s.company))
    b.blocks.append(Block("title", b.w("title", product=s.product)))
    b.p(b.w("cover_company", company=s.company))
    b.p(b.w("cover_date", date=_date(s)))
    toc_at = len(b.blocks)

    b.h1("h_overview")
    b.p(b.w("overview", company=s.company, product=s.product, year=str(s.period_year),
            production=b.n(s.production[0]), punit=unit0))  # fmt: skip
    equip, n1, n2, kw = s.equipment
    b.p(b.w("equipment1", equip=equip, n=str(n1), kw=kw))
    other, other_n, other_kw = ("焊机", 6, 15) if zh else ("welding sets", 6, 15)
    b.tables += 1
    b.table(b.w("equip_caption", n=f"{b.chapter}-{b.tables}"),
            [b.w("equip_head1").split("|"), [equip, str(n1), kw],
             [other, str(other_n), str(other_kw)]])  # fmt: skip
    b.h1("h_goal")
    b.h2("h_purpose")
    key = (
        "purpose_full"
        if s.purpose_full_life_cycle and s.boundary == "gate"
        else f"purpose_{s.boundary}"
    )
    b.p(b.w(key, product=s.product))
    b.h2("h_fu")
    b.p(b.w("fu", amount=s.fu_amount, unit=s.fu_units[0], product=s.product))
    b.h2("h_boundary")
    b.p(b.w(f"boundary_{s.boundary}"))
    b.h2("h_standards")
    b.p(b.w("standards", standards=_join(s.standards, s.lang)))
    b.h2("h_gwp")
    values = ("，" if zh else ", ").join(
        b.w("gwp_value", gas=gas, value=b.x(value)) for gas, value in s.gwp_stated.items()
    )
    b.p(b.w("gwp", ordinal=ORDINAL[s.lang][s.gwp_declared], values=values))
    b.h2("h_quality")
    cy, cm = s.collection
    b.p(b.w("quality", year=str(s.period_year), cy=str(cy), cm=str(cm), month_name=MONTHS[cm - 1]))

    b.h1("h_inventory")
    b.h2("h_sources")
    fuels = [FUEL_NAMES[s.lang][k] for k in s.sources_text if k in FUEL_NAMES[s.lang]]
    b.p(b.w("sources", product=s.product, fuels=_join(fuels, s.lang)))
    if s.extra_sources_text:
        extra = [FUEL_NAMES[s.lang].get(k, k) for k in s.extra_sources_text]
        b.p(b.w("sources_extra", extra=_join(extra, s.lang)))
    b.p(b.w("equipment2", equip=equip, n=str(n2), total_kw=str(n2 * int(kw))))
    b.tables += 1
    b.table(b.w("equip_caption2", n=f"{b.chapter}-{b.tables}"),
            [b.w("equip_head2").split("|"), [equip, str(n2), str(n2 * int(kw))],
             [other, str(other_n), str(other_n * other_kw)]])  # fmt: skip
    b.h2("h_factors")
    gy, region = s.grid_label
    b.p(b.w("factors", gy=str(gy), region=region if zh else REGION_EN[region], value=b.x(s.grid_quote)))
    b.h2("h_table")
    b.tables += 1
    b.table(b.w("table_caption", n=f"{b.chapter}-{b.tables}", product=s.product), _inventory(b),
            headed=b.style.header != "none" and b.style.inventory == "rows")  # fmt: skip

    b.h1("h_results")
    b.h2("h_total")
    if b.style.two_tables:
        b.tables += 1
        rows = [[b.w("h_stage"), b.w("h_result"), b.w("h_share")]]
        for stage, value in s.stage_results.items():
            rows.append([names[stage], b.n(value), b.x(s.stage_shares[stage])])
        rows.append([b.w("total_row"), b.n(s.total), b.x("100.00")])
        if b.style.transposed:  # stages as columns
            rows = [list(col) for col in zip(*rows, strict=True)]
        b.table(b.w("stage_caption", n=f"{b.chapter}-{b.tables}"), rows)
    b.p(b.w("total", year=str(s.period_year), product=s.product, total=b.n(s.total),
            production=b.n(s.production[1]), punit=unit0, amount=s.fu_amount,
            unit=s.fu_units[1], per_unit=b.n(s.per_unit)))  # fmt: skip
    b.h2("h_hotspot")
    order = sorted(s.stage_results, key=lambda st: -float(s.stage_results[st]))
    second = next((st for st in order if st != s.hotspot), order[0])
    b.p(b.w("hotspot", hot=names[s.hotspot], hot_share=b.x(s.stage_shares[s.hotspot]),
            second=names[second], second_share=b.x(s.stage_shares[second])))  # fmt: skip
    b.h1("h_conclusion")
    b.p(b.w("conclusion", amount=s.fu_amount, unit=s.fu_units[2], product=s.product,
            per_unit=b.n(s.per_unit), hot=names[order[0]]))  # fmt: skip

    toc = [Block("toc", b.w("toc"))]
    entries = list(b.headings)
    if s.toc_extra:  # after the last entry of the same chapter, as a real TOC would list it
        chapter = s.toc_extra.split(".")[0] + "."
        at = max(
            (i for i, e in enumerate(entries) if e.startswith(chapter)), default=len(entries) - 1
        )
        entries.insert(at + 1, s.toc_extra)
    for i, entry in enumerate(entries):
        toc.append(Block("toc", f"{entry}\t{1 + i // 3}", level=1 if "." not in entry[:4] else 2))
    b.blocks[toc_at:toc_at] = toc
    return _garble(b.blocks, spec.seed) if s.garble else b.blocks


def _inventory(b: Builder) -> list[list[str]]:
    s, style = b.spec, b.style
    names = STAGE_NAMES[s.lang]
    header = [b.w("h_stage"), b.w("h_label"), b.w("h_gas"), b.w("h_qty"), b.w("h_unit"),
              b.w("h_factor"), b.w("h_funit"), b.w("h_gwpcol"), b.w("h_result")]  # fmt: skip
    if not style.two_tables:
        header.append(b.w("h_share"))
    if style.header == "foreign":
        header = FOREIGN_HEADERS[s.lang][: len(header)]
    width = len(header)
    rows = [header]

    def subtotal(label: str, value: str) -> None:
        rows.append([label, *[""] * 7, b.n(value), *[""] * (width - 9)])

    last = {r.stage: i for i, r in enumerate(s.rows)}
    group_last = {r.group: i for i, r in enumerate(s.rows) if r.group}
    for i, r in enumerate(s.rows):
        first = not r.group or r.gas == "CO2"
        qty = "/" if r.blank else b.n(r.quantity)
        result = "/" if r.blank else b.n(r.result)
        row = [names[r.stage] if first else "", r.label if first else "", r.gas, qty,
               r.qty_unit, b.x(r.factor), r.factor_unit, b.x(r.gwp), result]  # fmt: skip
        if not style.two_tables:
            row.append("/" if r.blank else b.x(r.share))
        rows.append(row)
        if style.nested and r.group and group_last[r.group] == i:
            members = [m for m in s.rows if m.group == r.group and not m.blank]
            value = sum((Decimal(m.result) for m in members), Decimal(0))
            subtotal(b.w("subtotal_row", stage=r.group), q(value, 3))
        if style.subtotals and last[r.stage] == i:
            subtotal(b.w("subtotal_row", stage=names[r.stage]), s.stage_results[r.stage])
    total = [b.w("total_row"), "", "", "", "", "", "", "", b.n(s.total)]
    if not style.two_tables:
        total.append(b.x("100.00"))
    rows.append(total)
    if style.header == "none":
        rows = rows[1:]
    if style.inventory == "columns":
        rows = [list(col) for col in zip(*rows, strict=True)]
    return rows


def _garble(blocks: list[Block], seed: int) -> list[Block]:
    """What a PDF without a ToUnicode map gives: most text as (cid:NNN) tokens."""
    rng = random.Random(seed)

    def cid(text: str) -> str:
        return "".join(f"(cid:{rng.randrange(30, 900)})" if not c.isspace() else c for c in text)

    out = []
    for blk in blocks:
        if blk.kind == "title":
            out.append(blk)
        elif blk.kind == "table":
            out.append(Block("table", blk.text, rows=[[cid(c) for c in row] for row in blk.rows]))
        else:
            out.append(Block(blk.kind, cid(blk.text), blk.level))
    return out
