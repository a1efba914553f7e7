# File generated from an OpenAPI document by openapi-forge. Do not edit by hand.
"""Types shared by the client and the resources: sentinels, option types, file inputs."""

from __future__ import annotations

from typing import (
    IO,
    TYPE_CHECKING,
    Any,
    Iterator,
    Mapping,
    Optional,
    Sequence,
    Tuple,
    TypeVar,
    Union,
)

import httpx
from typing_extensions import Literal, Protocol, SupportsIndex, overload

__all__ = [
    "Omit",
    "omit",
    "NotGiven",
    "NOT_GIVEN",
    "not_given",
    "NoneType",
    "Headers",
    "Query",
    "Body",
    "Timeout",
    "Transport",
    "AsyncTransport",
    "FileContent",
    "FileTypes",
    "SequenceNotStr",
]

_T_co = TypeVar("_T_co", covariant=True)


class Omit:
    """Leave a parameter out of the request entirely.

    The default of every optional argument. Distinct from ``None``, which is
    sent as JSON ``null``. As a value in ``extra_headers`` it removes a
    header the client would otherwise send.
    """

    def __bool__(self) -> Literal[False]:
        return False

    def __repr__(self) -> str:
        return "omit"

    def __reduce__(self) -> str:
        return "omit"


class NotGiven(Omit):
    """The default of ``timeout`` (and of client options): use the configured value.

    A subclass of :class:`Omit`, so ``NOT_GIVEN`` is accepted wherever ``omit`` is.
    """

    def __repr__(self) -> str:
        return "NOT_GIVEN"

    def __reduce__(self) -> str:
        return "NOT_GIVEN"


omit = Omit()
NOT_GIVEN = NotGiven()
not_given = NOT_GIVEN

NoneType = type(None)

Headers = Mapping[str, Union[str, Omit]]
Query = Mapping[str, object]
Body = object
Timeout = Union[float, httpx.Timeout, None]
Transport = httpx.BaseTransport
AsyncTransport = httpx.AsyncBaseTransport

FileContent = Union[IO[bytes], bytes]
FileTypes = Union[
    FileContent,
    Tuple[Optional[str], FileContent],
    Tuple[Optional[str], FileContent, Optional[str]],
]

if TYPE_CHECKING:

    class SequenceNotStr(Protocol[_T_co]):
        """A sequence that is not a ``str``: a plain string would be sent as its characters."""

        @overload
        def __getitem__(self, index: SupportsIndex, /) -> _T_co: ...
        @overload
        def __getitem__(self, index: slice, /) -> Sequence[_T_co]: ...
        def __contains__(self, value: object, /) -> bool: ...
        def __len__(self) -> int: ...
        def __iter__(self) -> Iterator[_T_co]: ...
        def index(self, value: Any, start: int = 0, stop: int = ..., /) -> int: ...
        def count(self, value: Any, /) -> int: ...
        def __reversed__(self) -> Iterator[_T_co]: ...

else:
    SequenceNotStr = Sequence
