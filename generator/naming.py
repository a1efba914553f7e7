"""Every naming rule the generator has, in one place.

Words are split from any spelling (``createAPIKey``, ``api-keys``,
``Foo Bar``), then joined in the case a target needs. Identifiers are made
legal (keywords, leading digits, punctuation, non-ASCII letters) and unique
(:class:`Namer`), deterministically: the same input always yields the same
names, in the order names are asked for.
"""

from __future__ import annotations

import functools
import hashlib
import keyword
import re
import unicodedata
from collections.abc import Iterable

#: Words written in capitals inside PascalCase names (``APIKey``, ``CursorIDPage``),
#: as the Stainless SDKs write them (``AIAnswer``, but ``JsonGetJsonResponse``).
ACRONYMS: dict[str, str] = {
    w.lower(): w
    for w in (
        "API",
        "AI",
        "ID",
        "IDs",
        "IPs",
        "URLs",
        "URL",
        "URI",
        "HTTP",
        "HTTPS",
        "XML",
        "UUID",
        "IP",
        "SQL",
        "HTML",
        "JWT",
        "SSH",
        "TLS",
        "SSL",
        "SSO",
        "SAML",
        "OAuth",
        "CPU",
        "GPU",
        "DNS",
        "TCP",
        "UDP",
        "CSV",
        "PDF",
        "SMS",
        "MFA",
        "ACL",
    )
}

_IRREGULAR_SINGULARS = {
    "data": "data",
    "news": "news",
    "series": "series",
    "status": "status",
    "statuses": "status",
    "analyses": "analysis",
    "indices": "index",
    "people": "person",
    "children": "child",
    "metadata": "metadata",
    "aliases": "alias",
    "addresses": "address",
    "ips": "ip",
    "bus": "bus",
    "buses": "bus",
    "criteria": "criterion",
    "matrices": "matrix",
    "vertices": "vertex",
    "quizzes": "quiz",
    "axes": "axis",
    "canvases": "canvas",
    "responses": "response",
    "licenses": "license",
    "databases": "database",
    "releases": "release",
    "caches": "cache",
    "cases": "case",
    "bases": "base",
    "purchases": "purchase",
    "phases": "phase",
    "invoices": "invoice",
}

_WORD = re.compile(
    r"[A-Z]{2,}s(?![a-z])"  # plural acronym: IDs, URLs
    r"|[A-Z]+[0-9]*(?=[A-Z][a-z]|\b|_|[^A-Za-z0-9]|$)"  # ACRONYM before a Word or the end
    r"|[A-Z]?[a-z]+[0-9]*"  # Word or word
    r"|[A-Z]+[0-9]*"  # trailing capitals
    r"|[0-9]+[a-z]*"  # digits, with a unit suffix such as 2fa
)


#: Letters that do not decompose into ASCII but have a usual spelling in it.
_TRANSLITERATIONS = str.maketrans(
    {"ß": "ss", "æ": "ae", "Æ": "AE", "ø": "o", "Ø": "O", "œ": "oe", "Œ": "OE", "đ": "d",
     "Đ": "D", "ł": "l", "Ł": "L", "þ": "th", "Þ": "Th", "ı": "i"}
)  # fmt: skip


def ascii_fold(text: str) -> str:
    """Spell ``text`` in ASCII: accents dropped (``Ñame`` -> ``Name``), a few
    letters transliterated (``ß`` -> ``ss``), and any other letter or digit
    written as its decimal code point (``名`` -> `` u21517 ``), so a name in any
    script still yields words, the same ones every time."""
    if text.isascii():
        return text
    out: list[str] = []
    for char in unicodedata.normalize("NFKD", text.translate(_TRANSLITERATIONS)):
        if char.isascii():
            out.append(char)
        elif char.isalnum():
            out.append(f" u{ord(char)} ")
        # combining marks and symbols are dropped
    return "".join(out)


#: An English possessive ("GitHub's"): the "s" is not a word of its own.
_POSSESSIVE = re.compile(r"(?<=[A-Za-z])['\u2019]s\b")


def words(text: str) -> list[str]:
    """Split any spelling into lower-case words."""
    return list(_words(text))


@functools.lru_cache(maxsize=65536)
def _words(text: str) -> tuple[str, ...]:
    # Cached: a large API spells the same names (properties, tags...) many times.
    return tuple(w.lower() for w in _WORD.findall(ascii_fold(_POSSESSIVE.sub("", text))))


def snake(text: str) -> str:
    return "_".join(_words(text))


def kebab(text: str) -> str:
    return "-".join(_words(text))


def pascal(text: str) -> str:
    return "".join(_cap(w) for w in _words(text))


def pascal_words(items: Iterable[str]) -> str:
    return "".join(_cap(w) for w in items)


def _cap(word: str) -> str:
    special = ACRONYMS.get(word)
    if special is not None:
        return special
    return word[:1].upper() + word[1:]


def singular(word: str) -> str:
    """English singular of one lower-case word; good enough for resource names."""
    if word in _IRREGULAR_SINGULARS:
        return _IRREGULAR_SINGULARS[word]
    if len(word) <= 3 or not word.endswith("s") or word.endswith("ss"):
        return word
    if word.endswith("ies"):
        return word[:-3] + "y"
    if word.endswith(("ches", "shes", "xes", "zzes", "sses")):
        return word[:-2]
    if word.endswith("us") or word.endswith("is"):
        return word
    return word[:-1]


def singular_name(name: str) -> str:
    """``api_keys`` -> ``api_key``: the last word made singular."""
    parts = words(name)
    if not parts:
        return name
    parts[-1] = singular(parts[-1])
    return "_".join(parts)


# --- Python identifiers -----------------------------------------------------

PY_KEYWORDS = frozenset(keyword.kwlist) | frozenset(keyword.softkwlist)

#: Names a field of a generated pydantic model may not take: keywords, the
#: builtin and typing names its annotations use, and BaseModel's own API.
MODEL_FIELD_RESERVED = PY_KEYWORDS | frozenset(
    {
        "str",
        "int",
        "float",
        "bool",
        "bytes",
        "object",
        "list",
        "dict",
        "set",
        "tuple",
        "type",
        "datetime",
        "date",
        "time",
        "optional",
        "union",
        "literal",
        "any",
        "json",
        "copy",
        "schema",
        "schema_json",
        "validate",
        "construct",
        "parse_obj",
        "parse_raw",
        "parse_file",
        "from_orm",
        "update_forward_refs",
        "fields",
        "fields_set",
        "to_dict",
        "to_json",
        "model_config",
        "model_fields",
        "model_computed_fields",
        "model_extra",
        "model_fields_set",
        "model_construct",
        "model_copy",
        "model_dump",
        "model_dump_json",
        "model_json_schema",
        "model_parametrized_name",
        "model_post_init",
        "model_rebuild",
        "model_validate",
        "model_validate_json",
        "model_validate_strings",
    }
)

#: Per-request options every generated SDK method takes beside its parameters.
REQUEST_OPTIONS = ("extra_headers", "extra_query", "extra_body", "timeout")

#: Names a keyword argument of a generated SDK method may not take, as the
#: Stainless SDKs have it: Python keywords (``from`` -> ``from_``), ``self``,
#: and the per-request options. Builtins and the names of the generated
#: method body (``type``, ``id``, ``format``, ``options``, ``input``) stay as
#: the spec spells them: the body's own names are underscored.
METHOD_PARAM_RESERVED = PY_KEYWORDS | frozenset({"self", *REQUEST_OPTIONS})


def method_param_name(namer: Namer, spec_name: str) -> tuple[str, bool]:
    """A method parameter's Python name, and whether it is renamed from the
    spec's name snake-cased (a keyword, a request option, a collision)."""
    natural = py_identifier(spec_name, prefix="param")
    name = namer.claim(natural)
    return name, name != natural


#: Attributes of the generated clients: a top-level resource may not take one.
CLIENT_RESERVED = PY_KEYWORDS | frozenset(
    {
        "base_url",
        "timeout",
        "max_retries",
        "default_headers",
        "default_query",
        "http_client",
        "with_options",
        "copy",
        "with_raw_response",
        "with_streaming_response",
        "auth_headers",
        "auth_query",
        "close",
        "aclose",
        "send",
        "request",
        "request_page",
    }
)

#: Names the SDK package exports beside the client classes: neither the
#: client class nor its ``<Client>Error`` base may take one.
SDK_EXPORTS = frozenset(
    {
        "APIError",
        "APIStatusError",
        "APIConnectionError",
        "APITimeoutError",
        "APIResponseValidationError",
        "BadRequestError",
        "AuthenticationError",
        "PermissionDeniedError",
        "NotFoundError",
        "ConflictError",
        "UnprocessableEntityError",
        "RateLimitError",
        "InternalServerError",
        "NotGiven",
        "Omit",
        "APIResponse",
        "AsyncAPIResponse",
        "BaseModel",
        "SyncAPIClient",
        "AsyncAPIClient",
        "Stream",
        "AsyncStream",
    }
)

#: Attributes of a generated resource class: no method or subresource may take one.
RESOURCE_RESERVED = PY_KEYWORDS | frozenset({"with_raw_response", "with_streaming_response"})

#: Names a generated module imports beside model classes (typing helpers,
#: pydantic, the SDK runtime): a model class may not take one.
CLASS_RESERVED = PY_KEYWORDS | frozenset(
    {
        "Any",
        "Annotated",
        "Dict",
        "List",
        "Literal",
        "Mapping",
        "Optional",
        "Required",
        "NotRequired",
        "Sequence",
        "Tuple",
        "Type",
        "TypeAliasType",
        "TypedDict",
        "TYPE_CHECKING",
        "Union",
        "BaseModel",
        "Field",
        "FieldInfo",
        "ConfigDict",
        "FileTypes",
        "SequenceNotStr",
        "NotGiven",
        "NOT_GIVEN",
        "Omit",
        "Headers",
        "Query",
        "Body",
        "Timeout",
        "RequestOptions",
        "AsyncPaginator",
        "SyncAPIResource",
        "AsyncAPIResource",
        "RawResponseProxy",
        "SyncPage",
        "AsyncPage",
        "APIResponse",
        "AsyncAPIResponse",
        "Stream",
        "AsyncStream",
    }
)

#: Global options of the generated CLI; an operation's flag may not reuse one.
CLI_GLOBAL_FLAGS = frozenset(
    {
        "help",
        "version",
        "api-key",
        "base-url",
        "format",
        "format-error",
        "transform",
        "transform-error",
        "raw-output",
        "debug",
        "max-items",
        # (--output and --force save a file the API answers with)
        "output",
        "force",
        # (--no-pager keeps long terminal output out of $PAGER)
        "no-pager",
        "install-completion",
        "show-completion",
        "timeout",
        "max-retries",
    }
)


def py_identifier(text: str, *, prefix: str, case: str = "snake") -> str:
    """A legal Python identifier for ``text`` (not yet checked for collisions).

    ``prefix`` names what it is (``field``, ``param``...) and fills in for
    names that are empty or start with a digit.
    """
    name = pascal(text) if case == "pascal" else snake(text)
    if not name:
        return pascal(prefix) if case == "pascal" else prefix
    if name[0].isdigit():
        return (pascal(prefix) if case == "pascal" else prefix + "_") + name
    return name


class Namer:
    """Hands out unique names within one scope, in request order.

    A reserved name gets ``escape`` appended (``class`` -> ``class_``); a
    name already taken gets a counter (``foo_2``).
    """

    def __init__(self, reserved: Iterable[str] = (), *, sep: str = "_", escape: str | None = None):
        self.reserved = frozenset(reserved)
        self.taken: set[str] = set()
        self.sep = sep
        self.escape = sep if escape is None else escape

    def claim(self, name: str) -> str:
        candidate = name
        if candidate in self.reserved:
            candidate = candidate + self.escape
        base, n = (candidate.rstrip(self.sep) or candidate) if candidate != name else name, 2
        while candidate in self.taken or candidate in self.reserved:
            candidate = f"{base}{self.sep}{n}"
            n += 1
        self.taken.add(candidate)
        return candidate

    def reserve(self, name: str) -> None:
        """Mark ``name`` as taken without handing it out."""
        self.taken.add(name)


def organization_class_name(organization: str) -> str:
    """The client class the Stainless generator forms from ``organization.name``:
    its words joined, each capitalised and otherwise kept (``Parsec API`` ->
    ``ParsecAPI``, ``letta`` -> ``Letta``); ``""`` when it has no letters."""
    parts = re.findall(r"[A-Za-z0-9]+", ascii_fold(organization))
    name = "".join(w[:1].upper() + w[1:] for w in parts)
    if name and not name[0].isalpha():
        name = "Client" + name
    if name in PY_KEYWORDS or name in SDK_EXPORTS or name + "Error" in SDK_EXPORTS:
        name += "Client"
    return name


# --- names derived from API structure -----------------------------------------

_METHOD_VERBS = {"get": "retrieve", "put": "update", "patch": "update", "delete": "delete"}


def method_name(
    operation_id: str | None, http_method: str, path: str, resource_words: list[str]
) -> str:
    """The SDK method name of an operation in a resource (before uniqueness).

    From ``operationId`` with the resource's own words taken out
    (``createApiKey`` in ``api_keys`` -> ``create``); without one, from the
    verb and path the way REST reads (``GET /pets`` -> ``list``,
    ``GET /pets/{id}`` -> ``retrieve``, ``POST /pets/{id}/revoke`` -> ``revoke``).
    """
    if operation_id and words(operation_id):
        parts = words(operation_id)
        trimmed = _drop_run(parts, resource_words)
        return "_".join(trimmed or parts)
    segments = [s for s in path.split("/") if s]
    trailing: list[str] = []
    for segment in reversed(segments):
        if segment.startswith("{"):
            break
        trailing.insert(0, segment)
    ends_in_param = bool(segments) and segments[-1].startswith("{")
    verb = http_method.lower()
    if ends_in_param or not trailing:
        return _METHOD_VERBS.get(verb, verb)
    action = words(trailing[-1])
    if len(segments) > 1 and segments[-2].startswith("{"):
        # POST /pets/{id}/revoke: a verb-like action on one item
        return "_".join(action) if verb == "post" else f"{verb}_{'_'.join(action)}"
    if action and set(action) <= set(resource_words) | {singular(w) for w in resource_words}:
        return {"get": "list", "post": "create"}.get(verb, verb)
    return f"{_METHOD_VERBS.get(verb, verb)}_{'_'.join(action)}" if action else verb


def _drop_run(parts: list[str], resource_words: list[str]) -> list[str]:
    """Remove the first run of ``parts`` that spells the resource name."""
    if not resource_words:
        return parts
    targets = {tuple(resource_words), tuple(singular(w) for w in resource_words)}
    if len(resource_words) > 1:
        # "createKey" in "api_keys": the last word alone also names the resource
        targets |= {(resource_words[-1],), (singular(resource_words[-1]),)}
    for length in sorted({len(t) for t in targets}, reverse=True):
        for start in range(len(parts) - length + 1):
            if tuple(parts[start : start + length]) in targets:
                return parts[:start] + parts[start + length :]
    return parts


def cli_flag(wire_name: str, *, is_array: bool) -> str:
    """The CLI option for a parameter: kebab case, arrays singular (``allowed_ips`` -> ``allowed-ip``)."""
    parts = words(wire_name)
    if is_array and parts:
        parts[-1] = singular(parts[-1])
    return "-".join(parts) or "value"


def component_model_name(
    name: str, package: tuple[str, ...], role: str, shared_package: str | None
) -> tuple[str, tuple[str, ...]]:
    """(class name, types package) of a component's model in one role.

    Responses keep ``name`` in ``package``. Requests take a ``Param`` suffix
    beside it (``PetParam``), except a shared model's: its TypedDict keeps the
    plain name in the sibling ``<shared>_params`` package
    (``types.shared_params.Transformation``), the layout the Stainless SDKs use
    so a shared type reads the same in requests and responses.
    """
    if role != "request":
        return name, package
    if shared_package is not None and package == (shared_package,):
        return name, (shared_params_package(shared_package),)
    return name + "Param", package


def shared_params_package(shared_package: str) -> str:
    """The types package of the shared models' request TypedDicts."""
    return shared_package + "_params"


_SECRET_WORDS = frozenset(
    {"secret", "token", "password", "passwd", "key", "credential", "credentials"}
)


def looks_secret(option: str) -> bool:
    """True when a client option's name says it holds a secret (``webhook_secret``,
    ``signing_key``): its value is then redacted like a credential's."""
    return not _SECRET_WORDS.isdisjoint(words(option.lower()))


def docs_method_word(method: str) -> str:
    """How the reference docs spell a method inside a type name (create -> New)."""
    return {"create": "New", "retrieve": "Get"}.get(method, pascal(method))


def docs_type_name(resource_singulars: list[str], method: str, suffix: str = "Response") -> str:
    """``["Admin", "APIKey"]``, ``create`` -> ``AdminAPIKeyNewResponse``."""
    return "".join(resource_singulars) + docs_method_word(method) + suffix


def version_segment(segment: str) -> bool:
    """True for path segments like ``v1`` or ``api`` that never name a resource."""
    return bool(re.fullmatch(r"v[0-9]+(\.[0-9]+)*|api|rest", segment.lower()))


_UNSAFE_MODULE = re.compile(r"[^a-z0-9_]")


def module_name(text: str) -> str:
    """A Python module name (snake case, never a keyword, never starting with a digit)."""
    name = _UNSAFE_MODULE.sub("_", snake(text)) or "module"
    if name[0].isdigit():
        name = "m_" + name
    return name + "_" if name in PY_KEYWORDS else name


def config_key_name(key: str) -> str:
    """The Python name of a resource, method or client option key in a
    ``stainless.yml``: snake-cased as Stainless does (``listExported`` ->
    ``list_exported``, ``BROWSERBASE_API_KEY`` -> ``browserbase_api_key``),
    leading and trailing underscores kept (``_rpc`` stays private, ``class_``
    stays clear of the keyword). Empty when the key has no letters or digits."""
    stripped = key.strip("_")
    body = snake(stripped)
    if not body:
        return ""
    start = key.index(stripped)
    return key[:start] + body + key[start + len(stripped) :]


def man_page_stem(command: Iterable[str]) -> str:
    """The file name (without ``.1``) of a CLI command's man page.

    ``["boltz-api", "admin:api-keys", "create"]`` -> ``boltz-api-admin-api-keys-create``:
    lower case, and only characters every file system and wheel accepts (no
    colon), so a page ships on Windows too. Callers make it unique (:class:`Namer`).
    """
    text = "-".join(command).lower()
    text = re.sub(r"[^a-z0-9._-]+", "-", ascii_fold(text))
    return re.sub(r"-{2,}", "-", text).strip("-.") or "command"


# --- MCP server -----------------------------------------------------------------

#: What every major MCP client accepts as a tool name (Claude, Cursor, VS Code
#: and the OpenAI-compatible function-calling ones all share this subset).
MCP_TOOL_NAME = re.compile(r"^[a-zA-Z0-9_-]{1,64}$")
MCP_TOOL_NAME_MAX = 64
#: The names of the three tools of dynamic mode; no operation's tool may take them.
MCP_DYNAMIC_TOOLS = ("list_api_endpoints", "get_api_endpoint_schema", "invoke_api_endpoint")
_MCP_UNSAFE = re.compile(r"[^a-z0-9_]+")


def mcp_distribution(sdk_project: str, sdk_package: str, cli_binary: str) -> tuple[str, str, str]:
    """(project, import package, command) of the MCP server: ``boltz-api-mcp``,
    ``boltz_api_mcp`` and ``boltz-api-mcp`` for the default spec."""
    return f"{sdk_project}-mcp", f"{sdk_package}_mcp", f"{cli_binary}-mcp"


def mcp_tool_base(resource_path: tuple[str, ...], method: str) -> str:
    """The readable tool name of an operation before uniqueness: the SDK method
    name, then the resource path (``create`` in ``admin.api_keys`` ->
    ``create_admin_api_keys``), lower snake case; at most 64 characters, a
    long one cut with a stable hash of the whole so cuts of different names
    stay apart."""
    name = _MCP_UNSAFE.sub("_", "_".join([method, *resource_path]).lower()).strip("_") or "call"
    if len(name) <= MCP_TOOL_NAME_MAX:
        return name
    digest = hashlib.sha1(name.encode()).hexdigest()[:8]
    return f"{name[: MCP_TOOL_NAME_MAX - 9].rstrip('_')}_{digest}"


def mcp_tool_names(operations: Iterable[tuple[tuple[str, ...], str]]) -> list[str]:
    """A unique, legal tool name for each (resource path, method name), in order.

    Collisions (after the cut to 64 characters, or with the dynamic-mode
    tools) get ``_2``, ``_3``... with the base shortened to fit."""
    taken: set[str] = set(MCP_DYNAMIC_TOOLS)
    out: list[str] = []
    for resource_path, method in operations:
        base = mcp_tool_base(resource_path, method)
        candidate, n = base, 2
        while candidate in taken:
            suffix = f"_{n}"
            candidate = base[: MCP_TOOL_NAME_MAX - len(suffix)] + suffix
            n += 1
        taken.add(candidate)
        out.append(candidate)
    return out


def mcp_filter_argument(argument_names: Iterable[str]) -> str:
    """The name of the result-filter argument every tool takes: ``jq_filter``,
    unless an operation's own argument already has that name."""
    taken = set(argument_names)
    name = "jq_filter"
    while name in taken:
        name = "_" + name
    return name
