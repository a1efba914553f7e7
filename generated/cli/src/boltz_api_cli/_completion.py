# File generated from an OpenAPI document by openapi-forge. Do not edit by hand.
"""Shell completion for bash, zsh and fish (click's machinery).

Resource names contain a colon (``admin:api-keys``), which bash treats as a
word break, so click's stock bash script would see ``admin`` ``:``
``api-keys``. The bash script here sends the command line itself instead, and
strips from each candidate the part bash already considers typed.

Enable with ``eval "$(boltz-api --show-completion bash)"`` (or zsh, or
``boltz-api --show-completion fish | source``).
"""

from __future__ import annotations

import os
from typing import Any

import click
from click.shell_completion import (
    BashComplete,
    add_completion_class,
    get_completion_class,
    split_arg_string,
)

COMPLETE_VAR = "_BOLTZ_API_COMPLETE"

_SOURCE_BASH = """\
%(complete_func)s() {
    local IFS=$'\\n'
    local response
    response=$(env COMP_LINE="$COMP_LINE" COMP_POINT="$COMP_POINT" \
COMP_WORDBREAKS="$COMP_WORDBREAKS" %(complete_var)s=bash_complete $1)
    for completion in $response; do
        IFS=',' read type value <<< "$completion"
        if [[ $type == 'dir' ]]; then
            COMPREPLY=()
            compopt -o dirnames
        elif [[ $type == 'file' ]]; then
            COMPREPLY=()
            compopt -o default
        elif [[ $type == 'plain' ]]; then
            COMPREPLY+=("$value")
        fi
    done
    return 0
}

complete -o nosort -F %(complete_func)s %(prog_name)s
"""


class ColonSafeBashComplete(BashComplete):
    """Bash completion that reads COMP_LINE, so ``admin:api-keys`` stays one word."""

    name = "bash"
    source_template = _SOURCE_BASH

    def source(self) -> str:
        # The stock class checks the bash version with a subprocess; this script needs none.
        return self.source_template % self.source_vars()

    def get_completion_args(self) -> tuple[list[str], str]:
        line = os.environ.get("COMP_LINE", "")
        point = int(os.environ.get("COMP_POINT", len(line)))
        line = line[:point]
        try:
            words = split_arg_string(line)
        except ValueError:
            words = line.split()
        if line and not line[-1].isspace() and words:
            incomplete = words.pop()
        else:
            incomplete = ""
        self._typed = incomplete
        return words[1:], incomplete

    def format_completion(self, item: Any) -> str:
        value = str(item.value)
        breaks = os.environ.get("COMP_WORDBREAKS", ":")
        typed = getattr(self, "_typed", "")
        cut = max((typed.rfind(ch) for ch in breaks if ch not in " \t\n\"'"), default=-1)
        if cut >= 0 and value.startswith(typed[: cut + 1]):
            value = value[cut + 1 :]
        return f"{item.type},{value}"


add_completion_class(ColonSafeBashComplete)


def source(cli: click.Command, shell: str) -> str:
    """The completion script for ``shell``."""
    cls = get_completion_class(shell)
    if cls is None:
        raise click.UsageError(f"No completion for {shell!r}; use bash, zsh or fish.")
    script = cls(cli, {}, "boltz-api", COMPLETE_VAR)
    return script.source()
