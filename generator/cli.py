"""The command line: ``openapi-forge generate|check|validate|init|release``.

(``python -m generator ...`` is the same program.)

Exit codes: 0 success; 1 ``check`` found drift; 2 bad input (the spec or
config cannot be used, or ``--strict`` and there were warnings). Errors are
one short message on stderr, never a traceback unless ``--traceback``.
"""

from __future__ import annotations

import argparse
import gc
import importlib.metadata
import sys
import time
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from . import release, starter
from .errors import Diagnostics, GeneratorError, StrictModeError
from .pipeline import Inputs, Timings, generate, generate_into, load_api
from .writer import Staging, compare_tree

EXIT_OK, EXIT_DRIFT, EXIT_BAD_INPUT = 0, 1, 2
#: Warnings printed one per line before "... and N more".
MAX_WARNINGS_SHOWN = 20


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog=_prog(),
        description="Generate a Python SDK, a CLI and reference docs from an OpenAPI document.",
    )
    parser.add_argument("--version", action="version", version=f"openapi-forge {tool_version()}")
    commands = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")

    def common(sub: argparse.ArgumentParser, *, out: bool) -> None:
        sub.add_argument("--spec", required=True, type=Path, help="the OpenAPI 3.x document")
        sub.add_argument("--config", type=Path, help="generator config (names, resources)")
        if out:
            sub.add_argument("--out", required=True, type=Path, help="output folder")
            sub.add_argument("--strict", action="store_true", help="treat warnings as errors")
            sub.add_argument(
                "--jobs",
                type=int,
                metavar="N",
                help="processes to render and format with (default: one per core)",
            )
            sub.add_argument(
                "--no-validate",
                dest="validate",
                action="store_false",
                help="skip checking the document against the OpenAPI JSON Schema",
            )
            sub.add_argument(
                "--full-validation",
                action="store_true",
                help="check with openapi-spec-validator instead, as `validate` does "
                "(adds its semantic rules; about a minute on a 1,000-operation document)",
            )
        sub.add_argument("--traceback", action="store_true", help="show tracebacks on errors")
        sub.add_argument(
            "--timings", action="store_true", help="print the time each stage took to stderr"
        )
        sub.add_argument("-q", "--quiet", action="store_true", help="print errors only")

    common(commands.add_parser("generate", help="write the SDK, CLI and docs to --out"), out=True)
    common(
        commands.add_parser("check", help="exit 1 if --out differs from what would be generated"),
        out=True,
    )
    _add_surface_parser(commands)
    common(commands.add_parser("validate", help="check the document and config only"), out=False)
    _add_init(commands)
    _add_release(commands)
    return parser


def tool_version() -> str:
    """The installed openapi-forge distribution's version."""
    try:
        return importlib.metadata.version("openapi-forge")
    except importlib.metadata.PackageNotFoundError:  # run from a checkout never installed
        return "unknown (not installed)"


def _prog() -> str:
    name = Path(sys.argv[0]).name if sys.argv and sys.argv[0] else ""
    return "python -m generator" if name in ("", "__main__.py", "-c") else name


def _add_init(commands: Any) -> None:
    sub = commands.add_parser(
        "init", help=f"write a starter config ({starter.DEFAULT_NAME}) beside the spec"
    )
    sub.add_argument("--spec", required=True, type=Path, help="the OpenAPI 3.x document")
    sub.add_argument(
        "--config",
        type=Path,
        help=f"where to write it (default: {starter.DEFAULT_NAME} in the spec's folder)",
    )
    sub.add_argument("--force", action="store_true", help="overwrite an existing config")
    sub.add_argument("--traceback", action="store_true", help="show tracebacks on errors")
    sub.add_argument("--timings", action="store_true", help=argparse.SUPPRESS)
    sub.add_argument("-q", "--quiet", action="store_true", help="print errors only")


def _add_release(commands: Any) -> None:
    sub = commands.add_parser(
        "release", help="build the generated SDK and CLI (wheels, sdists) and a docs archive"
    )
    sub.add_argument("--out", required=True, type=Path, help="the output of `generate`")
    sub.add_argument("--dist", required=True, type=Path, help="folder for the built files")
    sub.add_argument(
        "--no-isolation",
        dest="isolation",
        action="store_false",
        help="build with the packages installed here instead of a fresh build environment",
    )
    sub.add_argument("--traceback", action="store_true", help="show tracebacks on errors")
    sub.add_argument("--timings", action="store_true", help=argparse.SUPPRESS)
    sub.add_argument("-q", "--quiet", action="store_true", help="print errors only")


def _init(args: argparse.Namespace, diagnostics: Diagnostics) -> int:
    target: Path = args.config or args.spec.parent / starter.DEFAULT_NAME
    if target.exists() and not args.force:
        raise GeneratorError(f"{target} exists; pass --force to overwrite it")
    result = starter.starter_config(args.spec, diagnostics)
    _print_warnings(diagnostics, quiet=args.quiet)
    for difference in result.differences:
        print(f"warning: generating with {target} differs: {difference}", file=sys.stderr)
    partial = target.with_name(f".{target.name}.tmp")
    partial.write_text(result.text, encoding="utf-8")
    partial.replace(target)
    if not args.quiet:
        print(f"wrote {target}; generate with:")
        print(f"  openapi-forge generate --spec {args.spec} --config {target} --out generated")
    return EXIT_OK


def _release(args: argparse.Namespace) -> int:
    built = release.release(args.out, args.dist, isolation=args.isolation)
    for note in built.notes:
        print(f"note: {note}", file=sys.stderr)
    if not args.quiet:
        for path in built.files:
            print(path)
    return EXIT_OK


def main(argv: Sequence[str] | None = None) -> int:
    sys.setrecursionlimit(max(sys.getrecursionlimit(), 5000))
    args = _parser().parse_args(argv)
    try:
        return _run(args)
    except GeneratorError as exc:
        if args.traceback:
            raise
        print(f"error: {exc}", file=sys.stderr)
        return EXIT_BAD_INPUT
    except KeyboardInterrupt:
        return 130
    except Exception as exc:  # a bug in the generator: still no traceback by default
        if args.traceback:
            raise
        print(
            f"internal error: {type(exc).__name__}: {exc}\n"
            "This is a generator bug; rerun with --traceback and report it.",
            file=sys.stderr,
        )
        return 3


def _run(args: argparse.Namespace) -> int:
    diagnostics = Diagnostics()
    timings = Timings()
    started = time.perf_counter()
    # No cyclic garbage collection in this short-lived process: the document and
    # the model of a large API are millions of objects, each full collection
    # walks them all, and they are made faster than collections keep up with
    # (building the model of 5,000 operations took 7x as long as of 1,000);
    # little of what a run allocates is cyclic garbage.
    gc.disable()
    try:
        return _command(args, diagnostics, timings, started)
    finally:
        gc.enable()
        if args.timings:
            total = time.perf_counter() - started
            print(f"timings: {timings}; total {total:.2f}s", file=sys.stderr)


def _command(
    args: argparse.Namespace, diagnostics: Diagnostics, timings: Timings, started: float
) -> int:
    if args.command == "init":
        return _init(args, diagnostics)
    if args.command == "release":
        return _release(args)
    if args.command == "validate":
        inputs = Inputs(args.spec, args.config, full_validation=True)
        load_api(inputs, diagnostics, timings)
        _print_warnings(diagnostics, quiet=False)
        if diagnostics:
            print(f"{args.spec}: invalid, {_plural(len(diagnostics), 'problem')}", file=sys.stderr)
            return EXIT_BAD_INPUT
        if not args.quiet:
            print(f"{args.spec}: valid")
        return EXIT_OK

    if args.command == "surface":
        return _surface(args, diagnostics, timings)
    inputs = Inputs(
        args.spec, args.config, validate=args.validate, full_validation=args.full_validation
    )
    if args.jobs is not None and args.jobs < 1:
        raise GeneratorError("--jobs must be at least 1")
    if args.command == "generate":
        staging = Staging(args.out)
        try:
            count = generate_into(inputs, diagnostics, staging, timings, jobs=args.jobs)
            _check_warnings(args, diagnostics)
            with timings.stage("write"):
                staging.commit()
        finally:
            staging.discard()  # unless committed: a failed run leaves the old output alone
        if not args.quiet:
            elapsed = time.perf_counter() - started
            print(
                f"wrote {count} files to {args.out} in {elapsed:.2f}s; "
                f"{_plural(len(diagnostics), 'warning')}"
            )
        return EXIT_OK
    files = generate(inputs, diagnostics, timings, jobs=args.jobs)
    _check_warnings(args, diagnostics)
    if args.command == "check":
        with timings.stage("compare"):
            drift = compare_tree(args.out, files)
        if drift.clean:
            if not args.quiet:
                print(f"{args.out}: up to date ({len(files)} files)")
            return EXIT_OK
        print(
            f"{args.out} is stale; run `openapi-forge generate` (`make generate` in its checkout):",
            file=sys.stderr,
        )
        for label, paths in (
            ("changed", drift.changed),
            ("missing", drift.missing),
            ("not generated", drift.extra),
        ):
            for path in paths[:30]:
                print(f"  {label}: {path}", file=sys.stderr)
            if len(paths) > 30:
                print(f"  ... and {len(paths) - 30} more {label}", file=sys.stderr)
        if drift.diff:
            print(drift.diff, file=sys.stderr)
        return EXIT_DRIFT
    raise AssertionError(f"unknown command {args.command!r}")


def _check_warnings(args: argparse.Namespace, diagnostics: Diagnostics) -> None:
    """Print the warnings; with ``--strict``, refuse to go on when there are any."""
    _print_warnings(diagnostics, quiet=args.quiet)
    if args.strict and diagnostics:
        raise StrictModeError(
            f"{_plural(len(diagnostics), 'warning')} with --strict; nothing written"
        )


def _print_warnings(diagnostics: Diagnostics, *, quiet: bool) -> None:
    if quiet:
        return
    for item in diagnostics.notes[:MAX_WARNINGS_SHOWN]:
        print(f"note: {item}", file=sys.stderr)
    if len(diagnostics.notes) > MAX_WARNINGS_SHOWN:
        print(f"note: ... and {len(diagnostics.notes) - MAX_WARNINGS_SHOWN} more", file=sys.stderr)
    if not diagnostics:
        return
    for item in diagnostics.items[:MAX_WARNINGS_SHOWN]:
        print(f"warning: {item}", file=sys.stderr)
    hidden = len(diagnostics) - MAX_WARNINGS_SHOWN
    if hidden > 0:
        print(f"warning: ... and {hidden} more", file=sys.stderr)


def _plural(n: int, word: str) -> str:
    return f"{n} {word}" + ("" if n == 1 else "s")


def _add_surface_parser(commands: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    """``surface --against``: the migration check (see :mod:`generator.surface`)."""
    sub = commands.add_parser(
        "surface",
        help="compare the SDK that would be generated with the one published today",
    )
    sub.add_argument("--spec", required=True, type=Path, help="the OpenAPI 3.x document")
    sub.add_argument("--config", type=Path, help="generator config (names, resources)")
    sub.add_argument(
        "--against",
        required=True,
        metavar="PACKAGE_OR_FOLDER",
        help="the published SDK: an installed distribution name, a source folder, "
        "or a wheel/sdist file (read statically, never imported)",
    )
    sub.add_argument("--json", action="store_true", help="print the report as JSON (for CI)")
    sub.add_argument(
        "--fail-under",
        type=float,
        metavar="PERCENT",
        help="exit 1 when the compatibility is below PERCENT",
    )
    sub.add_argument("--strict", action="store_true", help="treat warnings as errors")
    sub.add_argument("--traceback", action="store_true", help="show tracebacks on errors")
    sub.add_argument(
        "--timings", action="store_true", help="print the time each stage took to stderr"
    )
    sub.add_argument("-q", "--quiet", action="store_true", help="print errors only")


def _surface(args: argparse.Namespace, diagnostics: Diagnostics, timings: Timings) -> int:
    from .surface import check_against, report_json

    if args.fail_under is not None and not 0 <= args.fail_under <= 100:
        raise GeneratorError("--fail-under must be a percentage between 0 and 100")
    report = check_against(Inputs(args.spec, args.config), args.against, diagnostics, timings)
    _check_warnings(args, diagnostics)
    print(report_json(report) if args.json else report.render_text())
    if args.fail_under is not None and report.compatibility < args.fail_under:
        print(
            f"compatibility {report.compatibility:.1f}% is below --fail-under {args.fail_under:g}",
            file=sys.stderr,
        )
        return EXIT_DRIFT
    return EXIT_OK
