"""What the command line writes to stderr when it cannot go on: one line,
``pcfaudit: <message>``, in the reader's language (``--lang``, else the locale).

typer (through click) renders its own usage errors (unknown option, missing argument, a
value that is not one of the choices) as a usage line, a hint and a box; :class:`OneLineGroup`
catches them before that and writes ``pcfaudit: <message> (try 'pcfaudit CMD --help')``,
exit code 2, like every other refusal."""

from __future__ import annotations

import os
import sys
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from difflib import get_close_matches
from typing import Any

import typer
from typer.core import TyperGroup

from pcfaudit.i18n import error, label

try:  # typer >= 0.26 carries its own copy of click
    from typer._click import exceptions as click_exceptions
    from typer._click.globals import get_current_context
except ImportError:  # pragma: no cover - older typer uses click itself
    from click import exceptions as click_exceptions  # type: ignore[no-redef]
    from click.globals import get_current_context  # type: ignore[no-redef]

# click >= 8.2 says "no arguments, so the help" with a UsageError of its own
_NO_ARGS: Any = getattr(click_exceptions, "NoArgsIsHelpError", ())


def locale_language() -> str:
    """'zh' when the user's locale is Chinese, else 'en'."""
    for name in ("LC_ALL", "LC_MESSAGES", "LANG"):
        value = os.environ.get(name)
        if value:
            return "zh" if value.lower().startswith("zh") else "en"
    return "en"


def given_language(args: Sequence[str]) -> str | None:
    """The --lang a command line gives, read from the raw arguments (a usage error may come
    before typer has parsed them)."""
    for i, arg in enumerate(args):
        if arg == "--lang" and i + 1 < len(args):
            value = args[i + 1]
        elif arg.startswith("--lang="):
            value = arg.split("=", 1)[1]
        else:
            continue
        if value in ("en", "zh"):
            return value
    return None


def error_language() -> str:
    """The language of a message on stderr: the running command's --lang when it gave one,
    else the locale (the report's own language is not known yet)."""
    ctx = get_current_context(silent=True)
    lang = ctx.params.get("lang") if ctx is not None else None
    value = getattr(lang, "value", lang)
    return value if value in ("en", "zh") else locale_language()


def say(message: str, lang: str | None = None) -> None:
    """``pcfaudit: <message>`` on stderr, in ``lang`` (default :func:`error_language`)."""
    print(f"pcfaudit: {error(lang or error_language(), message)}", file=sys.stderr)


def _message(exc: Any, lang: str) -> str:
    """click's message in ``lang``; an unknown option names the closest real one, as an
    unknown rule code does, instead of click's list of 'possible options'."""
    if isinstance(exc, click_exceptions.NoSuchOption):
        # click's 'possible options' compare with the dashes, so '--bogus' is near '--jobs'
        options = [p for p in exc.possibilities or () if p != "--help"]
        close = get_close_matches(exc.option_name.lstrip("-"), [o.lstrip("-") for o in options], 1, 0.75)
        hint = label(lang, "error.hint", suggestion=f"--{close[0]}") if close else ""
        return error(lang, exc.message.strip()) + hint
    return error(lang, exc.format_message().strip())


def _usage_line(exc: Any, lang: str) -> str:
    message = _message(exc, lang)
    if lang == "en" and message[:1].isupper() and message[1:2].islower():
        message = message[0].lower() + message[1:]
    ctx = getattr(exc, "ctx", None)
    command = ctx.command_path if ctx is not None else "pcfaudit"
    hint = label(lang, "error.try_help", command=command)
    return f"pcfaudit: {message.rstrip('.')}{hint}"


class OneLineGroup(TyperGroup):
    """The command group whose usage errors are one line (see the module docstring)."""

    _argv: Sequence[str] = ()

    def main(self, args: Sequence[str] | None = None, *rest: Any, **extra: Any) -> Any:
        self._argv = list(sys.argv[1:] if args is None else args)
        return super().main(args, *rest, **extra)

    def make_context(self, info_name: str | None, args: list[str], parent: Any = None, **extra: Any) -> Any:
        with self._one_line():
            return super().make_context(info_name, args, parent, **extra)

    def invoke(self, ctx: Any) -> Any:
        with self._one_line():
            return super().invoke(ctx)

    @contextmanager
    def _one_line(self) -> Iterator[None]:
        try:
            yield
        except _NO_ARGS:  # `pcfaudit` alone: the help, as before
            raise
        except click_exceptions.UsageError as exc:
            lang = given_language(self._argv) or locale_language()
            print(_usage_line(exc, lang), file=sys.stderr)
            raise typer.Exit(exc.exit_code) from None
