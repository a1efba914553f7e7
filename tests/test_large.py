"""Large documents: thousands of operations, huge enums, hostile sizes, and GitHub's REST API.

GitHub's description comes from the npm package ``@octokit/openapi``, pinned
below with its registry integrity, fetched by ``npm pack`` into the
git-ignored ``.cache/`` on first use and never committed. Tests that take
minutes are marked ``slow`` (``make test-slow``).
"""

from __future__ import annotations

import base64
import hashlib
import json
import os
import re
import shutil
import subprocess
import sys
import tarfile
from pathlib import Path
from typing import Any

import pytest

from generator.errors import Diagnostics
from generator.model import EnumType, ModelRef
from generator.pipeline import Inputs, load_api
from tests import harness
from tests.conftest import ROOT, run_generator

OCTOKIT_VERSION = "23.0.2"
OCTOKIT_INTEGRITY = "sha512-pV8M7L9GY23AybNvTmo2nyjmpmnt6+2sRE/tqr0ZLQcPS4lnw7u5eZGNmwRNkBC3D7gZXbFx5AHzLUVRBXGDhg=="
CACHE = ROOT / ".cache"
#: Warnings generating GitHub's description gives (all listed in the test).
GITHUB_WARNINGS = [
    "(#/components/schemas/package-version/properties/metadata/properties/docker): "
    "required property 'tags' is not defined under properties; ignored",
    "(#/paths/~1repos~1{owner}~1{repo}~1contents~1{path}/get/responses/200/content/"
    "application~1json/schema/discriminator/mapping): discriminator mapping 'array' names a "
    "variant that is not an object, so has no property to hold it; ignored",
]


def big_document(operations: int, enum_size: int) -> dict[str, Any]:
    """``operations`` operations over 60 tags, each thing mentioning one huge enum."""
    paths: dict[str, Any] = {}
    schemas: dict[str, Any] = {
        "Kind": {"type": "string", "enum": [f"value-{i}" for i in range(enum_size)]}
    }
    for i in range(operations // 4):
        tag = f"group{i % 60}"
        ref = {"$ref": f"#/components/schemas/Thing{i}"}
        schemas[f"Thing{i}"] = {
            "type": "object",
            "required": ["id"],
            "properties": {
                "id": {"type": "integer"},
                "name": {"type": "string"},
                "kind": {"$ref": "#/components/schemas/Kind"},
            },
        }
        one = {"200": {"description": "ok", "content": {"application/json": {"schema": ref}}}}
        many = {"type": "array", "items": ref}
        paths[f"/things{i}"] = {
            "get": {
                "operationId": f"listThings{i}",
                "tags": [tag],
                "parameters": [
                    {"name": "kind", "in": "query", "schema": {"$ref": "#/components/schemas/Kind"}}
                ],
                "responses": {
                    "200": {"description": "ok", "content": {"application/json": {"schema": many}}}
                },
            },
            "post": {
                "operationId": f"createThing{i}",
                "tags": [tag],
                "requestBody": {"content": {"application/json": {"schema": ref}}},
                "responses": one,
            },
        }
        paths[f"/things{i}/{{id}}"] = {
            "parameters": [
                {"name": "id", "in": "path", "required": True, "schema": {"type": "integer"}}
            ],
            "get": {"operationId": f"getThing{i}", "tags": [tag], "responses": one},
            "delete": {
                "operationId": f"deleteThing{i}",
                "tags": [tag],
                "responses": {"204": {"description": "gone"}},
            },
        }
    return {
        "openapi": "3.1.0",
        "info": {"title": "Big", "version": "1"},
        "servers": [{"url": "https://big.example.test"}],
        "paths": paths,
        "components": {"schemas": schemas},
    }


def test_thousands_of_operations_and_a_huge_enum(tmp_path: Path):
    spec = tmp_path / "openapi.json"
    spec.write_text(json.dumps(big_document(1000, 20_000)))
    api = load_api(Inputs(spec, validate=False), Diagnostics())
    assert len(api.all_operations()) == 1000
    # The enum is one named type, referenced everywhere, not spelled out 500 times.
    (kind,) = [m for m in api.models if isinstance(m.alias_of, EnumType) and m.role == "response"]
    assert kind.class_name == "Kind" and len(kind.alias_of.values) == 20_000
    thing = next(m for m in api.models if m.class_name == "Thing0")
    assert thing.properties[2].type == ModelRef(kind.id)

    out = tmp_path / "out"
    result = run_generator("generate", "--spec", str(spec), "--out", str(out))
    assert result.returncode == 0, result.stderr
    assert result.stdout.rstrip().endswith("; 0 warnings")
    assert not harness.compile_all(out)
    t = harness.tree(out)
    assert not harness.import_sdk(t, max_models=25)
    assert not harness.cli_help(t)
    assert not harness.docs_escaped(out)


def _run_measured(*args: str) -> tuple[int, str, float]:
    """Run the generator; return its exit code, stderr and its own peak RSS in MB.

    ``os.wait4`` gives this one child's usage; ``RUSAGE_CHILDREN`` would be the
    largest of every child the test session has waited for.
    """
    with subprocess.Popen(
        [sys.executable, "-m", "generator", *args],
        cwd=ROOT,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        text=True,
    ) as process:
        assert process.stderr is not None
        stderr = process.stderr.read()
        _, status, usage = os.wait4(process.pid, 0)
        process.returncode = os.waitstatus_to_exitcode(status)
    return process.returncode, stderr, usage.ru_maxrss / 1024


@pytest.mark.parametrize(
    "name, text, message",
    [
        (
            "bomb.yaml",
            "openapi: 3.1.0\ninfo: {title: Bomb, version: '1'}\npaths: {}\nx-bomb:\n"
            + "  a0: &a0 [lol, lol, lol, lol, lol, lol, lol, lol, lol, lol]\n"
            + "".join(
                f"  a{i}: &a{i} [" + ", ".join([f"*a{i - 1}"] * 10) + "]\n" for i in range(1, 12)
            ),
            "YAML aliases",
        ),
        ("deep.json", '{"openapi": "3.1.0", "x": ' + "[" * 200_000 + "]" * 200_000 + "}", "nest"),
        (
            "deep.yaml",
            "openapi: 3.1.0\nx:\n" + "".join("  " * i + "a:\n" for i in range(1, 3000)),
            "nest",
        ),
    ],
)
def test_hostile_sizes_are_refused_quickly_in_bounded_memory(
    tmp_path: Path, name: str, text: str, message: str
):
    """A safety property, not a benchmark: the bounds are generous on purpose."""
    spec = tmp_path / name
    spec.write_text(text)
    code, stderr, peak_mb = _run_measured(
        "generate", "--spec", str(spec), "--out", str(tmp_path / "out")
    )
    assert code == 2, stderr
    assert message in stderr and "Traceback" not in stderr
    assert peak_mb < 600
    assert not (tmp_path / "out").exists()


# --- GitHub's REST API ------------------------------------------------------------


def _github_spec() -> Path:
    """GitHub's description, from the pinned npm package (downloaded once)."""
    folder = CACHE / f"octokit-openapi-{OCTOKIT_VERSION}"
    spec = folder / "api.github.com.json"
    if spec.is_file():
        return spec
    if shutil.which("npm") is None:
        pytest.skip("npm is needed to fetch GitHub's description")
    folder.mkdir(parents=True, exist_ok=True)
    subprocess.run(
        ["npm", "pack", f"@octokit/openapi@{OCTOKIT_VERSION}", "--pack-destination", str(folder)],
        check=True,
        capture_output=True,
        timeout=600,
    )
    (tarball,) = folder.glob("*.tgz")
    digest = "sha512-" + base64.b64encode(hashlib.sha512(tarball.read_bytes()).digest()).decode()
    assert digest == OCTOKIT_INTEGRITY, f"{tarball.name} does not match the pinned integrity"
    with tarfile.open(tarball) as archive:
        member = archive.getmember("package/generated/api.github.com.json")
        source = archive.extractfile(member)
        assert source is not None
        spec.write_bytes(source.read())
    tarball.unlink()
    return spec


@pytest.fixture(scope="module")
def github(
    tmp_path_factory: pytest.TempPathFactory,
) -> tuple[Path, subprocess.CompletedProcess[str]]:
    spec = _github_spec()
    out = tmp_path_factory.mktemp("github") / "out"
    return out, run_generator("generate", "--spec", str(spec), "--out", str(out))


@pytest.mark.slow
def test_github_generates_with_every_warning_accounted_for(github):
    out, result = github
    assert result.returncode == 0, result.stderr[-3000:]
    assert "Traceback" not in result.stderr
    count = re.search(r"; (\d+) warnings?$", result.stdout.strip())
    assert count is not None and int(count.group(1)) == len(GITHUB_WARNINGS), result.stderr
    for warning in GITHUB_WARNINGS:
        assert warning in result.stderr


@pytest.mark.slow
def test_github_compiles_imports_and_every_help_runs(github):
    out, result = github
    assert result.returncode == 0
    assert not harness.compile_all(out)
    t = harness.tree(out)
    problems = harness.import_sdk(t) + harness.cli_help(t) + harness.docs_escaped(out)
    assert not problems, "\n".join(problems[:50])


@pytest.mark.slow
def test_github_every_method_sends_its_parameters(github):
    out, result = github
    assert result.returncode == 0
    api = load_api(Inputs(_github_spec(), validate=False), Diagnostics())
    assert len(api.all_operations()) > 1000
    problems = harness.call_sdk(harness.tree(out), api)
    assert not problems, "\n".join(problems[:50])


def test_targets_rendered_in_a_forked_process_are_the_same(tmp_path: Path, monkeypatch):
    import os

    from generator import pipeline
    from generator.targets import docs

    spec = tmp_path / "openapi.json"
    spec.write_text(json.dumps(big_document(120, 3)))
    api = load_api(Inputs(spec, validate=False), Diagnostics())
    assert len(api.all_operations()) >= pipeline.PARALLEL_FROM_OPERATIONS
    timings = pipeline.Timings()
    aside = pipeline.render_api(api, formatted=False, jobs=2, timings=timings)
    assert "wait for the second process" in timings.stages  # it did run aside
    assert {"render cli", "render docs", "render sdk"} <= set(timings.stages)
    in_turn = pipeline.render_api(api, formatted=False, jobs=1)
    assert aside == in_turn

    # A child that fails leaves the parent to render its targets itself.
    parent, real, in_parent = os.getpid(), docs.render_docs, []

    def fails_in_the_child(api_):
        if os.getpid() != parent:
            raise RuntimeError("boom")
        in_parent.append(True)
        return real(api_)

    monkeypatch.setitem(pipeline._RENDERERS, "docs", fails_in_the_child)
    assert pipeline.render_api(api, formatted=False, jobs=2) == in_turn
    assert in_parent == [True]


def test_the_parent_takes_what_the_child_has_not_started(tmp_path: Path, monkeypatch):
    import os
    import time

    from generator import pipeline
    from generator.targets import cli, docs

    spec = tmp_path / "openapi.json"
    spec.write_text(json.dumps(big_document(120, 3)))
    api = load_api(Inputs(spec, validate=False), Diagnostics())
    in_turn = pipeline.render_api(api, formatted=False, jobs=1)
    parent, cli_ran = os.getpid(), tmp_path / "cli-ran-in"

    def recording_cli(api_):
        cli_ran.write_text(str(os.getpid()))
        return cli.render_cli(api_)

    def slow_docs_in_the_child(api_):
        # The child is busy with the docs until the CLI has been rendered elsewhere.
        deadline = time.monotonic() + 30
        while os.getpid() != parent and not cli_ran.exists() and time.monotonic() < deadline:
            time.sleep(0.01)
        return docs.render_docs(api_)

    monkeypatch.setitem(pipeline._RENDERERS, "cli", recording_cli)
    monkeypatch.setitem(pipeline._RENDERERS, "docs", slow_docs_in_the_child)
    assert pipeline.render_api(api, formatted=False, jobs=2) == in_turn
    assert cli_ran.read_text() == str(parent)


def test_files_a_forked_process_writes_are_the_tree_the_parent_would_write(
    tmp_path: Path, monkeypatch
):
    import os

    from generator import pipeline, writer
    from generator.writer import Staging, write_tree

    spec = tmp_path / "openapi.json"
    spec.write_text(json.dumps(big_document(120, 3)))
    inputs = Inputs(spec, validate=False)
    expected = tmp_path / "expected"
    write_tree(expected, pipeline.generate(inputs, Diagnostics(), jobs=1))

    def generated(out: Path) -> tuple[int, pipeline.Timings]:
        staging = Staging(out)
        try:
            timings = pipeline.Timings()
            count = pipeline.generate_into(inputs, Diagnostics(), staging, timings, jobs=2)
            staging.commit()
        finally:
            staging.discard()
        return count, timings

    out = tmp_path / "out"
    count, timings = generated(out)
    assert "write (second process)" in timings.stages  # the child wrote its own files
    assert _read_tree(out) == _read_tree(expected)
    assert count == len(_read_tree(expected))

    # A child that cannot write leaves the parent to render and write its files.
    parent, real = os.getpid(), writer.write_files

    def fails_in_the_child(root, files, **options):
        if os.getpid() != parent:
            raise OSError("disk full")
        return real(root, files, **options)

    monkeypatch.setattr(writer, "write_files", fails_in_the_child)
    again = tmp_path / "again"
    count, timings = generated(again)
    assert "write (second process)" not in timings.stages
    assert _read_tree(again) == _read_tree(expected)
    assert not [p for p in tmp_path.iterdir() if p.name.startswith(".")]  # no staging left


def _read_tree(folder: Path) -> dict[str, bytes]:
    return {
        str(p.relative_to(folder)): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()
    }
