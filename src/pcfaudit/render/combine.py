"""Several audited reports in one output, as ``pcfaudit check a.pdf b.docx -f FMT`` writes it.

Each format stays one valid document however many files were audited: JSON is one array of
contract objects (JSON Lines only when asked, ``jsonl``), SARIF one log with one run, the
line formats one line per finding, the page formats one section after another.
"""

from __future__ import annotations

import json

from pcfaudit.model import AuditResult
from pcfaudit.render.json_out import render_json, result_data
from pcfaudit.render.lines import render_concise, render_github
from pcfaudit.render.sarif import sarif_log

Audited = list[tuple[AuditResult, str]]  # each result with the language it is told in


def render_all(audited: Audited, fmt: str, statistics: bool = False) -> str:
    from pcfaudit.render import render

    if fmt == "sarif":
        return json.dumps(sarif_log(audited), ensure_ascii=False, indent=2) + "\n"
    if fmt == "json":
        if len(audited) == 1:
            result, lang = audited[0]
            return render_json(result, lang) + "\n"
        data = [result_data(result, lang) for result, lang in audited]
        return json.dumps(data, ensure_ascii=False, indent=2) + "\n"
    if fmt == "jsonl":
        return "".join(render_json(r, lang, indent=None) + "\n" for r, lang in audited)
    if fmt == "csv":
        from pcfaudit.render.workbook import render_csv

        return render_csv(audited)
    if fmt == "concise":
        return "".join(render_concise(r, lang) for r, lang in audited)
    if fmt == "github":
        return "".join(render_github(r, lang) for r, lang in audited)
    chunks = []
    for result, lang in audited:
        if fmt in {"text", "markdown"}:
            chunks.append(render(result, fmt, lang=lang, statistics=statistics))
        else:
            chunks.append(render(result, fmt, lang=lang))
    return "\n\n".join(c.rstrip("\n") for c in chunks) + "\n"
