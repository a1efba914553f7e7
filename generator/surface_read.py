"""Read the public surface of a Python SDK from its source, statically.

The SDK is never imported: a published package may need dependencies that
are not installed, may run code on import, and the one being compared with
may not even be installable here. Its ``.py`` files are parsed with
:mod:`ast` and the surface a user calls is followed the way the user reaches
it: from the client classes (``SyncAPIClient`` subclasses in ``_client.py``)
through their resource attributes to each method, plus the names the
``types`` package exports. The same reader serves both sides of
``openapi-forge surface``: the files this generator would write and the
files a team publishes today, so one convention is never compared with
another reader's view of it.
"""

from __future__ import annotations

import ast
import importlib.metadata
import io
import tarfile
import zipfile
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass, field
from pathlib import Path, PurePosixPath

from .errors import GeneratorError

#: Keyword arguments every generated method takes for one request; they are
#: the same for every method, so they say nothing about its call shape.
REQUEST_OPTIONS = frozenset(("extra_headers", "extra_query", "extra_body", "timeout"))
#: Base classes that mark a client and a resource class.
_SYNC_CLIENT_BASES = frozenset(("SyncAPIClient",))
_ASYNC_CLIENT_BASES = frozenset(("AsyncAPIClient",))
_SYNC_RESOURCE_BASES = frozenset(("SyncAPIResource",))
#: Methods every client class has that belong to the runtime, not to the API
#: (the API's own client-level methods, a config's ``$client``, are kept).
_CLIENT_RUNTIME = frozenset(("copy", "with_options", "close"))
#: Builtin generics spelt two ways (``List``/``list``) that mean the same.
_GENERIC_ALIASES = {"List": "list", "Dict": "dict", "Tuple": "tuple", "Set": "set", "Type": "type"}


@dataclass(frozen=True)
class Param:
    """One argument of a call: its name and whether the caller must pass it."""

    name: str
    required: bool

    def render(self) -> str:
        return self.name if self.required else f"{self.name}=..."


@dataclass(frozen=True)
class Signature:
    """What a caller writes: positional arguments in order, keyword-only ones by name."""

    positional: tuple[Param, ...]
    #: Sorted by name: the order of keyword-only arguments does not matter to a caller.
    keyword: tuple[Param, ...]
    returns: str

    def shape(self) -> tuple[tuple[Param, ...], tuple[Param, ...]]:
        return (self.positional, self.keyword)

    def render(self) -> str:
        parts = [p.render() for p in self.positional]
        if self.keyword:
            parts.append("*")
            parts.extend(p.render() for p in self.keyword)
        return "(" + ", ".join(parts) + ")"


@dataclass(frozen=True)
class Method:
    """A method a user calls, e.g. ``admin.api_keys.create``."""

    path: str
    #: One signature, or one per ``@overload`` (sorted, so comparable).
    signatures: tuple[Signature, ...]

    @property
    def shape(self) -> frozenset[tuple[tuple[Param, ...], tuple[Param, ...]]]:
        return frozenset(s.shape() for s in self.signatures)

    @property
    def returns(self) -> str:
        """The return type name; with overloads (``stream=True``) the union of theirs."""
        if len(self.signatures) == 1:
            return self.signatures[0].returns
        names = {part for s in self.signatures for part in split_union(s.returns)}
        return " | ".join(sorted(names))

    def render_shape(self) -> str:
        # Overloads that differ only in a parameter's type (``stream: Literal[True]``)
        # read the same here; each shape is shown once.
        return " / ".join(dict.fromkeys(s.render() for s in self.signatures))


@dataclass(frozen=True)
class ClientClass:
    name: str
    is_async: bool
    #: The constructor's public keyword arguments, sorted by name.
    keywords: tuple[Param, ...]


@dataclass(frozen=True)
class Surface:
    """Everything a user of one SDK package calls or imports."""

    package: str
    clients: tuple[ClientClass, ...]
    methods: tuple[Method, ...]
    #: Names the ``types`` package and its subpackages export: ``types.beta.FileUploadResponse``.
    types: tuple[str, ...]

    def method(self, path: str) -> Method | None:
        return next((m for m in self.methods if m.path == path), None)


# --- where the files come from ---------------------------------------------------


def files_from_folder(folder: Path) -> dict[str, str]:
    """Every ``.py`` file under ``folder``, keyed by its path relative to it."""
    out: dict[str, str] = {}
    for path in sorted(folder.rglob("*.py")):
        if any(part.startswith(".") or part == "__pycache__" for part in path.parts):
            continue
        out[path.relative_to(folder).as_posix()] = path.read_text(
            encoding="utf-8", errors="replace"
        )
    return out


def files_from_archive(archive: Path) -> dict[str, str]:
    """Every ``.py`` file in a wheel (zip) or an sdist (tar), keyed by its path inside it."""
    out: dict[str, str] = {}
    name = archive.name.lower()
    if name.endswith((".whl", ".zip")):
        with zipfile.ZipFile(archive) as zf:
            for info in zf.infolist():
                if info.filename.endswith(".py"):
                    out[info.filename] = zf.read(info).decode("utf-8", errors="replace")
        return out
    with tarfile.open(archive) as tf:
        for member in tf.getmembers():
            if member.isfile() and member.name.endswith(".py"):
                handle = tf.extractfile(member)
                if handle is not None:
                    out[member.name] = io.TextIOWrapper(
                        handle, encoding="utf-8", errors="replace"
                    ).read()
    return out


def files_from_distribution(name: str) -> dict[str, str]:
    """The ``.py`` files of an installed distribution, read from disk, never imported.

    An editable install lists a ``.pth`` file instead of its sources; the
    folders it names are read instead.
    """
    try:
        dist = importlib.metadata.distribution(name)
    except importlib.metadata.PackageNotFoundError:
        raise GeneratorError(
            f"--against: {name!r} is not a folder, a wheel or sdist file, nor an installed distribution"
        ) from None
    out: dict[str, str] = {}
    extra_roots: list[Path] = []
    for entry in dist.files or ():
        located = Path(str(dist.locate_file(entry)))
        if entry.suffix == ".py" and located.is_file():
            out[entry.as_posix()] = located.read_text(encoding="utf-8", errors="replace")
        elif entry.suffix == ".pth" and located.is_file():
            for line in located.read_text(encoding="utf-8").splitlines():
                line = line.strip()
                if line and not line.startswith(("#", "import ")) and Path(line).is_dir():
                    extra_roots.append(Path(line))
        if entry.name.startswith("__editable__") and entry.name.endswith("_finder.py"):
            # setuptools' strict editable installs map package names to folders
            # in a literal ``MAPPING`` dict of this generated module.
            for name, folder in _editable_mapping(located).items():
                for rel, text in files_from_folder(Path(folder)).items():
                    out.setdefault(f"{name}/{rel}", text)
    for root in extra_roots:
        for rel, text in files_from_folder(root).items():
            out.setdefault(rel, text)
    return out


def _editable_mapping(finder: Path) -> dict[str, str]:
    """The ``MAPPING`` of package names to source folders in an editable finder module."""
    try:
        tree = ast.parse(finder.read_text(encoding="utf-8"))
    except (OSError, SyntaxError):
        return {}
    for stmt in tree.body:
        target: ast.expr | None = None
        value: ast.expr | None = None
        if isinstance(stmt, ast.AnnAssign):
            target, value = stmt.target, stmt.value
        elif isinstance(stmt, ast.Assign) and len(stmt.targets) == 1:
            target, value = stmt.targets[0], stmt.value
        if isinstance(target, ast.Name) and target.id == "MAPPING" and value is not None:
            try:
                mapping = ast.literal_eval(value)
            except ValueError:
                return {}
            if isinstance(mapping, dict):
                return {str(k): str(v) for k, v in mapping.items() if Path(str(v)).is_dir()}
    return {}


def published_files(target: str) -> tuple[str, dict[str, str]]:
    """Resolve ``--against``: a folder, a wheel or sdist, or a distribution name.

    Returns a label for reports and the files.
    """
    path = Path(target)
    if path.is_dir():
        return str(path), files_from_folder(path)
    if path.is_file():
        if not path.name.lower().endswith((".whl", ".zip", ".tar.gz", ".tgz", ".tar")):
            raise GeneratorError(f"--against: {target} is a file but not a wheel or an sdist")
        return str(path), files_from_archive(path)
    files = files_from_distribution(target)
    dist = importlib.metadata.distribution(target)
    return f"{dist.metadata['Name']} {dist.version} (installed)", files


# --- modules and name resolution -------------------------------------------------


@dataclass
class _Module:
    name: str
    tree: ast.Module
    is_package: bool
    classes: dict[str, ast.ClassDef] = field(default_factory=dict)
    #: local name -> (absolute module, name in it, or None when the module itself)
    imports: dict[str, tuple[str, str | None]] = field(default_factory=dict)
    #: imports made inside functions, used only when the module level has none
    late_imports: dict[str, tuple[str, str | None]] = field(default_factory=dict)
    #: ``X = Y`` at module level (``Client = Letta``).
    aliases: dict[str, ast.expr] = field(default_factory=dict)


def _top_statements(body: Iterable[ast.stmt]) -> Iterator[ast.stmt]:
    """Module-level statements, including those under ``if``/``try`` (``if TYPE_CHECKING:``)."""
    for stmt in body:
        yield stmt
        if isinstance(stmt, ast.If):
            yield from _top_statements(stmt.body)
            yield from _top_statements(stmt.orelse)
        elif isinstance(stmt, ast.Try):
            yield from _top_statements(stmt.body)
            for handler in stmt.handlers:
                yield from _top_statements(handler.body)
            yield from _top_statements(stmt.orelse)


class _Package:
    """The modules of one package, with enough of Python's name lookup to follow imports."""

    def __init__(self, name: str, modules: dict[str, _Module]):
        self.name = name
        self.modules = modules

    def _absolute(self, module: _Module, node: ast.ImportFrom) -> str:
        if node.level == 0:
            target = node.module or ""
            if target == self.name:
                return ""
            if target.startswith(self.name + "."):
                return target[len(self.name) + 1 :]
            return "\x00" + target  # outside the package: never resolved
        parts = module.name.split(".") if module.name else []
        if not module.is_package:
            parts = parts[:-1]
        up = node.level - 1
        if up:
            parts = parts[:-up] if up <= len(parts) else []
        if node.module:
            parts += node.module.split(".")
        return ".".join(parts)

    def index(self) -> None:
        for module in self.modules.values():
            for stmt in _top_statements(module.tree.body):
                if isinstance(stmt, ast.ClassDef):
                    module.classes.setdefault(stmt.name, stmt)
                elif isinstance(stmt, ast.ImportFrom):
                    self._record(module, stmt, module.imports)
                elif (
                    isinstance(stmt, ast.Assign)
                    and len(stmt.targets) == 1
                    and isinstance(stmt.targets[0], ast.Name)
                ):
                    module.aliases[stmt.targets[0].id] = stmt.value
            for node in ast.walk(module.tree):
                if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef)):
                    for inner in ast.walk(node):
                        if isinstance(inner, ast.ImportFrom):
                            self._record(module, inner, module.late_imports)

    def _record(
        self, module: _Module, node: ast.ImportFrom, into: dict[str, tuple[str, str | None]]
    ) -> None:
        base = self._absolute(module, node)
        for alias in node.names:
            local = alias.asname or alias.name
            sub = f"{base}.{alias.name}" if base else alias.name
            if sub in self.modules:
                into.setdefault(local, (sub, None))
            else:
                into.setdefault(local, (base, alias.name))

    def resolve(self, module_name: str, expr: ast.expr, depth: int = 0) -> _Resolved | None:
        """What ``expr`` (a name or dotted name) means in a module: a class or a module."""
        if depth > 20:
            return None
        if isinstance(expr, ast.Constant) and isinstance(expr.value, str):
            try:
                expr = ast.parse(expr.value, mode="eval").body
            except SyntaxError:
                return None
        if isinstance(expr, ast.Name):
            return self._lookup(module_name, expr.id, depth)
        if isinstance(expr, ast.Attribute):
            owner = self.resolve(module_name, expr.value, depth + 1)
            if owner is None or owner.cls is not None:
                return None
            sub = f"{owner.module}.{expr.attr}" if owner.module else expr.attr
            if sub in self.modules:
                return _Resolved(sub, None)
            return self._lookup(owner.module, expr.attr, depth + 1)
        return None

    def _lookup(self, module_name: str, name: str, depth: int) -> _Resolved | None:
        module = self.modules.get(module_name)
        if module is None or depth > 20:
            return None
        if name in module.classes:
            return _Resolved(module_name, module.classes[name])
        for table in (module.imports, module.late_imports):
            if name in table:
                target, attr = table[name]
                if attr is None:
                    return _Resolved(target, None)
                return self._lookup(target, attr, depth + 1)
        if name in module.aliases:
            return self.resolve(module_name, module.aliases[name], depth + 1)
        sub = f"{module_name}.{name}" if module_name else name
        if sub in self.modules:
            return _Resolved(sub, None)
        return None

    def find_class(self, module_name: str, expr: ast.expr) -> tuple[str, ast.ClassDef] | None:
        """The class ``expr`` names, falling back to the only class of that name anywhere."""
        found = self.resolve(module_name, expr)
        if found is not None and found.cls is not None:
            return found.module, found.cls
        name = _last_name(expr)
        if name is None:
            return None
        candidates = [(m.name, m.classes[name]) for m in self.modules.values() if name in m.classes]
        return candidates[0] if len(candidates) == 1 else None


@dataclass(frozen=True)
class _Resolved:
    module: str
    cls: ast.ClassDef | None


def _last_name(expr: ast.expr) -> str | None:
    if isinstance(expr, ast.Constant) and isinstance(expr.value, str):
        return expr.value.rsplit(".", 1)[-1].strip("'\" ")
    if isinstance(expr, ast.Name):
        return expr.id
    if isinstance(expr, ast.Attribute):
        return expr.attr
    return None


def _package_root(files: Mapping[str, str]) -> str:
    """The folder (relative path) of the SDK package: the one holding ``_client.py``."""
    roots = []
    for path in files:
        pure = PurePosixPath(path)
        if pure.name == "_client.py" and str(pure.parent / "__init__.py") in files:
            roots.append(str(pure.parent))
    if not roots:
        raise GeneratorError(
            "--against: no SDK package found (a folder with __init__.py and _client.py)"
        )
    # The shallowest, then one with resources: tests and examples may hold other packages.
    roots.sort(
        key=lambda r: (r.count("/"), not any(p.startswith(r + "/resources/") for p in files), r)
    )
    return roots[0]


def _parse_package(files: Mapping[str, str]) -> _Package:
    root = _package_root(files)
    name = PurePosixPath(root).name
    modules: dict[str, _Module] = {}
    prefix = root + "/"
    for path, text in files.items():
        if not path.startswith(prefix) or not path.endswith(".py"):
            continue
        rel = PurePosixPath(path[len(prefix) :])
        is_package = rel.name == "__init__.py"
        parts = list(rel.parent.parts) if is_package else list(rel.with_suffix("").parts)
        try:
            tree = ast.parse(text, filename=path)
        except SyntaxError as exc:
            raise GeneratorError(f"{path}:{exc.lineno}: not valid Python: {exc.msg}") from None
        dotted = ".".join(parts)
        modules[dotted] = _Module(dotted, tree, is_package)
    package = _Package(name, modules)
    package.index()
    return package


# --- the surface -------------------------------------------------------------------


def read_surface(files: Mapping[str, str]) -> Surface:
    """The surface of the SDK package among ``files`` (paths to source text)."""
    package = _parse_package(files)
    clients: list[ClientClass] = []
    methods: dict[str, Method] = {}
    client_module = package.modules.get("_client")
    if client_module is not None:
        for cls in client_module.classes.values():
            bases = {_last_name(b) for b in cls.bases}
            is_sync = bool(bases & _SYNC_CLIENT_BASES)
            if not is_sync and not bases & _ASYNC_CLIENT_BASES:
                continue
            clients.append(ClientClass(cls.name, not is_sync, _constructor_keywords(cls)))
            if is_sync:
                _collect_methods(cls, (), methods, skip=_CLIENT_RUNTIME)
                _walk_resources(package, "_client", cls, (), methods, set())
    return Surface(
        package=package.name,
        clients=tuple(sorted(clients, key=lambda c: (c.is_async, c.name))),
        methods=tuple(sorted(methods.values(), key=lambda m: m.path)),
        types=tuple(sorted(_exported_types(package))),
    )


def _constructor_keywords(cls: ast.ClassDef) -> tuple[Param, ...]:
    init = next(
        (s for s in cls.body if isinstance(s, ast.FunctionDef) and s.name == "__init__"), None
    )
    if init is None:
        return ()
    sig = _signature(init, returns="None", skip=frozenset())
    params = [p for p in sig.positional + sig.keyword if not p.name.startswith("_")]
    return tuple(sorted(params, key=lambda p: p.name))


def _decorator_names(fn: ast.FunctionDef | ast.AsyncFunctionDef) -> set[str]:
    return {n for d in fn.decorator_list if (n := _last_name(d)) is not None}


def _attributes(cls: ast.ClassDef) -> Iterator[tuple[str, ast.expr]]:
    """(attribute, annotation of its type) for what a class exposes: properties,
    annotated class attributes, and ``self.x = X(...)`` in ``__init__``."""
    for stmt in cls.body:
        if isinstance(stmt, ast.FunctionDef) and stmt.returns is not None:
            if _decorator_names(stmt) & {"cached_property", "property"}:
                yield stmt.name, stmt.returns
        elif isinstance(stmt, ast.AnnAssign) and isinstance(stmt.target, ast.Name):
            yield stmt.target.id, stmt.annotation
        elif isinstance(stmt, ast.FunctionDef) and stmt.name == "__init__":
            for node in ast.walk(stmt):
                if (
                    isinstance(node, ast.Assign)
                    and len(node.targets) == 1
                    and isinstance(node.targets[0], ast.Attribute)
                    and isinstance(node.targets[0].value, ast.Name)
                    and node.targets[0].value.id == "self"
                    and isinstance(node.value, ast.Call)
                ):
                    yield node.targets[0].attr, node.value.func


def _is_sync_resource(package: _Package, module: str, cls: ast.ClassDef, depth: int = 0) -> bool:
    for base in cls.bases:
        name = _last_name(base)
        if name in _SYNC_RESOURCE_BASES:
            return True
        if depth < 5 and name is not None and name != cls.name:
            found = package.find_class(module, base)
            if found is not None and _is_sync_resource(package, found[0], found[1], depth + 1):
                return True
    return False


def _walk_resources(
    package: _Package,
    module: str,
    cls: ast.ClassDef,
    prefix: tuple[str, ...],
    methods: dict[str, Method],
    seen: set[tuple[str, str]],
) -> None:
    for attr, annotation in _attributes(cls):
        if attr.startswith("_") or attr in {"with_raw_response", "with_streaming_response"}:
            continue
        found = package.find_class(module, annotation)
        if found is None:
            continue
        sub_module, sub_cls = found
        if not _is_sync_resource(package, sub_module, sub_cls):
            continue
        key = (sub_module, sub_cls.name)
        if key in seen:
            continue
        path = prefix + (attr,)
        _collect_methods(sub_cls, path, methods)
        _walk_resources(package, sub_module, sub_cls, path, methods, seen | {key})


def _collect_methods(
    cls: ast.ClassDef,
    path: tuple[str, ...],
    methods: dict[str, Method],
    *,
    skip: frozenset[str] = frozenset(),
) -> None:
    overloads: dict[str, list[Signature]] = {}
    plain: dict[str, Signature] = {}
    for stmt in cls.body:
        if not isinstance(stmt, (ast.FunctionDef, ast.AsyncFunctionDef)):
            continue
        if stmt.name.startswith("_") or stmt.name in skip:
            continue
        decorators = _decorator_names(stmt)
        if decorators & {"cached_property", "property", "staticmethod", "classmethod"}:
            continue
        sig = _signature(stmt, returns=annotation_name(stmt.returns))
        if "overload" in decorators:
            overloads.setdefault(stmt.name, []).append(sig)
        else:
            plain[stmt.name] = sig
    for name in sorted(set(plain) | set(overloads)):
        sigs = overloads.get(name) or [plain[name]]
        dotted = ".".join(path + (name,))
        methods[dotted] = Method(dotted, tuple(sorted(set(sigs), key=lambda s: s.render())))


def _signature(
    fn: ast.FunctionDef | ast.AsyncFunctionDef,
    *,
    returns: str,
    skip: frozenset[str] = REQUEST_OPTIONS,
) -> Signature:
    args = fn.args
    positional_nodes = list(args.posonlyargs) + list(args.args)
    if positional_nodes and positional_nodes[0].arg in {"self", "cls"}:
        positional_nodes = positional_nodes[1:]
    first_default = len(positional_nodes) - len(args.defaults)
    positional = tuple(
        Param(a.arg, i < first_default) for i, a in enumerate(positional_nodes) if a.arg not in skip
    )
    keyword = tuple(
        sorted(
            (
                Param(a.arg, default is None)
                for a, default in zip(args.kwonlyargs, args.kw_defaults, strict=True)
                if a.arg not in skip
            ),
            key=lambda p: p.name,
        )
    )
    return Signature(positional, keyword, returns)


def split_union(text: str) -> list[str]:
    """The members of a ``A | B[C | D]`` type name at the top level."""
    parts, depth, start = [], 0, 0
    for i, char in enumerate(text):
        if char == "[":
            depth += 1
        elif char == "]":
            depth -= 1
        elif char == "|" and depth == 0:
            parts.append(text[start:i].strip())
            start = i + 1
    parts.append(text[start:].strip())
    return parts


def annotation_name(node: ast.expr | None) -> str:
    """A type annotation as a comparable name: module qualifiers dropped, ``Optional``
    and ``Union`` written with ``|``, ``List`` as ``list``; ``-`` when there is none."""
    if node is None:
        return "-"
    return _type_text(node)


def _type_text(node: ast.expr) -> str:
    if isinstance(node, ast.Constant):
        if node.value is None:
            return "None"
        if isinstance(node.value, str):
            try:
                return _type_text(ast.parse(node.value, mode="eval").body)
            except SyntaxError:
                return node.value
        return repr(node.value)
    if isinstance(node, ast.Name):
        return _GENERIC_ALIASES.get(node.id, node.id)
    if isinstance(node, ast.Attribute):
        return _GENERIC_ALIASES.get(node.attr, node.attr)
    if isinstance(node, ast.BinOp) and isinstance(node.op, ast.BitOr):
        return f"{_type_text(node.left)} | {_type_text(node.right)}"
    if isinstance(node, ast.Subscript):
        base = _type_text(node.value)
        items = node.slice.elts if isinstance(node.slice, ast.Tuple) else [node.slice]
        inner = [_type_text(i) for i in items]
        if base == "Optional":
            return f"{inner[0]} | None"
        if base == "Union":
            return " | ".join(inner)
        return f"{base}[{', '.join(inner)}]"
    if isinstance(node, (ast.Tuple, ast.List)):
        return "[" + ", ".join(_type_text(e) for e in node.elts) + "]"
    return ast.unparse(node)


def _exported_types(package: _Package) -> set[str]:
    """``types.X`` and ``types.sub.X`` for each public name the types packages export."""
    out: set[str] = set()
    for name, module in package.modules.items():
        if not module.is_package or not (name == "types" or name.startswith("types.")):
            continue
        exported: set[str] = set(module.classes)
        for local, (target, attr) in module.imports.items():
            if attr is not None and not target.startswith("\x00"):
                exported.add(local)
        for stmt in _top_statements(module.tree.body):
            if isinstance(stmt, ast.Assign) and any(
                isinstance(t, ast.Name) and t.id == "__all__" for t in stmt.targets
            ):
                if isinstance(stmt.value, (ast.List, ast.Tuple)):
                    exported |= {
                        e.value
                        for e in stmt.value.elts
                        if isinstance(e, ast.Constant) and isinstance(e.value, str)
                    }
        for local in exported:
            if local.startswith("_") or f"{name}.{local}" in package.modules:
                continue
            out.add(f"{name}.{local}")
    return out
