"""Reading saved web pages: pages per second, and the share spent in text extraction.

    .venv/bin/python benchmarks/html_ingest.py                 # 1,000 pages generated in a temp folder
    .venv/bin/python benchmarks/html_ingest.py --pages 5000 --keep /tmp/pages

The script writes the pages itself, from a fixed seed, in the three shapes the tests use (a
wire story with a dateline, a ministry readout, a page dated only in its metadata), each with
menus, a cookie note, related links, comments and a footer around the article. It then reads
the folder as `timeline extract FOLDER` does (timeline.api.events_from, one process) and
splits the time: text extraction (trafilatura and htmldate, in timeline.web.extract_page),
event extraction (timeline.extract) and the rest (reading files, building the article).
CPU time is the figure to compare on a shared machine, where wall time includes waiting.
"""

from __future__ import annotations

import argparse
import random
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "tests"))

from web_pages import Story  # noqa: E402  (the tests' page shapes)

import timeline.api  # noqa: E402
import timeline.web  # noqa: E402

LEADERS = [
    ("Chinese", "President", "Xi Jinping", "Beijing"),
    ("Russian", "President", "Vladimir Putin", "Moscow"),
    ("Tajik", "President", "Emomali Rahmon", "Dushanbe"),
    ("Indian", "Prime Minister", "Narendra Modi", "New Delhi"),
    ("French", "President", "Emmanuel Macron", "Paris"),
    ("Kenyan", "President", "William Ruto", "Nairobi"),
    ("Japanese", "Prime Minister", "Fumio Kishida", "Tokyo"),
    ("Turkish", "President", "Recep Tayyip Erdogan", "Ankara"),
]
MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September",
          "October", "November", "December"]  # fmt: skip
KINDS = ("agency", "ministry", "metadata")
FILLER = [
    "The two sides exchanged views on international and regional issues of common concern.",
    "Both leaders agreed to strengthen cooperation in infrastructure, agriculture and education.",
    "The two countries established diplomatic relations in 1992.",
    "Officials said further agreements on trade and energy would be signed later this year.",
]


def story(rng: random.Random, n: int) -> Story:
    host, guest = rng.sample(LEADERS, 2)
    year, month, day = rng.choice([2022, 2023, 2024]), rng.randrange(12), rng.randint(1, 28)
    kind = KINDS[n % 3]
    said = f"{host[0]} {host[1]} {host[2]} held talks with {guest[0]} {guest[1]} {guest[2]} in {host[3]}"
    if kind == "agency":
        first = f"{host[3].upper()}, {MONTHS[month]} {day} (Xinhua) -- {said} on {MONTHS[month]} {day}."
    elif kind == "ministry":
        first = f"{said} on {day} {MONTHS[month]} {year}."
    else:
        first = f"{host[3].upper()} (Reuters) -- {said} on {MONTHS[month]} {day}."
    body = (first, *rng.sample(FILLER, 3))
    return Story(
        f"page{n:05d}",
        f"{year}-{month + 1:02d}-{day:02d}",
        f"{host[2]} holds talks with {guest[2]}",
        body,
        f"https://news.example.org/{year}/{n}",
        kind,
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--pages", type=int, default=1000)
    parser.add_argument("--keep", type=Path, help="write the pages here (kept) instead of a temp folder")
    args = parser.parse_args()
    rng = random.Random(12)
    with tempfile.TemporaryDirectory() as tmp:
        folder = args.keep or Path(tmp)
        folder.mkdir(parents=True, exist_ok=True)
        size = 0
        for n in range(args.pages):
            page = folder / f"page{n:05d}.html"
            page.write_text(story(rng, n).html(), encoding="utf-8")
            size += page.stat().st_size

        spent = {"text": 0.0, "events": 0.0}

        def timed(name: str, fn: Any) -> Any:
            def run(*a: Any, **k: Any) -> Any:
                start = time.process_time()
                try:
                    return fn(*a, **k)
                finally:
                    spent[name] += time.process_time() - start

            return run

        timeline.web.extract_page = timed("text", timeline.web.extract_page)  # type: ignore[assignment]
        timeline.api.extract = timed("events", timeline.api.extract)  # type: ignore[assignment]
        report = timeline.api.Report()
        wall, cpu = time.perf_counter(), time.process_time()
        events = sum(1 for _ in timeline.api.events_from([folder], glob="*.html", report=report))
        wall, cpu = time.perf_counter() - wall, time.process_time() - cpu
    print(
        f"pages:              {report.articles} read, {len(report.skipped)} skipped ({size / 1e6:.1f} MB of HTML)"
    )
    print(f"events:             {events}")
    print(f"wall time:          {wall:.2f} s  ({report.articles / wall:.0f} pages/s)")
    print(f"CPU time:           {cpu:.2f} s  ({report.articles / cpu:.0f} pages/s)")
    print(
        f"text extraction:    {spent['text']:.2f} s CPU ({100 * spent['text'] / cpu:.0f}%)  trafilatura + htmldate"
    )
    print(f"event extraction:   {spent['events']:.2f} s CPU ({100 * spent['events'] / cpu:.0f}%)")
    rest = cpu - spent["text"] - spent["events"]
    print(f"the rest:           {rest:.2f} s CPU ({100 * rest / cpu:.0f}%)  reading files, building articles")


if __name__ == "__main__":
    main()
