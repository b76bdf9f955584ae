"""The ``timeline`` command: a thin layer over :mod:`timeline.api`.

Every command that outputs events is decorated with :func:`reads_events`, the one place that
defines the shared arguments (the article paths, the filters, ``--glob``, ``--strict`` and
``--quiet``) and hands the command an :class:`Inputs` that reads, filters and reports. A new
shared option goes there; a command's own options stay in its signature.

Start-up stays short: plotly, icalendar, rich, pendulum and the place gazetteer are loaded
only by the command (or the filter value) that needs them; ``benchmarks/startup.py`` measures.
"""

from __future__ import annotations

import functools
import inspect
import os
import sys
import time
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any, Literal, NoReturn

import typer
from typer.core import TyperGroup

from timeline import __version__
from timeline.formats import FORMATS
from timeline.model import EVENT_TYPES

if TYPE_CHECKING:
    from timeline.api import Report
    from timeline.errors import ArticleError
    from timeline.filters import Selection
    from timeline.model import Event
    from timeline.sources import Reading

# The files a folder gives by default (as timeline.sources.DEFAULT_GLOB, without importing it).
DEFAULT_GLOB = "*.txt,*.html,*.htm,*.jsonl,*.rss,*.atom"
# Shown with --help; every example works on the seeds/ folder of the repository.
EXAMPLES = {
    "extract": "timeline extract seeds --country tajik -f csv -o events.csv",
    "list": "timeline list seeds --type talks --since 2024-07 --person rahmon",
    "ics": "timeline ics seeds --country TJ -o exports/tajikistan.ics",
    "plot": "timeline plot seeds --since 2024-07 -o exports/timeline.html",
    "build": "timeline build seeds --out exports",
    "ingest": "timeline ingest seeds --db exports/timeline.db, then: timeline list --db exports/timeline.db",
    "remove": "timeline remove --db exports/timeline.db seeds/000_0bd6bd9a6d1d6856.txt",
    "check": "timeline check --db exports/timeline.db",
    "serve": "timeline serve --db exports/timeline.db, then open http://127.0.0.1:8000/",
}
DAY_HELP = "YYYY-MM-DD, YYYY-MM, YYYY, today, yesterday, 7d, 2w, 3m, 1y, or this/last/next week, month, year"
# The exit code when standard output is closed early (128 + SIGPIPE, as a shell reports it).
EXIT_CLOSED_PIPE = 141
# Inputs this many or more get a progress bar (on a terminal, without --quiet).
PROGRESS_FROM = 10


class TimelineGroup(TyperGroup):
    """Usage errors as one line on stderr (exit 2), like every other error of the tool."""

    def main(  # type: ignore[override]
        self,
        args: Sequence[str] | None = None,
        prog_name: str | None = None,
        complete_var: str | None = None,
        standalone_mode: bool = True,
        **extra: Any,
    ) -> Any:
        if not standalone_mode:
            return super().main(args, prog_name, complete_var, standalone_mode=False, **extra)
        try:
            code = super().main(args, prog_name, complete_var, standalone_mode=False, **extra)
        except typer.TyperException as err:
            # Typer's errors through its public base class (it carries its own copy of click,
            # whose classes are private): a usage error names the command it is about (ctx).
            ctx = getattr(err, "ctx", None)
            message = err.format_message()
            if type(err).__name__ == "NoArgsIsHelpError":  # `timeline` alone: the help
                if message.strip():  # rich mode has already printed it
                    typer.echo(message, err=True)
            elif ctx is not None:
                _say(f"timeline: {message.rstrip('.')} (see '{ctx.command_path} --help')")
            else:
                _say(f"timeline: {message}")
            sys.exit(err.exit_code)
        except typer.Abort:
            _say("timeline: interrupted")
            sys.exit(130)
        sys.exit(code if isinstance(code, int) else 0)

    def invoke(self, ctx: Any) -> Any:
        try:
            return super().invoke(ctx)
        except BrokenPipeError:
            _closed_pipe()


def _closed_pipe() -> NoReturn:
    """The reader of standard output went away (``timeline extract ... | head``): stop quietly
    with 141, the code of a command ended by SIGPIPE, as ``cat`` and ``grep`` do. Standard
    output is pointed at /dev/null so the final flush does not fail again."""
    devnull = os.open(os.devnull, os.O_WRONLY)
    os.dup2(devnull, sys.stdout.fileno())
    os.close(devnull)
    sys.exit(EXIT_CLOSED_PIPE)


app = typer.Typer(
    cls=TimelineGroup,
    help="Turn diplomatic news articles into dated events, iCalendar files and interactive timelines.",
    epilog="Run 'timeline COMMAND --help' for a command's options and an example.",
    no_args_is_help=True,
    context_settings={"help_option_names": ["-h", "--help"], "max_content_width": 100},
    pretty_exceptions_enable=False,
    add_completion=True,
)

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


def _say(message: str) -> None:
    typer.echo(message, err=True)


def fail(message: str, code: int = 1) -> NoReturn:
    _say(f"timeline: {message}")
    raise typer.Exit(code)


def _complete_country(incomplete: str) -> list[str]:
    from timeline.countries import countries

    want = incomplete.casefold()
    return sorted(c.name for c in countries().values() if c.name.casefold().startswith(want))


def _complete_type(incomplete: str) -> list[str]:
    return [t for t in EVENT_TYPES if t.startswith(incomplete.casefold())]


def _complete_format(incomplete: str) -> list[str]:
    return [f for f in FORMATS if f.startswith(incomplete)]


PathsArg = Annotated[
    list[str] | None,
    typer.Argument(
        help="Article files (.txt; .html/.htm saved web pages; .jsonl corpora, one article a line; "
        ".rss/.atom/.xml feeds), folders (their files matching --glob, recursively), http(s) URLs "
        "(a page or a feed) or - for standard input; none with --db.",
        show_default=False,
        metavar="PATH",
    ),
]
FILTERS = "Filters (repeat an option for any of its values)"
INPUT = "Input"


def _filter(*names: str, metavar: str, help: str, complete: Callable[[str], list[str]] | None = None) -> Any:
    """A filter option, shown in the filters panel of --help."""
    return typer.Option(
        *names,
        metavar=metavar,
        help=help,
        autocompletion=complete,
        rich_help_panel=FILTERS,
        show_default=False,
    )


CountryOpt = Annotated[
    list[str] | None,
    _filter(
        "--country",
        "-c",
        metavar="COUNTRY",
        help="Events involving this country: name, ISO alpha-2 or alpha-3 code, or demonym (Tajikistan, tj, TJK, Tajik).",
        complete=_complete_country,
    ),
]
SinceOpt = Annotated[
    str | None,
    _filter(
        "--since",
        "-s",
        metavar="DAY",
        help=f"Events on or after this day ({DAY_HELP}); a month or year starts on its first day.",
    ),
]
UntilOpt = Annotated[
    str | None,
    _filter(
        "--until",
        "-u",
        metavar="DAY",
        help="Events on or before this day (same forms as --since); a month or year ends on its last day.",
    ),
]
TypeOpt = Annotated[
    list[str] | None,
    _filter(
        "--type",
        "-t",
        metavar="TYPE",
        help=f"Events of this type: {', '.join(EVENT_TYPES)}.",
        complete=_complete_type,
    ),
]
PersonOpt = Annotated[
    list[str] | None,
    _filter(
        "--person",
        "-p",
        metavar="NAME",
        help="Events with a participant whose name contains this, ignoring case and accents (erdogan).",
    ),
]
TextOpt = Annotated[
    list[str] | None,
    _filter(
        "--text",
        metavar="WORDS",
        help="Events whose evidence has every one of these words (ignoring case and accents; 'talk' matches 'talks').",
    ),
]
GlobOpt = Annotated[
    str,
    typer.Option(
        "--glob",
        "-g",
        metavar="PATTERN",
        help="Which files of a folder to read (patterns separated by commas).",
        rich_help_panel=INPUT,
    ),
]
FieldOpt = Annotated[
    list[str] | None,
    typer.Option(
        "--field",
        metavar="FIELD=NAME",
        help="In .jsonl corpora, read FIELD (text, title, date, url) from NAME (--field text=story); "
        "by default text, body or content; title or headline; date or published; url or link.",
        rich_help_panel=INPUT,
        show_default=False,
    ),
]
TimeoutOpt = Annotated[
    float,
    typer.Option(
        "--timeout",
        min=0.1,
        metavar="SECONDS",
        help="Give up on a URL after this long.",
        rich_help_panel=INPUT,
    ),
]
CacheOpt = Annotated[
    Path | None,
    typer.Option(
        "--cache",
        metavar="DIR",
        help="Keep fetched pages here; the next run asks the server only for what changed "
        "(default: $TIMELINE_CACHE, else ~/.cache/timeline).",
        rich_help_panel=INPUT,
        show_default=False,
        file_okay=False,
    ),
]
DbOpt = Annotated[
    Path | None,
    typer.Option(
        "--db",
        metavar="STORE",
        help="Read the events of this store (see timeline ingest) instead of articles.",
        rich_help_panel=INPUT,
        show_default=False,
        dir_okay=False,
    ),
]
StrictOpt = Annotated[
    bool,
    typer.Option(
        "--strict",
        help="Stop at the first file that cannot be read, instead of skipping it.",
        rich_help_panel=INPUT,
    ),
]
QuietOpt = Annotated[
    bool,
    typer.Option("--quiet", "-q", help="No progress bar and no summary; errors only.", rich_help_panel=INPUT),
]
FormatOpt = Annotated[
    str,
    typer.Option(
        "--format",
        "-f",
        help=f"Output format: {', '.join(FORMATS)}.",
        autocompletion=_complete_format,
        metavar="FORMAT",
        show_default=True,
    ),
]
OutputOpt = Annotated[
    Path | None,
    typer.Option(
        "--output",
        "-o",
        metavar="FILE",
        help="Write to this file (whole, or not at all) instead of standard output.",
        show_default=False,
        dir_okay=False,
    ),
]


@dataclass
class Inputs:
    """The articles a command reads and the events it keeps: what every event command shares."""

    paths: list[str] | None
    selection: Selection
    glob: str = DEFAULT_GLOB
    strict: bool = False
    quiet: bool = False
    db: Path | None = None
    fields: list[str] | None = None
    timeout: float = 20.0
    cache: Path | None = None
    command: str = "timeline"  # as typed, for usage errors: 'timeline list'
    report: Report = field(default_factory=lambda: _new_report())

    def reading(self) -> Reading:
        """How corpora and URLs are read; a bad --field is a usage error."""
        return reading_options(self.fields, self.timeout, self.cache)

    def events(self) -> Iterator[Event]:
        """The selected events, streaming; bad inputs are reported on stderr as they come."""
        from timeline.api import events_from
        from timeline.errors import ArticleError

        if self.db is not None:
            yield from self._stored(self.db)
            return
        if not self.paths:
            _usage("Missing argument 'PATH' (or --db STORE)", self.command)

        progress = _Progress() if not self.quiet and sys.stderr.isatty() else None
        try:
            yield from events_from(
                self.paths,
                self.selection,
                glob=self.glob,
                strict=self.strict,
                report=self.report,
                on_error=progress.warn if progress else _warn,
                on_progress=progress.update if progress else None,
                reading=self.reading(),
            )
        except ArticleError as err:
            if progress:
                progress.stop()
            fail(str(err))
        finally:
            if progress:
                progress.stop()
        if self.report.skipped and not self.report.articles:
            raise typer.Exit(1)  # every input was bad, and each one has been named

    def _stored(self, db: Path) -> Iterator[Event]:
        """The selected events of a store, answered by its indexes."""
        from timeline.errors import StoreError
        from timeline.store import Store

        if self.paths:
            _usage("give PATH arguments or --db STORE, not both", self.command)
        try:
            with Store(db, create=False) as store:
                self.report.articles = store.count_articles()
                for event in store.events(self.selection):
                    self.report.events += 1
                    self.report.by_type[event.type] += 1
                    self.report.by_country.update(event.countries)
                    yield event
        except StoreError as err:
            fail(str(err))

    def finish(self) -> None:
        """Exit 1 when some input was skipped, so a script can tell the run was incomplete."""
        skipped = len(self.report.skipped)
        if skipped:
            total = skipped + self.report.articles
            _say(f"timeline: skipped {skipped} of {total} input(s) that could not be read")
            raise typer.Exit(1)


def reading_options(fields: list[str] | None, timeout: float, cache: Path | None) -> Reading:
    from timeline.sources import Reading, default_cache, parse_fields

    try:
        mapping = parse_fields(fields or ())
    except ValueError as err:
        fail(f"--field: {err}", code=2)
    return Reading(fields=mapping, timeout=timeout, cache=cache or default_cache())


def _usage(message: str, command: str) -> NoReturn:
    """A usage error found once the command runs: one line, exit 2, like typer's own."""
    _say(f"timeline: {message} (see '{command} --help')")
    raise typer.Exit(2)


def _new_report() -> Report:
    from timeline.api import Report

    return Report()


def _warn(err: ArticleError) -> None:
    _say(f"timeline: {err}")


class _Progress:
    """A progress bar on stderr (rich) for runs of :data:`PROGRESS_FROM` inputs or more,
    with warnings printed above it; shorter runs show none."""

    def __init__(self) -> None:
        self.bar: Any = None
        self.task: Any = None

    def update(self, done: int, total: int) -> None:
        if self.bar is None:
            if total < PROGRESS_FROM:
                return
            from rich.console import Console
            from rich.progress import BarColumn, MofNCompleteColumn, Progress, TimeRemainingColumn

            self.bar = Progress(
                "reading",
                BarColumn(),
                MofNCompleteColumn(),
                TimeRemainingColumn(),
                console=Console(stderr=True),
                transient=True,
            )
            self.task = self.bar.add_task("articles", total=total)
            self.bar.start()
        self.bar.update(self.task, completed=done, total=total)

    def warn(self, err: ArticleError) -> None:
        if self.bar is None:
            _warn(err)
        else:
            self.bar.console.print(f"timeline: {err}", markup=False, highlight=False)

    def stop(self) -> None:
        if self.bar is not None:
            self.bar.stop()
            self.bar = None


class _Counter:
    """A progress bar on stderr (rich) for an ingest on a Dask cluster, whose inputs are
    listed as they are sent: the articles done, their rate and the time taken."""

    def __init__(self) -> None:
        from rich.console import Console
        from rich.progress import Progress, SpinnerColumn, TextColumn, TimeElapsedColumn

        self.started = time.monotonic()
        self.bar: Any = Progress(
            "reading on the cluster",
            SpinnerColumn(),
            TextColumn("{task.completed} article(s), {task.fields[rate]:.0f}/s"),
            TimeElapsedColumn(),
            console=Console(stderr=True),
            transient=True,
        )
        self.task = self.bar.add_task("articles", total=None, rate=0.0)
        self.bar.start()

    def update(self, done: int) -> None:
        rate = done / max(time.monotonic() - self.started, 1e-9)
        self.bar.update(self.task, completed=done, rate=rate)

    def warn(self, message: str) -> None:
        self.bar.console.print(f"timeline: {message}", markup=False, highlight=False)

    def stop(self) -> None:
        self.bar.stop()


# The filters: each option and the keyword of filters.selection() that reads it.
_FILTERS = (
    ("country", CountryOpt, "countries"),
    ("since", SinceOpt, "since"),
    ("until", UntilOpt, "until"),
    ("type", TypeOpt, "types"),
    ("person", PersonOpt, "persons"),
    ("text", TextOpt, "text"),
)
# The input options: each is a field of Inputs of the same name, with its default.
_INPUT = (
    ("glob", GlobOpt, DEFAULT_GLOB),
    ("strict", StrictOpt, False),
    ("quiet", QuietOpt, False),
    ("db", DbOpt, None),
    ("fields", FieldOpt, None),
    ("timeout", TimeoutOpt, 20.0),
    ("cache", CacheOpt, None),
)


def reads_events(command: Callable[..., None]) -> Callable[..., None]:
    """Give ``command(inputs, ...)`` the shared arguments, as one :class:`Inputs`.

    The paths come first, then the command's own options, then the filters and the input
    options. A bad filter value is a usage error (exit 2, one line); a skipped input makes
    the exit code 1 once the command has done its work. A new filter is a line in
    ``_FILTERS``; a new input option a line in ``_INPUT`` and a field of :class:`Inputs`.
    """
    keyword = inspect.Parameter.KEYWORD_ONLY
    own = [p for p in inspect.signature(command, eval_str=True).parameters.values() if p.name != "inputs"]
    params = [
        inspect.Parameter("ctx", keyword, annotation=typer.Context),
        inspect.Parameter("paths", keyword, default=None, annotation=PathsArg),
        *(p.replace(kind=keyword) for p in own),
        *(inspect.Parameter(name, keyword, default=None, annotation=a) for name, a, _ in _FILTERS),
        *(inspect.Parameter(name, keyword, default=d, annotation=a) for name, a, d in _INPUT),
    ]

    @functools.wraps(command)
    def run(**kwargs: Any) -> None:
        from timeline.filters import FilterError, selection

        wanted: dict[str, Any] = {key: kwargs.pop(name) for name, _, key in _FILTERS}
        for key in ("countries", "types", "persons", "text"):
            wanted[key] = wanted[key] or ()  # a repeatable option given no times is None
        try:
            chosen = selection(**wanted)
        except FilterError as err:
            fail(str(err), code=2)
        options = {name: kwargs.pop(name) for name, _, _ in _INPUT}
        ctx = kwargs.pop("ctx")
        inputs = Inputs(paths=kwargs.pop("paths"), selection=chosen, command=ctx.command_path, **options)
        command(inputs, **kwargs)
        inputs.finish()

    run.__signature__ = inspect.Signature(params)  # type: ignore[attr-defined]
    run.__annotations__ = {p.name: p.annotation for p in params}
    return run


def _emit(text: str, output: Path | None) -> None:
    """Write ``text`` to ``output`` atomically, or to standard output."""
    if output is None:
        sys.stdout.write(text)
        sys.stdout.flush()
        return
    from timeline.output import atomic_write

    try:
        atomic_write(output, text)
    except OSError as err:
        fail(cannot_write(output, err))


def cannot_write(target: Path, err: OSError) -> str:
    """``out.csv: cannot write (Permission denied)``, naming the part of the path at fault."""
    where = f"{err.filename}: " if err.filename and str(err.filename) != str(target) else ""
    return f"{target}: cannot write ({where}{err.strerror})"


def _render(events: list[Event], fmt: str, output: Path | None) -> str:
    from timeline.formats import render

    color = fmt == "table" and output is None and sys.stdout.isatty()
    width = None
    if output is None and sys.stdout.isatty():
        import shutil

        width = shutil.get_terminal_size().columns
    return render(events, fmt, color=color, width=width)


def _check_format(fmt: str) -> str:
    if fmt not in FORMATS:
        fail(f"--format: unknown format {fmt!r}; choose from {', '.join(FORMATS)}", code=2)
    return fmt


@app.command(epilog=f"Example: {EXAMPLES['extract']}")
@reads_events
def extract(inputs: Inputs, format: FormatOpt = "jsonl", output: OutputOpt = None) -> None:
    """Print the events of articles: JSON Lines by default, one event a line."""
    fmt = _check_format(format)
    if fmt == "jsonl" and output is None:
        from timeline.formats import to_jsonl

        for event in inputs.events():  # streams: each event is printed as soon as it is found
            sys.stdout.write(to_jsonl([event]))
        sys.stdout.flush()
        return
    _emit(_render(list(inputs.events()), fmt, output), output)


@app.command("list", epilog=f"Example: {EXAMPLES['list']}")
@reads_events
def list_events(inputs: Inputs, format: FormatOpt = "table", output: OutputOpt = None) -> None:
    """Show the events of articles in order of date: a table by default."""
    fmt = _check_format(format)
    events = sorted(inputs.events(), key=lambda e: (e.start, e.type, e.id))
    if not events and fmt == "table":
        if not inputs.quiet:
            _say("No events match.")
        if output is None:
            return
    _emit(_render(events, fmt, output), output)


@app.command(epilog=f"Example: {EXAMPLES['ics']}")
@reads_events
def ics(
    inputs: Inputs,
    output: Annotated[
        Path | None,
        typer.Option("--output", "-o", metavar="FILE", help="The .ics file to write.", dir_okay=False),
    ] = None,
    split_by: Annotated[
        str | None,
        typer.Option(
            "--split-by",
            metavar="country|type",
            help="Write one calendar per country (DIR/TJ.ics) or per type (DIR/talks.ics).",
        ),
    ] = None,
    out: Annotated[
        Path | None,
        typer.Option("--out", metavar="DIR", help="The folder for --split-by calendars.", file_okay=False),
    ] = None,
) -> None:
    """Write the events of articles to an iCalendar file, or one file per country or type.

    One calendar a country: timeline ics seeds --split-by country --out exports/calendars
    """
    from timeline.ics import SPLITS, write_ics, write_split

    if split_by is None and output is None:
        fail("--output: give the file to write, or --split-by with --out DIR", code=2)
    if split_by is not None and split_by not in SPLITS:
        fail(f"--split-by: unknown choice {split_by!r}; choose from {', '.join(SPLITS)}", code=2)
    if split_by is not None and out is None:
        fail("--out: --split-by needs the folder to write into", code=2)
    events = list(inputs.events())
    written = [write_ics(events, output)] if output is not None else []
    if split_by is not None and out is not None:
        written += write_split(events, out, split_by)
    if not inputs.quiet:
        for path in written:
            _say(f"wrote {path}")


@app.command(epilog=f"Example: {EXAMPLES['plot']}")
@reads_events
def plot(
    inputs: Inputs,
    output: Annotated[Path, typer.Option("--output", "-o", help="The .html page to write.", dir_okay=False)],
    lanes: LanesOpt = "country",
    plotlyjs: PlotlyJsOpt = "inline",
) -> None:
    """Write the events of articles as an interactive timeline page."""
    from timeline.filters import Selection
    from timeline.html import write_html

    chosen = inputs.selection
    title = "Diplomatic events" + ("" if chosen == Selection() else f" ({chosen.describe()})")
    written = write_html(list(inputs.events()), output, lanes=lanes, title=title, plotlyjs=plotlyjs)
    if not inputs.quiet:
        _say(f"wrote {written}")


@app.command(epilog=f"Example: {EXAMPLES['build']}")
@reads_events
def build(
    inputs: Inputs,
    out: Annotated[Path, typer.Option("--out", help="The folder to write into.", file_okay=False)] = Path(
        "exports"
    ),
    lanes: LanesOpt = "country",
    plotlyjs: PlotlyJsOpt = "inline",
) -> None:
    """The main job: events.jsonl, calendar.ics, one calendar a country and timeline.html.

    Everything goes in one folder; a summary of what was read and written follows on stderr.
    """
    from timeline.api import write_exports

    events = list(inputs.events())
    try:
        write_exports(events, out, inputs.selection, report=inputs.report, lanes=lanes, plotlyjs=plotlyjs)
    except OSError as err:
        fail(cannot_write(out, err))
    if not inputs.quiet:
        _say(summary(inputs.report, out, inputs.selection))


def summary(report: Report, out: Path, chosen: Selection | None = None) -> str:
    """What a build read and wrote, on one screen."""
    from timeline import countries
    from timeline.filters import Selection

    skipped = f", skipped {len(report.skipped)}" if report.skipped else ""
    lines = [f"read {report.articles} article(s){skipped}; found {report.events} event(s)"]
    if chosen is not None and chosen != Selection():
        lines[0] += f" ({chosen.describe()})"
    if report.by_type:
        lines.append("  by type:    " + ", ".join(f"{t} {n}" for t, n in report.by_type.most_common()))
    if report.by_country:
        top = report.by_country.most_common(8)
        more = len(report.by_country) - len(top)
        lines.append(
            "  by country: "
            + ", ".join(f"{countries.name(c)} {n}" for c, n in top)
            + (f" and {more} more" if more > 0 else "")
        )
    calendars = [p for p in report.written if p.parent.name == "countries"]
    files = [p for p in report.written if p not in calendars]
    lines.append("wrote:")
    lines.extend(f"  {p}" for p in files)
    if calendars:
        lines.append(f"  {calendars[0].parent}/ ({len(calendars)} calendar(s), one a country)")
    return "\n".join(lines)


@app.command(epilog=f"Example: {EXAMPLES['ingest']}")
def ingest(
    ctx: typer.Context,
    paths: Annotated[
        list[str] | None,
        typer.Argument(
            help="Article files (.txt, .html/.htm, .jsonl, .rss/.atom/.xml), folders (their files "
            "matching --glob, recursively) or http(s) URLs.",
            show_default=False,
            metavar="PATH",
        ),
    ] = None,
    feed: Annotated[
        list[str] | None,
        typer.Option(
            "--feed",
            metavar="URL_OR_FILE",
            help="An RSS or Atom feed: each entry's page is fetched and read (its summary when the page "
            "cannot be had).",
            show_default=False,
        ),
    ] = None,
    db: Annotated[
        Path,
        typer.Option("--db", metavar="STORE", help="The store to add to; made when missing.", dir_okay=False),
    ] = Path("exports/timeline.db"),
    jobs: Annotated[
        int | None,
        typer.Option(
            "--jobs",
            "-j",
            min=1,
            show_default=False,
            help="Processes reading articles (default: one a core).",
        ),
    ] = None,
    wait: Annotated[
        float, typer.Option(min=0, help="Seconds to wait while another ingest writes the store.")
    ] = 60.0,
    quiet: QuietOpt = False,
    glob: GlobOpt = DEFAULT_GLOB,
    fields: FieldOpt = None,
    timeout: TimeoutOpt = 20.0,
    cache: CacheOpt = None,
    scheduler: Annotated[
        str | None,
        typer.Option(
            "--scheduler",
            metavar="ADDRESS",
            show_default=False,
            help="Read and extract on a Dask cluster: local:N (N worker processes here) or a scheduler's "
            "address (tcp://HOST:PORT). PATHs may then be fsspec URLs (file://, memory://, s3://...). "
            "Needs pip install 'timeline[dask]'.",
        ),
    ] = None,
) -> None:
    """Add articles to a store, merging reports of one happening into one event.

    Unchanged articles are skipped, changed ones replaced, and ones read by an older extractor
    re-extracted; a story the store has from another file or URL (same URL or same text) is
    skipped; reports of one happening become one event.
    """
    from dataclasses import replace

    from timeline.errors import StoreError
    from timeline.store import Store

    if not paths and not feed:
        _usage("Missing argument 'PATH' (or --feed URL_OR_FILE)", ctx.command_path)
    reading = replace(reading_options(fields, timeout, cache), feeds=tuple(feed or ()))
    if scheduler is not None:
        import importlib.util

        if importlib.util.find_spec("distributed") is None or importlib.util.find_spec("fsspec") is None:
            fail("--scheduler needs Dask: pip install 'timeline[dask]'")
    counter = _Counter() if scheduler is not None and not quiet and sys.stderr.isatty() else None
    try:
        with Store(db, timeout=wait) as store:
            report = store.ingest(
                paths or [],
                jobs=jobs,
                glob=glob,
                on_error=counter.warn if counter else lambda message: _say(f"timeline: {message}"),
                reading=reading,
                scheduler=scheduler,
                on_progress=counter.update if counter else None,
            )
            total_events, total_articles = store.count_events(), store.count_articles()
    except StoreError as err:
        fail(str(err))
    finally:
        if counter:
            counter.stop()
    # said only when some were: a store of this extractor's articles has none
    reextracted = (
        f"{report.reextracted} re-extracted (read by an older extractor), " if report.reextracted else ""
    )
    if not quiet:
        _say(
            f"read {report.seen} article(s): {report.added} added, {report.replaced} replaced, {reextracted}"
            f"{report.unchanged} unchanged, {report.duplicates} already stored from another file or URL; "
            f"{report.events} event(s), {report.merged} joined to events "
            f"of other articles; {db} holds {total_events} event(s) from {total_articles} article(s)"
        )
        if report.stale:
            _say(
                f"{report.stale} other article(s) of {db} were read by an older extractor: "
                "ingest their files again to re-extract them"
            )
    if report.skipped:
        total = len(report.skipped) + report.seen
        _say(f"timeline: skipped {len(report.skipped)} of {total} input(s) that could not be read")
        raise typer.Exit(1)


StoreArg = Annotated[
    Path,
    typer.Option("--db", metavar="STORE", help="The store.", dir_okay=False, show_default=False),
]


@app.command(epilog=f"Example: {EXAMPLES['remove']}")
def remove(
    targets: Annotated[
        list[str],
        typer.Argument(
            help="Articles to take out: a path as ingested (the file may be gone), a folder "
            "(every article under it) or a source URL.",
            show_default=False,
            metavar="PATH|URL",
        ),
    ],
    db: StoreArg,
    quiet: QuietOpt = False,
) -> None:
    """Take articles out of a store; events only they told go, shared events keep their id."""
    from timeline.errors import StoreError
    from timeline.store import Store

    try:
        with Store(db, create=False, readonly=False) as store:
            report = store.remove(targets)
            total_events, total_articles = store.count_events(), store.count_articles()
    except StoreError as err:
        fail(str(err))
    for target in report.not_found:
        _say(f"timeline: {target}: no article of {db} has this path or URL")
    if not quiet:
        _say(
            f"removed {len(report.articles)} article(s): {report.events_removed} event(s) gone, "
            f"{report.events_changed} kept with fewer sources; "
            f"{db} holds {total_events} event(s) from {total_articles} article(s)"
        )
    if report.not_found:
        raise typer.Exit(1)


@app.command(epilog=f"Example: {EXAMPLES['check']}")
def check(db: StoreArg) -> None:
    """Check a store for damage: SQLite's integrity check and the store's own.

    Exit 0 when it is sound, 1 with what is wrong and what to do.
    """
    from timeline.errors import StoreDamagedError, StoreError
    from timeline.store import Store

    try:
        with Store(db, create=False) as store:
            problems = store.check()
            articles, events, stale = store.count_articles(), store.count_events(), store.count_stale()
    except StoreDamagedError as err:
        problems = [f"SQLite: {err.detail}"]
    except StoreError as err:
        fail(str(err))
    if problems:
        shown_problems = problems[:15]
        for line in shown_problems:
            _say(f"timeline: {db}: {line}")
        if len(problems) > len(shown_problems):
            _say(f"timeline: {db}: and {len(problems) - len(shown_problems)} more")
        fail(f"{db}: damaged; move it aside and ingest the articles again (timeline ingest --db ...)")
    line = f"{db}: ok; {events} event(s) from {articles} article(s)"
    if stale:
        line += f"; {stale} article(s) read by an older extractor (ingest them again)"
    typer.echo(line)


@app.command(epilog=f"Example: {EXAMPLES['serve']}")
def serve(
    db: Annotated[
        Path,
        typer.Option(
            "--db", metavar="STORE", help="The store to serve (see timeline ingest).", dir_okay=False
        ),
    ] = Path("exports/timeline.db"),
    host: Annotated[
        str,
        typer.Option(
            "--host", metavar="ADDRESS", help="The address to listen on; 0.0.0.0 opens it to the network."
        ),
    ] = "127.0.0.1",
    port: Annotated[int, typer.Option("--port", min=1, max=65535, help="The port to listen on.")] = 8000,
    root_path: Annotated[
        str,
        typer.Option(
            "--root-path",
            metavar="PREFIX",
            help="The path a reverse proxy serves this under (/timeline), for the Subscribe links.",
        ),
    ] = "",
) -> None:
    """Serve a store's calendars, timeline page and events over HTTP, read-only.

    Addresses: /calendar.ics, /countries/TJ.ics, /types/talks.ics, /events.json (.jsonl, .csv), / and /timeline.html.

    Filters as query parameters: ?country=TJ&type=talks&since=2024-01 (also until, person, text).

    The page has Subscribe links (webcal:// and http(s)://) to the calendar it shows. Stop with Ctrl-C.
    """
    from timeline.serve import run
    from timeline.store import StoreError

    try:
        run(db, host=host, port=port, root_path=root_path.rstrip("/"))
    except StoreError as err:
        fail(str(err))


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
    """Turn diplomatic news articles into dated events, iCalendar files and interactive timelines.

    Every command reads article files (.txt, saved .html pages, .jsonl corpora, .rss/.atom
    feeds), folders, http(s) URLs or - (standard input) and takes the same filters: --country,
    --since, --until, --type, --person and --text.
    """


def main() -> None:
    try:
        app(prog_name="timeline")
    except BrokenPipeError:
        _closed_pipe()
    except OSError as err:  # any command's file that cannot be written (disk full, no permission)
        where = f"{err.filename}: " if err.filename else ""
        typer.echo(f"timeline: {where}cannot write ({err.strerror or err})", err=True)
        sys.exit(1)
