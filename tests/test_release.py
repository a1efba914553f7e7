"""``release``: what it refuses, and the docs archive (the package builds themselves
run in tests/test_install.py, from an installed tool)."""

from __future__ import annotations

import io
import tarfile
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
