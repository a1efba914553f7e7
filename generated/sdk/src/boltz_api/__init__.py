# File generated from an OpenAPI document by openapi-forge. Do not edit by hand.
"""Python client for the Boltz API.

Importing the package is cheap: resources, models (and pydantic) load on first use.
"""

import typing as _t

from httpx import Timeout

from . import types
from ._base_client import (
    DEFAULT_CONNECTION_LIMITS,
    DEFAULT_MAX_RETRIES,
    DEFAULT_TIMEOUT,
    DefaultAsyncHttpxClient,
    DefaultHttpxClient,
)
from ._client import DEFAULT_BASE_URL, AsyncBoltz, AsyncClient, Boltz, Client
from ._exceptions import (
    BoltzError,
    APIConnectionError,
    APIError,
    APIResponseValidationError,
    APIStatusError,
    APITimeoutError,
    AuthenticationError,
    BadRequestError,
    ConflictError,
    InternalServerError,
    NotFoundError,
    PermissionDeniedError,
    RateLimitError,
    UnprocessableEntityError,
)
from ._response import APIResponse, AsyncAPIResponse
from ._streaming import AsyncStream, Stream
from ._types import NOT_GIVEN, NoneType, NotGiven, Omit, Transport, not_given, omit
from ._version import __title__, __version__

if _t.TYPE_CHECKING:
    from . import pagination as pagination
    from . import resources as resources
    from ._models import BaseModel as BaseModel

__all__ = [
    "types",
    "resources",
    "pagination",
    "__version__",
    "__title__",
    "Boltz",
    "AsyncBoltz",
    "Client",
    "AsyncClient",
    "DEFAULT_BASE_URL",
    "DEFAULT_TIMEOUT",
    "DEFAULT_MAX_RETRIES",
    "DEFAULT_CONNECTION_LIMITS",
    "DefaultHttpxClient",
    "DefaultAsyncHttpxClient",
    "Timeout",
    "Transport",
    "NoneType",
    "NOT_GIVEN",
    "NotGiven",
    "not_given",
    "Omit",
    "omit",
    "APIResponse",
    "AsyncAPIResponse",
    "Stream",
    "AsyncStream",
    "BaseModel",
    "BoltzError",
    "APIError",
    "APIStatusError",
    "APIConnectionError",
    "APITimeoutError",
    "APIResponseValidationError",
    "BadRequestError",
    "AuthenticationError",
    "PermissionDeniedError",
    "NotFoundError",
    "ConflictError",
    "UnprocessableEntityError",
    "RateLimitError",
    "InternalServerError",
]

# Loaded on first use; `BaseModel` brings in pydantic.
_LAZY_MODULES = frozenset(("resources", "pagination"))

if not _t.TYPE_CHECKING:

    def __getattr__(name: str) -> _t.Any:
        import importlib

        if name in _LAZY_MODULES:
            return importlib.import_module("." + name, __name__)
        if name == "BaseModel":
            from ._models import BaseModel

            return BaseModel
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
