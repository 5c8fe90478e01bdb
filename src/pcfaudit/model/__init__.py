"""The data that flows between pipeline stages.

Every type here is plain data: dataclasses with no behaviour beyond small derived
properties, dumpable with :func:`to_jsonable`. Each stage of the pipeline
(extract → interpret → recompute → rules → render) is a function from one of these
types to the next, so any intermediate result can be printed, diffed and tested:
``document`` (what extract produces), ``report`` (what interpret produces), ``findings``
(what rules and the pipeline produce), ``jsonable`` (the JSON form of any of them).
"""

from __future__ import annotations

from pcfaudit.model.document import (
    Block,
    BlockKind,
    Cell,
    Document,
    ExtractionStats,
    Location,
    SourceInfo,
    Table,
    UnreadRegion,
)
from pcfaudit.model.findings import (
    CATEGORIES,
    SEVERITY_RANK,
    AuditResult,
    CheckCounts,
    Confidence,
    Coverage,
    Finding,
    Impact,
    RuleChecks,
    Severity,
)
from pcfaudit.model.jsonable import (
    to_jsonable,
)
from pcfaudit.model.report import (
    DERIVED,
    BoundaryClaim,
    BoundaryType,
    DateClaim,
    EquipmentStatement,
    FactorQuote,
    FunctionalUnitStatement,
    GwpDeclaration,
    Heading,
    InventoryLine,
    MatrixValue,
    Mention,
    ModuleDeclaration,
    NamedSubject,
    Number,
    ProductionVolume,
    Quantity,
    Report,
    ReportedValue,
    ResultMatrix,
    Stage,
    StageClaim,
    StandardCitation,
    Statement,
    StatementKind,
    UnusableNumber,
)

__all__ = [
    "CATEGORIES",
    "DERIVED",
    "SEVERITY_RANK",
    "AuditResult",
    "Block",
    "BlockKind",
    "BoundaryClaim",
    "BoundaryType",
    "Cell",
    "CheckCounts",
    "Confidence",
    "Coverage",
    "DateClaim",
    "Document",
    "EquipmentStatement",
    "ExtractionStats",
    "FactorQuote",
    "Finding",
    "FunctionalUnitStatement",
    "GwpDeclaration",
    "Heading",
    "Impact",
    "InventoryLine",
    "Location",
    "MatrixValue",
    "Mention",
    "ModuleDeclaration",
    "NamedSubject",
    "Number",
    "ProductionVolume",
    "Quantity",
    "Report",
    "ReportedValue",
    "ResultMatrix",
    "RuleChecks",
    "Severity",
    "SourceInfo",
    "Stage",
    "StageClaim",
    "StandardCitation",
    "Statement",
    "StatementKind",
    "Table",
    "UnreadRegion",
    "UnusableNumber",
    "to_jsonable",
]
