"""The ``timeline`` command: a thin layer over :mod:`timeline.api`."""

from __future__ import annotations

import datetime as dt
import json
import sys
from pathlib import Path
from typing import Annotated, Literal, NoReturn

import typer

from timeline import __version__
from timeline.article import ArticleError
from timeline.filters import Selection
from timeline.model import EVENT_TYPES, Event

app = typer.Typer(
    help="Turn diplomatic news articles into dated events, iCalendar files and interactive timelines.",
    no_args_is_help=True,
    context_settings={"help_option_names": ["-h", "--help"]},
    pretty_exceptions_enable=False,
    add_completion=True,
)

PathsArg = Annotated[
    list[str],
    typer.Argument(help="Article files, folders (their *.txt files, recursively) or - for standard input."),
]
CountryOpt = Annotated[
    list[str] | None,
    typer.Option(
        "--country", "-c", help="Keep events involving this country (name, ISO code or demonym); repeatable."
    ),
]
SinceOpt = Annotated[
    str | None, typer.Option(help="Keep events on or after this day (YYYY-MM-DD, YYYY-MM, YYYY).")
]
UntilOpt = Annotated[
    str | None, typer.Option(help="Keep events on or before this day (YYYY-MM-DD, YYYY-MM, YYYY).")
]
LanesOpt = Annotated[
    Literal["country", "type", "person"],
    typer.Option(help="One lane per country the event involves, per event type, or per participant."),
]
PlotlyJsOpt = Annotated[
    Literal["inline", "cdn", "directory"],
    typer.Option(
        help="Plotly's script: inline (one file that works offline), cdn (needs the network) "
        "or directory (plotly.min.js written beside the page)."
    ),
]
TypeOpt = Annotated[
    list[str] | None,
    typer.Option("--type", "-t", help=f"Keep events of this type ({', '.join(EVENT_TYPES)}); repeatable."),
]


def fail(message: str, code: int = 1) -> NoReturn:
    typer.echo(f"timeline: {message}", err=True)
    raise typer.Exit(code)


def _day(value: str | None, option: str, last: bool) -> dt.date | None:
    if value is None:
        return None
    text = value.strip()
    try:
        if len(text) == 4 and text.isdigit():
            return dt.date(int(text), 12, 31) if last else dt.date(int(text), 1, 1)
        if len(text) == 7 and text[4] == "-":
            year, month = int(text[:4]), int(text[5:])
            if last:
                nxt = dt.date(year + month // 12, month % 12 + 1, 1)
                return nxt - dt.timedelta(days=1)
            return dt.date(year, month, 1)
        return dt.date.fromisoformat(text)
    except ValueError:
        raise typer.BadParameter(
            f"{value!r} is not a date (YYYY-MM-DD, YYYY-MM or YYYY)", param_hint=option
        ) from None


def selection(
    country: list[str] | None, since: str | None, until: str | None, types: list[str] | None
) -> Selection:
    from timeline import countries

    codes = set()
    for value in country or []:
        code = countries.lookup(value)
        if code is None:
            near = countries.close_matches(value)
            hint = f"; did you mean {', '.join(near)}?" if near else ""
            raise typer.BadParameter(f"unknown country {value!r}{hint}", param_hint="--country")
        codes.add(code)
    for t in types or []:
        if t not in EVENT_TYPES:
            raise typer.BadParameter(
                f"unknown type {t!r}; choose from {', '.join(EVENT_TYPES)}", param_hint="--type"
            )
    try:
        return Selection(
            countries=frozenset(codes),
            since=_day(since, "--since", last=False),
            until=_day(until, "--until", last=True),
            types=frozenset(types or []),
        )
    except ValueError as err:
        raise typer.BadParameter(str(err)) from None


def _events(paths: list[str], chosen: Selection) -> list[Event]:
    from timeline.api import events_from

    def warn(err: ArticleError) -> None:
        typer.echo(f"timeline: skipped {err}", err=True)

    try:
        return list(events_from(paths, chosen, on_error=warn))
    except ArticleError as err:
        fail(str(err))


@app.command()
def extract(
    paths: PathsArg,
    country: CountryOpt = None,
    since: SinceOpt = None,
    until: UntilOpt = None,
    type: TypeOpt = None,
) -> None:
    """Print the events of articles as JSON Lines, one event a line.

    Example: timeline extract seeds/
    """
    from timeline.api import to_jsonl

    sys.stdout.write(to_jsonl(_events(paths, selection(country, since, until, type))))


@app.command("list")
def list_events(
    paths: PathsArg,
    country: CountryOpt = None,
    since: SinceOpt = None,
    until: UntilOpt = None,
    type: TypeOpt = None,
) -> None:
    """Show the events of articles as a readable table.

    Example: timeline list seeds --country TJ
    """
    events = sorted(_events(paths, selection(country, since, until, type)), key=lambda e: (e.start, e.type))
    if not events:
        typer.echo("No events match.", err=True)
        return
    for e in events:
        when = e.start.isoformat() + (f"..{e.end.isoformat()}" if e.end else "")
        people = ", ".join(p.name for p in e.participants)
        place = e.location.city if e.location and e.location.city else ""
        typer.echo(f"{when:<22} {e.type:<9} {','.join(e.countries):<12} {place:<16} {people}")


@app.command()
def ics(
    paths: PathsArg,
    output: Annotated[Path | None, typer.Option("--output", "-o", help="The .ics file to write.")] = None,
    country: CountryOpt = None,
    since: SinceOpt = None,
    until: UntilOpt = None,
    type: TypeOpt = None,
    split_by: Annotated[
        str | None,
        typer.Option(
            "--split-by", help="Write one calendar per country (DIR/TJ.ics) or per type (DIR/talks.ics)."
        ),
    ] = None,
    out: Annotated[Path | None, typer.Option("--out", help="The folder for --split-by calendars.")] = None,
) -> None:
    """Write the events of articles to an iCalendar file, or one file per country or type.

    Example: timeline ics seeds -o exports/calendar.ics

    Example: timeline ics seeds --split-by country --out exports/calendars
    """
    from timeline.ics import SPLITS, write_ics, write_split

    if split_by is None and output is None:
        raise typer.BadParameter(
            "give the file to write, or --split-by with --out DIR", param_hint="--output"
        )
    if split_by is not None and split_by not in SPLITS:
        raise typer.BadParameter(f"choose from {', '.join(SPLITS)}", param_hint="--split-by")
    if split_by is not None and out is None:
        raise typer.BadParameter("--split-by needs the folder to write into", param_hint="--out")
    events = _events(paths, selection(country, since, until, type))
    written = [write_ics(events, output)] if output is not None else []
    if split_by is not None and out is not None:
        written += write_split(events, out, split_by)
    for path in written:
        typer.echo(f"wrote {path}", err=True)


@app.command()
def plot(
    paths: PathsArg,
    output: Annotated[Path, typer.Option("--output", "-o", help="The .html page to write.")],
    country: CountryOpt = None,
    since: SinceOpt = None,
    until: UntilOpt = None,
    type: TypeOpt = None,
    lanes: LanesOpt = "country",
    plotlyjs: PlotlyJsOpt = "inline",
) -> None:
    """Write the events of articles as an interactive timeline page.

    Example: timeline plot seeds -o exports/timeline.html --lanes person
    """
    from timeline.html import write_html

    chosen = selection(country, since, until, type)
    title = "Diplomatic events" + ("" if chosen == Selection() else f" ({chosen.describe()})")
    written = write_html(_events(paths, chosen), output, lanes=lanes, title=title, plotlyjs=plotlyjs)
    typer.echo(f"wrote {written}", err=True)


@app.command()
def build(
    paths: PathsArg,
    out: Annotated[Path, typer.Option("--out", help="The folder to write into.")] = Path("exports"),
    country: CountryOpt = None,
    since: SinceOpt = None,
    until: UntilOpt = None,
    type: TypeOpt = None,
    lanes: LanesOpt = "country",
    plotlyjs: PlotlyJsOpt = "inline",
) -> None:
    """The main job: events.jsonl, calendar.ics and timeline.html in one folder.

    Example: timeline build seeds --out exports
    """
    from timeline.api import build as run_build

    def warn(err: ArticleError) -> None:
        typer.echo(f"timeline: skipped {err}", err=True)

    try:
        report = run_build(
            paths, out, selection(country, since, until, type), on_error=warn, lanes=lanes, plotlyjs=plotlyjs
        )
    except ArticleError as err:
        fail(str(err))
    typer.echo(f"read {report.articles} article(s), found {report.events} event(s)", err=True)
    if report.by_type:
        typer.echo("  by type: " + ", ".join(f"{t} {n}" for t, n in report.by_type.most_common()), err=True)
    for path in report.written:
        typer.echo(f"  wrote {path}", err=True)
    if report.skipped:
        raise typer.Exit(1)


def _version(value: bool) -> None:
    if value:
        typer.echo(f"timeline {__version__}")
        raise typer.Exit()


@app.callback()
def main_options(
    version: Annotated[
        bool, typer.Option("--version", callback=_version, is_eager=True, help="Print the version and exit.")
    ] = False,
) -> None:
    """Turn diplomatic news articles into dated events, iCalendar files and interactive timelines."""


def main() -> None:
    try:
        app()
    except BrokenPipeError:
        sys.stderr.close()
    except json.JSONDecodeError as err:  # pragma: no cover - defensive
        fail(str(err))
