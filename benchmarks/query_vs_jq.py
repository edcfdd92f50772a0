"""Time `commune events --city Marseille --json` against a jq filter over the same file.

Runs the two commands in alternating pairs (so that machine noise hits both
alike) and prints the median of each and the median of the per-pair ratios.

    python benchmarks/query_vs_jq.py [--runs 30]
"""

from __future__ import annotations

import argparse
import shutil
import statistics
import subprocess
import sys
import time
from pathlib import Path

DATA = Path(__file__).resolve().parent.parent / "data" / "events.json"


def timed(command: list[str]) -> float:
    started = time.perf_counter()
    subprocess.run(command, stdout=subprocess.DEVNULL, check=True)
    return time.perf_counter() - started


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=30)
    runs = parser.parse_args().runs

    commune = shutil.which("commune", path=str(Path(sys.executable).parent)) or shutil.which("commune")
    jq = shutil.which("jq")
    if not commune or not jq:
        sys.exit("needs both `commune` (pip install .) and `jq` on the PATH")
    ours = [commune, "--data", str(DATA), "events", "--city", "Marseille", "--json"]
    theirs = [jq, "-c", '.events[] | select(tostring|test("Marseille"))', str(DATA)]

    timed(ours), timed(theirs)  # warm the file cache and the bytecode
    pairs = [(timed(ours), timed(theirs)) for _ in range(runs)]
    ours_median = statistics.median(p[0] for p in pairs)
    theirs_median = statistics.median(p[1] for p in pairs)
    ratio = statistics.median(p[0] / p[1] for p in pairs)
    print(f"commune: {ours_median * 1000:.1f} ms   jq: {theirs_median * 1000:.1f} ms   (median of {runs} pairs)")
    print(f"median ratio: {ratio:.2f}")


if __name__ == "__main__":
    main()
