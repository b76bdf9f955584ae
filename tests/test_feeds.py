"""RSS and Atom feeds, from a file or a URL: each entry's page, or its summary when the page
cannot be had; feeds that are not XML or that expand entities are refused in one line."""

from __future__ import annotations

import html
import json
from pathlib import Path

from cli_articles import run
from web_pages import AGENCY, METADATA, MINISTRY, Route, page, robust, serve

BILLION_LAUGHS = """<?xml version="1.0"?>
<!DOCTYPE rss [
 <!ENTITY lol "lol">
 <!ENTITY lol1 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">
 <!ENTITY lol2 "&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;">
 <!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">
 <!ENTITY lol4 "&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;">
 <!ENTITY lol5 "&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;">
 <!ENTITY lol6 "&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;">
 <!ENTITY lol7 "&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;">
 <!ENTITY lol8 "&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;">
 <!ENTITY lol9 "&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;">
]>
<rss version="2.0"><channel><title>&lol9;</title>
<item><title>&lol9;</title><link>http://127.0.0.1:9/x</link><description>&lol9;</description></item>
</channel></rss>
"""


def rss(base: str) -> str:
    """A wire's RSS feed: two stories whose pages are there, one whose page is gone (its
    summary tells the talks), and one broken entry with neither link nor summary."""
    summary = html.escape(f"<p>{METADATA.paragraphs[0]}</p><p>{METADATA.paragraphs[1]}</p>")
    return f"""<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0"><channel>
<title>The Wire: World</title><link>{base}/</link><description>World news</description>
<item><title>{html.escape(AGENCY.title)}</title><link>{base}/world/ankara</link>
<pubDate>Tue, 12 Mar 2024 11:05:00 GMT</pubDate><description>Erdogan and Orban met.</description></item>
<item><title>{html.escape(MINISTRY.title)}</title><link>{base}/press/readout</link>
<pubDate>Wed, 05 Jun 2024 16:00:00 GMT</pubDate></item>
<item><title>{html.escape(METADATA.title)}</title><link>{base}/india/gone</link>
<pubDate>Sat, 20 Jul 2024 08:00:00 GMT</pubDate><description>{summary}</description></item>
<item><title>Untitled</title></item>
</channel></rss>
"""


def atom(base: str) -> str:
    return f"""<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom"><title>Ministry readouts</title><id>urn:readouts</id>
<updated>2024-06-05T16:00:00Z</updated>
<entry><title>{html.escape(MINISTRY.title)}</title><id>urn:readout:1</id>
<link rel="alternate" href="{base}/press/readout"/><updated>2024-06-05T16:00:00Z</updated></entry>
</feed>
"""


def _routes() -> dict[str, Route]:
    return {
        "/world/ankara": page(AGENCY.html()),
        "/press/readout": page(MINISTRY.html()),
    }


def _events(output: str) -> list[dict]:  # type: ignore[type-arg]
    return [json.loads(line) for line in output.splitlines() if line]


def test_ingest_feed_reads_each_entry_s_page_and_falls_back_to_the_summary(tmp_path: Path) -> None:
    routes = _routes()
    with serve(routes) as server:
        routes["/feed.xml"] = Route(
            rss(server.base).encode(), headers={"Content-Type": "application/rss+xml"}
        )
        feed = server.url("/feed.xml")
        db = tmp_path / "t.db"
        result = run("ingest", "--feed", feed, "--db", db, "--cache", tmp_path / "c", "--jobs", "1")
    lines = result.stderr.splitlines()
    gone = server.url("/india/gone")
    assert (
        f"timeline: {feed}: entry 3 ({gone}): page not read (HTTP 404 Not Found); read the entry's summary instead"
        in lines
    )
    assert (
        f"timeline: {feed}: entry 4: page not read (it has no link) and no summary to read instead" in lines
    )
    assert result.exit_code == 1 and lines[-1] == "timeline: skipped 1 of 4 input(s) that could not be read"
    events = json.loads(run("list", "--db", db, "-f", "json").stdout)
    for story in (AGENCY, MINISTRY, METADATA):
        assert ("talks", story.day, story.day) in robust(events)
    summary_read = [e for e in events if e["source"]["url"] == gone]
    assert summary_read and summary_read[0]["source"]["title"] == METADATA.title
    assert {e["source"]["url"] for e in events} == {AGENCY.url, MINISTRY.url, gone}


def test_a_feed_file_or_url_given_to_any_command_yields_its_entries(tmp_path: Path) -> None:
    with serve(_routes()) as server:
        (tmp_path / "wire.rss").write_text(rss(server.base), encoding="utf-8")
        (tmp_path / "readouts.atom").write_text(atom(server.base), encoding="utf-8")
        from_files = run("extract", tmp_path, "--cache", tmp_path / "c")
        server.routes["/readouts"] = Route(
            atom(server.base).encode(), headers={"Content-Type": "application/atom+xml"}
        )
        from_url = run("extract", server.url("/readouts"), "--cache", tmp_path / "c")
    assert from_files.exit_code == 1  # the broken entry
    assert robust(_events(from_files.stdout)) >= {
        ("talks", s.day, s.day) for s in (AGENCY, MINISTRY, METADATA)
    }
    assert from_url.exit_code == 0, from_url.stderr
    assert ("talks", MINISTRY.day, MINISTRY.day) in robust(_events(from_url.stdout))


def test_feeds_that_are_not_xml_or_expand_entities_are_refused_in_one_line(tmp_path: Path) -> None:
    (tmp_path / "laughs.rss").write_text(BILLION_LAUGHS, encoding="utf-8")
    (tmp_path / "page.rss").write_text("<html><body><p>Not a feed <b>at all</p></body>", encoding="utf-8")
    (tmp_path / "other.xml").write_text("<?xml version='1.0'?><svg><g/></svg>", encoding="utf-8")
    (tmp_path / "ankara.txt").write_text(AGENCY.txt(), encoding="utf-8")
    result = run("extract", tmp_path, "--glob", "*.rss,*.xml,*.txt", "--cache", tmp_path / "c")
    lines = result.stderr.splitlines()
    assert result.exit_code == 1 and len(lines) == 4
    assert (
        lines[0]
        == f"timeline: {tmp_path / 'laughs.rss'}: feed refused: its XML declares entities (EntitiesForbidden)"
    )
    assert lines[1] == f"timeline: {tmp_path / 'other.xml'}: not an RSS or Atom feed (an XML <svg> document)"
    assert lines[2].startswith(f"timeline: {tmp_path / 'page.rss'}: not an RSS or Atom feed (not XML: ")
    assert ("talks", AGENCY.day, AGENCY.day) in robust(_events(result.stdout))


def test_a_billion_laughs_feed_url_is_refused_too(tmp_path: Path) -> None:
    routes = {"/laughs": Route(BILLION_LAUGHS.encode(), headers={"Content-Type": "application/rss+xml"})}
    with serve(routes) as server:
        result = run(
            "ingest", "--feed", server.url("/laughs"), "--db", tmp_path / "t.db", "--cache", tmp_path / "c"
        )
    assert result.exit_code == 1
    assert f"timeline: {server.url('/laughs')}: feed refused: its XML declares entities" in result.stderr


def test_a_feed_with_a_malformed_entry_is_read_leniently_and_says_so(tmp_path: Path) -> None:
    with serve(_routes()) as server:
        feed = tmp_path / "wire.rss"
        feed.write_text(
            f"""<?xml version="1.0"?><rss version="2.0"><channel><title>Wire</title>
<item><title>{html.escape(AGENCY.title)}</title><link>{server.base}/world/ankara</link></item>
<item><title>Markets & <b>energy</title><link>{server.base}/markets</link></item>
<item><title>{html.escape(MINISTRY.title)}</title><link>{server.base}/press/readout</link></item>
</channel></rss>""",
            encoding="utf-8",
        )
        result = run("extract", feed, "--cache", tmp_path / "c")
    lines = result.stderr.splitlines()
    assert lines[0].startswith(f"timeline: {feed}: not well-formed XML (") and "read leniently" in lines[0]
    assert (
        f"timeline: {feed}: entry 2 ({server.base}/markets): page not read (HTTP 404 Not Found) and no summary to read instead"
        in lines
    )
    assert result.exit_code == 1
    assert {("talks", s.day, s.day) for s in (AGENCY, MINISTRY)} <= robust(_events(result.stdout))
