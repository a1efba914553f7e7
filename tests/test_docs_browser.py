"""The HTML docs in a real browser: Debian's headless Chromium loads every page from
``file://`` and the test fails on console errors, network requests or broken internal
links. A screenshot of the create page is saved under the test's temporary folder.

Chromium is installed with apt-get when missing; where that is impossible the tests
are skipped with the reason, never passed.
"""

from __future__ import annotations

import struct
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.docs_browser import Browser, check_site, ensure_chromium, open_browser
from tests.snapshots import snapshots

SNAPSHOTS = {s.name: s.expected / "docs/html" for s in snapshots()}
LANGS = ("cli", "python", "http")


@pytest.fixture(scope="module")
def browser() -> Iterator[Browser]:
    executable, why = ensure_chromium()
    if executable is None:
        pytest.skip(f"SKIPPED, NOT PASSED: the HTML docs were not checked in a browser: {why}")
    chromium, profile = open_browser(executable)
    try:
        yield chromium
    finally:
        chromium.close()
        profile.cleanup()


@pytest.mark.parametrize("name", sorted(SNAPSHOTS))
def test_every_page_loads_without_errors_and_every_internal_link_resolves(
    browser: Browser, name: str
):
    folder = SNAPSHOTS[name]
    reports, problems = check_site(browser, folder)
    assert len(reports) == len(list(folder.rglob("*.html"))) > 1
    assert problems == []
    home = reports[(folder / "index.html").resolve()]
    home_links = {link.split("#")[0] for link in home.links}
    for lang in LANGS:
        # Each language's index links every page in that language (by resource, and types).
        index = reports[(folder / lang / "index.html").resolve()]
        assert (folder / lang / "index.html").resolve().as_uri() in home_links
        linked = {link.split("#")[0] for link in index.links}
        pages = {p.as_uri() for p in reports if p.is_relative_to((folder / lang).resolve())}
        assert pages <= linked | {(folder / lang / "index.html").resolve().as_uri()}


def test_hostile_text_is_shown_not_run(browser: Browser):
    folder = SNAPSHOTS["docs_hostile"]
    for page in folder.rglob("list.html"):
        report = browser.load(page.resolve().as_uri())
        assert browser.evaluate("typeof window.__pwned") == "undefined"
        assert "List <script>window.__pwned=1</script> widgets | with a pipe" in report.text
        # Only the site's own script runs; the spec's text added none.
        assert report.script_sources == [(folder / "_static/site.js").resolve().as_uri()]


def test_create_page_screenshot(browser: Browser, tmp_path: Path):
    page = SNAPSHOTS["default"] / "cli/admin/api-keys/create.html"
    report = browser.load(page.resolve().as_uri())
    assert report.console_errors == []
    for text in ("$ boltz-api admin:api-keys create", "--allowed-ip", "AdminAPIKeyNewResponse"):
        assert text in report.text
    shot = tmp_path / "create.png"
    width, height = browser.screenshot(shot)
    data = shot.read_bytes()
    assert data[:8] == b"\x89PNG\r\n\x1a\n"
    png_width, png_height = struct.unpack(">II", data[16:24])
    assert (png_width, png_height) == (width, height) and height > 900
    assert len(data) > 50_000  # a rendered page, not a blank image
    print(f"screenshot of the create page: {shot}")


def test_the_checker_notices_errors_and_broken_links(browser: Browser, tmp_path: Path):
    """The browser checks above must be able to fail."""
    (tmp_path / "index.html").write_text(
        "<!DOCTYPE html><title>t</title>"
        "<script>console.error('boom'); undefinedFunction();</script>"
        '<a href="missing.html">x</a> <a href="other.html#nowhere">y</a>'
        '<img src="http://127.0.0.1:9/x.png">',
        encoding="utf-8",
    )
    (tmp_path / "other.html").write_text(
        "<!DOCTYPE html><title>o</title><p id=here>o</p>", encoding="utf-8"
    )
    _, problems = check_site(browser, tmp_path)
    text = "\n".join(problems)
    assert "console error: console.error: boom" in text
    assert "undefinedFunction" in text
    assert "broken link" in text and "missing.html" in text
    assert "other.html#nowhere (no such id)" in text
    assert "request outside the site: http://127.0.0.1:9/x.png" in text


def test_a_machine_without_chromium_or_apt_gets_a_reason(monkeypatch: pytest.MonkeyPatch):
    """Where Chromium cannot be had, the reason is given (and the tests above skip with it)."""
    import tests.debian_packages as debian_packages
    import tests.docs_browser as docs_browser

    monkeypatch.setattr(debian_packages.shutil, "which", lambda name: None)
    path, why = docs_browser.ensure_chromium()
    assert path is None and "no apt-get" in why
