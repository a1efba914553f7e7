"""The corpus machinery itself (tests/realworld/corpus.py), on small local files: no network."""

from __future__ import annotations

import hashlib
import subprocess
from dataclasses import replace
from pathlib import Path

import pytest

from tests.realworld.corpus import (
    APIS,
    Unavailable,
    config_methods,
    ensure_pair,
    ensure_sdk,
    stainless_snake,
)


def test_every_pinned_file_has_a_full_commit_and_a_sha256() -> None:
    assert len(APIS) >= 5
    assert len({a.name for a in APIS}) == len(APIS)
    for api in APIS:
        for item in (api.config, api.spec):
            assert len(item.commit) == 40 and len(item.sha256) == 64, api.name
        assert len(api.sdk.sha256) == 64
        assert api.sdk.filename.endswith(".whl")


def test_config_keys_are_snake_cased_as_the_published_sdks_spell_them() -> None:
    assert stainless_snake("setItem") == "set_item"
    assert stainless_snake("productVariant") == "product_variant"
    assert stainless_snake("api_keys") == "api_keys"
    assert stainless_snake("getJSONData") == "get_json_data"


def test_config_methods_follow_subresources_and_only_and_skip() -> None:
    config = {
        "resources": {
            "$shared": {"models": {"card": "Card"}},
            "$client": {"methods": {"healthCheck": "get /health"}},
            "userAccounts": {
                "methods": {
                    "list": "get /users",
                    "rotateKey": {"endpoint": "post /users/{id}/rotate", "skip": ["python"]},
                    "_rpc": {"endpoint": "post /rpc", "only": ["python", "node"]},
                },
                "subresources": {"shipping": {"methods": {"create": "post /users/shipping"}}},
            },
            "goOnly": {"only": ["go"], "methods": {"list": "get /go"}},
        }
    }
    assert config_methods(config) == [
        "health_check",  # $client methods sit on the client itself
        "user_accounts._rpc",
        "user_accounts.list",
        "user_accounts.shipping.create",
    ]


def _git(cwd: Path, *args: str) -> str:
    return subprocess.run(
        ["git", *args], cwd=cwd, check=True, capture_output=True, text=True
    ).stdout.strip()


def test_pairs_come_from_a_local_clone_at_the_pinned_commit_and_are_checked(
    tmp_path: Path,
) -> None:
    clone = tmp_path / "mirror" / "acme+api"
    clone.mkdir(parents=True)
    _git(clone, "init", "-q")
    (clone / "stainless.yml").write_text("organization:\n  name: acme\n")
    (clone / "openapi.yaml").write_text("openapi: 3.1.0\n")
    _git(clone, "add", ".")
    _git(clone, "-c", "user.name=t", "-c", "user.email=t@t", "commit", "-qm", "pair")
    commit = _git(clone, "rev-parse", "HEAD")
    (clone / "stainless.yml").write_text("changed later\n")  # the pinned commit is what counts

    def sha(text: str) -> str:
        return hashlib.sha256(text.encode()).hexdigest()

    api = replace(
        APIS[0],
        name="acme",
        config=replace(
            APIS[0].config,
            repo="acme/api",
            commit=commit,
            path="stainless.yml",
            sha256=sha("organization:\n  name: acme\n"),
        ),
        spec=replace(
            APIS[0].spec,
            repo="acme/api",
            commit=commit,
            path="openapi.yaml",
            sha256=sha("openapi: 3.1.0\n"),
        ),
    )
    cache = tmp_path / "cache"
    with pytest.raises(Unavailable, match="No package registry carries this stainless.yml"):
        ensure_pair(api, cache)
    config, spec = ensure_pair(api, cache, mirror=tmp_path / "mirror")
    assert config.read_text() == "organization:\n  name: acme\n"
    assert spec == cache / "acme" / "openapi.yaml"
    # A file that is not the pinned one is refused, never used.
    config.write_text("tampered\n")
    with pytest.raises(Unavailable, match="sha256 .* expected"):
        ensure_pair(api, cache)


def test_a_cached_wheel_with_another_checksum_is_refused(tmp_path: Path) -> None:
    api = APIS[0]
    wheel = tmp_path / "wheels" / api.sdk.filename
    wheel.parent.mkdir()
    wheel.write_bytes(b"not the wheel")
    with pytest.raises(Unavailable, match="sha256"):
        ensure_sdk(api, tmp_path)
