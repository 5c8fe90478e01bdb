"""Human-readable view of what ``pcfaudit extract`` read: the report's claims and inventory."""

from __future__ import annotations

from rich.console import Console
from rich.table import Table

from pcfaudit.escape import terminal
from pcfaudit.model import Document, InventoryLine, Quantity, Report
from pcfaudit.model import Table as DocTable


def _q(value: Quantity | None, mark: str | None = None) -> str:
    if value is None:
        return mark if mark and mark != "empty" else ""
    return str(value)


def _inventory_table(lines: list[InventoryLine]) -> Table:
    table = Table(title="Inventory", box=None, pad_edge=False, title_justify="left")
    for column in ("where", "label", "gas", "quantity", "factor", "GWP", "result", "share %"):
        table.add_column(column)
    for line in lines:
        table.add_row(  # report text may hold "[/bold]": cells are escaped, never markup
            *map(terminal, _cells(line))
        )
    return table


def _cells(line: InventoryLine) -> tuple[str, ...]:
    return (
        line.location.describe(),
        line.label,
        line.gas or "",
        _q(line.quantity, line.marks.get("quantity")),
        _q(line.factor, line.marks.get("factor")),
        line.gwp.text if line.gwp else line.marks.get("gwp", "").replace("empty", ""),
        _q(line.result, line.marks.get("result")),
        line.share.text if line.share else "",
    )


def render_report_text(document: Document, report: Report, console: Console) -> None:
    src = document.source
    console.print(
        f"[bold]{terminal(src.path)}[/]  {src.format}"
        + (f", {src.pages} pages" if src.pages else "")
        + f", {len(document.blocks)} blocks, {len(document.tables)} tables, "
        f"language {report.language}"
    )
    sections: list[tuple[str, list[str]]] = [
        (
            "Functional unit",
            [
                f"{(s.amount.text if s.amount else '1')} {s.unit_text or s.unit} {s.subject} [{s.role}] — {s.location.describe()}"
                for s in report.functional_units
            ],
        ),
        (
            "Boundary",
            [f"{b.type.value} — {b.location.describe()}" for b in report.boundary]
            + [f"{s.stage.value}: {s.status} — {s.location.describe()}" for s in report.stages],
        ),
        (
            "GWP",
            [
                f"{g.report or ''} {g.gas or ''} {g.value.text if g.value else ''} — {g.location.describe()}".strip()
                for g in report.gwp_declarations
            ],
        ),
        (
            "Standards",
            [
                f"{s.code}{':' + str(s.year) if s.year else ''} — {s.location.describe()}"
                for s in report.standards
            ],
        ),
        (
            "Dates",
            [
                f"{d.kind}: {d.year}-{d.month or '?'}{'-' + str(d.day) if d.day else ''} — {d.location.describe()}"
                for d in report.dates
            ],
        ),
        ("Production", [f"{p.quantity} — {p.location.describe()}" for p in report.production]),
        (
            "Totals",
            [
                f"{t.kind}: {t.quantity} ({t.label or ''}) — {t.location.describe()}"
                for t in report.totals
            ],
        ),
        ("Per unit", [f"{t.quantity} — {t.location.describe()}" for t in report.per_unit]),
        (
            "Shares",
            [f"{t.kind}: {t.label}: {t.quantity} — {t.location.describe()}" for t in report.shares],
        ),
        (
            "Factors quoted",
            [
                f"{f.value.text} {f.unit_text} {f.carrier or ''} {f.label[:40]} — {f.location.describe()}"
                for f in report.factors
            ],
        ),
        (
            "Sources named",
            [
                f"{m.name} ({'used' if m.used else 'not used'}) — {m.location.describe()}"
                for m in report.mentions
            ],
        ),
    ]
    for title, rows in sections:
        if not rows:
            continue
        console.print(f"\n[bold]{title}[/]")
        for row in rows:
            console.print(f"  {row}", markup=False, highlight=False)
    if report.inventory:
        console.print()
        console.print(_inventory_table(report.inventory))


def _where(t: DocTable, index: int) -> str:
    loc = t.location
    parts = [f"Table {index + 1}"]
    pages = sorted({c.location.page for row in t.rows for c in row if c.location.page})
    if len(pages) > 1:
        parts.append(f"pp. {pages[0]}-{pages[-1]}")
    elif loc.page is not None:
        parts.append(f"p. {loc.page}")
    if loc.line is not None:
        parts.append(f"line {loc.line}")
    if loc.section:
        parts.append(f"§{loc.section}")
    if t.caption:
        parts.append(t.caption)
    if any(c.source == "ocr" for row in t.rows for c in row):
        parts.append("(read by OCR)")
    return " — ".join(parts)


def render_tables_text(document: Document, console: Console) -> None:
    """Every table as a grid in the terminal, with where it is, so a user sees exactly
    what was read (merged cells print once, in their first slot)."""
    from rich import box
    from rich.markup import escape

    console.print(f"[bold]{escape(document.source.path)}[/]: {len(document.tables)} tables")
    for k, t in enumerate(document.tables):
        grid = Table(title=escape(_where(t, k)), title_justify="left", box=box.SIMPLE_HEAD,
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
        console.print(escape(region.describe()), highlight=False)


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
