# File generated from an OpenAPI document by openapi-forge. Do not edit by hand.

from __future__ import annotations

from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from .api_key_create_params import APIKeyCreateParams as APIKeyCreateParams
    from .api_key_create_response import APIKeyCreateResponse as APIKeyCreateResponse
    from .api_key_list_params import APIKeyListParams as APIKeyListParams
    from .api_key_list_response import APIKeyListResponse as APIKeyListResponse
    from .api_key_revoke_response import APIKeyRevokeResponse as APIKeyRevokeResponse

# Types load on first use: importing every model up front makes large APIs slow to import.
_LAZY = {
    "APIKeyCreateParams": ".api_key_create_params",
    "APIKeyCreateResponse": ".api_key_create_response",
    "APIKeyListParams": ".api_key_list_params",
    "APIKeyListResponse": ".api_key_list_response",
    "APIKeyRevokeResponse": ".api_key_revoke_response",
}

__all__ = [
    "APIKeyCreateParams",
    "APIKeyCreateResponse",
    "APIKeyListParams",
    "APIKeyListResponse",
    "APIKeyRevokeResponse",
]


def __getattr__(name: str) -> Any:
    module = _LAZY.get(name)
    if module is None:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    import importlib

    value = getattr(importlib.import_module(module, __name__), name)
    globals()[name] = value
    return value
