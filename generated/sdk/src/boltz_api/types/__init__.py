# File generated from an OpenAPI document by openapi-forge. Do not edit by hand.
"""Request and response types; each module loads only when first used."""

from __future__ import annotations

import typing as _t

if _t.TYPE_CHECKING:
    from . import admin as admin

    pass

# Types load on first use: importing every model up front makes large APIs slow to import.
_LAZY: _t.Dict[str, str] = {}
_SUBPACKAGES: _t.FrozenSet[str] = frozenset(("admin",))

__all__ = [
    "admin",
]


# Defined for the interpreter only: type checkers see the explicit imports above,
# so a misspelt name is an error rather than Any.
if not _t.TYPE_CHECKING:

    def __getattr__(name: str) -> _t.Any:
        import importlib

        if name in _SUBPACKAGES:
            return importlib.import_module("." + name, __name__)
        module = _LAZY.get(name)
        if module is None:
            raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
        value = getattr(importlib.import_module(module, __name__), name)
        globals()[name] = value
        return value

    def __dir__() -> _t.List[str]:
        return sorted(set(globals()) | set(__all__))
