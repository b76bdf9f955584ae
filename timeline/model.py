"""The event model: what the extractor produces and every exporter consumes.

Every class round-trips losslessly through plain JSON (``to_dict`` / ``from_dict``), and an
:class:`Event` refuses to exist with an end before its start or with no start at all, so a
broken event can never reach an exporter.
"""

from __future__ import annotations

import datetime as dt
import hashlib
from dataclasses import dataclass, field
from typing import Any

EVENT_TYPES: tuple[str, ...] = (
    "visit",
    "talks",
    "meeting",
    "call",
    "press",
    "signing",
    "ceremony",
    "banquet",
    "summit",
)


class InvalidEvent(ValueError):
    """An event whose fields contradict each other or the annotation guide."""


def _date(value: Any, name: str) -> dt.date:
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    if isinstance(value, str):
        try:
            return dt.date.fromisoformat(value)
        except ValueError as err:
            raise InvalidEvent(f"{name} {value!r} is not a YYYY-MM-DD date") from err
    raise InvalidEvent(f"{name} is missing or not a date: {value!r}")


@dataclass(frozen=True, slots=True)
class Participant:
    name: str
    title: str | None = None
    country: str | None = None

    def to_dict(self) -> dict[str, Any]:
        return {"name": self.name, "title": self.title, "country": self.country}

    @classmethod
    def from_dict(cls, data: dict[str, Any] | str) -> Participant:
        if isinstance(data, str):
            return cls(name=data)
        return cls(name=data["name"], title=data.get("title"), country=data.get("country"))


@dataclass(frozen=True, slots=True)
class Location:
    city: str | None = None
    country: str | None = None
    latitude: float | None = None
    longitude: float | None = None
    timezone: str | None = None

    def to_dict(self) -> dict[str, Any]:
        return {
            "city": self.city,
            "country": self.country,
            "latitude": self.latitude,
            "longitude": self.longitude,
            "timezone": self.timezone,
        }

    @classmethod
    def from_dict(cls, data: dict[str, Any] | None) -> Location | None:
        if data is None:
            return None
        return cls(
            city=data.get("city"),
            country=data.get("country"),
            latitude=data.get("latitude"),
            longitude=data.get("longitude"),
            timezone=data.get("timezone"),
        )

    def label(self, country_name: str | None = None) -> str:
        """``Dushanbe, Tajikistan``: what a person reads in a calendar's location field."""
        parts = [p for p in (self.city, country_name or self.country) if p]
        return ", ".join(parts)


@dataclass(frozen=True, slots=True)
class Evidence:
    """A sentence of the article and where it stands in the article's text.

    ``path`` names the article when an event holds sentences of several articles (events
    read from a store); it is left out of the JSON when not set.
    """

    text: str
    start: int
    end: int
    path: str | None = None

    def to_dict(self) -> dict[str, Any]:
        data: dict[str, Any] = {"text": self.text, "start": self.start, "end": self.end}
        if self.path is not None:
            data["path"] = self.path
        return data

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Evidence:
        return cls(text=data["text"], start=int(data["start"]), end=int(data["end"]), path=data.get("path"))


@dataclass(frozen=True, slots=True)
class Source:
    path: str
    title: str | None = None
    published: dt.date | None = None
    url: str | None = None

    def to_dict(self) -> dict[str, Any]:
        return {
            "path": self.path,
            "title": self.title,
            "published": self.published.isoformat() if self.published else None,
            "url": self.url,
        }

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Source:
        published = data.get("published")
        return cls(
            path=data["path"],
            title=data.get("title"),
            published=_date(published, "published") if published else None,
            url=data.get("url"),
        )


@dataclass(frozen=True, slots=True)
class Event:
    """One real-world diplomatic happening, with the sentences that report it.

    ``sources`` lists every article that tells the happening (several once a store has
    merged the tellings of several agencies); ``source`` is always the first of them, so
    code that knows one source keeps working. Give either: the other is filled in.
    """

    type: str
    start: dt.date
    end: dt.date | None = None
    participants: tuple[Participant, ...] = ()
    countries: tuple[str, ...] = ()
    location: Location | None = None
    evidence: tuple[Evidence, ...] = ()
    source: Source | None = None
    time: dt.time | None = None
    cameo: str | None = None
    plover: str | None = None
    id: str = field(default="")
    sources: tuple[Source, ...] = ()

    def __post_init__(self) -> None:
        if self.type not in EVENT_TYPES:
            raise InvalidEvent(f"unknown event type {self.type!r}; expected one of {', '.join(EVENT_TYPES)}")
        object.__setattr__(self, "start", _date(self.start, "start"))
        if self.end is not None:
            end = _date(self.end, "end")
            if end < self.start:
                raise InvalidEvent(f"end {end} is before start {self.start}")
            object.__setattr__(self, "end", None if end == self.start else end)
        for code in self.countries:
            if len(code) != 2 or not code.isalpha() or not code.isupper():
                raise InvalidEvent(f"country {code!r} is not an ISO 3166-1 alpha-2 code")
        if self.source is not None and (not self.sources or self.sources[0] != self.source):
            rest = tuple(s for s in self.sources if s != self.source)
            object.__setattr__(self, "sources", (self.source, *rest))
        elif self.source is None and self.sources:
            object.__setattr__(self, "source", self.sources[0])
        if not self.id:
            object.__setattr__(self, "id", self.happening_id())

    @property
    def corroboration(self) -> int:
        """How many articles tell this happening."""
        return len(self.sources)

    @property
    def last_day(self) -> dt.date:
        return self.end or self.start

    def happening_id(self) -> str:
        """A stable id from what identifies the happening: type, first day, countries, people.

        It depends on no run, machine or ordering, so the same talks get the same id every
        time they are extracted.
        """
        people = sorted(p.name.casefold() for p in self.participants)
        key = "|".join(
            [self.type, self.start.isoformat(), ",".join(sorted(self.countries)), ",".join(people)]
        )
        return hashlib.sha256(key.encode("utf-8", "surrogatepass")).hexdigest()[:16]

    def to_dict(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "type": self.type,
            "start": self.start.isoformat(),
            "end": self.end.isoformat() if self.end else None,
            "time": self.time.isoformat(timespec="minutes") if self.time else None,
            # Names alone, as the annotation guide and score.py read them; details in "people".
            "participants": [p.name for p in self.participants],
            "people": [p.to_dict() for p in self.participants],
            "countries": list(self.countries),
            "location": self.location.to_dict() if self.location else None,
            "evidence": [e.to_dict() for e in self.evidence],
            "source": self.source.to_dict() if self.source else None,
            "sources": [s.to_dict() for s in self.sources],
            "corroboration": self.corroboration,
            "cameo": self.cameo,
            "plover": self.plover,
        }

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Event:
        if not isinstance(data, dict):
            raise InvalidEvent("an event must be a JSON object")
        if "type" not in data:
            raise InvalidEvent("event has no type")
        time = data.get("time")
        try:
            return cls(
                id=data.get("id") or "",
                type=data["type"],
                start=_date(data.get("start"), "start"),
                end=_date(data["end"], "end") if data.get("end") else None,
                time=dt.time.fromisoformat(time) if time else None,
                participants=tuple(
                    Participant.from_dict(p) for p in (data.get("people") or data.get("participants") or ())
                ),
                countries=tuple(data.get("countries") or ()),
                location=Location.from_dict(data.get("location")),
                evidence=tuple(Evidence.from_dict(e) for e in data.get("evidence") or ()),
                source=Source.from_dict(data["source"]) if data.get("source") else None,
                sources=tuple(Source.from_dict(s) for s in data.get("sources") or ()),
                cameo=data.get("cameo"),
                plover=data.get("plover"),
            )
        except (KeyError, TypeError, ValueError) as err:
            if isinstance(err, InvalidEvent):
                raise
            raise InvalidEvent(f"malformed event: {err}") from err
