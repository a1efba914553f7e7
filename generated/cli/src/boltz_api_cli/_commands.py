# File generated from an OpenAPI document by openapi-forge. Do not edit by hand.
"""The click side: the root command, one group per resource, one command per operation.

Resource modules are imported only when their group is used, and an
operation's command is built only when it is invoked or listed, so start-up
cost does not grow with the size of the API. Global options are accepted
before the resource, between resource and operation, and after the
operation; the one nearest the operation wins.
"""

from __future__ import annotations

import importlib
import os
from collections.abc import Mapping, Sequence
from types import ModuleType
from typing import Any, NoReturn

import click

from . import __version__
from ._spec import FORMATS, SCHEMAS, Operation, Param, choice_text, resolve

PROG = "boltz-api"
API_LABEL = "Boltz API"
API_VERSION = "1.0.0"
DEFAULT_BASE_URL = "https://api.boltz.bio"
BASE_URL_ENV = "BOLTZ_BASE_URL"
NO_PAGER_ENV = "BOLTZ_NO_PAGER"
#: The hidden command that prints man pages (``PROG __man [COMMAND...]``).
MAN_COMMAND = "__man"
#: (flag, client option, environment variable, help) of each credential the API accepts.
CREDENTIALS: tuple[tuple[str, str, str, str], ...] = (
    (
        "api-key",
        "api_key",
        "BOLTZ_API_KEY",
        "Credential for the API (sent in the x-api-key header).",
    ),
)
CONTEXT_SETTINGS: dict[str, Any] = {"help_option_names": ["-h", "--help"], "max_content_width": 100}


# --- global options ---------------------------------------------------------------------


def global_options() -> list[click.Parameter]:
    """The options every level accepts (fresh objects: click parameters belong to one command)."""
    options: list[click.Parameter] = [
        click.Option(
            [f"--{flag}", f"g_cred_{option}"],
            metavar="TEXT",
            help=f"{text}  [env: {env}]",
        )
        for flag, option, env, text in CREDENTIALS
    ]
    options += [
        click.Option(
            ["--base-url", "g_base_url"],
            metavar="URL",
            help=f"Base URL of the API.  [env: {BASE_URL_ENV}; default: {DEFAULT_BASE_URL}]",
        ),
        click.Option(
            ["--format", "g_format"],
            type=click.Choice(FORMATS),
            help="How results are printed: auto (JSON, coloured on a terminal unless NO_COLOR is set), json, jsonl (one value per line), pretty (an outline for humans), raw (the server's JSON text), yaml, or explore (an interactive viewer on a terminal; json elsewhere).  [default: auto]",
        ),
        click.Option(
            ["--format-error", "g_format_error"],
            type=click.Choice(FORMATS),
            help="How the body of an API error is printed on stderr.  [default: auto]",
        ),
        click.Option(
            ["--transform", "g_transform"],
            metavar="GJSON",
            help="Print only this GJSON path of each result (of each item, for lists), e.g. key_details.id.",
        ),
        click.Option(
            ["--transform-error", "g_transform_error"],
            metavar="GJSON",
            help="Print only this GJSON path of an API error's body, e.g. error.message.",
        ),
        click.Option(
            ["-r", "--raw-output", "g_raw_output"],
            is_flag=True,
            default=False,
            help="Print a result that is a string as plain text, without JSON quotes.",
        ),
        click.Option(
            ["--no-pager", "g_no_pager"],
            is_flag=True,
            default=False,
            help=f"Never page output; else output longer than the terminal goes through $PAGER (default: less -FRX).  [env: {NO_PAGER_ENV}]",
        ),
        click.Option(
            ["--debug", "g_debug"],
            is_flag=True,
            default=False,
            help="Show every HTTP request and response on stderr (credentials redacted).",
        ),
        click.Option(
            ["--timeout", "g_timeout"],
            type=click.FloatRange(min=0, min_open=True),
            metavar="SECONDS",
            help="Give up on a request that takes longer than this.",
        ),
        click.Option(
            ["--max-retries", "g_max_retries"],
            type=click.IntRange(min=0),
            metavar="N",
            help="How many times to retry a request that failed in a passing way (connection error, timeout, rate limit, server error).",
        ),
    ]
    return options


def _global(ctx: click.Context, name: str) -> Any:
    """The value of a global option: the one given nearest the operation wins."""
    current: click.Context | None = ctx
    while current is not None:
        value = current.params.get(name)
        if value is not None and value is not False:
            return value
        current = current.parent
    return None


def settings_for(ctx: click.Context) -> Any:
    from ._http import Settings

    credentials: dict[str, str] = {}
    for flag, option, env, _text in CREDENTIALS:
        given = _global(ctx, f"g_cred_{option}")
        if given and (given[:1] in ("@", "\\") or given == "-"):
            # --api-key @~/.secret: the key from a file (never echoed in the error).
            from ._values import InputError, expand_at

            try:
                given = expand_at(given).strip()
            except InputError as exc:
                raise click.BadParameter(str(exc), ctx=ctx, param_hint=f"'--{flag}'") from None
        value = given or os.environ.get(env) or ""
        if value:
            credentials[option] = value
    return Settings(
        credentials=credentials,
        base_url=_global(ctx, "g_base_url") or os.environ.get(BASE_URL_ENV) or None,
        fmt=_global(ctx, "g_format") or "auto",
        format_error=_global(ctx, "g_format_error") or "auto",
        transform=_global(ctx, "g_transform"),
        transform_error=_global(ctx, "g_transform_error"),
        raw_output=bool(_global(ctx, "g_raw_output")),
        debug=bool(_global(ctx, "g_debug")),
        timeout=_global(ctx, "g_timeout"),
        max_retries=_global(ctx, "g_max_retries"),
    )


def _format_sections(
    command: click.Command, ctx: click.Context, formatter: click.HelpFormatter, own: int
) -> None:
    """The command's own options, then the global options (in full at the root, else by name)."""
    params = command.get_params(ctx)
    rows = [
        r
        for r in (p.get_help_record(ctx) for p in params[:own] if isinstance(p, click.Option))
        if r is not None
    ]
    if rows:
        with formatter.section("Options"):
            formatter.write_dl(rows)
    rest = [p for p in params[own:] if isinstance(p, click.Option)]
    if ctx.parent is None:
        rows = [r for r in (p.get_help_record(ctx) for p in rest) if r is not None]
        with formatter.section("Global options"):
            formatter.write_dl(rows)
        return
    names = [max(p.opts, key=len) for p in rest if not p.hidden]
    words = [f"{n}," for n in names[:-1]] + [names[-1]] if names else []
    words += f"(see '{PROG} --help'; they may also come before the command)".split(" ")
    lines = [""]
    for word in words:
        if lines[-1] and len(lines[-1]) + 1 + len(word) > 76:
            lines.append("")
        lines[-1] = f"{lines[-1]} {word}" if lines[-1] else word
    with formatter.section("Global options"):
        for line in lines:
            formatter.write(f"{'':>{formatter.current_indent}}{line}\n")


# --- the root ---------------------------------------------------------------------------


def _show_version(ctx: click.Context, param: click.Parameter, value: bool) -> None:
    if value and not ctx.resilient_parsing:
        click.echo(f"{PROG} {__version__} ({API_LABEL} {API_VERSION})")
        ctx.exit()


def _show_completion(ctx: click.Context, param: click.Parameter, value: str | None) -> None:
    if value and not ctx.resilient_parsing:
        from ._completion import source

        click.echo(source(ctx.find_root().command, value), nl=False)
        ctx.exit()


class RootGroup(click.Group):
    """``boltz-api``: lists resources without importing them; suggests on typos."""

    def __init__(self, groups: dict[str, tuple[str, str]], package: str, help: str) -> None:
        self.groups = groups
        self.package = package
        params = global_options() + [
            click.Option(
                ["--show-completion", "show_completion"],
                type=click.Choice(["bash", "zsh", "fish", "powershell"]),
                expose_value=False,
                is_eager=True,
                callback=_show_completion,
                help=f'Print the shell completion script, e.g. eval "$({PROG} --show-completion bash)".',
            ),
            click.Option(
                ["--version"],
                is_flag=True,
                expose_value=False,
                is_eager=True,
                callback=_show_version,
                help="Print the version and exit.",
            ),
        ]
        super().__init__(
            PROG, params=params, help=help, context_settings=CONTEXT_SETTINGS, no_args_is_help=True
        )

    def list_commands(self, ctx: click.Context) -> list[str]:
        return sorted(self.groups)

    def get_command(self, ctx: click.Context, cmd_name: str) -> click.Command | None:
        if cmd_name == MAN_COMMAND:
            from ._man import man_command

            return man_command(self.package)
        entry = self.groups.get(cmd_name)
        if entry is None:
            return None
        module = importlib.import_module(f"{self.package}.commands.{entry[0]}")
        return ResourceGroup(module)

    def resolve_command(self, ctx: click.Context, args: list[str]) -> Any:
        name = args[0] if args else ""
        if name and name not in self.groups and name != MAN_COMMAND and not ctx.resilient_parsing:
            ctx.fail(f"No such command {name!r}.{_suggest(name, self.groups, args[1:2])}")
        return super().resolve_command(ctx, args)

    def format_commands(self, ctx: click.Context, formatter: click.HelpFormatter) -> None:
        rows = [(name, self.groups[name][1]) for name in sorted(self.groups)]
        if rows:
            with formatter.section("Commands"):
                formatter.write_dl(rows)

    def format_options(self, ctx: click.Context, formatter: click.HelpFormatter) -> None:
        _format_sections(self, ctx, formatter, 0)
        self.format_commands(ctx, formatter)


def _suggest(name: str, known: Any, following: Sequence[str]) -> str:
    import difflib

    names = sorted(known)
    if following and f"{name}:{following[0]}" in known:
        return f" Did you mean '{name}:{following[0]}'?"
    close = difflib.get_close_matches(name, names, n=3, cutoff=0.6)
    if close:
        return " Did you mean " + " or ".join(f"'{c}'" for c in close) + "?"
    return f" Run '{PROG} --help' for the list."


class ResourceGroup(click.Group):
    """One resource (``admin:api-keys``): its operations, built on demand."""

    def __init__(self, module: ModuleType) -> None:
        self.operations: dict[str, Operation] = {op.name: op for op in module.OPERATIONS}
        self.models: Mapping[str, Any] = SCHEMAS
        super().__init__(
            module.NAME, params=global_options(), help=module.HELP, no_args_is_help=True
        )

    def list_commands(self, ctx: click.Context) -> list[str]:
        return list(self.operations)

    def get_command(self, ctx: click.Context, cmd_name: str) -> click.Command | None:
        op = self.operations.get(cmd_name)
        return OperationCommand(op, self.models) if op is not None else None

    def resolve_command(self, ctx: click.Context, args: list[str]) -> Any:
        name = args[0] if args else ""
        if name and name not in self.operations and not ctx.resilient_parsing:
            ctx.fail(
                f"No such command {name!r} in {self.name}.{_suggest(name, self.operations, ())}"
            )
        return super().resolve_command(ctx, args)

    def format_options(self, ctx: click.Context, formatter: click.HelpFormatter) -> None:
        rows = [(name, op.short_help) for name, op in self.operations.items()]
        if rows:
            with formatter.section("Commands"):
                formatter.write_dl(rows)
        _format_sections(self, ctx, formatter, 0)


# --- one operation ----------------------------------------------------------------------


class FlagValue(click.ParamType):  # type: ignore[type-arg]  # generic in newer click
    """Reads one value of a flag (``@file`` expanded) and checks it against the spec."""

    def __init__(self, param: Param, models: Mapping[str, Any]) -> None:
        self.param = param
        self.models = models
        self.name = (param.metavar or "text").lower()

    def convert(self, value: Any, param: click.Parameter | None, ctx: click.Context | None) -> Any:
        if not isinstance(value, str):
            return value
        from ._values import InputError

        try:
            return read_value(self.param, value, self.models)
        except InputError as exc:
            _fail(str(exc), self.param, param, ctx)

    def shell_complete(
        self, ctx: click.Context, param: click.Parameter, incomplete: str
    ) -> list[Any]:
        from click.shell_completion import CompletionItem

        if self.param.kind == "file":
            return [CompletionItem(incomplete, type="file")]
        return []


class EnumValue(click.Choice):  # type: ignore[type-arg]
    """An enum flag: the spec's values are the choices (and the completions)."""

    def __init__(self, param: Param, models: Mapping[str, Any]) -> None:
        values = item_schema(param, models).get("enum", ())
        super().__init__([choice_text(v) for v in values])
        self.param = param
        self.models = models

    def convert(self, value: Any, param: click.Parameter | None, ctx: click.Context | None) -> Any:
        if isinstance(value, str) and value[:1] in ("@", "\\", "-"):
            from ._values import InputError, expand_at

            try:
                value = expand_at(value).strip()
            except InputError as exc:
                _fail(str(exc), self.param, param, ctx)
        try:
            text = super().convert(value, param, ctx)
        except click.BadParameter as exc:
            _fail(exc.message, self.param, param, ctx)
        for allowed in item_schema(self.param, self.models).get("enum", ()):
            if choice_text(allowed) == text:
                return allowed
        return text


def _fail(
    message: str, spec: Param, param: click.Parameter | None, ctx: click.Context | None
) -> NoReturn:
    """A bad value, named as the user typed it: ``'--flag'``, or the argument and its flag."""
    if isinstance(param, click.Argument):
        hint = f"'{_arg_name(spec)}' (the --{spec.flag} argument)"
        raise click.BadParameter(message, ctx=ctx, param_hint=hint)
    raise click.BadParameter(message, ctx=ctx, param=param)


def item_schema(param: Param, models: Mapping[str, Any]) -> dict[str, Any]:
    """The schema one flag value is checked against (an array flag's item schema)."""
    schema = resolve(param.schema, models)
    if param.multiple and schema.get("type") == "array":
        return resolve(schema.get("items", {"type": "any"}), models)
    return schema


def read_value(param: Param, text: str, models: Mapping[str, Any]) -> Any:
    """One value of ``param`` from its command-line text, checked against the spec."""
    from ._values import (
        check,
        expand_at,
        parse_boolean,
        parse_integer,
        parse_number,
        parse_structured,
        read_file_field,
    )

    kind = param.kind
    if kind == "file":
        return read_file_field(text)
    text = expand_at(text)
    if kind == "string":
        value: Any = text
    elif kind == "integer":
        value = parse_integer(text)
    elif kind == "number":
        value = parse_number(text)
    elif kind == "boolean":
        value = parse_boolean(text)
    else:
        value = parse_structured(text)
    check(value, item_schema(param, models), models)
    return value


class OperationCommand(click.Command):
    """The command for one operation: flags from its parameters, then the global options."""

    def __init__(self, op: Operation, models: Mapping[str, Any]) -> None:
        self.op = op
        self.models = models
        self.positional = [p for p in op.params if p.positional]
        params: list[click.Parameter] = [
            click.Argument(
                [f"a{i}"],
                required=False,
                metavar=f"[{_arg_name(p)}]",
                type=_value_type(p, models),
            )
            for i, p in enumerate(self.positional)
        ]
        params += [_option(p, f"p{i}", models) for i, p in enumerate(op.params)]
        if op.paging is not None:
            params.append(
                click.Option(
                    ["--max-items", "max_items"],
                    type=MaxItems(),
                    metavar="N",
                    help="Stop after this many items; further pages are not fetched (-1: no limit).  [default: -1]",
                )
            )
        if op.response == "binary":
            params += [
                click.Option(
                    ["-o", "--output", "output"],
                    metavar="PATH",
                    help="Save the file the API sends back here (a folder: under the server's file name). Without it the file goes to stdout when piped, or into the current folder under the server's name on a terminal.",
                ),
                click.Option(
                    ["--force", "force"],
                    is_flag=True,
                    default=False,
                    help="Replace a file that already exists when saving.",
                ),
            ]
        self._own = len(params)
        params += global_options()
        super().__init__(
            op.name,
            params=params,
            callback=self._run,
            help=op.help,
            short_help=op.short_help,
            deprecated=op.deprecated,
        )

    def format_help_text(self, ctx: click.Context, formatter: click.HelpFormatter) -> None:
        super().format_help_text(ctx, formatter)
        formatter.write_paragraph()
        with formatter.indentation():
            formatter.write_text(f"{self.op.method} {self.op.path}")

    def format_options(self, ctx: click.Context, formatter: click.HelpFormatter) -> None:
        _format_sections(self, ctx, formatter, self._own)

    def _run(self, **kwargs: Any) -> None:
        ctx = click.get_current_context()
        from ._values import InputError

        settings = settings_for(ctx)
        base_url = settings.base_url or ""
        if base_url and not base_url.lower().startswith(("http://", "https://")):
            raise click.BadParameter(
                f"must start with http:// or https://, got {base_url!r}",
                ctx=ctx,
                param_hint=f"'--base-url' (or {BASE_URL_ENV})",
            )
        for path, option in (
            (settings.transform, "--transform"),
            (settings.transform_error, "--transform-error"),
        ):
            if path is not None:
                from ._output import check_transform

                try:
                    check_transform(path, option)
                except InputError as exc:
                    raise click.UsageError(str(exc), ctx) from None
        values: dict[Param, Any] = {}
        for i, p in enumerate(self.op.params):
            values[p] = kwargs.get(f"p{i}")
        for i, p in enumerate(self.positional):
            given = kwargs.get(f"a{i}")
            if given is None:
                continue
            flag = values.get(p)
            if flag is not None and flag != given:
                raise click.UsageError(
                    f"{_arg_name(p)} was given twice with different values: as an argument and as '--{p.flag}'.",
                    ctx,
                )
            values[p] = given
        dotted = ctx.meta.get("dotted")
        if dotted:
            from ._dotted import apply

            apply(ctx, values, dotted, self.models)
        from ._request import assemble
        from ._values import read_stdin, stdin_taken

        stdin = read_stdin() if self.op.body is not None and not stdin_taken() else None
        prepared = assemble(ctx, self.op, self.models, values, stdin)
        _require_credentials(ctx, self.op, settings)
        save = None
        if self.op.response == "binary":
            from ._download import Target, check_before_sending

            save = Target(kwargs.get("output"), bool(kwargs.get("force")))
            problem = check_before_sending(save)
            if problem is not None:
                raise click.BadParameter(problem, ctx=ctx, param_hint="'--output'")
        from ._http import execute
        from ._output import TerminalOutput

        code = 0  # stays 0 when the reader quits the pager early
        with TerminalOutput(
            settings.fmt,
            listing=self.op.paging is not None,
            no_pager=bool(_global(ctx, "g_no_pager")),
        ) as fmt:
            settings.fmt = fmt
            code = execute(
                prepared,
                settings,
                paging=self.op.paging,
                response_kind=self.op.response,
                max_items=kwargs.get("max_items"),
                save=save,
            )
        ctx.exit(code)

    def parse_args(self, ctx: click.Context, args: list[str]) -> list[str]:
        # Dotted flags (--filter.color red) are not click options: they are taken out here.
        if any(a.startswith("--") and "." in a.partition("=")[0] for a in args):
            from ._dotted import split_dotted

            args, ctx.meta["dotted"] = split_dotted(ctx, self.op.params, args)
        return super().parse_args(ctx, args)


class MaxItems(click.ParamType):  # type: ignore[type-arg]
    """``--max-items``: a positive count, or -1 for no limit."""

    name = "integer"

    def convert(self, value: Any, param: click.Parameter | None, ctx: click.Context | None) -> Any:
        try:
            number = int(value)
        except (TypeError, ValueError):
            self.fail(f"{value!r} is not an integer", param, ctx)
        if number == -1 or number >= 1:
            return number
        self.fail(f"must be at least 1, or -1 for no limit, got {number}", param, ctx)


def _require_credentials(ctx: click.Context, op: Operation, settings: Any) -> None:
    """Fail before sending when the operation needs a credential and none was given."""
    if not op.security or any(option in settings.credentials for option in op.security):
        return
    ways = [
        f"--{flag} or set {env}" for flag, option, env, _ in CREDENTIALS if option in op.security
    ]
    raise click.UsageError(f"Missing credentials: pass {' or '.join(ways)}.", ctx)


def _arg_name(p: Param) -> str:
    return p.arg or p.flag.upper()


def _value_type(p: Param, models: Mapping[str, Any]) -> Any:
    return EnumValue(p, models) if p.kind == "enum" else FlagValue(p, models)


def _option(p: Param, name: str, models: Mapping[str, Any]) -> click.Option:
    if p.kind == "boolean" and not p.multiple:
        return click.Option([f"--{p.flag}/--no-{p.flag}", name], default=None, help=p.help)
    return click.Option(
        [f"--{p.flag}", name],
        type=_value_type(p, models),
        multiple=p.multiple,
        metavar=p.metavar or None,
        help=p.help,
    )
