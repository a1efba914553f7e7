# File generated from an OpenAPI document by openapi-forge. Do not edit by hand.

__title__ = "boltz_api"
__version__ = "1.0.0"
