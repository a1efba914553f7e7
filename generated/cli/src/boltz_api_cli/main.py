# File generated from an OpenAPI document by openapi-forge. Do not edit by hand.
"""The `boltz-api` command: global options and lazily loaded resource groups."""

from __future__ import annotations

import importlib
from typing import Any, List, Optional

import click

from . import __version__

#: group name -> module under .commands
GROUPS = {
    "admin:api-keys": ("admin_api_keys", "API keys authenticate requests to the Boltz API"),
}


class LazyGroup(click.Group):
    """Imports a resource's commands only when that resource is invoked."""

    def list_commands(self, ctx: click.Context) -> List[str]:
        return sorted(GROUPS)

    def get_command(self, ctx: click.Context, cmd_name: str) -> Optional[click.Command]:
        entry = GROUPS.get(cmd_name)
        if entry is None:
            return None
        module = importlib.import_module(f".commands.{entry[0]}", __package__)
        command: click.Command = module.group
        return command


@click.group(cls=LazyGroup, context_settings={"help_option_names": ["-h", "--help"]})
@click.option("--api-key", envvar="BOLTZ_API_KEY", show_envvar=True, help="Credential for the API.")
@click.option("--base-url", envvar="BOLTZ_BASE_URL", show_envvar=True, help="Base URL of the API.")
@click.option(
    "--format",
    "output_format",
    type=click.Choice(["auto", "json", "jsonl", "pretty", "raw", "yaml"]),
    default="auto",
    show_default=True,
    help="Output format.",
)
@click.option(
    "--debug", is_flag=True, help="Print the request and response on stderr (credentials redacted)."
)
@click.version_option(__version__, prog_name="boltz-api")
@click.pass_context
def cli(ctx: click.Context, **options: Any) -> None:
    """Command-line tool for the Boltz API."""
    ctx.ensure_object(dict)
    ctx.obj.update(options)


def main() -> None:
    cli(prog_name="boltz-api")
