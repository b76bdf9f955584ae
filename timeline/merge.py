"""One event per happening: merge the mentions of the same happening into one event.

An article tells the same talks in its lead, its body and its photo captions. Two events
are the same happening when they have the same type, overlapping days and compatible
participants (one's people are among the other's, or either names nobody). The merged
event keeps every evidence sentence, in article order.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import replace

from timeline.model import Event, Evidence, Participant


def _people(e: Event) -> set[str]:
    return {p.name.casefold() for p in e.participants}


def same_happening(a: Event, b: Event) -> bool:
    if a.type != b.type:
        return False
    if a.start > b.last_day or b.start > a.last_day:
        return False
    pa, pb = _people(a), _people(b)
    return not pa or not pb or bool(pa & pb)


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


def merge_events(events: Iterable[Event]) -> list[Event]:
    """Merge tellings of the same happening; keeps the order of first mention.

    Each event is compared only with the merged events of its type that share a day with it
    (the only ones ``same_happening`` can accept), so a long article stays linear.
    """
    merged: list[Event] = []
    on_day: dict[tuple[str, dt.date], list[int]] = {}  # (type, day) -> places in ``merged``

    def index(i: int) -> None:
        for day in _days(merged[i]):
            places = on_day.setdefault((merged[i].type, day), [])
            if i not in places:
                places.append(i)

    for event in events:
        near = sorted({i for day in _days(event) for i in on_day.get((event.type, day), ())})
        for i in near:
            if same_happening(merged[i], event):
                merged[i] = combine(merged[i], event)
                index(i)
                break
        else:
            merged.append(event)
            index(len(merged) - 1)
    return merged


def _days(event: Event) -> list[dt.date]:
    return [event.start + dt.timedelta(days=n) for n in range((event.last_day - event.start).days + 1)]
