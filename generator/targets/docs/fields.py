"""Field lists of every page, and which models get a shared page of their own."""

from __future__ import annotations

from collections import Counter

from ... import escape, naming
from ...model import (
    API,
    ArrayType,
    MapType,
    Model,
    ModelRef,
    Operation,
    Parameter,
    TypeExpr,
    UnionType,
)
from ..python_types import Annotator
from .views import (
    Constraint,
    FieldDoc,
    TypeDoc,
)
from .words import (
    _constraints,
    _model_description,
    _notes,
    _object_model,
    _resolve,
    _words,
)

#: Nested objects are expanded this deep; deeper ones link to their type's page.
_MAX_DEPTH = 6
#: An operation page lists at most this many entries of a shared response type's fields
#: (nested ones included); a larger type links to its own page.
INLINE_FIELDS = 40


def _cli_params(op: Operation) -> list[Parameter]:
    """The parameters the CLI takes as flags (a whole body is one ``--body`` flag)."""
    whole = op.body is not None and not op.body.flattened
    return [p for p in op.parameters if not (whole and p.location == "body")]


def _documented_types(op: Operation) -> list[TypeExpr]:
    """The types whose fields an operation's page lists: its flags' and its response's."""
    out = [p.type for p in _cli_params(op)]
    if op.body is not None and not op.body.flattened and op.body.type is not None:
        out.append(op.body.type)
    if op.response.kind in ("json", "text") and op.response.type is not None:
        out.append(op.response.type)
    return out


def _listed_models(api: API, expr: TypeExpr) -> list[Model]:
    """The object models whose fields a field of type ``expr`` lists: its own model's,
    through aliases, arrays and maps, or each object variant's of a union."""
    expr = _resolve(api, expr)
    if isinstance(expr, ArrayType):
        return _listed_models(api, expr.items)
    if isinstance(expr, MapType):
        return _listed_models(api, expr.values)
    if isinstance(expr, UnionType):
        return [m for v in expr.variants if (m := _object_model(api, v)) is not None]
    model = _object_model(api, expr)
    return [model] if model is not None else []


def _count(fields: tuple[FieldDoc, ...]) -> int:
    """Entries in a field list, at every depth."""
    return sum(1 + _count(f.children) for f in fields)


def _field_model(api: API, expr: TypeExpr) -> Model | None:
    """The object model a field of type ``expr`` is (or holds, in an array or map)."""
    expr = _resolve(api, expr)
    if isinstance(expr, ArrayType):
        return _field_model(api, expr.items)
    if isinstance(expr, MapType):
        return _field_model(api, expr.values)
    return _object_model(api, expr)


def shared_models(api: API) -> frozenset[str]:
    """Ids of the models used in more than one place of the docs (by several operations,
    or by several fields): each gets a page of its own instead of being listed at every use."""
    uses: Counter[str] = Counter()
    todo: list[Model] = []
    for _, op in api.all_operations():
        for expr in _documented_types(op):
            todo += _listed_models(api, expr)
    uses.update(m.id for m in todo)
    done: set[str] = set()
    while todo:
        model = todo.pop()
        if model.id in done:
            continue
        done.add(model.id)
        for prop in model.properties:
            used = _listed_models(api, prop.type)
            uses.update(m.id for m in used)
            todo += used
    return frozenset(model_id for model_id, n in uses.items() if n > 1)


class _Fields:
    """Builds the field lists of every page, and the shared types' pages they link to."""

    def __init__(
        self, api: API, *, python: bool = False, shared: frozenset[str] | None = None
    ) -> None:
        self.api = api
        self.shared = shared_models(api) if shared is None else shared
        #: Python's view: response fields by attribute name, types as the SDK annotates
        #: them (``SequenceNotStr[str]``); otherwise wire names and types in words.
        self.python = python
        self._ann = Annotator(api, ("docs",))
        self._py_words: dict[tuple[TypeExpr, bool], str] = {}
        #: Linked models, in the order first linked; each gets a :class:`TypeDoc`.
        self.linked: dict[str, str] = {}
        self._stems: dict[str, str] | None = None
        self._returned: dict[TypeExpr | str, tuple[tuple[str, str], tuple[FieldDoc, ...]]] = {}
        #: A model's type in words, by id.
        self._words: dict[str, str] = {}
        #: Example responses made from a schema, by response type.
        self.examples: dict[TypeExpr, str] = {}
        #: Response types' fields built for an operation page but listed on their own page.
        self._listed: dict[str, tuple[FieldDoc, ...]] = {}

    def stem(self, model: Model) -> str:
        """The path of a model's page under ``docs/``, without extension, e.g.
        ``types/simple-user``: unique, and the same whatever else links to it."""
        if self._stems is None:
            # The folder must not be a resource's; pages are named in model order.
            tops = {r.docs_dir.split("/")[0] for r in self.api.all_resources()}
            folder, n = "types", 2
            while folder in tops:
                folder, n = f"types-{n}", n + 1
            names = naming.Namer(sep="-")
            self._stems = {
                m.id: f"{folder}/{names.claim(naming.kebab(m.class_name) or 'type')}"
                for m in self.api.models
                if m.kind == "object"
            }
        return self._stems[model.id]

    def _link(self, model: Model) -> tuple[str, str]:
        stem = self.stem(model)
        self.linked.setdefault(model.id, stem)
        return stem, model.class_name

    def field(
        self,
        name: str,
        expr: TypeExpr,
        *,
        optional: bool,
        description: str | None,
        request: bool,
        extra: tuple[Constraint, ...] = (),
        depth: int = 0,
        seen: frozenset[str] = frozenset(),
    ) -> FieldDoc:
        api = self.api
        resolved = _resolve(api, expr)
        (link, link_name), children = self.listing(resolved, request, depth, seen)
        preview = ""
        if self.python:
            words = self._py_type(expr, request)
            if children and _object_model(api, resolved) is not None:
                preview = self._model_words(expr) if isinstance(expr, ModelRef) else ""
        elif isinstance(expr, ModelRef):
            words = self._model_words(expr)
        else:
            words = _words(api, expr)
        return FieldDoc(
            name=name,
            type_words=words,
            # The reference pages mark optional parameters, never optional response fields.
            optional=optional and request,
            description=description or _model_description(api, resolved),
            constraints=_constraints(api, resolved) + extra,
            children=children,
            link=link,
            link_name=link_name,
            preview=preview,
        )

    def _model_words(self, expr: ModelRef) -> str:
        words = self._words.get(expr.model_id)
        if words is None:
            words = self._words[expr.model_id] = _words(self.api, expr)
        return words

    def _py_type(self, expr: TypeExpr, request: bool) -> str:
        """The annotation the SDK gives a value of this type (shared code, never re-derived)."""
        key = (expr, request)
        text = self._py_words.get(key)
        if text is None:
            ann = self._ann
            text = self._py_words[key] = ann.request(expr) if request else ann.response(expr)
        return text

    def type_words(self, expr: TypeExpr, request: bool = False) -> str:
        """A type as this view names it: in words, or as the SDK's annotation."""
        return self._py_type(expr, request) if self.python else _words(self.api, expr)

    def listing(
        self,
        expr: TypeExpr,
        request: bool,
        depth: int = 0,
        seen: frozenset[str] = frozenset(),
    ) -> tuple[tuple[str, str], tuple[FieldDoc, ...]]:
        """What is shown of the fields of a value of type ``expr``: a link to its type's
        page (a shared model, or one too deep or recursive to list here), or the fields."""
        target = _field_model(self.api, expr)
        if (
            target is not None
            and target.properties
            and (target.id in self.shared or target.id in seen or depth >= _MAX_DEPTH)
        ):
            return self._link(target), ()
        return ("", ""), self.children(expr, depth, seen, request=request)

    def returned(self, expr: TypeExpr) -> tuple[tuple[str, str], tuple[FieldDoc, ...]]:
        """What an operation page shows of its response type's fields: all of them, unless
        the type has a page of its own (it is used elsewhere too) and they are more than
        :data:`INLINE_FIELDS` entries, which would be repeated on every page using it."""
        target = _field_model(self.api, expr)
        # A model's fields are the same whether one or an array of them is returned.
        key: TypeExpr | str = expr if target is None else target.id
        known = self._returned.get(key)
        if known is not None:
            return known  # a shared type: the same for every operation returning it
        listed = self.children(expr, depth=0, seen=frozenset(), request=False)
        shown: tuple[tuple[str, str], tuple[FieldDoc, ...]] = (("", ""), listed)
        if target is not None and target.id in self.shared and _count(listed) > INLINE_FIELDS:
            shown = (self._link(target), ())
            self._listed[target.id] = listed  # what its page lists
        self._returned[key] = shown
        return shown

    def children(
        self, expr: TypeExpr, depth: int, seen: frozenset[str], *, request: bool
    ) -> tuple[FieldDoc, ...]:
        """The fields listed under a field: an object's properties, an array's or map's
        item properties, or one entry per object variant of a union."""
        api = self.api
        if depth >= _MAX_DEPTH:
            return ()
        expr = _resolve(api, expr)
        if isinstance(expr, (ArrayType, MapType)):
            inner_expr = expr.items if isinstance(expr, ArrayType) else expr.values
            return self.children(inner_expr, depth, seen, request=request)
        if isinstance(expr, UnionType):
            variants = []
            for variant in expr.variants:
                model = _object_model(api, variant)
                if model is not None:
                    variants.append(
                        self.field(
                            model.class_name,
                            variant,
                            optional=False,
                            description=model.description,
                            request=request,
                            depth=depth + 1,
                            seen=seen,
                        )
                    )
            return tuple(variants)
        model = _object_model(api, expr)
        if model is None or model.id in seen:
            return ()
        inner = seen | {model.id}
        return tuple(
            self.field(
                # Python reads response fields as attributes; a request's nested objects
                # are dicts keyed by the wire names.
                p.py_name if self.python and not request else p.wire_name,
                p.type,
                optional=not p.required,
                description=p.description,
                request=request,
                extra=_notes(p.default, p.deprecated),
                depth=depth + 1,
                seen=inner,
            )
            for p in model.properties
        )

    def type_docs(self, also: tuple[str, ...] = ()) -> tuple[TypeDoc, ...]:
        """The pages of every linked model (their own fields may link further models),
        and of the models ``also`` names (linked from another language's pages)."""
        for model_id in also:
            self._link(self.api.model(model_id))
        docs: dict[str, TypeDoc] = {}
        while len(docs) < len(self.linked):
            for model_id, stem in list(self.linked.items()):
                if model_id in docs:
                    continue
                model = self.api.model(model_id)
                # Request models document what is sent; their pages read like the flags'.
                request = model.role == "request"
                docs[model_id] = TypeDoc(
                    model=model,
                    name=model.class_name,
                    stem=stem,
                    href=escape.url_path(f"{stem}.html"),
                    type_words=_words(self.api, ModelRef(model_id)),
                    description=model.description,
                    fields=self._listed[model_id]
                    if not request and model_id in self._listed
                    else self.children(
                        ModelRef(model_id), depth=0, seen=frozenset(), request=request
                    ),
                )
        return tuple(sorted(docs.values(), key=lambda t: t.stem))
