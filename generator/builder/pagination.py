"""Fitting an operation to a pagination scheme of the config."""

from __future__ import annotations

from typing import Any

from .. import naming
from ..config import PaginationConfig
from ..model import Pagination, Parameter
from ..refs import Position
from .common import SUCCESS_ORDER, BuilderBase, OpRef, pick_media


class PaginationMixin(BuilderBase):
    """Pagination schemes matched against operations."""

    def _pagination(
        self,
        op: OpRef,
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
        op: OpRef,
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
            next_url_field=scheme.response_field("next_url"),
        )

    def _success_schema(self, op: OpRef) -> tuple[Position, dict[str, Any] | None]:
        responses = op.node.get("responses")
        if not isinstance(responses, dict):
            return op.at, None
        for key in SUCCESS_ORDER:
            raw = responses.get(key, responses.get(int(key)) if key.isdigit() else None)
            if raw is None:
                continue
            at = op.at.child("responses", key)
            if isinstance(raw, dict) and "$ref" in raw:
                at, raw = self.resolver.follow(raw, at)
            content = raw.get("content") if isinstance(raw, dict) else None
            if not isinstance(content, dict):
                return at, None
            content_type, media = pick_media(content)
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
