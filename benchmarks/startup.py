"""Start-up time of the command line: how long a user waits for the first answer.

    .venv/bin/python benchmarks/startup.py            # 7 runs of each, median and best
    .venv/bin/python benchmarks/startup.py --runs 15

Each command runs as a fresh process (the installed ``timeline`` script beside this Python),
on the fixed input ``seeds/000_0bd6bd9a6d1d6856.txt``. It also lists which heavy modules each
command imports, since those are what start-up time is made of.
"""

from __future__ import annotations

import argparse
import resource
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SEED = ROOT / "seeds" / "000_0bd6bd9a6d1d6856.txt"
SCRIPT = Path(sys.executable).parent / "timeline"
COMMANDS = {
    "timeline --help": ["--help"],
    "timeline --version": ["--version"],
    "timeline extract ARTICLE": ["extract", str(SEED)],
    "timeline list ARTICLE": ["list", str(SEED)],
    "timeline extract ARTICLE -f csv": ["extract", str(SEED), "-f", "csv"],
}
HEAVY = ("plotly", "icalendar", "rich", "pendulum", "pydantic", "pycountry")
PROBE = """
import sys
sys.argv = ["timeline", *sys.argv[1:]]
try:
    from timeline.cli import main
    main()
except SystemExit:
    pass
heavy = sorted({m.split(".")[0] for m in sys.modules} & set(HEAVY))
print("HEAVY:" + ",".join(heavy), file=sys.stderr)
""".replace("HEAVY)", repr(HEAVY) + ")")


def timed(args: list[str]) -> tuple[float, float]:
    """Wall-clock and CPU (user + system) seconds of one run; CPU time varies less on a busy machine."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    subprocess.run([str(SCRIPT), *args], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, check=False)
    wall = time.perf_counter() - start
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    return wall, (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)


def heavy_imports(args: list[str]) -> str:
    done = subprocess.run(
        [sys.executable, "-c", PROBE, *args], capture_output=True, text=True, check=False, cwd=ROOT
    )
    for line in done.stderr.splitlines():
        if line.startswith("HEAVY:"):
            return line[6:] or "-"
    return "?"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=7)
    runs = parser.parse_args().runs
    print(f"{'command':<34} {'wall median':>11} {'wall best':>9} {'cpu median':>10}   heavy modules")
    for label, args in COMMANDS.items():
        timed(args)  # warm the file cache
        runs_ = [timed(args) for _ in range(runs)]
        wall = [w for w, _ in runs_]
        cpu = [c for _, c in runs_]
        print(
            f"{label:<34} {statistics.median(wall) * 1000:>9.0f}ms {min(wall) * 1000:>7.0f}ms"
            f" {statistics.median(cpu) * 1000:>8.0f}ms   {heavy_imports(args)}"
        )


if __name__ == "__main__":
    main()
