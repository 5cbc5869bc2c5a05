"""Run the benchmarks: `python -m bench [NAME] [options for that benchmark]`.

Every module bench/<name>.py that defines run(argv) is a benchmark. With no NAME all of them
run in turn (each with no options); with NAME only that one, with the remaining arguments.
"""

from __future__ import annotations

import importlib
import os
import pkgutil
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
SKIP = {"__main__", "common"}


def benchmarks() -> list[str]:
    return sorted(m.name for m in pkgutil.iter_modules([str(HERE)]) if m.name not in SKIP)


def main(argv: list[str]) -> int:
    sys.path.insert(0, str(HERE.parent))
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "newsroom.settings")
    names = benchmarks()
    if argv and argv[0] in ("-h", "--help"):
        print(__doc__.strip(), "\n\nBenchmarks:", ", ".join(names))
        return 0
    if argv and not argv[0].startswith("-"):
        if argv[0] not in names:
            print(f"unknown benchmark {argv[0]!r}; have: {', '.join(names)}", file=sys.stderr)
            return 2
        chosen, rest = [argv[0]], argv[1:]
    else:
        chosen, rest = names, argv
    failed = 0
    for name in chosen:
        module = importlib.import_module(f"bench.{name}")
        if not callable(getattr(module, "run", None)):
            continue
        print(f"\n=== bench {name} ===", flush=True)
        start = time.perf_counter()
        try:
            module.run(rest)
        except Exception as exc:  # one broken benchmark must not hide the others
            failed += 1
            print(f"bench {name} failed: {exc!r}", file=sys.stderr)
            if len(chosen) == 1:
                raise
        print(f"=== {name}: {time.perf_counter() - start:.0f} s ===", flush=True)
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
