"""The generator config: the names an API team chooses, in a stainless.yml shape.

Everything is optional. Without a config (or with parts left out) names are
derived from the document: the title gives package and client names, tags or
paths give resources, operationIds or verbs give methods.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from .errors import ConfigError, join_pointer
from .loader import Document, load_file
from .naming import PY_KEYWORDS, SDK_EXPORTS, kebab, pascal, snake

HTTP_METHODS = ("get", "put", "post", "delete", "options", "head", "patch", "trace")
PAGINATION_TYPES = ("cursor_id", "cursor", "offset", "page_number")
REQUEST_PURPOSES = (
    "next_cursor_param",
    "previous_cursor_param",
    "page_size",
    "offset",
    "page",
)
RESPONSE_PURPOSES = ("items", "has_next_page", "next_cursor", "previous_cursor", "total")


@dataclass(frozen=True)
class MethodConfig:
    name: str
    http_method: str
    path: str
    paginated: str | None
    pointer: str
    line: int | None = None


@dataclass(frozen=True)
class ResourceConfig:
    name: str
    description: str | None
    methods: tuple[MethodConfig, ...]
    subresources: tuple[ResourceConfig, ...]
    #: model name -> ``$ref`` of a component schema to name after the model.
    models: tuple[tuple[str, str], ...]
    pointer: str
    line: int | None = None


@dataclass(frozen=True)
class PaginationConfig:
    name: str
    type: str
    #: (parameter name, purpose) pairs
    request: tuple[tuple[str, str], ...]
    #: (response field, purpose) pairs
    response: tuple[tuple[str, str], ...]

    def request_field(self, purpose: str) -> str | None:
        return next((name for name, p in self.request if p == purpose), None)

    def response_field(self, purpose: str) -> str | None:
        return next((name for name, p in self.response if p == purpose), None)


@dataclass(frozen=True)
class AuthOption:
    option: str
    env_var: str | None
    security_scheme: str


@dataclass(frozen=True)
class Config:
    """A parsed config; :func:`default_config` gives one for a document without any."""

    file: str | None
    organization: str | None = None
    docs_url: str | None = None
    sdk_project: str | None = None
    sdk_package: str | None = None
    cli_project: str | None = None
    cli_package: str | None = None
    cli_binary: str | None = None
    #: ``targets.python.version`` / ``targets.cli.version``: the published versions.
    sdk_version: str | None = None
    cli_version: str | None = None
    client_class: str | None = None
    env_prefix: str | None = None
    auth: tuple[AuthOption, ...] = ()
    environments: tuple[tuple[str, str], ...] = ()
    paginations: tuple[PaginationConfig, ...] = ()
    resources: tuple[ResourceConfig, ...] | None = None
    warnings: tuple[str, ...] = field(default=())

    def pagination(self, name: str) -> PaginationConfig | None:
        return next((p for p in self.paginations if p.name == name), None)


_ENDPOINT = re.compile(r"^\s*([A-Za-z]+)\s+(/\S*)\s*$")
_IDENT = re.compile(r"^[A-Za-z_][A-Za-z0-9_]*$")


class _Reader:
    """Typed access into the config document with errors that carry a location."""

    def __init__(self, doc: Document):
        self.doc = doc

    def error(self, pointer: str, message: str) -> ConfigError:
        return ConfigError(
            message, file=self.doc.display, pointer=pointer, line=self.doc.line_of(pointer)
        )

    def mapping(self, value: Any, pointer: str) -> dict[str, Any]:
        if value is None:
            return {}
        if not isinstance(value, dict):
            raise self.error(pointer, f"expected a mapping, found {_kind(value)}")
        for key in value:
            if not isinstance(key, str):
                raise self.error(pointer, f"keys must be strings, found {key!r}")
        return value

    def string(self, parent: dict[str, Any], key: str, pointer: str) -> str | None:
        value = parent.get(key)
        if value is None:
            return None
        if not isinstance(value, str) or not value.strip():
            raise self.error(join_pointer(pointer, key), f"{key} must be a non-empty string")
        return value.strip()

    def identifier(self, parent: dict[str, Any], key: str, pointer: str) -> str | None:
        value = self.string(parent, key, pointer)
        if value is not None and (not _IDENT.match(value) or value in PY_KEYWORDS):
            raise self.error(
                join_pointer(pointer, key),
                f"{key} must be a Python identifier (and not a keyword), not {value!r}",
            )
        return value


def _kind(value: Any) -> str:
    names: dict[type, str] = {dict: "a mapping", list: "a list", str: "a string"}
    return names.get(type(value), type(value).__name__)


def load_config(path: Path, display: str | None = None) -> Config:
    """Read and check a config file; raise :class:`ConfigError` on any problem."""
    try:
        doc = load_file(path, display)
    except Exception as exc:  # SpecError from the loader: same message, config class
        from .errors import GeneratorError

        if isinstance(exc, GeneratorError):
            raise ConfigError(exc.message, file=exc.file, line=exc.line) from None
        raise
    return parse_config(doc)


def parse_config(doc: Document) -> Config:
    r = _Reader(doc)
    root = r.mapping(doc.data, "")
    known = {
        "organization",
        "targets",
        "client_settings",
        "environments",
        "pagination",
        "resources",
        "settings",
        "readme",
    }
    for key in root:
        if key not in known:
            raise r.error(join_pointer("", key), f"unknown key {key!r}; known: {sorted(known)}")
    org = r.mapping(root.get("organization"), "/organization")
    targets = r.mapping(root.get("targets"), "/targets")
    python = r.mapping(targets.get("python"), "/targets/python")
    cli = r.mapping(targets.get("cli"), "/targets/cli")
    client = r.mapping(root.get("client_settings"), "/client_settings")

    binary = r.string(cli, "binary_name", "/targets/cli")
    if binary is not None and not re.fullmatch(r"[A-Za-z0-9][A-Za-z0-9._-]*", binary):
        raise r.error("/targets/cli/binary_name", f"not a usable command name: {binary!r}")
    env_prefix = r.string(client, "env_prefix", "/client_settings")
    if env_prefix is not None and not re.fullmatch(r"[A-Z][A-Z0-9_]*", env_prefix):
        raise r.error("/client_settings/env_prefix", "env_prefix must be UPPER_SNAKE_CASE")

    return Config(
        file=doc.display,
        organization=r.string(org, "name", "/organization"),
        docs_url=r.string(org, "docs", "/organization"),
        sdk_project=r.string(python, "project_name", "/targets/python"),
        sdk_package=r.identifier(python, "package_name", "/targets/python"),
        cli_project=r.string(cli, "project_name", "/targets/cli"),
        cli_package=r.identifier(cli, "package_name", "/targets/cli"),
        cli_binary=binary,
        sdk_version=r.string(python, "version", "/targets/python"),
        cli_version=r.string(cli, "version", "/targets/cli"),
        client_class=r.identifier(client, "class_name", "/client_settings"),
        env_prefix=env_prefix,
        auth=_auth(r, client),
        environments=_environments(r, root.get("environments")),
        paginations=_paginations(r, root.get("pagination")),
        resources=(
            None
            if root.get("resources") is None
            else _resources(r, r.mapping(root["resources"], "/resources"), "/resources")
        ),
    )


def _auth(r: _Reader, client: dict[str, Any]) -> tuple[AuthOption, ...]:
    opts = r.mapping(client.get("opts"), "/client_settings/opts")
    out = []
    for name, spec in opts.items():
        pointer = join_pointer("/client_settings/opts", name)
        body = r.mapping(spec, pointer)
        auth = r.mapping(body.get("auth"), join_pointer(pointer, "auth"))
        scheme = r.string(auth, "security_scheme", join_pointer(pointer, "auth"))
        if scheme is None:
            continue  # an option that is not a credential; nothing to wire up
        if not _IDENT.match(name):
            raise r.error(pointer, f"option name must be a Python identifier, not {name!r}")
        out.append(AuthOption(name, r.string(body, "read_env", pointer), scheme))
    return tuple(out)


def _environments(r: _Reader, value: Any) -> tuple[tuple[str, str], ...]:
    envs = r.mapping(value, "/environments")
    out = []
    for name, url in envs.items():
        if not isinstance(url, str) or not re.match(r"^https?://", url):
            raise r.error(join_pointer("/environments", name), "must be an http(s) URL")
        out.append((name, url))
    return tuple(out)


def _paginations(r: _Reader, value: Any) -> tuple[PaginationConfig, ...]:
    if value is None:
        return ()
    if not isinstance(value, list):
        raise r.error("/pagination", "expected a list of pagination schemes")
    out = []
    for i, item in enumerate(value):
        pointer = f"/pagination/{i}"
        body = r.mapping(item, pointer)
        name = r.identifier(body, "name", pointer)
        kind = r.string(body, "type", pointer)
        if name is None or kind is None:
            raise r.error(pointer, "a pagination scheme needs a name and a type")
        if kind not in PAGINATION_TYPES:
            raise r.error(
                join_pointer(pointer, "type"), f"type must be one of {', '.join(PAGINATION_TYPES)}"
            )
        request = _purposes(
            r, body.get("request"), join_pointer(pointer, "request"), REQUEST_PURPOSES
        )
        response = _purposes(
            r, body.get("response"), join_pointer(pointer, "response"), RESPONSE_PURPOSES
        )
        if not any(p == "items" for _, p in response):
            raise r.error(
                join_pointer(pointer, "response"), "one response field needs purpose: items"
            )
        out.append(PaginationConfig(name, kind, request, response))
    return tuple(out)


def _purposes(
    r: _Reader, value: Any, pointer: str, allowed: tuple[str, ...]
) -> tuple[tuple[str, str], ...]:
    out = []
    for field_name, spec in r.mapping(value, pointer).items():
        body = r.mapping(spec, join_pointer(pointer, field_name))
        purpose = r.string(body, "purpose", join_pointer(pointer, field_name))
        if purpose not in allowed:
            raise r.error(
                join_pointer(pointer, field_name, "purpose"),
                f"purpose must be one of {', '.join(allowed)}",
            )
        out.append((field_name, purpose))
    return tuple(out)


def _resources(r: _Reader, tree: dict[str, Any], pointer: str) -> tuple[ResourceConfig, ...]:
    out = []
    for name, spec in tree.items():
        here = join_pointer(pointer, name)
        if not _IDENT.match(name) or name != name.lower():
            raise r.error(here, f"resource names are snake_case identifiers, not {name!r}")
        body = r.mapping(spec, here)
        methods = []
        for method, endpoint in r.mapping(
            body.get("methods"), join_pointer(here, "methods")
        ).items():
            mp = join_pointer(here, "methods", method)
            if not _IDENT.match(method):
                raise r.error(mp, f"method names are Python identifiers, not {method!r}")
            paginated = None
            if isinstance(endpoint, dict):
                paginated = r.identifier(endpoint, "paginated", mp)
                endpoint = endpoint.get("endpoint")
            match = _ENDPOINT.match(endpoint) if isinstance(endpoint, str) else None
            if match is None or match.group(1).lower() not in HTTP_METHODS:
                raise r.error(mp, "expected an endpoint like 'post /v1/things/{id}'")
            methods.append(
                MethodConfig(
                    method, match.group(1).lower(), match.group(2), paginated, mp, r.doc.line_of(mp)
                )
            )
        models = []
        for model, ref in r.mapping(body.get("models"), join_pointer(here, "models")).items():
            if not isinstance(ref, str) or not ref.startswith("#/"):
                raise r.error(
                    join_pointer(here, "models", model), "expected a '#/components/...' $ref"
                )
            models.append((model, ref))
        subs = _resources(
            r,
            r.mapping(body.get("subresources"), join_pointer(here, "subresources")),
            join_pointer(here, "subresources"),
        )
        description = r.string(body, "description", here)
        out.append(
            ResourceConfig(
                name, description, tuple(methods), subs, tuple(models), here, r.doc.line_of(here)
            )
        )
    return tuple(out)


def default_names(title: str) -> dict[str, str]:
    """Package and client names derived from the document title."""
    base = snake(title) or "api"
    if base[0].isdigit():
        base = "api_" + base
    for suffix in ("_api",):
        if base.endswith(suffix) and len(base) > len(suffix):
            base = base[: -len(suffix)]
    client = pascal(base) or "Client"
    if not client[0].isalpha():
        client = "Client" + client
    if (
        client in PY_KEYWORDS
        or client in SDK_EXPORTS
        or client + "Error" in SDK_EXPORTS
        or "Async" + client in SDK_EXPORTS
    ):
        client += "Client"
    return {
        "sdk_package": f"{base}_api" if not base.endswith("api") else base,
        "client_class": client,
        "env_prefix": base.upper(),
        "cli_binary": kebab(base) + "-api" if not base.endswith("api") else kebab(base),
    }
