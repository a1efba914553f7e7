"""The real-world corpus (tests/realworld/): real stainless.yml + OpenAPI pairs and
the SDKs the hosted generator published from them.

Slow (five real APIs, one of 519 methods): run with ``make test-slow``. Each API
skips, saying what to place where, when its files are not in the cache
(``python -m tests.realworld.fetch``): the wheels come from PyPI, the pairs from
no registry.
"""

from __future__ import annotations

import pytest

from tests.realworld.corpus import APIS, Api, Unavailable
from tests.realworld.measure import measure

#: What issue 13 asks of every API of the corpus.
MIN_SAME_SHAPE = 97.0
MIN_SAME_RETURN = 95.0

pytestmark = pytest.mark.slow


@pytest.mark.parametrize("api", APIS, ids=[a.name for a in APIS])
def test_config_is_accepted_as_found_and_the_published_surface_is_kept(api: Api) -> None:
    try:
        result = measure(api)
    except Unavailable as exc:
        pytest.skip(str(exc))
    assert result.accepted, f"{api.name}: the config as found is refused: {result.error}"
    assert result.unknown_keys == [], "\n".join(result.unknown_keys)
    assert result.report is not None
    # The config names methods and the published SDK has them: the figures
    # below are over something.
    assert len(result.named) >= 5
    assert result.not_published == []
    # Every method excused as hand-written is one the config names and the SDK has.
    assert sorted(result.hand_written) == sorted(path for path, _ in api.hand_written)
    differing = [
        d.render()
        for d in result.report.differences
        if d.kind in ("call shape", "return type") and d.name in result.named
    ]
    assert result.shape_percent >= MIN_SAME_SHAPE, "\n".join(differing)
    assert result.return_percent >= MIN_SAME_RETURN, "\n".join(differing)
