"""What a sentence does with an emission source it names (``Mention.role``).

A source named in a report is not always a source the studied system uses. "Natural gas
17 %, Hydro 33 %, Coal 37 %" describes a supply mix; "electricity, medium voltage {TR} |
market for" names a dataset; "0.578 kg CO2 eq./kWh" characterises a factor; "研究表明…" and
"与…相比" report others' systems. Only a use (optionally with its amount) is evidence that
an inventory must account for the source. The cues are read in the mention's own clause
(or, for a table cell, its row), never elsewhere in the document.
"""

from __future__ import annotations

import regex

from pcfaudit.vocab.cues import CITED_WORK

_I = regex.IGNORECASE

# A share list of a supply mix: generation technologies or mix words.
_MIX_WORDS = regex.compile(
    r"\bmix\b|\bsplit\s+of\b|energy\s+sources|generation\s+(?:mix|structure|shares?)|"
    r"电源结构|发电结构|能源结构|电力结构|电网结构|电力构成|发电量构成|装机结构|"
    r"\bhydro\w*|\bwind\b|\bsolar\b|photovoltaic|\bnuclear\b|geothermal|"
    r"水电|风电|光伏|核电|火电|太阳能发电|地热",
    _I,
)
_PERCENT_AFTER = regex.compile(r"^[\s,，:：、()（）\-–]{0,4}(?:<\s*)?\d+(?:\.\d+)?\s*%")
_PERCENT_BEFORE = regex.compile(r"\d+(?:\.\d+)?\s*%[\s,，:：、()（）\-–]{0,4}$")
# A fuel directly followed by generation words is a power plant's fuel (the grid's), not the
# site's: "燃煤发电", "coal-fired power". A generator set (发电机) is the site's own.
_GENERATION_AFTER = regex.compile(
    r"^\s*(?:发电(?!机)|电厂|-?\s*fired\s+(?:power|electricity|generation)|power\s+(?:plants?|generation)"
    r"|electricity\s+generation)",
    _I,
)
_DATASET = regex.compile(
    r"ecoinvent|\bGaBi\b|Sphera|\bCLCD\b|\bELCD\b|USLCI|Agri-?footprint|Agribalyse|"
    r"数据库|数据集|database|data\s*set|\bdataset|market\s+(?:group\s+)?for|"
    r"\{[A-Z]{2,}(?:-[A-Z]+)?\}|\bcut-?off\b|\bAPOS\b|background\s+data|背景数据",
    _I,
)
_FACTOR = regex.compile(
    r"排放因子|排放系数|碳排放系数|折标系数|emission\s+factors?|conversion\s+factors?|"
    r"carbon\s+intensity|\bGWP\s+of\b|"
    r"(?:[kKmM]?g|\bt)\s*CO\s*2[^/|]{0,10}/\s*(?:kWh|MWh|GJ|MJ|TJ|toe|tce|m3|m³|Nm3|L|kg|t)\b",
    _I,
)
_REFERENCE = regex.compile(
    CITED_WORK + r"|"
    r"与[^，。；,;]{0,16}相比|相比于|相较于?|compared\s+(?:with|to)|in\s+comparison|\bunlike\b|"
    r"如果|假如|假设|假若|敏感性|\bif\b|\bwould\b|\bsensitivity\b|"
    r"例如|比如|如[:：]|for\s+example|\be\.g\.",
    _I,
)
# Literature only (not comparisons, examples or hypotheses).
_OTHERS = regex.compile(CITED_WORK, _I)


def cites_others(text: str) -> bool:
    """The sentence reports other studies' findings ("研究表明…", "… et al. found", "[12]")."""
    return _OTHERS.search(text) is not None


# An amount in an energy or volume unit: the use is quantified where it is named. Mass
# units are left out: "生产 1 吨产品消耗电力" names the product's mass, not the source's.
_ACTIVITY_AMOUNT = regex.compile(
    r"\d(?:[\d.,]*\d)?(?:\s*[eE][+-]?\d+)?\s*(?:万\s*)?"
    r"(?:kWh|MWh|GWh|千瓦时|兆瓦时|度电|GJ|MJ|TJ|吉焦|Nm3|Nm³|m3|m³|立方米|标方|"
    r"L\b|liters?|litres?|升|tce|kgce)",
    _I,
)
_MIX_REACH = 40  # characters around the mention searched for the mix's other members


def mention_role(
    text: str, start: int, end: int, lo: int, hi: int, *, factor_names: bool = True
) -> str:
    """The role of the source named at text[start:end] of one sentence, cell or row
    ``text`` whose clause is text[lo:hi]. A mix share or a dataset name is never a use,
    even when the clause also has an amount."""
    near_before = text[max(0, start - _MIX_REACH) : start]
    near_after = text[end : end + _MIX_REACH]
    share = _PERCENT_AFTER.match(text[end : end + 12]) or _PERCENT_BEFORE.search(
        text[max(0, start - 12) : start]
    )
    if share and _MIX_WORDS.search(near_before + " " + near_after):
        return "mix"
    if _GENERATION_AFTER.match(text[end:hi]):
        return "mix"
    clause = text[lo:hi]
    if _DATASET.search(clause):
        return "dataset"
    if _REFERENCE.search(clause):
        return "reference"
    if factor_names and _FACTOR.search(clause):
        return "dataset"
    if _ACTIVITY_AMOUNT.search(clause):
        return "quantified"
    return "use"


def row_role(row_text: str, name: str, cell_role: str, kind: str = "fuel") -> str:
    """The role of a source named in one table cell, read against its whole row: a cell
    "Electricity" is a dataset name in the row "Electricity | grid mix, ecoinvent 3.9", and a
    fuel in a row that gives its emission factor ("柴油 | 3.096 tCO2/t | IPCC 2006") names the
    factor's carrier. Equipment in such a row is still the site's ("备用柴油叉车 | 柴油 |
    2.64 tCO2e/toe"): a source list names each source used with its factor."""
    if cell_role != "use":
        return cell_role
    pos = row_text.find(name)
    if pos < 0:
        return cell_role
    return mention_role(
        row_text, pos, pos + len(name), 0, len(row_text), factor_names=kind in ("fuel", "energy")
    )
