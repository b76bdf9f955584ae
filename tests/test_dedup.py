"""The store knows each article's URL and content hash: one story arriving as a saved page,
a feed entry and a URL is one article, not three."""

from __future__ import annotations

import html
import json
import sqlite3
from pathlib import Path

from cli_articles import run
from web_pages import AGENCY, MINISTRY, Route, page, robust, serve

from timeline.store import SCHEMA_VERSION, Store


def _feed(base: str, *paths: str) -> bytes:
    items = "".join(
        f"<item><title>{html.escape(AGENCY.title)}</title><link>{base}{p}</link>"
        "<pubDate>Tue, 12 Mar 2024 11:05:00 GMT</pubDate><description>Erdogan and Orban met in Ankara.</description></item>"
        for p in paths
    )
    return f'<?xml version="1.0"?><rss version="2.0"><channel><title>Wire</title>{items}</channel></rss>'.encode()


def _stored(db: Path) -> list[dict]:  # type: ignore[type-arg]
    return json.loads(run("list", "--db", db, "-f", "json").stdout)


def test_one_story_as_page_feed_entry_and_url_is_one_article(tmp_path: Path) -> None:
    saved = tmp_path / "saved" / "ankara.html"
    saved.parent.mkdir()
    saved.write_text(AGENCY.html(), encoding="utf-8")
    db, cache = tmp_path / "t.db", tmp_path / "cache"
    routes = {"/world/ankara": page(AGENCY.html())}
    with serve(routes) as server:
        routes["/feed"] = Route(
            _feed(server.base, "/world/ankara"), headers={"Content-Type": "application/rss+xml"}
        )
        first = run("ingest", saved, "--db", db, "--cache", cache)
        assert first.exit_code == 0 and "1 added" in first.stderr
        again = run(
            "ingest", server.url("/world/ankara"), "--feed", server.url("/feed"), "--db", db, "--cache", cache
        )
    assert again.exit_code == 0, again.stderr
    assert "0 added, 0 replaced, 0 unchanged, 2 already stored from another file or URL" in again.stderr
    with Store(db, create=False) as store:
        assert store.count_articles() == 1
    events = _stored(db)
    talks = [e for e in events if e["type"] == "talks"]
    assert len(talks) == 1 and talks[0]["corroboration"] == 1
    assert talks[0]["source"]["path"] == str(saved)


def test_the_same_text_from_a_corpus_and_a_file_is_one_article(tmp_path: Path) -> None:
    txt = tmp_path / "ankara.txt"
    txt.write_text(AGENCY.txt(), encoding="utf-8")
    corpus = tmp_path / "corpus.jsonl"
    line = {"title": AGENCY.title, "date": AGENCY.day, "text": "\n\n".join(AGENCY.paragraphs)}
    other = {"title": MINISTRY.title, "date": MINISTRY.day, "text": "\n".join(MINISTRY.paragraphs)}
    corpus.write_text(json.dumps(line) + "\n" + json.dumps(other) + "\n", encoding="utf-8")
    db = tmp_path / "t.db"
    result = run("ingest", txt, corpus, "--db", db, "--jobs", "1")
    assert result.exit_code == 0, result.stderr
    assert "2 added, 0 replaced, 0 unchanged, 1 already stored" in result.stderr
    assert {("talks", s.day, s.day) for s in (AGENCY, MINISTRY)} <= robust(_stored(db))


def test_a_page_replaces_the_feed_summary_that_stood_in_for_it_and_never_the_reverse(tmp_path: Path) -> None:
    db, cache = tmp_path / "t.db", tmp_path / "cache"
    routes: dict[str, Route] = {}
    with serve(routes) as server:
        routes["/feed"] = Route(
            _feed(server.base, "/world/ankara"), headers={"Content-Type": "application/rss+xml"}
        )
        down = run("ingest", "--feed", server.url("/feed"), "--db", db, "--cache", cache)
        assert "read the entry's summary instead" in down.stderr and "1 added" in down.stderr
        routes["/world/ankara"] = page(AGENCY.html())
        up = run("ingest", "--feed", server.url("/feed"), "--db", db, "--cache", cache)
        assert up.exit_code == 0 and "0 added, 1 replaced" in up.stderr, up.stderr
        full = _stored(db)
        assert ("talks", AGENCY.day, AGENCY.day) in robust(full)
        del routes["/world/ankara"]  # gone again: the summary must not replace the page
        gone = run("ingest", "--feed", server.url("/feed"), "--db", db, "--cache", cache)
    assert "0 added, 0 replaced, 0 unchanged, 1 already stored" in gone.stderr
    assert _stored(db) == full
    with Store(db, create=False) as store:
        assert store.count_articles() == 1


def test_a_store_of_the_previous_version_is_upgraded_in_place(tmp_path: Path) -> None:
    txt = tmp_path / "ankara.txt"
    txt.write_text(AGENCY.txt(), encoding="utf-8")
    db = tmp_path / "t.db"
    assert run("ingest", txt, "--db", db).exit_code == 0
    before = _stored(db)
    with sqlite3.connect(db) as raw:  # the store as version 1 made it
        raw.execute("DROP INDEX articles_by_url")
        raw.execute("DROP INDEX articles_by_content")
        raw.execute("ALTER TABLE articles DROP COLUMN url")
        raw.execute("ALTER TABLE articles DROP COLUMN content")
        raw.execute("PRAGMA user_version = 1")
    assert _stored(db) == before
    with Store(db) as store:
        assert store.db.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION
        assert store.count_articles() == 1
    again = run("ingest", txt, "--db", db)
    assert "1 unchanged" in again.stderr
