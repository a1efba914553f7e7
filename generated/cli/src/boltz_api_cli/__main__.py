# File generated from an OpenAPI document by openapi-forge. Do not edit by hand.
"""`python -m boltz_api_cli` runs `boltz-api`."""

from .main import main

main()
