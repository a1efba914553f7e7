# File generated from an OpenAPI document by openapi-forge. Do not edit by hand.
"""The base class of every response model, and how responses become models.

Parsing never fails on a newer server's data: unknown fields are kept
(``extra="allow"``), and a value that does not match its declared type (an
enum value this version does not know, say) is kept as sent rather than
raising, the way a forward-compatible client must behave.
"""

from __future__ import annotations

from functools import lru_cache
from typing import Any, Dict, Literal, Type, TypeVar, cast

import pydantic
from pydantic import ConfigDict

__all__ = ["BaseModel", "construct"]

_T = TypeVar("_T")
_M = TypeVar("_M", bound="BaseModel")


class BaseModel(pydantic.BaseModel):
    model_config = ConfigDict(
        extra="allow",
        populate_by_name=True,
        defer_build=True,
        arbitrary_types_allowed=True,
        protected_namespaces=(),
    )

    def to_dict(
        self, *, by_alias: bool = True, exclude_unset: bool = True, mode: str = "json"
    ) -> Dict[str, Any]:
        """The model as a plain dict, keyed by the API's field names.

        Fields the server did not send are left out (``exclude_unset``);
        ``mode="python"`` keeps ``datetime`` objects instead of strings.
        """
        return self.model_dump(by_alias=by_alias, exclude_unset=exclude_unset, mode=mode)  # type: ignore[arg-type]

    def to_json(
        self, *, indent: int | None = 2, by_alias: bool = True, exclude_unset: bool = True
    ) -> str:
        """The model as a JSON string, keyed by the API's field names."""
        return self.model_dump_json(indent=indent, by_alias=by_alias, exclude_unset=exclude_unset)

    def __repr_args__(self) -> Any:
        # Extra fields are part of the data the server sent; show them too.
        return list(super().__repr_args__())


@lru_cache(maxsize=None)
def _adapter(tp: Any) -> pydantic.TypeAdapter[Any]:
    return pydantic.TypeAdapter(tp)


def construct(cast_to: Type[_T], data: object) -> _T:
    """Turn decoded JSON into ``cast_to`` (a model class or any annotation).

    Validation is tried first (it parses datetimes and nested models); if
    the data does not fit, the model is built leniently instead, so a field
    with an unexpected value never makes the whole response unreadable.
    """
    if cast_to is object or cast_to is None:  # type: ignore[comparison-overlap]
        return cast(_T, data)
    try:
        if isinstance(cast_to, type) and issubclass(cast_to, pydantic.BaseModel):
            return cast(_T, cast_to.model_validate(data))
        return cast(_T, _adapter(cast_to).validate_python(data))
    except pydantic.ValidationError:
        return cast(_T, _lenient(cast_to, data))


def _lenient(tp: Any, data: object) -> object:
    if isinstance(tp, type) and issubclass(tp, pydantic.BaseModel) and isinstance(data, dict):
        return _lenient_model(tp, data)
    origin = getattr(tp, "__origin__", None)
    args = getattr(tp, "__args__", ())
    if origin is Literal:
        return data  # an enum value this version does not know yet
    if origin in (list, tuple) and isinstance(data, list) and args:
        return [_lenient(args[0], item) for item in data]
    if origin is dict and isinstance(data, dict) and len(args) == 2:
        return {k: _lenient(args[1], v) for k, v in data.items()}
    if args and origin is not None:
        # Union/Optional: the first member that validates, else the raw value.
        for member in args:
            try:
                return _adapter(member).validate_python(data)
            except (pydantic.ValidationError, TypeError):
                continue
        for member in args:
            if (
                isinstance(member, type)
                and issubclass(member, pydantic.BaseModel)
                and isinstance(data, dict)
            ):
                return _lenient_model(member, data)
        return data
    try:
        return _adapter(tp).validate_python(data)
    except (pydantic.ValidationError, TypeError):
        return data


def _lenient_model(cls: Type[_M], data: Dict[str, Any]) -> _M:
    cls.model_rebuild(raise_errors=False)
    values: Dict[str, Any] = {}
    by_alias = {(f.alias or name): (name, f) for name, f in cls.model_fields.items()}
    for key, value in data.items():
        entry = by_alias.get(key)
        if entry is None:
            values[key] = value
            continue
        name, info = entry
        values[name] = _lenient(info.annotation, value) if value is not None else None
    instance = cls.model_construct(**values)
    return instance
