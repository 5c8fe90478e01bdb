"""The report vocabulary, Chinese and English, as data.

Everything the claims extractor recognises by wording lives here so that a new report's
phrasing is a one-line addition, not a code change. Simplified and traditional variants are
listed side by side (PDF-to-text of Taiwanese/HK documents yields the latter). Regex
fragments are plain strings, compiled by the callers.
"""

from __future__ import annotations

from pcfaudit.model import BoundaryType, Stage

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

# Stage words → Stage. Ordered: the more specific phrase first (原材料运输 before 原材料).
STAGE_WORDS: list[tuple[str, Stage]] = [
    (
        r"原(?:辅)?材料(?:的)?运输|原料运输|进厂运输|原材料及产品运输|inbound\s*transport|transport\s*of\s*raw\s*materials?|raw[\s-]*materials?\s*transport",
        Stage.RAW_MATERIAL_TRANSPORT,
    ),
    (
        r"(?:上游)?(?:原(?:辅)?材料|原辅料|原料|物质|材料)(?:的)?(?:获取|獲取|生产|開採|开采|采购|供应)(?:阶段|过程|环节)?|上游原(?:辅)?材料(?:阶段|过程|环节)?|raw[\s-]*materials?(?:\s*(?:acquisition|extraction|production|supply))?|material\s*(?:acquisition|extraction|production)|upstream",
        Stage.RAW_MATERIAL,
    ),
    (
        r"(?:产品|產品)?(?:生产|生產|制造|製造)(?:过程|阶段|环节)?|manufactur\w*|production\s*(?:stage|phase|process)|core\s*process",
        Stage.PRODUCTION,
    ),
    (
        r"(?:销售|产品|成品)运输|运输(?:、|和|及)?销售|分销|配送|销售|distribution|downstream\s*transport|transport\s*to\s*(?:customers?|market)",
        Stage.DISTRIBUTION,
    ),
    (r"(?:产品)?使用(?:阶段|过程)?|use\s*(?:stage|phase)|\buse\b|usage", Stage.USE),
    (
        r"回收(?:利用|处置)?|报废|廢棄|废弃(?:处置)?|处置|寿命终止|填埋|焚烧|再生利用|end[\s-]*of[\s-]*life|disposal|recycling|waste\s*treatment",
        Stage.END_OF_LIFE,
    ),
]
# Bare "运输"/"transport" (product transport when it follows production in a list).
TRANSPORT_WORD = r"运输|transport(?:ation)?"

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

GAS_NAMES: dict[str, str] = {
    # canonical → regex of spellings
    "CO2": r"二氧化碳|carbon\s+dioxide|CO\s*2(?![\d])",
    "CH4": r"甲烷|methane|CH\s*4",
    "N2O": r"氧化亚氮|一氧化二氮|氧化二氮|笑气|nitrous\s+oxide|N\s*2\s*O",
    "SF6": r"六氟化硫|sulphur\s+hexafluoride|sulfur\s+hexafluoride|SF\s*6",
    "NF3": r"三氟化氮|nitrogen\s+trifluoride|NF\s*3",
    "CF4": r"四氟化碳|四氟甲烷|CF\s*4",
    "C2F6": r"六氟乙烷|C\s*2\s*F\s*6",
    "HFCs": r"氢氟碳化物|HFCs?(?![-\d])|hydrofluorocarbons?",
    "PFCs": r"全氟化碳|PFCs?(?![-\d])|perfluorocarbons?",
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

# canonical name → (kind, regex). Order matters: longer phrases first.
SOURCE_WORDS: list[tuple[str, str, str]] = [
    (
        "CO2-extinguisher",
        "equipment",
        r"二氧化碳灭火器|CO\s*2\s*(?:fire\s+)?extinguishers?|二氧化碳滅火器",
    ),
    ("HFC-227ea", "refrigerant", r"七氟丙烷|HFC-?227ea"),
    (
        "diesel-generator",
        "equipment",
        r"柴油发电机(?:组)?|diesel\s+generators?|备用发电机|emergency\s+generators?",
    ),
    ("forklift", "equipment", r"叉车|forklifts?"),
    ("boiler", "equipment", r"锅炉|boilers?"),
    ("wastewater-treatment", "process", r"污水处理|废水处理|wastewater\s+treatment"),
    ("natural-gas", "fuel", r"天然气|天然氣|natural\s+gas|\bLNG\b|\bCNG\b"),
    ("LPG", "fuel", r"液化石油气|\bLPG\b|liquefied\s+petroleum\s+gas"),
    ("diesel", "fuel", r"柴油|diesel"),
    ("gasoline", "fuel", r"汽油|gasoline|petrol"),
    ("kerosene", "fuel", r"煤油|kerosene"),
    ("fuel-oil", "fuel", r"燃料油|重油|fuel\s+oil|heavy\s+oil"),
    ("coal", "fuel", r"(?<!标准|標準|标)(?:原煤|燃煤|煤炭|烟煤|无烟煤|煤)(?![油气矿])|\bcoal\b"),
    ("cooling", "energy", r"外购冷量|冷量|purchased\s+cooling|chilled\s+water"),
    ("steam", "energy", r"蒸汽|蒸氣|\bsteam\b"),
    ("heat", "energy", r"热力|熱力|外购热|purchased\s+heat|district\s+heat\w*"),
    (
        "electricity",
        "energy",
        r"电力|電力|电能|外购电|用电|耗电|(?<=[、和及与,，])电(?![机器子池梯线缆脑视话镀焊弧炉压流源网表])|"
        r"^电$|electricity|grid\s+power|purchased\s+power",
    ),
    ("refrigerant", "refrigerant", r"制冷剂|冷媒|refrigerants?"),
]
REFRIGERANT_CODE = r"(?<![A-Za-z0-9])(?:R-?\d{2,4}[A-Za-z]{0,2}|HFC-?\d{2,3}[A-Za-z]{0,2}|HCFC-?\d{2,3}[A-Za-z]?)(?![A-Za-z0-9])"

# Negation cues before an item (same clause) and after it.
NEGATION_BEFORE = (
    r"(?:不涉及|未涉及|没有|沒有|不使用|未使用|不存在|不产生|未产生|不含|无需|"
    r"无(?![机缝水铅尘线损害纺油烟论])|"
    r"\bno\b|\bnot\b|\bnone\b|\bwithout\b|\bnever\b|\bneither\b|\bnor\b)"
)
NEGATION_AFTER = r"^\s*(?:不适用|未使用|不使用|不涉及|未涉及|(?:is|are|was|were)\s+not\s+(?:used|consumed|present|applicable|relevant))"
# "除天然气外无其他燃料": items between 除 and 外 are the exception, not negated.
NEGATION_EXCEPT = r"除(?:了)?[^，。；]*?(?:外|以外|之外)|other\s+than|except"

# Carriers of emission factors, for FactorQuote.carrier. The keys are those
# interpret.carriers.carrier_of gives inventory labels, so a quoted factor and a table line
# compare: heat and steam are one carrier ("steam"), liquefied petroleum gas is "lpg".
CARRIER_WORDS: list[tuple[str, str]] = [
    (
        "electricity",
        r"电网|电力|電力|用电|外购电|(?<![a-z])电(?![机器子池梯线缆脑视话])|electricity|grid|\bpower\b|kWh|MWh",
    ),
    ("natural-gas", r"天然气|natural\s+gas"),
    ("diesel", r"柴油|diesel"),
    ("gasoline", r"汽油|gasoline|petrol"),
    ("steam", r"蒸汽|steam|热力|heat"),
    ("refrigerant", r"制冷剂|冷媒|refrigerant|R-?\d{3}[A-Za-z]?"),
    ("coal", r"(?<!标准)煤(?!油)|coal"),
    ("lpg", r"液化石油气|LPG"),
    ("water", r"自来水|用水|(?<![废污])水(?![泥库平])|tap\s+water|\bwater\b"),
    ("transport", r"运输|公路|货车|卡车|transport|truck|lorry|freight|t\s*·?\s*km|tkm"),
]
# Activity units in an emission factor's denominator → carrier when the words are silent.
DENOMINATOR_CARRIER: dict[str, str] = {
    "kwh": "electricity",
    "mwh": "electricity",
    "度": "electricity",
    "tkm": "transport",
    "t·km": "transport",
    "t km": "transport",
}

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

# ----------------------------------------------------------------------------- hotspots

HOTSPOT_ZH = r"(?:影响最大|贡献最大|贡献最多|占比最大|占比最高|比例最大|最大贡献|贡献较大|影响较大|主要集中在|主要来自|主要来源于|最主要的?(?:排放)?来源|是最大的?排放源)"
HOTSPOT_EN = r"(?:contribut\w*\s+(?:the\s+)?most|largest\s+(?:contribut\w*|share|source)|biggest\s+(?:contribut\w*|share|source)|main\s+(?:contributor|driver|hotspot|source)|dominat\w*|hot\s*spot)"
SECOND_ZH = r"(?:次之|其次为|其次是|再次为|再次是)"
