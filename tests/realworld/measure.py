"""Measure the corpus: is each config accepted as found, and how much of the
published SDK's surface does the generated one keep?

    python -m tests.realworld.measure [--strip] [--json FILE] [API ...]

Counts are over the methods the config names for Python that the published
SDK has (``tests.realworld.corpus.config_methods``): hand-written additions
in a published SDK (helpers, webhook unwrapping) are listed but not counted.
``--strip`` retries a config the loader refuses with
:func:`tests.realworld.strip.strip_config` (how this was measured before the
config work of issue 13 landed); such rows are marked ``stripped``.
"""

from __future__ import annotations

import argparse
import json
import sys
import tempfile
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from generator.errors import Diagnostics, GeneratorError
from generator.pipeline import Inputs, Timings
from generator.surface import SurfaceReport, compare, generated_surface
from generator.surface_read import files_from_archive, read_surface

from .corpus import APIS, Api, Unavailable, config_methods, ensure_pair, ensure_sdk
from .strip import strip_config


@dataclass
class Measurement:
    api: str
    #: The config loaded as found (no ConfigError).
    accepted: bool
    error: str = ""
    #: Warnings about unknown config keys.
    unknown_keys: list[str] = field(default_factory=list)
    warnings: int = 0
    stripped: bool = False
    #: Config-named methods the published SDK has, and those it lacks.
    named: list[str] = field(default_factory=list)
    not_published: list[str] = field(default_factory=list)
    #: Config-named methods left out of the count as hand-written (``Api.hand_written``).
    hand_written: list[str] = field(default_factory=list)
    same_shape: list[str] = field(default_factory=list)
    same_return: list[str] = field(default_factory=list)
    report: SurfaceReport | None = None

    def percent(self, values: list[str]) -> float:
        return 100.0 if not self.named else 100.0 * len(values) / len(self.named)

    @property
    def shape_percent(self) -> float:
        return self.percent(self.same_shape)

    @property
    def return_percent(self) -> float:
        return self.percent(self.same_return)


def _load(spec: Path, config: Path) -> tuple[Diagnostics, Any]:
    diagnostics = Diagnostics()
    surface = generated_surface(Inputs(spec, config), diagnostics, Timings())
    return diagnostics, surface


def measure(api: Api, *, strip: bool = False, root: Path | None = None) -> Measurement:
    """One API's figures; raises :class:`Unavailable` when its files are not in the cache."""
    config_path, spec_path = ensure_pair(api, root)
    wheel = ensure_sdk(api, root)
    published = read_surface(files_from_archive(wheel))
    config_data = yaml.safe_load(config_path.read_text(encoding="utf-8"))
    result = Measurement(api.name, accepted=True)
    try:
        diagnostics, generated = _load(spec_path, config_path)
    except GeneratorError as exc:
        result.accepted = False
        result.error = str(exc)
        if not strip:
            return result
        spec_data = yaml.safe_load(spec_path.read_text(encoding="utf-8"))
        with tempfile.TemporaryDirectory() as tmp:
            stripped = Path(tmp) / "stainless.yml"
            stripped.write_text(yaml.safe_dump(strip_config(config_data, spec_data)))
            diagnostics, generated = _load(spec_path, stripped)
        result.stripped = True
    result.warnings = len(diagnostics)
    result.unknown_keys = [
        str(item)
        for item in diagnostics.items
        if item.file == str(config_path) and "unknown" in item.message.lower()
    ]
    report = compare(published, generated, label=f"{api.sdk.project} {api.sdk.version}")
    result.report = report
    published_paths = {m.path for m in published.methods}
    by_path = {m.path: m for m in report.methods}
    excused = dict(api.hand_written)
    for path in config_methods(config_data):
        if path not in published_paths:
            result.not_published.append(path)
            continue
        if path in excused:
            result.hand_written.append(path)
            continue
        result.named.append(path)
        if by_path[path].same_shape:
            result.same_shape.append(path)
        if by_path[path].same_return:
            result.same_return.append(path)
    return result


def table(results: list[Measurement]) -> str:
    lines = [
        "| API | config as found | methods named | same call shape | same return type | compatibility (all) |",
        "|---|---|---|---|---|---|",
    ]
    for r in results:
        if r.report is None:
            lines.append(f"| {r.api} | refused: {r.error} | | | | |")
            continue
        found = "accepted" if r.accepted else "refused; measured stripped"
        if r.unknown_keys:
            found += f", {len(r.unknown_keys)} unknown-key warnings"
        lines.append(
            f"| {r.api} | {found} | {len(r.named)} | {r.shape_percent:.1f}% "
            f"| {r.return_percent:.1f}% | {r.report.compatibility:.1f}% |"
        )
    named = sum(len(r.named) for r in results)
    if named:
        shape = sum(len(r.same_shape) for r in results)
        ret = sum(len(r.same_return) for r in results)
        lines.append(
            f"| all | | {named} | {100 * shape / named:.1f}% | {100 * ret / named:.1f}% | |"
        )
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m tests.realworld.measure")
    parser.add_argument("apis", nargs="*", help="API names (default: all)")
    parser.add_argument("--strip", action="store_true", help="retry a refused config stripped")
    parser.add_argument("--json", type=Path, help="write every surface report here")
    args = parser.parse_args(argv)
    chosen = [a for a in APIS if not args.apis or a.name in args.apis]
    results = []
    reports: dict[str, Any] = {}
    for api in chosen:
        try:
            result = measure(api, strip=args.strip)
        except Unavailable as exc:
            print(f"{api.name}: skipped: {exc}", file=sys.stderr)
            continue
        results.append(result)
        if result.report is not None:
            reports[api.name] = {
                "accepted": result.accepted,
                "error": result.error,
                "stripped": result.stripped,
                "unknown_keys": result.unknown_keys,
                "named": len(result.named),
                "not_published": result.not_published,
                "hand_written": result.hand_written,
                "shape_percent": round(result.shape_percent, 2),
                "return_percent": round(result.return_percent, 2),
                "report": result.report.to_json(),
            }
    print(table(results))
    if args.json:
        args.json.write_text(json.dumps(reports, indent=2))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
