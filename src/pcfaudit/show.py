"""Human-readable view of what ``pcfaudit extract`` read: the report's claims and inventory,
or its tables, in the reader's language (pcfaudit's words from the catalogue; the report's
own words as written)."""

from __future__ import annotations

from functools import partial

from rich.console import Console
from rich.table import Table

from pcfaudit.escape import terminal
from pcfaudit.i18n import has_label, label, norm_lang, phrase
from pcfaudit.model import (
    DateClaim,
    Document,
    InventoryLine,
    Location,
    Quantity,
    Report,
    UnreadRegion,
)
from pcfaudit.model import Table as DocTable


def _q(value: Quantity | None, mark: str | None = None) -> str:
    if value is None:
        return mark if mark and mark != "empty" else ""
    return str(value)


def _term(lang: str, value: str) -> str:
    """A value pcfaudit writes in English (a stage, a boundary, a carrier) in ``lang``."""
    return value if norm_lang(lang) == "en" else phrase(lang, value) or value


def _place(loc: Location, lang: str) -> str:
    """Location.describe() in ``lang`` (the same parts, the catalogue's words)."""
    if norm_lang(lang) == "en":
        return loc.describe()
    parts: list[str] = []
    if loc.page is not None:
        parts.append(label(lang, "loc.page", n=loc.page))
    if loc.section:
        parts.append(label(lang, "loc.section", s=loc.section))
    if loc.table is not None:
        parts.append(label(lang, "loc.table_row", n=loc.table + 1, r=loc.row + 1)
                     if loc.row is not None else label(lang, "loc.table", n=loc.table + 1))  # fmt: skip
    if loc.line is not None:
        parts.append(label(lang, "loc.line", n=loc.line))
    elif loc.paragraph is not None:
        parts.append(label(lang, "loc.paragraph", n=loc.paragraph + 1))
    return label(lang, "loc.sep").join(parts) or label(lang, "label.document")


_COLUMNS = ("where", "label", "gas", "quantity", "factor", "gwp", "result", "share")


def _inventory_table(lines: list[InventoryLine], lang: str) -> Table:
    table = Table(title=label(lang, "label.inventory"), box=None, pad_edge=False, title_justify="left")
    for column in _COLUMNS:
        table.add_column(label(lang, f"show.col.{column}"), overflow="fold")  # CJK has no spaces to wrap at
    for line in lines:
        table.add_row(  # report text may hold "[/bold]": cells are escaped, never markup
            *map(terminal, _cells(line, lang))
        )
    return table


def _cells(line: InventoryLine, lang: str) -> tuple[str, ...]:
    return (
        _place(line.location, lang),
        line.label,
        line.gas or "",
        _q(line.quantity, line.marks.get("quantity")),
        _q(line.factor, line.marks.get("factor")),
        line.gwp.text if line.gwp else line.marks.get("gwp", "").replace("empty", ""),
        _q(line.result, line.marks.get("result")),
        line.share.text if line.share else "",
    )


def _headline(document: Document, report: Report, lang: str) -> str:
    src = document.source
    kind = f"show.format.{src.format}"
    counts = [label(lang, kind) if has_label(kind) else src.format]
    if src.pages:
        counts.append(label(lang, "show.pages", n=src.pages))
    counts += [label(lang, "show.blocks", n=len(document.blocks)),
               label(lang, "show.tables", n=len(document.tables)),
               label(lang, "show.language", code=report.language,
                     name=label(lang, "show.lang.zh" if report.language == "zh" else "show.lang.en"))]  # fmt: skip
    return f"[bold]{terminal(src.path)}[/]  " + label(lang, "show.list_sep").join(counts)


def _date(d: DateClaim) -> str:
    return f"{d.year}-{d.month or '?'}{'-' + str(d.day) if d.day else ''}"


def _sections(report: Report, lang: str) -> list[tuple[str, list[str]]]:
    t = partial(_term, lang)
    at = f" {label(lang, 'show.at')} "
    colon = label(lang, "colon")

    def where(loc: Location) -> str:
        return at + _place(loc, lang)

    return [
        ("functional_unit", [
            f"{(s.amount.text if s.amount else '1')} {s.unit_text or s.unit} {s.subject} [{t(s.role)}]{where(s.location)}"
            for s in report.functional_units
        ]),
        ("boundary", [f"{t(b.type.value)}{where(b.location)}" for b in report.boundary]
         + [f"{t(s.stage.value)}{colon}{t(s.status)}{where(s.location)}" for s in report.stages]),
        ("gwp", [
            (f"{g.report or ''} {g.gas or ''} {g.value.text if g.value else ''}" + where(g.location)).strip()
            for g in report.gwp_declarations
        ]),
        ("standards", [
            f"{s.code}{':' + str(s.year) if s.year else ''}{where(s.location)}" for s in report.standards
        ]),
        ("dates", [
            f"{t(_DATE_KINDS.get(d.kind, d.kind)) if norm_lang(lang) == 'zh' else d.kind}{colon}{_date(d)}{where(d.location)}"
            for d in report.dates
        ]),
        ("production", [f"{p.quantity}{where(p.location)}" for p in report.production]),
        ("totals", [f"{t(x.kind)}{colon}{x.quantity} ({x.label or ''}){where(x.location)}" for x in report.totals]),
        ("per_unit", [f"{x.quantity}{where(x.location)}" for x in report.per_unit]),
        ("shares", [f"{t(x.kind)}{colon}{x.label}{colon}{x.quantity}{where(x.location)}" for x in report.shares]),
        ("factors", [
            f"{f.value.text} {f.unit_text} {t(f.carrier or '')} {f.label[:40]}{where(f.location)}"
            for f in report.factors
        ]),
        ("mentions", [
            f"{t(m.name)} ({label(lang, 'show.used' if m.used else 'show.not_used')}){where(m.location)}"
            for m in report.mentions
        ]),
    ]  # fmt: skip


_DATE_KINDS = {"report": "report date"}  # the kind alone would read as "the report"


def render_report_text(document: Document, report: Report, console: Console, lang: str = "en") -> None:
    console.print(_headline(document, report, lang))
    for key, rows in _sections(report, lang):
        if not rows:
            continue
        console.print(f"\n[bold]{label(lang, f'show.{key}')}[/]")
        for row in rows:
            console.print(f"  {row}", markup=False, highlight=False)
    if report.inventory:
        console.print()
        console.print(_inventory_table(report.inventory, lang))


def _where(t: DocTable, index: int, lang: str) -> str:
    loc = t.location
    parts = [label(lang, "show.table", n=index + 1)]
    pages = sorted({c.location.page for row in t.rows for c in row if c.location.page})
    if len(pages) > 1:
        parts.append(label(lang, "show.page_range", first=pages[0], last=pages[-1]))
    elif loc.page is not None:
        parts.append(label(lang, "loc.page", n=loc.page))
    if loc.line is not None:
        parts.append(label(lang, "loc.line", n=loc.line))
    if loc.section:
        parts.append(label(lang, "loc.section", s=loc.section))
    if t.caption:
        parts.append(t.caption)
    if any(c.source == "ocr" for row in t.rows for c in row):
        parts.append(label(lang, "show.by_ocr"))
    return " — ".join(parts)


def unread_text(region: UnreadRegion, lang: str) -> str:
    """UnreadRegion.describe() in ``lang``."""
    if norm_lang(lang) == "en":
        return region.describe()
    key = f"show.unread.{region.kind}"
    what = label(lang, key) if has_label(key) else region.kind
    named = label(lang, "show.unread.under", context=region.context[:60]) if region.context and region.kind == "image" else ""
    status = label(lang, "show.by_ocr" if region.ocr else "show.not_audited")
    return f"{label(lang, 'loc.page', n=region.page)}{label(lang, 'colon')}{named}{what}{status}"


def render_tables_text(document: Document, console: Console, lang: str = "en") -> None:
    """Every table as a grid in the terminal, with where it is, so a user sees exactly
    what was read (merged cells print once, in their first slot)."""
    from rich import box
    from rich.markup import escape

    console.print(f"[bold]{escape(document.source.path)}[/]{label(lang, 'colon')}"
                  + label(lang, "show.tables", n=len(document.tables)))  # fmt: skip
    for k, t in enumerate(document.tables):
        grid = Table(title=escape(_where(t, k, lang)), title_justify="left", box=box.SIMPLE_HEAD,
                     show_header=False, pad_edge=False)
        width = max((len(row) for row in t.rows), default=0)
        for _ in range(width):
            grid.add_column(overflow="fold")
        widths = [0] * width
        for row in t.rows:
            cells = [
                # a merged cell prints once, in its first slot
                escape(c.text) if c.location.column in (None, col) else ""
                for col, c in enumerate(row)
            ]
            for col, (text, c) in enumerate(zip(cells, row, strict=False)):
                if c.colspan == 1:  # a merged cell wraps over its first column
                    widths[col] = max(widths[col], len(text))
            grid.add_row(*cells, *[""] * (width - len(cells)))
        if console.is_terminal:
            console.print(grid)
        else:  # a file or a pipe: no folding, each row on one line
            natural = min(max(console.width, sum(widths) + 2 * width + 2), 10_000)
            Console(file=console.file, width=natural, no_color=True).print(grid)
    for region in document.stats.unread:
        console.print(escape(unread_text(region, lang)), highlight=False)


def tables_json(document: Document) -> dict[str, object]:
    """The tables as plain rows of strings with their location, for tools."""
    return {
        "source": document.source.path,
        "tables": [
            {
                "index": k,
                "page": t.location.page,
                "pages": sorted({c.location.page for row in t.rows for c in row if c.location.page}),
                "line": t.location.line,
                "section": t.location.section,
                "caption": t.caption,
                "bbox": list(t.location.bbox) if t.location.bbox else None,
                "ocr": any(c.source == "ocr" for row in t.rows for c in row),
                "rows": [[c.text for c in row] for row in t.rows],
            }
            for k, t in enumerate(document.tables)
        ],
        "not_read": [region.describe() for region in document.stats.unread],
    }
