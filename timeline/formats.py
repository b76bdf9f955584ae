"""Events as text: JSON Lines, a JSON array, CSV and a table for people to read.

JSON Lines and JSON hold exactly what :meth:`Event.to_dict` gives. CSV has one row an event
with plain columns for what a spreadsheet sorts and filters on, and the nested parts
(``people`` with titles and countries, ``evidence`` with offsets) as JSON text, so
:func:`from_csv` gives back the very same events. The table (rich) is for a terminal.
"""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Iterable
from typing import Any

from timeline.model import Event

FORMATS = ("table", "json", "jsonl", "csv")

CSV_COLUMNS = (
    "id",
    "type",
    "start",
    "end",
    "time",
    "participants",
    "countries",
    "city",
    "location_country",
    "latitude",
    "longitude",
    "timezone",
    "source_path",
    "source_title",
    "source_published",
    "source_url",
    "cameo",
    "plover",
    "people",
    "evidence",
)
LIST_SEPARATOR = "; "


def to_jsonl(events: Iterable[Event]) -> str:
    return "".join(json.dumps(e.to_dict(), ensure_ascii=False) + "\n" for e in events)


def to_json(events: Iterable[Event]) -> str:
    return json.dumps([e.to_dict() for e in events], ensure_ascii=False, indent=2) + "\n"


def _row(event: Event) -> dict[str, str]:
    data = event.to_dict()
    location = data["location"] or {}
    source = data["source"] or {}

    def text(value: Any) -> str:
        return "" if value is None else str(value)

    return {
        "id": data["id"],
        "type": data["type"],
        "start": data["start"],
        "end": text(data["end"]),
        "time": text(data["time"]),
        "participants": LIST_SEPARATOR.join(data["participants"]),
        "countries": LIST_SEPARATOR.join(data["countries"]),
        "city": text(location.get("city")),
        "location_country": text(location.get("country")),
        "latitude": text(location.get("latitude")),
        "longitude": text(location.get("longitude")),
        "timezone": text(location.get("timezone")),
        "source_path": text(source.get("path")),
        "source_title": text(source.get("title")),
        "source_published": text(source.get("published")),
        "source_url": text(source.get("url")),
        "cameo": text(data["cameo"]),
        "plover": text(data["plover"]),
        "people": json.dumps(data["people"], ensure_ascii=False),
        "evidence": json.dumps(data["evidence"], ensure_ascii=False),
    }


def to_csv(events: Iterable[Event]) -> str:
    buffer = io.StringIO()
    writer = csv.DictWriter(buffer, fieldnames=CSV_COLUMNS, lineterminator="\n")
    writer.writeheader()
    for event in events:
        writer.writerow(_row(event))
    return buffer.getvalue()


def from_csv(text: str) -> list[Event]:
    """The events of a CSV written by :func:`to_csv`."""
    events = []
    for row in csv.DictReader(io.StringIO(text)):

        def cell(name: str, row: dict[str, str] = row) -> str | None:
            return row.get(name) or None

        location = None
        if any(cell(k) for k in ("city", "location_country", "latitude", "longitude", "timezone")):
            lat, lon = cell("latitude"), cell("longitude")
            location = {
                "city": cell("city"),
                "country": cell("location_country"),
                "latitude": float(lat) if lat else None,
                "longitude": float(lon) if lon else None,
                "timezone": cell("timezone"),
            }
        source = None
        if cell("source_path"):
            source = {
                "path": cell("source_path"),
                "title": cell("source_title"),
                "published": cell("source_published"),
                "url": cell("source_url"),
            }
        countries = cell("countries")
        events.append(
            Event.from_dict(
                {
                    "id": cell("id"),
                    "type": cell("type"),
                    "start": cell("start"),
                    "end": cell("end"),
                    "time": cell("time"),
                    "people": json.loads(cell("people") or "[]"),
                    "countries": countries.split(LIST_SEPARATOR) if countries else [],
                    "location": location,
                    "evidence": json.loads(cell("evidence") or "[]"),
                    "source": source,
                    "cameo": cell("cameo"),
                    "plover": cell("plover"),
                }
            )
        )
    return events


def to_table(events: Iterable[Event], color: bool = False, width: int | None = None) -> str:
    """A table a person reads: when, type, countries, place, people and the source file."""
    from rich import box
    from rich.console import Console
    from rich.table import Table

    table = Table(box=box.SIMPLE_HEAD, header_style="bold" if color else "", pad_edge=False)
    for name, style in (
        ("When", "cyan"),
        ("Type", "magenta"),
        ("Countries", "green"),
        ("Place", ""),
        ("People", ""),
        ("Source", "dim"),
    ):
        table.add_column(name, style=style if color else "", overflow="fold")
    for e in events:
        when = e.start.isoformat() + (f"..{e.end.isoformat()}" if e.end else "")
        if e.time:
            when += " " + e.time.isoformat(timespec="minutes")
        place = e.location.city if e.location and e.location.city else ""
        people = ", ".join(p.name for p in e.participants)
        source = e.source.path if e.source else ""
        table.add_row(when, e.type, " ".join(e.countries), place or "", people, source)
    console = Console(
        file=io.StringIO(),
        width=width or 160,
        force_terminal=color,
        no_color=not color,
        highlight=False,
        color_system="standard" if color else None,
    )
    console.print(table)
    out = console.file.getvalue() if isinstance(console.file, io.StringIO) else ""
    lines = [line.rstrip() for line in out.splitlines()]
    return "\n".join(line for line in lines if line.strip()) + "\n"


def render(events: Iterable[Event], fmt: str, color: bool = False, width: int | None = None) -> str:
    """``events`` in one of :data:`FORMATS`."""
    if fmt == "table":
        return to_table(events, color=color, width=width)
    if fmt == "json":
        return to_json(events)
    if fmt == "jsonl":
        return to_jsonl(events)
    if fmt == "csv":
        return to_csv(events)
    raise ValueError(f"unknown format {fmt!r}; choose from {', '.join(FORMATS)}")
