"""iCalendar export (RFC 5545, RFC 7986) with the icalendar library.

What calendar apps need to import a file and re-import it as more articles arrive:

- one VEVENT per happening, its UID derived from the happening (``Event.id``), so importing
  again updates the event instead of adding a copy; tellings of the same happening by several
  articles (same id) become one VEVENT listing every source;
- DTSTAMP, LAST-MODIFIED and CREATED derived from the sources' publication dates, so the same
  input gives the same bytes, and a SEQUENCE that rises as articles add to the happening;
- days without a clock time as all-day events (``VALUE=DATE``) with an exclusive DTEND; a
  one-day event with a clock time at a place with a known IANA zone is timed in that zone
  (TZID, with its VTIMEZONE);
- RELATED-TO from talks, ceremonies, signings and the like to the visit or summit they are
  part of (told by the same article, within its days, with a country in common).

icalendar escapes article text (commas, semicolons, backslashes, newlines) and folds long
lines without splitting a character, so any text survives a round trip.
"""

from __future__ import annotations

import datetime as dt
import re
import urllib.parse
import zoneinfo
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path

import icalendar

from timeline import countries as country_table
from timeline.merge import article_order, combine, merge_articles
from timeline.model import Event, Source
from timeline.output import atomic_write

PRODID = "-//timeline//diplomatic events//EN"
UID_DOMAIN = "timeline.events"
CALENDAR_NAME = "Diplomatic events"
# How often a subscribed calendar should be fetched again (REFRESH-INTERVAL, X-PUBLISHED-TTL).
REFRESH = dt.timedelta(days=1)
# Articles give when a timed event starts, rarely when it ends: a timed event lasts this long.
TIMED_LENGTH = dt.timedelta(hours=1)
# The words a calendar grid shows for each type.
TYPE_LABELS = {
    "visit": "Visit",
    "talks": "Talks",
    "meeting": "Meeting",
    "call": "Phone call",
    "press": "Press meeting",
    "signing": "Signing",
    "ceremony": "Ceremony",
    "banquet": "Banquet",
    "summit": "Summit",
}
# Events that contain others (RELATED-TO;RELTYPE=PARENT points to them), and those that can
# be part of one. A phone call is never part of a visit.
PARENT_TYPES = ("visit", "summit")
CHILD_TYPES = frozenset({"talks", "meeting", "press", "signing", "ceremony", "banquet"})
SPLITS = ("country", "type")
MAX_NAMES_IN_SUMMARY = 4


# RFC 5545 TEXT has one escaped line break (\n) and no other control character: a CR or a
# CR LF becomes a line break, other control characters (but TAB) are dropped, and so are
# byte order marks (icalendar drops one that starts a value) and lone surrogates (no UTF-8).
_NEWLINES = re.compile(r"\r\n?")
_CONTROLS = re.compile("[\x00-\x08\x0b-\x1f\x7f\ufeff\ud800-\udfff]")


def clean_text(text: str) -> str:
    """Article text as iCalendar can carry it; every other character is kept as it is.

    A backslash and a capital N is a line break: the icalendar library reads it so in any text
    it writes (iCalendar's own escape of a line break), so it is made one here, and what a
    calendar shows is what this returns."""
    return _CONTROLS.sub("", _NEWLINES.sub("\n", text)).replace("\\N", "\n")  # controls first


def clean_uri(url: str) -> str:
    """A source URL as a URI value can carry it: spaces, line breaks, controls and non-ASCII
    percent-encoded (RFC 3986), so a sidecar's odd URL never stops the export."""
    return urllib.parse.quote(url, safe=":/?#[]@!$&'()*+,;=%~", errors="replace")


@dataclass(frozen=True)
class Citation:
    """One article's part in a happening: the article and its sentences about it, each once."""

    source: Source | None
    sentences: tuple[str, ...]


@dataclass(frozen=True)
class Happening:
    """One real-world happening as the calendar shows it, with every article that tells it."""

    event: Event  # the tellings combined: widest days, every participant and country
    uid: str
    citations: tuple[Citation, ...]  # oldest publication first

    @property
    def sources(self) -> list[Source]:
        return [c.source for c in self.citations if c.source is not None]

    @property
    def source_paths(self) -> set[str]:
        return {s.path for s in self.sources}


def _sources_of(event: Event) -> tuple[Source, ...]:
    """The articles that tell an event: one for an event fresh from an article, several for
    one that a corpus store merged (its ``sources``, when the model has them)."""
    many: tuple[Source, ...] = tuple(getattr(event, "sources", ()) or ())
    return many or ((event.source,) if event.source is not None else ())


def _citations(event: Event) -> list[Citation]:
    sources = _sources_of(event)
    if not sources:
        return [Citation(None, tuple(dict.fromkeys(e.text for e in event.evidence)))]
    first = sources[0].path
    return [
        Citation(
            src,
            # Evidence of a merged event names its article; evidence of a single article does not.
            tuple(
                dict.fromkeys(
                    e.text for e in event.evidence if (getattr(e, "path", None) or first) == src.path
                )
            ),
        )
        for src in sources
    ]


def _citation_order(c: Citation) -> tuple[str, str, str, str, tuple[str, ...]]:
    src = c.source
    if src is None:
        return ("", "", "", "", c.sentences)
    published = src.published.isoformat() if src.published else ""
    return (published, src.path, src.url or "", src.title or "", c.sentences)


def _fresh(event: Event) -> bool:
    """An event as extracted from one article (not a happening of a store, whose sentences
    name their articles)."""
    return event.corroboration <= 1 and not any(e.path for e in event.evidence)


def _source_order(src: Source | None) -> tuple[str, str, str, str]:
    if src is None:
        return ("", "", "", "")
    return (src.published.isoformat() if src.published else "", src.path, src.url or "", src.title or "")


def happenings(events: Iterable[Event]) -> list[Happening]:
    """One happening for each event, in a fixed order whatever the input order.

    Events of different articles that tell one happening are merged as a store merges them
    (:func:`timeline.merge.merge_articles`, articles taken oldest publication first), so a
    calendar of articles and a calendar of a store of the same articles are the same bytes;
    events of a store are its happenings already. Events with the same id are one.
    """
    given = list(events)
    fresh = [e for e in given if _fresh(e)]
    # Oldest article first, as they would have reached a store; an article's events in order.
    fresh.sort(key=lambda e: (_source_order(e.source), article_order(e)))
    by_id: dict[str, list[Event]] = {}
    for event in [*merge_articles(fresh), *(e for e in given if not _fresh(e))]:
        by_id.setdefault(event.id, []).append(event)
    out: list[Happening] = []
    for uid, tellings in by_id.items():
        tellings.sort(key=lambda e: min(_citation_order(c) for c in _citations(e)))
        combined = tellings[0]
        for other in tellings[1:]:
            # Same id means same type, first day, countries and people: combine() keeps them.
            combined = combine(combined, other)
        citations = sorted({c for t in tellings for c in _citations(t)}, key=_citation_order)
        out.append(Happening(combined, f"{uid}@{UID_DOMAIN}", tuple(citations)))
    out.sort(key=lambda h: (h.event.start, h.event.type, h.uid))
    return out


def _names(codes: Iterable[str]) -> list[str]:
    return [country_table.name(c) for c in codes]


def summary(event: Event) -> str:
    """``Talks: Xi Jinping – Emomali Rahmon``: what a person reads in a month grid."""
    head = TYPE_LABELS.get(event.type, event.type.capitalize())
    people = [p.name for p in event.participants]
    if len(people) > MAX_NAMES_IN_SUMMARY:
        people = [*people[:MAX_NAMES_IN_SUMMARY], f"+{len(people) - MAX_NAMES_IN_SUMMARY}"]
    if people:
        return f"{head}: {' – '.join(people)}"
    names = ", ".join(_names(event.countries))
    return f"{head}: {names}" if names else head


def location(event: Event) -> str | None:
    """``Dushanbe, Tajikistan``."""
    loc = event.location
    if loc is None:
        return None
    return loc.label(country_table.name(loc.country) if loc.country else None) or None


def description(happening: Happening) -> str:
    """Each article's evidence sentences (each once), then its title, date and URL."""
    blocks: list[str] = []
    for citation in happening.citations:
        text = "\n".join(citation.sentences)
        src = citation.source
        if src is not None:
            cite = "Source: " + (src.title or src.path)
            if src.published:
                cite += f" ({src.published.isoformat()})"
            if src.url:
                cite += "\n" + src.url
            text = f"{text}\n\n{cite}" if text else cite
        if text:
            blocks.append(text)
    text = "\n\n---\n\n".join(blocks)
    event = happening.event
    if event.time is not None and _zone(event) is None:
        # A clock time without a known zone (or on a span) stays an all-day event: say it here.
        text = f"At {event.time.isoformat(timespec='minutes')} local time.\n\n{text}".rstrip()
    return text


def _day_stamp(day: dt.date) -> dt.datetime:
    return dt.datetime(day.year, day.month, day.day, tzinfo=dt.UTC)


def _published(happening: Happening) -> list[dt.date]:
    return sorted(s.published for s in happening.sources if s.published)


def sequence(happening: Happening) -> int:
    """Rises whenever an article adds to the happening: one per article and evidence sentence."""
    told = sum(max(1, len(c.sentences)) for c in happening.citations)
    return max(0, told - 1)


def _zone(event: Event) -> zoneinfo.ZoneInfo | None:
    """The IANA zone of a one-day event with a clock time, else None (an all-day event)."""
    if event.time is None or event.end is not None or event.location is None:
        return None
    name = event.location.timezone
    if not name:
        return None
    try:
        return zoneinfo.ZoneInfo(name)
    except (zoneinfo.ZoneInfoNotFoundError, ValueError, OSError):  # not a zone name ("Asia", "")
        return None


def related_parents(all_happenings: Sequence[Happening]) -> dict[str, str]:
    """UID of each happening that is part of a visit or summit -> the UID of that visit or summit.

    A part is told by the same article, falls within the parent's days and shares a country
    with it; visits win over summits, then the shortest span, then the earliest.
    """
    parents_by_article: dict[str, list[Happening]] = {}
    for h in all_happenings:
        if h.event.type in PARENT_TYPES:
            for path in h.source_paths:
                parents_by_article.setdefault(path, []).append(h)
    links: dict[str, str] = {}
    for child in all_happenings:
        if child.event.type not in CHILD_TYPES:
            continue
        candidates = {p.uid: p for path in child.source_paths for p in parents_by_article.get(path, ())}
        fits = [
            p
            for p in candidates.values()
            if p.event.start <= child.event.start
            and child.event.last_day <= p.event.last_day
            and set(p.event.countries) & set(child.event.countries)
        ]
        if fits:
            best = min(
                fits,
                key=lambda p: (
                    PARENT_TYPES.index(p.event.type),
                    (p.event.last_day - p.event.start).days,
                    p.event.start,
                    p.uid,
                ),
            )
            links[child.uid] = best.uid
    return links


def to_vevent(happening: Happening, parent_uid: str | None = None) -> icalendar.Event:
    event = happening.event
    published = _published(happening)
    stamp = _day_stamp(published[-1] if published else event.start)
    vevent = icalendar.Event()
    vevent.add("uid", happening.uid)
    vevent.add("dtstamp", stamp)
    if published:
        vevent.add("created", _day_stamp(published[0]))
    vevent.add("last-modified", stamp)
    vevent.add("sequence", sequence(happening))
    vevent.add("summary", clean_text(summary(event)))
    zone = _zone(event)
    if zone is not None and event.time is not None:
        begin = dt.datetime.combine(event.start, event.time, tzinfo=zone)
        vevent.add("dtstart", begin)
        vevent.add("dtend", begin + TIMED_LENGTH)
    else:
        vevent.add("dtstart", event.start)
        vevent.add("dtend", event.last_day + dt.timedelta(days=1))
    vevent.add("transp", "TRANSPARENT")
    where = location(event)
    if where:
        vevent.add("location", clean_text(where))
    if event.location and event.location.latitude is not None and event.location.longitude is not None:
        vevent.add("geo", (event.location.latitude, event.location.longitude))
    vevent.add("categories", [TYPE_LABELS.get(event.type, event.type), *_names(event.countries)])
    text = clean_text(description(happening))
    if text:
        vevent.add("description", text)
    urls = [s.url for s in happening.sources if s.url]
    if urls:
        vevent.add("url", clean_uri(urls[0]))
    if parent_uid:
        vevent.add("related-to", parent_uid, parameters={"RELTYPE": "PARENT"})
    return vevent


def _timezones(vevents: Iterable[icalendar.Event]) -> list[icalendar.Timezone]:
    """A VTIMEZONE for each TZID used, covering the whole years of its events."""
    years: dict[str, list[int]] = {}
    for v in vevents:
        tzid = v["dtstart"].params.get("TZID")  # none for dates and for UTC (written with Z)
        if tzid:
            years.setdefault(tzid, []).append(v.decoded("dtstart").year)
    return [
        icalendar.Timezone.from_tzid(
            name, first_date=dt.date(min(ys), 1, 1), last_date=dt.date(max(ys) + 1, 1, 1)
        )
        for name, ys in sorted(years.items())
    ]


def _calendar(vevents: Sequence[icalendar.Event], name: str) -> icalendar.Calendar:
    cal = icalendar.Calendar()
    cal.add("prodid", PRODID)
    cal.add("version", "2.0")
    cal.add("calscale", "GREGORIAN")
    cal.add("method", "PUBLISH")
    cal.add("name", name)
    cal.add("x-wr-calname", name)
    # icalendar writes a duration without VALUE=DURATION, which RFC 7986 requires here.
    cal.add("refresh-interval", REFRESH, parameters={"VALUE": "DURATION"})
    cal.add("x-published-ttl", icalendar.vDuration(REFRESH))
    for tz in _timezones(vevents):
        cal.add_component(tz)
    for vevent in vevents:
        cal.add_component(vevent)
    return cal


def _vevents(events: Iterable[Event]) -> list[tuple[Happening, icalendar.Event]]:
    found = happenings(events)
    parents = related_parents(found)
    return [(h, to_vevent(h, parents.get(h.uid))) for h in found]


def to_calendar(events: Iterable[Event], name: str = CALENDAR_NAME) -> icalendar.Calendar:
    """All events in one calendar, one VEVENT per happening."""
    return _calendar([v for _, v in _vevents(events)], name)


def items(events: Iterable[Event], name: str = CALENDAR_NAME) -> dict[str, bytes]:
    """UID -> a calendar object holding that one VEVENT (and its VTIMEZONE).

    This is what a CalDAV server stores as one resource, e.g. ``PUT /calendar/<uid>.ics``.
    """
    return {h.uid: _calendar([v], name).to_ical() for h, v in _vevents(events)}


def write_ics(events: Iterable[Event], path: str | Path, name: str = CALENDAR_NAME) -> Path:
    """Write events to an .ics file atomically; returns the path written."""
    return atomic_write(path, to_calendar(events, name).to_ical())


def split_key_names(happening: Happening, by: str) -> dict[str, str]:
    """The files a happening goes to when splitting ``by`` country or type: file stem -> label."""
    if by == "country":
        return {code: country_table.name(code) for code in happening.event.countries}
    if by == "type":
        return {happening.event.type: TYPE_LABELS.get(happening.event.type, happening.event.type)}
    raise ValueError(f"cannot split by {by!r}; choose from {', '.join(SPLITS)}")


def write_split(events: Iterable[Event], out_dir: str | Path, by: str) -> list[Path]:
    """One calendar per country (``TJ.ics``) or per type (``talks.ics``) in ``out_dir``.

    Each is named for people (``Tajikistan — diplomatic events``). An event involving two
    countries is in both files, with the same UID and the same RELATED-TO links as in the
    single calendar. Returns the paths written, in order.
    """
    if by not in SPLITS:
        raise ValueError(f"cannot split by {by!r}; choose from {', '.join(SPLITS)}")
    groups: dict[str, tuple[str, list[icalendar.Event]]] = {}
    for happening, vevent in _vevents(events):
        for key, label in split_key_names(happening, by).items():
            groups.setdefault(key, (label, []))[1].append(vevent)
    out = Path(out_dir)
    return [
        atomic_write(out / f"{key}.ics", _calendar(vevents, f"{label} — diplomatic events").to_ical())
        for key, (label, vevents) in sorted(groups.items())
    ]
