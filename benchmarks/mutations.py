"""Thousands of damaged articles through extraction and both exporters.

The seed and the tests' articles are cut, duplicated, shuffled and corrupted (see
``tests/mutants.py``); every variant must extract without an exception to valid events that
export to a valid calendar, and every tenth to a page whose labels are escaped. Prints how
many variants ran, how many events they gave, the time, and each failure (exit 1).
Usage: .venv/bin/python benchmarks/mutations.py [--count 5000] [--seed 1]
"""

from __future__ import annotations

import argparse
import sys
import time
import traceback
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tests"))

from mutants import ARTICLES, check_variant, variants  # noqa: E402


def main() -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--count", type=int, default=5000, help="how many variants")
    parser.add_argument("--seed", type=int, default=1, help="which variants (same seed, same variants)")
    args = parser.parse_args()
    bases = [*ARTICLES, *(p.read_text(encoding="utf-8") for p in sorted((ROOT / "seeds").glob("*.txt")))]
    failures: Counter[str] = Counter()
    events = 0
    start = time.perf_counter()
    for number, text in enumerate(variants(bases, args.count, seed=args.seed)):
        try:
            events += check_variant(text, number)
        except Exception as err:  # every failure is counted and shown
            kind = f"{type(err).__name__}: {str(err)[:120]}"
            if not failures[kind]:
                print(f"variant {number} (--seed {args.seed}): {kind}", file=sys.stderr)
                traceback.print_exc(limit=4)
            failures[kind] += 1
    seconds = time.perf_counter() - start
    print(
        f"{args.count} variants, {events} events, {seconds:.1f} s ({1000 * seconds / args.count:.1f} ms each)"
    )
    print(f"failures: {sum(failures.values())}")
    for kind, n in failures.most_common():
        print(f"  {n:5d}  {kind}")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
