"""The shared layout rule for spec-dependent lines (generator.pycode), checked against black."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from generator.escape import py_string
from generator.formatting import format_python, needs_black
from generator.pycode import MARK, layout_line, layout_marked, tuple_literal

# --- what the rule writes ----------------------------------------------------------------


def test_a_line_that_fits_stays_on_one_line():
    line = '        mode: Literal["live", "test"] | Omit = omit,'
    assert layout_line(line) == line


def test_a_long_subscript_keeps_its_items_together_when_they_fit():
    line = "    mode: Literal[" + ", ".join(f'"value_{i}"' for i in range(8)) + "]"
    assert layout_line(line).split("\n") == [
        "    mode: Literal[",
        "        " + ", ".join(f'"value_{i}"' for i in range(8)),
        "    ]",
    ]


def test_a_long_collection_goes_one_item_per_line_with_a_magic_comma():
    line = "x = {" + ", ".join(f'"key_{i}": "value number {i}"' for i in range(5)) + "}"
    assert layout_line(line).split("\n") == [
        "x = {",
        *[f'    "key_{i}": "value number {i}",' for i in range(5)],
        "}",
    ]


def test_an_import_of_many_names_goes_in_parentheses():
    names = ", ".join(f"VeryLongModelName{i}" for i in range(6))
    assert layout_line(f"from ..types.module import {names}").split("\n") == [
        "from ..types.module import (",
        *[f"    VeryLongModelName{i}," for i in range(6)],
        ")",
    ]


def test_a_long_parameter_annotation_is_parenthesised():
    values = ", ".join(f'"choice_number_{i}"' for i in range(6))
    laid = layout_line(f"        mode: Literal[{values}] | Omit = omit,")
    assert laid.split("\n") == [
        "        mode: (",
        "            Literal[",
        *[f'                "choice_number_{i}",' for i in range(6)],
        "            ]",
        "            | Omit",
        "        ) = omit,",
    ]


def test_a_string_that_only_fits_alone_is_parenthesised():
    text = py_string("x" * 93)
    assert layout_line(f"HELP = {text}").split("\n") == ["HELP = (", f"    {text}", ")"]
    longer = py_string("x" * 120)
    assert layout_line(f"HELP = {longer}") == f"HELP = {longer}"  # black leaves it


def test_a_path_is_split_before_each_plus():
    parts = " + ".join(['"/repos/"', '_path_param("owner", owner)', '"/"'] * 3)
    laid = layout_line(f"            path={parts},")
    lines = laid.split("\n")
    assert lines[0] == '            path="/repos/"'
    assert all(line.startswith("            + ") for line in lines[1:])
    assert lines[-1].endswith(",")


def test_one_tuples_and_empty_brackets():
    assert tuple_literal([]) == "()"
    assert tuple_literal(['"a"']) == '("a",)'
    assert tuple_literal(['"a"', '"b"']) == '("a", "b")'
    assert layout_line('        security=("api_key", ),') == '        security=("api_key",),'


def test_only_marked_lines_are_laid_out():
    long = "x = [" + ", ".join(["1"] * 60) + "]"
    text = f"{long}\n{MARK}{long}\n"
    first, second = layout_marked(text).split("\n", 1)
    assert first == long and MARK not in second and second.startswith("x = [\n    1,\n")


# --- that it is black's layout ---------------------------------------------------------------

_WIDTHS = st.sampled_from([1, 3, 8, 12, 20, 30, 45, 60, 80])
NAMES = _WIDTHS.map(lambda n: "n" + "x" * (n - 1))
STRINGS = st.builds(
    lambda n, chars: py_string((chars * n)[:n]),
    st.sampled_from([0, 1, 5, 20, 40, 60, 80, 95, 110]),
    st.sampled_from(["ab c", "名前", "it's", 'say "hi"', "a\\b"]),
)
ATOMS = st.one_of(NAMES, STRINGS, st.sampled_from(["1", "-2", "3.5", "None", "True", "1e20"]))


def _group(children: st.SearchStrategy[str]) -> st.SearchStrategy[str]:
    items = st.lists(children, max_size=5)
    comma = st.sampled_from(["", "", "", ", "])

    def call(name: str, args: list[str], kwargs: list[tuple[str, str]], tail: str) -> str:
        every = args + [f"{k}={v}" for k, v in kwargs]
        return f"{name}({', '.join(every)}{tail if every else ''})"

    def subscript(name: str, args: list[str], tail: str) -> str:
        return f"{name}[{', '.join(args or [name])}{tail}]"

    def tuple_(args: list[str], tail: str) -> str:
        if len(args) == 1:
            return f"({args[0]},)"
        return f"({', '.join(args)}{tail if args else ''})"

    return st.one_of(
        st.builds(call, NAMES, items, st.lists(st.tuples(NAMES, children), max_size=2), comma),
        st.builds(lambda n, a, t: "self." + call(n, a, [], t), NAMES, items, comma),
        st.builds(subscript, NAMES, items, comma),
        st.builds(lambda a, t: f"[{', '.join(a)}{t if a else ''}]", items, comma),
        st.builds(
            lambda keys, a, t: (
                "{" + ", ".join(f"{k}: {v}" for k, v in zip(keys, a, strict=False)) + "}"
            ),
            st.lists(STRINGS, max_size=5),
            items,
            comma,
        ),
        st.builds(tuple_, items, comma),
        st.builds(lambda a, n, b: f'{a} + _path_param("{n}", {n}) + {b}', STRINGS, NAMES, STRINGS),
    )


EXPRESSIONS = st.recursive(ATOMS, _group, max_leaves=12)
ANNOTATIONS = st.one_of(
    NAMES,
    st.lists(STRINGS, min_size=1, max_size=6).map(lambda v: f"Literal[{', '.join(v)}]"),
    st.lists(STRINGS, min_size=1, max_size=6).map(lambda v: f"Optional[Literal[{', '.join(v)}]]"),
    st.tuples(STRINGS, STRINGS, NAMES).map(lambda t: f"Union[Literal[{t[0]}, {t[1]}], {t[2]}]"),
    EXPRESSIONS.map(lambda e: f"Dict[str, {e}]"),
)


def _in_class(depth: int, lines: list[str]) -> list[str]:
    return ["class A:", "    class B:"][:depth] + lines


@st.composite
def sources(draw: st.DrawFn) -> str:
    """A small module holding one laid-out spec-dependent line in some context."""
    depth = draw(st.integers(0, 2))
    pad = "    " * depth
    kind = draw(
        st.sampled_from(
            ["assign", "return", "annotated", "field", "item", "kwarg", "entry", "param", "def"]
            + ["import", "or"]
        )
    )
    name, value = draw(NAMES), draw(EXPRESSIONS)
    if kind in ("item", "kwarg", "entry", "param"):
        depth = max(depth, 1)
        pad = "    " * depth
        inner = {
            "item": f"{value},",
            "kwarg": f"{name}={value},",
            "entry": f"{draw(STRINGS)}: {value},",
            "param": f"{name}: {draw(ANNOTATIONS)}{draw(st.sampled_from(['', ' | Omit']))}"
            f" = {draw(st.sampled_from(['omit', 'None']))},",
        }[kind]
        outer = "    " * (depth - 1)
        opener, closer = {
            "param": ("def f(", ") -> None:"),
            "entry": ("x = {", "}"),
        }.get(kind, ("foo(", ")"))
        body = layout_line(pad + inner).split("\n")
        lines = [outer + opener, *(["    " * depth + "self,"] if kind == "param" else []), *body]
        lines.append(outer + closer)
        if kind == "param":
            lines.append(pad + "pass")
        return "\n".join(_in_class(depth - 1, lines)) + "\n"
    statement = {
        "assign": f"{name} = {value}",
        "return": f"return {value}",
        "annotated": f"{name}: Dict[str, Any] = {value}",
        "field": f"{name}: {draw(ANNOTATIONS)}"
        + draw(st.sampled_from(["", " = None", " = FieldInfo(default=None, alias=" + name + ")"])),
        "def": f"def {name}(self{draw(st.sampled_from(['', ', a: int', ', *, key: str = ' + name]))})"
        f" -> {draw(ANNOTATIONS)}:",
        "import": f"from .{name}.{draw(NAMES)} import "
        + ", ".join(draw(st.lists(NAMES, min_size=1, max_size=8, unique=True)))
        + draw(st.sampled_from(["", "  # noqa: E402"])),
        "or": f"{name} = os.environ.get({draw(STRINGS)}) or {draw(NAMES)}",
    }[kind]
    if kind == "return":
        depth, pad = max(depth, 1), "    " * max(depth, 1)
    lines = layout_line(pad + statement).split("\n")
    if kind == "return":
        return "\n".join(["def f():", *lines]) + "\n" if depth == 1 else ""
    if kind == "def":
        lines.append(pad + "    pass")
    return "\n".join(_in_class(depth, lines)) + "\n"


@given(sources())
@settings(max_examples=400, deadline=None)
def test_the_layout_is_blacks_or_the_file_is_flagged(source: str):
    """Whatever the rule writes, a file the formatting stage passes untouched is
    black's output: the rule is right where it acts, and needs_black flags the rest."""
    if source and not needs_black(source):
        assert format_python(source) == source, source


def test_width_without_black_agrees_with_black_below_the_first_wide_symbol():
    """``width`` skips black for text below U+231A; black must agree there."""
    from black.strings import str_width

    from generator.pycode import width

    for start in range(0x80, 0x2400, 0x40):
        line = "".join(chr(cp) for cp in range(start, start + 0x40) if not 0xD800 <= cp < 0xE000)
        assert width(line) == str_width(line), hex(start)
    assert width("\u231a") == str_width("\u231a") == 2
    assert width("x\u1100") == str_width("x\u1100") == 3
