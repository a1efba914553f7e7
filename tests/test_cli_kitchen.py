"""Every parameter shape a spec can have, through a CLI generated for it on the spot.

tests/fixtures/cli_kitchen/openapi.yaml has path parameters of two types,
boolean/array/deepObject query parameters, array headers, cookies, a JSON
body with integer enums, nullable and union fields, maps, a multipart upload,
a binary body, a whole-array body and a plain-text response. The CLI
generated from it runs in a subprocess against a server that records what
arrives, so each test checks the bytes on the wire.
"""

from __future__ import annotations

import json
import os
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from tests.conftest import ROOT, run_generator
from tests.servers import EchoServer
from tests.test_cli import assert_usage_error, clean_env, run

SPEC = ROOT / "tests" / "fixtures" / "cli_kitchen" / "openapi.yaml"


@pytest.fixture(scope="module")
def kitchen(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("kitchen")
    result = run_generator("generate", "--spec", str(SPEC), "--out", str(out))
    assert result.returncode == 0, result.stderr
    return out


@pytest.fixture
def echo() -> Iterator[EchoServer]:
    with EchoServer() as server:
        yield server


def kit(kitchen: Path, server: EchoServer, *args: str, stdin: Any = None):
    env = clean_env(
        KITCHEN_SINK_API_KEY="tok_123",
        KITCHEN_SINK_BASE_URL=server.base_url,
        PYTHONPATH=os.pathsep.join(str(kitchen / p / "src") for p in ("sdk", "cli")),
    )
    return run(*args, env=env, stdin=stdin, command=[sys.executable, "-m", "kitchen_sink_api_cli"])


def test_every_location_and_type_reaches_the_wire(kitchen: Path, echo: EchoServer):
    result = kit(
        kitchen,
        echo,
        "widgets",
        "update-part",
        "7",
        "lid",
        "--level",
        "2",
        "--enabled",
        "--ratio",
        "0.5",
        "--tag",
        "a",
        "--tag",
        "b",
        "--meta",
        "{x: 1, y: 2}",
        "--kind",
        "5",
        "--dry-run",
        "--size",
        "2",
        "--size",
        "4",
        "--filter",
        "{color: red, weight: 1.5}",
        "--x-trace",
        "t1",
        "--x-trace",
        "t2",
        "--session",
        "s_abc",
    )
    assert result.returncode == 0, result.stderr
    assert json.loads(result.stdout) == {"ok": True}
    (request,) = echo.requests
    assert (request.method, request.path) == ("PUT", "/widgets/7/parts/lid")
    assert request.query == {
        "dry_run": ["true"],
        "sizes": ["2", "4"],
        "filter[color]": ["red"],
        "filter[weight]": ["1.5"],
    }
    assert request.headers["x-trace"] == "t1,t2"
    assert request.headers["cookie"] == "session=s_abc"
    assert request.headers["authorization"] == "Bearer tok_123"
    assert request.json() == {
        "level": 2,
        "enabled": True,
        "ratio": 0.5,
        "tags": ["a", "b"],
        "meta": {"x": 1, "y": 2},
        "kind": 5,
    }


def test_booleans_nulls_and_stdin(kitchen: Path, echo: EchoServer):
    off = kit(
        kitchen,
        echo,
        "widgets",
        "update-part",
        "--widget-id",
        "1",
        "--part",
        "base",
        "--level",
        "1",
        "--no-enabled",
        "--no-dry-run",
        "--kind",
        "text",
    )
    assert off.returncode == 0, off.stderr
    piped = kit(
        kitchen, echo, "widgets", "update-part", "1", "base", stdin='{"level": 3, "note": null}'
    )
    assert piped.returncode == 0, piped.stderr
    first, second = echo.requests
    assert first.query == {"dry_run": ["false"]}
    assert first.json() == {"level": 1, "enabled": False, "kind": "text"}
    assert second.json() == {"level": 3, "note": None}


def test_every_constraint_is_checked_before_sending(kitchen: Path, echo: EchoServer):
    base = ["widgets", "update-part", "7", "lid", "--level", "1"]
    cases = [
        (["--level", "4"], ["'--level'", "'1', '2', '3'"]),
        (["--size", "3"], ["'--size'", "multipleOf 2"]),
        (["--size", "2", "--size", "4", "--size", "6", "--size", "8"], ["'--size'", "maxItems 3"]),
        (["--tag", "a", "--tag", "a"], ["'--tag'", "uniqueItems"]),
        (["--ratio", "2"], ["'--ratio'", "maximum 1"]),
        (["--meta", "{x: y}"], ["'--meta'", "x: must be an integer"]),
        (["--session", "bad"], ["'--session'", "pattern ^s_[a-z]+$"]),
        (["--filter", "{weight: 0}"], ["'--filter'", "weight", "exclusiveMinimum 0"]),
        (["--kind", "[1]"], ["'--kind'", "none of the allowed types"]),
    ]
    for extra, needles in cases:
        assert_usage_error(kit(kitchen, echo, *base, *extra), *needles)
    assert_usage_error(
        kit(kitchen, echo, "widgets", "update-part", "0", "lid", "--level", "1"),
        "WIDGET_ID",
        "minimum 1",
    )
    assert_usage_error(
        kit(kitchen, echo, "widgets", "update-part", "7", "top", "--level", "1"), "PART", "lid"
    )
    assert echo.requests == []


def test_files_binary_bodies_and_whole_json_bodies(kitchen: Path, echo: EchoServer, tmp_path):
    photo = tmp_path / "cat.png"
    photo.write_bytes(b"\x89PNG\r\n\x00binary")
    upload = kit(
        kitchen, echo, "widgets", "upload-photo", "3", "--file", str(photo), "--caption", "hi"
    )
    assert upload.returncode == 0, upload.stderr
    blob_flag = kit(kitchen, echo, "blobs", "put", "--body", f"@{photo}")
    blob_stdin = kit(kitchen, echo, "blobs", "put", stdin=b"\x00\x01raw")
    notes_flag = kit(kitchen, echo, "blobs", "put-notes", "--body", '["a", "b"]')
    notes_yaml = kit(kitchen, echo, "blobs", "put-notes", stdin="- c\n- d\n")
    for result in (blob_flag, blob_stdin, notes_flag, notes_yaml):
        assert result.returncode == 0, result.stderr
    multipart, blob1, blob2, notes1, notes2 = echo.requests
    assert multipart.path == "/widgets/3/photo"
    assert multipart.headers["content-type"].startswith("multipart/form-data; boundary=")
    assert b'filename="cat.png"' in multipart.body and b"\x89PNG\r\n\x00binary" in multipart.body
    assert b'name="caption"' in multipart.body
    assert (blob1.body, blob1.headers["content-type"]) == (
        b"\x89PNG\r\n\x00binary",
        "application/octet-stream",
    )
    assert blob2.body == b"\x00\x01raw"
    assert (notes1.json(), notes2.json()) == (["a", "b"], ["c", "d"])
    assert_usage_error(kit(kitchen, echo, "blobs", "put-notes", "--body", "[]"), "minItems 1")
    assert_usage_error(kit(kitchen, echo, "blobs", "put-notes", stdin='[""]'), "minLength 1")
    assert_usage_error(kit(kitchen, echo, "blobs", "put-notes"), "Missing option '--body'")
    assert_usage_error(
        kit(kitchen, echo, "widgets", "upload-photo", "3", "--file", str(tmp_path / "no.png")),
        "'--file'",
        "cannot read the file",
    )
    assert len(echo.requests) == 5


def test_text_responses_are_printed_as_they_are(kitchen: Path, echo: EchoServer):
    echo.routes[("GET", "/health")] = (200, "text/plain", b"all good\n")
    result = kit(kitchen, echo, "health", "get", "--format", "json")
    assert (result.returncode, result.stdout) == (0, "all good\n"), result.stderr


def test_generated_cli_has_help_for_every_command(kitchen: Path, echo: EchoServer):
    text = " ".join(kit(kitchen, echo, "widgets", "update-part", "--help").stdout.split())
    for needle in (
        "[OPTIONS] [WIDGET_ID] [PART]",
        "PUT /widgets/{widget_id}/parts/{part}",
        "--level [1|2|3] [required]",
        "--enabled / --no-enabled",
        "--size INTEGER Sizes to include [repeatable; multipleOf 2; minItems 1; maxItems 3]",
        "--filter JSON [JSON or YAML: object { color, weight }; or one field at a time: --filter.FIELD VALUE]",
        "--note TEXT [nullable]",
        "--kind JSON [JSON or YAML: string or integer]",
    ):
        assert needle in text, (needle, text)
