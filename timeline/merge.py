"""One event per happening: merge the mentions of the same happening into one event.

An article tells the same talks in its lead, its body and its photo captions. Two events
are the same happening when they have the same type, overlapping days and compatible
participants (one's people are all among the other's, or either names nobody). The merged
event keeps every evidence sentence, in article order.
"""

from __future__ import annotations

import datetime as dt
import hashlib
from collections.abc import Iterable
from dataclasses import replace

from timeline.model import Event, Evidence, Participant

# Happenings between two parties, where a different counterpart makes a different happening.
TWO_PARTY = frozenset({"meeting", "talks", "call"})


def _people(e: Event) -> set[str]:
    return {p.name.casefold() for p in e.participants}


def same_happening(a: Event, b: Event) -> bool:
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
    """

    __slots__ = ("first", "evidence", "people", "countries", "location", "start", "last", "time", "added")

    def __init__(self, first: Event) -> None:
        self.first = first
        self.evidence: dict[tuple[int, int, str], Evidence] = {}
        self.people: dict[str, Participant] = {}
        self.countries: set[str] = set(first.countries)
        self.location = first.location
        self.start = first.start
        self.last = first.last_day
        self.time = first.time
        self.added = False
        self._take(first)

    def _take(self, event: Event) -> None:
        for ev in event.evidence:
            self.evidence.setdefault((ev.start, ev.end, ev.text), ev)
        for p in event.participants:
            key = p.name.casefold()
            known = self.people.get(key)
            if known is None or (not known.country and p.country):
                self.people[key] = p

    def add(self, other: Event) -> Combining:
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
        return _same(self.first.type, self.start, self.last, set(self.people), b)


def _kinds_fit(a: str, b: str, type_: str) -> bool:
    """Same kind, or one of them only the bare type (a guard of honour fits any ceremony)."""
    return a == b or a == type_ or b == type_


def merge_events(events: Iterable[Event], kinds: Iterable[str] | None = None) -> list[Event]:
    """Merge tellings of the same happening; keeps the order of first mention.

    ``kinds``, one per event, keeps apart happenings of one type but different kinds (a welcome
    ceremony and a wreath-laying on the same day). Each event is compared only with the merged
    events of its type that share a day with it (the only ones ``same_happening`` can accept),
    and joins one in time proportional to its own size (:class:`Combining`), so a long article
    stays linear.
    """
    merged: list[tuple[Combining, str]] = []
    on_day: dict[tuple[str, dt.date], set[int]] = {}  # (type, day) -> places in ``merged``
    labels = iter(kinds) if kinds is not None else None

    def index(i: int, start: dt.date, last: dt.date) -> None:
        type_ = merged[i][0].first.type
        for day in _span(start, last):
            on_day.setdefault((type_, day), set()).add(i)

    for event in events:
        kind = next(labels, event.type) if labels is not None else event.type
        near = sorted({i for day in _days(event) for i in on_day.get((event.type, day), ())})
        for i in near:
            known, known_kind = merged[i]
            if _kinds_fit(known_kind, kind, event.type) and known.same_happening(event):
                start, last = known.start, known.last
                known.add(event)
                if known_kind == known.first.type:
                    merged[i] = (known, kind)
                if known.start < start:
                    index(i, known.start, start - dt.timedelta(days=1))
                if known.last > last:
                    index(i, last + dt.timedelta(days=1), known.last)
                break
        else:
            merged.append((Combining(event), kind))
            index(len(merged) - 1, event.start, event.last_day)
    return _distinct_ids([(combining.event(), kind) for combining, kind in merged])


def _distinct_ids(merged: list[tuple[Event, str]]) -> list[Event]:
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
