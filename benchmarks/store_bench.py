"""Ingest >= 100,000 generated articles into a fresh store and time it.

    .venv/bin/python benchmarks/store_bench.py            # 100,000 articles
    .venv/bin/python benchmarks/store_bench.py -n 2000    # a quick look

The articles are short agency-style reports (Xinhua, TASS, Reuters, PTI datelines) of talks,
visits, calls, meetings and signings between leaders of twenty countries on days spread
over three years, from a fixed random seed, so every run reads the same corpus. Half of
them are ingested with one job and half with two, into the same store: the second half also
measures merging against a store that is already large. Then it prints the peak memory
(this process and its workers), the store's size and the time of a country-and-date query.
"""

from __future__ import annotations

import argparse
import datetime as dt
import random
import resource
import statistics
import sys
import tempfile
import time
from pathlib import Path

LEADERS = [
    ("China", "Chinese", "CN", "President", "Xi Jinping", "BEIJING"),
    ("Tajikistan", "Tajik", "TJ", "President", "Emomali Rahmon", "DUSHANBE"),
    ("Russia", "Russian", "RU", "President", "Vladimir Putin", "MOSCOW"),
    ("India", "Indian", "IN", "Prime Minister", "Narendra Modi", "NEW DELHI"),
    ("Kazakhstan", "Kazakh", "KZ", "President", "Kassym-Jomart Tokayev", "ASTANA"),
    ("France", "French", "FR", "President", "Emmanuel Macron", "PARIS"),
    ("Germany", "German", "DE", "Chancellor", "Olaf Scholz", "BERLIN"),
    ("Brazil", "Brazilian", "BR", "President", "Luiz Inacio Lula da Silva", "BRASILIA"),
    ("Egypt", "Egyptian", "EG", "President", "Abdel Fattah al-Sisi", "CAIRO"),
    ("Japan", "Japanese", "JP", "Prime Minister", "Fumio Kishida", "TOKYO"),
    ("Vietnam", "Vietnamese", "VN", "President", "To Lam", "HANOI"),
    ("Turkey", "Turkish", "TR", "President", "Recep Tayyip Erdogan", "ANKARA"),
    ("Indonesia", "Indonesian", "ID", "President", "Joko Widodo", "JAKARTA"),
    ("Kenya", "Kenyan", "KE", "President", "William Ruto", "NAIROBI"),
    ("Mexico", "Mexican", "MX", "President", "Andres Manuel Lopez Obrador", "MEXICO CITY"),
    ("Uzbekistan", "Uzbek", "UZ", "President", "Shavkat Mirziyoyev", "TASHKENT"),
    ("Pakistan", "Pakistani", "PK", "Prime Minister", "Shehbaz Sharif", "ISLAMABAD"),
    ("Hungary", "Hungarian", "HU", "Prime Minister", "Viktor Orban", "BUDAPEST"),
    ("Serbia", "Serbian", "RS", "President", "Aleksandar Vucic", "BELGRADE"),
    ("Mongolia", "Mongolian", "MN", "President", "Ukhnaagiin Khurelsukh", "ULAN BATOR"),
]
MONTHS = "January February March April May June July August September October November December".split()
WEEKDAYS = "Monday Tuesday Wednesday Thursday Friday Saturday Sunday".split()
ACTS = [
    "{a} held talks with {b} in {city} on {weekday}.",
    "{a} met with {b} in {city} on {weekday}.",
    "{a} held a phone call with {b} on {weekday}.",
    "{a} and {b} signed a joint statement in {city} on {weekday}.",
    "{a} arrived in {city} on {weekday} for a state visit at the invitation of {b}.",
]
FILLER = [
    "The two sides exchanged views on bilateral relations and regional issues of common concern.",
    "Both leaders agreed to deepen cooperation in trade, energy and connectivity.",
    "{bshort} said the relationship between the two countries is at its best in history.",
    "{ashort} said his country is ready to work with {bcountry} to open a new chapter.",
    "The leaders also discussed the situation in the region and the work of multilateral bodies.",
]


def article(rng: random.Random, n: int) -> str:
    a, b = rng.sample(LEADERS, 2)
    day = dt.date(2022, 1, 1) + dt.timedelta(days=rng.randrange(3 * 365))
    city = b[5].title()
    who_a = f"{a[1]} {a[3]} {a[4]}"
    who_b = f"{b[1]} {b[3]} {b[4]}"
    act = rng.choice(ACTS).format(a=who_a, b=who_b, city=city, weekday=WEEKDAYS[day.weekday()])
    month = MONTHS[day.month - 1]
    style = n % 3
    if style == 0:
        dateline = f"{b[5]}, {month} {day.day} (Xinhua) -- "
    elif style == 1:
        dateline = f"{b[5]}, {month} {day.day}. /TASS/. "
    else:
        dateline = f"{b[5]}, {month} {day.day} (Reuters) - "
    words = {"ashort": a[4].split()[-1], "bshort": b[4].split()[-1], "bcountry": b[0]}
    body = " ".join(rng.sample(FILLER, 2)).format(**words)
    title = f"{a[4].split()[-1]} and {b[4].split()[-1]} discuss ties"
    return f"date {day.isoformat()} {title}\n\n{dateline}{act} {body}\n"


def generate(folder: Path, count: int, seed: int = 8) -> list[Path]:
    rng = random.Random(seed)
    paths = []
    for n in range(count):
        sub = folder / f"{n // 1000:04d}"
        if n % 1000 == 0:
            sub.mkdir(parents=True, exist_ok=True)
        path = sub / f"{n:07d}.txt"
        path.write_text(article(rng, n), encoding="utf-8")
        paths.append(path)
    return paths


def peak_mib() -> tuple[float, float]:
    own = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    children = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
    return own, children


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("-n", "--articles", type=int, default=100_000)
    args = parser.parse_args()

    from timeline.filters import Selection
    from timeline.store import Store

    with tempfile.TemporaryDirectory(prefix="store_bench.") as tmp:
        root = Path(tmp)
        t0 = time.perf_counter()
        generate(root / "articles", args.articles)
        print(f"generated {args.articles} articles in {time.perf_counter() - t0:.1f} s")
        folders = sorted(p for p in (root / "articles").iterdir())
        half = len(folders) // 2 or 1
        db = root / "timeline.db"
        store = Store(db)
        for jobs, part in ((1, folders[:half]), (2, folders[half:])):
            if not part:
                continue
            t0 = time.perf_counter()
            report = store.ingest(part, jobs=jobs)
            took = time.perf_counter() - t0
            print(
                f"jobs={jobs}: ingested {report.added} articles ({report.events} events) in {took:.1f} s"
                f" = {report.added / took:.0f} articles/s"
            )
        again = time.perf_counter()
        report = store.ingest([root / "articles"], jobs=2)
        print(
            f"re-ingest of all {report.seen} articles: {report.unchanged} unchanged, "
            f"{time.perf_counter() - again:.1f} s"
        )
        print(f"store: {store.count_events()} events from {store.count_articles()} articles")
        size = sum(p.stat().st_size for p in root.glob("timeline.db*"))
        print(f"store size: {size / 2**20:.1f} MiB")
        own, children = peak_mib()
        print(f"peak memory: {own:.0f} MiB (main), {children:.0f} MiB (largest worker)")
        chosen = Selection(countries=frozenset({"TJ"}), since=dt.date(2023, 3, 1), until=dt.date(2023, 3, 31))
        times = []
        for _ in range(7):
            t0 = time.perf_counter()
            found = list(store.events(chosen))
            times.append(time.perf_counter() - t0)
        print(
            f"query --country TJ --since 2023-03-01 --until 2023-03-31: {len(found)} events, "
            f"median {statistics.median(times) * 1000:.1f} ms (target < 50 ms)"
        )
        store.close()


if __name__ == "__main__":
    sys.exit(main())
