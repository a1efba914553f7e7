"""A config cut down to what the loader on ``main`` accepted before issue 13's config work.

Only for measuring the surface before that work lands (``measure --strip``):
unknown top-level keys dropped, camelCase names snake-cased, bare model names
written as ``$ref``s, method forms reduced to ``endpoint``/``paginated``,
credential options whose scheme only the config declares dropped. The corpus
test never uses it: it loads every config as found.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from typing import Any

from .corpus import stainless_snake

_KNOWN = (
    "organization",
    "targets",
    "client_settings",
    "environments",
    "pagination",
    "resources",
    "settings",
    "readme",
)
_IDENT = re.compile(r"^[A-Za-z_][A-Za-z0-9_]*$")


def strip_config(config: Mapping[str, Any], spec: Mapping[str, Any]) -> dict[str, Any]:
    out: dict[str, Any] = {k: config[k] for k in _KNOWN if k in config}
    out["resources"] = _resources(config.get("resources") or {})
    targets = config.get("targets") or {}
    out["targets"] = {
        name: {k: v for k, v in (body or {}).items() if k in ("project_name", "package_name")}
        for name, body in targets.items()
        if name in ("python", "cli")
    }
    schemes = set((spec.get("components") or {}).get("securitySchemes") or {})
    opts = {}
    for name, body in ((config.get("client_settings") or {}).get("opts") or {}).items():
        auth = (body or {}).get("auth") if isinstance(body, Mapping) else None
        if not _IDENT.match(name) or (auth and auth.get("security_scheme") not in schemes):
            continue
        opts[name] = body
    out["client_settings"] = {"opts": opts} if opts else {}
    out["pagination"] = [
        p
        for p in config.get("pagination") or []
        if isinstance(p, Mapping)
        and p.get("type") in ("cursor_id", "cursor", "offset", "page_number")
    ]
    envs = config.get("environments") or {}
    out["environments"] = {
        k: v
        for k, v in envs.items()
        if isinstance(v, str) and v.startswith(("http://", "https://"))
    }
    return out


def _resources(tree: Mapping[str, Any]) -> dict[str, Any]:
    out: dict[str, Any] = {}
    for name, body in tree.items():
        if name.startswith("$") or not isinstance(body, Mapping):
            continue
        only, skip = body.get("only"), body.get("skip")
        if (isinstance(only, list) and "python" not in only) or (
            isinstance(skip, list) and "python" in skip
        ):
            continue
        stripped: dict[str, Any] = {}
        methods = {}
        for method, spec in (body.get("methods") or {}).items():
            if isinstance(spec, Mapping):
                if "endpoint" not in spec:
                    continue
                only, skip = spec.get("only"), spec.get("skip")
                if (isinstance(only, list) and "python" not in only) or (
                    isinstance(skip, list) and "python" in skip
                ):
                    continue
                reduced = {"endpoint": spec["endpoint"]}
                if isinstance(spec.get("paginated"), str):
                    reduced["paginated"] = spec["paginated"]
                spec = reduced
            methods[stainless_snake(method)] = spec
        if methods:
            stripped["methods"] = methods
        models = {
            stainless_snake(k): v if v.startswith("#/") else f"#/components/schemas/{v}"
            for k, v in (body.get("models") or {}).items()
            if isinstance(v, str)
        }
        if models:
            stripped["models"] = models
        subs = _resources(body.get("subresources") or {})
        if subs:
            stripped["subresources"] = subs
        out[stainless_snake(name)] = stripped
    return out
