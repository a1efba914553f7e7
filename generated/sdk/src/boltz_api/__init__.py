# File generated from an OpenAPI document by openapi-forge. Do not edit by hand.
"""Python client for the Boltz API."""

from ._client import Boltz, AsyncBoltz, DEFAULT_BASE_URL
from ._exceptions import (
    BoltzError,
    APIError,
    APIStatusError,
    APIConnectionError,
    APITimeoutError,
    APIResponseValidationError,
    BadRequestError,
    AuthenticationError,
    PermissionDeniedError,
    NotFoundError,
    ConflictError,
    UnprocessableEntityError,
    RateLimitError,
    InternalServerError,
)
from ._types import NOT_GIVEN, NotGiven, Omit, omit
from ._version import __version__
from ._base_client import DEFAULT_TIMEOUT, DEFAULT_MAX_RETRIES
from ._response import APIResponse, AsyncAPIResponse

__all__ = [
    "Boltz",
    "AsyncBoltz",
    "DEFAULT_BASE_URL",
    "DEFAULT_TIMEOUT",
    "DEFAULT_MAX_RETRIES",
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
    "NOT_GIVEN",
    "NotGiven",
    "Omit",
    "omit",
    "APIResponse",
    "AsyncAPIResponse",
    "__version__",
]
