"""iCalendar export (RFC 5545, RFC 7986) with the icalendar library.

Each event is a VEVENT with a UID derived from the happening (so re-importing never
duplicates), DTSTAMP and LAST-MODIFIED derived from the data (so the same input gives the
same bytes), all-day dates with an exclusive DTEND, and a summary a person can read in a
month grid. icalendar escapes article text (commas, semicolons, backslashes, newlines);
:func:`ics_text` first replaces what RFC 5545 allows in no text value (control characters,
lone surrogates), and :func:`ics_uri` percent-encodes what no URI may hold.
"""

from __future__ import annotations

import datetime as dt
import re
import urllib.parse
from collections.abc import Iterable
from pathlib import Path

import icalendar

from timeline import countries as country_table
from timeline.model import Event
from timeline.output import atomic_write

PRODID = "-//timeline//diplomatic events//EN"
UID_DOMAIN = "timeline.events"

# RFC 5545 3.3.11: a TEXT value holds no control character but TAB (newlines are escaped).
# U+FEFF (an invisible byte-order mark) is dropped: parsers strip it from a value's start.
_NOT_TEXT_RE = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\r\ufeff]|[\ud800-\udfff]")


def _not_text(found: re.Match[str]) -> str:
    char = found.group()
    return "" if char == "\ufeff" else "\ufffd" if char >= "\ud800" else " "


def ics_text(value: str) -> str:
    """``value`` with control characters made spaces, lone surrogates U+FFFD, no U+FEFF."""
    return _NOT_TEXT_RE.sub(_not_text, value)


def ics_uri(url: str) -> str:
    """``url`` with spaces, quotes, controls and non-ASCII percent-encoded (RFC 3986)."""
    return urllib.parse.quote(url, safe=":/?#[]@!$&'()*+,;=%~", errors="replace")


def summary(event: Event) -> str:
    """``Talks: Xi Jinping – Emomali Rahmon``."""
    head = event.type.capitalize()
    people = " – ".join(p.name for p in event.participants)
    if people:
        return f"{head}: {people}"
    names = ", ".join(country_table.name(c) for c in event.countries)
    return f"{head}: {names}" if names else head


def _stamp(event: Event) -> dt.datetime:
    """A DTSTAMP that depends only on the data: the latest publication date, else the start."""
    day = event.source.published if event.source and event.source.published else event.start
    return dt.datetime(day.year, day.month, day.day, tzinfo=dt.UTC)


def description(event: Event) -> str:
    lines = [e.text for e in event.evidence]
    if event.source:
        src = event.source
        bits = [b for b in (src.title, src.published.isoformat() if src.published else None, src.url) if b]
        lines.append("")
        lines.append("Source: " + " — ".join(bits) if bits else f"Source: {src.path}")
    return "\n".join(lines)


def to_vevent(event: Event) -> icalendar.Event:
    vevent = icalendar.Event()
    vevent.add("uid", f"{event.id}@{UID_DOMAIN}")
    vevent.add("dtstamp", _stamp(event))
    vevent.add("last-modified", _stamp(event))
    vevent.add("sequence", max(0, len(event.evidence) - 1))
    vevent.add("summary", ics_text(summary(event)))
    vevent.add("dtstart", event.start)
    vevent.add("dtend", event.last_day + dt.timedelta(days=1))
    vevent.add("transp", "TRANSPARENT")
    if event.location:
        vevent.add(
            "location",
            ics_text(
                event.location.label(
                    country_table.name(event.location.country or "") if event.location.country else None
                )
            ),
        )
        if event.location.latitude is not None and event.location.longitude is not None:
            vevent.add("geo", (event.location.latitude, event.location.longitude))
    vevent.add("categories", [event.type, *event.countries])
    vevent.add("description", ics_text(description(event)))
    if event.source and event.source.url:
        vevent.add("url", ics_uri(event.source.url))
    return vevent


def to_calendar(events: Iterable[Event], name: str = "Diplomatic events") -> icalendar.Calendar:
    cal = icalendar.Calendar()
    cal.add("prodid", PRODID)
    cal.add("version", "2.0")
    cal.add("calscale", "GREGORIAN")
    cal.add("method", "PUBLISH")
    cal.add("name", ics_text(name))
    cal.add("x-wr-calname", ics_text(name))
    refresh = icalendar.vDuration(dt.timedelta(days=1))
    refresh.params["VALUE"] = "DURATION"
    cal.add("refresh-interval", refresh)
    cal.add("x-published-ttl", "P1D")
    for event in sorted(events, key=lambda e: (e.start, e.type, e.id)):
        cal.add_component(to_vevent(event))
    return cal


def write_ics(events: Iterable[Event], path: str | Path, name: str = "Diplomatic events") -> Path:
    """Write events to an .ics file atomically; returns the path written."""
    return atomic_write(path, to_calendar(events, name).to_ical())
