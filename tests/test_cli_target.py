"""The CLI target itself: literals are safe, hostile spec text cannot break the code."""

from __future__ import annotations

import ast
import json
import math
import subprocess
import sys
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from generator.targets.cli import first_sentence, py_literal
from tests.conftest import run_generator

json_values = st.recursive(
    st.none()
    | st.booleans()
    | st.integers()
    | st.floats(allow_nan=False, allow_infinity=False)
    | st.text(),
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(st.text(), inner, max_size=4),
    max_leaves=20,
)


@given(json_values)
def test_py_literal_round_trips_any_json_value(value):
    assert ast.literal_eval(py_literal(value)) == value


def test_py_literal_has_no_literal_for_non_finite_floats():
    assert py_literal([math.inf, -math.inf, math.nan]) == "[None, None, None]"
    assert py_literal(("only",)) == "('only',)" or py_literal(("only",)) == '("only",)'


@pytest.mark.parametrize(
    ("text", "sentence"),
    [
        ("API keys authenticate requests. There are two types.", "API keys authenticate requests."),
        ("Version 1.2 is here", "Version 1.2 is here"),
        ("  spread \n over lines.  More", "spread over lines."),
        ("", ""),
    ],
)
def test_first_sentence(text, sentence):
    assert first_sentence(text) == sentence


EVIL = '"""; import os; os.system("x") #'
HOSTILE = {
    "openapi": "3.0.3",
    "info": {
        "title": 'Evil """ API',
        "version": "1",
        "description": 'Ends a docstring """ and {{ jinja }} and %s and \\ backslash',
    },
    "paths": {
        "/things/{thing-id}": {
            "post": {
                "operationId": 'do"Thing',
                "tags": ['t"ag'],
                "summary": 'Summary with """ quotes and a \x08 control',
                "description": "Line one.\n\n  Line two with \\n and ''' quotes.",
                "parameters": [
                    {
                        "name": "thing-id",
                        "in": "path",
                        "required": True,
                        "description": 'id """)',
                        "schema": {"type": "string", "pattern": "^[a-z\"']+$"},
                    },
                    {
                        "name": 'q"uote',
                        "in": "query",
                        "schema": {"type": "string", "enum": ['a"b', "c'd", "e\\f"]},
                    },
                ],
                "requestBody": {
                    "content": {
                        "application/json": {
                            "schema": {
                                "type": "object",
                                "properties": {
                                    'we"ird': {
                                        "type": "string",
                                        "description": EVIL,
                                        "maxLength": 3,
                                    }
                                },
                            }
                        }
                    }
                },
                "responses": {"200": {"description": "ok"}},
            }
        }
    },
}


def _section(text: str, title: str) -> list[str]:
    """First words of the lines of a help section."""
    body = text.split(title, 1)[1].split("\n\n", 1)[0]
    return [line.split()[0] for line in body.splitlines() if line.strip()]


def test_hostile_spec_text_generates_a_working_cli(tmp_path: Path):
    spec = tmp_path / "evil.json"
    spec.write_text(json.dumps(HOSTILE))
    out = tmp_path / "out"
    result = run_generator("generate", "--spec", str(spec), "--out", str(out))
    assert result.returncode == 0, result.stderr
    cli_src = out / "cli" / "src"
    for path in cli_src.rglob("*.py"):
        compile(path.read_text(), str(path), "exec")
    (package,) = [p.name for p in cli_src.iterdir() if p.is_dir() and not p.name.endswith("info")]
    env = {"PYTHONPATH": f"{out / 'sdk' / 'src'}:{cli_src}", "PATH": "/usr/bin:/bin"}
    root = subprocess.run(
        [sys.executable, "-m", package, "--help"], capture_output=True, text=True, env=env
    )
    assert root.returncode == 0, root.stderr
    assert 'Ends a docstring """ and {{ jinja }} and %s' in " ".join(root.stdout.split())
    (group,) = _section(root.stdout, "Commands:")
    group_help = subprocess.run(
        [sys.executable, "-m", package, group, "--help"], capture_output=True, text=True, env=env
    )
    (command,) = _section(group_help.stdout, "Commands:")
    help_run = subprocess.run(
        [sys.executable, "-m", package, group, command, "--help"],
        capture_output=True,
        text=True,
        env=env,
        timeout=60,
    )
    assert help_run.returncode == 0, help_run.stderr
    flat = " ".join(help_run.stdout.split())
    assert "Line two with \\n and ''' quotes." in flat
    assert "pattern ^[a-z\"']+$" in flat
    assert EVIL in flat
    assert "[a\"b|c'd|e\\f]" in flat
    assert "\x08" not in help_run.stdout
