"""One line per finding, for CI logs: ``--format concise`` (``file:line: CODE message``,
like a compiler) and ``--format github`` (GitHub Actions workflow commands, which GitHub
shows as annotations on the pull request).

The line is :func:`pcfaudit.render.common.anchor`'s: the text line where there is one, else
the PDF page, else the DOCX paragraph. Waived findings are left out: a log line is a call to
act. Several reports go into one output, one line per finding, in the order audited.
"""

from __future__ import annotations

from pcfaudit.model import AuditResult, Finding, Location
from pcfaudit.render.common import (
    active,
    anchor,
    expected_of,
    label,
    message_of,
    reported_of,
    title_of,
)
from pcfaudit.render.places import Places, places_of

GITHUB_LEVEL = {"error": "error", "warning": "warning", "info": "notice"}


def _first(f: Finding) -> Location:
    return f.locations[0] if f.locations else Location()


def _message(f: Finding, lang: str, places: Places) -> str:
    text = message_of(f, lang, places)
    if f.reported is not None or f.expected is not None:
        reported = f"{label(lang, 'label.reported')} {reported_of(f, lang) or '—'}"
        expected = f"{label(lang, 'label.expected')} {expected_of(f, lang) or '—'}"
        text += label(lang, "paren", text=f"{reported}{label(lang, 'loc.sep')}{expected}")
    return " ".join(text.split())  # one line, whatever the report's wording holds


def concise_lines(result: AuditResult, lang: str = "en") -> list[str]:
    path = str(result.source.get("path") or "report")
    places = places_of(result)
    return [
        f"{path}:{anchor(_first(f))[0]}: {f.rule} {_message(f, lang, places)}"
        for f in active(result)
    ]


def render_concise(result: AuditResult, lang: str = "en") -> str:
    return "".join(line + "\n" for line in concise_lines(result, lang))


def _escape_data(text: str) -> str:
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def _escape_property(text: str) -> str:
    return _escape_data(text).replace(":", "%3A").replace(",", "%2C")


def github_lines(result: AuditResult, lang: str = "en") -> list[str]:
    path = _escape_property(str(result.source.get("path") or "report"))
    out = []
    places = places_of(result)
    for f in active(result):
        line = anchor(_first(f))[0]
        title = _escape_property(f"{f.rule} {title_of(f, lang)}".strip())
        level = GITHUB_LEVEL.get(f.severity, "warning")
        out.append(f"::{level} file={path},line={line},title={title}::{_escape_data(_message(f, lang, places))}")
    return out


def render_github(result: AuditResult, lang: str = "en") -> str:
    return "".join(line + "\n" for line in github_lines(result, lang))
