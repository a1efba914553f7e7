"""Docs target: time to render every Markdown and HTML page, and the size of the site.

Measured in-process on the model (load and validation excluded, they belong to
the generation suite) for the default spec and for a synthetic API of 150
resources and 600 operations written to bench/.work.
"""

from __future__ import annotations

import statistics
import time
from pathlib import Path
from typing import Any

import yaml

from generator.errors import Diagnostics
from generator.pipeline import Inputs, load_api
from generator.targets.docs import render_docs

RUNS = 5


def _synthetic(path: Path, resources: int) -> Path:
    paths: dict[str, Any] = {}
    schemas: dict[str, Any] = {}
    for i in range(resources):
        name = f"thing{i}s"
        schemas[f"Thing{i}"] = {
            "type": "object",
            "required": ["id", "name"],
            "properties": {
                "id": {"type": "string", "description": "Id"},
                "name": {"type": "string", "maxLength": 50},
                "created_at": {"type": "string", "format": "date-time"},
                "tags": {"type": "array", "items": {"type": "string"}},
                "owner": {
                    "type": "object",
                    "properties": {"id": {"type": "string"}, "email": {"type": "string"}},
                },
                "status": {"type": "string", "enum": ["a", "b", "c"]},
            },
        }
        ref = {"$ref": f"#/components/schemas/Thing{i}"}
        ok = {"200": {"description": "ok", "content": {"application/json": {"schema": ref}}}}
        listed = {"type": "array", "items": ref}
        paths[f"/{name}"] = {
            "get": {
                "operationId": f"list{name}",
                "tags": [name],
                "summary": "List",
                "parameters": [{"name": "limit", "in": "query", "schema": {"type": "integer"}}],
                "responses": {
                    "200": {
                        "description": "ok",
                        "content": {"application/json": {"schema": listed}},
                    }
                },
            },
            "post": {
                "operationId": f"create{name}",
                "tags": [name],
                "summary": "Create",
                "requestBody": {
                    "required": True,
                    "content": {
                        "application/json": {
                            "schema": {
                                "type": "object",
                                "required": ["name"],
                                "properties": {"name": {"type": "string"}},
                            }
                        }
                    },
                },
                "responses": ok,
            },
        }
        paths[f"/{name}/{{id}}"] = {
            "parameters": [
                {"name": "id", "in": "path", "required": True, "schema": {"type": "string"}}
            ],
            "get": {"operationId": f"get{name}", "tags": [name], "summary": "Get", "responses": ok},
            "delete": {
                "operationId": f"delete{name}",
                "tags": [name],
                "summary": "Delete",
                "responses": {"204": {"description": "gone"}},
            },
        }
    spec = {
        "openapi": "3.0.3",
        "info": {"title": "Big", "version": "1"},
        "servers": [{"url": "https://big.example.com"}],
        "paths": paths,
        "components": {"schemas": schemas},
    }
    path.write_text(yaml.safe_dump(spec), encoding="utf-8")
    return path


def _measure(spec: Path, config: Path | None) -> tuple[int, int, float, float]:
    api = load_api(Inputs(spec, config, validate=False), Diagnostics())
    times = []
    files: dict[str, str] = {}
    for _ in range(RUNS):
        start = time.perf_counter()
        files = render_docs(api)
        times.append(time.perf_counter() - start)
    size = sum(len(text.encode()) for text in files.values())
    return len(api.all_operations()), len(files), statistics.median(times), size / 1e6


def run(ctx: Any) -> str:
    big = _synthetic(ctx.work / "docs_bench_openapi.yaml", 150)
    rows = [
        (
            "default (spec/openapi.yaml)",
            *_measure(ctx.root / "spec/openapi.yaml", ctx.root / "spec/generator.yaml"),
        ),
        ("synthetic, 150 resources", *_measure(big, None)),
    ]
    lines = [
        "## docs",
        "",
        f"`render_docs(api)` (Markdown + HTML, model already built), median of {RUNS} runs, "
        "in-process; command: `python bench/run.py docs`.",
        "",
        "| spec | operations | files | time | per operation | output |",
        "|---|---|---|---|---|---|",
    ]
    for label, ops, count, seconds, megabytes in rows:
        lines.append(
            f"| {label} | {ops} | {count} | {seconds * 1000:.0f} ms | "
            f"{seconds * 1000 / ops:.2f} ms | {megabytes:.2f} MB |"
        )
    return "\n".join(lines)
