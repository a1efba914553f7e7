"""Docs target: time to render every Markdown and HTML page, and the size of the site.

Measured in-process on the model (load and validation excluded, they belong to
the generation suite) for the default spec, for a synthetic API of 150
resources and 600 operations written to bench/.work, and for GitHub's REST
description (fetched like the generation suite's, with ``npm pack``).
"""

from __future__ import annotations

import statistics
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml
from generation_bench import ensure_octokit

from generator.errors import Diagnostics
from generator.pipeline import Inputs, load_api
from generator.targets.docs import LANGS, render_docs

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


#: The same figures before the site had a page per language (main at 4645f87: one
#: language, no highlighting, search or shared assets), measured on this machine with
#: this suite's code of then (`python bench/run.py docs`) and, for GitHub's description,
#: with `render_docs` timed in-process as below.
BEFORE = {
    "default (spec/openapi.yaml)": "3 ops, 8 files, 1 ms wall, 0.04 MB",
    "synthetic, 150 resources": "600 ops, 1,202 files, 92 ms wall, 4.81 MB",
    "GitHub REST (octokit 23.0.2)": "1,223 ops, 2,928 files, 0.83 s CPU, 26.7 MB "
    "(19.8 MB HTML, 7.1 MB Markdown); no search index",
}


@dataclass
class Figures:
    ops: int
    files: int
    wall: float
    cpu: float
    megabytes: float
    #: Megabytes of each language's HTML and Markdown pages, by language.
    languages: dict[str, float]
    search_index: float


def _measure(spec: Path, config: Path | None) -> Figures:
    api = load_api(Inputs(spec, config, validate=False), Diagnostics())
    walls, cpus = [], []
    files: dict[str, str] = {}
    for _ in range(RUNS):
        start, cpu = time.perf_counter(), time.process_time()
        files = render_docs(api)
        walls.append(time.perf_counter() - start)
        cpus.append(time.process_time() - cpu)
    sizes = {path: len(text.encode()) for path, text in files.items()}
    languages = {
        lang.key: sum(
            n for path, n in sizes.items() if path.startswith((f"{lang.key}/", f"html/{lang.key}/"))
        )
        / 1e6
        for lang in LANGS
    }
    return Figures(
        len(api.all_operations()),
        len(files),
        statistics.median(walls),
        statistics.median(cpus),
        sum(sizes.values()) / 1e6,
        languages,
        sizes.get("html/_static/search-index.js", 0) / 1e6,
    )


def run(ctx: Any) -> str:
    big = _synthetic(ctx.work / "docs_bench_openapi.yaml", 150)
    rows = [
        (
            "default (spec/openapi.yaml)",
            _measure(ctx.root / "spec/openapi.yaml", ctx.root / "spec/generator.yaml"),
        ),
        ("synthetic, 150 resources", _measure(big, None)),
        ("GitHub REST (octokit 23.0.2)", _measure(ensure_octokit(ctx.work), None)),
    ]
    lines = [
        "## docs",
        "",
        f"`render_docs(api)` (Markdown + HTML in three languages, model already built), median "
        f"of {RUNS} runs, in-process, wall and CPU time (the machine is shared: CPU time is the "
        "steadier figure); command: `python bench/run.py docs`. Per language: that language's "
        "HTML and Markdown pages; the rest is the home page, llms.txt, llms-full.txt, the "
        "shared script and stylesheet, and the search index.",
        "",
        "| spec | operations | files | time | CPU | per operation | output | CLI | Python "
        "| HTTP | search index |",
        "|---|---|---|---|---|---|---|---|---|---|---|",
    ]
    for label, f in rows:
        per_lang = " | ".join(f"{f.languages[lang.key]:.2f} MB" for lang in LANGS)
        lines.append(
            f"| {label} | {f.ops} | {f.files} | {f.wall * 1000:.0f} ms | {f.cpu * 1000:.0f} ms | "
            f"{f.cpu * 1000 / f.ops:.2f} ms | {f.megabytes:.2f} MB | {per_lang} | "
            f"{f.search_index:.2f} MB |"
        )
    lines += ["", "Before the per-language site (one language, main at 4645f87):", ""]
    lines += [f"- {label}: {text}" for label, text in BEFORE.items()]
    return "\n".join(lines)
