"""Turn JSON Schemas from the document into type expressions and named models.

:class:`TypeBuilder` walks a schema and returns a :class:`~generator.model.TypeExpr`.
Objects with properties become :class:`~generator.model.Model` values, named
from where they are used (``KeyDetails`` for the property ``key_details``) or
after their component (``Pet`` for ``#/components/schemas/Pet``), depending
on :class:`ModelPolicy`. Recursion is always broken by a named model, found
up front from the graph of ``$ref`` targets.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace
from typing import Any, Literal

from . import naming
from .errors import Diagnostics
from .loader import json_key
from .model import (
    ANY,
    ArrayType,
    Constraints,
    Discriminator,
    EnumType,
    MapType,
    Model,
    ModelRef,
    ModelRole,
    Primitive,
    PrimitiveKind,
    Property,
    Source,
    TypeExpr,
    UnionType,
    Value,
)
from .refs import Position, Resolver

_ANNOTATIONS = frozenset(
    {
        "description",
        "title",
        "example",
        "examples",
        "deprecated",
        "readOnly",
        "writeOnly",
        "externalDocs",
        "xml",
        "$comment",
        "default",
        "nullable",
    }
)
_SCALAR_KINDS: dict[str, PrimitiveKind] = {
    "string": "string",
    "integer": "integer",
    "number": "number",
    "boolean": "boolean",
    "null": "null",
}


@dataclass(frozen=True)
class ModelPolicy:
    """Which component schemas become models named after themselves.

    ``promote_components``: every object or union component is a model of its
    own (the natural choice with no config). Otherwise (a config lists the
    resources) components are inlined where used and named after that use,
    the way hand-curated SDKs name them (``APIKeyListResponse``), except those
    in ``declared`` (component key -> model name) and recursive ones.
    """

    promote_components: bool
    declared: dict[str, tuple[str, tuple[str, ...]]] = field(default_factory=dict)
    #: The types package of the config's shared models, if any.
    shared_package: str | None = None


@dataclass
class Scope:
    """Where models created for inline schemas are defined."""

    role: ModelRole
    module: tuple[str, ...]
    parent: str | None


class TypeBuilder:
    def __init__(
        self,
        resolver: Resolver,
        diagnostics: Diagnostics,
        policy: ModelPolicy,
        openapi_version: str = "3.1",
    ):
        self.resolver = resolver
        self.diagnostics = diagnostics
        self.policy = policy
        #: "3.0" reads schemas the 3.0 way; anything later as JSON Schema 2020-12.
        self.openapi_version = openapi_version
        self.models: dict[str, Model] = {}
        # Class names are unique within a types package (``types/beta/v2``),
        # as the Stainless SDKs have them: the same name in two resources'
        # packages is two classes (``FileUploadResponse`` in both), never a
        # numbered one; a module importing both aliases one of them.
        self._class_namers: dict[tuple[str, ...], naming.Namer] = {}
        self._reserved_classes: set[str] = set()
        self._module_namers: dict[tuple[str, ...], naming.Namer] = {}
        self._components: dict[tuple[str, ModelRole], str] = {}
        self._recursive: set[str] = set()
        self._inlining: list[str] = []
        self._warned: set[tuple[str, str]] = set()
        #: (id of an inline object schema, role) -> the model built from it
        self._inline_models: dict[tuple[int, ModelRole], str] = {}

    # --- names -----------------------------------------------------------------

    def reserve_package(self, package: tuple[str, ...], name: str) -> None:
        """Keep a module name free in a types package (a subpackage lives there)."""
        self._module_namer(package).reserve(name)

    def reserve_class(self, name: str) -> None:
        """Keep a class name free for something else the SDK defines (a resource, a page)."""
        self._reserved_classes.add(name)
        for namer in self._class_namers.values():
            namer.reserve(name)

    def new_module(self, package: tuple[str, ...], class_hint: str) -> tuple[tuple[str, ...], str]:
        """Claim a fresh module in ``package`` whose main class is ``class_hint``.

        Class names are unique across the SDK, module names within their package.
        """
        class_name = self._class_namer(package).claim(
            naming.py_identifier(class_hint, prefix="model", case="pascal")
            if not _is_identifier(class_hint)
            else class_hint
        )
        module = self._module_namer(package).claim(naming.module_name(class_name))
        return package + (module,), class_name

    def _class_namer(self, package: tuple[str, ...]) -> naming.Namer:
        namer = self._class_namers.get(package)
        if namer is None:
            namer = self._class_namers[package] = naming.Namer(
                naming.CLASS_RESERVED, sep="", escape="Model"
            )
            for name in self._reserved_classes:
                namer.reserve(name)
        return namer

    def _module_namer(self, package: tuple[str, ...]) -> naming.Namer:
        namer = self._module_namers.get(package)
        if namer is None:
            namer = self._module_namers[package] = naming.Namer(naming.PY_KEYWORDS)
        return namer

    def _nested_class(self, scope: Scope, hint: str) -> str:
        """A class for an inline object: its hint (``Shipping``) if free, else
        qualified by the enclosing model (``OrderShipping``), else numbered."""
        name = naming.py_identifier(hint, prefix="model", case="pascal")
        classes = self._class_namer(scope.module[:-1])
        if name in classes.taken or name in classes.reserved:
            owner = scope.parent.rsplit(":", 1)[-1] if scope.parent else ""
            if owner and not name.startswith(owner):
                name = owner + name
        return classes.claim(name)

    # --- recursion -------------------------------------------------------------

    def find_recursive(self, roots: list[Position]) -> None:
        """Record every ``$ref`` target that can reach itself (iterative Tarjan)."""
        graph: dict[str, list[str]] = {}
        where: dict[str, Position] = {}
        todo = list(roots)
        while todo:
            at = todo.pop()
            if at.key in graph:
                continue
            edges = []
            for ref, ref_at in self.resolver.ref_index(at.doc).refs_under(at):
                if not isinstance(ref, str):
                    continue
                try:
                    target, _ = self.resolver.lookup(ref, ref_at)
                except Exception:  # dangling refs are reported where they are used
                    continue
                edges.append(target.key)
                where[target.key] = target
                todo.append(target)
            graph[at.key] = edges
        self._recursive = _cyclic_nodes(graph)

    # --- entry points ----------------------------------------------------------

    def build(self, schema: Any, at: Position, scope: Scope, hint: str) -> TypeExpr:
        """The type of ``schema`` (found at ``at``), creating models in ``scope``."""
        if isinstance(schema, dict) and "$ref" in schema:
            return self._build_ref(schema, at, scope, hint)
        return self._build_inline(schema, at, scope, hint)

    def named_model(
        self,
        schema: Any,
        at: Position,
        role: ModelRole,
        package: tuple[str, ...],
        class_hint: str,
        *,
        scalars: bool = False,
    ) -> TypeExpr:
        """Like :meth:`build`, but an object or composite type becomes a model
        named ``class_hint`` in a module of its own in ``package`` (an alias
        for arrays, unions and maps), so a method's result always has a name.
        Scalars stay scalars unless ``scalars`` (a method's JSON result:
        ``AppInitResponse = bool``, as the Stainless SDKs name it); a component
        that is a model of its own stays one.
        """
        at_target, target = self._deref_for_naming(schema, at)
        only = _nullable_wrapper(target)
        if only is not None:
            # `anyOf: [X, {type: 'null'}]` is X, or nothing: the result keeps X's name.
            keyword, index, variant = only
            inner = self.named_model(
                variant, at_target.child(keyword, index), role, package, class_hint, scalars=scalars
            )
            return _with_null(inner, True)
        if (
            role == "response"
            and isinstance(target, dict)
            and _types_of(target) == ["object"]
            and not _is_object_like(target, self.resolver, at_target)
            and not _is_union(target)
        ):
            # An object the document gives no properties is still a model of
            # its own (`FileCopyResponse`), as the Stainless SDKs make it: the
            # fields the server sends are kept as extra attributes.
            module, class_name = self.new_module(package, class_hint)
            model_id = self._model_id(role, module, class_name)
            self._build_object(
                target, at_target, Scope(role, module, None), class_name, model_id, module
            )
            return ModelRef(model_id, nullable=_declares_null(target))
        if (
            at_target is not at
            and (self._component_wins(at_target, role) or _is_large_enum(target))
            and self._wants_model(target, at_target)
        ):
            return self.build(schema, at, Scope(role, package, None), class_hint)
        if not isinstance(target, dict) or not (
            _is_object_like(target, self.resolver, at_target)
            or _is_union(target)
            or _types_of(target) in (["array"], ["object"])
            or "items" in target
        ):
            expr = self.build(schema, at, Scope(role, package, None), class_hint)
            if not scalars or not _is_named_scalar(expr):
                return expr
            module, class_name = self.new_module(package, class_hint)
            model_id = self._model_id(role, module, class_name)
            self.models[model_id] = Model(
                id=model_id,
                role=role,
                class_name=class_name,
                module=module,
                kind="alias",
                alias_of=expr,
                description=_text(target.get("description")) if isinstance(target, dict) else None,
                source=Source(at_target.doc.display, at_target.pointer),
            )
            return ModelRef(model_id)
        module, class_name = self.new_module(package, class_hint)
        model_id = self._model_id(role, module, class_name)
        if self.is_plain_object(target, at_target):
            self._build_object(
                target, at_target, Scope(role, module, None), class_name, model_id, module
            )
            return ModelRef(model_id, nullable=_declares_null(target))
        expr = self.build(schema, at, Scope(role, module, model_id), class_name)
        self.models[model_id] = Model(
            id=model_id,
            role=role,
            class_name=class_name,
            module=module,
            kind="alias",
            alias_of=expr,
            description=_text(target.get("description")),
            source=Source(at_target.doc.display, at_target.pointer),
        )
        return ModelRef(model_id)

    def properties_of(
        self, schema: Any, at: Position, scope: Scope, namer: naming.Namer
    ) -> list[Property]:
        """The properties of an object schema as typed fields, without a model.

        Used to flatten a JSON request body into method arguments; nested
        types are defined in ``scope``. Names come from ``namer``.
        """
        at, schema = self._deref_for_naming(schema, at)
        return self._object_properties(self._merge(schema, at), at, scope, namer)

    def object_variants(
        self, schema: Any, at: Position, scope: Scope
    ) -> list[tuple[str | None, list[Property]]] | None:
        """For a ``oneOf``/``anyOf`` of objects (properties beside it shared by
        all): each variant's title and typed fields, the shared ones merged in.
        ``None`` when ``schema`` is not such a union (a variant is a scalar,
        an array or another union)."""
        if not isinstance(schema, dict):
            return None
        keyword = _union_keyword(schema)
        if keyword is None:
            return None
        base = {k: v for k, v in schema.items() if k not in ("oneOf", "anyOf", "discriminator")}
        found: list[tuple[str | None, list[Property]]] = []
        for i, variant in _non_null_variants(schema[keyword]):
            variant_at = at.child(keyword, i)
            target_at, peeked = self._peek(variant, variant_at)
            if _is_union(peeked) or not (
                _is_object_like(peeked, self.resolver, target_at) or _types_of(peeked) == ["object"]
            ):
                return None
            merged = self._merge(base, at)
            self._merge_into(merged, variant, variant_at, depth=1)
            title = peeked.get("title") if isinstance(peeked.get("title"), str) else None
            if title is None and target_at is not variant_at:
                title = _component_name(target_at)
            found.append((title, self._object_properties(merged, target_at, scope, naming.Namer())))
        return found or None

    def _deref_for_naming(self, schema: Any, at: Position) -> tuple[Position, Any]:
        if isinstance(schema, dict) and "$ref" in schema:
            return self.resolver.follow(schema, at)
        return at, schema

    def _component_wins(self, target_at: Position, role: ModelRole) -> bool:
        """True when a ``$ref`` target is a model of its own rather than inlined."""
        key = target_at.key
        if key in self.policy.declared or key in self._recursive:
            return True
        return self.policy.promote_components and _is_component(target_at, self.resolver.root)

    # --- references ------------------------------------------------------------

    def _build_ref(self, schema: dict[str, Any], at: Position, scope: Scope, hint: str) -> TypeExpr:
        target_at, target = self.resolver.follow(schema, at)
        nullable = schema.get("nullable") is True
        if (
            self._component_wins(target_at, scope.role) or _is_large_enum(target)
        ) and self._wants_model(target, target_at):
            model_id = self._component_model(target, target_at, scope.role)
            return _with_null(ModelRef(model_id), nullable or _declares_null(target))
        if target_at.key in self._inlining:
            # Recursion the graph walk missed (refs reached only through
            # external files): fall back to a model named after the target.
            model_id = self._component_model(target, target_at, scope.role)
            return _with_null(ModelRef(model_id), nullable)
        self._inlining.append(target_at.key)
        try:
            expr = self._build_inline(target, target_at, scope, hint)
        finally:
            self._inlining.pop()
        return _with_null(expr, nullable)

    def wants_model(self, schema: Any, at: Position) -> bool:
        """True when the schema at ``at`` is a model where it is used."""
        return self._wants_model(schema, at)

    def _wants_model(self, schema: Any, at: Position) -> bool:
        if at.key in self._recursive or at.key in self.policy.declared:
            return True
        if not isinstance(schema, dict):
            return False
        return (
            _is_object_like(schema, self.resolver, at)
            or _is_union(schema)
            or _is_large_enum(schema)
        )

    def _component_model(self, schema: Any, at: Position, role: ModelRole) -> str:
        known = self._components.get((at.key, role))
        if known is not None:
            return known
        declared = self.policy.declared.get(at.key)
        if declared is not None:
            name, package = declared
        else:
            name, package = naming.pascal(_component_name(at)) or "Model", ()
        name, package = naming.component_model_name(name, package, role, self.policy.shared_package)
        module, class_name = self.new_module(package, name)
        model_id = self._model_id(role, module, class_name)
        self._components[(at.key, role)] = model_id
        scope = Scope(role, module, None)
        if isinstance(schema, dict) and self.is_plain_object(schema, at):
            self._build_object(schema, at, scope, class_name, model_id, module)
        else:
            self._inlining.append(at.key)
            try:
                expr = self._build_inline(schema, at, Scope(role, module, model_id), class_name)
            finally:
                self._inlining.pop()
            self.models[model_id] = Model(
                id=model_id,
                role=role,
                class_name=class_name,
                module=module,
                kind="alias",
                alias_of=expr,
                description=_text(schema.get("description") if isinstance(schema, dict) else None),
                source=Source(at.doc.display, at.pointer),
            )
        return model_id

    def component_model(self, schema: Any, at: Position, role: ModelRole) -> str:
        """The model of the component ``schema`` (found at ``at``) in ``role``,
        built if it is not yet."""
        return self._component_model(schema, at, role)

    @staticmethod
    def _model_id(role: ModelRole, module: tuple[str, ...], class_name: str) -> str:
        return f"{role}:{'.'.join(module)}:{class_name}"

    # --- inline schemas --------------------------------------------------------

    def _build_inline(self, schema: Any, at: Position, scope: Scope, hint: str) -> TypeExpr:
        if schema is True or schema == {}:
            return ANY
        if not isinstance(schema, dict):
            self._warn(
                at, f"schema must be a mapping or boolean, found {type(schema).__name__}; using any"
            )
            return ANY
        self._check_dialect(schema, at)
        nullable = _declares_null(schema)

        keyword = _union_keyword(schema)
        if keyword is not None and (schema.get("properties") or "allOf" in schema):
            if self.is_plain_object(schema, at):
                return self._build_object_type_merged(schema, at, scope, hint, nullable)
            return self._build_union_with_base(schema, keyword, at, scope, hint, nullable)
        if "allOf" in schema:
            return self._build_all_of(schema, at, scope, hint, nullable)
        if keyword is not None:
            return self._build_union(schema, keyword, at, scope, hint, nullable)
        if "const" in schema:
            if isinstance(schema["const"], (dict, list)):
                self._warn(
                    at, "const values that are objects or arrays are not supported; using any"
                )
                return _with_null(ANY, nullable)
            return _enum_of([schema["const"]], nullable)
        if isinstance(schema.get("enum"), list) and schema["enum"]:
            values = [v for v in schema["enum"] if v is not None]
            nullable = nullable or len(values) < len(schema["enum"])
            if any(isinstance(v, (dict, list)) for v in values):
                self._warn(
                    at, "enum values that are objects or arrays are not supported; using any"
                )
                return _with_null(ANY, nullable)
            if not values:
                return Primitive("null")
            return _enum_of(values, nullable)

        types = _types_of(schema)
        non_null = [t for t in types if t != "null"]
        if len(non_null) > 1:
            variants = tuple(
                self._build_inline({**schema, "type": t}, at, scope, f"{hint}{naming.pascal(t)}")
                for t in non_null
            )
            return UnionType(variants, nullable=nullable)
        kind = non_null[0] if non_null else ("null" if types else _infer_type(schema))
        if kind == "object":
            return self._build_object_type(schema, at, scope, hint, nullable)
        if kind == "array":
            return self._build_array(schema, at, scope, hint, nullable)
        if kind in _SCALAR_KINDS:
            fmt = schema.get("format")
            if not isinstance(fmt, str):
                fmt = _content_format(schema) if kind == "string" else None
            return Primitive(
                _SCALAR_KINDS[kind],
                format=fmt,
                nullable=nullable and kind != "null",
                constraints=self._constraints(schema, at),
            )
        if kind != "any":
            self._warn(at, f"unknown type {kind!r}; using any")
        return _with_null(ANY, nullable)

    def _build_array(
        self, schema: dict[str, Any], at: Position, scope: Scope, hint: str, nullable: bool
    ) -> TypeExpr:
        item_hint = naming.pascal(naming.singular_name(naming.snake(hint))) or hint
        if item_hint == hint:
            item_hint = hint + "Item"
        items = schema.get("items", True)
        prefix = schema.get("prefixItems")
        prefix_types: tuple[TypeExpr, ...] = ()
        if isinstance(prefix, list):
            prefix_types = tuple(
                self.build(s, at.child("prefixItems", i), scope, f"{item_hint}{i}")
                for i, s in enumerate(prefix)
            )
        if items is False:
            item_type: TypeExpr = (
                UnionType(prefix_types)
                if len(prefix_types) > 1
                else (prefix_types[0] if prefix_types else ANY)
            )
        elif isinstance(items, list):  # 2019-09 tuple form
            item_type = ANY
            self._warn(at, "tuple-form 'items' (a list) is not supported; items are typed any")
        else:
            item_type = self.build(items, at.child("items"), scope, item_hint)
        return ArrayType(
            item_type,
            nullable=nullable,
            constraints=self._constraints(schema, at),
            prefix_items=prefix_types,
        )

    def _build_object_type(
        self, schema: dict[str, Any], at: Position, scope: Scope, hint: str, nullable: bool
    ) -> TypeExpr:
        props = schema.get("properties")
        if not isinstance(props, dict) or not props:
            extra = schema.get("additionalProperties", True)
            if extra is True or extra is False or extra is None or extra == {}:
                return MapType(ANY, nullable=nullable)
            values = self.build(extra, at.child("additionalProperties"), scope, hint + "Value")
            return MapType(values, nullable=nullable)
        return self._build_object_type_merged(schema, at, scope, hint, nullable)

    def _build_object(
        self,
        schema: dict[str, Any],
        at: Position,
        scope: Scope,
        class_name: str,
        model_id: str,
        module: tuple[str, ...],
        parent: str | None = None,
        merged: _Merged | None = None,
    ) -> None:
        """Create the object model ``model_id`` from ``schema`` (merging ``allOf``),
        or from properties already ``merged`` from several schemas."""
        if merged is None:
            merged = self._merge(schema, at)
        inner = Scope(scope.role, module, parent or model_id)
        properties = self._object_properties(
            merged, at, inner, naming.Namer(naming.MODEL_FIELD_RESERVED)
        )
        additional: TypeExpr | Literal[False] | None = None
        extra = merged.additional
        if extra is False:
            additional = False
        elif isinstance(extra, dict) and extra:
            additional = self.build(extra, merged.additional_at or at, inner, class_name + "Value")
        self.models[model_id] = Model(
            id=model_id,
            role=scope.role,
            class_name=class_name,
            module=module,
            kind="object",
            properties=tuple(properties),
            additional=additional,
            description=_text(schema.get("description")) or merged.description,
            parent=parent,
            source=Source(at.doc.display, at.pointer),
            deprecated=schema.get("deprecated") is True,
        )

    def _object_properties(
        self, merged: _Merged, at: Position, scope: Scope, namer: naming.Namer
    ) -> list[Property]:
        properties: list[Property] = []
        required = merged.required
        kept: list[tuple[str, Any, Position, dict[str, Any], dict[str, Any], bool, bool]] = []
        for wire, (prop_schema, prop_at) in merged.properties.items():
            if not isinstance(wire, str):
                self._warn(
                    prop_at, f"property name {wire!r} is not a string; using {json_key(wire)!r}"
                )
                wire = json_key(wire)
            prop_dict = prop_schema if isinstance(prop_schema, dict) else {}
            _, resolved = self._peek(prop_schema, prop_at)
            read_only = bool(prop_dict.get("readOnly") or resolved.get("readOnly"))
            write_only = bool(prop_dict.get("writeOnly") or resolved.get("writeOnly"))
            if (scope.role == "request" and read_only) or (scope.role == "response" and write_only):
                continue
            kept.append((wire, prop_schema, prop_at, prop_dict, resolved, read_only, write_only))
        # Fields whose wire name is already a fine Python name keep it; the rest
        # are named after them. A model parsing by name and by alias could
        # otherwise read `foo_bar` into the field renamed from `Foo-Bar`.
        py_names: dict[str, str] = {}
        for wire, *_ in kept:
            if naming.py_identifier(wire, prefix="field") == wire and wire not in namer.reserved:
                py_names[wire] = namer.claim(wire)
        for wire, *_ in kept:
            if wire not in py_names:
                py_names[wire] = namer.claim(naming.py_identifier(wire, prefix="field"))
        for wire, prop_schema, prop_at, prop_dict, resolved, read_only, write_only in kept:
            expr = self.build(prop_schema, prop_at, scope, naming.pascal(wire) or "Field")
            default = prop_dict.get("default", resolved.get("default", _MISSING))
            properties.append(
                Property(
                    wire_name=wire,
                    py_name=py_names[wire],
                    type=expr,
                    required=wire in required,
                    description=_text(prop_dict.get("description") or resolved.get("description")),
                    default=None if default is _MISSING else Value(default),
                    example=_first_example(prop_dict) or _first_example(resolved),
                    read_only=read_only,
                    write_only=write_only,
                    deprecated=bool(prop_dict.get("deprecated") or resolved.get("deprecated")),
                )
            )
        for name in sorted(n for n in required if n not in merged.properties):
            self._warn(at, f"required property {name!r} is not defined under properties; ignored")
        return properties

    def _peek(self, schema: Any, at: Position) -> tuple[Position, dict[str, Any]]:
        """The schema a ``$ref`` points at, for its annotations (never fails)."""
        if isinstance(schema, dict) and "$ref" in schema:
            try:
                target_at, target = self.resolver.follow(schema, at)
            except Exception:
                return at, {}
            return target_at, target if isinstance(target, dict) else {}
        return at, schema if isinstance(schema, dict) else {}

    # --- composition -----------------------------------------------------------

    def _merge(self, schema: dict[str, Any], at: Position) -> _Merged:
        merged = _Merged()
        self._merge_into(merged, schema, at, depth=0)
        return merged

    def _merge_into(self, merged: _Merged, schema: Any, at: Position, depth: int) -> None:
        if depth > 64:
            self._warn(at, "allOf nested more than 64 levels; stopped merging")
            return
        if isinstance(schema, dict) and "$ref" in schema:
            at, schema = self.resolver.follow(schema, at)
        if not isinstance(schema, dict):
            return
        parts = schema.get("allOf")
        if isinstance(parts, list):
            for i, part in enumerate(parts):
                self._merge_into(merged, part, at.child("allOf", i), depth + 1)
        props = schema.get("properties")
        if isinstance(props, dict):
            for name, prop in props.items():
                merged.properties[name] = (prop, at.child("properties", name))
        req = schema.get("required")
        if isinstance(req, list):
            seen: set[str] = set()
            for name in req:
                if not isinstance(name, str):
                    self._warn(at.child("required"), f"required entry {name!r} is not a string")
                elif name in seen:
                    self._warn(at.child("required"), f"required lists {name!r} twice")
                else:
                    seen.add(name)
                    merged.required.add(name)
        if "additionalProperties" in schema:
            merged.additional = schema["additionalProperties"]
            merged.additional_at = at.child("additionalProperties")
        if merged.description is None:
            merged.description = _text(schema.get("description"))
        keyword = _union_keyword(schema)
        if keyword is None:
            return
        variants = _non_null_variants(schema[keyword])
        if all(_is_refinement(v, merged.properties) for _, v in variants):
            # `oneOf: [{required: [a]}, {required: [b]}]` only says which fields
            # must be present; a field every variant requires is required.
            sets = [set(v.get("required") or ()) for _, v in variants]
            if sets:
                merged.required |= {n for n in set.intersection(*sets) if isinstance(n, str)}
        elif depth > 0:
            for i, variant in variants:
                sub = _Merged()
                self._merge_into(sub, variant, at.child(keyword, i), depth + 1)
                for name, entry in sub.properties.items():
                    merged.properties.setdefault(name, entry)
            self._warn(
                at,
                f"{keyword} inside allOf cannot be typed exactly; "
                "the variants' properties are merged in as optional fields",
            )

    def _build_all_of(
        self, schema: dict[str, Any], at: Position, scope: Scope, hint: str, nullable: bool
    ) -> TypeExpr:
        parts = (
            [p for p in schema["allOf"] if not _is_annotation_only(p)]
            if isinstance(schema["allOf"], list)
            else []
        )
        own = {k: v for k, v in schema.items() if k != "allOf"}
        if len(parts) == 1 and not own.get("properties") and not _is_object_like_keys(own):
            # `allOf: [$ref]` is how 3.0 documents attach a description to a ref.
            return _with_null(
                self.build(
                    parts[0], at.child("allOf", schema["allOf"].index(parts[0])), scope, hint
                ),
                nullable,
            )
        if _is_object_like(schema, self.resolver, at):
            return self._build_object_type_merged(schema, at, scope, hint, nullable)
        # allOf of non-objects (e.g. string constraints): the first typed part wins.
        for i, part in enumerate(schema["allOf"]):
            expr = self.build(part, at.child("allOf", i), scope, hint)
            if expr != ANY:
                return _with_null(expr, nullable)
        return _with_null(ANY, nullable)

    def _build_object_type_merged(
        self, schema: dict[str, Any], at: Position, scope: Scope, hint: str, nullable: bool
    ) -> TypeExpr:
        # One schema node is one model: YAML aliases share a node between
        # places, and building it once per place would multiply models the
        # way an alias bomb multiplies nodes.
        known = self._inline_models.get((id(schema), scope.role))
        if known is not None:
            return ModelRef(known, nullable=nullable)
        class_name = self._nested_class(scope, hint)
        model_id = self._model_id(scope.role, scope.module, class_name)
        self._inline_models[(id(schema), scope.role)] = model_id
        self._build_object(
            schema, at, scope, class_name, model_id, scope.module, parent=scope.parent
        )
        return ModelRef(model_id, nullable=nullable)

    def _build_union(
        self,
        schema: dict[str, Any],
        keyword: str,
        at: Position,
        scope: Scope,
        hint: str,
        nullable: bool,
    ) -> TypeExpr:
        variants: list[TypeExpr] = []
        by_target: dict[str, TypeExpr] = {}
        for i, variant in enumerate(schema[keyword]):
            variant_at = at.child(keyword, i)
            target_at, peeked = self._peek(variant, variant_at)
            if _is_null_schema(peeked):
                nullable = True
                continue
            title = peeked.get("title") if isinstance(peeked.get("title"), str) else None
            variant_hint = (naming.pascal(title) if title else "") or f"{hint}Variant{i}"
            expr = self.build(variant, variant_at, scope, variant_hint)
            by_target[target_at.key] = expr
            if expr not in variants:
                variants.append(expr)
        if not variants:
            return Primitive("null")
        if len(variants) == 1:
            return _with_null(variants[0], nullable)
        discriminator = self._discriminator(schema, at, by_target)
        return UnionType(tuple(variants), nullable=nullable, discriminator=discriminator)

    def _build_union_with_base(
        self,
        schema: dict[str, Any],
        keyword: str,
        at: Position,
        scope: Scope,
        hint: str,
        nullable: bool,
    ) -> TypeExpr:
        """Properties (or ``allOf``) beside ``oneOf``/``anyOf`` whose variants add
        fields: each variant is the shared part merged with its own, so the
        union is exact (``{total} & ({hits} | {error})``)."""
        base = {k: v for k, v in schema.items() if k not in ("oneOf", "anyOf", "discriminator")}
        variants: list[TypeExpr] = []
        by_target: dict[str, TypeExpr] = {}
        for i, variant in enumerate(schema[keyword]):
            variant_at = at.child(keyword, i)
            target_at, peeked = self._peek(variant, variant_at)
            if _is_null_schema(peeked):
                nullable = True
                continue
            merged = self._merge(base, at)
            self._merge_into(merged, variant, variant_at, depth=1)
            title = peeked.get("title") if isinstance(peeked.get("title"), str) else None
            if title is None and target_at is not variant_at:
                title = _component_name(target_at)
            class_name = self._nested_class(
                scope, (naming.pascal(title) if title else "") or f"{hint}Variant{i}"
            )
            model_id = self._model_id(scope.role, scope.module, class_name)
            self._build_object(
                base,
                at,
                scope,
                class_name,
                model_id,
                scope.module,
                parent=scope.parent,
                merged=merged,
            )
            expr = ModelRef(model_id)
            by_target[target_at.key] = expr
            variants.append(expr)
        if not variants:
            return Primitive("null")
        if len(variants) == 1:
            return _with_null(variants[0], nullable)
        discriminator = self._discriminator(schema, at, by_target)
        return UnionType(tuple(variants), nullable=nullable, discriminator=discriminator)

    def is_plain_object(self, schema: Any, at: Position) -> bool:
        """True for an object with properties whose ``oneOf``/``anyOf``, if any,
        only says which of them are required (one model, not a union)."""
        if not _is_object_like(schema, self.resolver, at):
            return False
        keyword = _union_keyword(schema)
        if keyword is None:
            return True
        props = self._merge(schema, at).properties
        return all(_is_refinement(v, props) for _, v in _non_null_variants(schema[keyword]))

    def _discriminator(
        self, schema: dict[str, Any], at: Position, by_target: dict[str, TypeExpr]
    ) -> Discriminator | None:
        """The discriminator, its values mapped to the variants' model ids."""
        disc = schema.get("discriminator")
        if disc is None:
            return None
        if not isinstance(disc, dict) or not isinstance(disc.get("propertyName"), str):
            self._warn(at.child("discriminator"), "discriminator without a propertyName; ignored")
            return None
        pairs: list[tuple[str, str]] = []
        mapping = disc.get("mapping")
        if isinstance(mapping, dict) and mapping:
            for value, ref in mapping.items():
                if not isinstance(ref, str):
                    self._warn(
                        at.child("discriminator", "mapping"),
                        f"discriminator mapping {value!r} is not a string reference; ignored",
                    )
                    continue
                ref_str = (
                    ref if ref.startswith("#") or "/" in ref else f"#/components/schemas/{ref}"
                )
                try:
                    target_at, _ = self.resolver.follow(
                        {"$ref": ref_str}, at.child("discriminator")
                    )
                except Exception:
                    self._warn(at, f"discriminator mapping {value!r} points nowhere; ignored")
                    continue
                expr = by_target.get(target_at.key)
                if isinstance(expr, ModelRef):
                    pairs.append((str(value), expr.model_id))
                else:
                    why = (
                        "a schema that is not one of the variants"
                        if expr is None
                        else "a variant that is not an object, so has no property to hold it"
                    )
                    self._warn(
                        at.child("discriminator", "mapping"),
                        f"discriminator mapping {value!r} names {why}; ignored",
                    )
        else:
            for key, expr in by_target.items():
                if isinstance(expr, ModelRef) and "#" in key:
                    pairs.append((_component_name_from_key(key), expr.model_id))
        return Discriminator(disc["propertyName"], tuple(pairs))

    def _check_dialect(self, schema: dict[str, Any], at: Position) -> None:
        """Warn about keywords spelled the other OpenAPI version's way (both are honoured)."""
        if self.openapi_version == "3.0":
            if isinstance(schema.get("type"), list):
                self._warn(at.child("type"), "a list of types is 3.1 syntax in a 3.0 document")
            for key in ("exclusiveMinimum", "exclusiveMaximum"):
                value = schema.get(key)
                if isinstance(value, (int, float)) and not isinstance(value, bool):
                    self._warn(at.child(key), f"a numeric {key} is 3.1 syntax in a 3.0 document")
            return
        if "nullable" in schema:
            self._warn(
                at.child("nullable"),
                "'nullable' is OpenAPI 3.0; in 3.1 write type: [..., 'null'] (honoured anyway)",
            )
        for key in ("exclusiveMinimum", "exclusiveMaximum"):
            if isinstance(schema.get(key), bool):
                self._warn(
                    at.child(key),
                    f"a boolean {key} is OpenAPI 3.0; in 3.1 it holds the bound (honoured anyway)",
                )

    def _constraints(self, schema: dict[str, Any], at: Position) -> Constraints:
        """The schema's validation keywords; a ``pattern`` Python cannot compile
        is dropped with a warning (JSON Schema patterns are ECMA-262, and the
        generated code checks them with :mod:`re`)."""
        constraints = _constraints(schema)
        if constraints.pattern is not None:
            try:
                re.compile(constraints.pattern)
            except (re.error, RecursionError, OverflowError) as exc:
                self._warn(
                    at.child("pattern"),
                    f"pattern is not a regular expression Python can use ({exc}); not enforced",
                )
                constraints = replace(constraints, pattern=None)
        return constraints

    # --- diagnostics -----------------------------------------------------------

    def _warn(self, at: Position, message: str) -> None:
        if (at.key, message) in self._warned:
            return
        self._warned.add((at.key, message))
        self.diagnostics.warn(
            message, file=at.doc.display, pointer=at.pointer, line=at.doc.line_of(at.pointer)
        )


_MISSING = object()


@dataclass
class _Merged:
    properties: dict[str, tuple[Any, Position]] = field(default_factory=dict)
    required: set[str] = field(default_factory=set)
    additional: Any = None
    additional_at: Position | None = None
    description: str | None = None


def _cyclic_nodes(graph: dict[str, list[str]]) -> set[str]:
    """Nodes on a cycle (in a strongly connected component with an edge inside it)."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    on_stack: set[str] = set()
    stack: list[str] = []
    result: set[str] = set()
    counter = 0
    for start in graph:
        if start in index:
            continue
        work: list[tuple[str, int]] = [(start, 0)]
        while work:
            node, i = work.pop()
            if i == 0:
                index[node] = low[node] = counter
                counter += 1
                stack.append(node)
                on_stack.add(node)
            edges = graph.get(node, [])
            if i < len(edges):
                work.append((node, i + 1))
                nxt = edges[i]
                if nxt not in index:
                    work.append((nxt, 0))
                elif nxt in on_stack:
                    low[node] = min(low[node], index[nxt])
                continue
            if low[node] == index[node]:
                component = []
                while True:
                    member = stack.pop()
                    on_stack.discard(member)
                    component.append(member)
                    if member == node:
                        break
                if len(component) > 1 or node in graph.get(node, []):
                    result.update(component)
            if work:
                parent = work[-1][0]
                low[parent] = min(low[parent], low[node])
    return result


def _is_component(at: Position, root: Any) -> bool:
    parts = at.pointer.split("/")
    if len(parts) == 4 and parts[1] == "components" and parts[2] == "schemas":
        return True
    if len(parts) >= 3 and parts[-2] in ("$defs", "definitions"):
        return True  # a named definition, at the top or inside a schema (3.1)
    # A whole external file, or a top-level entry in one, is a named schema too.
    return at.doc is not root and len(parts) <= 2


def _component_name_from_key(key: str) -> str:
    from .errors import unescape_pointer_token

    return unescape_pointer_token(key.rsplit("/", 1)[-1])


def _component_name(at: Position) -> str:
    from .errors import unescape_pointer_token

    tail = at.pointer.rsplit("/", 1)[-1] if at.pointer else ""
    if tail:
        return unescape_pointer_token(tail)
    stem = at.doc.path.stem
    return stem


def _is_identifier(text: str) -> bool:
    return text.isidentifier() and text.isascii()


def _types_of(schema: dict[str, Any]) -> list[str]:
    kind = schema.get("type")
    if isinstance(kind, str):
        return [kind]
    if isinstance(kind, list):
        return [k for k in kind if isinstance(k, str)]
    return []


def _infer_type(schema: dict[str, Any]) -> str:
    if "properties" in schema or "additionalProperties" in schema:
        return "object"
    if "items" in schema or "prefixItems" in schema:
        return "array"
    if any(k in schema for k in ("minLength", "maxLength", "pattern")):
        return "string"
    if any(k in schema for k in ("minimum", "maximum", "multipleOf")):
        return "number"
    return "any"


def _content_format(schema: dict[str, Any]) -> str | None:
    """The 3.0 ``format`` a 3.1 string spells with ``contentEncoding`` (base64
    text: ``byte``) or ``contentMediaType`` alone (raw content, a file: ``binary``)."""
    encoding = schema.get("contentEncoding")
    if isinstance(encoding, str) and encoding.lower() in ("base64", "base64url"):
        return "byte"
    media = schema.get("contentMediaType")
    if isinstance(media, str) and encoding is None and not media.startswith("text/"):
        return "binary"
    return None


def _declares_null(schema: Any) -> bool:
    if not isinstance(schema, dict):
        return False
    if schema.get("nullable") is True:
        return True
    kind = schema.get("type")
    return isinstance(kind, list) and "null" in kind


def _with_null(expr: TypeExpr, nullable: bool) -> TypeExpr:
    if not nullable or getattr(expr, "nullable", False) or expr == Primitive("null"):
        return expr

    if isinstance(expr, Primitive) and expr.kind == "any":
        return expr
    return replace(expr, nullable=True)


def _enum_of(values: list[Any], nullable: bool) -> TypeExpr:
    if any(v is None for v in values):
        nullable = True
        values = [v for v in values if v is not None]
    if not values:
        return Primitive("null")
    # Deduplicate by type and value (1 and True are different enum values).
    unique = list({(type(v), v): v for v in values}.values())
    kinds = {_json_kind(v) for v in unique}
    base: PrimitiveKind = kinds.pop() if len(kinds) == 1 else "any"
    return EnumType(tuple(unique), nullable=nullable, base=base)


def _json_kind(value: Any) -> PrimitiveKind:
    if isinstance(value, bool):
        return "boolean"
    if isinstance(value, int):
        return "integer"
    if isinstance(value, float):
        return "number"
    if isinstance(value, str):
        return "string"
    return "any"


#: Every keyword :func:`_constraints` reads.
_CONSTRAINT_KEYS = frozenset(
    {"minLength", "maxLength", "pattern", "minimum", "maximum", "exclusiveMinimum",
     "exclusiveMaximum", "multipleOf", "minItems", "maxItems", "uniqueItems"}
)  # fmt: skip
_NO_CONSTRAINTS = Constraints()


def _constraints(schema: dict[str, Any]) -> Constraints:
    if _CONSTRAINT_KEYS.isdisjoint(schema):  # most schemas: one shared empty value
        return _NO_CONSTRAINTS

    def num(key: str) -> int | float | None:
        value = schema.get(key)
        return value if isinstance(value, (int, float)) and not isinstance(value, bool) else None

    def whole(key: str) -> int | None:
        value = schema.get(key)
        return (
            value if isinstance(value, int) and not isinstance(value, bool) and value >= 0 else None
        )

    exclusive_min = num("exclusiveMinimum")
    exclusive_max = num("exclusiveMaximum")
    minimum, maximum = num("minimum"), num("maximum")
    # 3.0 spells exclusivity as a boolean beside minimum/maximum.
    if schema.get("exclusiveMinimum") is True and minimum is not None:
        exclusive_min, minimum = minimum, None
    if schema.get("exclusiveMaximum") is True and maximum is not None:
        exclusive_max, maximum = maximum, None
    pattern = schema.get("pattern")
    return Constraints(
        min_length=whole("minLength"),
        max_length=whole("maxLength"),
        pattern=pattern if isinstance(pattern, str) else None,
        minimum=minimum,
        maximum=maximum,
        exclusive_minimum=exclusive_min,
        exclusive_maximum=exclusive_max,
        multiple_of=num("multipleOf"),
        min_items=whole("minItems"),
        max_items=whole("maxItems"),
        unique_items=schema.get("uniqueItems") is True,
    )


def _first_example(schema: dict[str, Any]) -> Value | None:
    if "example" in schema:
        return Value(schema["example"])
    examples = schema.get("examples")
    if isinstance(examples, list) and examples:
        return Value(examples[0])
    return None


def _text(value: Any) -> str | None:
    return value.strip() or None if isinstance(value, str) else None


def _is_annotation_only(schema: Any) -> bool:
    return isinstance(schema, dict) and bool(schema) and set(schema) <= _ANNOTATIONS


def _is_object_like_keys(schema: dict[str, Any]) -> bool:
    return (
        bool(schema.get("properties"))
        or schema.get("type") == "object"
        and bool(schema.get("additionalProperties"))
    )


#: An enum with more values than this is a named type wherever it is
#: referenced from, never spelled out at each use (a 20,000-value enum
#: repeated in every model that mentions it makes the SDK enormous).
LARGE_ENUM = 32


def _is_large_enum(schema: Any) -> bool:
    return (
        isinstance(schema, dict)
        and isinstance(schema.get("enum"), list)
        and len(schema["enum"]) > LARGE_ENUM
    )


#: Keywords a ``oneOf`` variant may hold and still only refine its parent object.
_REFINEMENT_KEYS = frozenset(
    {"required", "description", "title", "not", "minProperties", "maxProperties", "type",
     "$comment", "properties", "dependentRequired", "deprecated"}
)  # fmt: skip


def _union_keyword(schema: dict[str, Any]) -> str | None:
    for keyword in ("oneOf", "anyOf"):
        if isinstance(schema.get(keyword), list):
            return keyword
    return None


def _is_null_schema(schema: Any) -> bool:
    return isinstance(schema, dict) and (
        _types_of(schema) == ["null"] or ("const" in schema and schema["const"] is None)
    )


def _non_null_variants(variants: list[Any]) -> list[tuple[int, Any]]:
    return [(i, v) for i, v in enumerate(variants) if not _is_null_schema(v)]


def _is_refinement(variant: Any, properties: dict[str, Any]) -> bool:
    """True when a ``oneOf`` variant adds no field of its own, only constraints."""
    if not isinstance(variant, dict) or "$ref" in variant or not set(variant) <= _REFINEMENT_KEYS:
        return False
    if variant.get("type", "object") != "object":
        return False
    props = variant.get("properties")
    return props is None or (isinstance(props, dict) and set(props) <= set(properties))


def _is_union(schema: dict[str, Any]) -> bool:
    for keyword in ("oneOf", "anyOf"):
        variants = schema.get(keyword)
        if isinstance(variants, list):
            non_null = [
                v for v in variants if not (isinstance(v, dict) and v.get("type") == "null")
            ]
            return len(non_null) > 1
    return False


def _is_object_like(schema: Any, resolver: Resolver, at: Position, depth: int = 0) -> bool:
    """True when ``schema`` has properties of its own or through ``allOf``."""
    if not isinstance(schema, dict) or depth > 32:
        return False
    if isinstance(schema.get("properties"), dict) and schema["properties"]:
        return True
    parts = schema.get("allOf")
    if isinstance(parts, list):
        for i, part in enumerate(parts):
            part_at = at.child("allOf", i)
            if isinstance(part, dict) and "$ref" in part:
                try:
                    part_at, part = resolver.follow(part, part_at)
                except Exception:
                    continue
            if _is_object_like(part, resolver, part_at, depth + 1):
                return True
    return False


def _nullable_wrapper(schema: Any) -> tuple[str, int, Any] | None:
    """``(keyword, index, variant)`` when ``schema`` is only ``anyOf``/``oneOf``
    of one schema and ``null`` (annotations beside it aside), else ``None``."""
    if not isinstance(schema, dict):
        return None
    keyword = _union_keyword(schema)
    if keyword is None or not _declares_null_variant(schema[keyword]):
        return None
    if not set(schema) - {keyword} <= _ANNOTATIONS:
        return None
    variants = _non_null_variants(schema[keyword])
    if len(variants) != 1:
        return None
    index, variant = variants[0]
    return keyword, index, variant


def _declares_null_variant(variants: list[Any]) -> bool:
    return any(_is_null_schema(v) for v in variants)


def _is_named_scalar(expr: TypeExpr) -> bool:
    """A scalar result the Stainless SDKs give a name (``bool``, ``str``, a Literal)."""
    if isinstance(expr, EnumType):
        return True
    return isinstance(expr, Primitive) and expr.kind not in ("any", "null")
