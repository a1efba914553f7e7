"""The version the generated packages are published under.

A distribution version must follow PEP 440, while an OpenAPI ``info.version``
is free text (``2024-01-01``, ``v2 beta``, ``1.0.0-rc.1``). A version that is
already valid is written in its canonical form; anything else is turned into
the closest valid one, and the caller warns about the change.
"""

from __future__ import annotations

import re

from packaging.version import InvalidVersion, Version

#: When neither the config nor the document gives a version.
FALLBACK = "0.0.0"


def normalise(text: str) -> tuple[str, bool]:
    """``(version, changed)``: ``text`` as a PEP 440 version.

    ``changed`` is true when ``text`` was not a valid version and had to be
    rewritten (not when it was merely spelled differently, ``v1.2`` for ``1.2``).
    The rewrite keeps the numbers in order (``2024-01-01`` -> ``2024.1.1``) and
    falls back to :data:`FALLBACK` when there are none.
    """
    try:
        return str(Version(text.strip())), False
    except InvalidVersion:
        pass
    numbers = re.findall(r"\d+", text)
    if not numbers:
        return FALLBACK, True
    return ".".join(str(int(n)) for n in numbers), True
