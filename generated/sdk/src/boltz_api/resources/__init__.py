# File generated from an OpenAPI document by openapi-forge. Do not edit by hand.
"""Resource classes; each module loads (with its types) only when first used."""

from __future__ import annotations

import typing as _t

if _t.TYPE_CHECKING:
    from .admin.admin import AdminResource as AdminResource
    from .admin.admin import AsyncAdminResource as AsyncAdminResource
    from .admin.admin import AdminResourceWithRawResponse as AdminResourceWithRawResponse
    from .admin.admin import AsyncAdminResourceWithRawResponse as AsyncAdminResourceWithRawResponse
    from .admin.admin import (
        AdminResourceWithStreamingResponse as AdminResourceWithStreamingResponse,
    )
    from .admin.admin import (
        AsyncAdminResourceWithStreamingResponse as AsyncAdminResourceWithStreamingResponse,
    )

    pass

# Resources import their types; each loads only when first used.
_LAZY: _t.Dict[str, str] = {
    "AdminResource": ".admin.admin",
    "AsyncAdminResource": ".admin.admin",
    "AdminResourceWithRawResponse": ".admin.admin",
    "AsyncAdminResourceWithRawResponse": ".admin.admin",
    "AdminResourceWithStreamingResponse": ".admin.admin",
    "AsyncAdminResourceWithStreamingResponse": ".admin.admin",
}
_SUBPACKAGES: _t.FrozenSet[str] = frozenset(())

__all__ = [
    "AdminResource",
    "AsyncAdminResource",
    "AdminResourceWithRawResponse",
    "AsyncAdminResourceWithRawResponse",
    "AdminResourceWithStreamingResponse",
    "AsyncAdminResourceWithStreamingResponse",
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
