"""Generated Python is black's output as rendered, so the formatting stage runs no black.

For the default spec, every fixture and every corpus document that generates,
each rendered ``.py`` file is checked two ways: black leaves it unchanged, and
``needs_black`` (the formatting stage's cheap test) clears it. The second
half checks that ``needs_black`` is not blind: files with the slips a template
or the layout rule could make are flagged whenever black would change them.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache
from pathlib import Path

import pytest
import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from generator.errors import Diagnostics
from generator.formatting import format_files, format_python, needing_black, needs_black
from generator.pipeline import Inputs, load_api
from generator.targets import cli, mcp, sdk
from tests.conftest import ROOT

FIXTURES = ROOT / "tests" / "fixtures"


@dataclass(frozen=True)
class Spec:
    name: str
    spec: Path
    config: Path | None


def _specs() -> list[Spec]:
    out = [Spec("default", ROOT / "spec/openapi.yaml", ROOT / "spec/generator.yaml")]
    for spec in sorted(FIXTURES.glob("*/openapi.*")):
        config = spec.parent / "generator.yaml"
        out.append(Spec(spec.parent.name, spec, config if config.exists() else None))
    for folder in sorted((FIXTURES / "corpus").iterdir()):
        expect = folder / "expect.yaml"
        if not expect.is_file():
            continue
        if yaml.safe_load(expect.read_text(encoding="utf-8"))["outcome"] != "generated":
            continue
        (spec,) = [p for p in folder.iterdir() if p.stem == "openapi"]
        config = folder / "generator.yaml"
        out.append(Spec(f"corpus/{folder.name}", spec, config if config.exists() else None))
    return out


SPECS = _specs()


@cache
def _python_files(spec: Spec) -> dict[str, str]:
    """The SDK's, CLI's and MCP server's ``.py`` files for ``spec``, as rendered (before formatting)."""
    api = load_api(Inputs(spec.spec, spec.config, validate=False), Diagnostics())
    files = {f"sdk/{p}": t for p, t in sdk.render_sdk(api).items()}
    files.update({f"cli/{p}": t for p, t in cli.render_cli(api).items()})
    files.update({f"mcp/{p}": t for p, t in mcp.render_mcp(api).items()})
    return {p: t for p, t in files.items() if p.endswith(".py")}


def test_every_kind_of_spec_is_covered():
    names = {s.name for s in SPECS}
    assert {"default", "petstore", "sdk_edge_cases", "cli_kitchen"} <= names
    assert sum(n.startswith("corpus/") for n in names) >= 10


@pytest.mark.parametrize("spec", SPECS, ids=lambda s: s.name)
def test_rendered_python_is_black_output(spec: Spec):
    files = _python_files(spec)
    assert len(files) > 20
    assert needing_black(files) == []
    changed = [path for path, text in files.items() if format_python(text, path) != text]
    assert changed == []


def test_format_files_runs_black_only_where_needed(monkeypatch: pytest.MonkeyPatch):
    import generator.formatting as formatting

    formatted: list[str] = []
    real = formatting._format_pair

    def spy(item: tuple[str, str]) -> tuple[str, str]:
        formatted.append(item[0])
        return real(item)

    monkeypatch.setattr(formatting, "_format_pair", spy)
    monkeypatch.setenv("OPENAPI_FORGE_CACHE", "off")
    files = dict(_python_files(SPECS[0]))
    untouched = dict(files)
    files["sdk/extra.py"] = "x = [1,2 ,3]\n"  # not black's style
    files["README.md"] = "not python  \n"
    out = format_files(files, jobs=1)
    assert formatted == ["sdk/extra.py"]
    assert out["sdk/extra.py"] == "x = [1, 2, 3]\n"
    assert out["README.md"] == "not python  \n"
    assert all(out[p] is untouched[p] or out[p] == untouched[p] for p in untouched)


def test_texts_cleared_once_are_not_tested_again(monkeypatch, tmp_path: Path):
    import generator.formatting as formatting

    tested: list[str] = []
    real = formatting.needs_black

    def spy(text: str) -> bool:
        tested.append(text)
        return real(text)

    monkeypatch.setattr(formatting, "needs_black", spy)
    monkeypatch.setenv("OPENAPI_FORGE_CACHE", str(tmp_path / "cache"))
    files = {"sdk/a.py": "a = 1\n", "sdk/b.py": "b = 2\n", "sdk/bad.py": "x = [1,2 ,3]\n"}
    first = format_files(files, jobs=1)
    assert sorted(tested) == sorted(files.values())
    (record,) = (tmp_path / "cache").glob("clean-*")
    assert record.stat().st_size == 32  # a.py and b.py: cleared; bad.py: flagged, not kept

    tested.clear()
    changed = {**files, "sdk/b.py": "b = 3\n"}
    again = format_files(changed, jobs=1)
    assert tested == ["b = 3\n", "x = [1,2 ,3]\n"]  # a.py is known; the rest is tested
    assert again["sdk/bad.py"] == first["sdk/bad.py"] == "x = [1, 2, 3]\n"
    assert record.stat().st_size == 48

    # Another version of the test starts afresh; so does a torn record file.
    tested.clear()
    monkeypatch.setattr(formatting, "_test_fingerprint", lambda: "another")
    format_files(files, jobs=1)
    assert len(tested) == 3
    torn = tmp_path / "cache" / "clean-another"
    torn.write_bytes(torn.read_bytes()[:-1])
    tested.clear()
    format_files(files, jobs=1)
    assert len(tested) == 3
    assert torn.stat().st_size == 32

    # Without a cache every text is tested every time.
    monkeypatch.setenv("OPENAPI_FORGE_CACHE", "off")
    tested.clear()
    format_files(files, jobs=1)
    format_files(files, jobs=1)
    assert len(tested) == 6


def test_the_test_fingerprint_follows_its_source(monkeypatch, tmp_path: Path):
    import shutil

    import generator.formatting as formatting

    here = Path(formatting.__file__).parent
    for module in ("formatting.py", "pycode.py", "escape.py"):
        shutil.copy(here / module, tmp_path / module)
    monkeypatch.setattr(formatting, "__file__", str(tmp_path / "formatting.py"))

    def fingerprint() -> str:
        formatting._test_fingerprint.cache_clear()
        return formatting._test_fingerprint()

    try:
        first = fingerprint()
        assert re.fullmatch(r"[0-9a-f]{16}", first)
        assert fingerprint() == first  # deterministic
        with (tmp_path / "pycode.py").open("a") as handle:
            handle.write("# a change to the width rules\n")
        assert fingerprint() != first
    finally:
        formatting._test_fingerprint.cache_clear()


# --- needs_black sees what black would change ---------------------------------------------

#: Slips a template or the layout rule could make, each as (pattern, replacement).
_SLIPS = {
    # A construct left on one line (the layout rule did not act).
    "joined": None,
    "blank line dropped": (r"\n\n(?=\S| )", "\n"),
    "blank line added": (r"\n(?=\S| )", "\n\n"),
    "trailing space": (r"(?<=\S)\n", " \n"),
    "space before a closer": (r",\n(\s*)([)\]}])", r", \2"),
    "tab indent": (r"\n    (?=\S)", "\n\t"),
    "empty brackets split": (r"\(\)", "(\n)"),
}


def _join_construct(text: str, which: int) -> str:
    """``text`` with one bracket construct split over lines put back on one line."""
    opens = [m for m in re.finditer(r"[(\[{]\n", text)]
    if not opens:
        return text
    start = opens[which % len(opens)].start() + 1
    depth, at = 1, start
    while depth and at < len(text):
        depth += {"(": 1, "[": 1, "{": 1, ")": -1, "]": -1, "}": -1}.get(text[at], 0)
        at += 1
    inner = text[start : at - 1]
    if '"""' in inner or "#" in inner:
        return text
    joined = re.sub(r",?\s*\n\s*", ", ", inner.strip()).rstrip(", ")
    return text[:start] + joined + text[at - 1 :]


@given(
    st.sampled_from(SPECS[:5]),
    st.integers(0, 10_000),
    st.sampled_from(sorted(_SLIPS)),
    st.integers(0, 10_000),
)
@settings(max_examples=120, deadline=None, suppress_health_check=[HealthCheck.too_slow])
def test_needs_black_flags_what_black_would_change(
    spec: Spec, file_index: int, slip: str, where: int
):
    files = _python_files(spec)
    path = sorted(files)[file_index % len(files)]
    text = files[path]
    if slip == "joined":
        slipped = _join_construct(text, where)
    else:
        pattern, replacement = _SLIPS[slip] or ("", "")
        matches = list(re.finditer(pattern, text))
        if not matches:
            return
        match = matches[where % len(matches)]
        slipped = text[: match.start()] + match.expand(replacement) + text[match.end() :]
    try:
        formatted = format_python(slipped, path)
    except Exception:
        return  # the slip broke the syntax: not a layout question
    if formatted != slipped:
        assert needs_black(slipped), f"{slip} in {path} not flagged"


def test_a_one_line_import_in_brackets_is_flagged():
    """black drops the brackets of ``from x import (a, b)`` when it fits one line
    (found by the property test above on the SDK's _streaming.py)."""
    text = "from typing import (Any, List)\n\nx: List[Any] = []\n"
    assert format_python(text) != text and needs_black(text)
    kept = "from typing import Any, List\n\nx: List[Any] = []\n"
    assert format_python(kept) == kept and not needs_black(kept)
    quoted = 'x = "from typing import (Any, List)"\n'
    assert not needs_black(quoted)


def test_commas_inside_a_long_string_line_are_not_trailing_commas():
    """JSON text in one literal (the CLI's schemas): a suspect comma every few
    characters, all inside the string, so black has nothing to do."""
    values = ",".join(f'"value-{i}"' for i in range(3000))
    text = f'SCHEMAS = {{\n    "kind": \'{{"enum":[{values}]}}\',\n}}\n'
    assert format_python(text, "schemas.py") == text
    assert not needs_black(text)
    spaced = text.replace("'{", "'{ ").replace("SCHEMAS = {\n", "SCHEMAS = {\n    1,2,\n")
    assert needs_black(spaced)
