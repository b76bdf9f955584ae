"""A corpus store: articles ingested once into SQLite, one event per happening across articles.

``Store(path).ingest(paths, jobs)`` reads articles on all cores and adds their events;
``Store(path).events(selection)`` answers the command-line filters with indexed queries.

How the store works:

- **Articles** are known by their resolved path (a URL for a fetched page, ``FILE:LINE`` for a
  corpus line) and a SHA-256 of their text (and URL), with the
  :data:`~timeline.extract.EXTRACTOR_VERSION` that found their events. An article whose hash
  and extractor are unchanged is skipped without extraction; a changed one, or one read by an
  older extractor, has its events taken out and its new events put in. Each article's URL and
  content hash (of its text, blanks folded) are kept too: a new article with the URL or the
  content of a stored one is the same story arriving another way (a saved page, a feed entry,
  a URL) and is skipped as a duplicate, except that a page replaces the feed summary that
  stood in for it. ``remove`` takes articles out by path or URL.
- **Duplicates** (version 4): a file skipped as the same story as a stored article is noted
  (``duplicates``). Of the files of one story, the first by :func:`position` stands for it,
  as when they are ingested in order: a file that comes before the stored one takes its place.
  When the stored one is removed, or its text changes, the first of its duplicates is read
  again and stands for the story, so the story stays while a file holds it.
- **Tellings** are the events one article reports (``timeline extract`` of that article).
- **Happenings** are what the store outputs: the tellings of several articles merged into
  one event holding every source (``sources``, ``corroboration``) and every evidence
  sentence (each naming its article in ``path``). A new telling joins the first happening
  of the same type whose days overlap its days and that is the same happening by
  :func:`timeline.merge.same_happening_across` (the calendars use it too): the same id, or
  participants or countries that agree:
  the two share a person (one name's words among the other's: ``Xi`` and ``Xi Jinping``),
  and one's people or one's countries are among the other's (so Xi's talks with Putin and
  his talks with Modi that day stay two, while ``Rahmon`` and ``Rakhmon`` meeting Xi in
  Tajikistan are one); or, when one of them names nobody, both name the same non-empty set
  of countries.
- **Ids are stable**: a happening keeps the id of the telling that founded it (the event id
  of the first article ingested that told it) for as long as any of its tellings remains,
  however many sources join later. Only when two different happenings would found the same
  id does the second get an id derived from that id and its article's path.
- **Merging again**: merging is greedy, so it depends on order. The store merges the articles
  in the order of their :func:`position` (their files' order, as ``timeline ingest`` walks a
  folder), whatever order they were ingested in: a new article that comes last joins what is
  there; when one comes before others, changes or is removed, every telling of the same type
  on days overlapping its happenings (and theirs, transitively) is merged again in position
  order (:meth:`Store._recluster`), so the store holds what a fresh ingest of its articles
  would, sources and sentences in the same order; a happening formed again keeps the id its
  first telling's happening had. Candidates are tried by first day, then founding order (by
  position), never by id. ``benchmarks/soak.py`` checks it over rounds of ingest, change and
  remove.
- **Transactions**: the store is written in transactions of a few hundred articles, in
  SQLite's write-ahead log, so an ingest that is killed leaves every committed article
  whole and nothing of the rest; running it again picks up where it stopped. A second
  ingest at the same time waits for the first's transactions (``timeout`` seconds) and
  otherwise fails with :class:`StoreError`.
- **Schema versions**: ``PRAGMA user_version`` holds :data:`SCHEMA_VERSION` (4). A store of
  version 1, of version 2 (either kind: with URLs and content hashes, or with URLs and
  extractor versions) or of version 3, is read as it is when opened read-only and upgraded in
  place when opened for writing (:data:`ARTICLE_COLUMNS`: the columns it lacks are added, the
  positions filled in from the keys, the table of duplicates made); its articles without
  an extractor version then count as read by an older extractor, and an article without a
  content hash gets one when it is next ingested. A store of another version is refused with
  what to do.
- **Faults**: a file that is not SQLite, a truncated or damaged store and a store that cannot
  be written (a read-only folder) are each a :class:`StoreError` of one line saying what to
  do; :meth:`Store.check` runs SQLite's integrity check and the store's own. A store in a
  read-only folder is read without the files SQLite's log needs (``immutable``).
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import multiprocessing
import os
import re
import sqlite3
import tempfile
import threading
import time
import urllib.parse
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field, replace
from pathlib import Path
from types import TracebackType
from typing import Any

from timeline.article import Article
from timeline.errors import ArticleError, StoreBusyError, StoreDamagedError, StoreReadOnlyError, shown
from timeline.errors import StoreError as StoreError  # where callers have imported it from
from timeline.extract import EXTRACTOR_VERSION, extract
from timeline.filters import Selection
from timeline.merge import agree, article_order, folded_people, founding_id, join, with_paths
from timeline.model import Event
from timeline.people import fold
from timeline.sources import DEFAULT_GLOB, Reader, Reading, expand_paths, is_url, load, one_article

SCHEMA_VERSION = 4
# Versions this one reads as they are; opened for writing, an older one is upgraded in place.
READS_VERSIONS = (1, 2, 3, 4)
# What version 3 added to the articles of version 1, column by column, each with what fills it
# for the articles already stored. A version 2 store had some of them: issue12's added url and
# content, issue14's url and extractor; the upgrade adds what a store lacks.
#   url: from the source of the article's events; content: NULL (filled when the article is
#   next ingested); extractor: '' (older than any), so the next ingest re-extracts the article.
ARTICLE_COLUMNS = {
    "url": (
        "ALTER TABLE articles ADD COLUMN url TEXT",
        "UPDATE articles SET url = (SELECT json_extract(t.event, '$.source.url') FROM tellings t "
        "WHERE t.article = articles.id LIMIT 1)",
    ),
    "content": ("ALTER TABLE articles ADD COLUMN content TEXT",),
    "extractor": ("ALTER TABLE articles ADD COLUMN extractor TEXT NOT NULL DEFAULT ''",),
    # position: from the key (:func:`position`), filled in Python by the upgrade.
    "position": ("ALTER TABLE articles ADD COLUMN position TEXT NOT NULL DEFAULT ''",),
}
ARTICLE_INDEXES = (
    "CREATE INDEX IF NOT EXISTS articles_by_url ON articles (url)",
    "CREATE INDEX IF NOT EXISTS articles_by_content ON articles (content)",
    "CREATE INDEX IF NOT EXISTS articles_by_position ON articles (position)",
)
# Version 4 added the files skipped as duplicates of a stored article.
DUPLICATES_TABLE = (
    "CREATE TABLE IF NOT EXISTS duplicates (key TEXT PRIMARY KEY, path TEXT NOT NULL, "
    "position TEXT NOT NULL, article INTEGER NOT NULL REFERENCES articles (id))",
    "CREATE INDEX IF NOT EXISTS duplicates_by_article ON duplicates (article)",
)
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
    -- url: the article's URL, where it has one. content: SHA-256 of its text, blanks folded.
    -- extractor: the EXTRACTOR_VERSION that found its events. No comment ends the line of one
    -- of them: SQLite's DROP COLUMN (an older schema's tests make one) would swallow the ')'.
    -- position: where the article stands in the order tellings are merged in (position()).
    url TEXT,
    content TEXT,
    extractor TEXT NOT NULL DEFAULT '',
    position TEXT NOT NULL DEFAULT ''
);
CREATE INDEX articles_by_url ON articles (url);
CREATE INDEX articles_by_content ON articles (content);
CREATE INDEX articles_by_position ON articles (position);
-- Files read as the same story as a stored article (by content or URL) and skipped: when that
-- article leaves the store, or changes, the first of them in position order is read in its place.
CREATE TABLE duplicates (
    key TEXT PRIMARY KEY,            -- the resolved path of the file
    path TEXT NOT NULL,              -- the path as given when ingested
    position TEXT NOT NULL,
    article INTEGER NOT NULL REFERENCES articles (id)
);
CREATE INDEX duplicates_by_article ON duplicates (article);
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


@dataclass
class IngestReport:
    """What an ingest read and changed."""

    seen: int = 0
    added: int = 0
    replaced: int = 0
    unchanged: int = 0
    duplicates: int = 0  # the same story as a stored article (by URL or content), skipped
    reextracted: int = 0  # unchanged articles whose events came from an older extractor
    skipped: list[str] = field(default_factory=list)
    events: int = 0  # tellings written
    merged: int = 0  # of them, joined to a happening another article told
    stale: int = 0  # articles of the store, not among those read, still from an older extractor


@dataclass
class RemoveReport:
    """What a removal took out."""

    articles: list[str] = field(default_factory=list)  # the paths of the articles removed
    not_found: list[str] = field(default_factory=list)  # the paths or URLs that matched none
    events_removed: int = 0  # happenings no article tells any more
    events_changed: int = 0  # happenings that lost a source and remain


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
        row = db.execute("SELECT hash, extractor FROM articles WHERE key = ?", (key,)).fetchone()
        if row is not None and tuple(row) == (digest, EXTRACTOR_VERSION):
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


def position(key: str) -> str:
    """Where the article of ``key`` stands in the order the store merges tellings in: its key,
    compared as ``timeline ingest`` walks folders (a folder's own files by their names, the
    separator first) and a corpus's lines by number. A store merges as if its articles had
    been ingested in this order, whatever order they came in."""
    line = _CORPUS_LINE_RE.fullmatch(key)
    if line is not None and not is_url(key):
        key = f"{line.group(1)}:{int(line.group(2)):012d}"
    return key.replace("/", "\x01")


_CORPUS_LINE_RE = re.compile(r"(.*):(\d+)")


def _is_file_key(key: str) -> bool:
    """Whether an article's key is a file that can be read again (not a URL, a corpus line or
    a feed entry)."""
    return not is_url(key) and not key.endswith(SUMMARY_KEY) and os.path.isabs(key) and Path(key).is_file()


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
    to be told that there is no store rather than get an empty one, and open it read-only
    (``readonly``, the default when not ``create``): that works in a folder nobody may write.
    """

    def __init__(
        self,
        path: str | Path = DEFAULT_DB,
        create: bool = True,
        timeout: float = DEFAULT_TIMEOUT,
        readonly: bool | None = None,
    ):
        self.path = Path(path)
        self.timeout = timeout
        self.readonly = not create if readonly is None else readonly
        if not self.path.exists():
            if not create:
                raise StoreError(
                    f"{shown(self.path)}: no store here; make one with "
                    f"`timeline ingest --db {shown(self.path)} PATH...`"
                )
            try:
                self.path.parent.mkdir(parents=True, exist_ok=True)
            except OSError as err:
                raise StoreError(
                    f"{shown(self.path)}: cannot make the store's folder ({err.strerror})"
                ) from None
        elif self.path.is_dir():
            raise StoreError(f"{shown(self.path)}: is a folder, not a store")
        elif not self.path.is_file():
            raise StoreError(f"{shown(self.path)}: not a regular file, so not a store")
        self.db: sqlite3.Connection
        with self._guard():
            self.db = self._connect()
            self._prepare()

    # --- opening --------------------------------------------------------------------------

    def _connect(self) -> sqlite3.Connection:
        if not self.readonly:
            return sqlite3.connect(self.path, timeout=self.timeout, isolation_level=None)
        uri = "file:" + urllib.parse.quote(str(self.path.resolve()))
        try:
            db = sqlite3.connect(uri + "?mode=ro", uri=True, timeout=self.timeout, isolation_level=None)
            db.execute("PRAGMA user_version").fetchone()
            return db
        except sqlite3.OperationalError as err:
            if (
                "unable to open" not in str(err)
                or os.access(self.path.parent, os.W_OK | os.X_OK)
                and (_can_create_in(self.path.parent))
            ):
                raise
        # A folder nobody may write: SQLite cannot make the files of its log there, so the store
        # is read as a file that does not change (no ingest can write it there either).
        return sqlite3.connect(uri + "?immutable=1", uri=True, timeout=self.timeout, isolation_level=None)

    def _prepare(self) -> None:
        version = self.db.execute("PRAGMA user_version").fetchone()[0]
        if version == 0 and not self.readonly:
            self.db.execute("PRAGMA journal_mode = WAL")
            self.db.execute("BEGIN IMMEDIATE")
            try:
                version = self.db.execute("PRAGMA user_version").fetchone()[0]
                tables = self.db.execute("SELECT count(*) FROM sqlite_master").fetchone()[0]
                if version == 0 and tables:
                    raise StoreError(
                        f"{shown(self.path)}: an SQLite file, but not a timeline store; "
                        "give --db a store made by timeline ingest, or a new file name"
                    )
                if version == 0:  # a new store: the schema and its version in one transaction
                    for statement in SCHEMA.split(";\n"):
                        if statement.strip():
                            self.db.execute(statement)
                    self.db.execute(f"PRAGMA user_version = {SCHEMA_VERSION}")
                    version = SCHEMA_VERSION
            finally:
                if self.db.in_transaction:
                    self.db.execute("COMMIT")
        elif version == 0:
            self.db.close()
            raise StoreError(
                f"{shown(self.path)}: not a timeline store; make one with "
                f"`timeline ingest --db {shown(self.path)} PATH...`"
            )
        if version not in READS_VERSIONS:
            self.db.close()
            newer = "a newer" if version > SCHEMA_VERSION else "an older"
            raise StoreError(
                f"{shown(self.path)}: store schema version {version} was written by {newer} timeline; this one "
                f"reads version {SCHEMA_VERSION}: "
                + (
                    "upgrade timeline, or ingest the articles into a new store with --db"
                    if version > SCHEMA_VERSION
                    else "move it aside and ingest the articles again (timeline ingest --db ...)"
                )
            )
        self.version = int(version)
        if self.readonly:
            return
        self.db.execute("PRAGMA journal_mode = WAL")
        self.db.execute("PRAGMA synchronous = NORMAL")
        if self.version < SCHEMA_VERSION:
            self._upgrade()

    @contextmanager
    def _guard(self) -> Iterator[None]:
        """SQLite's errors as one-line :class:`StoreError` s saying what to do."""
        try:
            yield
        except sqlite3.Error as err:
            raise self._error(err) from None

    def _upgrade(self) -> None:
        """Bring a store of version 1, or of either kind of version 2, to this version in place,
        in one transaction: the article columns it lacks (:data:`ARTICLE_COLUMNS`) and their
        indexes."""
        self.db.execute("BEGIN IMMEDIATE")
        try:
            if self.db.execute("PRAGMA user_version").fetchone()[0] < SCHEMA_VERSION:  # not meanwhile
                have = self._article_columns()
                for column, statements in ARTICLE_COLUMNS.items():
                    if column not in have:
                        for statement in statements:
                            self.db.execute(statement)
                if "position" not in have:
                    self.db.executemany(
                        "UPDATE articles SET position = ? WHERE id = ?",
                        [(position(str(k)), i) for i, k in self.db.execute("SELECT id, key FROM articles")],
                    )
                for statement in (*ARTICLE_INDEXES, *DUPLICATES_TABLE):
                    self.db.execute(statement)
                self.db.execute(f"PRAGMA user_version = {SCHEMA_VERSION}")
            self.db.execute("COMMIT")
        finally:
            if self.db.in_transaction:
                self.db.execute("ROLLBACK")
        self.version = SCHEMA_VERSION

    def _article_columns(self) -> set[str]:
        return {str(row[1]) for row in self.db.execute("PRAGMA table_info(articles)")}

    def _error(self, err: sqlite3.Error) -> StoreError:
        text = str(err)
        name = shown(self.path)
        if "locked" in text or "busy" in text:
            return StoreBusyError(
                f"{name}: another ingest is writing this store and did not finish within "
                f"{self.timeout:g} s; try again when it is done"
            )
        if "not a database" in text:
            return StoreError(
                f"{name}: not a timeline store (not an SQLite database); give --db a store made by "
                "timeline ingest, or move this file aside"
            )
        if "malformed" in text or "corrupt" in text:
            return StoreDamagedError(
                f"{name}: the store is damaged ({text}); `timeline check --db {name}` tells more; "
                "move it aside and ingest the articles again",
                detail=text,
            )
        if "readonly" in text or "read-only" in text or "unable to open" in text:
            return StoreReadOnlyError(
                f"{name}: cannot write the store or its folder ({text}); it can still be read with "
                "--db; to ingest, copy it to a writable folder or use another --db"
            )
        if "disk I/O" in text or "full" in text:
            return StoreError(f"{name}: cannot write the store ({text}); free space or check the disk")
        return StoreError(f"{name}: {text}")

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
        with self._guard():
            return int(self.db.execute("SELECT count(*) FROM articles").fetchone()[0])

    def count_events(self) -> int:
        with self._guard():
            return int(self.db.execute("SELECT count(*) FROM happenings").fetchone()[0])

    def count_stale(self) -> int:
        """Articles whose events came from an older extractor than this timeline's."""
        if self.version < SCHEMA_VERSION and "extractor" not in self._article_columns():
            return self.count_articles()  # an older store read as it is: from before extractor versions
        with self._guard():
            row = self.db.execute("SELECT count(*) FROM articles WHERE extractor != ?", (EXTRACTOR_VERSION,))
            return int(row.fetchone()[0])

    def data_version(self) -> int:
        """A number that changes whenever another connection commits to the store (SQLite's
        ``PRAGMA data_version``, no table read): what a long-running reader such as
        ``timeline serve`` asks before deciding whether anything needs reading again."""
        try:
            return int(self.db.execute("PRAGMA data_version").fetchone()[0])
        except sqlite3.Error as err:
            raise self._error(err) from None

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
        skip_errors: bool = False,
        scheduler: str | None = None,
        on_progress: Callable[[int], None] | None = None,
    ) -> IngestReport:
        """Add the articles under ``paths`` (and ``reading.feeds``): extraction on ``jobs``
        processes (default: all cores), articles streamed, the store written in transactions.
        Files of one article are read by the workers; corpora, feeds and URLs by the feeder.

        A bad input (a file that cannot be read as an article, a FIFO in a folder, a bad corpus
        line or feed entry) raises :class:`ArticleError`, the articles before it being stored,
        unless the caller asks to skip bad inputs: ``on_error`` is given each message,
        ``skip_errors=True`` skips them; either way they are listed in the report's ``skipped``.
        A note about an input still read (a feed entry read from its summary) goes to
        ``on_error`` and is neither raised nor listed.

        With ``scheduler`` (``local:N`` or a Dask scheduler's address) the articles are read and
        extracted on that Dask cluster instead, and ``paths`` may be fsspec URLs (see
        :mod:`timeline.cluster`); ``on_progress`` is told the number of inputs done."""
        if self.readonly:
            raise StoreError(f"{shown(self.path)}: opened read-only; open it with Store(path) to ingest")
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
            # A problem met while walking the folders (a FIFO, a broken link) or reading a corpus,
            # feed or URL is told in its place among the articles, and the walk goes on.
            said: list[str] = []
            problems: list[ArticleError] = []
            with Reader(
                reading=reading,
                report=lambda e: said.append("\0" + str(e)),
                note=lambda e: said.append("\1" + str(e)),
            ) as reader:
                try:
                    walk = (
                        expand_paths(given, glob, on_error=problems.append)
                        if remote is None
                        else remote.inputs(given, glob)
                    )
                    for p in walk:
                        while problems:
                            yield "\0" + str(problems.pop(0))
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
                for problem in problems:
                    yield "\0" + str(problem)

        try:
            if remote is not None:
                try:
                    reads = remote.reads(feed(), scheduler, self._hash_of, on_progress)
                    self._write(reads, report, on_error, skip_errors)
                except remote.ClusterError as err:
                    raise StoreError(str(err)) from None
            elif jobs == 1:
                self._write((_read(p, self.db) for p in feed()), report, on_error, skip_errors)
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

                        self._write(results(), report, on_error, skip_errors)
                    finally:
                        stop.set()
        except sqlite3.Error as err:
            raise self._error(err) from None
        report.stale = self.count_stale()
        return report

    def _hash_of(self, key: str) -> str | None:
        """The hash of the stored article ``key``, if there is one."""
        row = self.db.execute("SELECT hash FROM articles WHERE key = ?", (key,)).fetchone()
        return str(row[0]) if row is not None else None

    def _write(
        self,
        reads: Iterator[_Read],
        report: IngestReport,
        on_error: Callable[[str], None] | None,
        skip_errors: bool = True,
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
                    elif not skip_errors and not read.unchanged:
                        raise ArticleError(read.error)
                    continue
                report.seen += 1
                if read.unchanged:
                    report.unchanged += 1
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

    def remove(self, targets: Iterable[str | Path]) -> RemoveReport:
        """Take articles out of the store: each target is an article's path (the file may be
        gone), a folder (every article under it) or an ``http(s)://`` URL (the articles with
        that source URL). A happening only they told disappears; one that other articles tell
        too keeps its id and loses their sources and sentences. One transaction for all."""
        if self.readonly:
            raise StoreError(f"{shown(self.path)}: opened read-only; open it with Store(path) to remove")
        report = RemoveReport()
        with self._guard():
            self.db.execute("BEGIN IMMEDIATE")
            try:
                chosen: dict[int, str] = {}
                skipped: list[str] = []  # duplicates named: forgotten, nothing else to do
                for target in targets:
                    rows = self._articles_of(str(target))
                    copies = self._duplicates_of(str(target))
                    if not rows and not copies:
                        report.not_found.append(str(target))
                    chosen.update(rows)
                    skipped += copies.values()
                    self.db.executemany("DELETE FROM duplicates WHERE key = ?", [(k,) for k in copies])
                touched: set[str] = set()
                for article_id in chosen:
                    touched.update(
                        h
                        for (h,) in self.db.execute(
                            "SELECT happening FROM tellings WHERE article = ?", (article_id,)
                        )
                    )
                    self.db.execute("DELETE FROM tellings WHERE article = ?", (article_id,))
                    self.db.execute("DELETE FROM articles WHERE id = ?", (article_id,))
                before = self.count_events()
                changed = self._recluster(touched, [], IngestReport())
                for article_id in chosen:  # a file that held the same story now stands for it
                    self._promote(article_id, IngestReport())
                report.events_removed = max(0, before - self.count_events())
                report.events_changed = changed
                report.articles = sorted([*chosen.values(), *skipped])
                self.db.execute("COMMIT")
            finally:
                if self.db.in_transaction:
                    self.db.execute("ROLLBACK")
        return report

    def _articles_of(self, target: str) -> dict[int, str]:
        """The articles (id -> path) a target of :meth:`remove` names: by URL, the articles with
        that URL or fetched from it (a feed summary standing in for it too); by path, the
        article of that file, the lines of that corpus, or every article under that folder."""
        if is_url(target):
            rows = self.db.execute(
                "SELECT id, path FROM articles WHERE url = ? OR key IN (?, ?)",
                (target, target, target + SUMMARY_KEY),
            )
            return {int(i): p for i, p in rows}
        key = str(Path(target).resolve())
        rows = self.db.execute(
            "SELECT id, path FROM articles WHERE key = ? OR substr(key, 1, ?) IN (?, ?)",
            (key, len(key) + 1, key.rstrip("/") + "/", key + ":"),
        )
        return {int(i): p for i, p in rows}

    def _duplicates_of(self, target: str) -> dict[str, str]:
        """The duplicates (key -> path) a path target of :meth:`remove` names: that file, or
        every one under that folder."""
        if is_url(target):
            return {}
        key = str(Path(target).resolve())
        rows = self.db.execute(
            "SELECT key, path FROM duplicates WHERE key = ? OR substr(key, 1, ?) = ?",
            (key, len(key) + 1, key.rstrip("/") + "/"),
        )
        return {str(k): str(p) for k, p in rows}

    def check(self) -> list[str]:
        """What is wrong with the store, one line each; none when it is sound.

        SQLite's ``integrity_check`` (pages, indexes), then the store's own: every telling
        belongs to an article and a happening, every happening has a telling, and the
        country index matches the happenings.
        """
        problems: list[str] = []
        with self._guard():
            problems += [
                f"SQLite: {line}" for (line,) in self.db.execute("PRAGMA integrity_check(20)") if line != "ok"
            ]
            if problems:
                return problems
            own = {
                "tellings of no article": "SELECT count(*) FROM tellings WHERE article NOT IN (SELECT id FROM articles)",
                "tellings of no event": "SELECT count(*) FROM tellings WHERE happening NOT IN (SELECT id FROM happenings)",
                "events no article tells": "SELECT count(*) FROM happenings WHERE id NOT IN (SELECT happening FROM tellings)",
                "country index rows of no event": "SELECT count(*) FROM happening_countries "
                "WHERE happening NOT IN (SELECT id FROM happenings)",
                "duplicates of no article": "SELECT count(*) FROM duplicates "
                "WHERE article NOT IN (SELECT id FROM articles)",
            }
            if self.version < 4:  # read as it is: from before duplicates were noted
                del own["duplicates of no article"]
            for what, sql in own.items():
                n = int(self.db.execute(sql).fetchone()[0])
                if n:
                    problems.append(f"{n} {what}")
        return problems

    def _put_article(self, read: _Read, report: IngestReport) -> None:
        row = self.db.execute(
            "SELECT id, hash, extractor FROM articles WHERE key = ?", (read.key,)
        ).fetchone()
        if row is not None and (row[1], row[2]) == (read.hash, EXTRACTOR_VERSION):
            report.unchanged += 1  # another ingest wrote it meanwhile
            return
        stands_for: tuple[int, str, str] | None = None  # a stored copy (id, key, path) it replaces
        if row is None:
            story = _stored_story(self.db, read)
            if story is not None:  # told by another article of the store, or of this ingest
                if not self._comes_before(read, story[1]):
                    self._note_duplicate(read, story[0])
                    report.duplicates += 1
                    return
                taking = read if not read.duplicate else _read(read.path)
                if taking.error is not None:
                    self._note_duplicate(read, story[0])
                    report.duplicates += 1
                    return
                # The same story, from a file that comes first: it stands for the story, as in a
                # store that ingested the files in order; the stored copy becomes its duplicate.
                read, stands_for = taking, self._drop_article(story[0], promote=False)
                report.duplicates += 1
                report.added -= 1  # counted once, as a duplicate
            else:
                row = _summary_of(self.db, read)
        elif read.duplicate:  # stored under this key, yet a copy of another (a feed entry's page)
            report.duplicates += 1
            return
        elif row[1] != read.hash:
            other = self._same_text_elsewhere(read, int(row[0]))
            if other is not None and not self._comes_before(read, other[1]):
                # A changed article that now tells, word for word, another stored one is that story
                # arriving a second way, as a new one would be: it leaves the store.
                self._drop_article(int(row[0]))
                self._note_duplicate(read, other[0])
                report.duplicates += 1
                return
            if other is not None:  # ... unless it comes first: then the other is its duplicate
                stands_for = self._drop_article(other[0], promote=False)
        touched: set[str] = set()
        now = dt.datetime.now(dt.UTC).isoformat(timespec="seconds")
        changed_text = False
        # the article's row, in the column order of the UPDATE and the INSERT below
        values = (
            read.key,
            read.path,
            read.hash,
            now,
            read.url,
            read.content,
            EXTRACTOR_VERSION,
            position(read.key),
        )
        if row is not None:
            article_id = int(row[0])
            touched = {
                h
                for (h,) in self.db.execute("SELECT happening FROM tellings WHERE article = ?", (article_id,))
            }
            self.db.execute("DELETE FROM tellings WHERE article = ?", (article_id,))
            self.db.execute(
                "UPDATE articles SET key = ?, path = ?, hash = ?, ingested = ?, url = ?, content = ?, extractor = ?, "
                "position = ? WHERE id = ?",
                (*values, article_id),
            )
            if row[1] == read.hash:
                report.reextracted += 1
            else:
                report.replaced += 1
                changed_text = True
        else:
            cursor = self.db.execute(
                "INSERT INTO articles (key, path, hash, ingested, url, content, extractor, position) "
                "VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                values,
            )
            article_id = int(cursor.lastrowid or 0)
            self.db.execute("DELETE FROM duplicates WHERE key = ?", (read.key,))
            report.added += 1
        if stands_for is not None:  # the copy it takes the place of, and that copy's duplicates
            self.db.execute(
                "UPDATE duplicates SET article = ? WHERE article = ?", (article_id, stands_for[0])
            )
            self.db.execute(
                "INSERT OR REPLACE INTO duplicates (key, path, position, article) VALUES (?, ?, ?, ?)",
                (stands_for[1], stands_for[2], position(stands_for[1]), article_id),
            )
        tellings = [
            with_paths(e) for e in sorted(read.events, key=article_order)
        ]  # as merge_articles takes them
        later = self.db.execute(
            "SELECT 1 FROM articles WHERE position > ? LIMIT 1", (position(read.key),)
        ).fetchone()
        if row is None and later is None:  # a new article that comes last: its tellings join what is there
            for telling in tellings:
                self._attach(telling, article_id, report)
        else:  # what it told, and what it tells now, is merged again in order
            self._recluster(touched, [(article_id, t) for t in tellings], report)
        if changed_text:  # its duplicates hold the text it had: the first of them stands for that
            self._promote(article_id, IngestReport())

    def _same_text_elsewhere(self, read: _Read, article_id: int) -> tuple[int, str] | None:
        """Another article of the store (id, key) than ``article_id`` with the text of ``read``."""
        row = self.db.execute(
            "SELECT id, key FROM articles WHERE content = ? AND id != ? ORDER BY position LIMIT 1",
            (read.content, article_id),
        ).fetchone()
        return (int(row[0]), str(row[1])) if row is not None else None

    @staticmethod
    def _comes_before(read: _Read, key: str) -> bool:
        """Whether the file ``read`` comes before the stored file ``key`` of the same story: then
        it stands for the story, as when the files are ingested in order."""
        return _is_file_key(read.key) and _is_file_key(key) and position(read.key) < position(key)

    def _note_duplicate(self, read: _Read, article_id: int) -> None:
        """Remember a file skipped as the same story as ``article_id`` (only files can be read
        again when that article goes)."""
        if _is_file_key(read.key):
            self.db.execute(
                "INSERT OR REPLACE INTO duplicates (key, path, position, article) VALUES (?, ?, ?, ?)",
                (read.key, read.path, position(read.key), article_id),
            )

    def _drop_article(self, article_id: int, promote: bool = True) -> tuple[int, str, str]:
        """Take one article and its tellings out, merging again what it told (as :meth:`remove`);
        with ``promote``, the first of its duplicates is read in its place. Returns the article's
        id, key and path."""
        key, path = self.db.execute("SELECT key, path FROM articles WHERE id = ?", (article_id,)).fetchone()
        touched = {
            h for (h,) in self.db.execute("SELECT happening FROM tellings WHERE article = ?", (article_id,))
        }
        self.db.execute("DELETE FROM tellings WHERE article = ?", (article_id,))
        self.db.execute("DELETE FROM articles WHERE id = ?", (article_id,))
        self._recluster(touched, [], IngestReport())  # its own count: nothing here joined
        if promote:
            self._promote(article_id, IngestReport())
        return article_id, str(key), str(path)

    def _promote(self, article_id: int, report: IngestReport) -> None:
        """The files noted as duplicates of ``article_id`` (gone, or with another text now), read
        again in position order as an ingest would: the first stands for the story, the others
        are its duplicates again. A file that is gone is forgotten."""
        rows = self.db.execute(
            "SELECT key, path FROM duplicates WHERE article = ? ORDER BY position", (article_id,)
        ).fetchall()
        self.db.execute("DELETE FROM duplicates WHERE article = ?", (article_id,))
        for key, path in rows:
            given = path if Path(path).resolve() == Path(key) else key  # read as first given
            read = _read(given, self.db)
            if read.error is None and not read.unchanged:
                self._put_article(read, report)

    def _attach(
        self, telling: Event, article_id: int, report: IngestReport, keep_id: str | None = None
    ) -> str:
        """Add one telling to the happening it tells, or found one (with ``keep_id`` when that
        id is free: the id the happening had before it was merged again). Returns its id."""
        people = folded_people(telling)
        earliest = telling.start - dt.timedelta(days=self._max_span())
        # What this article already tells: its extraction told its events apart.
        own = {
            h for (h,) in self.db.execute("SELECT happening FROM tellings WHERE article = ?", (article_id,))
        }
        rows = self.db.execute(
            "SELECT id, start, people, countries, event FROM happenings "
            "WHERE type = ? AND start >= ? AND start <= ? AND last_day >= ?",
            (telling.type, earliest.isoformat(), telling.last_day.isoformat(), telling.start.isoformat()),
        ).fetchall()
        start, countries = telling.start.isoformat(), ",".join(sorted(telling.countries))
        # timeline.merge.same_happening_across, on the columns of the happenings: a telling of
        # the same id (so the same first day and countries), or agreement.
        agreeing = [
            (row_start, self._founded(hid), hid, data)
            for hid, row_start, row_people, row_countries, data in rows
            if (row_start == start and row_countries == countries and telling.id in self._told(hid))
            or hid not in own
            and agree(
                people,
                telling.countries,
                row_people.split("\n") if row_people else [],
                row_countries.split(","),
            )
        ]
        # The first by day, then in the order they were founded (not by id: ids are kept when
        # happenings are merged again, so they do not tell the order).
        first = min(agreeing, default=None)
        match = (first[2], first[3]) if first is not None else None
        hid: str
        if match is not None:
            hid = str(match[0])
            self._save(join(Event.from_dict(json.loads(match[1])), telling), new=False)
            report.merged += 1
        else:

            def taken(h: str) -> bool:
                return self.db.execute("SELECT 1 FROM happenings WHERE id = ?", (h,)).fetchone() is not None

            hid = keep_id if keep_id is not None and not taken(keep_id) else founding_id(telling, taken)
            self._save(replace(telling, id=hid), new=True)
        self.db.execute(
            "INSERT INTO tellings (article, happening, event) VALUES (?, ?, ?)",
            (article_id, hid, json.dumps(telling.to_dict(), ensure_ascii=False)),
        )
        report.events += 1
        return hid

    def _told(self, happening: str) -> set[str]:
        """The event ids of a happening's tellings (its own id may be kept from one gone)."""
        rows = self.db.execute(
            "SELECT json_extract(event, '$.id') FROM tellings WHERE happening = ?", (happening,)
        )
        return {str(i) for (i,) in rows}

    def _founded(self, happening: str) -> tuple[str, tuple[int, str]]:
        """When a happening was founded, as its first telling: (its article's position, its place
        in the article). Not when it was ingested: the store merges in position order."""
        row = self.db.execute(
            "SELECT a.position, t.event FROM tellings t JOIN articles a ON a.id = t.article "
            "WHERE t.happening = ? ORDER BY a.position, t.id LIMIT 1",
            (happening,),
        ).fetchone()
        if row is None:
            return ("", (-1, ""))
        return (str(row[0]), article_order(Event.from_dict(json.loads(row[1]))))

    def _recluster(self, seeds: set[str], extra: list[tuple[int, Event]], report: IngestReport) -> int:
        """Merge again, in article order, every telling that a change could regroup: those of
        the ``seeds`` happenings (an article changed or went), the ``extra`` tellings of a
        changed article, and those of every happening of the same type whose days overlap
        theirs, and theirs, and so on. The store then holds what a fresh ingest of its articles
        would: merging is greedy, so it depends on the order the tellings come in. A happening
        keeps its id while its first telling's id is free. Returns how many of ``seeds`` remain.
        """
        max_span = dt.timedelta(days=self._max_span())
        found: dict[str, None] = {}
        around: list[tuple[str, str, str]] = [
            (t.type, t.start.isoformat(), t.last_day.isoformat()) for _, t in extra
        ]
        for hid in sorted(seeds):
            row = self.db.execute(
                "SELECT type, start, last_day FROM happenings WHERE id = ?", (hid,)
            ).fetchone()
            if row is not None:
                found[hid] = None
                around.append(tuple(row))
        while around:
            type_, start, last = around.pop()
            earliest = (dt.date.fromisoformat(start) - max_span).isoformat()
            for hid, other_start, other_last in self.db.execute(
                "SELECT id, start, last_day FROM happenings WHERE type = ? AND start >= ? AND start <= ? "
                "AND last_day >= ?",
                (type_, earliest, last, start),
            ).fetchall():
                if hid not in found:
                    found[hid] = None
                    around.append((type_, other_start, other_last))
        entries: list[tuple[int, tuple[int, str], str | None, Event]] = []
        for hid in found:
            for article, data in self.db.execute(
                "SELECT article, event FROM tellings WHERE happening = ?", (hid,)
            ).fetchall():
                event = Event.from_dict(json.loads(data))
                entries.append((int(article), article_order(event), hid, event))
            self.db.execute("DELETE FROM tellings WHERE happening = ?", (hid,))
            self.db.execute("DELETE FROM happening_countries WHERE happening = ?", (hid,))
            self.db.execute("DELETE FROM happenings WHERE id = ?", (hid,))
        entries += [(article, article_order(t), None, t) for article, t in extra]
        # In position order (as a fresh ingest of the files in order merges), not ingest order.
        positions: dict[int, str] = {}
        for article in {e[0] for e in entries}:
            row = self.db.execute("SELECT position FROM articles WHERE id = ?", (article,)).fetchone()
            positions[article] = str(row[0]) if row is not None else ""
        entries.sort(key=lambda e: (positions[e[0]], e[0], e[1]))
        again = IngestReport()  # tellings already counted when first written
        for article, _, old, telling in entries:
            self._attach(telling, article, report if old is None else again, keep_id=old)
        return sum(
            1 for hid in seeds if self.db.execute("SELECT 1 FROM happenings WHERE id = ?", (hid,)).fetchone()
        )

    def _save(self, event: Event, new: bool) -> None:
        row = (
            event.type,
            event.start.isoformat(),
            event.last_day.isoformat(),
            ",".join(sorted(event.countries)),
            "\n".join(folded_people(event)),
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


def _can_create_in(folder: Path) -> bool:
    """Whether a file can be made in ``folder`` (``os.access`` says yes to root even where the
    folder is immutable or on a read-only mount)."""
    try:
        fd, name = tempfile.mkstemp(dir=folder, prefix=".timeline-probe-")
    except OSError:
        return False
    os.close(fd)
    os.unlink(name)
    return True
