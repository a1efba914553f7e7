"""Streaming methods: results that are server-sent events (``Stream[...]``)."""

from __future__ import annotations

from typing import Any

from .. import naming
from ..config import MethodConfig, ResourceConfig
from ..model import Parameter, Primitive, Response, Streaming, TypeExpr
from ..refs import Position
from ..schemas import Scope
from .common import SUCCESS_ORDER, BuilderBase, OpRef

#: The body parameter that asks for a stream when the config names none.
_DEFAULT_STREAM_PARAM = "stream"


class StreamingMixin(BuilderBase):
    """Which methods stream, what their events are, and what switches streaming on."""

    def _streaming(
        self,
        op: OpRef,
        method_config: MethodConfig | None,
        parameters: list[Parameter],
        response: Response,
        package: tuple[str, ...],
        type_stem: str,
    ) -> Streaming | None:
        """A method streams when its success response is ``text/event-stream``
        only, or offers it beside JSON and a boolean body parameter (the
        config's ``param_discriminator``, else ``stream``) asks for it."""
        config = method_config.streaming if method_config is not None else None
        wire = (config.param_discriminator if config else None) or _DEFAULT_STREAM_PARAM
        param = next((p for p in parameters if p.location == "body" and p.wire_name == wire), None)
        sse = self._event_stream_schema(op)
        if config is not None and config.param_discriminator and param is None:
            self._warn(
                op.at,
                f"streaming.param_discriminator {wire!r} is not a body parameter of "
                f"{op.http_method.upper()} {op.path}; the method "
                + ("always streams" if response.kind == "sse" else "does not stream"),
            )
        if response.kind == "sse":
            return Streaming(self._event_model(config) or response.type, None)
        if config is not None and config.param_discriminator is None:
            # `streaming: {param_discriminator: null}`: always a stream, of the
            # events the (JSON) response schema describes.
            return Streaming(self._event_model(config) or response.type, None)
        if param is None or (sse is None and config is None):
            return None
        if not (isinstance(param.type, Primitive) and param.type.kind == "boolean"):
            return None
        event_type = self._event_model(config)
        if event_type is None and sse is not None:
            at, schema = sse
            event_type = self.types.named_model(
                schema, at, "response", package, type_stem + "Event"
            )
        return Streaming(event_type, param.py_name)

    def _event_stream_schema(self, op: OpRef) -> tuple[Position, Any] | None:
        """The schema of the success response's ``text/event-stream`` content, if any."""
        responses = op.node.get("responses")
        if not isinstance(responses, dict):
            return None
        for key in SUCCESS_ORDER:
            raw = responses.get(key, responses.get(int(key)) if key.isdigit() else None)
            if raw is None:
                continue
            at = op.at.child("responses", key)
            if isinstance(raw, dict) and "$ref" in raw:
                at, raw = self.resolver.follow(raw, at)
            content = raw.get("content") if isinstance(raw, dict) else None
            if not isinstance(content, dict):
                return None
            for media_type, media in content.items():
                if isinstance(media_type, str) and media_type.startswith("text/event-stream"):
                    schema = media.get("schema") if isinstance(media, dict) else None
                    if schema is None:
                        return None
                    return at.child("content", media_type, "schema"), schema
            return None
        return None

    def _event_model(self, config: Any) -> TypeExpr | None:
        """The model the config's ``stream_event_model`` names (``sessions.stream_event``:
        the model ``stream_event`` of the resource ``sessions``)."""
        name = getattr(config, "stream_event_model", None) if config is not None else None
        if not isinstance(name, str) or not name:
            return None
        *path, model_name = name.split(".")
        ref = _model_ref(self.config.resources or (), tuple(path), model_name)
        if ref is None:
            ref = dict(self.config.shared_models).get(model_name)
        if ref is None:
            self._warn(self.root, f"stream_event_model {name!r} names no model of the config")
            return None
        target = ref if ref.startswith("#/") else f"#/components/schemas/{ref}"
        return self.types.build(
            {"$ref": target},
            self.root,
            Scope("response", (), None),
            naming.pascal(model_name) or "StreamEvent",
        )


def _model_ref(
    tree: tuple[ResourceConfig, ...], path: tuple[str, ...], model_name: str
) -> str | None:
    """The ``$ref`` of the model ``model_name`` of the resource at ``path``."""
    if not path:
        return None
    for rc in tree:
        if rc.name == path[0] or rc.key == path[0]:
            if len(path) == 1:
                return dict(rc.models).get(model_name)
            return _model_ref(rc.subresources, path[1:], model_name)
    return None
