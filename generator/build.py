"""Build the intermediate model (:class:`~generator.model.API`) from a document and a config.

This is the only stage that reads the raw document after loading. It decides
every name (through :mod:`generator.naming`), assigns operations to
resources, flattens JSON bodies into arguments, picks the success response
and wires pagination, and records a warning for anything it cannot express.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import cached_property
from typing import Any

from . import naming, versions
from .config import (
    HTTP_METHODS,
    Config,
    PaginationConfig,
    ResourceConfig,
    default_names,
)
from .errors import ConfigError, Diagnostics, join_pointer
from .loader import Document
from .model import (
    API,
    ArrayType,
    Header,
    Model,
    Names,
    Operation,
    Pagination,
    Parameter,
    Primitive,
    Property,
    RequestBody,
    Resource,
    Response,
    SecurityScheme,
    Server,
    ServerVariable,
    Source,
    TypeExpr,
    Value,
)
from .refs import Position, Resolver
from .schemas import ModelPolicy, Scope, TypeBuilder

_JSON = re.compile(r"^application/(?:[\w.+-]+\+)?json\b|^application/json", re.I)
#: What RFC 9110 allows in a header or cookie name.
_HTTP_TOKEN = re.compile(r"^[!#$%&'*+.^_`|~0-9A-Za-z-]+$")
_SUCCESS_ORDER = ("200", "201", "202", "203", "206", "2XX", "2xx", "204", "205")


@dataclass
class _OpRef:
    """An operation found in the document, before it has a resource."""

    http_method: str
    path: str
    at: Position
    node: dict[str, Any]
    path_item: dict[str, Any]
    path_item_at: Position


@dataclass
class _ResourceDraft:
    py_name: str
    path: tuple[str, ...]
    description: str | None = None
    ops: list[tuple[str, _OpRef, str | None]] = field(
        default_factory=list
    )  # (method, op, paginated)
    children: dict[str, _ResourceDraft] = field(default_factory=dict)
    method_namer: naming.Namer = field(
        default_factory=lambda: naming.Namer(naming.RESOURCE_RESERVED)
    )


def build_api(doc: Document, config: Config, resolver: Resolver, diagnostics: Diagnostics) -> API:
    """The whole intermediate model for ``doc``."""
    return _Builder(doc, config, resolver, diagnostics).build()


class _Builder:
    def __init__(self, doc: Document, config: Config, resolver: Resolver, diagnostics: Diagnostics):
        self.doc = doc
        self.data: dict[str, Any] = doc.data
        self.config = config
        self.resolver = resolver
        self.diagnostics = diagnostics
        self.root = Position(doc, "")

    # --- top level ---------------------------------------------------------------

    def build(self) -> API:
        info = self.data.get("info")
        if not isinstance(info, dict):
            raise self.root.child("info").error(
                "'info' must be a mapping with a title and a version"
            )
        title = _text(info.get("title"))
        if title is None:
            self._warn(self.root.child("info"), "info has no title; names derive from 'API'")
            title = "API"
        names = self._names(title)
        self.security = self._security_schemes(names)
        operations = self._collect_operations()
        drafts = self._assign_resources(operations)
        policy = ModelPolicy(
            promote_components=self.config.resources is None,
            declared=self._declared_models(),
        )
        version = str(self.data.get("openapi", ""))
        self.types = TypeBuilder(
            self.resolver,
            self.diagnostics,
            policy,
            openapi_version="3.0" if version.startswith("3.0") else "3.1",
        )
        self.types.find_recursive([self.root])
        for draft in drafts.values():
            if draft.children:  # its subresources' types live in a package of its name
                self.types.reserve_package((), draft.py_name)
        for draft in _walk_drafts(drafts):
            class_name = naming.pascal(draft.py_name) or "Resource"
            self.types.reserve_class(class_name + "Resource")
            self.types.reserve_class("Async" + class_name + "Resource")
        for scheme in self.config.paginations:
            page = naming.pascal(scheme.name) or "Page"
            for prefix in ("", "Sync", "Async"):
                self.types.reserve_class(prefix + page)
        self.default_security = self._security_names(
            self.data.get("security"), self.root.child("security")
        )
        self.page_classes: dict[str, str] = {}
        resources = tuple(self._resource(d, ()) for d in drafts.values())
        servers = self._servers()
        return API(
            names=names,
            title=title,
            version=str(info.get("version", "")),
            description=_text(info.get("description")),
            servers=servers,
            base_url=self._base_url(servers),
            environments=self.config.environments,
            security_schemes=self.security,
            resources=resources,
            models=tuple(self.types.models.values()),
            source_file=self.doc.display,
            page_classes=tuple(sorted(self.page_classes.items())),
        )

    def _names(self, title: str) -> Names:
        c = self.config
        d = default_names(title)
        sdk_package = c.sdk_package or d["sdk_package"]
        client = c.client_class or d["client_class"]
        cli_package = c.cli_package or f"{sdk_package}_cli"
        return Names(
            title=c.organization or title,
            sdk_project=c.sdk_project or naming.kebab(sdk_package),
            sdk_package=sdk_package,
            cli_project=c.cli_project or naming.kebab(cli_package),
            cli_package=cli_package,
            cli_binary=c.cli_binary or d["cli_binary"],
            client_class=client,
            async_client_class="Async" + client,
            env_prefix=c.env_prefix or d["env_prefix"],
            error_base=client + "Error",
            sdk_version=self._package_version(c.sdk_version, "/targets/python/version"),
            cli_version=self._package_version(c.cli_version, "/targets/cli/version"),
        )

    def _package_version(self, configured: str | None, pointer: str) -> str:
        """The config's version for a target, else ``info.version``, as PEP 440."""
        if configured is None:
            return self._spec_version
        version, changed = versions.normalise(configured)
        if changed:
            self.diagnostics.warn(
                f"version {configured!r} is not a PEP 440 version; published as {version!r}",
                file=self.config.file or "",
                pointer=pointer,
            )
        return version

    @cached_property
    def _spec_version(self) -> str:
        """``info.version`` as PEP 440 (computed, and warned about, once for both targets)."""
        at = self.root.child("info", "version")
        info = self.data.get("info")
        raw = info.get("version") if isinstance(info, dict) else None
        if raw is None or not str(raw).strip():
            self._warn(
                at,
                f"no info.version and no version in the config; published as {versions.FALLBACK!r}",
            )
            return versions.FALLBACK
        version, changed = versions.normalise(str(raw))
        if changed:
            self._warn(
                at,
                f"info.version {str(raw)!r} is not a PEP 440 version; the packages are "
                f"published as {version!r} (targets.python.version in the config sets it)",
            )
        return version

    def _servers(self) -> tuple[Server, ...]:
        return self._servers_at(self.data.get("servers"), self.root.child("servers"))

    def _servers_at(self, raw: Any, list_at: Position) -> tuple[Server, ...]:
        out = []
        if raw is not None and not isinstance(raw, list):
            self._warn(list_at, "servers must be a list; ignored")
        for i, server in enumerate(raw if isinstance(raw, list) else []):
            at = list_at.child(i)
            if not isinstance(server, dict) or not isinstance(server.get("url"), str):
                self._warn(at, "server without a url; skipped")
                continue
            variables = []
            for name, var in self._mapping(server.get("variables"), at.child("variables")).items():
                if not isinstance(var, dict) or "default" not in var:
                    self._warn(at.child("variables", name), "server variable without a default")
                    continue
                enum: list[Any] = var["enum"] if isinstance(var.get("enum"), list) else []
                variables.append(
                    ServerVariable(
                        str(name),
                        str(var["default"]),
                        tuple(str(e) for e in enum),
                        _text(var.get("description")),
                    )
                )
            out.append(Server(server["url"], _text(server.get("description")), tuple(variables)))
        return tuple(out)

    def _base_url(self, servers: tuple[Server, ...]) -> str:
        if self.config.environments:
            return self.config.environments[0][1]
        if not servers:
            self._warn(self.root, "no servers; the clients default to http://localhost")
            return "http://localhost"
        server = servers[0]
        url = server.url
        for var in server.variables:
            url = url.replace("{" + var.name + "}", var.default)
        if not re.match(r"^https?://", url):
            self._warn(
                self.root.child("servers", 0),
                f"server url {url!r} is relative; the clients default to http://localhost{url}",
            )
            url = "http://localhost" + ("" if url.startswith("/") else "/") + url.lstrip("./")
        return url.rstrip("/")

    # --- security ----------------------------------------------------------------

    def _security_schemes(self, names: Names) -> tuple[SecurityScheme, ...]:
        components = self._mapping(self.data.get("components"), self.root.child("components"))
        at = self.root.child("components", "securitySchemes")
        schemes = self._mapping(components.get("securitySchemes"), at)
        by_scheme = {a.security_scheme: a for a in self.config.auth}
        for opt in self.config.auth:
            if opt.security_scheme not in schemes:
                raise ConfigError(
                    f"client option {opt.option!r} names security scheme {opt.security_scheme!r}, "
                    f"which the document does not define",
                    file=self.config.file or "",
                )
        # Options are attributes of the client and keyword arguments of its
        # constructor, and become global CLI flags beside the CLI's own.
        namer = naming.Namer(
            naming.CLIENT_RESERVED
            | {"self"}
            | {naming.snake(f) for f in naming.CLI_GLOBAL_FLAGS if f != "api-key"}
        )
        out: list[SecurityScheme] = []
        for name, raw in schemes.items():
            here = at.child(name)
            if isinstance(raw, dict) and "$ref" in raw:
                here, raw = self.resolver.follow(raw, here)
            if not isinstance(raw, dict):
                self._warn(here, "security scheme is not a mapping; skipped")
                continue
            kind = raw.get("type")
            scheme_kind: Any
            token_url = None
            if kind == "apiKey":
                scheme_kind = "api_key"
            elif kind == "http" and str(raw.get("scheme", "")).lower() == "bearer":
                scheme_kind = "http_bearer"
            elif kind == "http" and str(raw.get("scheme", "")).lower() == "basic":
                scheme_kind = "http_basic"
            elif (
                kind == "oauth2"
                and isinstance(raw.get("flows"), dict)
                and isinstance(raw["flows"].get("clientCredentials"), dict)
            ):
                scheme_kind = "oauth2_client_credentials"
                token_url = raw["flows"]["clientCredentials"].get("tokenUrl")
            elif kind in ("oauth2", "openIdConnect"):
                # Flows that need a user at a browser: the client takes the
                # access token they yield and sends it as a bearer token.
                scheme_kind = "http_bearer"
            else:
                what = f"http scheme {raw.get('scheme')!r}" if kind == "http" else f"type {kind!r}"
                self._warn(
                    here,
                    f"security scheme {what} is not supported; "
                    "send credentials with default_headers instead",
                )
                continue
            location: Any = "header"
            if scheme_kind == "api_key":
                location = raw.get("in")
                param_name = raw.get("name")
                if location not in ("header", "query", "cookie"):
                    self._warn(
                        here.child("in"),
                        f"apiKey 'in' must be header, query or cookie, not {location!r}; "
                        "sent as a header",
                    )
                    location = "header"
                if not isinstance(param_name, str) or not param_name:
                    self._warn(here, "apiKey scheme without a 'name'; skipped")
                    continue
                if location != "query" and not _HTTP_TOKEN.match(param_name):
                    self._warn(
                        here.child("name"),
                        f"apiKey {location} name {param_name!r} is not a valid HTTP token; skipped",
                    )
                    continue
            chosen = by_scheme.get(name)
            if chosen is not None:
                option = namer.claim(chosen.option)
            elif scheme_kind == "http_basic":
                option = namer.claim("username")
            elif scheme_kind == "oauth2_client_credentials":
                option = namer.claim("client_id")
            elif kind in ("oauth2", "openIdConnect"):
                option = namer.claim("access_token")
            elif not any(s.option == "api_key" for s in out):
                option = namer.claim("api_key")
            else:
                option = namer.claim(naming.py_identifier(name, prefix="credential"))
            env = (
                chosen.env_var
                if chosen and chosen.env_var
                else f"{names.env_prefix}_{option.upper()}"
            )
            out.append(
                SecurityScheme(
                    name=name,
                    kind=scheme_kind,
                    location=location,
                    param_name=str(raw.get("name", "")) if scheme_kind == "api_key" else "",
                    option=option,
                    env_var=env,
                    cli_flag=naming.kebab(option),
                    token_url=token_url if isinstance(token_url, str) else None,
                    description=_text(raw.get("description")),
                )
            )
        return tuple(out)

    def _security_names(self, requirements: Any, at: Position) -> tuple[str, ...] | None:
        """The schemes a ``security`` requirement list accepts, in order; ``None`` when absent."""
        if requirements is None:
            return None
        if not isinstance(requirements, list):
            self._warn(at, "security must be a list of requirements; ignored")
            return None
        known = {s.name for s in self.security}
        declared = self._mapping(self.data.get("components"), self.root.child("components")).get(
            "securitySchemes"
        )
        names: list[str] = []
        for i, req in enumerate(requirements):
            if not isinstance(req, dict):
                self._warn(at.child(i), "a security requirement must be a mapping; ignored")
                continue
            for name in req:
                if name in known:
                    if name not in names:
                        names.append(name)
                elif not (isinstance(declared, dict) and name in declared):
                    # (a declared but unsupported scheme was warned about already)
                    self._warn(at.child(i, name), f"security scheme {name!r} is not defined")
        return tuple(names)

    # --- operations and resources --------------------------------------------------

    def _collect_operations(self) -> list[_OpRef]:
        paths_at = self.root.child("paths")
        paths = self.data.get("paths")
        if paths is None:
            return []
        if not isinstance(paths, dict):
            raise paths_at.error(f"'paths' must be a mapping, found {type(paths).__name__}")
        out = []
        for path, item in paths.items():
            item_at = paths_at.child(str(path))
            if not isinstance(path, str) or not path.startswith("/"):
                self._warn(item_at, f"path {path!r} does not start with '/'; skipped")
                continue
            if isinstance(item, dict) and "$ref" in item:
                item_at, item = self.resolver.follow(item, item_at)
            if not isinstance(item, dict):
                raise item_at.error(f"path item must be a mapping, found {type(item).__name__}")
            for method in HTTP_METHODS:
                op = item.get(method)
                if op is None:
                    continue
                if not isinstance(op, dict):
                    raise item_at.child(method).error(
                        f"operation must be a mapping, found {type(op).__name__}"
                    )
                out.append(_OpRef(method, path, item_at.child(method), op, item, item_at))
            for key in item:
                if isinstance(key, str) and key.lower() in HTTP_METHODS and key not in HTTP_METHODS:
                    self._warn(item_at.child(key), f"method {key!r} must be lower case; skipped")
        self._check_operations(out)
        return out

    def _check_operations(self, ops: list[_OpRef]) -> None:
        """Warn about what the operations hold that no client can use or name."""
        first: dict[str, _OpRef] = {}
        for op in ops:
            op_id = op.node.get("operationId")
            if isinstance(op_id, str):
                earlier = first.setdefault(op_id, op)
                if earlier is not op:
                    self._warn(
                        op.at.child("operationId"),
                        f"operationId {op_id!r} is also used by {earlier.http_method.upper()} "
                        f"{earlier.path}; the method names are made unique",
                    )
            if op.node.get("callbacks"):
                self._warn(
                    op.at.child("callbacks"),
                    "callbacks are requests the server makes, not the client; not generated",
                )
        webhooks = self.data.get("webhooks")
        if isinstance(webhooks, dict) and webhooks:
            self._warn(
                self.root.child("webhooks"),
                f"{len(webhooks)} webhook(s) are requests the server makes, not the client; "
                "not generated",
            )

    def _assign_resources(self, ops: list[_OpRef]) -> dict[str, _ResourceDraft]:
        roots: dict[str, _ResourceDraft] = {}
        claimed: set[tuple[str, str]] = set()
        by_endpoint = {(op.http_method, op.path): op for op in ops}
        # Top-level resources are attributes of the client beside its own
        # attributes and credential options.
        resource_namer = naming.Namer(naming.CLIENT_RESERVED | {s.option for s in self.security})
        if self.config.resources is not None:
            self._configured(self.config.resources, roots, (), by_endpoint, claimed)
            for name in roots:
                resource_namer.reserve(name)
        # Tags that differ only in spelling ("Foo Bar", "foo-bar") stay separate
        # resources (the second gets a suffix); path segments that do are one.
        by_source: dict[str, str] = {}
        tag_descriptions = self._tag_descriptions()
        for op in ops:
            if (op.http_method, op.path) in claimed:
                continue
            if self.config.resources is not None:
                self._warn(
                    op.at,
                    f"{op.http_method.upper()} {op.path} is not in the config's "
                    "resources; placed by its tag",
                )
            source, natural, description = self._default_resource(op, tag_descriptions)
            resource_name = by_source.get(source)
            if resource_name is None:
                if natural in roots and self.config.resources is not None:
                    resource_name = natural  # the config's resource of that name
                else:
                    resource_name = resource_namer.claim(natural)
                by_source[source] = resource_name
            draft = roots.get(resource_name)
            if draft is None:
                draft = roots[resource_name] = _ResourceDraft(
                    resource_name, (resource_name,), description
                )
            words = naming.words(resource_name)
            method = naming.method_name(
                op.node.get("operationId") if isinstance(op.node.get("operationId"), str) else None,
                op.http_method,
                op.path,
                words,
            )
            method = naming.py_identifier(method, prefix="call")
            draft.ops.append((draft.method_namer.claim(method), op, None))
        for draft in _walk_drafts(roots):
            if draft.description is None:
                draft.description = _common_tag_description(draft, tag_descriptions)
        return roots

    def _configured(
        self,
        tree: tuple[ResourceConfig, ...],
        into: dict[str, _ResourceDraft],
        parent: tuple[str, ...],
        by_endpoint: dict[tuple[str, str], _OpRef],
        claimed: set[tuple[str, str]],
    ) -> None:
        for rc in tree:
            reserved = naming.CLIENT_RESERVED if not parent else naming.RESOURCE_RESERVED
            if rc.name in reserved:
                where = "the client" if not parent else "a resource"
                raise self._config_error(
                    rc.pointer,
                    f"resource name {rc.name!r} is taken by {where} itself; choose another",
                    rc.line,
                )
            draft = _ResourceDraft(rc.name, parent + (rc.name,), rc.description)
            into[rc.name] = draft
            children = {sub.name for sub in rc.subresources}
            for mc in rc.methods:
                if mc.name in naming.RESOURCE_RESERVED or mc.name in children:
                    raise self._config_error(
                        mc.pointer,
                        f"method name {mc.name!r} is taken by "
                        + ("a subresource" if mc.name in children else "the resource itself"),
                        mc.line,
                    )
                op = by_endpoint.get((mc.http_method, mc.path))
                if op is None:
                    raise self._config_error(
                        mc.pointer,
                        f"{mc.http_method.upper()} {mc.path} is not an operation in "
                        f"{self.doc.display}",
                        mc.line,
                    )
                if (mc.http_method, mc.path) in claimed:
                    raise self._config_error(
                        mc.pointer, f"{mc.http_method.upper()} {mc.path} is listed twice", mc.line
                    )
                if mc.paginated is not None and self.config.pagination(mc.paginated) is None:
                    raise self._config_error(
                        mc.pointer, f"no pagination scheme named {mc.paginated!r}", mc.line
                    )
                claimed.add((mc.http_method, mc.path))
                draft.ops.append((draft.method_namer.claim(mc.name), op, mc.paginated))
            self._configured(rc.subresources, draft.children, draft.path, by_endpoint, claimed)

    def _config_error(self, pointer: str, message: str, line: int | None = None) -> ConfigError:
        return ConfigError(message, file=self.config.file or "", pointer=pointer, line=line)

    def _declared_models(self) -> dict[str, tuple[str, tuple[str, ...]]]:
        """Component key -> (class name, types package) for models the config names."""
        out: dict[str, tuple[str, tuple[str, ...]]] = {}

        def visit(tree: tuple[ResourceConfig, ...], parent: tuple[str, ...]) -> None:
            for rc in tree:
                for model_name, ref in rc.models:
                    try:
                        target, _ = self.resolver.lookup(ref, self.root)
                    except Exception:
                        raise self._config_error(
                            join_pointer(rc.pointer, "models", model_name),
                            f"{ref} points nowhere",
                            rc.line,
                        ) from None
                    out[target.key] = (naming.pascal(model_name), parent)
                visit(rc.subresources, parent + (rc.name,))

        visit(self.config.resources or (), ())
        return out

    def _tag_descriptions(self) -> dict[str, str]:
        out = {}
        tags = self.data.get("tags")
        for tag in tags if isinstance(tags, list) else []:
            if isinstance(tag, dict) and isinstance(tag.get("name"), str):
                desc = _text(tag.get("description"))
                if desc:
                    out[tag["name"]] = desc
        return out

    def _default_resource(
        self, op: _OpRef, tag_descriptions: dict[str, str]
    ) -> tuple[str, str, str | None]:
        """(source key, natural name, description) of the resource an operation belongs to:
        its first tag, else the first meaningful path segment."""
        tags = op.node.get("tags")
        if isinstance(tags, list) and tags and isinstance(tags[0], str) and naming.snake(tags[0]):
            name = naming.py_identifier(tags[0], prefix="resource")
            return "tag:" + tags[0], name, tag_descriptions.get(tags[0])
        for segment in op.path.split("/"):
            if segment and not segment.startswith("{") and not naming.version_segment(segment):
                name = naming.snake(segment)
                if name:
                    return "path:" + name, naming.py_identifier(segment, prefix="resource"), None
        return "default", "default", None

    def _resource(self, draft: _ResourceDraft, parent_types: tuple[str, ...]) -> Resource:
        singular = naming.pascal(naming.singular_name(draft.py_name)) or "Resource"
        types_package = draft.path[:-1]
        resource = Resource(
            py_name=draft.py_name,
            path=draft.path,
            class_name=naming.pascal(draft.py_name) or "Resource",
            singular=singular,
            cli_name=naming.kebab(draft.py_name),
            cli_path=":".join(naming.kebab(p) for p in draft.path),
            docs_dir="/".join(naming.kebab(p) for p in draft.path),
            description=draft.description,
        )
        # Subresources' type packages live below this one.
        for child in draft.children.values():
            self.types.reserve_package(draft.path, child.py_name)
        operations = tuple(
            self._operation(resource, types_package, method, op, paginated)
            for method, op, paginated in draft.ops
        )
        subresources = tuple(self._resource(c, draft.path) for c in draft.children.values())
        from dataclasses import replace

        return replace(resource, operations=operations, subresources=subresources)

    # --- one operation -------------------------------------------------------------

    def _operation(
        self,
        resource: Resource,
        package: tuple[str, ...],
        method: str,
        op: _OpRef,
        paginated: str | None,
    ) -> Operation:
        node = op.node
        singulars = self._singulars(resource)
        type_stem = resource.singular + naming.pascal(method)
        params_class = type_stem + "Params"
        py_namer = naming.Namer(naming.METHOD_PARAM_RESERVED)
        flag_namer = naming.Namer(naming.CLI_GLOBAL_FLAGS, sep="-", escape="-param")
        params_scope: list[Scope] = []

        def scope() -> Scope:
            if not params_scope:
                module, class_name = self.types.new_module(package, params_class)
                params_scope.append(
                    Scope("request", module, self.types._model_id("request", module, class_name))
                )
            return params_scope[0]

        raw_params = self._parameters(op)
        raw_params += self._undeclared_path_params(op, raw_params)
        parameters: list[Parameter] = []
        # Path parameters first: they are positional in the SDK and the CLI.
        ordered = sorted(raw_params, key=lambda p: 0 if p[0].get("in") == "path" else 1)
        body_params: list[Parameter] = []
        for raw, at in ordered:
            location: str = raw["in"]
            parameters.append(self._parameter(raw, at, location, scope, py_namer, flag_namer))
        body = self._request_body(op, scope, py_namer, flag_namer, body_params)
        path_params = [p for p in parameters if p.location == "path"]
        other_params = [p for p in parameters if p.location != "path"]
        parameters = path_params + body_params + other_params
        self._check_path_params(op, path_params)

        pagination = None
        if paginated is not None or (self.config.paginations and op.http_method == "get"):
            pagination = self._pagination(
                op, paginated, parameters, package, type_stem + "Response"
            )
        # A paginated method's named type is its item, built above; the page is generic.
        response, errors, other_responses = self._responses(
            op, package, type_stem + "Response", typed=pagination is None
        )
        if pagination is not None:
            response = Response(
                response.status,
                response.description,
                "json",
                response.content_type,
                pagination.item_type,
                response.example,
                response.headers,
            )
        params_model = None
        non_path = [p for p in parameters if p.location != "path"]
        if body is not None and not body.flattened:
            non_path = [p for p in non_path if p.location != "body"]
        if params_scope and (non_path or (body is not None and not body.flattened)):
            params_model = self._params_model(params_scope[0], params_class, non_path, body, op)
        security = self._security_names(node.get("security"), op.at.child("security"))
        return Operation(
            operation_id=str(node.get("operationId") or f"{op.http_method}_{op.path}"),
            py_name=method,
            cli_name=naming.kebab(method) or method,
            http_method=op.http_method,
            path=op.path,
            summary=_text(node.get("summary")),
            description=_text(node.get("description")),
            parameters=tuple(parameters),
            body=body,
            response=response,
            error_responses=tuple(errors),
            pagination=pagination,
            params_model=params_model,
            docs_type_name=naming.docs_type_name(singulars, method),
            security=security
            if security is not None
            else (
                self.default_security
                if self.default_security is not None
                else tuple(s.name for s in self.security[:1])
            ),
            deprecated=node.get("deprecated") is True,
            source=Source(op.at.doc.display, op.at.pointer),
            servers=self._servers_at(node.get("servers"), op.at.child("servers"))
            or self._servers_at(op.path_item.get("servers"), op.path_item_at.child("servers")),
            other_responses=tuple(other_responses),
        )

    def _singulars(self, resource: Resource) -> list[str]:
        return [naming.pascal(naming.singular_name(p)) for p in resource.path]

    def _parameters(self, op: _OpRef) -> list[tuple[dict[str, Any], Position]]:
        """Path-item and operation parameters, the operation's winning on (name, in)."""
        merged: dict[tuple[str, str], tuple[dict[str, Any], Position]] = {}
        for owner, owner_at in ((op.path_item, op.path_item_at), (op.node, op.at)):
            raw = owner.get("parameters")
            if raw is None:
                continue
            if not isinstance(raw, list):
                self._warn(owner_at.child("parameters"), "parameters must be a list; ignored")
                continue
            for i, param in enumerate(raw):
                at = owner_at.child("parameters", i)
                if isinstance(param, dict) and "$ref" in param:
                    at, param = self.resolver.follow(param, at)
                if not isinstance(param, dict) or not isinstance(param.get("name"), str):
                    self._warn(at, "a parameter must be a mapping with a string 'name'; skipped")
                    continue
                if param.get("in") not in ("path", "query", "header", "cookie"):
                    self._warn(
                        at,
                        "parameter 'in' must be path, query, header or cookie, "
                        f"not {param.get('in')!r}; skipped",
                    )
                    continue
                if param["in"] in ("header", "cookie") and not _HTTP_TOKEN.match(param["name"]):
                    self._warn(
                        at,
                        f"{param['in']} name {param['name']!r} is not a valid HTTP token "
                        "(ASCII letters, digits and !#$%&'*+.^_`|~-); skipped",
                    )
                    continue
                if param["in"] == "header" and param["name"].lower() in (
                    "accept",
                    "content-type",
                    "authorization",
                ):
                    self._warn(
                        at, f"header parameter {param['name']!r} is set by the client; skipped"
                    )
                    continue
                merged[(param["name"], param["in"])] = (param, at)
        return list(merged.values())

    def _parameter(
        self,
        raw: dict[str, Any],
        at: Position,
        location: str,
        scope: Any,
        py_namer: naming.Namer,
        flag_namer: naming.Namer,
    ) -> Parameter:
        schema: Any = raw.get("schema")
        schema_at = at.child("schema")
        content_type = None
        if schema is None and isinstance(raw.get("content"), dict) and raw["content"]:
            media, media_obj = next(iter(raw["content"].items()))
            content_type = str(media)
            schema = media_obj.get("schema") if isinstance(media_obj, dict) else None
            schema_at = at.child("content", content_type, "schema")
        if schema is None:
            self._warn(at, "parameter without a schema; typed as string")
            schema = {"type": "string"}
        name = raw["name"]
        expr = self.types.build(schema, schema_at, scope(), naming.pascal(name) or "Param")
        required = raw.get("required") is True or location == "path"
        default_style = {"query": "form", "cookie": "form", "path": "simple", "header": "simple"}[
            location
        ]
        style = raw.get("style") if isinstance(raw.get("style"), str) else default_style
        explode = raw["explode"] if isinstance(raw.get("explode"), bool) else style == "form"
        _, resolved = self.types._peek(schema, schema_at)
        example = raw.get("example", resolved.get("example", _MISSING))
        default = resolved.get("default", _MISSING)
        return Parameter(
            wire_name=name,
            location=location,  # type: ignore[arg-type]
            py_name=py_namer.claim(naming.py_identifier(name, prefix="param")),
            cli_flag=_claim_flag(flag_namer, naming.cli_flag(name, is_array=_is_array(expr)), expr),
            type=expr,
            required=required,
            description=_text(raw.get("description")) or _text(resolved.get("description")),
            default=None if default is _MISSING else Value(default),
            example=None if example is _MISSING else Value(example),
            deprecated=raw.get("deprecated") is True,
            style=style,
            explode=explode,
            content_type=content_type,
        )

    def _undeclared_path_params(
        self, op: _OpRef, raw_params: list[tuple[dict[str, Any], Position]]
    ) -> list[tuple[dict[str, Any], Position]]:
        """Path template variables no parameter declares, as string parameters (with a warning)."""
        declared = {raw["name"] for raw, _ in raw_params if raw.get("in") == "path"}
        out: list[tuple[dict[str, Any], Position]] = []
        for name in dict.fromkeys(re.findall(r"\{([^}/]+)\}", op.path)):
            if name not in declared:
                self._warn(
                    op.at,
                    f"path parameter {{{name}}} of {op.path} is not declared; "
                    "generated as a required string",
                )
                out.append(({"name": name, "in": "path", "schema": {"type": "string"}}, op.at))
        return out

    def _check_path_params(self, op: _OpRef, path_params: list[Parameter]) -> None:
        in_template = set(re.findall(r"\{([^}/]+)\}", op.path))
        for name in sorted({p.wire_name for p in path_params} - in_template):
            self._warn(
                op.at,
                f"path parameter {name!r} does not appear in {op.path}; it is ignored by servers",
            )

    def _request_body(
        self,
        op: _OpRef,
        scope: Any,
        py_namer: naming.Namer,
        flag_namer: naming.Namer,
        body_params: list[Parameter],
    ) -> RequestBody | None:
        raw = op.node.get("requestBody")
        if raw is None:
            return None
        at = op.at.child("requestBody")
        if isinstance(raw, dict) and "$ref" in raw:
            at, raw = self.resolver.follow(raw, at)
        if (
            not isinstance(raw, dict)
            or not isinstance(raw.get("content"), dict)
            or not raw["content"]
        ):
            self._warn(at, "request body without content; ignored")
            return None
        content_type, media = _pick_media(raw["content"])
        media_at = at.child("content", content_type)
        encoding = _encoding(content_type)
        schema = media.get("schema") if isinstance(media, dict) else None
        schema_at = media_at.child("schema")
        if schema is None:
            schema = {"type": "string", "format": "binary"} if encoding in ("binary",) else {}
        required = raw.get("required") is True
        if encoding in ("json", "multipart", "form"):
            target_at, target = self.types._peek(schema, schema_at)
            if target and self.types.is_plain_object(target, target_at):
                props = self.types.properties_of(schema, schema_at, scope(), naming.Namer())
                for prop in props:
                    body_params.append(
                        Parameter(
                            wire_name=prop.wire_name,
                            location="body",
                            py_name=py_namer.claim(
                                naming.py_identifier(prop.wire_name, prefix="param")
                            ),
                            cli_flag=_claim_flag(
                                flag_namer,
                                naming.cli_flag(prop.wire_name, is_array=_is_array(prop.type)),
                                prop.type,
                            ),
                            type=prop.type,
                            required=prop.required,
                            description=prop.description,
                            default=prop.default,
                            example=prop.example,
                            deprecated=prop.deprecated,
                        )
                    )
                return RequestBody(
                    content_type,
                    encoding,
                    None,
                    required,
                    True,
                    description=_text(raw.get("description")),
                    part_content_types=self._part_content_types(media, media_at),
                )
        expr = self.types.build(schema, schema_at, scope(), "Body")
        py_name = py_namer.claim("body")
        return RequestBody(
            content_type,
            encoding,
            expr,
            required,
            False,
            py_name=py_name,
            cli_flag=flag_namer.claim("body"),
            description=_text(raw.get("description")),
            part_content_types=self._part_content_types(media, media_at),
        )

    def _part_content_types(self, media: Any, at: Position) -> tuple[tuple[str, str], ...]:
        """``encoding.<field>.contentType`` of a multipart or form body, by field."""
        if not isinstance(media, dict):
            return ()
        out = []
        for name, spec in self._mapping(media.get("encoding"), at.child("encoding")).items():
            if isinstance(spec, dict) and isinstance(spec.get("contentType"), str):
                out.append((str(name), spec["contentType"]))
        return tuple(out)

    def _params_model(
        self,
        scope: Scope,
        class_name: str,
        params: list[Parameter],
        body: RequestBody | None,
        op: _OpRef,
    ) -> str:
        props = [
            Property(
                p.wire_name,
                p.py_name,
                p.type,
                p.required,
                p.description,
                p.default,
                p.example,
                deprecated=p.deprecated,
            )
            for p in params
        ]
        if body is not None and body.type is not None:
            props.append(Property("body", body.py_name, body.type, body.required, body.description))
        model_id = scope.parent or ""
        self.types.models[model_id] = Model(
            id=model_id,
            role="request",
            class_name=class_name
            if model_id.endswith(":" + class_name)
            else model_id.rsplit(":", 1)[-1],
            module=scope.module,
            kind="object",
            properties=tuple(props),
            additional=False,
            description=None,
            source=Source(op.at.doc.display, op.at.pointer),
        )
        return model_id

    # --- responses -------------------------------------------------------------------

    def _responses(
        self, op: _OpRef, package: tuple[str, ...], class_hint: str, typed: bool = True
    ) -> tuple[Response, list[Response], list[Response]]:
        """(the success response, the error responses, the other 2XX responses)."""
        at = op.at.child("responses")
        raw = op.node.get("responses")
        if raw is not None and not isinstance(raw, dict):
            self._warn(at, f"'responses' must be a mapping, found {type(raw).__name__}; ignored")
            raw = None
        if not raw:
            self._warn(at, "operation without responses; its result is untyped")
            return Response("200", None, "empty"), [], []
        entries: dict[str, tuple[Position, Any]] = {}
        for status, value in raw.items():
            key = str(status)
            if not isinstance(status, str):
                self._warn(at.child(key), f"response code {status!r} should be a quoted string")
            entries[key] = (at.child(key), value)
        success_key = next((k for k in _SUCCESS_ORDER if k in entries), None)
        if success_key is None:
            success_key = next((k for k in entries if k.startswith("2")), None)
        if success_key is None and "default" in entries:
            success_key = "default"
        errors: list[Response] = []
        others: list[Response] = []
        for key, (here, value) in entries.items():
            if key == success_key:
                continue
            if key.startswith(("4", "5")) or key == "default":
                errors.append(self._response(key, here, value, None, None))
            elif key.startswith("2"):
                others.append(self._response(key, here, value, None, None))
            elif not key.startswith(("1", "3")):
                self._warn(here, f"response code {key!r} is not an HTTP status; ignored")
        if success_key is None:
            return Response("200", None, "empty"), errors, others
        here, value = entries[success_key]
        if not typed:
            return self._response(success_key, here, value, None, None), errors, others
        return self._response(success_key, here, value, package, class_hint), errors, others

    def _response(
        self,
        status: str,
        at: Position,
        raw: Any,
        package: tuple[str, ...] | None,
        class_hint: str | None,
    ) -> Response:
        if isinstance(raw, dict) and "$ref" in raw:
            at, raw = self.resolver.follow(raw, at)
        if not isinstance(raw, dict):
            self._warn(at, "response is not a mapping; ignored")
            return Response(status, None, "empty")
        description = _text(raw.get("description"))
        headers = self._headers(raw.get("headers"), at.child("headers"))
        content = raw.get("content")
        if not isinstance(content, dict) or not content or status == "204":
            return Response(status, description, "empty", headers=headers)
        content_type, media = _pick_media(content)
        kind = _response_kind(content_type)
        media = media if isinstance(media, dict) else {}
        media_at = at.child("content", content_type)
        example = _media_example(media)
        expr: TypeExpr | None = None
        schema = media.get("schema")
        if kind == "json" and schema is not None and package is not None and class_hint is not None:
            expr = self.types.named_model(
                schema, media_at.child("schema"), "response", package, class_hint
            )
        elif (
            kind == "sse" and schema is not None and package is not None and class_hint is not None
        ):
            expr = self.types.named_model(
                schema,
                media_at.child("schema"),
                "response",
                package,
                class_hint.removesuffix("Response") + "Event",
            )
        return Response(status, description, kind, content_type, expr, example, headers)

    def _headers(self, raw: Any, at: Position) -> tuple[Header, ...]:
        out = []
        for name, header in self._mapping(raw, at).items():
            here = at.child(name)
            if isinstance(header, dict) and "$ref" in header:
                here, header = self.resolver.follow(header, here)
            if not isinstance(header, dict):
                self._warn(here, "response header is not a mapping; skipped")
                continue
            schema = header.get("schema", {"type": "string"})
            _, resolved = self.types._peek(schema, here.child("schema"))
            kind: Any = resolved.get("type")
            if kind not in ("string", "integer", "number", "boolean"):
                kind = "string"
            prim = Primitive(kind)
            out.append(Header(str(name), prim, _text(header.get("description"))))
        return tuple(out)

    # --- pagination --------------------------------------------------------------------

    def _pagination(
        self,
        op: _OpRef,
        scheme_name: str | None,
        params: list[Parameter],
        package: tuple[str, ...],
        class_hint: str,
    ) -> Pagination | None:
        schemes = (
            [self.config.pagination(scheme_name)] if scheme_name else list(self.config.paginations)
        )
        for scheme in schemes:
            if scheme is None:
                continue
            result = self._match_pagination(
                op, scheme, params, package, class_hint, explicit=bool(scheme_name)
            )
            if result is not None:
                return result
        return None

    def _match_pagination(
        self,
        op: _OpRef,
        scheme: PaginationConfig,
        params: list[Parameter],
        package: tuple[str, ...],
        class_hint: str,
        explicit: bool,
    ) -> Pagination | None:
        items_field = scheme.response_field("items") or "data"
        schema_at, page = self._success_schema(op)
        problem = None
        items_schema: Any = None
        items_at = None
        if page is None:
            problem = "its success response has no JSON object schema"
        else:
            props = self._all_properties(page, schema_at)
            entry = props.get(items_field)
            if entry is None:
                problem = f"its response has no {items_field!r} field"
            else:
                field_schema, field_at = entry
                field_at, field_schema = self.types._peek(field_schema, field_at)
                if field_schema.get("type") != "array" and "items" not in field_schema:
                    problem = f"its response field {items_field!r} is not an array"
                else:
                    items_schema = field_schema.get("items", {})
                    items_at = field_at.child("items")
        wire_params = {p.wire_name for p in params if p.location == "query"}
        for name, purpose in scheme.request:
            if purpose in ("next_cursor_param", "offset", "page") and name not in wire_params:
                problem = problem or f"it has no query parameter {name!r}"
        if problem is not None:
            if explicit:
                self._warn(
                    op.at,
                    f"pagination scheme {scheme.name!r} does not fit: {problem}; not paginated",
                )
            return None
        assert items_at is not None
        item_type = self.types.named_model(items_schema, items_at, "response", package, class_hint)
        page_class = naming.pascal(scheme.name) or "Page"
        self.page_classes[page_class] = scheme.type
        return Pagination(
            scheme=scheme.name,
            style=scheme.type,  # type: ignore[arg-type]
            page_class=page_class,
            items_field=items_field,
            item_type=item_type,
            has_more_field=scheme.response_field("has_next_page"),
            next_cursor_field=scheme.response_field("next_cursor"),
            next_cursor_param=scheme.request_field("next_cursor_param"),
            previous_cursor_field=scheme.response_field("previous_cursor"),
            previous_cursor_param=scheme.request_field("previous_cursor_param"),
            page_size_param=scheme.request_field("page_size"),
            offset_param=scheme.request_field("offset"),
            page_param=scheme.request_field("page"),
        )

    def _success_schema(self, op: _OpRef) -> tuple[Position, dict[str, Any] | None]:
        responses = op.node.get("responses")
        if not isinstance(responses, dict):
            return op.at, None
        for key in _SUCCESS_ORDER:
            raw = responses.get(key, responses.get(int(key)) if key.isdigit() else None)
            if raw is None:
                continue
            at = op.at.child("responses", key)
            if isinstance(raw, dict) and "$ref" in raw:
                at, raw = self.resolver.follow(raw, at)
            content = raw.get("content") if isinstance(raw, dict) else None
            if not isinstance(content, dict):
                return at, None
            content_type, media = _pick_media(content)
            schema = media.get("schema") if isinstance(media, dict) else None
            if schema is None:
                return at, None
            at, schema = self.types._peek(schema, at.child("content", content_type, "schema"))
            return at, schema or None
        return op.at, None

    def _all_properties(
        self, schema: dict[str, Any], at: Position
    ) -> dict[str, tuple[Any, Position]]:
        return self.types._merge(schema, at).properties

    # --- helpers ---------------------------------------------------------------------

    def _mapping(self, value: Any, at: Position) -> dict[str, Any]:
        if value is None:
            return {}
        if not isinstance(value, dict):
            self._warn(at, f"expected a mapping, found {type(value).__name__}; ignored")
            return {}
        return value

    def _warn(self, at: Position, message: str) -> None:
        self.diagnostics.warn(
            message, file=at.doc.display, pointer=at.pointer, line=at.doc.line_of(at.pointer)
        )


_MISSING = object()


def _walk_drafts(tree: dict[str, _ResourceDraft]) -> list[_ResourceDraft]:
    out = []
    for draft in tree.values():
        out.append(draft)
        out.extend(_walk_drafts(draft.children))
    return out


def _common_tag_description(draft: _ResourceDraft, descriptions: dict[str, str]) -> str | None:
    tags: set[str] | None = None
    for _, op, _ in draft.ops:
        op_tags = {t for t in op.node.get("tags", []) or [] if isinstance(t, str)}
        tags = op_tags if tags is None else tags & op_tags
    for tag in sorted(tags or ()):
        if tag in descriptions:
            return descriptions[tag]
    return None


def _is_array(expr: TypeExpr) -> bool:
    return isinstance(expr, ArrayType)


def _claim_flag(namer: naming.Namer, flag: str, expr: TypeExpr) -> str:
    """A unique CLI flag; a boolean's also keeps its ``no-`` form free
    (``--verbose/--no-verbose``), so no other flag can take that."""
    if not (isinstance(expr, Primitive) and expr.kind == "boolean"):
        return namer.claim(flag)
    while True:
        name = namer.claim(flag)
        if "no-" + name not in namer.taken and "no-" + name not in namer.reserved:
            namer.reserve("no-" + name)
            return name


def _pick_media(content: dict[str, Any]) -> tuple[str, Any]:
    """The media type a client should use: JSON first, then forms, then the first listed."""
    keys = [k for k in content if isinstance(k, str)]
    for predicate in (
        lambda k: bool(_JSON.match(k)),
        lambda k: k.startswith("multipart/form-data"),
        lambda k: k.startswith("application/x-www-form-urlencoded"),
        lambda k: k.startswith("text/event-stream"),
    ):
        for key in keys:
            if predicate(key):
                return key, content[key]
    key = keys[0] if keys else "application/octet-stream"
    return key, content.get(key)


def _encoding(content_type: str) -> Any:
    if _JSON.match(content_type):
        return "json"
    if content_type.startswith("multipart/"):
        return "multipart"
    if content_type.startswith("application/x-www-form-urlencoded"):
        return "form"
    if content_type.startswith("text/"):
        return "text"
    return "binary"


def _response_kind(content_type: str) -> Any:
    if _JSON.match(content_type) or content_type == "*/*":
        return "json"
    if content_type.startswith("text/event-stream"):
        return "sse"
    if content_type.startswith("text/"):
        return "text"
    return "binary"


def _media_example(media: dict[str, Any]) -> Value | None:
    if "example" in media:
        return Value(media["example"])
    examples = media.get("examples")
    if isinstance(examples, dict):
        for example in examples.values():
            if isinstance(example, dict) and "value" in example:
                return Value(example["value"])
    return None


def _text(value: Any) -> str | None:
    return value.strip() or None if isinstance(value, str) else None
