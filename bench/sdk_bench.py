"""SDK benchmarks: per-call overhead and cold start of the generated SDK.

Compared side by side in one run, against a local HTTP server (a subprocess
of this file that answers every request with the same small page):

- per call: ``client.admin.api_keys.list(limit=1)`` on a keep-alive client,
  versus the same request made with raw httpx (same process, alternating
  blocks of calls), and versus the official ``boltz-api`` SDK (the very same
  script run in its own venv);
- cold start: a new process that imports the SDK, builds a client and makes
  that one call (reading the first item's id), ours versus the official SDK.

Both SDKs are pip-installed into their own venvs under ``bench/.work`` with
identical httpx/pydantic versions, as a user would install them.
Run with ``make bench`` or ``python bench/run.py sdk``.
"""

from __future__ import annotations

import json
import os
import shlex
import statistics
import subprocess
import sys
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

OFFICIAL = "boltz-api==0.50.0"
API_KEY = "sk_bc_bench_0123456789abcdef"
PATH = "/compute/v1/admin/api-keys"
#: Per-call measurement: rounds x processes, each timing BLOCKS blocks of CALLS calls.
#: Small blocks, alternated quickly, so both sides see the same load on a busy machine.
ROUNDS = 4
BLOCKS = 40
CALLS = 50
WARMUP = 300
#: Cold starts per SDK (alternating).
COLD_RUNS = 15

ITEM = {
    "id": "key_000001",
    "allowed_ips": [],
    "created_at": "2026-01-01T00:00:01Z",
    "expires_at": None,
    "is_active": True,
    "key_prefix": "sk_bc_000001",
    "key_type": "workspace",
    "last_used_at": None,
    "livemode": False,
    "name": "bench",
    "workspace_id": "ws_default",
}
PAGE = {"data": [ITEM], "first_id": "key_000001", "last_id": "key_000001", "has_more": False}

# The per-call worker: the SDK half is the same code for our SDK and the official one.
PER_CALL = """
import json, sys, time
mode, url, key = sys.argv[1], sys.argv[2], sys.argv[3]
blocks, calls, warmup = int(sys.argv[4]), int(sys.argv[5]), int(sys.argv[6])
funcs = {}
if "httpx" in mode:
    import httpx
    http = httpx.Client()
    def raw_httpx():
        response = http.get(url + "/compute/v1/admin/api-keys", params={"limit": 1}, headers={"x-api-key": key})
        response.raise_for_status()
        return response.json()["data"][0]["id"]
    funcs["httpx"] = raw_httpx
if "sdk" in mode:
    import boltz_api
    client = boltz_api.Boltz(api_key=key, base_url=url)
    def sdk():
        return client.admin.api_keys.list(limit=1).data[0].id
    funcs["sdk"] = sdk
for f in funcs.values():
    for _ in range(warmup):
        assert f() == "key_000001"
times = {name: [] for name in funcs}
for _ in range(blocks):
    for name, f in funcs.items():  # alternate blocks so both see the same machine load
        start = time.perf_counter()
        for _ in range(calls):
            f()
        times[name].append((time.perf_counter() - start) / calls)
print(json.dumps(times))
"""

COLD = """
import time
t0 = time.perf_counter()
import boltz_api
t1 = time.perf_counter()
client = boltz_api.Boltz(api_key={key!r}, base_url={url!r})
t2 = time.perf_counter()
first = client.admin.api_keys.list(limit=1).data[0].id
t3 = time.perf_counter()
assert first == "key_000001"
print(t1 - t0, t2 - t1, t3 - t2)
"""

IMPORT_ONLY = "import boltz_api"


# --- the local server ---------------------------------------------------------------


def serve() -> None:
    """Answer every request with the same page (HTTP/1.1 keep-alive), as fast as asyncio allows."""
    import asyncio

    body = json.dumps(PAGE).encode()
    answer = (
        b"HTTP/1.1 200 OK\r\ncontent-type: application/json\r\ncontent-length: "
        + str(len(body)).encode()
        + b"\r\n\r\n"
        + body
    )

    class Protocol(asyncio.Protocol):
        def connection_made(self, transport: Any) -> None:
            self.transport = transport
            self.buffer = b""

        def data_received(self, data: bytes) -> None:
            self.buffer += data
            while b"\r\n\r\n" in self.buffer:
                head, _, rest = self.buffer.partition(b"\r\n\r\n")
                length = 0
                for line in head.split(b"\r\n"):
                    if line.lower().startswith(b"content-length:"):
                        length = int(line.split(b":", 1)[1])
                if len(rest) < length:
                    return
                self.buffer = rest[length:]
                self.transport.write(answer)

    async def main() -> None:
        loop = asyncio.get_running_loop()
        server = await loop.create_server(Protocol, "127.0.0.1", 0)
        print(server.sockets[0].getsockname()[1], flush=True)
        await asyncio.Event().wait()

    asyncio.run(main())


@contextmanager
def local_server(python: str) -> Iterator[str]:
    proc = subprocess.Popen(
        [python, __file__, "serve"], stdout=subprocess.PIPE, text=True, start_new_session=True
    )
    try:
        assert proc.stdout is not None
        port = int(proc.stdout.readline())
        yield f"http://127.0.0.1:{port}"
    finally:
        proc.terminate()
        proc.wait(timeout=10)


# --- venvs --------------------------------------------------------------------------


def _pip(python: Path, *args: str) -> None:
    subprocess.run(
        [str(python), "-m", "pip", "install", "--quiet", "--disable-pip-version-check", *args],
        check=True,
        env=_clean_env(),
    )


def _venv(path: Path) -> Path:
    python = path / "bin" / "python"
    if not python.exists():
        subprocess.run([sys.executable, "-m", "venv", str(path)], check=True)
    return python


def prepare(ctx: Any) -> tuple[Path, Path | None, str]:
    """The two venvs: the official SDK's (if it installs) and ours, with the same dependencies."""
    notes = ""
    official: Path | None = _venv(ctx.work / "sdk-official")
    try:
        _pip(official, OFFICIAL)
    except subprocess.CalledProcessError:
        official, notes = (
            None,
            f"`pip install {OFFICIAL}` failed: no comparison with the official SDK.\n",
        )
    ours = _venv(ctx.work / "sdk-ours")
    constraints = ctx.work / "sdk-constraints.txt"
    if official is not None:
        frozen = subprocess.run(
            [str(official), "-m", "pip", "freeze", "--disable-pip-version-check"],
            capture_output=True,
            text=True,
            check=True,
        ).stdout
        constraints.write_text(
            "\n".join(line for line in frozen.splitlines() if not line.startswith("boltz"))
        )
    else:
        constraints.write_text("")
    sdk = str(ctx.root / "generated" / "sdk")
    marker = ctx.work / "sdk-ours" / ".dependencies-installed"
    if not marker.exists():
        _pip(ours, "-c", str(constraints), sdk)
        marker.touch()
    # Reinstalled every run (the version does not change when the templates do).
    _pip(ours, "--force-reinstall", "--no-deps", sdk)
    return ours, official, notes


def _clean_env() -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith(("BOLTZ_", "PYTHON"))}
    return env


def _versions(python: Path) -> str:
    out = subprocess.run(
        [
            str(python),
            "-c",
            "import boltz_api, httpx, pydantic; "
            "print(boltz_api.__version__, httpx.__version__, pydantic.VERSION)",
        ],
        capture_output=True,
        text=True,
        check=True,
        env=_clean_env(),
    ).stdout.split()
    return f"boltz_api {out[0]}, httpx {out[1]}, pydantic {out[2]}"


# --- measurements -------------------------------------------------------------------


def _per_call(python: Path, mode: str, url: str, cwd: Path) -> dict[str, list[float]]:
    result = subprocess.run(
        [str(python), "-c", PER_CALL, mode, url, API_KEY, str(BLOCKS), str(CALLS), str(WARMUP)],
        capture_output=True,
        text=True,
        check=True,
        env=_clean_env(),
        cwd=cwd,
    )
    data: dict[str, list[float]] = json.loads(result.stdout)
    return data


def _wall(argv: list[str], cwd: Path) -> tuple[float, str]:
    start = time.perf_counter()
    result = subprocess.run(argv, capture_output=True, text=True, env=_clean_env(), cwd=cwd)
    elapsed = time.perf_counter() - start
    if result.returncode != 0:
        raise RuntimeError(f"{shlex.join(argv[:2])} failed:\n{result.stderr[-2000:]}")
    return elapsed, result.stdout


def _median_us(values: list[float]) -> float:
    return statistics.median(values) * 1e6


def run(ctx: Any) -> str:
    ours, official, notes = prepare(ctx)
    cwd = ctx.work
    pythons = {"ours": ours} | ({"official": official} if official else {})
    with local_server(ctx.python) as url:
        paired: dict[str, list[float]] = {"httpx": [], "sdk": []}
        separate: dict[str, list[float]] = {name: [] for name in pythons}
        for _ in range(ROUNDS):
            both = _per_call(ours, "httpx+sdk", url, cwd)
            paired["httpx"] += both["httpx"]
            paired["sdk"] += both["sdk"]
            for name, python in pythons.items():
                separate[name] += _per_call(python, "sdk", url, cwd)["sdk"]

        cold: dict[str, list[float]] = {name: [] for name in pythons}
        parts: dict[str, list[list[float]]] = {name: [] for name in pythons}
        imports: dict[str, list[float]] = {name: [] for name in pythons}
        bare: list[float] = []
        script = COLD.format(key=API_KEY, url=url)
        for python in pythons.values():  # warm the OS page cache first
            _wall([str(python), "-c", script], cwd)
        for _ in range(COLD_RUNS):
            bare.append(_wall([str(ours), "-c", "pass"], cwd)[0])
            for name, python in pythons.items():
                elapsed, out = _wall([str(python), "-c", script], cwd)
                cold[name].append(elapsed)
                parts[name].append([float(x) for x in out.split()])
                imports[name].append(_wall([str(python), "-c", IMPORT_ONLY], cwd)[0])

    return _report(ctx, ours, official, notes, paired, separate, cold, parts, imports, bare)


def _report(
    ctx: Any,
    ours: Path,
    official: Path | None,
    notes: str,
    paired: dict[str, list[float]],
    separate: dict[str, list[float]],
    cold: dict[str, list[float]],
    parts: dict[str, list[list[float]]],
    imports: dict[str, list[float]],
    bare: list[float],
) -> str:
    rel = os.path.relpath
    ours_py = rel(ours, ctx.root)
    httpx_us, sdk_us = _median_us(paired["httpx"]), _median_us(paired["sdk"])
    pair_ratios = [s / h for s, h in zip(paired["sdk"], paired["httpx"], strict=True)]
    lines = [
        "## sdk",
        "",
        f"Generated SDK (`{_versions(ours)}`)"
        + (f" versus the official `{OFFICIAL}` (`{_versions(official)}`)" if official else "")
        + f". {ctx.cores} cores. Local server: `python bench/sdk_bench.py serve` (asyncio, one "
        "canned page per request, keep-alive), a separate process.",
        "",
    ]
    if notes:
        lines += [notes]
    lines += [
        "### Per call: `client.admin.api_keys.list(limit=1)` on a keep-alive client",
        "",
        f"Medians of {ROUNDS * BLOCKS} blocks of {CALLS} calls (after {WARMUP} warm-up calls), "
        "each call reading the first item's id.",
        "",
        "| client | µs per call | ratio |",
        "|---|---:|---:|",
        f"| raw httpx (`client.get(...)` + `.json()`) | {httpx_us:.1f} | 1.00 |",
        f"| generated SDK, same process, alternating blocks | {sdk_us:.1f} | "
        f"**{statistics.median(pair_ratios):.3f}** x raw httpx (goal <= 1.15) |",
    ]
    ratio_of_medians = sdk_us / httpx_us
    ours_sep = _median_us(separate["ours"])
    lines.append(f"| generated SDK, own process | {ours_sep:.1f} | |")
    if official:
        official_sep = _median_us(separate["official"])
        lines.append(
            f"| official `{OFFICIAL}`, own process | {official_sep:.1f} | "
            f"**{official_sep / ours_sep:.2f}x** slower than ours |"
        )
    lines += [
        "",
        "The ratio is the median of the ratios of paired blocks (run back to back in one "
        f"process); the ratio of the two medians is {ratio_of_medians:.3f}.",
        "",
        "### Cold start: new process, import + construct + one call",
        "",
        f"Wall time of the whole process (start-up to exit), median of {COLD_RUNS} alternating "
        "runs; the split is measured inside the process with `time.perf_counter()` (the rest "
        "is interpreter start-up and exit). The call includes reading the first item, so the "
        "response models (and pydantic) are loaded.",
        "",
        "| | process total (ms) | import only (ms) | import / construct / call (ms) |",
        "|---|---:|---:|---:|",
        f"| `python -c pass` (interpreter alone) | {statistics.median(bare) * 1e3:.0f} | | |",
    ]
    for name in cold:
        split = " / ".join(
            f"{statistics.median(p[i] for p in parts[name]) * 1e3:.1f}" for i in range(3)
        )
        label = "generated SDK" if name == "ours" else f"official `{OFFICIAL}`"
        lines.append(
            f"| {label} | {statistics.median(cold[name]) * 1e3:.0f} | "
            f"{statistics.median(imports[name]) * 1e3:.0f} | {split} |"
        )
    if official:
        cold_ratio = statistics.median(cold["official"]) / statistics.median(cold["ours"])
        import_ratio = statistics.median(imports["official"]) / statistics.median(imports["ours"])
        lines += [
            "",
            f"Cold start: ours is **{cold_ratio:.1f}x** faster (goal >= 5x); "
            f"`import boltz_api` alone: **{import_ratio:.1f}x** faster.",
        ]
    lines += [
        "",
        "Commands (run from `bench/.work`, environment without `BOLTZ_*`/`PYTHON*` variables):",
        "",
        "```sh",
        "python bench/run.py sdk   # or: make bench",
        f'{ours_py} -c "$PER_CALL" httpx+sdk $URL {API_KEY} {BLOCKS} {CALLS} {WARMUP}',
        f'{ours_py} -c "$PER_CALL" sdk $URL {API_KEY} {BLOCKS} {CALLS} {WARMUP}',
    ]
    if official:
        official_py = rel(official, ctx.root)
        lines.append(f'{official_py} -c "$PER_CALL" sdk $URL {API_KEY} {BLOCKS} {CALLS} {WARMUP}')
        lines.append(f'{official_py} -c "$COLD"; {official_py} -c "{IMPORT_ONLY}"')
    lines += [
        f'{ours_py} -c "$COLD"; {ours_py} -c "{IMPORT_ONLY}"',
        "```",
        "",
        "`$PER_CALL` and `$COLD` are the scripts `PER_CALL` and `COLD` in `bench/sdk_bench.py`; "
        "the SDK part is the same code for both SDKs.",
    ]
    return "\n".join(lines) + "\n"


if __name__ == "__main__":
    if sys.argv[1:] == ["serve"]:
        serve()
    else:
        sys.exit("usage: python bench/sdk_bench.py serve  (the benchmark runs via bench/run.py)")
