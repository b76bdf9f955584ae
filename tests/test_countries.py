"""Country mentions in running text: names, demonyms, capitals, seats of government."""

from __future__ import annotations

import pytest

from timeline.countries import find_countries


@pytest.mark.parametrize(
    ("text", "codes"),
    [
        ("Tajik President Emomali Rahmon met Chinese President Xi Jinping.", ["TJ", "CN"]),
        ("the Democratic Republic of the Congo and Bosnia and Herzegovina", ["CD", "BA"]),
        ("China's premier visited Côte d'Ivoire.", ["CN", "CI"]),
        ("China-New Zealand relations and Russia-Turkey ties", ["NZ", "TR"]),
        ("talks in the Kremlin, then a call from Beijing", ["RU", "CN"]),
        ("Chinese-made trains and the chinese menu", []),
    ],
)
def test_country_mentions(text, codes):
    assert [m.code for m in find_countries(text)] == codes


def test_mention_offsets_point_at_the_form():
    text = "He met the Emirati foreign minister."
    (m,) = find_countries(text)
    assert text[m.start : m.end] == "Emirati" and m.kind == "demonym"


def test_a_country_s_long_form_with_republic_of_is_the_country():
    from timeline.countries import lookup

    assert lookup("the Republic of Turkiye") == "TR"
    assert lookup("Republic of Kenya") == "KE"
    # where "Republic of" is part of the name, the name decides
    assert lookup("Republic of Korea") == "KR"
    assert lookup("Democratic Republic of the Congo") == "CD"


@pytest.mark.parametrize(
    ("url", "code"),
    [
        ("https://www.news-agency.mn/en/read/1", "MN"),  # the host's country-code domain
        ("https://en.daily.co.kr/view/2", "KR"),
        ("https://www.ministry.gov.uk/news/3", "GB"),  # .uk is not an ISO code
        ("https://www.president.gov/briefing/4", "US"),  # the United States' own domain
        ("https://tass.com/politics/5", "RU"),  # a national agency on a generic domain
        ("https://www.big-news.com/world/6", None),  # a generic domain says nothing
        ("https://clips.tv/world/7", None),  # nor a country code sold to anyone
        ("http://[::1", None),  # an address with no host
        (None, None),
    ],
)
def test_the_country_an_outlet_publishes_for(url, code):
    from timeline.countries import outlet_country

    assert outlet_country(url) == code
