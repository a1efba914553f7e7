# File generated from an OpenAPI document by openapi-forge. Do not edit by hand.
"""Request and response types; each module loads only when first used."""

from __future__ import annotations

import typing as _t

if _t.TYPE_CHECKING:
    from .api_key_create_params import APIKeyCreateParams as APIKeyCreateParams
    from .api_key_create_response import APIKeyCreateResponse as APIKeyCreateResponse
    from .api_key_list_params import APIKeyListParams as APIKeyListParams
    from .api_key_list_response import APIKeyListResponse as APIKeyListResponse
    from .api_key_revoke_response import APIKeyRevokeResponse as APIKeyRevokeResponse

    pass

# Types load on first use: importing every model up front makes large APIs slow to import.
_LAZY: _t.Dict[str, str] = {
    "APIKeyCreateParams": ".api_key_create_params",
    "APIKeyCreateResponse": ".api_key_create_response",
    "APIKeyListParams": ".api_key_list_params",
    "APIKeyListResponse": ".api_key_list_response",
    "APIKeyRevokeResponse": ".api_key_revoke_response",
}
_SUBPACKAGES: _t.FrozenSet[str] = frozenset(())

__all__ = [
    "APIKeyCreateParams",
    "APIKeyCreateResponse",
    "APIKeyListParams",
    "APIKeyListResponse",
    "APIKeyRevokeResponse",
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
