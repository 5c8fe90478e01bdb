"""``pcfaudit reference`` as text, in the reader's language: pcfaudit's words (titles,
headers, yes/no, statuses, scopes, kinds, item names) from the catalogue; the pack's own
data (values, units, titles and citations of documents, notes) as written."""

from __future__ import annotations

from rich.console import Console
from rich.markup import escape
from rich.table import Table

from pcfaudit.i18n import has_label, label, norm_lang, phrase
from pcfaudit.reference.pack import ReferencePack

# the columns whose cells are pcfaudit's words, and their catalogue prefix
_WORDS = {"kind": "ref.kind", "status": "ref.status", "scope": "ref.scope", "item": "ref.item"}


def _known(lang: str, key: str, text: str) -> str:
    return label(lang, key) if has_label(key) else text


def _cell(lang: str, header: str, text: str) -> str:
    if norm_lang(lang) == "en" or not text:
        return text
    if header == "verified":  # "yes", "no", or "no: AR5, AR5-CCF" (the reports not verified)
        answer, _, which = text.partition(":")
        said = _known(lang, f"ref.{answer.strip()}", answer)
        return f"{said}{label(lang, 'colon')}{which.strip()}" if which else said
    if header in _WORDS:
        return _known(lang, f"{_WORDS[header]}.{text}", text)
    if header == "fuel":
        return phrase(lang, text) or text
    return text


def reference_json(pack: ReferencePack, shows: list[str]) -> dict[str, object]:
    """The pack and its tables for tools, with the maintainers' notes."""
    tables: dict[str, list[dict[str, str]]] = {}
    for name in shows:
        headers, rows = pack.table(name, notes=True)
        tables[name] = [dict(zip(headers, row, strict=False)) for row in rows]
    return {"pack": pack.info(), "tables": tables}


def render_reference_text(
    pack: ReferencePack, shows: list[str], console: Console, lang: str, *, summary: bool, notes: bool
) -> None:
    info = pack.info()
    overlay = f"  {label(lang, 'ref.overlay')} {info['overlay']}" if info.get("overlay") else ""
    console.print(f"[bold]{info['name']}[/] {info['version']}  sha256 {info['sha256'][:16]}{overlay}")
    for name in shows:
        headers, rows = pack.table(name, notes=notes)
        title = label(lang, f"ref.table.{name}")
        if summary:
            console.print("  " + label(lang, "ref.summary", name=name, title=title, n=len(rows)))
            continue
        table = Table(title=title, box=None, pad_edge=False, title_justify="left")
        for header in headers:
            table.add_column(_known(lang, f"ref.col.{header}", header), overflow="fold")
        for row in rows:
            table.add_row(*(escape(_cell(lang, h, cell)) for h, cell in zip(headers, row, strict=False)))
        console.print(table)
        if name == "gwp" and not notes:  # one value per report and gas: documents listed below
            console.print(label(lang, "ref.citations"))
            for report, citation in pack.gwp_citations():
                console.print(f"  {report}{label(lang, 'colon')}{escape(citation)}", overflow="fold")
