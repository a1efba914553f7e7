# File generated from an OpenAPI document by openapi-forge. Do not edit by hand.
"""The schemas of the named types flags refer to (``{"ref": id}``), as JSON text.

Read through :data:`._spec.SCHEMAS`, which parses each the first time a
command needs it.
"""

SCHEMAS: dict[str, str] = {}
