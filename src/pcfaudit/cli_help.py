"""``--help`` in the reader's language, from the one label catalogue (``help.*`` keys).

typer builds its click commands when the app is called, with the help strings the source
gives, and prints them with words of its own ("Usage:", "Options", "[default: …]"). The
language is known only from the command line (``--lang zh`` anywhere in it, as for usage
errors) or else the locale, so the texts are set when help is about to be printed: the
command's description, each parameter's help (``help.<command>.<parameter>``, else the
shared ``help.opt.<parameter>``), and the frame typer prints around them.

:class:`App` is the ``typer.Typer`` whose commands all print their help this way."""

from __future__ import annotations

import re
import sys
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import Any

import typer
from typer import rich_utils
from typer.core import TyperCommand, TyperGroup

from pcfaudit.cli_errors import OneLineGroup, given_language, locale_language
from pcfaudit.i18n import has_label, label

# typer's own words (module constants it reads when it prints) and their catalogue keys
_TYPER_WORDS = {
    "ARGUMENTS_PANEL_TITLE": "help.typer.arguments",
    "OPTIONS_PANEL_TITLE": "help.typer.options",
    "COMMANDS_PANEL_TITLE": "help.typer.commands",
    "DEFAULT_STRING": "help.typer.default",
    "REQUIRED_LONG_STRING": "help.typer.required",
    "ENVVAR_STRING": "help.typer.envvar",
}
# an option's placeholder when the source gives none (typer would print '<float range>')
_METAVARS = {"path": "PATH", "integer": "N", "integer range": "N", "float": "NUMBER",
             "float range": "NUMBER", "text": "TEXT", "str": "TEXT"}  # fmt: skip
# typer writes a required argument as {FILE} in the usage line; a CLI reader expects FILE
_BRACED = re.compile(r"\{([^{}]+)\}")


def help_language(ctx: Any) -> str:
    """The language of the help: the command line's ``--lang en|zh``, else the locale."""
    root = ctx.find_root().command
    args = getattr(root, "_argv", None)
    return given_language(sys.argv[1:] if args is None else args) or locale_language()


def _text(lang: str, keys: list[str], fallback: str | None) -> str | None:
    """The first of ``keys`` the catalogue has; a parameter added without one keeps the
    source's text (a test fails on it)."""
    return next((label(lang, key) for key in keys if has_label(key)), fallback)


def help_key(command: Any, ctx: Any) -> str:
    return "help.app" if ctx.parent is None else f"help.{command.name}"


def _needs_placeholder(param: Any) -> bool:
    """An option that takes a value, has no placeholder of its own and no list of choices
    (those print as <a|b|c>)."""
    return (param.param_type_name == "option" and param.metavar is None and not param.is_flag
            and getattr(param.type, "choices", None) is None)  # fmt: skip


def localise(command: Any, ctx: Any, lang: str) -> None:
    """Every text ``command --help`` prints, in ``lang``."""
    key = help_key(command, ctx)
    command.help = _text(lang, [key], command.help)
    command.options_metavar = label(lang, "help.typer.options_metavar")
    if isinstance(command, TyperGroup):
        command.subcommand_metavar = label(lang, "help.typer.command_metavar")
        for name, sub in command.commands.items():  # the commands panel shows their help
            sub.help = _text(lang, [f"help.{name}"], sub.help)
    for param in command.get_params(ctx):
        if _needs_placeholder(param):
            param.metavar = _METAVARS.get(param.type.name, param.type.name.upper())
        if param.name == "help":
            param.help = label(lang, "help.typer.help")
        else:
            param.help = _text(lang, [f"{key}.{param.name}", f"help.opt.{param.name}"], param.help)


def _folding(make: Callable[..., Any]) -> Callable[..., Any]:
    """typer's help text, folded where a line is full: rich breaks lines only at spaces, so
    a Chinese sentence (no spaces) would be cut short with '…'."""

    def make_text(**kwargs: Any) -> Any:
        text = make(**kwargs)
        if hasattr(text, "overflow"):
            text.overflow = "fold"
        return text

    return make_text


@contextmanager
def _typer_words(lang: str) -> Iterator[None]:
    saved = {name: getattr(rich_utils, name) for name in [*_TYPER_WORDS, "_make_rich_text"]}
    try:
        for name, key in _TYPER_WORDS.items():
            setattr(rich_utils, name, label(lang, key))
        rich_utils._make_rich_text = _folding(saved["_make_rich_text"])
        yield
    finally:
        for name, value in saved.items():
            setattr(rich_utils, name, value)


class _InLanguage:
    """Mixed into a click command: its help and usage line in the reader's language."""

    def format_help(self, ctx: Any, formatter: Any) -> None:
        lang = help_language(ctx)
        localise(self, ctx, lang)
        with _typer_words(lang):
            super().format_help(ctx, formatter)  # type: ignore[misc]

    def format_usage(self, ctx: Any, formatter: Any) -> None:
        pieces = " ".join(self.collect_usage_pieces(ctx))  # type: ignore[attr-defined]
        prefix = label(help_language(ctx), "help.typer.usage")
        formatter.write_usage(ctx.command_path, _BRACED.sub(r"\1", pieces), prefix=prefix)


class LocalisedCommand(_InLanguage, TyperCommand):
    pass


class LocalisedGroup(_InLanguage, OneLineGroup):
    pass


class App(typer.Typer):
    """``typer.Typer`` whose commands are :class:`LocalisedCommand` unless told otherwise."""

    def command(  # type: ignore[override]
        self, name: str | None = None, *, cls: type[TyperCommand] | None = None, **kwargs: Any
    ) -> Callable[[Callable[..., Any]], Callable[..., Any]]:
        return super().command(name, cls=cls or LocalisedCommand, **kwargs)
