"""One operation of the model: its parameters, body, responses and pagination together."""

from __future__ import annotations

from .. import naming
from ..config import UNPAGINATED, MethodConfig
from ..model import Operation, Parameter, Resource, Response, Source
from ..schemas import Scope
from .bodies import BodiesMixin
from .common import OpRef, text_of
from .pagination import PaginationMixin
from .parameters import ParametersMixin
from .responses import ResponsesMixin
from .security import SecurityMixin
from .servers import ServersMixin
from .streaming import StreamingMixin


class OperationsMixin(
    ParametersMixin,
    BodiesMixin,
    ResponsesMixin,
    PaginationMixin,
    SecurityMixin,
    ServersMixin,
    StreamingMixin,
):
    """One operation, from the parts the other stages build."""

    def _operation(
        self,
        resource: Resource,
        package: tuple[str, ...],
        method: str,
        op: OpRef,
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
        # In the order the path spells them: the last one is the positional argument.
        path_params = sorted(
            (p for p in parameters if p.location == "path"),
            key=lambda p: _template_position(op.path, p.wire_name),
        )
        other_params = [p for p in parameters if p.location != "path"]
        parameters = path_params + body_params + other_params
        self._check_path_params(op, path_params)

        pagination = None
        if paginated == UNPAGINATED:
            pass  # `paginated: false` in the config
        elif paginated is not None or (self.config.paginations and op.http_method == "get"):
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
        method_config = self.method_configs.get((op.http_method, op.path))
        positional = self._positional_names(method_config, parameters)
        streaming = self._streaming(op, method_config, parameters, response, package, type_stem)
        return Operation(
            operation_id=str(node.get("operationId") or f"{op.http_method}_{op.path}"),
            py_name=method,
            cli_name=naming.kebab(method) or method,
            http_method=op.http_method,
            path=op.path,
            summary=text_of(node.get("summary")),
            description=text_of(node.get("description")),
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
            tags=_tags(node.get("tags")),
            destructive=node.get("x-destructive") is True,
            source=Source(op.at.doc.display, op.at.pointer),
            servers=self._servers_at(node.get("servers"), op.at.child("servers"))
            or self._servers_at(op.path_item.get("servers"), op.path_item_at.child("servers")),
            other_responses=tuple(other_responses),
            positional_names=positional,
            streaming=streaming,
        )

    def _positional_names(
        self, method_config: MethodConfig | None, parameters: list[Parameter]
    ) -> tuple[str, ...] | None:
        """The Python names of the config's ``positional_params`` (spec names)."""
        wanted = method_config.positional_params if method_config is not None else None
        if wanted is None or method_config is None:
            return None
        candidates = [p for p in parameters if p.location in ("path", "query")]
        by_wire = {p.wire_name: p for p in candidates}
        by_py = {p.py_name: p for p in candidates}
        out = []
        for name in wanted:
            param = by_wire.get(name) or by_py.get(name)
            if param is None:
                self.diagnostics.warn(
                    f"positional_params names {name!r}, which is not a path parameter "
                    f"(nor a query parameter) of {method_config.http_method.upper()} "
                    f"{method_config.path}; passed by keyword",
                    file=self.config.file or "",
                    pointer=method_config.pointer,
                    line=method_config.line,
                )
            else:
                out.append(param.py_name)
        return tuple(out)

    def _singulars(self, resource: Resource) -> list[str]:
        return [naming.pascal(naming.singular_name(p)) for p in resource.path]


def _template_position(path: str, name: str) -> int:
    """Where ``{name}`` is in ``path``; after every other one when it is not there."""
    index = path.find("{" + name + "}")
    return len(path) if index < 0 else index


def _tags(raw: object) -> tuple[str, ...]:
    """An operation's ``tags`` as written, ignoring entries that are not strings."""
    return tuple(t for t in raw if isinstance(t, str)) if isinstance(raw, list) else ()
