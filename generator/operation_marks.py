"""Operation facts the model builder does not record yet: ``tags`` and ``x-destructive``.

The MCP target filters tools by tag and marks tools destructive; both come
from the operation object itself. Kept out of :mod:`generator.build` on
purpose (that module is being split up): this step runs after the build,
finds each operation's node again through its :class:`~generator.model.Source`
and returns the model with :attr:`Operation.tags` and
:attr:`Operation.destructive` filled in. When the builder sets them itself,
this module can go.
"""

from __future__ import annotations

import dataclasses
from typing import Any

from .model import API, Operation, Resource
from .refs import Position, Resolver, _node_at


def mark_operations(api: API, resolver: Resolver) -> API:
    """``api`` with every operation's tags and destructive flag read from its node."""
    docs = {doc.display: doc for doc in resolver.documents()}
    changed = False

    def operation(op: Operation) -> Operation:
        nonlocal changed
        node = _operation_node(op, docs)
        if not isinstance(node, dict):
            return op
        raw_tags = node.get("tags")
        tags = tuple(
            t for t in (raw_tags if isinstance(raw_tags, list) else []) if isinstance(t, str)
        )
        destructive = node.get("x-destructive") is True
        if tags == op.tags and destructive == op.destructive:
            return op
        changed = True
        return dataclasses.replace(op, tags=tags, destructive=destructive)

    def resource(res: Resource) -> Resource:
        return dataclasses.replace(
            res,
            operations=tuple(operation(op) for op in res.operations),
            subresources=tuple(resource(sub) for sub in res.subresources),
        )

    resources = tuple(resource(r) for r in api.resources)
    if not changed:
        return api
    return dataclasses.replace(api, resources=resources, _by_id={})


def _operation_node(op: Operation, docs: dict[str, Any]) -> Any:
    if op.source is None or op.source.file not in docs:
        return None
    return _node_at(Position(docs[op.source.file], op.source.pointer))
