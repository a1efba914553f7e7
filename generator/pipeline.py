"""The stages in order: load -> validate -> resolve -> build -> render -> format.

Each function here is one step a caller may want on its own (tests use
:func:`load_api` to inspect the model; the command line runs them all).
"""

from __future__ import annotations

import multiprocessing
import os
import time
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from .builder import build_api
from .config import Config, load_config
from .errors import Diagnostics, SpecError
from .formatting import format_files
from .loader import load_file
from .model import API
from .refs import Resolver
from .targets import cli, docs, mcp, sdk
from .transforms import apply_transforms
from .validate import check_refs, check_structure, check_version, validate_document
from .writer import Staging

#: Output folders, each filled by one target.
TARGETS = (
    ("sdk", sdk.render_sdk),
    ("cli", cli.render_cli),
    ("docs", docs.render_docs),
    ("mcp", mcp.render_mcp),
)


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
        # The config first: its transforms edit the document before anything reads it.
        config = (
            load_config(inputs.config, str(inputs.config)) if inputs.config else Config(file=None)
        )
        diagnostics.items.extend(config.warnings)
        diagnostics.notes.extend(config.notes)
        doc = load_file(inputs.spec, str(inputs.spec))
        if config.transforms:
            report = apply_transforms(doc.data, config.transforms, config.file or "")
            diagnostics.items.extend(report.warnings)
            diagnostics.notes.extend(report.notes)
        version = check_version(doc)
        resolver = Resolver(doc)
        check_refs(doc, resolver)
    with timings.stage("validate"):
        if inputs.full_validation:
            diagnostics.items.extend(validate_document(doc, version))
        elif inputs.validate:
            diagnostics.items.extend(check_structure(doc, version))
    with timings.stage("model"):
        try:
            api = build_api(doc, config, resolver, diagnostics)
        except RecursionError:
            raise SpecError("schemas nest too deeply to generate", file=doc.display) from None
    # What reading each file noticed (keys given twice) comes first.
    diagnostics.items[:0] = [p for d in resolver.documents() for p in d.problems]
    return api


#: From this many operations on, on a machine with more than one core, the
#: work is split over two processes (below it, forking costs more than it saves).
PARALLEL_FROM_OPERATIONS = 100
#: The targets a forked second process may render (and format) when the work
#: is split, in the order it takes them: the largest first. The SDK stays in
#: this process, which then takes what the child has not started (from the
#: end), so neither waits long for the other whichever is quicker: with the
#: format check cached, the SDK is done well before the docs.
#: ``docs/http`` is the second half of the docs (see :data:`UNITS`).
ASIDE = ("docs", "docs/http", "cli", "mcp")

#: The units of work each output folder is rendered in: a target whose work is
#: much larger than the others' is split in parts (the docs by language, see
#: ``docs.PARTS``) so that both processes share it; a part renders as a target.
UNITS = {"sdk": ("sdk",), "cli": ("cli",), "docs": ("docs", "docs/http"), "mcp": ("mcp",)}


def _docs_first_half(api: API) -> dict[str, str]:
    return docs.render_docs(api, "cli+python")


def _docs_second_half(api: API) -> dict[str, str]:
    return docs.render_docs(api, "http")


_RENDERERS = {**dict(TARGETS), "docs": _docs_first_half, "docs/http": _docs_second_half}


def render_api(
    api: API, *, formatted: bool = True, timings: Timings | None = None, jobs: int | None = None
) -> dict[str, str]:
    """Every output file, keyed by its path under the out folder.

    On a multi-core machine a large API is split over two processes: the
    :data:`ASIDE` targets render and format in a forked child while the SDK
    renders and formats here. The result is the same either way (each target
    is a pure function of the model); ``jobs=1`` does everything in turn.
    """
    files, _ = _render(api, formatted, timings or Timings(), jobs, None)
    return files


def _render(
    api: API,
    formatted: bool,
    timings: Timings,
    jobs: int | None,
    staging: Staging | None,
) -> tuple[dict[str, str], list[str]]:
    """The files rendered here, and the paths the child wrote into ``staging``."""
    if _Aside.splits(api, jobs):
        # Both processes render part of the docs from the same views: built once
        # here, the forked child inherits them.
        with timings.stage("model docs"):
            docs.prepare_docs(api)
    aside = _Aside.start(api, jobs, formatted, staging)
    produced: dict[str, dict[str, str]] = {}
    written: list[str] = []
    try:
        for folder, _ in TARGETS:
            for unit in UNITS[folder]:
                if aside is None or unit not in ASIDE:
                    produced[unit] = _produce(api, unit, formatted, jobs, timings)
        if aside is not None:
            while (target := aside.claim(reversed(ASIDE))) is not None:
                produced[target] = _produce(api, target, formatted, jobs, timings)
            with timings.stage("wait for the second process"):
                theirs, written = aside.result(timings, set(produced))
                produced.update(theirs)
    finally:
        if aside is not None:
            aside.stop()
    files = {
        path: text
        for folder, _ in TARGETS
        for unit in UNITS[folder]
        for path, text in produced.get(unit, {}).items()
    }
    return files, written


def _produce(
    api: API, folder: str, formatted: bool, jobs: int | None, timings: Timings
) -> dict[str, str]:
    """One target's files (or one unit's, ``docs/http``), keyed by their path under the
    out folder, formatted."""
    prefix = folder.split("/")[0]
    with timings.stage(f"render {prefix}"):
        files = {f"{prefix}/{rel}": text for rel, text in _RENDERERS[folder](api).items()}
    if not formatted:
        return files
    with timings.stage(f"format {prefix}"):
        return format_files(files, jobs=jobs)


class _Aside:
    """The :data:`ASIDE` targets rendering in a forked child. The child has the
    model in the parent's memory, so nothing is pickled on the way in; it
    writes its files into the staging folder when there is one (sending back
    their paths), else sends the files back through a pipe. Each target is
    claimed first (:meth:`claim`, one flag per target in shared memory), by
    the child or the parent, so each is rendered once."""

    def __init__(self, api: API, formatted: bool, staging: Staging | None):
        if staging is not None:
            staging.root()  # made before the fork, so both processes fill the same folder
        context = multiprocessing.get_context("fork")
        self._claimed = context.Array("b", len(ASIDE))
        self._receive, send = context.Pipe(duplex=False)
        self._api = api
        self._formatted = formatted
        self._staging = staging
        self._process = context.Process(target=self._child, args=(send,), daemon=True)
        self._process.start()
        send.close()

    @staticmethod
    def splits(api: API, jobs: int | None) -> bool:
        """Whether the work on ``api`` is split over two processes."""
        workers = jobs if jobs is not None else (os.cpu_count() or 1)
        return (
            workers >= 2
            and len(api.all_operations()) >= PARALLEL_FROM_OPERATIONS
            and "fork" in multiprocessing.get_all_start_methods()
        )

    @classmethod
    def start(
        cls, api: API, jobs: int | None, formatted: bool, staging: Staging | None
    ) -> _Aside | None:
        if not cls.splits(api, jobs):
            return None
        return cls(api, formatted, staging)

    def claim(self, order: Iterable[str]) -> str | None:
        """The first target in ``order`` nobody has claimed, now claimed; else None."""
        with self._claimed.get_lock():
            for name in order:
                index = ASIDE.index(name)
                if not self._claimed[index]:
                    self._claimed[index] = 1
                    return name
        return None

    def _produce(self, targets: Iterable[str], timings: Timings) -> dict[str, dict[str, str]]:
        # One process each: both are busy, so neither starts a formatting pool.
        return {f: _produce(self._api, f, self._formatted, 1, timings) for f in targets}

    def _child(self, send: Any) -> None:
        timings = Timings()
        try:
            produced: dict[str, dict[str, str]] = {}
            while (target := self.claim(ASIDE)) is not None:
                produced.update(self._produce([target], timings))
            if self._staging is None:
                send.send(("ok", produced, [], timings.stages))
                return
            files = {path: text for target in produced.values() for path, text in target.items()}
            with timings.stage("write (second process)"):
                self._staging.write(files)
            send.send(("ok", {}, sorted(files), timings.stages))
        except BaseException as exc:  # the parent produces the files itself
            send.send(("failed", f"{type(exc).__name__}: {exc}", [], {}))

    def result(
        self, timings: Timings, done: set[str]
    ) -> tuple[dict[str, dict[str, str]], list[str]]:
        """The child's files (or the paths it wrote); its stage times are added to ``timings``.

        If the child failed, the targets not in ``done`` are produced here."""
        try:
            status, payload, written, stages = self._receive.recv()
        except (EOFError, OSError):
            status, payload, written, stages = "failed", "the process ended", [], {}
        if status != "ok":
            # Produce them here instead: a real bug in a target then raises
            # with its traceback in this process.
            return self._produce([f for f in ASIDE if f not in done], timings), []
        timings.stages.update(stages)
        return dict(payload), list(written)

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


def generate_into(
    inputs: Inputs,
    diagnostics: Diagnostics,
    staging: Staging,
    timings: Timings | None = None,
    jobs: int | None = None,
) -> int:
    """Load, render and write every file into ``staging`` (not committed); the file count.

    Unlike :func:`generate` followed by a write, a forked child writes the
    files it renders itself, so the parent is not left writing them alone.
    """
    timings = timings or Timings()
    api = load_api(inputs, diagnostics, timings)
    files, written = _render(api, True, timings, jobs, staging)
    with timings.stage("write"):
        staging.write(files)
    return len(files) + len(written)
