"""``init``: a starter config that names what ``generate`` would name without one.

The names are not worked out here: the model is built from the document
without a config (the same :func:`generator.pipeline.load_api` that
``generate`` runs) and its resource tree, client options, environments and
component models are written down as a ``stainless.yml``-shaped config.
Generating with that config then gives the same SDK, CLI and docs as
generating without it, and a team edits names from there. The written text is
checked by building the model again with it; whatever still differs (a model
from a file other than the spec, which a config cannot name) is reported.
"""

from __future__ import annotations

import dataclasses
import json
import re
import tempfile
from collections.abc import Collection, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from .errors import Diagnostics, unescape_pointer_token
from .model import API, Model, ModelRef, Resource, Server
from .naming import pascal, py_identifier, snake
from .pipeline import Inputs, load_api

#: The file ``init`` writes beside the spec unless told otherwise.
DEFAULT_NAME = "stainless.yml"
#: Write-build-compare rounds at most (two suffice unless descriptions and models interact).
_ROUNDS = 4

_COMPONENT = re.compile(r"^/components/schemas/[^/]+$")
#: Strings written without quotes; anything else is a JSON string (valid YAML).
_PLAIN = re.compile(r"^[A-Za-z_/][A-Za-z0-9_./{}-]*( [A-Za-z0-9_./{}-]+)*$")
_YAML_WORDS = {"true", "false", "yes", "no", "on", "off", "null", "y", "n", "~"}


@dataclass(frozen=True)
class Starter:
    """The config text, and what generating with it would still change."""

    text: str
    differences: tuple[str, ...]


def starter_config(spec: Path, diagnostics: Diagnostics) -> Starter:
    """The starter config for ``spec``; warnings of the model build go to ``diagnostics``."""
    api = load_api(Inputs(spec, validate=False), diagnostics)
    described: set[tuple[str, ...]] = set()
    skipped: set[str] = set()
    # Written, built and compared until nothing more to adjust: resources whose
    # description the config must spell out to keep it, and components that
    # are not models of their own (a component array named after its use)
    # which the config must not name. Each round only adds to either set.
    for _ in range(_ROUNDS):
        text = render_config(api, described, skipped)
        configured = _build_with(spec, text)
        ours = {r.path: r.description for r in api.all_resources()}
        more_described = {
            r.path
            for r in configured.all_resources()
            if ours.get(r.path) and ours[r.path] != r.description
        }
        expected = {m.id for m in api.models}
        more_skipped = {
            m.source.pointer
            for m in configured.models
            if m.id not in expected and m.source is not None and _COMPONENT.match(m.source.pointer)
        }
        if more_described <= described and more_skipped <= skipped:
            break
        described |= more_described
        skipped |= more_skipped
    return Starter(text, tuple(surface_differences(api, configured)))


def _build_with(spec: Path, text: str) -> API:
    with tempfile.TemporaryDirectory(prefix="openapi-forge-init-") as folder:
        path = Path(folder) / DEFAULT_NAME
        path.write_text(text, encoding="utf-8")
        return load_api(Inputs(spec, path, validate=False), Diagnostics())


def surface_differences(expected: API, actual: API) -> Iterator[str]:
    """What callers of the two APIs' SDKs would see differently (names and shapes)."""
    if expected.names != actual.names:
        yield f"names: {expected.names} != {actual.names}"
    if expected.base_url != actual.base_url:
        yield f"base URL: {expected.base_url} != {actual.base_url}"
    if expected.security_schemes != actual.security_schemes:
        yield "client options differ"
    ours = {r.path: r for r in expected.all_resources()}
    theirs = {r.path: r for r in actual.all_resources()}
    for path in sorted(ours.keys() | theirs.keys()):
        a, b = ours.get(path), theirs.get(path)
        if a is None or b is None:
            yield f"resource {'.'.join(path)}: only {'with' if a is None else 'without'} the config"
        elif a != b:
            yield f"resource {'.'.join(path)}: " + _first_difference(a, b)
    models = {m.id: m for m in expected.models}
    others = {m.id: m for m in actual.models}
    for model_id in sorted(models.keys() ^ others.keys()):
        side = "without" if model_id in models else "with"
        yield f"model {model_id}: only {side} the config"
    for model_id in sorted(models.keys() & others.keys()):
        if models[model_id] != others[model_id]:
            yield f"model {model_id} differs"


def _first_difference(a: Resource, b: Resource) -> str:
    for f in dataclasses.fields(a):
        if getattr(a, f.name) != getattr(b, f.name):
            return f"{f.name} differs"
    return "differs"


# --- writing -----------------------------------------------------------------------


def render_config(
    api: API,
    described: Collection[tuple[str, ...]] = (),
    skipped: Collection[str] = (),
) -> str:
    """The config text for ``api`` (built without a config), with comments.

    ``described``: resource paths whose description is written out;
    ``skipped``: component pointers not to name as models.
    """
    n = api.names
    out: list[str] = [
        f"# Generator config for {api.title}, written by `openapi-forge init` from",
        f"# {Path(api.source_file).name}. It names what `generate` names without a config:",
        "# edit any name here and regenerate; what is left out is derived from the document.",
        "",
        "# Who publishes the API: the name appears in the docs and the READMEs.",
        "organization:",
        f"  name: {_scalar(n.title)}",
        "  # docs: https://docs.example.com   # link to the API's own documentation",
        "",
        "# The packages generated from the document.",
        "targets:",
        "  python:",
        f"    project_name: {_scalar(n.sdk_project)}   # the distribution (pip install ...)",
        f"    package_name: {_scalar(n.sdk_package)}   # the import package",
        f"    # version: {n.sdk_version}   # the published version; without it, the spec's info.version",
        "  cli:",
        f"    project_name: {_scalar(n.cli_project)}",
        f"    package_name: {_scalar(n.cli_package)}",
        f"    binary_name: {_scalar(n.cli_binary)}   # the command users type",
        f"    # version: {n.cli_version}",
        "",
        "# The client class and how it is configured.",
        "client_settings:",
        f"  class_name: {_scalar(n.client_class)}   # {n.client_class} and {n.async_client_class}",
        f"  env_prefix: {_scalar(n.env_prefix)}   # {n.env_prefix}_BASE_URL, {n.env_prefix}_LOG, ...",
    ]
    if api.security_schemes:
        out += [
            "  # Constructor options that carry credentials: one per security scheme of",
            "  # the document, read from the environment variable read_env when not given.",
            "  opts:",
        ]
        for scheme in api.security_schemes:
            out += [
                f"    {_scalar(scheme.option)}:",
                "      type: string",
                f"      read_env: {_scalar(scheme.env_var)}",
                "      auth:",
                f"        security_scheme: {_scalar(scheme.name)}",
            ]
    out += ["", *_environments(api.servers, api.base_url), ""]
    out += [
        "# Pagination schemes let list methods return pages that fetch the next one;",
        "# none is guessed from the document. For example:",
        "# pagination:",
        "#   - name: cursor_page",
        "#     type: cursor          # cursor_id, cursor, offset or page_number",
        "#     request:",
        "#       cursor: {purpose: next_cursor_param}",
        "#     response:",
        "#       data: {purpose: items}",
        "#       next_cursor: {purpose: next_cursor}",
        "# and a method opts in with `list: {endpoint: get /things, paginated: cursor_page}`.",
        "",
        "# The client's resources (client.<resource>.<method>(...)): each method is",
        "# `<http method> <path>` of one operation. Resources may nest under",
        "# `subresources:`; `models:` names component schemas as types of their own.",
        "resources:",
    ]
    placed = _models_by_resource(api, skipped)
    for resource in api.resources:
        out += _resource_lines(resource, placed, described, 1)
    return "\n".join(out) + "\n"


def _environments(servers: tuple[Server, ...], base_url: str) -> list[str]:
    lines = ["# Named base URLs; the first one is the clients' default."]
    names: set[str] = set()
    entries: list[tuple[str, str]] = []
    for i, server in enumerate(servers):
        url = server.url
        for var in server.variables:
            url = url.replace("{" + var.name + "}", var.default)
        if not re.match(r"^https?://", url):
            continue  # a relative server cannot be named (the clients resolve it themselves)
        if not entries and url != base_url:
            break
        name = _env_name(server.description, i, names)
        entries.append((name, url))
    if not entries:
        lines += [
            "# environments:",
            "#   production: https://api.example.com",
        ]
        return lines
    # Written commented out: a configured environment adds the clients'
    # `environment=` keyword, and the starter must not change the SDK's surface.
    lines.append("# Uncomment to add the clients' `environment=` keyword:")
    lines.append("# environments:")
    lines += [f"#   {_scalar(name)}: {_scalar(url)}" for name, url in entries]
    return lines


def _env_name(description: str | None, index: int, taken: set[str]) -> str:
    base = snake(description or "") if description else ""
    if not base or len(base) > 30:
        base = "production" if index == 0 else f"environment_{index + 1}"
    name, n = base, 2
    while name in taken:
        name, n = f"{base}_{n}", n + 1
    taken.add(name)
    return name


def _resource_lines(
    resource: Resource,
    placed: dict[tuple[str, ...], list[tuple[str, str]]],
    described: Collection[tuple[str, ...]],
    depth: int,
) -> list[str]:
    pad = "  " * depth
    lines = [f"{pad}{_scalar(resource.py_name)}:"]
    if resource.path in described and resource.description:
        lines.append(f"{pad}  description: {_scalar(resource.description)}")
    if resource.operations:
        lines.append(f"{pad}  methods:")
        for op in resource.operations:
            lines.append(
                f"{pad}    {_scalar(op.py_name)}: {_scalar(f'{op.http_method} {op.path}')}"
            )
    models = placed.get(resource.path, [])
    if models:
        lines.append(f"{pad}  models:")
        lines += [f"{pad}    {_scalar(name)}: {_scalar(ref)}" for name, ref in models]
    if resource.subresources:
        lines.append(f"{pad}  subresources:")
        for sub in resource.subresources:
            lines += _resource_lines(sub, placed, described, depth + 2)
    return lines


def _models_by_resource(
    api: API, skipped: Collection[str]
) -> dict[tuple[str, ...], list[tuple[str, str]]]:
    """Component models of the root document, each under the first resource using it.

    Without a config every component schema that is an object or a union is a
    model named after itself; with one, only those the config names are, so
    the config names them all. Models from other files cannot be named by a
    ``#/...`` reference and are left out (reported by the check).
    """
    # pointer -> the name to declare: the component's own, which the builder
    # turns into the class name (escaping it) exactly as it does without a config.
    components: dict[str, str] = {}
    for model in api.models:
        source = model.source
        if (
            model.parent is None
            and source is not None
            and source.file == api.source_file
            and _COMPONENT.match(source.pointer)
        ):
            name = unescape_pointer_token(source.pointer.rsplit("/", 1)[-1])
            if source.pointer not in skipped and _own_name(model.class_name, name):
                components[source.pointer] = name if pascal(name) else "Model"
    placed: dict[tuple[str, ...], list[tuple[str, str]]] = {}
    seen: set[str] = set()
    top = api.resources[0].path if api.resources else None
    by_pointer = {m.source.pointer: m for m in api.models if m.source is not None}
    for resource in api.all_resources():
        used = _models_used(api, resource)
        for pointer in sorted(components, key=lambda p: components[p]):
            if pointer in seen or by_pointer[pointer].id not in used:
                continue
            seen.add(pointer)
            placed.setdefault(resource.path[:1], []).append((components[pointer], "#" + pointer))
    if top is not None:
        for pointer in components:
            if pointer not in seen:
                placed.setdefault(top, []).append((components[pointer], "#" + pointer))
    return placed


def _own_name(class_name: str, component: str) -> bool:
    """Whether ``class_name`` is the component's own name rather than one after its use.

    Without a config a component that is a model of its own is named after
    itself: its name in PascalCase (``Model...`` before a digit), then
    ``Param`` for the request side, ``Model`` when the name is taken by the
    SDK, a number when by another model. A component that is not (an array)
    is inlined, and a model made for it is named after its use
    (``RepoListResponse``): naming that one in the config would change it.
    """
    stem = pascal(component) or "Model"
    if not (stem.isidentifier() and stem.isascii()):
        stem = py_identifier(stem, prefix="model", case="pascal")
    return re.fullmatch(re.escape(stem) + r"(Param)?(Model)?\d*", class_name) is not None


def _models_used(api: API, resource: Resource) -> set[str]:
    """Ids of every model the resource's operations reach."""
    found: set[str] = set()
    todo: list[Any] = list(resource.operations)
    while todo:
        item = todo.pop()
        if isinstance(item, ModelRef):
            if item.model_id not in found:
                found.add(item.model_id)
                todo.append(api.model(item.model_id))
        elif isinstance(item, (tuple, list)):
            todo.extend(item)
        elif dataclasses.is_dataclass(item) and not isinstance(item, type):
            if isinstance(item, Model) and item.parent:
                todo.append(ModelRef(item.parent))
            todo.extend(getattr(item, f.name) for f in dataclasses.fields(item))
    return found


def _scalar(text: str) -> str:
    """``text`` as a YAML scalar: plain when unambiguous, else a JSON string."""
    if _PLAIN.match(text) and text.lower() not in _YAML_WORDS:
        return text
    return json.dumps(text, ensure_ascii=False)
