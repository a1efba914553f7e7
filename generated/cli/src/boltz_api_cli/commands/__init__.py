# File generated from an OpenAPI document by openapi-forge. Do not edit by hand.
"""One module per resource; loaded only when its commands are used."""
