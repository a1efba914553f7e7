"""The stages in order: load -> validate -> resolve -> build -> render -> format.

Each function here is one step a caller may want on its own (tests use
:func:`load_api` to inspect the model; the command line runs them all).
"""

from __future__ import annotations

import multiprocessing
import os
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

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


#: From this many operations on, the docs render in a second process while
#: the SDK and CLI render in this one (below it, forking costs more).
PARALLEL_FROM_OPERATIONS = 100


def render_api(
    api: API, *, formatted: bool = True, timings: Timings | None = None, jobs: int | None = None
) -> dict[str, str]:
    """Every output file, keyed by its path under the out folder.

    On a multi-core machine a large API's docs are rendered in a forked
    process beside the SDK and CLI; the result is the same either way (each
    target is a pure function of the model). ``jobs=1`` renders in turn.
    """
    timings = timings or Timings()
    rendered: dict[str, dict[str, str]] = {}
    aside = _DocsAside.start(api, jobs)
    try:
        for folder, render in TARGETS:
            if aside is not None and folder == "docs":
                continue
            with timings.stage(f"render {folder}"):
                rendered[folder] = render(api)
        if aside is not None:
            with timings.stage("render docs (wait)"):
                rendered["docs"], seconds = aside.result()
            timings.stages["render docs"] = seconds
    finally:
        if aside is not None:
            aside.stop()
    files = {
        f"{folder}/{rel}": text for folder, _ in TARGETS for rel, text in rendered[folder].items()
    }
    if not formatted:
        return files
    with timings.stage("format"):
        return format_files(files, jobs=jobs)


class _DocsAside:
    """The docs target rendering in a forked child, which sends its files back
    through a pipe. The child gets the model with the parent's memory, so
    nothing is pickled on the way in."""

    def __init__(self, api: API):
        context = multiprocessing.get_context("fork")
        self._receive, send = context.Pipe(duplex=False)
        self._api = api
        self._process = context.Process(target=self._child, args=(send,), daemon=True)
        self._process.start()
        send.close()

    @classmethod
    def start(cls, api: API, jobs: int | None) -> _DocsAside | None:
        workers = jobs if jobs is not None else (os.cpu_count() or 1)
        if (
            workers < 2
            or len(api.all_operations()) < PARALLEL_FROM_OPERATIONS
            or "fork" not in multiprocessing.get_all_start_methods()
        ):
            return None
        return cls(api)

    def _child(self, send: Any) -> None:
        started = time.perf_counter()
        try:
            send.send(("ok", docs.render_docs(self._api), time.perf_counter() - started))
        except BaseException as exc:  # reported by the parent, which renders again
            send.send(("failed", f"{type(exc).__name__}: {exc}", 0.0))

    def result(self) -> tuple[dict[str, str], float]:
        try:
            status, payload, seconds = self._receive.recv()
        except (EOFError, OSError):
            status, payload, seconds = "failed", "the process ended", 0.0
        if status != "ok":
            # Render here instead: a real bug in the docs target then raises
            # with its traceback in this process.
            started = time.perf_counter()
            return docs.render_docs(self._api), time.perf_counter() - started
        return payload, seconds

    def stop(self) -> None:
        self._receive.close()
        self._process.join(timeout=5)
        if self._process.is_alive():
            self._process.kill()


def generate(
    inputs: Inputs,
    diagnostics: Diagnostics,
    timings: Timings | None = None,
    jobs: int | None = None,
) -> dict[str, str]:
    """Load and render (on ``jobs`` processes, default: every core); nothing is written."""
    return render_api(load_api(inputs, diagnostics, timings), timings=timings, jobs=jobs)
