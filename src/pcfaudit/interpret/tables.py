"""Recognise what a table is for from its header: which column is the label, the gas, the
quantity, the unit, the emission factor, the GWP, the result and the share.

Headers in reports are one or two rows ("排放因子" over "tCO₂/MWh 或 tCO₂/GJ" and "GWP"), so
the header rows are joined per column before the words are matched.
"""

from __future__ import annotations

from dataclasses import dataclass, field

import regex

from pcfaudit.interpret.roles_from_numbers import complete_roles, stage_column, unit_columns
from pcfaudit.model import Cell, Table
from pcfaudit.vocab.keywords import any_keyword
from pcfaudit.vocab.numbers import is_blank_mark, parse_number

_BARE_UNIT = regex.compile(r"^(单位|计量单位|unit|units)$", regex.I)

# Order matters: the first role whose pattern matches a header wins.
_ROLE_PATTERNS: list[tuple[str, regex.Pattern[str]]] = [
    ("index", regex.compile(r"^(序号|编号|No\.?|#|S/N|Item\s*No\.?)$", regex.I)),
    (
        "share",
        regex.compile(
            r"占比|贡献|比例|百分比|份额|share|contribution|percent|%\s*of|^\s*%\s*$", regex.I
        ),
    ),
    (
        "remark",
        regex.compile(r"备注|数据来源|来源|说明|remark|note|data\s*source|^source$", regex.I),
    ),
    # A column holding the factor's unit ("排放因子单位", "EF unit"): before "factor", which
    # would otherwise take it, and before "unit", which is the quantity's unit.
    (
        "factor-unit",
        regex.compile(
            r"因子单位|factor\s*units?\b|\bEF\s*units?\b|units?\s*of\s*(the\s*)?(emission\s*)?"
            r"(factor|EF)\b",
            regex.I,
        ),
    ),
    # The quantity's unit named with the quantity ("活动数据单位", "Activity unit").
    (
        "unit",
        regex.compile(
            r"^(活动数据|活动水平|数量|消耗量|用量)单位$|^(activity|quantity|amount)(\s*data)?\s*units?$|"
            r"^units?\s*of\s*(the\s*)?(activity|quantity|amount)",
            regex.I,
        ),
    ),
    # Before "result": a factor header often names a CO2e unit ("kgCO2e/kg").
    ("factor", regex.compile(r"排放因子|(?<!特征化)因子|emission\s*factor|\bEF\b|factor", regex.I)),
    (
        "result",
        regex.compile(
            # "Emission source" is a label and "Emission factor" a factor, not the result.
            r"(?<!减)排放量|当量|碳足迹|结果|CO2e|CO2-?eq|GHG\s*emissions|"
            r"emissions?\b(?!\s*(sources?|factors?|activit|categor|stages?|process)\b)|"
            r"carbon\s*footprint|result|GWP\s*\(\s*[kt]?g?\s*CO2",
            regex.I,
        ),
    ),
    ("gwp", regex.compile(r"GWP|全球变暖潜|全球增温潜|特征化因子", regex.I)),
    (
        "quantity",
        regex.compile(
            r"消耗数据|消耗量|活动数据|活动水平|数量|用量|使用量|投入量|quantity|amount|activity|consumption",
            regex.I,
        ),
    ),
    ("unit", _BARE_UNIT),
    (
        "category",
        regex.compile(
            r"类型|类别|阶段|过程|环节|工序|stage|phase|category|type|module|^process(es)?$",
            regex.I,
        ),
    ),
    (
        "label",
        regex.compile(
            r"项目|名称|物质|清单|排放源|物料|材料|能源|设备|内容|item|source|material|input|flow|name|process|activity",
            regex.I,
        ),
    ),
    ("gas", regex.compile(r"分类|气体|温室气体|gas|GHG$", regex.I)),
]

GAS_FORMULA = regex.compile(
    r"^\s*(CO2|CH4|N2O|SF6|NF3|CF4|C2F6|HFCs?|PFCs?|HFC-?\d+[a-z]*|PFC-?\d+|R-?\d{2,3}[A-Z]?|"
    r"CO₂|CH₄|N₂O|SF₆)\s*$",
    regex.I,
)

_TOTAL_LABEL = regex.compile(r"^\s*(合计|总计|总和|共计|总量|total|sum|grand\s*total)", regex.I)
# "小计", "Subtotal raw materials", and a stage named before it: "原材料获取阶段小计".
_SUBTOTAL_LABEL = regex.compile(r"^\s*(?:小计|subtotal)|(?:小计|subtotal)\s*$", regex.I)


@dataclass
class TableLayout:
    """The columns of a table by role, and where its data rows start."""

    header_rows: int
    roles: dict[str, int] = field(default_factory=dict)
    headers: list[str] = field(default_factory=list)
    # Roles the numbers established (no header word named them), and the result unit the
    # factors' units establish when no header prints one.
    from_numbers: list[str] = field(default_factory=list)
    result_unit: str | None = None

    def col(self, role: str) -> int | None:
        return self.roles.get(role)

    def header(self, role: str) -> str:
        """The joined header text of the column with ``role`` ('' when there is none)."""
        index = self.roles.get(role)
        return self.headers[index] if index is not None else ""

    @property
    def is_inventory(self) -> bool:
        """Results or shares per labelled row: the tables the arithmetic is about."""
        return "label" in self.roles and ("result" in self.roles or "share" in self.roles)

    @property
    def is_input_list(self) -> bool:
        """Quantities per labelled row without results (a bill of materials and energy)."""
        return "label" in self.roles and "quantity" in self.roles and not self.is_inventory


def cell_text(row: list[Cell], col: int | None) -> str:
    if col is None or col >= len(row):
        return ""
    return row[col].text.strip()


def _numeric(text: str) -> bool:
    return parse_number(text) is not None and not is_blank_mark(text)


def _is_header_row(row: list[Cell]) -> bool:
    texts = [c.text.strip() for c in row if c.text.strip()]
    if not texts:
        return True
    numeric = sum(1 for t in texts if _numeric(t) and _PLAIN_NUMBER.fullmatch(t))
    return numeric == 0


_PLAIN_NUMBER = regex.compile(r"[\d.,\s%-]+")
_SPACES = regex.compile(r"\s+")


# A word every match of every _ROLE_PATTERNS pattern holds (a test checks), none with a
# space: a header without one names no role (most headers of the transposed tables).
ROLE_KEYWORDS = [
    *["序号", "编号", "no", "#", "s/n", "占比", "贡献", "比例", "百分比", "份额", "share"],
    *["percent", "%", "备注", "来源", "说明", "remark", "note", "source", "因子", "单位", "unit"],
    *["factor", "ef", "排放量", "当量", "碳足迹", "结果", "co2", "ghg", "emission", "carbon"],
    *["footprint", "result", "gwp", "全球变暖潜", "全球增温潜", "消耗", "活动", "数量", "用量"],
    *["投入量", "quantity", "amount", "activity", "consumption", "类型", "类别", "阶段", "过程"],
    *["环节", "工序", "stage", "phase", "category", "type", "module", "process", "项目", "名称"],
    *["物质", "清单", "排放源", "物料", "材料", "能源", "设备", "内容", "item", "material"],
    *["input", "flow", "name", "分类", "气体", "gas", "contribution"],
]
_MAY_NAME_ROLE = any_keyword(ROLE_KEYWORDS)


def _role_of(header: str, taken: set[str]) -> str | None:
    flat = _SPACES.sub("", header)
    if not _MAY_NAME_ROLE(flat):  # a key word without spaces in the header is in flat too
        return None
    for role, pattern in _ROLE_PATTERNS:
        if role in taken and role not in {"remark"}:
            continue
        if pattern.search(flat) or pattern.search(header):
            return role
    return None


def layout_of(table: Table) -> TableLayout:
    """Assign roles to columns. Header rows are the leading rows with no plain numbers (at
    most three); a column with no header word but gas formulas in its cells is the gas
    column; the first unassigned text column becomes the label when none was named."""
    rows = table.rows
    n_header = 0
    while n_header < min(3, len(rows)) and _is_header_row(rows[n_header]):
        n_header += 1
    if n_header == len(rows):
        n_header = min(1, len(rows))
    width = max((len(r) for r in rows), default=0)
    headers = [
        " ".join(cell_text(rows[h], c) for h in range(n_header) if cell_text(rows[h], c)).strip()
        for c in range(width)
    ]
    layout = TableLayout(header_rows=n_header, headers=headers)
    taken: set[str] = set()
    data = rows[n_header:]
    for c, header in enumerate(headers):
        if not header:
            continue
        role = _role_of(header, taken)
        # A bare "单位"/"Unit" right after the factor column is the factor's unit.
        if (
            _BARE_UNIT.match(_SPACES.sub("", header))
            and layout.roles.get("factor") == c - 1
            and "factor-unit" not in taken
        ):
            role = "factor-unit"
        if role is None:
            continue
        # "GWP" over a column of CO2e results is the result column, not the GWP factor.
        if role == "gwp" and regex.search(r"[kt]?g?\s*CO2", header, regex.I):
            role = "result" if "result" not in taken else None
        if role and role != "remark" and role not in taken:
            layout.roles[role] = c
            taken.add(role)
    # A gas column is recognised by its contents.
    if "gas" not in layout.roles:
        for c in range(width):
            if c in layout.roles.values():
                continue
            values = [cell_text(r, c) for r in data if cell_text(r, c)]
            if values and sum(bool(GAS_FORMULA.match(v)) for v in values) >= 0.6 * len(values):
                layout.roles["gas"] = c
                break
    elif layout.roles["gas"] == layout.roles.get("label"):
        del layout.roles["gas"]
    # Header words are evidence, not a prerequisite: the numbers name what they left open.
    layout.from_numbers, layout.result_unit = complete_roles(
        data, layout.roles, lambda t: is_total_label(t) or is_subtotal_label(t)
    )
    if {"quantity", "factor"} <= set(layout.roles) and not {"unit", "factor-unit"} <= set(
        layout.roles
    ):
        for role, c in unit_columns(data, layout.roles, is_total_label).items():
            layout.roles.setdefault(role, c)
    if layout.from_numbers and not ({"label", "category"} & set(layout.roles)):
        body = [r for r in data if not (is_total_label(_lead(r)) or is_subtotal_label(_lead(r)))]
        stage_col = stage_column(body, layout.roles, width)
        if stage_col is not None:
            layout.roles["category"] = stage_col
    # An un-named first text column is the label column.
    if "label" not in layout.roles:
        if "category" in layout.roles and not _has_label_candidate(layout, data, width):
            layout.roles["label"] = layout.roles.pop("category")
        else:
            for c in range(width):
                if c in layout.roles.values():
                    continue
                values = [cell_text(r, c) for r in data if cell_text(r, c)]
                if values and sum(_numeric(v) for v in values) <= len(values) // 3:
                    layout.roles["label"] = c
                    break
    return layout


def transposed(table: Table) -> Table:
    """The table with rows and columns swapped (each cell keeps its own location)."""
    width = max((len(r) for r in table.rows), default=0)
    rows = [
        [
            _swap_span(r[c]) if c < len(r) else Cell("", table.location)
            for r in table.rows
        ]
        for c in range(width)
    ]
    return Table(rows=rows, location=table.location, caption=table.caption)


def _swap_span(cell: Cell) -> Cell:
    if cell.rowspan == cell.colspan:
        return cell
    return Cell(cell.text, cell.location, cell.rowspan, cell.colspan, cell.source)


def read_as_lines_in_columns(table: Table, layout: TableLayout) -> TableLayout | None:
    """The layout of ``table`` transposed when it prints one inventory line per column:
    its first column names the roles (quantity, factor, result …) or the numbers establish
    them, and read that way it computes (quantity or factor) where read as printed it
    does not."""
    if layout.is_inventory or layout.is_input_list or len(table.rows) < 3:
        return None
    turned = layout_of(transposed(table))
    if turned.is_inventory and {"quantity", "factor"} & set(turned.roles):
        return turned
    return None


def _lead(row: list[Cell]) -> str:
    for cell in row[:3]:
        if cell.text.strip():
            return cell.text.strip()
    return ""


def _has_label_candidate(layout: TableLayout, data: list[list[Cell]], width: int) -> bool:
    for c in range(width):
        if c in layout.roles.values():
            continue
        values = [cell_text(r, c) for r in data if cell_text(r, c)]
        if values and not any(_numeric(v) for v in values):
            return True
    return False


def is_total_label(text: str) -> bool:
    return bool(_TOTAL_LABEL.match(text))


def is_subtotal_label(text: str) -> bool:
    return bool(_SUBTOTAL_LABEL.search(text))
