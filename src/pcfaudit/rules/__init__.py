"""Rule engine and check functions; importing this package registers every rule."""

from pcfaudit.rules import (  # noqa: F401  (importing registers the rules)
    arithmetic,
    boundary,
    boundary_data,
    carbon_content,
    consistency,
    double_count,
    emission_factor,
    epd,
    extraction,
    extraction_numbers,
    factor_units,
    figures,
    functional_unit,
    gwp,
    gwp_outdated,
    narrative,
    omission,
    omission_gas,
    percent_units,
    plausibility,
    relations,
    series,
    standard,
    structure,
    temporal,
)
from pcfaudit.rules.catalog import Catalog, RuleSpec, load_catalog
from pcfaudit.rules.engine import REGISTRY, RuleContext, rule

__all__ = ["REGISTRY", "Catalog", "RuleContext", "RuleSpec", "load_catalog", "rule"]
