# File generated from an OpenAPI document by openapi-forge. Do not edit by hand.
"""The API's operations as tools: read from ``_tools.json``, selected by the start-up filters."""

from __future__ import annotations

import fnmatch
import json
from collections.abc import Sequence
from importlib import resources
from typing import Any

#: Dynamic mode's three tools; ``auto`` picks it above this many tools.
DYNAMIC_TOOLS = ("list_api_endpoints", "get_api_endpoint_schema", "invoke_api_endpoint")


class Tool:
    """One operation as a tool: its MCP description and how its arguments go on the wire."""

    __slots__ = ("data", "name", "method", "path", "resource", "tags", "annotations")

    def __init__(self, data: dict[str, Any]) -> None:
        self.data = data
        self.name: str = data["name"]
        self.method: str = data["method"]
        self.path: str = data["path"]
        self.resource: str = data["resource"]
        self.tags: list[str] = data["tags"]
        self.annotations: dict[str, bool] = data["annotations"]

    @property
    def read_only(self) -> bool:
        return self.annotations["readOnlyHint"]

    @property
    def title(self) -> str | None:
        title: str | None = self.data["title"]
        return title

    @property
    def description(self) -> str:
        text: str = self.data["description"]
        return text

    @property
    def input_schema(self) -> dict[str, Any]:
        schema: dict[str, Any] = self.data["inputSchema"]
        return schema

    def summary(self) -> dict[str, Any]:
        """The short form dynamic mode lists."""
        return {
            "endpoint": self.name,
            "method": self.method,
            "path": self.path,
            "resource": self.resource,
            "summary": self.title or self.description.split("\n\n")[0],
        }

    def matches(self, words: Sequence[str]) -> bool:
        """Whether every word of a search appears in the name, path, resource, tags or text."""
        haystack = " ".join(
            [self.name, self.path, self.resource, *self.tags, self.title or "", self.description]
        ).lower()
        return all(word in haystack for word in words)


class Catalog:
    """Every tool of the API, in the order of the API description."""

    def __init__(self, data: dict[str, Any]) -> None:
        self.api: dict[str, Any] = data["api"]
        self.tools = [Tool(t) for t in data["tools"]]
        self.by_name = {t.name: t for t in self.tools}

    @classmethod
    def load(cls) -> Catalog:
        text = resources.files(__package__).joinpath("_tools.json").read_text(encoding="utf-8")
        return cls(json.loads(text))

    @property
    def threshold(self) -> int:
        threshold: int = self.api["threshold"]
        return threshold

    def select(
        self,
        *,
        tools: Sequence[str] = (),
        resources: Sequence[str] = (),
        operations: Sequence[str] = (),
        tags: Sequence[str] = (),
    ) -> list[Tool]:
        """The tools every given filter lets through (a filter given more than once
        lets through what any of its values does); unknown tool names raise ``KeyError``."""
        unknown = [name for name in tools if name not in self.by_name]
        if unknown:
            raise KeyError(unknown[0])
        wanted_tags = {t.lower() for t in tags}
        out = []
        for tool in self.tools:
            if tools and tool.name not in tools:
                continue
            if resources and not any(_resource_matches(tool.resource, p) for p in resources):
                continue
            if operations and ("read" if tool.read_only else "write") not in operations:
                continue
            if wanted_tags and not wanted_tags & {t.lower() for t in tool.tags}:
                continue
            out.append(tool)
        return out


def _resource_matches(resource: str, pattern: str) -> bool:
    # `admin.*` also matches `admin` itself, the way a user reading it expects.
    if fnmatch.fnmatchcase(resource, pattern):
        return True
    return pattern.endswith(".*") and resource == pattern[:-2]


def search(tools: Sequence[Tool], text: str | None) -> list[Tool]:
    """The tools matching every word of ``text`` (all of them when it is empty)."""
    words = (text or "").lower().split()
    return [t for t in tools if t.matches(words)]
