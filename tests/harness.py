"""End-to-end checks of a generated tree: compiles, imports, type-checks, every `--help` runs.

Used by the corpus, property-based and large-document tests. Each check runs
the generated code in a fresh interpreter (``PYTHONPATH=out/sdk/src:out/cli/src``)
so nothing leaks between the generated packages and the test process, and
returns a list of human-readable problems (empty when all is well) rather
than asserting, so a test can show every problem at once.
"""

from __future__ import annotations

import html.parser
import json
import os
import re
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from generator.model import API
from tests.conftest import run_generator

try:
    import tomllib
except ImportError:  # Python 3.10: the TOML check is skipped
    tomllib = None  # type: ignore[assignment]

#: What a spec string may contain to prove it never runs: every check below
#: fails if a file with this name appears beside the output.
CANARY = "PWNED"


@dataclass(frozen=True)
class Tree:
    """A generated output folder and the packages in it."""

    out: Path
    sdk_package: str
    cli_package: str

    @property
    def pythonpath(self) -> str:
        return os.pathsep.join([str(self.out / "sdk" / "src"), str(self.out / "cli" / "src")])


def generate(spec: Path, out: Path, *extra: str) -> subprocess.CompletedProcess[str]:
    """``python -m generator generate --spec SPEC --out OUT`` as a user runs it."""
    return run_generator("generate", "--spec", str(spec), "--out", str(out), *extra)


def tree(out: Path) -> Tree:
    """The packages of a generated folder (each target writes exactly one)."""
    (sdk,) = [p.name for p in (out / "sdk" / "src").iterdir() if p.is_dir()]
    (cli,) = [p.name for p in (out / "cli" / "src").iterdir() if p.is_dir()]
    return Tree(out, sdk, cli)


def compile_all(out: Path) -> list[str]:
    """Every generated ``.py`` file compiles and every ``.toml`` file parses."""
    problems = []
    for path in sorted(out.rglob("*.py")):
        try:
            compile(path.read_text(encoding="utf-8"), str(path), "exec", dont_inherit=True)
        except SyntaxError as exc:
            problems.append(f"{path.relative_to(out)}:{exc.lineno}: {exc.msg}")
    for path in sorted(out.rglob("*.toml")) if tomllib is not None else ():
        try:
            tomllib.loads(path.read_text(encoding="utf-8"))
        except tomllib.TOMLDecodeError as exc:
            problems.append(f"{path.relative_to(out)}: {exc}")
    return problems


def _run_python(
    t: Tree, script: str, *args: str, timeout: int = 600, stdin: str | None = None
) -> list[str]:
    env = {**os.environ, "PYTHONPATH": t.pythonpath, "PYTHONDONTWRITEBYTECODE": "1"}
    env.pop("PYTHONSTARTUP", None)
    result = subprocess.run(
        [sys.executable, "-c", script, *args],
        cwd=t.out,
        env=env,
        capture_output=True,
        text=True,
        timeout=timeout,
        input=stdin,
    )
    problems: list[str] = []
    if result.returncode != 0:
        problems.append(f"exit {result.returncode}: {result.stderr[-3000:]}")
    else:
        problems.extend(json.loads(result.stdout.splitlines()[-1]))
    if (t.out / CANARY).exists():
        problems.append(f"spec text ran as code: {CANARY} was created")
    return problems


#: Shared by the scripts below and by tests/test_properties.py.
CHECKING_NAMES = r"""
_checking: dict = {}


def checking_names(module):
    # Names a module imports under `if TYPE_CHECKING:` (resources import the
    # types their methods return lazily; annotations name them all the same).
    if module.__name__ not in _checking:
        import ast, importlib, inspect

        names = {}
        for node in ast.parse(inspect.getsource(module)).body:
            if isinstance(node, ast.If) and getattr(node.test, "id", None) == "TYPE_CHECKING":
                for stmt in node.body:
                    if isinstance(stmt, ast.ImportFrom):
                        source = importlib.import_module("." * stmt.level + (stmt.module or ""), module.__package__)
                        for alias in stmt.names:
                            names[alias.asname or alias.name] = getattr(source, alias.name)
        _checking[module.__name__] = names
    return _checking[module.__name__]


"""

_IMPORT_SDK = (
    CHECKING_NAMES
    + r"""
import importlib, inspect, json, pkgutil, sys, typing, warnings
from functools import cached_property

warnings.simplefilter("error")
name, max_models = sys.argv[1], int(sys.argv[2])
problems = []
rebuilt = 0
pkg = importlib.import_module(name)
modules = [pkg] + [
    importlib.import_module(m.name) for m in pkgutil.walk_packages(pkg.__path__, name + ".")
]
import pydantic
from typing_extensions import TypeAliasType, is_typeddict

base = importlib.import_module(name + "._models").BaseModel
for module in modules:
    if ".types" not in module.__name__:
        continue
    for attr in getattr(module, "__all__", []):
        obj = getattr(module, attr)
        where = f"{module.__name__}.{attr}"
        rebuilt += 1
        if max_models and rebuilt > max_models:
            break
        try:
            if isinstance(obj, type) and issubclass(obj, base):
                obj.model_rebuild(force=True)
            elif is_typeddict(obj):
                typing.get_type_hints(obj)
            elif isinstance(obj, TypeAliasType):
                pydantic.TypeAdapter(obj)
        except Exception as exc:
            problems.append(f"{where}: {type(exc).__name__}: {exc}"[:500])

client_mod = importlib.import_module(name + "._client")
base_mod = importlib.import_module(name + "._base_client")
standard = {"base_url", "timeout", "max_retries", "default_headers", "default_query", "http_client"}
clients = []
for cls_name in client_mod.__all__:
    cls = getattr(client_mod, cls_name)
    # The module also exports aliases and with_raw_response wrappers: clients only, once.
    if isinstance(cls, type) and issubclass(cls, (base_mod.SyncAPIClient, base_mod.AsyncAPIClient)) and cls not in clients:
        clients.append(cls)
for cls in clients:
    options = {p: "test-credential" for p in inspect.signature(cls.__init__).parameters
               if p not in standard and p != "self"}
    client = cls(base_url="http://127.0.0.1:9", **options)
    base_attrs = set(dir(cls.__mro__[1]))
    seen = set()

    def walk(obj, path):
        for attr, value in inspect.getmembers(type(obj)):
            if attr.startswith("_") or attr == "with_raw_response":
                continue
            if isinstance(value, cached_property):
                child = getattr(obj, attr)
                if id(child) not in seen:
                    seen.add(id(child))
                    walk(child, f"{path}.{attr}")
            elif inspect.isfunction(value) and path != "client":
                try:
                    func = inspect.unwrap(value)
                    module = sys.modules[func.__module__]
                    typing.get_type_hints(func, globalns={**vars(module), **checking_names(module)})
                except Exception as exc:
                    problems.append(f"{cls.__name__}{path[6:]}.{attr}: {type(exc).__name__}: {exc}"[:500])

    for attr, value in vars(cls).items():
        if isinstance(value, cached_property) and attr in base_attrs:
            problems.append(f"{cls_name}.{attr}: a resource hides a client attribute")
    walk(client, "client")
print(json.dumps(problems))
"""
)


def import_sdk(t: Tree, max_models: int = 0) -> list[str]:
    """Import every SDK module, resolve every model's and method's annotations
    (only the first ``max_models`` models', when given: each pydantic model
    built costs memory), and build both clients and every resource on them."""
    return _run_python(t, _IMPORT_SDK, t.sdk_package, str(max_models))


def call_plan(api: API) -> list[dict[str, Any]]:
    """What calling each SDK method must send, from the model: the method's
    place on the client, and every parameter's Python name, wire name and
    location."""
    plan = []
    for resource, op in api.all_operations():
        plan.append(
            {
                "path": list(resource.path),
                "method": op.py_name,
                "http_method": op.http_method.upper(),
                "template": op.path,
                "params": [
                    {"py": p.py_name, "wire": p.wire_name, "in": p.location, "required": p.required}
                    for p in op.parameters
                    if op.body is None or op.body.flattened or p.location != "body"
                ],
                "body": (
                    {
                        "py": op.body.py_name,
                        "encoding": op.body.encoding,
                        "whole": not op.body.flattened,
                    }
                    if op.body is not None
                    else None
                ),
            }
        )
    return plan


_CALL_SDK = (
    CHECKING_NAMES
    + r"""
import asyncio, datetime, importlib, inspect, json, sys, typing, urllib.parse
import httpx
from typing_extensions import Literal, TypeAliasType, is_typeddict, get_args, get_origin

name, plan = sys.argv[1], json.loads(sys.stdin.read())
problems = []
sent = []

def handler(request):
    sent.append(request)
    return httpx.Response(200, json={}, headers={"content-type": "application/json"})

client_mod = importlib.import_module(name + "._client")
standard = {"base_url", "timeout", "max_retries", "default_headers", "default_query", "http_client"}
base_mod = importlib.import_module(name + "._base_client")
sync_cls = next(getattr(client_mod, n) for n in client_mod.__all__
                if isinstance(getattr(client_mod, n), type) and issubclass(getattr(client_mod, n), base_mod.SyncAPIClient))
async_cls = next(getattr(client_mod, n) for n in client_mod.__all__
                 if isinstance(getattr(client_mod, n), type) and issubclass(getattr(client_mod, n), base_mod.AsyncAPIClient))
options = {p: "test-credential" for p in inspect.signature(sync_cls.__init__).parameters
           if p not in standard and p != "self"}
sync_client = sync_cls(base_url="http://127.0.0.1:9/base", max_retries=0,
                       http_client=httpx.Client(transport=httpx.MockTransport(handler)), **options)
async_client = async_cls(base_url="http://127.0.0.1:9/base", max_retries=0,
                         http_client=httpx.AsyncClient(transport=httpx.MockTransport(handler)), **options)

def sample(tp, i, depth=0):
    if depth > 6:
        return None
    if isinstance(tp, TypeAliasType):
        return sample(tp.__value__, i, depth + 1)
    origin, args = get_origin(tp), get_args(tp)
    if tp is str or tp is object or tp is typing.Any:
        return f"v{i}"
    if tp is bool:
        return True
    if tp is int:
        return i
    if tp is float:
        return i + 0.5
    if tp is bytes:
        return b"bytes"
    if tp is datetime.datetime:
        return datetime.datetime(2020, 1, 2, 3, 4, 5)
    if tp is datetime.date:
        return datetime.date(2020, 1, 2)
    if tp is type(None):
        return None
    if origin is Literal:
        return args[0]
    if origin in (typing.Union, getattr(__import__("types"), "UnionType", None)):
        options_ = [a for a in args if a is not type(None) and getattr(a, "__name__", "") != "NotGiven"]
        return sample(options_[0], i, depth + 1) if options_ else None
    if origin in (list, tuple) or getattr(origin, "__name__", "") in ("Sequence", "SequenceNotStr"):
        return [sample(args[0], i, depth + 1)] if args else []
    if origin is dict or tp is dict or getattr(origin, "__name__", "") == "Mapping":
        return {}
    if is_typeddict(tp):
        hints = typing.get_type_hints(tp)
        return {k: sample(v, i, depth + 1) for k, v in hints.items()}
    if getattr(origin, "__name__", "") in ("Required", "NotRequired"):
        return sample(args[0], i, depth + 1)
    return f"v{i}"

def check(entry, request):
    label = f"{'.'.join(entry['path'])}.{entry['method']}"
    if request.method != entry["http_method"]:
        problems.append(f"{label}: sent {request.method}, not {entry['http_method']}")
    path = request.url.raw_path.decode().split("?")[0]
    if "{" in urllib.parse.unquote(path) and "{" not in entry["template"].replace("{", "", 0):
        pass
    literal = [seg for seg in entry["template"].split("/") if seg and "{" not in seg]
    for seg in literal:
        if urllib.parse.quote(seg, safe="") not in path and seg not in urllib.parse.unquote(path):
            problems.append(f"{label}: path {path} lacks segment {seg!r}")
    query_keys = [k for k, _ in request.url.params.multi_items()]
    cookie = request.headers.get("cookie", "")
    body = request.content.decode("utf-8", "replace")
    for p in entry["params"]:
        wire = p["wire"]
        where = p["in"]
        if where == "query" and not any(k == wire or k.startswith(wire + "[") for k in query_keys):
            problems.append(f"{label}: query parameter {wire!r} not sent (sent {query_keys})")
        elif where == "header" and wire.lower() not in request.headers:
            problems.append(f"{label}: header {wire!r} not sent")
        elif where == "cookie" and (wire + "=") not in cookie:
            problems.append(f"{label}: cookie {wire!r} not sent (Cookie: {cookie!r})")
        elif where == "body" and json.dumps(wire)[1:-1] not in body and urllib.parse.quote_plus(wire) not in body and wire not in body:
            problems.append(f"{label}: body field {wire!r} not sent")

def check_minimal(entry, request):
    label = f"{'.'.join(entry['path'])}.{entry['method']} (required arguments only)"
    optional = {p["wire"] for p in entry["params"] if not p["required"]}
    for key, value in request.url.params.multi_items():
        if key in optional:
            problems.append(f"{label}: unset query parameter {key!r} sent as {value!r}")
    for key, value in request.headers.items():
        if "NOT_GIVEN" in value or (key.lower() in {w.lower() for w in optional}):
            problems.append(f"{label}: unset header {key!r} sent as {value!r}")
    if "NOT_GIVEN" in request.content.decode("utf-8", "replace"):
        problems.append(f"{label}: NOT_GIVEN in the body")

async def main():
    for entry in plan:
        for (client, is_async), minimal in [
            ((sync_client, False), False), ((async_client, True), False), ((sync_client, False), True)
        ]:
            target = client
            for attr in entry["path"]:
                target = getattr(target, attr)
            method = getattr(target, entry["method"])
            func = inspect.unwrap(method)
            module = sys.modules[func.__module__]
            hints = typing.get_type_hints(func, globalns={**vars(module), **checking_names(module)})
            kwargs = {}
            positional = []
            for i, (pname, param) in enumerate(inspect.signature(method).parameters.items()):
                if pname in ("extra_headers", "extra_query", "extra_body", "timeout", "self"):
                    continue
                if minimal and param.default is not param.empty:
                    continue
                value = sample(hints.get(pname, str), i + 1)
                if param.kind is param.POSITIONAL_OR_KEYWORD:
                    positional.append(value)
                else:
                    kwargs[pname] = value
            sent.clear()
            label = f"{'async ' if is_async else ''}{'.'.join(entry['path'])}.{entry['method']}"
            try:
                result = method(*positional, **kwargs)
                if inspect.isawaitable(result):
                    await result
                elif hasattr(result, "__aiter__"):
                    async for _ in result:
                        break
            except Exception as exc:
                problems.append(f"{label}: {type(exc).__name__}: {exc}"[:400])
                continue
            if not sent:
                problems.append(f"{label}: sent no request")
            elif minimal:
                check_minimal(entry, sent[0])
            else:
                check(entry, sent[0])

asyncio.run(main())
print(json.dumps(problems))
"""
)


def call_sdk(t: Tree, api: API) -> list[str]:
    """Call every SDK method (sync and async) with every parameter set, against
    a mock transport, and check each parameter reaches the wire under its
    wire name, in its place."""
    return _run_python(t, _CALL_SDK, t.sdk_package, stdin=json.dumps(call_plan(api)))


_CLI_HELP = r"""
import importlib, json, sys
import click
from click.testing import CliRunner

name = sys.argv[1]
cli = importlib.import_module(name + ".main").cli
runner = CliRunner()
problems = []
count = 0

def check(args):
    global count
    count += 1
    result = runner.invoke(cli, args + ["--help"], catch_exceptions=True)
    if result.exit_code != 0 or "Usage:" not in result.output:
        detail = repr(result.exception) if result.exception else result.output[-400:]
        problems.append(f"{' '.join(args)} --help: exit {result.exit_code}: {detail}"[:600])
    return result

check([])
ctx = click.Context(cli)
for group_name in cli.list_commands(ctx):
    group = cli.get_command(ctx, group_name)
    check([group_name])
    if isinstance(group, click.Group):
        sub = click.Context(group, parent=ctx)
        commands = group.list_commands(sub)
        if not commands:
            problems.append(f"{group_name}: a group without commands")
        for command in commands:
            check([group_name, command])
print(json.dumps(problems + ([] if count > 1 else ["no commands at all"])))
"""


def cli_help(t: Tree) -> list[str]:
    """``--help`` of the root, of every group and of every command exits 0."""
    problems = _run_python(t, _CLI_HELP, t.cli_package)
    # And once through the real entry point, as a user types it.
    env = {**os.environ, "PYTHONPATH": t.pythonpath}
    result = subprocess.run(
        [sys.executable, "-m", t.cli_package, "--help"],
        cwd=t.out,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )
    if result.returncode != 0:
        problems.append(f"python -m {t.cli_package} --help: {result.stderr[-1000:]}")
    return problems


def mypy_sdk(t: Tree, modules: str | None = None) -> list[str]:
    """``mypy --strict`` on the generated SDK, or on one subpackage of it
    (``modules="types"``), then without reporting what it imports."""
    scope = ["-p", t.sdk_package]
    if modules is not None:
        scope = ["--follow-imports", "silent", "-p", f"{t.sdk_package}.{modules}"]
    result = subprocess.run(
        [
            sys.executable,
            "-m",
            "mypy",
            "--strict",
            "--no-incremental",
            "--cache-dir",
            os.devnull,
            "--python-version",
            "3.10",
            *scope,
        ],
        cwd=t.out / "sdk" / "src",
        env={**os.environ, "MYPYPATH": str(t.out / "sdk" / "src")},
        capture_output=True,
        text=True,
        timeout=900,
    )
    if result.returncode == 0:
        return []
    return [line for line in result.stdout.splitlines() if ": error:" in line][:40] or [
        result.stdout[-2000:] + result.stderr[-2000:]
    ]


#: Elements the docs templates write themselves; anything else came from a spec.
_HTML_TAGS = {
    "html", "head", "meta", "title", "style", "body", "header", "nav", "main", "section",
    "article", "aside", "footer", "h1", "h2", "h3", "h4", "h5", "h6", "p", "a", "ul", "ol",
    "li", "code", "pre", "table", "thead", "tbody", "tr", "th", "td", "div", "span", "em",
    "strong", "dl", "dt", "dd", "details", "summary", "br", "hr", "link", "input", "label",
    "button", "small", "script", "blockquote", "form", "template", "wbr",
}  # fmt: skip


class _HTMLAudit(html.parser.HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.problems: list[str] = []
        self.scripts = 0
        self.in_json = False  # inside a highlighted JSON example

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag == "code" and ("class", "language-json") in attrs:
            self.in_json = True
        # The highlighter marks JSON keys and strings with <b> and <i>; nowhere else
        # does the site write them.
        if tag not in _HTML_TAGS and not (self.in_json and tag in ("b", "i")):
            self.problems.append(f"unexpected element <{tag}>")
        if tag == "script":
            self.scripts += 1
        for name, value in attrs:
            if name.startswith("on"):
                self.problems.append(f"event handler attribute {name} on <{tag}>")
            if value and re.match(r"\s*javascript:", value, re.I):
                self.problems.append(f"javascript: URL in <{tag} {name}>")

    def handle_endtag(self, tag: str) -> None:
        if tag == "code":
            self.in_json = False


def docs_escaped(out: Path, marker: str = CANARY) -> list[str]:
    """No spec text became markup: only the template's own elements appear in
    the HTML, and the Markdown holds no raw tag carrying ``marker``."""
    problems = []
    for path in sorted((out / "docs").rglob("*.html")):
        audit = _HTMLAudit()
        audit.feed(path.read_text(encoding="utf-8"))
        problems += [f"{path.relative_to(out)}: {p}" for p in audit.problems]
        text = path.read_text(encoding="utf-8")
        for match in re.finditer(r"<script\b[^>]*>(.*?)</script>", text, re.S):
            if marker in match.group(1):
                problems.append(f"{path.relative_to(out)}: spec text inside a <script>")
    for path in sorted((out / "docs").rglob("*.md")):
        # Code blocks and code spans show their text verbatim; everything
        # else a Markdown renderer may pass through as HTML.
        text = re.sub(
            r"^(```+|~~~+).*?^\1", "", path.read_text(encoding="utf-8"), flags=re.S | re.M
        )
        text = re.sub(r"(`+)(?!`).*?(?<!`)\1(?!`)", "", text, flags=re.S)
        for line in text.splitlines():
            if re.search(r"<\s*/?\s*(script|img|iframe|svg|object|style|a)\b", line, re.I):
                problems.append(f"{path.relative_to(out)}: raw HTML tag: {line[:200]}")
            if re.search(r"(?<!\\)\]\s*\(\s*<?\s*javascript\s*:", line, re.I):
                problems.append(f"{path.relative_to(out)}: javascript: link: {line[:200]}")
    return problems


def full_check(out: Path) -> list[str]:
    """Compiles, imports, every ``--help`` runs, docs escaped: on one generated folder."""
    problems = compile_all(out)
    if problems:
        return problems
    t = tree(out)
    return import_sdk(t) + cli_help(t) + docs_escaped(out)
