# File generated from an OpenAPI document by openapi-forge. Do not edit by hand.
"""``python -m boltz_api_mcp``: the same as the ``boltz-api-mcp`` command."""

from .server import main

if __name__ == "__main__":
    main()
