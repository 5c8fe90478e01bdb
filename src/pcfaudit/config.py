"""Configuration, like ruff's: ``[tool.pcfaudit]`` in pyproject.toml or a ``pcfaudit.toml``
(top-level keys), found from the working directory upwards; command-line options override.

```toml
[tool.pcfaudit]
select = ["FU", "AR001"]        # codes or prefixes; default: all
ignore = ["ST003"]
fail-on = "error"               # error | warning | info
materiality = 0.05              # share of the total above which a warning becomes an error
waivers = "pcfaudit-waivers.toml"

[tool.pcfaudit.severity]
TM003 = "info"

[tool.pcfaudit.parameters.TM003]
max_age_years = 5
```

A waiver file lists accepted findings by fingerprint, each with a reason and a reviewer:

```toml
[[waiver]]
fingerprint = "9c1e0d3a5b7f2e41"
reason = "Grid factor agreed with the verifier for this product line"
reviewer = "Li Wei"
```
"""

from __future__ import annotations

import difflib
import math
import tomllib
from collections.abc import Collection, Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

SEVERITIES = ("error", "warning", "info")
# Every key a configuration may have; anything else is a typo the user must hear about.
KNOWN_KEYS = (
    "select",
    "ignore",
    "severity",
    "parameters",
    "fail-on",
    "fail_on",
    "materiality",
    "waivers",
    "reference-dir",
)


class ConfigError(ValueError):
    """A configuration or waiver file that cannot be used (one-line message). Built from the
    message catalogue (``error.<key>``), so :meth:`text` can say it in the reader's language."""

    def __init__(self, message_key: str, /, **values: Any) -> None:
        self.key, self.values = message_key, values
        super().__init__(self.text("en"))

    def text(self, lang: str) -> str:
        from pcfaudit.i18n import label

        values = dict(self.values)
        suggestion = values.pop("suggestion", None)
        hint = label(lang, "error.hint", suggestion=suggestion) if suggestion else ""
        return label(lang, f"error.{self.key}", hint=hint, **values)


@dataclass(frozen=True)
class Waiver:
    fingerprint: str
    reason: str
    reviewer: str


@dataclass
class Config:
    select: list[str] = field(default_factory=list)
    ignore: list[str] = field(default_factory=list)
    severity: dict[str, str] = field(default_factory=dict)
    parameters: dict[str, dict[str, Any]] = field(default_factory=dict)
    fail_on: str = "error"
    materiality: float = 0.05
    waivers: list[Waiver] = field(default_factory=list)
    waiver_file: Path | None = None  # where the waivers came from (``--add-waivers`` adds there)
    reference_dir: Path | None = None
    source: str | None = None  # the file the configuration came from

    def selects(self, code: str) -> bool:
        """Ruff semantics: a code runs when a selector (code or prefix) matches it and no
        more specific ignore does."""
        code = code.upper()

        def best(patterns: Iterable[str]) -> int:
            return max((len(p) for p in patterns if code.startswith(p.upper())), default=-1)

        chosen = best(self.select) if self.select else 0
        return chosen >= 0 and best(self.ignore) < max(chosen, 1)


def _find_config(start: Path) -> tuple[Path, dict[str, Any]] | None:
    for folder in (start, *start.parents):
        own = folder / "pcfaudit.toml"
        if own.is_file():
            return own, _read_toml(own)
        project = folder / "pyproject.toml"
        if project.is_file():
            data = _read_toml(project).get("tool", {}).get("pcfaudit")
            if data is not None:
                return project, data
    return None


def _read_toml(path: Path) -> dict[str, Any]:
    try:
        return tomllib.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError) as exc:
        raise ConfigError("cannot_read", path=path, detail=exc) from None


def load_waivers(path: Path) -> list[Waiver]:
    data = _read_toml(path)
    waivers = []
    for i, entry in enumerate(data.get("waiver", [])):
        try:
            waivers.append(
                Waiver(str(entry["fingerprint"]), str(entry["reason"]), str(entry["reviewer"]))
            )
        except KeyError as missing:
            raise ConfigError("waiver_lacks", path=path, n=i + 1, field=missing) from None
    return waivers


def did_you_mean(word: str, choices: Iterable[str]) -> str | None:
    """The near miss a typo most likely meant ("select" for "selct"), or None."""
    close = difflib.get_close_matches(word, list(choices), n=1, cutoff=0.6)
    return close[0] if close else None


def _codes(data: dict[str, Any], key: str, where: str) -> list[str]:
    value = data.get(key, [])
    if isinstance(value, str):
        value = [value]
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        raise ConfigError("not_codes", where=where, key=key)
    return [v.strip().upper() for v in value if v.strip()]


def _table(data: dict[str, Any], key: str, where: str) -> dict[str, Any]:
    value = data.get(key, {})
    if not isinstance(value, dict):
        raise ConfigError("not_table", where=where, key=key)
    return value


def _materiality(value: Any, where: str) -> float:
    """A share of the total in [0, 1]: 0.05, never "5%" (say how to write it)."""
    if isinstance(value, bool) or not isinstance(value, int | float):
        raise ConfigError("materiality_type", where=where, value=repr(value))
    share = float(value)
    if not math.isfinite(share) or not 0 <= share <= 1:
        raise ConfigError("materiality_range", where=where, value=value)
    return share


def from_mapping(
    data: dict[str, Any],
    base: Path | None = None,
    source: str | None = None,
    allow_missing_waivers: bool = False,
) -> Config:
    where = f"{source}: " if source else ""
    for key in data:
        if key not in KNOWN_KEYS:
            raise ConfigError(
                "unknown_key", where=where, key=repr(key), suggestion=did_you_mean(str(key), KNOWN_KEYS)
            )
    config = Config(source=source)
    config.select = _codes(data, "select", where)
    config.ignore = _codes(data, "ignore", where)
    config.severity = {str(k).upper(): str(v) for k, v in _table(data, "severity", where).items()}
    for code, value in config.severity.items():
        if value not in SEVERITIES:
            raise ConfigError("severity_value", where=where, code=code, choices=", ".join(SEVERITIES))
    parameters = _table(data, "parameters", where)
    for code, value in parameters.items():
        if not isinstance(value, dict):
            raise ConfigError("parameters_table", where=where, code=code)
    config.parameters = {str(k).upper(): dict(v) for k, v in parameters.items()}
    config.fail_on = str(data.get("fail-on", data.get("fail_on", "error")))
    if config.fail_on not in SEVERITIES:
        raise ConfigError("fail_on_value", where=where, choices=", ".join(SEVERITIES))
    config.materiality = _materiality(data.get("materiality", 0.05), where)
    waiver_file = data.get("waivers")
    if waiver_file:
        path = Path(waiver_file)
        if base is not None and not path.is_absolute():
            path = base / path
        config.waiver_file = path
        if path.exists() or not allow_missing_waivers:
            config.waivers = load_waivers(path)
    ref = data.get("reference-dir")
    if ref:
        config.reference_dir = Path(ref) if base is None else base / ref
    return config


def check_codes(config: Config, known: Collection[str]) -> None:
    """Every rule code the configuration names must exist: a selector must be a code or a
    prefix of one (``FU``, ``AR001``); severity and parameter overrides name whole codes.
    A typo in a CI gate must fail the gate, not silently select nothing."""
    codes = sorted({c.upper() for c in known})
    prefixes = {c[:n] for c in codes for n in range(1, len(c) + 1)}
    families = sorted({c.rstrip("0123456789") for c in codes})  # "FU", "GW", "EP"
    where = f"{config.source}: " if config.source else ""
    for option, selectors in (("select", config.select), ("ignore", config.ignore)):
        for selector in selectors:
            if selector.upper() not in prefixes:
                raise ConfigError(
                    "unknown_selector",
                    option=option,
                    selector=repr(selector),
                    suggestion=did_you_mean(selector.upper(), [*codes, *families]),
                )
    for table, overrides in (("severity", config.severity), ("parameters", config.parameters)):
        for code in overrides:
            if code.upper() not in codes:
                raise ConfigError(
                    "unknown_override",
                    where=where,
                    table=table,
                    code=code,
                    suggestion=did_you_mean(code.upper(), codes),
                )


def load_config(
    start: Path | None = None, explicit: Path | None = None, allow_missing_waivers: bool = False
) -> Config:
    """The configuration in force for a run started in ``start`` (default: the cwd).
    ``allow_missing_waivers``: the waiver file may not exist yet (``--add-waivers``)."""
    if explicit is not None:
        data = _read_toml(explicit)
        if explicit.name == "pyproject.toml":
            data = data.get("tool", {}).get("pcfaudit", {})
        return from_mapping(data, explicit.parent, str(explicit), allow_missing_waivers)
    found = _find_config((start or Path.cwd()).resolve())
    if found is None:
        return Config()
    path, data = found
    return from_mapping(data, path.parent, str(path), allow_missing_waivers)
