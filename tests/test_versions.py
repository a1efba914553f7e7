"""The generated packages' versions: from the config, else ``info.version``, as PEP 440."""

from __future__ import annotations

from pathlib import Path

import pytest

from generator.errors import ConfigError, Diagnostics
from generator.pipeline import Inputs, load_api, render_api
from generator.versions import normalise

SPEC = """\
openapi: 3.1.0
info:
  title: Widgets
  version: {version}
servers:
  - url: https://api.example.com
paths:
  /widgets:
    get:
      operationId: listWidgets
      responses:
        '200':
          description: ok
"""


@pytest.mark.parametrize(
    ("text", "expected", "changed"),
    [
        ("1.0.0", "1.0.0", False),
        ("v2.3", "2.3", False),  # valid, only respelled: no warning
        ("1.0.0-rc.1", "1.0.0rc1", False),
        ("2024-01-01", "2024.1.1", True),
        ("v2 beta 3", "2.3", True),
        ("latest", "0.0.0", True),
    ],
)
def test_normalise(text: str, expected: str, changed: bool):
    assert normalise(text) == (expected, changed)


def _api(tmp_path: Path, version: str, config: str | None = None):
    spec = tmp_path / "openapi.yaml"
    spec.write_text(SPEC.format(version=version))
    config_path = None
    if config is not None:
        config_path = tmp_path / "stainless.yml"
        config_path.write_text(config)
    diagnostics = Diagnostics()
    api = load_api(Inputs(spec, config_path), diagnostics)
    return api, [str(d) for d in diagnostics.items]


def test_info_version_when_the_config_sets_none(tmp_path: Path):
    api, warnings = _api(tmp_path, "'3.4.5'")
    assert (api.names.sdk_version, api.names.cli_version) == ("3.4.5", "3.4.5")
    assert warnings == []


def test_config_versions_win(tmp_path: Path):
    config = "targets:\n  python:\n    version: 2.0.1\n  cli:\n    version: 0.9.0\n"
    api, warnings = _api(tmp_path, "'3.4.5'", config)
    assert (api.names.sdk_version, api.names.cli_version) == ("2.0.1", "0.9.0")
    assert warnings == []
    files = render_api(api, formatted=False, jobs=1)
    assert 'version = "2.0.1"' in files["sdk/pyproject.toml"]
    assert '__version__ = "2.0.1"' in files["sdk/src/widgets_api/_version.py"]
    assert 'version = "0.9.0"' in files["cli/pyproject.toml"]
    # the MCP server pins the SDK it calls (the CLI sends on its own: no SDK)
    assert '"widgets-api==2.0.1"' in files["mcp/pyproject.toml"]
    assert "widgets-api==" not in files["cli/pyproject.toml"]
    assert '__version__ = "0.9.0"' in files["cli/src/widgets_api_cli/__init__.py"]


def test_a_date_version_is_normalised_with_a_warning(tmp_path: Path):
    api, warnings = _api(tmp_path, "'2024-01-01'")
    assert api.names.sdk_version == "2024.1.1"
    (warning,) = [w for w in warnings if "PEP 440" in w]
    assert "/info/version" in warning and "'2024.1.1'" in warning


def test_a_bad_config_version_is_normalised_with_a_warning(tmp_path: Path):
    config = "targets:\n  python:\n    version: next release\n"
    api, warnings = _api(tmp_path, "'1.0.0'", config)
    assert api.names.sdk_version == "0.0.0"
    assert api.names.cli_version == "1.0.0"
    (warning,) = warnings
    assert "/targets/python/version" in warning and "stainless.yml" in warning


def test_a_version_that_is_not_a_string_is_an_error(tmp_path: Path):
    # YAML reads 1.10 as the number 1.1: quoting is the only way to mean 1.10
    with pytest.raises(ConfigError, match="version"):
        _api(tmp_path, "'1.0.0'", "targets:\n  python:\n    version: 1.10\n")
