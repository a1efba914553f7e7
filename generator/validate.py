"""Check a loaded document against the OpenAPI specification.

Three layers: :func:`check_version` refuses what is not OpenAPI 3.x at all;
:func:`check_structure` checks the document against the official OpenAPI
JSON Schema (the one openapi-spec-validator ships) with the compiled
jsonschema-rs, in milliseconds even on GitHub's 13 MB description; and
:func:`validate_document` runs openapi-spec-validator itself, which adds its
semantic rules (defaults and examples against their schemas, schemas
against their dialect's meta-schema...) but takes about a minute on that
same document. ``generate`` and ``check`` run the fast layer (the model
builder warns about the semantic problems it meets itself); ``validate``
runs the full one. Findings are :class:`~generator.errors.Diagnostic`
values with file, line and JSON pointer; whether they stop a run is the
caller's choice: ``validate`` treats them as errors, ``generate`` as
warnings unless ``--strict``.
"""

from __future__ import annotations

import importlib.util
import json
import re
from collections.abc import Iterator
from functools import cache
from pathlib import Path
from typing import Any
from urllib.parse import unquote, urlparse

from .errors import Diagnostic, SpecError, join_pointer
from .loader import Document, json_key
from .refs import Position, Resolver

#: Stop after this many findings; a broken document can produce thousands.
MAX_FINDINGS = 200
#: Documents that expand past this many nodes through YAML aliases (and to
#: several times their own size) are not given to the validator.
MAX_VALIDATED_EXPANSION = 200_000


def check_version(doc: Document) -> str:
    """Return ``"3.0"``, ``"3.1"`` or ``"3.2"``; raise :class:`SpecError` otherwise."""
    data = doc.data
    if not isinstance(data, dict):
        raise SpecError(
            "not an OpenAPI document: the top level must be a mapping with an 'openapi' key",
            file=doc.display,
            line=1,
        )
    if "swagger" in data and "openapi" not in data:
        raise SpecError(
            f"this is a Swagger {data.get('swagger')} document; only OpenAPI 3.x is supported. "
            "Convert it first, e.g. with swagger2openapi "
            "(npx swagger2openapi in.yaml -o out.yaml) or editor.swagger.io (Edit > Convert).",
            file=doc.display,
            pointer="/swagger",
            line=doc.line_of("/swagger"),
        )
    version = data.get("openapi")
    if version is None:
        raise SpecError(
            "not an OpenAPI document: no 'openapi' version key at the top level",
            file=doc.display,
            line=1,
        )
    match = re.match(r"^3\.([0-2])(\.\d+)?(-.*)?$", str(version))
    if match is None:
        raise SpecError(
            f"unsupported OpenAPI version {version!r}; expected 3.0.x, 3.1.x or 3.2.x",
            file=doc.display,
            pointer="/openapi",
            line=doc.line_of("/openapi"),
        )
    return f"3.{match.group(1)}"


def check_refs(doc: Document, resolver: Resolver) -> None:
    """Refuse unsafe or dangling ``$ref`` values before anything follows them."""
    for ref, at in resolver.ref_index(doc).refs_under(Position(doc, "")):
        resolver.lookup(ref, at.child("$ref"))


def _too_expanded(doc: Document) -> Diagnostic | None:
    """A finding for a document that YAML aliases multiply many times over:
    validators walk the expanded tree, and would take minutes (or the
    memory of every copy) on what the generator reads in seconds."""
    if doc.alias_expansion is not None:
        expanded, distinct = doc.alias_expansion
        if expanded > MAX_VALIDATED_EXPANSION and expanded > 4 * distinct:
            return Diagnostic(
                f"YAML aliases expand this document to {expanded:,} nodes from {distinct:,}; "
                "skipped validation against the OpenAPI schema (it would walk every copy)",
                doc.display,
            )
    return None


@cache
def _schema_validator(version: str) -> Any:
    """The compiled validator of the official JSON Schema of OpenAPI ``version``."""
    import jsonschema_rs

    # Located without importing openapi_spec_validator, which is slow to import.
    found = importlib.util.find_spec("openapi_spec_validator")
    if found is None or not found.submodule_search_locations:
        raise RuntimeError("openapi-spec-validator is not installed")
    folder = Path(next(iter(found.submodule_search_locations)))
    schema = json.loads(
        (folder / "resources" / "schemas" / f"v{version}" / "schema.json").read_text()
    )
    return jsonschema_rs.validator_for(schema)


def check_structure(doc: Document, version: str) -> list[Diagnostic]:
    """Everything the official OpenAPI JSON Schema finds wrong with the
    document's structure, at most :data:`MAX_FINDINGS`."""
    skipped = _too_expanded(doc)
    if skipped is not None:
        return [skipped]
    findings: list[Diagnostic] = []
    try:
        data = doc.data if doc.is_json else _json_keys(doc.data)  # JSON keys are strings
        for error in _schema_validator(version).iter_errors(data):
            findings.append(_located(doc, list(error.instance_path), error.message))
            if len(findings) >= MAX_FINDINGS:
                break
    except Exception as exc:  # the validator's own failures become findings too
        findings.append(Diagnostic(f"validator could not finish: {exc}", doc.display))
    return findings


def validate_document(doc: Document, version: str) -> list[Diagnostic]:
    """Everything openapi-spec-validator finds, at most :data:`MAX_FINDINGS`.

    A document that YAML aliases multiply many times over is not validated
    (see :func:`_too_expanded`); that is reported as a finding.
    """
    skipped = _too_expanded(doc)
    if skipped is not None:
        return [skipped]
    # Imported here: it is slow to import and `generate` may not need it.
    from openapi_spec_validator import (
        OpenAPIV30SpecValidator,
        OpenAPIV31SpecValidator,
        OpenAPIV32SpecValidator,
    )

    base = {
        "3.0": OpenAPIV30SpecValidator,
        "3.1": OpenAPIV31SpecValidator,
        "3.2": OpenAPIV32SpecValidator,
    }[version]
    base_dir = doc.path.parent.resolve()

    def open_local(uri: str) -> Any:
        # Only files in the spec's folder; check_refs has vetted every $ref already.
        path = unquote(urlparse(uri).path)
        from pathlib import Path

        target = Path(path).resolve()
        if not target.is_relative_to(base_dir):
            raise ValueError(f"refusing to read {uri}")
        from .loader import load_file

        return load_file(target).data

    schema_keyword = _located_schema_checks(base.keyword_validators["schema"])
    validator_cls = type(
        "SafeValidator",
        (base,),
        {
            "resolver_handlers": {"file": open_local},
            "keyword_validators": {**base.keyword_validators, "schema": schema_keyword},
        },
    )
    findings: list[Diagnostic] = []
    try:
        validator = validator_cls(_json_keys(doc.data), base_uri=doc.path.resolve().as_uri())
        for error in validator.iter_errors():
            findings.append(_diagnostic(doc, error))
            if len(findings) >= MAX_FINDINGS:
                break
    except RecursionError:
        findings.append(Diagnostic("too deeply nested for the validator", doc.display))
    except Exception as exc:  # the validator's own failures become findings too
        findings.append(Diagnostic(f"validator could not finish: {exc}", doc.display))
    return findings


def _json_keys(data: Any) -> Any:
    """``data`` with every mapping key a string, as in the document's JSON form.

    YAML reads ``200:`` as an integer key, which the validator cannot walk
    (the generator warns about it itself). Unchanged data is returned as is;
    shared (aliased) nodes stay shared.
    """
    memo: dict[int, Any] = {}

    def needs(node: Any) -> bool:
        stack, seen = [node], set()
        while stack:
            current = stack.pop()
            if id(current) in seen:
                continue
            seen.add(id(current))
            if isinstance(current, dict):
                if any(not isinstance(k, str) for k in current):
                    return True
                stack.extend(v for v in current.values() if isinstance(v, (dict, list)))
            elif isinstance(current, list):
                stack.extend(v for v in current if isinstance(v, (dict, list)))
        return False

    def convert(node: Any) -> Any:
        if not isinstance(node, (dict, list)):
            return node
        done = memo.get(id(node))
        if done is not None:
            return done
        if isinstance(node, dict):
            out: Any = {}
            memo[id(node)] = out
            for key, value in node.items():
                out[json_key(key)] = convert(value)
        else:
            out = []
            memo[id(node)] = out
            out.extend(convert(v) for v in node)
        return out

    return convert(data) if needs(data) else data


def _located_schema_checks(base: Any) -> Any:
    """The validator's schema checker, made to say where each schema is.

    It checks every schema against the JSON Schema meta-schema on its own, so
    its findings carry paths relative to that schema (``#/pattern``); this
    records the schema's own path on each finding. A schema the checker
    itself cannot handle (a pattern Python's ``re`` rejects) becomes one
    finding instead of ending validation.
    """
    from openapi_spec_validator.validation.exceptions import OpenAPIValidationError

    class LocatedSchemaValidator(base):  # type: ignore[misc]
        def _validate_schema_meta(self, schema: Any, schema_value: Any) -> Any:
            error = super()._validate_schema_meta(schema, schema_value)
            if error is not None:
                error.forge_prefix = tuple(schema.parts)
            return error

        def __call__(self, schema: Any, *args: Any, **kwargs: Any) -> Iterator[Any]:
            try:
                for error in super().__call__(schema, *args, **kwargs):
                    if not isinstance(error, OpenAPIValidationError):
                        error = OpenAPIValidationError.create_from(error)
                    if getattr(error, "forge_prefix", None) is None:
                        error.forge_prefix = tuple(schema.parts)
                    yield error
            except Exception as exc:  # the checker's own failure, e.g. re.error
                error = OpenAPIValidationError(f"schema could not be checked: {exc}")
                error.forge_prefix = tuple(schema.parts)
                yield error

    return LocatedSchemaValidator


def _diagnostic(doc: Document, error: Any) -> Diagnostic:
    path = list(getattr(error, "absolute_path", None) or getattr(error, "path", None) or [])
    prefix = getattr(error, "forge_prefix", None)
    if prefix is not None:
        path = list(prefix) + path
    return _located(doc, path, str(getattr(error, "message", error)))


def _located(doc: Document, path: list[Any], message: str) -> Diagnostic:
    pointer = join_pointer("", *path) if path else ""
    message = message.splitlines()[0] if message.strip() else "invalid"
    if len(message) > 300:
        message = message[:297] + "..."
    return Diagnostic(message, doc.display, pointer, doc.line_of(pointer) if pointer else None)
