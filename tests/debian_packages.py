"""Install a Debian package a test needs, once, even when test workers race.

A test that needs a program this machine may lack (Chromium, zsh, fish) asks
:func:`ensure_program`; it installs the package with apt-get under a file
lock, so parallel pytest-xdist workers install it once, and says why when it
cannot, so the test can skip with that reason rather than fail or pass blind.
"""

from __future__ import annotations

import fcntl
import os
import shutil
import subprocess
import tempfile
from collections.abc import Sequence


def find_program(names: Sequence[str]) -> str | None:
    """The path of the first of ``names`` on PATH, or None."""
    for name in names:
        path = shutil.which(name)
        if path:
            return path
    return None


def ensure_program(package: str, names: Sequence[str] | None = None) -> tuple[str | None, str]:
    """The path of a program from Debian's ``package``, installing it when missing.

    ``names`` are the program's possible names (default: the package's name).
    Returns ``(path, "")`` or ``(None, why it could not be had)``.
    """
    names = names or (package,)
    path = find_program(names)
    if path:
        return path, ""
    if shutil.which("apt-get") is None:
        return None, f"{package} is not installed and this machine has no apt-get"
    if os.geteuid() != 0:
        return None, f"{package} is not installed and installing it needs root (apt-get)"
    # Test workers (pytest-xdist) may get here together: one installs, the rest wait.
    lock_path = os.path.join(tempfile.gettempdir(), f"openapi-forge-{package}.lock")
    with open(lock_path, "w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        path = find_program(names)
        if path:
            return path, ""
        return _apt_install(package, names)


def _apt_install(package: str, names: Sequence[str]) -> tuple[str | None, str]:
    env = dict(os.environ, DEBIAN_FRONTEND="noninteractive")
    install = ["apt-get", "install", "-y", "--no-install-recommends", package]
    log = []
    # Install first: `apt-get update` is needed only when the package lists are stale.
    for command in (install, ["apt-get", "update"], install):
        try:
            done = subprocess.run(
                command, env=env, capture_output=True, text=True, timeout=900, check=False
            )
        except (OSError, subprocess.TimeoutExpired) as exc:
            return None, f"`{' '.join(command)}` failed: {exc}"
        log.append(f"$ {' '.join(command)} -> {done.returncode}\n{done.stderr[-600:]}")
        if command[1] == "install" and done.returncode == 0:
            path = find_program(names)
            if path:
                return path, ""
    return None, f"could not install {package} with apt-get:\n" + "\n".join(log)
