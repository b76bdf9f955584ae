from __future__ import annotations

import datetime as dt
import json

import pytest

from timeline import Event, Evidence, InvalidEvent, Location, Participant, Source, extract, read_article


def test_events_round_trip_through_json_without_loss(seed):
    for event in extract(read_article(seed)):
        again = Event.from_dict(json.loads(json.dumps(event.to_dict())))
        assert again == event


def test_end_before_start_is_refused():
    with pytest.raises(InvalidEvent, match="before start"):
        Event(type="visit", start=dt.date(2024, 7, 6), end=dt.date(2024, 7, 5))


def test_missing_date_and_unknown_type_are_refused():
    with pytest.raises(InvalidEvent, match="start"):
        Event.from_dict({"type": "talks"})
    with pytest.raises(InvalidEvent, match="unknown event type"):
        Event(type="party", start=dt.date(2024, 7, 5))


def test_id_is_stable_and_depends_on_the_happening():
    a = Event(
        type="talks", start=dt.date(2024, 7, 5), participants=(Participant("Xi Jinping"),), countries=("CN",)
    )
    b = Event(
        type="talks",
        start=dt.date(2024, 7, 5),
        participants=(Participant("Xi Jinping"),),
        countries=("CN",),
        location=Location(city="Dushanbe"),
    )
    c = Event(
        type="talks", start=dt.date(2024, 7, 6), participants=(Participant("Xi Jinping"),), countries=("CN",)
    )
    assert a.id == b.id != c.id
    assert len(a.id) == 16


def test_an_event_told_by_several_articles_round_trips_and_keeps_source_first():
    first = Source(path="xinhua/talks.txt", title="Xi holds talks", published=dt.date(2024, 7, 5))
    second = Source(path="tass/talks.txt", url="https://tass.com/politics/1")
    event = Event(
        type="talks",
        start=dt.date(2024, 7, 5),
        sources=(first, second),
        evidence=(Evidence("Xi held talks with Rahmon.", 10, 36, path="tass/talks.txt"),),
    )
    assert event.source == first and event.corroboration == 2
    data = json.loads(json.dumps(event.to_dict()))
    assert data["source"]["path"] == "xinhua/talks.txt"
    assert [s["path"] for s in data["sources"]] == ["xinhua/talks.txt", "tass/talks.txt"]
    assert data["evidence"][0]["path"] == "tass/talks.txt"
    assert Event.from_dict(data) == event


def test_an_event_with_one_source_reads_as_before(seed):
    event = extract(read_article(seed))[0]
    assert event.sources == (event.source,) and event.corroboration == 1
    data = event.to_dict()
    assert "path" not in data["evidence"][0]
    del data["sources"]  # JSON written before events had several sources
    assert Event.from_dict(data) == event
