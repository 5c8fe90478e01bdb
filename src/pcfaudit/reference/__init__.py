"""Versioned reference data (GWP tables, gas aliases, refrigerant blends, China grid factors,
fuel defaults, plausibility ranges, standard editions), each value with its source and a
``verified`` flag. Rules may raise an ``error`` on a reference value only if it is verified.

    from pcfaudit.reference import load_pack
    pack = load_pack()                      # or load_pack(Path("my-overlay/"))
    pack.gwp("AR4", "CH4")                  # Decimal("25")
    pack.reports_consistent({"CH4": Decimal("25"), "N2O": Decimal("298")})   # ["AR4"]
    pack.blend_gwp("R404A", "AR4")          # Decimal("3921.6")
    pack.grid_factors_matching(Decimal("0.5942"))[0].kind   # "residual"
"""

from pcfaudit.reference.pack import (
    ReferencePack,
    blend_key,
    canonical_report,
    load_pack,
    matches_printed,
)
from pcfaudit.reference.records import (
    REPORT_FAMILY,
    REPORTS,
    Blend,
    BlendComponent,
    BlendGwp,
    Fuel,
    FuelDefault,
    GridFactor,
    GwpValue,
    PlausibilityRange,
    StandardEdition,
    Window,
)
from pcfaudit.reference.standards import parse_citation
from pcfaudit.reference.tables import SHOWS
from pcfaudit.vocab.rates import convert, parse_rate_unit
from pcfaudit.vocab.rates import rate_factor as conversion_factor

__all__ = [
    "REPORTS",
    "REPORT_FAMILY",
    "SHOWS",
    "Blend",
    "BlendComponent",
    "BlendGwp",
    "Fuel",
    "FuelDefault",
    "GridFactor",
    "GwpValue",
    "PlausibilityRange",
    "ReferencePack",
    "StandardEdition",
    "Window",
    "blend_key",
    "canonical_report",
    "conversion_factor",
    "convert",
    "load_pack",
    "matches_printed",
    "parse_citation",
    "parse_rate_unit",
]
