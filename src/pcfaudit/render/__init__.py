"""Renderers: an AuditResult as console text, JSON, SARIF, Markdown or HTML.

Each renderer is a pure function ``render_<fmt>(result, lang="en", **opts) -> str``;
:func:`render` picks one by name. The console renderer writes to a rich Console instead
(:func:`render_console`), and :func:`render_text` is the same output captured as plain text.
:func:`annotate_pdf` returns the audited PDF with the findings as annotations.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

from pcfaudit.model import AuditResult

if TYPE_CHECKING:
    from pcfaudit.render.common import verdict
    from pcfaudit.render.console import render_console, render_text
    from pcfaudit.render.html_out import render_html
    from pcfaudit.render.json_out import json_schema, render_json, result_data
    from pcfaudit.render.lines import render_concise, render_github
    from pcfaudit.render.markdown import render_markdown
    from pcfaudit.render.pdf_annotate import annotate_pdf
    from pcfaudit.render.sarif import render_sarif, sarif_data

# Each renderer is imported when first asked for: a JSON or text run never loads jinja2,
# pypdf or pdfium (a third of pcfaudit's start-up).
_HOME = {
    "verdict": "common",
    "render_console": "console",
    "render_text": "console",
    "render_html": "html_out",
    "json_schema": "json_out",
    "render_json": "json_out",
    "result_data": "json_out",
    "render_concise": "lines",
    "render_github": "lines",
    "render_markdown": "markdown",
    "annotate_pdf": "pdf_annotate",
    "render_sarif": "sarif",
    "sarif_data": "sarif",
}


def __getattr__(name: str) -> Any:
    if name in _HOME:
        return getattr(importlib.import_module(f"pcfaudit.render.{_HOME[name]}"), name)
    raise AttributeError(f"module 'pcfaudit.render' has no attribute {name!r}")

FORMATS = ("text", "json", "sarif", "markdown", "html", "concise", "github")


def render(result: AuditResult, fmt: str, lang: str = "en", **opts: Any) -> str:
    """``fmt`` is one of :data:`FORMATS`; ``opts`` go to the chosen renderer
    (``statistics`` for text/markdown, ``indent`` for json/sarif, ``width`` for text)."""
    if fmt == "text":
        return __getattr__("render_text")(result, lang, **opts)
    if fmt == "json":
        return __getattr__("render_json")(result, lang, **opts)
    if fmt == "sarif":
        return __getattr__("render_sarif")(result, lang, **opts)
    if fmt == "markdown":
        return __getattr__("render_markdown")(result, lang, **opts)
    if fmt == "html":
        return __getattr__("render_html")(result, lang, **opts)
    if fmt == "concise":
        return __getattr__("render_concise")(result, lang)
    if fmt == "github":
        return __getattr__("render_github")(result, lang)
    raise ValueError(f"unknown format {fmt!r}; choose one of {', '.join(FORMATS)}")


__all__ = [
    "FORMATS",
    "annotate_pdf",
    "json_schema",
    "render",
    "render_concise",
    "render_console",
    "render_github",
    "render_html",
    "render_json",
    "render_markdown",
    "render_sarif",
    "render_text",
    "result_data",
    "sarif_data",
    "verdict",
]
