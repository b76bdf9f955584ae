"""The library under the command line: read articles, extract, select, export.

Everything the CLI does is one call here, so a notebook can do the same::

    from timeline.api import events_from, build
    from timeline.filters import Selection

    events = list(events_from(["seeds"], Selection(countries=frozenset({"TJ"}))))
    report = build(["seeds"], "exports")
"""

from __future__ import annotations

import json
from collections import Counter
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

from timeline.article import ArticleError
from timeline.extract import extract
from timeline.filters import Selection
from timeline.model import Event
from timeline.output import atomic_write
from timeline.sources import DEFAULT_GLOB, iter_articles


@dataclass
class Report:
    """What a run read, skipped and wrote."""

    articles: int = 0
    skipped: list[str] = field(default_factory=list)
    events: int = 0
    by_type: Counter[str] = field(default_factory=Counter)
    by_country: Counter[str] = field(default_factory=Counter)
    written: list[Path] = field(default_factory=list)


def events_from(
    paths: Iterable[str | Path],
    selection: Selection | None = None,
    glob: str = DEFAULT_GLOB,
    strict: bool = False,
    report: Report | None = None,
    on_error: Callable[[ArticleError], None] | None = None,
) -> Iterator[Event]:
    """Extract events from every article under ``paths``, streaming, filtered by ``selection``."""
    chosen = selection or Selection()

    def skipped(err: ArticleError) -> None:
        if report is not None:
            report.skipped.append(str(err))
        if on_error is not None:
            on_error(err)

    for article in iter_articles(paths, glob=glob, strict=strict, on_error=skipped):
        if report is not None:
            report.articles += 1
        for event in extract(article):
            if chosen.keeps(event):
                if report is not None:
                    report.events += 1
                    report.by_type[event.type] += 1
                    report.by_country.update(event.countries)
                yield event


def to_jsonl(events: Iterable[Event]) -> str:
    return "".join(json.dumps(e.to_dict(), ensure_ascii=False) + "\n" for e in events)


def build(
    paths: Iterable[str | Path],
    out_dir: str | Path,
    selection: Selection | None = None,
    glob: str = DEFAULT_GLOB,
    strict: bool = False,
    on_error: Callable[[ArticleError], None] | None = None,
    lanes: str = "country",
    plotlyjs: str = "inline",
) -> Report:
    """The main job: events.jsonl, calendar.ics and timeline.html in ``out_dir``.

    ``lanes`` and ``plotlyjs`` are :func:`timeline.html.render_html`'s."""
    from timeline.html import write_html
    from timeline.ics import write_ics

    report = Report()
    events = list(events_from(paths, selection, glob=glob, strict=strict, report=report, on_error=on_error))
    out = Path(out_dir)
    title = "Diplomatic events" + (
        f" ({selection.describe()})" if selection and selection != Selection() else ""
    )
    report.written.append(atomic_write(out / "events.jsonl", to_jsonl(events)))
    report.written.append(write_ics(events, out / "calendar.ics"))
    report.written.append(
        write_html(events, out / "timeline.html", lanes=lanes, title=title, plotlyjs=plotlyjs)
    )
    return report
