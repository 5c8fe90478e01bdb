"""Boundary type, life-cycle stages and GWP declarations."""

from __future__ import annotations

import regex

from pcfaudit.interpret.claims_text import Segment, find_numbers
from pcfaudit.interpret.lexicon import (
    BOUNDARY_PATTERNS,
    EXCLUDED_WORDS,
    FULL_LIFE_CYCLE,
    GAS_NAMES,
    GENERIC_DEFINITION,
    GWP_WORDS,
    INCLUDED_WORDS,
    IPCC_ORDINALS,
    IPCC_YEARS,
    MODELLED_WORDS,
    QUANTIFY_VERBS,
    STAGE_WORDS,
)
from pcfaudit.model import (
    BoundaryClaim,
    BoundaryType,
    GwpDeclaration,
    Stage,
    StageClaim,
    Statement,
)

_I = regex.IGNORECASE
_BOUNDARY = [(regex.compile(p, _I), t) for p, t in BOUNDARY_PATTERNS]
_FULL = regex.compile(FULL_LIFE_CYCLE, _I)
_QUANTIFY = regex.compile(QUANTIFY_VERBS, _I)
_GENERIC = regex.compile(GENERIC_DEFINITION, _I)
_STUDY = regex.compile(
    r"本研究|本次研究|本次评价|本次核算|本报告|本项目|研究(?:的)?目的|目的是|this\s+(?:study|report|assessment|analysis)|"
    r"the\s+(?:study|assessment)|\bwe\b|goal\s+of",
    _I,
)
# A boundary phrase describing a database's datasets is not the study's boundary.
_ABOUT_DATA = regex.compile(r"数据库|数据集|背景数据|database|dataset|data\s+set", _I)
_ABOUT_SELF = regex.compile(r"系统边界|本研究|本报告|本次|system\s+boundary|this\s+study", _I)

_STAGES = [(regex.compile(p, _I), s) for p, s in STAGE_WORDS]
# Upstream production of materials/energy is raw-material acquisition, not manufacturing.
_UPSTREAM_PRODUCTION = regex.compile(
    r"(?:电力|钢材|材料|原料|能源|电机|零部件|部件)[^，。；]{0,20}?的(?:生产|制造)", _I
)
_CAPITAL = regex.compile(
    r"(?:资本|生产|基础)?设备(?:的)?(?:生产|制造)?(?:及|和)?(?:维修|维护)|资本设备(?:的)?(?:生产|制造)?|生产设备|"
    r"基础设施|厂房|次要|少量|员工|通勤|capital\s+(?:goods|equipment)|infrastructure|maintenance|commut\w*",
    _I,
)
_INCLUDED = regex.compile(INCLUDED_WORDS, _I)
_EXCLUDED = regex.compile(EXCLUDED_WORDS, _I)
_MODELLED = regex.compile(MODELLED_WORDS, _I)
_BOUNDARY_CONTEXT = regex.compile(
    r"系统边界|研究边界|核算边界|评价边界|边界为|system\s+boundar|scope", _I
)
_FORMULA = regex.compile(r"(?:碳足迹|CFP|carbon\s+footprint|PCF)[^=＝]{0,10}=|包括\s*:", _I)
_CALC_STAGE = regex.compile(
    r"采用.{0,40}?(?:来|以)?(?:计算|核算|估算)|used\s+to\s+(?:calculate|estimate)", _I
)
_BOUNDARY_HEADING = regex.compile(r"边界|范围|boundar|scope", _I)
_CLAUSE_SPLIT = regex.compile(r"[;；。]|\.\s|\bbut\b|\bwhile\b|\bwhereas\b|但|而", _I)
_CAPTION = regex.compile(r"^\s*(?:表|图|Table|Figure|Fig\.)\s*\d", _I)
_LIST_CUE = regex.compile(
    r"调研了|调查了|涵盖|包括|包含|覆盖|cover(?:s|ed|ing)?|includ(?:es|ed|ing)|investigat", _I
)


def boundary_in(seg: Segment) -> list[BoundaryClaim]:
    out: list[BoundaryClaim] = []
    if _ABOUT_DATA.search(seg.text) and not _ABOUT_SELF.search(seg.text):
        return out
    seen: set[BoundaryType] = set()
    for pattern, btype in _BOUNDARY:
        for m in pattern.finditer(seg.text):
            if btype in seen:
                continue
            seen.add(btype)
            out.append(BoundaryClaim(btype, seg.loc(m.start(), m.end())))
    m = _FULL.search(seg.text)
    if (
        m
        and _QUANTIFY.search(seg.text)
        and _STUDY.search(seg.text)
        and not _GENERIC.search(seg.text)
    ):
        out.append(BoundaryClaim(BoundaryType.FULL_LIFE_CYCLE, seg.loc(m.start(), m.end())))
    return out


def stage_spans(text: str, start: int = 0, end: int | None = None) -> list[tuple[int, int, Stage]]:
    """Non-overlapping stage phrases in [start, end), in reading order."""
    end = len(text) if end is None else end
    taken: list[tuple[int, int, Stage]] = []

    def free(s: int, e: int) -> bool:
        return all(e <= a or s >= b for a, b, _ in taken)

    for m in _CAPITAL.finditer(text, start, end):
        taken.append((m.start(), m.end(), Stage.USE))  # placeholder, removed below
    blocked = list(taken)
    for m in _UPSTREAM_PRODUCTION.finditer(text, start, end):
        if free(m.start(), m.end()):
            taken.append((m.start(), m.end(), Stage.RAW_MATERIAL))
    for pattern, stage in _STAGES:
        for m in pattern.finditer(text, start, end):
            if m.end() > m.start() and free(m.start(), m.end()):
                taken.append((m.start(), m.end(), stage))
    return sorted(t for t in taken if t not in blocked)


def _claims(seg: Segment, spans: list[tuple[int, int, Stage]], status: str) -> list[StageClaim]:
    out: list[StageClaim] = []
    seen: set[Stage] = set()
    for s, e, stage in spans:
        if stage not in seen:
            seen.add(stage)
            out.append(StageClaim(stage, status, seg.loc(s, e)))
    return out


def _cues(text: str) -> list[tuple[int, str]]:
    cues: list[tuple[int, str]] = []
    excluded_spans = []
    for m in _EXCLUDED.finditer(text):
        cues.append((m.start(), "excluded"))
        excluded_spans.append((m.start(), m.end()))
    for m in _INCLUDED.finditer(text):
        if not any(a <= m.start() < b for a, b in excluded_spans):
            cues.append((m.start(), "included"))
    return sorted(cues)


def stages_in(seg: Segment, column_status: str | None = None) -> list[StageClaim]:
    """Stage claims from a boundary formula, a boundary sentence, a boundary-table cell
    (``column_status`` from its column header) or a modelling sentence."""
    text = seg.text
    if _CAPTION.match(text):
        return []
    if column_status is not None:
        return _claims(seg, stage_spans(text), column_status)
    if _GENERIC.search(text) and not _BOUNDARY_CONTEXT.search(text):
        return []
    fm = _FORMULA.search(text)
    if fm and "+" in text[fm.end() :]:
        return _claims(seg, stage_spans(text, fm.end()), "included")
    if _MODELLED.search(text) and _CALC_STAGE.search(text):
        return _claims(seg, stage_spans(text), "modelled")
    calc = _CALC_STAGE.search(text)
    if calc and regex.search(r"碳排放|排放|emission", text, _I):
        return _claims(seg, stage_spans(text, calc.start()), "included")
    if not (_BOUNDARY_CONTEXT.search(text) or _BOUNDARY_HEADING.search(seg.heading)):
        return []
    cues = _cues(text)
    if not cues:
        return []
    out: list[StageClaim] = []
    seen: set[tuple[Stage, str]] = set()
    for s, e, stage in stage_spans(text):
        status = _status_of(text, cues, s, e)
        if status and (stage, status) not in seen:
            seen.add((stage, status))
            out.append(StageClaim(stage, status, seg.loc(s, e)))
    return out


def _status_of(text: str, cues: list[tuple[int, str]], s: int, e: int) -> str | None:
    """The cue that governs a stage word: one before it in its clause ("包括 A、B"), else
    one after it in its clause ("A and B are excluded"), else the last one before it."""
    lo = 0
    for m in _CLAUSE_SPLIT.finditer(text, 0, s):
        lo = m.end()
    nxt = _CLAUSE_SPLIT.search(text, e)
    hi = nxt.start() if nxt else len(text)
    before = [c for c in cues if lo <= c[0] < s]
    if before:
        return before[-1][1]
    after = [c for c in cues if e <= c[0] < hi]
    if after:
        return after[0][1]
    earlier = [c for c in cues if c[0] < s]
    return earlier[-1][1] if earlier else None


def stage_list_in(seg: Segment) -> Statement | None:
    """'调研了…上游原材料生产阶段、原材料运输阶段、产品运输阶段、使用阶段及报废后回收处置阶段'."""
    text = seg.text
    cue = _LIST_CUE.search(text)
    if cue is None or (_GENERIC.search(text) and not _BOUNDARY_CONTEXT.search(text)):
        return None
    if _EXCLUDED.search(text):
        return None  # a mixed sentence: the stage claims carry the statuses
    spans = stage_spans(text, cue.end())
    stages: list[Stage] = []
    for _, _, st in spans:
        if st not in stages:
            stages.append(st)
    if len(stages) < 3:
        return None
    return Statement(
        kind="stage-list",
        text=seg.quote(cue.start(), spans[-1][1]),
        location=seg.loc(cue.start(), spans[-1][1]),
        subject=",".join(s.value for s in stages),
    )


def boundary_table_columns(header: list[str]) -> dict[int, str]:
    """Column index → status for a 包含的过程 / 未包含的过程 table header."""
    cols: dict[int, str] = {}
    for i, h in enumerate(header):
        if _EXCLUDED.search(h):
            cols[i] = "excluded"
        elif _INCLUDED.search(h) and regex.search(
            r"过程|阶段|process|stage|边界|boundary|模块|module", h, _I
        ):
            cols[i] = "included"
    return cols if len(cols) >= 1 and any(v == "excluded" for v in cols.values()) else {}


# ----------------------------------------------------------------------------- GWP

_ORDINAL = regex.compile(
    r"(?:IPCC|政府间气候变化专门委员会)?\s*第\s*(?P<n>[一二三四五六1-6])\s*次评估报告"
    r"|(?P<en>First|Second|Third|Fourth|Fifth|Sixth)\s+Assessment\s+Report"
    r"|(?<![A-Za-z])(?P<ar>AR\s*[4-6]|SAR|TAR)(?![A-Za-z])",
    _I,
)
_YEAR_NEAR = regex.compile(r"(?<!\d)((?:19|20)\d{2})(?!\d)")
_IPCC_YEAR = regex.compile(
    r"IPCC\s*[(（]?\s*(?P<y>(?:19|20)\d{2})\s*[)）]?\s*(?:GWP|100\s*a|全球变暖)", _I
)
_HORIZON = regex.compile(
    r"(?<![\d.])(?P<h>20|100|500)\s*(?:年|-?\s*years?|a\b|yr)|GWP\s*[-_]?\s*(?P<h2>20|100|500)\b",
    _I,
)
_GWP_CONTEXT = regex.compile(GWP_WORDS + r"|IPCC|评估报告|Assessment\s+Report", _I)
_GAS = regex.compile("|".join(f"(?P<{k}>{v})" for k, v in GAS_NAMES.items() if k[0].isalpha()), _I)
_GWP_WORD = regex.compile(GWP_WORDS, _I)
_EQUIV = regex.compile(
    r"1\s*(?:kg|千克|公斤|t|吨)\s*(?P<gas>甲烷|methane|CH4|氧化亚氮|一氧化二氮|N2O|六氟化硫|SF6)"
    r"[^。；;]{0,40}?(?:相当于|equivalent\s+to|equals|=)\s*(?P<num>\d[\d,.]*)\s*(?:kg|千克|公斤|t|吨)?\s*(?:的)?\s*(?:二氧化碳|CO2)",
    _I,
)


def _gas_key(match: regex.Match[str]) -> str | None:
    for k in GAS_NAMES:
        if k in match.groupdict() and match.group(k):
            return k
    return None


def _canon_gas(word: str) -> str | None:
    for k, pattern in GAS_NAMES.items():
        if regex.fullmatch(pattern, word.strip(), _I):
            return k
    return None


def gwp_in(seg: Segment) -> list[GwpDeclaration]:
    text = seg.text
    if not _GWP_CONTEXT.search(text):
        return []
    out: list[GwpDeclaration] = []
    horizon_m = _HORIZON.search(text) if _GWP_WORD.search(text) or "IPCC" in text else None
    horizon = int(horizon_m.group("h") or horizon_m.group("h2")) if horizon_m else None
    reports: list[GwpDeclaration] = []
    for m in _ORDINAL.finditer(text):
        key = m.group("n") or m.group("en") or (m.group("ar") or "").replace(" ", "")
        report = IPCC_ORDINALS.get(key.lower(), key.upper() if key else None)
        if report and report.startswith("AR") and len(report) == 3:
            report = report.upper()
        if report and all(r.report != report for r in reports):
            reports.append(
                GwpDeclaration(seg.loc(m.start(), m.end()), report=report, horizon=horizon)
            )
    if not reports:
        for m in _IPCC_YEAR.finditer(text):
            year = int(m.group("y"))
            for name, years in IPCC_YEARS.items():
                if year in years:
                    reports.append(
                        GwpDeclaration(seg.loc(m.start(), m.end()), report=name, horizon=horizon)
                    )
    out.extend(reports)
    seen: set[tuple[str, str]] = set()
    for m in _EQUIV.finditer(text):
        gas = _canon_gas(m.group("gas"))
        number = next(find_numbers(m.group("num")), None)
        if gas and number and (gas, str(number.number.value)) not in seen:
            seen.add((gas, str(number.number.value)))
            out.append(
                GwpDeclaration(
                    seg.loc(m.start(), m.end()), horizon=horizon, gas=gas, value=number.number
                )
            )
    # "<gas> 的 GWP 值是 21", "甲烷的特征化因子就是 21", "GWP of methane of 28", "CH4: 28".
    for gm in _GWP_WORD.finditer(text):
        gas_m = None
        for cand in _GAS.finditer(text, max(0, gm.start() - 15), gm.start()):
            gas_m = cand
        after = False
        if gas_m is None:
            cand2 = _GAS.search(text, gm.end(), min(len(text), gm.end() + 20))
            if cand2 and regex.fullmatch(
                r"\s*(?:of|for|值|:)?\s*(?:\()?\s*", text[gm.end() : cand2.start()], _I
            ):
                gas_m, after = cand2, True
        if gas_m is None:
            continue
        gas = _gas_key(gas_m)
        if gas is None or gas == "CO2":
            continue
        tail_start = gas_m.end() if after else gm.end()
        tail = text[tail_start : tail_start + 25]
        vm = regex.match(
            r"\s*(?:\)|）)?\s*(?:值)?\s*(?:就是|是|为|為|取|取值为|=|:|of|is|was|equals|of\s+about)?\s*(?:\()?\s*(\d[\d,.]*)(?!\s*(?:年|years?|%|\d))",
            tail,
            _I,
        )
        if not vm:
            continue
        number = next(find_numbers(vm.group(1)), None)
        if number is None or (gas, str(number.number.value)) in seen:
            continue
        seen.add((gas, str(number.number.value)))
        end = tail_start + vm.end()
        out.append(
            GwpDeclaration(
                seg.loc(min(gas_m.start(), gm.start()), end),
                horizon=horizon,
                gas=gas,
                value=number.number,
            )
        )
    if not out and horizon_m and _GWP_WORD.search(text):
        out.append(GwpDeclaration(seg.loc(horizon_m.start(), horizon_m.end()), horizon=horizon))
    return out


def gwp_year_conflicts(seg: Segment, decls: list[GwpDeclaration]) -> list[Statement]:
    """'IPCC 第四次评估报告 (2013 年)': the named report and the printed year disagree."""
    out: list[Statement] = []
    for d in decls:
        if d.report is None or d.report not in IPCC_YEARS:
            continue
        m = _ORDINAL.search(seg.text)
        if m is None:
            continue
        ym = _YEAR_NEAR.search(seg.text, m.end(), min(len(seg.text), m.end() + 12))
        if ym is None:
            ym = _YEAR_NEAR.search(seg.text, max(0, m.start() - 12), m.start())
        if ym is None:
            continue
        year = int(ym.group(1))
        if year not in IPCC_YEARS[d.report]:
            number = next(find_numbers(ym.group(1)))
            out.append(
                Statement(
                    kind="gwp-report-year",
                    text=seg.quote(m.start(), ym.end()),
                    location=d.location,
                    subject=d.report,
                    values=[number.number],
                )
            )
    return out


# --------------------------------------------------------------------------- method claims

_NEGATED = regex.compile(r"(不涉及|无需|不需要|未进行|没有|无)\s*\S{0,4}$|\b(no|not|without)\s+\w*\s*$", regex.I)
_ALLOCATION = regex.compile(
    r"(按|基于|依据|根据|采用)[^。；;]{0,16}(质量|重量|产量|产值|经济价值|能耗|工时|面积)[^。；;]{0,10}(分配|分摊)"
    r"|(分配|分摊)[^。；;]{0,12}(按|基于|依据)[^。；;]{0,12}(质量|重量|产量|产值|经济价值|比例)"
    r"|\ballocat\w*\s+(by|on the basis of|based on|according to)\b"
    r"|\b(mass|economic|physical|energy)[- ]based\s+allocation\b|\bpartition\w*\s+by\b",
    regex.I,
)
_ORGANISATIONAL = regex.compile(
    r"(全厂|全公司|整个公司|公司|企业|厂区)[^。；;]{0,30}(生产活动及非生产活动|非生产活动|办公|食堂|生活区)"
    r"|\b(whole|entire)\s+(company|plant|site|facility|organi[sz]ation)\b"
    r"|\bnon-production\s+activit",
    regex.I,
)
_BOUNDARY_WORD = regex.compile(r"边界|范围|boundary|scope", regex.I)
_DATA_USED = regex.compile(
    r"([\p{Han}A-Za-z]{2,10}?)(?:数据|数据集)?(?:被本研究所?采用|被本项目所?采用|为本研究所?采用)"
    r"|\b([A-Za-z][\w -]{2,40}?)\s+(?:data(?:sets?)?\s+)?(?:is|are|was|were)\s+used\s+in\s+this\s+study",
    regex.I,
)


def method_statements_in(seg: Segment) -> list[Statement]:
    """Allocation described, an organisation-wide boundary, and data said to be used:
    Statement kinds ``allocation``, ``organisational-boundary`` and ``data-used``."""
    text = seg.text
    out: list[Statement] = []
    m = _ALLOCATION.search(text)
    if m and not _NEGATED.search(text[: m.start()]):
        out.append(Statement("allocation", text, seg.location.with_quote(seg.quote(m.start(), m.end()))))
    m = _ORGANISATIONAL.search(text)
    if m and _BOUNDARY_WORD.search(text):
        out.append(
            Statement("organisational-boundary", text, seg.location.with_quote(seg.quote(m.start(), m.end())))
        )
    for m in _DATA_USED.finditer(text):
        subject = regex.sub(r"^(其中|以及|及其|和|及|与|、)+", "", (m.group(1) or m.group(2) or "").strip())
        if subject:
            out.append(
                Statement(
                    "data-used",
                    text,
                    seg.location.with_quote(seg.quote(m.start(), m.end())),
                    subject=subject,
                )
            )
    return out
