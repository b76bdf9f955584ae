"""The gazetteer: usual English names and seats of government find their city."""

from __future__ import annotations

import datetime as dt

from timeline import extract, parse_article
from timeline.places import find_place


def test_new_york_is_the_city_in_the_united_states_not_york():
    place = find_place("New York")
    assert place is not None and place.country == "US" and place.timezone == "America/New_York"


def test_a_meeting_in_new_york_is_placed_there():
    article = parse_article(
        """ date 2023-09-21 Ministers meet at the UN

UNITED NATIONS, Sept 20 (AP) -- Indian External Affairs Minister S. Jaishankar met Canadian Foreign Minister Melanie Joly in New York on Wednesday on the sidelines of the UN General Assembly.
"""
    )
    meetings = [e for e in extract(article) if e.type == "meeting"]
    assert meetings and meetings[0].start == dt.date(2023, 9, 20)
    assert meetings[0].location is not None
    assert (meetings[0].location.city, meetings[0].location.country) == ("New York", "US")


def test_seats_of_government_stand_for_their_city():
    kremlin = find_place("Kremlin")
    assert kremlin is not None and kremlin.name == "Moscow"
