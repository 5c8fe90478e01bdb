"""What ``pcfaudit.audit()`` returns: the pipeline's AuditResult with the conveniences of an
interactive session, ``to_dict()`` (the JSON contract as plain data) and ``_repr_html_()``
(the HTML report, shown by Jupyter in an isolated frame so its styles stay its own).

It lives here, above the renderers, so the model stays plain data that imports nothing.
"""

from __future__ import annotations

import dataclasses
import html
from pathlib import Path
from typing import Any

from pcfaudit.model import AuditResult


class Audit(AuditResult):
    """An AuditResult (every field, same equality) that can show itself."""

    lang: str | None = None  # the language to render in; default: the report's

    def to_dict(self, lang: str | None = None) -> dict[str, Any]:
        from pcfaudit.render.json_out import result_data

        return result_data(self, lang or self.lang or self.report.language)

    def _repr_html_(self) -> str:
        from pcfaudit.render.html_out import render_html

        page = render_html(self, self.lang or self.report.language)
        return (
            '<iframe style="width:100%;height:640px;border:1px solid #e4e7eb" '
            f'srcdoc="{html.escape(page, quote=True)}"></iframe>'
        )


def as_audit(result: AuditResult) -> Audit:
    fields = {f.name: getattr(result, f.name) for f in dataclasses.fields(result)}
    return Audit(**fields)


def audit(source: str | Path | bytes, config: Any = None, *, name: str | None = None) -> Audit:
    """Audit one report (a path or its bytes); see :func:`pcfaudit.pipeline.audit`."""
    from pcfaudit.pipeline import audit as run

    return as_audit(run(source, config, name=name))
