"""Acceptance: what ../shared/seed-findings.md says pcfaudit must report on the two seed
reports — category, severity and evidence for each entry — and the traps that must stay
silent. Every format of each seed must pass (text here; DOCX and PDF via test_parity)."""

from __future__ import annotations

from functools import cache
from pathlib import Path

import pytest

from pcfaudit.model import AuditResult, Finding
from pcfaudit.pipeline import audit, exit_code

SEEDS = Path(__file__).resolve().parents[1] / "fixtures" / "seeds"
SEED_000 = SEEDS / "000_e5f01d6d6220347d.txt"
SEED_002 = SEEDS / "002_37b7dd170cf4d869.txt"


@cache
def _result(path: Path) -> AuditResult:
    return audit(path)


def _evidence(f: Finding) -> str:
    return " ".join(
        [f.message, f.reported or "", f.expected or ""] + [loc.quote or "" for loc in f.locations]
    )


def _matching(path: Path, category: str, severity: str, *tokens: str) -> list[Finding]:
    return [
        f
        for f in _result(path).findings
        if f.category == category
        and f.severity == severity
        and all(t in _evidence(f) for t in tokens)
    ]


# id, category, severity, evidence that must appear (message, values or quoted locations)
EXPECTED_000 = [
    ("K01", "gwp", "error", ("AR4", "21", "甲烷")),
    ("K02", "arithmetic", "error", ("HFC-125", "3.500")),
    ("K02", "arithmetic", "error", ("HFC-134a", "1.430")),
    ("K02", "arithmetic", "error", ("HFC-143a", "4.470")),
    ("K03", "units", "error", ("R404A", "0.000176")),
    ("K04", "units", "error", ("0.01", "二氧化碳")),
    ("K05", "consistency", "warning", ("R410A", "R404A")),
    ("K06", "emission-factor", "error", ("0.5703", "0.5942")),
    ("K07", "emission-factor", "warning", ("0.5703", "华东")),
    ("K08", "omission", "warning", ("CH4", "60")),
    ("K08", "omission", "warning", ("CH4", "100")),
    ("K09", "omission", "error", ("天然气",)),
    ("K10", "omission", "error", ("蒸汽",)),
    ("K11", "omission", "warning", ("柴油发电机",)),
    ("K12", "boundary", "error", ("原材料生产",)),
    ("K13", "narrative", "error", ("原材料获取过程对产品碳足迹的影响最大",)),
    ("K14", "boundary", "warning", ("产品使用",)),
    ("K14", "boundary", "warning", ("产品回收",)),
    ("K15", "boundary", "warning", ("349",)),
    ("K16", "narrative", "info", ("production",)),
    ("K17", "temporal", "warning", ("2024年1月",)),
    ("K18", "standard", "info", ("ISO/TS 14067",)),
    ("K18", "standard", "info", ("ISO 14064-1",)),
    ("K19", "consistency", "warning", ("CES", "1 536")),
    ("K20", "plausibility", "warning", ("2495", "2410")),
    ("K21", "arithmetic", "info", ("4.833", "4.834")),
    ("K22", "plausibility", "warning", ("1.593",)),
    ("K23", "plausibility", "warning", ("2.089",)),
]

EXPECTED_002 = [
    ("T01", "functional-unit", "error", ("1 km", "1 台", "生产 1 吨散料输送设备")),
    ("T02", "boundary", "warning", ("全生命周期", "从摇篮到大门")),
    ("T03", "boundary", "warning", ("公路运输",)),
    ("T04", "structure", "warning", ("天然气燃烧排放因子",)),
    ("T05", "temporal", "warning", ("2020", "2024")),
    ("T06", "standard", "info", ("ISO/TS 14067",)),
    ("T07", "plausibility", "warning", ("水", "12.3")),
    ("T08", "plausibility", "warning", ("电机", "16.8")),
    ("T09", "plausibility", "info", ("油漆", "1.08")),
    ("T10", "consistency", "info", ("水", "二氧化碳", "能源获取")),
    ("T11", "consistency", "info", ("9.88", "19.73", "5.02")),
]


@pytest.mark.parametrize(
    ("ident", "category", "severity", "tokens"), EXPECTED_000, ids=[e[0] for e in EXPECTED_000]
)
def test_seed_000_reports(
    ident: str, category: str, severity: str, tokens: tuple[str, ...]
) -> None:
    assert _matching(SEED_000, category, severity, *tokens), f"{ident} not reported"


@pytest.mark.parametrize(
    ("ident", "category", "severity", "tokens"), EXPECTED_002, ids=[e[0] for e in EXPECTED_002]
)
def test_seed_002_reports(
    ident: str, category: str, severity: str, tokens: tuple[str, ...]
) -> None:
    assert _matching(SEED_002, category, severity, *tokens), f"{ident} not reported"


def _errors_outside(path: Path, expected: list[tuple[str, str, str, tuple[str, ...]]]) -> list[str]:
    allowed = {(c, s) for _, c, s, _ in expected}
    return [
        f"{f.rule} {f.category}/{f.severity}: {f.message[:80]}"
        for f in _result(path).findings
        if f.severity != "info" and (f.category, f.severity) not in allowed
    ]


@pytest.mark.parametrize(("path", "expected"), [(SEED_000, EXPECTED_000), (SEED_002, EXPECTED_002)])
def test_no_unexpected_errors_or_warnings(path: Path, expected: list) -> None:  # type: ignore[type-arg]
    assert _errors_outside(path, expected) == []


def test_seed_000_traps_stay_silent() -> None:
    """2410 × 0.5942 = 1432.022; 60 × 1.593 = 95.58; 100 × 1.593 = 159.3; Σ = 1686.915."""
    for f in _result(SEED_000).findings:
        if f.category in {"arithmetic", "units"}:
            assert f.reported not in {"1432.022", "95.58", "159.3", "1686.915"}, f.message


def test_seed_002_traps_stay_silent() -> None:
    """3.314 % (from unrounded 110.5156), Σ shares 100.001 %, 208.52 × 0.53, AR4 CH4 = 25,
    steel 3156 / 1.2 t = 2630 kgCO2e/t."""
    findings = _result(SEED_002).findings
    assert not [f for f in findings if f.category in {"arithmetic", "units", "gwp"}]
    assert not [f for f in findings if f.category == "emission-factor" and f.severity != "info"]
    assert not [f for f in findings if "钢材" in _evidence(f) and f.category == "plausibility"]


def test_exit_codes() -> None:
    assert exit_code(_result(SEED_000)) == 1
    assert exit_code(_result(SEED_002), "error") == 1
