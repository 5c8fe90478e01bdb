"""What interpret produces: a Report of typed facts (functional units, boundary, inventory
lines with their stage and carrier, totals, statements …), each keeping its Location."""

from __future__ import annotations

import enum
import functools
from dataclasses import dataclass, field
from decimal import Decimal
from fractions import Fraction
from typing import Literal

from pcfaudit.model.document import Location

# Field metadata of typed facts left out of the JSON contract (derived from fields that are
# in it, or duplicating what the statement's text already says).
DERIVED = {"derived": True}

# --------------------------------------------------------------------------- numbers


@dataclass(frozen=True)
class Number:
    """A number as printed. ``value`` is exact; ``decimals`` the printed decimal places
    (negative for numbers rounded to tens/hundreds is never assumed: integers are 0).
    ``approximate`` is set for '≈', '约', 'about'. ``scale`` records a 万/亿/% style
    multiplier already folded into ``value``."""

    text: str
    value: Decimal
    decimals: int = 0
    approximate: bool = False
    scale: Decimal = Decimal(1)

    # Cached: recomputation asks for a number's interval thousands of times (the instance is
    # frozen, so the cache can never go stale).
    @functools.cached_property
    def half_ulp(self) -> Fraction:
        """Half a unit in the last printed place, in the units of ``value``."""
        d = self.decimals
        half = Fraction(1, 2 * 10**d) if d >= 0 else Fraction(10**-d, 2)
        return half if self.scale == 1 else half * Fraction(self.scale)

    @functools.cached_property
    def interval(self) -> tuple[Fraction, Fraction]:
        v = Fraction(self.value)
        h = self.half_ulp
        return (v - h, v + h)

    @functools.cached_property
    def floats(self) -> tuple[float, float] | None:
        """(value, half_ulp) as floats, for screens in front of exact arithmetic; None when
        a float cannot hold them."""
        try:
            return float(self.value), float(self.half_ulp)
        except (OverflowError, ValueError):
            return None

    def __str__(self) -> str:
        return self.text


@dataclass(frozen=True)
class Quantity:
    """A number with its unit as printed (``unit_text``) and normalised (``unit``, a key of
    :mod:`pcfaudit.quantities`' unit table, or None when unknown)."""

    number: Number
    unit: str | None = None
    unit_text: str = ""

    def __str__(self) -> str:
        return f"{self.number.text} {self.unit_text}".strip()


# --------------------------------------------------------------------------- report


class Stage(enum.StrEnum):
    RAW_MATERIAL = "raw-material"
    RAW_MATERIAL_TRANSPORT = "raw-material-transport"
    PRODUCTION = "production"
    DISTRIBUTION = "distribution"
    USE = "use"
    END_OF_LIFE = "end-of-life"


class BoundaryType(enum.StrEnum):
    CRADLE_TO_GRAVE = "cradle-to-grave"
    CRADLE_TO_GATE = "cradle-to-gate"
    GATE_TO_GATE = "gate-to-gate"
    CRADLE_TO_CRADLE = "cradle-to-cradle"
    FULL_LIFE_CYCLE = "full-life-cycle"  # claimed in prose ("全生命周期"), not a boundary type


@dataclass
class FunctionalUnitStatement:
    amount: Number | None
    unit: str  # as normalised by the lexicon: "t", "kg", "km", "台", "件", "kWh", ...
    unit_text: str
    subject: str  # the product words that follow the unit
    location: Location
    role: str = "declared"  # declared | result-basis | table-reference


@dataclass
class BoundaryClaim:
    type: BoundaryType
    location: Location


@dataclass
class StageClaim:
    stage: Stage
    status: str  # included | excluded | modelled
    location: Location


@dataclass
class GwpDeclaration:
    """Either a named IPCC report (``report``) or a stated value for one gas."""

    location: Location
    report: str | None = None  # SAR, TAR, AR4, AR5, AR6
    horizon: int | None = None
    gas: str | None = None
    value: Number | None = None


@dataclass
class StandardCitation:
    code: str  # normalised: "ISO 14067", "ISO/TS 14067", "PAS 2050", "GB/T 24067"
    year: int | None
    text: str
    location: Location


@dataclass
class DateClaim:
    kind: str  # report | reporting-period | data-collection | data-year | base-year
    year: int
    month: int | None
    day: int | None
    text: str
    location: Location


@dataclass
class ProductionVolume:
    quantity: Quantity
    location: Location


@dataclass
class InventoryLine:
    """One row of an inventory table. ``group`` is the row-group label when one label spans
    several gas rows. Cells printed as '/', '—' or left empty are None with the mark kept in
    ``marks`` (field name → printed mark), so a rule can tell "not applicable" from
    "missing"."""

    label: str
    location: Location
    group: str | None = None
    gas: str | None = None
    quantity: Quantity | None = None
    factor: Quantity | None = None
    gwp: Number | None = None
    result: Quantity | None = None
    share: Number | None = None
    category: str | None = None  # a class column such as 能源获取 / 原料获取
    marks: dict[str, str] = field(default_factory=dict)
    table: int | None = None
    # Facts interpret reads from the words (vocab.stages, vocab.carriers) so that rules never
    # read the label. Derived, so not part of the JSON contract.
    stage: Stage | None = field(default=None, metadata=DERIVED)
    carrier: str | None = field(default=None, metadata=DERIVED)
    # The item the line accounts for, as a reader names it ('电力' for '电力(MWh) (生产、办公)')
    # and as compared with the items a sentence names (folded).
    item: str | None = field(default=None, metadata=DERIVED)
    item_key: str | None = field(default=None, metadata=DERIVED)
    organisational: bool = field(default=False, metadata=DERIVED)  # office, canteen, whole site


@dataclass
class ReportedValue:
    """A total, per-unit result, share or other reported figure with what it refers to."""

    kind: str  # total | per-unit | share | group-share | prose-share
    quantity: Quantity
    location: Location
    label: str | None = None
    basis: str | None = None  # for per-unit: the functional-unit words it is per


@dataclass
class FactorQuote:
    """An emission factor printed somewhere (prose, a source list, a table)."""

    value: Number
    unit_text: str
    carrier: str | None  # electricity, natural-gas, diesel, steam, ...
    location: Location
    label: str = ""  # the surrounding words ("2022 华东电网")
    year: int | None = None
    region: str | None = None
    used_in_calculation: bool = False


@dataclass
class Mention:
    """A source of emissions named in the prose (fuel, energy carrier, refrigerant, gas)."""

    kind: str  # fuel | energy | refrigerant | gas | equipment
    name: str  # canonical key: natural-gas, diesel, steam, electricity, R404A, CO2-extinguisher
    text: str
    location: Location
    used: bool = True  # False when the sentence negates it ("无…", "不涉及")
    # What the text does with the source: "use" (the studied system uses it), "quantified"
    # (used, with an amount in the same clause or row), "mix" (a share of a supply mix),
    # "dataset" (a database / dataset / factor name), "reference" (literature, comparison,
    # example, hypothesis). Only use and quantified say the studied system uses it.
    role: str = "use"


class StatementKind(enum.StrEnum):
    """Every kind of statement the interpreter produces (and the only ones rules read)."""

    HOTSPOT = "hotspot"  # "raw materials contribute the most"; subject: the item or stage
    HOTSPOT_SECOND = "hotspot-second"  # "… followed by electricity"
    STAGE_LIST = "stage-list"  # the stages a sentence says the study covers
    ALLOCATION = "allocation"  # how shared inputs were divided (by mass, area, …)
    ORGANISATIONAL_BOUNDARY = "organisational-boundary"
    DATA_USED = "data-used"  # a dataset or data source the text says it used
    DIVISION = "division"  # "e = 1686.915/349 = 4.833": a division printed in prose
    TEXT_COMPUTATION = "text-computation"  # "stock: 12 t × 0.5 = 6 t" stated in prose
    BLEND_COMPOSITION = "blend-composition"  # a refrigerant blend's components and shares
    EQUIPMENT = "equipment"  # an equipment item: see EquipmentStatement
    OPERATING_THRESHOLD = "operating-threshold"  # "≥ 50 kW running ≥ 1000 h"
    GWP_REPORT_YEAR = "gwp-report-year"  # an IPCC report named with a year
    GROWTH_RATE = "growth-rate"  # an average annual growth rate between two dated values
    PERCENT_CHANGES = "percent-changes"  # several percentage changes stated in one sentence
    RANKING = "ranking"  # "由大到小的顺序为 A > B > C": subject holds the order, largest first
    INTENSITY_UNIT = "intensity-unit"  # an intensity (per area, GDP, person) in a bare mass unit
    DOSE_CONVERSION = "dose-conversion"  # a fertiliser dose per plot restated per hectare
    EPD_DECLARED_UNIT = "epd-declared-unit"
    EPD_MASS_PER_DU = "epd-mass-per-du"
    EPD_PCR = "epd-pcr"
    EPD_STANDARD = "epd-standard"
    EPD_BIOGENIC_CARBON = "epd-biogenic-carbon"
    EPD_GWP_GHG_DEFINITION = "epd-gwp-ghg-definition"
    EPD_VALID_FROM = "epd-valid-from"
    EPD_VALID_UNTIL = "epd-valid-until"
    EPD_ISSUED = "epd-issued"
    EPD_CONTENT_TOTAL = "epd-content-total"
    EPD_CONTENT_MASS = "epd-content-mass"
    EPD_PACKAGING_MASS = "epd-packaging-mass"
    EPD_EOL = "epd-eol"
    EPD_BOUNDARY = "epd-boundary"
    EPD_PLACEHOLDER_DATE = "epd-placeholder-date"
    EPD_PRODUCTION_VOLUME = "epd-production-volume"
    EPD_RECYCLED_CLAIM = "epd-recycled-claim"
    EPD_RECYCLED_SHARE = "epd-recycled-share"
    EPD_REVISED = "epd-revised"
    EPD_RSL = "epd-rsl"
    EPD_SERVICE_LIFE = "epd-service-life"
    EPD_WASTE_ZERO_CLAIM = "epd-waste-zero-claim"
    EPD_WASTE_NAMED = "epd-waste-named"
    EPD_USE_SCENARIO = "epd-use-scenario"
    EPD_WITHDRAWN_STANDARD = "epd-withdrawn-standard"


@dataclass
class NamedSubject:
    """What a hotspot sentence names as the largest contributor: a life-cycle stage (``key``
    a :class:`Stage` value) or an item of the results table (``key`` its lines' item_key)."""

    dimension: Literal["stage", "item"]
    key: str
    name: str  # as the report prints it


@dataclass
class Statement:
    """A free-form claim the rules compare against numbers: a hotspot statement
    ('raw materials contribute most'), a stage list, a computation stated in prose."""

    kind: StatementKind
    text: str
    location: Location
    subject: str | None = None
    values: list[Number] = field(default_factory=list)
    # What interpret resolved the text to: the stage or inventory item a hotspot sentence
    # names as largest, the stages a stage list (or a data-used statement) names.
    named: NamedSubject | None = field(default=None, metadata=DERIVED)
    stages: list[Stage] = field(default_factory=list, metadata=DERIVED)
    transport: bool = field(default=False, metadata=DERIVED)  # data used for a transport leg

    def __post_init__(self) -> None:
        self.kind = StatementKind(self.kind)  # a kind nobody declared is a bug, said at once


@dataclass
class EquipmentStatement(Statement):
    """An equipment item of a device table or source list: its count and power as facts
    (the statement's text only describes them for a reader)."""

    count: Number | None = field(default=None, metadata=DERIVED)
    power: Number | None = field(default=None, metadata=DERIVED)
    power_basis: Literal["each", "total"] = field(default="each", metadata=DERIVED)


@dataclass
class Heading:
    number: str | None
    title: str
    level: int
    location: Location
    in_toc: bool = False


@dataclass
class MatrixValue:
    """One cell of an EPD / LCA result matrix: an indicator in a life-cycle module."""

    indicator: str  # canonical: GWP-total, GWP-fossil, GWP-biogenic, GWP-luluc, GWP-GHG, ...
    module: str  # canonical: A1, A2, A3, A1-A3, A4, A5, B1 … B7, C1 … C4, D
    number: Number
    unit: str | None
    location: Location


@dataclass
class ResultMatrix:
    """An indicator × module table of results, per declared or functional unit."""

    indicators: list[str]
    modules: list[str]
    values: list[MatrixValue]
    location: Location
    basis: str | None = None  # the declared/functional unit the values are per
    caption: str | None = None
    table: int | None = None


@dataclass
class ModuleDeclaration:
    """A module's status in an EPD boundary table: X (declared), ND, MND, NR."""

    module: str
    status: str
    location: Location


@dataclass(frozen=True)
class UnusableNumber:
    """A number the report prints that pcfaudit cannot use: more significant digits or a
    larger or smaller magnitude than any report can mean (an overflowed cell, a pasted
    hash, ``1E+999``). It stays text, is left out of every check, and is reported so that
    a verifier knows it was not audited. ``reason``: '58 digits', 'magnitude 10^999'."""

    text: str
    reason: str
    location: Location


@dataclass
class Report:
    language: str = "zh"
    title: str = ""
    functional_units: list[FunctionalUnitStatement] = field(default_factory=list)
    boundary: list[BoundaryClaim] = field(default_factory=list)
    stages: list[StageClaim] = field(default_factory=list)
    gwp_declarations: list[GwpDeclaration] = field(default_factory=list)
    standards: list[StandardCitation] = field(default_factory=list)
    dates: list[DateClaim] = field(default_factory=list)
    production: list[ProductionVolume] = field(default_factory=list)
    inventory: list[InventoryLine] = field(default_factory=list)
    totals: list[ReportedValue] = field(default_factory=list)
    per_unit: list[ReportedValue] = field(default_factory=list)
    shares: list[ReportedValue] = field(default_factory=list)
    factors: list[FactorQuote] = field(default_factory=list)
    mentions: list[Mention] = field(default_factory=list)
    statements: list[Statement] = field(default_factory=list)
    headings: list[Heading] = field(default_factory=list)
    matrices: list[ResultMatrix] = field(default_factory=list)
    module_declarations: list[ModuleDeclaration] = field(default_factory=list)
    numbers_seen: int = 0
    unusable_numbers: list[UnusableNumber] = field(default_factory=list)
    # The inventory table that holds the results (the one with most result lines): the
    # breakdown by item and stage that hotspot sentences are compared with.
    results_table: int | None = field(default=None, metadata=DERIVED)
