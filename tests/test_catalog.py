"""The catalog and the engine agree: every entry has a function, every function an entry,
and every rule can be explained in both languages."""

from __future__ import annotations

import re

import pytest

from pcfaudit.model import CATEGORIES
from pcfaudit.rules import REGISTRY, load_catalog
from pcfaudit.rules.explain import explain_rule

CATALOG = load_catalog()


def test_every_catalog_entry_has_a_check_function():
    missing = [spec.code for spec in CATALOG if spec.code not in REGISTRY]
    assert missing == []


def test_every_check_function_has_a_catalog_entry():
    orphans = [code for code in REGISTRY if CATALOG.get(code) is None]
    assert orphans == []


@pytest.mark.parametrize("spec", list(CATALOG), ids=lambda s: s.code)
def test_entry_is_complete(spec):
    assert re.fullmatch(r"[A-Z]{2}\d{3}", spec.code)
    assert re.fullmatch(r"[a-z0-9]+(-[a-z0-9]+)*", spec.name)
    assert spec.category in CATEGORIES
    for field in (spec.title, spec.rationale):
        assert field.get("en") and field.get("zh"), spec.code
    assert REGISTRY[spec.code].__doc__, f"{spec.code} has no docstring"


@pytest.mark.parametrize("spec", list(CATALOG), ids=lambda s: s.code)
@pytest.mark.parametrize("lang", ["en", "zh"])
def test_explain_in_both_languages(spec, lang):
    text = explain_rule(spec, lang)
    assert text.startswith(f"{spec.code} ({spec.name})")
    assert spec.title[lang] in text and spec.rationale[lang].strip()[:20] in text


def test_names_and_codes_are_unique():
    names = [spec.name for spec in CATALOG]
    assert len(names) == len(set(names))


def test_catalog_loads_from_the_installed_package_not_the_checkout():
    from importlib import resources

    root = resources.files("pcfaudit.catalog")
    assert any(item.name.endswith(".yaml") for item in root.iterdir())
