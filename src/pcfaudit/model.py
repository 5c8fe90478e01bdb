"""The data that flows between pipeline stages.

Every type here is plain data: dataclasses with no behaviour beyond small derived
properties, dumpable with :func:`to_jsonable`. Each stage of the pipeline
(extract → interpret → recompute → rules → render) is a function from one of these
types to the next, so any intermediate result can be printed, diffed and tested.
"""

from __future__ import annotations

import dataclasses
import enum
from dataclasses import dataclass, field
from decimal import Decimal
from fractions import Fraction
from typing import Any, Literal

# --------------------------------------------------------------------------- document


@dataclass(frozen=True)
class Location:
    """Where something sits in the source file.

    Text: ``line`` (1-based). PDF: ``page`` (1-based) and ``bbox`` (x0, top, x1, bottom in
    points). DOCX: ``paragraph`` index. Tables in any format: ``table`` (0-based index in
    the document), ``row`` and ``column`` (0-based). ``section`` is the number of the
    enclosing heading ("3.6", "第三章"), ``quote`` the evidence as printed.
    """

    line: int | None = None
    page: int | None = None
    bbox: tuple[float, float, float, float] | None = None
    paragraph: int | None = None
    table: int | None = None
    row: int | None = None
    column: int | None = None
    section: str | None = None
    quote: str | None = None

    def with_quote(self, quote: str) -> Location:
        return dataclasses.replace(self, quote=quote)

    def describe(self) -> str:
        """A short human-readable place: 'p. 3, §3.6, table 2 row 4' or 'line 118'."""
        parts: list[str] = []
        if self.page is not None:
            parts.append(f"p. {self.page}")
        if self.section:
            parts.append(f"§{self.section}")
        if self.table is not None:
            cell = f"table {self.table + 1}"
            if self.row is not None:
                cell += f" row {self.row + 1}"
            parts.append(cell)
        if self.line is not None:
            parts.append(f"line {self.line}")
        elif self.paragraph is not None:
            parts.append(f"paragraph {self.paragraph + 1}")
        return ", ".join(parts) or "document"


@dataclass
class Cell:
    text: str
    location: Location
    colspan: int = 1
    rowspan: int = 1
    source: str = "text"  # "ocr": read from a page image by OCR, so less certain


@dataclass
class Table:
    """A table as a grid of cells: ``rows[r][c]``. Merged cells are repeated per grid slot
    only when the extractor knows their span; otherwise the row is as printed."""

    rows: list[list[Cell]]
    location: Location
    caption: str | None = None

    @property
    def n_rows(self) -> int:
        return len(self.rows)


BlockKind = Literal["heading", "paragraph", "table"]


@dataclass
class Block:
    kind: BlockKind
    text: str
    location: Location
    level: int | None = None  # heading depth, 1 = chapter
    number: str | None = None  # heading number as normalised ("3.6", "1", "三")
    table: Table | None = None


@dataclass
class SourceInfo:
    path: str
    sha256: str
    format: str  # "text", "markdown", "pdf", "docx"
    pages: int | None = None
    encoding: str | None = None
    size: int = 0


@dataclass
class UnreadRegion:
    """A part of the file whose content a reader sees but the text layer does not give
    (DESIGN.md, "Pages that are pictures"): ``image`` (a picture where a table or results
    are expected), ``scanned-page`` (a page that is one picture), ``hidden-text`` (text a
    reader cannot see: invisible or white on white, kept out of the audit). ``ocr``: the
    region was read by OCR and its words are in the document, marked ``source="ocr"``."""

    page: int
    kind: str
    bbox: tuple[float, float, float, float] | None = None
    context: str = ""  # the heading or caption naming it, or the hidden text itself
    ocr: bool = False

    def describe(self) -> str:
        what = {
            "image": "a table or results printed as an image",
            "scanned-page": "a scanned page (an image without text)",
            "hidden-text": "text a reader cannot see",
        }.get(self.kind, self.kind)
        named = f" under '{self.context[:60]}'" if self.context and self.kind == "image" else ""
        status = "read by OCR" if self.ocr else "not audited"
        return f"p. {self.page}: {what}{named} ({status})"


@dataclass
class ExtractionStats:
    characters: int = 0
    garbled_characters: int = 0  # (cid:NNN), U+FFFD, mojibake
    pages_without_text: int = 0
    unread: list[UnreadRegion] = field(default_factory=list)

    @property
    def garbled_ratio(self) -> float:
        return self.garbled_characters / self.characters if self.characters else 0.0


@dataclass
class Document:
    source: SourceInfo
    blocks: list[Block]
    stats: ExtractionStats = field(default_factory=ExtractionStats)

    @property
    def tables(self) -> list[Table]:
        return [b.table for b in self.blocks if b.table is not None]


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

    @property
    def half_ulp(self) -> Fraction:
        """Half a unit in the last printed place, in the units of ``value``."""
        return Fraction(1, 2) * Fraction(10) ** (-self.decimals) * Fraction(self.scale)

    @property
    def interval(self) -> tuple[Fraction, Fraction]:
        v = Fraction(self.value)
        h = self.half_ulp
        return (v - h, v + h)

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


@dataclass
class Statement:
    """A free-form claim the rules compare against numbers: a hotspot statement
    ('raw materials contribute most'), a stage list, a computation stated in prose."""

    kind: str
    text: str
    location: Location
    subject: str | None = None
    values: list[Number] = field(default_factory=list)


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


# --------------------------------------------------------------------------- findings

Severity = Literal["error", "warning", "info"]
SEVERITY_RANK: dict[str, int] = {"info": 0, "warning": 1, "error": 2}

CATEGORIES = (
    "arithmetic",
    "units",
    "functional-unit",
    "boundary",
    "gwp",
    "emission-factor",
    "omission",
    "plausibility",
    "temporal",
    "standard",
    "narrative",
    "structure",
    "consistency",
    "extraction",
)


@dataclass
class Impact:
    value: str | None = None
    unit: str | None = None
    share_of_total: float | None = None


@dataclass
class Confidence:
    """How sure a finding is, and why: "high" (unambiguous reading, relation established,
    alternatives tried), "medium" (a plausible reading a verifier should confirm), "low"
    (the reading itself is uncertain; never an error)."""

    level: str = "medium"  # high | medium | low
    reason: str = ""


@dataclass
class Finding:
    rule: str
    category: str
    severity: Severity
    title: str
    message: str
    locations: list[Location]
    title_zh: str = ""
    message_zh: str = ""
    reported: str | None = None
    expected: str | None = None
    likely_cause: str | None = None
    likely_cause_zh: str | None = None
    impact: Impact = field(default_factory=Impact)
    fingerprint: str = ""
    waived: dict[str, str] | None = None  # {"reason": ..., "reviewer": ...} when waived
    confidence: Confidence = field(default_factory=Confidence)


@dataclass
class CheckCounts:
    passed: int = 0
    failed: int = 0
    cannot_tell: int = 0


@dataclass
class RuleChecks:
    """One rule's checks in one audit, for the checklist: how many passed, failed or could
    not be evaluated, and why not (when the rule said)."""

    rule: str
    passed: int = 0
    failed: int = 0
    cannot_tell: int = 0
    why_not: str | None = None


@dataclass
class Coverage:
    pages: int | None = None
    blocks: int = 0
    tables: int = 0
    numbers: int = 0
    inventory_lines: int = 0
    checks: CheckCounts = field(default_factory=CheckCounts)
    garbled_ratio: float = 0.0
    rules: list[RuleChecks] = field(default_factory=list)  # every rule that ran
    not_read: list[str] = field(default_factory=list)  # pictures, scans, hidden text


@dataclass
class AuditResult:
    tool: dict[str, str]
    source: dict[str, Any]
    report: Report
    findings: list[Finding]
    coverage: Coverage
    reference: dict[str, str] = field(default_factory=dict)
    unmatched_waivers: list[dict[str, str]] = field(default_factory=list)

    @property
    def summary(self) -> dict[str, int]:
        counts = {"error": 0, "warning": 0, "info": 0}
        for f in self.findings:
            if not f.waived:
                counts[f.severity] += 1
        return counts


# --------------------------------------------------------------------------- json


_FIELD_NAMES: dict[type, tuple[str, ...]] = {}


def _field_names(cls: type) -> tuple[str, ...]:
    names = _FIELD_NAMES.get(cls)
    if names is None:
        names = _FIELD_NAMES[cls] = tuple(f.name for f in dataclasses.fields(cls))
    return names


def to_jsonable(obj: Any) -> Any:
    """Plain JSON data for any model object: dataclasses become dicts, Decimals strings,
    enums their values, tuples lists. Derived properties of AuditResult are included."""
    if isinstance(obj, AuditResult):
        data = {f.name: to_jsonable(getattr(obj, f.name)) for f in dataclasses.fields(obj)}
        data["summary"] = obj.summary
        return data
    if isinstance(obj, Number):
        return obj.text
    if isinstance(obj, Quantity):
        return {"value": obj.number.text, "unit": obj.unit_text or obj.unit}
    if isinstance(obj, ExtractionStats):
        return {
            "characters": obj.characters,
            "garbled_characters": obj.garbled_characters,
            "pages_without_text": obj.pages_without_text,
            "garbled_ratio": round(obj.garbled_ratio, 4),
            "unread": [to_jsonable(u) for u in obj.unread],
        }
    if isinstance(obj, str | int | float | bool) or obj is None:
        return obj
    if isinstance(obj, Location):
        return {
            k: (list(v) if k == "bbox" else v)
            for k in _field_names(Location)
            if (v := getattr(obj, k)) is not None
        }
    if dataclasses.is_dataclass(obj) and not isinstance(obj, type):
        return {name: to_jsonable(getattr(obj, name)) for name in _field_names(type(obj))}
    if isinstance(obj, enum.Enum):
        return obj.value
    if isinstance(obj, Decimal | Fraction):
        return str(obj)
    if isinstance(obj, dict):
        return {str(k): to_jsonable(v) for k, v in obj.items()}
    if isinstance(obj, list | tuple):
        return [to_jsonable(v) for v in obj]
    return obj
