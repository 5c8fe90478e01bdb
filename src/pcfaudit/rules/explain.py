"""``pcfaudit explain``: a rule's documentation from its catalog entry and docstring."""

from __future__ import annotations

import inspect

from pcfaudit.i18n import label, norm_lang
from pcfaudit.rules.catalog import RuleSpec
from pcfaudit.rules.engine import REGISTRY


class _Labels:
    """The explain labels of the message catalogue (pcfaudit.i18n), by short name."""

    def __init__(self, lang: str) -> None:
        self.lang = lang

    def __getitem__(self, key: str) -> str:
        return label(self.lang, f"explain.{key}")


def explain_rule(spec: RuleSpec, lang: str = "en") -> str:
    """Markdown-ish text: title, category and severity, rationale, the check function's
    docstring (English), clauses, example, false positives and parameters."""
    lang = norm_lang(lang)
    t = _Labels(lang)
    title = spec.title.get(lang) or spec.title.get("en", "")
    out = [f"{spec.code} ({spec.name}): {title}", ""]
    severity = label(lang, f"severity.{spec.severity}")
    out.append(f"{t['category']}: {spec.category}    {t['severity']}: {severity}")
    out += ["", f"## {t['why']}", "", spec.rationale.get(lang) or spec.rationale.get("en", "")]
    fn = REGISTRY.get(spec.code)
    doc = inspect.getdoc(fn) if fn else None
    if doc and lang == "en":
        out += ["", f"## {t['what']}", "", doc]
    elif doc:  # the technical note is written in English; say what is checked, in Chinese
        out += ["", f"## {t['what']}", "", title, "", label(lang, "explain.details", code=spec.code)]
    if spec.clauses:
        out += ["", f"## {t['clauses']}", "", *(f"- {c}" for c in spec.clauses)]
    if spec.example:
        out += ["", f"## {t['example']}", ""]
        if "bad" in spec.example:
            out.append(f"{t['bad']}: {spec.example['bad']}")
        if "good" in spec.example:
            out.append(f"{t['good']}: {spec.example['good']}")
    fp = spec.false_positives.get(lang) or spec.false_positives.get("en")
    if fp:
        out += ["", f"## {t['fp']}", "", fp]
    if spec.parameters:
        out += [
            "",
            f"## {t['params']}",
            "",
            *(f"- {k} = {v!r}" for k, v in spec.parameters.items()),
        ]
    return "\n".join(out).rstrip() + "\n"
