"""Request bodies: flattened into arguments or passed whole, and the params model."""

from __future__ import annotations

from dataclasses import replace
from typing import Any

from .. import naming
from ..model import (
    BodyVariant,
    EnumType,
    Model,
    Parameter,
    Property,
    RequestBody,
    Source,
    TypeExpr,
    UnionType,
)
from ..refs import Position
from ..schemas import Scope
from .common import BuilderBase, OpRef, claim_flag, encoding_of, is_array, pick_media, text_of


class BodiesMixin(BuilderBase):
    """Request bodies and the params model."""

    def _request_body(
        self,
        op: OpRef,
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
        content_type, media = pick_media(raw["content"])
        media_at = at.child("content", content_type)
        encoding = encoding_of(content_type)
        schema = media.get("schema") if isinstance(media, dict) else None
        schema_at = media_at.child("schema")
        if schema is None:
            schema = {"type": "string", "format": "binary"} if encoding in ("binary",) else {}
        required = raw.get("required") is True
        if encoding in ("json", "multipart", "form"):
            target_at, target = self.types._peek(schema, schema_at)
            flat: list[tuple[Parameter, ...]] | None = None
            variant_names: list[str | None] = []
            if target and self.types.is_plain_object(target, target_at):
                props = self.types.properties_of(schema, schema_at, scope(), naming.Namer())
                flat = [self._body_params(props, py_namer, flag_namer, {}, schema_at)]
            elif target:
                found = self.types.object_variants(target, target_at, scope())
                if found is not None:
                    claimed: dict[str, Parameter] = {}
                    flat = []
                    for title, props in found:
                        flat.append(
                            self._body_params(props, py_namer, flag_namer, claimed, schema_at)
                        )
                        variant_names.append(title)
            if flat is not None:
                body_params.extend(flat[0] if len(flat) == 1 else _merge_variants(flat))
                return RequestBody(
                    content_type,
                    encoding,
                    None,
                    required,
                    True,
                    description=text_of(raw.get("description")),
                    part_content_types=self._part_content_types(media, media_at),
                    variants=tuple(
                        BodyVariant(params, name)
                        for params, name in zip(flat, variant_names, strict=True)
                    )
                    if len(flat) > 1
                    else (),
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
            description=text_of(raw.get("description")),
            part_content_types=self._part_content_types(media, media_at),
        )

    def _body_params(
        self,
        props: list[Property],
        py_namer: naming.Namer,
        flag_namer: naming.Namer,
        claimed: dict[str, Parameter],
        at: Position,
    ) -> tuple[Parameter, ...]:
        """A flattened body's fields as arguments; a field another variant of
        the same body already named (in ``claimed``) keeps that name."""
        out = []
        for prop in props:
            known = claimed.get(prop.wire_name)
            if known is not None:
                py_name, cli_flag = known.py_name, known.cli_flag
            else:
                py_name = self._param_name(py_namer, prop.wire_name, at)
                cli_flag = claim_flag(
                    flag_namer,
                    naming.cli_flag(prop.wire_name, is_array=is_array(prop.type)),
                    prop.type,
                )
            param = Parameter(
                wire_name=prop.wire_name,
                location="body",
                py_name=py_name,
                cli_flag=cli_flag,
                type=prop.type,
                required=prop.required,
                description=prop.description,
                default=prop.default,
                example=prop.example,
                deprecated=prop.deprecated,
            )
            claimed.setdefault(prop.wire_name, param)
            out.append(param)
        return tuple(out)

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
        op: OpRef,
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


def _merge_variants(variants: list[tuple[Parameter, ...]]) -> list[Parameter]:
    """All the variants' fields, in first-seen order: required where every
    variant requires them, typed as the union of the variants' types."""
    by_wire: dict[str, list[Parameter]] = {}
    for params in variants:
        for param in params:
            by_wire.setdefault(param.wire_name, []).append(param)
    out = []
    for same in by_wire.values():
        types = tuple(dict.fromkeys(p.type for p in same))
        merged: TypeExpr = types[0] if len(types) == 1 else UnionType(types)
        if len(types) > 1 and all(isinstance(t, EnumType) for t in types):
            # `kind: "circle"` | `kind: "square"`: one Literal of both.
            enums = [t for t in types if isinstance(t, EnumType)]
            values = tuple(dict.fromkeys(v for e in enums for v in e.values))
            bases = {e.base for e in enums}
            merged = EnumType(
                values,
                nullable=any(e.nullable for e in enums),
                base=bases.pop() if len(bases) == 1 else "any",
            )
        out.append(
            replace(
                same[0],
                required=len(same) == len(variants) and all(p.required for p in same),
                type=merged,
            )
        )
    return out
