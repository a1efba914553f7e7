# File generated from an OpenAPI document by openapi-forge. Do not edit by hand.
"""Resource classes; each module loads (with its types) only when first used."""

from __future__ import annotations

import typing as _t

if _t.TYPE_CHECKING:
    from .admin import AdminResource as AdminResource
    from .admin import AsyncAdminResource as AsyncAdminResource
    from .admin import AdminResourceWithRawResponse as AdminResourceWithRawResponse
    from .admin import AsyncAdminResourceWithRawResponse as AsyncAdminResourceWithRawResponse
    from .admin import AdminResourceWithStreamingResponse as AdminResourceWithStreamingResponse
    from .admin import (
        AsyncAdminResourceWithStreamingResponse as AsyncAdminResourceWithStreamingResponse,
    )
    from .api_keys import APIKeysResource as APIKeysResource
    from .api_keys import AsyncAPIKeysResource as AsyncAPIKeysResource
    from .api_keys import APIKeysResourceWithRawResponse as APIKeysResourceWithRawResponse
    from .api_keys import AsyncAPIKeysResourceWithRawResponse as AsyncAPIKeysResourceWithRawResponse
    from .api_keys import (
        APIKeysResourceWithStreamingResponse as APIKeysResourceWithStreamingResponse,
    )
    from .api_keys import (
        AsyncAPIKeysResourceWithStreamingResponse as AsyncAPIKeysResourceWithStreamingResponse,
    )

    pass

# Resources import their types; each loads only when first used.
_LAZY: _t.Dict[str, str] = {
    "AdminResource": ".admin",
    "AsyncAdminResource": ".admin",
    "AdminResourceWithRawResponse": ".admin",
    "AsyncAdminResourceWithRawResponse": ".admin",
    "AdminResourceWithStreamingResponse": ".admin",
    "AsyncAdminResourceWithStreamingResponse": ".admin",
    "APIKeysResource": ".api_keys",
    "AsyncAPIKeysResource": ".api_keys",
    "APIKeysResourceWithRawResponse": ".api_keys",
    "AsyncAPIKeysResourceWithRawResponse": ".api_keys",
    "APIKeysResourceWithStreamingResponse": ".api_keys",
    "AsyncAPIKeysResourceWithStreamingResponse": ".api_keys",
}
_SUBPACKAGES: _t.FrozenSet[str] = frozenset(())

__all__ = [
    "AdminResource",
    "AsyncAdminResource",
    "AdminResourceWithRawResponse",
    "AsyncAdminResourceWithRawResponse",
    "AdminResourceWithStreamingResponse",
    "AsyncAdminResourceWithStreamingResponse",
    "APIKeysResource",
    "AsyncAPIKeysResource",
    "APIKeysResourceWithRawResponse",
    "AsyncAPIKeysResourceWithRawResponse",
    "APIKeysResourceWithStreamingResponse",
    "AsyncAPIKeysResourceWithStreamingResponse",
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
