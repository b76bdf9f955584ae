"""A store kept up for many rounds ends where a fresh ingest of the same articles starts.

Each of 30 rounds ingests a batch of new articles, changes one article already in the store
(its text is rewritten: other days, other people) and removes another; then the store's
events must equal those of a new store that ingests the articles left, at once. Events are
compared without their ids: a store keeps an event's id while any of its articles remains,
where a fresh store takes the id of the first article that tells it now.

The articles are generated: several agencies telling the same talks, with names spelt their
way (Rahmon, Rakhmon), so events merge across articles, split again when an article changes,
and lose sources as articles go.

Usage: .venv/bin/python benchmarks/soak.py [--rounds 30] [--batch 12] [--jobs 2]
Prints one line a round; exits 1 at the first round whose store differs from a fresh one.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import random
import shutil
import sys
import tempfile
import time
from pathlib import Path

from timeline.store import Store

LEADERS = [
    ("Chinese President Xi Jinping", "Xi Jinping", "Xi"),
    ("Tajik President Emomali Rahmon", "Emomali Rakhmon", "Rahmon"),
    ("Kazakh President Kassym-Jomart Tokayev", "Kassym-Jomart Tokayev", "Tokayev"),
    ("Uzbek President Shavkat Mirziyoyev", "Shavkat Mirziyoyev", "Mirziyoyev"),
    ("Russian President Vladimir Putin", "Vladimir Putin", "Putin"),
    ("Turkish President Recep Tayyip Erdogan", "Recep Tayyip Erdogan", "Erdogan"),
]
CITIES = ["DUSHANBE", "ASTANA", "TASHKENT", "MOSCOW", "ANKARA", "BEIJING"]
MONTHS = "January February March April May June July August September October November December".split()


def article(rng: random.Random) -> str:
    """One agency's report of talks between two leaders on one of a few days."""
    a, b = rng.sample(range(len(LEADERS)), 2)
    day = dt.date(2024, 7, 1) + dt.timedelta(days=rng.randrange(6))
    city = CITIES[b]
    agency = rng.choice(["xinhua", "tass", "reuters"])
    first, second = LEADERS[a], LEADERS[b]
    when = day.strftime("%A")
    title = f"date {day.isoformat()} {first[2]} and {second[2]} hold talks\n\n"
    if agency == "xinhua":
        body = (
            f"{city}, {MONTHS[day.month - 1]} {day.day} (Xinhua) -- {first[0]} held talks with "
            f"{second[0]} in {city.title()} on {when}. The two sides agreed to deepen cooperation.\n"
        )
    elif agency == "tass":
        body = (
            f"{city}, {MONTHS[day.month - 1]} {day.day}. /TASS/. {first[0].replace(first[1], first[1])} and "
            f"{second[0].split(' President ')[0]} President {second[1]} held talks in {city.title()} on {when}, "
            "the press service reported.\n"
        )
    else:
        body = (
            f"{city}, {MONTHS[day.month - 1]} {day.day} (Reuters) - {first[0]} met {second[0]} in "
            f"{city.title()} on {when} for talks on trade and security, officials said.\n"
        )
    return title + body


def plain_events(db: Path) -> list[str]:
    """The store's events as sorted JSON, without ids (see the module's notes)."""
    with Store(db, create=False) as store:
        out = []
        for event in store.events():
            data = event.to_dict()
            data.pop("id")
            out.append(json.dumps(data, sort_keys=True, ensure_ascii=False))
    return sorted(out)


def main() -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--rounds", type=int, default=30)
    parser.add_argument("--batch", type=int, default=12, help="new articles a round")
    parser.add_argument("--jobs", type=int, default=2)
    parser.add_argument("--seed", type=int, default=14)
    args = parser.parse_args()
    rng = random.Random(args.seed)
    work = Path(tempfile.mkdtemp(prefix="timeline-soak-"))
    corpus = work / "articles"
    corpus.mkdir()
    kept_db = work / "kept.db"
    started = time.perf_counter()
    try:
        for round_ in range(args.rounds):
            for n in range(args.batch):
                (corpus / f"r{round_:02d}_{n:02d}.txt").write_text(article(rng), encoding="utf-8")
            with Store(kept_db) as store:
                store.ingest([corpus], jobs=args.jobs)
                files = sorted(corpus.iterdir())
                changed, removed = rng.sample(files, 2)
                changed.write_text(article(rng), encoding="utf-8")
                store.ingest([changed], jobs=1)
                store.remove([removed])
                removed.unlink()
                events, articles = store.count_events(), store.count_articles()
            fresh_db = work / f"fresh{round_}.db"
            with Store(fresh_db) as fresh:
                fresh.ingest([corpus], jobs=args.jobs)
            same = plain_events(kept_db) == plain_events(fresh_db)
            fresh_db.unlink()
            print(
                f"round {round_ + 1:2d}: {articles} articles, {events} events; changed {changed.name}, "
                f"removed {removed.name}; {'same as a fresh ingest' if same else 'DIFFERS from a fresh ingest'}",
                flush=True,
            )
            if not same:
                print(f"kept store left in {work}", file=sys.stderr)
                return 1
        print(f"{args.rounds} rounds in {time.perf_counter() - started:.0f} s: the store always matched")
    finally:
        if "same" not in locals() or same:
            shutil.rmtree(work, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
