"""The interactive timeline page: a Plotly figure in one self-contained HTML file.

One lane per country (or type, or person); visits and summits that span days are bars,
one-day events are markers; colour by type with a legend that toggles types; hovering
shows the evidence sentence. Every text from an article is HTML-escaped before it reaches
Plotly, and the page's embedded JSON cannot close its ``<script>`` element.
"""

from __future__ import annotations

import datetime as dt
import html
import textwrap
from collections import Counter
from collections.abc import Iterable
from pathlib import Path
from typing import Any

from timeline import countries as country_table
from timeline.model import EVENT_TYPES, Event
from timeline.output import atomic_write

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


def _wrap(text: str, width: int = 80) -> str:
    return "<br>".join(html.escape(line) for line in textwrap.wrap(text, width)) or ""


def hover_text(event: Event) -> str:
    when = event.start.isoformat() + (f" – {event.end.isoformat()}" if event.end else "")
    people = ", ".join(p.name for p in event.participants) or "—"
    place = (
        event.location.label(
            country_table.name(event.location.country) if event.location and event.location.country else None
        )
        if event.location
        else "—"
    )
    lines = [
        f"<b>{html.escape(event.type)}</b> {html.escape(when)}",
        f"Who: {html.escape(people)}",
        f"Where: {html.escape(place or '—')}",
    ]
    if event.evidence:
        lines.append(_wrap("“" + event.evidence[0].text + "”"))
    if event.source:
        src = event.source
        title = src.title or Path(src.path).name
        lines.append(f"<i>{html.escape(title)}</i>" + (f" ({src.published})" if src.published else ""))
    return "<br>".join(lines)


def lanes_of(event: Event, by: str) -> list[str]:
    """The lanes (axis labels, which Plotly reads as markup) an event is drawn in, escaped."""
    if by == "type":
        return [event.type]
    if by == "person":
        return [html.escape(p.name) for p in event.participants] or ["(nobody named)"]
    return [html.escape(country_table.name(c)) for c in event.countries] or ["(no country)"]


def build_figure(events: list[Event], lanes: str = "country", title: str = "Diplomatic events") -> Any:
    import plotly.graph_objects as go

    counts: Counter[str] = Counter()
    for e in events:
        counts.update(lanes_of(e, lanes))
    order = [lane for lane, _ in sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))]
    fig = go.Figure()
    for etype in EVENT_TYPES:
        chosen = [e for e in events if e.type == etype]
        if not chosen:
            continue
        colour = TYPE_COLOURS[etype]
        spans = [(e, lane) for e in chosen if e.end for lane in lanes_of(e, lanes)]
        days = [(e, lane) for e in chosen for lane in lanes_of(e, lanes)]
        if spans:
            fig.add_trace(
                go.Bar(
                    base=[e.start.isoformat() for e, _ in spans],
                    x=[((e.last_day - e.start).days + 1) * 86_400_000 for e, _ in spans],
                    y=[lane for _, lane in spans],
                    orientation="h",
                    marker_color=colour,
                    opacity=0.45,
                    name=etype,
                    legendgroup=etype,
                    showlegend=False,
                    hovertext=[hover_text(e) for e, _ in spans],
                    hoverinfo="text",
                    customdata=[e.source.url if e.source and e.source.url else "" for e, _ in spans],
                )
            )
        fig.add_trace(
            go.Scatter(
                x=[e.start.isoformat() for e, _ in days],
                y=[lane for _, lane in days],
                mode="markers",
                marker={
                    "color": colour,
                    "size": 12,
                    "symbol": "diamond",
                    "line": {"width": 1, "color": "#333"},
                },
                name=etype,
                legendgroup=etype,
                hovertext=[hover_text(e) for e, _ in days],
                hoverinfo="text",
                customdata=[e.source.url if e.source and e.source.url else "" for e, _ in days],
            )
        )
    if events:
        first = min(e.start for e in events) - dt.timedelta(days=3)
        last = max(e.last_day for e in events) + dt.timedelta(days=3)
        xrange = [first.isoformat(), last.isoformat()]
    else:
        xrange = None
    fig.update_layout(
        title={"text": html.escape(title)},
        barmode="overlay",
        hoverlabel={"align": "left"},
        yaxis={"categoryorder": "array", "categoryarray": list(reversed(order)), "title": lanes},
        xaxis={
            "type": "date",
            "range": xrange,
            "rangeslider": {"visible": True},
            "rangeselector": {
                "buttons": [
                    {"count": 1, "label": "1m", "step": "month", "stepmode": "backward"},
                    {"count": 6, "label": "6m", "step": "month", "stepmode": "backward"},
                    {"count": 1, "label": "1y", "step": "year", "stepmode": "backward"},
                    {"step": "all", "label": "all"},
                ]
            },
        },
        height=max(400, 120 + 40 * len(order)),
        template="plotly_white",
    )
    if not events:
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


_CLICK_SCRIPT = """
var plot = document.getElementById('{plot_id}');
plot.on('plotly_click', function (data) {
  var url = data.points[0].customdata;
  if (url && /^https?:\\/\\//.test(url)) { window.open(url, '_blank', 'noopener'); }
});
"""


def render_html(
    events: Iterable[Event],
    lanes: str = "country",
    title: str = "Diplomatic events",
    plotlyjs: str = "inline",
) -> str:
    import plotly.io as pio

    chosen = list(events)
    if chosen:
        span = f"{min(e.start for e in chosen)} – {max(e.last_day for e in chosen)}"
        full_title = f"{title}: {len(chosen)} events, {span}"
    else:
        full_title = f"{title}: no events"
    fig = build_figure(chosen, lanes=lanes, title=full_title)
    include: bool | str = True if plotlyjs == "inline" else plotlyjs
    page: str = pio.to_html(
        fig,
        include_plotlyjs=include,
        full_html=True,
        div_id="timeline",
        post_script=_CLICK_SCRIPT.replace("{plot_id}", "timeline"),
        config={"displaylogo": False, "responsive": True},
    )
    return page


def write_html(
    events: Iterable[Event],
    path: str | Path,
    lanes: str = "country",
    title: str = "Diplomatic events",
    plotlyjs: str = "inline",
) -> Path:
    return atomic_write(path, render_html(events, lanes=lanes, title=title, plotlyjs=plotlyjs))
