"""The generated `boltz-api` on a terminal: --format explore, the pager, completion, man pages.

The installed command runs in a real pseudo-terminal (tests/pty_screen.py):
keys are typed into it and its screen is read back. The same command on a
pipe must behave as in a script: no viewer, no pager. Completion runs the
real bash function and click's environment protocol for the other shells;
man pages are read through the hidden ``__man`` command.
"""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.pty_screen import Terminal
from tests.servers import API_KEY, StatefulServer
from tests.test_cli import BIN, assert_usage_error, clean_env, run

pytestmark = pytest.mark.skipif(sys.platform == "win32", reason="POSIX pseudo-terminals")


def term_env(server: StatefulServer | None = None, **extra: str) -> dict[str, str]:
    env = clean_env(BOLTZ_API_KEY=API_KEY)
    for name in ("PAGER", "LESS", "MANPAGER"):
        env.pop(name, None)
    if server is not None:
        env["BOLTZ_BASE_URL"] = server.base_url
    env.update(extra)
    return env


@pytest.fixture
def terminals() -> Iterator[list[Terminal]]:
    """Terminals opened by a test, killed if the test fails before they finish."""
    opened: list[Terminal] = []
    yield opened
    for t in opened:
        t.close()


def open_terminal(
    opened: list[Terminal], *args: str, env: dict[str, str], **kw: object
) -> Terminal:
    t = Terminal([str(BIN), *args], env=env, **kw)  # type: ignore[arg-type]
    opened.append(t)
    return t


def fake_pager(tmp_path: Path) -> tuple[str, Path]:
    """A $PAGER that copies what it is given to a file (and to the screen)."""
    record = tmp_path / "paged.txt"
    script = tmp_path / "pager.py"
    script.write_text(
        "import sys\n"
        "data = sys.stdin.buffer.read()\n"
        f"open({str(record)!r}, 'wb').write(data)\n"
        "sys.stdout.buffer.write(b'[fake pager]\\r\\n')\n"
    )
    return f"{sys.executable} {script}", record


# --- --format explore ------------------------------------------------------------------


def test_explore_folds_moves_prints_and_quits(api_server: StatefulServer, terminals):
    (key,) = api_server.seed(1, allowed_ips=["10.0.0.1", "::1"])
    env = term_env(api_server)
    t = open_terminal(terminals, "admin:api-keys", "list", "--format", "explore", env=env)
    screen = t.wait_for("q quit")
    # A list: the items, each unfolded (a small document), in a tree; the status bar says where.
    assert screen.splitlines()[0].startswith("\u25be [  1 item"), screen
    assert f'id: "{key["id"]}"' in screen and "allowed_ips: [\u2026]  2 items" in screen
    assert " $  (1/" in screen
    screen = t.send("j", " $[0]  (2/")
    screen = t.send("h", "{\u2026}  11 keys")  # fold the item
    assert "\u25b8 [0] {\u2026}  11 keys" in screen and "allowed_ips" not in screen
    screen = t.send("\x1b[C", "allowed_ips: [\u2026]")  # right arrow unfolds it again
    screen = t.send("jj", " $[0].allowed_ips  (4/")
    screen = t.send("l", '[1] "::1"')  # unfold the array, then down into it
    assert '[0] "10.0.0.1"' in screen and '[1] "::1"' in screen
    screen = t.send("l\x1b[B", " $[0].allowed_ips[1]  (6/")
    screen = t.send("r", "raw JSON")  # raw JSON text, at the same value
    assert '"allowed_ips": [' in screen and '"10.0.0.1",' in screen and "raw JSON" in screen
    assert " $[0].allowed_ips[1]  (" in screen
    screen = t.send("k", " $[0].allowed_ips[0]  (")
    screen = t.send("r", " $[0].allowed_ips[0]  (5/")  # back to the tree, where raw was
    screen = t.send("h", " $[0].allowed_ips  (4/")  # a leaf: h goes to the parent
    t.send("p")  # print the value under the cursor, leave
    assert t.finish() == 0
    # The viewer's alternate screen is gone; what it printed is on the terminal.
    text = t.screen.text()
    assert "q quit" not in text
    assert json.loads(text) == ["10.0.0.1", "::1"]


def test_explore_quit_prints_nothing_and_resets_the_terminal(api_server: StatefulServer, terminals):
    api_server.seed(2)
    t = open_terminal(
        terminals, "admin:api-keys", "list", "--format", "explore", env=term_env(api_server)
    )
    t.wait_for("q quit")
    t.send("G", " $[1].workspace_id  (")  # to the last line; g back to the first
    t.send("g", " $  (1/")
    t.send("q")
    assert t.finish() == 0
    assert t.screen.text() == ""
    # Left the alternate screen, showed the cursor again.
    assert t.output.rstrip().endswith(b"\x1b[?25h\x1b[?1049l")


def test_explore_one_result_and_escape_and_ctrl_c(api_server: StatefulServer, terminals):
    for key in ("\x1b", "\x03"):
        t = open_terminal(
            terminals,
            "admin:api-keys",
            "create",
            "--name",
            "viewer",
            "--format",
            "explore",
            env=term_env(api_server),
        )
        screen = t.wait_for("q quit")
        # One object: its fields at the top level (key, key_details) and those of key_details.
        assert screen.splitlines()[0].startswith("\u25be {  2 keys"), screen
        assert 'name: "viewer"' in screen
        t.send(key)
        assert t.finish() == 0
        assert t.screen.text() == ""


def test_explore_reads_keys_from_the_terminal_when_stdin_is_the_body(
    api_server: StatefulServer, terminals
):
    t = open_terminal(
        terminals,
        "admin:api-keys",
        "create",
        "--format",
        "explore",
        env=term_env(api_server),
        stdin_pipe=b'{"name": "from-stdin"}',
    )
    screen = t.wait_for("q quit")
    assert 'name: "from-stdin"' in screen
    t.send("jp")  # the first field: the key itself
    assert t.finish() == 0
    assert json.loads(t.screen.text()).startswith("sk_")


def test_explore_with_transform_and_no_colour(api_server: StatefulServer, terminals):
    api_server.seed(3)
    env = term_env(api_server, NO_COLOR="1")
    t = open_terminal(
        terminals,
        "admin:api-keys",
        "list",
        "--format",
        "explore",
        "--transform",
        "name",
        env=env,
    )
    screen = t.wait_for("q quit")
    assert '[0] "key-2"' in screen and '[2] "key-0"' in screen
    # No colour but the selection (reverse video) and the status bar.
    t.send("q")
    t.finish()
    colours = {code for code in (b"\x1b[32m", b"\x1b[1;34m", b"\x1b[36m") if code in t.output}
    assert not colours


def test_explore_on_a_pipe_is_json_and_never_loads_the_viewer(api_server: StatefulServer):
    api_server.seed(2)
    explored = run("admin:api-keys", "list", "--format", "explore", server=api_server)
    plain = run("admin:api-keys", "list", "--format", "json", server=api_server)
    assert explored.returncode == 0 and explored.stderr == ""
    assert explored.stdout == plain.stdout and explored.stdout.startswith("{\n")
    env = clean_env(BOLTZ_API_KEY=API_KEY, BOLTZ_BASE_URL=api_server.base_url)
    modules = _importtime_modules(["admin:api-keys", "list", "--format", "explore"], env)
    assert not modules & {"_explore", "_pager", "_man", "_completion", "termios"}, modules


def test_explore_error_responses_still_go_to_stderr(api_server: StatefulServer, terminals):
    t = open_terminal(
        terminals,
        "admin:api-keys",
        "revoke",
        "key_missing",
        "--format",
        "explore",
        env=term_env(api_server),
    )
    assert t.finish() == 1
    screen = t.screen.text()
    assert "Error: 404" in screen and "q quit" not in screen
    assert API_KEY not in t.output.decode()


# --- the pager -------------------------------------------------------------------------


def test_long_output_on_a_terminal_goes_through_less(api_server: StatefulServer, terminals):
    if shutil.which("less") is None:
        pytest.skip("less is not installed")
    api_server.seed(5)
    t = open_terminal(terminals, "admin:api-keys", "list", env=term_env(api_server), rows=20)
    screen = t.wait_for("\n:")
    lines = screen.splitlines()
    # One screen of the output and less's prompt; the command waits for the reader.
    assert lines[0] == "{" and lines[-1] == ":" and len(lines) == 20
    assert t.process.poll() is None
    t.send(" ", '"name": "key-2"')  # the next screen
    screen = t.send("G", "(END)")
    assert '"name": "key-0"' in screen
    t.send("q")
    assert t.finish() == 0
    # -R: colours reach the terminal as colours, not as ESC written out.
    assert b"\x1b[1;34m" in t.output and b"ESC[" not in t.output


def test_short_output_on_a_terminal_is_not_paged(api_server: StatefulServer, tmp_path, terminals):
    api_server.seed(3)
    pager, record = fake_pager(tmp_path)
    t = open_terminal(
        terminals,
        "admin:api-keys",
        "list",
        "--transform",
        "name",
        env=term_env(api_server, PAGER=pager),
    )
    assert t.finish() == 0
    assert t.screen.lines()[:3] == ['"key-2"', '"key-1"', '"key-0"']
    assert not record.exists()


def test_pager_gets_all_of_a_long_output(api_server: StatefulServer, tmp_path, terminals):
    api_server.seed(30)  # two pages of 20
    pager, record = fake_pager(tmp_path)
    t = open_terminal(terminals, "admin:api-keys", "list", env=term_env(api_server, PAGER=pager))
    assert t.finish() == 0
    assert "[fake pager]" in t.screen.text()
    piped = run("admin:api-keys", "list", "--format", "auto", server=api_server)
    paged = record.read_bytes().decode()
    # The same text as on a pipe, in colour (the pager shows colours: less -R).
    assert "\x1b[" in paged
    assert re.sub(r"\x1b\[[0-9;]*m", "", paged) == piped.stdout


@pytest.mark.parametrize(
    "how",
    [
        ("--no-pager",),
        ("env", "BOLTZ_NO_PAGER", "1"),
        ("env", "PAGER", ""),
        ("env", "PAGER", "cat"),
    ],
)
def test_pager_switched_off(api_server: StatefulServer, tmp_path, terminals, how):
    api_server.seed(5)
    pager, record = fake_pager(tmp_path)
    env = term_env(api_server, PAGER=pager)
    args = ["admin:api-keys", "list", "--transform", "name", "--format", "jsonl"]
    if how[0] == "env":
        env[how[1]] = how[2]
    else:
        args.append(how[0])
    t = open_terminal(terminals, *args, env=env, rows=3)
    assert t.finish() == 0
    assert not record.exists()
    assert '"key-0"' in t.output.decode()


def test_no_pager_env_set_to_false_still_pages(api_server: StatefulServer, tmp_path, terminals):
    api_server.seed(5)
    pager, record = fake_pager(tmp_path)
    env = term_env(api_server, PAGER=pager, BOLTZ_NO_PAGER="0")
    t = open_terminal(terminals, "admin:api-keys", "list", env=env)
    assert t.finish() == 0
    assert record.exists()


def test_never_pages_when_piped(api_server: StatefulServer, tmp_path):
    api_server.seed(30)
    pager, record = fake_pager(tmp_path)
    env = term_env(api_server, PAGER=pager)
    result = run("admin:api-keys", "list", env=env)
    assert result.returncode == 0 and result.stdout.count('"id"') == 30
    assert not record.exists()
    modules = _importtime_modules(["admin:api-keys", "list"], env)
    assert "_pager" not in modules


def test_a_missing_pager_prints_directly(api_server: StatefulServer, terminals):
    api_server.seed(5)
    env = term_env(api_server, PAGER="/nonexistent/pager -x")
    t = open_terminal(terminals, "admin:api-keys", "list", "--transform", "id", env=env, rows=3)
    assert t.finish() == 0
    assert t.output.decode().count('"key_0000') == 5
    assert "Traceback" not in t.output.decode()


def test_quitting_the_pager_early_stops_fetching(api_server: StatefulServer, terminals):
    if shutil.which("less") is None:
        pytest.skip("less is not installed")
    api_server.seed(1000)  # 50 pages of 20, far more than the pipe to the pager holds
    t = open_terminal(terminals, "admin:api-keys", "list", env=term_env(api_server), rows=10)
    t.wait_for("\n:")
    t.send("q")
    assert t.finish() == 0
    assert "Traceback" not in t.output.decode()
    assert len(api_server.requests) < 25, len(api_server.requests)


# --- completion ------------------------------------------------------------------------


def bash_complete(script: str, command: str, lines: list[str], env: dict[str, str]) -> list[str]:
    probe = script + (
        f'\ncomp() {{ COMP_LINE="$1"; COMP_POINT=${{#COMP_LINE}}; COMPREPLY=();'
        f' _{command.replace("-", "_")}_completion {command}; echo "${{COMPREPLY[*]}}"; }}\n'
    )
    probe += "".join(f"comp {json.dumps(line)}\n" for line in lines)
    bash = subprocess.run(
        ["bash", "--norc", "-c", probe], env=env, capture_output=True, text=True, timeout=60
    )
    assert bash.returncode == 0, bash.stderr
    return bash.stdout.splitlines()


def test_bash_completes_commands_flags_and_enum_values():
    env = clean_env(PATH=f"{BIN.parent}{os.pathsep}{os.environ.get('PATH', '')}")
    script = run("--show-completion", "bash", env=env).stdout
    got = bash_complete(
        script,
        "boltz-api",
        [
            "boltz-api admin:api-keys ",
            "boltz-api admin:api-keys create --exp",
            "boltz-api admin:api-keys create --mode ",
            "boltz-api admin:api-keys create --mode t",
            "boltz-api --format ",
            "boltz-api --show-completion p",
            "boltz-api --no-p",
        ],
        env,
    )
    assert got[0].split() == ["create", "list", "revoke"]
    assert got[1:4] == ["--expires-in-days", "live test", "test"]
    assert got[4].split() == ["auto", "json", "jsonl", "pretty", "raw", "yaml", "explore"]
    assert got[5:] == ["powershell", "--no-pager"]


def test_powershell_completion_script_and_protocol():
    env = clean_env(BOLTZ_API_KEY=API_KEY)
    script = run("--show-completion", "powershell", env=env)
    assert script.returncode == 0
    text = script.stdout
    assert "Register-ArgumentCompleter -Native -CommandName 'boltz-api'" in text
    assert "$env:_BOLTZ_API_COMPLETE = 'powershell_complete'" in text
    assert API_KEY not in text

    def answer(line: str) -> list[list[str]]:
        result = run(
            env={
                **env,
                "_BOLTZ_API_COMPLETE": "powershell_complete",
                "COMP_LINE": line,
                "COMP_POINT": str(len(line)),
            }
        )
        assert result.returncode == 0, result.stderr
        return [row.split("\t") for row in result.stdout.splitlines()]

    # The colon stays in the value (PowerShell does not split words on it).
    assert answer("boltz-api adm") == [["plain", "admin:api-keys", answer("boltz-api adm")[0][2]]]
    ops = answer("boltz-api admin:api-keys ")
    assert [r[1] for r in ops] == ["create", "list", "revoke"]
    assert ops[0][2] == "Create a workspace API key"
    assert [r[1] for r in answer("boltz-api admin:api-keys create --mode ")] == ["live", "test"]
    assert answer("boltz-api admin:api-keys create --work")[0][:2] == ["plain", "--workspace-id"]


def test_zsh_and_fish_complete_enum_values():
    env = clean_env()
    zsh = run(
        env={
            **env,
            "_BOLTZ_API_COMPLETE": "zsh_complete",
            "COMP_WORDS": "boltz-api admin:api-keys create --mode ",
            "COMP_CWORD": "4",
        }
    )
    assert zsh.stdout.split("\n")[:2] == ["plain", "live"] and "test" in zsh.stdout
    fish = run(
        env={
            **env,
            "_BOLTZ_API_COMPLETE": "fish_complete",
            "COMP_WORDS": "boltz-api --format ",
            "COMP_CWORD": "",
        }
    )
    assert "plain,explore" in fish.stdout.splitlines()


# --- man pages -------------------------------------------------------------------------


def man(*words: str) -> subprocess.CompletedProcess[str]:
    return run("__man", *words, env=clean_env(BOLTZ_API_KEY=API_KEY))


def test_every_command_has_a_man_page():
    listed = man("--list")
    assert listed.returncode == 0
    commands = listed.stdout.splitlines()
    assert commands == [
        "boltz-api",
        "boltz-api admin:api-keys",
        "boltz-api admin:api-keys create",
        "boltz-api admin:api-keys list",
        "boltz-api admin:api-keys revoke",
    ]
    for command in commands:
        page = man(*command.split()[1:])
        assert page.returncode == 0, page.stderr
        assert page.stdout.startswith('.\\" File generated') and "\n.TH " in page.stdout
        assert "\n.SH NAME\n" in page.stdout and "\n.SH EXIT STATUS\n" in page.stdout
        assert API_KEY not in page.stdout
    create = man("admin:api-keys", "create").stdout
    for needle in (
        "boltz\\-api admin:api\\-keys create \\- Create a workspace API key",
        "\\fB\\-\\-name\\fR \\fITEXT\\fR\nAPI key name [required; minLength 1; maxLength 255]",
        "\\fB\\-\\-mode\\fR \\fIlive|test\\fR",
        "\\fB\\-\\-expires\\-in\\-days\\fR \\fIINTEGER\\fR",
        "\\fBPOST\\fR /compute/v1/admin/api\\-keys",
        "\\fBBOLTZ_API_KEY\\fR",
    ):
        assert needle in create, needle
    assert "\\fB\\-\\-max\\-items\\fR \\fIN\\fR" in man("admin:api-keys", "list").stdout
    assert "[\\fIAPI_KEY_ID\\fR]" in man("admin:api-keys", "revoke").stdout


def test_root_man_page_has_every_global_option_of_help():
    page = man().stdout
    help_text = run("--help").stdout
    section = help_text.split("Global options:")[1].split("Commands:")[0]
    flags = {w.rstrip(",") for w in section.split() if w.startswith("--")}
    assert "--no-pager" in flags and "--api-key" in flags
    for flag in flags:
        assert f"\\fB{flag.replace('-', chr(92) + '-')}\\fR" in page, flag
    for needle in ("BOLTZ_NO_PAGER", "BOLTZ_BASE_URL", "PAGER", "\\fBadmin:api\\-keys\\fR"):
        assert needle in page, needle


def test_man_pages_render_without_warnings():
    if shutil.which("groff") is None:
        pytest.skip("groff is not installed")
    for words in ((), ("admin:api-keys",), ("admin:api-keys", "create")):
        page = man(*words).stdout
        rendered = subprocess.run(
            ["groff", "-man", "-Tutf8", "-ww"],
            input=page,
            capture_output=True,
            text=True,
            timeout=60,
        )
        assert rendered.returncode == 0 and rendered.stderr == "", rendered.stderr
        # (grotty makes bold by overstriking: a letter, a backspace, the letter again)
        assert "EXIT STATUS" in re.sub(".\b", "", rendered.stdout)


def test_man_command_is_hidden_and_checks_its_arguments():
    assert "__man" not in run("--help").stdout
    assert_usage_error(man("admin:api-keys", "nope"), "No man page for 'admin:api-keys nope'")
    modules = _importtime_modules(["--help"], clean_env())
    assert not modules & {"_man", "_pager", "_explore", "_completion"}, modules


def test_man_pages_ship_in_the_wheel(tmp_path):
    source = tmp_path / "cli"
    shutil.copytree(
        Path(__file__).resolve().parent.parent / "generated" / "cli",
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
            str(tmp_path),
            str(source),
        ],
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert built.returncode == 0, built.stderr[-2000:]
    import zipfile

    (wheel,) = tmp_path.glob("*.whl")
    names = set(zipfile.ZipFile(wheel).namelist())
    for page in (
        "boltz_api_cli/man/index.json",
        "boltz_api_cli/man/boltz-api.1",
        "boltz_api_cli/man/boltz-api-admin-api-keys-create.1",
        "boltz_api_cli/_explore.py",
        "boltz_api_cli/_pager.py",
    ):
        assert page in names, sorted(names)


# --- secrets ---------------------------------------------------------------------------


def test_no_api_key_in_any_script_page_or_screen(api_server: StatefulServer, terminals):
    api_server.seed(2)
    env = term_env(api_server)
    texts = [run("--help", env=env).stdout]
    texts += [
        run("--show-completion", s, env=env).stdout for s in ("bash", "zsh", "fish", "powershell")
    ]
    texts += [man(*c.split()[1:]).stdout for c in man("--list").stdout.splitlines()]
    t = open_terminal(terminals, "admin:api-keys", "list", "--format", "explore", env=env)
    t.wait_for("q quit")
    t.send("rGp")
    t.finish()
    texts.append(t.output.decode())
    # A wrong key given as a flag: the API's error, on a terminal, does not echo it.
    wrong = "sk_wrong_" + "x" * 24
    t = open_terminal(terminals, "admin:api-keys", "list", "--api-key", wrong, env=env)
    assert t.finish() == 1
    texts.append(t.output.decode())
    for text in texts:
        assert API_KEY not in text and wrong not in text


def _importtime_modules(args: list[str], env: dict[str, str]) -> set[str]:
    """The modules of the CLI package (and termios) a run imports."""
    result = subprocess.run(
        [sys.executable, "-X", "importtime", "-m", "boltz_api_cli", *args],
        env=env,
        capture_output=True,
        text=True,
        stdin=subprocess.DEVNULL,
        timeout=60,
    )
    assert result.returncode == 0, result.stderr[-2000:]
    names = set()
    for line in result.stderr.splitlines():
        if line.startswith("import time:") and "|" in line:
            name = line.split("|")[-1].strip()
            names.add(name.rsplit(".", 1)[-1] if name.startswith("boltz_api_cli.") else name)
    return names


# --- against Prism ---------------------------------------------------------------------


def test_explore_and_pager_against_prism(prism_url: str, tmp_path, terminals):
    env = term_env(BOLTZ_BASE_URL=prism_url, BOLTZ_API_KEY="sk_test_prism")
    t = open_terminal(
        terminals, "admin:api-keys", "create", "--name", "x", "--format", "explore", env=env
    )
    screen = t.wait_for("q quit")
    assert 'key: "key"' in screen and "key_details: {" in screen
    t.send("jjp")  # key, key_details: print the details
    assert t.finish() == 0
    assert json.loads(t.screen.text())["key_type"] == "workspace"
    pager, record = fake_pager(tmp_path)
    t = open_terminal(
        terminals,
        "admin:api-keys",
        "create",
        "--name",
        "x",
        env={**env, "PAGER": pager},
        rows=5,
    )
    assert t.finish() == 0
    # Coloured for the pager to show (less -R).
    assert json.loads(re.sub(r"\x1b\[[0-9;]*m", "", record.read_text()))["key"] == "key"
    piped = run("admin:api-keys", "create", "--name", "x", "--format", "explore", env=env)
    assert piped.returncode == 0 and json.loads(piped.stdout)["key"] == "key"
