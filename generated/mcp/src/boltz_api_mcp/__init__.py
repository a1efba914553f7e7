# File generated from an OpenAPI document by openapi-forge. Do not edit by hand.
"""Model Context Protocol server for the Boltz API.

Run ``boltz-api-mcp`` (or ``python -m boltz_api_mcp``); ``--help`` lists the options.
"""

__version__ = "1.0.0"
