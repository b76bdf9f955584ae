"""timeline: diplomatic news articles to events, iCalendar files and interactive timelines.

>>> import timeline
>>> article = timeline.read_article("seeds/000_0bd6bd9a6d1d6856.txt")
>>> events = timeline.extract(article)
>>> timeline.write_ics(events, "exports/calendar.ics")
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from timeline.article import Article, parse_article, read_article
from timeline.errors import ArticleError, StoreError, TimelineError
from timeline.extract import extract
from timeline.model import EVENT_TYPES, Event, Evidence, InvalidEvent, Location, Participant, Source

__version__ = "0.1.0"

__all__ = [
    "EVENT_TYPES",
    "Article",
    "ArticleError",
    "Event",
    "Evidence",
    "InvalidEvent",
    "Location",
    "Participant",
    "Source",
    "StoreError",
    "TimelineError",
    "extract",
    "parse_article",
    "read_article",
    "write_html",
    "write_ics",
    "__version__",
]

if TYPE_CHECKING:
    from timeline.html import write_html
    from timeline.ics import write_ics


def __getattr__(name: str) -> Any:
    # The exporters import plotly and icalendar; load them only when asked for.
    if name == "write_ics":
        from timeline.ics import write_ics

        return write_ics
    if name == "write_html":
        from timeline.html import write_html

        return write_html
    raise AttributeError(name)
