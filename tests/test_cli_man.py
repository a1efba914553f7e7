"""Man page text: roff escaping, and pages for a hostile spec that render cleanly."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest

from generator.targets.cli_man import quoted, roff

HOSTILE = (
    Path(__file__).resolve().parent
    / "fixtures"
    / "docs_hostile"
    / "expected"
    / "cli"
    / "src"
    / "evil_script_window_pwned_1_script_co_api_cli"
    / "man"
)


def test_roff_escapes_what_roff_would_interpret():
    assert roff("a-b") == "a\\-b"
    assert roff("C:\\path \\fB") == "C:\\epath \\efB"
    # A line that would be a request (.SH, 'br) is made text.
    assert roff(".SH EVIL\n'br\nok") == "\\&.SH EVIL\n\\&'br\nok"
    assert quoted('a "b" c') == '"a \\(dqb\\(dq c"'
    assert quoted("two\nlines") == '"two lines"'


def test_hostile_spec_pages_render_without_warnings():
    if shutil.which("groff") is None:
        pytest.skip("groff is not installed")
    pages = sorted(HOSTILE.glob("*.1"))
    assert len(pages) >= 5
    for page in pages:
        text = page.read_text()
        # Nothing from the spec starts a line as a roff request.
        for line in text.splitlines():
            if line.startswith("."):
                assert line.split()[0] in {'.\\"', ".TH", ".SH", ".TP", ".PP"}, line
        rendered = subprocess.run(
            ["groff", "-man", "-Tutf8", "-ww", "-z", str(page)],
            capture_output=True,
            text=True,
            timeout=60,
        )
        assert rendered.returncode == 0 and rendered.stderr == "", (page.name, rendered.stderr)
