"""The generated CLIs against Prism, which checks every request against the spec.

Prism runs with ``--errors``: a request the spec does not allow (wrong type,
missing field, bad enum, missing credential) is answered with an error, so a
zero exit status here means the CLI put a valid request on the wire.

The second half runs the pet-store fixture's CLI (tests/fixtures/petstore,
the committed snapshot) the same way: the same templates give any spec a
working CLI.
"""

from __future__ import annotations

import json
import os
import sys
from collections.abc import Iterator

import pytest
import yaml

from tests.servers import ROOT, Prism
from tests.test_cli import REFERENCE_FLAGS, assert_usage_error, clean_env, run

#: The response example printed on the reference page (and in the spec).
REFERENCE_RESPONSE = {
    "key": "key",
    "key_details": {
        "id": "id",
        "allowed_ips": ["string"],
        "created_at": "2019-12-27T18:11:19.117Z",
        "expires_at": "2019-12-27T18:11:19.117Z",
        "is_active": True,
        "key_prefix": "key_prefix",
        "key_type": "workspace",
        "last_used_at": "2019-12-27T18:11:19.117Z",
        "livemode": True,
        "name": "name",
        "workspace_id": "workspace_id",
    },
}


def test_reference_page_command_against_prism(prism_url: str):
    env = clean_env(BOLTZ_API_KEY="sk_test_prism", BOLTZ_BASE_URL=prism_url)
    minimal = run("admin:api-keys", "create", "--name", "x", env=env)
    assert minimal.returncode == 0, minimal.stderr
    assert json.loads(minimal.stdout) == REFERENCE_RESPONSE
    full = run("admin:api-keys", "create", *REFERENCE_FLAGS, env=env)
    assert full.returncode == 0, full.stderr
    assert json.loads(full.stdout) == REFERENCE_RESPONSE


def test_list_and_revoke_against_prism(prism_url: str):
    env = clean_env(BOLTZ_API_KEY="sk_test_prism", BOLTZ_BASE_URL=prism_url)
    # Prism's mock always says has_more and hands back the same cursor: the SDK
    # stops when a cursor repeats, and --max-items stops earlier still.
    listed = run(
        "admin:api-keys",
        "list",
        "--limit",
        "5",
        "--workspace-id",
        "ws",
        "--format",
        "jsonl",
        env=env,
    )
    assert listed.returncode == 0, listed.stderr
    items = [json.loads(line) for line in listed.stdout.splitlines()]
    assert len(items) == 2 and all(item["key_type"] in ("admin", "workspace") for item in items)
    capped = run("admin:api-keys", "list", "--max-items", "1", "--format", "jsonl", env=env)
    assert capped.returncode == 0 and len(capped.stdout.splitlines()) == 1, capped.stderr
    revoked = run("admin:api-keys", "revoke", "key_1", "--format", "yaml", env=env)
    assert revoked.returncode == 0, revoked.stderr
    assert set(yaml.safe_load(revoked.stdout)) >= {"id", "is_active", "livemode"}


def test_prism_rejection_is_an_api_error(prism_url: str):
    """A route the spec does not have: Prism answers 404, the CLI exits 1."""
    env = clean_env(BOLTZ_API_KEY="sk_test_prism", BOLTZ_BASE_URL=prism_url + "/nope")
    result = run("admin:api-keys", "list", "--max-retries", "0", env=env)
    assert result.returncode == 1
    assert result.stderr.startswith("Error: 404 Not Found")


# --- another spec: the pet store -----------------------------------------------------------

PETSTORE = ROOT / "tests" / "fixtures" / "petstore"


@pytest.fixture(scope="module")
def petstore_url() -> Iterator[str]:
    with Prism(PETSTORE / "openapi.yaml") as url:
        yield url


def pet(*args: str, url: str, stdin: str | None = None):
    expected = PETSTORE / "expected"
    env = clean_env(
        PET_STORE_API_KEY="token",
        PET_STORE_BASE_URL=url,
        PYTHONPATH=os.pathsep.join(
            str(p) for p in (expected / "sdk" / "src", expected / "cli" / "src")
        ),
    )
    return run(*args, env=env, stdin=stdin, command=[sys.executable, "-m", "pet_store_api_cli"])


def test_petstore_cli_is_complete(petstore_url: str):
    listed = pet(
        "pets",
        "list",
        "--status",
        "available",
        "--status",
        "sold",
        "--limit",
        "5",
        "--x-request-id",
        "0b8c6c33-5a4c-4a8e-9f57-2f7e3b1d3c11",
        "--format",
        "jsonl",
        url=petstore_url,
    )
    assert listed.returncode == 0, listed.stderr
    assert isinstance(json.loads(listed.stdout), list)
    created = pet(
        "pets",
        "create",
        "--name",
        "Rex",
        "--status",
        "pending",
        "--owner",
        "{name: Ann, address: {city: Oslo}}",
        url=petstore_url,
    )
    assert created.returncode == 0, created.stderr
    assert "id" in json.loads(created.stdout)
    by_id = pet("pets", "get-by-id", "42", "--transform", "name", "-r", url=petstore_url)
    assert by_id.returncode == 0 and by_id.stdout.strip(), by_id.stderr
    deleted = pet("pets", "delete", "--pet-id", "42", "--api-key-param", "k", url=petstore_url)
    assert deleted.returncode == 0 and deleted.stdout == "", deleted.stderr
    order = pet(
        "store",
        "place-order",
        "--pet-id",
        "1",
        "--quantity",
        "2",
        "--shipping",
        '{"address": {"line1": "1 Main St", "country": "NO"}, "express": true}',
        "--format",
        "yaml",
        url=petstore_url,
    )
    assert order.returncode == 0, order.stderr
    assert yaml.safe_load(order.stdout)["status"] in ("placed", "approved", "delivered")


def test_petstore_cli_checks_nested_objects_and_types(petstore_url: str):
    assert_usage_error(
        pet(
            "store",
            "place-order",
            "--pet-id",
            "1",
            "--quantity",
            "2",
            "--shipping",
            '{"address": {"line1": "x", "country": "NOR"}}',
            url=petstore_url,
        ),
        "'--shipping'",
        "address.country",
        "maxLength 2",
    )
    assert_usage_error(
        pet("store", "place-order", "--pet-id", "1", url=petstore_url), "'--quantity'"
    )
    assert_usage_error(pet("pets", "get-by-id", "abc", url=petstore_url), "PET_ID", "integer")
    assert_usage_error(
        pet("pets", "list", "--status", "lost", url=petstore_url), "'--status'", "available"
    )
    help_text = " ".join(pet("pets", "list", "--help", url=petstore_url).stdout.split())
    assert "--status [available|pending|sold]" in help_text
    assert "[minimum 1; maximum 100; default: 20]" in help_text
