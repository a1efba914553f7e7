"""The fixture corpus: one small document per feature, hostile name, injection and flaw.

Each folder under ``tests/fixtures/corpus`` holds ``openapi.yaml`` (or
``.json``, plus any files it references) and ``expect.yaml``:

* ``outcome: generated`` -- the command line writes the output with exactly
  the listed generator warnings (and ``validator_findings`` more from
  the check against the OpenAPI JSON Schema); every ``.py`` compiles, the SDK imports (every
  model's and method's annotations resolve), every SDK method sends each of
  its parameters under its wire name, ``--help`` runs for the CLI and every
  group and command, the docs hold no markup from the spec, and ``--strict``
  refuses a document with warnings. ``mypy: true`` also type-checks the types
  the model produced. ``known_target_gaps`` (and ``known_mypy_gaps``) list
  problems a target still has: the test fails on any other, and reports the
  ones that went away.
* ``outcome: error`` -- exit 2, no traceback, the listed text in the message,
  and a previously generated output folder left byte for byte as it was.
"""

from __future__ import annotations

import warnings
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest
import yaml

from generator.errors import Diagnostics
from generator.pipeline import Inputs, load_api
from tests import harness
from tests.conftest import ROOT, run_generator

CORPUS = ROOT / "tests" / "fixtures" / "corpus"


@dataclass(frozen=True)
class Case:
    name: str
    spec: Path
    expect: dict[str, Any]

    @property
    def relative_spec(self) -> Path:
        return self.spec.relative_to(ROOT)


def _cases() -> list[Case]:
    out = []
    for folder in sorted(p for p in CORPUS.iterdir() if (p / "expect.yaml").is_file()):
        (spec,) = [p for p in folder.iterdir() if p.stem == "openapi"]
        expect = yaml.safe_load((folder / "expect.yaml").read_text(encoding="utf-8"))
        out.append(Case(folder.name, spec, expect))
    return out


CASES = _cases()
GENERATED = [c for c in CASES if c.expect["outcome"] == "generated"]
REFUSED = [c for c in CASES if c.expect["outcome"] == "error"]


def test_the_corpus_covers_both_outcomes():
    assert len(GENERATED) >= 10 and len(REFUSED) >= 10
    assert {c.expect["outcome"] for c in CASES} == {"generated", "error"}


def _match_warnings(actual: list[str], expected: list[str]) -> list[str]:
    """Pair each expected substring with one distinct warning; report the rest."""
    left = list(actual)
    problems = []
    for needle in expected:
        hit = next((w for w in left if needle in w), None)
        if hit is None:
            problems.append(f"expected warning not given: {needle}")
        else:
            left.remove(hit)
    problems += [f"unexpected warning: {w}" for w in left]
    return problems


@pytest.fixture(scope="module")
def baseline(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A good output folder, to prove a refused document leaves it alone."""
    out = tmp_path_factory.mktemp("baseline") / "out"
    result = run_generator(
        "generate", "--spec", "tests/fixtures/corpus/bodies/openapi.yaml", "--out", str(out)
    )
    assert result.returncode == 0, result.stderr
    return out


def _tree_bytes(folder: Path) -> dict[str, bytes]:
    return {
        p.relative_to(folder).as_posix(): p.read_bytes() for p in folder.rglob("*") if p.is_file()
    }


def _check_problems(case: Case, problems: list[str], key: str = "known_target_gaps") -> None:
    """Fail on any problem but the fixture's known target gaps (listed under ``key``)."""
    gaps = case.expect.get(key) or []
    unexpected = [p for p in problems if not any(g in p for g in gaps)]
    assert not unexpected, "\n".join(unexpected)
    for gap in gaps:
        if not any(gap in p for p in problems):
            warnings.warn(f"{case.name}: a known target gap is gone: {gap}", stacklevel=2)


@pytest.mark.parametrize("case", GENERATED, ids=lambda c: c.name)
def test_generates(case: Case, tmp_path: Path):
    diagnostics = Diagnostics()
    api = load_api(Inputs(case.relative_spec, validate=False), diagnostics)
    generator_warnings = [str(d) for d in diagnostics.items]
    assert not _match_warnings(generator_warnings, case.expect["warnings"] or [])

    out = tmp_path / "out"
    result = run_generator("generate", "--spec", str(case.relative_spec), "--out", str(out))
    assert result.returncode == 0, result.stderr
    assert "Traceback" not in result.stderr
    total = len(generator_warnings) + case.expect["validator_findings"]
    assert result.stdout.rstrip().endswith(f"; {total} warning" + ("" if total == 1 else "s")), (
        result.stdout
    )

    problems = harness.full_check(out)
    if not problems:
        problems += harness.call_sdk(harness.tree(out), api)
    _check_problems(case, problems)

    if total:
        strict = run_generator(
            "generate",
            "--spec",
            str(case.relative_spec),
            "--out",
            str(tmp_path / "strict"),
            "--strict",
        )
        assert strict.returncode == 2 and "--strict" in strict.stderr, strict.stderr
        assert not (tmp_path / "strict").exists()


@pytest.mark.parametrize(
    "case", [c for c in GENERATED if c.expect.get("mypy")], ids=lambda c: c.name
)
def test_model_types_type_check(case: Case, tmp_path: Path):
    """The SDK types built from the model pass ``mypy --strict``."""
    out = tmp_path / "out"
    result = run_generator("generate", "--spec", str(case.relative_spec), "--out", str(out))
    assert result.returncode == 0, result.stderr
    problems = harness.mypy_sdk(harness.tree(out), modules="types")
    _check_problems(case, problems, "known_mypy_gaps")


@pytest.mark.parametrize("case", REFUSED, ids=lambda c: c.name)
def test_refused(case: Case, baseline: Path):
    before = _tree_bytes(baseline)
    result = run_generator(
        "generate", "--spec", str(case.spec.relative_to(CORPUS)), "--out", str(baseline), cwd=CORPUS
    )
    assert result.returncode == 2, result.stdout + result.stderr
    assert "Traceback" not in result.stderr and "internal error" not in result.stderr
    assert len(result.stderr.splitlines()) <= 25
    for needle in case.expect["error"]:
        assert needle in result.stderr, result.stderr
    assert _tree_bytes(baseline) == before


_OPEN_ENUMS = r"""
import sys, httpx, importlib
name = sys.argv[1]
client_mod = importlib.import_module(name + "._client")
thing = {"id": "7", "kind": "crate", "count": 1, "color": "ultraviolet", "size": 99}
client = getattr(client_mod, client_mod.__all__[0])(
    base_url="http://127.0.0.1:9",
    http_client=httpx.Client(transport=httpx.MockTransport(lambda r: httpx.Response(200, json=thing))),
)
result = client.things.get("7")
assert (result.kind, result.color, result.size) == ("crate", "ultraviolet", 99), result
print("[]")
"""


def test_response_enums_are_open(tmp_path: Path):
    """A value a newer server added to an enum (or a const) still parses."""
    out = tmp_path / "out"
    spec = "tests/fixtures/corpus/types-31/openapi.yaml"
    assert run_generator("generate", "--spec", spec, "--out", str(out)).returncode == 0
    t = harness.tree(out)
    assert not harness._run_python(t, _OPEN_ENUMS, t.sdk_package)
