"""The intermediate model: what every target renders from.

Plain frozen dataclasses, built once by :mod:`generator.builder` from the
OpenAPI document and the config. Every identifier a target needs is decided
here (by :mod:`generator.naming`) so that the SDK, the CLI and the docs agree
on names, and no renderer ever looks at the raw document.

Type expressions form a small algebra: :class:`Primitive`, :class:`EnumType`,
:class:`ArrayType`, :class:`MapType`, :class:`UnionType` and
:class:`ModelRef` (a reference to a named :class:`Model`, which is how object
types and recursion are represented).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Literal, Union

PrimitiveKind = Literal["string", "integer", "number", "boolean", "null", "any"]
ParamLocation = Literal["path", "query", "header", "cookie", "body"]
BodyEncoding = Literal["json", "multipart", "form", "binary", "text"]
ResponseKind = Literal["json", "binary", "text", "empty", "sse"]
ModelRole = Literal["response", "request"]


@dataclass(frozen=True)
class Value:
    """A literal JSON value from the spec (a default or an example).

    Wrapped so that "no default" (``None`` field) and "default is null"
    (``Value(None)``) stay distinct.
    """

    value: Any


@dataclass(frozen=True)
class Source:
    """Where something came from, for warnings and comments."""

    file: str
    pointer: str


@dataclass(frozen=True)
class Constraints:
    """Validation keywords that targets can enforce or document."""

    min_length: int | None = None
    max_length: int | None = None
    pattern: str | None = None
    minimum: int | float | None = None
    maximum: int | float | None = None
    exclusive_minimum: int | float | None = None
    exclusive_maximum: int | float | None = None
    multiple_of: int | float | None = None
    min_items: int | None = None
    max_items: int | None = None
    unique_items: bool = False

    def is_empty(self) -> bool:
        return self == _NO_CONSTRAINTS


_NO_CONSTRAINTS = Constraints()


@dataclass(frozen=True)
class Primitive:
    """A scalar (or ``any``). ``format`` is kept as written (``date-time``, ``uuid``...)."""

    kind: PrimitiveKind
    format: str | None = None
    nullable: bool = False
    constraints: Constraints = _NO_CONSTRAINTS


@dataclass(frozen=True)
class EnumType:
    """A closed set of literal values (``enum`` or ``const``); may mix types."""

    values: tuple[str | int | float | bool, ...]
    nullable: bool = False
    #: The JSON type of the values when they share one, else ``"any"``.
    base: PrimitiveKind = "string"


@dataclass(frozen=True)
class ArrayType:
    items: TypeExpr
    nullable: bool = False
    constraints: Constraints = _NO_CONSTRAINTS
    #: 3.1 ``prefixItems``: positional item types before ``items`` applies.
    prefix_items: tuple[TypeExpr, ...] = ()


@dataclass(frozen=True)
class MapType:
    """An object with no declared properties: string keys to ``values``."""

    values: TypeExpr
    nullable: bool = False


@dataclass(frozen=True)
class Discriminator:
    property_name: str
    #: (wire value, model id) pairs, explicit or implied by schema names.
    mapping: tuple[tuple[str, str], ...] = ()


@dataclass(frozen=True)
class UnionType:
    variants: tuple[TypeExpr, ...]
    nullable: bool = False
    discriminator: Discriminator | None = None


@dataclass(frozen=True)
class ModelRef:
    """A named model, by id (see :attr:`API.models`)."""

    model_id: str
    nullable: bool = False


TypeExpr = Union[Primitive, EnumType, ArrayType, MapType, UnionType, ModelRef]

ANY = Primitive("any")


@dataclass(frozen=True)
class Property:
    """One field of an object model."""

    wire_name: str
    py_name: str
    type: TypeExpr
    required: bool
    description: str | None = None
    default: Value | None = None
    example: Value | None = None
    read_only: bool = False
    write_only: bool = False
    deprecated: bool = False


@dataclass(frozen=True)
class Model:
    """A named type: an object with properties, or an alias for another type.

    ``role`` says which side of the wire it is on: response models become
    pydantic classes in the SDK, request models become TypedDicts.
    """

    id: str
    role: ModelRole
    class_name: str
    #: Module path under the SDK's ``types`` package, e.g. ``("admin", "api_key_create_response")``.
    module: tuple[str, ...]
    kind: Literal["object", "alias"]
    properties: tuple[Property, ...] = ()
    #: Type of undeclared properties; ``None`` when the schema says nothing
    #: (they are still kept), ``False`` when ``additionalProperties: false``.
    additional: TypeExpr | Literal[False] | None = None
    alias_of: TypeExpr | None = None
    description: str | None = None
    #: Id of the model whose module defines this one, for nested types.
    parent: str | None = None
    source: Source | None = None
    deprecated: bool = False


@dataclass(frozen=True)
class Parameter:
    """An argument of an operation, from any location; JSON body fields are flattened in."""

    wire_name: str
    location: ParamLocation
    py_name: str
    #: CLI option name without dashes, e.g. ``allowed-ip`` (singular for arrays).
    cli_flag: str
    type: TypeExpr
    required: bool
    description: str | None = None
    default: Value | None = None
    example: Value | None = None
    deprecated: bool = False
    style: str | None = None
    explode: bool = True
    #: Set when the spec gives the parameter as ``content`` rather than
    #: ``schema``: its value is serialised in this media type (JSON, usually)
    #: and sent as one string, instead of by ``style``.
    content_type: str | None = None

    @property
    def query_style(self) -> tuple[str, bool]:
        """How a query value is written: (OpenAPI style, explode).

        ``("json", False)`` for a parameter given as JSON ``content``: the
        whole value is one JSON text.
        """
        if self.content_type is not None and "json" in self.content_type:
            return ("json", False)
        return (self.style or "form", self.explode)


@dataclass(frozen=True)
class RequestBody:
    content_type: str
    encoding: BodyEncoding
    #: The body's type when passed whole; ``None`` when flattened into parameters.
    type: TypeExpr | None
    required: bool
    #: When true the body's properties are also operation parameters (``location="body"``).
    flattened: bool
    #: Python argument name when the body is passed whole (not flattened).
    py_name: str = "body"
    cli_flag: str = "body"
    description: str | None = None
    #: For multipart and form bodies: (field, media type) from the spec's
    #: ``encoding``, e.g. ``("metadata", "application/json")``.
    part_content_types: tuple[tuple[str, str], ...] = ()
    #: For a ``oneOf``/``anyOf`` body of objects: each variant's own fields
    #: (with its own types and required set). The operation's body parameters
    #: are then all the variants' fields, required only where every variant
    #: requires them; the SDK writes one ``@overload`` per variant.
    variants: tuple[BodyVariant, ...] = ()


@dataclass(frozen=True)
class BodyVariant:
    """One alternative of a union request body, flattened into arguments."""

    parameters: tuple[Parameter, ...]
    #: The variant's title or component name, when it has one.
    name: str | None = None


@dataclass(frozen=True)
class Header:
    wire_name: str
    type: TypeExpr
    description: str | None = None


@dataclass(frozen=True)
class Response:
    status: str
    description: str | None
    kind: ResponseKind
    content_type: str | None = None
    type: TypeExpr | None = None
    example: Value | None = None
    headers: tuple[Header, ...] = ()


@dataclass(frozen=True)
class Pagination:
    """How a list operation pages, resolved against its own parameters and response."""

    scheme: str
    style: Literal["cursor_id", "cursor", "offset", "page_number", "cursor_url"]
    #: Class name of the page type in the SDK (e.g. ``CursorIDPage``).
    page_class: str
    items_field: str
    item_type: TypeExpr
    has_more_field: str | None = None
    next_cursor_field: str | None = None
    next_cursor_param: str | None = None
    previous_cursor_field: str | None = None
    previous_cursor_param: str | None = None
    page_size_param: str | None = None
    offset_param: str | None = None
    page_param: str | None = None
    #: ``cursor_url``: the response field holding the next page's URL.
    next_url_field: str | None = None


@dataclass(frozen=True)
class Streaming:
    """A method whose result is a stream of server-sent events (``Stream[...]``)."""

    #: The type of each event's data; ``None`` leaves it the decoded JSON.
    event_type: TypeExpr | None
    #: The body parameter that asks for a stream (``stream``), by its Python
    #: name; ``None`` when the method always streams.
    param: str | None = None


@dataclass(frozen=True)
class Operation:
    operation_id: str
    #: Method name in the SDK (``create``) and command name in the CLI (``create``).
    py_name: str
    cli_name: str
    http_method: str
    path: str
    summary: str | None
    description: str | None
    parameters: tuple[Parameter, ...]
    body: RequestBody | None
    response: Response
    error_responses: tuple[Response, ...] = ()
    pagination: Pagination | None = None
    #: Model id of the request TypedDict (``APIKeyCreateParams``), when there are params.
    params_model: str | None = None
    #: The response type's name in the reference docs (``AdminAPIKeyNewResponse``).
    docs_type_name: str = ""
    #: Names of the security schemes that may authenticate this call.
    security: tuple[str, ...] = ()
    deprecated: bool = False
    source: Source | None = None
    #: Servers that replace the API's for this operation (path- or
    #: operation-level ``servers``), e.g. a separate upload host.
    servers: tuple[Server, ...] = ()
    #: Other 2XX responses beside :attr:`response` (``201`` beside ``204``),
    #: so a target can widen the result type; untyped when identical.
    other_responses: tuple[Response, ...] = ()
    #: Python names of the parameters the config makes positional
    #: (``positional_params``); ``None`` for the default (the last path parameter).
    positional_names: tuple[str, ...] | None = None
    #: How the method streams server-sent events, when it does.
    streaming: Streaming | None = None
    #: The operation's ``tags``, as written (the MCP server filters on them).
    tags: tuple[str, ...] = ()
    #: ``x-destructive: true`` on the operation: calling it destroys or
    #: overwrites data although its method is not DELETE (MCP ``destructiveHint``).
    destructive: bool = False

    @property
    def path_params(self) -> tuple[Parameter, ...]:
        return tuple(p for p in self.parameters if p.location == "path")

    @property
    def positional_params(self) -> tuple[Parameter, ...]:
        """The parameters passed by position, in order: the config's
        ``positional_params`` when it names them, else only the last path
        parameter, as the Stainless SDKs have it (``retrieve(deployment_id, *, agent_id)``)."""
        if self.positional_names is None:
            return self.path_params[-1:]
        by_name = {p.py_name: p for p in self.parameters}
        return tuple(by_name[n] for n in self.positional_names if n in by_name)

    @property
    def keyword_path_params(self) -> tuple[Parameter, ...]:
        """The path parameters passed by keyword (before the other keywords)."""
        positional = self.positional_params
        return tuple(p for p in self.path_params if p not in positional)

    def params_in(self, location: ParamLocation) -> tuple[Parameter, ...]:
        return tuple(p for p in self.parameters if p.location == location)


@dataclass(frozen=True)
class WebhookMethod:
    """``webhooks.unwrap(payload, *, headers, key=None)``: no request; the
    payload parsed as one of the resource's webhook events, after its
    signature (Standard Webhooks) is checked, unless ``key_option`` is None
    (``unsafe_unwrap(payload)``)."""

    py_name: str
    #: The union of the event models (a model of its own, ``UnwrapWebhookEvent``).
    event_type: TypeExpr
    #: The client option holding the signing key (``webhook_secret``).
    key_option: str | None


@dataclass(frozen=True)
class Resource:
    """A group of operations, e.g. ``admin.api_keys``; resources nest."""

    #: Attribute on the client or parent resource, e.g. ``api_keys``.
    py_name: str
    #: Full attribute path from the client, e.g. ``("admin", "api_keys")``.
    path: tuple[str, ...]
    #: Class name stem in the SDK, e.g. ``APIKeys`` (-> ``APIKeys``/``AsyncAPIKeys``).
    class_name: str
    #: Singular PascalCase stem for type names, e.g. ``APIKey``.
    singular: str
    #: Kebab-case segment, e.g. ``api-keys``.
    cli_name: str
    #: The CLI group spelling, e.g. ``admin:api-keys``.
    cli_path: str
    #: The docs folder for the resource, e.g. ``admin/api-keys``.
    docs_dir: str
    description: str | None
    operations: tuple[Operation, ...] = ()
    subresources: tuple[Resource, ...] = ()
    #: Methods that parse a webhook payload (the config's ``type: webhook_unwrap``).
    webhook_methods: tuple[WebhookMethod, ...] = ()

    def walk(self) -> tuple[Resource, ...]:
        """This resource and all its descendants, depth first."""
        out: list[Resource] = [self]
        for sub in self.subresources:
            out.extend(sub.walk())
        return tuple(out)


@dataclass(frozen=True)
class SecurityScheme:
    name: str
    kind: Literal["api_key", "http_bearer", "http_basic", "oauth2_client_credentials"]
    #: For ``api_key``: where it goes and under which name.
    location: Literal["header", "query", "cookie"] = "header"
    param_name: str = ""
    #: The client option that carries the credential, e.g. ``api_key``.
    option: str = "api_key"
    env_var: str = ""
    cli_flag: str = "api-key"
    token_url: str | None = None
    description: str | None = None
    #: The config's ``nullable: true``: the client may be built without it.
    optional: bool = False
    #: For ``http_basic`` configured with ``role: username`` and ``role: password``
    #: options: the password's option (``option`` is then the user name alone).
    password_option: str | None = None
    password_env_var: str | None = None


@dataclass(frozen=True)
class ServerVariable:
    name: str
    default: str
    enum: tuple[str, ...] = ()
    description: str | None = None


@dataclass(frozen=True)
class Server:
    url: str
    description: str | None = None
    variables: tuple[ServerVariable, ...] = ()


@dataclass(frozen=True)
class Names:
    """Package and client names for the targets."""

    title: str
    sdk_project: str
    sdk_package: str
    cli_project: str
    cli_package: str
    cli_binary: str
    client_class: str
    async_client_class: str
    env_prefix: str
    #: Root of the SDK's exception hierarchy, e.g. ``BoltzError``.
    error_base: str
    #: PEP 440 versions the SDK and CLI distributions are published under.
    sdk_version: str
    cli_version: str


@dataclass(frozen=True)
class HeaderOption:
    """A client option that is not a credential, sent as a header on every request."""

    #: The constructor keyword and attribute (``region``).
    option: str
    header: str
    #: Read from this variable when not passed; None: only passed.
    env_var: str | None = None
    description: str | None = None
    #: None: the option may be left unset (then the header is not sent).
    default: str | None = None
    required: bool = False


@dataclass(frozen=True)
class KeptOption:
    """A client option that is neither a credential nor sent with requests
    (``webhook_secret``): a constructor keyword the client keeps as an attribute
    for code that reads it (webhook verification, helpers)."""

    option: str
    type: Literal["string", "boolean", "integer", "number"] = "string"
    #: Read from this variable when not passed; None: only passed.
    env_var: str | None = None
    description: str | None = None
    #: Used when neither passed nor in the environment; None: left unset.
    default: str | int | float | bool | None = None
    required: bool = False
    #: Its value is redacted like a credential's wherever the client logs.
    secret: bool = False


@dataclass(frozen=True)
class StreamRule:
    """What a stream does with a server-sent event (the config's ``streaming.on_event``),
    the first matching rule deciding."""

    #: Event names it matches (None: an event without an ``event:`` line); empty: any name.
    event_types: tuple[str | None, ...]
    #: Matches only events whose data starts with this text; None: any data.
    data_starts_with: str | None
    handle: Literal["yield", "done", "error", "continue"]


@dataclass(frozen=True)
class ClientSettings:
    """Client-wide behaviour the config sets (``client_settings``, ``query_settings``)."""

    #: Seconds.
    timeout: float = 60.0
    max_retries: int = 2
    initial_retry_delay: float = 0.5
    max_retry_delay: float = 8.0
    idempotency_header: str = "Idempotency-Key"
    #: How arrays and nested objects are spelled in a query string when the
    #: document gives a parameter no style of its own; None: the OpenAPI default
    #: (``a=1&a=2``, an object's fields as parameters of their own).
    query_array_format: Literal["comma", "repeat", "brackets", "indices"] | None = None
    query_nested_format: Literal["brackets", "dots"] | None = None
    default_headers: tuple[tuple[str, str], ...] = ()
    header_options: tuple[HeaderOption, ...] = ()
    kept_options: tuple[KeptOption, ...] = ()
    #: Empty: every event is yielded.
    stream_rules: tuple[StreamRule, ...] = ()
    #: The config's ``readme.example_requests``: (name, method, path, JSON of the params).
    readme_examples: tuple[tuple[str, str, str, str], ...] = ()


@dataclass(frozen=True)
class API:
    names: Names
    title: str
    version: str
    description: str | None
    servers: tuple[Server, ...]
    base_url: str
    environments: tuple[tuple[str, str], ...]
    security_schemes: tuple[SecurityScheme, ...]
    resources: tuple[Resource, ...]
    models: tuple[Model, ...]
    source_file: str
    #: Page classes the SDK must provide, by style (``CursorIDPage``...).
    page_classes: tuple[tuple[str, str], ...] = ()
    client_settings: ClientSettings = field(default_factory=lambda: ClientSettings())
    #: The types package of the config's shared models (``$shared``), whose
    #: classes the ``types`` package also exports; None without any.
    shared_package: str | None = None
    _by_id: dict[str, Model] = field(default_factory=dict, compare=False, repr=False)
    _by_module: dict[tuple[str, ...], list[Model]] = field(
        default_factory=dict, compare=False, repr=False
    )

    def __post_init__(self) -> None:
        self._by_id.update((m.id, m) for m in self.models)
        for m in self.models:
            self._by_module.setdefault(m.module, []).append(m)

    def models_in(self, module: tuple[str, ...]) -> tuple[Model, ...]:
        """The models defined in one module of the types package (``("admin", "x")``)."""
        return tuple(self._by_module.get(module, ()))

    def model(self, model_id: str) -> Model:
        return self._by_id[model_id]

    def all_resources(self) -> tuple[Resource, ...]:
        out: list[Resource] = []
        for resource in self.resources:
            out.extend(resource.walk())
        return tuple(out)

    def all_operations(self) -> tuple[tuple[Resource, Operation], ...]:
        return tuple((r, op) for r in self.all_resources() for op in r.operations)
