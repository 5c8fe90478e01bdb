"""extraction rules: could the report be read well enough to audit?

DESIGN.md, "Coverage": no findings must never be mistaken for 'clean'. These rules turn a
poor reading into findings — an ``extraction`` error makes the CLI exit 2 ("could not
audit") — so an empty finding list always means the report was read and checked. They
are conservative: an EPD or a summary report without an inventory table is not unreadable.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import regex

from pcfaudit.model import Finding, Location, Report, StatementKind, UnreadRegion
from pcfaudit.rules.engine import RuleContext, rule

_I = regex.IGNORECASE
_VOCAB = regex.compile(
    r"碳足迹|碳排放|温室气体|二氧化碳当量|生命周期|环境产品声明|"
    r"carbon\s+footprint|\bPCF\b|\bCFP\b|greenhouse\s+gas|\bGHG\b|CO\s*2\s*-?e|life[\s-]*cycle|"
    r"environmental\s+product\s+declaration|\bEPD\b|global\s+warming",
    _I,
)
_FOOTPRINT_STANDARDS = regex.compile(
    r"14067|PAS\s*2050|14040|14044|14025|14064|15804|24067|24040|24044|GHG\s+Protocol", _I
)
_CO2E_UNIT = regex.compile(r"CO\s*2|CO₂|二氧化碳", _I)


def footprint_signals(report: Report) -> list[str]:
    """The kinds of carbon-footprint content the interpreter recognised (empty for a
    document that is not a footprint report, or one that could not be read)."""
    signals: list[str] = []
    if report.title and _VOCAB.search(report.title):
        signals.append("title")
    if report.functional_units:
        signals.append("functional unit")
    if report.boundary or report.stages:
        signals.append("system boundary")
    if report.gwp_declarations:
        signals.append("GWP values")
    if any(_FOOTPRINT_STANDARDS.search(s.code) for s in report.standards):
        signals.append("footprint standard")
    if report.inventory:
        signals.append("inventory")
    results = [*report.totals, *report.per_unit]
    if any(_CO2E_UNIT.search(v.quantity.unit_text or v.quantity.unit or "") for v in results):
        signals.append("CO2e results")
    if any(s.kind is StatementKind.HOTSPOT for s in report.statements):
        signals.append("hotspot statement")
    return signals


def _too_little_text(ctx: RuleContext) -> bool:
    """Little text and nothing auditable read from it. A short text from which an inventory
    or a result was read is small, not unreadable (test inputs, one-page summaries)."""
    p = ctx.params("EX004")
    characters = ctx.document_stats.characters
    min_characters = int(p.get("min_characters", 400))
    # Few blocks mean little text only when the characters are few too: one 10,000-row
    # table is a single block holding a great deal of text.
    few_blocks = (
        ctx.document_blocks < int(p.get("min_blocks", 5)) and characters < 10 * min_characters
    )
    short = characters < min_characters or few_blocks
    report = ctx.report
    return short and not (report.inventory or report.totals or report.per_unit)


_SOURCE_KINDS = ("fuel", "energy", "gas", "refrigerant")


def _document() -> Location:
    return Location(section=None, quote="(whole document)")


@rule("EX001")
def no_inventory(ctx: RuleContext) -> Iterator[Finding]:
    """A carbon footprint report in which no inventory line was recognised.

    Without inventory lines nothing can be recomputed: the arithmetic, unit, omission and
    emission-factor checks all have nothing to work on, so 'no findings' would mean
    'not checked'. When no result value was read either, the report could not be audited
    (error, exit code 2). When results were read but no table of lines (common in EPDs and
    summary reports), it is a warning that most checks could not run.

    Example: a PDF whose inventory is an image, or whose table lost its columns in extraction.
    """
    report = ctx.report
    signals = footprint_signals(report)
    if report.inventory or report.matrices:  # an EPD's results are its indicator matrices
        ctx.count(True)
        return
    # One signal is enough when the text also names emission sources or factors at length (a
    # carbon study whose tables were not recognised must not pass for a clean audit).
    carbon = len(report.factors) + len([m for m in report.mentions if m.kind in _SOURCE_KINDS])
    if not signals or (len(signals) < 2 and carbon < 5) or _too_little_text(ctx):
        ctx.count(None)  # not a footprint report (EX002) or no text at all (EX004)
        return
    results = [*report.totals, *report.per_unit]
    # Doubt: tables read as text are no images. Then the tool did not recognise their
    # layout, which it must say instead of blaming the file. Tables that are images are
    # named one by one by EX005: repeating it here would say the same thing twice.
    text_tables = ctx.document_tables
    images = [r for r in ctx.document_stats.unread if r.kind in ("image", "scanned-page")]
    if images and (results or text_tables):
        ctx.count(None)
        return
    audited = _table_relations(ctx)
    if text_tables and audited:
        ctx.count(None)  # the inventory checks could not run; the tables were still audited
        yield _tables_audited_without_inventory(ctx, signals, text_tables, audited)
        return
    ctx.count(False)
    cause, cause_zh = (
        (
            f"the document's {text_tables} table(s) were read as text, but none has a layout "
            "recognised as an inventory (lines with activity data, factors and results)",
            f"文件中的 {text_tables} 个表格已按文本读取，但其版式均未被识别为清单（含活动数据、排放因子和结果的行）",
        )
        if text_tables
        else (
            "the inventory is an image, or its table lost its structure in extraction",
            "清单为图片，或其表格在提取时丢失了结构",
        )
    )
    if results:
        shown = "; ".join(f"{v.quantity} ({v.location.describe()})" for v in results[:3])
        yield ctx.finding(
            "EX001",
            message=f"The report reads as a carbon footprint report ({', '.join(signals)}) and "
            f"states results ({shown}) but no inventory line was recognised. The arithmetic, "
            "omission and emission-factor checks could not run: an absence of findings does "
            "not mean the numbers are right.",
            message_zh=f"文件可识别为碳足迹报告（{', '.join(signals)}），也给出了结果（{shown}），"
            "但未识别到任何清单行。算术、遗漏和排放因子检查均无法进行：没有发现问题并不代表数据正确。",
            locations=[
                r.location.with_quote(r.location.quote or str(r.quantity)) for r in results[:3]
            ],
            severity="warning",
            likely_cause=cause,
            likely_cause_zh=cause_zh,
        )
        return
    if text_tables:
        yield ctx.finding(
            "EX001",
            message=f"The document reads as a carbon footprint report ({', '.join(signals)}) and "
            f"its {text_tables} table(s) were read as text, but no inventory line or result value "
            "was recognised in them. The arithmetic, omission and emission-factor checks could "
            "not run: an absence of findings does not mean the numbers are right.",
            message_zh=f"文件可识别为碳足迹报告（{', '.join(signals)}），其 {text_tables} 个表格已按文本读取，"
            "但未从中识别出清单行或结果数值。算术、遗漏和排放因子检查均无法进行：没有发现问题并不代表数据正确。",
            locations=[_document()],
            severity="warning",
            likely_cause=cause,
            likely_cause_zh=cause_zh,
        )
        return
    yield ctx.finding(
        "EX001",
        message=f"The document reads as a carbon footprint report ({', '.join(signals)}) but "
        "neither an inventory line nor a result value could be read. The report could not be "
        "audited; check the file (scanned pages, tables as images, an unsupported layout).",
        message_zh=f"文件可识别为碳足迹报告（{', '.join(signals)}），但既未识别到清单行也未读到任何结果数值，"
        "无法审核。请检查文件（扫描页、图片形式的表格或不支持的版式）。",
        locations=[_document()],
        likely_cause="the inventory and results are images, or their tables lost their structure",
    )


def _table_relations(ctx: RuleContext) -> list[Any]:
    """The relations recompute found among the columns of the tables (held or broken)."""
    return [c for c in ctx.checks if getattr(c, "relation", None) == "table-relation"]


def _tables_audited_without_inventory(
    ctx: RuleContext, signals: list[str], text_tables: int, audited: list[Any]
) -> Finding:
    """Coverage, not a reading failure: the tables were read and their arithmetic checked
    (sums, products, shares, unit steps between columns), but no row is an inventory line,
    so what rests on lines (a line's activity × factor, omissions, factor plausibility) was
    not audited. Said at info level, with what was and was not checked."""
    held = [c for c in audited if c.status == "pass"]
    broken = [c for c in audited if c.status == "fail"]
    shown = "; ".join(f"{c.label} ({c.note})" for c in held[:3])
    more = f" and {len(held) - 3} more" if len(held) > 3 else ""
    return ctx.finding(
        "EX001",
        message=f"The report reads as a carbon footprint report ({', '.join(signals)}). Its "
        f"{text_tables} table(s) were read as text and their arithmetic was audited: "
        f"{len(held)} relation(s) among columns hold ({shown}{more})"
        + (f", {len(broken)} cell(s) break one" if broken else "")
        + ". No row was recognised as an inventory line (activity data × emission factor), "
        "so the line arithmetic, omission and emission-factor checks did not run.",
        message_zh=f"文件可识别为碳足迹报告（{', '.join(signals)}）。其 {text_tables} 个表格已按文本读取，"
        f"表内算术已核对：列间关系 {len(held)} 项成立"
        + (f"，{len(broken)} 个单元格不符" if broken else "")
        + "。未识别到清单行（活动数据 × 排放因子），因此清单行算术、遗漏和排放因子检查未进行。",
        locations=[_document()],
        severity="info",
        likely_cause="the tables hold results or indices, not an inventory of activity data and factors",
        likely_cause_zh="表格为结果或指数，而非含活动数据与排放因子的清单",
        key="tables-audited",
    )


@rule("EX002")
def not_a_footprint_report(ctx: RuleContext) -> Iterator[Finding]:
    """The document shows no carbon-footprint content at all.

    No footprint vocabulary in the title, no functional unit, boundary, GWP values,
    footprint standard, inventory or CO2e result: the file is probably not a carbon
    footprint report (a wrong attachment, an invoice, a different kind of study), or its
    text could not be read. Auditing it would produce an empty, meaningless result.

    Example: a company brochure submitted in place of the footprint report.
    """
    signals = footprint_signals(ctx.report)
    if _too_little_text(ctx):
        ctx.count(None)  # EX004 says why
        return
    ok = bool(signals)
    ctx.count(ok)
    if ok:
        return
    yield ctx.finding(
        "EX002",
        message=f"No carbon-footprint content was recognised in this document "
        f"({ctx.document_stats.characters} characters, {ctx.document_blocks} blocks read): no "
        "functional unit, system boundary, GWP values, footprint standard, inventory or CO2e "
        "result. It does not look like a carbon footprint report, so it was not audited.",
        message_zh=f"本文件中未识别到任何碳足迹内容（读取 {ctx.document_stats.characters} 个字符、"
        f"{ctx.document_blocks} 个文本块）：无功能单位、系统边界、GWP 值、碳足迹标准、清单或 CO2e 结果。"
        "该文件不像碳足迹报告，未进行审核。",
        locations=[_document()],
        likely_cause="a wrong file, or text that could not be extracted",
    )


@rule("EX003")
def garbled_text(ctx: RuleContext) -> Iterator[Finding]:
    """A large share of the extracted text is garbled ((cid:NNN) glyphs, U+FFFD, mojibake).

    Garbled characters are numbers and words the tool could not read; checks on them are
    silently skipped. Above ``warning_ratio`` (default 5 %) the verifier is warned that
    parts were not checked; above ``error_ratio`` (default 30 %) the report cannot be
    audited (exit code 2). Usually a PDF with fonts lacking a Unicode map: re-export it or
    supply the DOCX.

    Example: a PDF whose text extracts as "(cid:3542)(cid:2210)…".
    """
    stats = ctx.document_stats
    if stats.characters == 0:
        ctx.count(None)
        return
    p = ctx.params("EX003")
    warn = float(p.get("warning_ratio", 0.05))
    err = float(p.get("error_ratio", 0.3))
    ratio = stats.garbled_ratio
    ok = ratio < warn
    ctx.count(ok)
    if ok:
        return
    severity = "error" if ratio >= err else "warning"
    yield ctx.finding(
        "EX003",
        message=f"{ratio:.1%} of the extracted text is garbled ({stats.garbled_characters} of "
        f"{stats.characters} characters; threshold {warn:.0%}"
        + (f", {err:.0%} for 'could not audit'" if severity == "error" else "")
        + "). Numbers and words in those parts could not be read or checked.",
        message_zh=f"提取的文本中有 {ratio:.1%} 为乱码（{stats.characters} 个字符中 {stats.garbled_characters} 个；"
        f"阈值 {warn:.0%}）。这些部分的数字和文字无法读取，也未被检查。",
        locations=[_document()],
        reported=f"{ratio:.3f}",
        expected=f"< {warn}",
        severity=severity,  # type: ignore[arg-type]
        likely_cause="a PDF whose fonts have no Unicode mapping; re-export it or supply the DOCX",
    )


@rule("EX004")
def too_little_text(ctx: RuleContext) -> Iterator[Finding]:
    """Too little text was extracted to audit the report, or pages carry no text at all.

    A footprint report has pages of prose and tables. A few hundred characters (parameter
    ``min_characters``) or a handful of blocks (``min_blocks``), from which neither an
    inventory line nor a result could be read, means the file is scanned images, encrypted,
    or truncated: the report could not be audited (error). Pages without
    any text among pages with text are scanned inserts whose content was not checked
    (warning).

    Example: a scanned PDF of 12 pages that yields 40 characters of text.
    """
    stats = ctx.document_stats
    p = ctx.params("EX004")
    min_chars = int(p.get("min_characters", 400))
    min_blocks = int(p.get("min_blocks", 5))
    if _too_little_text(ctx):
        ctx.count(False)
        scanned = (
            f"; {stats.pages_without_text} page(s) have no text layer"
            if stats.pages_without_text
            else ""
        )
        scanned_zh = f"；{stats.pages_without_text} 页无文本层" if stats.pages_without_text else ""
        yield ctx.finding(
            "EX004",
            message=f"Only {stats.characters} characters in {ctx.document_blocks} blocks were "
            f"extracted (at least {min_chars} characters and {min_blocks} blocks expected{scanned}). "
            "The report could not be audited.",
            message_zh=f"仅提取到 {ctx.document_blocks} 个文本块、{stats.characters} 个字符（至少应有 {min_chars} 个字符、"
            f"{min_blocks} 个文本块{scanned_zh}）。无法审核该报告。",
            locations=[_document()],
            reported=str(stats.characters),
            expected=f">= {min_chars}",
            likely_cause="a scanned (image-only), encrypted or truncated file",
        )
        return
    if stats.pages_without_text:
        ctx.count(False)
        yield ctx.finding(
            "EX004",
            message=f"{stats.pages_without_text} page(s) carry no extractable text (scanned "
            "images?). Their content — possibly tables or results — was not read or checked.",
            message_zh=f"{stats.pages_without_text} 页没有可提取的文本（可能为扫描图像），其内容（可能包括表格或结果）未被读取和检查。",
            locations=[_document()],
            reported=str(stats.pages_without_text),
            expected="0",
            severity="warning",
            key="pages-without-text",
        )
        return
    ctx.count(True)


@rule("EX005")
def content_as_image(ctx: RuleContext) -> Iterator[Finding]:
    """A table or a page is a picture without a text layer, so it was not audited.

    The extractor names every wide picture whose ink lies in rows of words (a table, not a
    photograph or a diagram) and every scanned page. Unless the OCR extra read it, its
    numbers were not checked: the finding says so, with the page and the heading above.

    Example: "Potential environmental impact" followed by the result table as a screenshot.
    """
    regions = [
        r for r in ctx.document_stats.unread if r.kind in ("image", "scanned-page") and not r.ocr
    ]
    ctx.count(not regions)
    if len(regions) > 1:
        yield _images_together(ctx, regions)
        return
    for region in regions:
        named = f" under '{region.context}'" if region.context else ""
        what = "A table" if region.kind == "image" else "The page"
        what_zh = "表格" if region.kind == "image" else "该页"
        yield ctx.finding(
            "EX005",
            message=f"{what} on p. {region.page}{named} is an image without a text layer: its "
            f"numbers were not read and were not audited. {_advice([region])[0]}",
            message_zh=f"第 {region.page} 页{('“' + region.context + '”下的') if region.context else ''}"
            f"{what_zh}为无文本层的图片：其中的数字未被读取，也未被审核。{_advice([region])[1]}",
            locations=[
                Location(
                    page=region.page,
                    bbox=region.bbox,
                    quote=region.context or f"(image on p. {region.page})",
                )
            ],
            likely_cause="results pasted as a picture, or a scanned page",
            key=f"{region.page}:{region.bbox}",
        )


# Why OCR (installed) left a picture unread → what the user can do, in English and Chinese.
_OCR_SKIPPED = {
    "budget": (
        "OCR's work budget for one document was spent (raise PCFAUDIT_OCR_MEGAPIXELS to read more)",
        "单个文件的 OCR 工作量上限已用完（可调高 PCFAUDIT_OCR_MEGAPIXELS 以读取更多图片）",
    ),
    "turned": ("OCR does not read turned pages", "OCR 不读取旋转的页面"),
    "no-words": ("OCR found no words in it", "OCR 未在其中识别出文字"),
    "scanned-pages": (
        "the scan has too many pages for OCR on a CPU",
        "扫描页数过多，无法在 CPU 上完成 OCR",
    ),
}


def _advice(regions: list[UnreadRegion]) -> tuple[str, str]:
    """What to do about pictures left unread: install the OCR extra, or, where it ran and
    skipped them, why it did."""
    reasons = [r.ocr_skipped for r in regions if r.ocr_skipped in _OCR_SKIPPED]
    if not reasons:
        return (
            "Check them by hand, or install the OCR extra (pcfaudit[ocr]) to read them.",
            "请人工核对，或安装 OCR 扩展（pcfaudit[ocr]）读取。",
        )
    kinds = list(dict.fromkeys(reasons))
    en = "; ".join(_OCR_SKIPPED[k][0] for k in kinds)
    zh = "；".join(_OCR_SKIPPED[k][1] for k in kinds)
    return f"Check them by hand ({en}).", f"请人工核对（{zh}）。"


def _images_together(ctx: RuleContext, regions: list[UnreadRegion]) -> Finding:
    """Several pictures of one document are one finding (one cause, one action), each
    named with its page and heading, rather than one warning per picture."""
    names = [
        f"p. {r.page}"
        + (f" '{r.context}'" if r.context else "")
        + ("" if r.kind == "image" else " (page)")
        for r in regions
    ]
    names_zh = [f"第 {r.page} 页" + (f"“{r.context}”" if r.context else "") for r in regions]
    return ctx.finding(
        "EX005",
        message=f"{len(regions)} tables or pages are images without a text layer, so their numbers "
        f"were not read and were not audited: {'; '.join(names)}. {_advice(regions)[0]}",
        message_zh=f"{len(regions)} 个表格或页面为无文本层的图片，其中的数字未被读取，也未被审核：{'；'.join(names_zh)}。"
        f"{_advice(regions)[1]}",
        locations=[
            Location(page=r.page, bbox=r.bbox, quote=r.context or f"(image on p. {r.page})")
            for r in regions
        ],
        likely_cause="results pasted as pictures, or scanned pages",
        key="images:" + ",".join(f"{r.page}:{r.bbox}" for r in regions),
    )


@rule("EX006")
def hidden_text(ctx: RuleContext) -> Iterator[Finding]:
    """The file holds text a reader cannot see (invisible, or white on a white page).

    Such text is read by software but not by a person; a number there must not vouch for
    the report. The extractor leaves it out of the audit and this rule names it with its
    page. An invisible OCR layer over a scanned picture is not hidden (it says what the
    picture shows).

    Example: an inventory row printed white on white that the table's total includes.
    """
    regions = [r for r in ctx.document_stats.unread if r.kind == "hidden-text"]
    ctx.count(not regions)
    for region in regions:
        yield ctx.finding(
            "EX006",
            message=f"p. {region.page} holds text a reader cannot see (invisible, or white on "
            f"white): '{region.context}'. It was left out of the audit; ask why it is in the file.",
            message_zh=f"第 {region.page} 页含有读者看不见的文字（不可见或白底白字）：“{region.context}”。"
            "该文字未参与审核；请询问其用途。",
            locations=[Location(page=region.page, bbox=region.bbox, quote=region.context)],
            likely_cause="text hidden by its colour or render mode",
            key=f"{region.page}:{region.bbox}",
        )
