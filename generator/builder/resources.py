"""Operations found in the document, placed in resources (from the config or by tag and path)."""

from __future__ import annotations

from dataclasses import dataclass, field

from .. import naming
from ..config import (
    HTTP_METHODS,
    SHARED_PACKAGE,
    UNPAGINATED,
    MethodConfig,
    ResourceConfig,
    WebhookMethodConfig,
)
from ..errors import join_pointer
from ..model import (
    ANY,
    Discriminator,
    EnumType,
    Model,
    ModelRef,
    Property,
    Resource,
    Source,
    TypeExpr,
    UnionType,
    WebhookMethod,
)
from ..schemas import Scope
from .common import OpRef, text_of
from .operations import OperationsMixin


@dataclass
class ResourceDraft:
    py_name: str
    path: tuple[str, ...]
    description: str | None = None
    ops: list[tuple[str, OpRef, str | None]] = field(
        default_factory=list
    )  # (method, op, paginated)
    children: dict[str, ResourceDraft] = field(default_factory=dict)
    method_namer: naming.Namer = field(
        default_factory=lambda: naming.Namer(naming.RESOURCE_RESERVED)
    )
    #: The config's entry for the resource, when it has one.
    config: ResourceConfig | None = None


class ResourcesMixin(OperationsMixin):
    """Collecting operations and placing them in resources."""

    def _collect_operations(self) -> list[OpRef]:
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
                out.append(OpRef(method, path, item_at.child(method), op, item, item_at))
            for key in item:
                if isinstance(key, str) and key.lower() in HTTP_METHODS and key not in HTTP_METHODS:
                    self._warn(item_at.child(key), f"method {key!r} must be lower case; skipped")
        self._check_operations(out)
        return out

    def _check_operations(self, ops: list[OpRef]) -> None:
        """Warn about what the operations hold that no client can use or name."""
        first: dict[str, OpRef] = {}
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

    def _assign_resources(self, ops: list[OpRef]) -> dict[str, ResourceDraft]:
        roots: dict[str, ResourceDraft] = {}
        claimed: set[tuple[str, str]] = set()
        self.method_configs: dict[tuple[str, str], MethodConfig] = {}
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
        unspecified = set(self.config.unspecified_endpoints)
        on_client = {(m.http_method, m.path) for m in self.config.client_methods}
        for op in ops:
            if (op.http_method, op.path) in claimed:
                continue
            if (op.http_method, op.path) in unspecified:
                continue  # the config leaves it out of the SDK on purpose
            if (op.http_method, op.path) in on_client:
                self._warn(
                    op.at,
                    f"{op.http_method.upper()} {op.path} is a $client method; methods on the "
                    "client itself are not generated, so it is placed by its tag",
                )
            elif self.config.resources is not None:
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
                draft = roots[resource_name] = ResourceDraft(
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
        for draft in walk_drafts(roots):
            if draft.description is None:
                draft.description = common_tag_description(draft, tag_descriptions)
        return roots

    def _configured(
        self,
        tree: tuple[ResourceConfig, ...],
        into: dict[str, ResourceDraft],
        parent: tuple[str, ...],
        by_endpoint: dict[tuple[str, str], OpRef],
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
            draft = ResourceDraft(rc.name, parent + (rc.name,), rc.description, config=rc)
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
                self.method_configs[(mc.http_method, mc.path)] = mc
                if mc.deprecated and op.node.get("deprecated") is not True:
                    # The config deprecates it as the document could have: the
                    # operation reads as deprecated to every later stage.
                    op.node["deprecated"] = True
                paginated = UNPAGINATED if mc.unpaginated else mc.paginated
                draft.ops.append((draft.method_namer.claim(mc.name), op, paginated))
            self._configured(rc.subresources, draft.children, draft.path, by_endpoint, claimed)

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
        # Shared models (`$shared`) live in types/shared, used wherever the document uses them.
        for model_name, ref in self.config.shared_models:
            try:
                target, _ = self.resolver.lookup(ref, self.root)
            except Exception:
                raise self._config_error(
                    join_pointer("/resources/$shared/models", model_name), f"{ref} points nowhere"
                ) from None
            out[target.key] = (naming.pascal(model_name), (SHARED_PACKAGE,))
        return out

    def _tag_descriptions(self) -> dict[str, str]:
        out = {}
        tags = self.data.get("tags")
        for tag in tags if isinstance(tags, list) else []:
            if isinstance(tag, dict) and isinstance(tag.get("name"), str):
                desc = text_of(tag.get("description"))
                if desc:
                    out[tag["name"]] = desc
        return out

    def _default_resource(
        self, op: OpRef, tag_descriptions: dict[str, str]
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

    def _resource(self, draft: ResourceDraft, parent_types: tuple[str, ...]) -> Resource:
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
        webhooks = tuple(
            self._webhook_method(draft, types_package, wc)
            for wc in (draft.config.webhook_methods if draft.config is not None else ())
        )
        from dataclasses import replace

        return replace(
            resource,
            operations=operations,
            subresources=subresources,
            webhook_methods=webhooks,
        )

    def _webhook_method(
        self, draft: ResourceDraft, package: tuple[str, ...], wc: WebhookMethodConfig
    ) -> WebhookMethod:
        """A ``type: webhook_unwrap`` method: its result is the union of the
        resource's models that the discriminator tells apart (each with a
        constant value for it), named ``<Method>WebhookEvent``."""
        assert draft.config is not None
        variants: list[ModelRef] = []
        mapping: list[tuple[str, str]] = []
        for model_name, ref in draft.config.models:
            expr = self.types.build(
                {"$ref": ref}, self.root, Scope("response", (), None), naming.pascal(model_name)
            )
            if not isinstance(expr, ModelRef):
                continue
            model = self.types.models.get(expr.model_id)
            tag = _constant(model.properties if model else (), wc.discriminator)
            if wc.discriminator is not None and tag is None:
                continue  # a base model: not an event of its own
            variants.append(ModelRef(expr.model_id))
            if tag is not None:
                mapping.append((tag, expr.model_id))
        if not variants:
            self.diagnostics.warn(
                f"webhook method {wc.name!r}: the resource names no event models"
                + (f" with a constant {wc.discriminator!r}" if wc.discriminator else ""),
                file=self.config.file or "",
                pointer=wc.pointer,
                line=wc.line,
            )
        name = draft.method_namer.claim(wc.name)
        module, class_name = self.types.new_module(package, naming.pascal(wc.name) + "WebhookEvent")
        model_id = self.types._model_id("response", module, class_name)
        union: TypeExpr = (
            UnionType(
                tuple(variants),
                discriminator=Discriminator(wc.discriminator, tuple(mapping))
                if wc.discriminator and mapping
                else None,
            )
            if len(variants) > 1
            else (variants[0] if variants else ANY)
        )
        self.types.models[model_id] = Model(
            id=model_id,
            role="response",
            class_name=class_name,
            module=module,
            kind="alias",
            alias_of=union,
            source=Source(self.config.file or "", wc.pointer),
        )
        return WebhookMethod(name, ModelRef(model_id), wc.webhook_key_opt)


def walk_drafts(tree: dict[str, ResourceDraft]) -> list[ResourceDraft]:
    out = []
    for draft in tree.values():
        out.append(draft)
        out.extend(walk_drafts(draft.children))
    return out


def common_tag_description(draft: ResourceDraft, descriptions: dict[str, str]) -> str | None:
    tags: set[str] | None = None
    for _, op, _ in draft.ops:
        op_tags = {t for t in op.node.get("tags", []) or [] if isinstance(t, str)}
        tags = op_tags if tags is None else tags & op_tags
    for tag in sorted(tags or ()):
        if tag in descriptions:
            return descriptions[tag]
    return None


def _constant(properties: tuple[Property, ...], wire: str | None) -> str | None:
    """The one value the property ``wire`` may take (a const or one-value enum), if so."""
    for prop in properties:
        if prop.wire_name == wire and isinstance(prop.type, EnumType):
            values = prop.type.values
            if len(values) == 1 and isinstance(values[0], str):
                return values[0]
    return None
