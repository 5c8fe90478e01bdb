"""What a sentence names, resolved against the report's own inventory: the stage or item a
hotspot sentence calls the largest contributor, the stages a stage list covers, the stage
(and whether a transport leg) of data the report says it uses.

A hotspot sentence can only be checked against numbers once its words are matched to the
items of the results table ('电力' in '电力消耗贡献最大' is the line '电力(MWh) (生产、办公)')
or to a life-cycle stage. That matching reads wording, so it happens here, once; the rules
compare the resolved subjects with the numbers.
"""

from __future__ import annotations

import unicodedata

import regex

from pcfaudit.model import InventoryLine, NamedSubject, Report, Stage, Statement, StatementKind
from pcfaudit.vocab.cues import HOTSPOT_EN, HOTSPOT_ZH, SUBJECT_AFTER_CUE, TRANSPORT_DATA
from pcfaudit.vocab.stages import STAGE_PATTERNS, stage_of_text, stages_in_text

_I = regex.IGNORECASE
_CUE = regex.compile(f"{HOTSPOT_ZH}|{HOTSPOT_EN}", _I)
_CUE_BEFORE_SUBJECT = regex.compile(SUBJECT_AFTER_CUE, _I)
_CLAUSE = regex.compile(r"[，,。；;：:！？!?]|\bwhile\b|\bwhereas\b")
_PARENS = regex.compile(r"[(（][^)）]*[)）]")
_WS = regex.compile(r"\s+")
_TRANSPORT = regex.compile(TRANSPORT_DATA, _I)


def fold(text: str) -> str:
    return _WS.sub("", unicodedata.normalize("NFKC", text)).lower()


def name_items(lines: list[InventoryLine]) -> None:
    """Each line's item: its group or label without the parenthesised unit or scope."""
    for line in lines:
        name = _PARENS.sub("", line.group or line.label).strip()
        line.item, line.item_key = name, fold(name)


def results_table(lines: list[InventoryLine]) -> int | None:
    """The table with most result lines (results of different tables may be in different
    units or overlap, so one table is the breakdown)."""
    counts: dict[int | None, int] = {}
    for line in lines:
        if line.result is not None:
            table = line.table if line.table is not None else line.location.table
            counts[table] = counts.get(table, 0) + 1
    return max(counts, key=lambda t: counts[t]) if counts else None


def in_results_table(report: Report) -> list[InventoryLine]:
    return [
        line
        for line in report.inventory
        if line.result is not None
        and (line.table if line.table is not None else line.location.table) == report.results_table
    ]


def name_subjects(report: Report) -> None:
    """Resolve every hotspot sentence and stage list of ``report`` (after its inventory)."""
    name_items(report.inventory)
    report.results_table = results_table(report.inventory)
    items: dict[str, str] = {}
    for line in in_results_table(report):
        if line.item_key:
            items.setdefault(line.item_key, line.item or "")
    for statement in report.statements:
        if statement.kind is StatementKind.HOTSPOT:
            statement.named = hotspot_subject(statement, items)
        elif statement.kind is StatementKind.STAGE_LIST:
            statement.stages = stages_of(statement)
        elif statement.kind is StatementKind.DATA_USED:
            what = statement.subject or statement.text
            stage = stage_of_text(what)
            statement.stages = [stage] if stage is not None else []
            statement.transport = bool(_TRANSPORT.search(what))


def _subject_in(text: str, start: int, end: int, items: dict[str, str]) -> NamedSubject | None:
    """The first stage or item named in text[start:end] (items win a tie: they are narrower)."""
    window = fold(text[start:end])
    best: tuple[int, int, NamedSubject] | None = None
    covered: set[int] = set()
    # Longest labels first; a shorter label inside a longer one's match ('电' in '电机') is
    # not a mention of the shorter item.
    for key in sorted((k for k in items if k), key=len, reverse=True):
        pos = window.find(key)
        while pos >= 0 and pos in covered:
            pos = window.find(key, pos + 1)
        for m in regex.finditer(regex.escape(key), window):
            covered.update(range(m.start(), m.end()))
        if pos >= 0 and (best is None or (pos, 0) < (best[0], best[1])):
            best = (pos, 0, NamedSubject("item", key, items[key]))
    for stage, pattern in STAGE_PATTERNS:
        m = pattern.search(window)
        if m and (best is None or (m.start(), 1) < (best[0], best[1])):
            best = (m.start(), 1, NamedSubject("stage", stage.value, m.group(0)))
    return best[2] if best else None


def hotspot_subject(statement: Statement, items: dict[str, str]) -> NamedSubject | None:
    """What a hotspot statement names as the largest contributor."""
    if statement.subject:
        try:
            stage = Stage(statement.subject)
            return NamedSubject("stage", stage.value, statement.subject)
        except ValueError:
            key = fold(_PARENS.sub("", statement.subject))
            if key in items:
                return NamedSubject("item", key, items[key])
    text = statement.text
    cue = _CUE.search(text)
    if cue is None:
        if statement.subject:
            return _subject_in(statement.subject, 0, len(statement.subject), items)
        return None
    lo = 0
    for m in _CLAUSE.finditer(text, 0, cue.start()):
        lo = m.end()
    nxt = _CLAUSE.search(text, cue.end())
    hi = nxt.start() if nxt else len(text)
    after_first = bool(_CUE_BEFORE_SUBJECT.match(text, cue.start()))
    spans = (
        [(cue.end(), hi), (lo, cue.start())]
        if after_first
        else [(lo, cue.start()), (cue.end(), hi)]
    )
    for s, e in spans:
        found = _subject_in(text, s, e, items)
        if found:
            return found
    if statement.subject:
        return _subject_in(statement.subject, 0, len(statement.subject), items)
    return None


def stages_of(statement: Statement) -> list[Stage]:
    """The stages a list names, read from its text ('原材料生产阶段' is one stage, raw
    material); the interpreter's subject is the fallback."""
    found = stages_in_text(statement.text)
    if len(found) >= 2 or not statement.subject:
        return found
    out = []
    for part in regex.split(r"[,，、\s]+", statement.subject):
        try:
            out.append(Stage(part))
        except ValueError:
            continue
    return out
