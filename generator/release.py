"""``release``: the generated packages' wheels and sdists, and the docs archive.

Builds what ``generate`` wrote into ``--out`` (the ``sdk``, ``cli`` and ``mcp``
distributions, the ``docs`` site) into ``--dist``. The packages are built
with ``python -m build`` (a wheel and an sdist each) when the ``build``
package is installed beside the tool, else with ``pip wheel`` (wheels only,
said so); with neither there is nothing to build with, and the error says
what to install. The docs archive is byte-reproducible: sorted entries,
fixed times and owners.
"""

from __future__ import annotations

import gzip
import importlib.util
import io
import subprocess
import sys
import tarfile
import time
from dataclasses import dataclass
from pathlib import Path

from .errors import GeneratorError

#: The distributions ``generate`` writes, in build order.
PACKAGES = ("sdk", "cli", "mcp")
DOCS_ARCHIVE = "docs.tar.gz"


@dataclass(frozen=True)
class Release:
    files: tuple[Path, ...]
    #: What was not built, and why (``pip wheel`` makes no sdist).
    notes: tuple[str, ...]


def builder() -> str | None:
    """``"build"`` or ``"pip"``: what this interpreter can build packages with."""
    if importlib.util.find_spec("build") is not None:
        return "build"
    if importlib.util.find_spec("pip") is not None:
        return "pip"
    return None


def release(out: Path, dist: Path, *, isolation: bool = True) -> Release:
    """Build every package under ``out`` and the docs archive into ``dist``."""
    missing = [
        f"{out / name / 'pyproject.toml'}"
        for name in PACKAGES
        if not (out / name / "pyproject.toml").is_file()
    ]
    if not (out / "docs").is_dir():
        missing.append(f"{out / 'docs'}/")
    if missing:
        raise GeneratorError(
            f"--out {out} is not generated output (no {', '.join(missing)}); "
            "run `openapi-forge generate --out ...` first"
        )
    tool = builder()
    if tool is None:
        raise GeneratorError(
            "release needs the 'build' package (or pip) in the interpreter running "
            f"openapi-forge ({sys.executable}): pip install 'openapi-forge[release]'"
        )
    dist.mkdir(parents=True, exist_ok=True)
    # File times come from a coarser clock than time_ns(): a little margin.
    started = time.time_ns() - 2_000_000_000
    notes: list[str] = []
    for name in PACKAGES:
        folder = out / name
        if tool == "build":
            command = [sys.executable, "-m", "build", "--outdir", str(dist), str(folder)]
            if not isolation:
                command.insert(3, "--no-isolation")
        else:
            command = [
                sys.executable,
                *("-m", "pip", "wheel", "--no-deps", "--quiet", "--wheel-dir"),
                str(dist),
                str(folder),
            ]
        result = subprocess.run(command, capture_output=True, text=True)
        if result.returncode != 0:
            tail = "\n".join((result.stderr or result.stdout).strip().splitlines()[-15:])
            raise GeneratorError(f"building {folder} failed ({' '.join(command[1:4])}):\n{tail}")
    if tool == "pip":
        notes.append("no sdists: pip builds wheels only; install 'build' for sdists too")
    archive = dist / DOCS_ARCHIVE
    archive.write_bytes(docs_archive(out / "docs"))
    # What this run wrote (a rebuild replaces files of the same names).
    built = sorted(p for p in dist.iterdir() if p.stat().st_mtime_ns >= started)
    return Release(tuple(built), tuple(notes))


def docs_archive(folder: Path) -> bytes:
    """``folder`` as a gzipped tar under ``docs/``, the same bytes for the same files."""
    raw = io.BytesIO()
    with tarfile.open(fileobj=raw, mode="w", format=tarfile.PAX_FORMAT) as tar:
        for path in [folder, *sorted(folder.rglob("*"))]:
            name = "docs" + ("/" + path.relative_to(folder).as_posix() if path != folder else "")
            info = tarfile.TarInfo(name)
            info.mtime = 0
            info.uid = info.gid = 0
            info.uname = info.gname = ""
            if path.is_dir():
                info.type = tarfile.DIRTYPE
                info.mode = 0o755
                tar.addfile(info)
            else:
                data = path.read_bytes()
                info.size = len(data)
                info.mode = 0o644
                tar.addfile(info, io.BytesIO(data))
    packed = io.BytesIO()
    with gzip.GzipFile(fileobj=packed, mode="wb", mtime=0, filename="") as gz:
        gz.write(raw.getvalue())
    return packed.getvalue()
