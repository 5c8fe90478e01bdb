"""``pcfaudit explain``: a rule's documentation from its catalog entry and docstring."""

from __future__ import annotations

import inspect

from pcfaudit.rules.catalog import RuleSpec
from pcfaudit.rules.engine import REGISTRY

_LABELS = {
    "en": {
        "why": "Why it matters",
        "what": "What it checks",
        "clauses": "Clauses",
        "example": "Example",
        "bad": "Flagged",
        "good": "Fine",
        "fp": "Known false positives",
        "params": "Parameters",
        "severity": "Default severity",
        "category": "Category",
    },
    "zh": {
        "why": "为何重要",
        "what": "检查内容",
        "clauses": "对应条款",
        "example": "示例",
        "bad": "会被标记",
        "good": "不会标记",
        "fp": "已知误报",
        "params": "参数",
        "severity": "默认严重程度",
        "category": "类别",
    },
}


def explain_rule(spec: RuleSpec, lang: str = "en") -> str:
    """Markdown-ish text: title, category and severity, rationale, the check function's
    docstring (English), clauses, example, false positives and parameters."""
    t = _LABELS.get(lang, _LABELS["en"])
    title = spec.title.get(lang) or spec.title.get("en", "")
    out = [f"{spec.code} ({spec.name}): {title}", ""]
    out.append(f"{t['category']}: {spec.category}    {t['severity']}: {spec.severity}")
    out += ["", f"## {t['why']}", "", spec.rationale.get(lang) or spec.rationale.get("en", "")]
    fn = REGISTRY.get(spec.code)
    doc = inspect.getdoc(fn) if fn else None
    if doc:
        out += ["", f"## {t['what']}", "", doc]
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
