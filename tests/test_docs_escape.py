"""The escapes the docs use: whatever the spec says, it renders as the same text.

Checked by rendering with a permissive CommonMark renderer (raw HTML allowed,
as on most Markdown hosts) and reading the result back as HTML.
"""

from __future__ import annotations

import shlex
import subprocess

import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st
from markdown_it import MarkdownIt

from generator import escape
from tests.docs_pages import parse_html

RENDERER = MarkdownIt("commonmark", {"html": True}).enable("table")
#: Text heavy in the characters that mean something to Markdown, HTML and shells.
_PIECES = list("ab <>&\"'`*_[]()#!|\\-+=.:;/\n\t{}~$") + ["javascript:", "```", "1."]
nasty = st.lists(st.sampled_from(_PIECES), max_size=30).map("".join)
SETTINGS = settings(max_examples=300, deadline=None)


def _tags(html: str) -> set[str]:
    return {n.tag for n in parse_html(html).find_all(lambda n: True)}


@SETTINGS
@given(nasty)
@example("# Title | with <script>alert(1)</script> and [x](javascript:alert(1))")
@example("1. not a list")
@example("- not a list")
@example("> not a quote")
@example("a_b _c_ __d__ *e* **f**")
@example("&lt; is not <")
def test_md_text_renders_to_exactly_the_text(text: str):
    rendered = RENDERER.render(escape.md_text(text))
    doc = parse_html(rendered)
    assert _tags(rendered) <= {"#document", "p"}
    assert doc.text().strip() == " ".join(escape.clean(text).split())


@SETTINGS
@given(nasty)
def test_md_text_in_a_table_cell_stays_in_its_cell(text: str):
    table = f"| a | b |\n|---|---|\n| {escape.md_text(text)} | {escape.md_cell(escape.md_code(text or 'x'))} |\n"
    doc = parse_html(RENDERER.render(table))
    cells = doc.find_all(lambda n: n.tag == "td")
    assert len(cells) == 2
    assert cells[0].text().strip() == " ".join(escape.clean(text).split())


@SETTINGS
@given(nasty.filter(lambda t: t.strip()))
@example(" a ")
@example("`")
@example("a\nb")
def test_md_code_renders_to_one_code_span_of_the_text(text: str):
    doc = parse_html(RENDERER.render("x " + escape.md_code(text)))
    (code,) = doc.find_all(lambda n: n.tag == "code")
    assert code.text() == escape.clean(text).replace("\n", " ")


@SETTINGS
@given(nasty)
@example("```\nunclosed")
@example("<script>alert(1)</script>\n\n<img src=x onerror=alert(1)>")
@example("[x](javascript:alert(1)) [y]( JAVA\tSCRIPT:alert(1)) [z](data:text/html,hi)")
@example("[r]: javascript:alert(1)\n\n[r]")
@example("# Heading\nText\n---")
def test_md_block_keeps_formatting_but_not_html_or_script_links(text: str):
    rendered = RENDERER.render(escape.md_block(text) + "\n\n# after")
    doc = parse_html(rendered)
    allowed = {"#document", "p", "code", "pre", "em", "strong", "a", "ul", "ol", "li"}
    allowed |= {"blockquote", "hr", "br", "h4", "h5", "h6", "h1", "table", "thead", "tbody"}
    allowed |= {"tr", "th", "td"}
    assert _tags(rendered) <= allowed
    for a in doc.find_all(lambda n: n.tag == "a"):
        assert (
            not a.attrs.get("href", "")
            .lower()
            .replace(" ", "")
            .startswith(("javascript", "vbscript", "data"))
        )
    # Whatever the text, the page's next heading is still a heading.
    assert [h.text() for h in doc.find_all(lambda n: n.tag == "h1")] == ["after"]


@pytest.mark.parametrize("text", ["*\t#", "- # x", "1. ## z", "+ - # nested"])
def test_a_heading_inside_a_list_item_is_demoted(text: str):
    """Found by the property test above: ``*\t#`` made an empty h1 in a list item."""
    rendered = RENDERER.render(escape.md_block(text) + "\n\n# after")
    h1 = [h.text() for h in parse_html(rendered).find_all(lambda n: n.tag == "h1")]
    assert h1 == ["after"]


@SETTINGS
@given(nasty)
def test_md_fence_holds_the_text_verbatim(text: str):
    rendered = RENDERER.render(escape.md_fence(text, "json") + "\n\nafter\n")
    doc = parse_html(rendered)
    (pre,) = doc.find_all(lambda n: n.tag == "pre")
    assert pre.text() == escape.clean(text) + "\n"
    assert doc.find_all(lambda n: n.tag == "p")[-1].text() == "after"


@SETTINGS
@given(nasty)
@example("<script>alert(1)</script><img src=x onerror=alert(1)>")
@example("![img](https://tracker.invalid/p.png) [ok](https://example.com) [rel](../x)")
def test_html_markdown_emits_only_safe_markup(text: str):
    rendered = escape.html_markdown(text)
    doc = parse_html(rendered)
    allowed = {"#document", "p", "code", "pre", "em", "strong", "a", "ul", "ol", "li"}
    allowed |= {"blockquote", "hr", "br", "h4", "h5", "h6"}
    assert _tags(rendered) <= allowed
    for node in doc.find_all(lambda n: True):
        attrs = set(node.attrs) - ({"href"} if node.tag == "a" else set())
        attrs -= {"class"} if node.tag == "code" else set()
        assert not attrs, (node.tag, node.attrs)
    for a in doc.find_all(lambda n: n.tag == "a"):
        assert a.attrs["href"].startswith(("http://", "https://", "mailto:"))


def test_html_markdown_keeps_the_authors_formatting():
    html = escape.html_markdown(
        "Use `sk_test_` keys, **never** live ones. See [docs](https://x.dev)."
    )
    assert html == (
        "<p>Use <code>sk_test_</code> keys, <strong>never</strong> live ones. "
        'See <a href="https://x.dev">docs</a>.</p>'
    )


@SETTINGS
@given(nasty)
def test_shell_dq_keeps_the_text_and_expands_only_our_variable(text: str):
    word = f'"{escape.shell_dq(text)}$SECRET"'
    out = subprocess.run(
        ["sh", "-c", f"printf %s {word}"],
        env={"SECRET": "s3", "PATH": "/usr/bin:/bin"},
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    assert out == escape.clean(text).replace("\n", " ") + "s3"


@SETTINGS
@given(nasty)
def test_shell_arg_is_one_literal_word(text: str):
    assert shlex.split(escape.shell_arg(text)) == [text]


#: Descriptions: lines of words, code spans, links, strong text and punctuation, some
#: opening a quote or a list item, with syntax the fast path must leave to the parser.
_words = st.sampled_from(
    ["Word", "é", "a_b", "(x)", "it's", '"q"', "!", ":", ",", ".", "#", "|", "`a<b>&c`", "`x*y_z`"]
    + ["[see](https://x.example/a?b=1#c)", "[a](https://A.example/%41%zz)", "**Note:**"]
    + ["**a `b` c**", "[!NOTE]", "_", "*", "**", "**x **", "a**b**", "[x]:", "[x][y]", "``"]
    + ["<", "&", "\\", "![i](https://x.example/i.png)", "\u00a0", "` x`"]
    + ["_em_", "*em*,", "_a `b`_", "[rel](/rest/x#y)", "[r](/a_b)", "[r](rel)", "a_x_", "*x*y"]
)
_line = st.tuples(
    st.sampled_from(["", "", "", "> ", ">", "- ", "* ", "+ ", "> - ", "> > ", "  ", "1. ", "---"]),
    st.sampled_from(["Word ", "`c` ", "[l](https://a.b) ", "**B**. ", "**B**", ""]),
    st.lists(_words, max_size=6).map(" ".join),
).map("".join)
_prose = st.lists(_line | st.sampled_from(["", ">", "> "]), max_size=7).map("\n".join)


@SETTINGS
@given(_prose)
@example('Plain "prose", it\'s #1.\nSecond line.\n\nSecond paragraph - ok.')
@example("a\n\u00a0\nb")
@example("Trailing space  \nhard break")
@example("Use `sk_test_` keys, see [the docs](https://x.example/a_b?c=%2F#d) or snake_case.")
@example("[a](https://x.example/%zz) `` b `` `c` _d_")
@example("> [!NOTE]\n> **Closing down:** see [x](https://x.example).\n\n- `a`\n- b\n\nText")
@example("- a\n\n- b")
@example("> a\nlazy")
@example("- a\nlazy")
def test_simple_descriptions_render_as_markdown_it_renders_them(text: str):
    """Simple descriptions skip the Markdown parser; the HTML must be exactly the parser's."""
    text = escape.clean(text)
    fast = escape._simple_markdown(text)
    if fast is not None:
        assert fast == escape._render_markdown(text)


@SETTINGS
@given(st.text(st.sampled_from(list("ab \n\r\t\x00\x07\x0b\x0c\x1b\x7f\x85é\u2028\u202e\ud800"))))
def test_clean_drops_controls_and_normalises_newlines(text: str):
    """``clean`` returns ASCII text that needs nothing as it is (a shortcut for long examples)."""
    cleaned = escape.clean(text)
    assert "\r" not in cleaned and not escape._CONTROL.search(cleaned)
    assert not escape._SURROGATE.search(cleaned)
    expected = text.replace("\r\n", "\n").replace("\r", "\n")
    expected = escape._CONTROL.sub("", escape._SURROGATE.sub("\ufffd", expected))
    assert cleaned == expected
