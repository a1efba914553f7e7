from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent


def run_generator(*args: str, cwd: Path = ROOT) -> subprocess.CompletedProcess[str]:
    """Run ``python -m generator`` in a subprocess, as a user would."""
    return subprocess.run(
        [sys.executable, "-m", "generator", *args],
        cwd=cwd,
        capture_output=True,
        text=True,
        timeout=300,
    )


@pytest.fixture
def generator_cli():
    return run_generator


@pytest.fixture(scope="session")
def prism_url():
    """Base URL of a Prism mock server for spec/openapi.yaml (one per test session)."""
    from tests.servers import Prism

    with Prism() as url:
        yield url


@pytest.fixture
def api_server():
    """A fresh stateful API-keys server for one test."""
    from tests.servers import StatefulServer

    with StatefulServer() as server:
        yield server


@pytest.fixture
def sdk(api_server):
    """A ``boltz_api.Boltz`` client on the stateful server; retry delays are recorded, not slept."""
    from tests.sdk_support import make_client

    client = make_client(api_server.base_url)
    yield client
    client.close()


@pytest.fixture
def prism_sdk(prism_url):
    """A ``boltz_api.Boltz`` client on Prism (no retries: Prism answers the same every time)."""
    from tests.sdk_support import make_client

    client = make_client(prism_url, max_retries=0)
    yield client
    client.close()
