# File generated from an OpenAPI document by openapi-forge. Do not edit by hand.
"""Commands of `boltz-api admin:api-keys`."""

from __future__ import annotations

from typing import Any

import click

from .._runtime import invoke, string_rules


@click.group(
    name="admin:api-keys",
    help="API keys authenticate requests to the Boltz API. There are two key types: admin keys have full access to all management and compute operations across the organization, while workspace keys are scoped to a single workspace and can only perform compute operations (predictions, protein design, small molecule design) within that workspace. Keys can be created in live or test mode. Test keys (prefixed `sk_bc_*_test_`) create test-mode resources with synthetic data and no GPU cost. Every resource includes a `livemode` field indicating its mode.",
)
def group() -> None:
    pass


@group.command(
    name="create", help="Create a workspace API key", short_help="Create a workspace API key"
)
@click.option(
    "--name",
    "name",
    type=str,
    required=True,
    callback=string_rules(min_length=1, max_length=255),
    metavar="TEXT",
    help="API key name  [minLength 1, maxLength 255]",
)
@click.option(
    "--allowed-ip",
    "allowed_ips",
    type=str,
    multiple=True,
    metavar="TEXT",
    help="IP addresses allowed to use this key (IPv4 or IPv6). An empty array (the default) means all IPs are allowed.",
)
@click.option(
    "--expires-in-days",
    "expires_in_days",
    type=click.IntRange(min=1, max=365),
    metavar="INTEGER",
    help="Days until the key expires. Omit for a key that does not expire.  [minimum 1, maximum 365]",
)
@click.option(
    "--mode",
    "mode",
    type=click.Choice(["live", "test"]),
    help="Key mode. Test keys create test-mode resources with synthetic data.",
)
@click.option(
    "--workspace-id",
    "workspace_id",
    type=str,
    metavar="TEXT",
    help="Workspace ID to scope this key to. Omit for default workspace.",
)
@click.pass_context
def cmd_create(ctx: click.Context, **values: Any) -> None:
    invoke(
        ctx,
        method="post",
        path="/compute/v1/admin/api-keys",
        params=[
            ("name", "name", "name", "body", "str"),
            ("allowed-ip", "allowed_ips", "allowed_ips", "body", "str"),
            ("expires-in-days", "expires_in_days", "expires_in_days", "body", "int"),
            ("mode", "mode", "mode", "body", "str"),
            ("workspace-id", "workspace_id", "workspace_id", "body", "str"),
        ],
        values=values,
    )


@group.command(
    name="list",
    help="List the organization's API keys, newest first. Results are cursor-paginated: pass `after_id` (or `before_id`) from a previous page to fetch the next one.",
    short_help="List API keys",
)
@click.option(
    "--after-id",
    "after_id",
    type=str,
    metavar="TEXT",
    help="Return results after this ID",
)
@click.option(
    "--before-id",
    "before_id",
    type=str,
    metavar="TEXT",
    help="Return results before this ID",
)
@click.option(
    "--limit",
    "limit",
    type=int,
    metavar="INTEGER",
    help="Max items to return",
)
@click.option(
    "--workspace-id",
    "workspace_id",
    type=str,
    metavar="TEXT",
    help="Filter by workspace ID. If not provided, returns keys across all workspaces.",
)
@click.pass_context
def cmd_list(ctx: click.Context, **values: Any) -> None:
    invoke(
        ctx,
        method="get",
        path="/compute/v1/admin/api-keys",
        params=[
            ("after-id", "after_id", "after_id", "query", "str"),
            ("before-id", "before_id", "before_id", "query", "str"),
            ("limit", "limit", "limit", "query", "int"),
            ("workspace-id", "workspace_id", "workspace_id", "query", "str"),
        ],
        values=values,
        page_class="CursorPage",
    )


@group.command(
    name="revoke",
    help="Revoke an API key. A revoked key stops authenticating requests at once; revoking cannot be undone.",
    short_help="Revoke an API key",
)
@click.argument("api_key_id__pos", required=False, metavar="API_KEY_ID")
@click.option(
    "--api-key-id",
    "api_key_id",
    type=str,
    metavar="TEXT",
    help="ID of the API key to revoke",
)
@click.pass_context
def cmd_revoke(ctx: click.Context, **values: Any) -> None:
    invoke(
        ctx,
        method="post",
        path="/compute/v1/admin/api-keys/{api_key_id}/revoke",
        params=[
            ("api-key-id", "api_key_id", "api_key_id", "path", "str"),
        ],
        values=values,
    )
