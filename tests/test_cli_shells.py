"""Completion in the real zsh and fish, not only through click's env-var protocol.

Each shell sources the script the CLI prints (``--show-completion zsh|fish``)
and completes command lines the way a person's Tab would: zsh interactively
in a pseudo-terminal (``zsh -f``, compinit, Tab, then the screen is read),
fish through its own completion engine (``complete -C``). This covers the
default spec's ``boltz-api``, the kitchen-sink fixture's ``kitchen-sink-api``,
and a variant of the kitchen sink whose enum values hold a comma, a colon and
a space, which the scripts must pass through whole. The shells come from
Debian (installed on demand, see tests/debian_packages.py); without them the
tests skip with the reason.
"""

from __future__ import annotations

import os
import re
import sys
import time
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest

from tests.conftest import run_generator
from tests.debian_packages import ensure_program
from tests.pty_screen import Terminal
from tests.test_cli import BIN, clean_env
from tests.test_cli_kitchen import SPEC as KITCHEN_SPEC

pytestmark = pytest.mark.skipif(sys.platform == "win32", reason="POSIX shells")

#: Stands in for a real key: it must never show up in anything a shell completes.
SENTINEL = "sk_sentinel_never_to_be_completed_7311"
#: The prompt each interactive shell is given (zsh writes it ``sh%% ``).
PROMPT = "sh% "
#: Enum values a shell could cut or misread: a comma, a colon, a space, an echo option.
ODD_PARTS = ["lid", "a,b", "x:y", "two words", "-n"]


@dataclass(frozen=True)
class Cli:
    """A generated CLI on PATH under its own name, with the key set to the sentinel."""

    name: str
    env: dict[str, str]


def shell(package: str) -> str:
    path, why = ensure_program(package)
    if path is None:
        pytest.skip(why)
    return path


@pytest.fixture(scope="module")
def zsh() -> str:
    return shell("zsh")


@pytest.fixture(scope="module")
def fish() -> str:
    return shell("fish")


@pytest.fixture(scope="module")
def boltz() -> Cli:
    path = f"{BIN.parent}{os.pathsep}{os.environ.get('PATH', '')}"
    return Cli("boltz-api", clean_env(BOLTZ_API_KEY=SENTINEL, PATH=path))


def generated_kitchen(out: Path, spec: Path) -> Cli:
    """Generate the kitchen-sink CLI from ``spec`` and put it on PATH as after `pip install`."""
    result = run_generator("generate", "--spec", str(spec), "--out", str(out / "gen"))
    assert result.returncode == 0, result.stderr
    bin_dir = out / "bin"
    bin_dir.mkdir()
    wrapper = bin_dir / "kitchen-sink-api"
    wrapper.write_text(f'#!/bin/sh\nexec {sys.executable} -m kitchen_sink_api_cli "$@"\n')
    wrapper.chmod(0o755)
    env = clean_env(
        KITCHEN_SINK_API_KEY=SENTINEL,
        PATH=f"{bin_dir}{os.pathsep}{os.environ.get('PATH', '')}",
        PYTHONPATH=os.pathsep.join(str(out / "gen" / p / "src") for p in ("sdk", "cli")),
    )
    return Cli("kitchen-sink-api", env)


@pytest.fixture(scope="module")
def kitchen(tmp_path_factory: pytest.TempPathFactory) -> Cli:
    return generated_kitchen(tmp_path_factory.mktemp("shells-kitchen"), KITCHEN_SPEC)


@pytest.fixture(scope="module")
def odd(tmp_path_factory: pytest.TempPathFactory) -> Cli:
    out = tmp_path_factory.mktemp("shells-odd")
    text = KITCHEN_SPEC.read_text()
    old = "enum: [lid, base]"
    assert old in text, "the kitchen-sink fixture changed: update ODD_PARTS' spec edit"
    values = ", ".join(f'"{v}"' for v in ODD_PARTS)
    spec = out / "openapi.yaml"
    spec.write_text(text.replace(old, f"enum: [{values}]"))
    return generated_kitchen(out, spec)


# --- zsh -------------------------------------------------------------------------------


class Interactive:
    """An interactive shell in a pseudo-terminal that has sourced the CLI's script."""

    def __init__(self, argv: list[str], cli: Cli, setup: str, ps1: str = PROMPT) -> None:
        self.term = Terminal(argv, env=cli.env, rows=30, columns=120)
        self.term.send(f"PS1='{ps1}'; {setup}; clear\r")
        self._wait_for_prompt()

    def _wait_for_prompt(self) -> None:
        # After `clear` the screen holds the prompt alone; wait for exactly that.
        end = time.monotonic() + 30
        while time.monotonic() < end:
            self.term.read(0.1)
            if self.term.screen.text().strip() == PROMPT.strip():
                return
        raise AssertionError(f"no fresh prompt; screen:\n{self.term.screen.text()}")

    def tab(self, line: str, expect: str, keys: str = "\t") -> tuple[str, list[str]]:
        """Type ``line`` and Tab; the command line and the candidates listed below it."""
        self.term.send(line + keys, expect=expect)
        self.term.read(0.3)  # the rest of a listing written after ``expect``
        rows = self.term.screen.lines()
        self.term.send("\x03")
        self.term.send("clear\r")
        self._wait_for_prompt()
        # Bash shows the prompt and the line again under its listing; that is no candidate.
        listed = [row for row in rows[1:] if row.strip() and not row.startswith(PROMPT)]
        return rows[0].rstrip(), listed_candidates(listed)

    def close(self) -> None:
        self.term.close()


class Zsh(Interactive):
    """``zsh -f`` (no rc files) with compinit."""

    def __init__(self, zsh: str, cli: Cli) -> None:
        setup = f"autoload -Uz compinit; compinit -u; source <({cli.name} --show-completion zsh)"
        super().__init__([zsh, "-f", "-i"], cli, setup, ps1=PROMPT.replace("%", "%%"))


def listed_candidates(rows: list[str]) -> list[str]:
    """The values in zsh's listing: ``value -- help`` rows, or columns of values."""
    values: list[str] = []
    for row in rows:
        if " -- " in row:
            values.append(row.split(" -- ")[0].strip())
        else:
            values.extend(re.split(r"(?<!\\)\s+", row.strip()))
    return values


def assert_command_groups(listed: list[str]) -> None:
    # The fixture gains tags now and then; these three must be there, each once.
    assert {"blobs", "health", "widgets"} <= set(listed), listed
    assert len(set(listed)) == len(listed), listed


@pytest.fixture
def zsh_sessions() -> Iterator[list[Interactive]]:
    opened: list[Interactive] = []
    yield opened
    for session in opened:
        session.close()


def open_zsh(zsh: str, cli: Cli, opened: list[Interactive]) -> Zsh:
    session = Zsh(zsh, cli)
    opened.append(session)
    return session


def test_zsh_completes_boltz_commands_flags_and_enum_values(zsh, boltz, zsh_sessions):
    z = open_zsh(zsh, boltz, zsh_sessions)
    # The colon is escaped for _describe; the word on the line must come out whole.
    line, _ = z.tab("boltz-api adm", expect="api-keys")
    assert line == f"{PROMPT}boltz-api admin:api-keys"
    line, listed = z.tab("boltz-api admin:api-keys ", expect="revoke")
    assert listed == ["create", "list", "revoke"]
    assert "create  -- Create a workspace API key" in z.term.output.decode()
    line, _ = z.tab("boltz-api admin:api-keys create --exp", expect="--expires-in-days")
    assert line == f"{PROMPT}boltz-api admin:api-keys create --expires-in-days"
    line, listed = z.tab("boltz-api admin:api-keys create --mode ", expect="test")
    assert listed == ["live", "test"]
    line, _ = z.tab("boltz-api admin:api-keys create --mode t", expect="--mode test")
    assert line == f"{PROMPT}boltz-api admin:api-keys create --mode test"
    line, listed = z.tab("boltz-api --format ", expect="explore")
    assert sorted(listed) == ["auto", "explore", "json", "jsonl", "pretty", "raw", "yaml"]
    line, _ = z.tab("boltz-api --no-p", expect="--no-pager")
    assert line == f"{PROMPT}boltz-api --no-pager"
    assert SENTINEL not in z.term.output.decode()


def test_zsh_completes_kitchen_sink_commands_flags_and_enum_values(zsh, kitchen, zsh_sessions):
    z = open_zsh(zsh, kitchen, zsh_sessions)
    line, listed = z.tab("kitchen-sink-api ", expect="widgets")
    assert_command_groups(listed)
    line, listed = z.tab("kitchen-sink-api widgets update-part --level ", expect="3")
    assert listed == ["1", "2", "3"]
    line, listed = z.tab("kitchen-sink-api widgets update-part 7 ", expect="base")
    assert listed == ["lid", "base"]
    line, _ = z.tab("kitchen-sink-api widgets update-part --dry", expect="--dry-run")
    assert line == f"{PROMPT}kitchen-sink-api widgets update-part --dry-run"
    assert SENTINEL not in z.term.output.decode()


def test_zsh_inserts_enum_values_with_comma_colon_and_space_whole(zsh, odd, zsh_sessions):
    z = open_zsh(zsh, odd, zsh_sessions)
    command = "kitchen-sink-api widgets update-part 7 "
    _, listed = z.tab(command, expect="words")
    assert listed == ["lid", "a,b", "x:y", "two\\ words", "-n"]
    for typed, inserted in (("a", "a,b"), ("x", "x:y"), ("t", "two\\ words")):
        line, _ = z.tab(command + typed, expect=command + inserted)
        assert line == f"{PROMPT}{command}{inserted}"
    assert SENTINEL not in z.term.output.decode()


# --- bash (its protocol is tested in test_cli_terminal.py; here, what lands on the line) ---


def test_bash_inserts_enum_values_with_comma_colon_and_space_as_one_word(odd, zsh_sessions):
    # Bash put a candidate on the line unquoted, so "two words" became two arguments.
    bash, why = ensure_program("bash")
    if bash is None:
        pytest.skip(why)
    setup = f"source <({odd.name} --show-completion bash)"
    b = Interactive([bash, "--norc", "--noprofile", "-i"], odd, setup)
    zsh_sessions.append(b)
    command = "kitchen-sink-api widgets update-part 7 "
    _, listed = b.tab(command, expect="words", keys="\t\t")
    assert sorted(listed) == sorted(["lid", "a\\,b", "x:y", "two\\ words", "-n"])
    for typed, inserted in (("a", "a\\,b"), ("x", "x:y"), ("x:", "x:y"), ("t", "two\\ words")):
        line, _ = b.tab(command + typed, expect=command + inserted)
        assert line == f"{PROMPT}{command}{inserted}"
    assert SENTINEL not in b.term.output.decode()


# --- fish ------------------------------------------------------------------------------

_FISH_PROBE = """\
source ({name} --show-completion fish | psub)
for line in $argv
    complete -C $line
    echo '<end>'
end
"""


def fish_complete(fish: str, cli: Cli, lines: list[str]) -> list[list[tuple[str, str]]]:
    """What fish's own engine completes for each of ``lines``: (value, description) pairs."""
    import subprocess

    probe = _FISH_PROBE.format(name=cli.name)
    done = subprocess.run(
        [fish, "--no-config", "-c", probe, *lines],
        env=cli.env,
        capture_output=True,
        text=True,
        timeout=120,
        stdin=subprocess.DEVNULL,
    )
    assert done.returncode == 0, done.stderr
    assert SENTINEL not in done.stdout + done.stderr
    answers: list[list[tuple[str, str]]] = [[]]
    for row in done.stdout.splitlines():
        if row == "<end>":
            answers.append([])
        else:
            value, _, help_text = row.partition("\t")
            answers[-1].append((value, help_text))
    assert answers[-1] == [] and len(answers) == len(lines) + 1, done.stdout
    return answers[:-1]


def values(answer: list[tuple[str, str]]) -> list[str]:
    return [value for value, _ in answer]


def test_fish_completes_boltz_commands_flags_and_enum_values(fish, boltz):
    got = fish_complete(
        fish,
        boltz,
        [
            "boltz-api adm",
            "boltz-api admin:api-keys ",
            "boltz-api admin:api-keys create --exp",
            "boltz-api admin:api-keys create --mode ",
            "boltz-api admin:api-keys create --mode t",
            "boltz-api --format ",
            "boltz-api --no-p",
        ],
    )
    assert values(got[0]) == ["admin:api-keys"]
    assert got[1] == [
        ("create", "Create a workspace API key"),
        ("list", "List API keys"),
        ("revoke", "Revoke an API key"),
    ]
    assert values(got[2]) == ["--expires-in-days"]
    assert values(got[3]) == ["live", "test"]
    assert values(got[4]) == ["test"]
    assert sorted(values(got[5])) == ["auto", "explore", "json", "jsonl", "pretty", "raw", "yaml"]
    assert values(got[6]) == ["--no-pager"]


def test_fish_completes_kitchen_sink_commands_flags_and_enum_values(fish, kitchen):
    got = fish_complete(
        fish,
        kitchen,
        [
            "kitchen-sink-api ",
            "kitchen-sink-api widgets ",
            "kitchen-sink-api widgets update-part --level ",
            "kitchen-sink-api widgets update-part 7 ",
            "kitchen-sink-api widgets update-part --dry",
        ],
    )
    assert_command_groups(values(got[0]))
    assert values(got[1]) == ["update-part", "upload-photo"]
    assert values(got[2]) == ["1", "2", "3"]
    assert sorted(values(got[3])) == ["base", "lid"]
    assert values(got[4]) == ["--dry-run"]


def test_fish_keeps_enum_values_with_comma_colon_and_space_whole(fish, odd):
    # click's own fish script split each answer at every comma and offered "a" for "a,b",
    # and its echo took "-n" for an option and printed nothing.
    command = "kitchen-sink-api widgets update-part 7 "
    got = fish_complete(fish, odd, [command, command + "a", command + "x", command + "t"])
    assert sorted(values(got[0])) == sorted(ODD_PARTS)
    assert [values(g) for g in got[1:]] == [["a,b"], ["x:y"], ["two words"]]
