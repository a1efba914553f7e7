# File generated from an OpenAPI document by openapi-forge. Do not edit by hand.
"""Types shared by the client and the resources: sentinels, options, file inputs."""

from __future__ import annotations

from typing import (
    IO,
    TYPE_CHECKING,
    Any,
    Mapping,
    Optional,
    Protocol,
    Sequence,
    Tuple,
    TypeVar,
    Union,
)

import httpx
from typing_extensions import Literal, SupportsIndex, overload

__all__ = [
    "NOT_GIVEN",
    "NotGiven",
    "Omit",
    "omit",
    "Headers",
    "Query",
    "Body",
    "Timeout",
    "FileTypes",
    "SequenceNotStr",
]

_T_co = TypeVar("_T_co", covariant=True)


class NotGiven:
    """Marks an argument the caller did not pass, so it is not sent at all.

    Distinct from ``None``, which is sent as JSON ``null``.
    """

    _instance: Optional["NotGiven"] = None

    def __new__(cls) -> "NotGiven":
        if cls._instance is None:
            cls._instance = super().__new__(cls)
        return cls._instance

    def __bool__(self) -> Literal[False]:
        return False

    def __repr__(self) -> str:
        return "NOT_GIVEN"

    def __reduce__(self) -> str:
        return "NOT_GIVEN"


NOT_GIVEN = NotGiven()


class Omit:
    """Pass as a header value in ``extra_headers`` to drop a default header."""

    def __bool__(self) -> Literal[False]:
        return False

    def __repr__(self) -> str:
        return "omit"


omit = Omit()

Headers = Mapping[str, Union[str, Omit]]
Query = Mapping[str, object]
Body = object
Timeout = Union[float, httpx.Timeout, None]

FileContent = Union[IO[bytes], bytes]
FileTypes = Union[
    FileContent,
    Tuple[Optional[str], FileContent],
    Tuple[Optional[str], FileContent, Optional[str]],
]

if TYPE_CHECKING:

    class SequenceNotStr(Protocol[_T_co]):
        """A sequence that is not a ``str`` (a plain string would be split into characters)."""

        @overload
        def __getitem__(self, index: SupportsIndex, /) -> _T_co: ...
        @overload
        def __getitem__(self, index: slice, /) -> Sequence[_T_co]: ...
        def __contains__(self, value: object, /) -> bool: ...
        def __len__(self) -> int: ...
        def __iter__(self) -> Any: ...
        def index(self, value: Any, start: int = 0, stop: int = ..., /) -> int: ...
        def count(self, value: Any, /) -> int: ...
        def __reversed__(self) -> Any: ...

else:
    SequenceNotStr = Sequence
