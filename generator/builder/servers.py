"""Servers and the clients' default base URL."""

from __future__ import annotations

import re
from typing import Any

from ..model import Server, ServerVariable
from ..refs import Position
from .common import BuilderBase, text_of


class ServersMixin(BuilderBase):
    """Servers and the clients' default base URL."""

    def _servers(self) -> tuple[Server, ...]:
        return self._servers_at(self.data.get("servers"), self.root.child("servers"))

    def _servers_at(self, raw: Any, list_at: Position) -> tuple[Server, ...]:
        out = []
        if raw is not None and not isinstance(raw, list):
            self._warn(list_at, "servers must be a list; ignored")
        for i, server in enumerate(raw if isinstance(raw, list) else []):
            at = list_at.child(i)
            if not isinstance(server, dict) or not isinstance(server.get("url"), str):
                self._warn(at, "server without a url; skipped")
                continue
            variables = []
            for name, var in self._mapping(server.get("variables"), at.child("variables")).items():
                if not isinstance(var, dict) or "default" not in var:
                    self._warn(at.child("variables", name), "server variable without a default")
                    continue
                enum: list[Any] = var["enum"] if isinstance(var.get("enum"), list) else []
                variables.append(
                    ServerVariable(
                        str(name),
                        str(var["default"]),
                        tuple(str(e) for e in enum),
                        text_of(var.get("description")),
                    )
                )
            out.append(Server(server["url"], text_of(server.get("description")), tuple(variables)))
        return tuple(out)

    def _base_url(self, servers: tuple[Server, ...]) -> str:
        if self.config.environments:
            return self.config.environments[0][1]
        if not servers:
            self._warn(self.root, "no servers; the clients default to http://localhost")
            return "http://localhost"
        server = servers[0]
        url = server.url
        for var in server.variables:
            url = url.replace("{" + var.name + "}", var.default)
        if not re.match(r"^https?://", url):
            self._warn(
                self.root.child("servers", 0),
                f"server url {url!r} is relative; the clients default to http://localhost{url}",
            )
            url = "http://localhost" + ("" if url.startswith("/") else "/") + url.lstrip("./")
        return url.rstrip("/")
