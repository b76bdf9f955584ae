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


def test_every_capital_the_country_table_names_is_a_place():
    # "Ulaanbaatar /MONTSAME/ ..." opens a dateline only if the capital's spelling is known;
    # the gazetteer holds towns of 15,000 people or more, so a few tiny capitals are not in it
    from timeline.countries import countries
    from timeline.places import is_place

    too_small = {"St Peter Port", "St. George's", "Diego Garcia", "Melekeok"}
    missing = [
        capital
        for country in countries().values()
        for capital in [country.capital]
        if capital and capital not in too_small and not is_place(capital)
    ]
    assert missing == []


def test_a_country_s_city_and_a_city_s_district_are_placed_in_the_city():
    from timeline.locate import place_in

    riyadh = place_in("He chaired the summit in Saudi Arabia's capital Riyadh on Monday.", set())
    assert riyadh is not None and (riyadh.city, riyadh.country) == ("Riyadh", "SA")
    hangzhou = place_in("The leaders gathered in China’s Hangzhou for the forum.", set())
    assert hangzhou is not None and (hangzhou.city, hangzhou.country) == ("Hangzhou", "CN")
    # a district named after its city's possessive is in that city
    jakarta = place_in("Guests were welcomed at a residence in Jakarta’s Menteng district.", set())
    assert jakarta is not None and (jakarta.city, jakarta.country) == ("Jakarta", "ID")
