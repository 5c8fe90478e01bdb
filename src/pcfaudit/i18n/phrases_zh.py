"""The phrases rules write in English into ``expected``, ``reported`` and likely causes, in
Chinese. ``TERMS`` are whole phrases (also items of a comma-separated list); ``PATTERNS``
are templates whose ``{slots}`` are translated in turn (a slot holding a report's own words
or a number stays as it is). Order matters: the first pattern that matches wins."""

from __future__ import annotations

TERMS: dict[str, str] = {
    # a blank cell, and the kinds of dates the temporal rules compare
    "(empty)": "（空）",
    "negative base": "基数为负",
    # the kinds of slip the recomputation tells apart ("alternative that fits: typo")
    "typo": "一位数字录入错误",
    "transposition": "相邻两位数字颠倒",
    "shift": "漏写或多写一位数字",
    "input-typo": "输入值一位数字录入错误",
    "input-transposition": "输入值相邻两位数字颠倒",
    "input-shift": "输入值漏写或多写一位数字",
    "power-of-ten": "相差 10 的整数次幂",
    "unit-slip": "单位换算错误",
    "gwp-not-applied": "漏乘 GWP",
    "other-gwp": "采用了另一版 IPCC 报告的 GWP",
    "swapped-label": "标签互换",
    # what makes a document read as a footprint report (EX001, EX002)
    "title": "标题",
    "functional unit": "功能单位",
    "system boundary": "系统边界",
    "GWP values": "GWP 数值",
    "footprint standard": "碳足迹标准",
    "inventory": "清单",
    "CO2e results": "CO2e 结果",
    "hotspot statement": "热点表述",
    "the inventory and results are images, or their tables lost their structure": (
        "清单和结果为图片，或其表格在提取时失去了结构"
    ),
    "resilient, textile and laminate floor coverings": "弹性、纺织和层压地板覆盖物",
    "data-collection": "数据收集时间",
    "reporting-period": "报告期",
    "data-year": "数据年份",
    "base-year": "基准年",
    # life-cycle stages
    "raw-material acquisition": "原材料获取",
    "raw-material": "原材料获取",
    "raw material": "原材料获取",
    "raw-material transport": "原材料运输",
    "production": "产品生产",
    "manufacturing": "产品生产",
    "distribution": "产品分销",
    "use": "产品使用",
    "end of life": "废弃处置",
    "end-of-life": "废弃处置",
    # carriers and sources
    "natural gas": "天然气",
    "steam / purchased heat": "蒸汽/外购热力",
    "steam": "蒸汽",
    "purchased heat": "外购热力",
    "heat": "热力",
    "diesel": "柴油",
    "gasoline": "汽油",
    "petrol": "汽油",
    "electricity": "电力",
    "coal": "煤",
    "lpg": "液化石油气",
    "LPG": "液化石油气",
    "fuel oil": "燃料油",
    "kerosene": "煤油",
    "water": "水",
    "refrigerant": "制冷剂",
    # whole values
    "one functional unit throughout": "全文统一的功能单位",
    "one production volume": "统一的产量",
    "one declared unit": "统一的声明单位",
    "one edition": "同一版本",
    "one version": "同一版本",
    "no results": "无结果",
    "full life cycle": "全生命周期",
    "GWP values from one IPCC report": "取自同一 IPCC 评估报告的 GWP 数值",
    "a product-level standard": "产品层面的标准",
    "a standard in force": "现行有效的标准",
    "organisation-wide inventory / output": "组织层面清单 / 产量",
    "a product boundary, or the allocation of shared activity described": (
        "产品层面的边界，或对共用活动分配方法的说明"
    ),
    "an organisational (ISO 14064-1) inventory reused as a product footprint": (
        "将组织层面（ISO 14064-1）的清单直接用作产品碳足迹"
    ),
    "activity data not collected or not entered": "活动数据未收集或未填写",
    "the number of units differs": "设备台数不一致",
    "the inventory is an image, or its table lost its structure in extraction": (
        "清单为图片，或其表格在提取时失去了结构"
    ),
    "a scanned (image-only), encrypted or truncated file": "扫描件（仅图像）、加密或不完整的文件",
    "cradle-to-gate": "从摇篮到大门",
    "cradle-to-grave": "从摇篮到坟墓",
    "gate-to-gate": "从大门到大门",
    "Energy acquisition": "能源获取",
    "wastewater treatment": "污水处理",
}

PATTERNS: list[tuple[str, str]] = [
    ("data-collection {date}", "数据收集时间 {date}"),
    ("reporting-period {date}", "报告期 {date}"),
    ("data-year {date}", "数据年份 {date}"),
    ("base-year {date}", "基准年 {date}"),
    ("replaced by {standard}", "已由 {standard} 替代"),
    ("withdrawn in {year} and replaced by {standard}", "{year} 年已废止，由 {standard} 替代"),
    ("{standard} ({scope}) may be meant", "可能指的是 {standard}（{scope}）"),
    ("on or before {date}", "不晚于 {date}"),
    ("on or after {date}", "不早于 {date}"),
    ("RSL {n} years", "RSL {n} 年"),
    ("RSL {n} year", "RSL {n} 年"),
    ("emissions of the {stage} stage", "{stage}阶段的排放"),
    ("no data for the excluded {stage} stage", "已排除的{stage}阶段无数据"),
    ("{stages} excluded", "{stages}排除在外"),
    ("{stages} included", "{stages}包含在内"),
    ("a quantity of {thing} consumed", "{thing}的消耗量"),
    ("an inventory line for {thing} burnt on site", "现场燃烧{thing}的清单行"),
    ("an inventory line for {thing}", "{thing}的清单行"),
    ("the {gases} results were not calculated or not carried into the total",
     "{gases} 的排放结果未计算或未计入总量"),
    ("GWP copied from {source}", "GWP 取自 {source}"),
    ("the power per unit agrees ({power}); the number of units differs",
     "单台功率一致（{power}），设备台数不一致"),
    ("{n} units, {power} in total", "{n} 台，共 {power}"),
    ("{gas} consumed as an input and released on site, possibly also in direct emissions",
     "{gas} 作为原料消耗并在现场释放，可能也计入了直接排放"),
    ("value of the {what}", "该值为{what}"),
    ("{year} national grid average factor of the carbon-market reporting notice ({source})",
     "{year} 年碳市场排放报告通知中的全国电网平均排放因子（{source}）"),
    ("{year} national grid average factor of the carbon-market reporting notice",
     "{year} 年碳市场排放报告通知中的全国电网平均排放因子"),
    ("{year} national average grid CO2 factor ({source})",
     "{year} 年全国电网平均二氧化碳排放因子（{source}）"),
    ("commonly attributed to {source}", "通常认为出自 {source}"),
    ("unit slip: the value fits {unit}", "单位错误：该数值符合 {unit}"),
    ("after the end of {period}", "{period}结束之后"),
    ("data from {year} or later", "{year} 年或之后的数据"),
    ("until {date} at the latest", "最迟至 {date}"),
    ("results for {module}", "{module} 模块的结果"),
    ("a section {name} in the body", "正文中的章节 {name}"),
    ("{a} vs {b}", "{a} 与 {b}"),
    ("{typical} (up to {most} incl. {what})", "{typical}（含{what}时最高约 {most}）"),
    # confidence reasons
    ("the rule's reading of the interpreted report; not assessed further",
     "规则对解析后报告的读取，未作进一步评估"),
    ("read from table {n}; {kind} relation recomputed from the printed values with their rounding",
     "读自表 {n}；按所印数值及其舍入重新计算{kind}关系"),
    ("alternative that fits: {what}", "亦符合的解释：{what}"),
    ("the {kind} relation holds on {a} of {b} rows of table {n}",
     "{kind}关系在表 {n} 的 {b} 行中有 {a} 行成立"),
    ("alternatives tried: {what}", "已尝试的其他解释：{what}"),
    ("other per-unit values of the same sentence", "同一句中的其他单位产品数值"),
    ("the value the sentence itself prints", "该句自身所印的数值"),
    ("stage subtotals left out, another reading of the same total",
     "剔除阶段小计、同一合计的其他读法"),
    ("shares along the rows, unrounded results", "按行求和的占比、未舍入的结果"),
    ("shares along the rows, one table at a time", "按行求和的占比、逐表求和"),
    ("total", "合计"),
    ("share", "占比"),
    ("line", "清单行"),
    ("per-unit", "单位产品"),
    ("text-computation", "正文计算"),
    # generic joins last: each side is translated on its own
    ("{first}; {rest}", "{first}；{rest}"),
]

# The notes a rule's catalog entry adds to a clause it cites ("ISO 14067:2018 6.4.6
# (allocation; sub-clause unverified)"), longest first: the standard's name and number stay.
CLAUSE_WORDS: tuple[tuple[str, str], ...] = (
    ("2006 IPCC Guidelines Vol. 2 Ch. 1 Tables 1.2-1.3", "《2006 年 IPCC 国家温室气体清单指南》第 2 卷第 1 章表 1.2-1.3"),
    ("system boundary and inventory: all significant inputs", "系统边界与清单：所有重要输入"),
    ("data quality: geographical and time-related coverage", "数据质量：地理和时间覆盖范围"),
    ("GWP100 values given by the IPCC", "采用 IPCC 给出的 GWP100 数值"),
    ("effective date per the reference data", "实施日期见参考数据"),
    ("default NCV and CO2 factors", "NCV 和 CO2 缺省值"),
    ("GHG Protocol Product Standard", "GHG Protocol 产品标准"),
    ("data quality: consistency", "数据质量：一致性"),
    ("sub-clause number unverified", "条款号未经核实"),
    ("sub-clause unverified", "条款号未经核实"),
    ("data and data quality", "数据和数据质量"),
    ("scope: organizations", "范围：组织"),
    ("scope: products", "范围：产品"),
    ("same requirement", "要求相同"),
    ("data quality", "数据质量"),
    ("allocation", "分配"),
    ("electricity", "电力"),
    ("reporting", "报告"),
    ("Foreword", "前言"),
    ("replaces", "替代"),
    ("Table", "表"),
    (" and ", " 和 "),
    ("; ", "；"),
    (" (", "（"),
    (")", "）"),
)

_MONTHS = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")
# Words inside figures that reference data and rules print in English (a source's date, a
# range of values, a default), rewritten wherever they stand in a Chinese message.
REWRITES: tuple[tuple[str, str], ...] = (
    # notes the recomputation writes (growth rates, relations found in a table, changes a
    # sentence states); their slots hold the report's own labels, so whole-text rewrites
    (
        r"\bfrom (.+?) to (.+?), (\d+) years: compound (\S+), simple mean (\S+), total change (\S+%)",
        r"\1 至 \2，\3 年：复合增长率 \4，算术平均 \5，总变化 \6",
    ),
    (r"\bevery row \((\d+) of (\d+)\) equals ", r"每一行（共 \2 行中的 \1 行）都等于 "),
    (r"; the conversion (.+?) is printed nowhere in the report \(e\.g\. ", r"；报告中任何地方都没有写明换算 \1（例如 "),
    (r"; without (.+?): ", r"；不乘 \1 时为 "),
    (r"\ba column × ", "某列 × "),
    (r": holds on (\d+) of (\d+) rows", r"：在 \2 行中有 \1 行成立"),
    (r"; inputs ", "；输入 "),
    (r"; evidence weak\b", "；证据较弱"),
    (r"; evidence strong\b", "；证据充分"),
    (
        r"\bthe printed value equals (.+?): computed from (.+?) where the table prints (.+?) \(one digit differs\)",
        r"所印数值等于 \1：由 \2 算得，而表中印的是 \3（有一位数字不同）",
    ),
    (r" \(would print (.+?)\)", r"（按此计算应印为 \1）"),
    (
        r"\bthe sentence's other figures \((.+?)\) reproduce as the change from (.+?) to (.+?) in (table \d+); "
        r"for (.+?) the table gives (.+?) vs (.+?) = ",
        r"该句其余数字（\1）与 \4 中 \2 至 \3 的变化相符；对 \5，表中数据为 \6 与 \7，变化为 ",
    ),
    (
        r"\bthe printed share is that of (.+?) \(([\d.]+%)\), not of (.+?) \(([\d.]+%)\): labels swapped",
        r"所印占比是 \1 的（\2），而不是 \3 的（\4）：两者标签互换",
    ),
    (r"\bversion (\d[\w.]*)", r"\1 版"),
    # what a sentence states about a stock and its leak rate ("stock:100 kg;rate:1%")
    (r"\bstock:(?=\d)", "储存量 "),
    (r"\brate:(?=\d)", "比例 "),
    (
        r"; the value is swapped with the one stated for (.+?) \((.+?), which should be (.+?)\)",
        r"；该数值与 \1 所述数值（\2，应为 \3）互换了",
    ),
    *((rf"\b{m}[a-z]* (\d{{4}})\b", rf"\1 年 {n} 月") for n, m in enumerate(_MONTHS, 1)),
    (r"(?<=[\d)]) to (?=\d)", " 至 "),
    (r"\bIPCC 2006 default\b", "IPCC 2006 缺省值"),
)
