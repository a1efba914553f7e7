"""Work grows with the document, not faster: templates compile once, each
``$ref`` is resolved once, and the calls made grow linearly with the number
of operations (counted, not timed: timings belong in bench/)."""

from __future__ import annotations

import json
import sys
from collections import Counter
from pathlib import Path
from typing import Any

import jinja2
import pytest

from generator import render
from generator.errors import Diagnostics
from generator.pipeline import Inputs, load_api, render_api
from generator.refs import Resolver
from tests.conftest import ROOT
from tests.test_large import big_document

sys.path.insert(0, str(ROOT / "bench"))
import synth  # noqa: E402


def _write(tmp_path: Path, name: str, doc: dict[str, Any]) -> Path:
    path = tmp_path / f"{name}.json"
    path.write_text(json.dumps(doc))
    return path


def test_each_template_is_compiled_once(monkeypatch, tmp_path: Path) -> None:
    compiled: Counter[tuple[str, str]] = Counter()  # (target's folder, template)
    real = jinja2.Environment.compile

    def counting(self: jinja2.Environment, source: Any, name: str | None = None, *a: Any, **k: Any):
        folder = getattr(self.loader, "searchpath", ["?"])[0]
        compiled[(Path(folder).name, name or "?")] += 1
        return real(self, source, name, *a, **k)

    monkeypatch.setattr(jinja2.Environment, "compile", counting)
    render.environment.cache_clear()
    try:
        spec = _write(tmp_path, "big", synth.document(120))
        api = load_api(Inputs(spec, validate=False), Diagnostics())
        render_api(api, formatted=False, jobs=1)
        first = dict(compiled)
        assert len(first) > 10
        assert set(first.values()) == {1}  # every template once, however many pages use it
        render_api(api, formatted=False, jobs=1)
        assert dict(compiled) == first  # and never again in the same process
    finally:
        render.environment.cache_clear()


def test_each_ref_is_resolved_once(monkeypatch, tmp_path: Path) -> None:
    lookups: Counter[tuple[str, str]] = Counter()
    misses: Counter[tuple[str, str]] = Counter()
    real = Resolver.lookup

    def counting(self: Resolver, ref: Any, at: Any) -> Any:
        key = (at.doc.display, ref)
        lookups[key] += 1
        if key not in self._cache:
            misses[key] += 1
        return real(self, ref, at)

    monkeypatch.setattr(Resolver, "lookup", counting)
    spec = _write(tmp_path, "big", synth.document(100))
    load_api(Inputs(spec, validate=False), Diagnostics())
    assert sum(lookups.values()) > 2 * len(lookups)  # refs are met many times...
    assert set(misses.values()) == {1}  # ...and each is worked out once
    assert set(misses) == set(lookups)


def _calls(spec: Path) -> int:
    """Python and C function calls made to load, model, render and format ``spec``."""
    count = 0

    def profile(frame: Any, event: str, arg: Any) -> None:
        nonlocal count
        if event in ("call", "c_call"):
            count += 1

    # Once unmeasured: imports, compiled templates and regular expressions warmed.
    render_api(load_api(Inputs(spec, validate=False), Diagnostics()), jobs=1)
    sys.setprofile(profile)
    try:
        render_api(load_api(Inputs(spec, validate=False), Diagnostics()), jobs=1)
    finally:
        sys.setprofile(None)
    return count


@pytest.mark.parametrize(
    ("make", "sizes"),
    [
        # Resources of five operations each: more resources, models, pages.
        pytest.param(synth.document, (100, 200, 300), id="more resources"),
        # 60 resources that grow: more methods and models per module and page.
        pytest.param(lambda n: big_document(n, 3), (240, 480, 720), id="bigger resources"),
    ],
)
def test_work_grows_linearly_with_the_operations(
    make: Any, sizes: tuple[int, int, int], monkeypatch, tmp_path: Path
) -> None:
    from generator.targets.docs import navigation

    monkeypatch.setenv("OPENAPI_FORGE_CACHE", "off")  # the format check runs on every file
    # The sidebar shows a bounded window of a resource's methods; made small
    # here so it is full at these sizes, as it is in any large API.
    monkeypatch.setattr(navigation, "NAV_METHODS", 3)
    small, middle, large = (_calls(_write(tmp_path, str(n), make(n))) for n in sizes)
    # Equal steps in size cost equal numbers of calls: a step that cost more
    # than the one before it means work growing faster than the document (a
    # quadratic term of a few percent of the total shows up several times over).
    first, second = middle - small, large - middle
    assert first > 0
    assert abs(second - first) / first <= 0.01, (small, middle, large)
