"""Request bodies: flattened into arguments or passed whole, and the params model."""

from __future__ import annotations

from typing import Any

from .. import naming
from ..model import Model, Parameter, Property, RequestBody, Source
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
                            cli_flag=claim_flag(
                                flag_namer,
                                naming.cli_flag(prop.wire_name, is_array=is_array(prop.type)),
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
                    description=text_of(raw.get("description")),
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
            description=text_of(raw.get("description")),
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
