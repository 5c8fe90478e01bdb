"""AR012 with a constant outside the catalog: a column that is another column × a simple
rational p/q on most rows is named exactly ("× 7/3", the fraction sympy.nsimplify gives) and a cell
that breaks it is a warning (an unexplained constant is weak evidence). Tables written for
these tests: markdown pipe tables (zh) and HTML tables (en), no header word naming a role."""

from __future__ import annotations

import subprocess
import sys
from fractions import Fraction
from pathlib import Path

from pcfaudit.extract.text import extract_text
from pcfaudit.pipeline import audit
from pcfaudit.quantities import Interval
from pcfaudit.recompute.discover import discover
from pcfaudit.recompute.rational import identify

# Column 3 = column 2 × 7/3, rounded to 2 decimals; 7/3 is in no catalog (not a unit step,
# molar ratio or GWP).
_SEVEN_THIRDS = [
    ("12.40", "28.93"),
    ("35.75", "83.42"),
    ("8.06", "18.81"),
    ("61.30", "143.03"),
    ("20.15", "47.02"),
    ("47.82", "111.58"),
]


def _ar012(text: str) -> list:
    return [f for f in audit(text.encode("utf-8"), name="t.md").findings if f.rule == "AR012"]


def _zh_table(rows: list[tuple[str, str]]) -> str:
    lines = ["| 样地 | 测定值 | 折算值 |", "|---|---|---|"]
    lines += [f"| 样地{i + 1} | {a} | {b} |" for i, (a, b) in enumerate(rows)]
    return "# 结果\n\n表2 各样地测定值与折算值\n\n" + "\n".join(lines) + "\n"


def _en_table(rows: list[tuple[str, str]]) -> str:
    head = "<tr><td>Site</td><td>Reading</td><td>Scaled</td></tr>"
    body = "".join(
        f"<tr><td>Plot {chr(65 + i)}</td><td>{a}</td><td>{b}</td></tr>"
        for i, (a, b) in enumerate(rows)
    )
    return f"# Results\n\n<html><body><table>{head}{body}</table></body></html>\n"


def _broken() -> list[tuple[str, str]]:
    rows = list(_SEVEN_THIRDS)
    rows[3] = ("61.30", "134.03")  # 61.30 × 7/3 = 143.03: two digits swapped
    return rows


def test_zh_column_times_seven_thirds_names_the_constant_and_warns_on_the_broken_cell() -> None:
    (f,) = _ar012(_zh_table(_broken()))
    assert f.severity == "warning"
    assert f.reported == "134.03"
    assert f.expected == "143.03"
    assert "× 7/3" in f.message
    assert "outside the catalog" in f.message
    assert "5 of 6 rows" in f.message


def test_en_column_times_seven_thirds_names_the_constant_and_warns_on_the_broken_cell() -> None:
    (f,) = _ar012(_en_table(_broken()))
    assert f.severity == "warning"
    assert (f.reported, f.expected) == ("134.03", "143.03")
    assert "column Scaled = column Reading × 7/3" in f.message


def test_an_unbroken_seven_thirds_column_draws_no_finding() -> None:
    assert _ar012(_en_table(_SEVEN_THIRDS)) == []


def test_noisy_ratios_with_no_common_constant_are_no_relation() -> None:
    # Ratios 2.31, 2.36, 2.29, 2.41, 2.33, 2.38: near 7/3 but no common value within rounding.
    noisy = [
        ("12.40", "28.64"),
        ("35.75", "84.37"),
        ("8.06", "18.46"),
        ("61.30", "147.73"),
        ("20.15", "46.95"),
        ("47.82", "113.81"),
    ]
    assert _ar012(_zh_table(noisy)) == []
    assert _ar012(_en_table(noisy)) == []


def test_catalog_constant_44_12_is_still_named_by_the_catalog() -> None:
    rows = [("12.40", "45.47"), ("35.75", "131.08"), ("8.06", "29.55"), ("61.30", "224.77")]
    rows += [("20.15", "73.88")]
    rows[1] = ("35.75", "113.08")  # 35.75 × 44/12 = 131.08
    (f,) = _ar012(_en_table(rows))
    assert (f.reported, f.expected) == ("113.08", "131.08")
    assert "a column × 44/12" in f.message
    assert "outside the catalog" not in f.message
    assert f.severity == "error"  # strong evidence: 4 of 5 rows, a catalog constant


def test_identify_requires_a_narrow_enough_interval() -> None:
    exact = Interval(Fraction(23332, 10000), Fraction(23334, 10000))
    assert identify(exact) == ("7/3", Fraction(7, 3))
    assert identify(exact.scale(Fraction(1, 100))) == ("7/3 × 10^-2", Fraction(7, 300))
    # Wide: 7/3, 233/100 and many others lie inside; no rational can be told apart.
    assert identify(Interval(Fraction(230, 100), Fraction(236, 100))) is None
    # Narrow but holding no fraction with small terms.
    assert identify(Interval(Fraction(2718281, 1000000), Fraction(2718282, 1000000))) is None
    # A catalog constant (44/12) and a power of ten are left to the catalog.
    assert identify(Interval(Fraction(36666, 10000), Fraction(36667, 10000))) is None
    assert identify(Interval(Fraction(9999, 100000), Fraction(10001, 100000))) is None


def test_naming_a_ratio_gives_what_sympy_nsimplify_gives() -> None:
    # identify() names the fraction the way sympy.nsimplify(x, rational=True, tolerance=1/q)
    # does, without importing sympy: the same p/q on ratios near and far from simple ones.
    import random

    import sympy

    rng = random.Random(16)
    for _ in range(400):
        x = rng.choice(
            [
                rng.uniform(0.001, 100),
                7 / 3 + rng.uniform(-1e-6, 1e-6),
                rng.randint(1, 100) / rng.randint(1, 100),
            ]
        )
        max_den = rng.randint(1, 100)
        p, q = sympy.fraction(
            sympy.nsimplify(x, rational=True, tolerance=sympy.Rational(1, max_den))
        )
        assert Fraction(x).limit_denominator(max_den) == Fraction(int(p), int(q)), (x, max_den)


def test_sympy_is_not_imported_at_start_up() -> None:
    seed = Path(__file__).resolve().parents[1] / "fixtures" / "seeds" / "000_e5f01d6d6220347d.txt"
    run = subprocess.run(
        [sys.executable, "-X", "importtime", "-m", "pcfaudit", "check", str(seed)],
        capture_output=True,
        text=True,
        check=False,
    )
    assert "pcfaudit" in run.stderr  # the import log was written
    assert "sympy" not in run.stderr


def _rational_relations(text: str) -> list[str]:
    doc = extract_text(text.encode("utf-8"), "t.md")
    return [r.constant[0] for r in discover(doc.tables) if r.rational and r.constant]


def test_imprecise_rows_whose_intervals_barely_touch_are_no_constant() -> None:
    # Two-digit values: each row's ratio is known to a few per cent only. Three rows agree on
    # a sliver of an interval, whose bounds are ratios of rounding bounds (simple fractions):
    # agreement by chance, not a constant.
    rows = [("0.30", "0.21"), ("0.62", "0.43"), ("0.41", "0.29"), ("0.50", "0.90")]
    assert _rational_relations(_en_table(rows)) == []
    assert _rational_relations(_en_table(_broken())) == ["7/3"]
    one_point = Interval(Fraction(7, 10), Fraction(7, 10))  # rows ±3 % wide
    assert identify(one_point, precision=Fraction(42, 1000)) is None
    assert identify(one_point) == ("7/10", Fraction(7, 10))  # exact rows would name it
