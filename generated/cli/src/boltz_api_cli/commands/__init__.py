# File generated from an OpenAPI document by openapi-forge. Do not edit by hand.
"""One module per resource, describing its operations; imported only when that resource is used."""
