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
    if a.type != b.type:
        return False
    if a.start > b.last_day or b.start > a.last_day:
        return False
    pa, pb = _people(a), _people(b)
    if not pa or not pb:
        return True
    if a.type in TWO_PARTY:
        # One telling may name fewer people than another, but not different ones: Xi's meeting
        # with Nazarbayev and his meeting with Sisi on the same day are two happenings.
        return pa <= pb or pb <= pa
    return bool(pa & pb)


def combine(a: Event, b: Event) -> Event:
    """One event from two tellings of the same happening."""
    evidence: dict[tuple[int, int, str], Evidence] = {}
    for ev in (*a.evidence, *b.evidence):
        evidence.setdefault((ev.start, ev.end, ev.text), ev)
    people: dict[str, Participant] = {}
    for p in (*a.participants, *b.participants):
        known = people.get(p.name.casefold())
        if known is None or (not known.country and p.country):
            people[p.name.casefold()] = p
    location = a.location
    if b.location and (location is None or (not location.city and b.location.city)):
        location = b.location
    last = max(a.last_day, b.last_day)
    start = min(a.start, b.start)
    return replace(
        a,
        id="",
        start=start,
        end=last if last > start else None,
        participants=tuple(people.values()),
        countries=tuple(sorted(set(a.countries) | set(b.countries))),
        location=location,
        evidence=tuple(sorted(evidence.values(), key=lambda e: e.start)),
        time=a.time or b.time,
    )


def _kinds_fit(a: str, b: str, type_: str) -> bool:
    """Same kind, or one of them only the bare type (a guard of honour fits any ceremony)."""
    return a == b or a == type_ or b == type_


def merge_events(events: Iterable[Event], kinds: Iterable[str] | None = None) -> list[Event]:
    """Merge tellings of the same happening; keeps the order of first mention.

    ``kinds``, one per event, keeps apart happenings of one type but different kinds (a welcome
    ceremony and a wreath-laying on the same day). Each event is compared only with the merged
    events of its type that share a day with it (the only ones ``same_happening`` can accept),
    so a long article stays linear.
    """
    merged: list[tuple[Event, str]] = []
    on_day: dict[tuple[str, dt.date], list[int]] = {}  # (type, day) -> places in ``merged``
    labels = iter(kinds) if kinds is not None else None

    def index(i: int) -> None:
        for day in _days(merged[i][0]):
            places = on_day.setdefault((merged[i][0].type, day), [])
            if i not in places:
                places.append(i)

    for event in events:
        kind = next(labels, event.type) if labels is not None else event.type
        near = sorted({i for day in _days(event) for i in on_day.get((event.type, day), ())})
        for i in near:
            known, known_kind = merged[i]
            if _kinds_fit(known_kind, kind, event.type) and same_happening(known, event):
                merged[i] = (combine(known, event), kind if known_kind == known.type else known_kind)
                index(i)
                break
        else:
            merged.append((event, kind))
            index(len(merged) - 1)
    return _distinct_ids(merged)


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
    return [event.start + dt.timedelta(days=n) for n in range((event.last_day - event.start).days + 1)]
