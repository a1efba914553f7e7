"""``openapi.transforms``: edits a config makes to the document before anything reads it.

Each transform names its targets with a JSONPath (:mod:`generator.jsonpath`)
and is applied in order to the loaded document, before validation, so every
later stage sees the document as the config team meant it. Supported:

- ``remove``: delete each target; with ``keys``, delete those keys of each target.
- ``update``: replace each target with ``value`` (``template: true``: ``{{value}}``
  in a string value stands for the current text).
- ``merge``: deep-merge the mapping ``value`` into each target.
- ``append``: add ``value`` to each target list (a list extends it), or its keys
  to each target mapping.
- ``rename``: with ``from`` and ``to``, rename that key of each target; with
  ``to`` only, rename each target's own key, and when it is a component, every
  ``$ref`` to it too.
- ``extractToRefs``: move each target into ``#/components/schemas/<ref>``
  (``ref``, or the target's ``title``) and leave a ``$ref`` in its place.

``copy`` and ``move`` are accepted by the config but not applied (a warning).
A transform that matches nothing is a warning; each applied one is reported
as a note. A target that cannot be edited the way asked is a ConfigError.
"""

from __future__ import annotations

import copy
import re
from dataclasses import dataclass
from typing import Any

from .config import TransformConfig
from .errors import ConfigError, Diagnostic, escape_pointer_token
from .jsonpath import JSONPathError, Tokens, select


@dataclass(frozen=True)
class TransformReport:
    #: One line per transform applied: what it did and where.
    notes: tuple[Diagnostic, ...]
    warnings: tuple[Diagnostic, ...]


def apply_transforms(
    data: Any, transforms: tuple[TransformConfig, ...], config_file: str
) -> TransformReport:
    """Apply ``transforms`` to ``data`` (the document's root, edited in place)."""
    notes: list[Diagnostic] = []
    warnings: list[Diagnostic] = []
    for t in transforms:

        def at(message: str, t: TransformConfig = t) -> Diagnostic:
            return Diagnostic(message, config_file, t.pointer, t.line)

        def fail(message: str, t: TransformConfig = t) -> ConfigError:
            return ConfigError(
                f"transform {t.command}: {message}",
                file=config_file,
                pointer=t.pointer,
                line=t.line,
            )

        target = t.args.get("target")
        if isinstance(target, list) and any(isinstance(item, dict) for item in target):
            # Targets chosen by schema shape (matches_schema), not by path.
            warnings.append(at(f"transform {t.command}: schema-matching targets are not supported"))
            target = [item for item in target if not isinstance(item, dict)]
            if not target:
                continue
        try:
            targets = _targets(data, target, fail)
        except JSONPathError as exc:
            raise fail(str(exc)) from None
        if t.command in ("copy", "move"):
            warnings.append(at(f"transform {t.command!r} is not supported; skipped"))
            continue
        if not targets:
            warnings.append(at(f"transform {t.command}: the target matches nothing; skipped"))
            continue
        count = _COMMANDS[t.command](data, targets, t.args, fail)
        reason = f" ({t.reason})" if t.reason else ""
        shown = ", ".join(_pointer(tokens) for tokens in targets[:3])
        more = f" and {len(targets) - 3} more" if len(targets) > 3 else ""
        notes.append(at(f"transform {t.command}{reason}: {count} change(s) at {shown}{more}"))
    return TransformReport(tuple(notes), tuple(warnings))


def _pointer(tokens: Tokens) -> str:
    return "#" + "".join("/" + escape_pointer_token(t) for t in tokens)


def _targets(data: Any, target: Any, fail: Any) -> list[Tokens]:
    paths = target if isinstance(target, list) else [target]
    out: list[Tokens] = []
    for path in paths:
        if not isinstance(path, str):
            raise fail("args.target must be a JSONPath string or a list of them")
        for tokens in select(data, path):
            if tokens not in out:
                out.append(tokens)
    return out


def _get(data: Any, tokens: Tokens) -> Any:
    for token in tokens:
        data = data[token]
    return data


def _parent(data: Any, tokens: Tokens, fail: Any) -> tuple[Any, str | int]:
    if not tokens:
        raise fail("the document root cannot be the target")
    return _get(data, tokens[:-1]), tokens[-1]


def _remove(data: Any, targets: list[Tokens], args: Any, fail: Any) -> int:
    keys = args.get("keys")
    count = 0
    if keys is not None:
        if not isinstance(keys, list):
            raise fail("args.keys must be a list of keys")
        for tokens in targets:
            node = _get(data, tokens)
            if isinstance(node, dict):
                for key in keys:
                    if key in node:
                        del node[key]
                        count += 1
        return count
    # Deepest and last first, so earlier list indices stay valid.
    for tokens in sorted(targets, key=_order, reverse=True):
        parent, key = _parent(data, tokens, fail)
        del parent[key]
        count += 1
    return count


def _order(tokens: Tokens) -> tuple[tuple[int, int, str], ...]:
    """A sort key in document order: list indices compare as numbers."""
    return tuple((0, t, "") if isinstance(t, int) else (1, 0, t) for t in tokens)


def _update(data: Any, targets: list[Tokens], args: Any, fail: Any) -> int:
    if "value" not in args:
        raise fail("args.value is required")
    value = args["value"]
    template = bool(args.get("template"))
    for tokens in targets:
        new = copy.deepcopy(value)
        if template:
            current = _get(data, tokens)
            if not isinstance(current, str) or not isinstance(value, str):
                raise fail(f"template: true needs a string at {_pointer(tokens)}")
            new = value.replace("{{value}}", current)
        if not tokens:
            raise fail("the document root cannot be replaced")
        parent, key = _parent(data, tokens, fail)
        parent[key] = new
    return len(targets)


def _deep_merge(into: dict[str, Any], value: dict[str, Any]) -> None:
    for key, item in value.items():
        if isinstance(item, dict) and isinstance(into.get(key), dict):
            _deep_merge(into[key], item)
        else:
            into[key] = copy.deepcopy(item)


def _merge(data: Any, targets: list[Tokens], args: Any, fail: Any) -> int:
    value = args.get("value")
    if not isinstance(value, dict):
        raise fail("args.value must be a mapping to merge")
    for tokens in targets:
        node = _get(data, tokens)
        if not isinstance(node, dict):
            raise fail(f"{_pointer(tokens)} is not a mapping")
        _deep_merge(node, value)
    return len(targets)


def _append(data: Any, targets: list[Tokens], args: Any, fail: Any) -> int:
    if "value" not in args:
        raise fail("args.value is required")
    value = args["value"]
    for tokens in targets:
        node = _get(data, tokens)
        if isinstance(node, list):
            node.extend(copy.deepcopy(value) if isinstance(value, list) else [copy.deepcopy(value)])
        elif isinstance(node, dict) and isinstance(value, dict):
            for key, item in value.items():
                if key in node:
                    raise fail(f"{_pointer(tokens)} already has {key!r}")
                node[key] = copy.deepcopy(item)
        else:
            raise fail(f"{_pointer(tokens)} is neither a list nor a mapping to append to")
    return len(targets)


def _rename(data: Any, targets: list[Tokens], args: Any, fail: Any) -> int:
    to = args.get("to")
    if not isinstance(to, str) or not to:
        raise fail("args.to must be the new name")
    source = args.get("from")
    count = 0
    if source is not None:
        for tokens in targets:
            node = _get(data, tokens)
            if isinstance(node, dict) and source in node:
                _rename_key(node, str(source), to, tokens, fail)
                count += 1
        return count
    for tokens in targets:
        parent, key = _parent(data, tokens, fail)
        if not isinstance(parent, dict) or not isinstance(key, str):
            raise fail(f"{_pointer(tokens)} is not a named member")
        _rename_key(parent, key, to, tokens[:-1], fail)
        count += 1
        if len(tokens) == 3 and tokens[0] == "components":
            old, new = _pointer(tokens), _pointer(tokens[:-1] + (to,))
            count += _rewrite_refs(data, old, new)
    return count


def _rename_key(node: dict[str, Any], key: str, to: str, at: Tokens, fail: Any) -> None:
    if to in node and to != key:
        raise fail(f"{_pointer(at)} already has {to!r}")
    # Rebuilt so the renamed key keeps its place (the order is the SDK's order).
    items = [(to if k == key else k, v) for k, v in node.items()]
    node.clear()
    node.update(items)


def _rewrite_refs(node: Any, old: str, new: str) -> int:
    count = 0
    stack = [node]
    while stack:
        item = stack.pop()
        if isinstance(item, dict):
            ref = item.get("$ref")
            if isinstance(ref, str) and (ref == old or ref.startswith(old + "/")):
                item["$ref"] = new + ref[len(old) :]
                count += 1
            stack.extend(item.values())
        elif isinstance(item, list):
            stack.extend(item)
    return count


_NAME = re.compile(r"^[A-Za-z0-9._-]+$")


def _extract(data: Any, targets: list[Tokens], args: Any, fail: Any) -> int:
    ref = args.get("ref", args.get("name"))
    components = data.setdefault("components", {})
    if not isinstance(components, dict):
        raise fail("components is not a mapping")
    schemas = components.setdefault("schemas", {})
    count = 0
    for tokens in targets:
        node = _get(data, tokens)
        if not isinstance(node, dict):
            raise fail(f"{_pointer(tokens)} is not a schema")
        if "$ref" in node:
            continue
        name = ref if isinstance(ref, str) else node.get("title")
        if isinstance(name, str) and name.startswith("#/components/schemas/"):
            name = name[len("#/components/schemas/") :]
        if not isinstance(name, str) or not _NAME.match(name):
            raise fail(
                f"args.ref (or the target's title) must name the schema at {_pointer(tokens)}"
            )
        if name in schemas and schemas[name] != node:
            raise fail(f"#/components/schemas/{name} already exists and differs")
        schemas[name] = node
        parent, key = _parent(data, tokens, fail)
        parent[key] = {"$ref": "#/components/schemas/" + name}
        count += 1
    return count


_COMMANDS = {
    "remove": _remove,
    "update": _update,
    "merge": _merge,
    "append": _append,
    "rename": _rename,
    "extractToRefs": _extract,
}
