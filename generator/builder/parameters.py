"""Path, query, header and cookie parameters of an operation."""

from __future__ import annotations

import re
from typing import Any

from .. import naming
from ..model import Parameter, Value
from ..refs import Position
from .common import HTTP_TOKEN, MISSING, BuilderBase, OpRef, claim_flag, is_array, text_of


class ParametersMixin(BuilderBase):
    """Path, query, header and cookie parameters."""

    def _parameters(self, op: OpRef) -> list[tuple[dict[str, Any], Position]]:
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
                if param["in"] in ("header", "cookie") and not HTTP_TOKEN.match(param["name"]):
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
        example = raw.get("example", resolved.get("example", MISSING))
        default = resolved.get("default", MISSING)
        return Parameter(
            wire_name=name,
            location=location,  # type: ignore[arg-type]
            py_name=self._param_name(py_namer, name, at),
            cli_flag=claim_flag(flag_namer, naming.cli_flag(name, is_array=is_array(expr)), expr),
            type=expr,
            required=required,
            description=text_of(raw.get("description")) or text_of(resolved.get("description")),
            default=None if default is MISSING else Value(default),
            example=None if example is MISSING else Value(example),
            deprecated=raw.get("deprecated") is True,
            style=style,
            explode=explode,
            content_type=content_type,
        )

    def _undeclared_path_params(
        self, op: OpRef, raw_params: list[tuple[dict[str, Any], Position]]
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

    def _check_path_params(self, op: OpRef, path_params: list[Parameter]) -> None:
        in_template = set(re.findall(r"\{([^}/]+)\}", op.path))
        for name in sorted({p.wire_name for p in path_params} - in_template):
            self._warn(
                op.at,
                f"path parameter {name!r} does not appear in {op.path}; it is ignored by servers",
            )
