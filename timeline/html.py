"""The interactive timeline page: a Plotly figure in one HTML file that works offline.

One lane per country (or type, or person), lanes sorted by how many events they hold. Events
that span days (visits, summits) are bars; one-day events are markers, which keep their size
at every zoom. Events that would sit on top of each other in a lane (the same day, or
overlapping spans) are stacked in rows inside the lane, so each one stays visible and
hoverable. Colour shows the type, and the legend toggles types. Hovering shows the type,
days, participants, place, the evidence sentence and the source; clicking opens the source
URL in a new tab. Large selections use WebGL traces so the page stays responsive.

Every text from an article is HTML-escaped before it reaches Plotly (which renders its
labels as a small subset of HTML, always as text nodes), and Plotly's JSON escapes ``<``,
``>`` and ``/``, so nothing from an article can close the page's ``<script>`` element.
"""

from __future__ import annotations

import datetime as dt
import html
import textwrap
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from timeline import countries as country_table
from timeline.model import EVENT_TYPES, Event
from timeline.output import atomic_write

LANE_KINDS: tuple[str, ...] = ("country", "type", "person")
PLOTLYJS_MODES: tuple[str, ...] = ("inline", "cdn", "directory")

TYPE_COLOURS = {
    "visit": "#1f77b4",
    "talks": "#d62728",
    "meeting": "#ff7f0e",
    "call": "#9467bd",
    "press": "#8c564b",
    "signing": "#2ca02c",
    "ceremony": "#e377c2",
    "banquet": "#bcbd22",
    "summit": "#17becf",
}
TYPE_SYMBOLS = {
    "visit": "square",
    "talks": "diamond",
    "meeting": "circle",
    "call": "triangle-up",
    "press": "star",
    "signing": "hexagon",
    "ceremony": "pentagon",
    "banquet": "hourglass",
    "summit": "cross",
}

#: Above this many marks (events times lanes) the page draws with WebGL instead of SVG.
WEBGL_ABOVE = 1500
#: Events in one lane that overlap are stacked in at most this many rows.
MAX_ROWS = 6
#: Plot height in pixels is capped so a page with hundreds of lanes stays scrollable.
MAX_PLOT_PX = 2400
#: The first view shows at least this many days around the events.
MIN_FRAME_DAYS = 14
LANE_GAP = 0.6  # empty rows between lanes
BAR_WIDTH = 0.7  # of a row


def escape(text: str) -> str:
    """Text for a Plotly label: ``&``, ``<`` and ``>`` escaped, so tags show as text."""
    return html.escape(text, quote=False)


def _wrap(text: str, width: int = 80) -> str:
    lines = textwrap.wrap(text, width, break_long_words=False, break_on_hyphens=False)
    return "<br>".join(escape(line) for line in lines)


def _day(day: dt.date) -> str:
    return f"{day.strftime('%a')} {day.day} {day.strftime('%b %Y')}"


def when(event: Event) -> str:
    """``Fri 5 Jul 2024`` or ``Thu 4 Jul 2024 – Sat 6 Jul 2024 (3 days)``."""
    if event.end is None:
        return _day(event.start)
    days = (event.end - event.start).days + 1
    return f"{_day(event.start)} – {_day(event.end)} ({days} days)"


def source_url(event: Event) -> str:
    """The source's URL when it is a web address; clicks open nothing else."""
    url = event.source.url if event.source and event.source.url else ""
    return url if url.startswith(("http://", "https://")) else ""


def hover_text(event: Event) -> str:
    people = ", ".join(p.name for p in event.participants) or "—"
    place = "—"
    if event.location:
        country = event.location.country
        place = event.location.label(country_table.name(country) if country else None) or "—"
    lines = [
        f"<b>{escape(event.type)}</b>  {escape(when(event))}",
        _wrap(f"Who: {people}"),
        _wrap(f"Where: {place}"),
    ]
    if event.evidence:
        lines.append(_wrap("“" + event.evidence[0].text + "”"))
        if len(event.evidence) > 1:
            lines.append(f"<i>(and {len(event.evidence) - 1} more sentence(s))</i>")
    if event.source:
        src = event.source
        title = src.title or Path(src.path).name
        published = f" ({src.published.isoformat()})" if src.published else ""
        lines.append("Source: " + _wrap(title + published))
        if source_url(event):
            lines.append("<i>click to open the source</i>")
    return "<br>".join(lines)


def lanes_of(event: Event, by: str) -> list[str]:
    """The lanes an event shows in: each of its countries, each participant, or its type."""
    if by == "type":
        return [event.type]
    if by == "person":
        return list(dict.fromkeys(p.name for p in event.participants)) or ["(nobody named)"]
    if by == "country":
        return list(dict.fromkeys(country_table.name(c) for c in event.countries)) or ["(no country)"]
    raise ValueError(f"unknown lanes {by!r}; choose from {', '.join(LANE_KINDS)}")


@dataclass(frozen=True)
class Mark:
    """One event drawn in one lane, at height ``y`` (rows count down from the top)."""

    event: Event
    lane: str
    y: float


@dataclass(frozen=True)
class Lanes:
    names: list[str]  # most events first
    centres: list[float]
    bands: list[tuple[float, float]]
    marks: list[Mark]
    rows: float  # total height in rows, gaps included


def place_marks(events: list[Event], by: str) -> Lanes:
    """Put every event in each of its lanes, stacking events that would overlap in rows.

    Two events overlap when they are closer than ``gap`` days, a fraction of the whole
    period, so that same-day events (and those a pixel apart at the first view) get rows
    of their own.
    """
    per_lane: dict[str, list[Event]] = defaultdict(list)
    for event in events:
        for lane in lanes_of(event, by):
            per_lane[lane].append(event)
    order = sorted(per_lane, key=lambda lane: (-len(per_lane[lane]), lane.casefold()))
    if events:
        period = (max(e.last_day for e in events) - min(e.start for e in events)).days + 1
    else:
        period = 1
    gap = dt.timedelta(days=max(1, period // 100))
    marks: list[Mark] = []
    centres: list[float] = []
    bands: list[tuple[float, float]] = []
    top = 0.0
    for lane in order:
        row_free: list[dt.date] = []  # the first day each row is free again
        placed: list[tuple[Event, int]] = []
        for event in sorted(per_lane[lane], key=lambda e: (e.start, e.last_day, e.type, e.id)):
            row = next((r for r, free in enumerate(row_free) if free <= event.start), None)
            if row is None:
                if len(row_free) < MAX_ROWS:
                    row = len(row_free)
                    row_free.append(event.start)
                else:  # too crowded: share the row that frees first
                    row = min(range(len(row_free)), key=lambda r: row_free[r])
            row_free[row] = max(row_free[row], event.last_day + gap)
            placed.append((event, row))
        rows = len(row_free)
        marks.extend(Mark(event, lane, top + row + 0.5) for event, row in placed)
        centres.append(top + rows / 2)
        bands.append((top, top + rows))
        top += rows + LANE_GAP
    return Lanes(order, centres, bands, marks, max(top - LANE_GAP, 1.0))


def _frame(events: list[Event]) -> list[str]:
    """The first view's days: all events, with a margin so the first and last are not cut."""
    first = min(e.start for e in events)
    last = max(e.last_day for e in events) + dt.timedelta(days=1)
    pad = dt.timedelta(days=max(1, (last - first).days // 25))
    short = MIN_FRAME_DAYS - (last - first).days  # a few days would show hours on the axis
    if short > 0:
        pad = max(pad, dt.timedelta(days=(short + 1) // 2))
    return [(first - pad).isoformat(), (last + pad).isoformat()]


def _traces(lanes: Lanes, webgl: bool, marker_px: float, bar_px: float) -> list[Any]:
    import plotly.graph_objects as go

    scatter = go.Scattergl if webgl else go.Scatter
    by_type: dict[str, list[Mark]] = defaultdict(list)
    for mark in lanes.marks:
        by_type[mark.event.type].append(mark)
    traces: list[Any] = []
    for etype in EVENT_TYPES:
        marks = by_type.get(etype)
        if not marks:
            continue
        colour = TYPE_COLOURS[etype]
        spans = [m for m in marks if m.event.end]
        days = [m for m in marks if not m.event.end]
        common: dict[str, Any] = {"name": etype, "legendgroup": etype, "hoverinfo": "text"}
        if spans and not webgl:
            traces.append(
                go.Bar(
                    base=[m.event.start.isoformat() for m in spans],
                    x=[((m.event.last_day - m.event.start).days + 1) * 86_400_000 for m in spans],
                    y=[m.y for m in spans],
                    width=BAR_WIDTH,
                    orientation="h",
                    marker={"color": colour, "opacity": 0.75, "line": {"width": 1, "color": "#333"}},
                    hovertext=[hover_text(m.event) for m in spans],
                    customdata=[source_url(m.event) for m in spans],
                    showlegend=not days,
                    **common,
                )
            )
        elif spans:  # WebGL has no bars: a thick line from the first to the last day
            xs: list[str | None] = []
            ys: list[float | None] = []
            for m in spans:
                end = m.event.last_day + dt.timedelta(days=1)
                xs += [m.event.start.isoformat(), end.isoformat(), None]
                ys += [m.y, m.y, None]
            traces.append(
                go.Scattergl(
                    x=xs,
                    y=ys,
                    mode="lines",
                    line={"color": colour, "width": bar_px},
                    opacity=0.75,
                    hoverinfo="skip",
                    name=etype,
                    legendgroup=etype,
                    showlegend=False,
                )
            )
            days = days + spans  # and a marker at the first day to hover and click
        if days:
            traces.append(
                scatter(
                    x=[f"{m.event.start.isoformat()} 12:00" for m in days],  # mid-day
                    y=[m.y for m in days],
                    mode="markers",
                    marker={
                        "color": colour,
                        "size": marker_px,
                        "symbol": TYPE_SYMBOLS[etype],
                        "line": {"width": 1, "color": "#333"},
                    },
                    hovertext=[hover_text(m.event) for m in days],
                    customdata=[source_url(m.event) for m in days],
                    **common,
                )
            )
    return traces


def build_figure(
    events: list[Event], lanes: str = "country", title: str = "Diplomatic events", subtitle: str = ""
) -> Any:
    """The Plotly figure; ``title`` and ``subtitle`` are plain text (escaped here)."""
    import plotly.graph_objects as go

    placed = place_marks(events, lanes)
    webgl = len(placed.marks) > WEBGL_ABOVE
    row_px = min(26.0, max(4.0, MAX_PLOT_PX / placed.rows))
    plot_px = placed.rows * row_px + 40
    marker_px = min(13.0, max(5.0, row_px * 0.55))
    fig = go.Figure(_traces(placed, webgl, marker_px, max(2.0, row_px * BAR_WIDTH)))
    height = int(max(420, plot_px + 260))
    heading = escape(title) + (f"<br><sup>{escape(subtitle)}</sup>" if subtitle else "")
    shading = [
        {
            "type": "rect",
            "xref": "paper",
            "x0": 0,
            "x1": 1,
            "y0": low - LANE_GAP / 2,
            "y1": high + LANE_GAP / 2,
            "fillcolor": "#f1f3f6",
            "line": {"width": 0},
            "layer": "below",
        }
        for i, (low, high) in enumerate(placed.bands)
        if i % 2 == 0 and len(placed.bands) <= 300
    ]
    fig.update_layout(
        # At a fixed distance from the top, above the quick-range buttons, however tall the page.
        title={"text": heading, "x": 0.01, "xanchor": "left", "yref": "container", "yanchor": "top"},
        barmode="overlay",
        hovermode="closest",
        hoverlabel={"align": "left", "bgcolor": "white", "font": {"size": 13}},
        legend={"title": {"text": "Type (click to hide)"}, "itemclick": "toggle"},
        shapes=shading,
        yaxis={
            "title": {"text": lanes},
            "tickmode": "array",
            "tickvals": placed.centres,
            "ticktext": [escape(name) for name in placed.names],
            "range": [placed.rows + LANE_GAP / 2, -LANE_GAP / 2],
            "zeroline": False,
            "showgrid": False,
            "fixedrange": False,
            "automargin": True,
        },
        xaxis={
            "type": "date",
            "range": _frame(events) if events else None,
            "showgrid": True,
            "rangeslider": {"visible": bool(events), "thickness": max(0.04, min(0.15, 60 / plot_px))},
            "rangeselector": {
                "buttons": [
                    {"count": 1, "label": "1m", "step": "month", "stepmode": "backward"},
                    {"count": 6, "label": "6m", "step": "month", "stepmode": "backward"},
                    {"count": 1, "label": "1y", "step": "year", "stepmode": "backward"},
                    {"step": "all", "label": "all"},
                ]
            },
        },
        height=height,
        title_y=1 - 24 / height,
        margin={"t": 110},
        template="plotly_white",
    )
    if not events:
        fig.update_yaxes(visible=False)
        fig.update_xaxes(visible=False, rangeselector={"visible": False})
        fig.add_annotation(
            text="No events match this selection.",
            showarrow=False,
            font={"size": 20},
            xref="paper",
            yref="paper",
            x=0.5,
            y=0.5,
        )
    return fig


def describe(events: list[Event], lanes: str) -> str:
    """``5 events from 1 article, Fri 5 Jul 2024 – …, 2 lanes by country``."""
    if not events:
        return "no events"
    articles = len({e.source.path for e in events if e.source})
    first, last = min(e.start for e in events), max(e.last_day for e in events)
    period = _day(first) if first == last else f"{_day(first)} – {_day(last)}"
    n_lanes = len({lane for e in events for lane in lanes_of(e, lanes)})
    from_articles = f" from {articles} article{'s' * (articles != 1)}" if articles else ""
    return (
        f"{len(events)} event{'s' * (len(events) != 1)}{from_articles}, {period}, "
        f"{n_lanes} lane{'s' * (n_lanes != 1)} by {lanes}"
    )


_CLICK_SCRIPT = """
var plot = document.getElementById('{plot_id}');
plot.on('plotly_click', function (data) {
  var url = data.points.length ? data.points[0].customdata : '';
  if (typeof url === 'string' && /^https?:\\/\\//.test(url)) {
    window.open(url, '_blank', 'noopener,noreferrer');
  }
});
"""

_PAGE = """<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>{title}</title>
<style>
  body {{ margin: 0; font-family: system-ui, sans-serif; }}
  noscript p {{ margin: 2em; font-size: 1.2em; }}
</style>
</head>
<body>
<noscript><p>This timeline needs JavaScript: {title}</p></noscript>
{div}
</body>
</html>
"""


def render_html(
    events: Iterable[Event],
    lanes: str = "country",
    title: str = "Diplomatic events",
    plotlyjs: str = "inline",
) -> str:
    """The page as text. ``plotlyjs``: ``inline`` (works offline), ``cdn`` or ``directory``
    (a ``plotly.min.js`` beside the page; :func:`write_html` writes it)."""
    import plotly.io as pio

    if lanes not in LANE_KINDS:
        raise ValueError(f"unknown lanes {lanes!r}; choose from {', '.join(LANE_KINDS)}")
    if plotlyjs not in PLOTLYJS_MODES:
        raise ValueError(f"unknown plotlyjs {plotlyjs!r}; choose from {', '.join(PLOTLYJS_MODES)}")
    chosen = list(events)
    summary = describe(chosen, lanes)
    fig = build_figure(chosen, lanes=lanes, title=title, subtitle=summary)
    div: str = pio.to_html(
        fig,
        include_plotlyjs=True if plotlyjs == "inline" else plotlyjs,
        full_html=False,
        div_id="timeline",
        default_width="100%",
        post_script=_CLICK_SCRIPT,
        config={"displaylogo": False, "responsive": True, "modeBarButtonsToRemove": ["lasso2d", "select2d"]},
    )
    return _PAGE.format(title=html.escape(f"{title}: {summary}"), div=div)


def write_html(
    events: Iterable[Event],
    path: str | Path,
    lanes: str = "country",
    title: str = "Diplomatic events",
    plotlyjs: str = "inline",
) -> Path:
    """Write the page (and, for ``plotlyjs="directory"``, ``plotly.min.js`` beside it)."""
    page = render_html(events, lanes=lanes, title=title, plotlyjs=plotlyjs)
    target = Path(path)
    if plotlyjs == "directory":
        from plotly.offline import get_plotlyjs

        bundle = target.parent / "plotly.min.js"
        script = get_plotlyjs()
        if not bundle.exists() or bundle.read_text(encoding="utf-8") != script:
            atomic_write(bundle, script)
    return atomic_write(target, page)
