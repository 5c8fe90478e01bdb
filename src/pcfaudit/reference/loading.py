"""Reading the data files of a pack (and an optional overlay directory) into plain rows.

Each file is a CSV with '#' comment lines. An overlay directory holds files of the same names;
its rows replace base rows with the same key and add the others. The pack hash covers every
byte read, base and overlay, in a stable order, so any change of data changes the hash."""

from __future__ import annotations

import csv
import hashlib
import io
import tomllib
from collections.abc import Callable
from importlib import resources
from pathlib import Path

Row = dict[str, str]

# file name -> key of a row (rows with equal keys: the overlay's wins)
KEYS: dict[str, Callable[[Row], tuple[str, ...]]] = {
    "gwp.csv": lambda r: (r["report"], r["gas"]),
    "gas_aliases.csv": lambda r: (r["alias"],),
    "blends.csv": lambda r: (r["blend"],),  # a blend in the overlay replaces all its rows
    "grid.csv": lambda r: (r["year"], r["region"], r["kind"]),
    "fuels.csv": lambda r: (r["fuel"], r["basis"]),
    "fuel_windows.csv": lambda r: (r["fuel"], r["unit"]),
    "ranges.csv": lambda r: (r["key"], r["unit"]),
    "standards.csv": lambda r: (r["code"], r["year"]),
}
META = "pack.toml"


def base_dir() -> Path:
    return Path(str(resources.files("pcfaudit.reference") / "data"))


def parse_csv(text: str) -> list[Row]:
    lines = [line for line in text.splitlines() if line.strip() and not line.startswith("#")]
    reader = csv.DictReader(io.StringIO("\n".join(lines)))
    return [{k: (v or "").strip() for k, v in row.items() if k is not None} for row in reader]


def merge(name: str, base: list[Row], overlay: list[Row]) -> list[Row]:
    key = KEYS[name]
    replaced = {key(r) for r in overlay}
    return [r for r in base if key(r) not in replaced] + overlay


class RawPack:
    """The merged rows of every file plus identity (name, version, sha256)."""

    def __init__(self, overlay: Path | None = None) -> None:
        digest = hashlib.sha256()
        base = base_dir()
        meta = tomllib.loads((base / META).read_text(encoding="utf-8"))
        self.name = str(meta.get("name", "pcfaudit-reference"))
        self.version = str(meta.get("version", "0"))
        self.overlay = overlay
        self.files: dict[str, list[Row]] = {}
        for name in sorted(KEYS):
            data = (base / name).read_bytes()
            digest.update(f"base/{name}\0".encode() + data + b"\0")
            self.files[name] = parse_csv(data.decode("utf-8"))
        if overlay is not None:
            digest.update(self._apply_overlay(overlay))
        self.sha256 = digest.hexdigest()

    def _apply_overlay(self, overlay: Path) -> bytes:
        """Merge the overlay's rows; return the digest of the overlay's bytes."""
        if not overlay.is_dir():
            raise FileNotFoundError(f"reference overlay is not a directory: {overlay}")
        known = set(KEYS) | {META}
        unknown = sorted(p.name for p in overlay.iterdir() if p.is_file() and p.name not in known)
        if unknown:
            # a misspelt file name would otherwise be ignored silently
            raise ValueError(f"unknown file(s) in reference overlay {overlay}: {unknown}")
        over_digest = hashlib.sha256()
        for name in sorted(KEYS):
            path = overlay / name
            if not path.is_file():
                continue
            data = path.read_bytes()
            over_digest.update(f"overlay/{name}\0".encode() + data + b"\0")
            self.files[name] = merge(name, self.files[name], parse_csv(data.decode("utf-8")))
        label = overlay.name
        if (overlay / META).is_file():
            data = (overlay / META).read_bytes()
            over_digest.update(b"overlay/pack.toml\0" + data + b"\0")
            meta = tomllib.loads(data.decode("utf-8"))
            label = str(meta.get("name", label))
            if "version" in meta:
                label = f"{label}@{meta['version']}"
        self.name = f"{self.name}+{label}"
        self.version = f"{self.version}+overlay.{over_digest.hexdigest()[:8]}"
        return over_digest.digest()


def overlay_signature(overlay: Path | None) -> tuple[str, tuple[tuple[str, str], ...]]:
    """Cache key: the directory and the content hash of each of its files (mtime can be too
    coarse to see a quick edit)."""
    if overlay is None:
        return ("", ())
    if not overlay.is_dir():
        return (str(overlay), ())
    stats = tuple(
        (p.name, hashlib.sha256(p.read_bytes()).hexdigest())
        for p in sorted(overlay.iterdir())
        if p.is_file()
    )
    return (str(overlay.resolve()), stats)
