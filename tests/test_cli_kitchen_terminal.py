"""Explore, pager, completion and man pages on a CLI that is not Boltz's.

The kitchen-sink fixture (tests/fixtures/cli_kitchen) is generated on the
spot; its CLI (``kitchen-sink-api``, env prefix ``KITCHEN_SINK``) runs in a
real pseudo-terminal against a server that answers what the test asks.
"""

from __future__ import annotations

import json
import os
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.conftest import run_generator
from tests.pty_screen import Terminal
from tests.servers import EchoServer
from tests.test_cli import clean_env
from tests.test_cli_kitchen import SPEC, kit
from tests.test_cli_terminal import bash_complete, fake_pager

pytestmark = pytest.mark.skipif(sys.platform == "win32", reason="POSIX pseudo-terminals")

TOKEN = "tok_kitchen_secret_123"
#: A nested answer: objects in arrays in objects.
DOC = {
    "notes": [{"text": "first", "tags": ["a", "b"]}, {"text": "second", "tags": []}],
    "meta": {"count": 2, "owner": {"name": "ann", "admin": True}},
}


@pytest.fixture(scope="module")
def kitchen(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("kitchen-terminal")
    result = run_generator("generate", "--spec", str(SPEC), "--out", str(out))
    assert result.returncode == 0, result.stderr
    return out


@pytest.fixture
def echo() -> Iterator[EchoServer]:
    with EchoServer() as server:
        yield server


def kitchen_env(kitchen: Path, server: EchoServer, **extra: str) -> dict[str, str]:
    env = clean_env(
        KITCHEN_SINK_API_KEY=TOKEN,
        KITCHEN_SINK_BASE_URL=server.base_url,
        PYTHONPATH=os.pathsep.join(str(kitchen / p / "src") for p in ("sdk", "cli")),
    )
    for name in ("PAGER", "LESS"):
        env.pop(name, None)
    env.update(extra)
    return env


@pytest.fixture
def terminals() -> Iterator[list[Terminal]]:
    opened: list[Terminal] = []
    yield opened
    for t in opened:
        t.close()


def on_terminal(opened: list[Terminal], env: dict[str, str], *args: str, **kw: object) -> Terminal:
    t = Terminal([sys.executable, "-m", "kitchen_sink_api_cli", *args], env=env, **kw)  # type: ignore[arg-type]
    opened.append(t)
    return t


def test_kitchen_explore_unfolds_nested_values_and_prints_one(
    kitchen: Path, echo: EchoServer, terminals
):
    echo.routes[("POST", "/blobs/notes")] = (200, "application/json", json.dumps(DOC).encode())
    env = kitchen_env(kitchen, echo)
    t = on_terminal(terminals, env, "blobs", "put-notes", "--body", '["x"]', "--format", "explore")
    screen = t.wait_for("q quit")
    assert screen.splitlines()[0].startswith("\u25be {  2 keys")
    assert "notes: [  2 items" in screen and "meta: {  2 keys" in screen
    assert "owner: {\u2026}  2 keys" in screen  # deeper levels start folded
    # To meta.owner, unfold it, down to name, print it.
    t.send("jjjjjj", " $.meta.owner  (")
    screen = t.send(" ", 'name: "ann"')  # space toggles
    assert "admin: true" in screen
    t.send(" ", "owner: {\u2026}")  # and back
    t.send("e", "admin: true")  # e unfolds everything under the cursor
    t.send("j", " $.meta.owner.name  (")
    t.send("p")
    assert t.finish() == 0
    assert json.loads(t.screen.text()) == "ann"
    assert TOKEN not in t.output.decode()


def test_kitchen_explore_on_a_pipe_is_json(kitchen: Path, echo: EchoServer):
    echo.routes[("POST", "/blobs/notes")] = (200, "application/json", json.dumps(DOC).encode())
    result = kit(kitchen, echo, "blobs", "put-notes", "--body", '["x"]', "--format", "explore")
    assert result.returncode == 0 and json.loads(result.stdout) == DOC
    assert result.stdout == json.dumps(DOC, indent=2) + "\n"


def test_kitchen_pager_and_its_switch(kitchen: Path, echo: EchoServer, tmp_path, terminals):
    long_doc = {"items": [{"n": i, "text": "x" * 10} for i in range(40)]}
    echo.routes[("POST", "/blobs/notes")] = (200, "application/json", json.dumps(long_doc).encode())
    pager, record = fake_pager(tmp_path)
    args = ("blobs", "put-notes", "--body", '["x"]', "--format", "json")
    t = on_terminal(terminals, kitchen_env(kitchen, echo, PAGER=pager), *args)
    assert t.finish() == 0
    assert json.loads(record.read_text()) == long_doc
    record.unlink()
    off = kitchen_env(kitchen, echo, PAGER=pager, KITCHEN_SINK_NO_PAGER="yes")
    t = on_terminal(terminals, off, *args)
    assert t.finish() == 0
    assert not record.exists() and '"n": 39' in t.output.decode()
    piped = kit(kitchen, echo, *args)
    assert json.loads(piped.stdout) == long_doc and not record.exists()


def test_kitchen_completion_offers_enum_values(kitchen: Path, echo: EchoServer, tmp_path):
    # The command on PATH under its own name, as after `pip install`.
    bin_dir = tmp_path / "bin"
    bin_dir.mkdir()
    wrapper = bin_dir / "kitchen-sink-api"
    wrapper.write_text(f'#!/bin/sh\nexec {sys.executable} -m kitchen_sink_api_cli "$@"\n')
    wrapper.chmod(0o755)
    env = kitchen_env(kitchen, echo, PATH=f"{bin_dir}{os.pathsep}{os.environ.get('PATH', '')}")
    script = kit(kitchen, echo, "--show-completion", "bash").stdout
    assert TOKEN not in script
    got = bash_complete(
        script,
        "kitchen-sink-api",
        [
            "kitchen-sink-api ",
            "kitchen-sink-api widgets ",
            "kitchen-sink-api widgets update-part --level ",
            "kitchen-sink-api widgets update-part 7 ",
            "kitchen-sink-api widgets update-part --dry",
        ],
        env,
    )
    assert got[0].split() == ["blobs", "files", "health", "orders", "widgets"]
    assert got[1].split() == ["update-part", "upload-photo"]
    assert got[2:4] == ["1 2 3", "lid base"]
    assert got[4] == "--dry-run"
    line = "kitchen-sink-api widgets update-part --level "
    ps = kit(kitchen, echo, "--show-completion", "powershell").stdout
    assert "-CommandName 'kitchen-sink-api'" in ps and "_KITCHEN_SINK_API_COMPLETE" in ps
    answer = kit_env_run(
        env,
        _KITCHEN_SINK_API_COMPLETE="powershell_complete",
        COMP_LINE=line,
        COMP_POINT=str(len(line)),
    )
    assert [row.split("\t")[1] for row in answer.splitlines()] == ["1", "2", "3"]


def kit_env_run(env: dict[str, str], **extra: str) -> str:
    import subprocess

    result = subprocess.run(
        [sys.executable, "-m", "kitchen_sink_api_cli"],
        env={**env, **extra},
        capture_output=True,
        text=True,
        stdin=subprocess.DEVNULL,
        timeout=60,
    )
    assert result.returncode == 0, result.stderr
    return result.stdout


def test_kitchen_man_pages(kitchen: Path, echo: EchoServer):
    listed = kit(kitchen, echo, "__man", "--list").stdout.splitlines()
    assert (
        "kitchen-sink-api widgets update-part" in listed and "kitchen-sink-api health get" in listed
    )
    assert len(listed) == 13  # the root, 5 groups, 7 operations
    for command in listed:
        page = kit(kitchen, echo, "__man", *command.split()[1:])
        assert page.returncode == 0 and "\n.SH SYNOPSIS\n" in page.stdout, command
        assert TOKEN not in page.stdout
    update = kit(kitchen, echo, "__man", "widgets", "update-part").stdout
    assert "\\fB\\-\\-level\\fR \\fI1|2|3\\fR" in update
    assert "\\fB\\-\\-enabled\\fR, \\fB\\-\\-no\\-enabled\\fR" in update
    assert "[\\fIWIDGET_ID\\fR] [\\fIPART\\fR]" in update
    assert "\\fBKITCHEN_SINK_API_KEY\\fR" in update
    root = kit(kitchen, echo, "__man").stdout
    assert "KITCHEN_SINK_NO_PAGER" in root and "KITCHEN_SINK_BASE_URL" in root
    # health get needs no credential: its page names none.
    assert "KITCHEN_SINK_API_KEY" not in kit(kitchen, echo, "__man", "health", "get").stdout
