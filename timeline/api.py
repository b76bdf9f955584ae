"""The library under the command line: read articles, extract, select, export.

Everything the CLI does is one call here, so a notebook can do the same::

    from timeline.api import events_from, build
    from timeline.filters import selection

    events = list(events_from(["seeds"], selection(countries=["Tajikistan"], since="2024-07")))
    report = build(["seeds"], "exports")
"""

from __future__ import annotations

import os
import re
from collections import Counter
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

from timeline.errors import ArticleError
from timeline.extract import extract
from timeline.filters import Selection
from timeline.formats import to_jsonl
from timeline.model import Event
from timeline.output import atomic_write
from timeline.sources import DEFAULT_GLOB, Note, Reading, iter_articles, path_list

__all__ = ["Report", "build", "events_from", "to_jsonl", "write_country_calendars", "write_exports"]


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
    paths: Iterable[str | Path] | str | Path,
    selection: Selection | None = None,
    glob: str = DEFAULT_GLOB,
    strict: bool = False,
    report: Report | None = None,
    on_error: Callable[[ArticleError], None] | None = None,
    on_progress: Callable[[int, int], None] | None = None,
    max_bytes: int | None = None,
    reading: Reading | None = None,
    skip_errors: bool = False,
) -> Iterator[Event]:
    """Extract events from every article under ``paths``, streaming, filtered by ``selection``.

    ``paths`` is a list of files, folders, URLs and ``-``; one path alone (``"seeds"``) is read
    as one path. A bad input (a missing path, a file or URL that cannot be read as an article, a
    bad corpus line or feed entry) raises :class:`ArticleError`, unless the caller asks to skip
    bad inputs: with ``on_error`` each is passed to it, with ``skip_errors=True`` it is skipped
    (noted in ``report`` either way); ``strict`` raises the first one even then.
    ``on_progress(done, total)`` follows the inputs. An article over ``max_bytes`` (default
    ``$TIMELINE_MAX_BYTES`` or 50 MB) is such a bad input, refused before it is read.
    ``reading`` says how corpora, feeds and URLs are read; a :class:`Note` about an input still
    read (a feed entry read from its summary) goes to ``on_error`` without counting as skipped.
    """
    given = path_list(paths)  # a TypeError at the call, not when the events are first read
    if on_error is None and not skip_errors:
        strict = True
    return _events(
        given, selection or Selection(), glob, strict, report, on_error, on_progress, max_bytes, reading
    )


def _events(
    paths: list[str | os.PathLike[str]],
    chosen: Selection,
    glob: str,
    strict: bool,
    report: Report | None,
    on_error: Callable[[ArticleError], None] | None,
    on_progress: Callable[[int, int], None] | None,
    max_bytes: int | None,
    reading: Reading | None,
) -> Iterator[Event]:
    def skipped(err: ArticleError) -> None:
        if report is not None and not isinstance(err, Note):
            report.skipped.append(str(err))
        if on_error is not None:
            on_error(err)

    articles = iter_articles(
        paths,
        glob=glob,
        strict=strict,
        on_error=skipped,
        on_progress=on_progress,
        max_bytes=max_bytes,
        reading=reading,
    )
    for article in articles:
        if report is not None:
            report.articles += 1
        for event in extract(article):
            if chosen.keeps(event):
                if report is not None:
                    report.events += 1
                    report.by_type[event.type] += 1
                    report.by_country.update(event.countries)
                yield event


def write_country_calendars(events: Iterable[Event], out_dir: str | Path) -> list[Path]:
    """One calendar a country, ``out_dir/CODE.ics``, holding every event that involves it.

    A country calendar left from an earlier run, for a country with no event now, is removed
    once the new ones are written, so the folder always matches ``calendar.ics``.
    """
    from timeline.ics import write_split

    written = write_split(events, out_dir, by="country")
    keep = {p.name for p in written}
    for old in Path(out_dir).glob("*.ics"):
        if old.name not in keep and re.fullmatch(r"[A-Z]{2}\.ics", old.name):
            old.unlink(missing_ok=True)
    return written


def build(
    paths: Iterable[str | Path] | str | Path,
    out_dir: str | Path,
    selection: Selection | None = None,
    glob: str = DEFAULT_GLOB,
    strict: bool = False,
    on_error: Callable[[ArticleError], None] | None = None,
    on_progress: Callable[[int, int], None] | None = None,
    lanes: str = "country",
    plotlyjs: str = "inline",
    max_bytes: int | None = None,
    reading: Reading | None = None,
    skip_errors: bool = False,
) -> Report:
    """The main job: read the articles under ``paths`` and :func:`write_exports` their events.

    Bad inputs raise :class:`ArticleError` as in :func:`events_from`, unless ``on_error`` or
    ``skip_errors`` skips them. Nothing is written when no article could be read: that raises
    :class:`ArticleError`.
    ``lanes`` and ``plotlyjs`` are :func:`timeline.html.render_html`'s.
    """
    report = Report()
    events = list(
        events_from(
            paths,
            selection,
            glob=glob,
            strict=strict,
            report=report,
            on_error=on_error,
            on_progress=on_progress,
            max_bytes=max_bytes,
            reading=reading,
            skip_errors=skip_errors,
        )
    )
    if report.skipped and not report.articles:
        raise ArticleError("no article could be read; nothing written")
    write_exports(events, out_dir, selection, report, lanes=lanes, plotlyjs=plotlyjs)
    return report


def write_exports(
    events: list[Event],
    out_dir: str | Path,
    selection: Selection | None = None,
    report: Report | None = None,
    lanes: str = "country",
    plotlyjs: str = "inline",
) -> list[Path]:
    """Write, in ``out_dir``: events.jsonl, calendar.ics, one calendar a country under
    ``countries/`` and timeline.html. Each file is written whole or not at all."""
    from timeline.html import write_html
    from timeline.ics import write_ics

    out = Path(out_dir)
    title = "Diplomatic events" + (
        f" ({selection.describe()})" if selection and selection != Selection() else ""
    )
    written = [
        atomic_write(out / "events.jsonl", to_jsonl(events)),
        write_ics(events, out / "calendar.ics"),
        *write_country_calendars(events, out / "countries"),
        write_html(events, out / "timeline.html", lanes=lanes, title=title, plotlyjs=plotlyjs),
    ]
    if report is not None:
        report.written.extend(written)
    return written
