"""GWP declarations: the IPCC report named, the time horizon and the values stated per gas
(in prose: "CH4 = 28", "28 for CH4", "甲烷的 GWP 值为 28"; in a small gas | GWP table)."""

from __future__ import annotations

import regex

from pcfaudit.interpret.claims_text import Segment, find_numbers
from pcfaudit.interpret.lexicon import GWP_WORDS, IPCC_ORDINALS, IPCC_YEARS
from pcfaudit.model import GwpDeclaration, Number, Statement, StatementKind
from pcfaudit.vocab.gases import GAS_NAMES
from pcfaudit.vocab.keywords import any_keyword

_I = regex.IGNORECASE

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


# A GWP value is a plain number: not a year, a horizon, a share or a quantity with a unit.
_GWP_NUM = r"(?P<num>\d[\d,]*(?:\.\d+)?)(?![\d.,]*\s*(?:%|年|-?\s*years?|yr|a\b|kg|g\b|t\b|吨|千克|克|m3|L\b|ppm|ppb))"
_GAS_ANY = r"(?P<gas>" + "|".join(v for k, v in GAS_NAMES.items() if k != "CO2") + ")"
# "CH4 = 28", "CH₄: 28", "CH4 为 28", "methane (GWP 28)", "CH4 (25)", "21 for CH4".
_GAS_VALUE = regex.compile(
    rf"{_GAS_ANY}\s*(?:\(\s*(?:GWP\s*(?:100|-100)?|[A-Za-z0-9\s\p{{Han}}]{{1,20}})\s*\)\s*)?(?:的\s*)?(?:GWP\s*(?:100)?\s*(?:值)?\s*)?"
    rf"(?:=|:|为|為|是|取|is|of|was)\s*(?:about\s+)?{_GWP_NUM}"
    rf"|{_GAS_ANY}\s*\(\s*(?:GWP\s*(?:100|-100)?\s*[=:]?\s*)?{_GWP_NUM}\s*\)"
    rf"|(?<![\d.,])(?:GWP\s*(?:of\s+)?)?{_GWP_NUM}\s+(?:for|of)\s+{_GAS_ANY}",
    _I,
)


# "GWP100 (AR5): CH4 28, N2O 265": a bare list, read only where the sentence names GWPs.
_GAS_SPACE_VALUE = regex.compile(
    rf"{_GAS_ANY}\s+{_GWP_NUM}(?=\s*(?:[,，;；、)）.。]|and\b|和|$))", _I
)


def _gas_value_pairs(text: str) -> list[tuple[str, Number, int, int]]:
    """(gas, value, start, end) of every GWP value stated next to its gas."""
    out: list[tuple[str, Number, int, int]] = []
    matches = list(_GAS_VALUE.finditer(text))
    if _GWP_WORD.search(text):
        taken = [(m.start(), m.end()) for m in matches]
        matches += [
            m
            for m in _GAS_SPACE_VALUE.finditer(text)
            if all(m.end() <= a or m.start() >= b for a, b in taken)
        ]
    for m in sorted(matches, key=lambda m: m.start()):
        gas = _canon_gas(m.group("gas"))
        number = next(find_numbers(m.group("num")), None)
        if gas is None or gas == "CO2" or number is None or number.number.value < 1:
            continue
        out.append((gas, number.number, m.start(), m.end()))
    return out


# "CH4 和 N2O 的 GWP 分别是 CO2 的 21 倍和 310 倍", "21 and 310 times higher … than CO2".
_TIMES = regex.compile(r"\s*(?:倍|times)", _I)
_LIST_SEP = regex.compile(r"\s*(?:倍)?\s*(?:、|,|，|和|与|及|and)\s*", _I)
_PLAIN_NUM = regex.compile(r"(?<![\d.~～\-–—])\d[\d,]*(?:\.\d+)?(?![\d.]*\s*(?:%|[~～\-–—]\s*\d))")
MIN_TIMES_GWP = 10  # no gas a report lists by "N times CO2" has a GWP below 10


def _times_co2_pairs(text: str) -> list[tuple[str, Number, int, int]]:
    """(gas, value, start, end) for GWPs stated as multiples of CO2, paired with the gases
    in the order the sentence names them; only when the counts agree and CO2 is named."""
    gases: list[str] = []
    masked = list(text)
    co2 = False
    for m in _GAS.finditer(text):
        masked[m.start() : m.end()] = " " * (m.end() - m.start())
        key = _gas_key(m)
        co2 = co2 or key == "CO2"
        if key and key != "CO2" and key not in gases:
            gases.append(key)
    plain = "".join(masked)
    nums = list(_PLAIN_NUM.finditer(plain))
    times: list[regex.Match[str]] = []
    for i in range(len(nums) - 1, -1, -1):
        m = nums[i]
        if _TIMES.match(plain, m.end()):
            times.insert(0, m)
        elif times and times[0] is nums[i + 1 if i + 1 < len(nums) else i]:
            gap = plain[m.end() : times[0].start()]
            if _LIST_SEP.fullmatch(gap):
                times.insert(0, m)
    if not co2 or not gases or len(times) != len(gases):
        return []
    out = []
    for gas, m in zip(gases, times, strict=True):
        number = next(find_numbers(m.group(0)), None)
        if number is None or number.number.value < MIN_TIMES_GWP:
            return []
        out.append((gas, number.number, m.start(), m.end()))
    return out


# A word every match of _GWP_CONTEXT holds (the key-word test checks): most texts hold none.
GWP_CONTEXT_KEYWORDS = [
    *["gwp", "全球变暖潜", "全球增温潜", "全球暖化潜勢", "特征化因子", "global", "characteri"],
    *["ipcc", "评估报告", "assessment"],
]
_MAY_BE_GWP_CONTEXT = any_keyword(GWP_CONTEXT_KEYWORDS)


def _in_gwp_context(text: str) -> bool:
    return _MAY_BE_GWP_CONTEXT(text) and _GWP_CONTEXT.search(text) is not None


# A bibliography entry naming an IPCC report cites it; it does not declare the GWP source.
_BIBLIOGRAPHY = regex.compile(r"参考文献|references|bibliography|literature\s+cited", _I)


def gwp_in(seg: Segment) -> list[GwpDeclaration]:
    text = seg.text
    if seg.kind == "sentence" and _BIBLIOGRAPHY.match(seg.heading.strip(" #0-9.")):
        return []
    if not (_in_gwp_context(text) or (seg.kind == "sentence" and _in_gwp_context(seg.heading))):
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
    pairs = _gas_value_pairs(text)
    if not pairs and not seen and _GWP_WORD.search(text):
        pairs = _times_co2_pairs(text)
    for gas, value, start, end in pairs:
        if (gas, str(value.value)) in seen:
            continue
        seen.add((gas, str(value.value)))
        out.append(GwpDeclaration(seg.loc(start, end), horizon=horizon, gas=gas, value=value))
    if not out and horizon_m and _GWP_WORD.search(text):
        out.append(GwpDeclaration(seg.loc(horizon_m.start(), horizon_m.end()), horizon=horizon))
    return out


_GAS_HEADER = regex.compile(r"气体|温室气体|物质|名称|gas|substance|species|GHG", _I)
# An inventory table computes with GWPs; only a table of gases and their GWPs declares them.
_INVENTORY_HEADER = regex.compile(
    r"活动数据|消耗量|用量|数量|排放量|排放因子|结果|占比|quantity|activity|amount|consumption|emissions?|"
    r"factor|result|share|tCO|kgCO",
    _I,
)


def gwp_table(header: list[str], rows: list[list[Segment]]) -> list[GwpDeclaration]:
    """A small table of gases and their GWPs ("Gas | GWP100 (AR5)" / "CH4 | 28"): one
    declaration per gas row. The report named in the header ("AR5") is declared too."""
    if any(_INVENTORY_HEADER.search(h) for h in header):
        return []
    gwp_i = next(
        (i for i, h in enumerate(header) if _GWP_WORD.search(h) or regex.match(r"\s*GWP", h, _I)),
        None,
    )
    if gwp_i is None:
        return []
    gas_i = next((i for i, h in enumerate(header) if i != gwp_i and _GAS_HEADER.search(h)), None)
    out: list[GwpDeclaration] = []
    horizon_m = _HORIZON.search(header[gwp_i])
    horizon = int(horizon_m.group("h") or horizon_m.group("h2")) if horizon_m else None
    for row in rows:
        cells = {s.location.column or 0: s for s in row}
        value_seg = cells.get(gwp_i)
        if value_seg is None:
            continue
        candidates = (
            [cells[gas_i]]
            if gas_i is not None and gas_i in cells
            else [c for i, c in sorted(cells.items()) if i != gwp_i]
        )
        gas = None
        for c in candidates:
            m = _GAS.search(c.text)
            gas = _gas_key(m) if m else None
            if gas:
                break
        number = next(find_numbers(value_seg.text.strip()), None)
        if gas is None or gas == "CO2" or number is None or number.start != 0:
            continue
        if number.number.value < 1:
            continue
        quote = " | ".join(s.raw.strip() for _, s in sorted(cells.items()))
        out.append(
            GwpDeclaration(
                value_seg.location.with_quote(quote[:120]),
                horizon=horizon,
                gas=gas,
                value=number.number,
            )
        )
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
                    kind=StatementKind.GWP_REPORT_YEAR,
                    text=seg.quote(m.start(), ym.end()),
                    location=d.location,
                    subject=d.report,
                    values=[number.number],
                )
            )
    return out
