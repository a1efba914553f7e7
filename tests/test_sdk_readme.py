"""The generated SDK README: complete, and its examples are real code that runs."""

from __future__ import annotations

import ast
import re

from tests.sdk_support import API_KEY, ROOT, run_python

README = ROOT / "generated" / "sdk" / "README.md"


def python_blocks(text: str) -> list[str]:
    return re.findall(r"```python\n(.*?)```", text, flags=re.S)


def section(text: str, title: str) -> str:
    match = re.search(rf"^## {re.escape(title)}\n(.*?)(?=^## |\Z)", text, flags=re.S | re.M)
    assert match, f"README has no section {title!r}"
    return match.group(1)


def test_readme_covers_what_users_need():
    text = README.read_text()
    for title in (
        "Install",
        "Usage",
        "Async usage",
        "Pagination",
        "Errors",
        "Retries",
        "Timeouts",
        "Raw responses",
        "Logging",
    ):
        section(text, title)
    assert "pip install boltz-api" in section(text, "Install")
    assert "client.admin.api_keys.create(name=" in section(text, "Usage")
    assert "async for api_key in client.admin.api_keys.list(" in section(text, "Pagination")
    errors = section(text, "Errors")
    for name in ("BoltzError", "AuthenticationError", "RateLimitError", "InternalServerError"):
        assert name in errors
    assert "retry-after" in section(text, "Retries")
    assert "BOLTZ_LOG" in section(text, "Logging")


def test_every_python_example_compiles():
    blocks = python_blocks(README.read_text())
    assert len(blocks) >= 10
    for block in blocks:
        compile(block, "README.md", "exec", flags=ast.PyCF_ALLOW_TOP_LEVEL_AWAIT)


def test_usage_and_pagination_examples_run(api_server):
    api_server.seed(3)
    text = README.read_text()
    usage = python_blocks(section(text, "Usage"))[0]
    pagination = python_blocks(section(text, "Pagination"))
    result = run_python(
        usage + "\n" + pagination[0] + "\n" + pagination[1],
        env={"BOLTZ_API_KEY": API_KEY, "BOLTZ_BASE_URL": api_server.base_url},
    )
    assert result.returncode == 0, result.stderr
    lines = result.stdout.splitlines()
    assert lines[0] == "key_000004"  # the created key's id
    assert lines[1:5] == ["key_000004", "key_000003", "key_000002", "key_000001"]
    assert [r.method for r in api_server.requests][:1] == ["POST"]
