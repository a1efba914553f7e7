"""The generated SDK type-checks under ``mypy --strict``, and so does code using it.

The user script below pins the types a caller sees (``assert_type``), so a
regression to ``Any`` anywhere (raw responses, pages, models) fails the test;
the second script must be rejected, proving the checker really looks.
"""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

from tests.sdk_support import PETSTORE_SDK_SRC, ROOT, SDK_SRC

CACHE = ROOT / ".mypy_cache" / "sdk-tests"

USER_SCRIPT = """
from __future__ import annotations

import asyncio
from datetime import datetime
from typing import List, Optional

import httpx
from typing_extensions import Literal, assert_type

import boltz_api
from boltz_api import AsyncBoltz, Boltz, APIResponse, AsyncAPIResponse, NotFoundError
from boltz_api.pagination import AsyncCursorPage, SyncCursorPage
from boltz_api.types.admin import (
    APIKeyCreateParams,
    APIKeyCreateResponse,
    APIKeyListParams,
    APIKeyListResponse,
    APIKeyRevokeResponse,
)


def sync_usage(client: Boltz) -> None:
    created = client.admin.api_keys.create(
        name="ci", allowed_ips=["10.0.0.1"], expires_in_days=30, mode="test", workspace_id="ws"
    )
    assert_type(created, APIKeyCreateResponse)
    assert_type(created.key, str)
    assert_type(created.key_details.created_at, datetime)
    assert_type(created.key_details.expires_at, Optional[datetime])
    assert_type(created.key_details.key_type, Literal["workspace"])

    page = client.admin.api_keys.list(limit=2)
    assert_type(page, SyncCursorPage[APIKeyListResponse])
    assert_type(page.data, List[APIKeyListResponse])
    assert_type(page.has_more, Optional[bool])
    assert_type(page.last_id, Optional[str])
    assert_type(page.has_next_page(), bool)
    assert_type(page.get_next_page(), SyncCursorPage[APIKeyListResponse])
    for key in page:
        assert_type(key, APIKeyListResponse)
        assert_type(key.workspace_id, Optional[str])
    for each in page.iter_pages():
        assert_type(each, SyncCursorPage[APIKeyListResponse])

    revoked = client.admin.api_keys.revoke("key_1", timeout=5.0, extra_headers={"X": "1"})
    assert_type(revoked, APIKeyRevokeResponse)

    raw = client.admin.api_keys.with_raw_response.create(name="x")
    assert_type(raw, APIResponse[APIKeyCreateResponse])
    assert_type(raw.parse(), APIKeyCreateResponse)
    assert_type(raw.headers, httpx.Headers)
    assert_type(raw.status_code, int)
    raw_page = client.with_raw_response.admin.api_keys.list()
    assert_type(raw_page.parse(), SyncCursorPage[APIKeyListResponse])
    with client.admin.api_keys.with_streaming_response.revoke("k") as streamed:
        assert_type(streamed.parse(), APIKeyRevokeResponse)

    params: APIKeyCreateParams = {"name": "from-a-dict", "mode": "live"}
    client.admin.api_keys.create(**params)
    query: APIKeyListParams = {"limit": 10}
    client.admin.api_keys.list(**query)

    copy = client.with_options(max_retries=0, timeout=httpx.Timeout(10.0))
    assert_type(copy, Boltz)
    try:
        client.admin.api_keys.revoke("missing")
    except NotFoundError as err:
        assert_type(err.status_code, Literal[404])
        assert_type(err.response, httpx.Response)
        assert_type(err.body, Optional[object])
    client.admin.api_keys.create(name="x", mode=boltz_api.omit, workspace_id=boltz_api.NOT_GIVEN)


async def async_usage(client: AsyncBoltz) -> None:
    created = await client.admin.api_keys.create(name="ci")
    assert_type(created, APIKeyCreateResponse)
    page = await client.admin.api_keys.list(limit=2)
    assert_type(page, AsyncCursorPage[APIKeyListResponse])
    assert_type(page.data, List[APIKeyListResponse])
    async for key in client.admin.api_keys.list():
        assert_type(key, APIKeyListResponse)
    raw = await client.admin.api_keys.with_raw_response.revoke("k")
    assert_type(raw, AsyncAPIResponse[APIKeyRevokeResponse])
    assert_type(await raw.parse(), APIKeyRevokeResponse)
    raw_page = await client.admin.api_keys.with_raw_response.list()
    assert_type(await raw_page.parse(), AsyncCursorPage[APIKeyListResponse])
    async with client.admin.api_keys.with_streaming_response.create(name="s") as streamed:
        assert_type(await streamed.parse(), APIKeyCreateResponse)


def main() -> None:
    with Boltz(api_key="k") as client:
        sync_usage(client)

    async def run() -> None:
        async with AsyncBoltz(api_key="k") as client:
            await async_usage(client)

    asyncio.run(run())
"""

BAD_SCRIPT = """
from boltz_api import Boltz
import boltz_api.types.admin

client = Boltz(api_key="k")
client.admin.api_keys.create(name=1)  # E: wrong type
client.admin.api_keys.create(name="x", mode="prod")  # E: not a mode
client.admin.api_keys.create()  # E: name is required
client.admin.api_keys.list(limit="2")  # E: limit is an int
client.admin.api_keys.list(page=2)  # E: no such parameter
client.admin.api_keys.with_raw_response.create(nme="x")  # E: misspelt
client.admin.api_keys.list().data[0].no_such_field  # E: unknown attribute
client.admin.api_keys.create(name="x", allowed_ips="10.0.0.1")  # E: a str is not a list of IPs
boltz_api.types.admin.APIKeyTypo  # E: no such type
Boltz(api_key="k", max_retries="3")  # E: an int
"""


def mypy(*args: str, mypy_path: Path | None = None) -> subprocess.CompletedProcess[str]:
    env = dict(os.environ)
    if mypy_path is not None:
        env["MYPYPATH"] = str(mypy_path)
    return subprocess.run(
        [
            sys.executable,
            "-m",
            "mypy",
            "--strict",
            "--python-version",
            "3.10",  # the oldest Python the generated code supports
            "--no-error-summary",
            "--cache-dir",
            str(CACHE),
            *args,
        ],
        capture_output=True,
        text=True,
        cwd=ROOT,
        env=env,
        timeout=600,
    )


def test_generated_sdk_and_a_user_script_pass_mypy_strict(tmp_path: Path):
    script = tmp_path / "user_script.py"
    script.write_text(USER_SCRIPT)
    result = mypy(str(SDK_SRC / "boltz_api"), str(script), mypy_path=SDK_SRC)
    assert result.returncode == 0, result.stdout + result.stderr


def test_petstore_sdk_passes_mypy_strict():
    result = mypy("-p", "pet_store_api", mypy_path=PETSTORE_SDK_SRC)
    assert result.returncode == 0, result.stdout + result.stderr


def test_mistakes_in_user_code_are_reported(tmp_path: Path):
    script = tmp_path / "bad_script.py"
    script.write_text(BAD_SCRIPT)
    result = mypy(str(script), mypy_path=SDK_SRC)
    flagged = {int(m) for m in re.findall(r"bad_script\.py:(\d+): error", result.stdout)}
    expected = {i + 1 for i, line in enumerate(BAD_SCRIPT.splitlines()) if "# E:" in line}
    assert flagged == expected, result.stdout


def test_black_leaves_the_generated_sdk_unchanged():
    result = subprocess.run(
        [
            sys.executable,
            "-m",
            "black",
            "--check",
            "--quiet",
            "--line-length",
            "100",
            "--target-version",
            "py310",
            str(ROOT / "generated" / "sdk"),
            str(PETSTORE_SDK_SRC.parent),
        ],
        capture_output=True,
        text=True,
    )
    assert result.returncode == 0, result.stderr
