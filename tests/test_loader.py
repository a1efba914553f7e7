from __future__ import annotations

import time
from pathlib import Path

import pytest

from generator.errors import SpecError
from generator.loader import load_file, load_text


def load(text: str):
    return load_text(text, path=Path("/tmp/x.yaml"), display="x.yaml")


def test_yaml_scalars_keep_their_json_meaning():
    doc = load("a: 2024-01-02\nb: on\nc: yes\nd: 1:20\ne: true\nf: 0x1F\ng: 1.5e3\nh: ~\n200: ok\n")
    assert doc.data == {
        "a": "2024-01-02",
        "b": "on",
        "c": "yes",
        "d": "1:20",
        "e": True,
        "f": 31,
        "g": 1500.0,
        "h": None,
        200: "ok",
    }


def test_explicit_timestamp_tag_stays_text():
    assert load("a: !!timestamp 2001-12-14t21:59:43.10-05:00\n").data == {
        "a": "2001-12-14t21:59:43.10-05:00"
    }


def test_json_is_read_as_json():
    doc = load_text('{"openapi": "3.1.0", "x": [1, 2]}', path=Path("/tmp/x.json"), display="x.json")
    assert doc.is_json and doc.data == {"openapi": "3.1.0", "x": [1, 2]}


def test_invalid_yaml_reports_the_line():
    with pytest.raises(SpecError) as err:
        load("a: 1\nb: [1, 2\nc: 3\n")
    assert err.value.line is not None and err.value.line >= 2
    assert "invalid YAML" in err.value.message


def test_invalid_json_reports_the_line():
    with pytest.raises(SpecError) as err:
        load_text('{\n"a": 1,\n"b": }', path=Path("/tmp/x.json"), display="x.json")
    assert err.value.line == 3


def test_line_of_pointer():
    doc = load("openapi: 3.1.0\npaths:\n  /pets:\n    get:\n      summary: x\n")
    assert doc.line_of("/paths/~1pets/get") == 4
    assert doc.line_of("/paths/~1pets/get/summary") == 5
    assert doc.line_of("/paths/~1missing") == 2  # nearest parent


_JSON_LINES = """{
  "openapi": "3.1.0",
  "paths": {
    "/pets": {"get": {"summary": "x \\" } ] {", "tags": ["a",
      "b"]},
      "post" : {}},
    "/pets/{id}":
      {"get": {"responses": {"200": {"description": "ok"}}}}
  },
  "components": {"schemas": {"Pet": {"type": "object"},
    "Pet": {"type": "string"}}},
  "x": [[], [1,
    2], {"~/": 3}]
}
"""


@pytest.mark.parametrize(
    "pointer",
    [
        "",
        "/openapi",
        "/paths",
        "/paths/~1pets/get",
        "/paths/~1pets/get/summary",
        "/paths/~1pets/get/tags/1",
        "/paths/~1pets/post",
        "/paths/~1pets~1{id}/get/responses/200/description",
        "/paths/~1missing",
        "/paths/~1pets/get/tags/7",
        "/components/schemas/Pet",
        "/x/1/1",
        "/x/2/~0~1",
        "/x/not-an-index",
    ],
)
def test_line_of_pointer_in_json_matches_the_yaml_reading(pointer: str):
    """JSON is located by its own scanner; the same text read as YAML (JSON is
    YAML) gives the reference answer, nearest parent and duplicates included."""
    as_json = load_text(_JSON_LINES, path=Path("/tmp/x.json"), display="x.json")
    as_yaml = load_text(_JSON_LINES, path=Path("/tmp/x.yaml"), display="x.yaml")
    assert as_json.line_of(pointer) == as_yaml.line_of(pointer) is not None
    assert as_json.line_of(pointer) == as_json.line_of(pointer)  # resumed scans agree


def test_alias_bomb_is_refused_quickly():
    lines = ["a0: &a0 [x, x, x, x, x, x, x, x, x, x]"]
    for i in range(1, 12):
        prev = f"*a{i - 1}"
        lines.append(f"a{i}: &a{i} [{', '.join([prev] * 10)}]")
    started = time.monotonic()
    with pytest.raises(SpecError, match="expands"):
        load("\n".join(lines) + "\n")
    assert time.monotonic() - started < 10


def test_harmless_aliases_are_fine():
    doc = load("base: &b {type: string}\nother: *b\n")
    assert doc.data["other"] == {"type": "string"}


def test_deep_nesting_is_refused():
    text = "a: " + "[" * 5000 + "]" * 5000 + "\n"
    with pytest.raises(SpecError, match="nest"):
        load(text)
    deep_json = "[" * 100000 + "]" * 100000
    with pytest.raises(SpecError, match="nest"):
        load_text(deep_json, path=Path("/tmp/x.json"), display="x.json")


def test_missing_file(tmp_path: Path):
    with pytest.raises(SpecError, match="no such file"):
        load_file(tmp_path / "nope.yaml")


def test_not_utf8(tmp_path: Path):
    path = tmp_path / "bad.yaml"
    path.write_bytes(b"a: \xff\xfe\n")
    with pytest.raises(SpecError, match="UTF-8"):
        load_file(path)
