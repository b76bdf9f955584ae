"""Choosing events: by country, days, type, person and words in the evidence.

A :class:`Selection` is what the command-line filters build; ``select`` keeps the events
that pass every filter given (any-of within a repeatable filter, all-of across filters).

Days are inclusive: an event is kept when any of its days falls between ``since`` and
``until``. A day may be written in full (``2024-07-05``), in part (``2024-07`` is the whole
of July, ``2024`` the whole year), or relative to today: ``today``, ``yesterday``,
``tomorrow``, ``7d`` / ``2w`` / ``3m`` / ``1y`` (that many days, weeks, months or years ago),
and ``this``/``last``/``next`` ``week``/``month``/``year``. A period starts ``--since`` at its
first day and ends ``--until`` at its last, so ``--since 2024-07 --until 2024-07`` is July.

:func:`selection` builds a Selection from what a user typed and raises :class:`FilterError`
(one line naming the value, with close matches where there are any) on anything it cannot read.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field

from timeline.model import EVENT_TYPES, Event
from timeline.people import fold


class FilterError(ValueError):
    """A filter value that cannot be understood; the message names the option and the value."""


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
            raise FilterError(f"--until {self.until} is before --since {self.since}")

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
            words = set(_WORD_RE.findall(fold(" ".join(e.text for e in event.evidence))))
            for want in self.text:
                if not any(w.startswith(want) for w in words):
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


_WORD_RE = re.compile(r"\w+")


def select(events: Iterable[Event], selection: Selection) -> Iterator[Event]:
    return (e for e in events if selection.keeps(e))


def selection(
    countries: Iterable[str] = (),
    since: str | None = None,
    until: str | None = None,
    types: Iterable[str] = (),
    persons: Iterable[str] = (),
    text: Iterable[str] = (),
    today: dt.date | None = None,
) -> Selection:
    """A Selection from what a user typed; raises :class:`FilterError` on a value it cannot read."""
    words: list[str] = []
    for phrase in text:
        found = _WORD_RE.findall(fold(phrase))
        if not found:
            raise FilterError(f"--text: {phrase!r} has no words to look for")
        words.extend(found)
    first = period(since, today=today, option="--since")[0] if since is not None else None
    last = period(until, today=today, option="--until")[1] if until is not None else None
    if first and last and last < first:
        raise FilterError(f"--until {until!r} ends ({last}) before --since {since!r} starts ({first})")
    return Selection(
        countries=frozenset(country_code(c) for c in countries),
        since=first,
        until=last,
        types=frozenset(event_type(t) for t in types),
        persons=tuple(p.strip() for p in persons if p.strip()),
        text=tuple(words),
    )


def country_code(value: str) -> str:
    """The ISO alpha-2 code for a country's name, alpha-2 or alpha-3 code or demonym, any case."""
    from timeline import countries

    code = countries.lookup(value)
    if code is not None:
        return code
    near = _close(value, _country_forms())
    hint = f"; did you mean {', '.join(near)}?" if near else ""
    raise FilterError(f"--country: unknown country {value!r}{hint}")


def _country_forms() -> list[str]:
    from timeline import countries

    forms = []
    for c in countries.countries().values():
        forms.extend([c.name, *c.demonyms])
    return forms


def event_type(value: str) -> str:
    """One of :data:`EVENT_TYPES`, any case."""
    want = value.strip().casefold()
    if want in EVENT_TYPES:
        return want
    near = _close(value, list(EVENT_TYPES))
    hint = f"; did you mean {', '.join(near)}?" if near else f"; choose from {', '.join(EVENT_TYPES)}"
    raise FilterError(f"--type: unknown event type {value!r}{hint}")


def _close(value: str, forms: list[str], n: int = 3) -> list[str]:
    """Up to ``n`` of ``forms`` that look like ``value``, compared without case or accents."""
    import difflib

    by_fold: dict[str, str] = {}
    for form in forms:
        by_fold.setdefault(fold(form), form)
    found = difflib.get_close_matches(fold(value.strip()), list(by_fold), n=n, cutoff=0.6)
    return [by_fold[f] for f in found]


# --- days -------------------------------------------------------------------------------------

_AGO_RE = re.compile(r"^(\d{1,4})\s*(d|w|m|y)$")
_UNITS = {"d": "days", "w": "weeks", "m": "months", "y": "years"}
_SHIFT_RE = re.compile(r"^(this|last|next)\s+(week|month|year)$")
DAY_FORMS = (
    "YYYY-MM-DD, YYYY-MM, YYYY, today, yesterday, tomorrow, 7d, 2w, 3m, 1y, "
    "this/last/next week, month or year"
)


def period(value: str, today: dt.date | None = None, option: str = "date") -> tuple[dt.date, dt.date]:
    """The first and last day that ``value`` names (see the module's notes); both inclusive."""
    text = " ".join(value.strip().lower().split())
    try:
        found = _absolute(text)
        if found is None:
            found = _relative(text, today)
    except ValueError:
        found = None
    if found is None:
        raise FilterError(f"{option}: {value!r} is not a day ({DAY_FORMS})")
    return found


def _absolute(text: str) -> tuple[dt.date, dt.date] | None:
    if re.fullmatch(r"\d{4}", text):
        year = int(text)
        return dt.date(year, 1, 1), dt.date(year, 12, 31)
    if re.fullmatch(r"\d{4}-\d{1,2}", text):
        year, month = int(text[:4]), int(text[5:])
        first = dt.date(year, month, 1)
        return first, _month_end(first)
    if re.fullmatch(r"\d{4}-\d{1,2}-\d{1,2}", text):
        y, m, d = (int(p) for p in text.split("-"))
        day = dt.date(y, m, d)
        return day, day
    if re.fullmatch(r"\d{8}|\d{4}-\d{2}-\d{2}t[\d:.+z-]*", text):
        day = dt.date.fromisoformat(text[:10] if "-" in text else f"{text[:4]}-{text[4:6]}-{text[6:]}")
        return day, day
    return None


def _month_end(first: dt.date) -> dt.date:
    nxt = dt.date(first.year + first.month // 12, first.month % 12 + 1, 1)
    return nxt - dt.timedelta(days=1)


def _relative(text: str, today: dt.date | None) -> tuple[dt.date, dt.date] | None:
    import pendulum

    now = pendulum.Date(*(today or dt.date.today()).timetuple()[:3])
    simple = {"today": 0, "yesterday": -1, "tomorrow": 1}
    if text in simple:
        day = now.add(days=simple[text])
        return _plain(day), _plain(day)
    ago = _AGO_RE.match(text)
    if ago:
        day = now.subtract(**{_UNITS[ago.group(2)]: int(ago.group(1))})
        return _plain(day), _plain(day)
    shift = _SHIFT_RE.match(text)
    if shift:
        which, unit = shift.groups()
        step = {"this": 0, "last": -1, "next": 1}[which]
        moved = now.add(**{f"{unit}s": step})
        return _plain(moved.start_of(unit)), _plain(moved.end_of(unit))
    return None


def _plain(day: dt.date) -> dt.date:
    return dt.date(day.year, day.month, day.day)
