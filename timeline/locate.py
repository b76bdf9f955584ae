"""Where a happening took place and which countries it involves, from the article's words.

The gazetteer (``places.py``) and the country table (``countries.py``) answer what a name is;
this module reads where a sentence or an article puts its happenings: "in Sochi", "at the State
House, Abuja", a venue the article announces, the dateline city ("here"), the country visited.
"""

from __future__ import annotations

import re
from functools import lru_cache

from timeline import wordlists
from timeline.article import Article
from timeline.countries import find_countries, lookup
from timeline.dates import MONTH_ABBREVIATION_ALT, MONTH_NAME_ALT, STAY_ENDED, WEEKDAY_ALT, number_words
from timeline.model import Location
from timeline.people import Person
from timeline.places import Place, city_name, find_place

# "These contacts will be held in Sochi": the venue of the story's happenings, wherever it was written.
VENUE_RE = re.compile(
    r"\b(?:talks|contacts|meetings?|negotiations|summit|visit) (?:will|would|are to|is to|are set to|is set to|"
    r"are due to|is due to) (?:be held|take place) in\b",
    re.IGNORECASE,
)


# A dateline of places before a day: "State House, Nairobi, Kenya, Monday 30 May 2022 –".
LEAD_PLACES_RE = re.compile(
    r"\s{0,4}(?P<places>(?:[A-Z][\w'’.-]*(?: [A-Z][\w'’.-]*){0,3}, ){1,4})"
    rf"(?:(?:{WEEKDAY_ALT}),? )?"
    rf"(?:\d{{1,2}} [A-Z][a-z]+|(?:{MONTH_NAME_ALT}|{MONTH_ABBREVIATION_ALT})\.? \d{{1,2}})\b"
)


PLACE_RE = re.compile(
    r"\b(?:in|at|to|near|visiting) (?:the )?(?:(?P<poss>[A-Z][\w.-]+(?: [A-Z][\w.-]+){0,2})['’]s )?(?:(?:(?P<dem>[A-Z][a-z]+) )?(?:(?:northern|southern|eastern|western|central|north-?eastern|north-?western|south-?eastern|south-?western|coastal|ancient|border|historic) )?(?:capital|city|port city|port|town|resort)(?: city)? (?:of )?)?(?P<place>[A-Z][\w'’.-]++(?: (?:[A-Z][\w'’.-]++|de|al|el|of the|of)){0,4})"
)


COUNTRY_AFTER_RE = re.compile(r",\s+(?:the\s+)?([A-Z][\w'’-]+(?:\s+[A-Z][\w'’-]+){0,3})")


# "the G7 Summit in Italy", "his visit to Chile": a gathering in a country ("invest more in
# Serbia" names no place of a happening).
GATHERING_IN_COUNTRY_RE = re.compile(
    r"\b(?:[Ss]ummit|[Ff]orum|[Cc]onference|[Mm]eeting|[Tt]alks|[Vv]isit|[Tt]rip|[Tt]our)(?: [\w'’-]+){0,3}? (?:in|to) "
    r"(?:the )?(?P<place>[A-Z][\w'’-]*(?: (?:of (?:the )?)?[A-Z][\w'’-]*){0,4})"
)


# "after concluding a two-day trip to Nigeria": a stay already over (up to three words, "a
# two-day state", stand before the word of the stay).
PREVIOUS_STAY_RE = re.compile(rf"{STAY_ENDED}(?: [\w'’-]+){{0,3}} ?\Z", re.IGNORECASE)


# "had last met in Sochi", "during a past visit to Pretoria": a place of an earlier happening.
PAST_BEFORE_PLACE_RE = re.compile(
    r"\b(?:last|previously|past|previous|prior|earlier)\s(?:(?:state|official|working)\s)?"
    r"(?:met|meeting|visit|visited|trip|talks|summit)\s?\Z",
    re.IGNORECASE,
)


PAST_AFTER_PLACE_RE = re.compile(
    r",?\s(?:earlier this (?:year|month)|last (?:year|month|week)|in (?:19|20)\d\d\b|"
    rf"(?:\d+|{number_words(2, 10)}) (?:years|months|decades) ago)",
    re.IGNORECASE,
)


# "the Indonesian city of Bali": the article tells which country its Bali is in.
NAMED_CITY_RE = re.compile(
    r"\bthe (?P<dem>[A-Z][a-z]+) (?:capital|city|port city|port|town|resort|resort island|island) of "
    r"(?P<place>[A-Z][\w'’-]+(?: [A-Z][\w'’-]+){0,2})"
)


def as_location(place: Place, written: str | None = None) -> Location:
    city = city_name(written, place) if written else place.name
    return Location(city, place.country, place.latitude, place.longitude, place.timezone)


# "in Bali, Indonesia, on Monday": a place and the country it lies in
PLACE_COMMA_COUNTRY_RE = re.compile(
    r"\b(?:in|at|to|near) (?P<place>[A-Z][\w'’-]+(?: [A-Z][\w'’-]+){0,2}), (?P<country>[A-Z][\w'’-]+(?: [A-Z][\w'’-]+){0,2})"
)


@lru_cache(maxsize=8)
def named_places(text: str) -> dict[str, str]:
    """Places the article ties to a country ("the Indonesian city of Bali", "in Bali,
    Indonesia"), wherever it names them again."""
    out: dict[str, str] = {}
    for m in NAMED_CITY_RE.finditer(text):
        code = lookup(m.group("dem"))
        if code is not None:
            out.setdefault(m.group("place"), code)
    for m in PLACE_COMMA_COUNTRY_RE.finditer(text):
        code = lookup(m.group("country"))
        if code is not None and lookup(m.group("place")) is None:
            out.setdefault(m.group("place"), code)
    return out


def is_facility(name: str) -> bool:
    """ "Airport", "Palace": a building's word, never a town on its own."""
    return name.lower() in wordlists.words("facility_words.txt")


def place_in(
    text: str, context: set[str], named: dict[str, str] | None = None, countries_too: bool = True
) -> Location | None:
    """The first city or seat of government the text names after in/at/to/near.

    A country right after the city ("Nadi, Fiji") picks among namesakes, and a city unknown
    there keeps that country ("Bali, Indonesia" is not Bali in Cameroon). A seat not in the
    gazetteer followed by its city ("at the State House, Abuja") gives that city. Where the text
    names a country there and no city, the country."""
    fallback: Location | None = None
    for m in PLACE_RE.finditer(text):
        if PAST_AFTER_PLACE_RE.match(text, m.end()) or PAST_BEFORE_PLACE_RE.search(
            text, max(0, m.start() - 30), m.start()
        ):
            continue  # "hosting the Olympics in Paris earlier this year": a place of the past
        words = m.group("place").rstrip(".").split()
        if words[-1].endswith(("'s", "’s")):
            words[-1] = words[-1][:-2]
        after = COUNTRY_AFTER_RE.match(text, m.end())
        code = lookup(after.group(1)) if after else None
        poss = m.group("poss")
        if poss and lookup(poss) is None:
            # "in Bangkok's Dusit district": the city is the one whose part is named
            city = find_place(poss, context)
            if city is not None:
                return as_location(city, poss)
            poss = None
        dem = m.group("dem") or poss
        if dem and lookup(dem):
            # "the Indonesian city of Bali", "Saudi Arabia's capital Riyadh"
            code, after = lookup(dem), None
        elif named and m.group("place").rstrip(".") in named:
            code, after = named[m.group("place").rstrip(".")], None
        tries = [words] + ([after.group(1).split()] if after and code is None else [])
        for ws in tries:
            for n in range(len(ws), 0, -1):
                name = " ".join(ws[:n])
                country = lookup(name)
                if country is not None:
                    own = find_place(name, {country})
                    if n > 1 or own is None or own.country != country:
                        # "the Republic of Uzbekistan" is a country, not the town "Republic";
                        # "in Armenia" is the country, not a town of that name in Colombia
                        # (a city-state, "in Singapore", is its city)
                        if countries_too and n == len(ws) and fallback is None:
                            fallback = Location(city=None, country=country)
                        break
                if n == 1 and is_facility(name):
                    continue  # "at the International Airport": no town called Airport
                place = find_place(name, context | {code} if code else context)
                if place and n < len(ws) and context and place.country not in context and not code:
                    continue  # "the Ho Chi Minh Mausoleum" in Hanoi: no town Ho in Ghana
                if place and code and place.country != code:
                    return Location(city=name, country=code)
                if place:
                    return as_location(place, name)
        if code is not None and (dem or after is None):
            return Location(city=" ".join(words), country=code)  # "the Indonesian city of Lombok"
    return fallback


def home_location(article: Article) -> Location | None:
    """Where the article's events happen when a sentence does not say: the venue the article
    announces ("the talks will be held in Sochi"), else the dateline city, else the first city
    the article names."""
    for s in article.sentences():
        venue = VENUE_RE.search(s.text)
        if venue:
            found = place_in(s.text[venue.end() - 3 :], set(), countries_too=False)
            if found:
                return found
    if article.dateline:
        region = lookup(article.dateline.region) if article.dateline.region else None
        place = find_place(article.dateline.city, {region} if region else ())
        if place and (region is None or place.country == region):
            return as_location(place, article.dateline.city)
        city = article.dateline.city
        if region is None:
            # a capital the gazetteer spells otherwise ("ULAANBAATAR", GeoNames' Ulan Bator)
            whole = [m for m in find_countries(city) if m.start == 0 and m.end == len(city)]
            region = whole[0].code if whole else None
        return Location(city=city.title() if city.isupper() else city, country=region)  # "NUR-SULTAN"
    for s in article.sentences():
        lead = LEAD_PLACES_RE.match(s.text)
        if lead is not None:
            # "State House, Nairobi, Kenya, Monday 30 May 2022 –": a dateline of places.
            parts = [p.strip() for p in lead.group("places").split(",") if p.strip()]
            codes = {code for p in parts if (code := lookup(p))}
            for part in parts:
                place = find_place(part, codes)
                if place and (not codes or place.country in codes):
                    return as_location(place, part)
        break
    for s in article.sentences():
        found = place_in(s.text, set(), countries_too=False)
        if found:
            return found
    return next((c for s in article.sentences() if (c := country_in(s.text))), None)


def event_location(
    text: str, article: Article, participants: list[Person], home: Location | None
) -> Location | None:
    context = {p.country for p in participants if p.country}
    if home and home.country:
        context.add(home.country)
    # "welcomed to New Zealand during a powhiri in Queenstown": the country named tells which
    context.update(m.code for m in find_countries(text) if m.kind == "name")
    place = place_in(text, context, named_places(article.text))
    if place is not None and place.city is None and home is not None and home.country == place.country:
        return home  # "talks in Russia", filed from Moscow: Moscow
    if place is not None or home is None:
        return place or home
    # "ISLAMABAD: Prime Minister paid a visit to the Islamic Republic of Iran": the dateline is
    # where the story was written, the country visited is where it happened.
    abroad = country_in(text) if article.dateline else None
    return abroad if abroad is not None and abroad.country != home.country else home


def country_in(text: str) -> Location | None:
    """A country named as the place of a gathering or visit ("on the margins of the G7 Summit
    in Italy"), not of a stay already over ("after concluding a trip to Nigeria")."""
    for m in GATHERING_IN_COUNTRY_RE.finditer(text):
        if PAST_AFTER_PLACE_RE.match(text, m.end()) or PREVIOUS_STAY_RE.search(
            text, max(0, m.start() - 40), m.start()
        ):
            continue
        words = m.group("place").split()
        code = next((c for n in range(len(words), 0, -1) if (c := lookup(" ".join(words[:n])))), None)
        if code:
            return Location(city=None, country=code)
    return None


def event_countries(text: str, participants: list[Person], location: Location | None) -> tuple[str, ...]:
    codes = [p.country for p in participants if p.country]
    if not codes:
        codes = [m.code for m in find_countries(text) if m.kind in ("name", "demonym")]
    if location and location.country:
        codes.append(location.country)
    return tuple(sorted(set(codes)))


# "TOKYO – The Prime Minister ...": a diary's or wire's entry opens with the city it is from.
ENTRY_CITY_RE = re.compile(r"\W{0,3}(?P<city>[A-Z][A-Z.'’-]+(?: [A-Z][A-Z.'’-]+){0,3})\s?[–—-]+\s")


def place_line(text: str) -> Location | None:
    """A line that is only a place ("New York City, United States of America"), as itineraries
    head the day's entries with: the venue of what follows."""
    parts = [p.strip() for p in text.strip().rstrip(".").split(",")]
    if not parts or len(text) > 80 or any(not p or len(p.split()) > 5 for p in parts):
        return None
    codes = {code for p in parts if (code := lookup(p))}
    place = find_place(parts[0], codes)
    if place is None or (codes and place.country not in codes):
        return None
    if not all(lookup(p) or find_place(p) for p in parts):
        return None
    return as_location(place, parts[0])


def entry_city(text: str) -> Location | None:
    """The city an entry opens with in capitals ("TOKYO – ...", "BRUSSELS - ...")."""
    m = ENTRY_CITY_RE.match(text)
    if m is None:
        return None
    place = find_place(m.group("city"))
    return as_location(place, m.group("city").title()) if place else None
