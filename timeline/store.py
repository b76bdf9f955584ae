"""A corpus store: articles ingested once into SQLite, one event per happening across articles.

``Store(path).ingest(paths, jobs)`` reads articles on all cores and adds their events;
``Store(path).events(selection)`` answers the command-line filters with indexed queries.

How the store works:

- **Articles** are known by their resolved path (a URL for a fetched page, ``FILE:LINE`` for a
  corpus line) and a SHA-256 of their text (and URL). An article whose hash is unchanged is
  skipped without extraction; a changed one has its events taken out and its new events put
  in. Each article's URL and content hash (of its text, blanks folded) are kept too: a new
  article with the URL or the content of a stored one is the same story arriving another way
  (a saved page, a feed entry, a URL) and is skipped as a duplicate, except that a page
  replaces the feed summary that stood in for it.
- **Tellings** are the events one article reports (``timeline extract`` of that article).
- **Happenings** are what the store outputs: the tellings of several articles merged into
  one event holding every source (``sources``, ``corroboration``) and every evidence
  sentence (each naming its article in ``path``). A new telling joins the first happening
  of the same type whose days overlap its days and whose participants or countries agree:
  the two share a person (one name's words among the other's: ``Xi`` and ``Xi Jinping``),
  and one's people or one's countries are among the other's (so Xi's talks with Putin and
  his talks with Modi that day stay two, while ``Rahmon`` and ``Rakhmon`` meeting Xi in
  Tajikistan are one); or, when one of them names nobody, both name the same non-empty set
  of countries.
- **Ids are stable**: a happening keeps the id of the telling that founded it (the event id
  of the first article ingested that told it) for as long as any of its tellings remains,
  however many sources join later. Only when two different happenings would found the same
  id does the second get an id derived from that id and its article's path.
- **Transactions**: the store is written in transactions of a few hundred articles, in
  SQLite's write-ahead log, so an ingest that is killed leaves every committed article
  whole and nothing of the rest; running it again picks up where it stopped. A second
  ingest at the same time waits for the first's transactions (``timeout`` seconds) and
  otherwise fails with :class:`StoreError`.
- **Schema versions**: ``PRAGMA user_version`` holds :data:`SCHEMA_VERSION`; a store of
  another version is refused with what to do.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import multiprocessing
import os
import re
import sqlite3
import threading
import time
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field, replace
from pathlib import Path
from types import TracebackType
from typing import Any

from timeline.article import Article, ArticleError
from timeline.extract import extract
from timeline.filters import Selection
from timeline.merge import combine
from timeline.model import Event
from timeline.people import fold
from timeline.sources import DEFAULT_GLOB, Reader, Reading, expand_paths, is_url, load, one_article

SCHEMA_VERSION = 2
# What takes a store of an older version to the next, in place, keeping what it holds.
MIGRATIONS = {
    1: (
        "ALTER TABLE articles ADD COLUMN url TEXT",
        "ALTER TABLE articles ADD COLUMN content TEXT",
        "CREATE INDEX articles_by_url ON articles (url)",
        "CREATE INDEX articles_by_content ON articles (content)",
    ),
}
# The key of a feed entry read from its summary: the page, when it comes, takes its place.
SUMMARY_KEY = "#summary"
DEFAULT_DB = Path("exports") / "timeline.db"
DEFAULT_TIMEOUT = 60.0
# Articles a transaction writes, and the longest a transaction stays open (seconds).
BATCH_ARTICLES = 500
BATCH_SECONDS = 2.0
# Articles a worker takes at a time, and chunks in flight a worker may have queued.
CHUNK = 16
CHUNKS_IN_FLIGHT = 4

SCHEMA = """
CREATE TABLE articles (
    id INTEGER PRIMARY KEY,
    key TEXT NOT NULL UNIQUE,        -- the resolved path
    path TEXT NOT NULL,              -- the path as given when ingested
    hash TEXT NOT NULL,              -- SHA-256 of the text and URL
    ingested TEXT NOT NULL,
    url TEXT,                        -- the article's URL, where it has one
    content TEXT                     -- SHA-256 of the text, blanks folded
);
CREATE INDEX articles_by_url ON articles (url);
CREATE INDEX articles_by_content ON articles (content);
CREATE TABLE happenings (
    id TEXT PRIMARY KEY,
    type TEXT NOT NULL,
    start TEXT NOT NULL,             -- YYYY-MM-DD
    last_day TEXT NOT NULL,
    countries TEXT NOT NULL,         -- ISO codes, comma-separated, sorted
    people TEXT NOT NULL,            -- folded names, one a line
    words TEXT NOT NULL,             -- folded evidence, for --text
    corroboration INTEGER NOT NULL,
    event TEXT NOT NULL              -- the merged event as JSON
);
CREATE INDEX happenings_by_type ON happenings (type, start);
CREATE INDEX happenings_by_start ON happenings (start);
CREATE TABLE happening_countries (
    country TEXT NOT NULL,
    start TEXT NOT NULL,
    happening TEXT NOT NULL REFERENCES happenings (id),
    last_day TEXT NOT NULL,         -- after the key columns: SQLite 3.40's integrity_check wants that
    PRIMARY KEY (country, start, happening)
) WITHOUT ROWID;
CREATE INDEX happening_countries_by_happening ON happening_countries (happening);
CREATE TABLE tellings (
    id INTEGER PRIMARY KEY,
    article INTEGER NOT NULL REFERENCES articles (id),
    happening TEXT NOT NULL REFERENCES happenings (id),
    event TEXT NOT NULL              -- the article's own event as JSON
);
CREATE INDEX tellings_by_article ON tellings (article);
CREATE INDEX tellings_by_happening ON tellings (happening);
CREATE TABLE meta (
    key TEXT PRIMARY KEY,
    value TEXT NOT NULL
);
INSERT INTO meta VALUES ('max_span_days', '0');
"""


class StoreError(Exception):
    """A store that cannot be opened or written; the message is one line for the user."""


@dataclass
class IngestReport:
    """What an ingest read and changed."""

    seen: int = 0
    added: int = 0
    replaced: int = 0
    unchanged: int = 0
    duplicates: int = 0  # the same story as a stored article (by URL or content), skipped
    skipped: list[str] = field(default_factory=list)
    events: int = 0  # tellings written
    merged: int = 0  # of them, joined to a happening another article told


def _tokens(name: str) -> frozenset[str]:
    return frozenset(re.sub(r"[^\w]+", " ", name).split())


def _same_person(a: frozenset[str], b: frozenset[str]) -> bool:
    return bool(a) and bool(b) and (a <= b or b <= a)


def _matched(names: list[str], others: list[str]) -> int:
    """How many of ``names`` are the same person as one of ``others`` (folded names)."""
    theirs = [_tokens(n) for n in others]
    return sum(1 for n in names if any(_same_person(_tokens(n), t) for t in theirs))


def _agree(people: list[str], countries: str, row_people: list[str], row_countries: str) -> bool:
    """Two tellings of the same type and days tell one happening (see the module's notes)."""
    mine, theirs = set(countries.split(",")) - {""}, set(row_countries.split(",")) - {""}
    if people and row_people:
        shared = _matched(people, row_people)
        if not shared:
            return False
        # Xi's talks with Putin and Xi's talks with Modi on one day share Xi, but neither
        # their other people nor their countries.
        among = shared == len(people) or _matched(row_people, people) == len(row_people)
        return among or mine <= theirs or theirs <= mine
    return bool(mine) and mine == theirs


def _folded_people(event: Event) -> list[str]:
    return [fold(p.name) for p in event.participants]


def _with_path(event: Event) -> Event:
    """The event with every evidence sentence naming its article."""
    path = event.source.path if event.source else None
    return replace(event, evidence=tuple(replace(e, path=e.path or path) for e in event.evidence))


def merge_tellings(happening_id: str, tellings: list[Event]) -> Event:
    """One event from the tellings of one happening by several articles, in ingest order."""
    merged = tellings[0]
    for telling in tellings[1:]:
        merged = _join(merged, telling)
    return replace(merged, id=happening_id)


def _join(merged: Event, telling: Event) -> Event:
    both = combine(merged, telling)
    sources = list(merged.sources)
    sources += [s for s in telling.sources if s not in sources]
    evidence = dict.fromkeys((*merged.evidence, *telling.evidence))
    return replace(
        both,
        id=merged.id,
        source=sources[0] if sources else None,
        sources=tuple(sources),
        evidence=tuple(evidence),
    )


# --- the workers: read, hash and extract one article --------------------------------------

_worker_db: sqlite3.Connection | None = None


def _worker_start(db: str) -> None:
    global _worker_db
    _worker_db = sqlite3.connect(db, timeout=DEFAULT_TIMEOUT)


@dataclass
class _Read:
    path: str
    key: str = ""
    hash: str = ""
    error: str | None = None
    unchanged: bool = False
    url: str | None = None
    content: str = ""
    duplicate: bool = False
    events: list[Event] = field(default_factory=list)


def _read(item: str | Article, db: sqlite3.Connection | None = None, known: str | None = None) -> _Read:
    """Read one article (a file's path, or an article the feeder read: a corpus line, a feed
    entry, a fetched page); extract its events unless the store already holds this text (by
    ``db``, or ``known``: the hash the store holds for this article, told by the feeder)."""
    if isinstance(item, str) and item.startswith("\0"):  # a message from the feeder, not a path
        return _Read(path="", error=item[1:])
    if isinstance(item, str) and item.startswith("\1"):  # a note: said, and nothing skipped
        return _Read(path="", error=item[1:], unchanged=True)
    db = db or _worker_db
    if isinstance(item, Article):
        article, path = item, item.path
    else:
        path = item
        try:
            article = load(path)
        except ArticleError as err:
            return _Read(path=path, error=str(err))
    key = article.key or str(Path(path).resolve())
    digest = hashlib.sha256(f"{article.url or ''}\n{article.text}".encode()).hexdigest()
    read = _Read(path=path, key=key, hash=digest, url=article.url, content=content_hash(article.text))
    if known == digest:
        read.unchanged = True
        return read
    if db is not None:
        row = db.execute("SELECT hash FROM articles WHERE key = ?", (key,)).fetchone()
        if row is not None and row[0] == digest:
            read.unchanged = True
            return read
        if row is None and _stored_story(db, read) is not None:
            read.duplicate = True  # the writer has the last word; no need to extract
            return read
    try:
        read.events = extract(article)
    except Exception as err:  # one article the extractor trips on must not stop a corpus
        return _Read(path=path, error=f"{path}: extraction failed ({type(err).__name__}: {err})")
    return read


def content_hash(text: str) -> str:
    """The same story's hash however it arrived: a SHA-256 of its text with blanks folded."""
    return hashlib.sha256(" ".join(text.split()).encode()).hexdigest()


def _addresses(read: _Read) -> tuple[str | None, str | None]:
    """Where ``read`` lives on the web: its own (canonical) URL, and the URL it was fetched from."""
    base = read.key.removesuffix(SUMMARY_KEY)
    return read.url, base if is_url(base) else None


def _stored_story(db: sqlite3.Connection, read: _Read) -> tuple[int, str, str] | None:
    """A stored article (id, key, hash) that is the same story as ``read`` by URL or content,
    unless it is a feed summary that ``read``, a page, is to replace."""
    url, fetched = _addresses(read)
    row = db.execute(
        "SELECT id, key, hash FROM articles WHERE content = ? OR url IN (?, ?) OR key IN (?, ?) "
        "ORDER BY key LIKE ? LIMIT 1",
        (read.content, url, fetched, url, fetched, "%" + SUMMARY_KEY),
    ).fetchone()
    if row is None or (str(row[1]).endswith(SUMMARY_KEY) and not read.key.endswith(SUMMARY_KEY)):
        return None
    return int(row[0]), str(row[1]), str(row[2])


def _summary_of(db: sqlite3.Connection, read: _Read) -> tuple[int, str] | None:
    """The stored feed summary (id, hash) that the page ``read`` replaces, if there is one."""
    if read.key.endswith(SUMMARY_KEY):
        return None
    url, fetched = _addresses(read)
    row = db.execute(
        "SELECT id, hash FROM articles WHERE key IN (?, ?) LIMIT 1",
        (f"{url}{SUMMARY_KEY}" if url else None, f"{fetched}{SUMMARY_KEY}" if fetched else None),
    ).fetchone()
    return (int(row[0]), str(row[1])) if row is not None else None


class Store:
    """An SQLite file of articles and the happenings they tell.

    ``create`` makes the file when it does not exist (ingest); readers pass ``create=False``
    to be told that there is no store rather than get an empty one.
    """

    def __init__(self, path: str | Path = DEFAULT_DB, create: bool = True, timeout: float = DEFAULT_TIMEOUT):
        self.path = Path(path)
        self.timeout = timeout
        if not self.path.exists():
            if not create:
                raise StoreError(
                    f"{self.path}: no store here; make one with `timeline ingest --db {self.path} PATH...`"
                )
            self.path.parent.mkdir(parents=True, exist_ok=True)
        elif self.path.is_dir():
            raise StoreError(f"{self.path}: is a folder, not a store")
        try:
            self.db = sqlite3.connect(self.path, timeout=timeout, isolation_level=None)
            self._prepare()
        except sqlite3.DatabaseError as err:
            raise self._error(err) from None

    # --- opening --------------------------------------------------------------------------

    def _prepare(self) -> None:
        version = self.db.execute("PRAGMA user_version").fetchone()[0]
        if version == 0:
            self.db.execute("PRAGMA journal_mode = WAL")
            self.db.execute("BEGIN IMMEDIATE")
            try:
                version = self.db.execute("PRAGMA user_version").fetchone()[0]
                tables = self.db.execute("SELECT count(*) FROM sqlite_master").fetchone()[0]
                if version == 0 and tables:
                    raise StoreError(f"{self.path}: an SQLite file, but not a timeline store")
                if version == 0:  # a new store: the schema and its version in one transaction
                    for statement in SCHEMA.split(";\n"):
                        if statement.strip():
                            self.db.execute(statement)
                    self.db.execute(f"PRAGMA user_version = {SCHEMA_VERSION}")
                    version = SCHEMA_VERSION
            finally:
                if self.db.in_transaction:
                    self.db.execute("COMMIT")
        if 0 < version < SCHEMA_VERSION and version in MIGRATIONS:
            version = self._migrate(version)
        if version != SCHEMA_VERSION:
            self.db.close()
            newer = "a newer" if version > SCHEMA_VERSION else "an older"
            raise StoreError(
                f"{self.path}: store schema version {version} was written by {newer} timeline; this one "
                f"reads version {SCHEMA_VERSION}: "
                + (
                    "upgrade timeline, or ingest the articles into a new store with --db"
                    if version > SCHEMA_VERSION
                    else "move it aside and ingest the articles again (timeline ingest --db ...)"
                )
            )
        self.db.execute("PRAGMA journal_mode = WAL")
        self.db.execute("PRAGMA synchronous = NORMAL")

    def _migrate(self, version: int) -> int:
        """Bring an older store to this version in place, a transaction a step."""
        while version in MIGRATIONS:
            self.db.execute("BEGIN IMMEDIATE")
            try:
                now = self.db.execute("PRAGMA user_version").fetchone()[0]
                if now == version:  # not migrated meanwhile by another process
                    for statement in MIGRATIONS[version]:
                        self.db.execute(statement)
                    self.db.execute(f"PRAGMA user_version = {version + 1}")
                self.db.execute("COMMIT")
            finally:
                if self.db.in_transaction:
                    self.db.execute("ROLLBACK")
            version = self.db.execute("PRAGMA user_version").fetchone()[0]
        return int(version)

    def _error(self, err: sqlite3.Error) -> StoreError:
        text = str(err)
        if "locked" in text or "busy" in text:
            return StoreError(
                f"{self.path}: another ingest is writing this store and did not finish within "
                f"{self.timeout:g} s; try again when it is done"
            )
        if "not a database" in text:
            return StoreError(f"{self.path}: not a timeline store (not an SQLite database)")
        return StoreError(f"{self.path}: {text}")

    def close(self) -> None:
        self.db.close()

    def __enter__(self) -> Store:
        return self

    def __exit__(
        self, kind: type[BaseException] | None, error: BaseException | None, trace: TracebackType | None
    ) -> None:
        self.close()

    # --- reading --------------------------------------------------------------------------

    def count_articles(self) -> int:
        return int(self.db.execute("SELECT count(*) FROM articles").fetchone()[0])

    def count_events(self) -> int:
        return int(self.db.execute("SELECT count(*) FROM happenings").fetchone()[0])

    def _max_span(self) -> int:
        return int(self.db.execute("SELECT value FROM meta WHERE key = 'max_span_days'").fetchone()[0])

    def events(self, selection: Selection | None = None) -> Iterator[Event]:
        """The store's events that ``selection`` keeps, by first day, type and id.

        Countries, days and types are answered from indexes; people and words narrow the
        rows in SQL, and ``selection.keeps`` has the last word so the store and the files
        agree exactly.
        """
        chosen = selection or Selection()
        where: list[str] = []
        args: list[Any] = []
        since = chosen.since.isoformat() if chosen.since else None
        until = chosen.until.isoformat() if chosen.until else None
        # An event overlaps [since, until] when it starts by ``until`` and ends from ``since``;
        # no event is longer than the longest span stored, which bounds the index range.
        earliest = (chosen.since - dt.timedelta(days=self._max_span())).isoformat() if chosen.since else None
        days: list[str] = []
        day_args: list[str] = []
        if earliest and since:
            days.append("{t}start >= ? AND {t}last_day >= ?")
            day_args += [earliest, since]
        if until:
            days.append("{t}start <= ?")
            day_args.append(until)
        if chosen.countries:
            inner = [f"country IN ({','.join('?' * len(chosen.countries))})"]
            inner += [d.format(t="") for d in days]
            args += [*sorted(chosen.countries), *day_args]
            where.append(f"h.id IN (SELECT happening FROM happening_countries WHERE {' AND '.join(inner)})")
        else:
            where += [d.format(t="h.") for d in days]
            args += day_args
        if chosen.types:
            where.append(f"h.type IN ({','.join('?' * len(chosen.types))})")
            args += sorted(chosen.types)
        if chosen.persons:
            where.append("(" + " OR ".join("instr(h.people, ?) > 0" for _ in chosen.persons) + ")")
            args += [fold(p) for p in chosen.persons]
        for word in chosen.text:
            where.append("instr(h.words, ?) > 0")
            args.append(fold(word))
        sql = "SELECT h.event FROM happenings h"
        if where:
            sql += " WHERE " + " AND ".join(where)
        sql += " ORDER BY h.start, h.type, h.id"
        try:
            rows = self.db.execute(sql, args)
            for (data,) in rows:
                event = Event.from_dict(json.loads(data))
                if chosen.keeps(event):
                    yield event
        except sqlite3.Error as err:
            raise self._error(err) from None

    # --- writing --------------------------------------------------------------------------

    def ingest(
        self,
        paths: Iterable[str | Path],
        jobs: int | None = None,
        glob: str = DEFAULT_GLOB,
        on_error: Callable[[str], None] | None = None,
        reading: Reading | None = None,
        scheduler: str | None = None,
        on_progress: Callable[[int], None] | None = None,
    ) -> IngestReport:
        """Add the articles under ``paths`` (and ``reading.feeds``): extraction on ``jobs``
        processes (default: all cores), articles streamed, the store written in transactions.
        Files of one article are read by the workers; corpora, feeds and URLs by the feeder.

        With ``scheduler`` (``local:N`` or a Dask scheduler's address) the articles are read and
        extracted on that Dask cluster instead, and ``paths`` may be fsspec URLs (see
        :mod:`timeline.cluster`); ``on_progress`` is told the number of inputs done."""
        given = [str(p) for p in paths] + list(reading.feeds if reading else ())
        remote: Any = None
        if scheduler is not None:
            from timeline import cluster as remote

            try:
                remote.check_scheduler(scheduler)
            except remote.ClusterError as err:
                raise StoreError(str(err)) from None
        for p in given:
            if p == "-":
                raise StoreError("ingest reads article files and folders, not standard input")
            if remote is not None and remote.is_fsspec_url(p):
                continue
            if not is_url(p) and not Path(p).exists():
                raise StoreError(f"{p}: no such file or folder")
        jobs = max(1, jobs or os.cpu_count() or 1)
        report = IngestReport()
        stop = threading.Event()

        def feed() -> Iterator[str | Article]:
            said: list[str] = []
            with Reader(
                reading=reading,
                report=lambda e: said.append("\0" + str(e)),
                note=lambda e: said.append("\1" + str(e)),
            ) as reader:
                try:
                    for p in expand_paths(given, glob) if remote is None else remote.inputs(given, glob):
                        if isinstance(p, Article) or (isinstance(p, str) and p.startswith("\0")):
                            yield p  # read by the cluster's feeder (fsspec): an article or a problem
                            continue
                        if one_article(p, reading):
                            yield str(p)
                            continue
                        try:
                            for article in reader.articles(p):
                                yield from said
                                said.clear()
                                yield article
                        except ArticleError as err:
                            said.append("\0" + str(err))
                        yield from said
                        said.clear()
                except ArticleError as err:
                    yield "\0" + str(err)

        try:
            if remote is not None:
                try:
                    self._write(remote.reads(feed(), scheduler, self._hash_of, on_progress), report, on_error)
                except remote.ClusterError as err:
                    raise StoreError(str(err)) from None
            elif jobs == 1:
                self._write((_read(p, self.db) for p in feed()), report, on_error)
            else:
                in_flight = threading.BoundedSemaphore(jobs * CHUNK * CHUNKS_IN_FLIGHT)

                def bounded() -> Iterator[str | Article]:
                    for p in feed():
                        while not in_flight.acquire(timeout=0.2):
                            if stop.is_set():
                                return
                        yield p

                context = multiprocessing.get_context("fork" if os.name == "posix" else "spawn")
                with context.Pool(jobs, initializer=_worker_start, initargs=(str(self.path),)) as pool:
                    try:

                        def results() -> Iterator[_Read]:
                            for read in pool.imap(_read, bounded(), chunksize=CHUNK):
                                in_flight.release()
                                yield read

                        self._write(results(), report, on_error)
                    finally:
                        stop.set()
        except sqlite3.Error as err:
            raise self._error(err) from None
        return report

    def _hash_of(self, key: str) -> str | None:
        """The hash of the stored article ``key``, if there is one."""
        row = self.db.execute("SELECT hash FROM articles WHERE key = ?", (key,)).fetchone()
        return str(row[0]) if row is not None else None

    def _write(
        self, reads: Iterator[_Read], report: IngestReport, on_error: Callable[[str], None] | None
    ) -> None:
        pending = 0
        opened = 0.0
        try:
            for read in reads:
                if read.error is not None:
                    if not read.unchanged:  # a note is said, not counted as skipped
                        report.skipped.append(read.error)
                    if on_error is not None:
                        on_error(read.error)
                    continue
                report.seen += 1
                if read.unchanged:
                    report.unchanged += 1
                    continue
                if read.duplicate:
                    report.duplicates += 1
                    continue
                if not self.db.in_transaction:
                    self.db.execute("BEGIN IMMEDIATE")
                    opened = time.monotonic()
                self._put_article(read, report)
                pending += 1
                if pending >= BATCH_ARTICLES or time.monotonic() - opened > BATCH_SECONDS:
                    self.db.execute("COMMIT")
                    pending = 0
            if self.db.in_transaction:
                self.db.execute("COMMIT")
        finally:
            if self.db.in_transaction:
                self.db.execute("ROLLBACK")

    def _put_article(self, read: _Read, report: IngestReport) -> None:
        row = self.db.execute("SELECT id, hash FROM articles WHERE key = ?", (read.key,)).fetchone()
        if row is not None and row[1] == read.hash:  # another ingest wrote it meanwhile
            report.unchanged += 1
            return
        if row is None:
            if _stored_story(self.db, read) is not None:  # told by an article of this ingest, too
                report.duplicates += 1
                return
            row = _summary_of(self.db, read)
        touched: set[str] = set()
        now = dt.datetime.now(dt.UTC).isoformat(timespec="seconds")
        if row is not None:
            article_id = int(row[0])
            touched = {
                h
                for (h,) in self.db.execute("SELECT happening FROM tellings WHERE article = ?", (article_id,))
            }
            self.db.execute("DELETE FROM tellings WHERE article = ?", (article_id,))
            self.db.execute(
                "UPDATE articles SET key = ?, path = ?, hash = ?, ingested = ?, url = ?, content = ? WHERE id = ?",
                (read.key, read.path, read.hash, now, read.url, read.content, article_id),
            )
            report.replaced += 1
        else:
            cursor = self.db.execute(
                "INSERT INTO articles (key, path, hash, ingested, url, content) VALUES (?, ?, ?, ?, ?, ?)",
                (read.key, read.path, read.hash, now, read.url, read.content),
            )
            article_id = int(cursor.lastrowid or 0)
            report.added += 1
        for happening in touched:  # the article's old tellings are gone: merge what remains
            self._remerge(happening)
        for event in read.events:
            self._attach(_with_path(event), article_id, report)

    def _attach(self, telling: Event, article_id: int, report: IngestReport) -> None:
        people = _folded_people(telling)
        countries = ",".join(sorted(telling.countries))
        earliest = telling.start - dt.timedelta(days=self._max_span())
        candidates = self.db.execute(
            "SELECT id, people, countries, event FROM happenings "
            "WHERE type = ? AND start >= ? AND start <= ? AND last_day >= ? ORDER BY start, id",
            (telling.type, earliest.isoformat(), telling.last_day.isoformat(), telling.start.isoformat()),
        )
        match = next(
            (
                (hid, data)
                for hid, row_people, row_countries, data in candidates.fetchall()
                if _agree(people, countries, row_people.split("\n") if row_people else [], row_countries)
            ),
            None,
        )
        if match is not None:
            hid = match[0]
            self._save(_join(Event.from_dict(json.loads(match[1])), telling), new=False)
            report.merged += 1
        else:
            hid = telling.id
            while self.db.execute("SELECT 1 FROM happenings WHERE id = ?", (hid,)).fetchone():
                path = telling.source.path if telling.source else ""
                hid = hashlib.sha256(f"{hid}|{path}".encode()).hexdigest()[:16]
            self._save(replace(telling, id=hid), new=True)
        self.db.execute(
            "INSERT INTO tellings (article, happening, event) VALUES (?, ?, ?)",
            (article_id, hid, json.dumps(telling.to_dict(), ensure_ascii=False)),
        )
        report.events += 1

    def _remerge(self, happening: str) -> None:
        tellings = [
            Event.from_dict(json.loads(data))
            for (data,) in self.db.execute(
                "SELECT event FROM tellings WHERE happening = ? ORDER BY id", (happening,)
            )
        ]
        if not tellings:
            self.db.execute("DELETE FROM happening_countries WHERE happening = ?", (happening,))
            self.db.execute("DELETE FROM happenings WHERE id = ?", (happening,))
            return
        self._save(merge_tellings(happening, tellings), new=False)

    def _save(self, event: Event, new: bool) -> None:
        row = (
            event.type,
            event.start.isoformat(),
            event.last_day.isoformat(),
            ",".join(sorted(event.countries)),
            "\n".join(_folded_people(event)),
            fold(" ".join(e.text for e in event.evidence)),
            event.corroboration,
            json.dumps(event.to_dict(), ensure_ascii=False),
            event.id,
        )
        if new:
            self.db.execute(
                "INSERT INTO happenings (type, start, last_day, countries, people, words, corroboration, event, id)"
                " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
                row,
            )
        else:
            self.db.execute(
                "UPDATE happenings SET type = ?, start = ?, last_day = ?, countries = ?, people = ?, words = ?,"
                " corroboration = ?, event = ? WHERE id = ?",
                row,
            )
            self.db.execute("DELETE FROM happening_countries WHERE happening = ?", (event.id,))
        self.db.executemany(
            "INSERT INTO happening_countries (country, start, happening, last_day) VALUES (?, ?, ?, ?)",
            [(c, row[1], event.id, row[2]) for c in sorted(set(event.countries))],
        )
        span = (event.last_day - event.start).days
        self.db.execute(
            "UPDATE meta SET value = ? WHERE key = 'max_span_days' AND CAST(value AS INTEGER) < ?",
            (str(span), span),
        )
