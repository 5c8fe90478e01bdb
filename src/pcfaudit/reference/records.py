"""Value objects returned by the reference pack. Each carries ``source`` and ``verified``:
a rule may raise an ``error`` on a reference value only when ``verified`` is True.

``source`` (``document`` for grid factors) is the maintainers' note of where a value was
read and how far it was checked; ``citation`` is the document it comes from as a reader cites
it (title, publisher, year), empty where the note names no citable document (an estimate, a
definition, a single substance)."""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass
from decimal import Decimal

from pcfaudit.vocab.rates import convert

# The IPCC assessment reports a pack has GWP values for, oldest first.
REPORTS = ("SAR", "TAR", "AR4", "AR5", "AR5-CCF", "AR6")
# AR5-CCF (with climate-carbon feedback) is a variant of AR5: a report saying "AR5" may use it.
REPORT_FAMILY = {"AR5-CCF": "AR5"}


@dataclass(frozen=True)
class GwpValue:
    report: str  # SAR | TAR | AR4 | AR5 | AR5-CCF | AR6
    gas: str  # canonical key, e.g. "HFC-134a", "CH4-fossil"
    value: Decimal
    source: str
    verified: bool
    how: str = ""
    citation: str = ""


@dataclass(frozen=True)
class BlendComponent:
    gas: str
    mass_pct: Decimal

    @property
    def fraction(self) -> Decimal:
        return self.mass_pct / 100


@dataclass(frozen=True)
class Blend:
    name: str  # ASHRAE designation, e.g. "R-404A"
    components: tuple[BlendComponent, ...]
    source: str
    verified: bool
    how: str = ""
    citation: str = ""


@dataclass(frozen=True)
class BlendGwp:
    blend: str
    report: str
    value: Decimal  # sum(fraction x component GWP), exact
    source: str
    verified: bool  # composition and every component GWP verified
    citation: str = ""  # the blend's and its components' documents


@dataclass(frozen=True)
class GridFactor:
    year: int
    region: str  # 全国, 华北 … or a province
    kind: str  # average | residual | fossil | footprint | carbon-market | om-baseline
    value: Decimal
    unit: str
    document: str
    verified: bool
    how: str = ""
    note: str = ""
    citation: str = ""

    @property
    def source(self) -> str:
        return self.document

    @property
    def label(self) -> str:
        return f"{self.year} {self.region} {self.kind} {self.value} {self.unit}"


@dataclass(frozen=True)
class Window:
    """A plausible interval [low, high] of a factor in ``unit`` (warning thresholds)."""

    unit: str
    low: Decimal
    high: Decimal
    typical: str
    source: str
    verified: bool
    how: str = ""
    citation: str = ""

    def contains(self, value: Decimal) -> bool:
        return self.low <= value <= self.high

    def converted(self, unit: str, density_kg_per_m3: Decimal | None = None) -> Window | None:
        low = convert(self.low, self.unit, unit, density_kg_per_m3)
        high = convert(self.high, self.unit, unit, density_kg_per_m3)
        if low is None or high is None:
            return None
        return dataclasses.replace(self, unit=unit, low=low, high=high)


@dataclass(frozen=True)
class FuelDefault:
    fuel: str
    basis: str  # IPCC2006 | CN-GUIDE
    ncv: Decimal
    ncv_unit: str  # GJ per native unit: "GJ/t", "GJ/10^4Nm3", "GJ/GJ"
    co2_t_per_gj: Decimal  # computed by the loader
    co2_per_unit: Decimal  # tCO2 per native unit = co2_t_per_gj x ncv
    unit: str  # e.g. "tCO2/t", "tCO2/10^4Nm3"
    ch4_kg_per_tj: Decimal | None
    n2o_kg_per_tj: Decimal | None
    density_kg_per_l: Decimal | None
    source: str
    verified: bool
    how: str = ""
    citation: str = ""


@dataclass(frozen=True)
class Fuel:
    name: str
    aliases: tuple[str, ...]
    defaults: tuple[FuelDefault, ...]
    windows: tuple[Window, ...]

    @property
    def source(self) -> str:
        return "; ".join(d.source for d in self.defaults)

    @property
    def verified(self) -> bool:
        return all(d.verified for d in self.defaults)

    def default(self, basis: str) -> FuelDefault | None:
        return next((d for d in self.defaults if d.basis == basis), None)

    def window_for(self, unit: str) -> Window | None:
        """The plausible window in ``unit``: a stored one, or one converted from a stored unit
        of the same kind (per 10^4 m3 -> per 1000 m3, per t -> per kg, per GJ -> per MJ)."""
        for window in self.windows:
            converted = window.converted(unit)
            if converted is not None:
                return converted
        return None


@dataclass(frozen=True)
class PlausibilityRange:
    key: str
    aliases: tuple[str, ...]
    unit: str
    low: Decimal
    high: Decimal
    typical: str
    covers: str
    density_kg_per_m3: Decimal | None
    source: str
    verified: bool
    how: str = ""
    citation: str = ""

    def contains(self, value: Decimal) -> bool:
        return self.low <= value <= self.high

    def converted(self, unit: str) -> PlausibilityRange | None:
        low = convert(self.low, self.unit, unit, self.density_kg_per_m3)
        high = convert(self.high, self.unit, unit, self.density_kg_per_m3)
        if low is None or high is None:
            return None
        return dataclasses.replace(self, unit=unit, low=low, high=high)


@dataclass(frozen=True)
class StandardEdition:
    code: str  # "ISO 14067", "ISO/TS 14067", "GB/T 24067", "PAS 2050"
    year: int
    title: str
    status: str  # current | superseded | withdrawn
    superseded_by: str  # citation of the replacing edition, "" if none
    scope: str  # product | organisation | project | epd | method | communication | …
    published: str
    effective: str
    source: str
    verified: bool
    how: str = ""
    citation: str = ""

    @property
    def designation(self) -> str:
        """The edition as standards are referred to: 'ISO 14067:2018', 'GB/T 24067-2024'."""
        sep = "-" if self.code.startswith("GB") else ":"
        return f"{self.code}{sep}{self.year}"

    @property
    def is_current(self) -> bool:
        return self.status == "current"
