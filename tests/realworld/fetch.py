"""Fill the real-world corpus cache (``.cache/realworld/``, git-ignored).

    python -m tests.realworld.fetch [--from-mirror DIR] [API ...]

Downloads each pinned SDK wheel from PyPI with pip and checks its sha256.
The configs and OpenAPI documents are on no package registry (see
``corpus.py``): they are checked where they already are in the cache, or
copied out of local git clones under ``--from-mirror DIR`` (``DIR/OWNER+NAME/repo``,
``DIR/OWNER+NAME`` or ``DIR/OWNER/NAME``) at the pinned commit. Exit 1 when
anything is still missing, saying what and where.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from .corpus import APIS, Unavailable, cache_root, ensure_pair, ensure_sdk


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m tests.realworld.fetch")
    parser.add_argument("apis", nargs="*", help="API names (default: all)")
    parser.add_argument(
        "--from-mirror", type=Path, metavar="DIR", help="folder of local git clones"
    )
    args = parser.parse_args(argv)
    missing = 0
    for api in APIS:
        if args.apis and api.name not in args.apis:
            continue
        for what, step in (
            ("sdk", lambda a=api: ensure_sdk(a)),
            ("pair", lambda a=api: ensure_pair(a, mirror=args.from_mirror)),
        ):
            try:
                step()
                print(f"{api.name}: {what} ok")
            except Unavailable as exc:
                missing += 1
                print(f"{api.name}: {what} missing: {exc}", file=sys.stderr)
    print(f"cache: {cache_root()}")
    return 1 if missing else 0


if __name__ == "__main__":
    raise SystemExit(main())
