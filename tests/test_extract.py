"""Extraction on the seed and on short articles written here in agencies' styles."""

from __future__ import annotations

import datetime as dt

from timeline import extract, parse_article, read_article

DAY = dt.date(2024, 7, 5)


def by_type(events):
    return {e.type: e for e in events}


def test_seed_gives_its_five_events_and_nothing_more(seed):
    events = extract(read_article(seed))
    assert sorted(e.type for e in events) == ["ceremony", "press", "signing", "talks", "visit"]
    for e in events:
        assert e.start == DAY and e.end is None
        assert set(e.countries) == {"CN", "TJ"}
        assert e.location is not None and e.location.city == "Dushanbe" and e.location.country == "TJ"
        assert e.location.timezone == "Asia/Dushanbe"
        assert {p.name for p in e.participants} == {"Xi Jinping", "Emomali Rahmon"}


def test_seed_talks_keep_every_telling_as_evidence(seed):
    article = read_article(seed)
    talks = by_type(extract(article))["talks"]
    assert len(talks.evidence) > 3
    assert talks.evidence[0].text.startswith("Chinese President Xi Jinping holds talks")
    for ev in talks.evidence:
        assert article.text[ev.start : ev.end] == ev.text


def test_xinhua_style_phone_call_has_no_location():
    article = parse_article(
        """ date 2024-03-02 Chinese FM holds phone talks with French counterpart

BEIJING, March 1 (Xinhua) -- Chinese Foreign Minister Wang Yi had a phone call with French Foreign Minister Stephane Sejourne on Friday.
"""
    )
    (call,) = extract(article)
    assert call.type == "call"
    assert call.start == dt.date(2024, 3, 1)
    assert call.location is None
    assert set(call.countries) == {"CN", "FR"}


def test_scheduled_event_with_a_day_counts_but_a_plan_without_one_does_not():
    article = parse_article(
        """ date 2023-03-11 Premier to meet press

BEIJING, March 11 (Xinhua) -- Chinese Premier Li Qiang will meet the press at the Great Hall of the People on Monday morning.

The premier will visit Europe soon.
"""
    )
    events = extract(article)
    assert [(e.type, e.start) for e in events] == [("press", dt.date(2023, 3, 13))]


def test_pledges_are_not_events():
    article = parse_article(
        """WASHINGTON, May 5 (Reuters) - The two sides agreed to hold talks on trade and pledged to sign a deal.
"""
    )
    assert extract(article) == []


def test_weekday_in_the_body_resolves_against_the_dateline():
    article = parse_article(
        """ date 2023-03-22 Putin and Xi hold talks

MOSCOW, March 21. /TASS/. Russian President Vladimir Putin held talks with Chinese President Xi Jinping in the Kremlin on Tuesday.
"""
    )
    (talks,) = extract(article)
    assert talks.start == dt.date(2023, 3, 21)
    assert talks.location is not None and talks.location.city == "Moscow"
    assert set(talks.countries) == {"CN", "RU"}


def test_visit_span_from_a_written_range():
    article = parse_article(
        """ date 2024-10-07 Muizzu in India

NEW DELHI, Oct 7 (PTI) -- Maldives President Mohamed Muizzu is on a state visit to India from October 6 to 10.
"""
    )
    visit = by_type(extract(article))["visit"]
    assert (visit.start, visit.end) == (dt.date(2024, 10, 6), dt.date(2024, 10, 10))
    assert set(visit.countries) == {"IN", "MV"}
