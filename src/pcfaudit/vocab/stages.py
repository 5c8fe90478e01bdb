"""Life-cycle stages as reports name them (zh + en).

Two readings, one home: ``STAGE_PATTERNS`` reads short labels (an inventory line's class
column, label or group; a hotspot sentence's subject) where "use" alone is not the use stage;
``STAGE_WORDS`` reads boundary sentences ("包括原材料获取、生产和运输阶段") where it is.
``STAGE_NAMES`` are the names findings print.
"""

from __future__ import annotations

import regex

from pcfaudit.model import InventoryLine, Stage

_I = regex.IGNORECASE

# Stage words as they appear in inventory labels, class columns and hotspot sentences.
# Ordered: the first pattern that matches wins, so the specific ones come first
# ('原材料运输' is transport, not raw material; '原材料生产' is raw material, not production).
# English 'use' alone is left out on purpose: 'electricity use' is not the use stage.
STAGE_PATTERNS: list[tuple[Stage, regex.Pattern[str]]] = [
    (
        Stage.RAW_MATERIAL_TRANSPORT,
        regex.compile(
            r"原(?:辅)?材料(?:的)?运输|原辅料(?:的)?运输|原料(?:的)?运输|进厂运输|物料运输|"
            r"inbound\s*transport|transport\s*of\s*(?:the\s*)?raw\s*materials?|"
            r"raw[\s-]*materials?\s*transport|upstream\s*transport",
            _I,
        ),
    ),
    (
        Stage.RAW_MATERIAL,
        regex.compile(
            r"(?:上游)?(?:原(?:辅)?材料|原辅料|原料)(?:的)?(?:生产|获取|开采|采购|制造|供应)?(?:阶段|过程|环节)?|"
            r"物料获取|物质获取|材料(?:的)?获取|上游(?:材料|原料)|"
            r"raw[\s-]*materials?|materials?\s*(?:acquisition|extraction|production|supply)|"
            r"upstream\s*(?:production|materials?)",
            _I,
        ),
    ),
    (
        Stage.DISTRIBUTION,
        regex.compile(
            r"(?:产品|成品|销售)(?:的)?运输|运输(?:、|和|及)?销售|分销|配送|"
            r"distribution|outbound\s*transport|downstream\s*transport|transport\s*to\s*(?:the\s*)?(?:customers?|market)|"
            r"product\s*transport",
            _I,
        ),
    ),
    (
        Stage.USE,
        regex.compile(
            r"(?:产品)?使用(?:阶段|过程|环节|期)|(?:产品|客户|用户|消费者|顾客)使用|"
            r"use\s*(?:stage|phase)|product\s*use|usage\s*(?:stage|phase)|(?:customer|consumer)\s*use",
            _I,
        ),
    ),
    (
        Stage.END_OF_LIFE,
        regex.compile(
            r"回收|报废|废弃|处置|寿命终止|填埋|焚烧|end[\s-]*of[\s-]*life|disposal|recycling|waste\s*treatment|landfill",
            _I,
        ),
    ),
    (
        Stage.PRODUCTION,
        regex.compile(r"生产|制造|加工|manufactur\w*|production|processing|core\s*process", _I),
    ),
]

STAGE_NAMES: dict[Stage, tuple[str, str]] = {
    Stage.RAW_MATERIAL: ("raw-material acquisition", "原材料获取"),
    Stage.RAW_MATERIAL_TRANSPORT: ("raw-material transport", "原材料运输"),
    Stage.PRODUCTION: ("production", "产品生产"),
    Stage.DISTRIBUTION: ("distribution", "产品运输/分销"),
    Stage.USE: ("use", "产品使用"),
    Stage.END_OF_LIFE: ("end of life", "废弃/回收处置"),
}

_PARENS = regex.compile(r"[(（][^)）]*[)）]")


def stage_of_text(text: str) -> Stage | None:
    """The life-cycle stage a short label names, or None ('电力 (生产、办公)' → production)."""
    for stage, pattern in STAGE_PATTERNS:
        if pattern.search(text):
            return stage
    return None


def stages_in_text(text: str) -> list[Stage]:
    """Every stage a sentence names, in reading order, reading each phrase once (the longest
    phrase at a position wins: '原材料生产阶段' is raw material, not also production)."""
    spans: list[tuple[int, int, int, Stage]] = []
    for rank, (stage, pattern) in enumerate(STAGE_PATTERNS):
        for m in pattern.finditer(text):
            if m.end() > m.start():
                spans.append((m.start(), -(m.end() - m.start()), rank, stage))
    spans.sort()
    taken_to = -1
    out: list[Stage] = []
    for start, neg_len, _, stage in spans:
        if start < taken_to:
            continue
        taken_to = start - neg_len
        if stage not in out:
            out.append(stage)
    return out


def stage_of_line(line: InventoryLine) -> Stage | None:
    """A line's stage (interpret stores it on ``InventoryLine.stage``): its class column first ('原料获取'), then its label, then its group.

    A parenthesised note is read too ('电力(MWh) (生产、办公)' is production energy)."""
    for text in (line.category, line.label, line.group):
        if text:
            stage = stage_of_text(text)
            if stage is not None:
                return stage
    return None


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
# A word every match of every STAGE_WORDS pattern holds (lower case; a test checks): a
# sentence without one names no stage, and readers of stage words can skip it.
STAGE_KEYWORDS = [
    *["运输", "transport", "获取", "獲取", "生产", "開採", "开采", "采购", "供应", "上游"],
    *["material", "upstream", "生產", "制造", "製造", "manufactur", "production", "core"],
    *["分销", "配送", "销售", "distribution", "使用", "use", "回收", "报废"],
    *["廢棄", "废弃", "处置", "寿命终止", "填埋", "焚烧", "再生利用", "life", "disposal"],
    *["recycling", "waste", "usage"],
]
# Bare "运输"/"transport" (product transport when it follows production in a list).
TRANSPORT_WORD = r"运输|transport(?:ation)?"
