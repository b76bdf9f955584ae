"""The served timeline page in a real headless Chromium (Debian's ``chromium`` via Playwright):
it loads from the server alone, with no console error, and its Subscribe links are the
calendar of the filters it shows."""

from __future__ import annotations

import urllib.parse
from collections.abc import Iterator
from typing import Any

import httpx
import pytest
from cli_articles import ANKARA, MOSCOW
from playwright.sync_api import BrowserContext, Page, Route
from serve_support import ingest, serving, write


@pytest.fixture(scope="module")
def base(tmp_path_factory) -> Iterator[str]:
    from conftest import SEED

    folder = tmp_path_factory.mktemp("served")
    write(folder, "a/ankara.txt", ANKARA)
    write(folder, "a/moscow.txt", MOSCOW)
    db = folder / "timeline.db"
    ingest(db, SEED, folder / "a")
    with serving(db) as url:
        yield url


def open_page(context: BrowserContext, url: str, base: str) -> tuple[Page, list[str], list[str], list[str]]:
    """Load ``url`` allowing requests to the server only; returns the page, console errors,
    requests elsewhere (blocked) and dialogs."""
    page = context.new_page()
    errors: list[str] = []
    elsewhere: list[str] = []
    dialogs: list[str] = []

    def block(route: Route) -> None:
        if route.request.url.startswith(base + "/"):
            route.continue_()
        else:
            elsewhere.append(route.request.url)
            route.abort()

    context.route("**/*", block)
    page.on("console", lambda msg: errors.append(msg.text) if msg.type == "error" else None)
    page.on("pageerror", lambda err: errors.append(str(err)))

    def dialog(d: Any) -> None:
        dialogs.append(d.message)
        d.dismiss()

    page.on("dialog", dialog)
    response = page.goto(url)
    assert response is not None and response.status == 200
    page.wait_for_function(
        "() => { const gd = document.getElementById('timeline');"
        " return gd && gd._fullLayout && gd.querySelector('.cartesianlayer'); }"
    )
    page.wait_for_timeout(200)
    return page, errors, elsewhere, dialogs


def test_served_page_loads_without_errors_and_subscribes_to_what_it_shows(base, context):
    query = "country=TJ&type=talks&since=2024-07"
    page, errors, elsewhere, dialogs = open_page(context, f"{base}/?{query}", base)
    assert errors == [] and elsewhere == [] and dialogs == []
    host = base.removeprefix("http://")
    webcal = page.get_attribute("#subscribe-webcal", "href")
    web = page.get_attribute("#subscribe-https", "href")
    assert webcal == f"webcal://{host}/calendar.ics?country=TJ&type=talks&since=2024-07-01"
    assert web == f"http://{host}/calendar.ics?country=TJ&type=talks&since=2024-07-01"
    # The link's calendar holds exactly the events the page draws: the Dushanbe talks.
    calendar = httpx.get(web).text
    assert calendar.count("BEGIN:VEVENT") == 1 and "Talks: Xi Jinping" in calendar
    title = page.title()
    assert "types talks; countries TJ; from 2024-07-01" in title and "1 event" in title
    assert page.locator("#timeline .scatterlayer .point").count() >= 1
    # The same page at /timeline.html, with no filters: the whole calendar.
    page2, errors2, elsewhere2, _ = open_page(context, f"{base}/timeline.html", base)
    assert errors2 == [] and elsewhere2 == []
    assert page2.get_attribute("#subscribe-webcal", "href") == f"webcal://{host}/calendar.ics"


def test_markup_in_a_filter_shows_as_text_and_never_runs(base, context):
    value = "<img src=x onerror=alert(1)><script>alert(2)</script>"
    url = f"{base}/?person={urllib.parse.quote(value)}"
    page, errors, elsewhere, dialogs = open_page(context, url, base)
    assert dialogs == [] and errors == [] and elsewhere == []
    assert page.locator("img").count() == 0
    assert value in page.title()  # shown as the text it is
    href = page.get_attribute("#subscribe-webcal", "href") or ""
    assert urllib.parse.parse_qs(urllib.parse.urlsplit(href).query) == {"person": [value]}
