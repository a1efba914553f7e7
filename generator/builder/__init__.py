"""Build the intermediate model (:class:`~generator.model.API`) from a document and a config.

This is the only stage that reads the raw document after loading. It decides
every name (through :mod:`generator.naming`), assigns operations to
resources, flattens JSON bodies into arguments, picks the success response
and wires pagination, and records a warning for anything it cannot express.
"""

from .api import build_api

__all__ = ["build_api"]
