"""The shared layout rule for spec-dependent lines (generator.pycode), checked against black."""

from __future__ import annotations

from generator.escape import py_string
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
