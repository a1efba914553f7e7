"""Man pages (roff) for every command of the CLI, written at generation time.

One page for the root command, one per resource group and one per
operation, from the same views the click commands are built from, so a page
says what ``--help`` says. They ship as package data under
``<package>/man/`` and the hidden ``__man`` command prints them; nothing
here runs when the CLI starts.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from .. import escape, naming
from ..model import API
from ..render import HEADER

if TYPE_CHECKING:
    from .cli import GroupView, OperationView

#: The global options of every command: (flags, metavar, help). Kept in step with
#: ``global_options()`` in templates/cli/_commands.py.j2 (a test compares the two).
_GLOBAL_OPTIONS: tuple[tuple[str, str, str], ...] = (
    ("--base-url", "URL", "Base URL of the API (else ${BASE_URL_ENV}; default: ${BASE_URL})."),
    (
        "--format",
        "auto|json|jsonl|pretty|raw|yaml|explore",
        "How results are printed: auto (JSON, coloured on a terminal unless NO_COLOR is set),"
        " json, jsonl (one value per line), pretty (an outline for humans), raw (the server's"
        " JSON text), yaml, or explore (an interactive viewer on a terminal; json elsewhere).",
    ),
    ("--format-error", "FORMAT", "How the body of an API error is printed on standard error."),
    (
        "--transform",
        "GJSON",
        "Print only this GJSON path of each result (of each item, for lists).",
    ),
    ("--transform-error", "GJSON", "Print only this GJSON path of an API error's body."),
    ("-r, --raw-output", "", "Print a result that is a string as plain text, without JSON quotes."),
    (
        "--no-pager",
        "",
        "Never page output; else output longer than the terminal goes through $PAGER"
        " (default: less -FRX). Also ${NO_PAGER_ENV}.",
    ),
    (
        "--debug",
        "",
        "Show every HTTP request and response on standard error (credentials redacted).",
    ),
    ("--timeout", "SECONDS", "Give up on a request that takes longer than this."),
    ("--max-retries", "N", "How many times to retry a request that failed in a passing way."),
    ("--show-completion", "bash|zsh|fish|powershell", "Print the shell completion script."),
    ("--version", "", "Print the version and exit."),
    ("-h, --help", "", "Show the help and exit."),
)

_KEYS = (
    ("up, k / down, j", "move"),
    ("right, l", "unfold (again: go to the first child)"),
    ("left, h", "fold (again: go to the parent)"),
    ("Enter, space", "fold or unfold"),
    ("e", "unfold everything under the cursor"),
    ("g, Home / G, End", "first / last line"),
    ("PgUp, Ctrl-B / PgDn, Ctrl-F", "a screen up / down"),
    ("r", "toggle the raw JSON text"),
    ("p", "leave and print the value under the cursor"),
    ("q, Esc, Ctrl-C", "leave"),
)


@dataclass(frozen=True)
class ManPage:
    #: The command's words after the binary (``("admin:api-keys", "create")``).
    command: tuple[str, ...]
    #: File name under ``man/`` (``boltz-api-admin-api-keys-create.1``).
    file: str
    text: str


def roff(text: str) -> str:
    """``text`` as roff body text: backslashes and hyphens escaped, no line read as a request."""
    text = text.replace("\\", "\\e").replace("-", "\\-")
    lines = [("\\&" + line if line.startswith((".", "'")) else line) for line in text.split("\n")]
    return "\n".join(lines)


def quoted(text: str) -> str:
    """``text`` as one double-quoted argument of a roff request (no quote can end it early)."""
    return '"' + roff(" ".join(text.split())).replace('"', "\\(dq") + '"'


def _paragraphs(text: str) -> list[str]:
    """Blank-line separated paragraphs, each joined to one line (roff fills them)."""
    out = []
    for block in text.replace("\r\n", "\n").split("\n\n"):
        joined = " ".join(block.split())
        if joined:
            out.append(roff(joined))
    return out


def _bold(text: str) -> str:
    return f"\\fB{roff(text)}\\fR"


def _italic(text: str) -> str:
    return f"\\fI{roff(text)}\\fR"


def _option(flags: str, metavar: str, text: str) -> list[str]:
    head = ", ".join(_bold(f) for f in flags.split(", "))
    if metavar:
        head += " " + _italic(metavar)
    return [".TP", head, *(_paragraphs(text) or [""])]


def _header(title: str, name: str, summary: str, version: str, label: str) -> list[str]:
    return [
        f'.\\" {HEADER}',
        f'.TH {quoted(title.upper())} "1" "" {quoted(version)} {quoted(label)}',
        ".SH NAME",
        f"{roff(name)} \\- {roff(' '.join(summary.split()) or name)}",
    ]


def man_pages(api: API, groups: Sequence[GroupView], version: str, label: str) -> list[ManPage]:
    """Every page: the root, then each group and its operations, in command order."""
    names = api.names
    binary = names.cli_binary
    stems = naming.Namer(sep="-")
    files: dict[tuple[str, ...], str] = {(): stems.claim(naming.man_page_stem([binary])) + ".1"}
    for g in groups:
        files[(g.name,)] = stems.claim(naming.man_page_stem([binary, g.name])) + ".1"
        for op in g.operations:
            key = (g.name, op.name)
            files[key] = stems.claim(naming.man_page_stem([binary, *key])) + ".1"
    env = {
        "BASE_URL_ENV": f"{names.env_prefix}_BASE_URL",
        "BASE_URL": api.base_url,
        "NO_PAGER_ENV": f"{names.env_prefix}_NO_PAGER",
    }
    version_text = f"{binary} {version}"
    pages = [ManPage((), files[()], _root_page(api, groups, files, env, version_text, label))]
    for g in groups:
        pages.append(
            ManPage(
                (g.name,),
                files[(g.name,)],
                _group_page(api, g, files, version_text, label),
            )
        )
        for op in g.operations:
            key = (g.name, op.name)
            pages.append(
                ManPage(key, files[key], _operation_page(api, g, op, files, version_text, label))
            )
    return pages


def _see_also(files: dict[tuple[str, ...], str], keys: Sequence[tuple[str, ...]]) -> list[str]:
    refs = [f"\\fB{roff(files[k][:-2])}\\fR(1)" for k in keys if k in files]
    return [".SH SEE ALSO", ",\n".join(refs)] if refs else []


def _root_page(
    api: API,
    groups: Sequence[GroupView],
    files: dict[tuple[str, ...], str],
    env: dict[str, str],
    version: str,
    label: str,
) -> str:
    names = api.names
    binary = names.cli_binary
    lines = _header(binary, binary, f"command-line tool for the {label}", version, label)
    lines += [
        ".SH SYNOPSIS",
        f"{_bold(binary)} [{_italic('OPTIONS')}] {_italic('RESOURCE')} {_italic('OPERATION')} [{_italic('FLAGS')}]",
        ".SH DESCRIPTION",
    ]
    description = _paragraphs(api.description or "")
    lines += _join_paragraphs(
        description
        + [
            roff(
                f"Each operation of the API is a command: {binary} <resource> <operation> [flags]."
                " Flags come from the operation's parameters and body; every value is checked"
                " against the API's description before anything is sent."
            )
        ]
    )
    lines.append(".SH COMMANDS")
    for g in groups:
        lines += [".TP", _bold(g.name), roff(g.short_help)]
    lines.append(".SH GLOBAL OPTIONS")
    lines += _join_paragraphs(
        [
            roff(
                "Accepted before the resource, between resource and operation, and after the operation; the one nearest the operation wins."
            )
        ]
    )
    for s in _security(api):
        lines += _option(f"--{s[0]}", "TEXT", f"{s[3]} Also {s[2]}.")
    for flags, metavar, text in _GLOBAL_OPTIONS:
        for key, value in env.items():
            text = text.replace("${" + key + "}", value)
        lines += _option(flags, metavar, text)
    lines += [
        ".SH EXPLORE",
        roff("With --format explore on a terminal the result opens in a viewer:"),
    ]
    for keys, what in _KEYS:
        lines += [".TP", _bold(keys), roff(what)]
    lines += [".SH ENVIRONMENT"]
    for s in _security(api):
        lines += [".TP", _bold(s[2]), roff(f"The credential for --{s[0]}.")]
    lines += [
        ".TP",
        _bold(env["BASE_URL_ENV"]),
        roff("The base URL, when --base-url is not given."),
        ".TP",
        _bold("PAGER"),
        roff(
            "The pager for long output on a terminal (default: less; LESS defaults to FRX). Empty or cat: no pager."
        ),
        ".TP",
        _bold(env["NO_PAGER_ENV"]),
        roff("Set (to anything but 0, false or no) to never page output, like --no-pager."),
        ".TP",
        _bold("NO_COLOR"),
        roff("Set to never colour output."),
    ]
    lines += _exit_status()
    lines += [
        ".SH FILES",
        roff(
            f"These pages are printed by {binary} __man [RESOURCE [OPERATION]]; on a terminal, read one with {binary} __man RESOURCE OPERATION | man -l -."
        ),
    ]
    lines += _see_also(files, [(g.name,) for g in groups])
    return "\n".join(lines) + "\n"


def _group_page(
    api: API, g: GroupView, files: dict[tuple[str, ...], str], version: str, label: str
) -> str:
    binary = api.names.cli_binary
    name = f"{binary} {g.name}"
    lines = _header(files[(g.name,)][:-2], name, g.short_help, version, label)
    lines += [
        ".SH SYNOPSIS",
        f"{_bold(name)} {_italic('OPERATION')} [{_italic('FLAGS')}]",
    ]
    text = _paragraphs(g.help)
    if text:
        lines += [".SH DESCRIPTION", *_join_paragraphs(text)]
    lines.append(".SH COMMANDS")
    for op in g.operations:
        lines += [".TP", _bold(op.name), roff(op.short_help or f"{op.method} {op.path}")]
    lines += _exit_status()
    lines += _see_also(files, [()] + [(g.name, op.name) for op in g.operations])
    return "\n".join(lines) + "\n"


def _operation_page(
    api: API,
    g: GroupView,
    op: OperationView,
    files: dict[tuple[str, ...], str],
    version: str,
    label: str,
) -> str:
    binary = api.names.cli_binary
    name = f"{binary} {g.name} {op.name}"
    key = (g.name, op.name)
    lines = _header(files[key][:-2], name, op.short_help, version, label)
    positional = [p for p in op.params if p.positional]
    synopsis = f"{_bold(name)} [{_italic('OPTIONS')}]"
    for p in positional:
        synopsis += f" [{_italic(p.arg)}]"
    lines += [".SH SYNOPSIS", synopsis, ".SH DESCRIPTION"]
    lines += _join_paragraphs(_paragraphs(op.help) + [f"{_bold(op.method)} {roff(op.path)}"])
    if op.deprecated:
        lines += [".PP", roff("Deprecated.")]
    params = list(op.params)
    if params or op.page_class:
        lines.append(".SH OPTIONS")
    for p in params:
        if p.kind == "boolean" and not p.multiple:
            flags, metavar = f"--{p.flag}, --no-{p.flag}", ""
        else:
            flags = f"--{p.flag}"
            metavar = "|".join(p.choices) if p.kind == "enum" else p.metavar
        lines += _option(flags, metavar, p.help)
    if op.page_class:
        lines += _option(
            "--max-items", "N", "Stop after this many items; further pages are not fetched."
        )
    lines += [
        ".SH GLOBAL OPTIONS",
        roff(
            f"Every option of {binary}(1) is accepted too (--format, --transform, --base-url, --debug...)."
        ),
    ]
    if op.security:
        lines.append(".SH ENVIRONMENT")
        for s in _security(api):
            if s[1] in op.security:
                lines += [".TP", _bold(s[2]), roff(f"The credential for --{s[0]}.")]
    lines += _exit_status()
    lines += _see_also(files, [(), (g.name,)])
    return "\n".join(lines) + "\n"


def _join_paragraphs(paragraphs: list[str]) -> list[str]:
    out: list[str] = []
    for i, text in enumerate(paragraphs):
        if i:
            out.append(".PP")
        out.append(text)
    return out


def _exit_status() -> list[str]:
    return [
        ".SH EXIT STATUS",
        ".TP",
        "0",
        roff("Success."),
        ".TP",
        "1",
        roff("The API answered with an error (its status is shown)."),
        ".TP",
        "2",
        roff("Bad usage or input; nothing was sent."),
        ".TP",
        "3",
        roff("The API could not be reached, or did not answer in time (after the retries)."),
    ]


def _security(api: API) -> list[tuple[str, str, str, str]]:
    """(flag, client option, environment variable, help) of each credential: names, never values."""
    return [
        (
            s.cli_flag,
            s.option,
            s.env_var,
            escape.clean(s.description or "") or "The API credential.",
        )
        for s in api.security_schemes
    ]
