# File generated from an OpenAPI document by openapi-forge. Do not edit by hand.
from .main import main

main()
