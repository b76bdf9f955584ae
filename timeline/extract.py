"""From an article to events: find cue sentences, date them, place them, name who took part.

The pipeline, one step a function:

1. :func:`_scan_people` reads every sentence once for people with titles.
2. :func:`_candidates` walks the sentences in order, finds cues (``cues.py``), the date each
   cue belongs to (``dates.py``) and keeps a running date for sentences that give none.
3. Each candidate gets participants, a location and countries.
4. :func:`timeline.merge.merge_events` makes one event of each happening told several times.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

from timeline.article import Article, Sentence
from timeline.countries import find_countries
from timeline.cues import CAMEO, FUTURE_RE, PLOVER, CueMatch, find_cues
from timeline.dates import DateMention, duration_days, find_dates
from timeline.merge import merge_events
from timeline.model import Event, Evidence, Location, Participant, Source
from timeline.people import PeopleIndex, Person
from timeline.places import find_place

# A time expression that places a happening in the past without a day: background, not an event.
VAGUE_TIME_RE = re.compile(
    r"\b(?:in|since|during|until|by) (?:(?:early|late|mid|mid-)?\s*(?:January|February|March|April|May|June|July|"
    r"August|September|October|November|December) )?(?:19|20)\d\d\b|\b(?:last|previous|past) (?:year|month|"
    r"decade)\b|\b\d+ (?:years?|months?|decades?) ago\b|\b(?:previous|last|earlier|former|first|past) "
    r"(?:visit|visits|meeting|meetings|talks|trip|summit)\b|\byears? after\b",
    re.IGNORECASE,
)
# "the two leaders", "both presidents": the article's principals.
GROUP_RE = re.compile(
    r"\b(?:the two|both|the) (?:leaders|presidents|heads of state|prime ministers|sides|ministers|"
    r"foreign ministers|premiers|counterparts)\b",
    re.IGNORECASE,
)
PLACE_RE = re.compile(
    r"\b(?:in|at|to|from|near|outside) (?:the )?(?P<place>[A-Z][\w'’.-]+(?:[ -](?:[A-Z][\w'’.-]+|de|al|el)){0,3})"
)
HERE_RE = re.compile(r"\bhere\b")


@dataclass
class Candidate:
    type: str
    start: dt.date
    end: dt.date | None
    sentence: Sentence
    cue: CueMatch
    participants: list[Person]
    location: Location | None
    countries: tuple[str, ...]


def extract(article: Article) -> list[Event]:
    """The events an article reports, one per happening, in order of first mention."""
    people = _scan_people(article)
    candidates = _candidates(article, people)
    source = Source(path=article.path, title=article.title, published=article.published, url=article.url)
    events = [_to_event(c, source) for c in candidates]
    return merge_events(events)


def _scan_people(article: Article) -> PeopleIndex:
    people = PeopleIndex()
    if article.title:
        people.scan(article.title, 0)
    for s in article.sentences():
        people.scan(s.text, s.start)
    # A second pass counts bare surnames (``Xi``, ``Rahmon``) so principals rank by mentions.
    for s in article.sentences():
        people.count_mentions(s.text)
    return people


def _choose_date(dates: list[DateMention], cue: CueMatch) -> DateMention | None:
    if not dates:
        return None

    def distance(d: DateMention) -> int:
        if d.start >= cue.end:
            return d.start - cue.end
        return (cue.start - d.end) * 2 + 1  # a date after the cue is the likelier one

    return min(dates, key=distance)


def _candidates(article: Article, people: PeopleIndex) -> list[Candidate]:
    ref = article.reference_date
    running = ref  # the day the body is talking about, for sentences that give none
    body_from = article.dateline.start if article.dateline else article.body_start
    out: list[Candidate] = []
    for sentence in article.sentences():
        text = sentence.text
        if article.dateline and sentence.start <= article.dateline.start < sentence.end:
            text = (
                text[: article.dateline.start - sentence.start]
                + " " * (article.dateline.end - article.dateline.start)
                + text[article.dateline.end - sentence.start :]
            )
        sentence_future = bool(FUTURE_RE.search(text))
        dates = find_dates(text, ref, future=sentence_future)
        explicit = [d for d in dates if d.kind == "explicit"]
        # Captions stand alone: a caption without a date is about the dateline day.
        fallback = ref if sentence.caption else running
        for cue in find_cues(text):
            future = bool(FUTURE_RE.search(text, max(0, cue.start - 60), min(len(text), cue.end + 25)))
            mention = _choose_date(dates, cue)
            if mention is not None:
                start, end = mention.first, mention.last
            elif future or VAGUE_TIME_RE.search(text) or fallback is None:
                continue
            else:
                start, end = fallback, None
            if cue.type == "visit" and end is None:
                days = duration_days(text)
                if days and days > 1 and mention is not None:
                    end = start + dt.timedelta(days=days - 1)
            participants = _participants(text, people)
            location = None if cue.type == "call" else _location(text, article, participants)
            countries = _countries(text, participants, location)
            out.append(Candidate(cue.type, start, end, sentence, cue, participants, location, countries))
        if explicit and not sentence.caption and not sentence_future and sentence.start >= body_from:
            running = explicit[-1].first
    return out


def _participants(text: str, people: PeopleIndex) -> list[Person]:
    found = people.mentions_in(text)
    if len(found) < 2 and GROUP_RE.search(text):
        for p in people.principals(2):
            if p not in found:
                found.append(p)
    if not found:
        found = people.principals(2)
    return found


def _location(text: str, article: Article, participants: list[Person]) -> Location | None:
    context = {p.country for p in participants if p.country}
    if article.dateline:
        dl = find_place(article.dateline.city)
        if dl:
            context.add(dl.country)
    for m in PLACE_RE.finditer(text):
        words = m.group("place").rstrip(".").split()
        for n in range(len(words), 0, -1):
            name = " ".join(words[:n])
            place = find_place(name, context)
            if place:
                return Location(place.name, place.country, place.latitude, place.longitude, place.timezone)
    if article.dateline and (HERE_RE.search(text) or True):
        place = find_place(article.dateline.city, context)
        if place:
            return Location(place.name, place.country, place.latitude, place.longitude, place.timezone)
        return Location(city=article.dateline.city)
    return None


def _countries(text: str, participants: list[Person], location: Location | None) -> tuple[str, ...]:
    codes = [p.country for p in participants if p.country]
    if not codes:
        codes = [m.code for m in find_countries(text) if m.kind in ("name", "demonym")]
    if location and location.country:
        codes.append(location.country)
    return tuple(sorted(set(codes)))


def _to_event(c: Candidate, source: Source) -> Event:
    return Event(
        type=c.type,
        start=c.start,
        end=c.end,
        participants=tuple(Participant(p.name, p.title, p.country) for p in c.participants),
        countries=c.countries,
        location=c.location,
        evidence=(Evidence(c.sentence.text, c.sentence.start, c.sentence.end),),
        source=source,
        cameo=CAMEO[c.type],
        plover=PLOVER[c.type],
    )
