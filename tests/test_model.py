from __future__ import annotations

import datetime as dt
import json

import pytest

from timeline import Event, InvalidEvent, Location, Participant, extract, read_article


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
