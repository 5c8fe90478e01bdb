"""``pcfaudit explain``: a rule's documentation from its catalog entry and docstring."""

from __future__ import annotations

import inspect

from pcfaudit.i18n import clause, label, norm_lang
from pcfaudit.rules.catalog import RuleSpec
from pcfaudit.rules.engine import REGISTRY


class _Labels:
    """The explain labels of the message catalogue (pcfaudit.i18n), by short name."""

    def __init__(self, lang: str) -> None:
        self.lang = lang

    def __getitem__(self, key: str) -> str:
        return label(self.lang, f"explain.{key}")


def _in(texts: dict[str, str], lang: str) -> str:
    """A catalog text in ``lang``, English when the catalog has no translation."""
    return texts.get(lang) or texts.get("en", "")


def _what(spec: RuleSpec, lang: str) -> str:
    """What the check does: the catalog's translation, else the check function's
    docstring (the English text); in Chinese without one, the title and a pointer."""
    if lang != "en" and spec.checks.get(lang):
        return spec.checks[lang].strip()
    fn = REGISTRY.get(spec.code)
    doc = inspect.getdoc(fn) if fn else None
    if not doc:
        return ""
    if lang == "en":
        return doc
    title = _in(spec.title, lang)
    return f"{title}\n\n{label(lang, 'explain.details', code=spec.code)}"


def explain_rule(spec: RuleSpec, lang: str = "en") -> str:
    """Markdown-ish text: title, category and severity, rationale, what the check does,
    clauses, example, false positives and parameters, all in ``lang``."""
    lang = norm_lang(lang)
    t = _Labels(lang)
    colon = label(lang, "colon")
    title = _in(spec.title, lang)
    out = [f"{spec.code} ({spec.name}){colon}{title}", ""]
    severity = label(lang, f"severity.{spec.severity}")
    category = label(lang, f"category.{spec.category}")
    out.append(f"{t['category']}{colon}{category}    {t['severity']}{colon}{severity}")
    out += ["", f"## {t['why']}", "", _in(spec.rationale, lang)]
    what = _what(spec, lang)
    if what:
        out += ["", f"## {t['what']}", "", what]
    if spec.clauses:
        out += ["", f"## {t['clauses']}", "", *(f"- {clause(lang, c)}" for c in spec.clauses)]
    if spec.example:
        out += ["", f"## {t['example']}", ""]
        for kind in ("bad", "good"):
            if kind in spec.example:
                out.append(f"{t[kind]}{colon}{_in(spec.example[kind], lang)}")
    fp = _in(spec.false_positives, lang)
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
