"""`python -m generator`: exit codes, messages, atomic writes, drift check."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from tests.conftest import ROOT, run_generator

SPEC = ROOT / "spec" / "openapi.yaml"
CONFIG = ROOT / "spec" / "generator.yaml"


def snapshot_tree(folder: Path) -> dict[str, bytes]:
    return {
        p.relative_to(folder).as_posix(): p.read_bytes() for p in folder.rglob("*") if p.is_file()
    }


def assert_clean_failure(result, *needles: str) -> None:
    assert result.returncode == 2, result.stderr
    assert "Traceback" not in result.stderr and "Traceback" not in result.stdout
    assert len(result.stderr.splitlines()) <= 25, "error must fit on one screen"
    for needle in needles:
        assert needle in result.stderr, result.stderr


def test_generate_then_check_is_clean(tmp_path: Path):
    out = tmp_path / "out"
    result = run_generator(
        "generate", "--spec", str(SPEC), "--config", str(CONFIG), "--out", str(out)
    )
    assert result.returncode == 0, result.stderr
    assert (out / "sdk/src/boltz_api/__init__.py").is_file()
    assert (out / "cli/src/boltz_api_cli/__main__.py").is_file()
    assert (out / "docs/cli/admin/api-keys/create.md").is_file() and (
        out / "docs/html/index.html"
    ).is_file()
    check = run_generator("check", "--spec", str(SPEC), "--config", str(CONFIG), "--out", str(out))
    assert check.returncode == 0, check.stderr


def test_check_reports_drift(tmp_path: Path):
    out = tmp_path / "out"
    run_generator("generate", "--spec", str(SPEC), "--config", str(CONFIG), "--out", str(out))
    target = out / "sdk/src/boltz_api/_client.py"
    target.write_text(target.read_text().replace("DEFAULT_BASE_URL =", "DEFAULT_BASE_URL  ="))
    (out / "docs/stale.md").write_text("old")
    (out / "docs/api.md").unlink()
    result = run_generator("check", "--spec", str(SPEC), "--config", str(CONFIG), "--out", str(out))
    assert result.returncode == 1
    assert "changed: sdk/src/boltz_api/_client.py" in result.stderr
    assert "not generated: docs/stale.md" in result.stderr
    assert "missing: docs/api.md" in result.stderr
    assert "DEFAULT_BASE_URL" in result.stderr  # the short diff


def test_files_no_longer_generated_disappear(tmp_path: Path):
    out = tmp_path / "out"
    out.mkdir()
    (out / "leftover.txt").write_text("x")
    result = run_generator(
        "generate", "--spec", str(SPEC), "--config", str(CONFIG), "--out", str(out)
    )
    assert result.returncode == 0
    assert not (out / "leftover.txt").exists()
    assert not list(tmp_path.glob(".out.*")), "no staging folders left behind"


BAD_INPUTS = {
    "unreadable YAML": (
        "openapi: 3.1.0\ninfo: {title: x, version: '1'\npaths: {}\n",
        ["invalid YAML", "bad.yaml:"],
    ),
    "not OpenAPI": ("just: a mapping\n", ["not an OpenAPI document"]),
    "swagger 2": (
        "swagger: '2.0'\ninfo: {title: x, version: '1'}\npaths: {}\n",
        ["Swagger 2.0", "#/swagger"],
    ),
    "invalid document": (
        "openapi: 3.1.0\ninfo: {title: x, version: '1'}\npaths:\n  /a:\n    get: 12\n",
        ["operation must be a mapping", "#/paths/~1a/get", "bad.yaml:5"],
    ),
    "missing $ref": (
        "openapi: 3.1.0\ninfo: {title: x, version: '1'}\npaths:\n  /a:\n    get:\n      responses:\n"
        "        '200':\n          $ref: '#/components/responses/Nope'\n",
        ["points nowhere", "#/paths/~1a/get/responses/200/$ref", "bad.yaml:8"],
    ),
    "not a mapping": ("- 1\n- 2\n", ["top level must be a mapping"]),
}


@pytest.mark.parametrize("case", sorted(BAD_INPUTS))
def test_bad_input_exits_2_and_leaves_output_untouched(tmp_path: Path, case: str):
    text, needles = BAD_INPUTS[case]
    out = tmp_path / "out"
    good = run_generator(
        "generate", "--spec", str(SPEC), "--config", str(CONFIG), "--out", str(out)
    )
    assert good.returncode == 0
    before = snapshot_tree(out)
    bad = tmp_path / "bad.yaml"
    bad.write_text(text)
    result = run_generator("generate", "--spec", "bad.yaml", "--out", str(out), cwd=tmp_path)
    assert_clean_failure(result, *needles)
    assert snapshot_tree(out) == before


def test_missing_spec_file(tmp_path: Path):
    result = run_generator(
        "generate", "--spec", str(tmp_path / "nope.yaml"), "--out", str(tmp_path / "o")
    )
    assert_clean_failure(result, "no such file")
    assert not (tmp_path / "o").exists()


def test_bad_config_points_at_the_line(tmp_path: Path):
    config = tmp_path / "generator.yaml"
    config.write_text(
        CONFIG.read_text().replace("create: post /compute/v1/admin/api-keys", "create: post /nope")
    )
    result = run_generator(
        "generate", "--spec", str(SPEC), "--config", str(config), "--out", str(tmp_path / "o")
    )
    assert_clean_failure(
        result,
        "POST /nope is not an operation",
        "#/resources/admin/subresources/api_keys/methods/create",
    )
    assert f"{config}:" in result.stderr


def test_unknown_config_key_warns_and_strict_refuses(tmp_path: Path):
    config = tmp_path / "generator.yaml"
    config.write_text(CONFIG.read_text() + "resourcez: {}\n")
    out = tmp_path / "o"
    result = run_generator(
        "generate", "--spec", str(SPEC), "--config", str(config), "--out", str(out)
    )
    assert result.returncode == 0, result.stderr
    assert "unknown config key 'resourcez'; did you mean 'resources'?" in result.stderr
    assert f"{config}:{len(CONFIG.read_text().splitlines()) + 1}" in result.stderr
    strict = run_generator(
        "generate", "--spec", str(SPEC), "--config", str(config), "--out", str(out), "--strict"
    )
    assert_clean_failure(strict, "unknown config key 'resourcez'", "with --strict")


def test_wrong_config_value_type_is_an_error_with_its_line(tmp_path: Path):
    config = tmp_path / "generator.yaml"
    config.write_text("edition: 2025-10-10\nquery_settings:\n  array_format: [comma]\n")
    result = run_generator("validate", "--spec", str(SPEC), "--config", str(config))
    assert_clean_failure(result, "array_format must be a string, not a list", "generator.yaml:3")


def test_validate_reports_spec_validator_findings_with_location(tmp_path: Path):
    spec = tmp_path / "spec.yaml"
    spec.write_text(
        "openapi: 3.1.0\ninfo: {title: x, version: '1'}\npaths:\n  /a:\n    get:\n      responses:\n"
        "        '200': {description: ok}\n      parameters:\n        - {name: q, in: query, schema: {type: strnig}}\n"
    )
    result = run_generator("validate", "--spec", str(spec))
    assert_clean_failure(result, "spec.yaml:")
    assert "invalid" in result.stderr
    ok = run_generator("validate", "--spec", str(SPEC))
    assert ok.returncode == 0 and "valid" in ok.stdout


def test_strict_turns_warnings_into_errors(tmp_path: Path):
    spec = tmp_path / "spec.yaml"
    spec.write_text(
        "openapi: 3.1.0\ninfo: {title: x, version: '1'}\nservers: [{url: 'https://x.test'}]\n"
        "paths:\n  /a:\n    get:\n      responses:\n"
        "        '200':\n          description: ok\n          content:\n            application/json:\n"
        "              schema: {type: object, required: [ghost], properties: {a: {type: string}}}\n"
    )
    lenient = run_generator("generate", "--spec", str(spec), "--out", str(tmp_path / "o1"))
    assert lenient.returncode == 0, lenient.stderr
    assert "required property 'ghost'" in lenient.stderr and "1 warning" in lenient.stdout
    strict = run_generator(
        "generate", "--spec", str(spec), "--out", str(tmp_path / "o2"), "--strict"
    )
    assert_clean_failure(strict, "--strict")
    assert not (tmp_path / "o2").exists()


def test_traceback_flag_shows_one(tmp_path: Path):
    result = run_generator(
        "generate",
        "--spec",
        str(tmp_path / "nope.yaml"),
        "--out",
        str(tmp_path / "o"),
        "--traceback",
    )
    assert result.returncode != 0 and "Traceback" in result.stderr


def test_unwritable_out_folder_is_a_clean_error(tmp_path: Path):
    blocker = tmp_path / "file"
    blocker.write_text("x")
    result = run_generator(
        "generate", "--spec", str(SPEC), "--config", str(CONFIG), "--out", str(blocker)
    )
    assert_clean_failure(result, "not a folder")
    assert blocker.read_text() == "x"
    shutil.rmtree(tmp_path / "o", ignore_errors=True)


def test_check_ignores_install_byproducts(tmp_path: Path):
    out = tmp_path / "out"
    run_generator("generate", "--spec", str(SPEC), "--config", str(CONFIG), "--out", str(out))
    (out / "sdk/src/boltz_api.egg-info").mkdir()
    (out / "sdk/src/boltz_api.egg-info/PKG-INFO").write_text("x")
    (out / "sdk/src/boltz_api/__pycache__").mkdir()
    (out / "sdk/src/boltz_api/__pycache__/x.cpython-311.pyc").write_bytes(b"x")
    result = run_generator("check", "--spec", str(SPEC), "--config", str(CONFIG), "--out", str(out))
    assert result.returncode == 0, result.stderr


def test_timings_name_every_stage(tmp_path: Path):
    result = run_generator(
        "generate", "--spec", str(SPEC), "--config", str(CONFIG), "--out", str(tmp_path / "o"),
        "--timings",
    )  # fmt: skip
    assert result.returncode == 0, result.stderr
    (line,) = [x for x in result.stderr.splitlines() if x.startswith("timings: ")]
    stages = [
        part.rsplit(" ", 1)[0] for part in line[len("timings: ") :].split("; ")[0].split(", ")
    ]
    assert stages == [
        "load", "validate", "model", "render sdk", "format sdk", "render cli", "format cli",
        "render docs", "format docs", "render mcp", "format mcp", "write",
    ]  # fmt: skip
    assert "; total " in line
