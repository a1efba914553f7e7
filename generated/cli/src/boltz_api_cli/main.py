# File generated from an OpenAPI document by openapi-forge. Do not edit by hand.
"""The `boltz-api` command: `boltz-api <resource> <operation> [flags]`.

Only click is imported to start; each resource's module, and the transport
that sends requests, load when a command needs them.
"""

from __future__ import annotations

import os
import sys

from ._commands import RootGroup

#: Resource group -> (module under ``commands``, one-line summary).
GROUPS = {
    "admin:api-keys": ("admin_api_keys", "API keys authenticate requests to the Boltz API."),
}

cli = RootGroup(
    GROUPS,
    __package__ or "boltz_api_cli",
    help="Command-line tool for the Boltz API.\n\nThe Boltz API: compute for biomolecular structure prediction and design. This document describes the admin API-keys surface.\n\nCommands are `boltz-api <resource> <operation> [flags]`; run `boltz-api <resource> --help` for a resource's operations.",
)


def main(argv: list[str] | None = None) -> None:
    """Run the command line; exit 0 on success, 1 when the API answered with an error,
    2 on bad usage or input (nothing sent), 3 when the API could not be reached in time."""
    if "_BOLTZ_API_COMPLETE" in os.environ:
        from . import _completion  # noqa: F401 - registers the colon-safe bash completion
    try:
        cli.main(args=argv, prog_name="boltz-api")
    except Exception as exc:  # click reports its own errors; anything else is a bug
        text = str(exc).strip().splitlines()
        detail = f": {text[0]}" if text else ""
        sys.stderr.write(f"Error: unexpected {type(exc).__name__}{detail}\n")
        sys.exit(1)
