"""The stages in order: load -> validate -> resolve -> build -> render -> format.

Each function here is one step a caller may want on its own (tests use
:func:`load_api` to inspect the model; the command line runs them all).
"""

from __future__ import annotations

import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path

from .build import build_api
from .config import Config, load_config
from .errors import Diagnostics, SpecError
from .formatting import format_files
from .loader import load_file
from .model import API
from .refs import Resolver
from .targets import cli, docs, sdk
from .validate import check_refs, check_structure, check_version, validate_document

#: Output folders, each filled by one target.
TARGETS = (("sdk", sdk.render_sdk), ("cli", cli.render_cli), ("docs", docs.render_docs))


@dataclass(frozen=True)
class Inputs:
    spec: Path
    config: Path | None = None
    #: Check the document against the OpenAPI JSON Schema (findings are warnings
    #: when generating).
    validate: bool = True
    #: Run openapi-spec-validator instead: the schema and its semantic rules (slow).
    full_validation: bool = False


@dataclass
class Timings:
    """Wall time spent in each stage of one run (``--timings``)."""

    stages: dict[str, float] = field(default_factory=dict)

    @contextmanager
    def stage(self, name: str) -> Iterator[None]:
        started = time.perf_counter()
        try:
            yield
        finally:
            self.stages[name] = self.stages.get(name, 0.0) + time.perf_counter() - started

    def __str__(self) -> str:
        return ", ".join(f"{name} {seconds:.2f}s" for name, seconds in self.stages.items())


def load_api(inputs: Inputs, diagnostics: Diagnostics, timings: Timings | None = None) -> API:
    """Load, check and model the document; raise :class:`SpecError`/:class:`ConfigError`."""
    timings = timings or Timings()
    with timings.stage("load"):
        doc = load_file(inputs.spec, str(inputs.spec))
        version = check_version(doc)
        resolver = Resolver(doc)
        check_refs(doc, resolver)
    with timings.stage("validate"):
        if inputs.full_validation:
            diagnostics.items.extend(validate_document(doc, version))
        elif inputs.validate:
            diagnostics.items.extend(check_structure(doc, version))
    with timings.stage("model"):
        config = (
            load_config(inputs.config, str(inputs.config)) if inputs.config else Config(file=None)
        )
        try:
            api = build_api(doc, config, resolver, diagnostics)
        except RecursionError:
            raise SpecError("schemas nest too deeply to generate", file=doc.display) from None
    # What reading each file noticed (keys given twice) comes first.
    diagnostics.items[:0] = [p for d in resolver.documents() for p in d.problems]
    return api


def render_api(
    api: API, *, formatted: bool = True, timings: Timings | None = None
) -> dict[str, str]:
    """Every output file, keyed by its path under the out folder."""
    timings = timings or Timings()
    files: dict[str, str] = {}
    for folder, render in TARGETS:
        with timings.stage(f"render {folder}"):
            for rel, text in render(api).items():
                files[f"{folder}/{rel}"] = text
    if not formatted:
        return files
    with timings.stage("format"):
        return format_files(files)


def generate(
    inputs: Inputs, diagnostics: Diagnostics, timings: Timings | None = None
) -> dict[str, str]:
    """Load and render; nothing is written."""
    return render_api(load_api(inputs, diagnostics, timings), timings=timings)
