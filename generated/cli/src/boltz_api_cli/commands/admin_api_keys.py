# File generated from an OpenAPI document by openapi-forge. Do not edit by hand.
"""The operations of `boltz-api admin:api-keys`, as data (see `.._spec`)."""

from __future__ import annotations

from .._spec import Operation, Param

NAME = "admin:api-keys"
HELP = "API keys authenticate requests to the Boltz API. There are two key types: admin keys have full access to all management and compute operations across the organization, while workspace keys are scoped to a single workspace and can only perform compute operations (predictions, protein design, small molecule design) within that workspace. Keys can be created in live or test mode. Test keys (prefixed `sk_bc_*_test_`) create test-mode resources with synthetic data and no GPU cost. Every resource includes a `livemode` field indicating its mode."

OPERATIONS = (
    Operation(
        "create",
        "POST",
        "/compute/v1/admin/api-keys",
        help="Create a workspace API key",
        short_help="Create a workspace API key",
        params=(
            Param(
                "name",
                "name",
                "body",
                "string",
                required=True,
                metavar="TEXT",
                help="API key name  [required; minLength 1; maxLength 255]",
                schema={"type": "string", "minLength": 1, "maxLength": 255},
            ),
            Param(
                "allowed-ip",
                "allowed_ips",
                "body",
                "string",
                multiple=True,
                metavar="TEXT",
                help="IP addresses allowed to use this key (IPv4 or IPv6). An empty array (the default) means all IPs are allowed.  [repeatable; default: []]",
                schema={"type": "array", "items": {"type": "string"}},
            ),
            Param(
                "expires-in-days",
                "expires_in_days",
                "body",
                "integer",
                metavar="INTEGER",
                help="Days until the key expires. Omit for a key that does not expire.  [minimum 1; maximum 365]",
                schema={"type": "integer", "minimum": 1, "maximum": 365},
            ),
            Param(
                "mode",
                "mode",
                "body",
                "enum",
                help="Key mode. Test keys create test-mode resources with synthetic data.",
                schema={"enum": ["live", "test"]},
            ),
            Param(
                "workspace-id",
                "workspace_id",
                "body",
                "string",
                metavar="TEXT",
                help="Workspace ID to scope this key to. Omit for default workspace.",
                schema={"type": "string"},
            ),
        ),
        body={
            "encoding": "json",
            "content_type": "application/json",
            "whole": False,
            "required": True,
        },
        security=("api_key",),
    ),
    Operation(
        "list",
        "GET",
        "/compute/v1/admin/api-keys",
        help="List the organization's API keys, newest first. Results are cursor-paginated: pass `after_id` (or `before_id`) from a previous page to fetch the next one.",
        short_help="List API keys",
        params=(
            Param(
                "after-id",
                "after_id",
                "query",
                "string",
                metavar="TEXT",
                help="Return results after this ID",
                schema={"type": "string"},
            ),
            Param(
                "before-id",
                "before_id",
                "query",
                "string",
                metavar="TEXT",
                help="Return results before this ID",
                schema={"type": "string"},
            ),
            Param(
                "limit",
                "limit",
                "query",
                "integer",
                metavar="INTEGER",
                help="Max items to return",
                schema={"type": "integer"},
            ),
            Param(
                "workspace-id",
                "workspace_id",
                "query",
                "string",
                metavar="TEXT",
                help="Filter by workspace ID. If not provided, returns keys across all workspaces.",
                schema={"type": "string"},
            ),
        ),
        page="CursorPage",
        paging={
            "style": "cursor_id",
            "items": "data",
            "has_more": "has_more",
            "next_param": "after_id",
            "next_field": "last_id",
            "prev_param": "before_id",
            "prev_field": "first_id",
        },
        security=("api_key",),
    ),
    Operation(
        "revoke",
        "POST",
        "/compute/v1/admin/api-keys/{api_key_id}/revoke",
        help="Revoke an API key. A revoked key stops authenticating requests at once; revoking cannot be undone.",
        short_help="Revoke an API key",
        params=(
            Param(
                "api-key-id",
                "api_key_id",
                "path",
                "string",
                required=True,
                positional=True,
                metavar="TEXT",
                help="ID of the API key to revoke  [required; or give it as the API_KEY_ID argument]",
                schema={"type": "string"},
                arg="API_KEY_ID",
            ),
        ),
        security=("api_key",),
    ),
)
