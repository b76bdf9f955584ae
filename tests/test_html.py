"""The timeline page's figure and files, without a browser (see test_html_browser.py for one)."""

from __future__ import annotations

import datetime as dt
import re

import pytest
from typer.testing import CliRunner

from timeline.cli import app
from timeline.html import WEBGL_ABOVE, build_figure, render_html
from timeline.model import Event, Evidence, Participant


def talks(day: int, countries: tuple[str, ...], *people: str, end: int | None = None) -> Event:
    said = f"Talks on day {day}."
    return Event(
        type="visit" if end else "talks",
        start=dt.date(2024, 5, day),
        end=dt.date(2024, 5, end) if end else None,
        countries=countries,
        participants=tuple(Participant(p) for p in people),
        evidence=(Evidence(said, 0, len(said)),),
    )


EVENTS = [
    talks(1, ("CN", "RU"), "Xi Jinping", "Vladimir Putin"),
    talks(2, ("CN", "FR"), "Xi Jinping", "Emmanuel Macron"),
    talks(3, ("CN", "RU"), "Wang Yi", "Sergei Lavrov", end=5),
    talks(9, ("KZ",), "Kassym-Jomart Tokayev"),
]


def lane_labels(events: list[Event], lanes: str) -> list[str]:
    labels = list(build_figure(events, lanes=lanes).layout.yaxis.ticktext)
    return labels


def test_lanes_are_countries_types_or_people_with_the_busiest_first():
    assert lane_labels(EVENTS, "country") == ["China", "Russia", "France", "Kazakhstan"]
    assert lane_labels(EVENTS, "type") == ["talks", "visit"]
    assert lane_labels(EVENTS, "person")[0] == "Xi Jinping"
    assert set(lane_labels(EVENTS, "person")) == {
        "Xi Jinping",
        "Vladimir Putin",
        "Emmanuel Macron",
        "Wang Yi",
        "Sergei Lavrov",
        "Kassym-Jomart Tokayev",
    }
    with pytest.raises(ValueError, match="unknown lanes"):
        render_html(EVENTS, lanes="city")


def test_first_view_frames_every_event():
    low, high = (dt.date.fromisoformat(d) for d in build_figure(EVENTS).layout.xaxis.range)
    assert low < dt.date(2024, 5, 1) and high > dt.date(2024, 5, 9)
    assert (high - low).days < 40


def test_large_selections_draw_with_webgl_and_keep_every_event():
    many = [talks(1 + i % 28, ("CN", "RU")) for i in range(WEBGL_ABOVE)]
    fig = build_figure(many)
    assert {trace.type for trace in fig.data} == {"scattergl"}
    assert sum(len(trace.x) for trace in fig.data) == 2 * len(many)
    small = build_figure(EVENTS)
    assert {trace.type for trace in small.data} == {"scatter", "bar"}


def run(*args: str) -> str:
    result = CliRunner().invoke(app, list(args))
    assert result.exit_code == 0, result.output
    return str(result.output)


def scripts(page: str) -> list[str]:
    return re.findall(r"<script[^>]*\bsrc=\"([^\"]+)\"", page)


def test_plot_is_self_contained_by_default_and_smaller_with_cdn_or_directory(seed, tmp_path):
    run("plot", str(seed), "-o", str(tmp_path / "inline.html"))
    inline = (tmp_path / "inline.html").read_text()
    assert scripts(inline) == [] and "Plotly.newPlot" in inline and len(inline) > 1_000_000

    run("plot", str(seed), "-o", str(tmp_path / "cdn.html"), "--plotlyjs", "cdn")
    cdn = (tmp_path / "cdn.html").read_text()
    (src,) = scripts(cdn)
    assert src.startswith("https://cdn.plot.ly/") and len(cdn) < 100_000

    run("plot", str(seed), "-o", str(tmp_path / "dir" / "page.html"), "--plotlyjs", "directory")
    assert scripts((tmp_path / "dir" / "page.html").read_text()) == ["plotly.min.js"]
    assert (tmp_path / "dir" / "plotly.min.js").stat().st_size > 1_000_000


def test_build_and_plot_take_the_lanes_option(seed, tmp_path):
    run("build", str(seed), "--out", str(tmp_path), "--lanes", "person")
    page = (tmp_path / "timeline.html").read_text()
    assert '"ticktext":["Xi Jinping","Emomali Rahmon"]' in page
    run("plot", str(seed), "-o", str(tmp_path / "types.html"), "--lanes", "type")
    assert "lanes by type" in (tmp_path / "types.html").read_text()
    bad = CliRunner().invoke(app, ["plot", str(seed), "-o", str(tmp_path / "x.html"), "--lanes", "city"])
    assert bad.exit_code == 2 and not (tmp_path / "x.html").exists()
