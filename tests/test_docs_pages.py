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
    NAV_METHODS,
    FieldDoc,
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


def test_fixtures_include_the_hostile_spec():
    assert {"default", "petstore", "docs_hostile"} <= set(NAMES)


@pytest.mark.parametrize("name", NAMES)
def test_every_operation_has_a_markdown_and_an_html_page(name: str):
    api = model(name)
    folder = docs_dir(name)
    ops = api.all_operations()
    assert ops
    expected = set()
    for resource, op in ops:
        stem = f"{resource.docs_dir}/{op.cli_name}"
        expected |= {f"{stem}.md", f"html/{stem}.html"}
    expected |= {"api.md", "html/index.html"}
    expected |= {path for t in types(name) for path in (t.md_path, t.html_path)}
    on_disk = {p.relative_to(folder).as_posix() for p in folder.rglob("*") if p.is_file()}
    assert on_disk == expected


def _links(fields: tuple[FieldDoc, ...]) -> list[str]:
    """The type pages a field list links to, at every depth, in page order."""
    out = []
    for f in fields:
        out += [f.link] if f.link else []
        out += _links(f.children)
    return out


def _page_links(page: PageDoc) -> list[str]:
    returns = page.returns
    return _links(page.params) + ([returns.link] if returns.link else []) + _links(returns.fields)


@pytest.mark.parametrize("name", NAMES)
def test_each_shared_type_has_one_page_and_every_link_has_its_page(name: str):
    """A field whose fields are listed elsewhere links to a page that lists them: every
    link has its page, every type page is linked, and a linked field lists nothing itself."""
    stems = {t.md_path.removesuffix(".md"): t for t in types(name)}
    assert len(stems) == len(types(name))
    linked: set[str] = set()
    for page in pages(name):
        linked |= set(_page_links(page))
    for t in types(name):
        assert t.html_path == f"html/{t.md_path.removesuffix('.md')}.html"
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
def test_api_md_lists_every_method_with_verb_path_summary_and_link(name: str):
    folder = docs_dir(name)
    html = RENDERER.render((folder / "api.md").read_text(encoding="utf-8"))
    doc = parse_html(html)
    rows = [r for r in doc.find_all(lambda n: n.tag == "tr") if r.find_all(lambda n: n.tag == "td")]
    seen = {}
    for row in rows:
        method, endpoint, summary = (td.text() for td in row.find_all(lambda n: n.tag == "td"))
        href = row.find(lambda n: n.tag == "a").attrs["href"]
        seen[unquote(href)] = (method, endpoint, summary)
        assert (folder / unquote(href)).is_file(), href
    for page in pages(name):
        assert seen[page.md_path] == (
            page.op.cli_name,
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
    assert listed == [(t.name, t.md_path) for t in types(name)]


@pytest.mark.parametrize("name", NAMES)
def test_html_index_lists_every_method_by_resource(name: str):
    folder = docs_dir(name) / "html"
    doc = parse_html((folder / "index.html").read_text(encoding="utf-8"))
    main = doc.find(lambda n: n.tag == "main")
    for group in groups(name):
        section = main.find(lambda n, a=group.anchor: n.attrs.get("id") == a)
        assert section.find(lambda n: n.tag == "h2").text() == group.resource.cli_path
        rows = section.find_all(lambda n: n.tag == "tr")[1:]
        assert len(rows) == len(group.pages)
        for row, page in zip(rows, group.pages, strict=True):
            cells = row.find_all(lambda n: n.tag == "td")
            assert cells[0].text() == page.op.cli_name
            assert unquote(cells[0].find(lambda n: n.tag == "a").attrs["href"]) == (
                page.html_path.removeprefix("html/")
            )
            assert " ".join(cells[1].text().split()) == f"{page.verb} {page.op.path}"
            assert cells[2].text() == (page.op.summary or "")
    listed = main.find_all(lambda n: n.attrs.get("id") == "types")
    assert len(listed) == (1 if types(name) else 0)
    if listed:
        links = listed[0].find_all(lambda n: n.tag == "a")
        assert [(a.text(), unquote(a.attrs["href"])) for a in links] == [
            (t.name, t.html_path.removeprefix("html/")) for t in types(name)
        ]


def _html_files(name: str) -> list[Path]:
    return sorted((docs_dir(name) / "html").rglob("*.html"))


@pytest.mark.parametrize("name", NAMES)
def test_html_pages_are_self_contained_and_their_links_resolve(name: str):
    files = _html_files(name)
    ids = {p: {n.attrs["id"] for n in _doc(p).find_all(lambda n: "id" in n.attrs)} for p in files}
    for path in files:
        doc = _doc(path)
        text = path.read_text(encoding="utf-8")
        assert "Content-Security-Policy" in text and "default-src 'none'" in text
        assert not doc.find_all(lambda n: n.tag in ("script", "link", "img", "iframe", "object"))
        for node in doc.find_all(lambda n: True):
            assert not [a for a in node.attrs if a.lower().startswith("on")], node.attrs
            assert "src" not in node.attrs and "style" not in node.attrs
        nav = doc.find(lambda n: n.tag == "nav")
        assert nav_links(nav) == expected_nav(name, path), path
        current = nav.find_all(lambda n: n.attrs.get("aria-current") == "page")
        is_operation = any(docs_dir(name) / p.html_path == path for p in pages(name))
        assert len(current) == (1 if is_operation else 0)
        for a in doc.find_all(lambda n: n.tag == "a"):
            href = a.attrs["href"]
            parts = urlsplit(href)
            if parts.scheme in ("http", "https", "mailto"):
                continue  # links written in spec descriptions
            assert not parts.scheme and not parts.netloc, href
            target = (path.parent / unquote(parts.path)).resolve() if parts.path else path
            assert target in ids, f"{path.name}: broken link {href}"
            if parts.fragment:
                assert parts.fragment in ids[target], f"{path.name}: no #{parts.fragment}"


def nav_links(nav: Node) -> list[str]:
    return [unquote(a.attrs["href"]) for a in nav.find_all(lambda n: n.tag == "a")]


def expected_nav(name: str, path: Path) -> list[str]:
    """The navigation of one HTML page, never the whole API: the index lists every
    resource (and the types); an operation page its resource and at most NAV_METHODS of
    its methods around it, with links to the index for the others; a type page the types."""
    html_dir = docs_dir(name) / "html"
    rel = path.relative_to(html_dir).as_posix()
    root = "../" * rel.count("/")
    home = root + "index.html"
    if rel == "index.html":
        return (
            [home]
            + [f"{home}#{g.anchor}" for g in groups(name)]
            + ([f"{home}#types"] if types(name) else [])
        )
    for group in groups(name):
        hrefs = [p.html_path.removeprefix("html/") for p in group.pages]
        if rel in hrefs:
            i, n = hrefs.index(rel), len(hrefs)
            start = max(0, min(i - NAV_METHODS // 2, n - NAV_METHODS))
            shown = hrefs[start : start + NAV_METHODS]
            assert rel in shown and len(shown) == min(n, NAV_METHODS)
            section = f"{home}#{group.anchor}"
            before = [section] if start > 0 else []
            after = [section] if start + len(shown) < n else []
            return [home, section] + before + [root + h for h in shown] + after
    assert rel in {t.html_path.removeprefix("html/") for t in types(name)}, rel
    return [home, f"{home}#types"]


@cache
def _doc(path: Path) -> Node:
    return parse_html(path.read_text(encoding="utf-8"))


def _md_pages(name: str) -> list[tuple[PageDoc, str]]:
    folder = docs_dir(name)
    return [(p, (folder / p.md_path).read_text(encoding="utf-8")) for p in pages(name)]


#: Tags a rendered page may contain: Markdown's own, never one written in the spec.
_MD_TAGS = {
    "#document",
    *("h1", "h2", "h3", "h4", "h5", "h6", "p", "ul", "ol", "li", "pre", "code", "strong"),
    *("em", "a", "table", "thead", "tbody", "tr", "th", "td", "hr", "blockquote", "br"),
}


@pytest.mark.parametrize("name", NAMES)
def test_markdown_pages_render_to_the_intended_structure(name: str):
    for page, text in _md_pages(name):
        doc = parse_html(RENDERER.render(text))
        tags = {n.tag for n in doc.find_all(lambda n: True)}
        assert tags <= _MD_TAGS, (page.md_path, tags - _MD_TAGS)
        h1 = doc.find_all(lambda n: n.tag == "h1")
        assert [h.text() for h in h1] == [" ".join(page.title.split())], page.md_path
        h2 = [h.text() for h in doc.find_all(lambda n: n.tag == "h2")]
        assert h2 == ["Parameters", "Returns", "Example"] + (
            ["Example response"] if page.response_example else []
        )
        blocks = [c.text() for c in doc.find_all(lambda n: n.tag == "pre")]
        expected = ["$ " + page.cli_command, page.cli_example, page.python_example]
        expected += [page.curl_example] + ([page.response_example] if page.response_example else [])
        assert [b.rstrip("\n") for b in blocks] == expected, page.md_path
        _check_md_links(name, page.md_path, doc, _page_links(page))
        # One list item per documented field, at every depth.
        items = doc.find_all(lambda n: n.tag == "li")
        assert len(items) == _count(page.params) + _count(page.returns.fields), page.md_path


def _check_md_links(name: str, md_path: str, doc: Node, links: list[str]) -> None:
    """Links are the spec's own http(s)/mailto ones, and the page's links to shared
    types' pages, in order, each resolving to that page."""
    folder = docs_dir(name)
    internal = []
    for a in doc.find_all(lambda n: n.tag == "a"):
        href = a.attrs.get("href", "")
        if re.match(r"https?:|mailto:", href):
            continue
        target = ((folder / md_path).parent / unquote(href)).resolve()
        assert target.is_relative_to(folder.resolve()) and target.is_file(), (md_path, href)
        internal.append(target.relative_to(folder.resolve()).as_posix())
    assert internal == [f"{link}.md" for link in links], md_path


@pytest.mark.parametrize("name", NAMES)
def test_type_pages_render_to_the_intended_structure(name: str):
    folder = docs_dir(name)
    for t in types(name):
        doc = parse_html(RENDERER.render((folder / t.md_path).read_text(encoding="utf-8")))
        tags = {n.tag for n in doc.find_all(lambda n: True)}
        assert tags <= _MD_TAGS, (t.md_path, tags - _MD_TAGS)
        assert [h.text() for h in doc.find_all(lambda n: n.tag == "h1")] == [t.name]
        assert [h.text() for h in doc.find_all(lambda n: n.tag == "h2")] == ["Fields"]
        _check_md_links(name, t.md_path, doc, _links(t.fields))
        assert len(doc.find_all(lambda n: n.tag == "li")) == _count(t.fields), t.md_path
        html_doc = _doc(folder / t.html_path)
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
    md_doc = parse_html(RENDERER.render(_read("docs_hostile", listing.md_path)))
    html_doc = _doc(docs_dir("docs_hostile") / listing.html_path)
    for doc in (md_doc, html_doc):
        assert doc.find(lambda n: n.tag == "h1").text() == title
        assert "\"double\" 'single' `tick` **bold** _em_ <u>u</u>" not in doc.text()
        assert "\"double\" 'single' tick bold em <u>u</u>" in " ".join(doc.text().split())
    create = by_id["createWidget"]
    for doc in (
        parse_html(RENDERER.render(_read("docs_hostile", create.md_path))),
        _doc(docs_dir("docs_hostile") / create.html_path),
    ):
        h1 = doc.find(lambda n: n.tag == "h1").text()
        assert " ".join(h1.split()) == "# Not a heading - not a list"
        text = doc.text()
        assert "</code></pre></li></ul><script>window.__pwned=1</script>" in text
        assert "<img src=x onerror=window.__pwned=1>" in text
        assert "`tick`" in text or "tick" in text
    index = parse_html(RENDERER.render(_read("docs_hostile", "api.md")))
    assert index.find(lambda n: n.tag == "h1").text() == (
        'Evil <script>window.__pwned=1</script> & "Co" `API` API reference'
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
        compile(page.python_example, page.md_path, "exec")
        assert format_python(page.python_example + "\n") == page.python_example + "\n"
        assert f".{page.op.py_name}(" in page.python_example
        # CLI: the command, then exactly the required flags.
        words = shlex.split(page.cli_example.replace("\\\n", " "))
        assert words[:3] == [binary, page.resource.cli_path, page.op.cli_name]
        flags = {w for w in words[3:] if w.startswith("--")}
        required = {p.name for p in page.params if not p.optional}
        assert flags == required, page.md_path
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
    assert len(large) == 2 * 60 + 4 and len(small) == 2 * 30 + 4  # pages, indexes, User
    assert {p for p, text in large.items() if "User field 7 description" in text} == {
        "types/user.md",
        "html/types/user.html",
    }
    pages = [
        [t for p, t in files.items() if p.startswith(("things/", "html/things/"))]
        for files in (small, large)
    ]
    assert max(map(len, pages[1])) <= max(map(len, pages[0])) + 200
    sizes = [sum(len(t.encode()) for t in files.values()) for files in (small, large)]
    assert sizes[1] < 2 * sizes[0]
    (group,) = site_docs(api).groups
    middle = parse_html(large[group.pages[30].html_path])
    nav = middle.find(lambda n: n.tag == "nav")
    methods = [a for a in nav.find_all(lambda n: n.tag == "a") if "more" not in a.classes]
    assert len(methods) == 2 + NAV_METHODS  # home, the resource, the methods around this one
    more = [a.text() for a in nav.find_all(lambda n: "more" in n.classes)]
    before = 30 - NAV_METHODS // 2
    assert more == [f"{before} earlier", f"{60 - before - NAV_METHODS} more"]


def test_type_pages_keep_clear_of_a_resource_named_types(tmp_path: Path):
    files = render_docs(_wide_api(tmp_path, 2, tag="types"))
    assert {"types-2/user.md", "html/types-2/user.html"} <= set(files)
    assert {p for p in files if p.startswith("types/")} == {
        "types/get-thing0.md",
        "types/get-thing1.md",
    }
