"""Configuration: selection semantics like ruff's, files found upwards, waivers."""

from __future__ import annotations

from pathlib import Path

import pytest

from pcfaudit.config import Config, ConfigError, load_config


def test_select_and_ignore_most_specific_wins():
    config = Config(select=["FU", "AR001"], ignore=["FU002"])
    assert config.selects("FU001")
    assert not config.selects("FU002")
    assert config.selects("AR001")
    assert not config.selects("AR002")
    assert Config().selects("GW001")
    assert not Config(ignore=["GW"]).selects("GW001")
    assert Config(select=["GW001"], ignore=["GW"]).selects("GW001")


def test_pyproject_found_from_a_subdirectory(tmp_path: Path):
    (tmp_path / "pyproject.toml").write_text(
        '[tool.pcfaudit]\nignore = ["ST"]\nfail-on = "warning"\nmateriality = 0.1\n'
        '[tool.pcfaudit.severity]\nTM001 = "info"\n',
        encoding="utf-8",
    )
    sub = tmp_path / "reports" / "2024"
    sub.mkdir(parents=True)
    config = load_config(sub)
    assert config.ignore == ["ST"]
    assert config.fail_on == "warning"
    assert config.materiality == 0.1
    assert config.severity == {"TM001": "info"}
    assert config.source == str(tmp_path / "pyproject.toml")


def test_pcfaudit_toml_with_waivers(tmp_path: Path):
    (tmp_path / "w.toml").write_text(
        '[[waiver]]\nfingerprint = "abc"\nreason = "agreed"\nreviewer = "Li Wei"\n',
        encoding="utf-8",
    )
    (tmp_path / "pcfaudit.toml").write_text('waivers = "w.toml"\n', encoding="utf-8")
    config = load_config(tmp_path)
    assert [(w.fingerprint, w.reviewer) for w in config.waivers] == [("abc", "Li Wei")]


@pytest.mark.parametrize(
    "text",
    ['fail-on = "fatal"\n', '[severity]\nFU001 = "critical"\n', "not toml = = \n"],
)
def test_bad_configuration_is_a_one_line_error(tmp_path: Path, text: str):
    (tmp_path / "pcfaudit.toml").write_text(text, encoding="utf-8")
    with pytest.raises(ConfigError) as info:
        load_config(tmp_path)
    assert "\n" not in str(info.value)


def test_waiver_lacking_a_reviewer_is_rejected(tmp_path: Path):
    (tmp_path / "w.toml").write_text(
        '[[waiver]]\nfingerprint = "abc"\nreason = "x"\n', encoding="utf-8"
    )
    (tmp_path / "pcfaudit.toml").write_text('waivers = "w.toml"\n', encoding="utf-8")
    with pytest.raises(ConfigError, match="reviewer"):
        load_config(tmp_path)


def test_selectors_and_overrides_must_name_known_codes():
    from pcfaudit.config import check_codes

    known = ["FU001", "FU002", "GW001"]
    check_codes(Config(select=["fu", "GW001"], ignore=["FU002"]), known)  # prefixes are fine
    with pytest.raises(ConfigError, match='did you mean "GW001"'):
        check_codes(Config(select=["GW01"]), known)
    with pytest.raises(ConfigError, match=r"severity\.XX001"):
        check_codes(Config(severity={"XX001": "info"}), known)


@pytest.mark.parametrize("value", ["5%", True, -0.1, 1.5, float("nan")])
def test_materiality_is_a_share_of_the_total(tmp_path: Path, value: object):
    from pcfaudit.config import from_mapping

    with pytest.raises(ConfigError, match="materiality") as info:
        from_mapping({"materiality": value})
    assert "\n" not in str(info.value)
    assert from_mapping({"materiality": 0.1}).materiality == 0.1
