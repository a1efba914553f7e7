"""The real-world corpus: public ``stainless.yml`` + OpenAPI pairs and the SDKs published from them.

Each entry pins three things by sha256: the config and the OpenAPI document a
team keeps in its public repository, and the wheel of the Python SDK that the
hosted generator published from them on PyPI (the version released right after
that commit, checked to expose the methods that config names).

Only the wheels are on a package registry. None of the SDKs' sdists on PyPI
nor the npm tarballs of these projects carry the ``stainless.yml`` or the
OpenAPI document (checked for every project below), and nothing fetched from a
public repository may be committed here. So :func:`fetch` downloads the
wheels, and the pairs are placed in the cache by hand (``--from-mirror`` copies
them out of local git clones of the repositories named here); the tests skip,
saying so, when they are not there.
"""

from __future__ import annotations

import hashlib
import os
import re
import subprocess
import sys
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[2]


@dataclass(frozen=True)
class PairFile:
    """A config or OpenAPI document, as found in a public repository."""

    #: Name in the API's cache folder.
    name: str
    sha256: str
    repo: str
    commit: str
    path: str


@dataclass(frozen=True)
class Sdk:
    """The published Python SDK: a wheel on PyPI."""

    project: str
    version: str
    filename: str
    sha256: str
    #: Extra ``pip download`` arguments to get exactly this file on any machine.
    pip_args: tuple[str, ...] = ()


@dataclass(frozen=True)
class Api:
    name: str
    config: PairFile
    spec: PairFile
    sdk: Sdk
    #: Why this SDK version goes with this commit.
    note: str = ""
    #: (method path, why): config-named methods whose published form is code the
    #: team wrote by hand over the generated one, so no generator reproduces it
    #: from the config; left out of the test's count, listed in REPORT.md.
    hand_written: tuple[tuple[str, str], ...] = ()


APIS: tuple[Api, ...] = (
    Api(
        "parsec",
        PairFile(
            "stainless.yml",
            "0ef6f39e9d8bbcda22f0069f3e59506f33ed0a099a059a5fbb974703bb362c59",
            "parsecular/docs",
            "c7dcd56badac72025d0db46cfee9df40f2d2f19f",
            "stainless.yml",
        ),
        PairFile(
            "openapi.yaml",
            "06a4a2543bb08a4610bf1854cfcf24a4b2f8613c8bd5ff5194e31a7f835902e9",
            "parsecular/docs",
            "c7dcd56badac72025d0db46cfee9df40f2d2f19f",
            "openapi.yaml",
        ),
        Sdk(
            "parsec-api",
            "0.12.0",
            "parsec_api-0.12.0-py3-none-any.whl",
            "87f0c8c790b3b63593cbcf065156aa4d576b6a81b82f9d9882c352249f259426",
        ),
        "commit of 2026-03-06; 0.12.0 of 2026-03-05 has the same query parameters (0.13.0 has more)",
    ),
    Api(
        "stagehand",
        PairFile(
            "stainless.yml",
            "f00e8c49e2692114f2ab5197da9496f5b9ce6e590dac269018f718fdc5e8ff28",
            "browserbase/stagehand",
            "e0e5c3bc3c8fb19e6927cf6f4d83a0b079e3d4b5",
            "stainless.yml",
        ),
        PairFile(
            "openapi.yaml",
            "947b00bbbb9756fd9732fd936f0986e43a51c3f22d1b82753aabac7c1acb0e16",
            "browserbase/stagehand",
            "e0e5c3bc3c8fb19e6927cf6f4d83a0b079e3d4b5",
            "packages/server-v3/openapi.v3.yaml",
        ),
        Sdk(
            "stagehand",
            "3.22.0",
            "stagehand-3.22.0-py3-none-manylinux2014_x86_64.whl",
            "dfffc28c5e307688c1c363e1a6a0fe3631fb1dca5d42b04c0cfb6ddc4e2986ab",
            # The only wheels are per platform (they bundle a server binary);
            # the Python sources are the same in each, this one is pinned.
            ("--platform", "manylinux2014_x86_64", "--python-version", "3.12"),
        ),
        "commit of 2026-07-21; 3.22.0 released 2026-07-22",
        (
            (
                "sessions.start",
                "its return annotation sits between `### <CUSTOM CODE HANDWRITTEN BY STAGEHAND "
                "TEAM (not codegen)>` markers: `-> Session`, a bound session object the SDK's "
                "hand-written code patches in; the document's response is SessionStartResponse",
            ),
        ),
    ),
    Api(
        "opencode",
        PairFile(
            "stainless.yml",
            "962250d71f2e8767dfcf7acb6ce30d55533a72bea1fbc7c0915da019f6272bd2",
            "jehmal/opencode",
            "ef73926db6ef6205cef3177ea4c085ca9121ffd5",
            "stainless.yml",
        ),
        PairFile(
            "openapi.json",
            "79c7be267d79946eeaa1b8a1a04a7bfb278ebb3391412ddbdd46054850b3fdf0",
            "jehmal/opencode",
            "0438ae671439a54bd9adfdefa9ad1f39752e4702",
            "packages/opencode/openapi.json",
        ),
        Sdk(
            "opencode-ai",
            "0.1.0a6",
            "opencode_ai-0.1.0a6-py3-none-any.whl",
            "8e02533e03074a2fdb84e7e63304fb0e821433ede2ec6b70cb9509e3f098c4a7",
        ),
        "config from an upstream commit of 2025-06-30 (kept in a fork); upstream had stopped "
        "committing the document, so it is the fork's export of 2025-07-05, which adds a few "
        "endpoints the config does not name; 0.1.0a6 released 2025-06-30",
    ),
    Api(
        "vaif",
        PairFile(
            "stainless.yml",
            "b6e867607f662c16eccdcbbc6558b523b2ae3b1a088cf4c41294bda2ccb500f9",
            "VAIF-TECH/stainless-config",
            "ebd6b11ca41d574cc83f0a9188a73d647ea873d1",
            "stainless.yml",
        ),
        PairFile(
            "openapi.json",
            "b3d4bef10033c4e5eb0435730ebf43f2a312ef386ee6e17cfa653a0bf96b7dc9",
            "VAIF-TECH/stainless-config",
            "ebd6b11ca41d574cc83f0a9188a73d647ea873d1",
            "openapi.json",
        ),
        Sdk(
            "vaif",
            "0.2.0",
            "vaif-0.2.0-py3-none-any.whl",
            "071a9a29243e3504074635873e56218d2315af1d7e189ef2936a220d458d27b1",
        ),
        "last commit (2026-04-26 20:03 UTC) before 0.2.0 (2026-04-27 03:58 UTC)",
    ),
    Api(
        "imagekit",
        PairFile(
            "stainless.yml",
            "bd60fb39ead0d483d30ff21e2091534240e194a0755f4f4a292600254b687c93",
            "imagekit-developer/sdk-generation",
            "da82e0064573d3bf12d00876ce39ebb777946f25",
            "stainless-config/main.yaml",
        ),
        PairFile(
            "openapi.yaml",
            "34ebe470204204981ce8d2fa8321daa5121fb564b0f80b3f770ed1b095c26c60",
            "imagekit-developer/sdk-generation",
            "da82e0064573d3bf12d00876ce39ebb777946f25",
            "openapi/v1.0.0.yaml",
        ),
        Sdk(
            "imagekitio",
            "5.7.0",
            "imagekitio-5.7.0-py3-none-any.whl",
            "07a5af34b9dd538dd268847e52bb8a598e88df7b2befaf7520c2323982f528e3",
        ),
        "commit of 2026-06-18 11:32 UTC; 5.7.0 released 2026-06-18 11:49 UTC",
    ),
)


class Unavailable(Exception):
    """What could not be put in the cache, and why (the reason a test skips with)."""


def cache_root() -> Path:
    """``$OPENAPI_FORGE_REALWORLD`` or ``.cache/realworld`` in the checkout (git-ignored)."""
    env = os.environ.get("OPENAPI_FORGE_REALWORLD")
    return Path(env) if env else ROOT / ".cache" / "realworld"


def sha256_of(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as handle:
        for block in iter(lambda: handle.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def pair_path(api: Api, item: PairFile, root: Path | None = None) -> Path:
    return (root or cache_root()) / api.name / item.name


def sdk_path(api: Api, root: Path | None = None) -> Path:
    return (root or cache_root()) / "wheels" / api.sdk.filename


def _checked(path: Path, sha256: str) -> bool:
    if not path.is_file():
        return False
    actual = sha256_of(path)
    if actual != sha256:
        raise Unavailable(f"{path}: sha256 {actual}, expected {sha256}; remove it and fetch again")
    return True


def ensure_sdk(api: Api, root: Path | None = None) -> Path:
    """The pinned wheel, downloaded from PyPI with pip when not cached yet."""
    target = sdk_path(api, root)
    if _checked(target, api.sdk.sha256):
        return target
    target.parent.mkdir(parents=True, exist_ok=True)
    command = [
        sys.executable,
        "-m",
        "pip",
        "download",
        "--quiet",
        "--no-deps",
        "--only-binary",
        ":all:",
        *api.sdk.pip_args,
        "--dest",
        str(target.parent),
        f"{api.sdk.project}=={api.sdk.version}",
    ]
    try:
        result = subprocess.run(command, capture_output=True, text=True, timeout=600)
    except (OSError, subprocess.TimeoutExpired) as exc:
        raise Unavailable(
            f"{api.sdk.project}=={api.sdk.version}: pip download failed: {exc}"
        ) from None
    if result.returncode != 0 or not target.is_file():
        tail = (result.stderr or result.stdout).strip().splitlines()[-1:] or ["no output"]
        raise Unavailable(
            f"{api.sdk.project}=={api.sdk.version}: pip download did not give {api.sdk.filename}: {tail[0]}"
        )
    if not _checked(target, api.sdk.sha256):
        raise Unavailable(f"{target}: not written")
    return target


def _mirror_git_dir(mirror: Path, repo: str) -> Path | None:
    owner, name = repo.split("/", 1)
    for candidate in (
        mirror / f"{owner}+{name}" / "repo",
        mirror / f"{owner}+{name}",
        mirror / owner / name,
    ):
        if (candidate / ".git").is_dir():
            return candidate / ".git"
        if candidate.is_dir():
            return candidate
    return None


def ensure_pair(
    api: Api, root: Path | None = None, mirror: Path | None = None
) -> tuple[Path, Path]:
    """The config and the document in the cache, copied from a local clone when given one.

    Raises :class:`Unavailable` naming what to place where when they are missing.
    """
    out = []
    for item in (api.config, api.spec):
        target = pair_path(api, item, root)
        if _checked(target, item.sha256):
            out.append(target)
            continue
        git_dir = _mirror_git_dir(mirror, item.repo) if mirror is not None else None
        if git_dir is None:
            raise Unavailable(
                f"{api.name}: {target} is missing. No package registry carries this "
                f"{item.name} (see tests/realworld/REPORT.md); copy {item.path} of "
                f"{item.repo} at {item.commit} there (sha256 {item.sha256}), or run "
                f"`python -m tests.realworld.fetch --from-mirror DIR` with a clone of it"
            )
        result = subprocess.run(
            ["git", "--git-dir", str(git_dir), "show", f"{item.commit}:{item.path}"],
            capture_output=True,
            timeout=120,
        )
        if result.returncode != 0:
            raise Unavailable(
                f"{api.name}: {item.repo} at {item.commit} has no {item.path}: "
                f"{result.stderr.decode(errors='replace').strip()}"
            )
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(result.stdout)
        if not _checked(target, item.sha256):
            raise Unavailable(f"{target}: not written")
        out.append(target)
    return out[0], out[1]


# --- what a config names -------------------------------------------------------------


def stainless_snake(name: str) -> str:
    """A config key as the hosted generator's Python SDKs spell it (``setItem`` -> ``set_item``)."""
    # A leading underscore is kept: configs use it for methods wrapped by hand (``_rpc``).
    lead = name[: len(name) - len(name.lstrip("_"))]
    name = re.sub(r"([a-z0-9])([A-Z])", r"\1_\2", name)
    name = re.sub(r"([A-Z]+)([A-Z][a-z])", r"\1_\2", name)
    return lead + re.sub(r"[^0-9a-zA-Z]+", "_", name).strip("_").lower()


def _for_python(body: Any) -> bool:
    if not isinstance(body, Mapping):
        return True
    only, skip = body.get("only"), body.get("skip")
    if isinstance(only, list) and "python" not in only:
        return False
    return not (isinstance(skip, list) and "python" in skip)


def config_methods(config: Mapping[str, Any]) -> list[str]:
    """Every method path the config's ``resources`` name for Python (``agents.messages.create``)."""
    return sorted(_walk(config.get("resources") or {}, ()))


def _walk(tree: Mapping[str, Any], prefix: tuple[str, ...]) -> Iterator[str]:
    for name, body in tree.items():
        if not isinstance(body, Mapping) or not _for_python(body):
            continue
        here = prefix if name == "$client" else prefix + (stainless_snake(name),)
        if name == "$shared":
            continue
        for method, spec in (body.get("methods") or {}).items():
            if _for_python(spec):
                yield ".".join(here + (stainless_snake(method),))
        yield from _walk(body.get("subresources") or {}, here)
