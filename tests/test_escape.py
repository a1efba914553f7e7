"""Spec text in every output context: property-based, over arbitrary strings."""

from __future__ import annotations

import ast
import html.parser
import re

from hypothesis import example, given, settings
from hypothesis import strategies as st

from generator import escape

#: Any text, with the characters that matter for escaping made common.
TEXT = st.text(
    st.one_of(
        st.sampled_from(['"', "'", "\\", "\n", "\r", "`", "<", ">", "&", "#", "]", "(", "\x00"]),
        st.sampled_from(["\u2028", "\u202e", "\ufeff", "{", "}", "$", "|", "*"]),
        st.characters(),
    ),
    max_size=60,
)


@given(TEXT)
@example('"""')
@example('ends with a quote "')
@example('""""""')
@example("\\")
@example('\\"""')
@settings(max_examples=400)
def test_docstring_body_never_ends_the_docstring(text: str):
    source = 'x = """' + escape.py_docstring(text) + '"""\n'
    tree = ast.parse(source)  # a docstring that ends early fails to parse or adds code
    assert len(tree.body) == 1
    value = ast.literal_eval(source[4:])
    assert value == escape.clean(text).strip("\n")


@given(TEXT)
@settings(max_examples=300)
def test_string_literal_round_trips(text: str):
    literal = escape.py_string(text)
    assert ast.literal_eval(literal) == text
    assert "\n" not in literal and "\u2028" not in literal and "\u202e" not in literal


@given(TEXT)
def test_comment_stays_on_one_line(text: str):
    comment = escape.py_comment(text)
    assert "\n" not in comment and "\r" not in comment
    assert len(ast.parse("x = 1  # " + comment + "\n").body) == 1


@given(TEXT)
def test_clean_drops_what_can_hide_or_break_code(text: str):
    cleaned = escape.clean(text)
    assert "\r" not in cleaned
    assert not re.search(r"[\x00-\x08\x0b-\x1f\x7f\u2028\u2029\u202a-\u202e\u2066-\u2069]", cleaned)


class _Tags(html.parser.HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.tags: list[str] = []

    def handle_starttag(self, tag: str, attrs: object) -> None:
        self.tags.append(tag)


@given(TEXT)
def test_html_text_is_never_markup(text: str):
    parser = _Tags()
    parser.feed("<p title='" + escape.html_text(text) + "'>" + escape.html_text(text) + "</p>")
    assert parser.tags == ["p"]


@given(TEXT)
def test_markdown_text_holds_no_tags_or_script_links(text: str):
    md = escape.md_inline(text)
    assert "<" not in md
    assert not re.search(r"(?<!\\)\]\s*\(\s*javascript\s*:", md, re.I)


def test_markdown_keeps_formatting_and_safe_links():
    assert escape.md_inline("**bold** [docs](https://example.com)") == (
        "**bold** [docs](https://example.com)"
    )
    assert escape.md_inline("[x](JavaScript:alert(1))") == "[x\\](JavaScript:alert(1))"
    assert escape.md_inline("[x]: javascript:alert(1)") == "[x\\]: javascript:alert(1)"


@given(TEXT)
def test_code_span_is_one_span(text: str):
    span = escape.md_code(text)
    assert "\n" not in span
    ticks = re.match(r"`+", span)
    assert ticks is not None and span.endswith(ticks.group(0))
    inner = span[len(ticks.group(0)) : -len(ticks.group(0))]
    assert ticks.group(0) not in inner


@given(TEXT)
def test_shell_argument_is_one_word(text: str):
    import shlex

    assert shlex.split(escape.shell_arg(text)) == [text]


@given(TEXT)
def test_toml_string_round_trips(text: str):
    tomllib = __import__("pytest").importorskip("tomllib")
    expected = re.sub("[\ud800-\udfff]", "\ufffd", text)  # no file can hold a lone surrogate
    assert tomllib.loads("x = " + escape.toml_string(text))["x"] == expected


# --- black's style ---------------------------------------------------------------------
#
# Spec text must come out as black writes it, so that generated files need no
# black run: every form below is checked against black itself.

#: Spec-like text: quotes, backslashes, triple quotes, wide and combining
#: characters, long words, indentation and trailing whitespace.
SPEC_TEXT = st.lists(
    st.one_of(
        st.sampled_from(['"', "'", "\\", "\n", " ", "\t", "  ", '"""', "'''", "#"]),
        st.sampled_from(["名前", "é", "e\u0301", "\u200b", "\xa0", "\u3000", "x" * 40]),
        st.characters(),
    ),
    max_size=40,
).map("".join)


def _black(source: str) -> str:
    from generator.formatting import format_python

    return format_python(source)


def _docstring_sources(text: str) -> list[str]:
    """``text`` as a module's, a class's and a method's docstring, and an attribute's."""
    return [
        '"""' + escape.py_docstring(text, 0) + '"""\n\nX = 1\n',
        'class A:\n    """' + escape.py_docstring(text, 4) + '"""\n\n    x: int\n',
        "class A:\n    def f(self) -> None:\n"
        '        """' + escape.py_docstring(text, 8) + '"""\n        return None\n',
        'class A:\n    x: int\n    """' + escape.py_docstring(text) + '"""\n',
    ]


@given(SPEC_TEXT)
@example('ends with a quote "')
@example('"starts with a quote')
@example("ends with a backslash \\")
@example("trailing spaces   \n  and indented  \n\tand tabbed")
@example("a\n" + "y" * 95)
@example("   ")
@example("line\\\nbackslash-newline")
@example("名" * 60 + "\n" + "前" * 60)
@settings(max_examples=300, deadline=None)
def test_docstrings_are_in_black_normal_form(text: str):
    for source in _docstring_sources(text):
        assert _black(source) == source, source


@given(SPEC_TEXT)
@settings(max_examples=200, deadline=None)
def test_docstring_keeps_the_text(text: str):
    """Normalising a docstring only changes whitespace, as black's does."""
    value = ast.literal_eval('"""' + escape.py_docstring(text, 8) + '"""')
    expected = escape.clean(text).strip("\n")
    assert value.split() == expected.split()


@given(SPEC_TEXT)
@example("it's")
@example('say "hi"')
@example("both ' and \"")
@example("''\"")
@example("\\\"'")
@example("a'b\"c")
@example('""\'')
@example("\\'\"\\")
@example("\x1b\u200e\U0001f600")
@settings(max_examples=300, deadline=None)
def test_string_literals_are_quoted_as_black_quotes_them(text: str):
    literal = escape.py_string(text)
    assert ast.literal_eval(literal) == text
    for source in (f"x = {literal}\n", f"f(\n    {literal},\n    key={literal},\n)\n"):
        assert _black(source) == source, source


@given(SPEC_TEXT)
@settings(max_examples=200, deadline=None)
def test_comments_are_as_black_writes_them(text: str):
    comment = escape.py_comment(text)
    if not comment:
        return  # nothing to write: a template writes no comment then
    for source in (f"# {comment}\nx = 1\n", f"x = 1  # {comment}\n"):
        # A comment too long for the line is not black's business either way.
        assert _black(source) == source, source


@given(
    st.one_of(
        st.integers(),
        st.floats(allow_nan=False, allow_infinity=False),
        st.sampled_from([1e20, 1.5e-07, 1e300, 5e-324, -0.0, 0.1]),
    )
)
@settings(max_examples=200, deadline=None)
def test_numbers_are_written_as_black_writes_them(value: float):
    literal = escape.py_number(value)
    assert ast.literal_eval(literal) == value
    source = f"x = {literal}\n"
    assert _black(source) == source
