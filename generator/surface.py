"""``openapi-forge surface --against``: the migration check.

A team moving to this generator already publishes an SDK that its users
call. This compares the SDK the generator would write (rendered in memory,
never written) with that published one, both read statically by
:mod:`generator.surface_read`, and lists every client class, constructor
keyword, method, call shape, return type and exported type that differs, so
a migration is a checklist rather than a guess.

What counts as the same: a method with the same resource path and name, the
same positional parameters in order and the same keyword-only parameters,
each required or optional alike (types of parameters are not compared, nor
the per-request options every method has), and the same return type name.
Only what the published SDK has is counted; what the generated SDK adds is
listed but does not lower the figures, since adding breaks no caller. Methods
are compared on the sync client; the async one mirrors it in both SDKs, so
only its class name is compared.
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any, Literal

from .errors import Diagnostics
from .pipeline import Inputs, Timings, load_api
from .surface_read import ClientClass, Method, Param, Surface, published_files, read_surface
from .targets.sdk import render_sdk

DifferenceKind = Literal[
    "client class", "constructor", "method", "call shape", "return type", "type"
]


@dataclass(frozen=True)
class Difference:
    """One thing a user of the published SDK would see change."""

    kind: DifferenceKind
    #: What it is about: ``admin.api_keys.create``, ``Letta(environment=)``, ``types.Agent``.
    name: str
    published: str
    generated: str

    def render(self) -> str:
        return (
            f"{self.kind:<13} {self.name}: published {self.published}; generated {self.generated}"
        )


@dataclass(frozen=True)
class MethodResult:
    path: str
    present: bool
    same_shape: bool
    same_return: bool
    published_shape: str
    generated_shape: str
    published_return: str
    generated_return: str


@dataclass(frozen=True)
class Tally:
    same: int
    total: int

    @property
    def percent(self) -> float:
        return 100.0 if self.total == 0 else 100.0 * self.same / self.total

    def render(self) -> str:
        return f"{self.same}/{self.total} ({self.percent:.1f}%)"


@dataclass(frozen=True)
class SurfaceReport:
    published_label: str
    published: Surface
    generated: Surface
    differences: tuple[Difference, ...]
    methods: tuple[MethodResult, ...]
    #: What only the generated SDK has (breaks nobody; listed for review).
    only_generated_methods: tuple[str, ...] = ()
    only_generated_types: tuple[str, ...] = ()
    tallies: Mapping[str, Tally] = field(default_factory=dict)

    @property
    def compatibility(self) -> float:
        """Share of the published surface (clients, constructor keywords, methods
        identical in shape and return type, exported types) that is the same."""
        keys = ("client classes", "constructor keywords", "methods identical", "exported types")
        same = sum(self.tallies[k].same for k in keys)
        total = sum(self.tallies[k].total for k in keys)
        return 100.0 if total == 0 else 100.0 * same / total

    def to_json(self) -> dict[str, Any]:
        return {
            "published": {"label": self.published_label, "package": self.published.package},
            "generated": {"package": self.generated.package},
            "compatibility": round(self.compatibility, 2),
            "tallies": {
                name: {"same": t.same, "total": t.total, "percent": round(t.percent, 2)}
                for name, t in self.tallies.items()
            },
            "differences": [
                {"kind": d.kind, "name": d.name, "published": d.published, "generated": d.generated}
                for d in self.differences
            ],
            "methods": [
                {
                    "path": m.path,
                    "present": m.present,
                    "same_shape": m.same_shape,
                    "same_return": m.same_return,
                    "published_shape": m.published_shape,
                    "generated_shape": m.generated_shape,
                    "published_return": m.published_return,
                    "generated_return": m.generated_return,
                }
                for m in self.methods
            ],
            "only_generated": {
                "methods": list(self.only_generated_methods),
                "types": list(self.only_generated_types),
            },
        }

    def render_text(self) -> str:
        lines = [
            f"surface: generated {self.generated.package} against published "
            f"{self.published.package} ({self.published_label})"
        ]
        if self.differences:
            lines.append("")
            lines.extend("  " + d.render() for d in self.differences)
            counts: dict[str, int] = {}
            for d in self.differences:
                counts[d.kind] = counts.get(d.kind, 0) + 1
            lines.append("")
            lines.append(
                "  differences: " + ", ".join(f"{n} {kind}" for kind, n in sorted(counts.items()))
            )
        if self.only_generated_methods or self.only_generated_types:
            lines.append("")
            lines.append(
                f"  only in the generated SDK (breaks no caller): "
                f"{_plural(len(self.only_generated_methods), 'method')}, "
                f"{_plural(len(self.only_generated_types), 'type')}"
            )
            for path in self.only_generated_methods:
                lines.append(f"    method {path}")
        lines.append("")
        for name, tally in self.tallies.items():
            lines.append(f"{name + ':':<22} {tally.render()}")
        lines.append(f"{'compatibility:':<22} {self.compatibility:.1f}%")
        return "\n".join(lines)


def generated_surface(inputs: Inputs, diagnostics: Diagnostics, timings: Timings) -> Surface:
    """The surface of the SDK ``generate`` would write, from its rendered files."""
    api = load_api(inputs, diagnostics, timings)
    with timings.stage("render sdk"):
        files = render_sdk(api)
    with timings.stage("read surface"):
        return read_surface(files)


def compare(published: Surface, generated: Surface, *, label: str = "") -> SurfaceReport:
    """Every difference a user of ``published`` would meet in ``generated``."""
    diffs: list[Difference] = []
    client_tally, keyword_tally = _compare_clients(published, generated, diffs)
    results: list[MethodResult] = []
    for method in published.methods:
        theirs = generated.method(method.path)
        results.append(_compare_method(method, theirs, diffs))
    published_paths = {m.path for m in published.methods}
    only_methods = tuple(m.path for m in generated.methods if m.path not in published_paths)
    generated_types = set(generated.types)
    present_types = 0
    for name in published.types:
        if name in generated_types:
            present_types += 1
        else:
            diffs.append(Difference("type", name, "exported", _nearest_type(name, generated)))
    only_types = tuple(sorted(generated_types - set(published.types)))
    count = len(results)
    tallies = {
        "client classes": client_tally,
        "constructor keywords": keyword_tally,
        "methods present": Tally(sum(r.present for r in results), count),
        "same call shape": Tally(sum(r.same_shape for r in results), count),
        "same return type": Tally(sum(r.same_return for r in results), count),
        "methods identical": Tally(sum(r.same_shape and r.same_return for r in results), count),
        "exported types": Tally(present_types, len(published.types)),
    }
    return SurfaceReport(
        published_label=label or published.package,
        published=published,
        generated=generated,
        differences=tuple(diffs),
        methods=tuple(results),
        only_generated_methods=only_methods,
        only_generated_types=only_types,
        tallies=tallies,
    )


def check_against(
    inputs: Inputs, against: str, diagnostics: Diagnostics, timings: Timings
) -> SurfaceReport:
    """Compare what ``inputs`` would generate with the SDK at ``against``."""
    with timings.stage("read published"):
        label, files = published_files(against)
        published = read_surface(files)
    return compare(published, generated_surface(inputs, diagnostics, timings), label=label)


def report_json(report: SurfaceReport) -> str:
    return json.dumps(report.to_json(), indent=2, sort_keys=False)


# --- the parts ---------------------------------------------------------------------


def _pair_clients(
    ours: list[ClientClass], theirs: list[ClientClass]
) -> list[tuple[ClientClass, ClientClass | None]]:
    """Published clients with their generated counterparts: by name, else in order."""
    by_name = {c.name: c for c in theirs}
    left = [c for c in theirs if c.name not in {o.name for o in ours}]
    pairs: list[tuple[ClientClass, ClientClass | None]] = []
    for client in ours:
        match = by_name.get(client.name)
        if match is None and left:
            match = left.pop(0)
        pairs.append((client, match))
    return pairs


def _compare_clients(
    published: Surface, generated: Surface, diffs: list[Difference]
) -> tuple[Tally, Tally]:
    same_clients = 0
    keyword_same = keyword_total = 0
    for is_async in (False, True):
        ours = [c for c in published.clients if c.is_async == is_async]
        theirs = [c for c in generated.clients if c.is_async == is_async]
        for client, match in _pair_clients(ours, theirs):
            if match is None:
                diffs.append(Difference("client class", client.name, "defined", "missing"))
                keyword_total += len(client.keywords)
                continue
            if match.name == client.name:
                same_clients += 1
            else:
                diffs.append(
                    Difference("client class", client.name, client.name, f"named {match.name}")
                )
            if is_async:
                continue  # the async constructor mirrors the sync one; counted once
            same, total = _compare_keywords(client, match, diffs)
            keyword_same += same
            keyword_total += total
    return Tally(same_clients, len(published.clients)), Tally(keyword_same, keyword_total)


def _compare_keywords(
    client: ClientClass, match: ClientClass, diffs: list[Difference]
) -> tuple[int, int]:
    theirs = {p.name: p for p in match.keywords}
    same = 0
    for param in client.keywords:
        label = f"{client.name}({param.name}=)"
        other = theirs.get(param.name)
        if other is None:
            diffs.append(Difference("constructor", label, _required(param), "missing"))
        elif other.required != param.required:
            diffs.append(Difference("constructor", label, _required(param), _required(other)))
        else:
            same += 1
    known = {p.name for p in client.keywords}
    for param in match.keywords:
        if param.name not in known and param.required:
            # A new required argument breaks every existing call.
            diffs.append(
                Difference("constructor", f"{client.name}({param.name}=)", "absent", "required")
            )
    return same, len(client.keywords)


def _required(param: Param) -> str:
    return "required" if param.required else "optional"


def _compare_method(method: Method, theirs: Method | None, diffs: list[Difference]) -> MethodResult:
    if theirs is None:
        diffs.append(Difference("method", method.path, method.render_shape(), "missing"))
        return MethodResult(
            method.path,
            False,
            False,
            False,
            method.render_shape(),
            "",
            method.returns,
            "",
        )
    same_shape = method.shape == theirs.shape
    same_return = method.returns == theirs.returns
    if not same_shape:
        diffs.append(
            Difference(
                "call shape",
                method.path,
                method.render_shape(),
                theirs.render_shape() + _shape_delta(method, theirs),
            )
        )
    if not same_return:
        diffs.append(Difference("return type", method.path, method.returns, theirs.returns))
    return MethodResult(
        method.path,
        True,
        same_shape,
        same_return,
        method.render_shape(),
        theirs.render_shape(),
        method.returns,
        theirs.returns,
    )


def _shape_delta(method: Method, theirs: Method) -> str:
    """What changed for a caller, when both sides have one signature: `` [keyword
    x: missing; y: now required; new positional z]``."""
    if len(method.signatures) != 1 or len(theirs.signatures) != 1:
        if len(method.signatures) != len(theirs.signatures):
            return f" [{len(method.signatures)} overloads published, {len(theirs.signatures)} generated]"
        return ""
    ours, other = method.signatures[0], theirs.signatures[0]
    notes: list[str] = []
    if [p.name for p in ours.positional] != [p.name for p in other.positional]:
        notes.append(
            "positional ("
            + ", ".join(p.name for p in ours.positional)
            + ") became ("
            + ", ".join(p.name for p in other.positional)
            + ")"
        )
    mine = {p.name: p for p in ours.positional + ours.keyword}
    new = {p.name: p for p in other.positional + other.keyword}
    missing = sorted(set(mine) - set(new))
    added = sorted(set(new) - set(mine))
    if missing:
        notes.append("missing " + ", ".join(missing))
    if added:
        notes.append("new " + ", ".join(f"{n} ({_required(new[n])})" for n in added))
    changed = sorted(n for n in set(mine) & set(new) if mine[n].required != new[n].required)
    if changed:
        notes.append("now " + ", ".join(f"{n} {_required(new[n])}" for n in changed))
    return f" [{'; '.join(notes)}]" if notes else ""


def _nearest_type(name: str, generated: Surface) -> str:
    """``missing``, or where the generated SDK exports a type of that class name."""
    short = name.rsplit(".", 1)[-1]
    elsewhere = [t for t in generated.types if t.rsplit(".", 1)[-1] == short]
    if elsewhere:
        return "missing here, exported as " + ", ".join(elsewhere)
    return "missing"


def _plural(n: int, word: str) -> str:
    return f"{n} {word}" + ("" if n == 1 else "s")
