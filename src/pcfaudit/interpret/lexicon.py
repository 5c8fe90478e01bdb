"""The report vocabulary, Chinese and English, as data.

Everything the claims extractor recognises by wording lives here so that a new report's
phrasing is a one-line addition, not a code change. Simplified and traditional variants are
listed side by side (PDF-to-text of Taiwanese/HK documents yields the latter). Regex
fragments are plain strings, compiled by the callers.
"""

from __future__ import annotations

from pcfaudit.model import BoundaryType

# ----------------------------------------------------------------------------- text

# Length-preserving normalisation: offsets in the normalised text equal offsets in the
# printed text, so quotes can be cut from either.
TRANSLATE = str.maketrans(
    {
        "₂": "2",
        "₃": "3",
        "₄": "4",
        "₆": "6",
        "²": "2",
        "³": "3",
        "（": "(",
        "）": ")",
        "：": ":",
        "＝": "=",
        "／": "/",
        "＋": "+",
        "∶": ":",
        "*": " ",  # markdown bold around values: **3334.37 kgCO₂e**
        "$": " ",  # LaTeX math delimiters from PDF converters
        "\u00a0": " ",
        "\u3000": " ",
    }
)

# "；" does not end a sentence: "…贡献较大，占 95.082%；能源获取过程次之，占 4.768%" is one claim.
SENTENCE_END = "。！？!?\n"
CLAUSE_END = "，,。；;！？!?\n"

# ----------------------------------------------------------------------------- units
# Unit spellings, classes and the normaliser live in pcfaudit.vocab.units.

# Emission units of a result: kgCO2e, t CO2-eq, 千克二氧化碳当量 …
EMISSION_UNIT = (
    r"(?P<eunit>(?:(?P<emass>kg|t|g|Mt|kt|千克|公斤|吨|克)\s*"
    r"(?:CO\s*2\s*(?:[-_ ]?eq\.?|e|当量)?|二氧化碳当量|二氧化碳|CO\s*2))"
    r"|(?:(?P<emass2>kg|t|g)\s*(?:CO\s*2\s*)?-?equivalents?))"
)
EMISSION_MASS: dict[str, str] = {
    "kg": "kg",
    "千克": "kg",
    "公斤": "kg",
    "t": "t",
    "吨": "t",
    "g": "g",
    "克": "g",
    "Mt": "Mt",
    "kt": "kt",
}

# ----------------------------------------------------------------------------- study definition

FU_KEYWORDS = (
    r"(?:功能单位|功能单元|功能單位|声明单位|聲明單位|宣告单位|宣告單位|基准流|参考流|"
    r"functional\s+unit|declared\s+unit|reference\s+flow)"
)
FU_HEADING = (
    r"(?:功能单位|功能单元|功能單位|声明单位|聲明單位|宣告单位|functional\s+unit|declared\s+unit)"
)
# Words between the keyword and the amount that make it a definition.
FU_COPULA = r"(?:被?定义为|定為|定义|为|為|是|取|选取|选定为|设定为|:|=|is|are|was|defined\s+as|as)"

TABLE_PRODUCT_TYPES = frozenset(
    [
        "产品",
        "主产品",
        "產品",
        "产出",
        "產出",
        "输出产品",
        "product",
        "main product",
        "reference flow",
        "参考流",
        "基准流",
        "功能单位",
        "functional unit",
        "declared unit",
        "output",
        "产出物",
    ]
)

BOUNDARY_PATTERNS: list[tuple[str, BoundaryType]] = [
    (
        r"(?:从|從)?摇篮到坟墓|(?:从|從)?搖籃到墳墓|摇篮\s*[-—–至]\s*坟墓",
        BoundaryType.CRADLE_TO_GRAVE,
    ),
    (r"cradle[\s-]*to[\s-]*grave", BoundaryType.CRADLE_TO_GRAVE),
    (r"(?:从|從)?摇篮到摇篮|cradle[\s-]*to[\s-]*cradle", BoundaryType.CRADLE_TO_CRADLE),
    (
        r"(?:从|從)?摇篮到大门|(?:从|從)?搖籃到大門|摇篮\s*[-—–至]\s*大门",
        BoundaryType.CRADLE_TO_GATE,
    ),
    (r"cradle[\s-]*to[\s-]*gate", BoundaryType.CRADLE_TO_GATE),
    (
        r"(?:从|從)?大门到大门|(?:从|從)?大門到大門|门到门|gate[\s-]*to[\s-]*gate",
        BoundaryType.GATE_TO_GATE,
    ),
]
FULL_LIFE_CYCLE = r"(?:全生命周期|整个生命周期|完整生命周期|全生命週期|full\s+life[\s-]*cycle|entire\s+life[\s-]*cycle|whole\s+life[\s-]*cycle|complete\s+life[\s-]*cycle)"
# A full-life-cycle phrase is a claim only when the report says it quantifies it.
QUANTIFY_VERBS = r"(?:核算|计算|量化|评价|评估|得到|获得|研究|分析|测算|quantif|calculat|assess|evaluat|determin|cover)"
GENERIC_DEFINITION = r"(?:是指|指的是|通常|一般|定义为|is\s+defined|refers\s+to|means|生命周期评价|life\s+cycle\s+assessment\s*\(LCA\)\s+is)"

INCLUDED_WORDS = r"(?:包含|包括|涵盖|含|计入|included|includes|including|cover(?:s|ed)?)"
EXCLUDED_WORDS = r"(?:未包含|不包含|未包括|不包括|不含|未纳入|不纳入|排除|未考虑|不考虑|excluded|excludes|not\s+included|outside|omitted)"
MODELLED_WORDS = r"(?:软件建模|建模|模拟|modell?ed|modell?ing|simulat)"

# ----------------------------------------------------------------------------- GWP

IPCC_ORDINALS: dict[str, str] = {
    "一": "FAR",
    "二": "SAR",
    "三": "TAR",
    "四": "AR4",
    "五": "AR5",
    "六": "AR6",
    "1": "FAR",
    "2": "SAR",
    "3": "TAR",
    "4": "AR4",
    "5": "AR5",
    "6": "AR6",
    "first": "FAR",
    "second": "SAR",
    "third": "TAR",
    "fourth": "AR4",
    "fifth": "AR5",
    "sixth": "AR6",
}
# Publication years of each assessment report (working group I year first).
IPCC_YEARS: dict[str, tuple[int, ...]] = {
    "FAR": (1990,),
    "SAR": (1995, 1996),
    "TAR": (2001,),
    "AR4": (2007,),
    "AR5": (2013, 2014),
    "AR6": (2021, 2022, 2023),
}

GWP_WORDS = (
    r"(?:GWP\s*(?:100|-100|\(100\))?|全球变暖潜[势值能]|全球增温潜[势值能]|全球暖化潜勢|特征化因子|"
    r"global\s+warming\s+potential|characteri[sz]ation\s+factor)"
)

# ----------------------------------------------------------------------------- standards

CARBON_STANDARDS = frozenset(
    [
        "ISO 14067",
        "ISO/TS 14067",
        "ISO 14040",
        "ISO 14044",
        "ISO 14064-1",
        "ISO 14064-2",
        "ISO 14064-3",
        "ISO 14025",
        "ISO 14020",
        "ISO 14021",
        "ISO 14026",
        "ISO 21930",
        "PAS 2050",
        "PAS 2060",
        "GB/T 24067",
        "GB/T 24040",
        "GB/T 24044",
        "GB/T 32150",
        "GB/T 32151",
        "EN 15804",
        "EN 15804+A1",
        "EN 15804+A2",
        "GHG Protocol Product Standard",
        "GHG Protocol Corporate Standard",
    ]
)

# ----------------------------------------------------------------------------- sources

GRID_REGIONS: dict[str, str] = {
    "华北": r"华北|North\s+China",
    "东北": r"东北|Northeast\s+China|North-east\s+China",
    "华东": r"华东|East\s+China",
    "华中": r"华中|Central\s+China",
    "西北": r"西北|Northwest\s+China|North-west\s+China",
    "南方": r"南方|South(?:ern)?\s+China|China\s+Southern",
    "西南": r"西南|Southwest\s+China",
    "全国": r"全国|national(?:\s+average)?|China\s+average",
}

# Stage words, gases, carriers, source and hotspot cues live in pcfaudit.vocab.
