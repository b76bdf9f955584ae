"""timeline: diplomatic news articles to events, iCalendar files and interactive timelines.

>>> import timeline
>>> article = timeline.read_article("seeds/000_0bd6bd9a6d1d6856.txt")
>>> events = timeline.extract(article)
>>> timeline.write_ics(events, "exports/calendar.ics")
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

__version__ = "0.1.0"

# Each public name and the module that holds it. They are imported on first use, so that
# `timeline --help` does not pay for the extractor, plotly or icalendar.
_HOMES = {
    "EVENT_TYPES": "timeline.model",
    "Article": "timeline.article",
    "ArticleError": "timeline.article",
    "Event": "timeline.model",
    "Evidence": "timeline.model",
    "InvalidEvent": "timeline.model",
    "Location": "timeline.model",
    "Participant": "timeline.model",
    "Source": "timeline.model",
    "extract": "timeline.extract",
    "parse_article": "timeline.article",
    "read_article": "timeline.article",
    "write_html": "timeline.html",
    "write_ics": "timeline.ics",
}

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
    "extract",
    "parse_article",
    "read_article",
    "write_html",
    "write_ics",
    "__version__",
]

if TYPE_CHECKING:
    from timeline.article import Article, ArticleError, parse_article, read_article
    from timeline.extract import extract
    from timeline.html import write_html
    from timeline.ics import write_ics
    from timeline.model import (
        EVENT_TYPES,
        Event,
        Evidence,
        InvalidEvent,
        Location,
        Participant,
        Source,
    )


def __getattr__(name: str) -> Any:
    home = _HOMES.get(name)
    if home is None:
        raise AttributeError(f"module 'timeline' has no attribute {name!r}")
    return getattr(importlib.import_module(home), name)
