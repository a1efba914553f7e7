"""``release``: what it refuses, and the docs archive (the package builds themselves
run in tests/test_install.py, from an installed tool)."""

from __future__ import annotations

import io
import os
import shutil
import tarfile
import zipfile
from pathlib import Path

import pytest

from generator import release
from generator.errors import GeneratorError
from tests.conftest import run_generator

ROOT = Path(__file__).resolve().parent.parent


def test_the_docs_archive_is_the_same_bytes_every_time(tmp_path: Path):
    docs = ROOT / "generated/docs"
    first = release.docs_archive(docs)
    assert release.docs_archive(docs) == first
    with tarfile.open(fileobj=io.BytesIO(first), mode="r:gz") as tar:
        members = tar.getmembers()
        names = [m.name for m in members]
        assert names[0] == "docs" and names == ["docs", *sorted(names[1:])]
        assert {(m.mtime, m.uid, m.gid, m.uname) for m in members} == {(0, 0, 0, "")}
        files = {m.name: m for m in members if m.isfile()}
        expected = sorted(
            "docs/" + p.relative_to(docs).as_posix() for p in docs.rglob("*") if p.is_file()
        )
        assert sorted(files) == expected
        index = tar.extractfile(files["docs/api.md"])
        assert index is not None and index.read() == (docs / "api.md").read_bytes()


def test_out_must_be_generated_output(tmp_path: Path):
    (tmp_path / "out" / "sdk").mkdir(parents=True)
    result = run_generator(
        "release", "--out", str(tmp_path / "out"), "--dist", str(tmp_path / "dist")
    )
    assert result.returncode == 2
    assert "--out" in result.stderr and "sdk/pyproject.toml" in result.stderr
    assert "openapi-forge generate" in result.stderr
    assert not (tmp_path / "dist").exists()


def test_without_build_or_pip_the_error_says_what_to_install(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
):
    monkeypatch.setattr(release.importlib.util, "find_spec", lambda name: None)
    with pytest.raises(
        GeneratorError, match=r"needs the 'build' package.*openapi-forge\[release\]"
    ):
        release.release(ROOT / "generated", tmp_path / "dist")
    assert not (tmp_path / "dist").exists()


def test_the_builder_is_build_when_installed_else_pip(monkeypatch: pytest.MonkeyPatch):
    assert release.builder() == "build"  # the dev environment has it
    real = release.importlib.util.find_spec
    monkeypatch.setattr(
        release.importlib.util, "find_spec", lambda name: None if name == "build" else real(name)
    )
    assert release.builder() == "pip"


def test_release_builds_wheels_and_sdists_with_build(tmp_path: Path):
    out = tmp_path / "out"
    shutil.copytree(ROOT / "generated", out, ignore=shutil.ignore_patterns("*.egg-info", "build"))
    dist = tmp_path / "dist"
    dist.mkdir()
    (dist / "old.txt").write_text("left alone, and not listed\n")
    os.utime(dist / "old.txt", (0, 0))
    result = run_generator("release", "--out", str(out), "--dist", str(dist), cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    built = sorted(p.name for p in dist.iterdir())
    assert built == [
        "boltz_api-1.0.0-py3-none-any.whl",
        "boltz_api-1.0.0.tar.gz",
        "boltz_api_cli-1.0.0-py3-none-any.whl",
        "boltz_api_cli-1.0.0.tar.gz",
        "boltz_api_mcp-1.0.0-py3-none-any.whl",
        "boltz_api_mcp-1.0.0.tar.gz",
        "docs.tar.gz",
        "old.txt",
    ]
    assert result.stdout.split() == [str(dist / n) for n in built if n != "old.txt"]
    assert (dist / "docs.tar.gz").read_bytes() == release.docs_archive(out / "docs")
    with zipfile.ZipFile(dist / "boltz_api-1.0.0-py3-none-any.whl") as wheel:
        assert "boltz_api/_client.py" in wheel.namelist()
        metadata = wheel.read("boltz_api-1.0.0.dist-info/METADATA").decode()
    assert "\nVersion: 1.0.0\n" in metadata
