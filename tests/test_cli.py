"""End-to-end tests of the generated `boltz-api` command, run as users run it.

Every test starts the INSTALLED console script (``.venv/bin/boltz-api``) in a
subprocess against the stateful API-keys server (tests/servers.py) and looks
at what it printed, its exit code, and what reached the server.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
import yaml

from tests.servers import API_KEY, StatefulServer, free_port

BIN = Path(sys.executable).parent / "boltz-api"
#: The reference page's command with every one of its flags.
REFERENCE_FLAGS = [
    "--name",
    "x",
    "--allowed-ip",
    "10.0.0.1",
    "--allowed-ip",
    "::1",
    "--expires-in-days",
    "30",
    "--mode",
    "test",
    "--workspace-id",
    "ws_1",
]


def clean_env(**extra: str) -> dict[str, str]:
    """The caller's environment without anything that would change the CLI's behaviour."""
    env = {
        k: v
        for k, v in os.environ.items()
        if not k.startswith(("BOLTZ_", "_BOLTZ"))
        # Bytecode is kept, as after `pip install`: each run then skips recompiling.
        and k not in ("NO_COLOR", "TERM", "PYTHONDONTWRITEBYTECODE")
    }
    env.update(extra)
    return env


def run(
    *args: str,
    server: Any = None,
    stdin: str | bytes | None = None,
    env: dict[str, str] | None = None,
    command: list[str] | None = None,
) -> subprocess.CompletedProcess[str]:
    """Run the installed command; stdin is /dev/null unless ``stdin`` is given."""
    if env is None:
        env = clean_env(BOLTZ_API_KEY=API_KEY)
        if server is not None:
            env["BOLTZ_BASE_URL"] = server.base_url
    kwargs: dict[str, Any] = {"stdin": subprocess.DEVNULL} if stdin is None else {"input": stdin}
    if isinstance(stdin, bytes):
        result = subprocess.run(
            [*(command or [str(BIN)]), *args], env=env, capture_output=True, timeout=60, **kwargs
        )
        return subprocess.CompletedProcess(
            result.args, result.returncode, result.stdout.decode(), result.stderr.decode()
        )
    return subprocess.run(
        [*(command or [str(BIN)]), *args],
        env=env,
        capture_output=True,
        text=True,
        timeout=60,
        **kwargs,
    )


def assert_no_traceback(result: subprocess.CompletedProcess[str]) -> None:
    assert "Traceback" not in result.stderr and "Traceback" not in result.stdout, result.stderr


def assert_usage_error(result: subprocess.CompletedProcess[str], *needles: str) -> None:
    """Exit code 2, every needle in the message, no traceback."""
    assert result.returncode == 2, (result.returncode, result.stdout, result.stderr)
    assert_no_traceback(result)
    for needle in needles:
        assert needle in result.stderr, (needle, result.stderr)


# --- the reference page ------------------------------------------------------------


def test_console_script_is_installed():
    assert BIN.is_file(), f"{BIN} missing: run `make install`"


def test_reference_page_command_with_every_flag(api_server: StatefulServer):
    result = run("admin:api-keys", "create", *REFERENCE_FLAGS, server=api_server)
    assert result.returncode == 0, result.stderr
    assert result.stderr == ""
    out = json.loads(result.stdout)
    assert set(out) == {"key", "key_details"}
    assert out["key_details"]["allowed_ips"] == ["10.0.0.1", "::1"]
    assert out["key_details"]["workspace_id"] == "ws_1"
    assert out["key_details"]["livemode"] is False
    (request,) = api_server.requests
    assert (request.method, request.path) == ("POST", "/compute/v1/admin/api-keys")
    assert request.headers["x-api-key"] == API_KEY
    assert request.headers["content-type"] == "application/json"
    # The wire body: snake-case names, the array from the repeated flag, typed values.
    assert request.json() == {
        "name": "x",
        "allowed_ips": ["10.0.0.1", "::1"],
        "expires_in_days": 30,
        "mode": "test",
        "workspace_id": "ws_1",
    }


def test_omitted_flags_are_not_sent(api_server: StatefulServer):
    result = run("admin:api-keys", "create", "--name", "x", server=api_server)
    assert result.returncode == 0, result.stderr
    assert api_server.requests[0].json() == {"name": "x"}


def test_invalid_input_is_refused_before_anything_is_sent(api_server: StatefulServer, tmp_path):
    cases: list[tuple[list[str], str | None, list[str]]] = [
        (["--name", ""], None, ["'--name'", "minLength 1"]),
        (["--name", "n" * 256], None, ["'--name'", "maxLength 255"]),
        (["--name", "x", "--expires-in-days", "0"], None, ["'--expires-in-days'", "minimum 1"]),
        (["--name", "x", "--expires-in-days", "366"], None, ["'--expires-in-days'", "maximum 365"]),
        (["--name", "x", "--expires-in-days", "1.5"], None, ["'--expires-in-days'", "integer"]),
        (["--name", "x", "--mode", "prod"], None, ["'--mode'", "'live', 'test'"]),
        ([], None, ["Missing option '--name'"]),
        (["--name", f"@{tmp_path / 'missing.txt'}"], None, ["'--name'", "cannot read the file"]),
        (
            [],
            '{"name": "x", "expires_in_days": 400}',
            ["'expires_in_days'", "stdin", "maximum 365"],
        ),
        ([], '{"name": "x", "allowed_ips": "10.0.0.1"}', ["'allowed_ips'", "must be an array"]),
        ([], "[1, 2]", ["stdin must be an object"]),
        ([], "{name: [unclosed", ["stdin is not valid JSON or YAML", "at line"]),
        (["--name", "x", "--transform", "a["], None, ["--transform", "invalid GJSON path"]),
        (["--name", "x", "--base-url", "localhost:1"], None, ["'--base-url'", "http://"]),
    ]
    for flags, stdin, needles in cases:
        result = run("admin:api-keys", "create", *flags, server=api_server, stdin=stdin)
        assert_usage_error(result, *needles)
        assert result.stdout == ""
    assert api_server.requests == [], "an invalid command must send nothing"


def test_path_parameter_is_a_flag_and_the_first_argument(api_server: StatefulServer):
    first, second = api_server.seed(2)
    by_argument = run("admin:api-keys", "revoke", first["id"], server=api_server)
    by_flag = run("admin:api-keys", "revoke", "--api-key-id", second["id"], server=api_server)
    assert by_argument.returncode == 0 and by_flag.returncode == 0, by_argument.stderr
    assert json.loads(by_argument.stdout)["is_active"] is False
    assert [r.path for r in api_server.requests] == [
        f"/compute/v1/admin/api-keys/{first['id']}/revoke",
        f"/compute/v1/admin/api-keys/{second['id']}/revoke",
    ]
    assert all(r.body == b"" for r in api_server.requests)
    # Missing, empty, contradictory, or a value that would add a path segment.
    assert_usage_error(run("admin:api-keys", "revoke", server=api_server), "API_KEY_ID")
    assert_usage_error(run("admin:api-keys", "revoke", "", server=api_server), "must not be empty")
    assert_usage_error(
        run("admin:api-keys", "revoke", "a", "--api-key-id", "b", server=api_server),
        "given twice",
    )
    assert len(api_server.requests) == 2
    run("admin:api-keys", "revoke", "../x", "--max-retries", "0", server=api_server)
    assert api_server.requests[-1].path == "/compute/v1/admin/api-keys/..%2Fx/revoke"


# --- input from stdin and files ------------------------------------------------------


def test_stdin_body_is_merged_with_flags_and_flags_win(api_server: StatefulServer):
    piped_json = '{"name": "piped", "mode": "live", "allowed_ips": ["1.2.3.4"]}'
    result = run("admin:api-keys", "create", "--mode", "test", server=api_server, stdin=piped_json)
    assert result.returncode == 0, result.stderr
    piped_yaml = "name: from-yaml\nexpires_in_days: 7\nworkspace_id: no\n"
    result = run("admin:api-keys", "create", "--name", "flag", server=api_server, stdin=piped_yaml)
    assert result.returncode == 0, result.stderr
    assert [r.json() for r in api_server.requests] == [
        {"name": "piped", "mode": "test", "allowed_ips": ["1.2.3.4"]},
        # YAML 1.2: `no` is the string "no", not false.
        {"name": "flag", "expires_in_days": 7, "workspace_id": "no"},
    ]


def test_empty_stdin_does_not_hang_and_is_ignored(api_server: StatefulServer):
    for empty in ("", "  \n"):
        result = run("admin:api-keys", "create", "--name", "x", server=api_server, stdin=empty)
        assert result.returncode == 0, result.stderr
    assert [r.json() for r in api_server.requests] == [{"name": "x"}, {"name": "x"}]


def test_at_path_reads_a_flag_value_from_a_file(api_server: StatefulServer, tmp_path: Path):
    (tmp_path / "name.txt").write_text("from a file")
    (tmp_path / "ip.txt").write_text("192.168.0.1")
    result = run(
        "admin:api-keys",
        "create",
        "--name",
        f"@{tmp_path / 'name.txt'}",
        "--allowed-ip",
        f"@{tmp_path / 'ip.txt'}",
        "--workspace-id",
        "@@literal",
        server=api_server,
    )
    assert result.returncode == 0, result.stderr
    assert api_server.requests[0].json() == {
        "name": "from a file",
        "allowed_ips": ["192.168.0.1"],
        "workspace_id": "@literal",
    }


# --- output -------------------------------------------------------------------------


def test_every_output_format(api_server: StatefulServer):
    api_server.seed(2)
    items = list(reversed(api_server.keys))  # the list is newest first

    out = {
        fmt: run("admin:api-keys", "list", "--format", fmt, server=api_server)
        for fmt in ("auto", "json", "jsonl", "pretty", "raw", "yaml")
    }
    for fmt, result in out.items():
        assert result.returncode == 0 and result.stderr == "", (fmt, result.stderr)
        assert "\x1b[" not in result.stdout, f"{fmt}: no colour when not on a terminal"
    decoder = json.JSONDecoder()

    def json_stream(text: str) -> list[Any]:
        values, pos = [], 0
        while pos < len(text.rstrip()):
            value, pos = decoder.raw_decode(text, pos)
            values.append(value)
            pos += len(text[pos:]) - len(text[pos:].lstrip())
        return values

    assert json_stream(out["json"].stdout) == items
    assert out["json"].stdout.startswith('{\n  "id": '), "json is indented"
    assert out["auto"].stdout == out["json"].stdout
    assert [json.loads(line) for line in out["jsonl"].stdout.splitlines()] == items
    assert [json.loads(line) for line in out["raw"].stdout.splitlines()] == items
    assert list(yaml.safe_load_all(out["yaml"].stdout)) == items
    pretty = out["pretty"].stdout.splitlines()
    assert f"id            {items[0]['id']}" in pretty and "allowed_ips   (none)" in pretty

    # A single response in raw format is the server's own text.
    created = run("admin:api-keys", "create", "--name", "r", "--format", "raw", server=api_server)
    assert created.stdout.startswith('{"key": "sk_bc_live_'), created.stdout


def _run_on_terminal(args: list[str], env: dict[str, str]) -> str:
    """Run with stdout on a pseudo-terminal and return what was written to it."""
    import pty

    leader, follower = pty.openpty()
    try:
        proc = subprocess.run(
            [str(BIN), *args],
            env=env,
            stdin=subprocess.DEVNULL,
            stdout=follower,
            stderr=subprocess.PIPE,
            timeout=60,
        )
        os.close(follower)
        follower = -1
        chunks = []
        while True:
            try:
                chunk = os.read(leader, 65536)
            except OSError:  # EIO: the terminal's other side is closed
                break
            if not chunk:
                break
            chunks.append(chunk)
        assert proc.returncode == 0, proc.stderr
        return b"".join(chunks).decode()
    finally:
        if follower >= 0:
            os.close(follower)
        os.close(leader)


def test_auto_format_is_coloured_only_on_a_terminal(api_server: StatefulServer):
    api_server.seed(1)
    env = clean_env(BOLTZ_API_KEY=API_KEY, BOLTZ_BASE_URL=api_server.base_url)
    coloured = _run_on_terminal(["admin:api-keys", "list"], env)
    assert "\x1b[" in coloured and '"id"' in coloured
    plain = _run_on_terminal(["admin:api-keys", "list"], {**env, "NO_COLOR": "1"})
    assert "\x1b[" not in plain and json.loads(plain)["id"] == api_server.keys[0]["id"]


def test_transform_and_raw_output(api_server: StatefulServer):
    api_server.seed(3)
    ids = [k["id"] for k in reversed(api_server.keys)]
    listed = run("admin:api-keys", "list", "--transform", "id", "-r", server=api_server)
    assert listed.stdout.splitlines() == ids
    quoted = run(
        "admin:api-keys", "list", "--transform", "id", "--format", "jsonl", server=api_server
    )
    assert quoted.stdout.splitlines() == [json.dumps(i) for i in ids]
    created = run(
        "admin:api-keys",
        "create",
        "--name",
        "t",
        "--transform",
        '{"name":key_details.name,key_details.livemode}',
        "--format",
        "jsonl",
        server=api_server,
    )
    assert created.stdout == '{"name":"t","livemode":true}\n', created.stderr
    key = run(
        "admin:api-keys",
        "create",
        "--name",
        "k",
        "--transform",
        "key",
        "--raw-output",
        server=api_server,
    )
    assert key.stdout.startswith("sk_bc_live_") and key.stdout.count("\n") == 1
    missing = run("admin:api-keys", "list", "--transform", "no_such_field", server=api_server)
    assert missing.returncode == 0 and missing.stdout.splitlines() == ["null"] * 5


# --- lists --------------------------------------------------------------------------


def test_list_walks_every_page_and_max_items_stops_early(api_server: StatefulServer):
    api_server.seed(5)
    ids = [k["id"] for k in reversed(api_server.keys)]
    everything = run(
        "admin:api-keys", "list", "--limit", "2", "--format", "jsonl", server=api_server
    )
    assert [json.loads(line)["id"] for line in everything.stdout.splitlines()] == ids
    assert [r.query for r in api_server.requests] == [
        {"limit": ["2"]},
        {"limit": ["2"], "after_id": [ids[1]]},
        {"limit": ["2"], "after_id": [ids[3]]},
    ]
    api_server.requests.clear()
    some = run(
        "admin:api-keys",
        "list",
        "--limit",
        "2",
        "--max-items",
        "3",
        "--transform",
        "id",
        "-r",
        server=api_server,
    )
    assert some.stdout.splitlines() == ids[:3]
    assert len(api_server.requests) == 2, "no page is fetched beyond --max-items"
    assert_usage_error(
        run("admin:api-keys", "list", "--max-items", "0", server=api_server), "--max-items"
    )


def test_output_piped_into_a_closed_reader_is_quiet(api_server: StatefulServer):
    api_server.seed(30)
    shell = f"{BIN} admin:api-keys list --limit 5 | head -n 1"
    env = clean_env(BOLTZ_API_KEY=API_KEY, BOLTZ_BASE_URL=api_server.base_url)
    result = subprocess.run(
        ["bash", "-c", shell], env=env, capture_output=True, text=True, timeout=60
    )
    assert result.stdout == "{\n"
    assert_no_traceback(result)


# --- errors -------------------------------------------------------------------------


def test_api_error_prints_status_line_and_body_and_exits_1(api_server: StatefulServer):
    result = run("admin:api-keys", "revoke", "key_nope", server=api_server)
    assert result.returncode == 1
    assert result.stdout == ""
    status, *body = result.stderr.splitlines()
    assert status.startswith("Error: 404 Not Found (POST ")
    assert json.loads("\n".join(body)) == {
        "error": {"type": "not_found", "message": "No API key key_nope", "param": None}
    }
    as_yaml = run(
        "admin:api-keys", "revoke", "key_nope", "--format-error", "yaml", server=api_server
    )
    assert yaml.safe_load(as_yaml.stderr.split("\n", 1)[1])["error"]["type"] == "not_found"
    message_only = run(
        "admin:api-keys",
        "revoke",
        "key_nope",
        "--transform-error",
        "error.message",
        "-r",
        server=api_server,
    )
    assert message_only.stderr.splitlines()[1:] == ["No API key key_nope"]
    bad_key = run("admin:api-keys", "list", "--api-key", "sk_wrong", server=api_server)
    assert bad_key.returncode == 1 and "401 Unauthorized" in bad_key.stderr
    assert "sk_wrong" not in bad_key.stderr


def test_server_errors_after_retries_and_malformed_bodies_exit_1(api_server: StatefulServer):
    api_server.fail_next(503, times=3)
    result = run("admin:api-keys", "list", "--max-retries", "0", server=api_server)
    assert result.returncode == 1 and "503 Service Unavailable" in result.stderr
    assert len(api_server.requests) == 1, "--max-retries 0 sends once"
    retried = run("admin:api-keys", "list", "--max-retries", "1", server=api_server)
    assert retried.returncode == 1 and len(api_server.requests) == 3
    api_server.respond_raw_next(200, b"{not json")
    broken = run("admin:api-keys", "list", server=api_server)
    assert broken.returncode == 1
    assert broken.stderr.startswith("Error: the API answered with a body that is not valid JSON")
    assert len(broken.stderr.splitlines()) == 1
    assert_no_traceback(broken)


def test_connection_errors_and_timeouts_are_one_line(api_server: StatefulServer):
    refused = run(
        "admin:api-keys",
        "list",
        "--max-retries",
        "0",
        "--base-url",
        f"http://127.0.0.1:{free_port()}",
        server=api_server,
    )
    assert refused.returncode == 3, "a connection failure has its own exit code"
    assert refused.stderr.startswith("Error: could not connect to the API: ")
    assert len(refused.stderr.splitlines()) == 1
    api_server.delay_next(3)
    slow = run(
        "admin:api-keys", "list", "--timeout", "0.3", "--max-retries", "0", server=api_server
    )
    assert slow.returncode == 3
    assert slow.stderr.startswith("Error: the request timed out after 0.3 s: GET http://")
    assert len(slow.stderr.splitlines()) == 1
    assert_no_traceback(refused)
    assert_no_traceback(slow)


def test_missing_credentials_is_a_usage_error(api_server: StatefulServer):
    env = clean_env(BOLTZ_BASE_URL=api_server.base_url)
    assert_usage_error(run("admin:api-keys", "list", env=env), "--api-key", "BOLTZ_API_KEY")
    assert api_server.requests == []


def test_debug_shows_the_exchange_but_never_the_key(api_server: StatefulServer):
    result = run("admin:api-keys", "create", "--name", "dbg", "--debug", server=api_server)
    assert result.returncode == 0
    err = result.stderr
    assert "> POST http://127.0.0.1:" in err and "/compute/v1/admin/api-keys" in err
    assert "> x-api-key: <redacted>" in err
    assert '{"name":"dbg"}' in err
    assert "< HTTP/1.1 200 OK" in err and '"key_details"' in err
    # The key from the flag is redacted too, wherever it would appear.
    env = clean_env(BOLTZ_BASE_URL=api_server.base_url)
    by_flag = run("--debug", "admin:api-keys", "revoke", "nope", "--api-key", API_KEY, env=env)
    assert by_flag.returncode == 1 and "404" in by_flag.stderr
    for output in (result.stdout, err, by_flag.stdout, by_flag.stderr):
        assert API_KEY not in output


# --- global options, help, version, completion ---------------------------------------


def test_global_options_before_between_or_after(api_server: StatefulServer):
    api_server.seed(1)
    expected = json.dumps(api_server.keys[0]["id"]) + "\n"
    for args in (
        ["--format", "jsonl", "--transform", "id", "admin:api-keys", "list"],
        ["admin:api-keys", "--format", "jsonl", "--transform", "id", "list"],
        ["admin:api-keys", "list", "--format", "jsonl", "--transform", "id"],
        # The one nearest the operation wins.
        ["--format", "yaml", "admin:api-keys", "list", "--format", "jsonl", "--transform", "id"],
    ):
        result = run(*args, server=api_server)
        assert result.stdout == expected, (args, result.stderr)


def test_help_at_every_level_shows_the_spec():
    root = run("--help")
    assert root.returncode == 0
    for needle in (
        "admin:api-keys",
        "API keys authenticate requests",
        "--api-key",
        "BOLTZ_API_KEY",
        "BOLTZ_BASE_URL",
        "[auto|json|jsonl|pretty|raw|yaml|explore]",
        "--no-pager",
        "--transform",
        "--format-error",
        "--transform-error",
        "-r, --raw-output",
        "--debug",
        "--version",
        "--show-completion",
    ):
        assert needle in root.stdout, needle
    group = run("admin:api-keys", "--help").stdout
    for needle in ("create", "Create a workspace API key", "list", "List API keys", "revoke"):
        assert needle in group
    create = run("admin:api-keys", "create", "--help").stdout
    flat = " ".join(create.split())
    for needle in (
        "POST /compute/v1/admin/api-keys",
        "--name TEXT API key name [required; minLength 1; maxLength 255]",
        "--allowed-ip TEXT IP addresses allowed to use this key (IPv4 or IPv6).",
        "[repeatable; default: []]",
        "--expires-in-days INTEGER Days until the key expires.",
        "[minimum 1; maximum 365]",
        "--mode [live|test] Key mode.",
        "--workspace-id TEXT Workspace ID to scope this key to.",
        "Global options:",
    ):
        assert needle in flat, (needle, create)
    revoke = run("admin:api-keys", "revoke", "-h").stdout
    assert "[OPTIONS] [API_KEY_ID]" in revoke and "--api-key-id TEXT" in revoke
    listing = " ".join(run("admin:api-keys", "list", "--help").stdout.split())
    assert "--max-items N" in listing and "--limit INTEGER Max items to return" in listing
    version = run("--version")
    assert version.stdout == "boltz-api 1.0.0 (Boltz API 1.0.0)\n"


def test_unknown_commands_get_suggestions():
    assert_usage_error(run("admin", "api-keys", "list"), "Did you mean 'admin:api-keys'?")
    assert_usage_error(run("admin:api-keys", "lst"), "Did you mean 'list'?")


def _importtime(args: list[str], env: dict[str, str]) -> set[str]:
    result = subprocess.run(
        [sys.executable, "-X", "importtime", "-m", "boltz_api_cli", *args],
        env=env,
        capture_output=True,
        text=True,
        stdin=subprocess.DEVNULL,
        timeout=60,
    )
    assert result.returncode == 0, result.stderr[-2000:]
    return {
        line.split("|")[-1].strip().split(".")[0]
        for line in result.stderr.splitlines()
        if line.startswith("import time:") and "|" in line
    }


def test_help_imports_only_click_and_a_call_never_imports_httpx_or_pydantic(
    api_server: StatefulServer,
):
    env = clean_env(BOLTZ_API_KEY=API_KEY, BOLTZ_BASE_URL=api_server.base_url)
    on_help = _importtime(["admin:api-keys", "create", "--help"], env)
    assert "click" in on_help
    assert not on_help & {"httpx", "pydantic", "yaml", "gjson", "boltz_api"}, on_help
    on_call = _importtime(["admin:api-keys", "list"], env)
    # One call sends with the standard library's http.client, never through httpx.
    assert "http" in on_call
    assert not on_call & {"httpx", "boltz_api", "pydantic", "yaml", "gjson"}, on_call


def test_module_entry_point_runs_the_same_command():
    result = run("--version", command=[sys.executable, "-m", "boltz_api_cli"])
    assert result.stdout == "boltz-api 1.0.0 (Boltz API 1.0.0)\n"


def test_shell_completion_for_bash_zsh_and_fish():
    env = clean_env(PATH=f"{BIN.parent}{os.pathsep}{os.environ.get('PATH', '')}")
    script = run("--show-completion", "bash", env=env)
    assert script.returncode == 0 and "complete -o nosort -F _boltz_api_completion boltz-api" in (
        script.stdout
    )
    # Real bash: colon-containing resource names complete as one word.
    probe = (
        script.stdout
        + """
comp() { COMP_LINE="$1"; COMP_POINT=${#COMP_LINE}; COMPREPLY=();
         _boltz_api_completion boltz-api; echo "${COMPREPLY[*]}"; }
comp "boltz-api adm"
comp "boltz-api admin:api-keys c"
comp "boltz-api admin:api-keys create --mode "
"""
    )
    bash = subprocess.run(
        ["bash", "--norc", "-c", probe], env=env, capture_output=True, text=True, timeout=60
    )
    assert bash.stdout.splitlines() == ["admin:api-keys", "create", "live test"], bash.stderr
    for shell in ("zsh", "fish"):
        source = run("--show-completion", shell, env=env)
        assert source.returncode == 0 and "_BOLTZ_API_COMPLETE" in source.stdout
    zsh = run(
        env={
            **env,
            "_BOLTZ_API_COMPLETE": "zsh_complete",
            "COMP_WORDS": "boltz-api admin:api-keys ",
            "COMP_CWORD": "2",
        }
    )
    assert zsh.stdout.split("\n")[:3] == ["plain", "create", "Create a workspace API key"]
    fish = run(
        env={
            **env,
            "_BOLTZ_API_COMPLETE": "fish_complete",
            "COMP_WORDS": "boltz-api admin:api-keys create --mo",
            "COMP_CWORD": "--mo",
        }
    )
    assert fish.stdout.startswith("plain,--mode"), fish.stdout


@pytest.mark.parametrize("shell", ["tcsh", "cmd"])
def test_unsupported_completion_shell_is_a_usage_error(shell):
    assert_usage_error(run("--show-completion", shell), "--show-completion")
