"""The benchmark's own plumbing: what it parses and generates (not timings)."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

BENCH = Path(__file__).resolve().parent.parent / "bench"
sys.path.insert(0, str(BENCH))

import generation_bench  # noqa: E402
import synth  # noqa: E402


def test_stages_reads_the_timings_line() -> None:
    output = (
        "wrote 48 files to out in 0.91s; 0 warnings\n"
        "timings: load 0.05s, model 0.10s, render sdk 0.20s, wait for the second process 0.00s; "
        "total 0.91s\n"
    )
    assert generation_bench.stages(output) == {
        "load": 0.05,
        "model": 0.10,
        "render sdk": 0.20,
        "wait for the second process": 0.0,
        "total (in process)": 0.91,
    }
    assert generation_bench.stages("no timings here") == {}


def test_opc_drops_are_counted_from_its_warnings() -> None:
    output = "\n".join(
        [
            "Warning(s) encountered while generating.",
            "Cannot parse response for status code 404 (Unsupported content_type ...)",
            "Cannot parse response for status code 422 (...)",
            "Unable to process schema /components/schemas/x:",
            "  Cannot parse response for status code 500 (indented: not a line of its own)",
        ]
    )
    assert generation_bench.count_opc_drops(output) == (2, 1)


@pytest.mark.parametrize("size", [5, 100])
def test_synthetic_documents_have_the_size_asked_and_are_deterministic(size: int) -> None:
    doc = synth.document(size)
    methods = {"get", "post", "put", "patch", "delete"}
    operations = [
        op for item in doc["paths"].values() for method, op in item.items() if method in methods
    ]
    assert len(operations) == size
    assert len({op["operationId"] for op in operations}) == size
    assert synth.document(size) == doc


def test_synthetic_document_generates_cleanly(tmp_path: Path) -> None:
    import json

    from generator.errors import Diagnostics
    from generator.pipeline import Inputs, load_api

    spec = tmp_path / "synthetic.json"
    spec.write_text(json.dumps(synth.document(20)))
    diagnostics = Diagnostics()
    api = load_api(Inputs(spec), diagnostics)
    assert len(api.all_operations()) == 20
    assert not diagnostics.items  # nothing for the generator to work around


def test_settle_waits_until_the_disk_counters_stop_moving(monkeypatch) -> None:
    readings = iter(["a", "b", "c", "c", "d"])
    seen: list[str] = []
    synced: list[bool] = []

    def counters() -> str:
        seen.append(next(readings))
        return seen[-1]

    monkeypatch.setattr(generation_bench, "_disk_counters", counters)
    monkeypatch.setattr(generation_bench.time, "sleep", lambda seconds: None)
    monkeypatch.setattr(generation_bench.os, "sync", lambda: synced.append(True))
    generation_bench.settle(timeout=60)
    assert synced == [True]
    assert seen == ["a", "b", "c", "c"]  # stopped at the first unchanged reading


def test_disk_counters_leave_out_loop_devices(monkeypatch, tmp_path: Path) -> None:
    stats = tmp_path / "diskstats"
    stats.write_text(
        "   7       0 loop0 1 0 2 0 0 0 0 0 0 0 0 0 0 0 0 0 0\n"
        " 254       0 vda 572928 77514 26919554 1086109 102521 1536097 28945088 401798 0 "
        "312272 1724229 1029161 191 18971776 229199 9571 7122\n"
    )
    real = Path

    def fake_path(name: str) -> Path:
        return stats if name == "/proc/diskstats" else real(name)

    monkeypatch.setattr(generation_bench, "Path", fake_path)
    assert generation_bench._disk_counters() == (
        "vda 572928 77514 26919554 1086109 102521 1536097 28945088 401798 0 "
        "312272 1724229 1029161 191 18971776 229199 9571 7122"
    )
