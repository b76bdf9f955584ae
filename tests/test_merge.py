"""merge_events joins each telling in time proportional to its size (issue 14: it rebuilt and
re-sorted the evidence at every join, quadratic on long articles), with the same output as the
first, pairwise version kept here as the reference."""

from __future__ import annotations

import dataclasses
import datetime as dt
import random
from collections.abc import Iterable

import pytest

from timeline import Event, Evidence, Participant, extract, parse_article, read_article
from timeline.merge import _distinct_ids, _kinds_fit, combine, merge_events, same_happening


def reference_combine(a: Event, b: Event) -> Event:
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
    return dataclasses.replace(
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


def reference_merge(events: Iterable[Event], kinds: Iterable[str]) -> list[Event]:
    merged: list[tuple[Event, str]] = []
    for event, kind in zip(events, kinds, strict=True):
        for i, (known, known_kind) in enumerate(merged):
            if _kinds_fit(known_kind, kind, event.type) and same_happening(known, event):
                merged[i] = (
                    reference_combine(known, event),
                    kind if known_kind == known.type else known_kind,
                )
                break
        else:
            merged.append((event, kind))
    return _distinct_ids(merged)


SHORT = """\
date 2024-03-12 Leaders meet in Astana

ASTANA, March 12 (Xinhua) -- Kazakh President Kassym-Jomart Tokayev held talks with Uzbek President Shavkat Mirziyoyev on Tuesday. The two presidents also attended a welcome ceremony and signed a joint statement. On Wednesday, Tokayev met Chinese President Xi Jinping in Astana.
"""


@pytest.fixture
def tellings(seed, write_article) -> list[Event]:
    return extract(read_article(seed)) + extract(read_article(write_article(SHORT)))


def shuffled_variants(events: list[Event], rng: random.Random) -> list[Event]:
    """Tellings as a long article gives them: repeated, with days moved, people and sentences
    dropped, in any order."""
    out = []
    for _ in range(300):
        e = rng.choice(events)
        shift = dt.timedelta(days=rng.choice([0, 0, 0, 1, -1]))
        people = tuple(p for p in e.participants if rng.random() < 0.8)
        if rng.random() < 0.3:
            people = tuple(dataclasses.replace(p, country=None) for p in people)
        evidence = tuple(
            dataclasses.replace(ev, start=ev.start + rng.choice([0, 0, 7000]), end=ev.end + 7000)
            for ev in e.evidence
            if rng.random() < 0.9
        )
        end = e.last_day + shift + dt.timedelta(days=rng.choice([0, 0, 1]))
        out.append(
            dataclasses.replace(
                e,
                id="",
                start=e.start + shift,
                end=end,
                participants=people,
                evidence=evidence,
                time=e.time if rng.random() < 0.5 else None,
                location=e.location if rng.random() < 0.7 else None,
            )
        )
    return out


def test_merging_gives_what_pairwise_merging_gave(tellings):
    rng = random.Random(14)
    for _ in range(20):
        events = shuffled_variants(tellings, rng)
        kinds = [rng.choice([e.type, e.type, "welcome"]) for e in events]
        assert merge_events(events, kinds) == reference_merge(events, kinds)


def test_combine_is_the_pairwise_combine(tellings):
    for a in tellings:
        for b in tellings:
            assert combine(a, b) == reference_combine(a, b)


def test_a_long_repeated_article_gives_the_events_of_one_copy(seed):
    # The seed's body told 40 times over: the same five happenings, each with every sentence.
    header, body = seed.read_text(encoding="utf-8").split("\n", 1)

    once = extract(parse_article(header + "\n" + body))
    many = extract(parse_article(header + "\n" + (body.rstrip("\n") + "\n\n") * 40))
    assert [(e.id, e.type, e.start, e.participants) for e in many] == [
        (e.id, e.type, e.start, e.participants) for e in once
    ]
    assert all(len(m.evidence) >= 40 * len(o.evidence) // 2 for m, o in zip(many, once, strict=True))
