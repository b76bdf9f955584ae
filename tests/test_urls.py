"""URLs as inputs, fetched from a real HTTP server on 127.0.0.1 that the tests start."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from cli_articles import run
from web_pages import (
    AGENCY,
    METADATA,
    MINISTRY,
    NO_TEXT_PAGE,
    Route,
    gzip_bomb,
    page,
    redirect,
    robust,
    serve,
)

from timeline.store import Store


def _events(output: str) -> list[dict]:  # type: ignore[type-arg]
    return [json.loads(line) for line in output.splitlines() if line]


def test_a_page_url_gives_the_events_of_the_same_article_as_txt(tmp_path: Path) -> None:
    txt = tmp_path / "ankara.txt"
    txt.write_text(AGENCY.txt(), encoding="utf-8")
    with serve({"/world/ankara": page(AGENCY.html())}) as server:
        result = run("extract", server.url("/world/ankara"), "--cache", tmp_path / "cache")
        (asked,) = server.requests("/world/ankara")
    assert result.exit_code == 0, result.stderr
    events = _events(result.stdout)
    assert events and robust(events) == robust(_events(run("extract", txt).stdout))
    assert {(e["source"]["url"], e["source"]["title"]) for e in events} == {(AGENCY.url, AGENCY.title)}
    assert asked["user-agent"].startswith("timeline/")


def test_redirects_are_followed_within_limits(tmp_path: Path) -> None:
    routes = {
        "/old": redirect("/new"),
        "/new": page(MINISTRY.html()),
        "/loop-a": redirect("/loop-b"),
        "/loop-b": redirect("/loop-a", status=302),
    }
    with serve(routes) as server:
        result = run("extract", server.url("/old"), server.url("/loop-a"), "--cache", tmp_path / "c")
    assert result.exit_code == 1
    assert ("talks", MINISTRY.day, MINISTRY.day) in robust(_events(result.stdout))
    assert result.stderr.splitlines() == [
        f"timeline: {server.url('/loop-a')}: too many redirects (a redirect loop?)",
        "timeline: skipped 1 of 2 input(s) that could not be read",
    ]


def test_http_errors_time_outs_and_oversized_responses_are_one_line_each(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("TIMELINE_MAX_BYTES", "20K")
    routes = {
        "/good": page(METADATA.html()),
        # Answers only when the server stops: the time-out, not the server, ends the wait.
        "/slow": Route(b"<html></html>", delay=60.0, headers={"Content-Type": "text/html"}),
        "/gone": Route(b"gone", status=410, headers={"Content-Type": "text/plain"}),
        "/broken": Route(b"oops", status=500, headers={"Content-Type": "text/plain"}),
        "/huge": page(AGENCY.html() + "<!-- padding -->" * 2000),
        "/bomb": gzip_bomb(5_000_000),
        "/empty": page(NO_TEXT_PAGE),
    }
    with serve(routes) as server:
        bad = ["/slow", "/gone", "/broken", "/huge", "/bomb", "/empty"]
        result = run(
            "extract",
            server.url("/good"),
            *(server.url(p) for p in bad),
            "--timeout",
            "2",
            "--cache",
            tmp_path,
        )
    assert result.exit_code == 1
    assert ("talks", METADATA.day, METADATA.day) in robust(_events(result.stdout))
    lines = result.stderr.splitlines()
    assert lines == [
        f"timeline: {server.url('/slow')}: timed out after 2 s",
        f"timeline: {server.url('/gone')}: HTTP 410 Gone",
        f"timeline: {server.url('/broken')}: HTTP 500 Internal Server Error",
        f"timeline: {server.url('/huge')}: {len(routes['/huge'].body)} bytes is over the article size limit of 20480 bytes",
        f"timeline: {server.url('/bomb')}: response expands past the article size limit of 20480 bytes when decompressed",
        f"timeline: {server.url('/empty')}: no article text in this web page",
        "timeline: skipped 6 of 7 input(s) that could not be read",
    ]


def test_a_response_without_length_is_cut_at_the_size_limit(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from timeline.article import ArticleError
    from timeline.fetch import Fetcher

    big = Route(b"<html><body>" + b"<p>words</p>" * 5000, headers={"Content-Type": "text/html"})
    with serve({"/big": big}) as server, Fetcher(max_bytes=10_000) as fetcher:
        fetcher.client.event_hooks["response"] = [lambda r: r.headers.pop("Content-Length", None)]
        with pytest.raises(ArticleError, match="response is over the article size limit of 10000 bytes"):
            fetcher.get(server.url("/big"))


def test_a_second_ingest_sends_conditional_requests_and_refetches_nothing(tmp_path: Path) -> None:
    routes = {
        "/ankara": page(AGENCY.html()),
        "/delhi": page(METADATA.html()),
    }
    routes["/ankara"].etag = '"v1-ankara"'
    routes["/delhi"].last_modified = "Sat, 20 Jul 2024 08:00:00 GMT"
    db, cache = tmp_path / "t.db", tmp_path / "cache"
    with serve(routes) as server:
        urls = [server.url("/ankara"), server.url("/delhi")]
        first = run("ingest", *urls, "--db", db, "--cache", cache, "--jobs", "1")
        assert first.exit_code == 0, first.stderr
        assert "2 added" in first.stderr
        second = run("ingest", *urls, "--db", db, "--cache", cache, "--jobs", "1")
        assert second.exit_code == 0, second.stderr
        assert "0 added, 0 replaced, 2 unchanged" in second.stderr
        ankara, delhi = server.requests("/ankara"), server.requests("/delhi")
    assert "if-none-match" not in ankara[0] and ankara[1]["if-none-match"] == '"v1-ankara"'
    assert delhi[1]["if-modified-since"] == "Sat, 20 Jul 2024 08:00:00 GMT"
    assert len(ankara) == len(delhi) == 2


def test_a_url_that_fails_later_loses_nothing_already_in_the_store(tmp_path: Path) -> None:
    db = tmp_path / "t.db"
    with serve({"/ankara": page(AGENCY.html())}) as server:
        url = server.url("/ankara")
        assert run("ingest", url, "--db", db, "--cache", tmp_path / "c").exit_code == 0
        server.routes["/ankara"] = Route(b"down", status=503, headers={"Content-Type": "text/plain"})
        again = run("ingest", url, "--db", db, "--cache", tmp_path / "c")
    assert again.exit_code == 1 and f"timeline: {url}: HTTP 503 Service Unavailable" in again.stderr
    with Store(db, create=False) as store:
        assert store.count_articles() == 1
        assert ("talks", AGENCY.day, AGENCY.day) in robust([e.to_dict() for e in store.events()])


def test_a_malformed_or_unreachable_url_is_one_line(tmp_path: Path) -> None:
    with serve({}) as server:
        closed = server.base
    result = run("extract", "http://[::1", closed + "/x", "--cache", tmp_path)
    assert result.exit_code == 1
    lines = result.stderr.splitlines()
    assert lines[0].startswith("timeline: http://[::1: not a valid URL (")
    assert lines[1].startswith(f"timeline: {closed}/x: cannot fetch (ConnectError")
    assert len(lines) <= 3
