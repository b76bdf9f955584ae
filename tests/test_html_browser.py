"""The timeline page in a real headless Chromium (Debian's ``chromium``, driven by Playwright).

Each page is loaded with every network request blocked and recorded, so a page that needs
the network (or an article whose ``<img>`` runs) fails the test.
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from playwright.sync_api import BrowserContext, Page, Request, Route
from typer.testing import CliRunner

from timeline.cli import app
from timeline.html import WEBGL_ABOVE, write_html
from timeline.model import Event, Evidence, Location, Participant, Source

# Every mark the page draws for events, in the main plot (the range slider has copies).
MARKS_JS = """() => {
  const gd = document.getElementById('timeline');
  const area = gd.querySelector('.draglayer .nsewdrag').getBoundingClientRect();
  const seen = (el) => {
    const r = el.getBoundingClientRect();
    const style = getComputedStyle(el);
    const visible = r.width > 0 && r.height > 0 && style.visibility !== 'hidden' && style.display !== 'none'
      && parseFloat(style.opacity || '1') > 0 && r.right > area.left && r.left < area.right
      && r.bottom > area.top && r.top < area.bottom;
    return visible ? {x: r.left + r.width / 2, y: r.top + r.height / 2, w: r.width, h: r.height} : null;
  };
  const all = (sel) => [...gd.querySelectorAll(sel)].map(seen).filter(Boolean);
  return {
    markers: all('.cartesianlayer .scatterlayer .point'),
    bars: all('.cartesianlayer .barlayer .point path'),
  };
}"""

# No element from an article: no <img>, no event-handler attribute anywhere in the page.
NO_INJECTED_ELEMENTS_JS = """() => document.querySelectorAll('img').length === 0
  && ![...document.querySelectorAll('*')].some((el) => [...el.attributes].some((a) => a.name.startsWith('on')))"""

HOVER_JS = """() => {
  const label = document.querySelector('#timeline .hoverlayer .hovertext');
  if (!label) return null;
  const lines = [...label.querySelectorAll('tspan.line')].map((t) => t.textContent);
  return lines.length ? lines.join(' ') : label.textContent;
}"""


@dataclass
class Loaded:
    page: Page
    requests: list[str] = field(default_factory=list)  # every request but the page's own file
    errors: list[str] = field(default_factory=list)  # console errors and uncaught exceptions
    dialogs: list[str] = field(default_factory=list)

    def marks(self) -> dict[str, list[dict[str, float]]]:
        result: dict[str, list[dict[str, float]]] = self.page.evaluate(MARKS_JS)
        return result

    def settles(self, ok: Callable[[dict[str, list[dict[str, float]]]], bool]) -> bool:
        """Whether the marks come to pass ``ok`` within two seconds (a legend click waits to
        see whether it is a double click)."""
        for _ in range(20):
            if ok(self.marks()):
                return True
            self.page.wait_for_timeout(100)
        return False

    def hover(self, x: float, y: float) -> str:
        self.page.mouse.move(1, 1)
        self.page.wait_for_function("() => !document.querySelector('#timeline .hoverlayer .hovertext')")
        self.page.mouse.move(x, y)
        self.page.wait_for_function(HOVER_JS)
        return " ".join(str(self.page.evaluate(HOVER_JS)).split())


def load(context: BrowserContext, path: Path) -> Loaded:
    page = context.new_page()
    loaded = Loaded(page)
    own = path.resolve().as_uri()

    def block(route: Route) -> None:
        if route.request.url == own:
            route.continue_()
        else:
            route.abort()

    def record(request: Request) -> None:
        if request.url != own:
            loaded.requests.append(request.url)

    context.route("**/*", block)
    context.on("request", record)
    page.on("console", lambda msg: loaded.errors.append(msg.text) if msg.type == "error" else None)
    page.on("pageerror", lambda err: loaded.errors.append(str(err)))

    def dialog(d: Any) -> None:
        loaded.dialogs.append(d.message)
        d.dismiss()

    page.on("dialog", dialog)
    page.goto(own)
    page.wait_for_function(
        "() => { const gd = document.getElementById('timeline');"
        " return gd && gd._fullLayout && gd.querySelector('.cartesianlayer'); }"
    )
    page.wait_for_timeout(200)  # let Plotly's resize and after-plot hooks settle
    return loaded


def expected_marks(events: list[dict[str, Any]]) -> tuple[int, int]:
    """(markers, bars): one per event and country lane; spans are bars, one-day events markers."""
    markers = bars = 0
    for event in events:
        lanes = max(1, len(set(event["countries"])))
        if event["end"]:
            bars += lanes
        else:
            markers += lanes
    return markers, bars


def run_cli(*args: str) -> None:
    result = CliRunner().invoke(app, list(args))
    assert result.exit_code == 0, result.output


def test_seed_page_shows_every_event_in_each_of_its_lanes_offline(seed, tmp_path, context):
    out = tmp_path / "exports"
    run_cli("build", str(seed), "--out", str(out))
    events = [json.loads(line) for line in (out / "events.jsonl").read_text().splitlines()]
    assert events, "the seed has events"
    loaded = load(context, out / "timeline.html")
    loaded.page.screenshot(path=str(tmp_path / "seed.png"), full_page=True)
    assert (tmp_path / "seed.png").stat().st_size > 10_000

    marks = loaded.marks()
    markers, bars = expected_marks(events)
    assert (len(marks["markers"]), len(marks["bars"])) == (markers, bars)
    # Events on the same day in the same lane do not hide each other.
    centres = [(m["x"], m["y"]) for m in marks["markers"]]
    for i, (x1, y1) in enumerate(centres):
        for x2, y2 in centres[i + 1 :]:
            assert abs(x1 - x2) + abs(y1 - y2) >= 8, "two markers drawn on top of each other"

    # Hovering any marker shows its event's type, people and evidence sentence.
    for mark in marks["markers"]:
        label = loaded.hover(mark["x"], mark["y"])
        kind = label.split()[0]
        (event,) = [e for e in events if e["type"] == kind]
        assert " ".join(event["evidence"][0]["text"].split()) in label
        assert all(name in label for name in event["participants"])
        assert "Dushanbe, Tajikistan" in label

    # The legend hides a type and shows it again.
    toggle = loaded.page.locator("#timeline .legend .traces", has_text="talks").locator(".legendtoggle")
    talks = sum(max(1, len(set(e["countries"]))) for e in events if e["type"] == "talks")
    assert talks > 0
    toggle.click()
    assert loaded.settles(lambda marks: len(marks["markers"]) == markers - talks)
    toggle.click()
    assert loaded.settles(lambda marks: len(marks["markers"]) == markers)

    assert loaded.page.locator("#timeline .rangeslider-container").count() == 1
    title = loaded.page.title()
    assert f"{len(events)} events" in title and "5 Jul 2024" in title
    assert loaded.page.get_by_text("China", exact=True).first.is_visible()
    assert loaded.errors == []
    assert loaded.requests == [], "the page tried the network"
    assert loaded.dialogs == []


def test_spans_are_bars_and_clicking_an_event_opens_its_source(tmp_path, context):
    said = "Xi arrived in Astana on Wednesday for a state visit to Kazakhstan lasting until Saturday."
    visit = Event(
        type="visit",
        start=dt.date(2024, 7, 3),
        end=dt.date(2024, 7, 6),
        participants=(Participant("Xi Jinping"),),
        countries=("CN", "KZ"),
        location=Location(city="Astana", country="KZ"),
        evidence=(Evidence(said, 0, len(said)),),
        source=Source("a.txt", "Xi arrives in Astana", dt.date(2024, 7, 3), "https://example.org/visit"),
    )
    call = Event(
        type="call",
        start=dt.date(2024, 9, 2),
        countries=("FR",),
        evidence=(Evidence("The two ministers spoke by phone.", 0, 33),),
        source=Source("b.txt", "Phone call", None, "https://example.org/call"),
    )
    path = write_html([visit, call], tmp_path / "spans.html")
    loaded = load(context, path)
    loaded.page.screenshot(path=str(tmp_path / "spans.png"), full_page=True)
    marks = loaded.marks()
    assert len(marks["bars"]) == 2 and len(marks["markers"]) == 1
    # The bar covers its four days: wider than a marker.
    assert all(bar["w"] > 2 * marks["markers"][0]["w"] for bar in marks["bars"])
    bar = marks["bars"][0]
    label = loaded.hover(bar["x"], bar["y"])
    assert said in label and "Wed 3 Jul 2024 – Sat 6 Jul 2024 (4 days)" in label
    assert "Xi arrives in Astana (2024-07-03)" in label

    # The quick ranges: one month back from the end of the view, then all of it again.
    loaded.page.locator("#timeline .rangeselector .button", has_text="1m").click()
    assert loaded.settles(lambda marks: (len(marks["bars"]), len(marks["markers"])) == (0, 1))
    low, high = loaded.page.evaluate("() => document.getElementById('timeline')._fullLayout.xaxis.range")
    span = dt.datetime.fromisoformat(high[:10]) - dt.datetime.fromisoformat(low[:10])
    assert 28 <= span.days <= 31
    loaded.page.locator("#timeline .rangeselector .button", has_text="all").click()
    assert loaded.settles(lambda marks: (len(marks["bars"]), len(marks["markers"])) == (2, 1))
    marks = loaded.marks()

    # A click opens the source in a new tab (the test blocks the request, but sees it tried).
    marker = marks["markers"][0]
    loaded.hover(marker["x"], marker["y"])
    with loaded.page.context.expect_page() as opened:
        loaded.page.mouse.click(marker["x"], marker["y"])
    opened.value.wait_for_load_state()
    assert loaded.requests == ["https://example.org/call"]
    assert loaded.errors == [] or all("ERR_FAILED" in e for e in loaded.errors)


PAYLOADS = {
    "title": "Xi </title><script>window.pwned = 1</script> holds talks "
    '</script><img src=x onerror="window.pwned=2;alert(2)">',
    "talks": '<img src=x onerror="window.pwned=3;alert(3)"> </script><script>window.pwned=4;alert(4)</script>',
    "signing": "<svg onload=window.pwned=5;alert(5)>",
}


def test_script_in_an_article_shows_as_text_and_never_runs(write_article, tmp_path, context):
    article = write_article(
        f"""
        date 2024-07-06 {PAYLOADS["title"]}

        DUSHANBE, July 5 (Xinhua) -- Chinese President Xi Jinping held talks with Tajik President Emomali Rahmon in Dushanbe on Friday {PAYLOADS["talks"]}.

        The two presidents also signed a joint statement {PAYLOADS["signing"]} on Friday.
        """
    )
    page = tmp_path / "out" / "timeline.html"
    run_cli("plot", str(article), "-o", str(page), "--lanes", "person")
    loaded = load(context, page)
    marks = loaded.marks()
    assert len(marks["markers"]) == 4  # talks and signing, in the lanes of both presidents
    labels = " | ".join(loaded.hover(m["x"], m["y"]) for m in marks["markers"])
    for payload in PAYLOADS.values():
        assert payload in labels, "the payload is shown as text"
    assert loaded.page.evaluate("() => typeof window.pwned") == "undefined"
    assert loaded.dialogs == []
    assert loaded.requests == [], "an <img> from the article tried to load"
    assert loaded.errors == []
    assert loaded.page.evaluate(NO_INJECTED_ELEMENTS_JS)


def test_names_places_and_links_from_an_article_cannot_inject(tmp_path, context):
    name = "<b onmouseover=alert(7)>Ali</b><script>window.pwned=7</script>"
    said = "They met </script><script>window.pwned=8</script> & <i>talked</i>."
    event = Event(
        type="meeting",
        start=dt.date(2024, 3, 1),
        participants=(Participant(name),),
        countries=("FR",),
        location=Location(city="<img src=x onerror=window.pwned=9>"),
        evidence=(Evidence(said, 0, len(said)),),
        source=Source("c.txt", "A 'quoted' title", None, "javascript:window.pwned=10"),
    )
    title = "Meetings </title><script>window.pwned=11</script>"
    loaded = load(context, write_html([event], tmp_path / "names.html", lanes="person", title=title))
    assert loaded.page.title().startswith(title)
    assert loaded.page.get_by_text(name).first.is_visible(), "the lane shows the name as text"
    (marker,) = loaded.marks()["markers"]
    label = loaded.hover(marker["x"], marker["y"])
    assert name in label and said in label and "<img src=x onerror=window.pwned=9>" in label
    assert "A 'quoted' title" in label
    loaded.page.mouse.click(marker["x"], marker["y"])  # a javascript: link opens nothing
    assert loaded.page.evaluate(NO_INJECTED_ELEMENTS_JS)
    loaded.page.wait_for_timeout(200)
    assert len(loaded.page.context.pages) == 1
    assert loaded.page.evaluate("() => typeof window.pwned") == "undefined"
    assert loaded.dialogs == [] and loaded.requests == [] and loaded.errors == []


def test_an_empty_selection_writes_a_page_that_says_so(seed, tmp_path, context):
    page = tmp_path / "empty.html"
    run_cli("plot", str(seed), "-o", str(page), "--country", "France")
    loaded = load(context, page)
    assert loaded.page.get_by_text("No events match this selection.").is_visible()
    assert "countries FR" in loaded.page.title() and "no events" in loaded.page.title()
    assert loaded.marks() == {"markers": [], "bars": []}
    loaded.page.screenshot(path=str(tmp_path / "empty.png"), full_page=True)
    assert loaded.errors == [] and loaded.requests == []


# Where an event's mark is on screen, found from the page's own data by its evidence.
LOCATE_JS = """(said) => {
  const gd = document.getElementById('timeline');
  const area = gd.querySelector('.draglayer .nsewdrag').getBoundingClientRect();
  for (const trace of gd.data) {
    const i = (trace.hovertext || []).findIndex((text) => text.includes(said));
    if (i >= 0) {
      return {x: area.left + gd._fullLayout.xaxis.d2p(trace.x[i]), y: area.top + gd._fullLayout.yaxis.d2p(trace.y[i]),
              type: trace.type};
    }
  }
  return null;
}"""


def test_a_large_selection_draws_with_webgl_and_still_hovers(tmp_path, context):
    crowd = [
        Event(
            type=("talks", "meeting", "call")[i % 3],
            start=dt.date(2023, 1, 1) + dt.timedelta(days=i % 360),
            countries=("CN", "RU") if i % 2 else ("US", "GB"),
            evidence=(Evidence(f"Routine exchange number {i}.", 0, 20),),
        )
        for i in range(WEBGL_ABOVE // 2 + 10)
    ]
    said = "The two foreign ministers met in Paris for the first time."
    lone = Event(
        type="meeting",
        start=dt.date(2024, 6, 15),
        countries=("FR",),
        evidence=(Evidence(said, 0, len(said)),),
    )
    loaded = load(context, write_html([*crowd, lone], tmp_path / "large.html"))
    loaded.page.screenshot(path=str(tmp_path / "large.png"))
    assert loaded.page.locator("#timeline canvas.gl-canvas-context").count() == 1
    spot = loaded.page.evaluate(LOCATE_JS, said)
    assert spot["type"] == "scattergl"
    assert said in loaded.hover(spot["x"], spot["y"])
    assert loaded.errors == [] and loaded.requests == []
