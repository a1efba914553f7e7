# File generated from an OpenAPI document by openapi-forge. Do not edit by hand.
"""The exceptions the client raises; every one derives from :class:`BoltzError`."""

from __future__ import annotations

from typing import Optional

import httpx
from typing_extensions import Literal

__all__ = [
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


class BoltzError(Exception):
    """Base class of every error raised by this package."""


class APIError(BoltzError):
    """A request failed: the server answered with an error, or never answered."""

    message: str
    request: httpx.Request
    body: Optional[object]
    """The decoded JSON body of the error response, or its text, or ``None``."""

    def __init__(self, message: str, request: httpx.Request, *, body: Optional[object]) -> None:
        super().__init__(message)
        self.message = message
        self.request = request
        self.body = body


class APIResponseValidationError(APIError):
    """The response did not have the shape the API document promises."""

    response: httpx.Response
    status_code: int

    def __init__(
        self, response: httpx.Response, body: Optional[object], *, message: Optional[str] = None
    ) -> None:
        super().__init__(
            message or "Data returned by API invalid for expected schema.",
            response.request,
            body=body,
        )
        self.response = response
        self.status_code = response.status_code


class APIStatusError(APIError):
    """The server answered with a 4xx or 5xx status."""

    response: httpx.Response
    status_code: int

    def __init__(self, message: str, *, response: httpx.Response, body: Optional[object]) -> None:
        super().__init__(message, response.request, body=body)
        self.response = response
        self.status_code = response.status_code


class APIConnectionError(APIError):
    """The request never got an answer (DNS, refused connection, dropped connection...)."""

    def __init__(self, *, message: str = "Connection error.", request: httpx.Request) -> None:
        super().__init__(message, request, body=None)


class APITimeoutError(APIConnectionError):
    """The request timed out."""

    def __init__(self, request: httpx.Request) -> None:
        super().__init__(message="Request timed out.", request=request)


class BadRequestError(APIStatusError):
    status_code: Literal[400] = 400


class AuthenticationError(APIStatusError):
    status_code: Literal[401] = 401


class PermissionDeniedError(APIStatusError):
    status_code: Literal[403] = 403


class NotFoundError(APIStatusError):
    status_code: Literal[404] = 404


class ConflictError(APIStatusError):
    status_code: Literal[409] = 409


class UnprocessableEntityError(APIStatusError):
    status_code: Literal[422] = 422


class RateLimitError(APIStatusError):
    status_code: Literal[429] = 429


class InternalServerError(APIStatusError):
    """Any 5xx answer."""


_BY_STATUS = {
    400: BadRequestError,
    401: AuthenticationError,
    403: PermissionDeniedError,
    404: NotFoundError,
    409: ConflictError,
    422: UnprocessableEntityError,
    429: RateLimitError,
}


def status_error(
    message: str, *, response: httpx.Response, body: Optional[object]
) -> APIStatusError:
    """The most specific :class:`APIStatusError` subclass for ``response``."""
    cls = _BY_STATUS.get(response.status_code)
    if cls is None:
        cls = InternalServerError if response.status_code >= 500 else APIStatusError
    return cls(message, response=response, body=body)
