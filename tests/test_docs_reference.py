"""The generated create page carries every fact of the published reference page.

The reference page (``seed-admin-api-keys-create.txt``, text copied off the
officially generated docs site) is parsed here, not transcribed, so that a
fact lost from the generated page, or a fact added to the reference, breaks a
test. Each fact is its own test case, for the Markdown page and the HTML page.
"""

from __future__ import annotations

import dataclasses
import json
from functools import cache
from pathlib import Path
from typing import Any

import pytest

from generator.errors import Diagnostics
from generator.pipeline import Inputs, load_api
from generator.targets.docs import response_example_json
from tests.docs_pages import Page, facts, parse_html_page, parse_markdown_page, parse_reference

ROOT = Path(__file__).resolve().parent.parent
#: The committed copy, so the test runs wherever the repository is cloned.
REFERENCE = ROOT / "tests/fixtures/docs_reference/seed-admin-api-keys-create.txt"
#: The shared original, when this checkout sits beside it.
SHARED = [
    ROOT.parent / "shared/reference/seed-admin-api-keys-create.txt",
    Path("/work/shared/reference/seed-admin-api-keys-create.txt"),
]
DOCS = ROOT / "generated/docs"


@cache
def reference() -> Page:
    return parse_reference(REFERENCE.read_text(encoding="utf-8"))


REFERENCE_FACTS = facts(reference())


@cache
def generated(kind: str) -> dict[str, Any]:
    if kind == "markdown":
        page = parse_markdown_page(
            (DOCS / "cli/admin/api-keys/create.md").read_text(encoding="utf-8")
        )
    else:
        page = parse_html_page(
            (DOCS / "html/cli/admin/api-keys/create.html").read_text(encoding="utf-8")
        )
    return facts(page)


def test_committed_reference_is_the_shared_one():
    shared = [p for p in SHARED if p.exists()]
    if not shared:
        pytest.skip("the shared reference folder is not beside this checkout")
    assert REFERENCE.read_bytes() == shared[0].read_bytes()


def test_the_reference_is_read_completely():
    """Guards the parser: a reader that found nothing would make every check vacuous."""
    page = reference()
    assert page.title == "Create a workspace API key"
    assert page.invocation == "$ boltz-api admin:api-keys create"
    assert (page.verb, page.path) == ("POST", "/compute/v1/admin/api-keys")
    assert [p.name for p in page.params] == [
        "--name",
        "--allowed-ip",
        "--expires-in-days",
        "--mode",
        "--workspace-id",
    ]
    assert page.params[0].constraints == {"minLength": "1", "maxLength": "255"}
    assert page.params[2].constraints == {"minimum": "1", "maximum": "365"}
    assert page.params[3].type == '"live" or "test"' and page.params[3].optional
    assert page.returns is not None and page.returns.name == "AdminAPIKeyNewResponse"
    details = page.returns.children[1]
    assert details.name == "key_details" and len(details.children) == 11
    assert details.children[2].constraints == {"format": "date-time"}
    assert page.cli_example == "boltz-api admin:api-keys create \\\n  --name x"
    assert page.response_example == page.returns_example
    assert len(REFERENCE_FACTS) >= 50


@pytest.mark.parametrize("kind", ["markdown", "html"])
@pytest.mark.parametrize("fact", sorted(REFERENCE_FACTS))
def test_create_page_has_reference_fact(kind: str, fact: str):
    page = generated(kind)
    assert fact in page, f"the {kind} create page lacks the reference fact {fact!r}"
    assert page[fact] == REFERENCE_FACTS[fact], fact


def test_a_lost_fact_is_noticed():
    """The comparison fails when the page loses or changes a single fact."""
    text = (DOCS / "cli/admin/api-keys/create.md").read_text(encoding="utf-8")
    for before, after in [
        ("`maxLength 255`", "`maxLength 256`"),
        ("**`--allowed-ip`**: optional", "**`--allowed-ip`**:"),
        ("  --name x", "  --name y"),
        ("`format date-time` · `nullable`", "`nullable`"),
        ("First 12 characters of the key", "First 12 characters"),
    ]:
        assert before in text
        broken = facts(parse_markdown_page(text.replace(before, after, 1)))
        assert any(broken.get(k) != v for k, v in REFERENCE_FACTS.items()), before


def test_html_and_markdown_pages_agree():
    """Both outputs come from one view; every fact of one is a fact of the other."""
    md, html = generated("markdown"), generated("html")
    assert md == html


def test_synthesised_example_matches_the_reference_example():
    """Without the spec's example, the create response is synthesised from its schema the
    way the reference page shows it (field names, a fixed date-time, ``true``...)."""
    api = load_api(
        Inputs(ROOT / "spec/openapi.yaml", ROOT / "spec/generator.yaml", validate=False),
        Diagnostics(),
    )
    op = next(op for _, op in api.all_operations() if op.py_name == "create")
    assert op.response.example is not None  # the spec has one; drop it
    bare = dataclasses.replace(op, response=dataclasses.replace(op.response, example=None))
    synthesised = json.loads(response_example_json(api, bare) or "")
    assert synthesised == reference().returns_example
