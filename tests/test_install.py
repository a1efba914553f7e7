"""The tool as a team gets it: built, installed in a fresh virtualenv, run elsewhere.

The sdist and the wheel are built from a copy of the sources (so nothing is
written into the checkout); the wheel comes from the sdist, so both must carry
the templates. The wheel is installed with its dependencies from the package
index into a new virtualenv that cannot see this checkout or its .venv, and
the installed ``openapi-forge`` runs in a folder holding only a copy of the
default spec and config: ``--version``, ``init``, ``generate`` (the output must
equal the committed generated/, byte for byte), ``check``, ``init`` followed
by the README's own generate line, and ``release``.
"""

from __future__ import annotations

import os
import re
import shlex
import shutil
import subprocess
import sys
import tarfile
import venv
import zipfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def _run(*command: str | Path, cwd: Path, timeout: float = 600) -> subprocess.CompletedProcess[str]:
    env = {k: v for k, v in os.environ.items() if k not in ("PYTHONPATH", "VIRTUAL_ENV")}
    result = subprocess.run(
        [str(c) for c in command],
        cwd=cwd,
        capture_output=True,
        text=True,
        timeout=timeout,
        env=env,
    )
    return result


def _ok(result: subprocess.CompletedProcess[str]) -> subprocess.CompletedProcess[str]:
    assert result.returncode == 0, f"{result.args}:\n{result.stdout}\n{result.stderr}"
    return result


def _tree(folder: Path) -> dict[str, bytes]:
    return {
        p.relative_to(folder).as_posix(): p.read_bytes()
        for p in sorted(folder.rglob("*"))
        if p.is_file() and "__pycache__" not in p.parts and ".egg-info" not in str(p)
    }


def test_built_installed_and_run_outside_the_checkout(tmp_path: Path):
    # 1. sdist, then the wheel from it, from a copy of what a clean clone has
    source = tmp_path / "source"
    source.mkdir()
    for name in ("pyproject.toml", "README.md"):
        shutil.copy(ROOT / name, source / name)
    shutil.copytree(
        ROOT / "generator", source / "generator", ignore=shutil.ignore_patterns("__pycache__")
    )
    dist = tmp_path / "dist"
    _ok(_run(sys.executable, "-m", "build", "--outdir", dist, source, cwd=tmp_path))
    (wheel,) = dist.glob("*.whl")
    (sdist,) = dist.glob("*.tar.gz")
    templates = sorted(
        p.relative_to(ROOT).as_posix()
        for p in (ROOT / "generator/templates").rglob("*")
        if p.is_file() and "__pycache__" not in p.parts
    )
    assert templates, "no templates in the checkout?"
    with zipfile.ZipFile(wheel) as zf:
        assert set(templates) <= set(zf.namelist())
    with tarfile.open(sdist) as tf:
        root = tf.getnames()[0].split("/")[0]
        assert {f"{root}/{t}" for t in templates} <= set(tf.getnames())

    # 2. a fresh virtualenv (no system site-packages, nothing of this checkout)
    env_dir = tmp_path / "venv"
    venv.create(env_dir, with_pip=True, system_site_packages=False)
    python = env_dir / "bin" / "python"
    _ok(_run(python, "-m", "pip", "install", "--quiet", wheel, cwd=tmp_path))
    tool = env_dir / "bin" / "openapi-forge"
    where = _ok(_run(python, "-c", "import generator; print(generator.__file__)", cwd=tmp_path))
    assert Path(where.stdout.strip()).is_relative_to(env_dir)

    # 3. a team's folder: its spec and config, nothing else
    work = tmp_path / "team"
    work.mkdir()
    shutil.copy(ROOT / "spec/openapi.yaml", work / "openapi.yaml")
    shutil.copy(ROOT / "spec/generator.yaml", work / "generator.yaml")

    match = re.search(r'^version = "([^"]+)"$', (ROOT / "pyproject.toml").read_text(), re.M)
    assert match is not None
    version = match.group(1)
    assert _ok(_run(tool, "--version", cwd=work)).stdout == f"openapi-forge {version}\n"

    _ok(_run(tool, "generate", "--spec", "openapi.yaml", "--config", "generator.yaml",
             "--out", "out", cwd=work))  # fmt: skip
    assert _tree(work / "out") == _tree(ROOT / "generated")
    checked = _ok(_run(tool, "check", "--spec", "openapi.yaml", "--config", "generator.yaml",
                       "--out", "out", cwd=work))  # fmt: skip
    assert "up to date" in checked.stdout

    init = _ok(_run(tool, "init", "--spec", "openapi.yaml", cwd=work))
    assert "stainless.yml" in init.stdout and init.stderr == ""
    assert "resources:" in (work / "stainless.yml").read_text()
    # the README's first screen: its generate line, as written, with that config
    readme = (ROOT / "README.md").read_text()
    first_block = readme.split("```sh\n", 1)[1].split("```", 1)[0].splitlines()
    assert first_block[0].startswith("pip install ")
    command = shlex.split(first_block[1])
    assert command[:2] == ["openapi-forge", "generate"] and "stainless.yml" in command
    _ok(_run(env_dir / "bin" / command[0], *command[1:], cwd=work))
    # ...which names what generating without a config names
    _ok(_run(tool, "generate", "--spec", "openapi.yaml", "--out", "plain", "-q", cwd=work))
    assert _tree(work / "generated") == _tree(work / "plain")

    # 4. release: without the 'release' extra there is no `build`, so wheels
    # through pip (and a note saying there are no sdists)
    released = _ok(_run(tool, "release", "--out", "out", "--dist", "dist", cwd=work))
    built = sorted(p.name for p in (work / "dist").iterdir())
    assert built == [
        "boltz_api-1.0.0-py3-none-any.whl",
        "boltz_api_cli-1.0.0-py3-none-any.whl",
        "boltz_api_mcp-1.0.0-py3-none-any.whl",
        "docs.tar.gz",
    ]
    assert "no sdists" in released.stderr
