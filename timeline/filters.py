"""Choosing events: by country, days, type, person and words in the evidence.

A :class:`Selection` is what the command-line filters build; ``select`` keeps the events
that pass every filter given (any-of within a repeatable filter). Days are inclusive: an
event is kept when any of its days falls between ``since`` and ``until``.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field

from timeline.model import Event
from timeline.people import fold


@dataclass(frozen=True)
class Selection:
    countries: frozenset[str] = field(default_factory=frozenset)
    since: dt.date | None = None
    until: dt.date | None = None
    types: frozenset[str] = field(default_factory=frozenset)
    persons: tuple[str, ...] = ()
    text: tuple[str, ...] = ()

    def __post_init__(self) -> None:
        if self.since and self.until and self.until < self.since:
            raise ValueError(f"--until {self.until} is before --since {self.since}")

    def keeps(self, event: Event) -> bool:
        if self.countries and not self.countries & set(event.countries):
            return False
        if self.since and event.last_day < self.since:
            return False
        if self.until and event.start > self.until:
            return False
        if self.types and event.type not in self.types:
            return False
        if self.persons:
            names = [fold(p.name) for p in event.participants]
            if not any(fold(want) in name for want in self.persons for name in names):
                return False
        if self.text:
            evidence = fold(" ".join(e.text for e in event.evidence))
            if not all(fold(word) in evidence for word in self.text):
                return False
        return True

    def describe(self) -> str:
        """What was selected, in words, for page titles and summaries."""
        parts = []
        if self.types:
            parts.append("types " + ", ".join(sorted(self.types)))
        if self.countries:
            parts.append("countries " + ", ".join(sorted(self.countries)))
        if self.persons:
            parts.append("people " + ", ".join(self.persons))
        if self.text:
            parts.append("text " + " ".join(self.text))
        if self.since:
            parts.append(f"from {self.since}")
        if self.until:
            parts.append(f"until {self.until}")
        return "; ".join(parts) if parts else "all events"


def select(events: Iterable[Event], selection: Selection) -> Iterator[Event]:
    return (e for e in events if selection.keeps(e))
