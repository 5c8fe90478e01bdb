"""Boundary type, life-cycle stages and GWP declarations."""

from __future__ import annotations

from collections.abc import Iterator

import regex

from pcfaudit.interpret.claims_text import Segment
from pcfaudit.interpret.lexicon import (
    BOUNDARY_PATTERNS,
    EXCLUDED_WORDS,
    FULL_LIFE_CYCLE,
    GENERIC_DEFINITION,
    INCLUDED_WORDS,
    MODELLED_WORDS,
    QUANTIFY_VERBS,
)
from pcfaudit.model import (
    BoundaryClaim,
    BoundaryType,
    Stage,
    StageClaim,
    Statement,
    StatementKind,
)
from pcfaudit.vocab.keywords import any_keyword
from pcfaudit.vocab.stages import STAGE_KEYWORDS, STAGE_WORDS

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
# Conditions for comparing two studies ("cover products with identical functions,
# technical performances and use"; "可比") describe other studies' boundaries, not this one's.
_COMPARABILITY = regex.compile(
    r"\bcomparab\w*|\bcompar(?:ing|ison)\s+of\s+(?:EPDs|studies)|可比", _I
)
_ABOUT_SELF = regex.compile(r"系统边界|本研究|本报告|本次|system\s+boundary|this\s+study", _I)

_STAGES = [(regex.compile(p, _I), s) for p, s in STAGE_WORDS]
# Two thirds of the sentences hold no stage word: no stage span, so no stage claim or list.
_MAY_NAME_STAGE = any_keyword(STAGE_KEYWORDS)
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


# A word every match of each BOUNDARY_PATTERNS pattern and of _FULL holds (the key-word
# test checks): a sentence without one states no boundary (nearly all of them).
BOUNDARY_KEYWORDS = [
    *["摇篮", "搖籃", "cradle", "大门到大门", "大門到大門", "门到门", "gate", "生命周期"],
    *["生命週期", "life"],
]
_MAY_BOUND = any_keyword(BOUNDARY_KEYWORDS)


def boundary_in(seg: Segment) -> list[BoundaryClaim]:
    out: list[BoundaryClaim] = []
    if not _MAY_BOUND(seg.text):
        return out
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
    if _CAPTION.match(text) or not _MAY_NAME_STAGE(text):
        return []
    if column_status is not None:
        return _claims(seg, stage_spans(text), column_status)
    if _COMPARABILITY.search(text) and not _ABOUT_SELF.search(text):
        return []
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
    if not _MAY_NAME_STAGE(text):
        return None
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
        kind=StatementKind.STAGE_LIST,
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


# --------------------------------------------------------------------------- method claims

_NEGATED = regex.compile(
    r"(不涉及|无需|不需要|未进行|没有|无)\s*\S{0,4}$|\b(no|not|without)\s+\w*\s*$", regex.I
)
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
    r"|\b([A-Za-z][\w -]{2,40}?)\s+(?:data(?:sets?)?\s+)?(?:is|are|was|were)\s+used\s+(?:in|by|for)\s+"
    r"(?:this|the)\s+(?:study|assessment|model)",
    regex.I,
)
# A clause saying the study uses something, the subject anywhere in it ('本研究采用了公路运输
# 数据', '…和公路运输被本研究所采用'); the clause is the subject when no subject is captured.
_USED_CLAUSE = regex.compile(
    r"被(?:本研究|本项目|本报告|本次研究|本评价)?所?(?:采用|使用|选用)|(?:本研究|本项目|本报告)(?:所)?(?:采用|使用|选用)了?|"
    r"(?:were|was|are|is)\s+used\s+(?:in|by|for)\s+(?:this|the)\s+(?:study|assessment|model)|used\s+in\s+this\s+study",
    regex.I,
)
_COMPUTED = regex.compile(r"计算|核算|估算|calculat|estimat", regex.I)
_CLAUSE_END = regex.compile(r"[，,。；;]")

# Words each alternative of _DATA_USED contains (same flags): its lazy leading name is slow
# to rule out at every position of a sentence that has neither.
_DATA_USED_HINT = regex.compile(r"采用|used", regex.I)
# A word every match of each method pattern holds (the key-word test checks): most sentences
# hold none and skip the pattern.
ALLOCATION_KEYWORDS = ["分配", "分摊", "allocat", "partition"]
ORGANISATIONAL_KEYWORDS = ["生产活动", "办公", "食堂", "生活区", "whole", "entire", "non-production"]
USED_KEYWORDS = ["采用", "使用", "选用", "used"]
_MAY_ALLOCATE = any_keyword(ALLOCATION_KEYWORDS)
_MAY_SPAN_ORGANISATION = any_keyword(ORGANISATIONAL_KEYWORDS)
_MAY_USE = any_keyword(USED_KEYWORDS)


def method_statements_in(seg: Segment) -> list[Statement]:
    """Allocation described, an organisation-wide boundary, and data said to be used:
    Statement kinds ``allocation``, ``organisational-boundary`` and ``data-used``."""
    text = seg.text
    out: list[Statement] = []
    m = _ALLOCATION.search(text) if _MAY_ALLOCATE(text) else None
    if m and not _NEGATED.search(text[: m.start()]):
        out.append(
            Statement(
                StatementKind.ALLOCATION,
                text,
                seg.location.with_quote(seg.quote(m.start(), m.end())),
            )
        )
    m = _ORGANISATIONAL.search(text) if _MAY_SPAN_ORGANISATION(text) else None
    if m and _BOUNDARY_WORD.search(text):
        out.append(
            Statement(
                StatementKind.ORGANISATIONAL_BOUNDARY,
                text,
                seg.location.with_quote(seg.quote(m.start(), m.end())),
            )
        )
    covered: list[tuple[int, int]] = []
    for m in _DATA_USED.finditer(text) if _DATA_USED_HINT.search(text) else ():
        subject = regex.sub(
            r"^(其中|以及|及其|和|及|与|、)+", "", (m.group(1) or m.group(2) or "").strip()
        )
        if subject:
            covered.append((m.start(), m.end()))
            out.append(
                Statement(
                    StatementKind.DATA_USED,
                    text,
                    seg.location.with_quote(seg.quote(m.start(), m.end())),
                    subject=subject,
                )
            )
    out.extend(_used_clauses(seg, covered))
    return out


def _used_clauses(seg: Segment, covered: list[tuple[int, int]]) -> Iterator[Statement]:
    """Clauses that say the study uses something but name it in a form the subject pattern
    does not take; the clause's words before the cue (else after it, up to 60 characters)
    are the subject. Clauses about
    how a value was calculated are method, not data."""
    text, start = seg.text, 0
    if not _MAY_USE(text):
        return  # no clause can hold _USED_CLAUSE
    for end in [*(m.start() for m in _CLAUSE_END.finditer(text)), len(text)]:
        clause = text[start:end]
        lo, hi, start = start, end, end + 1
        cue = _USED_CLAUSE.search(clause)
        if cue is None or _COMPUTED.search(clause):
            continue
        if any(a < hi and b > lo for a, b in covered):
            continue
        before, after = clause[: cue.start()].strip(), clause[cue.end() :].strip()
        subject = (before or after)[:60]
        if not subject:
            continue
        yield Statement(
            StatementKind.DATA_USED,
            text,
            seg.location.with_quote(seg.quote(lo, hi).strip()),
            subject=subject,
        )
