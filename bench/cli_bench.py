"""Start-up of the generated `boltz-api` command, side by side with a bare interpreter.

Targets (issue 15): ``boltz-api --help`` within 4x of ``python -c pass``, and
one ``admin:api-keys list --limit 1`` against a local server within 8x. Every command runs in a
fresh process, the commands take turns (round robin) so that load on the
machine hits them alike, and the medians are compared.

Bytecode is allowed and warmed first, as after ``pip install`` (which
compiles); the environment's PYTHONDONTWRITEBYTECODE is removed for the runs.
"""

from __future__ import annotations

import os
import resource
import shlex
import statistics
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

RUNS = 31
API_KEY_ENV = "BOLTZ_API_KEY"


def _time(argv: list[str], env: dict[str, str]) -> tuple[float, float]:
    """(wall seconds, CPU seconds of the child) for one fresh process."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    result = subprocess.run(
        argv, env=env, stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE
    )
    elapsed = time.perf_counter() - start
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    if result.returncode != 0:
        raise RuntimeError(f"{shlex.join(argv)} failed: {result.stderr.decode()[-500:]}")
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    return elapsed, cpu


def run(ctx: Any) -> str:
    root: Path = ctx.root
    sys.path.insert(0, str(root))
    from tests.servers import API_KEY, StatefulServer

    python = ctx.python
    binary = str(Path(python).parent / "boltz-api")
    env = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
    env.pop("NO_COLOR", None)
    subprocess.run(
        [python, "-m", "compileall", "-q", str(root / "generated" / "cli" / "src")],
        env=env,
        check=True,
    )
    with StatefulServer() as server:
        server.seed(1)  # one key: `--limit 1` is one page, one request
        env.update({API_KEY_ENV: API_KEY, "BOLTZ_BASE_URL": server.base_url})
        commands = {
            "python -c pass": [python, "-c", "pass"],
            "boltz-api --help": [binary, "--help"],
            "boltz-api admin:api-keys create --help": [
                binary,
                "admin:api-keys",
                "create",
                "--help",
            ],
            "boltz-api admin:api-keys list --limit 1 (1 request)": [
                binary,
                "admin:api-keys",
                "list",
                "--limit",
                "1",
            ],
            'python -c "import boltz_api" (the SDK alone, for scale)': [
                python,
                "-c",
                "import boltz_api",
            ],
        }
        for argv in commands.values():  # warm caches and bytecode
            _time(argv, env)
        samples: dict[str, list[float]] = {name: [] for name in commands}
        cpu: dict[str, list[float]] = {name: [] for name in commands}
        for _ in range(RUNS):
            for name, argv in commands.items():
                wall, used = _time(argv, env)
                samples[name].append(wall)
                cpu[name].append(used)
        requests = len(server.requests)
    imports = {
        module: _import_ms(python, module, env) for module in ("click", "http.client", "httpx")
    }
    medians = {name: statistics.median(values) for name, values in samples.items()}
    cpu_medians = {name: statistics.median(values) for name, values in cpu.items()}
    base = medians["python -c pass"]
    targets = {
        "boltz-api --help": 4.0,
        "boltz-api admin:api-keys list --limit 1 (1 request)": 8.0,
    }
    lines = [
        "## cli",
        "",
        f"Start-up of the generated CLI, {RUNS} runs per command taken in turns, "
        f"median wall time of a fresh process each ({ctx.cores} cores; "
        f"`{Path(python).name}` is the project venv's interpreter, `boltz-api` its console script; "
        "bytecode compiled first, as `pip install` does). "
        f"The list call hits the stateful test server on 127.0.0.1 ({requests} requests in all).",
        "",
        "| command | median wall | min wall | median CPU | ratio to `python -c pass` (median wall) "
        "| target |",
        "|---|---:|---:|---:|---:|---|",
    ]
    for name, values in samples.items():
        ratio = medians[name] / base
        target = targets.get(name)
        verdict = (
            f"≤ {target:g}x: {'met' if ratio <= target else 'MISSED'}" if target is not None else ""
        )
        lines.append(
            f"| `{name}` | {medians[name] * 1000:.1f} ms | {min(values) * 1000:.1f} ms "
            f"| {cpu_medians[name] * 1000:.1f} ms | {ratio:.2f}x | {verdict} |"
        )
    lines += [
        "",
        "Exact commands (run from the repository root, `BOLTZ_API_KEY` and `BOLTZ_BASE_URL` "
        "set for the server): `"
        + "`, `".join(shlex.join(_short(a, root) for a in argv) for argv in commands.values())
        + "`. The CPU column (user + system time of the child) is less sensitive to other "
        "load on the machine than wall time.",
        "",
        "Import cost of the pieces (cumulative time from `python -X importtime -c "
        "'import MODULE'`, median of 7 fresh processes): "
        + ", ".join(f"`{m}` {v / 1000:.1f} ms" for m, v in imports.items())
        + ". A call used to send through the SDK's transport, which imports httpx; it now "
        "sends with `http.client`.",
        "",
        "`--help` imports click and the generated package only (no httpx, no SDK, no YAML); "
        "the list call adds the standard library's `http.client`, never httpx, the SDK or "
        "pydantic (checked by tests/test_cli.py with `python -X importtime`).",
    ]
    return "\n".join(lines)


def _import_ms(python: str, module: str, env: dict[str, str]) -> float:
    """Median cumulative import time of ``module`` in microseconds (``-X importtime``)."""
    values = []
    for _ in range(7):
        result = subprocess.run(
            [python, "-X", "importtime", "-c", f"import {module}"],
            env=env,
            capture_output=True,
            text=True,
            check=True,
        )
        for line in result.stderr.splitlines():
            parts = line.split("|")
            if len(parts) == 3 and parts[2].strip() == module:
                values.append(float(parts[1]))
    return statistics.median(values)


def _short(arg: str, root: Path) -> str:
    try:
        return str(Path(arg).relative_to(root))
    except ValueError:
        return arg
