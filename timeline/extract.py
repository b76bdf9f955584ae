"""From an article to events: find cue sentences, date them, place them, name who took part.

The pipeline, one step a function:

1. :func:`_scan_people` reads every sentence once for people with titles.
2. :func:`_candidates` walks the sentences in order, finds cues (``cues.py``), the date each
   cue belongs to (``dates.py``) and keeps a running date for sentences that give none.
3. Each candidate gets participants, a location and countries.
4. :func:`timeline.merge.merge_events` makes one event of each happening told several times.
"""

from __future__ import annotations

import bisect
import datetime as dt
import re
from collections import Counter
from dataclasses import dataclass, replace
from functools import lru_cache

from timeline.article import Article, Sentence
from timeline.countries import agency_country, find_countries, lookup
from timeline.cues import (
    ANAPHOR,
    ARRIVAL,
    CAMEO,
    DAY_OF_STAY_RE,
    FUTURE_RE,
    NEAR,
    ORDINALS,
    PLOVER,
    SIDELINES,
    SPOKE,
    CueMatch,
    find_cues,
)
from timeline.dates import DEPARTED_AFTER_STAY_RE, DateMention, duration_days, find_dates
from timeline.merge import TWO_PARTY, merge_events
from timeline.model import Event, Evidence, Location, Participant, Source
from timeline.people import LOOSE_OFFICES, PeopleIndex, Person, office
from timeline.places import Place, city_name, find_place

# The version of what extraction finds: raise it with every change that can alter the events
# of an article. A store re-extracts the articles it read with an older one (timeline ingest).
EXTRACTOR_VERSION = "2026.12.1"

# A time expression that places a happening in the past without a day: background, not an event.
VAGUE_TIME_RE = re.compile(
    r"\b(?:in|since|during|until|by) (?:(?:early|late|mid|mid-)?\s*(?:January|February|March|April|May|June|July|"
    r"August|September|October|November|December) )?(?:19|20)\d\d\b|\b(?:last|previous|past) (?:year|month|week|"
    r"decade)\b|\b\d+ (?:years?|months?|decades?) ago\b|\b(?:previous|last|earlier|former|first|past) "
    r"(?:visit|visits|meeting|meetings|talks|trip|summit)\b|\byears? after\b|\b(?:in|since) \d{4}\b|"
    r"\b(?:this|last|next|that) week['’]s\b|\banniversary of\b|\b(?:recent|recently held) (?:[\w-]+ )?(?:visits?|meetings?|talks|trips?|summit)\b|\bso far\b",
    re.IGNORECASE,
)
# A happening named only as the frame of another: "before the official talks".
FRAME_BEFORE_RE = re.compile(
    r"\b(?:before|ahead of|prior to|after|following) (?:the |their |his |her )?(?:[\w-]+ ){0,2}\Z",
    re.IGNORECASE,
)
# "These contacts will be held in Sochi": the venue of the story's happenings, wherever it was written.
VENUE_RE = re.compile(
    r"\b(?:talks|contacts|meetings?|negotiations|summit|visit) (?:will|would|are to|is to|are set to|is set to|"
    r"are due to|is due to) (?:be held|take place) in\b",
    re.IGNORECASE,
)
UNTOLD_DAY_RE = re.compile(
    r"\bduring (?:his|her|their|the) (?:[\w-]+ ){0,2}?(?:stay|visit|trip|tour)\b"
    r"|\b(?:days|weeks|months|years|some time) (?:later|earlier|afterwards)\b"
    r"|\b(?:in|over|during) (?:the )?(?:recent|past|last) (?:few )?(?:days|weeks|months|years)\b",
    re.IGNORECASE,
)
ON_BEHALF_RE = re.compile(
    r"\bon behalf of (?:the )?[A-Z][\w'’.-]*(?: (?:[A-Z][\w'’.-]*|bin|bint|ibn|al|el|de|da|van|von)){0,8}"
)
CONTINUED_FROM_RE = re.compile(r"(?:continued|continues|resumed|resumes)\b", re.IGNORECASE)
FROM_BEFORE_RE = re.compile(r"\bfrom\s+\Z", re.IGNORECASE)
RELATIVE_CLAUSE_RE = re.compile(
    r",\s(?:who|which)\s[^,;]{0,150},|\s(?:--|—|–)\s?(?:who|which)\s(?:(?!--)[^—–;]){0,150}(?:--|—|–)"
)
# A headline announcing a plan: "Xi to pay state visit to Vietnam", "President set to visit".
TITLE_PLAN_RE = re.compile(
    r"\bto (?:pay|make|begin|start|visit|travel|embark|undertake|attend)\b", re.IGNORECASE
)
# A transcript's own headline: "Press Conference by Prime Minister X", "Joint Press Conference of ..."
# (a spokesperson's routine briefing is none).
TRANSCRIPT_TITLE_RE = re.compile(
    r"(?:Joint )?(?:Press|News) Conference (?:by|of|with|held by) (?:the )?(?:[A-Z][\w-]* ){0,2}?(?:Prime Minister|President|"
    r"Chancellor|Premier|King|Emir|Foreign Minister|Minister for Foreign Affairs|Secretary of State|Leaders)\b"
)
# "After the welcome ceremony, ...": the sentence follows a happening told before.
FRAME_NOUNS = {
    "ceremony": "ceremony",
    "talks": "talks",
    "meeting": "meeting",
    "banquet": "banquet",
    "dinner": "banquet",
    "luncheon": "banquet",
    "signing": "signing",
    "press conference": "press",
}
FRONTED_FRAME_RE = re.compile(
    r"\W{0,2}(?:After|Following|At the end of) (?:the|their|this) (?:[\w-]+ ){0,2}?(?P<noun>"
    + "|".join(FRAME_NOUNS)
    + r")\b",
    re.IGNORECASE,
)
# "held separate meetings with A and B": one happening with each.
SEPARATE_RE = re.compile(r"\bseparate\b", re.IGNORECASE)
# "held bilateral talks with leaders from A, B and C" is one talks a country; "held talks with
# counterparts from A, B and C", said without it, is one gathering of them all.
APART_RE = re.compile(
    r"\b(?:bilateral|separate(?:ly)?|respectively|individually|one[- ]on[- ]one)\b", re.IGNORECASE
)
SAID_BEFORE_RE = re.compile(
    r"\b(?:said|says|told(?: \w+){0,2}|announced|announces|stated|added|noted)\s+(?:here\s+)?(?:on\s+)?\Z",
    re.IGNORECASE,
)
# A vague time opening the clause of a cue: its day is not told.
VAGUE_BEFORE_RE = re.compile(
    r"\b(?:days|weeks|months) (?:after|before)\b|\b(?:earlier|later) (?:this|that|last) (?:week|month|year)\b",
    re.IGNORECASE,
)
# "Albanese will travel to Fiji", "Modi arrived in Japan": the traveller and the country.
TRAVELS_TO_RE = re.compile(
    r"\b(?P<who>[A-Z][\w'’-]+) (?:(?:will|has|had|is to|then|also|later) ){0,2}(?:travel|travels|travelled|traveled|"
    r"flew|flies|fly|arrived|arrives|arrive|visited|visits|visit) (?:to |in )?(?:the )?"
    r"(?P<where>[A-Z][\w'’-]+(?: [A-Z][\w'’-]+){0,2})"
)
# A dateline of places before a day: "State House, Nairobi, Kenya, Monday 30 May 2022 –".
LEAD_PLACES_RE = re.compile(
    r"\s{0,4}(?P<places>(?:[A-Z][\w'’.-]*(?: [A-Z][\w'’.-]*){0,3}, ){1,4})"
    r"(?:(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday),? )?"
    r"(?:\d{1,2} [A-Z][a-z]+|(?:January|February|March|April|May|June|July|August|September|October|November|"
    r"December|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)\.? \d{1,2})\b"
)
# "the two leaders", "both presidents": the article's principals.
GROUP_RE = re.compile(
    r"\b(?:the two|both|the) (?:leaders|presidents|heads of state|prime ministers|sides|ministers|"
    r"foreign ministers|premiers|counterparts)\b|\bthe (?:visiting|guest) (?:president|prime minister|premier|leader|"
    r"king|emir|chancellor|dignitary)\b|\bthe guest\b|\bin (?:his|her|their) hono(?:u)?r\b",
    re.IGNORECASE,
)
# "with leaders from Estonia, Poland and Slovenia", "with the presidents of Kenya and Ghana"
LEADERS_FROM_RE = re.compile(
    r"\bwith (?:the )?(?:leaders|presidents|prime ministers|heads of state|heads of government|counterparts|"
    r"foreign ministers|premiers|delegations) (?:from|of) (?P<countries>[A-Z][\w'’-]*(?: [A-Z][\w'’-]*){0,3}"
    r"(?:, (?:the )?[A-Z][\w'’-]*(?: [A-Z][\w'’-]*){0,3}){0,12},? and (?:the )?[A-Z][\w'’-]*(?: [A-Z][\w'’-]*){0,3})"
)
# A group named by its plural title: every person the article gives that title.
PLURAL_TITLE_RE = re.compile(
    r"\b(?:the|all|these|those|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|\w+teen|twenty|\d+)\s+(?:new(?:ly[- ]appointed)?\s+|foreign\s+|visiting\s+)?"
    r"(?P<title>ambassador|envoy|head of state|president|prime minister|foreign minister)s\b",
    re.IGNORECASE,
)
# "the Kenyan president", "the Russian leader" pointing back to a person named before.
DEMONYM_TITLE_RE = re.compile(
    r"\b[Tt]he (?P<demonym>[A-Z][\w'’-]+) (?P<title>(?i:president|prime minister|premier|foreign minister|king|emir|chancellor))\b"
)
PLACE_RE = re.compile(
    r"\b(?:in|at|to|near) (?:the )?(?:(?:(?P<dem>[A-Z][a-z]+) )?(?:(?:northern|southern|eastern|western|central|north-?eastern|north-?western|south-?eastern|south-?western|coastal|ancient|border|historic) )?(?:capital|city|port city|port|town|resort)(?: city)? (?:of )?)?(?P<place>[A-Z][\w'’.-]++(?: (?:[A-Z][\w'’.-]++|de|al|el|of the|of)){0,4})"
)
COUNTRY_AFTER_RE = re.compile(r",\s+(?:the\s+)?([A-Z][\w'’-]+(?:\s+[A-Z][\w'’-]+){0,3})")
# "April 11, Japan time", "March 22 Beijing time": a day on a clock other than the local one.
OTHER_CLOCK_RE = re.compile(r"[,;]?\s?(?!local\b|Local\b)[A-Z][a-z]+ (?:time|Time)\b")
# "accompanied by his wife", "was greeted by the Crown Prince upon arrival": the people named
# came with the visitor or met them; their arrival is not a visit of their own.
ESCORTED_RE = re.compile(
    r"\b(?:accompanied|greeted|received|welcomed|met|seen off|joined) by\b", re.IGNORECASE
)
# "met", "meets", "meeting": a meeting cue told in the words of talks ("received" is its own).
MET_RE = re.compile(r"(?:met|meets?|meeting)\b", re.IGNORECASE)
# A stay told at its end: the day named is its last.
CONCLUDED_RE = re.compile(
    r"\b(?:wrapped up|wraps up|concluded|concludes|ended|ends|wound up|winds up|completed|completes|rounded off)\b",
    re.IGNORECASE,
)
# "the G7 Summit in Italy", "his visit to Chile": a gathering in a country ("invest more in
# Serbia" names no place of a happening).
GATHERING_IN_COUNTRY_RE = re.compile(
    r"\b(?:[Ss]ummit|[Ff]orum|[Cc]onference|[Mm]eeting|[Tt]alks|[Vv]isit|[Tt]rip|[Tt]our)(?: [\w'’-]+){0,3}? (?:in|to) "
    r"(?:the )?(?P<place>[A-Z][\w'’-]*(?: (?:of (?:the )?)?[A-Z][\w'’-]*){0,4})"
)
# "after concluding a two-day trip to Nigeria": a stay already over.
PREVIOUS_STAY_RE = re.compile(
    r"\b(?:after|following) (?:concluding|wrapping up|completing|ending)(?: [\w'’-]+){0,3} ?\Z", re.IGNORECASE
)
# "had last met in Sochi", "during a past visit to Pretoria": a place of an earlier happening.
PAST_BEFORE_PLACE_RE = re.compile(
    r"\b(?:last|previously|past|previous|prior|earlier)\s(?:(?:state|official|working)\s)?"
    r"(?:met|meeting|visit|visited|trip|talks|summit)\s?\Z",
    re.IGNORECASE,
)
PAST_AFTER_PLACE_RE = re.compile(
    r",?\s(?:earlier this (?:year|month)|last (?:year|month|week)|in (?:19|20)\d\d\b|"
    r"(?:\d+|two|three|four|five|six|seven|eight|nine|ten) (?:years|months|decades) ago)",
    re.IGNORECASE,
)
HERE_RE = re.compile(r"\bhere\b")
# A scheduled happening whose day is still open: "soon", "next year", "at an early date".
VAGUE_FUTURE_RE = re.compile(
    r"\b(?:soon|next (?:year|month|week)|later this (?:year|month)|this year|in the (?:near )?future|"
    r"(?:this|next) (?:spring|summer|autumn|fall|winter)|"
    r"at an early date|in (?:the )?coming (?:days|weeks|months|years)|at a later date|"
    r"during (?:his|her|their|the) (?:[\w-]+ )?(?:visit|stay|trip|tour))\b",
    re.IGNORECASE,
)


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
    return merge_events(events, [c.cue.kind for c in candidates])


def _scan_people(article: Article) -> PeopleIndex:
    people = PeopleIndex()
    if article.title:
        people.scan(article.title, 0)
    counts: Counter[str] = Counter()
    for s in article.sentences():
        people.scan(s.text, s.start)
        counts.update(m.code for m in find_countries(s.text))
    # Agencies often leave out the home country of their own leaders ("Premier Li Keqiang",
    # "President Ram Nath Kovind"): a person with no country named belongs to the country the
    # article names most.
    # One country has one president and one prime minister: a country that already has a
    # holder of the title is not the home of another ("President Mohamed bin Zayed and US
    # President Joe Biden", in an article that names the United States most).
    held = {
        (office(p.title), p.country)
        for p in people.people
        if p.country and office(p.title) not in LOOSE_OFFICES
    }
    ranked = [code for code, _ in counts.most_common()]
    # An agency leaves out the country of its own leaders: the country it writes for comes first
    # (a national agency's: "(PTI)", else the dateline's: "ISLAMABAD: Prime Minister X paid a
    # visit to Iran").
    written_in = _writer_country(article)
    if written_in:
        ranked = [written_in] + [c for c in ranked if c != written_in]
    # A leader named with a foreign one whose country is told is not of that country: "German
    # Chancellor Angela Merkel" with "Prime Minister David Cameron", in a story naming Germany most.
    beside: dict[int, set[str]] = {}
    if any(p.country is None for p in people.people):
        for s in article.sentences():
            found = people.mentions_in(s.text)
            for p in found:
                # A spouse travels with the leader: "First Lady Liza Marcos" is not excluded.
                if (
                    p.country is None
                    and office(p.title) not in LOOSE_OFFICES
                    and "lady" not in office(p.title)
                ):
                    # Not a short form of the same person, nor a spouse ("First Lady Liza Marcos").
                    words = set(p.name.split())
                    beside.setdefault(id(p), set()).update(
                        o.country for o in found if o.country and not words & set(o.name.split())
                    )
                    # "Albanese will travel to Fiji": who travels to a country is not from it.
                    for m in TRAVELS_TO_RE.finditer(s.text):
                        if m.group("who") in words and (code := lookup(m.group("where"))):
                            beside[id(p)].add(code)
    for p in people.people:
        if p.country is None:
            own = office(p.title)
            fits = [c for c in ranked if own in LOOSE_OFFICES or (own, c) not in held]
            p.country = next(
                (c for c in fits if c not in beside.get(id(p), set())), fits[0] if fits else None
            )
    # A second pass counts bare surnames (``Xi``, ``Rahmon``) so principals rank by mentions.
    for s in article.sentences():
        people.count_mentions(s.text)
    return people


def _writer_country(article: Article) -> str | None:
    d = article.dateline
    if d is None:
        return None
    if d.agency and (code := agency_country(d.agency)):
        return code
    if d.region and (code := lookup(d.region)):
        return code
    place = find_place(d.city)
    return place.country if place else None


def _local_dates(text: str, dates: list[DateMention]) -> list[DateMention]:
    """Leave out a day given on another clock ("0:10 a.m. on April 11, Japan time") when the
    sentence gives the local one too: the local day at the place counts."""
    other = [d for d in dates if OTHER_CLOCK_RE.match(text, d.end)]
    return [d for d in dates if d not in other] if len(other) < len(dates) else dates


def _background(text: str, cue: CueMatch, dates: list[DateMention]) -> bool:
    """Whether a year or an anniversary next to the cue makes it history ("the signing of the
    treaties in 1820", "the anniversary of his state visit"), unless a day is named there too;
    or a vague time opens the clause of the cue ("days after the two leaders spoke by phone",
    "Earlier this week, she held talks"), with no day between them."""
    vague = VAGUE_BEFORE_RE.search(text, max(0, cue.start - NEAR), cue.start)
    if vague and not any(vague.end() <= d.start < cue.start for d in dates):
        return True
    a, b = max(0, cue.start - NEAR), min(len(text), cue.end + NEAR)
    if not VAGUE_TIME_RE.search(text, a, b):
        return False
    return not any(d.kind == "explicit" and d.start < b and d.end > a for d in dates)


def _choose_date(dates: list[DateMention], cue: CueMatch, text: str = "") -> DateMention | None:
    if cue.near:
        dates = [d for d in dates if d.start - cue.end <= NEAR and cue.start - d.end <= NEAR]
    # "Clarke, who arrived on Wednesday, also called on the President": the day in the relative
    # clause belongs to its own verb.
    dates = _outside_clauses(text, dates, cue.start)
    if not dates:
        return None

    def distance(d: DateMention) -> int:
        if d.start >= cue.end:
            return d.start - cue.end
        return (cue.start - d.end) * 2 + 1  # a date after the cue is the likelier one

    return min(dates, key=distance)


def _outside_clauses(text: str, dates: list[DateMention], keep_at: int = -1) -> list[DateMention]:
    """The dates not inside a relative clause ("X, who arrived on Wednesday, ...", "X -- who
    arrived on Sunday -- ..."), unless the clause holds ``keep_at`` (the cue being dated)."""
    for clause in RELATIVE_CLAUSE_RE.finditer(text) if dates else ():
        a, b = clause.span()
        if not a <= keep_at < b:
            dates = [d for d in dates if not a <= d.start < b]
    return dates


def _candidates(article: Article, people: PeopleIndex) -> list[Candidate]:
    ref = article.reference_date
    running = ref  # the day the body is talking about, for sentences that give none
    # Whether the body has told something that happened on the reference day itself: then what
    # "will" happen with no day named is the rest of that day's programme ("The leaders will
    # then hold talks"), not a plan without a day.
    today_told = False
    planned: dt.date | None = None  # the day the last dated scheduled sentence named
    told = False  # whether the body has named a day yet
    body_from = article.dateline.start if article.dateline else article.body_start
    home = _home_location(article)
    out: list[Candidate] = []
    transcript = _transcript_title(article, people, home)
    if transcript is not None:
        out.append(transcript)
    for sentence in article.sentences():
        text = sentence.text
        if article.dateline and sentence.start <= article.dateline.start < sentence.end:
            text = (
                text[: article.dateline.start - sentence.start]
                + " " * (article.dateline.end - article.dateline.start)
                + text[article.dateline.end - sentence.start :]
            )
        sentence_future = bool(FUTURE_RE.search(text))
        dates = _local_dates(text, find_dates(text, ref, future=sentence_future))
        if sentence_future:
            # "X will attend the summit, the spokesperson said on Wednesday": the day of the
            # announcement, not of the plan.
            dates = [d for d in dates if not SAID_BEFORE_RE.search(text, max(0, d.start - 30), d.start)]
        explicit = [d for d in dates if d.kind == "explicit"]
        # Captions stand alone: a caption without a date is about the dateline day.
        fallback = ref if sentence.caption else running
        cues = find_cues(text)
        if any(c.type == "summit" for c in cues):
            # "arrived in Jeddah to participate in the summit": the happening is the summit.
            cues = [c for c in cues if c.kind != ARRIVAL]
        # "spoke to President X" is a call, unless the sentence says where they were together.
        cues = [c for c in cues if not (c.kind == SPOKE and _place_in(text, set()))]
        for cue in cues:
            future = bool(FUTURE_RE.search(text, max(0, cue.start - 60), min(len(text), cue.end + 25)))
            mention = _choose_date(dates, cue, text)
            if (
                mention is not None
                and CONTINUED_FROM_RE.match(text, cue.start)
                and FROM_BEFORE_RE.search(text, max(0, mention.start - 6), mention.start)
            ):
                # "continued their talks from Thursday night": Thursday is when they began; the
                # happening told is the continuation, on the day the sentence is about.
                mention = None
            if _background(text, cue, dates):
                continue
            a, b = max(0, cue.start - NEAR), min(len(text), cue.end + NEAR)
            if future and VAGUE_FUTURE_RE.search(text, a, b):
                continue  # "with whom he will hold talks during his visit": no day for the talks
            if (
                mention is None
                and cue.near
                and FRAME_BEFORE_RE.search(text, max(0, cue.start - 40), cue.start)
                and not text[cue.start : cue.end].lower().endswith(("with", "between"))
            ):
                # "in private before the official talks", "sign documents after the talks": the
                # talks only frame another happening (unless the counterpart is named with them).
                continue
            framed = _told_before(text, out) if mention is None else None
            stay_day = _day_of_stay(text, out) if mention is None and cue.type != "visit" else None
            if stay_day is not None:
                start, end = stay_day, None
            elif mention is not None:
                start, end = mention.first, mention.last
            elif framed is not None:
                start, end = framed, None
            elif fallback is None or UNTOLD_DAY_RE.search(text):
                # "During his stay in the capital, he also met ...", "Days later, she visited ...":
                # some day, not told.
                continue
            elif future:
                if sentence.caption:
                    continue
                if planned is not None:
                    start, end = planned, None
                elif today_told and fallback == ref:
                    start, end = fallback, None
                else:
                    continue
            elif article.byline and not (told or sentence.caption or article.dateline_date):
                # Only the publication day is known, in a reporter's story: written for the next
                # day's paper, it tells last night's dinner without a day, so the day cannot be
                # told. (An official readout without a byline is published the day it tells.)
                continue
            else:
                start, end = fallback, None
            if cue.type == "visit" and end is None:
                days = duration_days(text)
                if days and days > 1 and mention is not None:
                    end = start + dt.timedelta(days=days - 1)
                nth = DAY_OF_STAY_RE.search(text)
                final_day = nth is not None and bool(nth.group("last") or nth.group("last2"))
                # "here on the third and final day of his visit" after a sentence that named the day
                if nth and (mention is not None or (final_day and told)):
                    if final_day:
                        end = start  # "on the third and final day of his visit": the stay ends that day
                    start = start - dt.timedelta(days=ORDINALS[nth.group("nth").lower()] - 1)
                    end = end if end != start else None
                if (
                    days
                    and days > 1
                    and mention is not None
                    and (CONCLUDED_RE.search(text) or DEPARTED_AFTER_STAY_RE.search(text))
                ):
                    # "wrapped up his two-day state visit on Friday": Friday is the last day.
                    start, end = start - dt.timedelta(days=days - 1), start
            if (
                cue.type == "visit"
                and ESCORTED_RE.search(text)
                and any(c.type == "visit" and c.start <= start <= (c.end or c.start) for c in out)
            ):
                continue  # "He was greeted by X upon arrival": the visit told before, not X's
            if cue.kind == ANAPHOR and mention is None:
                told_before = [c for c in out if c.type in TWO_PARTY and c.start == start]
                if told_before:
                    earlier = told_before[-1]
                    cue = replace(cue, type=earlier.type, kind=earlier.cue.kind.partition("@")[0])
            participants = _participants(text, people, cue.type)
            location = None if cue.type == "call" else _location(text, article, participants, home)
            countries = _countries(text, participants, location)
            each = _each_country(text, cue, participants, people) if cue.type in TWO_PARTY else []
            if not each and cue.type in TWO_PARTY and SEPARATE_RE.search(text, cue.start, cue.end):
                each = _each_counterpart(participants)
            for code, who in each:
                # "held talks with leaders from Estonia, Poland and Slovenia": one talks a country.
                kind = replace(cue, kind=f"{cue.kind}@{code}")
                codes = _countries("", who, location) + tuple(
                    c for c in (code,) if c.isupper() and len(c) == 2
                )
                out.append(
                    Candidate(cue.type, start, end, sentence, kind, who, location, tuple(sorted(set(codes))))
                )
            if not each:
                if cue.type in TWO_PARTY:
                    countries = tuple(sorted(set(countries) | set(_listed_countries(text, cue))))
                out.append(Candidate(cue.type, start, end, sentence, cue, participants, location, countries))
        if not dates and not sentence.caption and (stay_day := _day_of_stay(text, out)) is not None:
            running = stay_day  # "On the first day of his visit, ... He also met ...": that day
        # Without a dated dateline, the first sentence of the body that names a day tells the
        # story's day ("had a brief encounter with X on Friday"): what follows is about it.
        lead = not told and not article.dateline_date
        # A day inside a relative clause ("Modi -- who arrived on Sunday -- met ...") tells that
        # clause's happening, not the frame of the story.
        dates = _outside_clauses(text, dates)
        explicit = [d for d in dates if d.kind == "explicit"]
        if dates and sentence.start >= body_from:
            told = True
        if dates and sentence_future and not sentence.caption:
            planned = dates[-1].first
        if dates and not sentence.caption and not sentence_future and sentence.start >= body_from:
            planned = None
            one_day = [d for d in explicit if d.last is None]
            if one_day:
                running = one_day[-1].first
            elif explicit:
                # A span ("a state visit from August 18-20") is the stay, not a day: what follows
                # without a day of its own cannot be dated, unless the sentence names one too
                # ("arrived on Monday for a visit from March 20 to 22").
                single = [d for d in dates if d.last is None]
                running = single[0].first if single else None
            elif dates[0].start <= 4 or lead or running is None:
                # A fronted day sets the frame of what follows: "On Thursday, they held talks.
                # Putin later laid a wreath." (A day inside the sentence does not, unless no
                # day is framed yet, as after a span.)
                running = dates[0].first
            # An arrival opens a stay of several days: what "will" follow belongs to the stay.
            if any(d.first == ref for d in dates) and any(c.type != "visit" for c in cues):
                today_told = True
    out = _one_summit_attended(out)
    out = _headline_meeting_told(out, article)
    _same_day_place(out, home)
    if article.dateline:
        _during_stay(out, home)
    if not any(c.type == "visit" for c in out):
        visit = _visit_in_title(article, people, home)
        if visit is not None:
            out.append(visit)
    return out


def _headline_meeting_told(out: list[Candidate], article: Article) -> list[Candidate]:
    """A headline's "PM meets Chancellor Merkel", or a body's "Modi met Hasina on Saturday", is
    the talks the story tells that day with the same people: one happening, not a meeting
    besides the talks."""

    def headline(c: Candidate) -> bool:
        return (
            c.sentence.start < article.body_start or c.sentence.text.strip() == (article.title or "").strip()
        )

    def names(c: Candidate) -> set[str]:
        return {p.name for p in c.participants}

    def told_as_talks(c: Candidate) -> bool:
        # a headline shares someone with the talks; a body sentence names the same two principals
        return any(
            t.start == c.start
            and (
                names(t) & names(c)
                if headline(c)
                else len(names(c)) >= 2
                and names(c) <= names(t)
                and MET_RE.match(c.sentence.text, c.cue.start, c.cue.end) is not None
            )
            for t in talks
        )

    talks = [c for c in out if c.type == "talks" and not headline(c)]
    return [c for c in out if not (c.type == "meeting" and told_as_talks(c))]


def _move(c: Candidate, home: Location, where: Location) -> None:
    """Place a happening told without a place of its own at ``where`` instead of ``home``: the
    host country changes with it, unless a principal is from the home country."""
    codes = set(c.countries)
    if home.country not in {p.country for p in c.participants}:
        codes.discard(home.country or "")
    c.location = where
    c.countries = tuple(sorted(codes | ({where.country} if where.country else set())))


def _same_day_place(out: list[Candidate], home: Location | None) -> None:
    """What a sentence places nowhere happened where the story last placed that day's events
    ("received his counterpart at the Bogor Palace, Bogor ... The two leaders then planted a
    tree"), not in the dateline city: the nearest placed happening of the day before it, else
    after it."""
    if home is None:
        return

    def is_placed(o: Candidate) -> bool:
        return (
            o.location is not None and o.location is not home and bool(o.location.city) and o.type != "call"
        )

    # The placed happenings of each day, by their place in ``out``: looked up, not rescanned,
    # so a long article stays linear.
    placed_on: dict[dt.date, list[int]] = {}
    for j, o in enumerate(out):
        if is_placed(o):
            placed_on.setdefault(o.start, []).append(j)
    for i, c in enumerate(out):
        if c.location is not home or c.type == "call" or HERE_RE.search(c.sentence.text):
            continue  # "met Tuesday on the margins of the meeting here": the dateline city
        placed = placed_on.get(c.start)
        if not placed:
            continue
        k = bisect.bisect_left(placed, i)
        where = out[placed[k - 1] if k > 0 else placed[0]].location
        assert where is not None
        _move(c, home, where)
        if is_placed(c):
            bisect.insort(placed, i)


def _day_of_stay(text: str, out: list[Candidate]) -> dt.date | None:
    """ "On the first day of his visit, he held talks ...": the day of the stay told before, not
    the day the story was filed."""
    nth = DAY_OF_STAY_RE.search(text)
    if nth is None:
        return None
    stay = next((c for c in reversed(out) if c.type == "visit" and c.end is not None), None)
    if stay is None or stay.end is None:
        return None
    day = stay.start + dt.timedelta(days=ORDINALS[nth.group("nth").lower()] - 1)
    return day if day <= stay.end else None


def _during_stay(out: list[Candidate], home: Location | None) -> None:
    """What a sentence places nowhere, on a day of a visit told elsewhere ("began his two-day
    visit to Bali on Thursday"), happened where the visitor stayed, not in the dateline city
    the story was filed from."""
    if home is None:
        return
    stays = [
        c
        for c in out
        if c.type == "visit"
        and c.location is not None
        and c.location is not home
        and c.location.city
        and c.location.city != home.city
    ]
    for c in out:
        if c.location is not home:
            continue
        stay = next((v for v in stays if v.start <= c.start <= (v.end or v.start)), None)
        if stay is not None and stay.location is not None:
            _move(c, home, stay.location)


def _one_summit_attended(out: list[Candidate]) -> list[Candidate]:
    """Meetings "on the sidelines of the summit" on its later days tell the same attendance as
    the first: a summit is attended from its first day told, not once a day."""
    summits = [c for c in out if c.type == "summit"]
    kept = []
    for c in out:
        first = None
        if c.cue.kind == SIDELINES:
            first = next((o for o in summits if o.start < c.start <= o.start + dt.timedelta(days=3)), None)
        if first is None:
            kept.append(c)
        elif first.end is None or first.end < c.start:
            first.end = c.start  # the summit lasted at least until then
    return kept


def _visit_in_title(article: Article, people: PeopleIndex, home: Location | None) -> Candidate | None:
    """A visit told only by the headline ("President warmly welcomed upon state visit to
    Vietnam") while the body paints the arrival as a scene: the visit is on the dateline day."""
    title, day = article.title, article.dateline_date
    if not title or day is None or FUTURE_RE.search(title) or TITLE_PLAN_RE.search(title):
        return None
    cue = next((c for c in find_cues(title) if c.type == "visit"), None)
    if cue is None or VAGUE_TIME_RE.search(title):
        return None
    sentence = _title_sentence(article, title)
    who = people.mentions_in(title)[:1] or people.principals(1)
    location = _location(title, article, who, home)
    return Candidate("visit", day, None, sentence, cue, who, location, _countries(title, who, location))


def _title_sentence(article: Article, title: str) -> Sentence:
    at = max(article.text.find(title), 0)
    return Sentence(title, at, at + len(title), 0)


def _transcript_title(article: Article, people: PeopleIndex, home: Location | None) -> Candidate | None:
    """A transcript published under "Press Conference by Prime Minister X": the article is the
    press conference itself, held the day it is published."""
    title, day = article.title, article.reference_date
    if not title or day is None or not TRANSCRIPT_TITLE_RE.match(title):
        return None
    sentence = _title_sentence(article, title)
    cue = CueMatch("press", 0, len(title), kind="press")
    who = people.mentions_in(title)[:1] or people.principals(1)
    return Candidate("press", day, None, sentence, cue, who, home, _countries("", who, home))


def _told_before(text: str, out: list[Candidate]) -> dt.date | None:
    """The day of the happening a sentence opens with as its frame: "After the welcome
    ceremony, the two leaders held talks" took place on the ceremony's day."""
    m = FRONTED_FRAME_RE.match(text)
    if m is None:
        return None
    type_ = FRAME_NOUNS[m.group("noun").lower()]
    return next((c.start for c in reversed(out) if c.type == type_), None)


# Happenings between two parties: where a sentence names one ("Meeting with Kazakh President
# Nazarbayev", "received the visiting president"), the other is the article's protagonist.


def _each_country(
    text: str, cue: CueMatch, participants: list[Person], people: PeopleIndex
) -> list[tuple[str, list[Person]]]:
    """The counterparts of talks or meetings held with a list of countries, one country each."""
    group = LEADERS_FROM_RE.search(text, cue.start)
    if group is None or not APART_RE.search(text):
        return []
    codes = list(dict.fromkeys(m.code for m in find_countries(group.group("countries"))))
    if len(codes) < 2:
        return []
    lead = [p for p in participants if p.country not in codes][:1]
    if not lead:
        lead = [p for p in people.ranked() if p.country not in codes][:1]
    return [(code, lead + [p for p in people.people if p.country == code]) for code in codes]


def _listed_countries(text: str, cue: CueMatch) -> list[str]:
    """The countries of "talks with counterparts from A, B and C", held as one gathering."""
    group = LEADERS_FROM_RE.search(text, cue.start)
    if group is None:
        return []
    return list(dict.fromkeys(m.code for m in find_countries(group.group("countries"))))


def _each_counterpart(participants: list[Person]) -> list[tuple[str, list[Person]]]:
    """The first person named with each of the others: "held separate meetings with A and B"."""
    if len(participants) < 3:
        return []
    return [(p.name.casefold(), [participants[0], p]) for p in participants[1:]]


def _participants(text: str, people: PeopleIndex, kind: str) -> list[Person]:
    # "a ceremony held by the Crown Prince on behalf of King X": the king is not there.
    text = ON_BEHALF_RE.sub(lambda m: " " * len(m.group(0)), text)
    found = people.mentions_in(text)
    for m in PLURAL_TITLE_RE.finditer(text):
        # "accepted credentials presented by thirteen newly-appointed ambassadors": all of them.
        for p in people.holding(m.group("title")):
            if p not in found:
                found.append(p)
    if len(found) < 2 and GROUP_RE.search(text):
        for p in people.principals(2):
            if p not in found:
                found.append(p)
    if not found:
        found = people.principals(2)
    for m in DEMONYM_TITLE_RE.finditer(text):
        # "the Kenyan president hosted a banquet": the one president of Kenya the article names.
        code = lookup(m.group("demonym"))
        holders = [p for p in people.holding(m.group("title")) if code and p.country == code]
        if len(holders) == 1 and holders[0] not in found:
            found.append(holders[0])
    if len(found) == 1 and kind in TWO_PARTY:
        other = [p for p in people.ranked() if p not in found]
        if other:
            found.append(other[0])
    return found


def _as_location(place: Place, written: str | None = None) -> Location:
    city = city_name(written, place) if written else place.name
    return Location(city, place.country, place.latitude, place.longitude, place.timezone)


# "the Indonesian city of Bali": the article tells which country its Bali is in.
NAMED_CITY_RE = re.compile(
    r"\bthe (?P<dem>[A-Z][a-z]+) (?:capital|city|port city|port|town|resort|resort island|island) of "
    r"(?P<place>[A-Z][\w'’-]+(?: [A-Z][\w'’-]+){0,2})"
)


@lru_cache(maxsize=8)
def _named_places(text: str) -> dict[str, str]:
    """Places the article ties to a country by a demonym, wherever it names them again."""
    out: dict[str, str] = {}
    for m in NAMED_CITY_RE.finditer(text):
        code = lookup(m.group("dem"))
        if code is not None:
            out.setdefault(m.group("place"), code)
    return out


def _place_in(text: str, context: set[str], named: dict[str, str] | None = None) -> Location | None:
    """The first city or seat of government the text names after in/at/to/near.

    A country right after the city ("Nadi, Fiji") picks among namesakes, and a city unknown
    there keeps that country ("Bali, Indonesia" is not Bali in Cameroon). A seat not in the
    gazetteer followed by its city ("at the State House, Abuja") gives that city."""
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
        if m.group("dem") and lookup(m.group("dem")):
            code, after = lookup(m.group("dem")), None  # "the Indonesian city of Bali"
        elif named and m.group("place").rstrip(".") in named:
            code, after = named[m.group("place").rstrip(".")], None
        tries = [words] + ([after.group(1).split()] if after and code is None else [])
        for ws in tries:
            for n in range(len(ws), 0, -1):
                name = " ".join(ws[:n])
                if n > 1 and lookup(name):
                    break  # "the Republic of Uzbekistan" is a country, not the town "Republic"
                place = find_place(name, context | {code} if code else context)
                if place and code and place.country != code:
                    return Location(city=name, country=code)
                if place:
                    return _as_location(place, name)
        if code is not None and (m.group("dem") or after is None):
            return Location(city=" ".join(words), country=code)  # "the Indonesian city of Lombok"
    return None


def _home_location(article: Article) -> Location | None:
    """Where the article's events happen when a sentence does not say: the venue the article
    announces ("the talks will be held in Sochi"), else the dateline city, else the first city
    the article names."""
    for s in article.sentences():
        venue = VENUE_RE.search(s.text)
        if venue:
            found = _place_in(s.text[venue.end() - 3 :], set())
            if found:
                return found
    if article.dateline:
        region = lookup(article.dateline.region) if article.dateline.region else None
        place = find_place(article.dateline.city, {region} if region else ())
        if place and (region is None or place.country == region):
            return _as_location(place, article.dateline.city)
        return Location(city=article.dateline.city, country=region)
    for s in article.sentences():
        lead = LEAD_PLACES_RE.match(s.text)
        if lead is not None:
            # "State House, Nairobi, Kenya, Monday 30 May 2022 –": a dateline of places.
            parts = [p.strip() for p in lead.group("places").split(",") if p.strip()]
            codes = {code for p in parts if (code := lookup(p))}
            for part in parts:
                place = find_place(part, codes)
                if place and (not codes or place.country in codes):
                    return _as_location(place, part)
        break
    for s in article.sentences():
        found = _place_in(s.text, set())
        if found:
            return found
    return next((c for s in article.sentences() if (c := _country_in(s.text))), None)


def _location(
    text: str, article: Article, participants: list[Person], home: Location | None
) -> Location | None:
    context = {p.country for p in participants if p.country}
    if home and home.country:
        context.add(home.country)
    place = _place_in(text, context, _named_places(article.text))
    if place is not None or home is None:
        return place or home
    # "ISLAMABAD: Prime Minister paid a visit to the Islamic Republic of Iran": the dateline is
    # where the story was written, the country visited is where it happened.
    abroad = _country_in(text) if article.dateline else None
    return abroad if abroad is not None and abroad.country != home.country else home


def _country_in(text: str) -> Location | None:
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
        participants=tuple(
            {p.name: Participant(p.name, p.title, p.country) for p in reversed(c.participants)}.values()
        )[::-1],
        countries=c.countries,
        location=c.location,
        evidence=(Evidence(c.sentence.text, c.sentence.start, c.sentence.end),),
        source=source,
        cameo=CAMEO[c.type],
        plover=PLOVER[c.type],
    )
