"""`timeline serve` over a real socket: the same bytes as the command line, validators and
304s, gzip, one-line errors, and nothing but its own addresses."""

from __future__ import annotations

import email.utils
import gzip
import inspect
import json
from pathlib import Path

import httpx
import icalendar
import pytest
from cli_articles import ANKARA, DELHI, MOSCOW, run
from serve_support import TASS_DUSHANBE, ingest, serve_process, serving, write

from timeline import serve


@pytest.fixture(scope="module")
def store(tmp_path_factory, request) -> Path:
    """A store of the seed (Xi and Rahmon in Dushanbe) and three short articles."""
    from conftest import SEED

    folder = tmp_path_factory.mktemp("serve")
    write(folder, "a/ankara.txt", ANKARA)
    write(folder, "a/moscow.txt", MOSCOW)
    write(folder, "a/delhi.txt", DELHI)
    db = folder / "timeline.db"
    ingest(db, SEED, folder / "a")
    return db


@pytest.fixture(scope="module")
def base(store) -> str:
    with serving(store) as url:
        yield url


def cli_ics(db: Path, tmp_path: Path, *filters: str) -> bytes:
    out = tmp_path / "cli.ics"
    done = run("ics", "--db", db, "-q", "-o", out, *filters)
    assert done.exit_code == 0, done.output
    return out.read_bytes()


FILTERS = [
    ("", ()),
    (
        "country=TJ&country=CN&type=talks&since=2024-01&person=rahmon",
        ("--country", "TJ", "--country", "CN", "--type", "talks", "--since", "2024-01", "--person", "rahmon"),
    ),
    ("country=Turkey", ("--country", "Turkey")),
    ("since=2024&until=2024-06", ("--since", "2024", "--until", "2024-06")),
    ("text=energy", ("--text", "energy")),
]


@pytest.mark.parametrize(("query", "options"), FILTERS)
def test_calendar_is_the_bytes_timeline_ics_writes_for_the_same_filters(
    store, base, tmp_path, query, options
):
    got = httpx.get(f"{base}/calendar.ics?{query}")
    assert got.status_code == 200
    assert got.headers["content-type"] == "text/calendar; charset=utf-8"
    assert got.content == cli_ics(store, tmp_path, *options)
    icalendar.Calendar.from_ical(got.content)


def test_country_and_type_shortcuts_are_their_filters(store, base, tmp_path):
    tj = httpx.get(f"{base}/countries/TJ.ics")
    assert tj.status_code == 200 and tj.headers["content-type"] == "text/calendar; charset=utf-8"
    assert tj.content == cli_ics(store, tmp_path, "--country", "TJ")
    assert b"Rahmon" in tj.content and b"Orb" not in tj.content
    assert httpx.get(f"{base}/countries/tj.ics").content == tj.content
    talks = httpx.get(f"{base}/types/talks.ics?since=2024-03")
    assert talks.content == cli_ics(store, tmp_path, "--type", "talks", "--since", "2024-03")
    assert httpx.get(f"{base}/countries/TR.ics?type=talks").content == cli_ics(
        store, tmp_path, "--country", "TR", "--type", "talks"
    )


@pytest.mark.parametrize("fmt", ["json", "jsonl", "csv"])
def test_events_are_what_extract_prints(store, base, fmt):
    got = httpx.get(f"{base}/events.{fmt}?country=TJ&country=TR")
    assert got.status_code == 200
    done = run("extract", "--db", store, "-f", fmt, "--country", "TJ", "--country", "TR")
    assert done.exit_code == 0
    assert got.text == done.stdout
    assert got.headers["content-type"].endswith("charset=utf-8")
    if fmt == "json":
        assert {c for e in json.loads(got.text) for c in e["countries"]} >= {"TJ", "TR"}


def test_page_has_subscribe_links_for_what_it_shows(base):
    for path in ("/", "/timeline.html"):
        got = httpx.get(f"{base}{path}?country=TJ&type=talks&since=2024-01")
        assert got.status_code == 200
        assert got.headers["content-type"] == "text/html; charset=utf-8"
        host = base.removeprefix("http://")
        assert (
            f'href="webcal://{host}/calendar.ics?country=TJ&amp;type=talks&amp;since=2024-01-01"' in got.text
        )
        assert f'href="http://{host}/calendar.ics?country=TJ&amp;type=talks&amp;since=2024-01-01"' in got.text
        assert "<title>Diplomatic events (types talks; countries TJ; from 2024-01-01)" in got.text
        assert 'src="plotly.min.js"' in got.text
    script = httpx.get(f"{base}/plotly.min.js")
    assert script.status_code == 200 and script.headers["content-type"].startswith("text/javascript")
    plain = httpx.get(f"{base}/")
    assert f'href="webcal://{base.removeprefix("http://")}/calendar.ics"' in plain.text


def test_unchanged_polls_are_304_and_cost_no_query(base, monkeypatch):
    made = []
    original = serve.Reader._events

    def counted(self, chosen):
        made.append(chosen)
        return original(self, chosen)

    monkeypatch.setattr(serve.Reader, "_events", counted)
    url = f"{base}/calendar.ics?country=CN&since=2024"
    first = httpx.get(url)
    etag, modified = first.headers["etag"], first.headers["last-modified"]
    assert email.utils.parsedate_to_datetime(modified).tzinfo is not None
    assert len(made) == 1
    for headers in (
        {"If-None-Match": etag},
        {"If-Modified-Since": modified},
        {"If-None-Match": f'"x", {etag}'},
    ):
        again = httpx.get(url, headers=headers)
        assert again.status_code == 304, headers
        assert again.content == b""
        assert again.headers["etag"] == etag
    assert httpx.get(url).content == first.content  # answered again from what was kept
    assert len(made) == 1
    assert httpx.get(url, headers={"If-None-Match": '"other"'}).status_code == 200
    older = "Mon, 01 Jan 2001 00:00:00 GMT"
    assert httpx.get(url, headers={"If-Modified-Since": older}).status_code == 200
    assert len(made) == 1


def test_gzip_when_asked(base):
    plain = httpx.get(f"{base}/calendar.ics", headers={"Accept-Encoding": "identity"})
    assert "content-encoding" not in plain.headers
    with httpx.stream("GET", f"{base}/calendar.ics", headers={"Accept-Encoding": "gzip"}) as zipped:
        raw = b"".join(zipped.iter_raw())
        assert zipped.headers["content-encoding"] == "gzip"
        assert "accept-encoding" in zipped.headers["vary"].lower()
    assert gzip.decompress(raw) == plain.content
    assert len(raw) < len(plain.content)
    assert zipped.headers["etag"] == plain.headers["etag"]


def test_a_bad_filter_is_400_with_the_message_the_command_line_gives(store, base):
    for query, options in [
        ("country=Narnia", ("--country", "Narnia")),
        ("type=talkz", ("--type", "talkz")),
        ("since=someday", ("--since", "someday")),
        ("since=2024-05&until=2024-01", ("--since", "2024-05", "--until", "2024-01")),
        ("text=%20!!", ("--text", " !!")),
    ]:
        got = httpx.get(f"{base}/calendar.ics?{query}")
        done = run("list", "--db", store, *options)
        assert done.exit_code == 2
        line = done.stderr.strip()
        assert line.startswith("timeline: ") and "\n" not in line
        assert got.status_code == 400, query
        assert got.text == line + "\n", query
        assert got.headers["content-type"] == "text/plain; charset=utf-8"
    assert httpx.get(f"{base}/events.csv?type=talkz").status_code == 400
    assert httpx.get(f"{base}/?country=Narnia").status_code == 400
    unknown = httpx.get(f"{base}/calendar.ics?countries=TJ")
    assert unknown.status_code == 400
    assert (
        unknown.text
        == "timeline: unknown parameter 'countries'; the filters are country, type, person, text, since, until\n"
    )


def test_unknown_paths_are_404_and_writes_are_refused(base):
    for path in (
        "/nothing",
        "/calendar.ical",
        "/countries/XYZ.ics",
        "/countries/TJ",
        "/types/a-b.ics",
        "/events.xml",
        "/timeline.db",
        "/countries/",
        "/exports/timeline.db",
    ):
        got = httpx.get(base + path)
        assert got.status_code == 404, path
        assert got.text.startswith("timeline: ") and got.text.count("\n") == 1
    assert httpx.get(f"{base}/types/talkz.ics").status_code == 400  # a type, misspelt
    post = httpx.post(f"{base}/calendar.ics", content=b"x")
    assert post.status_code == 405 and post.headers["allow"] == "GET, HEAD"
    head = httpx.head(f"{base}/calendar.ics")
    assert head.status_code == 200 and head.content == b""


def test_binds_127_0_0_1_unless_told_otherwise(store, tmp_path):
    assert inspect.signature(serve.run).parameters["host"].default == "127.0.0.1"
    done = run("serve", "--help")
    assert "127.0.0.1" in done.stdout
    log = tmp_path / "serve.log"
    with serve_process(store, log) as url:
        assert httpx.get(url + "/countries/TJ.ics").status_code == 200
    text = log.read_text()
    assert f"Uvicorn running on {url}" in text
    assert '"GET /countries/TJ.ics HTTP/1.1" 200' in text


def test_a_missing_store_is_one_line_and_no_server(tmp_path):
    done = run("serve", "--db", tmp_path / "none.db", "--port", "1")
    assert done.exit_code == 1
    assert done.stderr.strip().startswith("timeline: ") and "no store here" in done.stderr


def test_a_new_article_is_seen_by_the_next_poll(tmp_path):
    from conftest import SEED

    db = tmp_path / "t.db"
    ingest(db, SEED)
    with serving(db) as url:
        first = httpx.get(url + "/countries/TJ.ics")
        other = httpx.get(url + "/countries/TR.ics")
        ingest(db, write(tmp_path, "tass.txt", TASS_DUSHANBE))
        again = httpx.get(url + "/countries/TJ.ics", headers={"If-None-Match": first.headers["etag"]})
        assert again.status_code == 200 and again.headers["etag"] != first.headers["etag"]
        before, after = talks(first.content), talks(again.content)
        assert set(before) == set(after)  # the same happening, one more source
        assert [after[uid] > before[uid] for uid in before] == [True]
        # The Turkish calendar did not change: its ETag still holds.
        assert (
            httpx.get(url + "/countries/TR.ics", headers={"If-None-Match": other.headers["etag"]}).status_code
            == 304
        )


def talks(calendar: bytes) -> dict[str, int]:
    """UID -> SEQUENCE of the talks in a calendar."""
    cal = icalendar.Calendar.from_ical(calendar)
    return {
        str(v["uid"]): int(v["sequence"]) for v in cal.walk("VEVENT") if str(v["summary"]).startswith("Talks")
    }


def test_behind_a_proxy_the_links_carry_the_prefix_and_the_scheme(store, tmp_path):
    log = tmp_path / "serve.log"
    with serve_process(store, log, "--root-path", "/timeline") as url:
        # nginx's `location /timeline/ { proxy_pass http://127.0.0.1:8000/; }` strips the prefix.
        page = httpx.get(
            url + "/?country=TJ",
            headers={"Host": "calendar.example.org", "X-Forwarded-Proto": "https"},
        )
        assert page.status_code == 200
        assert 'href="webcal://calendar.example.org/timeline/calendar.ics?country=TJ"' in page.text
        assert 'href="https://calendar.example.org/timeline/calendar.ics?country=TJ"' in page.text
        assert httpx.get(url + "/countries/TJ.ics").status_code == 200
