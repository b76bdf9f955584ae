from __future__ import annotations

import datetime as dt

import icalendar

from timeline import Event, Evidence, Participant, extract, read_article
from timeline.html import render_html
from timeline.ics import to_calendar, write_ics


def test_ics_has_one_all_day_vevent_per_event_with_stable_uids(seed, tmp_path):
    events = extract(read_article(seed))
    first = write_ics(events, tmp_path / "a.ics").read_bytes()
    second = write_ics(extract(read_article(seed)), tmp_path / "b.ics").read_bytes()
    assert first == second
    cal = icalendar.Calendar.from_ical(first)
    vevents = cal.walk("VEVENT")
    assert len(vevents) == 5
    for v in vevents:
        assert v.decoded("dtstart") == dt.date(2024, 7, 5)
        assert v.decoded("dtend") == dt.date(2024, 7, 6)
        assert str(v["location"]) == "Dushanbe, Tajikistan"
    assert {str(v["summary"]) for v in vevents} >= {"Talks: Xi Jinping – Emomali Rahmon"}
    assert str(cal["method"]) == "PUBLISH"


def test_span_has_an_exclusive_end():
    visit = Event(type="visit", start=dt.date(2024, 7, 4), end=dt.date(2024, 7, 6))
    (v,) = to_calendar([visit]).walk("VEVENT")
    assert v.decoded("dtend") == dt.date(2024, 7, 7)


def test_article_text_is_escaped_in_the_page_and_survives_in_the_calendar():
    payload = 'Talks; with, commas \\ and </script><img src=x onerror="alert(1)">'
    event = Event(
        type="talks",
        start=dt.date(2024, 7, 5),
        participants=(Participant("A <b>Person</b>"),),
        evidence=(Evidence(payload, 0, len(payload)),),
    )
    page = render_html([event])
    assert "<img src=x" not in page
    assert "</script><img" not in page
    (v,) = icalendar.Calendar.from_ical(to_calendar([event]).to_ical()).walk("VEVENT")
    assert payload in str(v["description"])


def test_exports_get_the_usual_file_mode_not_a_private_one(seed, tmp_path):
    import os

    from timeline.output import atomic_write

    umask = os.umask(0o022)
    try:
        path = atomic_write(tmp_path / "page.html", "<p>hi</p>")
    finally:
        os.umask(umask)
    assert path.stat().st_mode & 0o777 == 0o644
