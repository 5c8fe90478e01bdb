"""The rule catalog: data only, one YAML file per category under the top-level ``rules/``
directory (plus ``epd.yaml``, a family whose entries name their own category), shipped in
the wheel as the package ``pcfaudit.catalog``."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field
from functools import cache
from importlib import resources
from typing import Any

import yaml

from pcfaudit.model import CATEGORIES, Severity

# libyaml's loader when PyYAML was built with it: the catalog loads on every run.
_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


@dataclass(frozen=True)
class RuleSpec:
    code: str
    name: str
    category: str
    severity: Severity
    title: dict[str, str]
    rationale: dict[str, str]
    clauses: tuple[str, ...] = ()
    # kind ("bad", "good") -> language -> text; a plain string in the YAML (the report's
    # own wording, quoted) stands for every language
    example: dict[str, dict[str, str]] = field(default_factory=dict)
    false_positives: dict[str, str] = field(default_factory=dict)
    parameters: dict[str, Any] = field(default_factory=dict)
    # what the check does, by language; English is the check function's docstring
    checks: dict[str, str] = field(default_factory=dict)


@dataclass(frozen=True)
class Catalog:
    rules: dict[str, RuleSpec]

    def get(self, code: str) -> RuleSpec | None:
        return self.rules.get(code.upper())

    def require(self, code: str) -> RuleSpec:
        spec = self.get(code)
        if spec is None:
            raise KeyError(f"rule {code} is not in the catalog")
        return spec

    def by_name(self, name: str) -> RuleSpec | None:
        return next((r for r in self.rules.values() if r.name == name), None)

    def __iter__(self) -> Iterator[RuleSpec]:
        return iter(sorted(self.rules.values(), key=lambda r: r.code))

    def __len__(self) -> int:
        return len(self.rules)


class CatalogError(ValueError):
    pass


def _spec(entry: dict[str, Any], category: str, source: str) -> RuleSpec:
    for key in ("code", "name", "severity", "title", "rationale"):
        if key not in entry:
            raise CatalogError(f"{source}: rule {entry.get('code', '?')} lacks '{key}'")
    if entry["severity"] not in ("error", "warning", "info"):
        raise CatalogError(f"{source}: {entry['code']} has severity {entry['severity']!r}")
    return RuleSpec(
        code=str(entry["code"]).upper(),
        name=str(entry["name"]),
        category=category,
        severity=entry["severity"],
        title=dict(entry["title"]),
        rationale=dict(entry["rationale"]),
        clauses=tuple(entry.get("clauses") or ()),
        example={
            kind: dict(text) if isinstance(text, dict) else {"en": str(text)}
            for kind, text in (entry.get("example") or {}).items()
        },
        false_positives=dict(entry.get("false_positives") or {}),
        parameters=dict(entry.get("parameters") or {}),
        checks=dict(entry.get("checks") or {}),
    )


@cache
def load_catalog() -> Catalog:
    """Every rule of every ``*.yaml`` in the installed catalog package."""
    rules: dict[str, RuleSpec] = {}
    root = resources.files("pcfaudit.catalog")
    for item in sorted(root.iterdir(), key=lambda p: p.name):
        if not item.name.endswith(".yaml"):
            continue
        data = yaml.load(item.read_text(encoding="utf-8"), Loader=_LOADER) or {}
        file_category = data.get("category")
        for entry in data.get("rules") or []:
            # A family of rules spanning categories (EPD checks) names each entry's category.
            category = entry.get("category", file_category)
            if category not in CATEGORIES:
                raise CatalogError(f"{item.name}: unknown category {category!r}")
            spec = _spec(entry, category, item.name)
            if spec.code in rules:
                raise CatalogError(f"{item.name}: duplicate code {spec.code}")
            rules[spec.code] = spec
    return Catalog(rules)
