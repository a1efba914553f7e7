"""`pip install generated/sdk` gives a typed `boltz_api` that needs only httpx and pydantic."""

from __future__ import annotations

import shutil
import subprocess
import sys
import zipfile
from pathlib import Path

from tests.sdk_support import ROOT


def test_wheel_is_typed_and_depends_only_on_httpx_and_pydantic(tmp_path: Path):
    source = tmp_path / "sdk"
    shutil.copytree(
        ROOT / "generated" / "sdk",
        source,
        ignore=shutil.ignore_patterns("*.egg-info", "build", "__pycache__"),
    )
    built = subprocess.run(
        [
            sys.executable,
            "-m",
            "pip",
            "wheel",
            "--no-deps",
            "--quiet",
            "-w",
            str(tmp_path / "dist"),
            str(source),
        ],
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert built.returncode == 0, built.stderr
    (wheel,) = (tmp_path / "dist").glob("boltz_api-*.whl")
    with zipfile.ZipFile(wheel) as archive:
        names = archive.namelist()
        metadata = archive.read(next(n for n in names if n.endswith("/METADATA"))).decode()
    assert "boltz_api/py.typed" in names
    assert "boltz_api/types/admin/api_key_create_response.py" in names
    requires = sorted(
        line.split(":", 1)[1].strip().split("<")[0].split(">")[0].split("=")[0].strip()
        for line in metadata.splitlines()
        if line.startswith("Requires-Dist:")
    )
    assert requires == ["httpx", "pydantic", "typing-extensions"]
    assert "Name: boltz-api" in metadata

    # The installed wheel (not the source tree) imports and works.
    target = tmp_path / "site"
    installed = subprocess.run(
        [
            sys.executable,
            "-m",
            "pip",
            "install",
            "--no-deps",
            "--quiet",
            "--target",
            str(target),
            str(wheel),
        ],
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert installed.returncode == 0, installed.stderr
    check = subprocess.run(
        [
            sys.executable,
            "-I",
            "-c",
            f"import sys; sys.path[:0] = [{str(target)!r}] + {[p for p in sys.path if 'site-packages' in p]!r}\n"
            "import boltz_api, pathlib\n"
            "assert pathlib.Path(boltz_api.__file__).parent.joinpath('py.typed').exists()\n"
            "print(boltz_api.__file__)\n"
            "print(boltz_api.Boltz(api_key='k').admin.api_keys.create.__name__)\n",
        ],
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert check.returncode == 0, check.stderr
    assert check.stdout.splitlines()[0].startswith(str(target))
    assert check.stdout.splitlines()[1] == "create"
