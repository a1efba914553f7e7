"""The docs of every snapshot spec: a page per operation, complete indexes, links that
resolve, Markdown that renders to the intended structure, examples that are real code,
and spec text that shows as text wherever it lands (the hostile fixture)."""

from __future__ import annotations

import json
import re
import shlex
from functools import cache
from pathlib import Path
from urllib.parse import unquote, urlsplit

import pytest
from hypothesis import assume, given, settings
from hypothesis import strategies as st
from markdown_it import MarkdownIt

from generator.errors import Diagnostics
from generator.formatting import format_python, line_width
from generator.model import API
from generator.pipeline import Inputs, load_api
from generator.targets.docs import (
    LANGS as DOC_LANGS,
)
from generator.targets.docs import (
    NAV_METHODS,
    FieldDoc,
    LangView,
    PageDoc,
    ResourceDoc,
    SiteDoc,
    TypeDoc,
    _py_lines,
    _py_literal,
    json_pretty,
    render_docs,
    site_docs,
)
from generator.targets.docs.navigation import NAV_RESOURCES
from generator.targets.docs.pages import PARTS
from tests.docs_pages import Node, parse_html
from tests.snapshots import ROOT, Snapshot, snapshots

SNAPSHOTS = snapshots()
HOSTILE = ROOT / "tests/fixtures/docs_hostile"
#: What a permissive renderer (raw HTML allowed, GitHub-like tables) makes of the pages.
RENDERER = MarkdownIt("commonmark", {"html": True}).enable("table")


@cache
def model(name: str) -> API:
    snap = next(s for s in SNAPSHOTS if s.name == name)
    return load_api(Inputs(snap.spec, snap.config, validate=False), Diagnostics())


@cache
def site(name: str) -> SiteDoc:
    return site_docs(model(name))


def groups(name: str) -> list[ResourceDoc]:
    return list(site(name).groups)


def types(name: str) -> tuple[TypeDoc, ...]:
    return site(name).types


def docs_dir(name: str) -> Path:
    return next(s for s in SNAPSHOTS if s.name == name).expected / "docs"


def pages(name: str) -> list[PageDoc]:
    return [p for g in groups(name) for p in g.pages]


NAMES = [s.name for s in SNAPSHOTS]
LANGS = [lang.key for lang in DOC_LANGS]


def lang_types(name: str, lang: str) -> tuple[TypeDoc, ...]:
    return site(name).python_types if lang == "python" else site(name).types


def view(page: PageDoc, lang: str) -> LangView:
    return page.view(next(x for x in DOC_LANGS if x.key == lang))


def test_fixtures_include_the_hostile_spec():
    assert {"default", "petstore", "docs_hostile"} <= set(NAMES)


@pytest.mark.parametrize("name", NAMES)
def test_every_operation_has_a_markdown_and_an_html_page(name: str):
    api = model(name)
    folder = docs_dir(name)
    ops = api.all_operations()
    assert ops
    expected = {"api.md", "llms.txt", "llms-full.txt", "html/index.html"}
    expected |= {f"html/_static/{f}" for f in ("site.css", "site.js", "search-index.js")}
    for lang in LANGS:
        for resource, op in ops:
            stem = f"{resource.docs_dir}/{op.cli_name}"
            expected |= {f"{lang}/{stem}.md", f"html/{lang}/{stem}.html"}
        expected |= {f"{lang}/index.md", f"html/{lang}/index.html"}
        expected |= {
            path for t in lang_types(name, lang) for path in (t.md_path(lang), t.html_path(lang))
        }
    on_disk = {p.relative_to(folder).as_posix() for p in folder.rglob("*") if p.is_file()}
    assert on_disk == expected


def _links(fields: tuple[FieldDoc, ...]) -> list[str]:
    """The type pages a field list links to, at every depth, in page order."""
    out = []
    for f in fields:
        out += [f.link] if f.link else []
        out += _links(f.children)
    return out


def _page_links(page: PageDoc, lang: str = "cli") -> list[str]:
    shown = view(page, lang)
    returns = shown.returns
    params = [link for group in shown.params for link in _links(group.fields)]
    return params + ([returns.link] if returns.link else []) + _links(returns.fields)


@pytest.mark.parametrize("name", NAMES)
def test_each_shared_type_has_one_page_and_every_link_has_its_page(name: str):
    """A field whose fields are listed elsewhere links to a page that lists them: every
    link has its page, every type page is linked, and a linked field lists nothing itself."""
    stems = {t.stem: t for t in types(name)}
    assert len(stems) == len(types(name))
    # Every language has a page for each shared type, at the same place.
    assert [t.stem for t in site(name).python_types] == [t.stem for t in types(name)]
    linked: set[str] = set()
    for page in pages(name):
        for lang in LANGS:
            linked |= set(_page_links(page, lang))
    for t in (*types(name), *site(name).python_types):
        assert t.html_path("cli") == f"html/cli/{t.stem}.html"
        assert t.name == t.model.class_name and t.fields
        linked |= set(_links(t.fields))
    assert linked == set(stems)

    def check(fields: tuple[FieldDoc, ...]) -> None:
        for f in fields:
            assert not (f.link and f.children), f.name
            if f.link:
                assert f.link_name == stems[f.link].name
            check(f.children)

    for page in pages(name):
        check(page.params + page.returns.fields)
        assert not (page.returns.link and page.returns.fields)
    for t in types(name):
        check(t.fields)


@pytest.mark.parametrize("name", NAMES)
def test_api_md_links_each_language_and_the_llms_files(name: str):
    folder = docs_dir(name)
    doc = parse_html(RENDERER.render((folder / "api.md").read_text(encoding="utf-8")))
    hrefs = [a.attrs["href"] for a in doc.find_all(lambda n: n.tag == "a")]
    assert hrefs == [f"{lang}/index.md" for lang in LANGS] + ["llms.txt", "llms-full.txt"]
    assert all((folder / h).is_file() for h in hrefs)


@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize("name", NAMES)
def test_index_md_lists_every_method_with_verb_path_summary_and_link(name: str, lang: str):
    folder = docs_dir(name) / lang
    html = RENDERER.render((folder / "index.md").read_text(encoding="utf-8"))
    doc = parse_html(html)
    rows = [r for r in doc.find_all(lambda n: n.tag == "tr") if r.find_all(lambda n: n.tag == "td")]
    seen = {}
    for row in rows:
        method, endpoint, summary = (td.text() for td in row.find_all(lambda n: n.tag == "td"))
        href = row.find(lambda n: n.tag == "a").attrs["href"]
        seen[unquote(href)] = (method, endpoint, summary)
        assert (folder / unquote(href)).is_file(), href
    for page in pages(name):
        assert seen[f"{page.stem}.md"] == (
            page.op.py_name if lang == "python" else page.op.cli_name,
            f"{page.verb} {page.op.path}",
            " ".join((page.op.summary or "").split()),
        )
    assert len(seen) == len(pages(name))
    headings = [h.text() for h in doc.find_all(lambda n: n.tag == "h2")]
    assert headings == [g.resource.cli_path for g in groups(name)] + (
        ["Types"] if types(name) else []
    )
    # Then every shared type's page, by name.
    listed = [
        (a.text(), unquote(a.attrs["href"]))
        for a in doc.find_all(lambda n: n.tag == "a")
        if not a.find_all(lambda n: n.tag == "td") and unquote(a.attrs["href"]) not in seen
    ]
    assert listed == [(t.name, f"{t.stem}.md") for t in lang_types(name, lang)]


@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize("name", NAMES)
def test_html_index_lists_every_method_by_resource(name: str, lang: str):
    folder = docs_dir(name) / "html" / lang
    doc = parse_html((folder / "index.html").read_text(encoding="utf-8"))
    main = doc.find(lambda n: n.tag == "main")
    for group in groups(name):
        section = main.find(lambda n, a=group.anchor: n.attrs.get("id") == a)
        assert section.find(lambda n: n.tag == "h2").text() == group.resource.cli_path
        rows = section.find_all(lambda n: n.tag == "tr")[1:]
        assert len(rows) == len(group.pages)
        for row, page in zip(rows, group.pages, strict=True):
            cells = row.find_all(lambda n: n.tag == "td")
            assert cells[0].text() == (page.op.py_name if lang == "python" else page.op.cli_name)
            assert unquote(cells[0].find(lambda n: n.tag == "a").attrs["href"]) == (
                f"{page.stem}.html"
            )
            assert " ".join(cells[1].text().split()) == f"{page.verb} {page.op.path}"
            assert cells[2].text() == (page.op.summary or "")
    listed = main.find_all(lambda n: n.attrs.get("id") == "types")
    assert len(listed) == (1 if types(name) else 0)
    if listed:
        links = listed[0].find_all(lambda n: n.tag == "a")
        assert [(a.text(), unquote(a.attrs["href"])) for a in links] == [
            (t.name, f"{t.stem}.html") for t in lang_types(name, lang)
        ]


def _html_files(name: str) -> list[Path]:
    return sorted((docs_dir(name) / "html").rglob("*.html"))


@pytest.mark.parametrize("name", NAMES)
def test_html_pages_are_self_contained_and_their_links_resolve(name: str):
    files = _html_files(name)
    html_dir = (docs_dir(name) / "html").resolve()
    ids = {p: {n.attrs["id"] for n in _doc(p).find_all(lambda n: "id" in n.attrs)} for p in files}
    for path in files:
        doc = _doc(path)
        text = path.read_text(encoding="utf-8")
        csp = "default-src 'none'; script-src 'self'; style-src 'self';"
        assert "Content-Security-Policy" in text and csp in text and "unsafe-inline" not in text
        assert not doc.find_all(lambda n: n.tag in ("img", "iframe", "object", "style"))
        # The site's own script and stylesheet, nothing inline, nothing from elsewhere.
        root = "../" * path.relative_to(docs_dir(name) / "html").as_posix().count("/")
        scripts = doc.find_all(lambda n: n.tag == "script")
        assert [n.attrs for n in scripts] == [{"src": f"{root}_static/site.js"}]
        assert all(not n.children for n in scripts)
        links = [n.attrs for n in doc.find_all(lambda n: n.tag == "link")]
        assert links[0] == {"rel": "stylesheet", "href": f"{root}_static/site.css"}
        assert links[1] == {"rel": "icon", "href": "data:,"}  # no request for /favicon.ico
        for link in links[2:]:
            assert link["rel"] == "alternate" and link["type"] == "text/markdown"
            assert (path.parent / unquote(link["href"])).is_file()
        for node in doc.find_all(lambda n: True):
            assert not [a for a in node.attrs if a.lower().startswith("on")], node.attrs
            assert "style" not in node.attrs
            assert "src" not in node.attrs or node.tag == "script"
        nav = doc.find(lambda n: "sidebar" in n.classes)
        assert nav_links(nav) == expected_nav(name, path), path
        current = nav.find_all(lambda n: n.attrs.get("aria-current") == "page")
        is_operation = any(
            docs_dir(name) / p.html_path(lang) == path for p in pages(name) for lang in LANGS
        )
        assert len(current) == (1 if is_operation else 0)
        for a in doc.find_all(lambda n: n.tag == "a"):
            href = a.attrs["href"]
            parts = urlsplit(href)
            if parts.scheme in ("http", "https", "mailto"):
                continue  # links written in spec descriptions
            assert not parts.scheme and not parts.netloc, href
            target = (path.parent / unquote(parts.path)).resolve() if parts.path else path
            if target.suffix in (".md", ".txt"):  # the Markdown twin, llms.txt
                assert target.is_file() and not target.is_relative_to(html_dir), href
                continue
            assert target in ids, f"{path.name}: broken link {href}"
            if parts.fragment:
                fragment = unquote(parts.fragment)
                assert fragment in ids[target], f"{path.name}: no #{parts.fragment}"


def nav_links(nav: Node) -> list[str]:
    return [unquote(a.attrs["href"]) for a in nav.find_all(lambda n: n.tag == "a")]


def expected_nav(name: str, path: Path) -> list[str]:
    """The sidebar of one HTML page, never the whole API: every resource folded to a link
    to its section of the language's index (and the types); on an operation page, its own
    resource unfolded to at most NAV_METHODS of its methods around it, with links to the
    index for the others. The home page lists the languages."""
    html_dir = docs_dir(name) / "html"
    rel = path.relative_to(html_dir).as_posix()
    if rel == "index.html":
        return [f"{lang}/index.html" for lang in LANGS]
    lang, rel = rel.split("/", 1)
    root = "../" * rel.count("/")
    home = root + "index.html"
    everything = groups(name)
    tail = [f"{home}#types"] if types(name) else []

    def folded(number: int) -> tuple[list[str], list[str]]:
        """The resources shown folded before and after resource ``number``."""
        total = len(everything)
        start = max(0, min(number - NAV_RESOURCES // 2, total - NAV_RESOURCES))
        end = min(total, start + NAV_RESOURCES)
        links = [f"{home}#{g.anchor}" for g in everything]
        return (
            [home] * (start > 0) + links[start:number],
            links[number + 1 : end] + [home] * (end < total),
        )

    for number, group in enumerate(everything):
        hrefs = [f"{p.stem}.html" for p in group.pages]
        if rel in hrefs:
            i, n = hrefs.index(rel), len(hrefs)
            start = max(0, min(i - NAV_METHODS // 2, n - NAV_METHODS))
            shown = hrefs[start : start + NAV_METHODS]
            assert rel in shown and len(shown) == min(n, NAV_METHODS)
            section = f"{home}#{group.anchor}"
            before = [section] if start > 0 else []
            after = [section] if start + len(shown) < n else []
            opened = [section] + before + [root + h for h in shown] + after
            before_, after_ = folded(number)
            return before_ + opened + after_ + tail
    if rel != "index.html":
        assert rel in {f"{t.stem}.html" for t in types(name)}, rel
    before_, after_ = folded(len(everything))
    return before_ + after_ + tail


@cache
def _doc(path: Path) -> Node:
    return parse_html(path.read_text(encoding="utf-8"))


def _md_pages(name: str) -> list[tuple[PageDoc, str, str]]:
    folder = docs_dir(name)
    return [
        (p, lang, (folder / p.md_path(lang)).read_text(encoding="utf-8"))
        for p in pages(name)
        for lang in LANGS
    ]


#: Tags a rendered page may contain: Markdown's own, never one written in the spec.
_MD_TAGS = {
    "#document",
    *("h1", "h2", "h3", "h4", "h5", "h6", "p", "ul", "ol", "li", "pre", "code", "strong"),
    *("em", "a", "table", "thead", "tbody", "tr", "th", "td", "hr", "blockquote", "br"),
}


@pytest.mark.parametrize("name", NAMES)
def test_markdown_pages_render_to_the_intended_structure(name: str):
    for page, lang, text in _md_pages(name):
        where = page.md_path(lang)
        shown = view(page, lang)
        doc = parse_html(RENDERER.render(text))
        tags = {n.tag for n in doc.find_all(lambda n: True)}
        assert tags <= _MD_TAGS, (where, tags - _MD_TAGS)
        h1 = doc.find_all(lambda n: n.tag == "h1")
        assert [h.text() for h in h1] == [" ".join(page.title.split())], where
        h2 = [h.text() for h in doc.find_all(lambda n: n.tag == "h2")]
        assert h2 == ["Parameters", "Returns", "Example"] + (
            ["Returns Examples"] if page.responses else []
        )
        blocks = [c.text() for c in doc.find_all(lambda n: n.tag == "pre")]
        expected = [shown.signature, shown.example] + [r.json for r in page.responses]
        assert [b.rstrip("\n") for b in blocks] == expected, where
        # The page's own language only.
        example = {"cli": page.cli_example, "python": page.python_example}
        assert shown.example == example.get(lang, page.curl_example)
        _check_md_links(name, where, doc, _page_links(page, lang))
        # One list item per documented field, at every depth.
        items = doc.find_all(lambda n: n.tag == "li")
        listed = sum(_count(group.fields) for group in shown.params)
        assert len(items) == listed + _count(shown.returns.fields), where


def _check_md_links(name: str, md_path: str, doc: Node, links: list[str]) -> None:
    """Links are the spec's own http(s)/mailto ones, and the page's links to shared
    types' pages, in order, each resolving to that page."""
    folder = docs_dir(name)
    lang_folder = folder / md_path.split("/")[0]
    internal = []
    for a in doc.find_all(lambda n: n.tag == "a"):
        href = a.attrs.get("href", "")
        if re.match(r"https?:|mailto:", href):
            continue
        target = ((folder / md_path).parent / unquote(href)).resolve()
        assert target.is_relative_to(folder.resolve()) and target.is_file(), (md_path, href)
        internal.append(target.relative_to(lang_folder.resolve()).as_posix())
    assert internal == [f"{link}.md" for link in links], md_path


@pytest.mark.parametrize("name", NAMES)
def test_type_pages_render_to_the_intended_structure(name: str):
    folder = docs_dir(name)
    for lang in LANGS:
        for t in lang_types(name, lang):
            _check_type_page(name, folder, lang, t)


def _check_type_page(name: str, folder: Path, lang: str, t: TypeDoc) -> None:
    where = t.md_path(lang)
    doc = parse_html(RENDERER.render((folder / where).read_text(encoding="utf-8")))
    tags = {n.tag for n in doc.find_all(lambda n: True)}
    assert tags <= _MD_TAGS, (where, tags - _MD_TAGS)
    assert [h.text() for h in doc.find_all(lambda n: n.tag == "h1")] == [t.name]
    assert [h.text() for h in doc.find_all(lambda n: n.tag == "h2")] == ["Fields"]
    _check_md_links(name, where, doc, _links(t.fields))
    assert len(doc.find_all(lambda n: n.tag == "li")) == _count(t.fields), where
    html_doc = _doc(folder / t.html_path(lang))
    main = html_doc.find(lambda n: n.tag == "main")
    assert main.find(lambda n: n.tag == "h1").text() == t.name
    assert len(main.find_all(lambda n: "field" in n.classes)) == _count(t.fields)


def _count(fields: tuple) -> int:  # type: ignore[type-arg]
    return sum(1 + _count(f.children) for f in fields)


def test_hostile_spec_text_shows_as_text():
    """Names and descriptions written to inject HTML or Markdown come out verbatim as text."""
    by_id = {p.op.operation_id: p for p in pages("docs_hostile")}
    listing = by_id["listWidgets"]
    title = "List <script>window.__pwned=1</script> widgets | with a pipe"
    md_doc = parse_html(RENDERER.render(_read("docs_hostile", listing.md_path("cli"))))
    html_doc = _doc(docs_dir("docs_hostile") / listing.html_path("cli"))
    for doc in (md_doc, html_doc):
        assert doc.find(lambda n: n.tag == "h1").text() == title
        assert "\"double\" 'single' `tick` **bold** _em_ <u>u</u>" not in doc.text()
        assert "\"double\" 'single' tick bold em <u>u</u>" in " ".join(doc.text().split())
    create = by_id["createWidget"]
    for doc in (
        *(parse_html(RENDERER.render(_read("docs_hostile", create.md_path(x)))) for x in LANGS),
        *(_doc(docs_dir("docs_hostile") / create.html_path(x)) for x in LANGS),
    ):
        h1 = doc.find(lambda n: n.tag == "h1").text()
        assert " ".join(h1.split()) == "# Not a heading - not a list"
        text = doc.text()
        assert "</code></pre></li></ul><script>window.__pwned=1</script>" in text
        assert "<img src=x onerror=window.__pwned=1>" in text
        assert "`tick`" in text or "tick" in text
    index = parse_html(RENDERER.render(_read("docs_hostile", "cli/index.md")))
    assert index.find(lambda n: n.tag == "h1").text() == (
        'Evil <script>window.__pwned=1</script> & "Co" `API` API reference (CLI)'
    )
    # The description's unclosed fence is closed before the next heading.
    assert [h.text() for h in index.find_all(lambda n: n.tag == "h2")] == [
        "widgets",
        "gadgets",
        "Types",
    ]
    # A heading inside a description sits below the page's own headings.
    assert index.find_all(lambda n: n.tag == "h4")
    assert all(
        a.attrs["href"].startswith(("widgets/", "gadgets/", "types/"))
        for a in index.find_all(lambda n: n.tag == "a")
    )


def _read(name: str, rel: str) -> str:
    return (docs_dir(name) / rel).read_text(encoding="utf-8")


@pytest.mark.parametrize("name", NAMES)
def test_examples_are_real_code(name: str):
    binary = model(name).names.cli_binary
    for page in pages(name):
        # Python: parses, and is already in black's layout.
        compile(page.python_example, page.stem, "exec")
        assert format_python(page.python_example + "\n") == page.python_example + "\n"
        assert f".{page.op.py_name}(" in page.python_example
        # CLI: the command, then exactly the required flags.
        words = shlex.split(page.cli_example.replace("\\\n", " "))
        assert words[:3] == [binary, page.resource.cli_path, page.op.cli_name]
        flags = {w for w in words[3:] if w.startswith("--")}
        required = {p.name for p in page.params if not p.optional}
        assert flags == required, page.stem
        # curl: one command to the operation's URL with its method.
        curl = shlex.split(page.curl_example.replace("\\\n", " "))
        assert curl[0] == "curl"
        url = urlsplit(curl[1])
        assert curl[1].startswith(model(name).base_url.rstrip("/"))
        template = re.sub(r"\\\{[^}]*\\\}", "[^/]+", re.escape(page.op.path))
        assert re.search(template + "$", unquote(url.path)), (url.path, page.op.path)
        if page.op.http_method != "get":
            assert curl[curl.index("-X") + 1] == page.verb
        if page.response_example:
            json.loads(page.response_example)


def test_example_response_is_the_specs_own_when_it_has_one():
    create = next(p for p in pages("default") if p.op.cli_name == "create")
    assert create.op.response.example is not None
    assert json.loads(create.response_example or "") == create.op.response.example.value
    hostile = next(p for p in pages("docs_hostile") if p.op.operation_id == "createWidget")
    assert json.loads(hostile.response_example or "") == {
        "id": "```</script><script>window.__pwned=1</script>",
        "name": "line1\nline2",
    }


def test_snapshot_list_is_what_the_docs_tests_cover():
    assert all(isinstance(s, Snapshot) for s in SNAPSHOTS)
    assert HOSTILE / "expected" in [s.expected for s in SNAPSHOTS]


_json_values = st.recursive(
    st.none()
    | st.booleans()
    | st.integers(-(10**20), 10**20)
    | st.floats(allow_nan=False, allow_infinity=False)
    | st.text(st.sampled_from(list("ab \"'\\\n\t{}[]") + ["名", "é", "\u200b", "😀"]), max_size=70),
    lambda inner: (
        st.lists(inner, max_size=5) | st.dictionaries(st.text(max_size=40), inner, max_size=5)
    ),
    max_leaves=25,
)


@settings(max_examples=300, deadline=None)
@given(
    st.lists(
        st.tuples(st.sampled_from(["", "name=", "a_long_parameter_name="]), _json_values),
        min_size=1,
        max_size=3,
    )
)
def test_python_example_layout_is_blacks(args: list[tuple[str, object]]):
    """The examples are laid out without black: the layout must be exactly what black makes of
    the one-line form, whenever it fits the line length (else black itself runs)."""
    lines = ["result = client.things.create("]
    for prefix, value in args:
        lines += _py_lines(prefix, value, ",", 4)
    lines.append(")")
    assume(all(line_width(line) <= 100 for line in lines))
    flat = "".join(f"    {prefix}{_py_literal(value)},\n" for prefix, value in args)
    source = "\n".join(lines) + "\n"
    assert format_python(f"result = client.things.create(\n{flat})\n") == source


@settings(max_examples=300, deadline=None)
@given(
    st.recursive(
        st.none()
        | st.booleans()
        | st.integers()
        | st.floats()
        | st.text(st.sampled_from(list('ab"\\\n\t/') + ["é", "\u2028", "😀", "\x00"])),
        lambda inner: (
            st.lists(inner, max_size=4)
            | st.dictionaries(
                st.text(max_size=5) | st.integers() | st.booleans(), inner, max_size=4
            )
        ),
        max_leaves=20,
    )
)
def test_example_json_is_written_as_json_dumps_writes_it(value: object):
    assert json_pretty(value) == json.dumps(value, indent=2, ensure_ascii=False)


def _wide_api(tmp_path: Path, operations: int, tag: str = "things") -> API:
    """One resource of ``operations`` methods, each returning its own type that nests the
    same 40-field user type: what makes a naive site quadratic."""
    user = {
        "type": "object",
        "properties": {
            f"field_{i}": {"type": "string", "description": f"User field {i} description"}
            for i in range(40)
        },
    }
    paths = {}
    for i in range(operations):
        result = {
            "type": "object",
            "properties": {
                "id": {"type": "string"},
                "owner": {"$ref": "#/components/schemas/User"},
            },
        }
        paths[f"/things/{i}"] = {
            "get": {
                "operationId": f"getThing{i}",
                "tags": [tag],
                "summary": f"Get thing {i}",
                "responses": {
                    "200": {
                        "description": "ok",
                        "content": {"application/json": {"schema": result}},
                    }
                },
            }
        }
    spec = {
        "openapi": "3.1.0",
        "info": {"title": "Wide", "version": "1"},
        "servers": [{"url": "https://wide.example.test"}],
        "paths": paths,
        "components": {"schemas": {"User": user}},
    }
    path = tmp_path / f"wide-{tag}-{operations}.json"
    path.write_text(json.dumps(spec), encoding="utf-8")
    return load_api(Inputs(path, validate=False), Diagnostics())


def test_docs_grow_linearly_with_the_number_of_operations(tmp_path: Path):
    """No page holds a share of the whole API: a type nested in every response is listed
    on its own page only, and the navigation of a 60-method resource is as long as that of
    a 30-method one; so twice the operations make (at most) twice the bytes."""
    api = _wide_api(tmp_path, 60)
    small, large = render_docs(_wide_api(tmp_path, 30)), render_docs(api)
    # Per language: pages, index, User; then api.md, llms.txt and llms-full.txt, the home
    # page, the script, the stylesheet and the search index.
    assert len(large) == 3 * (2 * 60 + 4) + 7 and len(small) == 3 * (2 * 30 + 4) + 7
    # llms-full.txt is the HTTP reference in one file: the type once there too.
    assert {p for p, text in large.items() if "User field 7 description" in text} == {
        *(f"{lang}/types/user.md" for lang in LANGS),
        *(f"html/{lang}/types/user.html" for lang in LANGS),
        "llms-full.txt",
    }
    pages = [
        [
            t
            for p, t in files.items()
            if p.startswith(tuple(f"{x}{lang}/things/" for lang in LANGS for x in ("", "html/")))
        ]
        for files in (small, large)
    ]
    assert max(map(len, pages[1])) <= max(map(len, pages[0])) + 200
    sizes = [sum(len(t.encode()) for t in files.values()) for files in (small, large)]
    assert sizes[1] < 2 * sizes[0]
    (group,) = site_docs(api).groups
    middle = parse_html(large[group.pages[30].html_path("cli")])
    nav = middle.find(lambda n: "sidebar" in n.classes)
    methods = [a for a in nav.find_all(lambda n: n.tag == "a") if "more" not in a.classes]
    assert len(methods) == 2 + NAV_METHODS  # the resource, the methods around this one, Types
    more = [a.text() for a in nav.find_all(lambda n: "more" in n.classes)]
    before = 30 - NAV_METHODS // 2
    assert more == [f"{before} earlier", f"{60 - before - NAV_METHODS} more"]


def test_type_pages_keep_clear_of_a_resource_named_types(tmp_path: Path):
    files = render_docs(_wide_api(tmp_path, 2, tag="types"))
    assert {"cli/types-2/user.md", "html/cli/types-2/user.html"} <= set(files)
    assert {p for p in files if p.startswith("cli/types/")} == {
        "cli/types/get-thing0.md",
        "cli/types/get-thing1.md",
    }


def _many_resources(tmp_path: Path, resources: int) -> API:
    paths = {
        f"/r{i}": {
            "get": {
                "operationId": f"getR{i}",
                "tags": [f"res{i:03d}"],
                "summary": f"Get r{i}",
                "responses": {"204": {"description": "none"}},
            }
        }
        for i in range(resources)
    }
    spec = {
        "openapi": "3.1.0",
        "info": {"title": "Many", "version": "1"},
        "servers": [{"url": "https://many.example.test"}],
        "paths": paths,
    }
    path = tmp_path / f"many-{resources}.json"
    path.write_text(json.dumps(spec), encoding="utf-8")
    return load_api(Inputs(path, validate=False), Diagnostics())


def test_sidebar_lists_every_resource_up_to_a_bound(tmp_path: Path):
    """Every resource is in the sidebar, folded, while there are at most NAV_RESOURCES;
    past that a window around the page's own and links to the index, so a page's size
    does not grow with the number of resources."""
    sizes = {}
    for resources in (NAV_RESOURCES, 2 * NAV_RESOURCES, 4 * NAV_RESOURCES):
        api = _many_resources(tmp_path, resources)
        files = render_docs(api)
        groups_ = site_docs(api).groups
        middle = groups_[resources // 2].pages[0]
        doc = parse_html(files[middle.html_path("cli")])
        nav = doc.find(lambda n: "sidebar" in n.classes)
        entries = nav.elements()[0].elements()
        resource_links = [
            li for li in entries if "more" not in li.find(lambda n: n.tag == "a").classes
        ]
        more = [li.text() for li in entries if li not in resource_links]
        assert len(resource_links) == min(resources, NAV_RESOURCES)
        if resources == NAV_RESOURCES:
            assert more == []
        else:
            start = resources // 2 - NAV_RESOURCES // 2
            assert more == [
                f"{start} more resources",
                f"{resources - start - NAV_RESOURCES} more resources",
            ]
        opened = [li for li in entries if "open" in li.classes]
        assert len(opened) == 1 and middle.resource.cli_path in opened[0].text()
        sizes[resources] = len(files[middle.html_path("cli")])
    assert sizes[4 * NAV_RESOURCES] - sizes[2 * NAV_RESOURCES] < 200


@pytest.mark.parametrize("name", NAMES)
def test_the_two_parts_are_the_whole_site(name: str):
    """The generator may render the site's parts in two processes: together they are
    exactly the site, each file in one part only."""
    api = model(name)
    parts = [render_docs(api, part) for part in PARTS]
    assert not set(parts[0]) & set(parts[1])
    assert {**parts[0], **parts[1]} == render_docs(api)
