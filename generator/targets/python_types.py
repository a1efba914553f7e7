"""Spell model type expressions as Python annotations, tracking the imports they need.

Shared by the SDK and CLI targets. One :class:`Annotator` serves one
generated module: it knows where that module lives, so it can import the
models it mentions with relative imports, and it collects the ``typing``
names used so the module imports exactly those.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from .. import naming
from ..model import (
    API,
    ArrayType,
    EnumType,
    MapType,
    Model,
    Primitive,
    TypeExpr,
    UnionType,
)

_PRIMITIVES = {
    "string": "str",
    "integer": "int",
    "number": "float",
    "boolean": "bool",
    "null": "None",
    "any": "object",
}
_STRING_FORMATS_RESPONSE = {"date-time": "datetime", "date": "date"}
_STRING_FORMATS_REQUEST = {
    "date-time": "Union[str, datetime]",
    "date": "Union[str, date]",
    "binary": "FileTypes",
}


def relative_import(from_module: tuple[str, ...], to_module: tuple[str, ...]) -> str:
    """The relative module spec to import ``to_module`` from inside ``from_module``.

    Both are paths under the package root, module name last:
    ``("types", "admin", "a")`` importing ``("_models",)`` gives ``..._models``.
    """
    package = from_module[:-1]
    common = 0
    while (
        common < len(package)
        and common < len(to_module) - 1
        and package[common] == to_module[common]
    ):
        common += 1
    dots = "." * (len(package) - common + 1)
    return dots + ".".join(to_module[common:])


@dataclass
class Annotator:
    api: API
    #: This module's path under the package root, e.g. ``("types", "admin", "api_key_create_params")``.
    module: tuple[str, ...]
    #: module spec -> names imported from it
    imports: dict[str, set[str]] = field(default_factory=dict)
    #: Model ids imported from other modules (they must be imported last; see ``model_imports``).
    foreign_models: set[str] = field(default_factory=set)

    def need(self, module: str, name: str) -> None:
        self.imports.setdefault(module, set()).add(name)

    def runtime(self, *path: str) -> str:
        """Relative spec of a runtime module (``_models``...) from this module."""
        return relative_import(self.module, path)

    #: Model id -> how this module spells it: its class name, or an alias when
    #: two models of one name (in two resources' packages) meet in this module.
    spelled: dict[str, str] = field(default_factory=dict)
    #: Spelling -> model id, for the names this module already uses.
    _owners: dict[str, str] = field(default_factory=dict)
    _locals_known: bool = False

    def model_name(self, model: Model) -> str:
        known = self.spelled.get(model.id)
        if known is not None:
            return known
        target = ("types",) + model.module
        name = model.class_name
        if target != self.module:
            self.foreign_models.add(model.id)
            if not self._locals_known and self.module[:1] == ("types",):
                # Classes this module defines keep their names.
                self._locals_known = True
                for local in self.api.models_in(self.module[1:]):
                    self._owners.setdefault(local.class_name, local.id)
            owner = self._owners.get(name)
            if owner is not None and owner != model.id:
                base = naming.pascal_words(naming.words("_".join(model.module[:-1]))) or "Types"
                name, n = base + model.class_name, 2
                while name in self._owners:
                    name, n = f"{base}{model.class_name}{n}", n + 1
        self.spelled[model.id] = name
        self._owners.setdefault(name, model.id)
        return name

    def import_name(self, model: Model) -> str:
        """What ``from <module> import ...`` lists for ``model``: ``Name`` or ``Name as Alias``."""
        name = self.model_name(model)
        return name if name == model.class_name else f"{model.class_name} as {name}"

    def model_imports(self) -> list[tuple[str, str]]:
        """``(module spec, class name)`` for models defined elsewhere, sorted."""
        out = []
        for model_id in self.foreign_models:
            model = self.api.model(model_id)
            out.append(
                (relative_import(self.module, ("types",) + model.module), self.import_name(model))
            )
        return sorted(out)

    def typing_imports(self) -> list[tuple[str, str]]:
        return sorted(
            ((m, ", ".join(sorted(names))) for m, names in self.imports.items()),
            key=lambda item: (item[0].startswith("."), item[0]),
        )

    # --- annotations -------------------------------------------------------

    def response(self, expr: TypeExpr) -> str:
        """Annotation of a value parsed from a response."""
        return self._optional(self._response(expr), _nullable(expr))

    def request(self, expr: TypeExpr) -> str:
        """Annotation of a value the caller passes in."""
        return self._optional(self._request(expr), _nullable(expr))

    def _optional(self, text: str, nullable: bool) -> str:
        if not nullable or text in ("object", "None") or text.startswith("Optional["):
            return text
        self.need("typing", "Optional")
        return f"Optional[{text}]"

    def _response(self, expr: TypeExpr) -> str:
        if isinstance(expr, Primitive):
            if expr.kind == "string" and expr.format in _STRING_FORMATS_RESPONSE:
                name = _STRING_FORMATS_RESPONSE[expr.format]
                self.need("datetime", name)
                return name
            return _PRIMITIVES[expr.kind]
        if isinstance(expr, EnumType):
            return self._literal(expr)
        if isinstance(expr, ArrayType):
            self.need("typing", "List")
            return f"List[{self.response(expr.items)}]"
        if isinstance(expr, MapType):
            self.need("typing", "Dict")
            return f"Dict[str, {self.response(expr.values)}]"
        if isinstance(expr, UnionType):
            return self._union([self.response(v) for v in expr.variants])
        return self.model_name(self.api.model(expr.model_id))

    def _request(self, expr: TypeExpr) -> str:
        if isinstance(expr, Primitive):
            if expr.kind == "string" and expr.format in _STRING_FORMATS_REQUEST:
                text = _STRING_FORMATS_REQUEST[expr.format]
                if text == "FileTypes":
                    self.need(self.runtime("_types"), "FileTypes")
                else:
                    self.need("typing", "Union")
                    self.need("datetime", expr.format == "date" and "date" or "datetime")
                return text
            if expr.kind == "number":
                return "float"
            return _PRIMITIVES[expr.kind]
        if isinstance(expr, EnumType):
            return self._literal(expr)
        if isinstance(expr, ArrayType):
            self.need(self.runtime("_types"), "SequenceNotStr")
            return f"SequenceNotStr[{self.request(expr.items)}]"
        if isinstance(expr, MapType):
            self.need("typing", "Dict")
            return f"Dict[str, {self.request(expr.values)}]"
        if isinstance(expr, UnionType):
            return self._union([self.request(v) for v in expr.variants])
        model = self.api.model(expr.model_id)
        if model.kind == "object" and model.role == "response":
            # A response model used as input (rare): accept its dict form.
            self.need("typing", "Dict")
            return "Dict[str, object]"
        return self.model_name(model)

    def _literal(self, expr: EnumType) -> str:
        # Literal[] cannot hold floats; they widen to float beside the rest.
        literal = [v for v in expr.values if not isinstance(v, float)]
        parts = []
        if literal:
            self.need("typing_extensions", "Literal")
            parts.append("Literal[" + ", ".join(_literal_value(v) for v in literal) + "]")
        if len(literal) < len(expr.values):
            parts.append("float")
        return self._union(parts)

    def _union(self, parts: list[str]) -> str:
        unique = list(dict.fromkeys(parts))
        if len(unique) == 1:
            return unique[0]
        if "object" in unique:
            return "object"
        self.need("typing", "Union")
        return "Union[" + ", ".join(unique) + "]"


def _literal_value(value: object) -> str:
    if isinstance(value, bool):
        return "True" if value else "False"
    from ..escape import py_number, py_string

    if isinstance(value, str):
        return py_string(value)
    if isinstance(value, (int, float)):
        return py_number(value)
    return repr(value)


def _nullable(expr: TypeExpr) -> bool:
    return bool(getattr(expr, "nullable", False))
