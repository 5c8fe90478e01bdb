"""Values and statements in prose: totals, per-unit results and shares; computations
stated in words (stock × leak rate, refrigerant blends); equipment facts. Hotspot claims
are in claims_hotspots."""

from __future__ import annotations

from typing import Literal

import regex

from pcfaudit.interpret.claims_sources import canonical_refrigerant
from pcfaudit.interpret.claims_text import Segment, find_numbers
from pcfaudit.interpret.lexicon import EMISSION_MASS, EMISSION_UNIT
from pcfaudit.model import (
    EquipmentStatement,
    Number,
    Quantity,
    ReportedValue,
    Statement,
    StatementKind,
)
from pcfaudit.vocab.gases import REFRIGERANT_CODE
from pcfaudit.vocab.numbers import is_percent, parse_number
from pcfaudit.vocab.units import normalise_amount_unit as normalise_unit
from pcfaudit.vocab.units import unit_class

_I = regex.IGNORECASE
_EUNIT = regex.compile(
    r"\s*"
    + EMISSION_UNIT
    + r"(?P<per>\s*(?:/|(?P<word>\s(?:per|for\s+each|每)\s))\s*(?P<den>[^\s,，。；;)）]{1,6}))?",
    _I,
)
# A result stated for one unit of product (any FU unit: count, mass, length, energy …).
_PER_UNIT = regex.compile(
    r"单位产品|每\s*(?:件|台|套|个|吨|千克|公斤|kg|t|米|平方米|千瓦时|度|kWh|MWh|km|公里|m2|m3|L|升)|"
    r"(?<![\d.,])1\s*(?:件|台|套|个|吨|t|kg|千克|公斤|km|公里|m2|m3|m|kWh|MWh|MJ|GJ|千瓦时|L|升|平方米|立方米)"
    r"(?![A-Za-z0-9])|per\s+(?:unit|piece|kg|tonne|ton|t|functional\s+unit|declared\s+unit|m2|m3|product|kWh|MWh|km|MJ|litre|liter)\b"
    r"|of\s+(?:one|1)\s+\S+",
    _I,
)
_TOTAL_CONTEXT = regex.compile(
    r"排放量|碳足迹|碳排放|排放总量|总排放|footprint|emissions?|GWP|total|result", _I
)
_SHARE_CUE = regex.compile(
    r"占(?:比)?(?:为)?|比例为|比重为|贡献(?:率|比例)?为|accounts?\s+for|accounting\s+for|contribut\w*|represent\w*|make\s+up|share\s+of|"
    # "with" right before the share (the search window ends at the number):
    # "followed by raw material acquisition with 82.29%"
    r"\bwith\s*$",
    _I,
)
_SHARE_CONTEXT = regex.compile(
    r"碳足迹|GWP|排放|贡献|footprint|emission|contribut|total|impact", _I
)
FILLER_HEAD = regex.compile(
    r"^(?:\s|由图可知|由表可知|可知|可以看出|其中|其次为|其次是|再次为|再次是|其次|再次|以及|而|followed\s+by\b|and|while|with|the)+",
    _I,
)
FILLER_TAIL = regex.compile(
    r"(?:\s*(?:对(?:其|该|产品|碳足迹)?.*|次之|贡献\S*|影响\S*|的?占比|最大|较大|"
    r"\b(?:accounts?|contribut\w*|represent\w*|makes?|is|are)\b.*))$",
    _I,
)


def _label_before(part: str, cue_start: int) -> str:
    """The item named before a share cue: '钢材获取对其 GWP 贡献最大占' → '钢材获取'."""
    head = part[:cue_start]
    clauses = [c for c in regex.split(r"[，,:：]", head)]
    label = ""
    for c in reversed(clauses):
        c2 = FILLER_TAIL.sub("", FILLER_HEAD.sub("", c)).strip(" 的")
        if c2:
            label = c2
            break
    return label[:40]


# A GWP equivalence ("相当于 25kg 二氧化碳") or a factor ("1kwh 电力排放 0.53kg") is no result.
_NOT_RESULT = regex.compile(
    r"(?:相当于|就是|特征化因子|GWP值?是?|equivalent\s+to|(?<![总的])排放|emits?|emission\s+factor\s+(?:of|is))\s*$",
    _I,
)


# "145676 kgCO2e ÷ 5000 把 = 29.14 kgCO2e/把": the first figure is an operand of the
# computation the sentence shows, not a result of its own.
_OPERAND = regex.compile(r"\s*[÷×*/]\s*\d")


def prose_values_in(
    seg: Segment, fu_basis: str | None
) -> tuple[list[ReportedValue], list[Statement]]:
    """Totals and per-unit results with an emission unit, and shares with a share cue.
    ``fu_basis`` is the FU words found in the same sentence (a result-basis statement)."""
    text = seg.text
    values: list[ReportedValue] = []
    statements: list[Statement] = []
    if not _TOTAL_CONTEXT.search(text):
        return values, statements
    nums = list(find_numbers(text))
    for nm in nums:
        n = nm.number
        if is_percent(n):
            continue
        um = _EUNIT.match(text, nm.end)
        if not um:
            continue
        den = um.group("den")
        end = um.end()
        mass = EMISSION_MASS.get(um.group("emass") or um.group("emass2") or "", None)
        unit = f"{mass}CO2e" if mass else None
        per_unit = False
        own_basis = None  # "5.158 kgCO2e/m2", "… per m2": the value's own basis is 1 m2
        if den and um.group("word"):
            # "2.68 kgCO2e per L": a factor, not a result; "per kg", "per m2" stay as they
            # were read before (a total unless the sentence says per unit of product)
            den_unit = normalise_unit(den.rstrip("."))
            if den_unit is not None and unit_class(den_unit) in ("energy", "volume"):
                continue
            end = um.start("per")  # the unit as printed stops before "per"
            own_basis = f"1 {den_unit or den.rstrip('.')}"
        elif den:
            den_unit = normalise_unit(den)
            if den_unit is None or unit_class(den_unit) in ("energy", "volume"):
                continue  # an emission factor, not a result
            per_unit = True
            unit = f"{unit}/{den_unit}"
            own_basis = f"1 {den_unit}"
        head = text[max(0, nm.start - 40) : nm.start]
        if _NOT_RESULT.search(head) or _OPERAND.match(text, end):
            continue
        division = regex.search(r"(?P<a>\d[\d.,]*)\s*/\s*(?P<b>\d[\d.,]*)\s*=\s*$", head)
        if division:
            per_unit = True
            a, b = parse_number(division.group("a")), parse_number(division.group("b"))
            if a and b:
                statements.append(
                    Statement(
                        kind=StatementKind.DIVISION,
                        text=f"{a.text}/{b.text}={n.text}",
                        location=seg.loc(nm.start - len(head) + division.start(), end),
                        subject=unit,
                        values=[a, b, n],
                    )
                )
        elif fu_basis or _PER_UNIT.search(text[: nm.start]):
            per_unit = True
        q = Quantity(n, unit, text[nm.end : end].strip())
        kind = "per-unit" if per_unit else "total"
        values.append(
            ReportedValue(
                kind,
                q,
                seg.loc(max(0, nm.start - 40), end),
                basis=(own_basis or fu_basis) if per_unit else None,
            )
        )
    values.extend(_shares(seg))
    return values, statements


def _shares(seg: Segment) -> list[ReportedValue]:
    text = seg.text
    if not _SHARE_CONTEXT.search(text):
        return []
    out: list[ReportedValue] = []
    part_start = 0
    for part in regex.split(r"(?<=[；;。])", text):
        for nm in find_numbers(part):
            if not is_percent(nm.number):
                continue
            cue = None
            for cm in _SHARE_CUE.finditer(part, max(0, nm.start - 25), nm.start):
                cue = cm
            if cue is None:
                continue
            label = _label_before(part, cue.start())
            out.append(
                ReportedValue(
                    "prose-share",
                    Quantity(nm.number, "%", ""),
                    seg.loc(part_start + max(0, cue.start() - 30), part_start + nm.end),
                    label=label or None,
                )
            )
        part_start += len(part)
    return out


# ----------------------------------------------------------------------------- computations

_STOCK = regex.compile(
    r"(?P<what>[\w\-]{1,12}?)\s*(?:的)?\s*(?:储存量|存储量|充装量|填充量|充注量|装填量|stock|charge|inventory)"
    r"\s*(?:约|约为|为|是|of|is|about|approximately|:)*\s*(?P<num>\d[\d.,]*)\s*(?P<unit>kg|t|吨|千克|公斤|g)",
    _I,
)
# The words _STOCK needs (same flags): its lazy leading name is slow to rule out everywhere.
_STOCK_HINT = regex.compile(r"储存量|存储量|充装量|填充量|充注量|装填量|stock|charge|inventory", _I)
_RATE = regex.compile(
    r"(?:以[^，。；]{0,20}?的?\s*(?P<r1>\d[\d.]*\s*%)\s*计|(?:泄漏率|逸散率|年泄漏率|leak(?:age)?\s+rate)\s*(?:为|取|of|is|=|:)?\s*(?P<r2>\d[\d.]*\s*%))",
    _I,
)
_REFRIG = regex.compile(REFRIGERANT_CODE)
_GAS_CODE = r"(?:HFC|HCFC|R)-?\d{2,4}[A-Za-z]{0,2}"
# "44% 的 HFC-125 + 4% 的 HFC-134A" (share first) or "HFC-32: 50%, HFC-125: 50%" (gas first).
_BLEND_PCT_FIRST = regex.compile(
    rf"(?P<pct>\d+(?:\.\d+)?)\s*%\s*(?:的|of)?\s*(?P<gas>{_GAS_CODE})", _I
)
_BLEND_GAS_FIRST = regex.compile(rf"(?P<gas>{_GAS_CODE})\s*[:：]?\s*(?P<pct>\d+(?:\.\d+)?)\s*%", _I)


def computations_in(seg: Segment) -> list[Statement]:
    text = seg.text
    out: list[Statement] = []
    for sm in _STOCK.finditer(text) if _STOCK_HINT.search(text) else ():
        rate = _RATE.search(text, sm.end())
        what = sm.group("what")
        code = _REFRIG.search(what)
        subject: str | None
        if code:
            subject = canonical_refrigerant(code.group(0))
        elif regex.search(r"二氧化碳|CO2", what, _I) and regex.search(
            r"灭火器|extinguisher", text, _I
        ):
            subject = "CO2-extinguisher"
        else:
            subject = regex.sub(r"^(?:全厂|厂区|企业|公司)", "", what).strip() or None
        stock = parse_number(sm.group("num"))
        if stock is None:
            continue
        values = [stock]
        desc = f"stock:{stock.text} {sm.group('unit')}"
        end = sm.end()
        if rate:
            r = parse_number(rate.group("r1") or rate.group("r2"))
            if r is not None:
                values.append(r)
                desc += f";rate:{r.text}"
                end = rate.end()
        out.append(
            Statement(
                StatementKind.TEXT_COMPUTATION,
                desc,
                seg.loc(sm.start(), end),
                subject=subject,
                values=values,
            )
        )
    if "%" not in text:
        return out  # a blend prints its shares with "%" (both blend patterns need one)
    items = list(_BLEND_PCT_FIRST.finditer(text))
    if len(items) < 2:
        items = list(_BLEND_GAS_FIRST.finditer(text))
    if len(items) >= 2:
        first = items[0].start()
        owner = None
        for cm in _REFRIG.finditer(text, 0, first):
            owner = cm
        if owner is not None:
            parts: list[str] = []
            shares: list[Number] = []
            for it in items:
                gas = canonical_refrigerant(it.group("gas"))
                pct = parse_number(it.group("pct") + "%")
                if pct is None:
                    continue
                parts.append(f"{gas}:{it.group('pct')}")
                shares.append(pct)
            out.append(
                Statement(
                    StatementKind.BLEND_COMPOSITION,
                    ";".join(parts),
                    seg.loc(owner.start(), items[-1].end()),
                    subject=canonical_refrigerant(owner.group(0)),
                    values=shares,
                )
            )
    return out


# ----------------------------------------------------------------------------- equipment

_NAME_COL = regex.compile(r"设备|系统|名称|equipment|device|machine", _I)
_COUNT_COL = regex.compile(r"数量|台数|台/套|quantity|qty|count|number", _I)
_POWER_COL = regex.compile(r"功率|power|kW", _I)
_LATEX = [
    (regex.compile(a), b)
    for a, b in [(r"\\geq?", "≥"), (r"\\leq?", "≤"), (r"\\%", "%"), (r"\\ ", ""), (r"\$", " ")]
]


def _clean_latex(text: str) -> str:
    if "\\" not in text and "$" not in text:
        return text  # every _LATEX pattern needs a backslash or a dollar
    for a, b in _LATEX:
        text = a.sub(b, text)
    return text


def equipment_name(text: str) -> str:
    """'CES 系统 (4 套 ×4=16 套)' → 'ces系统'."""
    name = regex.sub(r"[(（].*?[)）]", "", text)
    return regex.sub(r"\s+", "", name).lower()


def equipment_rows(header: list[str], rows: list[list[Segment]]) -> list[Statement]:
    """Equipment lists: a name column and a power column (and maybe a count column)."""
    name_i = next(
        (i for i, h in enumerate(header) if _NAME_COL.search(h) and not _POWER_COL.search(h)), None
    )
    power_i = next((i for i, h in enumerate(header) if _POWER_COL.search(h)), None)
    count_i = next((i for i, h in enumerate(header) if _COUNT_COL.search(h)), None)
    if name_i is None or power_i is None:
        return []
    basis: Literal["each", "total"] = (
        "total" if regex.search(r"总|total|installed", header[power_i], _I) else "each"
    )
    out: list[Statement] = []
    for row in rows:
        if max(name_i, power_i) >= len(row):
            continue
        name_raw = row[name_i].raw.strip()
        power = parse_number(_clean_latex(row[power_i].text))
        if not name_raw or power is None:
            continue
        count = (
            parse_number(row[count_i].text) if count_i is not None and count_i < len(row) else None
        )
        if count is None:
            paren = regex.search(r"[(（]([^)）]*)[)）]", row[name_i].text)
            if paren:
                counts = [nm.number for nm in find_numbers(paren.group(1).split("=")[-1])]
                count = counts[-1] if counts else None
        values = [count, power] if count is not None else [power]
        desc = f"count:{count.text if count else '?'};power_kw:{power.text};power_basis:{basis}"
        loc = row[name_i].location.with_quote(" | ".join(s.raw.strip() for s in row)[:120])
        out.append(
            EquipmentStatement(
                StatementKind.EQUIPMENT,
                desc,
                loc,
                subject=equipment_name(name_raw),
                values=values,
                count=count,
                power=power,
                power_basis=basis,
            )
        )
    return out


_THRESHOLD = regex.compile(
    r"(?:≥|>=|大于等于|不低于|不小于|at\s+least)\s*(?P<p>\d[\d ,.]*)\s*kW.{0,30}?"
    r"(?:≥|>=|不低于|不小于|at\s+least)\s*(?P<h>\d[\d ,.]*?)\s*h.{0,80}?(?:>|≥|超过|大于|more\s+than)\s*(?P<s>\d[\d.]*)\s*%",
    _I | regex.DOTALL,
)


def operating_threshold_in(seg: Segment) -> Statement | None:
    """'总装机功率 ≥ 100 kW 且运行 ≥ 1 000 h/a … 占全厂用电量 > 80%' → [100, 1000, 80]."""
    if "%" not in seg.raw:
        return None  # _THRESHOLD ends in "%", which _clean_latex keeps and never makes
    clean = _clean_latex(seg.raw)
    m = _THRESHOLD.search(clean)
    if not m:
        return None
    nums = [parse_number(m.group(g).strip()) for g in ("p", "h", "s")]
    if any(n is None for n in nums):
        return None
    subject = None
    if seg.kind == "row":
        cells = [c.strip() for c in clean.split("|")]
        subject = next(
            (c for c in cells if regex.search(r"[、,，]", c) and not regex.search(r"\d", c)), None
        )
    return Statement(
        StatementKind.OPERATING_THRESHOLD,
        regex.sub(r"\s+", " ", m.group(0))[:120],
        seg.location.with_quote(regex.sub(r"\s+", " ", clean)[:120]),
        subject=subject,
        values=[n for n in nums if n is not None],
    )
