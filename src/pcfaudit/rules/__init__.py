"""Rule engine and check functions; importing this package registers every rule."""

from pcfaudit.rules import functional_unit  # noqa: F401  (registers rules)
from pcfaudit.rules.catalog import Catalog, RuleSpec, load_catalog
from pcfaudit.rules.engine import REGISTRY, RuleContext, rule

__all__ = ["REGISTRY", "Catalog", "RuleContext", "RuleSpec", "load_catalog", "rule"]
