"""Cue words that mark a claim: emission sources a report says it has, negations, hotspot
statements. Regex fragments as plain strings, compiled by the callers."""

from __future__ import annotations

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
# A word every alternative of every SOURCE_WORDS pattern contains (lower case): a text
# without any of them names no source (see vocab.keywords; a test keeps the two in step).
SOURCE_KEYWORDS = [
    *["灭火器", "滅火器", "extinguisher", "七氟丙烷", "227ea", "发电机", "generator"],
    *["叉车", "forklift", "锅炉", "boiler", "污水处理", "废水处理", "wastewater"],
    *["天然气", "天然氣", "natural", "lng", "cng", "液化石油气", "lpg", "liquefied"],
    *["柴油", "diesel", "汽油", "gasoline", "petrol", "煤", "kerosene"],
    *["燃料油", "重油", "fuel", "heavy", "coal", "冷量", "purchased", "chilled"],
    *["蒸汽", "蒸氣", "steam", "热力", "熱力", "外购热", "district"],
    *["电", "電力", "electricity", "grid", "制冷剂", "冷媒", "refrigerant"],
]

# Negation cues before an item (same clause) and after it.
NEGATION_BEFORE = (
    r"(?:不涉及|未涉及|没有|沒有|不使用|未使用|不存在|不产生|未产生|不含|无需|"
    r"无(?![机缝水铅尘线损害纺油烟论])|"
    r"\bno\b|\bnot\b|\bnone\b|\bwithout\b|\bnever\b|\bneither\b|\bnor\b)"
)
NEGATION_AFTER = r"^\s*(?:不适用|未使用|不使用|不涉及|未涉及|(?:is|are|was|were)\s+not\s+(?:used|consumed|present|applicable|relevant))"
# "除天然气外无其他燃料": items between 除 and 外 are the exception, not negated.
NEGATION_EXCEPT = r"除(?:了)?[^，。；]*?(?:外|以外|之外)|other\s+than|except"

# Hotspot statements: "X contributes the most", "影响最大的是 X", "其次为 Y".
HOTSPOT_ZH = r"(?:影响最大|贡献最大|贡献最多|占比最大|占比最高|比例最大|最大贡献|贡献较大|影响较大|主要集中在|主要来自|主要来源于|最主要的?(?:排放)?来源|是最大的?排放源)"
HOTSPOT_EN = r"(?:contribut\w*\s+(?:the\s+)?most|largest\s+(?:contribut\w*|share|source)|biggest\s+(?:contribut\w*|share|source)|main\s+(?:contributor|driver|hotspot|source)|dominat\w*|hot\s*spot)"
SECOND_ZH = r"(?:次之|其次为|其次是|再次为|再次是)"
# Cues after which a hotspot's subject follows rather than precedes: "主要来自 X", "the largest
# contributor is X", "dominated by X" (interpret reads the subject; rules find it again in the
# sentence when the subject is no inventory item).
SUBJECT_AFTER_CUE = (
    r"主要集中在|主要来自|主要来源于|最主要的?(?:排放)?来源(?:是|为)?|dominat\w*\s+by|"
    r"(?:largest|biggest|main)\s+(?:contribut\w*|share|source|driver|hotspot)\s+(?:is|was|are|comes\s+from)|hot\s*spot\s+is"
)
# The shorter list the claims reader uses on the matched cue itself.
SUBJECT_AFTER_CUE_WORDS = r"主要集中在|主要来自|主要来源于|largest|biggest|main|followed\s+by|其次为|其次是"


# Data said to be used for transport (a dataset, a leg, a vehicle), broader than the transport
# carrier of an inventory line: logistics and shipping words count too.
TRANSPORT_DATA = (
    r"运输|物流|公路|铁路|水运|海运|货车|卡车|transport|freight|truck|lorry|shipping|t\s*·?\s*km|tkm"
)
# Words that make an inventory line an organisation's rather than a product's.
ORGANISATIONAL_LABEL = (
    r"办公|食堂|宿舍|生活区|生活用|非生产|全厂|厂区|全公司|整个公司|全年生产活动|"
    r"office|canteen|cafeteria|dormitor\w*|non-production|whole\s+(?:plant|site|company|factory)|"
    r"company-wide|site-wide|entire\s+(?:plant|site|company|facility)"
)


# Words that attribute a statement to other work (literature, a cited study, a reference mark):
# such a sentence reports what others found, not a claim about the studied system.
CITED_WORK = (
    r"研究表明|研究发现|研究显示|已有研究|有研究|有学者|文献|报道|等\s*[\[(（]\s*\d|"
    r"et\s+al\b|\[\s*\d+(?:\s*[-–,，]\s*\d+)*\s*\]|\bstudies\s+(?:show|found|report)|"
    r"(?:previous|earlier|other|recent)\s+stud(?:y|ies)|\bliterature\b|\breported\s+by\b"
)
