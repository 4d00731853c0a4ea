"""`marsad ask --json` batches of two code trees, alternated on one database: per-question
p50 / p95 of each run and the md5 of its output (answers must not change).

    python -m benchmarks.ask_alternated DB BEFORE_TREE AFTER_TREE [--rounds 3]

A tree is a checkout (or `git archive` of a commit) of this project: each batch runs as
`python -m bot ask --json --db DB` with the tree as its working directory, so its code is
imported, with the 300 benchmark questions (`benchmarks.corpus.queries(305, seed=1)[5:]`,
as `benchmarks.userpath`) on stdin. The machine is shared: runs alternate so that both
sides meet the same load, and the load average is printed with each run. The database
is only read (give each side a copy if an older schema would be upgraded on open).
"""

from __future__ import annotations

import argparse
import hashlib
import json
import os
import subprocess
import sys
import time
from pathlib import Path

import numpy as np

from benchmarks.corpus import queries


def batch(tree: Path, db: Path, questions: list[str]) -> tuple[list[float], str]:
    """(seconds between consecutive answers, md5 of the output) of one batch."""
    env = {k: v for k, v in os.environ.items() if not k.startswith("MARSAD_")}
    env["PYTHONIOENCODING"] = "utf-8"
    proc = subprocess.Popen([sys.executable, "-m", "bot", "ask", "--json", "--db", str(db)],
                            cwd=tree, env=env, text=True, encoding="utf-8",
                            stdin=subprocess.PIPE, stdout=subprocess.PIPE,
                            stderr=subprocess.DEVNULL)
    assert proc.stdin is not None and proc.stdout is not None
    proc.stdin.write("".join(q + "\n" for q in questions))
    proc.stdin.close()
    arrivals, digest = [], hashlib.md5()
    for line in proc.stdout:
        arrivals.append(time.perf_counter())
        digest.update(line.encode("utf-8"))
    if proc.wait() != 0:
        raise RuntimeError(f"marsad ask in {tree} exited {proc.returncode}")
    return list(np.diff(arrivals)), digest.hexdigest()


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("db", type=Path)
    parser.add_argument("trees", type=Path, nargs=2, metavar="TREE")
    parser.add_argument("--rounds", type=int, default=3)
    args = parser.parse_args(argv)
    questions = queries(305, seed=1)[5:]
    for r in range(args.rounds):
        for tree in args.trees if r % 2 == 0 else args.trees[::-1]:
            load = os.getloadavg()[0]
            gaps, md5 = batch(tree.resolve(), args.db.resolve(), questions)
            p50, p95 = (float(v) * 1000 for v in np.percentile(gaps, [50, 95]))
            print(json.dumps({"tree": str(tree), "round": r + 1, "p50_ms": round(p50, 2),
                              "p95_ms": round(p95, 2), "p95_over_p50": round(p95 / p50, 2),
                              "load": [round(load, 2), round(os.getloadavg()[0], 2)],
                              "md5": md5}), flush=True)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
