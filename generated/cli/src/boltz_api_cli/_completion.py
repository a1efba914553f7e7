# File generated from an OpenAPI document by openapi-forge. Do not edit by hand.
"""Shell completion for bash, zsh, fish and PowerShell (click's machinery).

Resource names contain a colon (``admin:api-keys``), which bash treats as a
word break, so click's stock bash script would see ``admin`` ``:``
``api-keys``. The bash script here sends the command line itself instead, and
strips from each candidate the part bash already considers typed. Bash puts a
candidate on the line as it is, so each is shell-quoted first (``two\\ words``,
not two words).

Click's fish script cuts values at a comma; :class:`CommaSafeFishComplete`
replaces it.

Click has no PowerShell support: :class:`PowerShellComplete` adds it with
the same protocol (the script sends the command line, the program answers
one ``type<TAB>value<TAB>help`` line per candidate).

Enable with ``eval "$(boltz-api --show-completion bash)"`` (or zsh, or
``boltz-api --show-completion fish | source``, or in PowerShell
``boltz-api --show-completion powershell | Out-String | Invoke-Expression``).
"""

from __future__ import annotations

import os
from typing import Any

import click
from click.shell_completion import (
    BashComplete,
    FishComplete,
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
        IFS=',' read -r type value <<< "$completion"
        if [[ $type == 'dir' ]]; then
            COMPREPLY=()
            compopt -o dirnames
        elif [[ $type == 'file' ]]; then
            COMPREPLY=()
            compopt -o default
        elif [[ $type == 'plain' ]]; then
            printf -v value '%%q' "$value"
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

# Fish: click's script splits each answer at every comma, so a value such as
# "a" comma "b" came back as "a"; only the first comma ends the type. printf, not
# echo, so a value like ``-n`` is printed rather than read as echo's option.
_SOURCE_FISH = """\
function %(complete_func)s
    set -l response (env %(complete_var)s=fish_complete COMP_WORDS=(commandline -cp) \
COMP_CWORD=(commandline -t) %(prog_name)s)
    for completion in $response
        set -l kind_value (string split --max 1 ',' -- $completion)
        switch $kind_value[1]
            case dir
                __fish_complete_directories $kind_value[2]
            case file
                __fish_complete_path $kind_value[2]
            case plain
                printf '%%s\\n' $kind_value[2]
        end
    end
end

complete --no-files --command %(prog_name)s --arguments "(%(complete_func)s)"
"""


class CommaSafeFishComplete(FishComplete):
    """Fish completion whose script keeps commas inside values."""

    name = "fish"
    source_template = _SOURCE_FISH


add_completion_class(CommaSafeFishComplete)

# PowerShell: the command line and the cursor position go in COMP_LINE and COMP_POINT.
_SOURCE_POWERSHELL = """\
Register-ArgumentCompleter -Native -CommandName '%(prog_name)s' -ScriptBlock {
    param($wordToComplete, $commandAst, $cursorPosition)
    $line = $commandAst.ToString()
    $point = $cursorPosition - $commandAst.Extent.StartOffset
    if ($point -gt $line.Length) { $line = $line + ' ' * ($point - $line.Length) }
    $saved = @($env:COMP_LINE, $env:COMP_POINT, $env:%(complete_var)s)
    $env:COMP_LINE = $line
    $env:COMP_POINT = "$point"
    $env:%(complete_var)s = 'powershell_complete'
    try {
        $answer = & '%(prog_name)s' 2>$null
    } finally {
        $env:COMP_LINE, $env:COMP_POINT, $env:%(complete_var)s = $saved
    }
    foreach ($entry in $answer) {
        $type, $value, $help = $entry -split "`t", 3
        if ($type -eq 'file' -or $type -eq 'dir') {
            Get-ChildItem -Path "$wordToComplete*" | ForEach-Object {
                $name = $_.Name
                [System.Management.Automation.CompletionResult]::new(
                    $name, $name, 'ProviderItem', $name)
            }
        } elseif ($value) {
            if (-not $help) { $help = $value }
            [System.Management.Automation.CompletionResult]::new(
                $value, $value, 'ParameterValue', $help)
        }
    }
}
"""


class PowerShellComplete(ColonSafeBashComplete):
    """PowerShell: reads COMP_LINE like the bash class; colons are no word break there."""

    name = "powershell"
    source_template = _SOURCE_POWERSHELL

    def format_completion(self, item: Any) -> str:
        help_text = " ".join(str(item.help or "").split())
        return f"{item.type}\t{item.value}\t{help_text}"


add_completion_class(PowerShellComplete)


def source(cli: click.Command, shell: str) -> str:
    """The completion script for ``shell``."""
    cls = get_completion_class(shell)
    if cls is None:
        raise click.UsageError(f"No completion for {shell!r}; use bash, zsh, fish or powershell.")
    script = cls(cli, {}, "boltz-api", COMPLETE_VAR)
    return script.source()
