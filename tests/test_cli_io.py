"""The generated CLI's input and output features, end to end (issue 15).

Dotted flags for nested fields, repeated flags for arrays of objects, relaxed
YAML values, files embedded in flag values (``@path``, ``@file://``,
``@data://``, ``\\@``, ``-``), binary uploads and downloads (``--output``,
``Content-Disposition``, ``--force``), ``--max-items -1``, items streamed as
pages arrive, and the exit codes. Each runs a real command in a subprocess:
the installed ``boltz-api`` against the stateful server and Prism, and the
CLI generated from tests/fixtures/cli_kitchen (not Boltz) against a server
that records every byte it is sent.
"""

from __future__ import annotations

import base64
import os
import subprocess
import threading
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from tests.conftest import run_generator
from tests.servers import API_KEY, ROOT, EchoServer, StatefulServer, free_port
from tests.test_cli import BIN, assert_no_traceback, assert_usage_error, clean_env, run
from tests.test_cli_kitchen import SPEC as KITCHEN_SPEC
from tests.test_cli_kitchen import kit


@pytest.fixture(scope="module")
def kitchen(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The CLI (and SDK) generated from tests/fixtures/cli_kitchen."""
    out = tmp_path_factory.mktemp("kitchen")
    result = run_generator("generate", "--spec", str(KITCHEN_SPEC), "--out", str(out))
    assert result.returncode == 0, result.stderr
    return out


@pytest.fixture
def echo() -> Iterator[EchoServer]:
    with EchoServer() as server:
        yield server


BINARY = b"\x89PNG\r\n\x1a\n\x00\xff\xfe binary"


# --- exit codes -----------------------------------------------------------------------


def test_exit_codes_scripts_can_rely_on(api_server: StatefulServer):
    assert run("admin:api-keys", "list", server=api_server).returncode == 0
    missing = run("admin:api-keys", "revoke", "key_nope", server=api_server)
    assert missing.returncode == 1 and missing.stderr.startswith("Error: 404 Not Found")
    sent = len(api_server.requests)
    assert_usage_error(run("admin:api-keys", "create", server=api_server), "--name")
    assert len(api_server.requests) == sent, "a usage error sends nothing"
    refused = run(
        "admin:api-keys",
        "list",
        "--max-retries",
        "0",
        "--base-url",
        f"http://127.0.0.1:{free_port()}",
        server=api_server,
    )
    assert refused.returncode == 3 and "could not connect" in refused.stderr
    api_server.delay_next(3)
    slow = run(
        "admin:api-keys", "list", "--timeout", "0.3", "--max-retries", "0", server=api_server
    )
    assert slow.returncode == 3 and "timed out" in slow.stderr
    for result in (missing, refused, slow):
        assert_no_traceback(result)
        assert API_KEY not in result.stdout + result.stderr


def test_readme_documents_the_exit_codes():
    readme = (ROOT / "generated" / "cli" / "README.md").read_text()
    flat = " ".join(readme.split())
    for needle in (
        "| `0` | success |",
        "| `1` | the API answered with an error",
        "| `2` | bad usage or input",
        "| `3` | the API could not be reached",
    ):
        assert needle in flat, needle


# --- lists ----------------------------------------------------------------------------


def test_max_items_minus_one_is_no_limit(api_server: StatefulServer):
    api_server.seed(5)
    ids = [k["id"] for k in reversed(api_server.keys)]
    result = run(
        "admin:api-keys",
        "list",
        "--limit",
        "2",
        "--max-items",
        "-1",
        "--transform",
        "id",
        "-r",
        server=api_server,
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.splitlines() == ids
    assert len(api_server.requests) == 3
    for bad in ("0", "-2", "x"):
        assert_usage_error(
            run("admin:api-keys", "list", "--max-items", bad, server=api_server), "--max-items"
        )
    assert len(api_server.requests) == 3


class GatedServer(StatefulServer):
    """Holds every page after the first until the test has seen the first item printed."""

    def __init__(self) -> None:
        super().__init__()
        self.gate = threading.Event()

    def handle(self, rec: Any) -> Any:
        if "after_id" in rec.query:
            assert self.gate.wait(30), "the CLI printed nothing before asking for page 2"
        return super().handle(rec)


def test_list_items_print_as_their_page_arrives():
    with GatedServer() as server:
        server.seed(4)
        env = clean_env(BOLTZ_API_KEY=API_KEY, BOLTZ_BASE_URL=server.base_url)
        for fmt in ("jsonl", "raw", "json"):
            server.gate.clear()
            proc = subprocess.Popen(
                [str(BIN), "admin:api-keys", "list", "--limit", "2", "--format", fmt],
                env=env,
                stdin=subprocess.DEVNULL,
                stdout=subprocess.PIPE,
                stderr=subprocess.PIPE,
                bufsize=0,  # unbuffered: readline() takes no more than the line
            )
            assert proc.stdout is not None
            first = proc.stdout.readline()
            # The second page has not been answered: the first item came from page one alone.
            assert not server.gate.is_set()
            server.gate.set()
            rest, err = proc.communicate(timeout=60)
            assert proc.returncode == 0, err
            assert first.strip(), fmt
            text = (first + rest).decode()
            if fmt == "json":
                assert text.count('"id"') == 4
            else:
                assert len(text.splitlines()) == 4


# --- files in flag values --------------------------------------------------------------


def test_files_embedded_in_flag_values(api_server: StatefulServer, tmp_path: Path):
    (tmp_path / "name.txt").write_text("from a file ✓")
    (tmp_path / "blob.bin").write_bytes(BINARY)
    cases = [
        (["--name", f"@{tmp_path / 'name.txt'}"], None, "from a file ✓"),
        (["--name", f"@{tmp_path / 'blob.bin'}"], None, base64.b64encode(BINARY).decode()),
        (["--name", f"@file://{tmp_path / 'name.txt'}"], None, "from a file ✓"),
        (
            ["--name", f"@data://{tmp_path / 'name.txt'}"],
            None,
            base64.b64encode("from a file ✓".encode()).decode(),
        ),
        (["--name", "\\@handle"], None, "@handle"),
        (["--name", "@@handle"], None, "@handle"),
        (["--name", "-"], "piped name", "piped name"),
    ]
    for flags, stdin, name in cases:
        result = run("admin:api-keys", "create", *flags, server=api_server, stdin=stdin)
        assert result.returncode == 0, (flags, result.stderr)
        assert api_server.requests[-1].json() == {"name": name}, flags
    # `-` took stdin, so it is not also read as the body.
    assert len(api_server.requests) == len(cases)


def test_bad_embedded_files_are_usage_errors(api_server: StatefulServer, tmp_path: Path):
    (tmp_path / "blob.bin").write_bytes(BINARY)
    cases = [
        (["--name", f"@{tmp_path / 'missing.txt'}"], ["'--name'", "missing.txt", "cannot read"]),
        (["--name", f"@{tmp_path}"], ["'--name'", "is a folder"]),
        (["--name", f"@file://{tmp_path / 'blob.bin'}"], ["'--name'", "not UTF-8", "@data://"]),
        (["--name", "x", "--mode", f"@{tmp_path / 'nope'}"], ["'--mode'", "cannot read"]),
        (["--name", "-", "--workspace-id", "-"], ["'--workspace-id'", "one flag only"]),
        (["--name", "@"], ["'--name'", "must be followed by a file path"]),
    ]
    for flags, needles in cases:
        result = run("admin:api-keys", "create", *flags, server=api_server, stdin="x")
        assert_usage_error(result, *needles)
    assert api_server.requests == []


def test_files_and_max_items_against_prism(prism_url: str, tmp_path: Path):
    env = clean_env(BOLTZ_API_KEY="sk_test_prism", BOLTZ_BASE_URL=prism_url)
    (tmp_path / "name.txt").write_text("prism name")
    created = run(
        "admin:api-keys",
        "create",
        "--name",
        f"@{tmp_path / 'name.txt'}",
        "--workspace-id",
        "\\@ws",
        env=env,
    )
    assert created.returncode == 0, created.stderr
    listed = run("admin:api-keys", "list", "--max-items", "-1", "--format", "jsonl", env=env)
    assert listed.returncode == 0 and listed.stdout.strip(), listed.stderr
    missing = run("admin:api-keys", "create", "--name", f"@{tmp_path / 'no'}", env=env)
    assert_usage_error(missing, "'--name'", "cannot read")


# --- nested fields (the kitchen-sink spec, not Boltz) -------------------------------------


def test_dotted_flags_build_nested_objects_and_arrays_of_objects(kitchen: Path, echo: EchoServer):
    result = kit(
        kitchen,
        echo,
        "orders",
        "create",
        "--customer.name",
        "Ann",
        "--customer.vip",
        "yes",
        "--customer.address.city",
        "Oslo",
        "--customer.address.zip-code",
        "0150",
        "--item.sku",
        "a",
        "--item.qty",
        "2",
        "--item.tags",
        "x",
        "--item.tags",
        "y",
        "--item.sku=b",
        "--item",
        "{sku: c, qty: 5}",
        "--extras",
        "mode: fast\nlevels: [1, 2]",
        "--anything.deep",
        "{on: no}",
    )
    assert result.returncode == 0, result.stderr
    (request,) = echo.requests
    assert request.json() == {
        "customer": {"name": "Ann", "vip": True, "address": {"city": "Oslo", "zip_code": "0150"}},
        # Whole-item flags first, then the items the dotted flags built (a repeated
        # field starts the next item).
        "items": [{"sku": "c", "qty": 5}, {"sku": "a", "qty": 2, "tags": ["x", "y"]}, {"sku": "b"}],
        "extras": {"mode": "fast", "levels": [1, 2]},
        # Relaxed YAML, read as YAML 1.2: `on` and `no` stay strings.
        "anything": {"deep": {"on": "no"}},
    }


def test_dotted_flags_refine_a_whole_object_and_query_objects(kitchen: Path, echo: EchoServer):
    merged = kit(
        kitchen,
        echo,
        "orders",
        "create",
        "--customer",
        '{"name": "Bo", "address": {"city": "Rome"}}',
        "--customer.address.city",
        "Oslo",
    )
    assert merged.returncode == 0, merged.stderr
    query = kit(
        kitchen,
        echo,
        "widgets",
        "update-part",
        "7",
        "lid",
        "--level",
        "1",
        "--filter.color",
        "red",
        "--filter.weight",
        "2",
    )
    assert query.returncode == 0, query.stderr
    first, second = echo.requests
    assert first.json() == {"customer": {"name": "Bo", "address": {"city": "Oslo"}}}
    assert second.query == {"filter[color]": ["red"], "filter[weight]": ["2"]}


def test_object_flags_from_yaml_files_and_stdin(kitchen: Path, echo: EchoServer, tmp_path: Path):
    (tmp_path / "customer.yaml").write_text("name: Cy\naddress:\n  city: Bergen\n")
    from_file = kit(
        kitchen, echo, "orders", "create", "--customer", f"@{tmp_path / 'customer.yaml'}"
    )
    from_stdin = kit(
        kitchen, echo, "orders", "create", "--customer.name", "D", "--extras", "-", stdin="k: [1]"
    )
    assert from_file.returncode == 0 and from_stdin.returncode == 0, from_file.stderr
    first, second = echo.requests
    assert first.json() == {"customer": {"name": "Cy", "address": {"city": "Bergen"}}}
    assert second.json() == {"customer": {"name": "D"}, "extras": {"k": [1]}}


def test_bad_dotted_flags_name_the_flag_and_send_nothing(kitchen: Path, echo: EchoServer):
    base = ["orders", "create", "--customer.name", "A"]
    cases = [
        (["--customer.nickname", "x"], ["'--customer.nickname'", "unknown field 'nickname'"]),
        (["--item.colour", "red"], ["'--item.colour'", "unknown field 'colour'", "sku, qty"]),
        (["--customer.address.zip-code", "12"], ["'--customer'", "zip_code", "pattern"]),
        (["--customer.vip", "maybe"], ["'--customer.vip'", "not a boolean"]),
        (["--item.qty", "0"], ["'--item'", "sku"]),
        (["--item.sku", "a", "--item.qty", "zero"], ["'--item.qty'", "not an integer"]),
        (["--customer.name.first", "x"], ["'--customer.name.first'", "not an object"]),
        (["--nothing.x", "1"], ["No such option: --nothing.x"]),
        (["--customer.name"], ["'--customer.name' requires a value"]),
        (["--extras", "{unclosed"], ["'--extras'", "not valid JSON or YAML"]),
        (
            ["--customer.name", f"@{Path('/nonexistent/file')}"],
            ["'--customer.name'", "cannot read"],
        ),
    ]
    for extra, needles in cases:
        assert_usage_error(kit(kitchen, echo, *base, *extra), *needles)
    assert_usage_error(
        kit(kitchen, echo, "widgets", "update-part", "7", "lid", "--level", "1", "--tag.x", "1"),
        "No such option: --tag.x",
    )
    assert echo.requests == []


def test_help_shows_dotted_fields(kitchen: Path, echo: EchoServer):
    text = " ".join(kit(kitchen, echo, "orders", "create", "--help").stdout.split())
    assert "--customer JSON [required; JSON or YAML: object { name, vip, address };" in text
    assert "or one field at a time: --customer.FIELD VALUE]" in text
    assert "--item JSON [repeatable;" in text and "--item.FIELD VALUE" in text


# --- binary upload and download (kitchen) -------------------------------------------------


def test_binary_upload_from_a_file_or_stdin(kitchen: Path, echo: EchoServer, tmp_path: Path):
    photo = tmp_path / "cat.png"
    photo.write_bytes(BINARY)
    by_path = kit(kitchen, echo, "widgets", "upload-photo", "3", "--file", str(photo))
    by_at = kit(kitchen, echo, "widgets", "upload-photo", "3", "--file", f"@{photo}")
    by_stdin = kit(kitchen, echo, "widgets", "upload-photo", "3", "--file", "-", stdin=BINARY)
    raw = kit(kitchen, echo, "blobs", "put", "--body", f"@data://{photo}")
    for result in (by_path, by_at, by_stdin, raw):
        assert result.returncode == 0, result.stderr
    first, second, third, fourth = echo.requests
    for request, filename in ((first, "cat.png"), (second, "cat.png"), (third, "stdin")):
        assert request.headers["content-type"].startswith("multipart/form-data; boundary=")
        assert f'filename="{filename}"'.encode() in request.body
        assert BINARY in request.body
    assert fourth.body == BINARY, "a binary body is the file's bytes, whatever the prefix"
    missing = kit(kitchen, echo, "widgets", "upload-photo", "3", "--file", str(tmp_path / "no"))
    assert_usage_error(missing, "'--file'", "cannot read the file")
    assert len(echo.requests) == 4


def _download_route(echo: EchoServer, disposition: str | None) -> None:
    echo.routes[("GET", "/files/report")] = (200, "application/octet-stream", BINARY)
    echo.route_headers[("GET", "/files/report")] = (
        {"content-disposition": disposition} if disposition else {}
    )


def test_binary_download_piped_or_saved(kitchen: Path, echo: EchoServer, tmp_path: Path):
    _download_route(echo, 'attachment; filename="../../etc/report.bin"')
    env = clean_env(
        KITCHEN_SINK_API_KEY="tok_123",
        KITCHEN_SINK_BASE_URL=echo.base_url,
        PYTHONPATH=os.pathsep.join(str(kitchen / p / "src") for p in ("sdk", "cli")),
    )
    import sys

    piped = subprocess.run(
        [sys.executable, "-m", "kitchen_sink_api_cli", "files", "download", "report"],
        env=env,
        capture_output=True,
        stdin=subprocess.DEVNULL,
        timeout=60,
    )
    assert (piped.returncode, piped.stdout) == (0, BINARY), piped.stderr
    target = tmp_path / "out.bin"
    saved = kit(
        kitchen,
        echo,
        "files",
        "download",
        "report",
        "--output",
        str(target),
        "--output-param",
        "v2",
    )
    # The spec's own `output` parameter is renamed: --output is the CLI's.
    assert echo.requests[-1].query == {"output": ["v2"]}
    assert saved.returncode == 0 and target.read_bytes() == BINARY, saved.stderr
    assert saved.stdout == "" and f"Saved {len(BINARY)} bytes" in saved.stderr
    sent = len(echo.requests)
    again = kit(kitchen, echo, "files", "download", "report", "-o", str(target))
    assert_usage_error(again, "'--output'", "exists", "--force")
    assert len(echo.requests) == sent, "refused before sending"
    target.write_bytes(b"old")
    forced = kit(kitchen, echo, "files", "download", "report", "-o", str(target), "--force")
    assert forced.returncode == 0 and target.read_bytes() == BINARY, forced.stderr
    # A folder: saved inside it under the server's name, made safe (no ../..).
    folder = tmp_path / "downloads"
    folder.mkdir()
    inside = kit(kitchen, echo, "files", "download", "report", "--output", str(folder))
    assert inside.returncode == 0, inside.stderr
    assert [p.name for p in folder.iterdir()] == ["report.bin"]
    assert not (tmp_path / "etc").exists()
    # A folder, and the server names no file: a clear error.
    _download_route(echo, None)
    nameless = kit(kitchen, echo, "files", "download", "report", "--output", str(folder))
    assert_usage_error(nameless, "is a folder", "names no file")
    assert [p.name for p in folder.iterdir()] == ["report.bin"]


def _on_terminal(argv: list[str], env: dict[str, str], cwd: Path) -> tuple[int, bytes, str]:
    import pty

    leader, follower = pty.openpty()
    try:
        proc = subprocess.run(
            argv,
            env=env,
            cwd=cwd,
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
            except OSError:
                break
            if not chunk:
                break
            chunks.append(chunk)
        return proc.returncode, b"".join(chunks), proc.stderr.decode()
    finally:
        if follower >= 0:
            os.close(follower)
        os.close(leader)


def test_binary_download_never_reaches_a_terminal(kitchen: Path, echo: EchoServer, tmp_path):
    import sys

    env = clean_env(
        KITCHEN_SINK_API_KEY="tok_123",
        KITCHEN_SINK_BASE_URL=echo.base_url,
        PYTHONPATH=os.pathsep.join(str(kitchen / p / "src") for p in ("sdk", "cli")),
    )
    argv = [sys.executable, "-m", "kitchen_sink_api_cli", "files", "download", "report"]
    _download_route(echo, "attachment; filename*=UTF-8''r%C3%A9sum%C3%A9.pdf; filename=\"x.pdf\"")
    code, screen, err = _on_terminal(argv, env, tmp_path)
    assert code == 0, err
    assert BINARY not in screen and b"\x00" not in screen
    assert (tmp_path / "résumé.pdf").read_bytes() == BINARY
    # Saved again under the same name: refused without --force.
    code, screen, err = _on_terminal(argv, env, tmp_path)
    assert code == 2 and "exists" in err and "--force" in err
    _download_route(echo, None)
    code, screen, err = _on_terminal(argv, env, tmp_path)
    assert code == 2 and "--output" in err and BINARY not in screen
    assert sorted(p.name for p in tmp_path.iterdir()) == ["résumé.pdf"]
    assert "tok_123" not in err


def test_dotted_flags_on_a_flag_without_fields(api_server: StatefulServer):
    for flag, needle in (
        ("--name.first", "'--name' takes no fields"),
        ("--owner.name", "only a flag that takes an object has fields"),
    ):
        result = run("admin:api-keys", "create", "--name", "x", flag, "y", server=api_server)
        assert_usage_error(result, f"No such option: {flag}", needle)
    assert api_server.requests == []


# --- the kitchen-sink spec against Prism (which checks every request against the spec) ---


@pytest.fixture(scope="module")
def kitchen_prism() -> Iterator[str]:
    from tests.servers import Prism

    with Prism(KITCHEN_SPEC) as url:
        yield url


def kit_prism(kitchen: Path, url: str, *args: str) -> Any:
    import sys

    env = clean_env(
        KITCHEN_SINK_API_KEY="tok_prism",
        KITCHEN_SINK_BASE_URL=url,
        PYTHONPATH=os.pathsep.join(str(kitchen / p / "src") for p in ("sdk", "cli")),
    )
    return run(*args, env=env, command=[sys.executable, "-m", "kitchen_sink_api_cli"])


def test_kitchen_features_against_prism(kitchen: Path, kitchen_prism: str, tmp_path: Path):
    photo = tmp_path / "cat.png"
    photo.write_bytes(BINARY)
    accepted = [
        [
            "orders",
            "create",
            "--customer.name",
            "Ann",
            "--customer.address.zip-code",
            "0150",
            "--item.sku",
            "a",
            "--item.qty",
            "2",
            "--item.sku",
            "b",
            "--extras",
            "a: 1",
        ],
        # (Prism needs the X-Trace header: without it, it crashes on this route.)
        ["widgets", "update-part", "7", "lid", "--level", "2", "--x-trace", "t"]
        + ["--filter.color", "red", "--filter.weight", "2"],
    ]
    for args in accepted:
        result = kit_prism(kitchen, kitchen_prism, *args)
        assert result.returncode == 0, (args, result.stderr)
    upload = kit_prism(
        kitchen, kitchen_prism, "widgets", "upload-photo", "3", "--file", f"@{photo}"
    )
    assert upload.returncode == 0, upload.stderr
    # A binary answer, piped: the bytes on stdout (Prism's mock sends the text "string").
    download = kit_prism(kitchen, kitchen_prism, "files", "download", "report")
    assert (download.returncode, download.stdout) == (0, "string"), download.stderr
    saved = kit_prism(
        kitchen, kitchen_prism, "files", "download", "report", "--output", str(tmp_path / "r")
    )
    assert saved.returncode == 0 and (tmp_path / "r").read_bytes() == b"string", saved.stderr
    assert_usage_error(
        kit_prism(kitchen, kitchen_prism, "orders", "create", "--customer.nick", "x"),
        "'--customer.nick'",
        "unknown field",
    )
    assert_usage_error(
        kit_prism(kitchen, kitchen_prism, "files", "download", "r", "--output", str(tmp_path)),
        "is a folder",
        "names no file",
    )


# --- proxies (the environment's, as httpx honours them) -----------------------------------


class ForwardProxy:
    """A plain-HTTP forward proxy on 127.0.0.1 that records each request line it forwards."""

    def __init__(self) -> None:
        from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

        self.lines: list[str] = []
        self.auth: list[str | None] = []
        proxy = self

        class Handler(BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1"

            def log_message(self, *args: object) -> None:
                pass

            def _forward(self) -> None:
                import http.client
                from urllib.parse import urlsplit

                proxy.lines.append(self.requestline)
                proxy.auth.append(self.headers.get("proxy-authorization"))
                length = int(self.headers.get("content-length") or 0)
                body = self.rfile.read(length) if length else None
                url = urlsplit(self.path)
                upstream = http.client.HTTPConnection(url.hostname, url.port, timeout=30)
                headers = {
                    k: v for k, v in self.headers.items() if k.lower() != "proxy-authorization"
                }
                upstream.request(
                    self.command, url.path + (f"?{url.query}" if url.query else ""), body, headers
                )
                answer = upstream.getresponse()
                data = answer.read()
                self.send_response(answer.status)
                for name, value in answer.getheaders():
                    if name.lower() not in ("transfer-encoding", "connection", "content-length"):
                        self.send_header(name, value)
                self.send_header("content-length", str(len(data)))
                self.end_headers()
                self.wfile.write(data)

            do_GET = do_POST = _forward

        self._server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self._server.daemon_threads = True
        self.url = f"http://127.0.0.1:{self._server.server_address[1]}"
        self._thread = threading.Thread(target=self._server.serve_forever, daemon=True)

    def __enter__(self) -> ForwardProxy:
        self._thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self._server.shutdown()
        self._server.server_close()


def test_requests_go_through_the_environment_proxy(api_server: StatefulServer):
    api_server.seed(1)
    with ForwardProxy() as proxy:
        host = proxy.url.replace("http://", "")
        env = clean_env(
            BOLTZ_API_KEY=API_KEY,
            BOLTZ_BASE_URL=api_server.base_url,
            HTTP_PROXY=f"http://user:p%40ss@{host}",
            NO_PROXY="",
        )
        env.pop("no_proxy", None)
        listed = run("admin:api-keys", "list", "--transform", "id", "-r", env=env)
        assert listed.returncode == 0, listed.stderr
        assert listed.stdout.strip() == api_server.keys[0]["id"]
        assert proxy.lines == [f"GET {api_server.base_url}/compute/v1/admin/api-keys HTTP/1.1"]
        assert proxy.auth == ["Basic " + base64.b64encode(b"user:p@ss").decode()]
        bypassed = run("admin:api-keys", "list", env={**env, "NO_PROXY": "127.0.0.1"})
        assert bypassed.returncode == 0 and len(proxy.lines) == 1, bypassed.stderr


def test_retries_follow_the_sdk_policy(api_server: StatefulServer):
    api_server.fail_next(429, headers={"retry-after": "0.05"})
    api_server.fail_next(503, headers={"retry-after-ms": "50"})
    created = run("admin:api-keys", "create", "--name", "r", server=api_server)
    assert created.returncode == 0, created.stderr
    first, second, third = api_server.requests
    keys = {r.headers.get("idempotency-key") for r in (first, second, third)}
    assert len(keys) == 1 and None not in keys, "one idempotency key across the retries"
    assert third.json() == {"name": "r"}
    api_server.requests.clear()
    api_server.fail_next(400)
    bad = run("admin:api-keys", "list", server=api_server)
    assert bad.returncode == 1 and len(api_server.requests) == 1, "a 400 is not retried"
    assert "idempotency-key" not in api_server.requests[0].headers, "GET has no idempotency key"


def test_the_api_key_flag_reads_a_file_and_never_shows_it(api_server: StatefulServer, tmp_path):
    (tmp_path / "key").write_text(API_KEY + "\n")
    env = clean_env(BOLTZ_BASE_URL=api_server.base_url)
    listed = run("admin:api-keys", "list", "--api-key", f"@{tmp_path / 'key'}", env=env)
    assert listed.returncode == 0, listed.stderr
    assert api_server.requests[-1].headers["x-api-key"] == API_KEY
    missing = run("admin:api-keys", "list", "--api-key", f"@{tmp_path / 'nope'}", env=env)
    assert_usage_error(missing, "'--api-key'", "cannot read")
    piped = run("admin:api-keys", "list", "--api-key", "-", "--debug", env=env, stdin=API_KEY)
    assert piped.returncode == 0, piped.stderr
    for result in (listed, missing, piped):
        assert API_KEY not in result.stdout + result.stderr


# --- credentials of every kind (tests/fixtures/corpus/security) ----------------------------


@pytest.fixture(scope="module")
def secure(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("secure")
    spec = ROOT / "tests" / "fixtures" / "corpus" / "security" / "openapi.yaml"
    result = run_generator("generate", "--spec", str(spec), "--out", str(out))
    assert result.returncode == 0, result.stderr
    return out


def test_each_kind_of_credential_goes_where_the_spec_says(secure: Path, echo: EchoServer):
    import sys

    env = clean_env(
        SECURITY_BASE_URL=echo.base_url,
        SECURITY_API_KEY="hdr_secret_1",
        SECURITY_QUERY_KEY="qry_secret_2",
        SECURITY_COOKIE_KEY="ck_secret_3",
        SECURITY_BEARER="br_secret_4",
        SECURITY_USERNAME="ann:pw_secret_5",
        PYTHONPATH=os.pathsep.join(str(secure / p / "src") for p in ("sdk", "cli")),
    )
    command = [sys.executable, "-m", "security_api_cli"]
    outputs = []
    for op in ("with-header-key", "with-query-key", "with-cookie-key", "with-bearer", "with-basic"):
        result = run("auth", op, "--debug", env=env, command=command)
        assert result.returncode == 0, (op, result.stderr)
        outputs.append(result.stdout + result.stderr)
    public = run("auth", "public-call", env=env, command=command)
    assert public.returncode == 0, public.stderr
    header, query, cookie, bearer, basic, nothing = echo.requests
    assert header.headers["x-api-key"] == "hdr_secret_1" and "authorization" not in header.headers
    assert query.query == {"api_key": ["qry_secret_2"]}
    assert cookie.headers["cookie"] == "SESSION=ck_secret_3"
    assert bearer.headers["authorization"] == "Bearer br_secret_4"
    assert (
        basic.headers["authorization"] == "Basic " + base64.b64encode(b"ann:pw_secret_5").decode()
    )
    sent = " ".join(f"{k}={v}" for k, v in nothing.headers.items()) + str(nothing.query)
    assert "secret" not in sent, "a public call sends no credential"
    for text in outputs:  # --debug shows every exchange, never a credential
        assert "secret" not in text, text
