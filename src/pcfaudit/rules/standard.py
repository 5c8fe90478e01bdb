"""standard rules: the carbon-footprint standards a report cites are current, product-level,
and include the national standard once it applies."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterator
from typing import TypeVar

from pcfaudit.model import Finding, Location, StandardCitation
from pcfaudit.rules.engine import RuleContext, rule

# Scopes of the pack's standards that a product carbon footprint may be quantified with.
_PRODUCT_METHOD = {"product"}
_ORGANISATION = {"organisation", "project"}
_NATIONAL = "GB/T 24067"


def _quoted(citation: StandardCitation) -> Location:
    loc = citation.location
    return loc if loc.quote else loc.with_quote(citation.text)


K = TypeVar("K")


def _grouped(
    citations: list[StandardCitation], key: Callable[[StandardCitation], K | None]
) -> dict[K, list[StandardCitation]]:
    groups: dict[K, list[StandardCitation]] = {}
    for c in citations:
        k = key(c)
        if k is not None:
            groups.setdefault(k, []).append(c)
    return groups


@rule("ST001")
def superseded_standard(ctx: RuleContext) -> Iterator[Finding]:
    """A standard cited in an edition that has been superseded or withdrawn.

    A study that follows a replaced edition (ISO/TS 14067:2013, replaced by ISO 14067:2018;
    PAS 2050:2008, replaced by PAS 2050:2011) may miss requirements of the current one, and
    a verifier must know which edition the method really follows. Only standards in the
    reference data are checked; product standards and management-system certificates
    (GB/T 10596, ISO 9001, ISO 14001) are never flagged. One finding per edition.

    Example: "按照ISO/TS 14067-2013、PAS 2050: 2011标准的要求".
    """
    pack = ctx.reference
    if pack is None:
        ctx.count(None)
        return
    editions = _grouped(ctx.report.standards, lambda c: _edition(pack, c))
    written = _written(ctx)
    for (code, year), cites in editions.items():
        edition = pack.standard(code, year)
        current = [e for e in pack.editions(code) if e.is_current]
        replaced = edition.superseded_by or (current[-1].designation if current else "")
        successor = pack.standard(replaced) if replaced else None
        # An edition replaced after the report was written was current when it was cited.
        out_on = _month(successor.published) if successor else None
        current_then = written is not None and out_on is not None and written < out_on
        ctx.count(edition.is_current or current_then)
        if edition.is_current or current_then:
            continue
        also = [
            c
            for c in ctx.report.standards
            if successor is not None
            and c.code == successor.code
            and c.year in (None, successor.year)
            and c not in cites
        ]
        note = (
            f" The report also cites {replaced.split(':')[0]} elsewhere, so the edition it follows is unclear."
            if also
            else ""
        )
        note_zh = (
            f"报告其他位置又引用了 {replaced.split(':')[0]}，实际依据的版本不明确。" if also else ""
        )
        status = "withdrawn" if edition.status == "withdrawn" else "superseded"
        status_zh = "已废止" if status == "withdrawn" else "已被替代"
        yield ctx.finding(
            "ST001",
            message=(
                f"{edition.designation} is cited ({'; '.join(dict.fromkeys(c.location.describe() for c in cites))}); "
                f"it is {status}"
                + (f" and replaced by {replaced}" if replaced else "")
                + f".{note} "
                "A study should follow, and cite, the current edition."
            ),
            message_zh=(
                f"报告引用了 {edition.designation}（{'；'.join(dict.fromkeys(c.location.describe() for c in cites))}），该版本{status_zh}"
                + (f"，由 {replaced} 取代" if replaced else "")
                + f"。{note_zh}研究应依据并引用现行版本。"
            ),
            locations=[_quoted(c) for c in cites],
            reported=edition.designation,
            expected=replaced or None,
            key=edition.designation,
        )


def _month(iso: str | None) -> tuple[int, int] | None:
    """(year, month) of an ISO date or month ("2022-12", "2023-12-08"); None if unknown."""
    parts = (iso or "").split("-")
    if len(parts) < 2 or not all(p.isdigit() for p in parts[:2]):
        return None
    return int(parts[0]), int(parts[1])


def _written(ctx: RuleContext) -> tuple[int, int] | None:
    """The month the report was last written: its latest dated issue or revision."""
    stamps = [(d.year, d.month) for d in ctx.report.dates if d.kind == "report" and d.month]
    stamps += [
        m
        for s in ctx.report.statements
        if s.kind in {"epd-issued", "epd-revised"} and (m := _month(s.subject))
    ]
    return max(stamps, default=None)


def _edition(pack: object, citation: StandardCitation) -> tuple[str, int] | None:
    """(code, year) of the pack edition a citation names; a citation without a year names
    the standard's only edition (ISO/TS 14067) and nothing otherwise."""
    editions = pack.editions(citation.code)  # type: ignore[attr-defined]
    if not editions:
        return None
    if citation.year is not None:
        match = next((e for e in editions if e.year == citation.year), None)
        return (match.code, match.year) if match else None
    if len(editions) == 1 and not editions[0].is_current:
        return (editions[0].code, editions[0].year)
    return None


@rule("ST002")
def organisation_standard(ctx: RuleContext) -> Iterator[Finding]:
    """An organisation- or project-level GHG standard cited in a product footprint.

    ISO 14064-1 (and GB/T 32150, GB/T 32151.x) quantify a company's inventory, not a
    product's life cycle; citing one among the standards a product footprint "adopts"
    suggests the study mixes an organisational inventory with a product footprint (its
    boundary, allocation and categories differ). Info: a report may cite it only for the
    scope 1/2 vocabulary of its source list.

    Example: "采用的标准信息：ISO 14067 …；ISO 14064-1 温室气体 第一部分 组织层次上 …".
    """
    pack = ctx.reference
    if pack is None:
        ctx.count(None)
        return
    cites = ctx.report.standards
    product = any(_scope(pack, c) in _PRODUCT_METHOD for c in cites)
    groups = _grouped(cites, lambda c: c.code if _scope(pack, c) in _ORGANISATION else None)
    if not groups:
        ctx.count(True if product else None)
        return
    for code, found in groups.items():
        ctx.count(False)
        title = pack.editions(code)[-1].title
        yield ctx.finding(
            "ST002",
            message=(
                f"{code} ({title}) is cited ({'; '.join(dict.fromkeys(c.location.describe() for c in found))}). "
                "It is an organisation-level standard for a company's GHG inventory, not a method "
                "for a product carbon footprint; a product study should follow ISO 14067 / GB/T 24067 "
                "or PAS 2050 and allocate company data to the product."
            ),
            message_zh=(
                f"报告引用了 {code}（{'；'.join(dict.fromkeys(c.location.describe() for c in found))}）。"
                "该标准适用于组织层面的温室气体清单，而非产品碳足迹的核算方法；产品碳足迹应依据 ISO 14067 / GB/T 24067 "
                "或 PAS 2050，并将企业数据分配到产品。"
            ),
            locations=[_quoted(c) for c in found],
            reported=str(code),
            expected="a product-level standard",
            key=str(code),
        )


def _scope(pack: object, citation: StandardCitation) -> str | None:
    editions = pack.editions(citation.code)  # type: ignore[attr-defined]
    return editions[-1].scope if editions else None


@rule("ST003")
def national_standard_missing(ctx: RuleContext) -> Iterator[Finding]:
    """A Chinese product-footprint report dated after GB/T 24067-2024 took effect that does
    not mention it.

    GB/T 24067-2024 《温室气体 产品碳足迹 量化要求和指南》 is the national standard for product
    carbon footprints (effective date from the reference data). A Chinese report compiled
    after that date that cites only ISO 14067, PAS 2050 or older documents is not wrong, but
    a verifier should ask whether the national standard's additional requirements were met.
    Only reports that cite a product-footprint standard and carry a full report date are
    checked.

    Example: report dated 2025-03-12 citing ISO 14067 and PAS 2050:2011, no GB/T 24067.
    """
    pack, report = ctx.reference, ctx.report
    if pack is None or report.language != "zh":
        ctx.count(None)
        return
    edition = pack.standard(_NATIONAL, 2024)
    effective = _date(edition.effective) if edition is not None else None
    product = [c for c in report.standards if _scope(pack, c) in _PRODUCT_METHOD]
    dated = [d for d in report.dates if d.kind == "report"]
    if effective is None or not product or not dated:
        ctx.count(None)
        return
    d = dated[0]
    if d.month is None and d.year <= effective.year:
        ctx.count(None)
        return
    on = dt.date(d.year, d.month or 12, d.day or 28)
    if (
        d.day is None
        and d.month is not None
        and (d.year, d.month) == (effective.year, effective.month)
    ):
        ctx.count(None)
        return
    cited = any(c.code == _NATIONAL for c in report.standards)
    ok = cited or on < effective
    ctx.count(ok)
    if ok:
        return
    caveat = (
        "" if edition.verified else " (The effective date in the reference data is unverified.)"
    )
    caveat_zh = "" if edition.verified else "（参考数据中的实施日期未经核实。）"
    cited_codes = ", ".join(dict.fromkeys(c.code for c in product))
    yield ctx.finding(
        "ST003",
        message=(
            f"The report is dated {d.text} ({d.location.describe()}), after GB/T 24067-2024 took "
            f"effect on {edition.effective}, but cites only {cited_codes} as product-footprint "
            "standards. The national standard adds requirements (e.g. data geography, critical "
            f"review, CFP declaration); ask whether they were met.{caveat}"
        ),
        message_zh=(
            f"报告编制日期为 {d.text}（{d.location.describe()}），晚于 GB/T 24067-2024 的实施日期 {edition.effective}，"
            f"但产品碳足迹标准仅引用了 {cited_codes}。国家标准增加了数据地理代表性、鉴定性评审、碳足迹声明等要求，"
            f"应确认是否满足。{caveat_zh}"
        ),
        locations=[d.location.with_quote(d.location.quote or d.text)],
        reported=cited_codes,
        expected="GB/T 24067-2024",
        key="GB/T 24067",
    )


def _date(text: str) -> dt.date | None:
    try:
        return dt.date.fromisoformat(text) if len(text) == 10 else None
    except ValueError:
        return None
