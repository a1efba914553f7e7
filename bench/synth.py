"""Synthetic OpenAPI documents of a chosen size, to show how generation cost grows.

``python bench/synth.py 1000 out.json`` writes a 3.1 document with 1,000
operations: resources of five operations each (list, create, retrieve,
update, delete) over models with nested objects, enums, arrays, nullable
fields and shared components. Deterministic: the same size gives the same
bytes.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Any

WORDS = (
    "account", "invoice", "project", "widget", "order", "shipment", "ticket", "report", "device",
    "policy", "member", "channel", "dataset", "pipeline", "job", "asset", "review", "session",
)  # fmt: skip


def resource_name(i: int) -> str:
    return f"{WORDS[i % len(WORDS)]}{i // len(WORDS) or ''}"


def model(name: str, i: int) -> dict[str, Any]:
    return {
        "type": "object",
        "required": ["id", "name", "status", "created_at"],
        "properties": {
            "id": {"type": "string", "description": f"Unique identifier of the {name}."},
            "name": {"type": "string", "minLength": 1, "maxLength": 200},
            "status": {"type": "string", "enum": ["active", "archived", "deleted"]},
            "created_at": {"type": "string", "format": "date-time"},
            "updated_at": {"type": ["string", "null"], "format": "date-time"},
            "tags": {"type": "array", "items": {"type": "string"}},
            "count": {"type": "integer", "minimum": 0},
            "score": {"type": "number"},
            "owner": {"$ref": "#/components/schemas/Owner"},
            "settings": {
                "type": "object",
                "properties": {
                    "visibility": {"type": "string", "enum": ["public", "private"]},
                    "limits": {
                        "type": "object",
                        "properties": {
                            "daily": {"type": "integer"},
                            "monthly": {"type": "integer"},
                        },
                    },
                },
            },
            "metadata": {"type": "object", "additionalProperties": {"type": "string"}},
            f"extra_{i % 7}": {"type": "boolean"},
        },
    }


def document(operations: int) -> dict[str, Any]:
    paths: dict[str, Any] = {}
    schemas: dict[str, Any] = {
        "Owner": {
            "type": "object",
            "required": ["id"],
            "properties": {
                "id": {"type": "string"},
                "email": {"type": "string", "format": "email"},
            },
        },
        "Error": {
            "type": "object",
            "properties": {"code": {"type": "string"}, "message": {"type": "string"}},
        },
    }
    resources = (operations + 4) // 5
    made = 0
    for r in range(resources):
        name = resource_name(r)
        title = name.capitalize()
        schemas[title] = model(name, r)
        schemas[f"{title}Input"] = {
            "type": "object",
            "required": ["name"],
            "properties": {
                k: v
                for k, v in model(name, r)["properties"].items()
                if k not in ("id", "created_at")
            },
        }
        ref = {"$ref": f"#/components/schemas/{title}"}
        ok = {"description": "OK", "content": {"application/json": {"schema": ref}}}
        err = {
            "description": "Error",
            "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Error"}}},
        }
        body = {
            "required": True,
            "content": {
                "application/json": {"schema": {"$ref": f"#/components/schemas/{title}Input"}}
            },
        }
        item_param = [
            {"name": f"{name}_id", "in": "path", "required": True, "schema": {"type": "string"}}
        ]
        ops = {
            f"/v1/{name}s": {
                "get": {
                    "operationId": f"list{title}s", "tags": [f"{name}s"], "summary": f"List {name}s",
                    "parameters": [
                        {"name": "limit", "in": "query", "schema": {"type": "integer", "minimum": 1, "maximum": 100}},
                        {"name": "status", "in": "query", "schema": {"type": "array", "items": {"type": "string"}}},
                    ],
                    "responses": {"200": {"description": "OK", "content": {"application/json": {"schema": {
                        "type": "object", "properties": {"data": {"type": "array", "items": ref}, "has_more": {"type": "boolean"}},
                    }}}}, "default": err},
                },
                "post": {"operationId": f"create{title}", "tags": [f"{name}s"], "summary": f"Create a {name}",
                         "requestBody": body, "responses": {"201": ok, "default": err}},
            },
            f"/v1/{name}s/{{{name}_id}}": {
                "parameters": item_param,
                "get": {"operationId": f"get{title}", "tags": [f"{name}s"], "summary": f"Get a {name}",
                        "responses": {"200": ok, "404": err}},
                "patch": {"operationId": f"update{title}", "tags": [f"{name}s"], "summary": f"Update a {name}",
                          "requestBody": body, "responses": {"200": ok, "default": err}},
                "delete": {"operationId": f"delete{title}", "tags": [f"{name}s"], "summary": f"Delete a {name}",
                           "responses": {"204": {"description": "Deleted"}}},
            },
        }  # fmt: skip
        for path, item in ops.items():
            kept = {}
            for key, op in item.items():
                if key == "parameters" or made < operations:
                    kept[key] = op
                    made += key != "parameters"
            if any(k != "parameters" for k in kept):
                paths[path] = kept
    return {
        "openapi": "3.1.0",
        "info": {"title": f"Synthetic {operations}", "version": "1.0.0"},
        "servers": [{"url": "https://api.example.com"}],
        "security": [{"key": []}],
        "paths": paths,
        "components": {
            "securitySchemes": {"key": {"type": "apiKey", "in": "header", "name": "x-api-key"}},
            "schemas": schemas,
        },
    }


def main(argv: list[str]) -> int:
    if len(argv) != 2 or not argv[0].isdigit():
        print("usage: python bench/synth.py OPERATIONS OUT.json", file=sys.stderr)
        return 2
    Path(argv[1]).write_text(json.dumps(document(int(argv[0])), indent=1))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
