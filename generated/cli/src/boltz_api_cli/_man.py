# File generated from an OpenAPI document by openapi-forge. Do not edit by hand.
"""The hidden ``boltz-api __man [RESOURCE [OPERATION]]`` command: prints a man page.

The pages are roff, written when the CLI was generated and shipped in the
package (``man/``); ``man/index.json`` maps each command to its file.
"""

from __future__ import annotations

import json
from pathlib import Path

import click

PROG = "boltz-api"


def _folder(package: str) -> Path:
    import importlib

    module = importlib.import_module(package)
    return Path(module.__file__ or ".").parent / "man"


def man_command(package: str) -> click.Command:
    """The command object (hidden: it is not listed in ``--help``)."""

    def run(words: tuple[str, ...], list_pages: bool) -> None:
        folder = _folder(package)
        index: dict[str, str] = json.loads((folder / "index.json").read_text(encoding="utf-8"))
        if list_pages:
            for command in index:
                click.echo(f"{PROG} {command}".rstrip())
            return
        key = " ".join(words)
        if key not in index:
            raise click.UsageError(f"No man page for {key!r}; '{PROG} __man --list' lists them.")
        click.echo((folder / index[key]).read_text(encoding="utf-8"), nl=False)

    return click.Command(
        "__man",
        callback=run,
        hidden=True,
        help="Print the man page (roff) of a command: __man RESOURCE OPERATION | man -l -",
        params=[
            click.Argument(["words"], nargs=-1),
            click.Option(
                ["--list", "list_pages"], is_flag=True, help="List the commands that have a page."
            ),
        ],
    )
