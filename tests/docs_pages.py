"""Read reference pages and generated docs pages into the same facts, for the docs tests.

Three readers produce a :class:`Page`: one for the published reference page
(``tests/fixtures/docs_reference/*.txt``, text copied off the rendered site),
one for a generated Markdown page and one for a generated HTML page.
:func:`facts` flattens a page into ``{fact name: value}`` so that a test can
check the reference page's facts one by one against a generated page.
"""

from __future__ import annotations

import html
import json
import re
from dataclasses import dataclass, field
from html.parser import HTMLParser
from typing import Any


@dataclass
class Entry:
    """A parameter or a response field, with the fields nested under it."""

    name: str
    optional: bool
    type: str
    description: str = ""
    constraints: dict[str, str] = field(default_factory=dict)
    children: list[Entry] = field(default_factory=list)


@dataclass
class Page:
    title: str = ""
    invocation: str = ""
    verb: str = ""
    path: str = ""
    description: str = ""
    params: list[Entry] = field(default_factory=list)
    returns: Entry | None = None
    cli_example: str = ""
    response_example: Any = None
    returns_example: Any = None


def facts(page: Page) -> dict[str, Any]:
    """Every fact on a page, named by where it is (``parameter --name: maxLength``)."""
    out: dict[str, Any] = {
        "title": page.title,
        "CLI invocation": page.invocation,
        "HTTP verb": page.verb,
        "HTTP path": page.path,
        "description": page.description,
        "parameters": [p.name for p in page.params],
        "CLI example": page.cli_example,
        "example response": page.response_example,
    }
    if page.returns_example is not None:
        out["example response"] = page.returns_example
    for p in page.params:
        _entry_facts(out, f"parameter {p.name}", p)
    if page.returns is not None:
        out["returns type name"] = page.returns.name
        _entry_facts(out, "returns", page.returns)
    return out


def _entry_facts(out: dict[str, Any], key: str, e: Entry) -> None:
    out[f"{key}: type"] = e.type
    out[f"{key}: optional"] = e.optional
    if e.description:
        out[f"{key}: description"] = e.description
    for label, value in e.constraints.items():
        out[f"{key}: {label}"] = value
    if e.children:
        out[f"{key}: fields"] = [c.name for c in e.children]
    for child in e.children:
        _entry_facts(out, f"{key}.{child.name}", child)


# --- the reference page (text copied from the rendered site) ------------------------

_ENTRY = re.compile(r"^(--[a-z0-9-]+|[A-Za-z_][A-Za-z0-9_]*): (optional )?(.+)$")
_CONSTRAINT = re.compile(r"^(minLength|maxLength|minimum|maximum|format|pattern)\s*(\S.*)$")
_VERB_PATH = re.compile(r"^(GET|POST|PUT|PATCH|DELETE|HEAD|OPTIONS)\s*(/\S*)$")
_OBJECT = re.compile(r"object \{ (.*) \}$")


def parse_reference(text: str) -> Page:
    lines = [line.rstrip() for line in text.splitlines()]
    page = Page()
    at = next(i for i, line in enumerate(lines) if line.startswith("$ "))
    page.invocation = lines[at]
    page.title = next(line for line in reversed(lines[:at]) if line.strip())
    verb_path = _VERB_PATH.match(lines[at + 1])
    assert verb_path, lines[at + 1]
    page.verb, page.path = verb_path.groups()
    params_at = lines.index("ParametersExpand Collapse")
    returns_at = lines.index("ReturnsExpand Collapse")
    page.description = " ".join(line for line in lines[at + 2 : params_at] if line.strip())
    page.params = _nest(_entries(lines[params_at + 1 : returns_at]))
    example_at = lines.index(page.title, returns_at)
    (page.returns,) = _nest(_entries(lines[returns_at + 1 : example_at]))
    json_at = next(i for i in range(example_at, len(lines)) if lines[i] == "{")
    page.cli_example = "\n".join(lines[example_at + 1 : json_at]).strip("\n")
    examples_at = lines.index("Returns Examples")
    page.response_example = json.loads("\n".join(lines[json_at:examples_at]))
    page.returns_example = json.loads("\n".join(lines[examples_at + 1 :]))
    return page


def _entries(lines: list[str]) -> list[Entry]:
    out: list[Entry] = []
    for line in lines:
        if not line.strip():
            continue
        entry, constraint = _ENTRY.match(line), _CONSTRAINT.match(line)
        if entry:
            out.append(Entry(entry.group(1), bool(entry.group(2)), entry.group(3)))
        elif constraint:
            out[-1].constraints[constraint.group(1)] = constraint.group(2)
        else:
            out[-1].description = (out[-1].description + " " + line).strip()
    return out


def _nest(flat: list[Entry]) -> list[Entry]:
    """The reference lists nested fields right after their parent, whose type
    (``object { id, allowed_ips, created_at, 8 more }``) says how many follow."""
    items = iter(flat)

    def take() -> Entry:
        entry = next(items)
        match = _OBJECT.search(entry.type)
        if match:
            names = match.group(1).split(", ")
            more = re.fullmatch(r"(\d+) more", names[-1])
            count = len(names) - 1 + int(more.group(1)) if more else len(names)
            entry.children = [take() for _ in range(count)]
        return entry

    out = []
    while True:
        try:
            out.append(take())
        except StopIteration:
            return out


# --- a generated Markdown page -------------------------------------------------------

_MD_ITEM = re.compile(
    r"^(?P<pad> *)- \*\*(?P<ticks>`+) ?(?P<name>.+?) ?(?P=ticks)\*\*: (?P<rest>.*)$"
)
_MD_ESCAPE = re.compile(r"\\([!-/:-@\[-`{-~])")


def md_unescape(text: str) -> str:
    """Plain text of escaped Markdown text (backslash escapes and entities)."""
    return html.unescape(_MD_ESCAPE.sub(r"\1", text))


def _fences(lines: list[str]) -> list[tuple[int, str, str]]:
    """(line index, info string, content) of each fenced code block."""
    out = []
    i = 0
    while i < len(lines):
        match = re.match(r"^(`{3,})(\S*)$", lines[i])
        if match:
            end = lines.index(match.group(1), i + 1)
            out.append((i, match.group(2), "\n".join(lines[i + 1 : end])))
            i = end
        i += 1
    return out


def parse_markdown_page(text: str) -> Page:
    lines = text.splitlines()
    page = Page()
    page.title = md_unescape(next(line[2:] for line in lines if line.startswith("# ")))
    fences = _fences(lines)
    page.invocation = next(content for _, info, content in fences if info == "console")
    verb_path = next(i for i, line in enumerate(lines) if re.match(r"^`[A-Z]+ /", line))
    page.verb, page.path = lines[verb_path].strip("`").split(" ", 1)
    params_at = lines.index("## Parameters")
    returns_at = lines.index("## Returns")
    example_at = lines.index("## Example")
    page.description = md_unescape(
        " ".join(line for line in lines[verb_path + 1 : params_at] if line.strip())
    )
    page.params = _md_entries(lines[params_at + 1 : returns_at])
    type_line = next(line for line in lines[returns_at + 1 : example_at] if line.startswith("**"))
    name, words = re.match(r"^\*\*`(.+?)`\*\*: (.*)$", type_line).groups()  # type: ignore[union-attr]
    fields_at = lines.index(type_line, returns_at) + 1
    page.returns = Entry(name, False, md_unescape(words))
    page.returns.children = _md_entries(lines[fields_at:example_at])
    page.cli_example = next(c for i, info, c in fences if i > example_at and info == "sh")
    response = [c for i, info, c in fences if info == "json" and i > example_at]
    page.response_example = json.loads(response[0]) if response else None
    return page


def _md_entries(lines: list[str]) -> list[Entry]:
    root: list[Entry] = []
    stack: list[tuple[int, Entry]] = []
    for line in lines:
        item = _MD_ITEM.match(line)
        if item:
            pad = len(item.group("pad"))
            rest = item.group("rest")
            optional = rest.startswith("optional ")
            entry = Entry(item.group("name"), optional, md_unescape(rest.removeprefix("optional ")))
            while stack and stack[-1][0] >= pad:
                stack.pop()
            (stack[-1][1].children if stack else root).append(entry)
            stack.append((pad, entry))
        elif line.strip() and stack:
            body = line.strip()
            if re.fullmatch(r"`[^`]+`( · `[^`]+`)*", body) or re.fullmatch(r"``.+``", body):
                for chip in re.findall(r"`+ ?(.+?) ?`+(?: · |$)", body):
                    label, _, value = chip.partition(" ")
                    stack[-1][1].constraints[label] = value
            elif not line.startswith(" " * (stack[-1][0] + 2)):
                break  # text after the list
            else:
                e = stack[-1][1]
                e.description = (e.description + " " + md_unescape(body)).strip()
    return root


# --- a generated HTML page -----------------------------------------------------------

_VOID = {"meta", "link", "br", "hr", "img", "input", "wbr", "source", "col", "area", "base"}


@dataclass
class Node:
    tag: str
    attrs: dict[str, str]
    children: list[Node | str] = field(default_factory=list)

    @property
    def classes(self) -> list[str]:
        return self.attrs.get("class", "").split()

    def text(self) -> str:
        return "".join(c if isinstance(c, str) else c.text() for c in self.children)

    def elements(self) -> list[Node]:
        return [c for c in self.children if isinstance(c, Node)]

    def find_all(self, pred: Any) -> list[Node]:
        out = []
        for child in self.elements():
            if pred(child):
                out.append(child)
            out.extend(child.find_all(pred))
        return out

    def find(self, pred: Any) -> Node:
        found = self.find_all(pred)
        assert found, "no such element"
        return found[0]


class _TreeBuilder(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.root = Node("#document", {})
        self.stack = [self.root]

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        node = Node(tag, {k: v or "" for k, v in attrs})
        self.stack[-1].children.append(node)
        if tag not in _VOID:
            self.stack.append(node)

    def handle_endtag(self, tag: str) -> None:
        for i in range(len(self.stack) - 1, 0, -1):
            if self.stack[i].tag == tag:
                del self.stack[i:]
                return

    def handle_data(self, data: str) -> None:
        self.stack[-1].children.append(data)


def parse_html(text: str) -> Node:
    builder = _TreeBuilder()
    builder.feed(text)
    builder.close()
    return builder.root


def _cls(name: str) -> Any:
    return lambda n: name in n.classes


def _squash(text: str) -> str:
    return " ".join(text.split())


def parse_html_page(text: str) -> Page:
    doc = parse_html(text)
    main = doc.find(lambda n: n.tag == "main")
    page = Page()
    page.title = main.find(lambda n: n.tag == "h1").text()
    page.invocation = main.find(_cls("invocation")).text()
    endpoint = main.find(_cls("endpoint"))
    page.verb = endpoint.find(_cls("verb")).text()
    page.path = endpoint.find(lambda n: n.tag == "code").text()
    head = main.find(_cls("op-head"))
    page.description = _squash(
        " ".join(n.text() for n in head.elements() if "description" in n.classes)
    )
    params = main.find(lambda n: n.attrs.get("id") == "parameters")
    page.params = _html_entries(params)
    returns = main.find(lambda n: n.attrs.get("id") == "returns")
    type_line = returns.find(_cls("returns-type"))
    page.returns = Entry(
        type_line.find(_cls("name")).text(), False, type_line.find(_cls("type")).text()
    )
    page.returns.children = _html_entries(returns)
    example = main.find(lambda n: n.attrs.get("id") == "example")
    page.cli_example = example.find(lambda n: n.tag == "pre").text()
    response = main.find_all(lambda n: n.attrs.get("id") == "example-response")
    if response:
        page.response_example = json.loads(response[0].find(lambda n: n.tag == "pre").text())
    return page


def _html_entries(container: Node) -> list[Entry]:
    lists = [n for n in container.find_all(_cls("fields"))]
    if not lists:
        return []
    return [_html_entry(li) for li in lists[0].elements() if "field" in li.classes]


def _html_entry(li: Node) -> Entry:
    body = next((n for n in li.elements() if n.tag == "details"), li)
    sig = body.find(_cls("sig"))
    entry = Entry(
        sig.find(_cls("name")).text(),
        bool(sig.find_all(_cls("optional"))),
        sig.find(_cls("type")).text(),
    )
    for child in body.elements():
        if "description" in child.classes:
            entry.description = _squash(child.text())
        elif "constraints" in child.classes:
            for chip in child.find_all(_cls("constraint")):
                label, _, value = _squash(chip.text()).partition(" ")
                entry.constraints[label] = value
        elif "fields" in child.classes:
            entry.children = [_html_entry(n) for n in child.elements() if "field" in n.classes]
    return entry
