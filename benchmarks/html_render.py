"""How big the timeline page for 10,000 events is and how fast headless Chromium draws it.

Builds a fixed set of synthetic events (seeded, so every run draws the same page), writes the
self-contained page, opens it in Debian's chromium with every network request blocked, and
prints: the page's size, the time to write it, the time until the first view is drawn, the
time a zoom to one month takes, and the time until a hover label shows.

    .venv/bin/python benchmarks/html_render.py                 # 10,000 events, lanes by country
    .venv/bin/python benchmarks/html_render.py --events 2000 --lanes person --keep /tmp/big.html
"""

from __future__ import annotations

import argparse
import datetime as dt
import random
import sys
import tempfile
import time
from pathlib import Path

from timeline.html import WEBGL_ABOVE, lanes_of, write_html
from timeline.model import EVENT_TYPES, Event, Evidence, Location, Participant, Source

COUNTRIES = (
    "CN RU US FR DE GB JP KR IN BR ZA EG NG KE ET TZ KZ UZ TJ KG TM PK IR TR SA AE QA IL PS JO "
    "IT ES PT NL BE PL HU RS GR CY AU NZ ID MY SG TH VN PH KH LA MM BD LK NP MX AR CL PE CU VE CO"
).split()
CITIES = ("Beijing", "Moscow", "Washington", "Paris", "Berlin", "Astana", "Dushanbe", "New Delhi", "Cairo")
FIRST = ("Ali", "Anna", "Chen", "David", "Elena", "Farid", "Hiroshi", "Ivan", "Julia", "Kofi", "Li", "Maria")
LAST = ("Rahman", "Petrov", "Wang", "Smith", "Dubois", "Müller", "Tanaka", "Okafor", "Silva", "Kim")


def synthetic_events(n: int, seed: int = 2024) -> list[Event]:
    """``n`` events over five years between 60 countries and 120 people, a tenth of them spans."""
    rng = random.Random(seed)
    people = [f"{f} {last}" for f in FIRST for last in LAST]
    events = []
    for i in range(n):
        start = dt.date(2020, 1, 1) + dt.timedelta(days=rng.randrange(5 * 365))
        kind = rng.choice(EVENT_TYPES)
        span = kind in ("visit", "summit") and rng.random() < 0.6
        pair = rng.sample(COUNTRIES, rng.choice((1, 2, 2, 2, 3)))
        who = rng.sample(people, rng.choice((1, 2, 2, 3)))
        said = (
            f"{who[0]} held {kind} with {', '.join(who[1:]) or 'officials'} in {rng.choice(CITIES)} on "
            f"{start:%B %d}, the {i}th exchange this year, and both sides pledged closer cooperation."
        )
        events.append(
            Event(
                type=kind,
                start=start,
                end=start + dt.timedelta(days=rng.randrange(1, 6)) if span else None,
                participants=tuple(Participant(p) for p in who),
                countries=tuple(pair),
                location=Location(city=rng.choice(CITIES), country=pair[0]),
                evidence=(Evidence(said, 0, len(said)),),
                source=Source(
                    f"article-{i // 3}.txt",
                    f"Leaders meet to discuss ties, article {i // 3}",
                    start,
                    f"https://news.example.org/{i // 3}",
                ),
            )
        )
    return events


def render_in_chromium(page: Path) -> dict[str, float]:
    from playwright.sync_api import Route, sync_playwright

    own = page.resolve().as_uri()
    blocked: list[str] = []

    def block(route: Route) -> None:
        if route.request.url == own:
            route.continue_()
        else:
            blocked.append(route.request.url)
            route.abort()

    with sync_playwright() as p:
        browser = p.chromium.launch(
            executable_path="/usr/bin/chromium",
            args=["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--no-first-run"],
        )
        tab = browser.new_page(viewport={"width": 1400, "height": 900})
        errors: list[str] = []
        tab.on("console", lambda m: errors.append(m.text) if m.type == "error" else None)
        tab.on("pageerror", lambda e: errors.append(str(e)))
        tab.route("**/*", block)
        began = time.perf_counter()
        tab.goto(own)
        tab.wait_for_function(
            "() => { const gd = document.getElementById('timeline');"
            " return gd && gd._fullLayout && gd.querySelector('.cartesianlayer'); }",
            timeout=120_000,
        )
        tab.evaluate("() => new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done)))")
        first_view = time.perf_counter() - began
        zoom = tab.evaluate(
            """async () => {
              const gd = document.getElementById('timeline');
              const end = new Date(gd._fullLayout.xaxis.range[1]);
              const start = new Date(end.getTime() - 31 * 86400000);
              const t = performance.now();
              await Plotly.relayout(gd, {'xaxis.range': [start.toISOString(), end.toISOString()]});
              await new Promise((done) => requestAnimationFrame(done));
              return (performance.now() - t) / 1000;
            }"""
        )
        tab.evaluate("() => Plotly.relayout('timeline', {'xaxis.autorange': true})")
        # Hover the middle of the plot area until a label shows (nearest event).
        box = tab.locator("#timeline .draglayer .nsewdrag").bounding_box()
        assert box is not None
        began = time.perf_counter()
        for dx in range(0, 400, 8):
            tab.mouse.move(box["x"] + box["width"] / 2 + dx, box["y"] + 20 + dx / 4)
            if tab.locator("#timeline .hoverlayer .hovertext").count():
                break
        hover = time.perf_counter() - began
        browser.close()
    if errors or blocked:
        print(f"console errors: {errors[:3]}; blocked requests: {blocked[:3]}", file=sys.stderr)
    return {"first_view": first_view, "zoom": float(zoom), "hover": hover}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--events", type=int, default=10_000)
    parser.add_argument("--lanes", default="country", choices=("country", "type", "person"))
    parser.add_argument("--keep", type=Path, help="write the page here instead of a temporary folder")
    args = parser.parse_args()

    events = synthetic_events(args.events)
    marks = sum(len(lanes_of(e, args.lanes)) for e in events)
    with tempfile.TemporaryDirectory() as tmp:
        page = args.keep or Path(tmp) / "timeline.html"
        began = time.perf_counter()
        write_html(events, page, lanes=args.lanes)
        written = time.perf_counter() - began
        size = page.stat().st_size
        timings = render_in_chromium(page)
    print(f"events {len(events)}, lanes by {args.lanes}, marks {marks}, webgl {marks > WEBGL_ABOVE}")
    print(f"page {size / 1e6:.1f} MB, written in {written:.2f} s")
    print(
        f"chromium: first view {timings['first_view']:.2f} s, zoom to one month "
        f"{timings['zoom']:.2f} s, hover label {timings['hover']:.2f} s"
    )


if __name__ == "__main__":
    main()
