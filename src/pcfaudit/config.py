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

import tomllib
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

SEVERITIES = ("error", "warning", "info")


class ConfigError(ValueError):
    """A configuration or waiver file that cannot be used (one-line message)."""


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
        raise ConfigError(f"{path}: cannot read configuration ({exc})") from None


def load_waivers(path: Path) -> list[Waiver]:
    data = _read_toml(path)
    waivers = []
    for i, entry in enumerate(data.get("waiver", [])):
        try:
            waivers.append(
                Waiver(str(entry["fingerprint"]), str(entry["reason"]), str(entry["reviewer"]))
            )
        except KeyError as missing:
            raise ConfigError(f"{path}: waiver {i + 1} lacks {missing}") from None
    return waivers


def from_mapping(
    data: dict[str, Any], base: Path | None = None, source: str | None = None
) -> Config:
    config = Config(source=source)
    config.select = [str(s) for s in data.get("select", [])]
    config.ignore = [str(s) for s in data.get("ignore", [])]
    config.severity = {str(k).upper(): str(v) for k, v in data.get("severity", {}).items()}
    for code, value in config.severity.items():
        if value not in SEVERITIES:
            raise ConfigError(f"severity of {code} must be one of {', '.join(SEVERITIES)}")
    config.parameters = {str(k).upper(): dict(v) for k, v in data.get("parameters", {}).items()}
    config.fail_on = str(data.get("fail-on", data.get("fail_on", "error")))
    if config.fail_on not in SEVERITIES:
        raise ConfigError(f"fail-on must be one of {', '.join(SEVERITIES)}")
    config.materiality = float(data.get("materiality", 0.05))
    waiver_file = data.get("waivers")
    if waiver_file:
        path = Path(waiver_file)
        if base is not None and not path.is_absolute():
            path = base / path
        config.waivers = load_waivers(path)
    ref = data.get("reference-dir")
    if ref:
        config.reference_dir = Path(ref) if base is None else base / ref
    return config


def load_config(start: Path | None = None, explicit: Path | None = None) -> Config:
    """The configuration in force for a run started in ``start`` (default: the cwd)."""
    if explicit is not None:
        data = _read_toml(explicit)
        if explicit.name == "pyproject.toml":
            data = data.get("tool", {}).get("pcfaudit", {})
        return from_mapping(data, explicit.parent, str(explicit))
    found = _find_config((start or Path.cwd()).resolve())
    if found is None:
        return Config()
    path, data = found
    return from_mapping(data, path.parent, str(path))
