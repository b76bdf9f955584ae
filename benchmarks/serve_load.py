"""`timeline serve` under load: requests per second and median latency on 127.0.0.1.

    .venv/bin/python benchmarks/serve_load.py                 # a store of 100,000 events
    .venv/bin/python benchmarks/serve_load.py -n 10000        # a quicker look
    .venv/bin/python benchmarks/serve_load.py --db STORE      # an existing store, as it is

The store is generated without reading articles: one synthetic event an "article" (talks,
visits, calls, meetings and signings between two of twenty countries on days spread over
three years, from a fixed random seed), written through the store's own transactions and
merging, so it is a store as ``timeline ingest`` leaves it, built in a fraction of the time
extraction would take. Then ``timeline serve`` runs in a process of its own and one client
sends a bounded loop of requests, one at a time, for:

- the full calendar (``/calendar.ics``: the first answer, made, then the next ones, kept);
- a filtered calendar (``/calendar.ics?country=TJ&since=2023-01&until=2023-12``), each made
  afresh (a different last day each time), then the same one polled without validators;
- a 304 poll (the full calendar with its ETag in ``If-None-Match``).

The client asks for gzip, as calendar apps do; latency includes its decompressing.
"""

from __future__ import annotations

import argparse
import datetime as dt
import hashlib
import os
import random
import socket
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from pathlib import Path

COUNTRIES = "CN TJ RU IN KZ FR DE BR EG JP VN TR ID KE MX UZ PK HU RS MN".split()
CITIES = {
    "CN": "Beijing",
    "TJ": "Dushanbe",
    "RU": "Moscow",
    "IN": "New Delhi",
    "KZ": "Astana",
    "FR": "Paris",
    "DE": "Berlin",
    "BR": "Brasilia",
    "EG": "Cairo",
    "JP": "Tokyo",
    "VN": "Hanoi",
    "TR": "Ankara",
    "ID": "Jakarta",
    "KE": "Nairobi",
    "MX": "Mexico City",
    "UZ": "Tashkent",
    "PK": "Islamabad",
    "HU": "Budapest",
    "RS": "Belgrade",
    "MN": "Ulan Bator",
}
TYPES = ["talks", "visit", "call", "meeting", "signing"]


def reads(count: int, seed: int = 13) -> Iterator[object]:
    """One article's read (as the store's workers hand them over) an event, generated."""
    from timeline.model import Event, Evidence, Location, Participant, Source
    from timeline.store import _Read

    rng = random.Random(seed)
    for n in range(count):
        a, b = rng.sample(COUNTRIES, 2)
        day = dt.date(2022, 1, 1) + dt.timedelta(days=rng.randrange(3 * 365))
        kind = rng.choice(TYPES)
        end = day + dt.timedelta(days=2) if kind == "visit" else None
        city = CITIES[b]
        path = f"bench/{n:07d}.txt"
        sentence = f"Envoy {n} of {a} held {kind} with officials of {b} in {city} on {day:%B} {day.day}."
        event = Event(
            type=kind,
            start=day,
            end=end,
            participants=(Participant(f"Envoy {n}", "Special Envoy", a),),
            countries=(a, b),
            location=Location(city, b),
            evidence=(Evidence(sentence, 0, len(sentence), path),),
            source=Source(path, f"Envoy {n} in {city}", day, f"https://news.example/{n}"),
        )
        text = f"{day} {sentence}"
        digest = hashlib.sha256(text.encode()).hexdigest()
        yield _Read(path=path, key=path, hash=digest, content=digest, events=[event])


def build(db: Path, count: int) -> None:
    from timeline.store import IngestReport, Store

    t0 = time.perf_counter()
    with Store(db) as store:
        report = IngestReport()
        store._write(reads(count), report, None)  # type: ignore[arg-type]
        events = store.count_events()
    print(f"store: {events} events from {count} generated articles in {time.perf_counter() - t0:.1f} s")


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def measure(
    client: object, url: str, n: int, headers: dict[str, str] | None = None
) -> tuple[float, float, int]:
    """(requests/s, median latency in ms, status) of ``n`` requests one after another."""
    import httpx

    assert isinstance(client, httpx.Client)
    times = []
    status = 0
    start = time.perf_counter()
    for _ in range(n):
        t0 = time.perf_counter()
        response = client.get(url, headers=headers or {})
        response.read()
        times.append(time.perf_counter() - t0)
        status = response.status_code
    took = time.perf_counter() - start
    return n / took, statistics.median(times) * 1000, status


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("-n", "--events", type=int, default=100_000, help="events in the generated store")
    parser.add_argument("--db", type=Path, help="serve this store instead of generating one")
    parser.add_argument("--full", type=int, default=5, help="requests for the full calendar")
    parser.add_argument("--filtered", type=int, default=50, help="requests for the filtered calendar")
    parser.add_argument("--polls", type=int, default=500, help="304 polls")
    parser.add_argument(
        "--fresh",
        type=int,
        default=10,
        choices=range(0, 29),
        metavar="0-28",
        help="filtered calendars made afresh (a different day each)",
    )
    args = parser.parse_args()

    import httpx

    with tempfile.TemporaryDirectory(prefix="serve_load.") as tmp:
        db = args.db
        if db is None:
            db = Path(tmp) / "timeline.db"
            build(db, args.events)
        port = free_port()
        timeline = Path(sys.executable).with_name("timeline")
        server = subprocess.Popen(
            [str(timeline), "serve", "--db", str(db), "--port", str(port)],
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
            env={**os.environ},
        )
        base = f"http://127.0.0.1:{port}"
        try:
            with httpx.Client(timeout=600) as client:
                for _ in range(300):
                    try:
                        client.get(base + "/nothing")
                        break
                    except httpx.TransportError:
                        time.sleep(0.1)
                full = base + "/calendar.ics"
                t0 = time.perf_counter()
                first = client.get(full)
                cold = time.perf_counter() - t0
                size = len(first.content)
                print(
                    f"full calendar, first answer: {first.content.count(b'BEGIN:VEVENT')} events, "
                    f"{size / 2**20:.1f} MiB in {cold * 1000:.0f} ms"
                )
                rows = [
                    ("full calendar", full, args.full, None),
                    (
                        "filtered calendar",
                        base + "/calendar.ics?country=TJ&since=2023-01&until=2023-12",
                        args.filtered,
                        None,
                    ),
                    ("304 poll", full, args.polls, {"If-None-Match": first.headers["etag"]}),
                ]
                # The same filters, each request a different day: every answer is made afresh.
                t0 = time.perf_counter()
                times = []
                for day in range(1, args.fresh + 1):
                    t1 = time.perf_counter()
                    client.get(
                        f"{base}/calendar.ics?country=TJ&since=2023-01-01&until=2023-12-{day:02d}"
                    ).read()
                    times.append(time.perf_counter() - t1)
                if times:
                    print(
                        f"{'filtered, made':18} {len(times):5d} requests: "
                        f"{len(times) / (time.perf_counter() - t0):8.1f} requests/s, "
                        f"median {statistics.median(times) * 1000:8.2f} ms (each answer made afresh)"
                    )
                for name, url, n, headers in rows:
                    if n <= 0:
                        continue
                    if headers is None:
                        client.get(url)  # the first answer is made; the loop measures polls as they come
                    rate, median, status = measure(client, url, n, headers)
                    print(
                        f"{name:18} {n:5d} requests: {rate:8.1f} requests/s, median {median:8.2f} ms (HTTP {status})"
                    )
        finally:
            server.terminate()
            server.wait(timeout=30)


if __name__ == "__main__":
    sys.exit(main())
