# File generated from an OpenAPI document by openapi-forge. Do not edit by hand.
"""The base class of every response model, and how decoded JSON becomes models.

Parsing never fails on a newer server's data: unknown fields are kept
(``extra="allow"``), and a value that does not fit its declared type (an
enum value this version does not know, say) is kept as sent instead of
raising, the way a forward-compatible client must behave. Validation runs
first (it parses datetimes and nested models in pydantic-core); only data
that fails it takes the slower lenient path.
"""

from __future__ import annotations

import sys
import types
from typing import (
    Any,
    Callable,
    Dict,
    ForwardRef,
    List,
    Literal,
    Tuple,
    Type,
    TypeVar,
    Union,
    cast,
    get_args,
    get_origin,
)

import pydantic
from pydantic import ConfigDict
from typing_extensions import TypeAliasType

__all__ = ["BaseModel", "construct", "parser"]

_T = TypeVar("_T")
_M = TypeVar("_M", bound=pydantic.BaseModel)


class BaseModel(pydantic.BaseModel):
    """A response object. Fields the server sent that this version does not
    declare are kept and readable as attributes."""

    model_config = ConfigDict(
        extra="allow",
        populate_by_name=True,
        defer_build=True,
        arbitrary_types_allowed=True,
        protected_namespaces=(),
    )

    def to_dict(
        self,
        *,
        mode: Literal["json", "python"] = "python",
        use_api_names: bool = True,
        exclude_unset: bool = True,
        exclude_defaults: bool = False,
        exclude_none: bool = False,
        warnings: bool = True,
    ) -> Dict[str, object]:
        """The model as a plain dict, keyed by the API's field names.

        Fields the server did not send are left out (``exclude_unset``).
        ``mode="json"`` turns ``datetime`` values into strings.
        """
        return self.model_dump(
            mode=mode,
            by_alias=use_api_names,
            exclude_unset=exclude_unset,
            exclude_defaults=exclude_defaults,
            exclude_none=exclude_none,
            warnings=warnings,
        )

    def to_json(
        self,
        *,
        indent: int | None = 2,
        use_api_names: bool = True,
        exclude_unset: bool = True,
        exclude_defaults: bool = False,
        exclude_none: bool = False,
        warnings: bool = True,
    ) -> str:
        """The model as a JSON string, keyed by the API's field names."""
        return self.model_dump_json(
            indent=indent,
            by_alias=use_api_names,
            exclude_unset=exclude_unset,
            exclude_defaults=exclude_defaults,
            exclude_none=exclude_none,
            warnings=warnings,
        )


_PARSERS: Dict[Any, Callable[[object], Any]] = {}
_ADAPTERS: Dict[Any, "pydantic.TypeAdapter[Any]"] = {}


def construct(cast_to: Type[_T], data: object) -> _T:
    """Turn decoded JSON into ``cast_to`` (a model class or any annotation)."""
    return cast(_T, parser(cast_to)(data))


def parser(tp: Any) -> Callable[[object], Any]:
    """A function that turns decoded JSON into ``tp``; built once per type."""
    try:
        return _PARSERS[tp]
    except KeyError:
        pass
    except TypeError:  # an unhashable annotation: build a parser for this call only
        return _build_parser(tp)
    built = _build_parser(tp)
    _PARSERS[tp] = built
    return built


def _build_parser(tp: Any) -> Callable[[object], Any]:
    if tp is object or tp is Any:
        return _identity
    if isinstance(tp, type) and issubclass(tp, pydantic.BaseModel):
        model = tp
        validate = model.model_validate

        def parse_model(data: object) -> Any:
            try:
                return validate(data)
            except pydantic.ValidationError:
                return _lenient(model, data, None)

        return parse_model

    def parse_other(data: object) -> Any:
        try:
            return _adapter(tp).validate_python(data)
        except pydantic.ValidationError:
            return _lenient(tp, data, None)

    return parse_other


def _identity(data: object) -> object:
    return data


def _adapter(tp: Any) -> "pydantic.TypeAdapter[Any]":
    adapter = _ADAPTERS.get(tp)
    if adapter is None:
        adapter = _ADAPTERS[tp] = pydantic.TypeAdapter(tp)
    return adapter


def _try_validate(tp: Any, data: object) -> Tuple[bool, object]:
    try:
        return True, _adapter(tp).validate_python(data)
    except Exception:  # the lenient path: anything that does not validate is kept as sent
        return False, data


# --- the lenient path -----------------------------------------------------------

_Namespace = Union[Dict[str, Any], None]


def _resolve_name(tp: Any, namespace: _Namespace) -> Any:
    """A forward reference (a quoted model name) as the object it names."""
    name = tp.__forward_arg__ if isinstance(tp, ForwardRef) else tp if isinstance(tp, str) else None
    if name is None:
        return tp
    return (namespace or {}).get(name, Any)


def _resolve(tp: Any, namespace: _Namespace) -> Tuple[Any, _Namespace]:
    """Unwrap forward references and type aliases down to a concrete annotation,
    with the namespace its own forward references resolve in."""
    while True:
        tp = _resolve_name(tp, namespace)
        if not isinstance(tp, TypeAliasType):
            return tp, namespace
        module = sys.modules.get(getattr(tp, "__module__", ""), None)
        namespace = vars(module) if module is not None else namespace
        tp = tp.__value__


def _is_union(tp: Any) -> bool:
    origin = get_origin(tp)
    return origin is Union or origin is types.UnionType


def _union_members(tp: Any, namespace: _Namespace) -> List[Tuple[Any, _Namespace]]:
    """The alternatives of a union, with nested unions and aliases flattened."""
    out: List[Tuple[Any, _Namespace]] = []
    for member in get_args(tp):
        resolved, ns = _resolve(member, namespace)
        if _is_union(resolved):
            out.extend(_union_members(resolved, ns))
        else:
            out.append((resolved, ns))
    return out


def _is_model(tp: Any) -> bool:
    return isinstance(tp, type) and issubclass(tp, pydantic.BaseModel)


def _lenient(tp: Any, data: object, namespace: _Namespace) -> object:
    tp, namespace = _resolve(tp, namespace)
    if data is None or tp is Any or tp is object:
        return data
    if _is_model(tp):
        return _lenient_model(tp, data) if isinstance(data, dict) else data
    origin = get_origin(tp)
    args = get_args(tp)
    if origin is Literal:
        return data  # an enum value this version does not know yet
    if origin in (list, List) and isinstance(data, list):
        item = args[0] if args else Any
        return [_lenient(item, value, namespace) for value in data]
    if origin in (dict, Dict) and isinstance(data, dict):
        values = args[1] if len(args) == 2 else Any
        return {key: _lenient(values, value, namespace) for key, value in data.items()}
    if _is_union(tp):
        members = _union_members(tp, namespace)
        for member, _ in members:
            ok, value = _try_validate(member, data)
            if ok:
                return value
        if isinstance(data, dict):
            models = [m for m, _ in members if _is_model(m)]
            if models:
                # The alternative that declares most of the fields the server sent.
                best = max(models, key=lambda m: len(data.keys() & _fields_by_wire_name(m).keys()))
                return _lenient_model(best, data)
        for member, ns in members:
            if get_origin(member) in (list, List, dict, Dict) and isinstance(data, (list, dict)):
                return _lenient(member, data, ns)
        return data
    return _try_validate(tp, data)[1]


_FIELDS: Dict[type, Dict[str, Tuple[str, Any]]] = {}


def _fields_by_wire_name(cls: Type[pydantic.BaseModel]) -> Dict[str, Tuple[str, Any]]:
    fields = _FIELDS.get(cls)
    if fields is None:
        cls.model_rebuild(raise_errors=False)
        fields = {}
        for name, info in cls.model_fields.items():
            fields[info.alias or name] = (name, info.annotation)
            fields.setdefault(name, (name, info.annotation))
        _FIELDS[cls] = fields
    return fields


def _lenient_model(cls: Type[_M], data: Dict[str, Any]) -> _M:
    """Build ``cls`` from ``data`` field by field, keeping what does not validate as sent."""
    fields = _fields_by_wire_name(cls)
    module = sys.modules.get(cls.__module__)
    namespace = vars(module) if module is not None else None
    values: Dict[str, Any] = {}
    for key, value in data.items():
        entry = fields.get(key)
        if entry is None:
            values[key] = value
            continue
        name, annotation = entry
        values[name] = _lenient(annotation, value, namespace)
    return cls.model_construct(**values)
