"""Benchmarks: `make bench` (filled in by the benchmarks issue)."""

import sys

sys.exit("bench/run.py: no benchmarks yet")
