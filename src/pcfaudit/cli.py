"""The ``pcfaudit`` command line: argument handling only; the work is in the pipeline."""

from __future__ import annotations

import json
import os
import sys
from contextlib import AbstractContextManager, nullcontext
from pathlib import Path
from typing import Annotated, Any

import typer
from rich.console import Console

from pcfaudit import __version__
from pcfaudit.cli_errors import error_language, locale_language, say
from pcfaudit.cli_help import App, LocalisedGroup
from pcfaudit.cli_options import GIVEN_PATH, WORD, DataFormat, Format, Lang, Severity, Show
from pcfaudit.escape import path_text, utf8_safe
from pcfaudit.limits import DEFAULT_TIMEOUT, AuditTimeout, time_limit
from pcfaudit.model import AuditResult
from pcfaudit.safe_io import OutputGuard

# Every help text comes from the catalogue (i18n help_en/help_zh), in the reader's language.
app = App(
    name="pcfaudit",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
    cls=LocalisedGroup,
)


def _fail(message: str, code: int = 2) -> typer.Exit:
    say(message)
    return typer.Exit(code)


def _version(value: bool) -> None:
    if value:
        print(f"pcfaudit {__version__}")
        raise typer.Exit()


def _tool_language(lang: Lang) -> str:
    """The language of a command that shows pcfaudit's own data (rules, a rule, the
    reference pack, a diff): ``auto`` is the locale's."""
    return locale_language() if lang is Lang.auto else lang.value


@app.callback()
def _root(
    ctx: typer.Context,
    version: Annotated[bool, typer.Option("--version", callback=_version, is_eager=True)] = False,
    lang: Annotated[Lang | None, typer.Option("--lang", show_default=False)] = None,
) -> None:
    """pcfaudit — a verifier's second pair of eyes for carbon footprint reports."""
    if lang is not None:  # `pcfaudit --lang zh CMD …` is `pcfaudit CMD --lang zh …`
        group: Any = ctx.command
        ctx.default_map = {
            name: {"lang": lang.value}
            for name, command in group.commands.items()
            if any(p.name == "lang" for p in command.params)
        }


def _split(values: list[str] | None) -> list[str]:
    return [v.strip() for item in values or [] for v in item.split(",") if v.strip()]


@app.command()
def check(
    files: Annotated[list[Path], typer.Argument(click_type=GIVEN_PATH, metavar="FILE...")],
    format: Annotated[Format, typer.Option("--format", "-f")] = Format.text,
    lang: Annotated[Lang, typer.Option()] = Lang.auto,
    output: Annotated[Path | None, typer.Option("--output", "-o", metavar="FILE")] = None,
    fail_on: Annotated[Severity | None, typer.Option()] = None,
    select: Annotated[list[str] | None, typer.Option(metavar="CODES")] = None,
    ignore: Annotated[list[str] | None, typer.Option(metavar="CODES")] = None,
    config_file: Annotated[Path | None, typer.Option("--config", metavar="FILE")] = None,
    waivers: Annotated[Path | None, typer.Option(metavar="FILE")] = None,
    reference_dir: Annotated[Path | None, typer.Option(metavar="DIR")] = None,
    statistics: Annotated[bool, typer.Option("--statistics")] = False,
    annotate: Annotated[Path | None, typer.Option(metavar="FILE")] = None,
    timeout: Annotated[float, typer.Option(min=0, metavar="SECONDS")] = DEFAULT_TIMEOUT,
    baseline: Annotated[Path | None, typer.Option(metavar="FILE")] = None,
    add_waivers: Annotated[bool, typer.Option("--add-waivers")] = False,
) -> None:
    """Audit reports and print their findings (exit 0 clean, 1 findings, 2 unreadable).

    Exit 0 when nothing is at or above --fail-on, 1 when something is, 2 for unreadable
    input, a report that could not be audited, or a usage error."""
    from pcfaudit.config import ConfigError, check_codes, load_config, load_waivers
    from pcfaudit.pipeline import UnreadableInput, audit, exit_code
    from pcfaudit.render import render_console
    from pcfaudit.rules import load_catalog
    from pcfaudit.safe_io import OutputGuard, OutputRefused, annotation_targets

    guard = OutputGuard(files)
    try:  # refuse a bad output before auditing anything
        if output is not None:
            guard.check(output)
        annotated = annotation_targets(files, annotate, guard) if annotate is not None else {}
    except OutputRefused as exc:
        raise _fail(str(exc)) from None
    try:
        config = load_config(explicit=config_file, allow_missing_waivers=add_waivers)
        if waivers is not None:
            config.waiver_file = waivers
            config.waivers = load_waivers(waivers) if waivers.exists() or not add_waivers else []
        config.select = [c.upper() for c in _split(select)] or config.select
        config.ignore = [*config.ignore, *(c.upper() for c in _split(ignore))]
        check_codes(config, [spec.code for spec in load_catalog()])
    except ConfigError as exc:
        raise _fail(exc.text(error_language())) from None
    if fail_on is not None:
        config.fail_on = fail_on.value
    if reference_dir is not None:
        config.reference_dir = reference_dir
    accepted = _baseline_fingerprints(baseline)
    if format is Format.xlsx and output is None:
        from pcfaudit.i18n import label

        raise _fail(label(error_language(), "error.xlsx_needs_output"))
    worst = 0
    results = []
    console = Console(file=sys.stdout, soft_wrap=False) if output is None and not add_waivers else None
    for path in files:
        try:
            with time_limit(timeout, label=str(path), hard_exit=True), _progress(path):
                result = audit(path, config)
                if accepted:
                    _accept(result, accepted, baseline)
                language = result.report.language if lang is Lang.auto else lang.value
                if format is Format.text and console is not None:
                    render_console(result, console, lang=language, statistics=statistics)
                results.append((result, language))
                if annotate is not None:
                    _annotate(path, result, language, annotated[path], guard)
        except AuditTimeout as exc:  # a hostile or pathological file: say so, go on
            say(f"{path}: {exc}")
            worst = 2
            continue
        except (UnreadableInput, OutputRefused) as exc:
            say(str(exc))
            worst = 2
            continue
        except Exception as exc:  # one bad file never stops the others, never a traceback
            if os.environ.get("PCFAUDIT_DEBUG"):
                raise
            say(f"{path}: internal error ({type(exc).__name__}: {exc}); "
                "set PCFAUDIT_DEBUG=1 for details")
            worst = 2
            continue
        worst = max(worst, exit_code(result, config.fail_on))
    if add_waivers:
        raise typer.Exit(_add_waivers(config.waiver_file, [r for r, _ in results], worst))
    if results and format is Format.xlsx:
        from pcfaudit.render.workbook import render_xlsx

        assert output is not None  # checked before auditing
        output.write_bytes(render_xlsx(results))
    elif results and not (format is Format.text and console is not None):
        from pcfaudit.render.combine import render_all  # all results in one document

        text = render_all(results, format.value, statistics)
        if output is not None:
            try:
                guard.write_text(output, text)
            except OutputRefused as exc:
                raise _fail(str(exc)) from None
        else:
            sys.stdout.write(utf8_safe(text))
    raise typer.Exit(worst)


def _progress(path: Path) -> AbstractContextManager[object]:
    """A spinner on stderr while a report is audited, only when stderr is a terminal (never
    in CI logs or pipes)."""
    if not sys.stderr.isatty():
        return nullcontext()
    from pcfaudit.i18n import label

    message = label(error_language(), "progress.auditing", path=path)
    return Console(file=sys.stderr).status(f"pcfaudit: {message}", spinner="dots")


def _annotate(path: Path, result: AuditResult, language: str, target: Path, guard: OutputGuard) -> None:
    """The annotated copy (``--annotate``): highlights in a PDF, Word comments in a DOCX."""
    from pcfaudit.pipeline import read_source
    from pcfaudit.render import annotate_pdf
    from pcfaudit.render.docx_comments import comment_docx

    kind = result.source.get("format")
    if kind not in ("pdf", "docx"):
        say(f"{path_text(path)}: --annotate needs a PDF or DOCX report; skipped")
        return
    annotate = annotate_pdf if kind == "pdf" else comment_docx
    guard.write_bytes(target, annotate(read_source(path)[0], result, language))

def _baseline_fingerprints(baseline: Path | None) -> set[str]:
    """The open findings of an earlier audit (``check --baseline``)."""
    if baseline is None:
        return set()
    from pcfaudit.baseline import BaselineError, load_audits

    try:
        audits = load_audits(baseline)
    except BaselineError as exc:
        raise _fail(str(exc)) from None
    return {f["fingerprint"] for a in audits for f in a["findings"] if not f.get("waived")}


def _accept(result: AuditResult, accepted: set[str], baseline: Path | None) -> None:
    """Findings already in the baseline are kept, marked as accepted there."""
    for f in result.findings:
        if not f.waived and f.fingerprint in accepted:
            f.waived = {"reason": f"in baseline {baseline}", "reviewer": "baseline"}


def _add_waivers(target: Path | None, results: list[AuditResult], worst: int) -> int:
    """``check --add-waivers``: the baseline written, the exit code (2 if a file failed)."""
    from pcfaudit.baseline import add_waivers

    path = target or Path("pcfaudit-waivers.toml")
    reviewer = os.environ.get("PCFAUDIT_REVIEWER") or os.environ.get("USER") or "pcfaudit"
    try:
        added = add_waivers(path, results, reviewer)
    except OSError as exc:
        say(f"{path}: cannot write waivers ({exc.strerror})")
        return 2
    say(f"added {added} waivers to {path}")
    return 2 if worst == 2 else 0


@app.command()
def extract(
    file: Annotated[Path, typer.Argument(click_type=GIVEN_PATH, metavar="FILE")],
    format: Annotated[DataFormat, typer.Option("--format", "-f")] = DataFormat.text,
    tables: Annotated[bool, typer.Option("--tables")] = False,
    lang: Annotated[Lang, typer.Option()] = Lang.en,
) -> None:
    """Show what pcfaudit reads in a report: the Document and the interpreted Report."""
    from pcfaudit.extract.common import ExtractionError
    from pcfaudit.extract.detect import extract as extract_document
    from pcfaudit.interpret import interpret
    from pcfaudit.interpret.claims import detect_language
    from pcfaudit.model import to_jsonable
    from pcfaudit.pipeline import UnreadableInput, read_source
    from pcfaudit.show import render_report_text

    try:
        data, name = read_source(file)
        document = extract_document(data, name)
    except (UnreadableInput, ExtractionError) as exc:
        raise _fail(str(exc) if isinstance(exc, UnreadableInput) else f"{name}: {exc}") from None
    except Exception as exc:  # a hostile file may break a parser: one line, never a traceback
        if os.environ.get("PCFAUDIT_DEBUG"):
            raise
        raise _fail(f"{path_text(file)}: cannot extract ({type(exc).__name__}: {exc})") from None
    if tables:
        from pcfaudit.show import render_tables_text, tables_json

        if format is DataFormat.json:
            text = json.dumps(tables_json(document), ensure_ascii=False, indent=2)
            sys.stdout.write(utf8_safe(text) + "\n")
        else:
            language = detect_language(document) if lang is Lang.auto else lang.value
            render_tables_text(document, Console(file=sys.stdout), language)
        return
    try:
        report = interpret(document)
    except Exception as exc:  # never a traceback; PCFAUDIT_DEBUG=1 shows it
        if os.environ.get("PCFAUDIT_DEBUG"):
            raise
        raise _fail(f"{file}: internal error ({type(exc).__name__}: {exc})") from None
    if format is DataFormat.json:
        payload = {"document": to_jsonable(document), "report": to_jsonable(report)}
        sys.stdout.write(utf8_safe(json.dumps(payload, ensure_ascii=False, indent=2)) + "\n")
    else:
        language = report.language if lang is Lang.auto else lang.value
        render_report_text(document, report, Console(file=sys.stdout), language)


@app.command("rules")
def list_rules(
    format: Annotated[DataFormat, typer.Option("--format", "-f")] = DataFormat.text,
    lang: Annotated[Lang, typer.Option()] = Lang.en,
) -> None:
    """List every rule of the catalog."""
    from rich.table import Table

    from pcfaudit.rules import load_catalog

    catalog = load_catalog()
    language = _tool_language(lang)
    if format is DataFormat.json:
        rows = [
            {"code": r.code, "name": r.name, "category": r.category, "severity": r.severity,
             "title": r.title.get(language, r.title.get("en", ""))}
            for r in catalog
        ]
        sys.stdout.write(json.dumps(rows, ensure_ascii=False, indent=2) + "\n")
        return
    from pcfaudit.i18n import label

    table = Table(box=None, pad_edge=False)
    for column in ("code", "name", "category", "severity", "title"):
        table.add_column(label(language, f"rules.col.{column}"), overflow="fold")
    for r in catalog:
        table.add_row(r.code, r.name, label(language, f"category.{r.category}"),
                      label(language, f"severity.{r.severity}") if language != "en" else r.severity,
                      r.title.get(language, ""))
    Console(file=sys.stdout).print(table)


@app.command()
def explain(
    code: Annotated[str, typer.Argument(click_type=WORD, metavar="CODE")],
    lang: Annotated[Lang, typer.Option()] = Lang.en,
) -> None:
    """Explain a rule: what it checks, why it matters, an example."""
    from pcfaudit.rules import load_catalog
    from pcfaudit.rules.explain import explain_rule

    catalog = load_catalog()
    spec = catalog.get(code) or catalog.by_name(code)
    if spec is None:
        raise _fail(f"unknown rule {code!r}; `pcfaudit rules` lists them")
    language = _tool_language(lang)
    sys.stdout.write(explain_rule(spec, language))


@app.command()
def reference(
    show: Annotated[Show | None, typer.Option()] = None,
    reference_dir: Annotated[Path | None, typer.Option(metavar="DIR")] = None,
    format: Annotated[DataFormat, typer.Option("--format", "-f")] = DataFormat.text,
    notes: Annotated[bool, typer.Option("--notes")] = False,
    lang: Annotated[Lang, typer.Option()] = Lang.en,
) -> None:
    """Show the reference data pack: every value with the document it comes from and
    whether it was verified."""
    from pcfaudit.reference import load_pack

    try:
        pack = load_pack(reference_dir)
    except (OSError, ValueError) as exc:
        raise _fail(f"reference pack: {exc}") from None
    from pcfaudit.show_reference import reference_json, render_reference_text

    shows = [show.value] if show else [s.value for s in Show]
    if format is DataFormat.json:
        sys.stdout.write(json.dumps(reference_json(pack, shows), ensure_ascii=False, indent=2) + "\n")
        return
    console = Console(file=sys.stdout)
    render_reference_text(pack, shows, console, _tool_language(lang), summary=show is None, notes=notes)


@app.command("diff")
def diff_command(
    old: Annotated[Path, typer.Argument(click_type=GIVEN_PATH, metavar="OLD")],
    new: Annotated[Path, typer.Argument(click_type=GIVEN_PATH, metavar="NEW")],
    format: Annotated[DataFormat, typer.Option("--format", "-f")] = DataFormat.text,
    lang: Annotated[Lang, typer.Option()] = Lang.en,
    fail_on: Annotated[Severity, typer.Option()] = Severity.error,
) -> None:
    """Compare two audits of a report: findings resolved, still open and new.

    Exit 1 when a new finding is at or above --fail-on, 0 otherwise, 2 for unreadable input."""
    from pcfaudit.baseline import BaselineError, diff, load_audits, render_diff
    from pcfaudit.model import SEVERITY_RANK

    try:
        result = diff(load_audits(old), load_audits(new))
    except BaselineError as exc:
        raise _fail(str(exc)) from None
    language = _tool_language(lang)
    sys.stdout.write(render_diff(result, language, format.value))
    raise typer.Exit(1 if result.worst_new() >= SEVERITY_RANK[fail_on.value] else 0)


def _register_subcommands() -> None:
    from pcfaudit.batch.cli import register

    register(app)


_register_subcommands()


def main() -> None:
    app()


if __name__ == "__main__":
    main()
