"""The success and error responses of an operation."""

from __future__ import annotations

from typing import Any

from ..model import Header, Primitive, Response, TypeExpr
from ..refs import Position
from .common import (
    SUCCESS_ORDER,
    BuilderBase,
    OpRef,
    media_example,
    pick_media,
    response_kind,
    text_of,
)


class ResponsesMixin(BuilderBase):
    """Success and error responses."""

    def _responses(
        self, op: OpRef, package: tuple[str, ...], class_hint: str, typed: bool = True
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
        success_key = next((k for k in SUCCESS_ORDER if k in entries), None)
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
        description = text_of(raw.get("description"))
        headers = self._headers(raw.get("headers"), at.child("headers"))
        content = raw.get("content")
        if not isinstance(content, dict) or not content:
            return Response(status, description, "empty", headers=headers)
        content_type, media = pick_media(content)
        kind = response_kind(content_type)
        if status == "204" and not (
            kind == "json" and isinstance(media, dict) and media.get("schema")
        ):
            # A 204 has no body, unless the document gives it a JSON schema:
            # the method is then typed by it, as the Stainless SDKs type it.
            return Response(status, description, "empty", headers=headers)
        media = media if isinstance(media, dict) else {}
        media_at = at.child("content", content_type)
        example = media_example(media)
        expr: TypeExpr | None = None
        schema = media.get("schema")
        if kind == "json" and schema is not None and package is not None and class_hint is not None:
            expr = self.types.named_model(
                schema, media_at.child("schema"), "response", package, class_hint, scalars=True
            )
        elif (
            kind == "sse" and schema is not None and package is not None and class_hint is not None
        ):
            expr = self.types.named_model(
                schema,
                media_at.child("schema"),
                "response",
                package,
                class_hint,
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
            out.append(Header(str(name), prim, text_of(header.get("description"))))
        return tuple(out)
