"""``init``: the starter config names what ``generate`` names without a config.

Generating with the written config must give the same output, file for file
and byte for byte, as generating without it; the config must be accepted as
written, carry comments, and refuse to overwrite an existing file.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from generator.config import load_config
from generator.errors import Diagnostics
from generator.pipeline import Inputs, load_api, render_api
from generator.starter import starter_config
from tests.conftest import run_generator

ROOT = Path(__file__).resolve().parent.parent
SPECS = {
    "default": ROOT / "spec/openapi.yaml",
    "petstore": ROOT / "tests/fixtures/petstore/openapi.yaml",
    # hostile names: keywords, reserved client attributes, digits, non-ASCII,
    # a component array whose model is named after its use
    "hostile-names": ROOT / "tests/fixtures/corpus/hostile-names/openapi.yaml",
}


def _render(spec: Path, config: Path | None) -> dict[str, str]:
    api = load_api(Inputs(spec, config, validate=False), Diagnostics())
    return render_api(api, formatted=False, jobs=1)


@pytest.mark.parametrize("name", SPECS)
def test_generating_with_the_written_config_changes_nothing(name: str, tmp_path: Path):
    spec = tmp_path / SPECS[name].name
    shutil.copy(SPECS[name], spec)
    starter = starter_config(spec, Diagnostics())
    assert starter.differences == ()
    config = tmp_path / "stainless.yml"
    config.write_text(starter.text)

    without, with_config = _render(spec, None), _render(spec, config)
    assert sorted(with_config) == sorted(without)
    changed = [path for path in without if without[path] != with_config[path]]
    assert changed == []
    # ...and the config is not empty: it names every resource and method
    parsed = load_config(config)
    api = load_api(Inputs(spec, validate=False), Diagnostics())
    assert parsed.resources is not None
    assert [r.name for r in parsed.resources] == [r.py_name for r in api.resources]
    for rc, resource in zip(parsed.resources, api.resources, strict=True):
        assert [(m.name, m.http_method, m.path) for m in rc.methods] == [
            (op.py_name, op.http_method, op.path) for op in resource.operations
        ]


def test_the_default_spec_config(tmp_path: Path):
    spec = tmp_path / "openapi.yaml"
    shutil.copy(SPECS["default"], spec)
    text = starter_config(spec, Diagnostics()).text
    config = load_config_text(text, tmp_path)
    assert (config.organization, config.sdk_project, config.sdk_package) == (
        "Boltz API",
        "boltz-api",
        "boltz_api",
    )
    assert (config.cli_binary, config.client_class, config.env_prefix) == (
        "boltz-api",
        "Boltz",
        "BOLTZ",
    )
    assert [(a.option, a.env_var, a.security_scheme) for a in config.auth] == [
        ("api_key", "BOLTZ_API_KEY", "api_key_auth")
    ]
    # The servers are offered commented out: uncommenting adds `environment=`.
    assert config.environments == ()
    assert '#   production: "https://api.boltz.bio"' in text.splitlines()
    uncommented = text.replace("# environments:", "environments:").replace(
        "#   production:", "  production:"
    )
    assert load_config_text(uncommented, tmp_path).environments == (
        ("production", "https://api.boltz.bio"),
    )
    assert config.resources is not None
    (keys,) = config.resources
    assert dict(keys.models) == {
        "APIKey": "#/components/schemas/APIKey",
        "APIKeyPage": "#/components/schemas/APIKeyPage",
        "CreatedAPIKey": "#/components/schemas/CreatedAPIKey",
    }


def load_config_text(text: str, folder: Path):
    path = folder / "written.yml"
    path.write_text(text)
    return load_config(path)


def test_every_top_level_key_is_explained(tmp_path: Path):
    spec = tmp_path / "pet.yaml"
    shutil.copy(SPECS["petstore"], spec)
    lines = starter_config(spec, Diagnostics()).text.splitlines()
    top = [i for i, line in enumerate(lines) if line[:1].isalpha()]
    assert [lines[i].split(":")[0] for i in top] == [
        "organization",
        "targets",
        "client_settings",
        "resources",
    ]
    assert "# environments:" in lines
    for i in top:
        assert lines[i - 1].startswith("#"), f"no comment above {lines[i]!r}"


def test_the_command_writes_beside_the_spec_and_refuses_to_overwrite(tmp_path: Path):
    spec = tmp_path / "api" / "openapi.yaml"
    spec.parent.mkdir()
    shutil.copy(SPECS["petstore"], spec)
    first = run_generator("init", "--spec", str(spec), cwd=tmp_path)
    assert first.returncode == 0, first.stderr
    written = spec.parent / "stainless.yml"
    assert written.is_file() and "resources:" in written.read_text()
    assert f"--config {written}" in first.stdout

    written.write_text("# mine\n")
    again = run_generator("init", "--spec", str(spec), cwd=tmp_path)
    assert again.returncode == 2
    assert "exists" in again.stderr and "--force" in again.stderr
    assert written.read_text() == "# mine\n"

    forced = run_generator("init", "--spec", str(spec), "--force", cwd=tmp_path)
    assert forced.returncode == 0, forced.stderr
    assert "resources:" in written.read_text()

    other = tmp_path / "elsewhere.yml"
    named = run_generator("init", "--spec", str(spec), "--config", str(other), cwd=tmp_path)
    assert named.returncode == 0 and other.read_text() == written.read_text()


def test_a_bad_spec_is_exit_2_and_nothing_written(tmp_path: Path):
    spec = tmp_path / "openapi.yaml"
    spec.write_text("openapi: 3.1.0\ninfo: [not, a, mapping]\npaths: {}\n")
    result = run_generator("init", "--spec", str(spec), cwd=tmp_path)
    assert result.returncode == 2 and "error:" in result.stderr
    assert not (tmp_path / "stainless.yml").exists()


@pytest.mark.slow
def test_githubs_description_comes_out_the_same_with_the_written_config(tmp_path: Path):
    # 1,000+ operations and components: component arrays named after their
    # use, names taken twice, a model reached only through another's items
    from tests.test_large import _github_spec

    spec = tmp_path / "api.github.com.json"
    shutil.copy(_github_spec(), spec)
    assert starter_config(spec, Diagnostics()).differences == ()
