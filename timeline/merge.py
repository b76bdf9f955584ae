"""One event per happening: merge the mentions of the same happening into one event.

An article tells the same talks in its lead, its body and its photo captions. Two events
are the same happening when they have the same type, overlapping days and compatible
participants (one's people are all among the other's, or either names nobody). The merged
event keeps every evidence sentence, in article order.

Across articles (a store, a calendar of several articles) one rule decides what is the same
happening, :func:`same_happening_across`, and :func:`merge_articles` merges as a store does.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import re
from array import array
from collections.abc import Callable, Collection, Iterable, Iterator, Sequence
from dataclasses import replace
from typing import TypeVar

from timeline.model import Event, Evidence, Participant
from timeline.people import fold

_T = TypeVar("_T")
# Happenings between two parties, where a different counterpart makes a different happening.
TWO_PARTY = frozenset({"meeting", "talks", "call"})


def _people(e: Event) -> set[str]:
    return {p.name.casefold() for p in e.participants}


def same_happening(a: Event, b: Event) -> bool:
    """Whether two mentions *in one article* tell one happening (:func:`merge_events`).

    Within an article people are already resolved to one name each and a mention that names
    nobody ("the talks") refers back to the happening told around it, so this is stricter on
    names and looser on an unnamed mention than :func:`same_happening_across`, the one rule for
    tellings of different articles (store and calendars).
    """
    return _same(a.type, a.start, a.last_day, _people(a), b)


def _same(type_: str, start: dt.date, last: dt.date, pa: set[str], b: Event) -> bool:
    if type_ != b.type:
        return False
    if start > b.last_day or b.start > last:
        return False
    pb = _people(b)
    if not pa or not pb:
        return True
    if type_ in TWO_PARTY:
        # One telling may name fewer people than another, but not different ones: Xi's meeting
        # with Nazarbayev and his meeting with Sisi on the same day are two happenings.
        return pa <= pb or pb <= pa
    return bool(pa & pb)


def combine(a: Event, b: Event) -> Event:
    """One event from two tellings of the same happening."""
    return Combining(a).add(b).event()


class Combining:
    """Tellings of one happening being combined, one at a time, each in time proportional to
    its own size: the event is built once, at the end (:meth:`event`), not at every step.

    Adding ``b, c, ...`` to ``a`` gives the event ``combine(combine(a, b), c) ...`` would: every
    evidence sentence once (the first telling of it kept), in article order (a stable sort by
    offset, so equal offsets keep the order they came in); every participant once, a known
    country winning over none; the widest days; the first location with a city; the first time.
    Until a second telling comes, it holds nothing but the first (most happenings of a long
    article are told once).
    """

    __slots__ = ("first", "evidence", "people", "countries", "location", "start", "last", "time", "added")
    # Set by the first add(), read only once ``added``.
    evidence: dict[tuple[int, int, str], Evidence]
    people: dict[str, Participant]
    countries: set[str]

    def __init__(self, first: Event) -> None:
        self.first = first
        self.location = first.location
        self.start = first.start
        self.last = first.last_day
        self.time = first.time
        self.added = False

    def _take(self, event: Event) -> None:
        for ev in event.evidence:
            self.evidence.setdefault((ev.start, ev.end, ev.text), ev)
        for p in event.participants:
            key = p.name.casefold()
            known = self.people.get(key)
            if known is None or (not known.country and p.country):
                self.people[key] = p

    def add(self, other: Event) -> Combining:
        if not self.added:
            self.evidence, self.people, self.countries = {}, {}, set(self.first.countries)
            self._take(self.first)
        self._take(other)
        self.countries.update(other.countries)
        location = self.location
        if other.location and (location is None or (not location.city and other.location.city)):
            self.location = other.location
        self.start = min(self.start, other.start)
        self.last = max(self.last, other.last_day)
        self.time = self.time or other.time
        self.added = True
        return self

    def event(self) -> Event:
        if not self.added:
            return self.first
        return replace(
            self.first,
            id="",
            start=self.start,
            end=self.last if self.last > self.start else None,
            participants=tuple(self.people.values()),
            countries=tuple(sorted(self.countries)),
            location=self.location,
            evidence=tuple(sorted(self.evidence.values(), key=lambda e: e.start)),
            time=self.time,
        )

    def same_happening(self, b: Event) -> bool:
        """:func:`same_happening` of the event built so far and ``b``."""
        people = set(self.people) if self.added else _people(self.first)
        return _same(self.first.type, self.start, self.last, people, b)


def _kinds_fit(a: str, b: str, type_: str) -> bool:
    """Same kind, or one of them only the bare type (a guard of honour fits any ceremony)."""
    return a == b or a == type_ or b == type_


def merge_events(events: Iterable[Event], kinds: Iterable[str] | None = None) -> list[Event]:
    """Merge tellings of the same happening; keeps the order of first mention.

    ``kinds``, one per event, keeps apart happenings of one type but different kinds (a welcome
    ceremony and a wreath-laying on the same day). Each event is compared only with the merged
    events of its type that share a day with it (the only ones ``same_happening`` can accept),
    and joins one in time proportional to its own size (:class:`Combining`), so a long article
    stays linear. A happening told once is held as its telling alone (most happenings of a long
    article are), and the events are let go of as the result is made.
    """
    held: list[Event | Combining] = []  # each happening: its one telling, or its tellings combined
    held_kinds: list[str] = []
    on_day: dict[tuple[str, dt.date], array[int]] = {}  # (type, day) -> places in ``held``
    labels = iter(kinds) if kinds is not None else None

    def index(i: int, type_: str, start: dt.date, last: dt.date) -> None:
        for day in _span(start, last):  # each day once for each place: a list is enough
            on_day.setdefault((type_, day), array("q")).append(i)

    for event in events:
        kind = next(labels, event.type) if labels is not None else event.type
        near = sorted({i for day in _days(event) for i in on_day.get((event.type, day), ())})
        for i in near:
            known, known_kind = held[i], held_kinds[i]
            if not _kinds_fit(known_kind, kind, event.type) or not _same_held(known, event):
                continue
            if isinstance(known, Event):
                known = held[i] = Combining(known)
            start, last = known.start, known.last
            known.add(event)
            if known_kind == known.first.type:
                held_kinds[i] = kind
            if known.start < start:
                index(i, event.type, known.start, start - dt.timedelta(days=1))
            if known.last > last:
                index(i, event.type, last + dt.timedelta(days=1), known.last)
            break
        else:
            held.append(event)
            held_kinds.append(kind)
            index(len(held) - 1, event.type, event.start, event.last_day)
    return _distinct_ids(_finished(held, held_kinds))


def _same_held(known: Event | Combining, event: Event) -> bool:
    if isinstance(known, Combining):
        return known.same_happening(event)
    return same_happening(known, event)


def _finished(held: list[Event | Combining], kinds: list[str]) -> Iterator[tuple[Event, str]]:
    """Each happening's event and kind, in order, let go of by the lists as it is made."""
    for item, kind in zip(drain(held), drain(kinds), strict=True):
        yield (item.event() if isinstance(item, Combining) else item), kind


def drain(items: list[_T]) -> Iterator[_T]:
    """The items of a list, in order, each let go of by the list as it is taken: merging a long
    article's tellings keeps only what the merged events need."""
    items.reverse()
    while items:
        yield items.pop()


def _distinct_ids(merged: Iterable[tuple[Event, str]]) -> list[Event]:
    """Two happenings that share type, day and people (a welcome ceremony and a wreath-laying)
    must not share an id: the later ones take their kind, then their first sentence, into it.
    Both are read from the article, so the id stays the same on every run."""
    seen: set[str] = set()
    out: list[Event] = []
    for event, kind in merged:
        if event.id in seen:
            for extra in (kind, event.evidence[0].text if event.evidence else kind):
                candidate = hashlib.sha256(f"{event.id}|{extra}".encode()).hexdigest()[:16]
                if candidate not in seen:
                    event = replace(event, id=candidate)
                    break
        seen.add(event.id)
        out.append(event)
    return out


def _days(event: Event) -> list[dt.date]:
    return _span(event.start, event.last_day)


def _span(start: dt.date, last: dt.date) -> list[dt.date]:
    return [start + dt.timedelta(days=n) for n in range((last - start).days + 1)]


# --- one happening across articles -----------------------------------------------------------
#
# Articles name people differently ("Rahmon", "Emomali Rahmon", "Rakhmon") and tell a happening
# with more or fewer of its people, so across articles the test is looser on names and uses the
# countries. The store (timeline.store) and the calendars (timeline.ics) both use it: a calendar
# of articles and a calendar of a store of the same articles are the same bytes.


def _tokens(name: str) -> frozenset[str]:
    return frozenset(re.sub(r"[^\w]+", " ", name).split())


def _same_person(a: frozenset[str], b: frozenset[str]) -> bool:
    return bool(a) and bool(b) and (a <= b or b <= a)


def _matched(names: Sequence[str], others: Sequence[str]) -> int:
    """How many of ``names`` are the same person as one of ``others`` (folded names)."""
    theirs = [_tokens(n) for n in others]
    return sum(1 for n in names if any(_same_person(_tokens(n), t) for t in theirs))


def agree(
    people: Sequence[str],
    countries: Iterable[str],
    their_people: Sequence[str],
    their_countries: Iterable[str],
) -> bool:
    """Whether two tellings of the same type and overlapping days, by different articles, tell
    one happening, from their folded participant names and their countries.

    The two share a person (one name's words among the other's: ``Xi`` and ``Xi Jinping``), and
    one's people or one's countries are among the other's: Xi's talks with Putin and his talks
    with Modi that day stay two, while ``Rahmon`` and ``Rakhmon`` meeting Xi in Tajikistan are
    one. When one of them names nobody, both name the same non-empty set of countries.
    """
    mine, theirs = set(countries) - {""}, set(their_countries) - {""}
    if people and their_people:
        shared = _matched(people, their_people)
        if not shared:
            return False
        among = shared == len(people) or _matched(their_people, people) == len(their_people)
        return among or mine <= theirs or theirs <= mine
    return bool(mine) and mine == theirs


def folded_people(event: Event) -> list[str]:
    return [fold(p.name) for p in event.participants]


def same_happening_across(a: Event, b: Event, told: Collection[str] | None = None) -> bool:
    """Whether ``a`` and ``b``, told by different articles (or ``a`` a happening merged from
    several, ``told`` the ids of its tellings), are one happening: ``b`` has the id of one of
    them (type, first day, countries and people: one article read twice), or the same type,
    overlapping days and :func:`agree`. Two events of one article with different ids are two
    happenings: its extraction told them apart (a welcome ceremony and a wreath-laying that
    day). A happening's own id does not count: it is kept from a telling that may be gone."""
    if b.id in (told if told is not None else {a.id}):
        return True
    if {s.path for s in a.sources} & {s.path for s in b.sources}:
        return False
    if a.type != b.type or a.start > b.last_day or b.start > a.last_day:
        return False
    return agree(folded_people(a), a.countries, folded_people(b), b.countries)


def with_paths(event: Event) -> Event:
    """The event with every evidence sentence naming its article."""
    path = event.source.path if event.source else None
    return replace(event, evidence=tuple(replace(e, path=e.path or path) for e in event.evidence))


def join(merged: Event, telling: Event) -> Event:
    """A happening told by several articles with one more telling: every source once, in the
    order they came, every sentence once; the happening keeps its id."""
    both = combine(merged, telling)
    sources = list(merged.sources)
    sources += [s for s in telling.sources if s not in sources]
    evidence = dict.fromkeys((*merged.evidence, *telling.evidence))
    return replace(
        both,
        id=merged.id,
        source=sources[0] if sources else None,
        sources=tuple(sources),
        evidence=tuple(evidence),
    )


def founding_id(event: Event, taken: Callable[[str], bool]) -> str:
    """The id a telling gives the happening it founds: its own, unless another happening has it;
    then one derived from it and its article's path, until free."""
    hid = event.id
    while taken(hid):
        path = event.source.path if event.source else ""
        hid = hashlib.sha256(f"{hid}|{path}".encode()).hexdigest()[:16]
    return hid


def article_order(event: Event) -> tuple[int, str]:
    """The order in which the tellings of one article reach :func:`merge_articles` (and a
    store): by first sentence, then id, so the result never depends on how they were listed."""
    return (min((e.start for e in event.evidence), default=-1), event.id)


def merge_articles(tellings: Iterable[Event]) -> list[Event]:
    """The happenings of the tellings of several articles, as a store that ingests them in this
    order holds them (:meth:`timeline.store.Store.ingest`): each telling joins the first
    happening, by first day and then in the order they were founded, of its type whose days
    overlap its own and that is :func:`same_happening_across` it; otherwise it founds one.
    Evidence names its article."""
    happenings: dict[str, Event] = {}
    founded_at: dict[str, int] = {}  # the order happenings were founded in
    told: dict[str, set[str]] = {}  # the ids of each happening's tellings
    on_day: dict[tuple[str, dt.date], set[str]] = {}

    def index(event: Event) -> None:
        for day in _days(event):
            on_day.setdefault((event.type, day), set()).add(event.id)

    for raw in tellings:
        telling = with_paths(raw)
        near = {h for day in _days(telling) for h in on_day.get((telling.type, day), ())}
        candidates = sorted((happenings[h] for h in near), key=lambda e: (e.start, founded_at[e.id]))
        match = next((h for h in candidates if same_happening_across(h, telling, told[h.id])), None)
        if match is not None:
            happenings[match.id] = join(match, telling)
            told[match.id].add(telling.id)
            index(happenings[match.id])
        else:
            founded = replace(telling, id=founding_id(telling, happenings.__contains__))
            happenings[founded.id] = founded
            founded_at[founded.id] = len(founded_at)
            told[founded.id] = {telling.id}
            index(founded)
    return list(happenings.values())
