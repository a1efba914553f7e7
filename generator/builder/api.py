"""The top level of the model: names, servers and resources put together."""

from __future__ import annotations

import json
import re
from functools import cached_property

from .. import naming, versions
from ..config import SHARED_PACKAGE, ClientOption, Config, default_names
from ..errors import Diagnostics
from ..loader import Document
from ..model import API, ClientSettings, HeaderOption, KeptOption, Names, StreamRule
from ..refs import Resolver
from ..schemas import ModelPolicy, TypeBuilder
from .common import text_of
from .resources import ResourcesMixin, walk_drafts


def build_api(doc: Document, config: Config, resolver: Resolver, diagnostics: Diagnostics) -> API:
    """The whole intermediate model for ``doc``."""
    return _Builder(doc, config, resolver, diagnostics).build()


class _Builder(ResourcesMixin):
    """Builds one API model; each stage is a mixin of its own module."""

    # --- top level ---------------------------------------------------------------

    def build(self) -> API:
        info = self.data.get("info")
        if not isinstance(info, dict):
            raise self.root.child("info").error(
                "'info' must be a mapping with a title and a version"
            )
        title = text_of(info.get("title"))
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
            shared_package=SHARED_PACKAGE if self.config.shared_models else None,
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
        for draft in walk_drafts(drafts):
            class_name = naming.pascal(draft.py_name) or "Resource"
            self.types.reserve_class(class_name + "Resource")
            self.types.reserve_class("Async" + class_name + "Resource")
        for scheme in self.config.paginations:
            page = naming.pascal(scheme.name) or "Page"
            for prefix in ("", "Sync", "Async"):
                self.types.reserve_class(prefix + page)
        # The config's `security` takes precedence over the document's.
        self.default_security = self._security_names(
            self.data.get("security")
            if self.config.security is None
            else [dict.fromkeys(alternative, []) for alternative in self.config.security],
            self.root.child("security"),
        )
        self.page_classes: dict[str, str] = {}
        resources = tuple(self._resource(d, ()) for d in drafts.values())
        self._shared_response_models()
        servers = self._servers()
        return API(
            names=names,
            title=title,
            version=str(info.get("version", "")),
            description=text_of(info.get("description")),
            servers=servers,
            base_url=self._base_url(servers),
            environments=self.config.environments,
            security_schemes=self.security,
            resources=resources,
            models=tuple(self.types.models.values()),
            source_file=self.doc.display,
            page_classes=tuple(sorted(self.page_classes.items())),
            client_settings=self._client_settings(),
            shared_package=SHARED_PACKAGE if self.config.shared_models else None,
        )

    def _shared_response_models(self) -> None:
        """Every shared model is a class in types/shared, even one only requests
        use (whose TypedDict is in types/shared_params), as the Stainless SDKs have it."""
        for _, ref in self.config.shared_models:
            # `_declared_models` has already reported refs that point nowhere.
            target, node = self.resolver.lookup(ref, self.root)
            if self.types.wants_model(node, target):
                self.types.component_model(node, target, "response")

    def _kept_option(self, opt: ClientOption) -> KeptOption:
        """An option the client takes and keeps but sends nowhere, typed per its ``type``."""
        kind = opt.type if opt.type in ("string", "boolean", "integer", "number") else "string"
        default = opt.default
        if default is not None:
            expected: tuple[type, ...] = {
                "string": (str,),
                "boolean": (bool,),
                "integer": (int,),
                "number": (int, float),
            }[kind]
            if not isinstance(default, expected) or (
                kind != "boolean" and isinstance(default, bool)
            ):
                raise self._config_error(
                    opt.pointer + "/default",
                    f"default {default!r} is not {'an' if kind == 'integer' else 'a'} {kind}",
                    opt.line,
                )
        return KeptOption(
            option=opt.name,
            type=kind,  # type: ignore[arg-type]
            env_var=opt.read_env,
            description=opt.description,
            default=default,
            required=opt.nullable is False and default is None,
            secret=kind == "string" and naming.looks_secret(opt.name),
        )

    def _client_settings(self) -> ClientSettings:
        c = self.config
        defaults = ClientSettings()
        # Header options are keywords of the client beside its credentials.
        taken = naming.CLIENT_RESERVED | {s.option for s in self.security}
        header_options = []
        kept_options = []
        for opt in c.client_options:
            if opt.security_scheme is not None:
                continue
            if opt.send_in_header is None:
                if opt.send_in_query is None:
                    # Sent nowhere: the client keeps it for code that reads it.
                    if opt.name in taken:
                        raise self._config_error(
                            opt.pointer,
                            f"client option {opt.name!r} is taken by the client itself",
                            opt.line,
                        )
                    kept_options.append(self._kept_option(opt))
                continue
            if opt.name in taken:
                raise self._config_error(
                    opt.pointer,
                    f"client option {opt.name!r} is taken by the client itself",
                    opt.line,
                )
            header_options.append(
                HeaderOption(
                    option=opt.name,
                    header=opt.send_in_header,
                    env_var=opt.read_env,
                    description=opt.description,
                    default=None if opt.default is None else str(opt.default),
                    required=opt.nullable is False and opt.default is None,
                )
            )
        return ClientSettings(
            timeout=c.timeout if c.timeout is not None else defaults.timeout,
            max_retries=c.max_retries if c.max_retries is not None else defaults.max_retries,
            initial_retry_delay=c.initial_retry_delay or defaults.initial_retry_delay,
            max_retry_delay=c.max_retry_delay or defaults.max_retry_delay,
            idempotency_header=c.idempotency_header or defaults.idempotency_header,
            query_array_format=c.query_array_format,  # type: ignore[arg-type]
            query_nested_format=c.query_nested_format,  # type: ignore[arg-type]
            default_headers=c.default_headers,
            header_options=tuple(header_options),
            kept_options=tuple(kept_options),
            readme_examples=tuple(
                (e.name, e.http_method, e.path, json.dumps(e.params, sort_keys=True, default=str))
                for e in c.readme_examples
            ),
            stream_rules=tuple(
                StreamRule(
                    rule.event_types if rule.matches_event_type else (),
                    rule.data_starts_with,
                    rule.handle,  # type: ignore[arg-type]
                )
                for rule in c.on_event
            ),
        )

    def _names(self, title: str) -> Names:
        c = self.config
        d = default_names(title)
        sdk_package = c.sdk_package or d["sdk_package"]
        client = (
            c.client_class
            or (naming.organization_class_name(c.organization) if c.organization else "")
            or d["client_class"]
        )
        env_prefix = c.env_prefix or (
            naming.snake(c.organization).upper() if c.organization else ""
        )
        if not re.fullmatch(r"[A-Z][A-Z0-9_]*", env_prefix):
            env_prefix = ""
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
            env_prefix=env_prefix or d["env_prefix"],
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
