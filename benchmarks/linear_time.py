"""Extraction time against article size: it must grow linearly, whatever the text.

Times ``extract(parse_article(text))`` on fixed inputs and prints seconds per MB:

- long articles of 1, 5 and 20 MB (agency paragraphs about many people and days, as when a
  scraper saves a whole news site as one page);
- one line without spaces (capitals, hyphens, month names, parentheses), 0.25 and 1 MB;
- text with thousands of month names and parentheses, 0.25 and 1 MB;
- the seed article's body repeated to 1, 4 and 16 MB: the same happenings told thousands of
  times, so each event merges thousands of tellings (issue 14: 2.3 s for 1 MB, 23.8 s for 4 MB).

Each family's seconds per MB must stay flat: the script exits 1 when the largest input of a
family costs more than twice per MB what the smallest does (quadratic time would cost 4x to
80x), or, for the repeated seed, more than 1.5 times.

Each input is extracted in a fresh process of its own, so the peak memory printed (the peak
resident size of that process: Python, the spaCy model, the text and what extraction builds)
belongs to that input. It must stay within 5 times the input plus 250 MB (issue 14): the
script exits 1 when it does not.
Usage: .venv/bin/python benchmarks/linear_time.py [--sizes 1 5 20] [--seed-sizes 1 4 16] [--only-seed]
"""

from __future__ import annotations

import argparse
import json
import random
import resource
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "tests"))

from mutants import long_article  # noqa: E402

from timeline import extract, parse_article  # noqa: E402

MB = 1_000_000
SEED = Path(__file__).resolve().parent.parent / "seeds" / "000_0bd6bd9a6d1d6856.txt"
# The largest growth of seconds per MB allowed, by family (others: MAX_GROWTH).
MAX_GROWTH = 2.0
SEED_FAMILY = "seed body repeated"
MAX_GROWTH_BY_FAMILY = {SEED_FAMILY: 1.5}
# Peak memory allowed: MEMORY_PER_INPUT times the input, plus MEMORY_FIXED_MB.
MEMORY_PER_INPUT = 5
MEMORY_FIXED_MB = 250
HEADER = " date 2024-07-05 Talks\n\nBEIJING, July 5 (Xinhua) -- President Xi Jinping held talks with Rahmon. "


def no_spaces_line(size: int) -> str:
    unit = "SUMMIT-Xi-Jinping-ASEAN-Leaders-July-5-(Xinhua)/TASS/PRESIDENT.Rahmon,talks;Sept.25-27(("
    return HEADER + "\n" + (unit * (size // len(unit) + 1))[:size] + "\n"


def month_soup(size: int, seed: int = 0) -> str:
    rng = random.Random(seed)
    pieces = [
        "(July 5",
        "Sept. 25)",
        "(May",
        "3-5 June",
        "((June 30 to July 2))",
        "Dec. 31, 2023",
        "(on Friday)",
    ]
    pieces += ["President (Xi", ") held talks (with", "(Jan", "March", "2024-07-05", "("]
    out, total = [HEADER, "\n"], 0
    while total < size:
        piece = rng.choice(pieces)
        out.append(piece + " ")
        total += len(piece) + 1
    return "".join(out) + "\n"


def repeated_seed(size: int) -> str:
    """The seed's header once, then its body repeated until the text holds ``size`` bytes."""
    header, body = SEED.read_text(encoding="utf-8").split("\n", 1)
    unit = body.rstrip("\n") + "\n\n"
    times = size // len(unit.encode("utf-8")) + 1
    return header + "\n" + unit * times


def timed(text: str) -> tuple[float, int]:
    start = time.perf_counter()
    events = extract(parse_article(text))
    return time.perf_counter() - start, len(events)


def makers() -> dict[str, Callable[[int], str]]:
    return {
        "article": lambda n: long_article(n, seed=1),
        "line without spaces": no_spaces_line,
        "month names and parentheses": month_soup,
        SEED_FAMILY: repeated_seed,
    }


def one(family: str, size: float) -> int:
    """Make and extract one input in this process; print its figures as JSON."""
    make = makers()[family]
    text = make(int(size * MB))
    mb = len(text.encode("utf-8")) / MB
    seconds, events = timed(text)
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * 1024 / MB
    print(json.dumps({"mb": mb, "seconds": seconds, "events": events, "peak": peak}))
    return 0


def measure(family: str, size: float) -> dict[str, float]:
    """The figures of one input, measured in a fresh process."""
    run = subprocess.run(
        [sys.executable, __file__, "--one", family, str(size)],
        check=True,
        stdout=subprocess.PIPE,
        text=True,
    )
    figures: dict[str, float] = json.loads(run.stdout.strip().splitlines()[-1])
    return figures


def main() -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--sizes", type=float, nargs="+", default=[1, 5, 20], help="article sizes in MB")
    parser.add_argument(
        "--seed-sizes", type=float, nargs="+", default=[1, 4, 16], help="repeated seed sizes in MB"
    )
    parser.add_argument("--only-seed", action="store_true", help="time the repeated seed only")
    parser.add_argument("--one", nargs=2, metavar=("FAMILY", "MB"), help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.one:
        return one(args.one[0], float(args.one[1]))
    families = {
        "article": args.sizes,
        "line without spaces": [0.25, 1],
        "month names and parentheses": [0.25, 1],
        SEED_FAMILY: args.seed_sizes,
    }
    if args.only_seed:
        families = {SEED_FAMILY: families[SEED_FAMILY]}
    print(f"{'input':<30} {'MB':>6} {'seconds':>9} {'s/MB':>7} {'events':>7} {'peak MB':>8} {'allowed':>8}")
    failed: list[str] = []
    for family, sizes in families.items():
        per_mb = []
        for size in sizes:
            got = measure(family, size)
            mb, seconds = got["mb"], got["seconds"]
            allowed = MEMORY_PER_INPUT * mb + MEMORY_FIXED_MB
            per_mb.append(seconds / mb)
            over = got["peak"] > allowed
            print(
                f"{family:<30} {mb:6.2f} {seconds:9.2f} {seconds / mb:7.2f} {int(got['events']):7d} "
                f"{got['peak']:8.0f} {allowed:8.0f}{'  OVER' if over else ''}",
                flush=True,
            )
            if over:
                failed.append(f"{family} at {mb:.2f} MB: peak {got['peak']:.0f} MB, allowed {allowed:.0f} MB")
        growth = per_mb[-1] / per_mb[0]
        allowed_growth = MAX_GROWTH_BY_FAMILY.get(family, MAX_GROWTH)
        print(f"{family:<30} s/MB largest/smallest: {growth:.2f} (at most {allowed_growth:g})")
        if growth > allowed_growth:
            failed.append(f"{family}: seconds per MB grew {growth:.2f}x")
    if failed:
        print("FAILED: " + "; ".join(failed), file=sys.stderr)
        return 1
    print(
        "linear: seconds per MB stayed within bounds, and peak memory within "
        f"{MEMORY_PER_INPUT}x the input + {MEMORY_FIXED_MB} MB"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
