# File generated from an OpenAPI document by openapi-forge. Do not edit by hand.
"""Command-line tool for the Boltz API (`boltz-api`)."""

__version__ = "1.0.0"
