# File generated from an OpenAPI document by openapi-forge. Do not edit by hand.

from __future__ import annotations

from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from .admin import AdminResource as AdminResource
    from .admin import AsyncAdminResource as AsyncAdminResource
    from .api_keys import APIKeysResource as APIKeysResource
    from .api_keys import AsyncAPIKeysResource as AsyncAPIKeysResource

# Resources import their types; each loads only when first used.
_LAZY = {
    "AdminResource": ".admin",
    "AsyncAdminResource": ".admin",
    "APIKeysResource": ".api_keys",
    "AsyncAPIKeysResource": ".api_keys",
}

__all__ = ["AdminResource", "AsyncAdminResource", "APIKeysResource", "AsyncAPIKeysResource"]


def __getattr__(name: str) -> Any:
    module = _LAZY.get(name)
    if module is None:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    import importlib

    value = getattr(importlib.import_module(module, __name__), name)
    globals()[name] = value
    return value
