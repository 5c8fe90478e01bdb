"""The reference pack: typed, cached, offline accessors over the data files."""

from __future__ import annotations

import functools
import re
import unicodedata
from decimal import ROUND_HALF_EVEN, ROUND_HALF_UP, Decimal, InvalidOperation
from pathlib import Path

from pcfaudit.reference import loading, standards, tables
from pcfaudit.reference.records import (
    REPORTS,
    Blend,
    BlendComponent,
    BlendGwp,
    Fuel,
    FuelDefault,
    GridFactor,
    GwpValue,
    PlausibilityRange,
    StandardEdition,
    Window,
)
from pcfaudit.vocab.rates import convert

# a printed "CH4" value may be the generic, the fossil or the non-fossil methane GWP
GAS_VARIANTS = {"CH4": ("CH4", "CH4-fossil", "CH4-non-fossil")}

_REPORT_WORDS = {
    "SAR": ("sar", "ar2", "第二次评估报告", "1995"),
    "TAR": ("tar", "ar3", "第三次评估报告", "2001"),
    "AR4": ("ar4", "第四次评估报告", "2007"),
    "AR5": ("ar5", "第五次评估报告", "2013", "2014"),
    "AR6": ("ar6", "第六次评估报告", "2021"),
}
REGION_ALIASES = {
    "全国": ("全国", "national", "china", "中国", "全国电网"),
    "华北": ("华北", "north china", "华北电网", "华北区域"),
    "东北": ("东北", "northeast", "north-east", "东北电网"),
    "华东": ("华东", "east china", "华东电网", "华东区域"),
    "华中": ("华中", "central china", "华中电网"),
    "西北": ("西北", "northwest", "north-west", "西北电网"),
    "南方": ("南方", "south china", "southern", "南方电网"),
    "西南": ("西南", "southwest", "south-west", "西南电网"),
}
_SQUASH = re.compile(r"[\s\-_.·,，()（）'’]+")


def squash(text: str) -> str:
    """Spelling-insensitive key: NFKC (CO₂ -> CO2, full width -> ASCII), casefold, no
    spaces, hyphens, dots or brackets."""
    return _SQUASH.sub("", unicodedata.normalize("NFKC", text)).casefold()


def dec(text: str) -> Decimal | None:
    try:
        return Decimal(text) if text.strip() else None
    except InvalidOperation:
        return None


def yes(text: str) -> bool:
    return text.strip().lower() in {"yes", "y", "true", "1"}


def matches_printed(table: Decimal, printed: Decimal) -> bool:
    """A printed value matches a table value when equal, or when the table value rounded
    (half-up or half-even) to the printed number of decimals gives the printed value:
    "28" matches 27.9, "3922" matches 3921.6; "27.9" does not match 28."""
    if table == printed:
        return True
    exp = printed.as_tuple().exponent
    if not isinstance(exp, int) or exp <= table.as_tuple().exponent:  # type: ignore[operator]
        return False
    quantum = Decimal(1).scaleb(exp)
    return any(
        table.quantize(quantum, rounding=r) == printed for r in (ROUND_HALF_UP, ROUND_HALF_EVEN)
    )


def canonical_report(text: str) -> str | None:
    """``"IPCC AR4"``, ``"第四次评估报告"``, ``"AR5 (with climate-carbon feedback)"`` -> key."""
    low = unicodedata.normalize("NFKC", text).casefold()
    if low.strip().upper() in REPORTS:
        return low.strip().upper()
    for key, words in _REPORT_WORDS.items():
        if any(w in low for w in words[:-1]) or low.strip() == words[-1]:
            if key == "AR5" and ("ccf" in low or "feedback" in low or "反馈" in low):
                return "AR5-CCF"
            return key
    return None


def blend_key(name: str) -> str | None:
    """ "R-404A", "R404a", "HFC-404A", "404A" -> "R404A"; None if not a refrigerant number."""
    text = re.sub(r"[^0-9A-Za-z()]", "", unicodedata.normalize("NFKC", name)).upper()
    match = re.fullmatch(r"(?:HCFC|HFC|HFO|R)?(\d{2,4}[A-Z]{0,2}(?:\(E\))?)", text)
    return f"R{match.group(1)}" if match else None


class ReferencePack:
    """All reference data with its identity. Build with :func:`load_pack`."""

    def __init__(self, raw: loading.RawPack) -> None:
        self.name, self.version, self.sha256 = raw.name, raw.version, raw.sha256
        self.overlay = raw.overlay
        files = raw.files
        self._gwp = {
            (r["report"], r["gas"]): GwpValue(r["report"], r["gas"], Decimal(r["gwp100"]),
                                              r["source"], yes(r["verified"]), r.get("how", ""),
                                              r.get("citation", ""))
            for r in files["gwp.csv"]
        }  # fmt: skip
        self._aliases = {squash(r["alias"]): r["gas"] for r in files["gas_aliases.csv"]}
        for gas in {g for _, g in self._gwp}:
            self._aliases.setdefault(squash(gas), gas)
        self._blends = self._build_blends(files["blends.csv"])
        self._grid = [
            GridFactor(int(r["year"]), r["region"], r["kind"], Decimal(r["value"]), r["unit"],
                       r["document"], yes(r["verified"]), r.get("how", ""), r.get("note", ""),
                       r.get("citation", ""))
            for r in files["grid.csv"]
        ]  # fmt: skip
        self._fuels = self._build_fuels(files["fuels.csv"], files["fuel_windows.csv"])
        self._ranges = [
            PlausibilityRange(r["key"], tuple(a for a in r["aliases"].split("|") if a),
                              r["unit"], Decimal(r["low"]), Decimal(r["high"]), r["typical"],
                              r["covers"], dec(r.get("density_kg_per_m3", "")), r["source"],
                              yes(r["verified"]), r.get("how", ""), r.get("citation", ""))
            for r in files["ranges.csv"]
        ]  # fmt: skip
        self._standards = [
            StandardEdition(r["code"], int(r["year"]), r["title"], r["status"],
                            r["superseded_by"], r["scope"], r["published"], r["effective"],
                            r["source"], yes(r["verified"]), r.get("how", ""),
                            r.get("citation", ""))
            for r in files["standards.csv"]
        ]  # fmt: skip

    # ------------------------------------------------------------------ identity

    def info(self) -> dict[str, str]:
        """For ``AuditResult.reference``: which data a finding was made with."""
        return {"name": self.name, "version": self.version, "sha256": self.sha256,
                "overlay": str(self.overlay) if self.overlay else ""}  # fmt: skip

    # ------------------------------------------------------------------ GWP

    def canonical_gas(self, name: str) -> str | None:
        return self._aliases.get(squash(name))

    def gwp_value(self, report: str, gas: str) -> GwpValue | None:
        key = canonical_report(report)
        canon = self.canonical_gas(gas)
        return self._gwp.get((key, canon)) if key and canon else None

    def gwp(self, report: str, gas: str) -> Decimal | None:
        found = self.gwp_value(report, gas)
        return found.value if found else None

    def reports_matching(self, gas: str, value: Decimal, *, rounded: bool = True) -> list[str]:
        """Reports whose GWP for ``gas`` equals the printed ``value`` (or rounds to it when
        ``rounded``). A printed CH4 value is compared with the generic, fossil and non-fossil
        methane values. An unknown gas matches nothing."""
        canon = self.canonical_gas(gas)
        if canon is None:
            return []
        variants = GAS_VARIANTS.get(canon, (canon,))
        found = []
        for report in REPORTS:
            for variant in variants:
                entry = self._gwp.get((report, variant))
                if entry is None:
                    continue
                ok = matches_printed(entry.value, value) if rounded else entry.value == value
                if ok:
                    found.append(report)
                    break
        return found

    def reports_consistent(self, values: dict[str, Decimal], *, rounded: bool = True) -> list[str]:
        """Reports consistent with every printed gas GWP at once (N2O 298 alone is AR4 or
        AR5-CCF; with CH4 25 only AR4). Gases the pack does not know do not constrain."""
        result = list(REPORTS)
        for gas, value in values.items():
            if self.canonical_gas(gas) is None:
                continue
            matching = set(self.reports_matching(gas, value, rounded=rounded))
            result = [r for r in result if r in matching]
        return result

    def gwp_table(self, report: str) -> dict[str, GwpValue]:
        key = canonical_report(report)
        return {g: v for (r, g), v in self._gwp.items() if r == key}

    # ------------------------------------------------------------------ blends

    @staticmethod
    def _build_blends(rows: list[loading.Row]) -> dict[str, Blend]:
        grouped: dict[str, list[loading.Row]] = {}
        for row in rows:
            grouped.setdefault(row["blend"], []).append(row)
        blends = {}
        for name, parts in grouped.items():
            comps = tuple(BlendComponent(p["component"], Decimal(p["mass_pct"])) for p in parts)
            total = sum((c.mass_pct for c in comps), Decimal(0))
            if total != 100:
                raise ValueError(f"blends.csv: {name} components sum to {total} %, not 100")
            sources = "; ".join(dict.fromkeys(p["source"] for p in parts))
            blends[blend_key(name) or name] = Blend(
                name, comps, sources, all(yes(p["verified"]) for p in parts),
                "; ".join(dict.fromkeys(p.get("how", "") for p in parts)),
                "; ".join(dict.fromkeys(c for p in parts if (c := p.get("citation", "")))))  # fmt: skip
        return blends

    def blend(self, name: str) -> Blend | None:
        key = blend_key(name)
        return self._blends.get(key) if key else None

    def blend_gwp_value(self, name: str, report: str) -> BlendGwp | None:
        """Σ mass fraction × component GWP under ``report``; None if a component has none."""
        blend = self.blend(name)
        if blend is None:
            return None
        total, verified, sources = Decimal(0), blend.verified, [blend.source]
        citations = [blend.citation] if blend.citation else []
        for comp in blend.components:
            entry = self.gwp_value(report, comp.gas)
            if entry is None:
                return None
            total += comp.fraction * entry.value
            verified = verified and entry.verified
            sources.append(f"{comp.gas}: {entry.source}")
            if entry.citation:
                citations.append(entry.citation)
        return BlendGwp(blend.name, canonical_report(report) or report, total,
                        " | ".join(sources), verified, "; ".join(dict.fromkeys(citations)))  # fmt: skip

    def blend_gwp(self, name: str, report: str) -> Decimal | None:
        found = self.blend_gwp_value(name, report)
        return found.value if found else None

    def blend_names(self) -> list[str]:
        return [b.name for b in self._blends.values()]

    # ------------------------------------------------------------------ grid

    @staticmethod
    def canonical_region(text: str) -> str:
        low = unicodedata.normalize("NFKC", text).casefold().strip()
        for region, words in REGION_ALIASES.items():
            if any(low == w or low.startswith(w) for w in words):
                return region
        return low

    def grid_factor(self, year: int, region: str, kind: str = "average") -> GridFactor | None:
        reg = self.canonical_region(region)
        return next(
            (g for g in self._grid if (g.year, g.region, g.kind) == (year, reg, kind)), None
        )

    def grid_factors(self) -> list[GridFactor]:
        return list(self._grid)

    def grid_factors_matching(self, value: Decimal, unit: str = "tCO2/MWh") -> list[GridFactor]:
        """Published factors that a printed value equals (exact matches first), or rounds to;
        ``unit`` is converted (kgCO2/kWh, gCO2/kWh, tCO2/万kWh …). Empty if no match."""
        exact, rounded = [], []
        for factor in self._grid:
            printed = convert(value, unit, factor.unit)
            if printed is None:
                continue
            if factor.value == printed:
                exact.append(factor)
            elif matches_printed(factor.value, printed):
                rounded.append(factor)
        return exact + rounded

    # ------------------------------------------------------------------ fuels

    @staticmethod
    def _build_fuels(rows: list[loading.Row], windows: list[loading.Row]) -> dict[str, Fuel]:
        fuels: dict[str, Fuel] = {}
        aliases: dict[str, tuple[str, ...]] = {}
        defaults: dict[str, list[FuelDefault]] = {}
        for r in rows:
            name = r["fuel"]
            extra = tuple(a for a in r["aliases"].split("|") if a)
            aliases[name] = tuple(dict.fromkeys((*aliases.get(name, (name,)), *extra)))
            ncv, oxidation = Decimal(r["ncv"]), dec(r["oxidation"]) or Decimal(1)
            ef = dec(r["co2_kg_per_tj"])
            carbon = dec(r["carbon_tc_per_gj"])
            if ef is not None:
                per_gj = ef / Decimal(1_000_000) * oxidation
            elif carbon is not None:
                per_gj = carbon * oxidation * Decimal(44) / Decimal(12)
            else:
                raise ValueError(f"fuels.csv: {name}/{r['basis']} has neither EF nor carbon")
            native = r["ncv_unit"].split("/", 1)[1]
            defaults.setdefault(name, []).append(FuelDefault(
                name, r["basis"], ncv, r["ncv_unit"], per_gj, per_gj * ncv, f"tCO2/{native}",
                dec(r["ch4_kg_per_tj"]), dec(r["n2o_kg_per_tj"]), dec(r["density_kg_per_l"]),
                r["source"], yes(r["verified"]), r.get("how", ""), r.get("citation", "")))  # fmt: skip
        for name, defs in defaults.items():
            wins = tuple(
                Window(w["unit"], Decimal(w["low"]), Decimal(w["high"]), w["expected"],
                       w["source"], yes(w["verified"]), w.get("how", ""), w.get("citation", ""))
                for w in windows if w["fuel"] == name
            )  # fmt: skip
            fuels[name] = Fuel(name, aliases[name], tuple(defs), wins)
        return fuels

    def fuel(self, name: str) -> Fuel | None:
        key = squash(name)
        for fuel in self._fuels.values():
            if any(squash(a) == key for a in fuel.aliases):
                return fuel
        # a label that contains a fuel name ("0#柴油（叉车）"): the longest alias found wins
        hits = [(len(a), f) for f in self._fuels.values() for a in f.aliases if _label_has(name, a)]
        return max(hits, key=lambda h: h[0])[1] if hits else None

    def fuels(self) -> list[Fuel]:
        return list(self._fuels.values())

    # ------------------------------------------------------------------ ranges

    def range_for(self, label: str, unit: str) -> PlausibilityRange | None:
        """The plausibility window for an inventory label, expressed in ``unit``. Among ranges
        whose alias occurs in the label and whose unit converts to ``unit``, the longest alias
        wins (不锈钢 over 钢, 电机 over 电)."""
        best: tuple[int, PlausibilityRange] | None = None
        for rng in self._ranges:
            length = max((len(a) for a in rng.aliases if _label_has(label, a)), default=0)
            if length == 0 or (best is not None and length <= best[0]):
                continue
            converted = rng.converted(unit)
            if converted is not None:
                best = (length, converted)
        return best[1] if best else None

    def ranges(self) -> list[PlausibilityRange]:
        return list(self._ranges)

    # ------------------------------------------------------------------ standards

    def standard(self, code: str, year: int | None = None) -> StandardEdition | None:
        """``standard("ISO/TS 14067:2013")`` or ``standard("ISO 14067", 2018)``; without a
        year, the current edition (else the latest)."""
        parsed = standards.parse_citation(code)
        if parsed is None:
            return None
        norm, cited_year = parsed
        year = year if year is not None else cited_year
        editions = self.editions(norm)
        if year is not None:
            return next((e for e in editions if e.year == year), None)
        current = [e for e in editions if e.is_current]
        candidates = current or editions
        return candidates[-1] if candidates else None

    def standards(self) -> list[StandardEdition]:
        return list(self._standards)

    def editions(self, code: str) -> list[StandardEdition]:
        parsed = standards.parse_citation(code)
        norm = parsed[0] if parsed else code
        return sorted((e for e in self._standards if e.code == norm), key=lambda e: e.year)

    # ------------------------------------------------------------------ printing

    def table(self, show: str, notes: bool = False) -> tuple[list[str], list[list[str]]]:
        """(headers, rows) for ``pcfaudit reference --show grid|gwp|fuels|blends|ranges|standards``:
        each value with its citation, and with the maintainers' source notes when ``notes``."""
        return tables.render(self, show, notes)

    def gwp_citations(self) -> list[tuple[str, str]]:
        """(report, document) for each document the GWP values come from."""
        return tables.gwp_citations(self)


def _label_has(label: str, alias: str) -> bool:
    text = unicodedata.normalize("NFKC", label).casefold()
    needle = unicodedata.normalize("NFKC", alias).casefold()
    if needle.isascii():
        # ASCII aliases match whole words only: "PE" must not match "PET" or "paper"
        return re.search(rf"(?<![a-z0-9]){re.escape(needle)}(?![a-z0-9])", text) is not None
    return needle in text


@functools.lru_cache(maxsize=8)
def _load_cached(signature: tuple[str, tuple[tuple[str, str], ...]]) -> ReferencePack:
    overlay = Path(signature[0]) if signature[0] else None
    return ReferencePack(loading.RawPack(overlay))


def load_pack(overlay: Path | None = None) -> ReferencePack:
    """The packaged reference data, optionally overlaid by a directory of same-named files.
    Pure and offline; cached per overlay state (a changed overlay file is re-read)."""
    return _load_cached(loading.overlay_signature(overlay))
