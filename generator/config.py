"""The generator config: a ``stainless.yml`` as teams keep it.

Everything is optional. Without a config (or with parts left out) names are
derived from the document: the title gives package and client names, tags or
paths give resources, operationIds or verbs give methods.

Every key of the published Stainless config schema is read (the shape is in
:mod:`generator.config_schema`); keys for products this tool does not
generate (other languages, MCP, Terraform) are accepted and listed once in a
note. A key that is still unknown is a warning naming the nearest known key;
a value of the wrong type is a :class:`ConfigError` with its line.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from .config_schema import GENERATED_TARGETS, check_shape
from .errors import ConfigError, Diagnostic, GeneratorError, join_pointer
from .loader import Document, load_file
from .naming import PY_KEYWORDS, SDK_EXPORTS, config_key_name, kebab, pascal, snake

HTTP_METHODS = ("get", "put", "post", "delete", "options", "head", "patch", "trace")
#: Pagination types the generated SDK can drive.
PAGINATION_TYPES = ("cursor_id", "cursor", "offset", "page_number", "cursor_url")
#: Types a Stainless config may name that the SDK cannot drive (yet): accepted with a warning.
OTHER_PAGINATION_TYPES = ("fake_page", "cursor_uri")
REQUEST_PURPOSES = (
    "next_cursor_param",
    "previous_cursor_param",
    "page_size",
    "offset",
    "page",
)
RESPONSE_PURPOSES = (
    "items",
    "has_next_page",
    "next_cursor",
    "previous_cursor",
    "total",
    "next_url",
)
#: Stainless's purpose names -> the ones above.
_PURPOSE_ALIASES = {
    "page_size_param": "page_size",
    "limit_param": "page_size",
    "offset_count_param": "offset",
    "page_number_param": "page",
    "next_cursor_field": "next_cursor",
    "previous_cursor_field": "previous_cursor",
    "offset_total_count_field": "total",
    "total_count_field": "total",
    "has_more": "has_next_page",
    "cursor_url_field": "next_url",
}
#: Stainless purposes this tool's pagination does not use: accepted, noted.
_UNUSED_PURPOSES = frozenset(
    {
        "cursor_item_id",
        "current_page_number_field",
        "total_page_count_field",
        "offset_count_start_field",
        "previous_cursor_id_param",
        "next_cursor_id_param",
    }
)
#: Method ``type`` values: only ``http`` methods make requests.
METHOD_TYPES = ("http", "webhook_unwrap", "webhook_unsafe_unwrap", "webhook")
ARRAY_FORMATS = ("comma", "repeat", "brackets", "indices")
NESTED_FORMATS = ("brackets", "dots")
STREAM_HANDLES = ("yield", "done", "error", "continue")
TRANSFORM_COMMANDS = (
    "remove",
    "update",
    "merge",
    "rename",
    "extractToRefs",
    "append",
    "copy",
    "move",
)
#: The language this tool generates, as ``only``/``skip`` lists name it.
LANGUAGE = "python"
#: The scheme name passed on for a method configured ``paginated: false``.
UNPAGINATED = ""
#: The types package of the ``$shared`` resource's models.
SHARED_PACKAGE = "shared"


@dataclass(frozen=True)
class StreamingMethodConfig:
    """A method's ``streaming`` block: how a request asks for a stream."""

    #: The body parameter that switches streaming on (``stream``); None: always streams.
    param_discriminator: str | None
    stream_event_model: str | None
    params_type_name: str | None


@dataclass(frozen=True)
class MethodConfig:
    name: str
    http_method: str
    path: str
    paginated: str | None
    pointer: str
    line: int | None = None
    #: ``paginated: false``: never matched against a pagination scheme.
    unpaginated: bool = False
    #: The key as written (``listExported``); ``name`` is its Python name.
    key: str = ""
    #: Path and query parameters the config wants positional, in order (None: the default).
    positional_params: tuple[str, ...] | None = None
    #: False, True, or the deprecation message.
    deprecated: bool | str = False
    skip_test_reason: str | None = None
    description: str | None = None
    streaming: StreamingMethodConfig | None = None


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
    key: str = ""
    deprecated: bool | str = False
    #: ``type: webhook_unwrap`` methods: parse (and verify) a webhook payload.
    webhook_methods: tuple[WebhookMethodConfig, ...] = ()


@dataclass(frozen=True)
class WebhookMethodConfig:
    """A ``type: webhook_unwrap`` method: no request, the resource's webhook
    event models parsed from a payload, its signature verified with a key
    (``webhook_key_opt`` names the client option holding it) unless unsafe."""

    name: str
    #: The event models' property that tells them apart (``type``).
    discriminator: str | None
    #: The client option holding the key; ``None``: the payload is not verified.
    webhook_key_opt: str | None
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
    """A client option that carries a credential for one security scheme."""

    option: str
    env_var: str | None
    security_scheme: str
    description: str | None = None
    nullable: bool | None = None
    #: For a scheme with two parts (HTTP basic): ``username`` or ``password``; else ``value``.
    role: str | None = None


@dataclass(frozen=True)
class ClientOption:
    """One entry of ``client_settings.opts``: a constructor keyword of the client."""

    #: The key as written (``BROWSERBASE_API_KEY``).
    key: str
    #: Its Python name (``browserbase_api_key``).
    name: str
    type: str
    nullable: bool | None
    read_env: str | None
    description: str | None
    default: str | int | float | bool | None
    #: The security scheme it is the credential of, if any.
    security_scheme: str | None
    role: str | None
    #: Sent with every request in this header (an option that is not a credential).
    send_in_header: str | None
    send_in_query: str | None
    pointer: str
    line: int | None = None


@dataclass(frozen=True)
class OnEventRule:
    """One ``streaming.on_event`` rule: which server-sent events do what."""

    #: The rule matches on the event name (``event_type``).
    matches_event_type: bool
    #: The names it matches; None stands for an event without an ``event:`` line.
    event_types: tuple[str | None, ...]
    data_starts_with: str | None
    #: ``fallthrough``: matches any event the rules before it did not.
    kind: str | None
    handle: str


@dataclass(frozen=True)
class ReadmeExample:
    """One ``readme.example_requests`` entry: the call a README shows."""

    #: ``headline``, ``pagination``, ``default``...
    name: str
    http_method: str
    path: str
    #: Argument values by the parameter's wire name, as written.
    params: Mapping[str, Any]


@dataclass(frozen=True)
class TransformConfig:
    """One ``openapi.transforms`` entry, applied to the document before anything else."""

    command: str
    reason: str | None
    args: Mapping[str, Any]
    pointer: str
    line: int | None = None


@dataclass(frozen=True)
class Config:
    """A parsed config; ``Config(file=None)`` is the one for a document without any."""

    file: str | None
    organization: str | None = None
    docs_url: str | None = None
    sdk_project: str | None = None
    sdk_package: str | None = None
    #: ``targets.python.version`` / ``targets.cli.version``: the published versions.
    sdk_version: str | None = None
    cli_project: str | None = None
    cli_package: str | None = None
    cli_binary: str | None = None
    cli_version: str | None = None
    client_class: str | None = None
    env_prefix: str | None = None
    auth: tuple[AuthOption, ...] = ()
    #: Every ``client_settings.opts`` entry, credentials included.
    client_options: tuple[ClientOption, ...] = ()
    environments: tuple[tuple[str, str], ...] = ()
    paginations: tuple[PaginationConfig, ...] = ()
    resources: tuple[ResourceConfig, ...] | None = None
    #: Models of the ``$shared`` resource (and top-level ``models``): name -> ``$ref``.
    shared_models: tuple[tuple[str, str], ...] = ()
    #: Methods of the ``$client`` resource: called on the client itself.
    client_methods: tuple[MethodConfig, ...] = ()
    edition: str | None = None
    max_retries: int | None = None
    initial_retry_delay: float | None = None
    max_retry_delay: float | None = None
    #: Seconds.
    timeout: float | None = None
    idempotency_header: str | None = None
    default_headers: tuple[tuple[str, str], ...] = ()
    #: The config's own ``security_schemes`` (they replace the document's when given).
    security_schemes: tuple[tuple[str, Mapping[str, Any]], ...] | None = None
    #: The config's ``security``: alternatives, each the scheme names used together.
    security: tuple[tuple[str, ...], ...] | None = None
    on_event: tuple[OnEventRule, ...] = ()
    query_array_format: str | None = None
    query_nested_format: str | None = None
    transforms: tuple[TransformConfig, ...] = ()
    #: Endpoints (method, path) to leave out of the SDK without a warning.
    unspecified_endpoints: tuple[tuple[str, str], ...] = ()
    license: str | None = None
    readme_examples: tuple[ReadmeExample, ...] = ()
    #: Targets named in the config that this tool does not generate.
    other_targets: tuple[str, ...] = ()
    warnings: tuple[Diagnostic, ...] = field(default=())
    #: What was accepted but not acted on: said once, never an error under --strict.
    notes: tuple[Diagnostic, ...] = field(default=())

    def pagination(self, name: str) -> PaginationConfig | None:
        return next((p for p in self.paginations if p.name == name), None)


_ENDPOINT = re.compile(r"^\s*([A-Za-z]+)\s+(/\S*)\s*$")
_IDENT = re.compile(r"^[A-Za-z_][A-Za-z0-9_]*$")
_DURATION = re.compile(
    r"^P(?:(?P<d>\d+(?:\.\d+)?)D)?(?:T(?:(?P<h>\d+(?:\.\d+)?)H)?(?:(?P<m>\d+(?:\.\d+)?)M)?"
    r"(?:(?P<s>\d+(?:\.\d+)?)S)?)?$"
)
_HEADER = re.compile(r"^[!#$%&'*+.^_`|~0-9A-Za-z-]+$")


class _Reader:
    """Access into the config document with errors and warnings that carry a location.

    :func:`~generator.config_schema.check_shape` has checked every value's
    type first, so the reads below only check meaning (a URL, a name...)."""

    def __init__(self, doc: Document):
        self.doc = doc
        self.warnings: list[Diagnostic] = []
        self.notes: list[Diagnostic] = []

    def error(self, pointer: str, message: str) -> ConfigError:
        return ConfigError(
            message, file=self.doc.display, pointer=pointer, line=self.doc.line_of(pointer)
        )

    def warn(self, pointer: str, message: str) -> None:
        self.warnings.append(
            Diagnostic(message, self.doc.display, pointer, self.doc.line_of(pointer))
        )

    def note(self, pointer: str, message: str) -> None:
        self.notes.append(Diagnostic(message, self.doc.display, pointer, self.doc.line_of(pointer)))

    def mapping(self, value: Any, pointer: str) -> dict[str, Any]:
        if value is None:
            return {}
        if not isinstance(value, dict):
            raise self.error(pointer, f"expected a mapping, found {_kind(value)}")
        return value

    def string(self, parent: dict[str, Any], key: str, pointer: str) -> str | None:
        value = parent.get(key)
        if value is None:
            return None
        if not isinstance(value, str) or not value.strip():
            raise self.error(join_pointer(pointer, key), f"{key} must be a non-empty string")
        return value.strip()

    def optional_string(self, parent: dict[str, Any], key: str) -> str | None:
        """A string that may be empty (``contact: ''``): empty reads as absent."""
        value = parent.get(key)
        return value.strip() or None if isinstance(value, str) else None

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
    except GeneratorError as exc:  # SpecError from the loader: same message, config class
        raise ConfigError(exc.message, file=exc.file, line=exc.line) from None
    return parse_config(doc)


def parse_config(doc: Document) -> Config:
    """The :class:`Config` of a loaded config document."""
    r = _Reader(doc)
    root = r.mapping(doc.data, "")
    shape = check_shape(doc)
    r.warnings.extend(shape.warnings)
    if shape.unused:
        shown = ", ".join(p.lstrip("/").replace("/", ".") for p in shape.unused)
        r.note("", f"accepted, not used by this tool: {shown}")
    org = r.mapping(root.get("organization"), "/organization")
    targets = r.mapping(root.get("targets"), "/targets")
    python = r.mapping(targets.get("python"), "/targets/python")
    cli = r.mapping(targets.get("cli"), "/targets/cli")
    client = r.mapping(root.get("client_settings"), "/client_settings")
    other_targets = tuple(t for t in targets if t not in GENERATED_TARGETS)
    if other_targets:
        r.note(
            "/targets",
            f"targets not generated by this tool: {', '.join(other_targets)} "
            f"(it generates {' and '.join(GENERATED_TARGETS)})",
        )

    binary = r.string(cli, "binary_name", "/targets/cli")
    if binary is not None and not re.fullmatch(r"[A-Za-z0-9][A-Za-z0-9._-]*", binary):
        raise r.error("/targets/cli/binary_name", f"not a usable command name: {binary!r}")
    env_prefix = r.string(client, "env_prefix", "/client_settings")
    if env_prefix is not None and not re.fullmatch(r"[A-Z][A-Z0-9_]*", env_prefix):
        raise r.error("/client_settings/env_prefix", "env_prefix must be UPPER_SNAKE_CASE")
    options = _client_options(r, client)
    retries = r.mapping(client.get("default_retries"), "/client_settings/default_retries")
    max_retries = retries.get("max_retries")
    if isinstance(max_retries, int) and max_retries < 0:
        raise r.error("/client_settings/default_retries/max_retries", "must be 0 or more")
    idempotency = r.mapping(client.get("idempotency"), "/client_settings/idempotency")
    idempotency_header = r.string(idempotency, "header", "/client_settings/idempotency")
    if idempotency_header is not None and not _HEADER.match(idempotency_header):
        raise r.error("/client_settings/idempotency/header", "not a valid HTTP header name")
    resources_tree = r.mapping(root.get("resources"), "/resources")
    resources = None
    shared: list[tuple[str, str]] = _models(r, root.get("models"), "/models")
    client_methods: tuple[MethodConfig, ...] = ()
    paginations, unsupported = _paginations(r, root.get("pagination"))
    if root.get("resources") is not None:
        ordinary = {k: v for k, v in resources_tree.items() if not k.startswith("$")}
        resources = _resources(r, ordinary, "/resources", unsupported)
        for key, body in resources_tree.items():
            here = join_pointer("/resources", key)
            if key == "$shared":
                body = r.mapping(body, here)
                shared += _models(r, body.get("models"), join_pointer(here, "models"))
                for extra in ("methods", "subresources"):
                    if body.get(extra):
                        r.warn(
                            join_pointer(here, extra), f"$shared holds models only; {extra} ignored"
                        )
            elif key == "$client":
                body = r.mapping(body, here)
                client_methods = _methods(r, body, here, unsupported)
            elif key.startswith("$"):
                r.warn(here, f"unknown special resource {key!r} (known: $shared, $client); ignored")
    settings = r.mapping(root.get("settings"), "/settings")
    return Config(
        file=doc.display,
        organization=r.string(org, "name", "/organization"),
        docs_url=r.optional_string(org, "docs"),
        sdk_project=r.string(python, "project_name", "/targets/python"),
        sdk_package=r.identifier(python, "package_name", "/targets/python"),
        sdk_version=r.string(python, "version", "/targets/python"),
        cli_project=r.string(cli, "project_name", "/targets/cli"),
        cli_package=r.identifier(cli, "package_name", "/targets/cli"),
        cli_binary=binary,
        cli_version=r.string(cli, "version", "/targets/cli"),
        client_class=r.identifier(client, "class_name", "/client_settings"),
        env_prefix=env_prefix,
        auth=tuple(
            AuthOption(o.name, o.read_env, o.security_scheme, o.description, o.nullable, o.role)
            for o in options
            if o.security_scheme is not None
        ),
        client_options=options,
        environments=_environments(r, root.get("environments")),
        paginations=paginations,
        resources=resources,
        shared_models=tuple(shared),
        client_methods=client_methods,
        edition=r.optional_string(root, "edition"),
        max_retries=max_retries if isinstance(max_retries, int) else None,
        initial_retry_delay=_seconds(retries.get("initial_delay_seconds")),
        max_retry_delay=_seconds(retries.get("max_delay_seconds")),
        timeout=_timeout(r, client.get("default_timeout")),
        idempotency_header=idempotency_header,
        default_headers=_headers(r, client.get("default_headers")),
        security_schemes=_security_schemes(r, root.get("security_schemes")),
        security=_security(r, root),
        on_event=_on_event(r, root.get("streaming")),
        query_array_format=_choice(r, root, "query_settings", "array_format", ARRAY_FORMATS),
        query_nested_format=_choice(r, root, "query_settings", "nested_format", NESTED_FORMATS),
        transforms=_transforms(r, root.get("openapi")),
        unspecified_endpoints=_unspecified(r, root.get("unspecified_endpoints")),
        license=r.optional_string(settings, "license"),
        readme_examples=_readme_examples(r, root.get("readme")),
        other_targets=other_targets,
        warnings=tuple(r.warnings),
        notes=tuple(r.notes),
    )


def _seconds(value: Any) -> float | None:
    return float(value) if isinstance(value, int | float) and not isinstance(value, bool) else None


def _timeout(r: _Reader, value: Any) -> float | None:
    """``default_timeout``: milliseconds, or an ISO 8601 duration (``PT1M30S``)."""
    pointer = "/client_settings/default_timeout"
    if value is None:
        return None
    if isinstance(value, int):
        if value <= 0:
            raise r.error(pointer, "default_timeout must be a positive number of milliseconds")
        return value / 1000
    match = _DURATION.match(value.strip())
    if match is None or not any(match.groups()):
        raise r.error(
            pointer, f"default_timeout must be milliseconds or an ISO 8601 duration, not {value!r}"
        )
    parts = {k: float(v) for k, v in match.groupdict().items() if v}
    seconds = (
        parts.get("d", 0) * 86400 + parts.get("h", 0) * 3600 + parts.get("m", 0) * 60
    ) + parts.get("s", 0)
    if seconds <= 0:
        raise r.error(pointer, "default_timeout must be longer than zero")
    return seconds


def _headers(r: _Reader, value: Any) -> tuple[tuple[str, str], ...]:
    out = []
    for name, text in r.mapping(value, "/client_settings/default_headers").items():
        if not _HEADER.match(name):
            raise r.error(
                join_pointer("/client_settings/default_headers", name), "not an HTTP header name"
            )
        out.append((name, str(text)))
    return tuple(out)


def _client_options(r: _Reader, client: dict[str, Any]) -> tuple[ClientOption, ...]:
    opts = r.mapping(client.get("opts"), "/client_settings/opts")
    out = []
    seen: dict[str, str] = {}
    for key, spec in opts.items():
        pointer = join_pointer("/client_settings/opts", key)
        body = r.mapping(spec, pointer)
        name = config_key_name(key)
        if not name or name[0].isdigit() or name in PY_KEYWORDS:
            raise r.error(pointer, f"option name {key!r} does not make a Python identifier")
        if name in seen:
            raise r.error(pointer, f"option {key!r} is {name!r} in Python, as {seen[name]!r} is")
        seen[name] = key
        auth = r.mapping(body.get("auth"), join_pointer(pointer, "auth"))
        scheme = r.string(auth, "security_scheme", join_pointer(pointer, "auth"))
        read_env = r.string(body, "read_env", pointer)
        if read_env is not None and not re.fullmatch(r"[A-Za-z_][A-Za-z0-9_]*", read_env):
            raise r.error(join_pointer(pointer, "read_env"), "not an environment variable name")
        header = r.string(body, "send_in_header", pointer)
        if header is not None and not _HEADER.match(header):
            raise r.error(join_pointer(pointer, "send_in_header"), "not a valid HTTP header name")
        kind = body.get("type", "string")
        if kind not in ("string", "boolean", "integer", "number"):
            r.warn(
                join_pointer(pointer, "type"),
                f"unknown option type {kind!r} (known: string, boolean, integer, number); "
                "read as string",
            )
            kind = "string"
        if scheme is None and header is None and body.get("send_in_query") is None:
            r.warn(
                pointer,
                f"client option {key!r} has neither auth nor send_in_header; "
                "the client takes it but sends it nowhere",
            )
        nullable = body.get("nullable")
        default = body.get("default")
        out.append(
            ClientOption(
                key=key,
                name=name,
                type=kind,
                nullable=nullable if isinstance(nullable, bool) else None,
                read_env=read_env,
                description=r.optional_string(body, "description"),
                default=default if not isinstance(default, dict | list) else None,
                security_scheme=scheme,
                role=r.string(auth, "role", join_pointer(pointer, "auth")),
                send_in_header=header,
                send_in_query=r.string(body, "send_in_query", pointer),
                pointer=pointer,
                line=r.doc.line_of(pointer),
            )
        )
    return tuple(out)


def _environments(r: _Reader, value: Any) -> tuple[tuple[str, str], ...]:
    envs = r.mapping(value, "/environments")
    out = []
    for name, url in envs.items():
        pointer = join_pointer("/environments", name)
        if not isinstance(url, str) or not url.strip():
            raise r.error(pointer, "must be a URL")
        url = url.strip()
        if not re.match(r"^https?://", url):
            if not url.startswith("/"):
                raise r.error(pointer, f"must be an http(s) URL, not {url!r}")
            r.warn(
                pointer,
                f"environment {name!r} is the relative URL {url!r}; "
                f"the clients use http://localhost{url}",
            )
            url = "http://localhost" + url
        out.append((name, url))
    return tuple(out)


def _choice(
    r: _Reader, root: dict[str, Any], section: str, key: str, allowed: tuple[str, ...]
) -> str | None:
    body = r.mapping(root.get(section), "/" + section)
    value = body.get(key)
    if value is None:
        return None
    if value not in allowed:
        raise r.error(
            join_pointer("/" + section, key), f"{key} must be one of {', '.join(allowed)}"
        )
    return str(value)


def _security_schemes(r: _Reader, value: Any) -> tuple[tuple[str, Mapping[str, Any]], ...] | None:
    if value is None:
        return None
    out = []
    for name, body in r.mapping(value, "/security_schemes").items():
        pointer = join_pointer("/security_schemes", name)
        body = r.mapping(body, pointer)
        if body.get("type") not in ("apiKey", "http", "oauth2", "openIdConnect", "mutualTLS"):
            raise r.error(
                join_pointer(pointer, "type"),
                "type must be apiKey, http, oauth2, openIdConnect or mutualTLS",
            )
        out.append((name, dict(body)))
    return tuple(out)


def _security(r: _Reader, root: dict[str, Any]) -> tuple[tuple[str, ...], ...] | None:
    value = root.get("security")
    if value is None:
        return None
    out = []
    for i, requirement in enumerate(value):
        body = r.mapping(requirement, f"/security/{i}")
        out.append(tuple(body))
    return tuple(out)


def _on_event(r: _Reader, value: Any) -> tuple[OnEventRule, ...]:
    streaming = r.mapping(value, "/streaming")
    out = []
    for i, rule in enumerate(streaming.get("on_event") or []):
        pointer = f"/streaming/on_event/{i}"
        body = r.mapping(rule, pointer)
        handle = body.get("handle")
        types = body.get("event_type")
        if handle not in STREAM_HANDLES:
            r.warn(
                join_pointer(pointer, "handle"),
                f"unknown handle {handle!r} (known: {', '.join(STREAM_HANDLES)}); rule ignored",
            )
            continue
        kind = r.string(body, "kind", pointer)
        if kind is not None and kind != "fallthrough":
            r.warn(
                join_pointer(pointer, "kind"), f"unknown rule kind {kind!r}; read as fallthrough"
            )
        out.append(
            OnEventRule(
                matches_event_type="event_type" in body,
                event_types=tuple(types) if isinstance(types, list) else (types,),
                data_starts_with=body.get("data_starts_with"),
                kind=kind,
                handle=str(handle),
            )
        )
    return tuple(out)


def _transforms(r: _Reader, value: Any) -> tuple[TransformConfig, ...]:
    openapi = r.mapping(value, "/openapi")
    out = []
    for key in ("transforms", "transformations"):
        for i, item in enumerate(openapi.get(key) or []):
            pointer = f"/openapi/{key}/{i}"
            body = r.mapping(item, pointer)
            command = body.get("command")
            if command not in TRANSFORM_COMMANDS:
                r.warn(
                    join_pointer(pointer, "command"),
                    f"unknown transform command {command!r} (known: "
                    f"{', '.join(TRANSFORM_COMMANDS)}); skipped",
                )
                continue
            out.append(
                TransformConfig(
                    command=str(command),
                    reason=r.optional_string(body, "reason"),
                    args=dict(r.mapping(body.get("args"), join_pointer(pointer, "args"))),
                    pointer=pointer,
                    line=r.doc.line_of(pointer),
                )
            )
    return tuple(out)


def _endpoint(r: _Reader, text: Any, pointer: str) -> tuple[str, str]:
    match = _ENDPOINT.match(text) if isinstance(text, str) else None
    if match is None or match.group(1).lower() not in HTTP_METHODS:
        raise r.error(pointer, "expected an endpoint like 'post /v1/things/{id}'")
    return match.group(1).lower(), match.group(2)


def _readme_examples(r: _Reader, value: Any) -> tuple[ReadmeExample, ...]:
    readme = value if isinstance(value, dict) else {}
    requests = readme.get("example_requests")
    out = []
    for name, body in requests.items() if isinstance(requests, dict) else ():
        pointer = join_pointer("/readme/example_requests", name)
        if not isinstance(body, dict) or not isinstance(body.get("endpoint"), str):
            r.warn(pointer, "an example request needs an endpoint; ignored")
            continue
        params = body.get("params")
        method, path = _endpoint(r, body["endpoint"], join_pointer(pointer, "endpoint"))
        out.append(
            ReadmeExample(str(name), method, path, dict(params) if isinstance(params, dict) else {})
        )
    return tuple(out)


def _unspecified(r: _Reader, value: Any) -> tuple[tuple[str, str], ...]:
    return tuple(
        _endpoint(r, item, f"/unspecified_endpoints/{i}") for i, item in enumerate(value or [])
    )


def _paginations(r: _Reader, value: Any) -> tuple[tuple[PaginationConfig, ...], frozenset[str]]:
    """The schemes the SDK can drive, and the names of those it cannot."""
    if value is None:
        return (), frozenset()
    out = []
    unsupported = set()
    for i, item in enumerate(value):
        pointer = f"/pagination/{i}"
        body = r.mapping(item, pointer)
        name = r.identifier(body, "name", pointer)
        kind = r.string(body, "type", pointer)
        if name is None or kind is None:
            raise r.error(pointer, "a pagination scheme needs a name and a type")
        if kind in OTHER_PAGINATION_TYPES:
            r.warn(
                join_pointer(pointer, "type"),
                f"pagination type {kind!r} is not supported; methods that name {name!r} "
                "return the page as a plain response",
            )
            unsupported.add(name)
            continue
        if kind not in PAGINATION_TYPES:
            r.warn(
                join_pointer(pointer, "type"),
                f"unknown pagination type {kind!r} (known: "
                f"{', '.join(PAGINATION_TYPES + OTHER_PAGINATION_TYPES)}); methods that name "
                f"{name!r} return the page as a plain response",
            )
            unsupported.add(name)
            continue
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
    return tuple(out), frozenset(unsupported)


def _purposes(
    r: _Reader, value: Any, pointer: str, allowed: tuple[str, ...]
) -> tuple[tuple[str, str], ...]:
    out = []
    for field_name, spec in r.mapping(value, pointer).items():
        here = join_pointer(pointer, field_name)
        body = r.mapping(spec, here)
        # Stainless writes a field as a JSON schema whose extension carries the purpose.
        nested = r.mapping(
            body.get("x-stainless-pagination-property"),
            join_pointer(here, "x-stainless-pagination-property"),
        )
        raw = body.get("purpose", nested.get("purpose"))
        if raw is None:
            continue  # a field described for the docs only
        purpose = _PURPOSE_ALIASES.get(str(raw), str(raw))
        if purpose in _UNUSED_PURPOSES:
            r.note(here, f"pagination purpose {raw!r} is not used by this tool")
            continue
        if purpose not in allowed:
            raise r.error(
                join_pointer(here, "purpose"),
                f"purpose must be one of {', '.join(allowed)}",
            )
        out.append((field_name, purpose))
    return tuple(out)


def _for_python(r: _Reader, body: dict[str, Any], pointer: str, what: str) -> bool:
    """Whether ``only``/``skip`` language lists leave ``what`` in the Python SDK."""
    only = body.get("only")
    skip = body.get("skip")
    if isinstance(only, list) and LANGUAGE not in only:
        r.note(pointer, f"{what} is only for {', '.join(map(str, only))}; not generated")
        return False
    if isinstance(skip, list) and LANGUAGE in skip:
        r.note(pointer, f"{what} skips {LANGUAGE}; not generated")
        return False
    return True


def _models(r: _Reader, value: Any, pointer: str) -> list[tuple[str, str]]:
    """(model name, ``$ref``) pairs; a bare name means ``#/components/schemas/<name>``."""
    out = []
    for model, ref in r.mapping(value, pointer).items():
        here = join_pointer(pointer, model)
        if isinstance(ref, dict):
            # The long form: {openapi_uri: '#/components/schemas/X', only: [...]}
            # (``type`` is the older spelling of the same pointer).
            if not _for_python(r, ref, here, f"model {model!r}"):
                continue
            ref = ref.get("openapi_uri", ref.get("type"))
        if not isinstance(ref, str) or not ref.strip():
            raise r.error(here, "expected a schema name or a '#/components/...' $ref")
        ref = ref.strip()
        if not ref.startswith("#/"):
            if ref.startswith("$") or "/" in ref:
                raise r.error(
                    here, f"expected a schema name or a '#/components/...' $ref, not {ref!r}"
                )
            ref = "#/components/schemas/" + ref
        if not pascal(model):
            raise r.error(here, f"model name {model!r} does not make a class name")
        out.append((model, ref))
    return out


def _methods(
    r: _Reader, body: dict[str, Any], here: str, unsupported: frozenset[str]
) -> tuple[MethodConfig, ...]:
    methods = []
    names: dict[str, str] = {}
    for key, spec in r.mapping(body.get("methods"), join_pointer(here, "methods")).items():
        mp = join_pointer(here, "methods", key)
        name = config_key_name(key)
        if not name or name[0].isdigit():
            raise r.error(mp, f"method name {key!r} does not make a Python identifier")
        paginated: str | None = None
        unpaginated = False
        extra: dict[str, Any] = {}
        endpoint = spec
        if isinstance(spec, dict):
            if not _for_python(r, spec, mp, f"method {key!r}"):
                continue
            kind = spec.get("type", "http")
            if kind not in METHOD_TYPES:
                r.warn(join_pointer(mp, "type"), f"unknown method type {kind!r}; read as http")
            elif kind in WEBHOOK_UNWRAP_TYPES:
                continue  # read by _webhook_methods
            elif kind != "http":
                r.note(mp, f"method {key!r} is of type {kind!r}, not a request; not generated")
                continue
            value = spec.get("paginated")
            if value is False:
                unpaginated = True
            elif isinstance(value, str):
                if value in unsupported:
                    unpaginated = True
                elif not _IDENT.match(value):
                    raise r.error(join_pointer(mp, "paginated"), "not a pagination scheme name")
                else:
                    paginated = value
            elif value is True:
                raise r.error(
                    join_pointer(mp, "paginated"), "paginated names a scheme (or is false)"
                )
            extra = _method_extras(r, spec, mp)
            endpoint = spec.get("endpoint")
        if name in names:
            raise r.error(mp, f"method {key!r} is {name!r} in Python, as {names[name]!r} is")
        names[name] = key
        http_method, path = _endpoint(r, endpoint, mp)
        methods.append(
            MethodConfig(
                name,
                http_method,
                path,
                paginated,
                mp,
                r.doc.line_of(mp),
                unpaginated=unpaginated,
                key=key,
                **extra,
            )
        )
    return tuple(methods)


def _method_extras(r: _Reader, spec: dict[str, Any], mp: str) -> dict[str, Any]:
    streaming = None
    if isinstance(spec.get("streaming"), dict):
        s = spec["streaming"]
        streaming = StreamingMethodConfig(
            param_discriminator=s.get("param_discriminator", "stream"),
            stream_event_model=s.get("stream_event_model"),
            params_type_name=s.get("params_type_name"),
        )
    positional = spec.get("positional_params")
    deprecated = spec.get("deprecated", False)
    return {
        "positional_params": tuple(positional) if isinstance(positional, list) else None,
        "deprecated": deprecated if isinstance(deprecated, bool | str) else False,
        "skip_test_reason": r.optional_string(spec, "skip_test_reason"),
        "description": r.optional_string(spec, "description"),
        "streaming": streaming,
    }


def _resources(
    r: _Reader, tree: dict[str, Any], pointer: str, unsupported: frozenset[str]
) -> tuple[ResourceConfig, ...]:
    out = []
    names: dict[str, str] = {}
    for key, spec in tree.items():
        here = join_pointer(pointer, key)
        name = config_key_name(key)
        if not name or name[0].isdigit() or not _IDENT.match(name):
            raise r.error(here, f"resource name {key!r} does not make a Python identifier")
        if name in names:
            raise r.error(here, f"resource {key!r} is {name!r} in Python, as {names[name]!r} is")
        names[name] = key
        body = r.mapping(spec, here)
        if not _for_python(r, body, here, f"resource {key!r}"):
            continue
        subs = _resources(
            r,
            r.mapping(body.get("subresources"), join_pointer(here, "subresources")),
            join_pointer(here, "subresources"),
            unsupported,
        )
        deprecated = body.get("deprecated", False)
        out.append(
            ResourceConfig(
                name,
                r.optional_string(body, "description"),
                _methods(r, body, here, unsupported),
                subs,
                tuple(_models(r, body.get("models"), join_pointer(here, "models"))),
                here,
                r.doc.line_of(here),
                key=key,
                deprecated=deprecated if isinstance(deprecated, bool | str) else False,
                webhook_methods=_webhook_methods(r, body, here),
            )
        )
    return tuple(out)


#: Method types that unwrap a webhook payload rather than send a request.
WEBHOOK_UNWRAP_TYPES = ("webhook_unwrap", "webhook_unsafe_unwrap")


def _webhook_methods(
    r: _Reader, body: dict[str, Any], here: str
) -> tuple[WebhookMethodConfig, ...]:
    out = []
    for key, spec in r.mapping(body.get("methods"), join_pointer(here, "methods")).items():
        if not isinstance(spec, dict) or spec.get("type") not in WEBHOOK_UNWRAP_TYPES:
            continue
        mp = join_pointer(here, "methods", key)
        if not _for_python(r, spec, mp, f"method {key!r}"):
            continue
        name = config_key_name(key)
        if not name or name[0].isdigit():
            raise r.error(mp, f"method name {key!r} does not make a Python identifier")
        discriminator = spec.get("discriminator")
        key_opt = spec.get("webhook_key_opt")
        unsafe = spec.get("type") == "webhook_unsafe_unwrap"
        out.append(
            WebhookMethodConfig(
                name,
                discriminator if isinstance(discriminator, str) else None,
                None if unsafe or not isinstance(key_opt, str) else config_key_name(key_opt),
                mp,
                r.doc.line_of(mp),
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
