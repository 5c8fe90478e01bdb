"""Smoke test of the detection-quality benchmark (bench/quality): the generator's reports are
internally consistent, operators change what they say, and the scorer counts correctly."""

from __future__ import annotations

import sys
from decimal import Decimal
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from bench.quality.generate import generate  # noqa: E402
from bench.quality.mutations import BY_NAME, OPERATORS, mutate  # noqa: E402
from bench.quality.render import write  # noqa: E402
from bench.quality.run import build_corpus  # noqa: E402
from bench.quality.score import Audited, Item, run_all, score  # noqa: E402
from bench.quality.spec import fmt_number, q  # noqa: E402

CATEGORIES = {"arithmetic", "units", "functional-unit", "boundary", "gwp", "emission-factor",
              "omission", "plausibility", "temporal", "standard", "narrative", "structure",
              "consistency", "extraction"}  # fmt: skip


@pytest.mark.parametrize("seed", [1, 2, 3, 4, 5])
def test_clean_report_is_internally_consistent(seed: int) -> None:
    spec = generate(seed)
    for row in spec.rows:
        dec = len(row.result.split(".")[1])
        exact = Decimal(row.quantity) * Decimal(row.scale) * Decimal(row.factor) * Decimal(row.gwp)
        assert row.result == q(exact, dec), row
    assert Decimal(spec.total) == sum(Decimal(r.result) for r in spec.rows)
    shares = sum((Decimal(v) for v in spec.stage_shares.values()), Decimal(0))
    assert abs(shares - 100) <= Decimal("0.01") * len(spec.stage_shares)
    per_unit = Decimal(spec.total) * 1000 / Decimal(spec.production[1])
    assert abs(Decimal(spec.per_unit) - per_unit) <= Decimal("0.005")
    assert len(set(spec.fu_units)) == 1 and len(set(spec.production)) == 1
    assert spec.hotspot == max(spec.stage_results, key=lambda s: Decimal(spec.stage_results[s]))
    assert spec.collection > (spec.period_year, 12) and spec.report_date[:2] > spec.collection


def test_every_category_has_an_operator_and_operators_change_the_spec() -> None:
    assert {op.category for op in OPERATORS} == CATEGORIES
    spec = generate(7, "zh_a")
    mutant = mutate(spec, BY_NAME["fu_changed"], 7)
    assert mutant is not None and len(set(mutant.fu_units)) == 2
    mutant = mutate(spec, BY_NAME["production_twice"], 7)
    assert mutant is not None and mutant.production[0] != mutant.production[1]
    mutant = mutate(spec, BY_NAME["factor_implausible"], 7)
    assert mutant is not None
    diesel = [r for r in mutant.rows if r.key == "diesel" and r.gas == "CO2"]
    assert diesel and all(r.factor == "1.593" for r in diesel)
    assert Decimal(mutant.total) == sum(Decimal(r.result) for r in mutant.rows if not r.blank)


def test_number_formats() -> None:
    assert fmt_number("1234567.50", "comma") == "1,234,567.50"
    assert fmt_number("1234.5", "space") == "1 234.5"
    assert fmt_number("1234.5", "plain") == "1234.5"
    assert fmt_number("999.5", "comma") == "999.5"


def test_renders_every_format(tmp_path: Path) -> None:
    spec = generate(3, "zh_c")
    paths = write(spec, tmp_path / "r", ["txt", "docx", "pdf"])
    assert [p.suffix for p in paths] == [".txt", ".docx", ".pdf"]
    text = paths[0].read_text(encoding="utf-8")
    assert "<table>" in text and spec.company in text and "GB/T 24067-2024" in text
    assert paths[2].read_bytes().startswith(b"%PDF")


def _audited(path: str, op: str, category: str, findings: list[tuple[str, str, str]]) -> Audited:
    item = Item(path, "txt", 1, "zh_a", op, category)
    return Audited(item, [{"rule": r, "category": c, "severity": s, "fingerprint": f"{r}-{path}"
                           if op == "clean" or r != "AR001" else "new", "message": ""}
                          for r, c, s in findings])  # fmt: skip


def test_scorer_arithmetic() -> None:
    clean = _audited(
        "c", "clean", "", [("AR001", "arithmetic", "error"), ("ST003", "standard", "info")]
    )
    # found: a new arithmetic finding the parent lacks
    hit = _audited("m1", "arith_digit", "arithmetic", [("AR001", "arithmetic", "error")])
    # missed: only the parent's finding again, plus a finding of another category
    clean_fp = clean.findings[0]
    miss = Audited(Item("m2", "txt", 1, "zh_a", "gwp_ch4_21", "gwp"), [clean_fp, {
        "rule": "AR003", "category": "arithmetic", "severity": "error", "fingerprint": "x",
        "message": ""}])  # fmt: skip
    found = _audited("m3", "gwp_ch4_21", "gwp", [("GW001", "gwp", "error")])
    s = score([clean, hit, miss, found])
    assert s["recall_by_category"]["arithmetic"]["recall"] == 1.0
    # the parent already had an arithmetic finding: not counted in the strict recall
    assert s["recall_by_category"]["arithmetic"]["n_strict"] == 0
    assert s["recall_by_category"]["gwp"] == {"n": 2, "found": 1, "recall": 0.5, "n_strict": 2,
                                              "recall_strict": 0.5}  # fmt: skip
    assert s["recall_by_format"]["txt"]["n"] == 3 and s["recall_by_format"]["txt"]["found"] == 2
    assert s["false_positives_per_clean_report"] == {"error": 1.0, "warning": 0.0, "info": 1.0}
    assert [m["path"] for m in s["misses"]] == ["m2"]
    assert s["misses"][0]["new_findings_other_categories"] == ["AR003(arithmetic)"]
    assert s["false_positive_rules"][0]["rule"] == "AR001"


def test_end_to_end_small_corpus(tmp_path: Path) -> None:
    ops = ["arith_digit", "standard_superseded", "garbled"]
    items = build_corpus(2, 5, ["txt"], ops, tmp_path / "corpus", workers=1)
    assert len(items) == 2 * (1 + len(ops))
    results = run_all(items, workers=1)
    assert not [a.error for a in results if a.error]
    s = score(results)
    assert s["clean_reports"] == 2
    assert sum(r["n"] for r in s["recall_by_operator"].values()) == 2 * len(ops)
    for r in s["recall_by_category"].values():
        assert r["found"] <= r["n"] and 0.0 <= (r["recall"] or 0.0) <= 1.0
