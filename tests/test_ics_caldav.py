"""The export on a real CalDAV server (Radicale), through a real CalDAV client (caldav).

What a user does: upload the calendar, look at a week, upload it again as articles arrive.
"""

from __future__ import annotations

import datetime as dt
import socket
import subprocess
import sys
import time
from collections.abc import Iterator

import caldav
import pytest
from ics_support import SAME_TALKS

from timeline import Event, extract, read_article
from timeline.ics import items


def _free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as s:
        s.bind(("127.0.0.1", 0))
        port: int = s.getsockname()[1]
        return port


@pytest.fixture(scope="module")
def radicale_url(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """A Radicale server on 127.0.0.1: a free port, a temp storage folder, no authentication."""
    root = tmp_path_factory.mktemp("radicale")
    port = _free_port()
    log = (root / "server.log").open("wb")
    server = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "radicale",
            "--server-hosts",
            f"127.0.0.1:{port}",
            "--auth-type",
            "none",
            "--storage-filesystem-folder",
            str(root / "collections"),
            "--logging-level",
            "warning",
        ],
        stdout=log,
        stderr=subprocess.STDOUT,
    )
    try:
        deadline = time.monotonic() + 30
        while True:
            if server.poll() is not None:
                raise RuntimeError(f"radicale exited: {(root / 'server.log').read_text()[-2000:]}")
            try:
                socket.create_connection(("127.0.0.1", port), timeout=0.5).close()
                break
            except OSError:
                if time.monotonic() > deadline:
                    raise
                time.sleep(0.1)
        yield f"http://127.0.0.1:{port}/"
    finally:
        server.terminate()
        try:
            server.wait(timeout=10)
        except subprocess.TimeoutExpired:
            server.kill()
            server.wait()
        log.close()


@pytest.fixture
def calendar(radicale_url: str, request: pytest.FixtureRequest) -> caldav.Calendar:
    """An empty calendar of its own for each test."""
    client = caldav.DAVClient(url=radicale_url, username="analyst", password="any")
    return client.principal().make_calendar(name=request.node.name[:40])


def upload(calendar: caldav.Calendar, events: list[Event]) -> None:
    """What a sync does: PUT each event's calendar object under its UID."""
    for item in items(events).values():
        calendar.save_event(item.decode("utf-8"))


def on_server(calendar: caldav.Calendar, start: dt.date, end: dt.date) -> dict[str, object]:
    """UID -> VEVENT of the events the server finds between start and end."""
    found: dict[str, object] = {}
    for obj in calendar.search(
        start=dt.datetime.combine(start, dt.time(), dt.UTC),
        end=dt.datetime.combine(end, dt.time(), dt.UTC),
        event=True,
    ):
        for vevent in obj.icalendar_instance.walk("VEVENT"):
            uid = str(vevent["uid"])
            assert uid not in found, f"{uid} is on the server twice"
            found[uid] = vevent
    return found


def test_the_seed_uploads_and_is_found_on_its_day_and_re_uploads_update_without_duplicates(
    calendar, seed, write_article
):
    events = extract(read_article(seed))
    expected = set(items(events))
    upload(calendar, events)

    week = on_server(calendar, dt.date(2024, 7, 1), dt.date(2024, 7, 8))
    assert set(week) == expected
    for vevent in week.values():
        assert vevent.decoded("dtstart") == dt.date(2024, 7, 5)
        assert vevent.decoded("dtend") == dt.date(2024, 7, 6)
    # All-day events of July 5 end before July 6 begins, and begin after July 4 ends.
    assert on_server(calendar, dt.date(2024, 7, 6), dt.date(2024, 7, 8)) == {}
    assert on_server(calendar, dt.date(2024, 7, 1), dt.date(2024, 7, 5)) == {}
    assert set(on_server(calendar, dt.date(2024, 7, 5), dt.date(2024, 7, 6))) == expected

    upload(calendar, extract(read_article(seed)))
    assert len(calendar.events()) == len(expected)

    # Another agency reports the same talks: still one talks event, updated in place.
    talks_uid = next(uid for uid, v in week.items() if str(v["summary"]).startswith("Talks:"))
    second = extract(read_article(write_article(SAME_TALKS)))
    upload(calendar, extract(read_article(seed)) + second)
    assert len(calendar.events()) == len(expected)
    after = on_server(calendar, dt.date(2024, 7, 1), dt.date(2024, 7, 8))
    assert set(after) == expected
    talks = after[talks_uid]
    assert talks["sequence"] > week[talks_uid]["sequence"]
    assert "China's Xi holds talks with Tajik leader" in str(talks["description"])
    for uid, vevent in after.items():
        if uid != talks_uid:
            assert vevent.to_ical() == week[uid].to_ical()


def test_a_visit_spans_its_days_on_the_server(calendar):
    visit = Event(type="visit", start=dt.date(2024, 7, 4), end=dt.date(2024, 7, 6), countries=("CN", "TJ"))
    upload(calendar, [visit])
    for day in (dt.date(2024, 7, 4), dt.date(2024, 7, 5), dt.date(2024, 7, 6)):
        (found,) = on_server(calendar, day, day + dt.timedelta(days=1)).values()
        assert found.decoded("dtend") == dt.date(2024, 7, 7)
    assert on_server(calendar, dt.date(2024, 7, 7), dt.date(2024, 7, 9)) == {}
    assert on_server(calendar, dt.date(2024, 7, 1), dt.date(2024, 7, 4)) == {}
